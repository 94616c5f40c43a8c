"""The index over the fact base: its small tables (names, full text, timeline, agreements,
relations), each built on first use, all at once by ``prepare``."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping, Sequence
from functools import cached_property
from pathlib import Path
from types import MappingProxyType
from typing import TypeVar, cast

from bot.content.model import Agreement, FactBase
from bot.dates import DateSpan
from bot.engine.actor_links import ActorLinks
from bot.engine.chronology import Chronology
from bot.engine.deals import Deals
from bot.engine.fulltext import FullText, Hits, set_bits
from bot.engine.names import FUZZY_CUTOFF, Match, NameTable
from bot.engine.own_evidence import keep_parts
from bot.engine.postings import Postings
from bot.engine.spans import Dated
from bot.engine.tables import Entry, Table

__all__ = ["FUZZY_CUTOFF", "Dated", "Entry", "Hits", "Index", "Match", "set_bits"]

T = TypeVar("T")


PIECE = 2048
"""Objects per piece of the snapshot (see :meth:`Index.snapshot_pieces`)."""


def _slices(items: Sequence[object]) -> list[tuple[object, ...]]:
    return [tuple(items[start : start + PIECE]) for start in range(0, len(items), PIECE)]


class Index:
    """Every look-up the answers need, over an immutable FactBase, table by table."""

    def __init__(self, base: FactBase, parts: Path | None = None) -> None:
        self.base = base
        self.parts = parts
        """Where the full text keeps each content file's part (None: nowhere)."""
        if parts is not None:
            keep_parts(base, parts)  # where the own-evidence table keeps each article's
        self._memo: dict[str, object] = {}
        self._unkept: dict[str, object] = {}

    def __getstate__(self) -> dict[str, object]:
        # what :meth:`unkept` holds is built again after a snapshot is read, never written
        state = dict(vars(self))
        state["_unkept"] = {}
        return state

    def __setstate__(self, state: dict[str, object]) -> None:
        vars(self).update(state)

    @cached_property
    def names(self) -> NameTable:
        """Which actor or topic a query names."""
        return NameTable(self.base, self.parts)

    @cached_property
    def fulltext(self) -> FullText:
        """Word → entries, and /cherche's ranking."""
        return FullText(self.base, self.parts)

    @cached_property
    def timeline(self) -> Chronology:
        """The dated lines, in order, grouped and indexed by date."""
        return Chronology(self.base)

    @cached_property
    def deals(self) -> Deals:
        """The agreements, ordered and grouped."""
        return Deals(self.base, self.timeline, self.fulltext.tokens, self.parts)

    @cached_property
    def links(self) -> ActorLinks:
        """Each actor's entries, memberships and listings."""
        return ActorLinks(self.base)

    def tables(self) -> tuple[Table, ...]:
        """Every table of the index."""
        return (self.names, self.fulltext, self.timeline, self.deals, self.links)

    def prepare(self) -> Index:
        """Build every table now, so that no user's first command pays for it."""
        for table in self.tables():
            table.prepare()
        return self

    @property
    def entries(self) -> Mapping[str, Entry]:
        """Entry id → entry."""
        return self.fulltext.entries

    @cached_property
    def topic_labels(self) -> Mapping[str, str]:
        """Topic id → its French label."""
        return MappingProxyType({term.id: term.label for term in self.base.vocabulary.topics})

    def tokens(self, text: str) -> list[str]:
        """Folded words of ``text`` without the base's stop words (vocabulary ``stop_words``)."""
        return self.fulltext.tokens(text)

    def memoized(self, name: str) -> bool:
        """True when :meth:`memo` holds ``name`` already (built, or read from a snapshot)."""
        return name in self._memo

    def memo(self, name: str, build: Callable[[], T]) -> T:
        """What ``build`` returns, built once per index (tables drawn from its vocabulary)."""
        if name not in self._memo:
            self._memo[name] = build()
        return cast(T, self._memo[name])

    def unkept(self, name: str, build: Callable[[], T]) -> T:
        """What ``build`` returns, built once per index like :meth:`memo`, but never written
        in the index's snapshot: a table that costs less to build again from the base read
        back than to write and decode (issue 25, i25o: the set of the base's quotes, 160,000
        pairs of strings at ×1000 that a snapshot wrote apart from the entries holding
        them — 38 MB, ~0.3 s to write, ~0.3 s to decode, 0.1 – 0.2 s to build)."""
        if name not in self._unkept:
            self._unkept[name] = build()
        return cast(T, self._unkept[name])

    def snapshot_files(
        self, *, hash_seeds: bool = True
    ) -> list[tuple[str, list[tuple[object, ...]]]]:
        """The base's objects kept per content file (:attr:`FactBase.origins`), each file's
        in slices of ``PIECE``, under its validation record's key: the snapshot keeps each
        once per key, and a reload takes the served index's own for the keys it has. Then,
        for such a base, the articles' texts (one mapping) under :meth:`seeds_key`, and the
        names table's parts (one mapping, once the table is built) under its
        :meth:`NameTable.state_key`, and the agreements table's string parts likewise under
        :meth:`Deals.state_key` — with ``hash_seeds`` False, each only if its key is known
        already (the serving process, which never hashes the texts nor walks the actors in
        its answering loop). Last, the full text's parts, once built, each under the key its
        parts folder keeps it by (:class:`bot.engine.postings.Postings`; known as built)."""
        files = [(key, _slices(items)) for key, items in self.base.origins]
        if not files:
            return files
        if hash_seeds or "_seeds_key" in vars(self):
            files.append((self.seeds_key(), [(self.base.seeds,)]))
        for kept in (vars(self).get("names"), vars(self).get("deals")):  # tables kept too
            if kept is not None and (
                kept.built() if hash_seeds else vars(kept).keys() >= {"_state", "_state_key"}
            ):
                files.append((kept.state_key(), [(kept.state(),)]))
        postings = self._postings()
        if postings is not None:  # the full text's parts, each under its parts folder's key
            files.extend((key, [(part,)]) for key, part in postings.kept())
        return files

    def _postings(self) -> Postings | None:
        """The full text's postings, once built (never built here)."""
        fulltext = vars(self).get("fulltext")
        return None if fulltext is None else vars(fulltext).get("postings")

    def seeds_key(self) -> str:
        """The key of the articles' texts as a piece kept like a content file's (37.5 MB at
        ×1000): a hash of every source id and its text, in order — from the load's own hash
        of each text (:attr:`FactBase.seeds_print`) when it has one — computed once per index
        (the snapshot keeps it with the index, so the serving process never hashes them).
        After a reload with the same texts, the serving process takes its own mapping
        instead of decoding and hashing them again, and the reading process does not write
        them again."""
        found = vars(self).get("_seeds_key")
        if found is None:
            from bot.content.snapshot import code_key  # how the piece is written

            digest = hashlib.sha256(f"seeds\0{code_key()}\0".encode())
            printed = self.base.seeds_print  # the load's hash of the texts' hashes
            if printed is not None:
                digest.update(f"printed\0{printed}".encode())
            else:
                for source, text in self.base.seeds.items():
                    digest.update(f"{source}\0{len(text)}\0{text}\1".encode())
            found = digest.hexdigest()
            vars(self)["_seeds_key"] = found  # read back through vars() above
        return found

    def snapshot_pieces(self) -> list[tuple[object, ...]]:
        """The base's entries, actors and sources not kept per content file, in slices of
        ``PIECE``: the snapshot writes each slice as a pickle of its own
        (:func:`bot.content.snapshot._dump`), so that no single decoder holds millions of
        objects when a reload reads the new base."""
        kept = {id(item) for _key, items in self.base.origins for item in items}
        items: list[object] = [
            item
            for item in (
                *self.base.entries(),
                *self.base.actors.values(),
                *self.base.sources.values(),
            )
            if id(item) not in kept
        ]
        return _slices(items)

    def snapshot_by_fields(self) -> tuple[type, ...]:
        """The tables' own frozen dataclasses the snapshot writes as calls of their class on
        their fields (:func:`bot.content.snapshot._reduce_by_fields`): the timeline's lines
        and their date spans, 25,000 of each at ×1000. Each has an ``__init__`` that sets
        its fields and nothing else."""
        return (Dated, DateSpan)

    def snapshot_apart(self) -> list[tuple[object, ...]]:
        """The full text's postings' parts (word → ids of the entries holding it: 4.6 million
        references to 61,000 ids at ×1000), once built, as a piece of their own: a pickle of
        strings and tuples whose decoder (writing and reading) holds only its own objects,
        ~0.3 s faster to write than within the tables' pickle, whose memo by then holds
        every object of the index. Strings only, equal once read back: nothing is compared
        by identity there. The parts a snapshot keeps per key (:meth:`snapshot_files`) are
        only referenced there."""
        postings = self._postings()
        return [] if postings is None else [postings.parts]

    def find_agreements(self, term: str) -> list[Agreement]:
        """Agreements ``term`` names: all when empty, an actor's, or by words or topic."""
        if not term:
            return list(self.base.agreements)
        match = self.names.find_actor(term)
        if match is not None:
            return list(self.deals.of_actor.get(match.actor.id, ()))
        topic = self.names.find_topic(term)
        matched = {a.id for a in self.deals.matching(self.tokens(term))}
        return [
            a
            for a in self.base.agreements
            if a.id in matched or (topic is not None and topic in a.topics)
        ]
