"""« ce mémorandum », « ce plan », « cet accord »: a follow-up's demonstrative names which of
the previous answer's lines it points at. « et il a été signé quand, ce mémorandum ? » after an
answer whose first line is a deputy's reaction and whose second is the memorandum asks the
memorandum's date, not the reaction's.

The noun after « ce / cet / cette / ces » is compared, stem to stem (Snowball, accents and
case aside), with the words of each line as shown and an agreement's title; the first line that
holds it is the one pointed at. When no line shown holds it, the entries of the actor the
previous question named are read next (the answer may have opened on another subject: the
question's actor is the thread's). A noun none of them holds (« ce sommet ») points at none:
the thread keeps its subject.
"""

from __future__ import annotations

import re

from bot.content.model import Agreement, Event, Fact
from bot.engine.common import line_text
from bot.engine.french import folded_stem, is_stop
from bot.engine.index import Index
from bot.engine.subject_first import named_actors
from bot.text import fold

Entry = Event | Agreement | Fact

_DEMONSTRATIVE = re.compile(r"\b(?:ce|cet|cette|ces) (\w+)")


def pointed_nouns(folded: str) -> list[str]:
    """The stems of the nouns a folded question names after a demonstrative."""
    return [
        folded_stem(noun)
        for noun in _DEMONSTRATIVE.findall(folded)
        if len(noun) > 2 and not is_stop(noun)
    ]


def _stems(index: Index, entry: Entry) -> frozenset[str]:
    """The stems of the words of ``entry``'s line (and title), kept per entry."""
    cache = index.memo("pointed stems", dict[str, frozenset[str]])
    if entry.id not in cache:
        texts = [line_text(index.base, entry)]
        if isinstance(entry, Agreement):
            texts.append(entry.title)
        words = re.findall(r"\w+", fold(" ".join(texts)))
        cache[entry.id] = frozenset(folded_stem(word) for word in words)
    return cache[entry.id]


def pointed_entry(index: Index, folded: str, entries: list[Entry]) -> Entry | None:
    """The first of ``entries`` whose line or title holds a noun the question points at with
    a demonstrative, when the first entry does not: None when no other is pointed at."""
    nouns = pointed_nouns(folded)
    if not nouns or not entries:
        return None
    for entry in entries:
        if any(noun in _stems(index, entry) for noun in nouns):
            return None if entry is entries[0] else entry
    return None


def pointed_in_thread(
    index: Index, folded: str, listed: list[Entry], previous_query: str
) -> Entry | None:
    """``pointed_entry`` over the previous answer's lines, then over the entries of the actors
    its question named (``previous_query``)."""
    if not pointed_nouns(folded):
        return None
    found = pointed_entry(index, folded, listed)
    if found is not None or not listed or holds_pointed(index, listed[0], folded):
        return found
    links = index.links
    named = [
        entry
        for actor in named_actors(index, previous_query)
        for entry in (*links.entries_of(actor), *links.facts_of(actor))
    ]
    return pointed_entry(index, folded, [listed[0], *named])


def holds_pointed(index: Index, entry: Entry, folded: str) -> bool:
    """True when ``entry``'s line or title holds a noun the question points at."""
    stems = _stems(index, entry)
    return any(noun in stems for noun in pointed_nouns(folded))
