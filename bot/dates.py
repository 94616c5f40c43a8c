"""Dates of reduced precision (ISO 8601: "2025", "2025-08", "2025-09-21") and intervals."""

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

    def overlaps(self, start: date, end: date) -> bool:
        """True when this span shares at least one day with ``start``..``end``."""
        return self.start <= end and start <= self.end

    def label(self) -> str:
        """French wording of the span: "2025", "août 2025", "21 septembre 2025"."""
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
    """Parse a reduced-precision ISO date or an interval "A/B"; raise ValueError in French."""
    text = text.strip()
    if "/" not in text:
        return _parse_point(text)
    first_text, _, last_text = text.partition("/")
    if "/" in last_text:
        raise ValueError(f"date « {text} » : un intervalle n'a que deux bornes")
    first, last = _parse_point(first_text), _parse_point(last_text)
    if first.start > last.end:
        raise ValueError(f"intervalle « {text} » : le début est après la fin")
    return DateSpan(text, first.start, last.end, Precision.INTERVAL)
