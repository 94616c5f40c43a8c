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

A key quote that makes the attribution the entry's summary makes (« Selon M. Aliyev, … »
under a summary « Selon M. Aliyev, … », or its ``hedge``), when no other own key quote names
the speaker, is the entry's own whatever the rules above say: the summary's attribution rests
on it, so it is never withheld from the entry.

Views show an entry's own quotes under its line; another entry's sentence never stands as
its proof (it stays on that other entry, where it is the proof).
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from pathlib import Path

from bot.content.model import Agreement, Event, Evidence, Fact, FactBase
from bot.engine.file_parts import entry_tokens, names_print
from bot.text import fold

Entry = Event | Agreement | Fact

KEPT_BASES = 4
"""Bases whose tables are kept (tests build several)."""

_CACHE: list[tuple[FactBase, dict[str, frozenset[str]]]] = []


def _flat(text: str) -> str:
    if len(text) <= FLAT_KEPT_LONGEST:
        return _flat_kept(text)
    return _flatten(text)


FLAT_KEPT_LONGEST = 120
"""Longest text whose flat form is kept (names, aliases: read for every sentence weighed)."""


@lru_cache(maxsize=2048)
def _flat_kept(text: str) -> str:
    return _flatten(text)


def _flatten(text: str) -> str:
    return " ".join(re.findall(r"\w+", fold(text.replace("’", "'"))))


def subjects(entry: Entry, home: str) -> tuple[str, ...]:
    """The entry's actors (parties, related, mediators of an agreement) but the base's home
    country (Azerbaïdjan: every article is about it, so naming it says nothing of whose
    sentence it is)."""
    if isinstance(entry, Agreement):
        ids = (*entry.parties, *entry.related, *entry.mediators)
    else:
        ids = entry.actors
    return tuple(dict.fromkeys(actor for actor in ids if actor != home))


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


Signature = tuple[str, object, bool, tuple[str, ...]]
"""What the rules read of an entry holding a quote: its date words, its date, whether it is a
context entry, its actors: clones of one entry (a base grown ×1000) share one."""


def _signature(entry: Entry, home: str) -> Signature:
    date = None if isinstance(entry, Fact) else entry.date
    return (_date_words(entry), date, isinstance(entry, Fact), subjects(entry, home))


def _claims(base: FactBase, other: Signature, actors: tuple[str, ...], quote: str) -> bool:
    """True when ``quote``, which names none of ``actors``, is the proof of an entry of
    signature ``other``: it names one of that entry's actors, or that entry is a dated event
    or agreement about other actors (the forum's « 80 pays »). A context sentence several
    context entries share (« trois principales menaces » before each threat) is none's."""
    theirs, is_fact = other[3], other[2]
    if theirs and names_any(base, theirs, quote):
        return True
    return not is_fact and not set(theirs) & set(actors)


TOLD = 0.7
"""A quote whose long words the entry's summary holds at this share is the summary's own."""


def _told(flat: str, summary: frozenset[str]) -> bool:
    words = {word for word in flat.split() if len(word) >= 4}
    return bool(words) and len(words & summary) >= TOLD * len(words)


_ATTRIBUTION = re.compile(
    r"\b(?:selon|d['’]apr[eè]s)\s+((?:M\.|MM\.|Mme\.?)?[^,;:.!?«»()]{1,100})", re.IGNORECASE
)


def said_by(text: str) -> tuple[frozenset[str], ...]:
    """Who ``text`` says its words are from — « Selon M. Aliyev, … », « d'après le
    ministère » — as the long words of each attribution (« aliyev »)."""
    found = (
        frozenset(word for word in _flat(said.group(1)).split() if len(word) >= 4)
        for said in _ATTRIBUTION.finditer(text)
    )
    return tuple(dict.fromkeys(words for words in found if words))


def attributions(entry: Entry) -> tuple[frozenset[str], ...]:
    """Who the entry's summary (or its ``hedge``) says its words are from."""
    hedge = getattr(entry, "hedge", None)
    return said_by(f"{entry.summary or ''} ; {hedge or ''}")


def _attributed(entries: tuple[Entry, ...], foreign: dict[str, set[str]]) -> dict[str, set[str]]:
    """``foreign`` without the quotes an entry's summary's attribution rests on: when none of
    the entry's own key quotes names whom its summary's « Selon M. Aliyev » names, its key
    quotes that make the same attribution (« Selon M. Aliyev, … ») are its own again — never
    withheld, whoever else quotes them. A quote that only names the speaker (« a annoncé le
    président Ilham Aliyev », about another entry's meeting) stays the other entry's."""
    for entry in entries:
        quotes = foreign.get(entry.id)
        said = attributions(entry) if quotes else ()
        if not quotes or not said:
            continue
        key = [item.quote for item in entry.key_evidence()]
        own = [set(_flat(quote).split()) for quote in key if quote not in quotes]
        for attribution in said:
            if any(attribution <= words for words in own):
                continue
            quotes -= {
                quote
                for quote in quotes
                if quote in key and any(attribution <= theirs for theirs in said_by(quote))
            }
    return foreign


