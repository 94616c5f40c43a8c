"""The small caches answers keep per served index: a new index (a reload) never reads values
computed against the previous one, a bound empties the table, and the kept answers equal
the ones computed afresh."""

from __future__ import annotations

from datetime import date

from bot.content.model import FactBase
from bot.engine.filters import _read_filter, read_filter
from bot.engine.index import Index
from bot.engine.per_index import PerIndex


def test_a_new_index_starts_afresh_and_the_bound_empties_the_table(five_base: FactBase) -> None:
    first, second = Index(five_base), Index(five_base)
    kept: PerIndex[str] = PerIndex(2)
    assert kept.get(first, "a", lambda: "first") == "first"
    assert kept.get(first, "a", lambda: "again") == "first"
    assert kept.get(second, "a", lambda: "second") == "second"  # never the other index's
    assert kept.get(second, "b", lambda: "b") == "b"
    assert kept.get(second, "c", lambda: "c") == "c"  # over the bound: emptied, then kept
    assert kept.get(second, "a", lambda: "rebuilt") == "rebuilt"


def test_a_kept_filter_reading_equals_a_fresh_one(five_base: FactBase) -> None:
    index = Index(five_base)
    today = date(2026, 11, 23)
    for text in ("Turquie 2025", "accords signés en août", "janvier", "otan lundi dernier"):
        for day in (today, None, date(2025, 3, 1)):
            assert read_filter(index, text, day) == _read_filter(index, text, day)
            assert read_filter(index, text, day) == _read_filter(index, text, day)
