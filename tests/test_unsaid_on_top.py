"""Missing facts said plainly (issue 22, phone readers' class 1): when every key word of a
question is one no article holds, the answer opens with « Les articles ne mentionnent pas … :
j'ai cherché … dans leur texte intégral » — and never above a question the articles answer."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from bot.content.yamlread import read_yaml
from bot.engine.index import Index
from bot.engine.questions import respond, respond_in_thread
from bot.engine.reply import Para, Reply
from bot.engine.seedtext import seed_holds
from bot.engine.thread import Asked
from bot.render.text import render_text

TODAY = date(2026, 12, 6)
ROOT = Path(__file__).resolve().parent
DEV_SETS = ("questions.yaml", "questions_dev2.yaml", "questions_dev3.yaml")
SEARCHED = "dans leur texte intégral"


def _absent_on_top(reply: Reply) -> str:
    """The opening « not in the articles » line, or ""."""
    first = reply.blocks[0] if reply.blocks else None
    if isinstance(first, Para) and first.text.startswith("Les articles ne mentionnent pas"):
        return first.text
    return ""


def _absent_word(index: Index, *words: str) -> str:
    """The first of ``words`` no article holds (computed, so a new article never breaks it)."""
    word = next((w for w in words if not seed_holds(index, w)), None)
    if word is None:
        pytest.skip("every candidate word is now in an article")
    return word


@pytest.fixture(scope="module")
def index(base):
    return Index(base)


def test_an_actor_asked_for_what_no_article_holds_gets_it_said_first(index):
    word = _absent_word(index, "budget", "salaire", "météo", "recette")
    reply = respond(index, f"quel est le {word} de l'Azerbaïdjan ?", TODAY)
    top = _absent_on_top(reply)
    assert f"« {word} »" in top and SEARCHED in top and "sans le trouver" in top
    assert reply.found  # then the nearest entries: the actor's card, its quotes shown
    assert "Azerbaïdjan" in render_text(reply)


@pytest.fixture(scope="module")
def five_index(five_base):
    """The frozen five-article base: a curator's article may hold « remporté »."""
    return Index(five_base)


def test_a_question_on_nothing_the_articles_hold_says_what_was_searched(five_index):
    index = five_index
    word = _absent_word(index, "Eurovision", "Olympiades", "carnaval")
    reply = respond(index, f"qui a remporté l'{word} ?", TODAY)
    assert f"« {word} »" in _absent_on_top(reply)


def test_a_key_word_the_articles_hold_keeps_the_absence_off_the_top(index):
    assert seed_holds(index, "armements") or seed_holds(index, "armes")
    absent = _absent_word(index, "viennent", "proviennent")
    reply = respond(index, f"les armes azéris {absent} d'où ?", TODAY)
    assert _absent_on_top(reply) == ""


def _chats(name: str) -> list[list[dict[str, object]]]:
    items = read_yaml((ROOT / name).read_text(encoding="utf-8"))["questions"]
    chats: list[list[dict[str, object]]] = []
    for item in items:
        if item.get("follow_up_of") and chats:
            chats[-1].append(item)
        else:
            chats.append([item])
    return chats


@pytest.mark.slow  # a whole question set
@pytest.mark.parametrize("name", DEV_SETS)
def test_no_covered_question_of_the_dev_sets_opens_with_an_absence(index, name):
    wrong = []
    for chat in _chats(name):
        previous: Asked | None = None
        for item in chat:
            reply, previous = respond_in_thread(index, str(item["q"]), TODAY, previous)
            covered = item.get("covered", item.get("expect", "") is not None)
            if covered and _absent_on_top(reply):
                wrong.append((item.get("id", item["q"]), _absent_on_top(reply)))
    assert wrong == []


def test_a_piece_of_a_hyphenated_word_is_never_said_to_have_no_figure(index):
    text = render_text(respond(index, "combien de sous-marins a la Turquie ?", TODAY))
    assert "chiffre de « sous »" not in text
