"""Dates of reduced precision (ISO 8601: "2025", "2025-08", "2025-09-21"), intervals
("2025-06/2025-08") and open spans ("../2025-11-06": on or before that day)."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from enum import Enum

MONTHS_FR = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)

_POINT = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


class Precision(Enum):
    """How precise a date is."""

    YEAR = "année"
    MONTH = "mois"
    DAY = "jour"
    INTERVAL = "intervalle"
    OPEN = "ouvert"


OPEN_REACH_MONTHS = 1
"""How far before its end an open span (« récemment », « vient de », written "../2025-11-06")
is looked for: its end's month and this many months before it (6 November 2025 → from 1
October 2025). A convention, like « été » = June–August, chosen fidelity first: the article
says « on or before that day » with a word of recency, nothing of any earlier period; a
reach of a year (before issue 23) listed « juin 2025 au plus tard » under « août 2024 » and
under every month between, each time as a claim it may fall there that no word supports.
Every period answer still says the entry may not fall in the period."""


@dataclass(frozen=True, slots=True)
class DateSpan:
    """A date as the articles give it: a year, a month, a day or an interval of those.

    ``start`` and ``end`` are the first and last days it covers, so filters compare
    spans by overlap: "2025-08" overlaps "2025-06/2025-08".
    """

    raw: str
    start: date
    end: date
    precision: Precision

    def __reduce__(self) -> tuple[type[DateSpan], tuple[str, date, date, Precision]]:
        # a frozen slotted dataclass unpickles through a Python-level __setstate__ that lists
        # its fields; a call of the class is one step (28,000 spans in the validation records
        # a ×1000 reload decodes: 0.09 → ~0.04 s)
        return (DateSpan, (self.raw, self.start, self.end, self.precision))

    @property
    def open(self) -> bool:
        """True for a span with no known start (« récemment », « avant X »)."""
        return self.precision is Precision.OPEN

    def order(self) -> tuple[date, int, date]:
        """Timeline sort key: by start; an open span sorts at its end, before the entries of
        that day (« avant le 6 novembre » comes before « 6 novembre »)."""
        if self.open:
            return (self.end, -1, self.end)
        return (self.start, 0, self.end)

    def overlaps(self, start: date, end: date) -> bool:
        """True when this span shares at least one day with ``start``..``end``."""
        return self.start <= end and start <= self.end

    def label(self) -> str:
        """French wording of the span: "2025", "août 2025", "21 septembre 2025"."""
        if self.open:
            return f"avant le {parse_date(self.raw[3:]).label()}"
        if self.precision is Precision.INTERVAL:
            first, last = self.raw.split("/")
            return f"{parse_date(first).label()} – {parse_date(last).label()}"
        if self.precision is Precision.YEAR:
            return str(self.start.year)
        month = MONTHS_FR[self.start.month - 1]
        if self.precision is Precision.MONTH:
            return f"{month} {self.start.year}"
        day = "1er" if self.start.day == 1 else str(self.start.day)
        return f"{day} {month} {self.start.year}"


MONTH_PARTS = {"début": (1, 10), "mi": (11, 20), "fin": (21, 31)}
"""Days each part of a month covers (« début octobre » = 1–10 octobre): a convention, like
« été » for June–August, that the date note of such an entry states."""
_MONTH_PART = re.compile(
    r"\b(début|mi|fin)[\s-]+(?:d'|de\s+)?(" + "|".join(MONTHS_FR) + r")\b", re.IGNORECASE
)
_OPEN_WORDS = re.compile(r"\b(récemment|dernièrement|avant\s)", re.IGNORECASE)


def wording_problem(wording: str, span: DateSpan) -> str | None:
    """What is wrong with ``span`` for the article's ``wording``, in French, or None:
    « début / mi / fin <mois> » needs a span inside that part of the month, « récemment » an
    open span ("../AAAA-MM-JJ") ending on the day of the article."""
    part = _MONTH_PART.search(wording)
    if part is not None:
        first, last = MONTH_PARTS[part.group(1).lower()]
        month = MONTHS_FR.index(part.group(2).lower()) + 1
        inside = (
            span.precision in (Precision.DAY, Precision.INTERVAL)
            and span.start.month == month == span.end.month
            and first <= span.start.day
            and span.end.day <= last
        )
        if not inside:
            return (
                f"« {part.group(0)} » : dater l'entrée de cette partie du mois seulement "
                f"(du {'1er' if first == 1 else first} au "
                f"{last if last < 31 else 'dernier jour'}), par exemple "
                f'"{span.start.year}-{month:02d}-{first:02d}/{span.start.year}-{month:02d}-'
                f'{min(last, calendar.monthrange(span.start.year, month)[1]):02d}"'
            )
    if _OPEN_WORDS.search(wording) and not span.open:
        return (
            f'« {wording} » ne dit pas le jour : une date ouverte "../AAAA-MM-JJ" qui finit '
            "le jour de l'article (au plus tard ce jour-là)"
        )
    return None


def _parse_point(text: str) -> DateSpan:
    match = _POINT.match(text)
    if match is None:
        raise ValueError(
            f"date « {text} » illisible : attendu AAAA, AAAA-MM, AAAA-MM-JJ ou un intervalle A/B"
        )
    year = int(match.group(1))
    month_text, day_text = match.group(2), match.group(3)
    if month_text is None:
        return DateSpan(text, date(year, 1, 1), date(year, 12, 31), Precision.YEAR)
    month = int(month_text)
    if not 1 <= month <= 12:
        raise ValueError(f"date « {text} » : mois {month_text} invalide")
    last_day = calendar.monthrange(year, month)[1]
    if day_text is None:
        return DateSpan(text, date(year, month, 1), date(year, month, last_day), Precision.MONTH)
    day = int(day_text)
    if not 1 <= day <= last_day:
        raise ValueError(f"date « {text} » : jour {day_text} invalide pour ce mois")
    return DateSpan(text, date(year, month, day), date(year, month, day), Precision.DAY)


def parse_date(text: str) -> DateSpan:
    """Parse a reduced-precision ISO date, an interval "A/B" or an open span "../B" (on or
    before B, as « récemment » in an article dated B); raise ValueError in French."""
    text = text.strip()
    if text.startswith("../"):
        last = _parse_point(text[3:])
        if last.precision is not Precision.DAY:
            raise ValueError(f"date ouverte « {text} » : la borne doit être un jour AAAA-MM-JJ")
        months = last.end.year * 12 + last.end.month - 1 - OPEN_REACH_MONTHS
        start = date(months // 12, months % 12 + 1, 1)
        return DateSpan(text, start, last.end, Precision.OPEN)
    if "/" not in text:
        return _parse_point(text)
    first_text, _, last_text = text.partition("/")
    if "/" in last_text:
        raise ValueError(f"date « {text} » : un intervalle n'a que deux bornes")
    first, last = _parse_point(first_text), _parse_point(last_text)
    if first.start > last.end:
        raise ValueError(f"intervalle « {text} » : le début est après la fin")
    return DateSpan(text, first.start, last.end, Precision.INTERVAL)
