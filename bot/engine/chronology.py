"""The timeline table: every dated line in order, grouped by actor, topic and kind, and
indexed by date."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cached_property
from types import MappingProxyType

from bot.content.model import Agreement, FactBase
from bot.engine.spans import Dated, SpanIndex
from bot.engine.tables import Table, group_by


def kinds_of(item: Dated) -> tuple[str, ...]:
    """An entry's kinds: an event's type; an agreement's kind, and « accord » unless it is an
    adhesion (joining the Partnership for Peace is an adhesion, not an agreement)."""
    entry = item.entry
    if not isinstance(entry, Agreement):
        return (entry.type,)
    if entry.act == "adhesion":
        return (entry.kind, "adhesion")
    return ("accord", entry.kind)


class Chronology(Table):
    """The events, and the agreements at their signature date, in timeline order."""

    def __init__(self, base: FactBase) -> None:
        self.base = base
        self._topic_spans: dict[str, SpanIndex] = {}

    @cached_property
    def dated(self) -> tuple[Dated, ...]:
        """Every timeline line, in order: by date; on the same day, what the article dates
        itself before what is inferred from it; then by id."""
        base = self.base
        found = [Dated(e.date, e, e.actors, e.topics) for e in base.events]
        found += [
            Dated(a.date, a, (*a.parties, *a.mediators, *a.related), a.topics)
            for a in base.agreements
            if a.date is not None
        ]
        return tuple(
            sorted(
                found,
                key=lambda d: (d.span.order(), d.entry.date_basis != "texte", d.entry.id),
            )
        )

    @cached_property
    def by_actor(self) -> Mapping[str, tuple[Dated, ...]]:
        """Actor id → its timeline lines, in timeline order."""
        return group_by(self.dated, lambda item: item.actors)

    @cached_property
    def by_topic(self) -> Mapping[str, tuple[Dated, ...]]:
        """Topic id → its timeline lines, in timeline order."""
        return group_by(self.dated, lambda item: item.topics)

    @cached_property
    def by_kind(self) -> Mapping[str, tuple[Dated, ...]]:
        """Kind (an event type, an agreement kind, « accord ») → its lines, in order."""
        return group_by(self.dated, kinds_of)

    @cached_property
    def all_spans(self) -> SpanIndex:
        """Every timeline line, indexed by date."""
        return SpanIndex(self.dated)

    @cached_property
    def actor_spans(self) -> Mapping[str, SpanIndex]:
        """Actor id → its timeline lines indexed by date (every actor of the base)."""
        by_actor = self.by_actor
        return MappingProxyType(
            {actor_id: SpanIndex(by_actor.get(actor_id, ())) for actor_id in self.base.actors}
        )

    @cached_property
    def agreement_spans(self) -> SpanIndex:
        """The dated agreements' lines, indexed by date."""
        return SpanIndex(tuple(item for item in self.dated if isinstance(item.entry, Agreement)))

    def about(self, topic: str) -> tuple[Dated, ...]:
        """The timeline lines on ``topic``, in timeline order."""
        return self.by_topic.get(topic, ())

    def of_kind(self, kind: str) -> tuple[Dated, ...]:
        """The timeline lines of ``kind`` (an event type, an agreement kind, or « accord » for
        every agreement), in timeline order."""
        return self.by_kind.get(kind, ())

    def spans(self, actor_id: str | None = None, topic: str | None = None) -> SpanIndex:
        """The timeline lines (an actor's, else a topic's, else all) indexed by date; each
        built once."""
        if actor_id is not None:
            found = self.actor_spans.get(actor_id)
            return found if found is not None else SpanIndex(self.by_actor.get(actor_id, ()))
        if topic is None:
            return self.all_spans
        found = self._topic_spans.get(topic)
        if found is None:
            found = self._topic_spans[topic] = SpanIndex(self.about(topic))
        return found
