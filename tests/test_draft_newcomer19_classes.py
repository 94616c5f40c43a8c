"""The classes a nineteenth newcomer corrected by hand (issue 23), each on a short article of
our own, drafted against the fixture base (tests/fixtures/draft_base/) — never the shipped
content nor the bench articles."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from bot.content.errors import ContentError
from bot.content.loader import load_factbase
from bot.content.yamlread import read_yaml
from bot.draft.analyse import tense_of
from tests.draft_helpers import FIXTURE, draft_yaml, entry_holding, small_base

# -- a noun in -trait is no conditional --------------------------------------------------------


def test_a_noun_in_trait_is_no_conditional() -> None:
    assert tense_of("La première phase avait permis le retrait de 120 obus du terrain.") == "passé"
    assert tense_of("Le ministère a publié un extrait du rapport annuel.") == "passé"
    assert tense_of("Ce projet permettrait le retrait des débris.") == "conditionnel"


def test_a_pluperfect_fact_with_a_retrait_is_drafted_in_the_past() -> None:
    data = draft_yaml(
        "La première phase du projet de l'OTAN en Azerbaïdjan avait permis le retrait de "
        "120 obus non explosés d'une zone de 4 kilomètres carrés.\n",
        small_base(),
    )
    fact = entry_holding(data, "avait permis")
    assert fact.get("tense") in (None, "passé")


# -- a country the draft lists as new has no existing card to complete -------------------------


def test_a_new_country_is_not_listed_as_an_existing_card() -> None:
    data = draft_yaml(
        "Le ministre azerbaïdjanais de l'Intérieur a rencontré le 4 mars 2020 à Bakou son "
        "homologue serbe.\n",
        small_base(),
    )
    new = {card["code"] for card in data["draft"]["new_countries"]}
    assert "RS" in new
    assert "RS" not in {card["code"] for card in data["draft"]["cards"]}
    assert "AZ" in {card["code"] for card in data["draft"]["cards"]}


# -- an outlet corrected by hand cannot keep « lu dans l'adresse » -----------------------------


@pytest.fixture
def base(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURE / "content", tmp_path / "content")
    shutil.copytree(FIXTURE / "seeds", tmp_path / "seeds")
    return tmp_path


def _set_source(root: Path, **fields: object) -> None:
    path = root / "content" / "sources.yaml"
    data = read_yaml(path.read_text(encoding="utf-8"))
    data["sources"][0].update(fields)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _issues(root: Path) -> list[str]:
    try:
        load_factbase(root / "content", root / "seeds")
    except ContentError as error:
        return [str(issue) for issue in error.issues]
    return []


def test_an_outlet_edited_away_from_the_address_must_change_its_basis(base: Path) -> None:
    _set_source(
        base,
        outlet="agence.exemple.org",
        outlet_basis="adresse",
        url="https://www.agence.exemple.org/fr/news/2014.htm",
        note="média lu dans l'adresse",
    )
    assert _issues(base) == []
    _set_source(base, outlet="Agence Exemple")  # the curator corrects the name, not the basis
    issues = _issues(base)
    assert any("outlet_basis" in issue and "corrigé" in issue for issue in issues), issues
    _set_source(base, outlet_basis="curateur", note="média Agence Exemple donné par le curateur")
    assert _issues(base) == []
