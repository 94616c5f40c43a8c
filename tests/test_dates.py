from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.dates import Precision, parse_date


@pytest.mark.parametrize(
    ("raw", "start", "end", "precision", "label"),
    [
        ("2025", date(2025, 1, 1), date(2025, 12, 31), Precision.YEAR, "2025"),
        ("2025-08", date(2025, 8, 1), date(2025, 8, 31), Precision.MONTH, "août 2025"),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29), Precision.MONTH, "février 2024"),
        ("2025-09-21", date(2025, 9, 21), date(2025, 9, 21), Precision.DAY, "21 septembre 2025"),
        ("2025-11-01", date(2025, 11, 1), date(2025, 11, 1), Precision.DAY, "1er novembre 2025"),
        (
            "2025-06/2025-08",
            date(2025, 6, 1),
            date(2025, 8, 31),
            Precision.INTERVAL,
            "juin 2025 – août 2025",
        ),
    ],
)
def test_parse(raw, start, end, precision, label):
    span = parse_date(raw)
    assert (span.start, span.end, span.precision, span.label()) == (start, end, precision, label)


@pytest.mark.parametrize(
    "raw", ["", "25", "2025-13", "2025-02-30", "2025-8", "2025/2024", "2025/2026/2027", "hier"]
)
def test_invalid_dates_are_refused_in_french(raw):
    with pytest.raises(ValueError, match=r"date|intervalle"):
        parse_date(raw)


def test_summer_overlaps_august():
    summer = parse_date("2025-06/2025-08")
    august = parse_date("2025-08")
    assert summer.overlaps(august.start, august.end)
    september = parse_date("2025-09")
    assert not summer.overlaps(september.start, september.end)


@given(st.dates(min_value=date(1000, 1, 1), max_value=date(9999, 12, 31)))
def test_any_day_round_trips(day):
    span = parse_date(day.isoformat())
    assert span.start == span.end == day
    assert str(day.year) in span.label()
