"""Look-ups over the fact base: actor names (exact, then fuzzy), topics, full text."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from rapidfuzz import fuzz, process

from bot.content.countries import all_country_names
from bot.content.model import Actor, Agreement, Event, Fact, FactBase
from bot.text import fold

FUZZY_MIN_QUERY = 4
"""Queries shorter than this (folded) only match exactly: "ue" never fuzzes to "suede"."""
FUZZY_MIN_NAME = 4
"""Names shorter than this (UE, UK, US, AU…) are never fuzzy candidates."""
FUZZY_CUTOFF = 82.0
"""Minimum rapidfuzz ``ratio`` for a typo to count as a match."""
SUGGEST_CUTOFF = 55.0
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
class Match:
    """The actor a query names, and how it was found."""

    actor: Actor
    exact: bool
    score: float


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
            for name in actor.names():
                key = fold(name)
                exact.setdefault(key, actor.id)
                if len(key) >= FUZZY_MIN_NAME:
                    fuzzy_names.append(key)
                    fuzzy_owner.append(actor.id)
        self._exact: Mapping[str, str] = MappingProxyType(exact)
        self._elsewhere = frozenset(
            key for key in (fold(name) for name in all_country_names()) if key not in exact
        )
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
        self._postings, self._vocabulary = self._full_text(base)

    @staticmethod
    def _group_by_actor(base: FactBase) -> Mapping[str, tuple[Entry, ...]]:
        grouped: dict[str, list[Entry]] = defaultdict(list)
        for event in base.events:
            for actor in event.actors:
                grouped[actor].append(event)
        for agreement in base.agreements:
            for actor in dict.fromkeys((*agreement.parties, *agreement.mediators)):
                grouped[actor].append(agreement)
        for fact in base.facts:
            for actor in fact.actors:
                grouped[actor].append(fact)
        return MappingProxyType({key: tuple(value) for key, value in grouped.items()})

    @staticmethod
    def _full_text(base: FactBase) -> tuple[Mapping[str, frozenset[str]], tuple[str, ...]]:
        postings: dict[str, set[str]] = defaultdict(set)
        for entry in base.entries():
            texts = [entry.summary if not isinstance(entry, Agreement) else entry.scope]
            if isinstance(entry, Agreement):
                texts.append(entry.title)
            texts.extend(evidence.quote for evidence in entry.evidence)
            for text in texts:
                for word in tokens(text):
                    postings[word].add(entry.id)
        frozen = {word: frozenset(ids) for word, ids in postings.items()}
        return MappingProxyType(frozen), tuple(sorted(frozen))

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
        key = _LEADING_ARTICLES.sub("", key)
        if len(key) < FUZZY_MIN_QUERY or self.is_other_country(key):
            return None
        best = process.extractOne(
            key, self._fuzzy_names, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF
        )
        if best is None:
            return None
        return Match(self.base.actors[self._fuzzy_owner[best[2]]], False, float(best[1]))

    def is_other_country(self, query: str) -> bool:
        """True when ``query`` is a real country's name that the articles do not mention."""
        return _LEADING_ARTICLES.sub("", fold(query)) in self._elsewhere

    def suggest_actors(
        self, query: str, limit: int = 3, countries: bool | None = None
    ) -> list[Actor]:
        """The actors whose names come closest to ``query``, best first, for "did you mean"."""
        key = _LEADING_ARTICLES.sub("", fold(query))
        if not key:
            return []
        found: dict[str, Actor] = {}
        scored = process.extract(
            key, self._fuzzy_names, scorer=fuzz.WRatio, limit=limit * 8, score_cutoff=SUGGEST_CUTOFF
        )
        for _name, _score, position in scored:
            actor = self.base.actors[self._fuzzy_owner[position]]
            if countries is None or actor.is_country == countries:
                found.setdefault(actor.id, actor)
            if len(found) == limit:
                break
        return list(found.values())

    def entries_of(self, actor_id: str) -> tuple[Entry, ...]:
        """Events, agreements and facts that involve the actor."""
        return self._by_actor.get(actor_id, ())

    # --- topics -----------------------------------------------------------------------

    def find_topic(self, query: str) -> str | None:
        """The topic id ``query`` names exactly (label, id or alias, folded)."""
        return self._topics.get(fold(query))

    # --- full text --------------------------------------------------------------------

    def expand_word(self, word: str) -> set[str]:
        """Index words matching ``word``: itself, words it starts (4+ letters), close typos."""
        found = {word} if word in self._postings else set()
        if len(word) >= 4:
            found.update(w for w in self._vocabulary if w.startswith(word))
        if len(word) >= 5 and not found:
            for candidate, _score, _pos in process.extract(
                word, self._vocabulary, scorer=fuzz.ratio, score_cutoff=85, limit=3
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
                for entry_id in self._postings[candidate]:
                    best[entry_id] = max(best.get(entry_id, 0.0), weight)
            for entry_id, weight in best.items():
                scores[entry_id] += weight
        ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
        return [(self.entries[entry_id], score) for entry_id, score in ranked[:limit]]
