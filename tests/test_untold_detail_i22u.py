"""Issue 22, phone readers' classes (seventh blind set), on the frozen five-article base
(``tests/fixtures/five``) and made-up articles, with questions of our own:

1. a covered subject asked for a detail no article gives opens with a plain « Les articles ne
   disent pas … » in the question's own terms, then the nearest passage, labelled; never when the
   articles may give it in other words (a figure near the subject, a verb said otherwise).
2. « Compris » lines in plain French, without the team's jargon or command echoes.
3. every answer offers a next tap: an absent country the covered actors the question names and
   the ways in; an empty chronology the nearest views that hold lines.
4. a folded quote that repeats the one shown open over its line is left out.
"""

from __future__ import annotations

import shutil
from dataclasses import replace
from datetime import date
from pathlib import Path

import yaml

from bot.content.loader import load_factbase
from bot.content.model import FactBase
from bot.engine.commands import answer, callback
from bot.engine.detail_untold import focus_words
from bot.engine.index import Index
from bot.engine.questions import respond
from bot.engine.repeats import without_repeated_quotes
from bot.engine.reply import Item, Para, Quote, QuoteGroup, Reply
from bot.engine.unsaid import unsaid_words
from bot.render.text import render_text
from tests.conftest import FIVE

TODAY = date(2026, 12, 6)


def _first_line(index: Index, question: str) -> str:
    """The answer's opening block, as a phone shows it first."""
    first = respond(index, question, TODAY).blocks[0]
    assert isinstance(first, Para)
    return first.text


# 1. the detail asked, said missing in the question's terms


def test_a_count_no_article_gives_is_said_first_in_the_questions_words(
    five_base: FactBase,
) -> None:
    index = Index(five_base)
    question = "combien de fantassins azerbaïdjanais ont participé à Agile Spirit 2025 ?"
    first = _first_line(index, question)
    assert first.startswith(
        "Les articles ne disent pas combien de fantassins azerbaïdjanais ont participé à Agile "
        "Spirit 2025 (aucun n'emploie « fantassins ») ; au plus proche :"
    ), first
    text = render_text(respond(index, question, TODAY))
    assert "Agile Spirit 2025 de l'OTAN" in text  # the nearest passage is still shown
    assert "mot absent" not in text  # said once, plainly, not again as a word notice


def test_a_next_event_no_article_speaks_of_is_said_first(five_base: FactBase) -> None:
    index = Index(five_base)
    for question, said in (
        (
            "Pouvez-vous me dire quand se tiendra la prochaine session du forum de Bakou ?",
            "Les articles ne disent pas quand se tiendra la prochaine session du forum de Bakou",
        ),
        (  # the question word at the end of a clause opened by an article
            "la prochaine visite de JD Vance à Bakou est prévue quand ?",
            "Les articles ne disent pas quand la prochaine visite de JD Vance à Bakou est prévue",
        ),
        (  # « avoir lieu » kept as typed in the verdict
            "quand aura lieu la prochaine rencontre entre Aliyev et l'OTAN ?",
            "Les articles ne disent pas quand aura lieu la prochaine rencontre",
        ),
    ):
        first = _first_line(index, question)
        assert first.startswith(said), (question, first)
        assert "« prochaine »" in first and first.endswith("au plus proche :"), first


def test_a_question_that_does_not_turn_cleanly_names_what_is_asked(five_base: FactBase) -> None:
    index = Index(five_base)
    first = _first_line(index, "nb de fantassins azerbaidjanais a agile spirit")
    assert first.startswith("Les articles ne donnent pas le nombre de fantassins"), first


def test_only_the_detail_asked_is_a_missing_detail() -> None:
    # « quand »/« où »: a word qualifying a noun (after an article, or opening the question)
    assert focus_words("quand aura lieu la prochaine réunion ?", ("aura", "prochaine")) == [
        "prochaine"
    ]
    assert focus_words("prochaine session prévue quand ?", ("prochaine",)) == ["prochaine"]
    # « combien »: the counted noun and the nouns chained to it by « de »
    assert focus_words(
        "combien de milliards de dollars ?", ("milliards", "dollars"), "combien"
    ) == [
        "milliards",
        "dollars",
    ]
    # a verb after an auxiliary, a locution, a word before the question, a duration: none
    assert focus_words("quand l'accord a-t-il été paraphé ?", ("paraphé",)) == []
    assert focus_words("en quelle année a-t-il pris la relève du conseil ?", ("relève",)) == []
    assert focus_words("Pour mon mémo de synthèse : quand fut-il signé ?", ("synthèse",)) == []
    assert focus_words("combien de temps après ?", ("temps",), "combien") == []
    assert focus_words("combien de menaces selon le papier ?", ("papier",), "combien") == []
    assert focus_words("qui est le prochain ministre ?", ("prochain",), "qui") == []


