"""Look-ups over the fact base: actor names (exact, then fuzzy), topics, full text."""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from itertools import islice
from types import MappingProxyType
from typing import TypeVar, cast

from rapidfuzz import fuzz, process

from bot.content.model import Actor, Agreement, Event, Evidence, Fact, FactBase
from bot.dates import DateSpan
from bot.engine.spans import SpanIndex
from bot.engine.typos import TYPO_CUTOFF, bigram_keys, compatible_lengths, shared_bigrams_needed
from bot.text import fold

FUZZY_MIN_QUERY = 4
"""Queries shorter than this (folded) only match exactly: "ue" never fuzzes to "suede"."""
FUZZY_MIN_NAME = 4
"""Names shorter than this (UE, UK, US, AU…) are never fuzzy candidates."""
FUZZY_CUTOFF = 82.0
"""Minimum rapidfuzz ``ratio`` for a typo to count as a match."""
SUGGEST_CUTOFF = 72.0
"""Minimum ``ratio`` for a « Vouliez-vous dire » suggestion; measured in tests/test_matching.py:
below it, misspelt countries the articles never name got wrong suggestions."""
NEAR_NAMES = {
    "angleterre": (
        "GB",
        "l'Angleterre fait partie du Royaume-Uni, le pays que citent les articles",
    ),
    "england": ("GB", "l'Angleterre fait partie du Royaume-Uni, le pays que citent les articles"),
    "ecosse": ("GB", "l'Écosse fait partie du Royaume-Uni, le pays que citent les articles"),
    "scotland": ("GB", "l'Écosse fait partie du Royaume-Uni, le pays que citent les articles"),
    "pays de galles": ("GB", "le pays de Galles fait partie du Royaume-Uni"),
    "hollande": ("NL", "la Hollande désigne couramment les Pays-Bas"),
}
"""Names that are not the country's but commonly stand for it: answered with a short note."""
_LEADING_ARTICLES = re.compile(r"^(?:(?:le|la|les|l|de|du|des|d|en|au|aux)\s+)+")
STOPWORDS = frozenset(
    [
        "le",
        "la",
        "les",
        "l",
        "de",
        "du",
        "des",
        "d",
        "un",
        "une",
        "et",
        "en",
        "a",
        "au",
        "aux",
        "pour",
        "par",
        "sur",
        "dans",
        "avec",
        "que",
        "qui",
        "ce",
        "cet",
        "cette",
        "ses",
        "son",
        "sa",
        "leur",
        "leurs",
        "est",
        "sont",
        "ont",
        "a",
        "ete",
        "il",
        "elle",
        "ne",
        "pas",
        "plus",
        "se",
        "s",
        "ou",
    ]
)

Entry = Event | Agreement | Fact
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Dated:
    """A timeline line: an event, or an agreement at its signature date."""

    span: DateSpan
    entry: Event | Agreement
    actors: tuple[str, ...]
    topics: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Match:
    """The actor a query names, and how it was found."""

    actor: Actor
    exact: bool
    score: float
    note: str | None = None
    """Why a near name led here (« l'Angleterre fait partie du Royaume-Uni… »)."""


EXACT_WEIGHT = 1.0
"""What a query word adds to an entry's /cherche score when the entry holds it."""
NEAR_WEIGHT = 0.7
"""What it adds when the entry holds only a longer word it starts, or a close typo of it."""


@dataclass(frozen=True, slots=True)
class Hits:
    """What a /cherche query finds: the entry ids grouped by score, best score first, and
    how many there are in all."""

    buckets: tuple[tuple[float, frozenset[str]], ...]
    total: int


def sorted_slice(
    members: frozenset[str], ordered: tuple[str, ...], start: int, stop: int
) -> list[str]:
    """``sorted(members)[start:stop]``, where ``ordered`` is every id sorted: a large group is
    read off ``ordered`` from its nearer end (filtered in C, stopping early), a small one sorted."""
    size = len(members)
    stop = min(stop, size)
    if start >= stop:
        return []
    forward = stop * len(ordered) // size
    backward = (size - start) * len(ordered) // size
    if size * size.bit_length() <= 2 * min(forward, backward):
        return sorted(members)[start:stop]
    if forward <= backward:
        return list(islice(filter(members.__contains__, ordered), start, stop))
    tail = islice(filter(members.__contains__, reversed(ordered)), size - stop, size - start)
    return list(tail)[::-1]


