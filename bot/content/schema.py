"""The shape of each YAML entry: plain frozen dataclasses, checked field by field by pydantic.

These classes describe one entry as written by a curator; cross-references, quotes and
vocabularies are checked afterwards by the loader. They are the runtime model too, and
importing them costs nothing: the constraints below are markers that pydantic reads only
when the loader validates (``bot.content.validate``), so a bot started from its snapshot
never imports pydantic.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Annotated, ClassVar, Literal, cast

from bot.dates import DateSpan, parse_date

if TYPE_CHECKING:  # pydantic itself is imported only to validate
    from pydantic import GetCoreSchemaHandler
    from pydantic_core import CoreSchema


class Rule:
    """Constraints on a value (min_length, max_length, pattern), applied by pydantic."""

    def __init__(self, **constraints: object) -> None:
        self.constraints = constraints

    def __get_pydantic_core_schema__(
        self, source: object, handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        return cast("CoreSchema", {**handler(source), **self.constraints})


class Before:
    """A function that turns the raw value into the field's type before it is checked."""

    def __init__(self, function: Callable[[object], object]) -> None:
        self.function = function

    def __get_pydantic_core_schema__(
        self, source: object, handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        from pydantic_core import core_schema

        return core_schema.no_info_before_validator_function(self.function, handler(source))


def _to_date(value: object) -> DateSpan:
    if isinstance(value, DateSpan):
        return value
    if not isinstance(value, str):
        raise ValueError(
            f'la date {value!r} doit être écrite entre guillemets, par exemple "2025-09-21"'
        )
    return parse_date(value)


Date = Annotated[DateSpan, Before(_to_date)]
Id = Annotated[str, Rule(pattern=r"^[a-z0-9][a-z0-9-]{1,39}$")]
"""Entry ids: lowercase ASCII, digits and hyphens, at most 40 characters (fits callback data)."""
CountryCode = Annotated[str, Rule(pattern=r"^[A-Z]{2}$")]
ActorRef = Annotated[str, Rule(min_length=2, max_length=40)]
Text = Annotated[str, Rule(min_length=1)]
LABEL_MAX = 80
"""Longest short label (/frise): three lines of a phone-width picture."""
DateBasis = Literal["texte", "déduit", "rapporté"]
"""How a date was obtained: stated by the text, deduced from context, or the date of the report."""
Tense = Literal["passé", "présent", "futur", "conditionnel"]
"""The tense of the claim as the article puts it; a forecast stays a forecast."""
SourceBasis = Literal["texte", "curateur", "adresse"]
PublishedBasis = Literal["texte", "curateur", "adresse", "ligne d'agence"]
"""Where a publication date comes from; « ligne d'agence »: the day and month of the
dispatch's dateline (« Bakou, 20 avril, AZERTAC »), the year from the curator's month."""
"""Where a source's outlet comes from: the article's words (checked verbatim), the curator
(``draft --outlet``), or the page address; anything but « texte » is shown as such."""
Url = Annotated[str, Rule(pattern=r"^https?://[^\s/?#]+\.[^\s/?#]+(?:[/?#]\S*)?$", max_length=500)]
"""A web address: http(s), a host with a dot, no blank."""
PartyRole = Literal["signataire", "membre", "organisateur", "partenaire", "proposant"]
"""What a party does in an agreement; mediators are listed apart."""


class Entry:
    """Base of every content entry: immutable (frozen dataclasses), unknown fields refused."""

    __slots__ = ()
    __pydantic_config__: ClassVar[dict[str, object]] = {
        "extra": "forbid",
        "str_strip_whitespace": True,
        "arbitrary_types_allowed": True,
    }


@dataclass(frozen=True, kw_only=True)
class Evidence(Entry):
    """A verbatim quote of one source article backing a fact."""

    source: Id
    quote: Annotated[str, Rule(min_length=12)]
    key: bool = False
    """Shown with the entry's summary in every view; the summary must rest on these quotes
    (when no quote of an entry is marked, its first quote is the key quote)."""


@dataclass(frozen=True, kw_only=True)
class Source(Entry):
    """One article of ``seeds/``; a field the article does not give is null, never guessed."""

    id: Id
    label: Annotated[str, Rule(min_length=3, max_length=60)]
    """A short name for attributions, e.g. « Forum de Bakou 2025 »."""
    outlet: Text | None
    title: Text | None
    published: Date | None
    published_text: Text | None
    seed: Text
    relayed_from: Text | None = None
    note: Text | None = None
    """What the curator knows that the article does not say (an outlet or a date given by
    the curator or read off the address), in words; required when ``outlet_basis`` is not
    « texte »."""
    outlet_basis: SourceBasis = "texte"
    """« texte » (the outlet is written in the article), « curateur » or « adresse »."""
    published_basis: PublishedBasis = "texte"
    """« texte » (``published_text`` is the article's words), « curateur » (the date the
    curator gave, « # Date : ») or « adresse » (read off the page's address): then ``published``
    is shown with that basis, never as the article's, and ``published_text`` stays null."""
    url: Url | None = None
    """The page's address, when known; shown in /sources."""


@dataclass(frozen=True, kw_only=True)
class Country(Entry):
    """A state, by ISO 3166 alpha-2 code; its names come from CLDR."""

    code: CountryCode
    aliases: tuple[Text, ...] = ()
    demonyms: tuple[Text, ...] = ()
    """Adjective forms the articles use for it (« turcs », « britannique »), for the checks."""
    role: Text | None = None
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, kw_only=True)
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


