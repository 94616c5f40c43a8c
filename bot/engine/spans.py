"""Timeline lines, and those that overlap a window, found by bisection instead of a scan."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from bot.content.model import Agreement, Event
from bot.dates import DateSpan

SPAN_LIMITS = (0, 31, 366, 3660)
"""Upper bounds (days past the start) of the span groups a SpanIndex searches separately."""


@dataclass(frozen=True, slots=True)
class Dated:
    """A timeline line: an event, or an agreement at its signature date."""

    span: DateSpan
    entry: Event | Agreement
    actors: tuple[str, ...]
    topics: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _SpanGroup:
    """Timeline lines whose span is at most ``longest`` days past its start, by start."""

    longest: int
    starts: tuple[date, ...]
    positions: tuple[int, ...]


class SpanIndex:
    """Timeline lines (sorted by start) that overlap a window, found by bisection.

    Lines are grouped by how long they last; in a group, a line that overlaps [low, high]
    starts between ``low`` minus the group's longest span and ``high``: only that slice is
    read, then checked exactly. The lines come back in their original order.
    """

    def __init__(self, items: tuple[Dated, ...]) -> None:
        self.items = items
        starts = [item.span.start for item in items]
        lasting = [(item.span.end - start).days for item, start in zip(items, starts, strict=True)]
        grouped: dict[int, list[int]] = defaultdict(list)
        limits, top = SPAN_LIMITS, len(SPAN_LIMITS)
        for position, days in enumerate(lasting):  # the first limit ``days`` does not pass
            at = bisect_left(limits, days)
            grouped[limits[at] if at < top else -1].append(position)
        for positions in grouped.values():  # an open span sorts at its end, not its start
            positions.sort(key=starts.__getitem__)
        self._groups = tuple(
            _SpanGroup(
                max(map(lasting.__getitem__, positions)),
                tuple(map(starts.__getitem__, positions)),
                tuple(positions),
            )
            for positions in grouped.values()
        )

    def overlapping(self, low: date, high: date) -> list[Dated]:
        """The lines whose span meets [low, high], in their original order."""
        found: list[int] = []
        items = self.items
        for group in self._groups:
            days = (low - date.min).days
            earliest = date.min if days <= group.longest else low - timedelta(group.longest)
            first = bisect_left(group.starts, earliest)
            last = bisect_right(group.starts, high)
            # a line starting on or after ``low`` ends after it: only earlier ones are checked
            cut = max(first, min(last, bisect_left(group.starts, low)))
            found.extend(p for p in group.positions[first:cut] if low <= items[p].span.end)
            found.extend(group.positions[cut:last])
        found.sort()
        return list(map(items.__getitem__, found))
