"""The support check's aim rule (issue 23, tenth newcomer): « la volonté des peuples » is a noun,
no aim; « la volonté de signer » is one. On a copy of the small fixture base of the draft tests,
never the shipped content."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.content.loader import load_factbase
from bot.content.support import check_support
from tests.draft_helpers import FIXTURE


def _base_with(tmp_path: Path, sentence: str, summary: str) -> list[str]:
    shutil.copytree(FIXTURE, tmp_path / "base")
    seed = tmp_path / "base" / "seeds" / "manoeuvres-ots-2025.txt"
    seed.write_text(seed.read_text(encoding="utf-8") + sentence + "\n", encoding="utf-8")
    facts = tmp_path / "base" / "content" / "facts.yaml"
    facts.write_text(
        facts.read_text(encoding="utf-8")
        + "  - id: liens-peuples\n"
        + "    actors: [AZ, AM]\n"
        + "    topics: [paix]\n"
        + f'    summary: "{summary}"\n'
        + "    evidence:\n"
        + "      - source: manoeuvres-ots\n"
        + f'        quote: "{sentence}"\n'
        + "        key: true\n",
        encoding="utf-8",
    )
    base = load_factbase(tmp_path / "base" / "content", tmp_path / "base" / "seeds")
    return [issue.message for issue in check_support(base) if issue.entry == "liens-peuples"]


def test_the_will_of_the_peoples_is_no_aim(tmp_path: Path) -> None:
    messages = _base_with(
        tmp_path,
        "Les ministres ont affirmé que les liens entre l'Azerbaïdjan et l'Arménie reflétaient "
        "la volonté des peuples.",
        "Les ministres ont affirmé que les liens entre l'Azerbaïdjan et l'Arménie reflétaient "
        "l'attachement des peuples.",
    )
    assert not [message for message in messages if "intention" in message], messages


@pytest.mark.parametrize(
    "words",
    ["la volonté de renforcer ces liens", "la volonté des deux pays de renforcer ces liens"],
)
def test_a_will_to_act_told_as_done_is_still_caught(tmp_path: Path, words: str) -> None:
    messages = _base_with(
        tmp_path,
        f"Les ministres de l'Azerbaïdjan et de l'Arménie ont affirmé {words}.",
        "Les ministres de l'Azerbaïdjan et de l'Arménie ont renforcé ces liens.",
    )
    assert any("intention" in message and "volonte" in message for message in messages), messages