HEAD = 3
"""Words of a quote looked up to find the longer quotes that hold it."""


def _head(flat: str) -> str:
    return " ".join(flat.split()[:HEAD])


Owners = dict[Signature, list[str]]


class _Signatures(dict[str, Signature]):
    """Entry id → its signature, each computed when first asked: after one changed file, only
    the entries of the articles read again are (0.3 s at ×1000 for all of them)."""

    def __init__(self, entries: tuple[Entry, ...], home: str) -> None:
        super().__init__()
        self.home = home
        self.by_id = {entry.id: entry for entry in entries}

    def __missing__(self, entry_id: str) -> Signature:
        found = self[entry_id] = _signature(self.by_id[entry_id], self.home)
        return found


def _foreign_table(base: FactBase, parts: Path | None = None) -> dict[str, frozenset[str]]:
    """Entry id → the quotes (their text) of its evidence that are another entry's. Quotes are
    compared folded, within their article only (a sentence is one article's), one article at
    a time (what one article's quotes need is dropped before the next); the entries holding
    each quote are grouped by signature, so that clones are read once per distinct quote.

    With a ``parts`` folder, each article's result is kept there (one file for all,
    :data:`KEPT_NAME`) under a hash of exactly what it was computed from (the code, and for
    each quote of that article: the entry's id, signature and summary, the quote, the names of
    the actors the rules look for): after one changed file, only the articles whose quotes or
    holders changed are read again (7 s of the first answer at ×1000 before)."""
    entries = base.entries()
    home = base.vocabulary.home
    signatures = _Signatures(entries, home)
    by_source: dict[str, list[tuple[Entry, str]]] = {}
    for entry in entries:
        for item in entry.evidence:
            by_source.setdefault(item.source, []).append((entry, item.quote))
    kept: dict[str, dict[str, frozenset[str]]] = {}
    salt = ""
    if parts is not None:
        from bot.content.snapshot import code_key, read_snapshot

        salt = code_key()
        kept = read_snapshot(parts, salt, dict, name=KEPT_NAME) or {}
    used: dict[str, dict[str, frozenset[str]]] = {}
    foreign: dict[str, set[str]] = {}
    heads: dict[str, bytes] = {}  # entry id → what its key says of it, once per entry
    names: dict[str, bytes] = {}  # actor id → what its key says of its names, once per actor
    tokens = entry_tokens(base, entries) if parts is not None else None
    printed = names_print(base) if tokens is not None else ""
    for source, held_items in by_source.items():
        if parts is None:
            key = ""
        elif tokens is not None:
            key = _kept_key(source, held_items, tokens, salt, printed)
        else:
            key = _source_key(base, source, held_items, signatures, salt, heads, names)
        found = kept.get(key) if parts else None
        if found is None:
            found = _foreign_of_article(base, held_items, signatures)
        if parts is not None:
            used[key] = found
        for entry_id, quotes in found.items():
            foreign.setdefault(entry_id, set()).update(quotes)
    if parts is not None and used.keys() != kept.keys():
        from bot.content.snapshot import write_snapshot

        write_snapshot(parts, salt, used, name=KEPT_NAME)
    foreign = _attributed(entries, foreign)
    return {entry.id: frozenset(foreign.get(entry.id, ())) for entry in entries}


KEPT_NAME = "own-evidence.parts"
"""The file, in the parts folder of the full text, keeping each article's result."""


def _kept_key(
    source: str,
    held_items: list[tuple[Entry, str]],
    tokens: dict[str, str],
    salt: str,
    printed: str,
) -> str:
    """A hash of everything :func:`_foreign_of_article` reads for one article, when every
    entry was read from a file kept by the per-file validation cache: for each quote, its
    entry's id and that file's record key (which names the entry's every field: its
    signature, summary and quotes; :mod:`bot.engine.file_parts`), in order, and the
    fingerprint of the base's names (the actors' names and adjectives, the home country)."""
    digest = hashlib.sha256(f"kept\0{salt}\0{printed}\0{source}\0".encode())
    digest.update("\0".join([tokens[entry.id] for entry, _quote in held_items]).encode())
    return digest.hexdigest()


