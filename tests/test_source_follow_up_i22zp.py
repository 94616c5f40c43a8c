"""Issue 22, task i22zp: « d'où provient l'information, selon l'article ? » after an answer asks
who says what was just shown (``moves.asked_move``: « provient », « cité », « article » are
words of that move), never a place in another article; and the next follow-up (« signé quand
? ») stays on the same subject. Questions of our own on the frozen five-article base."""

from __future__ import annotations

import pytest

from bot.content.model import FactBase
from bot.engine.moves import asked_move
from bot.engine.reply import Item
from tests.chat import chat, reply_text

PLAN = "Le plan de défense signé entre Bakou et Londres couvre quelle période ?"


@pytest.mark.parametrize(
    "question",
    [
        "l'info provient d'où selon l'article ?",
        "d'où provient cette information ?",
        "cité par qui ?",
        "elle émane de qui, cette information ?",
    ],
)
def test_a_source_asked_in_other_words_is_a_move(question: str) -> None:
    assert asked_move(question) == "source"


def test_a_place_is_no_source() -> None:
    assert asked_move("d'où part le gazoduc ?") is None


def test_the_source_follow_up_stays_on_the_subject(five_base: FactBase) -> None:
    asked = ("l'info provient d'où selon l'article ?", "signé quand ?")
    _, source, when = chat(five_base, PLAN, *asked)
    text = reply_text(source)
    assert "Caliber.Az" in text and "Lagazette" in text
    assert "forum" not in text.casefold()
    lines = [block.entry for block in when.blocks if isinstance(block, Item)]
    assert lines and lines[0] == "plan-defense-az-gb-2026-2027"
