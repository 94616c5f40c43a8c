"""An agreement whose parties the question names all goes before one that only shares its
words: « le médiateur dans l'accord conclu entre l'Arménie et l'Azerbaïdjan ? » opens on the
Azerbaijan–Armenia accord, never on a France–Armenia accord the articles say « conclu » of
(Azerbaijan is no party of it; a grown base showed it, issue 22, task i22zs).

The home country counts here (an agreement of two parties is named by both); an actor is
named by a whole name, alias or demonym of the question (one or two words).
"""

from __future__ import annotations

from typing import TypeVar

from bot.content.model import Agreement
from bot.engine.index import Index
from bot.text import fold

Row = TypeVar("Row", bound=tuple[object, ...])


def asked_parties(index: Index, query: str) -> frozenset[str]:
    """Every actor ``query`` names, the home country included."""
    words = fold(query).split()
    exact = index.names.exact
    found: set[str] = set()
    for size in (1, 2):
        for start in range(len(words) - size + 1):
            name = " ".join(words[start : start + size])
            if len(name) >= 3 and (actor := exact.get(name)) is not None:
                found.add(actor)
    return frozenset(found)


def parties_first(index: Index, query: str, scored: list[Row], entry_at: int = 2) -> list[Row]:
    """``scored`` with the first agreement whose parties hold every actor the question names
    (two at least) moved to the top, when the top row is an agreement some of them are no
    party of and that has a party the question does not name (France, in France–Armenia);
    unchanged otherwise (the Partnership for Peace, of Azerbaijan alone, asked with NATO)."""
    if not scored:
        return scored
    top = scored[0][entry_at]
    if not isinstance(top, Agreement):
        return scored
    asked = asked_parties(index, query)
    if len(asked) < 2 or asked <= set(top.parties) or set(top.parties) <= asked:
        return scored  # the top names no party the question leaves out (the PPP: Azerbaijan)
    lead = next(
        (
            n
            for n, row in enumerate(scored)
            if isinstance(entry := row[entry_at], Agreement) and asked <= set(entry.parties)
        ),
        None,
    )
    if lead is None:
        return scored
    return [scored[lead], *scored[:lead], *scored[lead + 1 :]]


def of_other_parties(index: Index, query: str, top: object, other: object) -> bool:
    """True when ``top`` is an agreement of every actor the question names (two at least) and
    ``other`` an agreement some of them are no party of: its sentence completes nothing of
    the agreement asked (« conclu » of France and Armenia under Azerbaijan–Armenia's)."""
    if not isinstance(top, Agreement) or not isinstance(other, Agreement):
        return False
    asked = asked_parties(index, query)
    return (
        len(asked) >= 2
        and asked <= set(top.parties)
        and not asked <= set(other.parties)
        and not set(other.parties) <= asked
    )
