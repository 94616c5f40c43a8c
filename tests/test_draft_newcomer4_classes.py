"""The draft on short articles of our own, one per class a fourth newcomer had to fix by
hand (issue 23): a copy cut in the middle of its last sentence.
Runs on the fixture base (tests/fixtures/draft_base/), never on the shipped content."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.content.loader import load_factbase
from bot.content.model import FactBase
from bot.draft.build import draft_article, render_draft

FIXTURE = Path(__file__).parent / "fixtures" / "draft_base"

OPENING = (
    "L'Azerbaïdjan et la Turquie ont signé le 11 mars 2023 un accord de coopération "
    "militaire.\nL'Arménie a dénoncé cet accord, selon son ministère des Affaires étrangères. "
)
"""A copy's first paragraph and the start of its last one, the cut sentence ending it (a line
of its own without final punctuation would be read as a heading)."""


@pytest.fixture(scope="module")
def small() -> FactBase:
    return load_factbase(FIXTURE / "content", FIXTURE / "seeds")


def _draft(text: str, base: FactBase) -> dict[str, Any]:
    data = yaml.safe_load(render_draft(draft_article(text, "essai.txt", base), "x"))
    assert isinstance(data, dict)
    return data


def _quoted(data: dict[str, Any], words: str) -> bool:
    return any(
        words in item["quote"]
        for section in ("events", "agreements", "facts")
        for entry in data.get(section) or []
        for item in entry["evidence"]
    )


def _skipped(data: dict[str, Any], words: str) -> list[str]:
    return [item["reason"] for item in data["draft"]["skipped"] if words in item["sentence"]]


def test_a_cut_last_sentence_in_the_conditional_is_set_aside_as_cut(small: FactBase) -> None:
    cut = "Le refus de la Russie de livrer des armes à l'Arménie s'inscrirait, en part"
    data = _draft(OPENING + cut, small)
    assert not _quoted(data, "s'inscrirait")
    reasons = _skipped(data, "s'inscrirait")
    assert len(reasons) == 1 and "coupée" in reasons[0]
    assert _quoted(data, "ont signé le 11 mars 2023")  # the rest is drafted as before


def test_a_cut_last_sentence_with_no_whole_clause_is_set_aside(small: FactBase) -> None:
    data = _draft(OPENING + "La Russie a déjà fait face à de viv", small)
    assert not _quoted(data, "fait face")
    assert "coupée" in _skipped(data, "fait face")[0]


def test_a_cut_last_sentence_keeping_a_whole_clause_is_still_drafted(small: FactBase) -> None:
    # the curator quotes its whole part: « …se sont intensifiés »
    cut = (
        "Depuis, les échanges militaires entre la Turquie et l'Azerbaïdjan se sont "
        "intensifiés, symbolisant un rapprocheme"
    )
    data = _draft(OPENING + cut, small)
    assert _quoted(data, "se sont intensifiés")
    assert not _skipped(data, "se sont intensifiés")


def test_a_whole_last_sentence_in_the_conditional_is_drafted(small: FactBase) -> None:
    whole = "Selon la presse, la Russie livrerait des armes à l'Arménie en 2024."
    data = _draft(OPENING + whole, small)
    assert _quoted(data, "livrerait")
    assert not _skipped(data, "livrerait")
