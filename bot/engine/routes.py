"""The route table: every kind of button data and deep-link payload, declared once.

A route has a short prefix, named fields and one regular expression for what follows the
prefix; ``build`` writes data, ``parse`` reads it back, and Telegram's 64-byte limit is checked
here only. Data that no route reads, or that a route refuses, parses to ``STALE``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final
from urllib.parse import quote, unquote

LIMIT: Final = 64
"""Telegram's limit on callback data (bytes) and on a /start payload (characters)."""

LINK: Final = "-"
"""Separator of a deep-link payload's fields (``pays-turquie``); button data uses ``:``."""
PAYLOAD: Final = re.compile(r"[A-Za-z0-9_-]{1,64}")
"""What Telegram accepts as a deep-link payload."""

EDIT: Final = "~"
"""Leading mark of a button whose answer replaces its message (◀ ▶, « ◀ Fiche »)."""


class TooLongError(ValueError):
    """Data that cannot fit Telegram's limit: the caller must drop the button, never cut it."""


@dataclass(frozen=True, slots=True)
class Route:
    """One kind of data: ``prefix`` + separator + fields matched by ``rest``."""

    prefix: str
    fields: tuple[str, ...]
    rest: str
    """A regular expression with one group per field, matched against what follows."""
    doc: str
    separator: str = ":"

    def build(self, *values: object) -> str:
        """The data for ``values``; raises ``TooLongError`` when it cannot fit, ValueError when a
        value does not parse back."""
        data = self.separator.join((self.prefix, *(str(value) for value in values)))
        if not fits(data) or (self.separator == LINK and PAYLOAD.fullmatch(data) is None):
            raise TooLongError(f"{self.prefix}: {len(data.encode())} octets > {LIMIT} : {data!r}")
        if self.parse(data) is None:
            raise ValueError(f"{self.prefix}: valeurs illisibles au retour : {data!r}")
        return data

    def build_or_none(self, *values: object) -> str | None:
        """The data for ``values``, or None when it cannot fit or would not read back (the
        caller drops the button: a button whose press could only be stale is no button)."""
        try:
            return self.build(*values)
        except ValueError:
            return None

    def owns(self, data: str) -> bool:
        """True when ``data`` carries this route's prefix (valid or not); a deep link may be
        its bare prefix (« /start timeline »)."""
        bare = self.separator == LINK and data == self.prefix
        return bare or data.startswith(self.prefix + self.separator)

    def parse(self, data: str) -> tuple[str, ...] | None:
        """The fields of ``data`` if this route wrote it, else None."""
        if not self.owns(data):
            return None
        match = re.fullmatch(self.rest, data[len(self.prefix) + 1 :], re.DOTALL)
        if match is None:
            return None
        return tuple(group or "" for group in match.groups())

    def turn(self, *values: object) -> str | None:
        """Data for a page turn (◀ ▶): its answer replaces the message; None when it cannot
        fit (the mark ``~`` counts too)."""
        data = self.build_or_none(*values)
        return EDIT + data if data is not None and fits(EDIT + data) else None


def fits(data: str) -> bool:
    """True when ``data`` is ASCII and within Telegram's limit (callback data: 64 bytes; a
    deep-link payload, all ASCII, is also checked against ``PAYLOAD`` by ``Route.build``)."""
    return data.isascii() and len(data.encode()) <= LIMIT


_ID = r"([A-Za-z0-9_.-]*)"
_PAGE = r"([0-9]+)"

# Buttons answered by the engine (bot.engine.commands.callback).
COMMAND = Route("c", ("command",), r"(/.*)", "the command a question stood for: c:/cherche x")
TIMELINE = Route("tl", ("page", "filter"), _PAGE + r":(.*)", "a page of a filtered timeline")
COUNTRY = Route("p", ("actor",), r"(.+)", "a country's card")
ORGANISATION = Route("o", ("actor",), r"(.+)", "an organisation's card")
AGREEMENTS_OF = Route("ac", ("actor", "page"), r"([^:]*)(?::([0-9]*))?", "an actor's agreements")
CONTEXT = Route("cx", ("actor", "page"), r"([^:]*):" + _PAGE, "an actor's context facts")
SEARCH = Route(
    "sr", ("page", "words"), _PAGE + r":([A-Za-z0-9]+(?:\.[A-Za-z0-9]+)*)", "a /cherche page"
)
COUNTRIES = Route("lp", ("page",), _PAGE, "a page of /pays without argument")
ORGANISATIONS = Route("lo", ("page",), _PAGE, "a page of /org without argument")
ALL_AGREEMENTS = Route("al", ("page",), _PAGE, "a page of /accords")
FOUND_AGREEMENTS = Route(
    "af", ("page", "filter"), _PAGE + r":(.+)", "a page of /accord <filtre>: the filter as typed"
)
SOURCES = Route("so", ("page",), _PAGE, "a page of /sources")
AGREEMENT = Route("a", ("agreement",), r"(.*)", "an agreement's card")
AGREEMENT_FULL = Route("ad", ("agreement",), r"(.*)", "an agreement's card in full")
EVENT = Route("e", ("event",), r"(.*)", "an event's card")
EVENT_FULL = Route("ed", ("event",), r"(.*)", "an event's card in full")
# Buttons answered by adapters.
FRIEZE = Route("fr", ("page", "filter"), r"([0-9]{1,4}):(.*)", "a page of a timeline picture")
FOLLOW = Route("sv", ("action", "target"), r"([fx]):([a-z]+:[A-Za-z0-9_-]{1,48})", "follow/stop")
OUTBOX = Route("ob", ("action", "item"), r"([rd]):([0-9]{1,12})", "outbox: retry or drop")
PREVIEW = Route("pv", ("choice", "token"), r"(ok|no):(-?[0-9]{1,20}\.[0-9]{1,12})", "/publier")