def _source_key(
    base: FactBase,
    source: str,
    held_items: list[tuple[Entry, str]],
    signatures: dict[str, Signature],
    salt: str,
    heads: dict[str, bytes] | None = None,
    names: dict[str, bytes] | None = None,
) -> str:
    """A hash of everything :func:`_foreign_of_article` reads for one article. ``heads`` and
    ``names`` keep, for one build of the table, what the hash says of each entry (id,
    signature, summary) and of each actor (its names): an entry or an actor is written once
    per build, not once per quote and article (58,000 folds of the same names at ×1000)."""
    heads = {} if heads is None else heads
    names = {} if names is None else names
    digest = hashlib.sha256(f"{salt}\0{source}\0".encode())
    actors: set[str] = set()
    for entry, quote in held_items:
        signature = signatures[entry.id]
        actors.update(signature[3])
        head = heads.get(entry.id)
        if head is None:
            head = heads[entry.id] = f"{entry.id}\0{signature!r}\0{entry.summary}\0".encode()
        digest.update(head)
        digest.update(f"{quote}\1".encode())
    for actor in sorted(actors):
        said = names.get(actor)
        if said is None:
            said = names[actor] = f"{actor}\0{_names(base, actor)!r}\2".encode()
        digest.update(said)
    return digest.hexdigest()


def _foreign_of_article(
    base: FactBase, held_items: list[tuple[Entry, str]], signatures: dict[str, Signature]
) -> dict[str, frozenset[str]]:
    """Entry id → its quotes of one article that are another entry's (ids with none left out)."""
    summaries: dict[str, frozenset[str]] = {}
    foreign: dict[str, set[str]] = {}
    flats = {quote: _flat(quote) for _, quote in held_items}
    owners: dict[str, Owners] = {}  # a quote → its holders, by signature
    for entry, quote in held_items:
        by_signature = owners.setdefault(flats[quote], {})
        by_signature.setdefault(signatures[entry.id], []).append(entry.id)
    heads: dict[str, list[str]] = {}  # three words in a row → the quotes holding them
    for held in owners:
        split = held.split()
        for at in range(max(1, len(split) - HEAD + 1)):
            found = heads.setdefault(" ".join(split[at : at + HEAD]), [])
            if not found or found[-1] != held:
                found.append(held)
    decided: dict[tuple[str, Signature], bool] = {}
    for entry, quote in held_items:
        flat = flats[quote]
        if entry.id not in summaries:
            summaries[entry.id] = frozenset(_flat(entry.summary).split())
        if _told(flat, summaries[entry.id]):
            continue  # the entry's summary says it again: its own
        signature = signatures[entry.id]
        key = (flat, signature)
        if key not in decided:
            holding = [(held, owners[held]) for held in heads.get(_head(flat), [flat])]
            holding = [(held, by) for held, by in holding if flat in held]
            decided[key] = _is_foreign(base, entry.id, signature, quote, flat, holding)
        if decided[key]:
            foreign.setdefault(entry.id, set()).add(quote)
    return {entry_id: frozenset(quotes) for entry_id, quotes in foreign.items()}


def _is_foreign(
    base: FactBase,
    entry_id: str,
    signature: Signature,
    quote: str,
    flat: str,
    holding: list[tuple[str, Owners]],
) -> bool:
    """The two rules of the module's docstring for one quote of an entry of ``signature``
    (the quotes ``holding`` it, each with its holders by signature)."""
    own_words, own_date, _fact, actors = signature
    if own_words and f" {own_words} " in f" {flat} ":
        return False  # it holds this entry's own date words: its own
    others: list[Signature] = []
    for held, by_signature in holding:
        for other, ids in by_signature.items():
            if ids == [entry_id]:
                continue  # only this entry holds that quote
            words, date = other[0], other[1]
            if words and date != own_date and f" {words} " in f" {held} ":
                return True  # cut from the sentence dating another entry
            others.append(other)
    if not actors or not others or names_any(base, actors, quote):
        return False
    return any(_claims(base, other, actors, quote) for other in others)


def foreign_table(base: FactBase, parts: Path | None = None) -> dict[str, frozenset[str]]:
    """The base's table (entry id → its quotes that are another entry's), built once: the
    start-up builds it into the index (``fit.prepare``, with the index's parts folder, where
    each article's result is kept), so the snapshot keeps it."""
    for held, table in _CACHE:
        if held is base:
            return table
    if parts is None:
        parts = next((folder for held, folder in _PARTS if held is base), None)
    return remember(base, _foreign_table(base, parts))


_PARTS: list[tuple[FactBase, Path]] = []


def keep_parts(base: FactBase, parts: Path) -> None:
    """Note ``parts`` as the folder where ``base``'s table keeps each article's result, for
    a view that asks the table before the start-up's ``fit.prepare`` built it."""
    if not any(held is base for held, _ in _PARTS):
        _PARTS.append((base, parts))
        del _PARTS[:-KEPT_BASES]


def remember(base: FactBase, table: dict[str, frozenset[str]]) -> dict[str, frozenset[str]]:
    """Keep ``table`` as the base's (an index read from its snapshot brings it along)."""
    if not any(held is base for held, _ in _CACHE):
        _CACHE.append((base, table))
        del _CACHE[:-KEPT_BASES]
    return table


_table = foreign_table


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
