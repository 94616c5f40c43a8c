"""Issue 22, task i22zm (outside readers of the thirteenth blind set): the question's words are
read, never dropped nor turned into a statement that the articles lack them. Questions of our
own on the frozen five-article base."""

from __future__ import annotations

import pytest

from bot.content.model import FactBase
from tests.chat import chat, reply_text


def _reading(text: str) -> str:
    return text.split("Compris :", 1)[1].split("\n", 1)[0] if "Compris :" in text else ""


@pytest.mark.parametrize(
    ("question", "never"),
    [
        ("le deal entre Bakou et Washington, signé quand ?", "pour « deal »"),
        ("cest quoi le ncca exactement ?", "pour « cest »"),
        ("le pact de défense avec la Turquie ?", "pour « pact »"),
    ],
)
def test_a_typo_is_never_read_as_a_little_word_nor_a_loan_word(
    five_base: FactBase, question: str, never: str
) -> None:
    """A fuzzy correction never turns a word into a stop word (« deal » → « delà », « cest » →
    « ces »), nor corrects a common English word (« pact » is not « part »)."""
    text = reply_text(chat(five_base, question)[0])
    assert never not in text


def test_a_typo_is_still_read_as_the_word_meant(five_base: FactBase) -> None:
    """The rule keeps real typos read: « accrod », « qand », and the English spelling of a
    French word (« member » → « membre »)."""
    text = reply_text(chat(five_base, "qand l'accrod avec les USA ?")[0])
    assert "pour « accrod »" in text
    text = reply_text(chat(five_base, "azerbaidjan member otan ?")[0])
    assert "membre (pour « member »)" in text
