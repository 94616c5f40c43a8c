"""Filters read as far as they go: relative dates, numeric months, months without a year,
kinds and acts; what cannot be read is said, not a reason to refuse the whole query."""

from datetime import date

import pytest

from bot.engine.commands import answer
from bot.engine.filters import TimelineFilter, read_filter
from bot.engine.index import Index
from bot.render.text import render_text

TODAY = date(2026, 11, 23)  # a Monday


# the frozen five articles: a curator who adds a June entry to the shipped base must not turn
# « juin » (no entry dated within it) red (issue 23)
@pytest.fixture(scope="module")
def index(five_base):
    return Index(five_base)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("la semaine dernière", date(2026, 11, 16), date(2026, 11, 22)),
        ("cette semaine", date(2026, 11, 23), date(2026, 11, 23)),
        ("ce mois-ci", date(2026, 11, 1), date(2026, 11, 30)),
        ("le mois dernier", date(2026, 10, 1), date(2026, 10, 31)),
        ("cette année", date(2026, 1, 1), date(2026, 12, 31)),
        ("l'an dernier", date(2025, 1, 1), date(2025, 12, 31)),
        ("les 6 derniers mois", date(2026, 5, 1), TODAY),
        ("2025-11", date(2025, 11, 1), date(2025, 11, 30)),
        ("10/2025", date(2025, 10, 1), date(2025, 10, 31)),
        ("2025-11-06", date(2025, 11, 6), date(2025, 11, 6)),
        ("6/11/2025", date(2025, 11, 6), date(2025, 11, 6)),
        ("décembre", date(2025, 12, 1), date(2025, 12, 31)),  # not yet this year
        ("octobre", date(2025, 10, 1), date(2025, 10, 31)),  # the latest October with entries
        ("été", date(2025, 6, 1), date(2025, 8, 31)),  # the latest summer with entries
        ("2024-2026", date(2024, 1, 1), date(2026, 12, 31)),
    ],
)
def test_periods(index, text, start, end):
    reading = read_filter(index, text, TODAY)
    assert (reading.filter.start, reading.filter.end) == (start, end)
    assert reading.ignored == ()


def _latest_january(index):
    """The latest year up to TODAY with a dated entry lying in January, or None (computed:
    a curator may add a January fact)."""
    years = [
        item.span.start.year
        for item in index.timeline.dated
        if item.span.start.year == item.span.end.year <= TODAY.year
        and item.span.start.month == item.span.end.month == 1
    ]
    return max(years, default=None)


def test_a_month_without_a_year_is_the_latest_with_entries_said_in_a_note(index):
    year = _latest_january(index)
    reading = read_filter(index, "janvier", TODAY)
    assert (reading.filter.start, reading.filter.end) == (
        date(year or TODAY.year, 1, 1),
        date(year or TODAY.year, 1, 31),
    )
    which = "le plus récent dont la base a des faits" if year else "le plus récent"
    said = f"« janvier » sans année : janvier {year or TODAY.year}, {which}"
    assert reading.notes == (said,)
    text = render_text(answer(index, "/timeline janvier", TODAY))
    assert f"Compris : {said}." in text


def test_relative_words_need_today(index):
    assert read_filter(index, "la semaine dernière").filter == TimelineFilter()


def test_kinds_and_acts(index):
    assert read_filter(index, "accords 2025", TODAY).filter == TimelineFilter(
        date(2025, 1, 1), date(2025, 12, 31), kinds=("accord",)
    )
    assert read_filter(index, "exercices militaires", TODAY).filter.kinds == ("exercice",)
    assert read_filter(index, "signés", TODAY).acts == ("signe",)
    assert read_filter(index, "récent", TODAY).latest


def test_unread_words_are_said_and_the_rest_still_applies(index):
    reply = answer(index, "/timeline accords 2025 licornes", TODAY)
    text = render_text(reply)
    plain = render_text(answer(index, "/timeline accords 2025", TODAY))
    heading = plain.splitlines()[0]  # the same view as without the unread word (computed)
    assert reply.found and heading.startswith("CHRONOLOGIE — 2025 · ACCORDS (")
    assert heading in text
    assert "Laissé de côté : « licornes »." in text


def test_accord_2025_reads_the_date_not_the_title(index):
    reply = answer(index, "/accord 2025", TODAY)
    shown = {b.data for row in reply.buttons for b in row if b.data.startswith("a:")}
    assert "a:accord-paix-az-am-2025" in shown  # the August 2025 accord
    assert "a:plan-defense-az-gb-2026-2027" in shown  # signed in 2025, « 2026 » in its title
    assert "a:partenariat-strategique-az-us" not in shown  # signed in 2026


def test_accord_by_status(index):
    reply = answer(index, "/accord signés", TODAY)
    shown = [b.data for row in reply.buttons for b in row if b.data.startswith("a:")]
    assert shown and all(index.deals.by_id[d[2:]].act == "signe" for d in shown)
    assert shown[0] == "a:partenariat-strategique-az-us"  # newest first


def test_accord_list_is_sorted_newest_first_with_whole_word_labels(index):
    reply = answer(index, "/accord")
    labels = [b.label for row in reply.buttons for b in row if b.data.startswith("a:")]
    dates = [
        index.deals.by_id[b.data[2:]].date
        for row in reply.buttons
        for b in row
        if b.data.startswith("a:")
    ]
    ends = [d.end for d in dates if d is not None]
    assert ends == sorted(ends, reverse=True)
    for label in labels:
        assert len(label) <= 40
        if label.endswith("…"):
            cut = label[:-1]
            title = next(a.title for a in index.base.agreements if a.title.startswith(cut))
            assert title[len(cut)] in " ,;:–-"  # cut between words, never inside one


def test_a_loosely_dated_entry_does_not_answer_a_short_window(index):
    # « 2026 » (the OTS manoeuvres) overlaps any week of 2026 but says nothing about one
    week = answer(index, "/timeline du 2026-02-02 au 2026-02-08", TODAY)
    assert not week.found
    assert answer(index, "/timeline 2026", TODAY).found  # the year still finds it
    summer = answer(index, "/timeline août 2025", TODAY)  # « été 2025 » answers August
    assert "été 2025" in render_text(summer)


def test_entries_dated_more_loosely_than_the_period_are_flagged(index):
    text = render_text(answer(index, "/timeline août 2025", TODAY))
    assert "été 2025" in text
    assert "moins précisément que la période" in text  # « été » may not fall in August
    exact = render_text(answer(index, "/timeline 2025", TODAY))
    assert exact.count("moins précisément") <= 1  # a year page flags only what it must


def test_a_month_without_a_year_needs_an_entry_dated_within_it(index):
    # « été 2025 » overlaps June but is not dated in June: no June is said to have facts
    reading = read_filter(index, "juin", TODAY)
    assert reading.notes == ("« juin » sans année : juin 2026, le plus récent",)
