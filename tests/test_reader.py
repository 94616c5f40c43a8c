"""The question reader on questions of its own (issue 22): no false « absent », common nouns
that are not places, and the rest of the reader's classes."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from bot.content.yamlread import read_yaml
from bot.engine.commands import answer, callback
from bot.engine.index import Index
from bot.engine.questions import respond, understand
from bot.engine.seedtext import seed_mentions
from bot.render.text import render_text
from bot.text import count, fold
from tests.conftest import ContentCopy

TODAY = date(2026, 11, 23)


def _text(reply) -> str:  # type: ignore[no-untyped-def]
    return render_text(reply)


def _with_sentence(copy: ContentCopy, sentence: str) -> Index:
    """The fixture base with ``sentence`` appended to its first seed article."""
    seed = sorted(copy.seeds.glob("*.txt"))[0]
    seed.write_text(seed.read_text(encoding="utf-8") + f"\n{sentence}\n", encoding="utf-8")
    return Index(copy.load())


# --- class 2: never a false « absent from the articles » --------------------------------------


def test_absent_is_said_only_after_the_full_text_search_and_says_what_it_searched(copy):
    index = Index(copy.load())
    text = _text(answer(index, "/pays Madagascar", TODAY))
    assert "« Madagascar » n'apparaît dans aucun des articles de la base." in text
    assert f"texte intégral des {count(len(index.base.seeds), 'article')}" in text


def test_a_word_the_articles_hold_is_never_said_absent_and_its_sentence_is_quoted(copy):
    sentence = "Une délégation de Madagascar assistait aussi aux échanges."
    index = _with_sentence(copy, sentence)
    reply = answer(index, "/pays Madagascar", TODAY)
    text = _text(reply)
    assert "n'apparaît dans aucun" not in text
    assert "figure dans 1 article" in text
    assert f"« {sentence} »" in text  # verbatim, with its source
    search = [b for row in reply.buttons for b in row if b.data.startswith("c:/cherche")]
    assert search and callback(index, search[0].data) is not None


def test_a_common_noun_of_the_articles_is_not_read_as_a_place(base):
    index = Index(base)
    assert seed_mentions(index, "réunion")  # the articles use the word
    for question in ("réunion", "y a-t-il eu une réunion à Bruxelles ?", "la réunion de l'OTAN"):
        found = understand(index, question, TODAY)
        assert found is None or not found.data.startswith("/pays"), question
        assert "n'apparaît dans aucun" not in _text(respond(index, question, TODAY))


def test_a_question_that_makes_the_word_a_place_gets_the_truth_about_it(base):
    index = Index(base)
    text = _text(respond(index, "que se passe-t-il à la Réunion ?", TODAY))
    assert "n'apparaît dans aucun" not in text
    assert "figure dans" in text


def test_a_country_no_article_names_is_still_said_absent_from_a_question(base):
    index = Index(base)
    assert not seed_mentions(index, "Pérou")
    text = _text(respond(index, "relations avec le Pérou ?", TODAY))
    assert "« Pérou » n'apparaît dans aucun des articles de la base." in text


@pytest.mark.parametrize("phrase", ["réunions", "REUNION", "Réunion"])
def test_the_seed_search_ignores_accents_case_and_plurals(base, phrase):
    assert seed_mentions(Index(base), phrase)


# --- class 1: an unread word never empties the answer, and no internal code shows ------------


def test_an_unread_word_is_left_aside_not_turned_into_an_empty_answer(base):
    index = Index(base)
    reply = respond(index, "qui a servi de médiateur entre l'Azerbaïdjan et l'Arménie ?", TODAY)
    text = _text(reply)
    assert reply.found and "Aucun accord" not in text
    # said, never dropped: « servi » is a word of the articles (« a servi de cadre »), so it is
    # said as one the filter does not use rather than as one left unread (issue 22 follow-up)
    assert "sans effet sur ce filtre : « servi »" in text or "Laissé de côté" in text
    assert "AZ AM" not in text


def test_an_accord_header_reached_from_a_question_speaks_the_users_names(base):
    index = Index(base)
    for question in ("plan de défense du Royaume-Uni", "accords de défense britanniques"):
        reply = respond(index, question, TODAY)
        found = understand(index, question, TODAY)
        assert found is not None
        ids = found.data.split()[1:]
        lines = _text(reply).splitlines()
        # a list's header; when a single agreement answers (the UK has one), its card's top
        headers = [line.upper() for line in lines if line.upper().startswith("ACCORDS")]
        header = headers[0] if headers else " ".join(lines[:3]).upper()
        codes = [word for word in ids if word.upper() in header.split() and word.isupper()]
        assert codes == [], header


# --- class 6: every button works when sent -----------------------------------------------------

OWN_QUESTIONS = [
    "qui a servi de médiateur entre l'Azerbaïdjan et l'Arménie ?",
    "azerbaidjan israel",
    "combien de pays au forum de Bakou ?",
    "qui sont les membres de l'OTS ?",
    "accords xyzt 2025",
    "le 20 novembre",
    "janvier",
    "prévus en 2026",
    "réunion",
    "c'était quoi le forum ?",
    "recette de la tarte aux pommes",
    "et en 2025 ?",
    "l'Iran a-t-il signé un accord ?",
]


DEVELOPMENT = [
    item["q"]
    for item in read_yaml((Path(__file__).parent / "questions.yaml").read_text("utf-8"))[
        "questions"
    ]
]


@pytest.fixture(scope="module")
def shared(base) -> Index:  # type: ignore[no-untyped-def]
    return Index(base)


@pytest.mark.parametrize("question", OWN_QUESTIONS + DEVELOPMENT)
def test_every_button_of_an_answer_reaches_an_answer(shared, question):
    from bot.engine.commands import STALE

    index = shared
    reply = respond(index, question, TODAY)
    for row in reply.buttons:
        for button in row:
            assert callback(index, button.data) is not STALE, (question, button)
    if not reply.found:  # no « ▶ /commande » that would only repeat an empty answer
        assert not [b for row in reply.buttons for b in row if b.label.startswith("▶")]


# --- class 3: a rare word outweighs common ones; filler words are not searched ---------------


def test_a_rare_word_outweighs_a_common_one_in_the_ranking(base):
    index = Index(base)
    postings = index.fulltext.postings
    common = max(postings, key=lambda word: len(postings[word]))
    rare = next(
        word
        for word in sorted(postings)
        if len(postings[word]) == 1
        and len(word) > 5
        and not set(postings[word]) & set(postings[common])
    )
    top, _score = index.fulltext.search(f"{common} {rare}", limit=1)[0]
    assert top.id in postings[rare]  # the common word's entries, far more, come after


def test_filler_words_are_neither_searched_nor_reported(base):
    index = Index(base)
    found = understand(index, "c'était quoi les drones, dit-on ?", TODAY)
    assert found is not None
    assert "etait" not in found.data and " dit" not in found.data
    assert "Laissé de côté" not in found.said


def test_words_left_aside_are_said_in_the_compris_line(base):
    index = Index(base)
    found = understand(index, "turquie otan machin", TODAY)
    assert found is not None and "Laissé de côté : « machin »" in found.said


# --- class 4: the question type chooses the view ----------------------------------------------


def test_how_many_with_a_subject_answers_with_the_articles_own_figure(base):
    from bot.engine.reply import Quote

    index = Index(base)
    reply = respond(index, "combien de pays au forum de Bakou ?", TODAY)
    quotes = [block for block in reply.blocks if isinstance(block, Quote)]
    assert quotes and reply.found
    for quote in quotes:  # each says a number of countries, in the article's words
        assert any(word.isdigit() for word in quote.text.split())
        assert "pays" in quote.text and "Bakou" in quote.text
    assert understand(index, "combien de pays ?", TODAY).data == "/pays"  # the bare count


def test_who_are_the_members_of_an_organisation_gives_its_card(base):
    index = Index(base)
    found = understand(index, "qui sont les membres de l'OTS ?", TODAY)
    assert found is not None and found.data == "/org ots"


def test_azerbaijan_and_an_actor_with_no_dated_line_gives_that_actors_card(base):
    from bot.engine.filters import TimelineFilter
    from bot.engine.timeline import select

    index = Index(base)
    # computed: which countries share no dated line with Azerbaijan depends on the base
    undated = [
        actor
        for actor in base.actors.values()
        if actor.is_country
        and actor.id != "AZ"
        and " " not in actor.name
        and "-" not in actor.name
        and not select(index, TimelineFilter(actors=("AZ", actor.id)))
    ]
    assert undated, "some country shares no dated line with Azerbaijan"
    for actor in undated:
        found = understand(index, f"azerbaidjan {fold(actor.name)}", TODAY)
        assert found is not None and found.data == f"/pays {actor.id}", actor.name


def test_an_empty_period_view_is_loosened_and_says_so(base):
    index = Index(base)
    reply = respond(index, "c'était quoi le sommet de l'OTAN en 2025 ?", TODAY)
    assert reply.found
    assert "filtre élargi" in _text(reply).splitlines()[0] + _text(reply).splitlines()[1]


def test_stems_reach_themes_kinds_and_acts(base):
    from bot.engine.filters import read_filter

    index = Index(base)
    assert read_filter(index, "militaires").filter.topics == ("defense",)
    assert read_filter(index, "diplomatique").filter.topics == ("diplomatie",)
    assert read_filter(index, "signatures").acts == ("signe",)
    assert read_filter(index, "à propos de la Turquie").acts == ()  # « propos » is not « proposé »


# --- class 5: one rule for days, weekdays, months and years ------------------------------------


def test_a_day_and_its_month_without_year_fall_in_the_same_year(base):
    from bot.engine.filters import read_filter

    index = Index(base)
    for month in ("novembre", "septembre", "octobre"):
        day = read_filter(index, f"le 20 {month}", TODAY).filter
        whole = read_filter(index, month, TODAY).filter
        assert day.start is not None and whole.start is not None
        assert day.start.year == whole.start.year and day.start <= TODAY
        assert whole.start <= day.start <= whole.end  # type: ignore[operator]


def test_a_month_without_year_is_the_latest_with_facts_and_said(base):
    from bot.engine.timeline import select

    index = Index(base)
    found = understand(index, "le 6 novembre", TODAY)
    assert found is not None and "sans année" in found.said
    reading_year = int(found.data.split()[2][:4])
    assert reading_year <= TODAY.year
    from bot.engine.filters import TimelineFilter

    month = TimelineFilter(date(reading_year, 11, 1), date(reading_year, 11, 30))
    assert select(index, month)  # the base has facts that November


def test_weekdays_are_the_latest_such_day(base):
    index = Index(base)
    monday = TODAY  # 23 November 2026 is a Monday
    assert monday.weekday() == 0
    assert understand(index, "lundi", TODAY).data == "/timeline du 2026-11-23 au 2026-11-23"
    assert understand(index, "lundi dernier", TODAY).data == "/timeline du 2026-11-16 au 2026-11-16"
    assert understand(index, "vendredi", TODAY).data == "/timeline du 2026-11-20 au 2026-11-20"


def test_an_act_no_agreement_holds_falls_back_to_the_events_of_that_kind(base):
    from bot.engine.filters import TimelineFilter
    from bot.engine.timeline import select

    index = Index(base)
    found = understand(index, "qu'a proposé le président azéri ?", TODAY)
    assert found is not None and found.data.startswith("/timeline")
    assert "aucun accord" in found.said
    assert select(index, TimelineFilter(actors=("AZ",), kinds=("proposition",)))
    assert respond(index, "qu'a proposé le président azéri ?", TODAY).found
    assert (
        understand(index, "accords proposés", TODAY).data == "/accord propose"
    )  # said « accords »


# --- speed without changing an answer -----------------------------------------------------------


def test_the_fuzzy_name_read_by_length_is_the_one_the_full_scan_finds(base):
    import random

    from rapidfuzz import fuzz, process

    from bot.engine.names import FUZZY_CUTOFF

    index = Index(base)
    names = index.names.fuzzy[0]
    rng = random.Random(22)
    keys = list(names)
    for name in names:
        for _ in range(4):
            at = rng.randrange(len(name))
            keys.append(name[:at] + rng.choice("aeiourstn") + name[at + 1 :])
            keys.append(name[:at] + name[at + 1 :])
    keys += ["recette", "tarte", "pommes", "servi", "bruxelles", "x", "zzzzzzzzzzzz"]
    for key in keys:
        full = process.extractOne(key, names, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
        expected = None if full is None else (float(full[1]), full[2])
        assert index.names._closest_name(key) == expected, key


def test_search_finds_an_entry_by_the_name_of_the_actor_it_is_about(base):
    from bot.content.model import Agreement
    from bot.text import fold

    index = Index(base)
    unnamed = []  # entries about an actor whose own words never give its name
    for entry in base.entries():
        involved = entry.parties if isinstance(entry, Agreement) else entry.actors
        words = fold(" ".join([entry.summary, *(e.quote for e in entry.evidence)]))
        for actor_id in involved:
            name = fold(base.actors[actor_id].name)
            if f" {name} " not in f" {words} ":
                unnamed.append((entry.id, name))
    assert unnamed  # « l'État hébreu » for Israël, « Ankara » for la Turquie…
    for entry_id, name in unnamed:
        found = {
            entry.id for entry, _score in index.fulltext.search(name, limit=len(index.entries))
        }
        assert entry_id in found, (entry_id, name)


def test_words_an_agreement_filter_cannot_read_lead_to_the_quote_not_to_an_empty_list(shared):
    """« mecanisme suivi prevu ds accord » (typed without accents, « ds » for « dans ») is no
    filter of agreements: rather than « Aucun accord ne correspond à ce filtre », the search
    finds the agreement's own words."""
    asked = 0
    for agreement in shared.base.agreements:
        for evidence in agreement.evidence:
            words = [fold(w) for w in evidence.quote.split() if len(w) >= 9 and w.isalpha()]
            if len(words) >= 2:
                question = f"{words[0]} {words[1]} prevu ds accord"
                text = fold(render_text(respond(shared, question, TODAY)))
                assert "aucun accord ne correspond" not in text, question
                asked += 1
                break
    assert asked
