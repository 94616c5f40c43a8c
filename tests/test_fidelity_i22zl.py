"""Issue 22, task i22zl (outside readers of the thirteenth blind set, critical findings): a
« depuis quand » about one actor asks when its link with the home country began, never a
sentence that only holds the word « depuis » about another actor (« l'OTS réunit depuis
2009 … » for the OTAN). Questions of our own on the frozen five-article base."""

from __future__ import annotations

import pytest

from bot.content.model import FactBase
from tests.chat import chat, reply_text


@pytest.mark.parametrize(
    "question",
    [
        "depuis qd avec l otan",
        "depuis quand avec l'OTAN ?",
        "Depuis quand l'Azerbaïdjan coopère avec l'OTAN ?",
        "otan, depuis quand ?",
    ],
)
def test_since_when_with_an_actor_gives_its_own_start(five_base: FactBase, question: str) -> None:
    text = reply_text(chat(five_base, question)[0])
    assert "1992" in text
    assert "2009" not in text  # the OTS's year: another organisation's sentence


def test_depuis_weighs_nothing_in_a_when_question(five_base: FactBase) -> None:
    """« depuis » names the kind asked: a sentence is not ranked for holding it."""
    from bot.engine.index import Index
    from bot.engine.passage import without_kind_words

    index = Index(five_base)
    assert "depuis" not in without_kind_words(index, "depuis quand otan", "quand").split()
