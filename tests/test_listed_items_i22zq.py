"""A list the article announces (« trois principales menaces ») is the answer: its items come
in the article's order under « Dans l'ordre de l'article : », never under « Aussi : », each
line long enough to say what it names, and all of them even when the passage on top is one
of the items (issue 22, task i22zq, phone readers of the fourteenth blind set: AC49, AD47,
AE34). Questions written here, on the frozen five-article base."""

from __future__ import annotations

from bot.content.model import FactBase
from bot.engine.reply import Item, Para
from tests.chat import chat


def _first_bubble(base: FactBase, question: str) -> tuple[list[str], list[str]]:
    reply = chat(base, question)[0]
    notes = [b.text for b in reply.blocks if isinstance(b, Para)]
    lines = [b.text for b in reply.blocks if isinstance(b, Item)]
    return notes, lines


def test_every_item_of_an_announced_list_is_shown_whole(five_base: FactBase) -> None:
    for question in (
        "la Russie fait partie des trois menaces, quelles sont les 3 ?",
        "selon l'article, quelles 3 menaces guettent Bakou ?",
    ):
        notes, lines = _first_bubble(five_base, question)
        assert "Aussi :" not in notes, notes
        assert any("dans l'ordre de l'article" in n.casefold() for n in notes), notes
        said = " ".join(lines)
        assert "Menace russe" in said or "Russie" in " ".join(notes), lines
        assert "reconquête par les armes du Nagorno-Karabakh" in said, lines
        assert "désordres sécessionnistes" in said or "iranienne" not in said, lines
