"""The classes a ninth newcomer met (issue 23), each on a short article of our own, drafted
against the fixture base (tests/fixtures/draft_base/), never the shipped content: a dateline
whose day the address contradicts, resolved silently; an agency printed in the dateline
recorded as given by the curator."""

from __future__ import annotations

from typing import Any

import pytest

from bot.content.model import FactBase
from bot.draft.build import draft_article, summary_text
from tests.draft_helpers import draft_yaml, drafted_entries, small_base


@pytest.fixture(scope="module")
def small() -> FactBase:
    return small_base()


def _holding(data: dict[str, Any], words: str) -> dict[str, Any]:
    found = [
        entry
        for entry in drafted_entries(data)
        if any(words in item["quote"] for item in entry["evidence"])
    ]
    assert len(found) == 1, [entry["evidence"] for entry in drafted_entries(data)]
    return found[0]


DISPATCH = (
    "# URL : https://exemple.org/20240314/123456.html\n"
    "# Média : Agence Nord\n"
    "Le ministre turc en visite\n\n"
    "ANKARA, 13 mars - Agence Nord. Le ministre turc de la Défense a rencontré jeudi à Ankara "
    "son homologue azerbaïdjanais.\n"
)
"""The dateline says 13 March (a Wednesday in 2024); the address says 14 March 2024."""


def test_a_dateline_day_the_address_contradicts_is_said_never_resolved_silently(
    small: FactBase,
) -> None:
    data = draft_yaml(DISPATCH, small)
    source = data["sources"][0]
    assert source["published"] is None
    for where in (source["note"], source["draft"]["published"]["note"]):
        assert "« 13 mars »" in where and "2024-03-14" in where and "ne concordent pas" in where
    meeting = _holding(data, "a rencontré jeudi")
    assert meeting["date_basis"] == "déduit"
    assert "ne concordent pas" in meeting["date_note"]
    summary = summary_text(draft_article(DISPATCH, "essai.txt", small))
    assert "Attention : la ligne d'agence dit « 13 mars »" in summary


def test_a_dateline_that_agrees_with_the_address_says_nothing_more(small: FactBase) -> None:
    data = draft_yaml(DISPATCH.replace("13 mars", "14 mars"), small)
    source = data["sources"][0]
    assert "concordent" not in source["note"]
    assert "concordent" not in (_holding(data, "a rencontré jeudi").get("date_note") or "")


def test_the_agency_of_the_dateline_is_the_articles_words_even_when_the_curator_gives_it(
    small: FactBase,
) -> None:
    source = draft_yaml(DISPATCH, small)["sources"][0]
    assert source["outlet"] == "Agence Nord"
    assert "outlet_basis" not in source  # the text prints it: shown as the article's
    assert source["draft"]["outlet"]["basis"] == "ligne d'agence"
    assert source["draft"]["outlet"]["read_from"] == "Agence Nord"


def test_an_outlet_the_dateline_does_not_print_stays_the_curators(small: FactBase) -> None:
    text = DISPATCH.replace("# Média : Agence Nord", "# Média : Le Site du Sud")
    source = draft_yaml(text, small)["sources"][0]
    assert source["outlet"] == "Le Site du Sud"
    assert source["outlet_basis"] == "curateur"
