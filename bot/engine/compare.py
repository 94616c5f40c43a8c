"""« entre le plan signé avec X et l'accord conclu avec Y, lequel est venu en premier ? »: two
named entries, each with its date and its quote, and which came first.

Each part of the question is searched on its own; its answer is the best-ranked *dated* entry
holding the part's actors (a signing, not the undated context line around it). The order is
said only when the two dates do not overlap; an inferred date keeps its mark (``when``).

The verdict names both entries with their dates, never « la ligne 1 » (issue 22, task i22zu:
phone readers of the fifteenth blind set). A date that is only the article's (« rapporté »:
the event is not dated, it happened on that day or before) settles the order only when it
ends before the other entry starts; else the answer says the order cannot be settled. A
question of the time between them (« combien de temps entre A et B ? ») gets the span in
days and months from the two dates, when both are dated by the articles or deduced
(never from an article's date).
"""

from __future__ import annotations

import re

from bot.content.model import Agreement, Event
from bot.engine.common import entry_button, line_text, overview
from bot.engine.filters import read_filter
from bot.engine.french import is_stop
from bot.engine.index import Index
from bot.engine.relations import entry_actors
from bot.engine.reply import Block, Button, Para, Reply
from bot.text import fold, short_label

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
_DURATION = re.compile(
    r"\b(?:combien de (?:temps|jours|mois)|quel (?:ecart|delai|intervalle))\b.*\bentre\b"
)
"""Words asking the time between two things (« combien de temps entre A et B ? »)."""
_BETWEEN = re.compile(r"^(?:.*?\bentre\s+)?(.+?)\s+(?:et|ou)\s+(.+)$")
CANDIDATES = 30
"""Entries read per part, best-ranked first, for its dated one."""

Dated = Event | Agreement


def asks_order(text: str) -> bool:
    """True when the question asks which of two things came first, or both their dates."""
    return bool(_ORDER.search(fold(text)))


def _pieces(text: str) -> tuple[str, str] | None:
    """The two things the question names (« le plan … Royaume-Uni », « l'accord … États-Unis »);
    after « entre » when the asking words come first (« quel écart entre A et B ? »)."""
    folded = fold(text).replace("?", " ").strip()
    if _DURATION.search(folded):
        folded = folded.split(" entre ", 1)[1]
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
    duration = bool(_DURATION.search(fold(text)))
    if not (asks_order(text) or duration):
        return None
    pieces = _pieces(text)
    if pieces is None:
        return None
    if duration and not all(_names_a_thing(index, piece) for piece in pieces):
        return None  # « combien de temps dure le plan entre Bakou et Londres ? »: no two things
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
    if _sort_end(second) < _sort_end(first):
        entries = [second, first]  # the older first
    verdict = _verdict(index, entries[0], entries[1], duration)
    lines, quotes = overview(index.base, entries)
    blocks: list[Block] = [
        Para(
            f"Compris : deux entrées comparées par leur date — « {pieces[0]} » et « {pieces[1]} »",
            "note",
        ),
        verdict,
        *lines,
    ]
    if quotes is not None:
        blocks.append(quotes)
    buttons = tuple(b for b in (entry_button(e) for e in entries) if isinstance(b, Button))
    return Reply(tuple(blocks), (buttons,) if buttons else ()), " ".join(pieces)


SHORT_NAME = 70
"""Characters of an entry's line kept in the verdict."""
MONTH_DAYS = 30.44
"""Days in an average month, for « environ 4 mois et demi »."""


def _names_a_thing(index: Index, piece: str) -> bool:
    """True when ``piece`` has a content word that names no actor (« l'ouverture du forum »,
    not « Bakou » alone)."""
    exact = index.names.exact
    return any(len(w) > 3 and not is_stop(w) and w not in exact for w in index.tokens(piece))


def _sort_end(entry: Dated) -> tuple[object, ...]:
    assert entry.date is not None
    return (entry.date.end, entry.date.start)


def _reported(entry: Dated) -> bool:
    """True when the entry's date is only its article's: the event is on that day or before."""
    return entry.date_basis == "rapporté"


def _named(index: Index, entry: Dated) -> str:
    """« Bakou ouvre son 3ᵉ Forum … » (21 septembre 2025): the line and its date, marked."""
    assert entry.date is not None
    label = entry.date.label()
    if _reported(entry):
        label = f"seule date connue : celle de l'article, {label}"
    elif entry.date_basis == "déduit":
        label = f"{label}, date déduite"
    return f"« {short_label(line_text(index.base, entry), SHORT_NAME)} » ({label})"


def _verdict(index: Index, first: Dated, second: Dated, duration: bool) -> Para:
    """Which came first, said with both names and dates; the time between them when asked."""
    assert first.date is not None and second.date is not None
    one, two = _named(index, first), _named(index, second)
    if _reported(first) or _reported(second):
        later = second if _reported(second) else first
        other = first if later is second else second
        assert later.date is not None and other.date is not None
        settled = later is first and later.date.end < other.date.start
        if not settled:
            return Para(
                f"Les articles ne permettent pas de trancher : {one} ; {two}. Une des deux "
                "n'est datée que par son article (l'événement a eu lieu ce jour-là ou avant)."
            )
    if not first.date.end < second.date.start:
        return Para(
            f"Leurs dates se recouvrent : les articles ne permettent pas de dire laquelle "
            f"vient en premier — {one} ; {two}."
        )
    if duration and not (_reported(first) or _reported(second)):
        return Para(f"Écart : {_gap(first, second)} — de {one} à {two}.")
    if duration:
        return Para(
            "L'écart ne peut pas être calculé : une des deux n'est datée que par son article "
            f"(l'événement a eu lieu ce jour-là ou avant). Vient en premier : {one} ; puis {two}."
        )
    return Para(f"Vient en premier : {one} ; puis {two}.")


def _gap(first: Dated, second: Dated) -> str:
    """« 142 jours, environ 4 mois et demi » between two dates (a range for month dates)."""
    assert first.date is not None and second.date is not None
    low = (second.date.start - first.date.end).days
    high = (second.date.end - first.date.start).days
    days = f"{low} jours" if low == high else f"entre {low} et {high} jours"
    halves = round((low + high) / 2 / MONTH_DAYS * 2)
    months, half = divmod(halves, 2)
    if months == 0:
        return days
    about = f"{months} mois" + (" et demi" if half else "")
    return f"{days}, environ {about}"