def _naming(org: Actor, actor: Actor) -> Evidence | None:
    """The organisation's quote that names ``actor`` (by name, alias or demonym), if any."""
    names_of = [fold(name) for name in (*actor.names(), *actor.demonyms) if len(name) > 2]
    for evidence in org.evidence:
        text = f" {fold(evidence.quote)} "
        if any(f" {name} " in text for name in names_of):
            return evidence
    return None


def group_by(items: Iterable[T], keys: Callable[[T], Iterable[str]]) -> Mapping[str, tuple[T, ...]]:
    """Each key → the items that have it, in the items' order (an item once per key)."""
    grouped: dict[str, list[T]] = defaultdict(list)
    for item in items:
        for key in dict.fromkeys(keys(item)):
            grouped[key].append(item)
    return MappingProxyType({key: tuple(value) for key, value in grouped.items()})


def _kinds_of(item: Dated) -> tuple[str, ...]:
    """An entry's kinds: an event's type; an agreement's kind, and « accord » unless it is an
    adhesion (joining the Partnership for Peace is an adhesion, not an agreement)."""
    entry = item.entry
    if not isinstance(entry, Agreement):
        return (entry.type,)
    if entry.act == "adhesion":
        return (entry.kind, "adhesion")
    return ("accord", entry.kind)


MOST_TYPO_WORDS = 4096
"""Words whose close typos an index keeps (then it starts afresh)."""


def tokens(text: str) -> list[str]:
    """Folded words of ``text`` without stopwords."""
    return [word for word in fold(text).split() if word not in STOPWORDS]


