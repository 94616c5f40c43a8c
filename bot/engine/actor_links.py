"""The relations table: what each actor is involved in, belongs to, and how it is listed."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from functools import cached_property
from types import MappingProxyType

from bot.content.model import Actor, Agreement, Event, Evidence, Fact, FactBase
from bot.engine.deals import parties_of
from bot.engine.tables import Entry, Table, group_by
from bot.text import fold


def naming(org: Actor, actor: Actor) -> Evidence | None:
    """The organisation's quote that names ``actor`` (by name, alias or demonym), if any."""
    return _naming(org.evidence, _quote_texts(org), _name_words(actor))


def _name_words(actor: Actor) -> list[str]:
    """The actor's names and adjectives, folded, each between spaces (longer than 2)."""
    return [f" {fold(name)} " for name in (*actor.names(), *actor.demonyms) if len(name) > 2]


def _quote_texts(org: Actor) -> list[str]:
    """The organisation's quotes, folded, each between spaces."""
    return [f" {fold(evidence.quote)} " for evidence in org.evidence]


def _naming(evidence: tuple[Evidence, ...], texts: list[str], names: list[str]) -> Evidence | None:
    for item, text in zip(evidence, texts, strict=True):
        if any(name in text for name in names):
            return item
    return None


def _involved(entry: Entry) -> tuple[str, ...]:
    if isinstance(entry, Agreement):
        return parties_of(entry)
    return entry.actors


class ActorLinks(Table):
    """Each actor's entries, memberships and listings, and the base's counts."""

    def __init__(self, base: FactBase) -> None:
        self.base = base
        self._ids: dict[str, tuple[str, ...]] = {}

    def __getstate__(self) -> dict[str, object]:
        """The tables, not the ids kept for the actors asked about (answers add to them
        while a snapshot may be written: never part of it)."""
        state = dict(vars(self))
        state.pop("_ids", None)
        return state

    def __setstate__(self, state: dict[str, object]) -> None:
        vars(self).update(state)
        self._ids = {}

    @cached_property
    def by_actor(self) -> Mapping[str, tuple[Entry, ...]]:
        """Actor id → its events, agreements and facts, in that order (each in base order)."""
        return group_by(self.base.entries(), _involved)

    @cached_property
    def facts_by_actor(self) -> Mapping[str, tuple[Fact, ...]]:
        """Actor id → its undated facts."""
        return group_by(self.base.facts, lambda fact: fact.actors)

    def entries_of(self, actor_id: str) -> tuple[Entry, ...]:
        """Events, agreements and facts that involve the actor."""
        return self.by_actor.get(actor_id, ())

    def entry_ids_of(self, actor_id: str) -> tuple[str, ...]:
        """The ids of :meth:`entries_of`, kept per actor once asked (the subject of a card's
        follow-ups: reading the ids of Turkey's 7,000 entries at ×1000 again took 5 – 12 ms of
        every « /pays Turquie », most of its answer)."""
        found = self._ids.get(actor_id)
        if found is None:
            found = self._ids[actor_id] = tuple(entry.id for entry in self.entries_of(actor_id))
        return found

    def facts_of(self, actor_id: str) -> tuple[Fact, ...]:
        """Undated facts about the actor."""
        return self.facts_by_actor.get(actor_id, ())

    @cached_property
    def memberships(self) -> Mapping[str, tuple[tuple[Actor, str], ...]]:
        """Actor id → the organisations it belongs to, with « membre » or « observateur »."""
        found: dict[str, list[tuple[Actor, str]]] = defaultdict(list)
        for other in self.base.actors.values():
            for member in other.members:
                found[member].append((other, "membre"))
            for observer in other.observers:
                found[observer].append((other, "observateur"))
        return MappingProxyType({key: tuple(value) for key, value in found.items()})

    @cached_property
    def named_by_actor(self) -> Mapping[str, tuple[tuple[Actor, str, Evidence], ...]]:
        """Actor id → its memberships whose organisation's own quote names it, with it."""
        found: dict[str, tuple[tuple[Actor, str, Evidence], ...]] = {}
        texts: dict[str, list[str]] = {}  # organisation id → its quotes folded, once each
        for actor_id, actor in self.base.actors.items():
            named = []
            names: list[str] | None = None
            for org, status in self.memberships.get(actor_id, ()):
                if org.id not in texts:
                    texts[org.id] = _quote_texts(org)
                if names is None:
                    names = _name_words(actor)
                backing = _naming(org.evidence, texts[org.id], names)
                if backing is not None:
                    named.append((org, status, backing))
            found[actor_id] = tuple(named)
        return MappingProxyType(found)

    def named_memberships(self, actor_id: str) -> tuple[tuple[Actor, str, Evidence], ...]:
        """The organisations ``actor_id`` belongs to (« membre », « observateur ») whose own
        quotes name it, with that quote; the others are never shown."""
        return self.named_by_actor[actor_id]

    @cached_property
    def listed(self) -> Mapping[bool, tuple[Actor, ...]]:
        """True → the countries, False → the organisations, in folded-name order."""
        actors = self.base.actors.values()
        return MappingProxyType(
            {
                countries: tuple(
                    sorted(
                        (a for a in actors if a.is_country == countries),
                        key=lambda actor: fold(actor.name),
                    )
                )
                for countries in (True, False)
            }
        )

    def actors_by_name(self, countries: bool) -> tuple[Actor, ...]:
        """The countries (or the organisations) in folded-name order."""
        return self.listed[countries]

    @cached_property
    def counts(self) -> Mapping[str, int]:
        """The base's counts (``FactBase.counts``): it walks every quote."""
        return MappingProxyType(self.base.counts())

    @cached_property
    def source_stats(self) -> Mapping[str, dict[str, int]]:
        """Source id → how many events, agreements, facts and quotes rest on it."""
        base = self.base
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
