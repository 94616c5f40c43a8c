"""Issue 22 B.5: a follow-up in shorthand that names a line of the previous answer by its rank
(« et le 2e ? », « le dernier ? ») opens that line's entry and says which line it read; a
longer question holding a rank (« le 2e accord avec la Turquie ») is read as a question.
Computed over the shipped base: the lines are whatever the previous answer listed."""

from __future__ import annotations

from datetime import date

import pytest

from bot.engine.index import Index
from bot.engine.ordinal import asked_rank
from bot.engine.questions import respond_in_thread
from bot.engine.reply import Item, Para

TODAY = date(2026, 11, 23)


@pytest.mark.parametrize(
    ("text", "rank"),
    [
        ("et le 2e ?", 2),
        ("la deuxième ?", 2),
        ("et la 3ᵉ ligne ?", 3),
        ("le premier", 1),
        ("et le dernier ?", -1),
        ("n°2", 2),
        ("le 2e accord avec la Turquie", None),
        ("et en 2025 ?", None),
        ("2", None),
    ],
)
def test_a_rank_alone_is_read_as_a_line_of_the_previous_answer(text, rank):
    assert asked_rank(text) == rank


@pytest.mark.parametrize("first", ["/accord", "/timeline 2025", "accords des États-Unis"])
def test_et_le_2e_opens_the_second_line_and_says_so(base, first):
    index = Index(base)
    reply, asked = respond_in_thread(index, first, TODAY)
    assert asked is not None
    lines = [b.entry for b in reply.blocks if isinstance(b, Item) and b.entry]
    assert len(lines) >= 2, first
    second, asked_again = respond_in_thread(index, "et le 2e ?", TODAY, asked)
    said = second.blocks[0]
    assert isinstance(said, Para) and "2ᵉ ligne de la réponse précédente" in said.text
    entry = index.entries[lines[1]]
    shown = " ".join(getattr(b, "text", "") for b in second.blocks)
    title = getattr(entry, "title", None) or entry.summary[:40]
    assert title[:40] in shown, (first, title)
    last, _ = respond_in_thread(index, "et le dernier ?", TODAY, asked_again)
    assert "dernière ligne" in last.blocks[0].text
