"""What fits one phone screen: pages of entries cut by their visible size, not their number.

A list page (timeline, agreements) shows each entry as one line with its key quotes folded
(a folded quote shows ~150 characters) and each source attributed once. Pages hold as many
entries as fit a budget of visible characters, one at least; the cuts of a list are walked
once per index and kept (a bounded table: the index is immutable, rebuilt on reload).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar, cast

from bot.content.model import Agreement, Event, Fact
from bot.engine.common import attribution, entry_text, when
from bot.engine.index import Index

SCREEN = 1200
"""Visible characters of a first message (bot.render.html.SCREEN)."""
FOLDED = 150
"""Characters a folded quote shows (bot.render.html counts it so)."""
CACHED = 64
"""Lists whose page cuts an index keeps (then it starts afresh)."""

Entry = Event | Agreement | Fact
T = TypeVar("T")


def cached(index: Index, table: str, key: tuple[str, int], build: Callable[[], T]) -> T:
    """``build()`` once per index and key, in a table of at most ``CACHED`` keys."""
    found: dict[tuple[str, int], object] = index.memo(table, dict)
    if key not in found:
        if len(found) >= CACHED:
            found.clear()
        found[key] = build()
    return cast(T, found[key])


def size(index: Index, entry: Entry) -> tuple[int, tuple[str, ...]]:
    """About how many characters the entry's line shows with its key quotes folded, and the
    sources of those quotes; computed once per entry and index."""
    sizes: dict[str, tuple[int, tuple[str, ...]]] = index.memo("entry_sizes", dict)
    found = sizes.get(entry.id)
    if found is None:
        quotes = entry.key_evidence()
        label = "Contexte" if isinstance(entry, Fact) else when(index.base, entry)
        shown = len(label) + len(entry_text(index.base, entry)) + 6
        shown += sum(min(len(evidence.quote), FOLDED) + 6 for evidence in quotes)
        found = (shown, tuple(dict.fromkeys(evidence.source for evidence in quotes)))
        sizes[entry.id] = found
    return found


def page_starts(index: Index, entries: Sequence[Entry], budget: int) -> list[int]:
    """Where each page starts: entries in order, as many as fit ``budget`` visible
    characters with their folded quotes and their sources' attributions, one at least."""
    starts = [0]
    used = 0
    cited: set[str] = set()
    cost = index.memo("attribution_sizes", lambda: _attribution_sizes(index))
    for position, entry in enumerate(entries):
        shown, quoted = size(index, entry)
        fresh = quoted if position == starts[-1] else [s for s in quoted if s not in cited]
        shown += sum(cost[source] for source in fresh)
        if position > starts[-1] and used + shown > budget:
            starts.append(position)
            used = 0
            cited = set()
            shown += sum(cost[s] for s in quoted if s not in fresh)
        used += shown
        cited.update(quoted)
    return starts


def _attribution_sizes(index: Index) -> dict[str, int]:
    """Each source's attribution in a message footer, in visible characters."""
    return {key: len(attribution(source)) + 8 for key, source in index.base.sources.items()}


def prepare(index: Index) -> Index:
    """Size every entry now (start-up; the snapshot keeps the sizes), not on a first page."""
    for entry in index.base.entries():
        size(index, entry)
    index.memo("attribution_sizes", lambda: _attribution_sizes(index))
    return index


def page_of(starts: list[int], total: int, page: int) -> tuple[int, int, int]:
    """The page (clamped to the pages there are) and the slice of entries it shows."""
    page = min(max(page, 1), len(starts))
    end = starts[page] if page < len(starts) else total
    return page, starts[page - 1], end


def which(first: int, last: int) -> str:
    """« entrée 3 », « entrées 3 et 4 », « entrées 3 à 5 » (1-based, inclusive)."""
    if first == last:
        return f"entrée {first}"
    return f"entrées {first} et {last}" if last == first + 1 else f"entrées {first} à {last}"
