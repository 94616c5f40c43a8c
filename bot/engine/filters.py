"""Timeline filters in French: years, ranges, months, seasons, "depuis"/"avant", actors, topics."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from bot.dates import MONTHS_FR
from bot.engine.index import STOPWORDS, Index
from bot.text import fold, normalise_typography

MAX_PHRASE = 5
"""Longest run of words tried as one actor or topic name."""
_MONTHS = {fold(name): number for number, name in enumerate(MONTHS_FR, start=1)}
_MONTHS.update({"fevr": 2, "janv": 1, "sept": 9, "oct": 10, "nov": 11, "dec": 12, "aout": 8})
_SEASONS = {"printemps": (3, 5), "ete": (6, 8), "automne": (9, 11)}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_YEAR = r"(1[89]\d\d|20\d\d|2100)"
_DAY = r"(\d{1,2})(?:er)?"
"""A day of the month, « 1er » included."""
_POINT = rf"(?:(?:le )?{_DAY} )?(?:({_MONTH}) )?{_YEAR}"
"""A day, a month or a year: « le 1er janvier 2020 », « mars 2025 », « 2026 »."""
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "between",
        re.compile(rf"\b(?:(?:du|de|entre) )?{_POINT} (?:au|a|et|jusqu au) {_POINT}\b"),
    ),
    ("range", re.compile(rf"\b(?:de |entre )?{_YEAR} (?:(?:a|et|au) )?{_YEAR}\b")),
    (
        "since",
        re.compile(rf"\b(?:depuis|apres|a partir de|des) {_POINT}\b"),
    ),
    (
        "before",
        re.compile(rf"\b(?:avant|jusqu en|jusqu a|jusque) {_POINT}\b"),
    ),
    ("day", re.compile(rf"\b{_DAY} ({_MONTH}) {_YEAR}\b")),
    ("month", re.compile(rf"\b({_MONTH}) {_YEAR}\b")),
    ("season", re.compile(rf"\b(printemps|ete|automne|hiver) {_YEAR}\b")),
    ("year", re.compile(rf"\b(?:en )?{_YEAR}\b")),
)


@dataclass(frozen=True, slots=True)
class TimelineFilter:
    """What a /timeline asks for; every part optional, all parts must hold."""

    start: date | None = None
    end: date | None = None
    actors: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()

    def encode(self) -> str:
        """A compact form for callback data: "20240101-20261231/TR.otan/cyber"."""
        start = self.start.strftime("%Y%m%d") if self.start else ""
        end = self.end.strftime("%Y%m%d") if self.end else ""
        return f"{start}-{end}/{'.'.join(self.actors)}/{'.'.join(self.topics)}"

    @classmethod
    def decode(cls, text: str) -> TimelineFilter | None:
        """The filter ``encode`` produced, or None when ``text`` is not one."""
        match = re.fullmatch(r"(\d{8})?-(\d{8})?/([A-Za-z0-9.-]*)/([a-z0-9.-]*)", text)
        if match is None:
            return None
        try:
            start = _from_compact(match.group(1))
            end = _from_compact(match.group(2))
        except ValueError:
            return None
        actors = tuple(part for part in match.group(3).split(".") if part)
        topics = tuple(part for part in match.group(4).split(".") if part)
        return cls(start, end, actors, topics)

    def is_empty(self) -> bool:
        """True when the filter keeps everything."""
        return self == TimelineFilter()


def _from_compact(text: str | None) -> date | None:
    if not text:
        return None
    return date(int(text[:4]), int(text[4:6]), int(text[6:]))


@dataclass(frozen=True, slots=True)
class FilterProblem:
    """Words of a filter that named nothing, in the user's own spelling."""

    unknown: tuple[str, ...]


def _span(day: str | None, month: str | None, year: str) -> tuple[date, date]:
    y = int(year)
    if month is None:
        return date(y, 1, 1), date(y, 12, 31)
    m = _MONTHS[month]
    if day is None:
        return date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1])
    d = min(max(int(day), 1), calendar.monthrange(y, m)[1])
    return date(y, m, d), date(y, m, d)


def _dates(kind: str, groups: tuple[str | None, ...]) -> tuple[date | None, date | None]:
    if kind == "between":
        begin = _span(groups[0], groups[1], groups[2] or "")
        finish = _span(groups[3], groups[4], groups[5] or "")
        return min(begin[0], finish[0]), max(begin[1], finish[1])
    if kind == "range":
        first, last = sorted((int(groups[0] or 0), int(groups[1] or 0)))
        return date(first, 1, 1), date(last, 12, 31)
    if kind == "since":
        return _span(groups[0], groups[1], groups[2] or "")[0], None
    if kind == "before":
        start, _ = _span(groups[0], groups[1], groups[2] or "")
        return None, date.fromordinal(start.toordinal() - 1)
    if kind == "day":
        return _span(groups[0], groups[1], groups[2] or "")
    if kind == "month":
        return _span(None, groups[0], groups[1] or "")
    if kind == "season":
        year = int(groups[1] or 0)
        if groups[0] == "hiver":
            return date(year - 1, 12, 1), date(year, 2, calendar.monthrange(year, 2)[1])
        first, last = _SEASONS[groups[0] or ""]
        return date(year, first, 1), date(year, last, calendar.monthrange(year, last)[1])
    return _span(None, None, groups[0] or "")


def _intersect(
    current: tuple[date | None, date | None], new: tuple[date | None, date | None]
) -> tuple[date | None, date | None]:
    starts = [d for d in (current[0], new[0]) if d]
    ends = [d for d in (current[1], new[1]) if d]
    return (max(starts) if starts else None, min(ends) if ends else None)


def parse_filter(index: Index, text: str) -> TimelineFilter | FilterProblem:
    """Read a French filter; say which words named nothing rather than guessing."""
    folded = f" {fold(normalise_typography(text))} "
    window: tuple[date | None, date | None] = (None, None)
    for kind, pattern in _PATTERNS:
        while (match := pattern.search(folded)) is not None:
            window = _intersect(window, _dates(kind, match.groups()))
            folded = folded[: match.start()] + " " + folded[match.end() :]
    words = [w for w in folded.split() if w not in STOPWORDS]
    actors: list[str] = []
    topics: list[str] = []
    unknown: list[str] = []
    position = 0
    while position < len(words):
        for end in range(min(len(words), position + MAX_PHRASE), position, -1):
            phrase = " ".join(words[position:end])
            topic = index.find_topic(phrase)
            named = index.find_actor(phrase) if topic is None else None
            if topic is not None or (named is not None and (named.exact or end - position == 1)):
                if topic is not None and topic not in topics:
                    topics.append(topic)
                elif named is not None and named.actor.id not in actors:
                    actors.append(named.actor.id)
                position = end
                break
        else:
            unknown.append(words[position])
            position += 1
    if unknown:
        return FilterProblem(tuple(unknown))
    return TimelineFilter(window[0], window[1], tuple(actors), tuple(topics))