BUTTONS: Final = (
    COMMAND,
    TIMELINE,
    COUNTRY,
    ORGANISATION,
    AGREEMENTS_OF,
    CONTEXT,
    SEARCH,
    COUNTRIES,
    ORGANISATIONS,
    ALL_AGREEMENTS,
    FOUND_AGREEMENTS,
    SOURCES,
    AGREEMENT,
    AGREEMENT_FULL,
    EVENT,
    EVENT_FULL,
    FRIEZE,
    FOLLOW,
    OUTBOX,
    PREVIEW,
)
_BY_PREFIX: Final = {route.prefix: route for route in BUTTONS}

# Deep links: /start <payload>, payload [A-Za-z0-9_-]{1,64}; a bare prefix (« timeline »,
# « inline », « suivre ») reads as the prefix with empty fields where the route allows them.
_SLUG = r"([A-Za-z0-9_-]+)"
LINK_COUNTRY = Route("pays", ("words",), _SLUG, "/start pays-turquie", LINK)
LINK_ORGANISATION = Route("org", ("words",), _SLUG, "/start org-otan", LINK)
LINK_AGREEMENT = Route("accord", ("agreement",), _SLUG, "/start accord-<id>", LINK)
LINK_TIMELINE = Route("timeline", ("words",), r"([A-Za-z0-9_-]*)", "/start timeline-2025", LINK)
LINK_EVENT = Route("fait", ("event",), _SLUG, "/start fait-<id>", LINK)
LINK_INLINE = Route(
    "inline", (), "", "/start inline: « Ouvrir le bot » under an inline query", LINK
)
LINK_FOLLOW = Route(
    "suivre", ("kind", "key"), r"(?:([a-z])-([A-Za-z0-9_-]+))?", "/start suivre-a-TR", LINK
)
LINKS: Final = (
    LINK_COUNTRY,
    LINK_ORGANISATION,
    LINK_AGREEMENT,
    LINK_TIMELINE,
    LINK_EVENT,
    LINK_INLINE,
    LINK_FOLLOW,
)


@dataclass(frozen=True, slots=True)
class Parsed:
    """Data read by its route: the route, its fields and whether it edits in place."""

    route: Route
    values: tuple[str, ...]
    edit: bool = False


@dataclass(frozen=True, slots=True)
class Stale:
    """Data no route reads: forged, cut, or written by an older version of the bot."""

    data: str


def parse(data: str) -> Parsed | Stale:
    """The route and fields of button data, or ``Stale`` (never an exception)."""
    if not data.isascii() or len(data) > LIMIT:  # "²".isdigit() is True: refuse it early
        return Stale(data)
    edit = data.startswith(EDIT)
    body = data[1:] if edit else data
    route = _BY_PREFIX.get(body.partition(":")[0])
    values = route.parse(body) if route is not None else None
    if route is None or values is None:
        return Stale(data)
    return Parsed(route, values, edit)


def parse_link(payload: str) -> Parsed | Stale:
    """The route and fields of a deep-link payload, or ``Stale``."""
    if PAYLOAD.fullmatch(payload) is None:
        return Stale(payload)
    for route in LINKS:
        values = route.parse(payload)
        if values is not None:
            return Parsed(route, values)
    return Stale(payload)


def filter_field(argument: str) -> str:
    """The ``filter`` field of ``FOUND_AGREEMENTS``: the filter as typed, its non-ASCII
    letters %-escaped (« signés » → ``sign%C3%A9s``) so that a page turn reads it back as the
    reader typed it; ``field_filter`` undoes it."""
    return quote(argument, safe=" /'")


def field_filter(field: str) -> str:
    """The filter a ``filter`` field of ``FOUND_AGREEMENTS`` carries."""
    return unquote(field)


def link_words(slug: str) -> str:
    """The words a deep-link field stands for: ``royaume-uni`` → ``royaume uni``."""
    return slug.replace(LINK, " ").replace("_", " ")


WORDS: Final = "."
"""Joins the folded words of a /cherche query in a ``sr:`` page turn: ``petrole.lukoil``."""


def words_field(words: Sequence[str]) -> str:
    """The ``words`` field of ``SEARCH`` for a query's folded words."""
    return WORDS.join(words)


def field_words(field: str) -> str:
    """The query a ``words`` field of ``SEARCH`` carries, its words separated by spaces."""
    return " ".join(field.split(WORDS))
