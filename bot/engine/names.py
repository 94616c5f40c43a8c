"""The names table: which actor or topic a query names (exact folded name, then fuzzy)."""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from types import MappingProxyType

from rapidfuzz import fuzz, process

from bot.content.model import Actor, FactBase
from bot.engine.kept_tables import kept_table
from bot.engine.tables import Table
from bot.engine.typos import bigram_keys, compatible_lengths, shared_bigrams_needed
from bot.text import fold

FUZZY_MIN_QUERY = 4
"""Queries shorter than this (folded) only match exactly: "ue" never fuzzes to "suede"."""
FUZZY_MIN_NAME = 4
"""Names shorter than this (UE, UK, US, AU…) are never fuzzy candidates."""
FUZZY_CUTOFF = 82.0
"""Minimum rapidfuzz ``ratio`` for a typo to count as a match."""
MOST_FUZZY_KEPT = 4096
"""Keys whose fuzzy match a names table keeps (then it starts afresh)."""
SUGGEST_CUTOFF = 72.0
"""Minimum ``ratio`` for a « Vouliez-vous dire » suggestion; measured in tests/test_matching.py:
below it, misspelt countries the articles never name got wrong suggestions."""
POOL_FROM = 1000
"""Names of one length from which a fuzzy look-up reads only those sharing enough bigrams
with the query; fewer are all scored (rapidfuzz scores ~450 names in 0.03 ms at ×1000, less
than gathering a pool takes)."""
LEADING_ARTICLES = re.compile(r"^(?:(?:le|la|les|l|de|du|des|d|en|au|aux)\s+)+")
"""French articles and prepositions a name may start with (« la Turquie », « aux USA »)."""

ByLength = Mapping[int, tuple[tuple[str, ...], tuple[int, ...]]]
"""Length → the names (or words) of that length and their positions, in order."""


@dataclass(frozen=True, slots=True)
class Match:
    """The actor a query names, and how it was found."""

    actor: Actor
    exact: bool
    score: float
    note: str | None = None
    """Why a near name led here (« l'Angleterre fait partie du Royaume-Uni… »)."""


def by_length(names: tuple[str, ...]) -> ByLength:
    """Length → the names of that length and their positions in ``names``, in that order."""
    grouped: dict[int, tuple[list[str], list[int]]] = defaultdict(lambda: ([], []))
    for position, name in enumerate(names):
        found, positions = grouped[len(name)]
        found.append(name)
        positions.append(position)
    return MappingProxyType({size: (tuple(n), tuple(p)) for size, (n, p) in grouped.items()})


