"""The immutable fact base the answers read: actors, events, agreements, facts, sources."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from bot.content.schema import (
    Agreement,
    CoverageSkip,
    Event,
    Evidence,
    Fact,
    Source,
    SupportException,
    Vocabulary,
)

DEFAULT_ROLES = {"signe": "signataire", "adhesion": "membre", "propose": "proposant"}
"""A party's role when the agreement does not give one: it follows from the act."""

__all__ = ["DEFAULT_ROLES", "Actor", "Agreement", "Event", "Evidence", "Fact", "FactBase", "Source"]


@dataclass(frozen=True, slots=True)
class Actor:
    """A country or an organisation, with every name it answers to."""

    id: str
    is_country: bool
    kind: str
    name: str
    name_en: str | None
    full_name: str | None
    flag: str | None
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    country: str | None
    members: tuple[str, ...]
    observers: tuple[str, ...]
    role: str | None
    evidence: tuple[Evidence, ...]

    def names(self) -> tuple[str, ...]:
        """Every name of the actor: French, English, full name, id, aliases (no duplicates)."""
        found = [self.name, self.name_en, self.full_name, self.id, *self.aliases]
        seen: dict[str, None] = {}
        for name in found:
            if name:
                seen.setdefault(name, None)
        return tuple(seen)


@dataclass(frozen=True, slots=True)
class FactBase:
    """Everything the bot knows, validated; read-only once built."""

    sources: Mapping[str, Source]
    seeds: Mapping[str, str]
    """Source id → the seed article's text as stored in ``seeds/``."""
    actors: Mapping[str, Actor]
    events: tuple[Event, ...]
    """Events in chronological order."""
    agreements: tuple[Agreement, ...]
    facts: tuple[Fact, ...]
    vocabulary: Vocabulary
    skips: tuple[CoverageSkip, ...]
    exceptions: tuple[SupportException, ...] = ()
    files: Mapping[str, str] | None = None
    """Entry or actor id → the content file it was read from (for error messages)."""
    origins: tuple[tuple[str, tuple[object, ...]], ...] = field(
        default=(), compare=False, repr=False
    )
    """For each content file whose validation is kept by the per-file cache: that record's
    key and the file's own objects held by this base (sources, events, agreements, facts,
    skipped sentences, exceptions, in the record's order). The key names exactly what they
    were read from (the file's bytes and name, the code, the limits), so a snapshot keeps
    them once per key and a reload reuses the served ones (:mod:`bot.content.snapshot`).
    Bookkeeping only: not part of the base's value (equality ignores it)."""
    seeds_print: str | None = field(default=None, compare=False, repr=False)
    """A hash naming ``seeds`` exactly (each source id and a hash of its text, in order),
    when the load computed one (under the per-file cache): the key of the articles' texts in
    the snapshot. Bookkeeping only, like ``origins``."""

    def entries(self) -> tuple[Event | Agreement | Fact, ...]:
        """Events, agreements and facts, in that order."""
        found: list[Event | Agreement | Fact] = [*self.events, *self.agreements, *self.facts]
        return tuple(found)

    def counts(self) -> dict[str, int]:
        """How many entries of each kind the base holds."""
        countries = sum(1 for actor in self.actors.values() if actor.is_country)
        quotes = sum(
            len(entry.evidence)
            for group in (self.events, self.agreements, self.facts, tuple(self.actors.values()))
            for entry in group
        )
        return {
            "sources": len(self.sources),
            "pays": countries,
            "organisations": len(self.actors) - countries,
            "événements": len(self.events),
            "accords": len(self.agreements),
            "constats": len(self.facts),
            "citations": quotes,
            "phrases écartées": len(self.skips),
            "exceptions de support": len(self.exceptions),
        }
