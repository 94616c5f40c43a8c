"""« entre le plan signé avec X et l'accord conclu avec Y, lequel est venu en premier ? »: two
named entries, each with its date and its quote, and which came first.

Each part of the question is searched on its own; its answer is the best-ranked *dated* entry
holding the part's actors (a signing, not the undated context line around it). The order is
said only when the two dates do not overlap; an inferred date keeps its mark (``when``).
"""

from __future__ import annotations

import re

from bot.content.model import Agreement, Event
from bot.engine.common import entry_button, overview
from bot.engine.filters import read_filter
from bot.engine.index import Index
from bot.engine.relations import entry_actors
from bot.engine.reply import Block, Button, Para, Reply
from bot.text import fold

_ORDER = re.compile(
    r"\b(?:en premier|le premier|la premiere|d abord|le plus (?:ancien|tot|tard|recent)"
    r"|la plus (?:ancienne|recente)|dans quel ordre|avant l autre|apres l autre"
    r"|lequel (?:est )?(?:venu|arrive|passe|signe)|laquelle (?:est )?(?:venue|arrivee|signee)"
    r"|quelles dates|leurs dates|les deux dates|respectives?)\b"
)
"""Words asking which of two things came first, or for the dates of both."""
_ASKING = re.compile(
    r",?\s*\b(?:lequel|laquelle|lesquels|qui|quel|quelle|dans quel|et a quelles?|a quelles?"
    r"|c est quoi)\b.*$"
)
"""The asking clause after the two things named (« …, lequel est venu en premier ? »)."""
_BETWEEN = re.compile(r"^(?:.*?\bentre\s+)?(.+?)\s+(?:et|ou)\s+(.+)$")
CANDIDATES = 30
"""Entries read per part, best-ranked first, for its dated one."""

Dated = Event | Agreement


def asks_order(text: str) -> bool:
    """True when the question asks which of two things came first, or both their dates."""
    return bool(_ORDER.search(fold(text)))


def _pieces(text: str) -> tuple[str, str] | None:
    """The two things the question names (« le plan … Royaume-Uni », « l'accord … États-Unis »)."""
    folded = fold(text).replace("?", " ").strip()
    named = _ASKING.sub("", folded).strip(" ,")
    found = _BETWEEN.match(named)
    if found is None:
        return None
    first, second = found.group(1).strip(" ,"), found.group(2).strip(" ,")
    return (first, second) if first and second else None


def _dated_entry(index: Index, piece: str, taken: set[str]) -> Dated | None:
    """The best-ranked dated entry the piece names, holding every actor it names."""
    actors = set(read_filter(index, piece).filter.actors)
    hits = index.fulltext.search_hits(piece)
    if not hits.total:
        return None
    for entry, _score in index.fulltext.ranked_hits(hits, 0, CANDIDATES):
        if not isinstance(entry, Event | Agreement) or entry.date is None or entry.id in taken:
            continue
        if actors <= set(_main_actors(entry)):
            return entry
    return None


def _main_actors(entry: Dated) -> tuple[str, ...]:
    """The actors an entry is about: an agreement's parties and the body it relates to (not
    its mediators: « l'accord avec les États-Unis » is not the one they mediated), an event's."""
    if isinstance(entry, Agreement):
        return (*entry.parties, *entry.related)
    return entry_actors(entry)


def order_reply(index: Index, text: str) -> tuple[Reply, str] | None:
    """Both entries the question names, dated, and which came first; with the search words
    behind it (for a follow-up), or None when the question does not name two dated things."""
    if not asks_order(text):
        return None
    pieces = _pieces(text)
    if pieces is None:
        return None
    taken: set[str] = set()
    entries: list[Dated] = []
    for piece in pieces:
        entry = _dated_entry(index, piece, taken)
        if entry is None:
            return None
        taken.add(entry.id)
        entries.append(entry)
    first, second = entries
    assert first.date is not None and second.date is not None
    if second.date.end < first.date.start:
        entries = [second, first]  # the older first
    apart = first.date.end < second.date.start or second.date.end < first.date.start
    if apart and entries[1].date_basis == "rapporté":
        # the later line has only its article's date: its event may come before the other
        # (AF13); an earlier line so dated came before its article, so before the later one
        verdict = (
            "Les articles ne permettent pas de trancher : la ligne 2 n'a que la date de son "
            "article ; l'événement lui-même a pu avoir lieu avant la ligne 1 (dates ci-dessous)."
        )
    elif apart:
        verdict = "Vient en premier : la ligne 1 ; la ligne 2 est postérieure (dates ci-dessous)."
    else:
        verdict = (
            "Leurs dates se recouvrent : les articles ne permettent pas de dire laquelle "
            "vient en premier (dates ci-dessous)."
        )
    lines, quotes = overview(index.base, entries)
    blocks: list[Block] = [
        Para(
            f"Compris : deux entrées comparées par leur date — « {pieces[0]} » et « {pieces[1]} »",
            "note",
        ),
        Para(verdict),
        *lines,
    ]
    if quotes is not None:
        blocks.append(quotes)
    buttons = tuple(b for b in (entry_button(e) for e in entries) if isinstance(b, Button))
    return Reply(tuple(blocks), (buttons,) if buttons else ()), " ".join(pieces)
