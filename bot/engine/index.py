"""Look-ups over the fact base: actor names (exact, then fuzzy), topics, full text."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from rapidfuzz import fuzz, process

from bot.content.countries import all_country_names
from bot.content.model import Actor, Agreement, Event, Fact, FactBase
from bot.dates import DateSpan
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
        self._text: tuple[Mapping[str, frozenset[str]], tuple[str, ...]] | None = None
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
    def _full_text(base: FactBase) -> tuple[Mapping[str, frozenset[str]], tuple[str, ...]]:
        postings: dict[str, set[str]] = defaultdict(set)
        for entry in base.entries():
            texts = [entry.summary]
            if isinstance(entry, Agreement):
                texts.extend([entry.title, entry.scope or ""])
            texts.extend(evidence.quote for evidence in entry.evidence)
            entry_id = entry.id
            # one fold per entry; each distinct word once (set difference runs in C)
            for word in set(fold(" ".join(texts)).split()) - STOPWORDS:
                postings[word].add(entry_id)
        frozen = {word: frozenset(ids) for word, ids in postings.items()}
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
                    d.span.start,
                    d.span.end,
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

    def find_actor(self, query: str) -> Match | None:
        """The actor ``query`` names: exact folded alias first, fuzzy only above the cutoff."""
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
        if len(key) < FUZZY_MIN_QUERY or self.is_other_country(key):
            return None
        best = process.extractOne(
            key, self._fuzzy_names, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF
        )
        if best is None or self._closer_elsewhere(key, float(best[1])):
            return None
        return Match(self.base.actors[self._fuzzy_owner[best[2]]], False, float(best[1]))

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

    def full_text(self) -> tuple[Mapping[str, frozenset[str]], tuple[str, ...]]:
        """Word → entry ids, and the sorted words; built on first use (it is the slow part)."""
        if self._text is None:
            self._text = self._full_text(self.base)
        return self._text

    # --- full text --------------------------------------------------------------------

    def expand_word(self, word: str) -> set[str]:
        """Index words matching ``word``: itself, words it starts (4+ letters), close typos."""
        postings, vocabulary = self.full_text()
        found = {word} if word in postings else set()
        if len(word) >= 4:  # the vocabulary is sorted: words starting with ``word`` are adjacent
            position = bisect_left(vocabulary, word)
            while position < len(vocabulary) and vocabulary[position].startswith(word):
                found.add(vocabulary[position])
                position += 1
        if len(word) >= 5 and not found:
            for candidate, _score, _pos in process.extract(
                word, vocabulary, scorer=fuzz.ratio, score_cutoff=85, limit=3
            ):
                found.add(candidate)
        return found

    def search(self, query: str, limit: int = 10) -> list[tuple[Entry, float]]:
        """Entries ranked by how many query words they contain (typos and prefixes allowed)."""
        words = tokens(query)
        scores: dict[str, float] = defaultdict(float)
        for word in dict.fromkeys(words):
            best: dict[str, float] = {}
            for candidate in self.expand_word(word):
                weight = 1.0 if candidate == word else 0.7
                for entry_id in self.full_text()[0][candidate]:
                    best[entry_id] = max(best.get(entry_id, 0.0), weight)
            for entry_id, weight in best.items():
                scores[entry_id] += weight
        ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
        return [(self.entries[entry_id], score) for entry_id, score in ranked[:limit]]
