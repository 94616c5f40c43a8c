"""The classes an eleventh newcomer met (issue 23), each on a short article of our own, drafted
against the fixture base (tests/fixtures/draft_base/), never the shipped content."""

from __future__ import annotations

import pytest

from bot.content.model import FactBase
from tests.draft_helpers import draft_yaml, small_base
from tests.draft_helpers import entry_holding as _holding


@pytest.fixture(scope="module")
def small() -> FactBase:
    return small_base()


DATED = "# URL : https://exemple.org/article-1\n# Date : 2022-06-10\n"


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        (
            "\"Aujourd'hui, tant pour la Turquie que pour nous, il est parfaitement évident que "
            "notre pays n'y est pas prêt\", a relevé le ministre géorgien.",
            "il est parfaitement évident",
        ),
        (
            "\"Je ne voudrais pas assigner à la Géorgie et à la Turquie un objectif qui n'est pas "
            "réalisable aujourd'hui\", a dit le ministre géorgien.",
            "réalisable aujourd'hui",
        ),
    ],
)
def test_a_general_aujourdhui_dates_nothing(small: FactBase, sentence: str, words: str) -> None:
    entry = _holding(draft_yaml(DATED + sentence + "\n", small), words)
    assert entry.get("date") is None
    assert all(item["text"].casefold() != "aujourd'hui" for item in entry["draft"]["dates"])


def test_aujourdhui_with_something_done_that_day_still_dates_it(small: FactBase) -> None:
    text = DATED + "Aujourd'hui, le ministre turc est arrivé à Tbilissi pour une visite.\n"
    entry = _holding(draft_yaml(text, small), "est arrivé à Tbilissi")
    assert entry["date"] == "2022-06-10"
