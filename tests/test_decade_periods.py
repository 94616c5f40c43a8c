"""A decade (« dans les années 1990 », dated 1990/1999) answers the years it covers, and a year
view with nothing in a month never breaks its month counts (issue 23, fifth newcomer: /timeline
1990 and /timeline 1995 said « Aucun événement » and the month counts of 1990 crashed)."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from bot.content.loader import load_factbase
from bot.engine.commands import answer
from bot.engine.filters import TimelineFilter
from bot.engine.index import Index
from bot.engine.timeline import _groups, select
from bot.render.text import render_text

FIXTURES = Path(__file__).parent / "fixtures" / "draft_base"
TODAY = date(2026, 11, 23)
SENTENCE = (
    "L'Arménie et l'Azerbaïdjan se disputent une région depuis leur indépendance "
    "dans les années 1990."
)


@pytest.fixture
def index(tmp_path: Path) -> Index:
    """The draft fixture base plus one article of our own holding a decade-dated conflict."""
    content, seeds = tmp_path / "content", tmp_path / "seeds"
    shutil.copytree(FIXTURES / "content", content)
    shutil.copytree(FIXTURES / "seeds", seeds)
    (seeds / "decennie.txt").write_text(SENTENCE + "\n", encoding="utf-8")
    with (content / "sources.yaml").open("a", encoding="utf-8") as out:
        out.write(
            "  - id: decennie\n"
            "    label: Un conflit des années 1990\n"
            "    outlet: null\n"
            "    title: null\n"
            '    published: "2020-10-24"\n'
            "    published_text: null\n"
            "    seed: decennie.txt\n"
        )
    with (content / "events.yaml").open("a", encoding="utf-8") as out:
        out.write(
            "  - id: conflit-annees-1990\n"
            '    date: "1990/1999"\n'
            "    date_text: dans les années 1990\n"
            "    type: mesure\n"
            "    actors: [AM, AZ]\n"
            "    topics: []\n"
            f"    summary: {SENTENCE}\n"
            "    evidence:\n"
            "      - source: decennie\n"
            f'        quote: "{SENTENCE}"\n'
            "        key: true\n"
        )
    return Index(load_factbase(content, seeds))


def _year(year: int) -> TimelineFilter:
    return TimelineFilter(start=date(year, 1, 1), end=date(year, 12, 31))


@pytest.mark.parametrize("year", [1990, 1995, 1999])
def test_a_year_inside_a_decade_lists_the_decade_dated_entry(index: Index, year: int) -> None:
    assert [item.entry.id for item in select(index, _year(year))] == ["conflit-annees-1990"]
    text = render_text(answer(index, f"/timeline {year}", TODAY))
    assert "Aucun événement" not in text, text
    assert "1990 – 1999" in text, text  # its own date shown, and marked looser than the year
    assert "datée moins précisément que la période" in text, text


def test_a_year_outside_the_decade_does_not_list_it(index: Index) -> None:
    assert "conflit-annees-1990" not in [item.entry.id for item in select(index, _year(2000))]


def test_the_month_counts_of_a_year_holding_only_a_decade_are_empty_not_a_crash(
    index: Index,
) -> None:
    for year in (1990, 1995):
        wanted = _year(year)
        groups = _groups(index, select(index, wanted), wanted)
        for group in groups:  # any month button counts what that month's view lists
            assert group.count == len(select(index, group.wanted)) > 0
    assert _groups(index, [], _year(1985)) == []


def test_the_decade_counts_in_the_years_of_a_multi_year_overview(index: Index) -> None:
    wanted = TimelineFilter(actors=("AM",))
    labels = {group.label: group.count for group in _groups(index, select(index, wanted), wanted)}
    assert labels.get("1990") == 1, labels