def test_words_around_the_question_never_make_a_not_said(five_base: FactBase) -> None:
    index = Index(five_base)
    for question in (
        "Pour mon mémo de synthèse : en quelle année l'accord avec Washington a-t-il été signé ?",
        "combien de menaces pèsent sur l'Azerbaïdjan selon le papier ?",
        "combien de temps après le Conseil de coopération nord-atlantique a-t-il rejoint le PPP ?",
    ):
        text = render_text(respond(index, question, TODAY))
        assert "(aucun n'emploie" not in text, question


def test_a_verb_said_otherwise_never_makes_a_not_said(five_base: FactBase) -> None:
    index = Index(five_base)
    question = "quand l'accord avec Washington a-t-il été paraphé ?"
    assert unsaid_words(index, question) == ["paraphé"]  # absent, but a verb: « signé »
    assert "ne disent pas quand" not in render_text(respond(index, question, TODAY))


def test_a_figure_near_the_subject_in_other_words_stops_the_not_said(
    five_base: FactBase, tmp_path: Path
) -> None:
    question = "combien de fantassins azerbaïdjanais ont participé à Agile Spirit 2025 ?"
    assert "ne disent pas combien" in _first_line(Index(five_base), question)
    content, seeds = tmp_path / "content", tmp_path / "seeds"
    shutil.copytree(FIVE / "content", content)
    shutil.copytree(FIVE / "seeds", seeds)
    seed = next(p for p in seeds.iterdir() if "delegation" in p.name)
    seed.write_text(  # a made-up sentence: the count given with another noun
        seed.read_text(encoding="utf-8")
        + "\nQuelque 300 militaires azerbaïdjanais ont participé à Agile Spirit 2025.\n",
        encoding="utf-8",
    )
    index = Index(load_factbase(content, seeds))
    text = render_text(respond(index, question, TODAY))
    assert "ne disent pas combien" not in text


def test_a_yes_no_question_gets_no_untold_detail_line(five_base: FactBase) -> None:
    index = Index(five_base)
    question = "est-ce que la prochaine réunion avec l'OTAN est prévue ?"
    assert "ne disent pas" not in render_text(respond(index, question, TODAY))


# 2. « Compris » lines in plain French: no team jargon, no command echoed next to its button

JARGON = (
    "sans filtre pour",
    "mot des articles",
    "mot absent du texte",
    "mots absents du texte",
    "je ne sais pas le lire",
    "la base le note",
)
"""Phrases outside readers flagged as jargon (seventh blind set)."""


def _dev_questions() -> list[str]:
    root = Path(__file__).resolve().parent
    out: list[str] = []
    for path in sorted(root.glob("questions_dev*.yaml")):
        out += [q["q"] for q in yaml.safe_load(path.read_text(encoding="utf-8"))["questions"]]
    return out


def test_compris_lines_say_in_plain_words_what_was_understood_and_set_aside(
    five_base: FactBase,
) -> None:
    index = Index(five_base)
    own = [
        "le prochain sommet de sécurité de Bakou international est prévu quand ?",
        "combien de fantassins azerbaïdjanais ont participé à Agile Spirit 2025 ?",
        "/timeline 2025 licornes",
        "quand les accords UE Inde ont-ils été signés ?",
        "qu'a signé le Royaume-Uni ?",
        "les articles parlent-ils d'une coopération de l'Azerbaïdjan avec le Brésil ?",
        "exercices de l'OTAN avec l'Azerbaïdjan prévus en 2027 ?",
    ]
    for question in own + _dev_questions():
        reply = respond(index, question, TODAY)
        text = render_text(reply)
        for phrase in JARGON:
            assert phrase not in text, (question, phrase)
        assert reply.buttons, question  # 3. always a next tap
        compris = [b.text for b in reply.blocks if isinstance(b, Para) and "Compris" in b.text]
        for line in compris:  # what was understood, in words: the command is under a button
            assert "→ /" not in line, (question, line)


def test_a_word_no_article_holds_is_said_plainly_on_the_compris_line(five_base: FactBase) -> None:
    index = Index(five_base)
    reply = respond(index, "drones de Turquie et licornes", TODAY)
    line = next(b.text for b in reply.blocks if isinstance(b, Para) and "Compris" in b.text)
    assert "licornes" not in line, line  # said neutrally, after the answer (i22zm)
    assert "Laissé de côté : « licornes »." in [getattr(b, "text", "") for b in reply.blocks]


