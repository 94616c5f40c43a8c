"""Follow-ups that move from what was just shown: « et avant ? », « et après ? », « qui le dit ? ».

Such a question names nothing of its own: it asks for the entries before (or after) the ones the
previous answer listed, of the same actors, or for who says what was just shown. It is read
only when every word of it is a word of the move or a little word (« et », « ça », « il y a
eu quoi »): « avant 2020 » names a date and « qui le dit, Aliyev ? » an actor — those are read
as questions of their own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from bot.content.model import Agreement, Event
from bot.engine.french import is_stop
from bot.engine.index import Index
from bot.text import fold

Move = Literal["earlier", "later", "source"]

_EARLIER = frozenset(" ".join(("avant auparavant precedemment anterieurement",)).split())
_LATER = frozenset(" ".join(("apres ensuite suite plus tard puis",)).split())
_SOURCE = frozenset(
    " ".join(
        (
            "source sources media medias journal journaux dit dire disent affirme affirment",
            "rapporte rapportent ecrit ecrivent selon provenance vient viennent origine",
            "publie tient tiennent provient proviennent emane emanent cite citee cites citent",
            "article articles",
            # made known (« qui a rendu ça public ? », « qui l'a révélé ? »): who told it;
            # « qui l'a annoncé ? » asks who spoke (« Il a souligné … »: Aliyev), a detail
            "rendu rendue rendus public publique publiquement revele revelee revelent",
            "divulgue divulguee",
        )
    ).split()
)
_LITTLE = frozenset(
    " ".join(
        (
            "et mais puis alors donc ca cela ceci il y a eu ont quoi qu que qui quel quelle",
            "quels quelles s est passe passes se d de du des le la les l lui leur on ou c t",
            "fait info infos information informations cette ces ce avait avaient ete",
        )
    ).split()
)
"""Words that may stand around a move without naming anything (folded)."""
MOST_WORDS = 8
"""A move is short: « et avant ça, il y a eu quoi ? »."""
_WORD = re.compile(r"[^\W_]+")


def asked_move(text: str) -> Move | None:
    """The move a short follow-up asks, or None when it asks none or names something."""
    words = _WORD.findall(fold(text))
    if not words or len(words) > MOST_WORDS:
        return None
    content = [w for w in words if w not in _LITTLE and not is_stop(w)]
    if words.count("plus") and "tard" in words:
        content = [w for w in content if w != "plus"]
    if words.count("plus") and "tot" in words:
        content = ["avant" if w == "tot" else w for w in content if w != "plus"]
    if content and all(w in _EARLIER for w in content):
        return "earlier"
    if content and all(w in _LATER for w in content):
        return "later"
    if words == ["sources"]:
        return None  # « sources ? » alone asks the list of articles (/sources), as ever
    said = set(words)
    asks_who = "qui" in said or "ou" in said or "quel" in said or "quelle" in said
    if content and all(w in _SOURCE for w in content) and (asks_who or said & _NOUNS):
        return "source"
    if not content and said >= {"qui", "dit"}:  # « qui le dit ? » (« dit » is a stop word)
        return "source"
    return None


_NOUNS = frozenset(
    " ".join(("source sources media medias journal journaux provenance origine",)).split()
)


@dataclass(frozen=True, slots=True)
class Window:
    """The period a move asks: before ``end`` or after ``start`` (one of them set)."""

    start: date | None
    end: date | None


def moved_window(index: Index, lines: tuple[str, ...], move: Move) -> Window | None:
    """The period before the earliest (or after the latest) dated line of ``lines``; None
    when none of them is dated."""
    spans = []
    for entry_id in lines:
        entry = index.entries.get(entry_id)
        if isinstance(entry, Event | Agreement) and entry.date is not None:
            spans.append(entry.date)
    if not spans:
        return None
    if move == "earlier":
        first = min(span.end if span.open else span.start for span in spans)
        return Window(None, first - timedelta(days=1))
    last = max(span.end for span in spans)
    return Window(last + timedelta(days=1), None)
