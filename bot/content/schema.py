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
Tense = Literal["passé", "présent", "futur", "conditionnel"]
"""The tense of the claim as the article puts it; a forecast stays a forecast."""
PartyRole = Literal["signataire", "membre", "organisateur", "partenaire", "proposant"]
"""What a party does in an agreement; mediators are listed apart."""


class Entry(BaseModel):
    """Base of every content entry: immutable, unknown fields refused."""

    model_config = ConfigDict(
        frozen=True, extra="forbid", str_strip_whitespace=True, arbitrary_types_allowed=True
    )


class Evidence(Entry):
    """A verbatim quote of one source article backing a fact."""

    source: Id
    quote: Annotated[str, Field(min_length=12)]
    key: bool = False
    """Shown with the entry's summary in every view; the summary must rest on these quotes
    (when no quote of an entry is marked, its first quote is the key quote)."""


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
    demonyms: tuple[Text, ...] = ()
    """Adjective forms the articles use for it (« turcs », « britannique »), for the checks."""
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


class Claim(Entry):
    """Fields every event, agreement and fact shares: how the article puts the claim."""

    tense: Tense = "passé"
    hedge: Text | None = None
    """Whose word the claim is (« selon la presse », « selon Konstantin Zatulin »); shown
    before the summary, and required when a key quote attributes the claim with « selon »."""
    evidence: tuple[Evidence, ...] = Field(min_length=1)

    def key_evidence(self) -> tuple[Evidence, ...]:
        """The quotes shown with the summary in every view."""
        marked = tuple(item for item in self.evidence if item.key)
        return marked or self.evidence[:1]


class Dating(Entry):
    """A date as the article gives it, and how sure it is.

    ``date_text`` is the article's own wording and is checked verbatim against the entry's
    key quotes; ``date_anchor`` names the source whose publication date a deduced or
    reported date rests on; ``date_reason`` says in a few words where a deduced date comes
    from when no dated article anchors it.
    """

    date_text: Text | None = None
    date_basis: DateBasis = "texte"
    date_anchor: Id | None = None
    date_reason: Annotated[str, Field(min_length=3, max_length=90)] | None = None
    date_note: Text | None = None
    date_label: Text | None = None


class Event(Claim, Dating):
    """Something that happened (or is announced) at a date."""

    id: Id
    date: Date
    type: Text
    actors: tuple[ActorRef, ...] = Field(min_length=1)
    topics: tuple[Text, ...] = ()
    agreements: tuple[Id, ...] = ()
    summary: Text


class Agreement(Claim, Dating):
    """An agreement, memorandum, plan, partnership, programme or process."""

    id: Id
    title: Text
    kind: Text
    act: Text | None
    """What the article says was done (vocabulary ``acts``: signé, adhésion, approuvé…),
    or null when it only says the agreement exists."""
    parties: tuple[ActorRef, ...] = ()
    roles: dict[ActorRef, PartyRole] = {}
    """Each party's role when it differs from the act's default (signataire for « signé »)."""
    parties_note: Text | None = None
    mediators: tuple[ActorRef, ...] = ()
    related: tuple[ActorRef, ...] = ()
    """Actors the agreement concerns without being a party (a programme, an organisation)."""
    date: Date | None
    place: Text | None = None
    period: Date | None = None
    topics: tuple[Text, ...] = ()
    summary: Text
    scope: Text | None = None


class Fact(Claim):
    """A statement without a date of its own: context, threats, capabilities."""

    id: Id
    actors: tuple[ActorRef, ...] = Field(min_length=1)
    topics: tuple[Text, ...] = ()
    summary: Text


class Term(Entry):
    """One word of a controlled vocabulary, with its French label and search aliases.

    ``stems`` are the word starts (folded) that an entry's quotes must contain for the term
    to be supported: a topic « énergie » needs « energ », « gaz » or « petrol » in a quote.
    """

    id: Id
    label: Text
    aliases: tuple[Text, ...] = ()
    stems: tuple[Text, ...] = ()
    noun: Text | None = None


class Vocabulary(Entry):
    """The controlled vocabularies the other entries must use."""

    event_types: tuple[Term, ...]
    agreement_kinds: tuple[Term, ...]
    acts: tuple[Term, ...]
    organisation_kinds: tuple[Term, ...]
    topics: tuple[Term, ...]


class SupportException(Entry):
    """A displayed word the support check may not find in the quotes, with the reason."""

    entry: Annotated[str, Field(min_length=2, max_length=40)]
    field: Text
    text: Text
    reason: Annotated[str, Field(min_length=10)]


class CoverageSkip(Entry):
    """A seed sentence deliberately left out of the fact base, with the reason."""

    source: Id
    sentence: Annotated[str, Field(min_length=3)]
    reason: Text
