"""What fits one phone screen: pages of entries cut by their visible size, not their number.

A list page (timeline, agreements) is an overview: each entry one line (its full date, its
short text) and the page's key quotes in one folded group at the end, counted once as the
~150 characters a folded quote shows; each source attributed once. Pages hold as many
entries as fit a budget of visible characters (and Telegram's limit, the quotes unfolded),
one at least; the cuts of a list are walked once per index and kept (a bounded table: the
index is immutable, rebuilt on reload).
"""

from __future__ import annotations

import hashlib
import logging
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar, cast

from bot.content.model import Agreement, Event, Fact
from bot.engine.common import attribution, line_text, when
from bot.engine.file_parts import origin_of, part_key
from bot.engine.index import Index
from bot.engine.own_evidence import foreign_table, own_key_evidence, remember

log = logging.getLogger(__name__)

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


RAW = 3300
"""HTML characters a page's lines and unfolded quotes may take: Telegram's 4096 less the
title, notes, footer and tags."""
LINE = 8
"""Characters a line adds to its date and text: « • », « — », a line break."""
QUOTED = 12
"""Characters a quote adds in the group: its line number, « », its mark, a line break."""


def size(index: Index, entry: Entry) -> tuple[int, int, tuple[str, ...]]:
    """The visible characters of the entry's line, the characters its key quotes take in
    the page's group (unfolded), and the sources of those quotes; once per entry and index."""
    sizes: dict[str, tuple[int, int, tuple[str, ...]]] = index.memo("entry_sizes", dict)
    found = sizes.get(entry.id)
    if found is None:
        quotes = own_key_evidence(index.base, entry)
        label = "Contexte" if isinstance(entry, Fact) else when(index.base, entry)
        shown = len(label) + len(line_text(index.base, entry)) + LINE
        quoted = sum(len(evidence.quote) + QUOTED for evidence in quotes)
        found = (shown, quoted, tuple(dict.fromkeys(evidence.source for evidence in quotes)))
        sizes[entry.id] = found
    return found


def page_starts(index: Index, entries: Sequence[Entry], budget: int) -> list[int]:
    """Where each page starts: entries in order, as many as fit ``budget`` visible
    characters (their lines and the folded group of their quotes, which names their sources
    too) and ``RAW`` characters once the group is open, one at least."""
    starts = [0]
    used = raw = 0
    grouped = False  # the page's folded group of quotes is counted
    cited: set[str] = set()
    cost = index.memo("attribution_sizes", lambda: _attribution_sizes(index))
    for position, entry in enumerate(entries):
        shown, quoted, sources = size(index, entry)
        # the sources are named inside the page's one folded group, after its quotes
        names = sum(cost[source] for source in sources if source not in cited)
        added = shown + (FOLDED + 2 if quoted and not grouped else 0)
        opened = shown + quoted + names
        if position > starts[-1] and (used + added > budget or raw + opened > RAW):
            starts.append(position)
            cited = set()
            added = shown + (FOLDED + 2 if quoted else 0)
            opened = shown + quoted + sum(cost[s] for s in sources)
            used = raw = 0
            grouped = False
        used += added
        raw += opened
        grouped = grouped or quoted > 0
        cited.update(sources)
    return starts


def several_pages(index: Index, entries: Sequence[Entry], budget: int) -> bool:
    """True when ``entries`` take more than one page of ``budget``: walked only as far as
    one page can reach (every line shows ``LINE`` characters at least)."""
    return len(page_starts(index, entries[: budget // LINE + 2], budget)) > 1


def _attribution_sizes(index: Index) -> dict[str, int]:
    """Each source's attribution in a message footer, in visible characters."""
    return {key: len(attribution(source)) + 8 for key, source in index.base.sources.items()}


def prepare(index: Index) -> Index:
    """Size every entry now (start-up; the snapshot keeps the sizes), not on a first page;
    the quotes that are another entry's are found first (the snapshot keeps them too). With
    the index's parts folder, each content file's sizes are kept there (:func:`_kept_sizes`),
    unless every entry is sized already: an index read from a snapshot (a restart, or the
    serving process receiving a reload's new base) neither reads nor keys them again (~0.2 s
    at ×1000, in the answering process)."""
    remember(index.base, index.memo("own evidence", lambda: foreign_table(index.base, index.parts)))
    sizes: dict[str, object] = index.memo("entry_sizes", dict)
    if index.parts is not None and not all(map(sizes.__contains__, index.entries)):
        _kept_sizes(index, index.parts)  # an index read from a snapshot has every size
    for entry in index.base.entries():
        if entry.id not in sizes:  # those read back are not looked up again
            size(index, entry)
    index.memo("attribution_sizes", lambda: _attribution_sizes(index))
    return index


SIZES_SUFFIX = ".sizes"
"""Name ending of a content file's part of the entries' sizes, in the parts folder."""


def _kept_sizes(index: Index, parts: Path) -> None:
    """The sizes of each content file's entries, read back from ``parts`` or computed and
    kept there. A size reads the entry (its line, its date, its key quotes), the dates of
    the articles it is dated from (``when``), and which of its quotes are another entry's:
    the key is the file's part key (:func:`bot.engine.file_parts.part_key`: its validation
    record's key, its entries' ids, the base's names and labels), the record keys of every
    file of sources, and those quotes of its entries. Entries not all from kept files, or
    sources that are not, are sized as usual (nothing kept)."""
    from bot.content.snapshot import code_key, read_snapshot, write_snapshot

    base = index.base
    origins = origin_of(base)
    records = {origins.get(id(source)) for source in base.sources.values()}
    if None in records:
        return
    salt = "\0".join([code_key(), *sorted(str(record) for record in records)])
    files = base.files or {}
    by_file: dict[str, list[Entry]] = defaultdict(list)
    for entry in base.entries():
        by_file[files.get(entry.id, "")].append(entry)
    foreign = foreign_table(base)
    sizes: dict[str, tuple[int, int, tuple[str, ...]]] = index.memo("entry_sizes", dict)
    used: set[str] = set()
    for name in sorted(by_file):
        entries = by_file[name]
        key = part_key(base, "sizes", salt, entries)
        if key is None:
            continue
        digest = hashlib.sha256(key.encode())
        for entry in entries:
            quotes = foreign.get(entry.id)
            if quotes:
                digest.update(f"{entry.id}\0{sorted(quotes)!r}\1".encode())
        key = digest.hexdigest()
        used.add(key)
        kept = read_snapshot(parts, key, dict, name=key + SIZES_SUFFIX)
        if kept is None:
            kept = {entry.id: size(index, entry) for entry in entries}
            write_snapshot(parts, key, kept, name=key + SIZES_SUFFIX)
        sizes.update(kept)
    try:
        for path in parts.glob("*" + SIZES_SUFFIX):
            if path.name[: -len(SIZES_SUFFIX)] not in used:
                path.unlink(missing_ok=True)
    except OSError as error:
        log.warning("Parties des tailles des entrées non nettoyées (%s)", error)


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