# 3. a next tap under every answer


def _labels(reply: Reply) -> list[str]:
    return [button.label for row in reply.buttons for button in row]


def test_an_absent_country_offers_the_covered_actors_named_and_the_ways_in(
    five_base: FactBase,
) -> None:
    index = Index(five_base)
    reply = respond(index, "l'OTAN coopère-t-elle avec le Brésil sur la défense ?", TODAY)
    assert "Brésil" in render_text(reply)  # said absent, after the full-text search
    labels = _labels(reply)
    assert "OTAN" in labels and "🌍 Pays" in labels and "📅 Derniers faits" in labels, labels
    for row in reply.buttons:
        for button in row:
            assert callback(index, button.data).found, button.label


def test_an_empty_chronology_offers_the_nearest_views_that_hold_lines(
    five_base: FactBase,
) -> None:
    index = Index(five_base)
    reply = answer(index, "/timeline 2019 Turquie")
    assert not reply.found
    labels = _labels(reply)
    assert labels[-1] == "📅 Toute la chronologie", labels
    turkey = five_base.actors["TR"].name
    assert any(turkey in label for label in labels), labels
    for row in reply.buttons:
        for button in row:
            assert callback(index, button.data).found, button.label


def test_a_subject_told_at_two_dates_may_hold_the_next_one_no_not_said(
    five_base: FactBase,
) -> None:
    # « début octobre, … des manoeuvres … en 2026 »: the next manoeuvres are told without
    # « prochaines »; the verdict would be false
    index = Index(five_base)
    for question in (
        "quand auront lieu les prochaines manoeuvres de l'OTS ?",
        "prochaines manoeuvres de l'OTS prévues quand, en 2026 ?",
    ):
        assert "ne disent pas" not in render_text(respond(index, question, TODAY)), question
        assert "ne donnent pas la date" not in render_text(respond(index, question, TODAY))


def test_a_planned_period_asked_of_a_next_event_says_it_first(five_base: FactBase) -> None:
    index = Index(five_base)
    question = "prochaine édition du forum de Bakou prévue quand, en 2026 ?"
    first = _first_line(index, question)
    assert first.startswith("Les articles ne donnent pas la date demandée pour « prochaine"), first
    assert "ce qui est prévu" in render_text(respond(index, question, TODAY))  # the plans view


# 4. a folded quote repeating the one shown over its line is left out of the first message


def test_a_folded_quote_repeating_the_open_one_of_its_line_is_dropped(
    five_base: FactBase,
) -> None:
    index = Index(five_base)
    question = (
        "liste des pays dont les représentants permanents assistaient à la réunion avec Aliyev"
    )
    reply = respond(index, question, TODAY)
    quotes = [b.text for b in reply.blocks if isinstance(b, Quote)]
    assert any("Étaient présents à la réunion" in text for text in quotes)  # shown whole
    folded = [q.text for b in reply.blocks if isinstance(b, QuoteGroup) for _, q in b.quotes]
    assert not any("Des représentants de Turquie, Grèce" in text for text in folded), folded


def test_a_folded_quote_saying_something_else_stays() -> None:
    reply = Reply(
        (
            Item("2025", "Un fait", ref=1, entry="x"),
            Quote("Les représentants de la Turquie et de la Grèce étaient présents.", "A", "a"),
            QuoteGroup(((1, Quote("Le plan prévoit des exercices communs en mer.", "B", "b")),)),
        )
    )

    class _Index:
        @staticmethod
        def tokens(text: str) -> list[str]:
            return [w.lower().strip(".,") for w in text.split()]

    assert without_repeated_quotes(_Index(), reply) is reply  # type: ignore[arg-type]
    same = QuoteGroup(((1, Quote("Turquie et Grèce : leurs représentants présents.", "B", "b")),))
    repeated = replace(reply, blocks=(*reply.blocks[:2], same))
    assert not any(
        isinstance(b, QuoteGroup)
        for b in without_repeated_quotes(_Index(), repeated).blocks  # type: ignore[arg-type]
    )


def test_a_passage_goes_on_to_a_theme_the_question_names_or_to_its_articles_event(
    five_base: FactBase,
) -> None:
    index = Index(five_base)
    named = _labels(respond(index, "quelles régions aux tables rondes diplomatiques ?", TODAY))
    assert named[0] == "📅 Chronologie : diplomatie", named  # the theme the question names
    bare = _labels(respond(index, "les tables rondes ont parlé de quelles régions ?", TODAY))
    assert "Forum" in bare[0] and "Chronologie" not in bare[0], bare  # the forum, no theme
