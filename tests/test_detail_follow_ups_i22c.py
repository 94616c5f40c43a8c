"""Issue 22, fifth pass, classes 1 and 2 (``bot/engine/detail.py``), on the frozen five-article
base (``tests/fixtures/five``):

1. a follow-up in shorthand or with a pronoun (« signé qd ? », « combien ? », « et les pays
   présents ? », « il a dit quoi d'autre ? », « qui côté américain ? ») answers that detail of
   the previous answer's subject, says that subject in its « Compris » line, and never shows the
   previous answer again; a follow-up naming a new subject starts fresh;
2. when the subject is covered but the detail is not (a cost, the exact day), the answer opens
   with « Les articles ne donnent pas … », then what they do say with its quote — and never says
   so when the detail's words are in the subject's article (that sentence is shown instead).
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from bot.content.loader import load_factbase
from bot.engine.reply import Para, Quote, Reply
from tests.chat import chat as _chat
from tests.chat import reply_text as _text
from tests.conftest import FIVE

TODAY = date(2026, 12, 6)


def _understood(reply: Reply) -> str:
    return next(b.text for b in reply.blocks if isinstance(b, Para) and "Compris" in b.text)


def _opening(reply: Reply) -> str:
    first = reply.blocks[0]
    assert isinstance(first, Para)
    return first.text


def _open_quotes(reply: Reply) -> list[str]:
    return [block.text for block in reply.blocks if isinstance(block, Quote) and block.open]


# 1. follow-ups keep their subject


def test_signe_qd_after_an_agreement_answers_its_date_not_the_list_again(five_base):
    listed, dated = _chat(five_base, "accord avec le Royaume-Uni", "signé qd ?")
    assert dated.blocks != listed.blocks
    assert any("Hier" in quote for quote in _open_quotes(dated))
    assert "quand" in _understood(dated) and "Royaume-Uni" in _understood(dated)


def test_combien_after_the_forum_gives_its_count_not_the_forum_again(five_base):
    forum, counted = _chat(five_base, "forum de Bakou", "combien ?")
    assert counted.blocks != forum.blocks
    assert any("plus de 80" in quote for quote in _open_quotes(counted))
    assert "Forum" in _understood(counted)


def test_et_les_pays_presents_lists_that_meetings_attendees(five_base):
    _, present = _chat(
        five_base, "qui a rencontré la délégation de l'OTAN ?", "et les pays présents ?"
    )
    assert "qui y était" in _understood(present)
    shown = " ".join(_open_quotes(present))
    assert "Monténégro" in shown and "Norvège" in shown


def test_il_a_dit_quoi_d_autre_keeps_the_person_just_shown(five_base):
    _, more = _chat(five_base, "qui est Konstantin Zatulin ?", "il a dit quoi d'autre ?")
    assert "Zatulin" in _understood(more)
    assert any("une armée et un commandement communs" in q for q in _open_quotes(more))


def test_qui_cote_americain_after_a_card_names_the_american(five_base):
    card, who = _chat(
        five_base, "accord de partenariat stratégique avec les États-Unis", "qui côté américain ?"
    )
    assert who.blocks != card.blocks
    assert any("JD Vance" in quote for quote in _open_quotes(who))
    assert "côté américain" in _understood(who)


def test_a_detail_asked_after_an_actors_card_is_one_of_its_entries(five_base):
    # « combien ? » after /org Lukoil: the tonnes its entries give, not the card again
    card, counted = _chat(five_base, "Lukoil", "combien ?")
    assert counted.blocks != card.blocks
    assert any("tonnes" in quote for quote in _open_quotes(counted))
    _, since = _chat(five_base, "/pays Hongrie", "depuis quand ?")
    assert "Hongrie" in _understood(since)
    assert any("2018" in quote for quote in _open_quotes(since))


def test_qui_of_a_sentence_opening_on_il_shows_who_il_is(five_base):
    # « Il a souligné que … les deux pays ont récemment signé un mémorandum »: the sentence
    # before it names the president, and is shown under its own entry's line
    _, who = _chat(five_base, "mémorandum avec la Turquie", "qui l'a annoncé ?")
    shown = " ".join(_open_quotes(who))
    assert "Ilham Aliyev" in shown and "mémorandum d'entente" in shown
    assert "ne nomment personne" not in _text(who)


def test_ou_is_answered_by_the_subjects_place_or_said_missing(five_base):
    _, where = _chat(five_base, "forum de Bakou", "où ?")
    assert any("capitale azerbaïdjanaise Bakou" in quote for quote in _open_quotes(where))
    assert "ne donnent pas" not in _text(where)


def test_a_follow_up_naming_a_new_subject_starts_fresh(five_base):
    _, other = _chat(five_base, "accord avec le Royaume-Uni", "et la Turquie, signé qd ?")
    assert "accords — Turquie" in _understood(other)  # the Turkish agreements, not the plan
    commands = [b.data for row in other.buttons for b in row]
    assert "c:/accord TR" in commands  # the command itself, under its « ▶ » button
    assert "Hier" not in _text(other) and "mémorandum" in _text(other)


# 2. a frank « les articles ne donnent pas » when the detail is not there


def test_a_cost_asked_of_the_subject_is_said_absent_on_top_then_what_they_say(five_base):
    _, cost = _chat(five_base, "accord avec le Royaume-Uni", "combien ça coûte ?")
    assert _opening(cost).startswith("Les articles ne donnent pas le coût")
    assert "texte intégral" in _opening(cost)  # says what was searched
    assert any("2026" in quote for quote in _open_quotes(cost))  # then what they do say


def test_a_date_given_only_as_a_window_says_the_day_is_not_given(five_base):
    *_, when = _chat(
        five_base, "proposition d'Aliyev à l'OTS", "c'était quand ?", "et la date exacte ?"
    )
    assert _opening(when).startswith("Les articles ne donnent pas le jour exact")
    assert "« début octobre »" in _opening(when)
    assert any("début octobre" in quote for quote in _open_quotes(when))


def test_a_detail_whose_words_are_in_the_article_is_shown_not_said_absent(five_base):
    _, fields = _chat(
        five_base, "accord de partenariat stratégique avec les États-Unis", "domaines ?"
    )
    assert "ne donnent pas" not in _text(fields)
    assert any("intelligence artificielle" in quote for quote in _open_quotes(fields))


def test_a_cost_the_article_gives_is_shown_never_said_absent(tmp_path: Path):
    # the same five articles, one of which now gives the plan's budget in a sentence no entry
    # quotes: the full-text check finds it, and the answer shows it instead of an absence
    content, seeds = tmp_path / "content", tmp_path / "seeds"
    shutil.copytree(FIVE / "content", content)
    shutil.copytree(FIVE / "seeds", seeds)
    seed = seeds / "lagazette-plan-defense-royaume-uni.txt"
    added = "Le plan est doté d'un budget de 3 millions de livres sterling."
    seed.write_text(seed.read_text(encoding="utf-8") + f"\n{added}\n", encoding="utf-8")
    base = load_factbase(content, seeds)
    _, cost = _chat(base, "accord avec le Royaume-Uni", "combien ça coûte ?")
    assert "ne donnent pas" not in _text(cost)
    assert added in _open_quotes(cost)


# 3. a word the reader does not know in an otherwise clear question


def test_a_cost_verb_in_a_clear_question_reads_the_rest_and_says_the_cost_missing(five_base):
    for question, said in (
        ("combien coûte l'accord avec les États-Unis ?", "JD Vance"),
        ("coute combien l'accord US", "JD Vance"),
        ("combien ça coûte le plan avec Londres ?", "2026/27"),
    ):
        (reply,) = _chat(five_base, question)
        text = _text(reply)
        assert _opening(reply).startswith("Les articles ne donnent pas le coût"), question
        assert "Laissé de côté" not in text and "pas compris" not in text, question
        assert any(said in quote for quote in _open_quotes(reply)), question


def test_a_named_detail_is_answered_by_the_sentence_that_names_it(five_base):
    (reply,) = _chat(five_base, "quels domaines couvre le plan de défense avec le Royaume-Uni ?")
    shown = " ".join(_open_quotes(reply))
    assert "formation militaire" in shown and "cybersécurité" in shown


# 4. « which countries were present »


def test_countries_present_at_an_event_that_gives_only_a_count(five_base):
    for question in (
        "quels pays étaient présents au forum de Bakou ?",
        "liste des participants au forum de Bakou",
    ):
        (reply,) = _chat(five_base, question)
        assert _opening(reply).startswith("Les articles ne donnent pas la liste des pays"), question
        assert "plus de 80" in _opening(reply), question  # the count, in the articles' words
        assert "Monténégro" not in _text(reply), question  # never another event's attendees


def test_countries_present_at_an_event_that_names_them(five_base):
    (reply,) = _chat(
        five_base, "quels pays ont participé à la réunion avec la délégation de l'OTAN ?"
    )
    shown = " ".join(_open_quotes(reply))
    assert "Monténégro" in shown and "Portugal" in shown
    assert "ne donnent pas" not in _text(reply)


def test_countries_present_at_an_event_with_neither_list_nor_count(five_base):
    (reply,) = _chat(five_base, "quels pays ont participé à l'exercice Agile Spirit 2025 ?")
    assert _opening(reply).startswith("Les articles ne donnent pas la liste des pays")
    assert "Monténégro" not in _text(reply) and "80" not in _text(reply)
    assert any("Agile Spirit" in quote for quote in _open_quotes(reply))


def test_countries_present_asked_after_a_context_passage_keep_its_subject(five_base):
    # the previous answer put a context fact on top (no numbered line): it is the subject
    *_, present = _chat(five_base, "agile spirit", "combien de pays ?", "et les pays présents ?")
    assert _opening(present).startswith("Les articles ne donnent pas la liste des pays")
    assert "Monténégro" not in _text(present)
    assert "suite de" in _understood(present)


def test_pourquoi_after_a_card_never_says_a_reason_missing_nor_repeats_the_card(five_base):
    # a reason needs no « parce que »: without a sentence giving one, the subject's sentences
    # are shown as what was found, never « les articles ne donnent pas la raison »
    card, why = _chat(five_base, "Lukoil", "pourquoi ?")
    assert why.blocks != card.blocks
    assert "ne donnent pas" not in _text(why)
    assert "pourquoi" in _understood(why) and _open_quotes(why)


def test_a_side_named_by_its_abbreviation_is_found_never_said_unnamed(five_base):
    """« côté usa » is the United States: the sentence naming « vice-président américain JD
    Vance » answers it; the articles are never said to name no one on that side."""
    for side in ("usa", "us", "américain"):
        reply = _chat(five_base, "/accord Azerbaïdjan États-Unis", f"côté {side}, qui ?")[-1]
        shown = _text(reply)
        assert "JD Vance" in shown, shown
        assert "ne nomme de personne" not in shown, shown


def test_the_word_objet_asks_what_an_act_is_about_and_is_never_said_absent(five_base):
    """« objet du mémorandum » asks what it is about: the articles lacking the word « objet »
    says nothing of that, and must not open the answer as if they lacked the content."""
    reply = _chat(five_base, "quel est l'objet du mémorandum avec la Turquie ?")[-1]
    shown = _text(reply)
    assert "mentionnent pas « objet »" not in shown, shown
    assert "mémorandum" in shown, shown  # the act asked about, with its line
