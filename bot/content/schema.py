"""The shape of each YAML entry, checked field by field with pydantic.

These models describe one entry as written by a curator; cross-references, quotes
and vocabularies are checked afterwards by ``validate``.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from bot.dates import DateSpan, parse_date


def _to_date(value: object) -> DateSpan:
    if isinstance(value, DateSpan):
        return value
    if not isinstance(value, str):
        raise ValueError(
            f'la date {value!r} doit être écrite entre guillemets, par exemple "2025-09-21"'
        )
    return parse_date(value)


Date = Annotated[DateSpan, BeforeValidator(_to_date)]
Id = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]{1,39}$")]
"""Entry ids: lowercase ASCII, digits and hyphens, at most 40 characters (fits callback data)."""
CountryCode = Annotated[str, Field(pattern=r"^[A-Z]{2}$")]
ActorRef = Annotated[str, Field(min_length=2, max_length=40)]
Text = Annotated[str, Field(min_length=1)]
DateBasis = Literal["texte", "déduit", "rapporté"]
"""How a date was obtained: stated by the text, deduced from context, or the date of the report."""


class Entry(BaseModel):
    """Base of every content entry: immutable, unknown fields refused."""

    model_config = ConfigDict(
        frozen=True, extra="forbid", str_strip_whitespace=True, arbitrary_types_allowed=True
    )


class Evidence(Entry):
    """A verbatim quote of one source article backing a fact."""

    source: Id
    quote: Annotated[str, Field(min_length=12)]


class Source(Entry):
    """One article of ``seeds/``; a field the article does not give is null, never guessed."""

    id: Id
    label: Annotated[str, Field(min_length=3, max_length=60)]
    """A short name for attributions, e.g. « Forum de Bakou 2025 »."""
    outlet: Text | None
    title: Text | None
    published: Date | None
    published_text: Text | None
    seed: Text
    relayed_from: Text | None = None
    note: Text | None = None


class Country(Entry):
    """A state, by ISO 3166 alpha-2 code; its names come from CLDR."""

    code: CountryCode
    aliases: tuple[Text, ...] = ()
    role: Text | None = None
    evidence: tuple[Evidence, ...] = ()


class Organisation(Entry):
    """An organisation, programme, institution or company named by the articles."""

    id: Id
    name: Text
    full_name: Text
    name_en: Text | None = None
    kind: Text
    country: CountryCode | None = None
    aliases: tuple[Text, ...] = ()
    members: tuple[ActorRef, ...] = ()
    observers: tuple[ActorRef, ...] = ()
    role: Text | None = None
    evidence: tuple[Evidence, ...] = ()


class Event(Entry):
    """Something that happened (or is announced) at a date."""

    id: Id
    date: Date
    date_text: Text
    date_basis: DateBasis = "texte"
    date_note: Text | None = None
    date_label: Text | None = None
    type: Text
    actors: tuple[ActorRef, ...] = Field(min_length=1)
    topics: tuple[Text, ...] = ()
    agreements: tuple[Id, ...] = ()
    summary: Text
    evidence: tuple[Evidence, ...] = Field(min_length=1)


class Agreement(Entry):
    """An agreement, memorandum, plan, partnership, programme or process."""

    id: Id
    title: Text
    kind: Text
    parties: tuple[ActorRef, ...] = ()
    parties_note: Text | None = None
    mediators: tuple[ActorRef, ...] = ()
    signed: Date | None
    signed_text: Text | None = None
    date_basis: DateBasis = "texte"
    date_note: Text | None = None
    date_label: Text | None = None
    place: Text | None = None
    period: Date | None = None
    status: Text
    topics: tuple[Text, ...] = ()
    scope: Text
    evidence: tuple[Evidence, ...] = Field(min_length=1)


class Fact(Entry):
    """A statement without a date of its own: context, threats, capabilities."""

    id: Id
    actors: tuple[ActorRef, ...] = Field(min_length=1)
    topics: tuple[Text, ...] = ()
    summary: Text
    evidence: tuple[Evidence, ...] = Field(min_length=1)


class Term(Entry):
    """One word of a controlled vocabulary, with its French label and search aliases."""

    id: Id
    label: Text
    aliases: tuple[Text, ...] = ()


class Vocabulary(Entry):
    """The controlled vocabularies the other entries must use."""

    event_types: tuple[Term, ...]
    agreement_kinds: tuple[Term, ...]
    statuses: tuple[Term, ...]
    organisation_kinds: tuple[Term, ...]
    topics: tuple[Term, ...]


class CoverageSkip(Entry):
    """A seed sentence deliberately left out of the fact base, with the reason."""

    source: Id
    sentence: Annotated[str, Field(min_length=8)]
    reason: Text
