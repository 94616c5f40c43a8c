"""A period's counts agree with what each month's own view lists (an outside reading found a
summer missing from June and months without a count that listed an entry)."""

from __future__ import annotations

import calendar
from datetime import date

import pytest

from bot.dates import MONTHS_FR
from bot.engine.filters import TimelineFilter
from bot.engine.index import Index
from bot.engine.timeline import _groups, select, windowed_outside


@pytest.fixture(scope="module")
def index(base):
    return Index(base)


def _month(year: int, month: int) -> TimelineFilter:
    return TimelineFilter(
        start=date(year, month, 1), end=date(year, month, calendar.monthrange(year, month)[1])
    )


def test_a_season_answers_each_of_its_months(index):
    checked = 0
    for item in index.timeline.dated:
        span = item.span
        months = (span.end.year - span.start.year) * 12 + span.end.month - span.start.month + 1
        whole = (
            span.start.day == 1
            and span.end.day == calendar.monthrange(*span.end.timetuple()[:2])[1]
        )
        if span.open or not whole or not 2 <= months <= 3:
            continue
        for n in range(months):
            year = span.start.year + (span.start.month - 1 + n) // 12
            month = (span.start.month - 1 + n) % 12 + 1
            assert item in select(index, _month(year, month)), (item.entry.id, year, month)
            checked += 1
    assert checked, "the base dates something by a season or a few whole months"


def test_every_month_of_a_year_view_that_lists_something_has_its_count(index):
    years = sorted({item.span.start.year for item in index.timeline.dated if not item.span.open})
    for year in years:
        wanted = TimelineFilter(start=date(year, 1, 1), end=date(year, 12, 31))
        items = select(index, wanted)
        counted = {group.label: group.count for group in _groups(index, items, wanted)}
        for month in range(1, 13):
            month_filter = _month(year, month)  # a « récemment » window counts where it ends
            listed = sum(
                1
                for item in select(index, month_filter)
                if not windowed_outside(item, month_filter)
            )
            name = f"{MONTHS_FR[month - 1]} {year}"
            label = name if name in counted else None
            if listed:
                assert label is not None and counted[label] == listed, (year, month, counted)
            else:
                assert label is None, (year, month, counted)
