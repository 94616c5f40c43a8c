"""Which of an entry's quotes are its own evidence for its line, and which are another
entry's: a sentence two entries quote is shown under the one whose claim it supports.

The curators quote a sentence under every entry it helps (« Hier, les ministères … ont signé
le plan … » under the plan's signing and under the long-term partnership it belongs to;
« … avec l'OTAN en 1992 » under the 1994 membership « deux ans plus tard »). Under a line, a
reader takes each quote as proof of that line: the 1992 sentence under the 1994 line, or a
dated signing under an undated partnership, says something the line does not. A quote is
**another entry's** (foreign to this one) when

- it is cut from (or is) the sentence that dates another entry — that entry's own date words
  (``date_text``) stand in it — while this entry has another date and its own date words are
  not in it; or
- it names none of this entry's actors (beyond Azerbaïdjan, in every article), while another
  entry quotes it as its own proof — naming that entry's actors, or dating an event about
  others: a sentence about the NATO meeting under the Turkish memorandum, the « 80 pays » of
  the forum under an EU–India line.

Views show an entry's own quotes under its line; another entry's sentence never stands as
its proof (it stays on that other entry, where it is the proof).
"""

from __future__ import annotations

import re

from bot.content.model import Agreement, Event, Evidence, Fact, FactBase
from bot.text import fold

Entry = Event | Agreement | Fact

HOME = "AZ"
"""The country every article is about: naming it says nothing of whose sentence it is."""
KEPT_BASES = 4
"""Bases whose tables are kept (tests build several)."""

_CACHE: list[tuple[FactBase, dict[str, frozenset[str]]]] = []


def _flat(text: str) -> str:
    return " ".join(re.findall(r"\w+", fold(text.replace("’", "'"))))


def subjects(entry: Entry) -> tuple[str, ...]:
    """The entry's actors (parties, related, mediators of an agreement) but Azerbaïdjan."""
    if isinstance(entry, Agreement):
        ids = (*entry.parties, *entry.related, *entry.mediators)
    else:
        ids = entry.actors
    return tuple(dict.fromkeys(actor for actor in ids if actor != HOME))


def _names(base: FactBase, actor_id: str) -> tuple[str, ...]:
    actor = base.actors.get(actor_id)
    if actor is None:
        return (_flat(actor_id),)
    found = [_flat(name) for name in (*actor.names(), *actor.demonyms)]
    return tuple(name for name in found if len(name) >= 2)


def names_any(base: FactBase, actor_ids: tuple[str, ...], text: str) -> bool:
    """True when ``text`` names one of the actors (a name, an alias or an adjective)."""
    flat = f" {_flat(text)} "
    return any(f" {name} " in flat for actor in actor_ids for name in _names(base, actor))


def _date_words(entry: Entry) -> str:
    if isinstance(entry, Fact) or entry.date is None or not entry.date_text:
        return ""
    return _flat(entry.date_text)


TOLD = 0.7
"""A quote whose long words the entry's summary holds at this share is the summary's own."""


def _told(flat: str, summary: frozenset[str]) -> bool:
    words = {word for word in flat.split() if len(word) >= 4}
    return bool(words) and len(words & summary) >= TOLD * len(words)


def _claims(base: FactBase, other: Entry, actors: tuple[str, ...], quote: str) -> bool:
    """True when ``quote``, which names none of ``actors``, is ``other``'s proof: it names one
    of ``other``'s actors, or ``other`` is a dated event or agreement about other actors (the
    forum's « 80 pays »). A context sentence several context entries share (« trois
    principales menaces » before each threat) is none's in particular."""
    theirs = subjects(other)
    if theirs and names_any(base, theirs, quote):
        return True
    return not isinstance(other, Fact) and not set(theirs) & set(actors)


HEAD = 3
"""Words of a quote looked up to find the longer quotes that hold it."""


def _head(flat: str) -> str:
    return " ".join(flat.split()[:HEAD])


def _foreign_table(base: FactBase) -> dict[str, frozenset[str]]:
    """Entry id → the quotes (their text) of its evidence that are another entry's."""
    entries = base.entries()
    holders: dict[str, list[tuple[Entry, str]]] = {}
    flats = {
        (entry.id, item.quote): _flat(item.quote) for entry in entries for item in entry.evidence
    }
    for entry in entries:
        for item in entry.evidence:
            holders.setdefault(flats[entry.id, item.quote], []).append((entry, item.quote))
    starts: dict[str, list[str]] = {}  # a quote's first words → the quotes holding them
    for held in holders:
        split = held.split()
        for at in range(max(1, len(split) - HEAD + 1)):
            found = starts.setdefault(" ".join(split[at : at + HEAD]), [])
            if not found or found[-1] != held:
                found.append(held)
    table: dict[str, frozenset[str]] = {}
    for entry in entries:
        own_words = _date_words(entry)
        own_date = None if isinstance(entry, Fact) else entry.date
        actors = subjects(entry)
        summary = frozenset(_flat(entry.summary).split())
        foreign: set[str] = set()
        for item in entry.evidence:
            flat = flats[entry.id, item.quote]
            if own_words and f" {own_words} " in f" {flat} ":
                continue  # it holds this entry's own date words: its own
            if _told(flat, summary):
                continue  # the entry's summary says it again: its own
            others = [
                other
                for held in starts.get(_head(flat), (flat,))
                if flat in held
                for other, _quote in holders.get(held, ())
                if other.id != entry.id
            ]
            for other in others:
                words = _date_words(other)
                other_date = None if isinstance(other, Fact) else other.date
                if (
                    words
                    and other_date != own_date
                    and any(
                        f" {words} " in f" {flats[other.id, held.quote]} "
                        and flat in flats[other.id, held.quote]
                        for held in other.evidence
                    )
                ):
                    foreign.add(item.quote)  # cut from the sentence dating another entry
                    break
            else:
                if (
                    actors
                    and not names_any(base, actors, item.quote)
                    and any(_claims(base, other, actors, item.quote) for other in others)
                ):
                    foreign.add(item.quote)  # about none of its actors: another's claim
        table[entry.id] = frozenset(foreign)
    return table


def _table(base: FactBase) -> dict[str, frozenset[str]]:
    for held, table in _CACHE:
        if held is base:
            return table
    table = _foreign_table(base)
    _CACHE.append((base, table))
    del _CACHE[:-KEPT_BASES]
    return table


def is_foreign(base: FactBase, entry: Entry, quote: str) -> bool:
    """True when ``quote`` (one of ``entry``'s) is another entry's evidence, not this entry's
    proof for its line (see the module's docstring)."""
    return quote in _table(base).get(entry.id, frozenset())


def own_key_evidence(base: FactBase, entry: Entry) -> tuple[Evidence, ...]:
    """The key quotes shown under the entry's line, without another entry's sentence; when
    every key quote is another's, its first own quote; when it has none, its key quotes."""
    foreign = _table(base).get(entry.id, frozenset())
    key = entry.key_evidence()
    if not foreign:
        return key
    kept = tuple(item for item in key if item.quote not in foreign)
    if kept:
        return kept
    own = tuple(item for item in entry.evidence if item.quote not in foreign)
    return own[:1] or key