class Index:
    """Every look-up the answers need, built once from an immutable FactBase."""

    def __init__(self, base: FactBase) -> None:
        self.base = base
        exact: dict[str, str] = {}
        fuzzy_names: list[str] = []
        fuzzy_owner: list[str] = []
        for actor in base.actors.values():
            for name in (*actor.names(), *actor.demonyms):
                key = fold(name)
                exact.setdefault(key, actor.id)
                if len(key) >= FUZZY_MIN_NAME:
                    fuzzy_names.append(key)
                    fuzzy_owner.append(actor.id)
        self._exact: Mapping[str, str] = MappingProxyType(exact)
        self._long_names = tuple(
            sorted(
                ((key, owner) for key, owner in exact.items() if key.count(" ") >= 2),
                key=lambda pair: -len(pair[0]),
            )
        )
        from bot.content.countries import all_country_names  # Babel: only to build an index

        self._elsewhere = frozenset(
            key for key in (fold(name) for name in all_country_names()) if key not in exact
        )
        self._elsewhere_names = tuple(sorted(key for key in self._elsewhere if len(key) >= 4))
        self._fuzzy_names = tuple(fuzzy_names)
        self._fuzzy_owner = tuple(fuzzy_owner)
        topics: dict[str, str] = {}
        for term in base.vocabulary.topics:
            for name in (term.id, term.label, *term.aliases):
                topics.setdefault(fold(name), term.id)
        self._topics: Mapping[str, str] = MappingProxyType(topics)
        self.topic_labels: Mapping[str, str] = MappingProxyType(
            {term.id: term.label for term in base.vocabulary.topics}
        )
        self.entries: Mapping[str, Entry] = MappingProxyType(
            {entry.id: entry for entry in base.entries()}
        )
        self._by_actor = self._group_by_actor(base)
        self._agreements_by_actor = MappingProxyType(
            {
                key: tuple(e for e in value if isinstance(e, Agreement))
                for key, value in self._by_actor.items()
            }
        )
        self._facts_by_actor = MappingProxyType(
            {
                key: tuple(e for e in value if isinstance(e, Fact))
                for key, value in self._by_actor.items()
            }
        )
        self._text: tuple[Mapping[str, tuple[str, ...]], tuple[str, ...]] | None = None
        self._words_by_length: Mapping[int, tuple[tuple[str, ...], tuple[int, ...]]] | None = None
        self._bigrams: Mapping[tuple[int, str], tuple[int, ...]] | None = None
        self._ids = tuple(sorted(self.entries))
        self.dated = self._dated(base)
        by_actor: dict[str, list[Dated]] = defaultdict(list)
        for item in self.dated:
            for actor_id in dict.fromkeys(item.actors):
                by_actor[actor_id].append(item)
        self.dated_by_actor: Mapping[str, tuple[Dated, ...]] = MappingProxyType(
            {key: tuple(value) for key, value in by_actor.items()}
        )
        kinds = {term.id: term.label for term in base.vocabulary.agreement_kinds}
        self.agreement_words: Mapping[str, frozenset[str]] = MappingProxyType(
            {
                a.id: frozenset(
                    tokens(" ".join([a.title, a.summary, a.scope or "", kinds.get(a.kind, "")]))
                    + tokens(" ".join(self.topic_labels.get(t, t) for t in a.topics))
                )
                for a in base.agreements
            }
        )
        agreement_postings: dict[str, list[str]] = defaultdict(list)
        for agreement_id, words in self.agreement_words.items():
            for word in words:
                agreement_postings[word].append(agreement_id)
        self._agreement_postings = MappingProxyType(
            {word: frozenset(ids) for word, ids in agreement_postings.items()}
        )
        self._agreement_vocabulary = tuple(sorted(agreement_postings))
        self.agreements: Mapping[str, Agreement] = MappingProxyType(
            {agreement.id: agreement for agreement in base.agreements}
        )
        memberships: dict[str, list[tuple[Actor, str]]] = defaultdict(list)
        for other in base.actors.values():
            for member in other.members:
                memberships[member].append((other, "membre"))
            for observer in other.observers:
                memberships[observer].append((other, "observateur"))
        self.memberships: Mapping[str, tuple[tuple[Actor, str], ...]] = MappingProxyType(
            {key: tuple(value) for key, value in memberships.items()}
        )
        self.source_stats = self._source_stats(base)
        # answers every listing reads whole: computed on first use, then kept (the base is
        # immutable), so a command never walks the whole base twice
        self._counts: Mapping[str, int] | None = None
        self._actor_lists: dict[bool, tuple[Actor, ...]] = {}
        self._newest: tuple[Agreement, ...] | None = None
        self._newest_rank: Mapping[str, int] = MappingProxyType({})
        self._newest_by_topic: Mapping[str, tuple[Agreement, ...]] | None = None
        self._newest_by_actor: dict[str, tuple[Agreement, ...]] = {}
        self._named_memberships: dict[str, tuple[tuple[Actor, str, Evidence], ...]] = {}
        self._spans: dict[tuple[str | None, str | None], SpanIndex] = {}
        self._dated_by_topic: Mapping[str, tuple[Dated, ...]] | None = None
        self._dated_by_kind: Mapping[str, tuple[Dated, ...]] | None = None
        self._by_act: Mapping[str, tuple[Agreement, ...]] | None = None
        self._agreement_spans: SpanIndex | None = None
        self._long_rank = MappingProxyType({key: n for n, (key, _a) in enumerate(self._long_names)})
        self._long_words = max((key.count(" ") + 1 for key, _a in self._long_names), default=0)
        self._memo: dict[str, object] = {}

    @staticmethod
    def _group_by_actor(base: FactBase) -> Mapping[str, tuple[Entry, ...]]:
        grouped: dict[str, list[Entry]] = defaultdict(list)
        for event in base.events:
            for actor in event.actors:
                grouped[actor].append(event)
        for agreement in base.agreements:
            for actor in dict.fromkeys(
                (*agreement.parties, *agreement.mediators, *agreement.related)
            ):
                grouped[actor].append(agreement)
        for fact in base.facts:
            for actor in fact.actors:
                grouped[actor].append(fact)
        return MappingProxyType({key: tuple(value) for key, value in grouped.items()})

    @staticmethod
    def _full_text(base: FactBase) -> tuple[Mapping[str, tuple[str, ...]], tuple[str, ...]]:
        """Word → the ids of the entries holding it (each once, in base order) in their summary,
        title, scope, quotes, the names of the actors they are about or the labels of their
        themes, and the sorted words.
        Tuples, not sets: they are only walked, and a snapshot reads them back several times
        faster and keeps them in a fraction of the memory."""
        postings: dict[str, list[str]] = defaultdict(list)
        topic_labels = {topic.id: topic.label for topic in base.vocabulary.topics}
        for entry in base.entries():
            texts = [entry.summary]
            # the label of each theme it is filed under: « cybersécurité » finds the roadmap
            # an article files under cybercrime (a slot match, weighted like any word)
            texts.extend(topic_labels.get(topic, "") for topic in entry.topics)
            if isinstance(entry, Agreement):
                texts.extend([entry.title, entry.scope or ""])
                involved: tuple[str, ...] = (*entry.parties, *entry.mediators, *entry.related)
            else:
                involved = entry.actors
            # the names of the actors it is about: « israel » finds « l'État hébreu »
            texts.extend(base.actors[actor].name for actor in involved if actor in base.actors)
            texts.extend(evidence.quote for evidence in entry.evidence)
            entry_id = entry.id
            # one fold per entry; each distinct word once (set difference runs in C)
            for word in set(fold(" ".join(texts)).split()) - STOPWORDS:
                postings[word].append(entry_id)
        frozen = {word: tuple(ids) for word, ids in postings.items()}
        return MappingProxyType(frozen), tuple(sorted(frozen))

    @staticmethod
    def _dated(base: FactBase) -> tuple[Dated, ...]:
        found = [Dated(e.date, e, e.actors, e.topics) for e in base.events]
        found += [
            Dated(a.date, a, (*a.parties, *a.mediators, *a.related), a.topics)
            for a in base.agreements
            if a.date is not None
        ]
        # on the same day, what the article dates itself comes before what is inferred from it
        return tuple(
            sorted(
                found,
                key=lambda d: (
                    d.span.order(),
                    d.entry.date_basis != "texte",
                    d.entry.id,
                ),
            )
        )

    @staticmethod
    def _source_stats(base: FactBase) -> Mapping[str, dict[str, int]]:
        stats = {
            key: {"events": 0, "agreements": 0, "facts": 0, "quotes": 0} for key in base.sources
        }
        for entry in base.entries():
            kind = (
                "events"
                if isinstance(entry, Event)
                else ("agreements" if isinstance(entry, Agreement) else "facts")
            )
            for source_id in {evidence.source for evidence in entry.evidence}:
                stats[source_id][kind] += 1
        for holder in (*base.entries(), *base.actors.values()):
            for evidence in holder.evidence:
                stats[evidence.source]["quotes"] += 1
        return MappingProxyType(stats)

    # --- actors -----------------------------------------------------------------------

    def find_actor(self, query: str, fuzzy: bool = True) -> Match | None:
        """The actor ``query`` names: exact folded alias first, fuzzy only above the cutoff
        (and only when ``fuzzy``: a caller that keeps exact matches only skips that scan)."""
        key = fold(query)
        if not key:
            return None
        for candidate in (key, _LEADING_ARTICLES.sub("", key)):
            actor_id = self._exact.get(candidate)
            if actor_id is not None:
                return Match(self.base.actors[actor_id], True, 100.0)
            near = NEAR_NAMES.get(candidate)
            if near is not None and near[0] in self.base.actors:
                return Match(self.base.actors[near[0]], True, 100.0, near[1])
        key = _LEADING_ARTICLES.sub("", key)
        if not fuzzy or len(key) < FUZZY_MIN_QUERY or self.is_other_country(key):
            return None
        best = self._closest_name(key)
        if best is None or self._closer_elsewhere(key, best[0]):
            return None
        return Match(self.base.actors[self._fuzzy_owner[best[1]]], False, best[0])

    def _closest_name(self, key: str) -> tuple[float, int] | None:
        """(score, position) of the fuzzy name closest to ``key`` at FUZZY_CUTOFF or more,
        the first one on a tie: what ``extractOne`` over every name gives, read only among
        the names whose length can reach the cutoff."""
        by_length = self.memo("fuzzy names by length", self._fuzzy_names_by_length)
        best: tuple[float, int] | None = None
        for size in compatible_lengths(len(key), FUZZY_CUTOFF):
            names, positions = by_length.get(size, ((), ()))
            found = process.extractOne(key, names, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
            if found is None:
                continue
            candidate = (float(found[1]), positions[found[2]])
            if best is None or (candidate[0], -candidate[1]) > (best[0], -best[1]):
                best = candidate
        return best

    def _fuzzy_names_by_length(self) -> dict[int, tuple[tuple[str, ...], tuple[int, ...]]]:
        """Length → the fuzzy names of that length and their positions, in name order."""
        grouped: dict[int, tuple[list[str], list[int]]] = defaultdict(lambda: ([], []))
        for position, name in enumerate(self._fuzzy_names):
            names, positions = grouped[len(name)]
            names.append(name)
            positions.append(position)
        return {size: (tuple(n), tuple(p)) for size, (n, p) in grouped.items()}

    def _closer_elsewhere(self, key: str, score: float) -> bool:
        """True when ``key`` looks more like a country the articles never name (a typo of
        « Lettonie » is not « Slovénie »)."""
        other = process.extractOne(
            key, self._elsewhere_names, scorer=fuzz.ratio, score_cutoff=score
        )
        return other is not None

    def long_names(self) -> tuple[tuple[str, str], ...]:
        """Folded names of three words or more (« partenariat pour la paix »), longest first,
        with their actor: found in a sentence before its little words are dropped."""
        return self._long_names

    def first_long_name(self, folded: str, after: int = -1) -> tuple[int, str, str] | None:
        """The first long name (in ``long_names`` order, past position ``after``) that
        ``folded`` holds between spaces: (position, folded name, actor id). Only the word runs
        of ``folded`` are looked up, not every name."""
        words = folded.split()
        best: int | None = None
        for size in range(3, min(self._long_words, len(words)) + 1):
            for start in range(len(words) - size + 1):
                rank = self._long_rank.get(" ".join(words[start : start + size]), -1)
                closer = rank > after and (best is None or rank < best)
                if closer and f" {self._long_names[rank][0]} " in folded:
                    best = rank
        if best is None:
            return None
        return (best, *self._long_names[best])

    def is_other_country(self, query: str) -> bool:
        """True when ``query`` is a real country's name that the articles do not mention."""
        return _LEADING_ARTICLES.sub("", fold(query)) in self._elsewhere

    def suggest_actors(
        self, query: str, limit: int = 3, countries: bool | None = None
    ) -> list[Actor]:
        """The actors whose names come closest to ``query``, best first, for "did you mean"."""
        key = _LEADING_ARTICLES.sub("", fold(query))
        if not key or self.is_other_country(key):
            return []
        found: dict[str, Actor] = {}
        scored = process.extract(
            key, self._fuzzy_names, scorer=fuzz.ratio, limit=limit * 8, score_cutoff=SUGGEST_CUTOFF
        )
        for _name, score, position in scored:
            if self._closer_elsewhere(key, float(score)):
                break
            actor = self.base.actors[self._fuzzy_owner[position]]
            if countries is None or actor.is_country == countries:
                found.setdefault(actor.id, actor)
            if len(found) == limit:
                break
        return list(found.values())

    def entries_of(self, actor_id: str) -> tuple[Entry, ...]:
        """Events, agreements and facts that involve the actor."""
        return self._by_actor.get(actor_id, ())

    def agreements_of(self, actor_id: str) -> tuple[Agreement, ...]:
        """Agreements the actor is party to or mediates."""
        return self._agreements_by_actor.get(actor_id, ())

    def facts_of(self, actor_id: str) -> tuple[Fact, ...]:
        """Undated facts about the actor."""
        return self._facts_by_actor.get(actor_id, ())

    # --- what listings and cards read whole (built once, on first use) -------------------

    def prepare(self) -> Index:
        """Build now every table that is otherwise built on first use and read whole (full
        text, counts, listings, agreement order, topic groups, the timeline's date index, and
        every actor's memberships, agreements and dated lines), so that no user's first
        command pays for it."""
        self.full_text()
        self.memo("fuzzy names by length", self._fuzzy_names_by_length)
        self.words_by_length()
        self.bigrams()
        self.counts()
        for countries in (True, False):
            self.actors_by_name(countries)
        self.dated_about("")
        self.dated_of_kind("")
        self.agreements_about("")
        self.agreements_by_act("")
        self.agreements_dated_in(date.max, date.max)
        self.spans()
        for actor_id in self.base.actors:  # a card's first showing costs what the next does
            self.named_memberships(actor_id)
            self.agreements_involving(actor_id)
            self.spans(actor_id)
        return self

    def counts(self) -> Mapping[str, int]:
        """The base's counts (``FactBase.counts``), computed once: it walks every quote."""
        if self._counts is None:
            self._counts = MappingProxyType(self.base.counts())
        return self._counts

    def actors_by_name(self, countries: bool) -> tuple[Actor, ...]:
        """The countries (or the organisations) in folded-name order, sorted once."""
        found = self._actor_lists.get(countries)
        if found is None:
            found = tuple(
                sorted(
                    (a for a in self.base.actors.values() if a.is_country == countries),
                    key=lambda actor: fold(actor.name),
                )
            )
            self._actor_lists[countries] = found
        return found

    def newest_agreements(self) -> tuple[Agreement, ...]:
        """Every agreement by date, the latest first (ties by id, descending); undated ones
        last, in the base's order. Sorted once."""
        if self._newest is None:
            agreements = self.base.agreements
            dated = sorted(
                (a for a in agreements if a.date is not None),
                key=lambda a: (a.date.end if a.date else date.min, a.id),
                reverse=True,
            )
            newest = (*dated, *(a for a in agreements if a.date is None))
            self._newest_rank = MappingProxyType(
                {agreement.id: rank for rank, agreement in enumerate(newest)}
            )
            self._newest = newest  # last: a reader never sees the order without its ranks
        return self._newest

    def newest_first(self, agreements: Iterable[Agreement]) -> list[Agreement]:
        """``agreements`` (the base's) in the order of ``newest_agreements``."""
        self.newest_agreements()
        rank = self._newest_rank
        return sorted(agreements, key=lambda agreement: rank[agreement.id])

    def dated_about(self, topic: str) -> tuple[Dated, ...]:
        """The timeline lines on ``topic``, in timeline order (grouped once for every topic)."""
        if self._dated_by_topic is None:
            self._dated_by_topic = group_by(self.dated, lambda item: item.topics)
        return self._dated_by_topic.get(topic, ())

    def dated_of_kind(self, kind: str) -> tuple[Dated, ...]:
        """The timeline lines of ``kind`` (an event type, an agreement kind, or « accord » for
        every agreement), in timeline order; grouped once for every kind."""
        if self._dated_by_kind is None:
            self._dated_by_kind = group_by(self.dated, _kinds_of)
        return self._dated_by_kind.get(kind, ())

    def agreements_by_act(self, act: str) -> tuple[Agreement, ...]:
        """The agreements at ``act`` (signé, proposé…), the latest first; grouped once."""
        if self._by_act is None:
            grouped: dict[str, list[Agreement]] = defaultdict(list)
            for agreement in self.newest_agreements():
                if agreement.act is not None:
                    grouped[agreement.act].append(agreement)
            self._by_act = MappingProxyType({k: tuple(v) for k, v in grouped.items()})
        return self._by_act.get(act, ())

    def agreements_dated_in(self, low: date, high: date) -> list[Agreement]:
        """The agreements whose date meets [low, high], the latest first (by bisection)."""
        if self._agreement_spans is None:
            signed = tuple(item for item in self.dated if isinstance(item.entry, Agreement))
            self._agreement_spans = SpanIndex(signed)
        found = self._agreement_spans.overlapping(low, high)
        return self.newest_first(cast(Agreement, item.entry) for item in found)

    def spans(self, actor_id: str | None = None, topic: str | None = None) -> SpanIndex:
        """The timeline lines (an actor's, else a topic's, else all) indexed by date; each
        built once."""
        key = (actor_id, None if actor_id else topic)
        found = self._spans.get(key)
        if found is None:
            if actor_id is not None:
                items = self.dated_by_actor.get(actor_id, ())
            else:
                items = self.dated if topic is None else self.dated_about(topic)
            found = self._spans[key] = SpanIndex(items)
        return found

    def memo(self, name: str, build: Callable[[], T]) -> T:
        """What ``build`` returns, built once per index (tables drawn from its vocabulary)."""
        if name not in self._memo:
            self._memo[name] = build()
        return cast(T, self._memo[name])

    def agreements_about(self, topic: str) -> tuple[Agreement, ...]:
        """The agreements on ``topic``, the latest first (grouped once for every topic)."""
        if self._newest_by_topic is None:
            self._newest_by_topic = group_by(self.newest_agreements(), lambda a: a.topics)
        return self._newest_by_topic.get(topic, ())

    def agreements_involving(self, actor_id: str) -> tuple[Agreement, ...]:
        """``agreements_of(actor_id)``, the latest first; sorted once per actor."""
        found = self._newest_by_actor.get(actor_id)
        if found is None:
            found = tuple(self.newest_first(self.agreements_of(actor_id)))
            self._newest_by_actor[actor_id] = found
        return found

    def named_memberships(self, actor_id: str) -> tuple[tuple[Actor, str, Evidence], ...]:
        """The organisations ``actor_id`` belongs to (« membre », « observateur ») whose own
        quotes name it, with that quote; the others are never shown. Kept per actor."""
        found = self._named_memberships.get(actor_id)
        if found is None:
            actor = self.base.actors[actor_id]
            named = []
            for org, status in self.memberships.get(actor_id, ()):
                backing = _naming(org, actor)
                if backing is not None:
                    named.append((org, status, backing))
            found = self._named_memberships[actor_id] = tuple(named)
        return found

    def agreements_matching(self, words: list[str]) -> list[Agreement]:
        """Agreements whose title, scope, kind or topics hold every word (4+ letters: prefix)."""
        found: set[str] | None = None
        for word in words:
            hits: set[str] = set(self._agreement_postings.get(word, ()))
            if len(word) >= 4:
                vocabulary = self._agreement_vocabulary
                position = bisect_left(vocabulary, word)
                while position < len(vocabulary) and vocabulary[position].startswith(word):
                    hits |= self._agreement_postings[vocabulary[position]]
                    position += 1
            found = hits if found is None else found & hits
            if not found:
                return []
        if found is None:
            return []
        return [a for a in self.base.agreements if a.id in found]

    def find_agreements(self, term: str) -> list[Agreement]:
        """Agreements ``term`` names: all when empty, an actor's, or by words or topic."""
        if not term:
            return list(self.base.agreements)
        match = self.find_actor(term)
        if match is not None:
            return list(self.agreements_of(match.actor.id))
        topic = self.find_topic(term)
        matched = {a.id for a in self.agreements_matching(tokens(term))}
        return [
            a
            for a in self.base.agreements
            if a.id in matched or (topic is not None and topic in a.topics)
        ]

    # --- topics -----------------------------------------------------------------------

    def find_topic(self, query: str) -> str | None:
        """The topic id ``query`` names exactly (label, id or alias, folded)."""
        return self._topics.get(fold(query))

    def full_text(self) -> tuple[Mapping[str, tuple[str, ...]], tuple[str, ...]]:
        """Word → entry ids, and the sorted words; built on first use (it is the slow part)."""
        if self._text is None:
            self._text = self._full_text(self.base)
        return self._text

    # --- full text --------------------------------------------------------------------

    def words_by_length(self) -> Mapping[int, tuple[tuple[str, ...], tuple[int, ...]]]:
        """Length → the index words of that length and their positions in the sorted
        vocabulary, both in vocabulary order; built on first use (``prepare`` does)."""
        if self._words_by_length is None:
            grouped: dict[int, tuple[list[str], list[int]]] = defaultdict(lambda: ([], []))
            for position, word in enumerate(self.full_text()[1]):
                words, positions = grouped[len(word)]
                words.append(word)
                positions.append(position)
            self._words_by_length = MappingProxyType(
                {size: (tuple(w), tuple(p)) for size, (w, p) in sorted(grouped.items())}
            )
        return self._words_by_length

    def bigrams(self) -> Mapping[tuple[int, str], tuple[int, ...]]:
        """(word length, bigram key) → the vocabulary positions of the index words of that
        length holding that key, in order; built on first use (``prepare`` does)."""
        if self._bigrams is None:
            grouped: dict[tuple[int, str], list[int]] = defaultdict(list)
            for position, word in enumerate(self.full_text()[1]):
                for key in bigram_keys(word):
                    grouped[len(word), key].append(position)
            self._bigrams = MappingProxyType({key: tuple(v) for key, v in grouped.items()})
        return self._bigrams

    def _typo_pool(self, word: str, size: int) -> tuple[list[str], tuple[int, ...]]:
        """The index words of ``size`` letters that may reach the cutoff with ``word``, and
        their vocabulary positions, in vocabulary order. A word that does holds at least
        ``need`` of ``word``'s bigram keys, hence one of its ``len(keys) − need + 1`` rarest:
        only the words holding one of those are kept."""
        words, positions = self.words_by_length()[size]
        keys = bigram_keys(word)
        need = shared_bigrams_needed(len(word), size, TYPO_CUTOFF)
        if need <= 0:
            return list(words), positions
        bigrams = self.bigrams()
        lists = sorted((bigrams.get((size, key), ()) for key in keys), key=len)
        pool = sorted(set().union(*lists[: len(keys) - need + 1]))
        vocabulary = self.full_text()[1]
        return [vocabulary[position] for position in pool], tuple(pool)

    def typos(self, word: str, limit: int = 3) -> list[str]:
        """The ``limit`` index words closest to ``word`` (``ratio`` ≥ TYPO_CUTOFF), best first,
        ties in vocabulary order: what ``process.extract`` over the whole vocabulary gives,
        read only among the words whose length and shared bigrams can reach the cutoff."""
        found: list[tuple[float, int, str]] = []
        by_length = self.words_by_length()
        for size in compatible_lengths(len(word), TYPO_CUTOFF):
            if size not in by_length:
                continue
            words, positions = self._typo_pool(word, size)
            for candidate, score, at in process.extract(
                word, words, scorer=fuzz.ratio, score_cutoff=TYPO_CUTOFF, limit=limit
            ):
                found.append((-score, positions[at], candidate))
        found.sort()
        return [candidate for _score, _position, candidate in found[:limit]]

    def expand_word(self, word: str) -> set[str]:
        """Index words matching ``word``: itself, words it starts (4+ letters), close typos."""
        postings, vocabulary = self.full_text()
        found = {word} if word in postings else set()
        if len(word) >= 4:  # the vocabulary is sorted: words starting with ``word`` are adjacent
            position = bisect_left(vocabulary, word)
            while position < len(vocabulary) and vocabulary[position].startswith(word):
                found.add(vocabulary[position])
                position += 1
        if len(word) >= 5 and not found:  # kept per word (bounded): a question's search and
            known: dict[str, list[str]] = self.memo("typos of words", dict)  # its passage
            if word not in known:  # both read the same words
                if len(known) >= MOST_TYPO_WORDS:
                    known.clear()
                known[word] = self.typos(word)
            found.update(known[word])
        return found

    def _word_hits(self, word: str) -> tuple[frozenset[str], frozenset[str]]:
        """The entries holding ``word`` itself, and those holding only a word it starts or a
        typo of it."""
        postings = self.full_text()[0]
        exact: frozenset[str] = frozenset()
        near: set[str] = set()
        for candidate in self.expand_word(word):
            if candidate == word:
                exact = frozenset(postings[candidate])
            else:
                near.update(postings[candidate])
        return exact, frozenset(near - exact)

    def word_weight(self, holders: int) -> float:
        """How much a query word held by ``holders`` entries counts: BM25's inverse document
        frequency, so a rare word (« Israël ») outweighs a common one (« Azerbaïdjan »)."""
        total = len(self.entries)
        return math.log(1.0 + (total - holders + 0.5) / (holders + 0.5))

    def search_hits(self, query: str) -> Hits:
        """The entries holding query words, grouped by score: each word adds its weight (rare
        words weigh more, ``word_weight``) times EXACT_WEIGHT if the entry holds it, else times
        NEAR_WEIGHT for a prefix or typo of it (the weight then taken from the entries holding
        those). Groups are cut with
        set operations (in C), one word after the other, each score summed in word order."""
        groups: list[tuple[float, frozenset[str]]] = []
        seen: set[str] = set()
        for word in dict.fromkeys(tokens(query)):
            exact, near = self._word_hits(word)
            weight = self.word_weight(len(exact) or len(near))
            full, part = EXACT_WEIGHT * weight, NEAR_WEIGHT * weight
            split: list[tuple[float, frozenset[str]]] = []
            for score, members in groups:
                on_exact, on_near = members & exact, members & near
                split += [(score + full, on_exact), (score + part, on_near)]
                split.append((score, members - on_exact - on_near))
            split += [(full, exact - seen), (part, near - seen)]
            seen |= exact
            seen |= near
            groups = [(score, members) for score, members in split if members]
        merged: dict[float, frozenset[str]] = {}
        for score, members in groups:
            merged[score] = merged.get(score, frozenset()) | members
        return Hits(tuple(sorted(merged.items(), reverse=True)), len(seen))

    def ranked_hits(self, hits: Hits, start: int, stop: int) -> list[tuple[Entry, float]]:
        """Ranks ``start`` to ``stop`` of ``hits``, best score first, ties by id: only the
        groups that hold those ranks are ordered."""
        shown: list[tuple[Entry, float]] = []
        offset = 0
        for score, members in hits.buckets:
            if offset >= stop:
                break
            if offset + len(members) > start:
                chosen = sorted_slice(members, self._ids, max(start - offset, 0), stop - offset)
                shown.extend((self.entries[entry_id], score) for entry_id in chosen)
            offset += len(members)
        return shown

    def search(self, query: str, limit: int = 10) -> list[tuple[Entry, float]]:
        """Entries ranked by how many query words they contain (typos and prefixes allowed)."""
        return self.ranked_hits(self.search_hits(query), 0, limit)
