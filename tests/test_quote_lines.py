"""A quote never reads as a neighbour's (issue 22, outside phone readers' point 1): over every
walked answer (``tests/quote_lines.py``), a quote sits right under the line whose entry holds
it, or carries a number that its line shows too."""

from __future__ import annotations

import pytest

from bot.engine.common import quote_of
from bot.engine.reply import Item, Para, QuoteGroup, Reply
from bot.render.html import render_html
from bot.render.text import render_text
from tests.conftest import WALK_SHARDS
from tests.quote_lines import faults


@pytest.fixture(scope="module")
def index(shipped_index):
    return shipped_index


@pytest.mark.slow  # a whole question set
@pytest.mark.parametrize("shard", range(WALK_SHARDS))
def test_every_walked_answer_keeps_each_quote_with_its_own_line(index, walker, shard):
    found = {form.text: wrong for form, reply in walker(shard) if (wrong := faults(index, reply))}
    assert found == {}


def _two_entries(index):
    entries = [e for e in index.base.events if e.evidence]
    first = entries[0]
    other = next(
        e
        for e in entries[1:]
        if not any(
            a.quote in b.quote or b.quote in a.quote for a in e.evidence for b in first.evidence
        )
    )
    return first, other


def test_the_checker_finds_a_quote_under_a_neighbours_line(index):
    first, other = _two_entries(index)
    own, theirs = quote_of(index.base, first.evidence[0]), quote_of(index.base, other.evidence[0])
    right = Reply((Item("a", "ligne", 0, first.id), own))
    assert faults(index, right) == []
    assert faults(index, Reply((Item("a", "ligne", 0, first.id), theirs)))
    # a numbered group: the number must be shown by a line whose entry holds the quote
    lines = (Item("a", "un", 1, first.id), Para("Aussi :", "note"), Item("b", "deux", 2, other.id))
    assert faults(index, Reply((*lines, QuoteGroup(((1, own), (2, theirs)))))) == []
    assert faults(index, Reply((*lines, QuoteGroup(((2, own),)))))
    unnumbered = (Item("a", "un", 0, first.id), Item("b", "deux", 0, other.id))
    assert faults(index, Reply((*unnumbered, QuoteGroup(((1, own),)))))


def test_a_numbered_line_shows_its_number_on_the_phone_and_in_the_console(index):
    first, _ = _two_entries(index)
    own = quote_of(index.base, first.evidence[0])
    reply = Reply((Item("10 mai 2025", "ligne", 3, first.id), QuoteGroup(((3, own),))))
    assert "3. <b>10 mai 2025</b> — ligne" in render_html(reply)[0]
    assert "3. 10 mai 2025 — ligne" in render_text(reply)