class NameTable(Table):
    """Every name of the base's actors and topics, folded, and the countries it never names."""

    def __init__(self, base: FactBase, parts: Path | None = None) -> None:
        self.base = base
        self.parts = parts
        """Where the fuzzy names' bigram table is kept (None: nowhere)."""
        self.fuzzy_found: dict[str, tuple[float, int] | None] = {}
        """Folded key → its fuzzy match (score, position) or None, kept per key (bounded): a
        question's reader, search and absence check look the same words up several times."""

    @classmethod
    def parts_of_state(cls) -> tuple[str, ...]:
        """The table's parts (each ``cached_property``), in a fixed order."""
        return tuple(
            name
            for owner in reversed(cls.__mro__)
            for name, member in vars(owner).items()
            if isinstance(member, cached_property)
        )

    def state_key(self) -> str:
        """A SHA-256 of everything the table's parts read: the code and the libraries'
        versions (:func:`bot.content.snapshot.code_key`: folding, Babel's country names),
        each actor's id, names and demonyms in the base's order (the first actor that has a
        name keeps it), the vocabulary's near names and topics (id, label, aliases), the home
        country (left out of ``one_word_names``). The same
        key gives the same parts: a reload after a change that touches no actor's name
        takes them as they are (issue 25, i25m). Computed once per table (kept with it in
        the snapshot: the serving process never walks the actors for it)."""
        found = vars(self).get("_state_key")
        if found is None:
            from bot.content.snapshot import code_key

            digest = hashlib.sha256(f"names\0{code_key()}\0".encode())
            actors = self.base.actors.values()
            said = [(actor.id, actor.names(), actor.demonyms) for actor in actors]
            digest.update(repr(said).encode())
            vocabulary = self.base.vocabulary
            near = [(item.name, item.actor, item.note) for item in vocabulary.near_names]
            topics = [(term.id, term.label, term.aliases) for term in vocabulary.topics]
            digest.update(f"\1{near!r}\1{topics!r}\1{vocabulary.home!r}".encode())
            found = vars(self)["_state_key"] = digest.hexdigest()
        return found

    def built(self) -> bool:
        """Whether every part of the table is built (a snapshot never builds one)."""
        return "_state" in vars(self) or vars(self).keys() >= set(self.parts_of_state())

    def state(self) -> MappingProxyType[str, object]:
        """Every part of the table (built now if need be), one read-only mapping: the
        snapshot keeps it as a piece under :meth:`state_key`, written once, and the serving
        process takes its own for the same key instead of decoding it again."""
        found = vars(self).get("_state")
        if found is None:
            found = MappingProxyType({name: getattr(self, name) for name in self.parts_of_state()})
            vars(self)["_state"] = found
        return found

    def take_state(self, state: object, key: str) -> bool:
        """Take ``state`` (a :meth:`state` kept under ``key``, this table's own key) as the
        table's parts; False, nothing taken, when it is not one."""
        names = self.parts_of_state()
        if not (isinstance(state, MappingProxyType) and tuple(state) == names):
            return False
        if key != self.state_key():
            return False
        vars(self).update(state)
        vars(self)["_state"] = state
        return True

    def __reduce__(self) -> tuple[object, ...]:
        # its parts as one mapping (the piece the snapshot keeps under its key, when built),
        # its key with it: a snapshot read back knows it without walking the actors
        built = vars(self)
        state = built.get("_state")
        if state is None:
            state = MappingProxyType({n: built[n] for n in self.parts_of_state() if n in built})
        return _restored, (self.base, self.parts, built.get("_state_key"), state)

    @cached_property
    def exact(self) -> Mapping[str, str]:
        """Folded name, alias or demonym → its actor's id (the first actor that has it)."""
        found: dict[str, str] = {}
        for actor in self.base.actors.values():
            for name in (*actor.names(), *actor.demonyms):
                found.setdefault(fold(name), actor.id)
        return MappingProxyType(found)

    @cached_property
    def fuzzy(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The folded names long enough to be fuzzy candidates, and their actors' ids."""
        names: list[str] = []
        owners: list[str] = []
        for actor in self.base.actors.values():
            for name in (*actor.names(), *actor.demonyms):
                key = fold(name)
                if len(key) >= FUZZY_MIN_NAME:
                    names.append(key)
                    owners.append(actor.id)
        return tuple(names), tuple(owners)

    @cached_property
    def fuzzy_by_length(self) -> ByLength:
        """The fuzzy names grouped by length (``by_length``)."""
        return by_length(self.fuzzy[0])

    @cached_property
    def fuzzy_bigrams(self) -> Mapping[tuple[int, str], tuple[int, ...]]:
        """(name length, bigram key) → the positions, within ``fuzzy_by_length``'s group of
        that length, of the names holding that key, in order. Kept in the parts folder
        under the names themselves (:mod:`bot.engine.kept_tables`): a reload whose actors'
        names did not change reads it back (~0.25 s at ×1000)."""

        def build() -> Mapping[tuple[int, str], tuple[int, ...]]:
            grouped: dict[tuple[int, str], list[int]] = defaultdict(list)
            for size, (names, _positions) in self.fuzzy_by_length.items():
                for at, name in enumerate(names):
                    for bigram in bigram_keys(name):
                        grouped[size, bigram].append(at)
            return MappingProxyType({pair: tuple(ats) for pair, ats in grouped.items()})

        return kept_table(self.parts, "name-bigrams", self.fuzzy[0], MappingProxyType, build)

    def _fuzzy_pool(
        self, key: str, keys: tuple[str, ...], size: int
    ) -> tuple[Sequence[str], Sequence[int]]:
        """The fuzzy names of ``size`` letters that may reach FUZZY_CUTOFF with ``key`` (its
        bigram keys: ``keys``), and their positions, in order. A name that does shares at
        least ``need`` of those keys (``shared_bigrams_needed``), hence one of its
        ``len(keys) − need + 1`` rarest: only the names holding one of those are kept. A
        group of fewer than ``POOL_FROM`` names is scored whole (quicker than pooling it)."""
        names, positions = self.fuzzy_by_length.get(size, ((), ()))
        need = shared_bigrams_needed(len(key), size, FUZZY_CUTOFF)
        if need <= 0 or len(names) < POOL_FROM:
            return names, positions
        bigrams = self.fuzzy_bigrams
        lists = sorted((bigrams.get((size, bigram), ()) for bigram in keys), key=len)
        pool = sorted(set().union(*lists[: len(keys) - need + 1]))
        return [names[at] for at in pool], [positions[at] for at in pool]

    @cached_property
    def one_word_names(self) -> Mapping[str, tuple[str, ...]]:
        """Each one-word name or alias (folded) of an actor but the home country → its
        actor's one-word names (folded, in order): a question naming an actor one way meets
        a sentence naming it another (« Téhéran »: « iran »). Demonyms are not names here
        (« turcs » says where something comes from, not who acts). Read by the passages'
        word prefixes (``bot.engine.passage``); a part of the table, so kept with it under
        its key (issue 25, i25o: built at every reload before, ~0.14 s at ×1000)."""
        home = self.base.vocabulary.home
        table: dict[str, tuple[str, ...]] = {}
        for actor in self.base.actors.values():
            if actor.id == home:
                continue
            names = tuple(folded for folded in map(fold, actor.names()) if " " not in folded)
            for name in names:
                table.setdefault(name, names)
        return MappingProxyType(table)

    @cached_property
    def near(self) -> Mapping[str, tuple[str, str]]:
        """Folded near name (vocabulary ``near_names``) → (actor id, the note said with it)."""
        return MappingProxyType(
            {fold(near.name): (near.actor, near.note) for near in self.base.vocabulary.near_names}
        )

    @cached_property
    def elsewhere(self) -> frozenset[str]:
        """Folded names of real countries that no actor of the base answers to."""
        from bot.content.countries import all_country_names  # Babel: only to build an index

        exact = self.exact
        return frozenset(
            key for key in (fold(name) for name in all_country_names()) if key not in exact
        )

    @cached_property
    def elsewhere_names(self) -> tuple[str, ...]:
        """The names of ``elsewhere`` of four letters or more, sorted: fuzzy rivals."""
        return tuple(sorted(key for key in self.elsewhere if len(key) >= 4))

    @cached_property
    def long_names(self) -> tuple[tuple[str, str], ...]:
        """Folded names of three words or more (« partenariat pour la paix »), longest first,
        with their actor: found in a sentence before its little words are dropped."""
        return tuple(
            sorted(
                ((key, owner) for key, owner in self.exact.items() if key.count(" ") >= 2),
                key=lambda pair: -len(pair[0]),
            )
        )

    @cached_property
    def most_words(self) -> int:
        """How many words the longest name has (a question's runs of words longer than that
        name nothing)."""
        return max((key.count(" ") + 1 for key in self.exact), default=0)

    @cached_property
    def long_rank(self) -> Mapping[str, int]:
        """Long name → its position in ``long_names``."""
        return MappingProxyType({key: n for n, (key, _a) in enumerate(self.long_names)})

    @cached_property
    def long_words(self) -> int:
        """How many words the longest long name has."""
        return max((key.count(" ") + 1 for key, _a in self.long_names), default=0)

    @cached_property
    def topics(self) -> Mapping[str, str]:
        """Folded topic id, label or alias → the topic's id."""
        found: dict[str, str] = {}
        for term in self.base.vocabulary.topics:
            for name in (term.id, term.label, *term.aliases):
                found.setdefault(fold(name), term.id)
        return MappingProxyType(found)

    def find_topic(self, query: str) -> str | None:
        """The topic id ``query`` names exactly (label, id or alias, folded)."""
        return self.topics.get(fold(query))

    def find_actor(self, query: str, fuzzy: bool = True) -> Match | None:
        """The actor ``query`` names: exact folded alias first, fuzzy only above the cutoff
        (and only when ``fuzzy``: a caller that keeps exact matches only skips that scan)."""
        key = fold(query)
        if not key:
            return None
        actors = self.base.actors
        for candidate in (key, LEADING_ARTICLES.sub("", key)):
            actor_id = self.exact.get(candidate)
            if actor_id is not None:
                return Match(actors[actor_id], True, 100.0)
            near = self.near.get(candidate)
            if near is not None and near[0] in actors:
                return Match(actors[near[0]], True, 100.0, near[1])
        key = LEADING_ARTICLES.sub("", key)
        if not fuzzy or len(key) < FUZZY_MIN_QUERY or self.is_other_country(key):
            return None
        found = self.fuzzy_found
        if key not in found:
            if len(found) >= MOST_FUZZY_KEPT:
                found.clear()
            best = self._closest_name(key)
            if best is not None and self._closer_elsewhere(key, best[0]):
                best = None
            found[key] = best
        best = found[key]
        if best is None:
            return None
        return Match(actors[self.fuzzy[1][best[1]]], False, best[0])

    def _closest_name(self, key: str) -> tuple[float, int] | None:
        """(score, position) of the fuzzy name closest to ``key`` at FUZZY_CUTOFF or more,
        the first one on a tie: what ``extractOne`` over every name gives, read only among
        the names whose length and shared bigrams can reach the cutoff (``_fuzzy_pool``)."""
        grouped = self.fuzzy_by_length
        best: tuple[float, int] | None = None
        keys = bigram_keys(key)
        for size in compatible_lengths(len(key), FUZZY_CUTOFF):
            if size not in grouped:
                continue
            names, positions = self._fuzzy_pool(key, keys, size)
            found = process.extractOne(key, names, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
            if found is None:
                continue
            candidate = (float(found[1]), positions[found[2]])
            if best is None or (candidate[0], -candidate[1]) > (best[0], -best[1]):
                best = candidate
        return best

    def _closer_elsewhere(self, key: str, score: float) -> bool:
        """True when ``key`` looks more like a country the articles never name (a typo of
        « Lettonie » is not « Slovénie »)."""
        other = process.extractOne(key, self.elsewhere_names, scorer=fuzz.ratio, score_cutoff=score)
        return other is not None

    def first_long_name(self, folded: str, after: int = -1) -> tuple[int, str, str] | None:
        """The first long name (in ``long_names`` order, past position ``after``) that
        ``folded`` holds between spaces: (position, folded name, actor id). Only the word runs
        of ``folded`` are looked up, not every name."""
        words = folded.split()
        best: int | None = None
        long_rank, long_names = self.long_rank, self.long_names
        for size in range(3, min(self.long_words, len(words)) + 1):
            for start in range(len(words) - size + 1):
                rank = long_rank.get(" ".join(words[start : start + size]), -1)
                closer = rank > after and (best is None or rank < best)
                if closer and f" {long_names[rank][0]} " in folded:
                    best = rank
        if best is None:
            return None
        return (best, *long_names[best])

    def is_other_country(self, query: str) -> bool:
        """True when ``query`` is a real country's name that the articles do not mention."""
        return LEADING_ARTICLES.sub("", fold(query)) in self.elsewhere

    def suggest_actors(
        self, query: str, limit: int = 3, countries: bool | None = None
    ) -> list[Actor]:
        """The actors whose names come closest to ``query``, best first, for "did you mean"."""
        key = LEADING_ARTICLES.sub("", fold(query))
        if not key or self.is_other_country(key):
            return []
        found: dict[str, Actor] = {}
        names, owners = self.fuzzy
        scored = process.extract(
            key, names, scorer=fuzz.ratio, limit=limit * 8, score_cutoff=SUGGEST_CUTOFF
        )
        for _name, score, position in scored:
            if self._closer_elsewhere(key, float(score)):
                break
            actor = self.base.actors[owners[position]]
            if countries is None or actor.is_country == countries:
                found.setdefault(actor.id, actor)
            if len(found) == limit:
                break
        return list(found.values())


def _restored(
    base: FactBase, parts: Path | None, key: str | None, state: Mapping[str, object]
) -> NameTable:
    """A names table as :meth:`NameTable.__reduce__` wrote it."""
    table = NameTable(base, parts)
    vars(table).update(state)
    if key is not None:
        vars(table)["_state_key"] = key
        if len(state) == len(NameTable.parts_of_state()):
            vars(table)["_state"] = state
    return table
