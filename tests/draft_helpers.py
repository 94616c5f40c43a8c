"""What the draft's class tests share: the small fixture base they draft against, and the
draft of an article read back as the YAML a curator sees."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from bot.content.loader import load_factbase
from bot.content.model import FactBase
from bot.content.yamlread import read_yaml
from bot.draft.build import draft_article, render_draft

FIXTURE = Path(__file__).parent / "fixtures" / "draft_base"


@cache
def small_base() -> FactBase:
    """The fixture base of tests/fixtures/draft_base, loaded once per process."""
    return load_factbase(FIXTURE / "content", FIXTURE / "seeds")


def draft_yaml(text: str, base: FactBase) -> dict[str, Any]:
    """The draft of ``text`` against ``base``, as the YAML the draft command prints."""
    data = read_yaml(render_draft(draft_article(text, "essai.txt", base), "x"))
    assert isinstance(data, dict)
    return data


def drafted_entries(data: dict[str, Any]) -> list[dict[str, Any]]:
    """The candidate entries of a draft's YAML, events then agreements then facts."""
    return [
        entry for section in ("events", "agreements", "facts") for entry in data.get(section) or []
    ]


def entry_holding(data: dict[str, Any], words: str) -> dict[str, Any]:
    """The one drafted entry one of whose quotes holds ``words`` (fails if none or several)."""
    found = [
        entry
        for entry in drafted_entries(data)
        if any(words in item["quote"] for item in entry["evidence"])
    ]
    assert len(found) == 1, [entry["evidence"] for entry in drafted_entries(data)]
    return found[0]
