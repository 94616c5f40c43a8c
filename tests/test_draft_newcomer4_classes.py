"""The draft on short articles of our own, one per class a fourth newcomer had to fix by
hand (issue 23): a copy cut in the middle of its last sentence, « Nations Unies » read as a
country.
Runs on the fixture base (tests/fixtures/draft_base/), never on the shipped content."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from bot.content.errors import ContentError
from bot.content.loader import load_factbase
from bot.content.model import FactBase
from tests.draft_helpers import FIXTURE, draft_yaml, small_base

OPENING = (
    "L'Azerbaïdjan et la Turquie ont signé le 11 mars 2023 un accord de coopération "
    "militaire.\nL'Arménie a dénoncé cet accord, selon son ministère des Affaires étrangères. "
)
"""A copy's first paragraph and the start of its last one, the cut sentence ending it (a line
of its own without final punctuation would be read as a heading)."""


@pytest.fixture(scope="module")
def small() -> FactBase:
    return small_base()


_draft = draft_yaml


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


def test_the_united_nations_are_never_a_new_country(small: FactBase) -> None:
    text = OPENING + (
        "Les résolutions du Conseil de sécurité des Nations Unies sur l'Arménie n'ont pas été "
        "appliquées, a dit le président azerbaïdjanais."
    )
    data = _draft(text, small)
    assert not [item for item in data["draft"]["new_countries"] if item["code"] == "UN"]
    assert "UN" not in {country["code"] for country in data.get("countries") or []}
    actors = [
        actor
        for section in ("events", "agreements", "facts")
        for entry in data.get(section) or []
        for actor in entry.get("actors") or []
    ]
    assert "UN" not in actors and "AM" in actors


def test_content_refuses_an_organisation_written_as_a_country(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(FIXTURE / "content", content)
    actors = content / "actors.yaml"
    text = actors.read_text(encoding="utf-8")
    actors.write_text(text.replace("  - code: AM\n", "  - code: AM\n  - code: UN\n"), "utf-8")
    with pytest.raises(ContentError) as caught:
        load_factbase(content, FIXTURE / "seeds")
    message = str(caught.value)
    assert "actors.yaml" in message and "« UN »" in message and "pas un pays" in message


SPEECH = (
    "Notre coopération militaire avec la Turquie a un grand potentiel. Nous connaissons "
    "déjà les produits de l'industrie de la défense de la Turquie. En même temps, nous pensons "
    "à des exercices militaires conjoints. Nous pensons que c'est le bon moment, a souligné le "
    "président azerbaïdjanais Ilham Aliyev lors de son entretien avec une délégation turque.\n"
)
ATTRIBUTION = "a souligné le président azerbaïdjanais"


def _holding(data: dict[str, Any], words: str) -> dict[str, Any]:
    found = [
        entry
        for section in ("events", "agreements", "facts")
        for entry in data.get(section) or []
        if any(words in item["quote"] for item in entry["evidence"])
    ]
    assert len(found) == 1, found
    return found[0]


def test_speech_without_quotation_marks_gives_the_speaker_and_his_country(
    small: FactBase,
) -> None:
    data = _draft(SPEECH, small)
    for words in ("Notre coopération militaire", "Nous connaissons déjà"):
        entry = _holding(data, words)
        actors = entry.get("actors") or entry.get("parties")
        assert "AZ" in actors and "TR" in actors  # the speaker's country too
        keys = [item["quote"] for item in entry["evidence"] if item["key"]]
        assert any(ATTRIBUTION in quote for quote in keys)  # who said it, as a key quote


def test_an_intention_in_a_speech_is_kept_with_its_speaker(small: FactBase) -> None:
    data = _draft(SPEECH, small)
    assert not _skipped(data, "exercices militaires conjoints")
    entry = _holding(data, "nous pensons à des exercices")
    quotes = [item["quote"] for item in entry["evidence"] if item["key"]]
    assert any("nous pensons à des exercices militaires conjoints" in q for q in quotes)
    assert any(ATTRIBUTION in q for q in quotes)
    assert "AZ" in (entry.get("actors") or entry.get("parties"))


def test_a_third_person_sentence_before_an_attribution_gets_no_speaker(
    small: FactBase,
) -> None:
    text = (
        "La Turquie a livré des drones à l'Arménie en 2020. Nous pensons que c'est le bon "
        "moment, a souligné le président azerbaïdjanais Ilham Aliyev.\n"
    )
    entry = _holding(_draft(text, small), "La Turquie a livré")
    assert "AZ" not in (entry.get("actors") or entry.get("parties"))
    assert all(ATTRIBUTION not in item["quote"] for item in entry["evidence"])


def test_le_president_de_la_republique_is_no_reference_to_the_last_country(
    small: FactBase,
) -> None:
    text = (
        "« Nos résolutions sur l'Arménie n'ont pas été appliquées pendant 27 ans. Nous avons "
        "atteint cet objectif », a dit le président de la République.\n"
    )
    data = _draft(text, small)
    resolved = [
        item
        for section in ("events", "agreements", "facts")
        for entry in data.get(section) or []
        for item in entry["draft"].get("resolved") or []
    ]
    assert not [item for item in resolved if "République" in item["words"]], resolved


def test_la_republique_just_named_is_still_that_country(small: FactBase) -> None:
    text = (
        "Le ministre kazakh a rencontré son homologue à Astana le 3 mars 2023. La République "
        "a signé le même jour un accord de défense avec le Royaume-Uni.\n"
    )
    resolved = [
        item
        for section in ("events", "agreements", "facts")
        for entry in _draft(text, small).get(section) or []
        for item in entry["draft"].get("resolved") or []
    ]
    assert any(item["actor"] == "KZ" for item in resolved), resolved


def test_a_ceasefire_between_two_countries_has_those_parties_and_its_mediator(
    small: FactBase,
) -> None:
    text = (
        "Le Royaume-Uni et le Kazakhstan cherchent depuis des années à peser dans la région, "
        "où la Turquie a cherché à reprendre pied à la faveur du cessez-le-feu signé en "
        "novembre 2020, entre l'Arménie et l'Azerbaïdjan sous l'égide d'Ankara.\n"
    )
    entry = _holding(_draft(text, small), "cessez-le-feu signé")
    if "parties" in entry:  # an agreement: its parties, and its mediator apart
        assert entry["parties"] == ["AM", "AZ"]
        assert entry["mediators"] == ["TR"]
    else:  # the signing of an agreement the base holds: who took part
        assert entry["type"] == "accord"
        assert entry["actors"] == ["AM", "AZ", "TR"]


def test_an_agreement_naming_no_two_parties_keeps_the_countries_of_its_sentence(
    small: FactBase,
) -> None:
    text = (
        "L'Azerbaïdjan, la Turquie et le Kazakhstan ont signé le 3 mars 2023 un accord de "
        "défense.\n"
    )
    entry = _holding(_draft(text, small), "ont signé")
    assert set(entry.get("parties") or entry["actors"]) == {"AZ", "TR", "KZ"}
    assert "mediators" not in entry
