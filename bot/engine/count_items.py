"""« combien de menaces principales, et lesquelles ? »: the number the articles give, then the
items themselves, each in its own quote.

A how-many question that also asks which ones (« lesquelles », « quels », « liste ») is
answered by the quote giving the number (``counting.count_reply``) and, when that quote
announces a list (« … à trois principales menaces »), by the entries that detail it, in the
article's order (``passage.enumerating``): each item's line and its own quote, verbatim. When
the quote announces no list, or no entry details it, the number alone stays.
"""

from __future__ import annotations

from dataclasses import replace

from bot.content.model import Agreement, Event, Fact
from bot.engine import passage
from bot.engine.common import line_text, quote_of
from bot.engine.index import Index
from bot.engine.passage import enumerating, sentences_of
from bot.engine.reply import Block, Item, Quote, Reply
from bot.text import short_label

Entry = Event | Agreement | Fact

CANDIDATES = 8
"""Best search hits read for the entry that quotes the number's sentence."""
LINE = 110
"""Longest line of an item."""


def _holder(index: Index, quote: str) -> Entry | None:
    hits = index.fulltext.search_hits(quote)
    if not hits.total:
        return None
    for entry, _score in index.fulltext.ranked_hits(hits, 0, CANDIDATES):
        if any(item.quote == quote for item in entry.evidence):
            return entry
    return None


def with_items(index: Index, reply: Reply) -> Reply:
    """``reply`` (a count answer) followed by the items its first quote announces, each with
    its line (a dated entry) and its own quote; ``reply`` itself when it announces none."""
    first = next((block for block in reply.blocks if isinstance(block, Quote)), None)
    if first is None:
        return reply
    cache = index.memo("count items", dict[str, tuple[Block, ...]])
    if first.text not in cache:
        cache[first.text] = _items(index, first.text)
    items = cache[first.text]
    return replace(reply, blocks=(*reply.blocks, *items)) if items else reply


def _items(index: Index, text: str) -> tuple[Block, ...]:
    """The lines and quotes of the items that ``text`` (a quote) announces; () for none."""
    holder = _holder(index, text)
    if holder is None:
        return ()
    announcing = next((s for s in reversed(sentences_of(text)) if passage.announced(s)), "")
    listed = enumerating(index, holder, announcing) if announcing else []
    blocks: list[Block] = []
    for entry in listed:
        own = [i for i in entry.evidence if announcing not in i.quote and i.quote not in text]
        if not own:
            continue
        if not isinstance(entry, Fact):  # a context entry's line would say its quote again
            blocks.append(Item("•", short_label(line_text(index.base, entry), LINE), 0, entry.id))
        told = quote_of(index.base, own[0])
        blocks.append(Quote(own[0].quote, told.attribution, told.source, open=True))
    return tuple(blocks)
