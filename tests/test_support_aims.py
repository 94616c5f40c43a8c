"""Support check rules the tenth newcomer met (issue 23): « la volonté des peuples » is a noun,
no aim, « la volonté de signer » is one; a label's « … » must be a whole quotation of its key
quotes. On a copy of the small fixture base of the draft tests, never the shipped content."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.content.loader import load_factbase
from bot.content.support import check_support
from tests.draft_helpers import FIXTURE


def _base_with(tmp_path: Path, sentence: str, summary: str, label: str | None = None) -> list[str]:
    shutil.copytree(FIXTURE, tmp_path / "base")
    seed = tmp_path / "base" / "seeds" / "manoeuvres-ots-2025.txt"
    seed.write_text(seed.read_text(encoding="utf-8") + sentence + "\n", encoding="utf-8")
    facts = tmp_path / "base" / "content" / "facts.yaml"
    facts.write_text(
        facts.read_text(encoding="utf-8")
        + "  - id: liens-peuples\n"
        + (f'    label: "{label}"\n' if label else "")
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


SAID = (
    "Les ministres de l'Azerbaïdjan et de l'Arménie ont salué « une coopération exemplaire et "
    "durable » entre eux."
)


def test_a_label_cannot_put_guillemets_around_part_of_a_quotation(tmp_path: Path) -> None:
    messages = _base_with(
        tmp_path,
        SAID,
        "Les ministres de l'Azerbaïdjan et de l'Arménie ont salué une coopération exemplaire.",
        label="Azerbaïdjan et Arménie : « une coopération exemplaire »",
    )
    assert any("une coopération exemplaire" in m and "citation entière" in m for m in messages)


def test_a_label_cannot_put_guillemets_around_words_no_quote_quotes(tmp_path: Path) -> None:
    messages = _base_with(
        tmp_path,
        SAID,
        "Les ministres de l'Azerbaïdjan et de l'Arménie ont salué leur coopération.",
        label="« Les ministres » saluent leur coopération",
    )
    assert any("Les ministres" in m and "citation entière" in m for m in messages), messages


def test_a_label_may_quote_a_whole_quotation(tmp_path: Path) -> None:
    messages = _base_with(
        tmp_path,
        SAID,
        "Les ministres de l'Azerbaïdjan et de l'Arménie ont salué leur coopération.",
        label="Azerbaïdjan et Arménie : « une coopération exemplaire et durable »",
    )
    assert not [m for m in messages if "citation entière" in m], messages