@dataclass(frozen=True, kw_only=True)
class Claim(Entry):
    """Fields every event, agreement and fact shares: how the article puts the claim."""

    tense: Tense = "passé"
    hedge: Text | None = None
    """Whose word the claim is (« selon la presse », « selon Konstantin Zatulin »); shown
    before the summary, and required when a key quote attributes the claim with « selon »."""
    evidence: Annotated[tuple[Evidence, ...], Rule(min_length=1)]
    label: Annotated[str, Rule(min_length=3, max_length=LABEL_MAX)] | None = None
    """A short line for the pictures (/frise): the act and its actor in the summary's tense,
    resting on the same key quotes; the hedge and tense marks are added as in every view."""

    def key_evidence(self) -> tuple[Evidence, ...]:
        """The quotes shown with the summary in every view."""
        marked = tuple(item for item in self.evidence if item.key)
        return marked or self.evidence[:1]


@dataclass(frozen=True, kw_only=True)
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
    date_reason: Annotated[str, Rule(min_length=3, max_length=90)] | None = None
    date_note: Text | None = None
    date_label: Text | None = None


@dataclass(frozen=True, kw_only=True)
class Event(Claim, Dating):
    """Something that happened (or is announced) at a date."""

    id: Id
    date: Date
    type: Text
    actors: Annotated[tuple[ActorRef, ...], Rule(min_length=1)]
    topics: tuple[Text, ...] = ()
    agreements: tuple[Id, ...] = ()
    summary: Text


@dataclass(frozen=True, kw_only=True)
class Agreement(Claim, Dating):
    """An agreement, memorandum, plan, partnership, programme or process."""

    id: Id
    title: Text
    kind: Text
    act: Text | None
    """What the article says was done (vocabulary ``acts``: signé, adhésion, approuvé…),
    or null when it only says the agreement exists."""
    parties: tuple[ActorRef, ...] = ()
    roles: dict[ActorRef, PartyRole] = field(default_factory=dict)
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


@dataclass(frozen=True, kw_only=True)
class Fact(Claim):
    """A statement without a date of its own: context, threats, capabilities."""

    id: Id
    actors: Annotated[tuple[ActorRef, ...], Rule(min_length=1)]
    topics: tuple[Text, ...] = ()
    summary: Text


@dataclass(frozen=True, kw_only=True)
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


@dataclass(frozen=True, kw_only=True)
class NearName(Entry):
    """A name that is not an actor's but commonly stands for it (« Angleterre » for the
    United Kingdom): answered with the actor and ``note``, said with it."""

    name: Text
    actor: ActorRef
    note: Text


@dataclass(frozen=True, kw_only=True)
class ArticleName(Entry):
    """A capitalised name an article uses for an actor after naming it (« l'Alliance » for
    NATO): read by the draft only, never by the question reader (« une alliance »)."""

    name: Text
    actor: ActorRef


@dataclass(frozen=True, kw_only=True)
class Vocabulary(Entry):
    """The controlled vocabularies the other entries must use, and the words the search reads
    past (``stop_words``) or reads as an actor's (``near_names``)."""

    event_types: tuple[Term, ...]
    agreement_kinds: tuple[Term, ...]
    acts: tuple[Term, ...]
    organisation_kinds: tuple[Term, ...]
    topics: tuple[Term, ...]
    stop_words: tuple[Annotated[str, Rule(pattern=r"^[a-z]+$")], ...]
    """Little words a search never looks up (folded: lowercase, no accents)."""
    near_names: tuple[NearName, ...] = ()
    article_names: tuple[ArticleName, ...] = ()
    """Names the draft reads as an actor's when capitalised (``ArticleName``)."""
    home: CountryCode
    """The country whose partnerships the base is about (its relations map, its own card)."""
    featured: tuple[ActorRef, ...] = ()
    """The actors inline mode offers before anything is typed, in that order."""


@dataclass(frozen=True, kw_only=True)
class SupportException(Entry):
    """A displayed word the support check may not find in the quotes, with the reason."""

    entry: Annotated[str, Rule(min_length=2, max_length=40)]
    field: Text
    text: Text
    reason: Annotated[str, Rule(min_length=10)]


@dataclass(frozen=True, kw_only=True)
class CoverageSkip(Entry):
    """A seed sentence deliberately left out of the fact base, with the reason."""

    source: Id
    sentence: Annotated[str, Rule(min_length=1)]
    reason: Text
