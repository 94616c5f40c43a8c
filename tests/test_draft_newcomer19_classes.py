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


# -- the outlet the page names beats the address it is read off --------------------------------


def _outlet(text: str) -> dict[str, object]:
    data = draft_yaml(text, small_base())
    source = data["sources"][0]
    return {"outlet": source["outlet"], "basis": source.get("outlet_basis")}


def test_the_sites_acronym_written_on_the_page_is_the_outlet() -> None:
    page = (
        "# URL : https://www.agx.exemple.int/fr/news/2019.htm\n"
        "L'AGX participe à un exercice en Azerbaïdjan\n"
        "\n"
        "Le ministre azerbaïdjanais de la Défense a reçu le 3 mai 2019 une délégation de l'OTAN.\n"
    )
    assert _outlet(page) == {"outlet": "AGX", "basis": None}  # the page's word, no basis


def test_an_agency_line_names_the_outlet_the_address_spells() -> None:
    page = (
        "# URL : https://bz.exemple.tr/fr/monde/2109039\n"
        "BZ/ Ankara\n"
        "Le ministre turc de la Défense a reçu le 3 mai 2019 son homologue azerbaïdjanais.\n"
    )
    assert _outlet(page) == {"outlet": "BZ", "basis": None}


def test_without_the_acronym_on_the_page_the_address_gives_the_outlet() -> None:
    page = (
        "# URL : https://www.agx.exemple.int/fr/news/2019.htm\n"
        "Le ministre azerbaïdjanais de la Défense a reçu le 3 mai 2019 une délégation de l'OTAN.\n"
    )
    assert _outlet(page) == {"outlet": "agx.exemple.int", "basis": "adresse"}


# -- a visit's announced end joins its dated arrival --------------------------------------------

VISIT = (
    "Bakou, 5 mars, AZERTAC\n"
    "Le ministre géorgien de la Défense est arrivé en Azerbaïdjan le 4 mars 2024. La visite "
    "durera jusqu'au 7 mars.\n"
)


def test_the_announced_end_of_a_visit_joins_its_arrival() -> None:
    data = draft_yaml(VISIT, small_base())
    visit = entry_holding(data, "est arrivé")
    assert any("durera" in item["quote"] for item in visit["evidence"])
    assert visit["date"] == "2024-03-04/2024-03-07"
    assert visit["type"] == "reunion" and visit["tense"] == "futur"  # its end is announced


def test_an_end_without_a_dated_arrival_stays_apart() -> None:
    data = draft_yaml(VISIT.replace(" le 4 mars 2024", " lundi"), small_base())
    arrival = entry_holding(data, "est arrivé")
    assert not any("durera" in item["quote"] for item in arrival["evidence"])


# -- the same event named again is one event, dated by its day ----------------------------------

CEREMONY = (
    "Publié le 12 mai 2015\n"
    "La cérémonie inaugurale du centre de formation de l'OTAN en Azerbaïdjan s'est tenue "
    "récemment en présence du ministre azerbaïdjanais de la Défense.\n"
    "Le centre formera des officiers au déminage.\n"
    "La cérémonie du 10 mai s'est également déroulée en présence d'un représentant de l'OTAN "
    "et de l'ambassadeur azerbaïdjanais.\n"
)


def test_an_event_named_again_joins_it_and_dates_its_recently() -> None:
    data = draft_yaml(CEREMONY, small_base())
    ceremony = entry_holding(data, "cérémonie inaugurale")
    quotes = [item["quote"] for item in ceremony["evidence"]]
    assert any("La cérémonie du 10 mai" in quote for quote in quotes)
    assert ceremony["date"] == "2015-05-10" and ceremony["date_basis"] == "déduit"
    assert ceremony["type"] == "fondation"  # an inauguration


def test_an_event_named_again_on_another_day_stays_apart() -> None:
    text = CEREMONY.replace("s'est tenue récemment", "s'est tenue le 2 mai")
    data = draft_yaml(text, small_base())
    first = entry_holding(data, "cérémonie inaugurale")
    assert not any("10 mai" in item["quote"] for item in first["evidence"])


# -- a named speaker's announcement, his next words and his quotation: one declaration ----------

SPEECH = (
    "Publié le 20 avril 2022\n"
    "Le ministre géorgien des Affaires étrangères, Levan Datuashvili, a annoncé que Tbilissi et "
    "Bakou avaient décidé de renforcer leur coopération.\n"
    "La réunion bilatérale s'est tenue mardi à Tbilissi entre Levan Datuashvili et son "
    "homologue azerbaïdjanais.\n"
    "Datuashvili a indiqué avoir pris cette décision avec son homologue.\n"
    "« Nous avons décidé de travailler ensemble dans de nombreux domaines », a fait savoir le "
    "chef de la diplomatie géorgienne.\n"
)


def test_an_announcement_and_its_speakers_next_words_are_one_declaration() -> None:
    data = draft_yaml(SPEECH, small_base())
    said = entry_holding(data, "a annoncé")
    quotes = [item["quote"] for item in said["evidence"]]
    assert any(quote.startswith("Datuashvili a indiqué") for quote in quotes)
    assert any(quote.startswith("« Nous avons décidé") for quote in quotes)
    assert said["type"] == "declaration" and said["date_basis"] == "rapporté"
    assert said["date"] == "2022-04-20"


def test_an_official_meeting_his_counterpart_is_a_party_of_the_meeting() -> None:
    data = draft_yaml(SPEECH, small_base())
    meeting = entry_holding(data, "réunion bilatérale")
    assert {"GE", "AZ"} <= set(meeting["actors"])
    assert not any("a indiqué" in item["quote"] for item in meeting["evidence"])


# -- an ordinal meeting of a format takes its participants --------------------------------------


def test_the_first_meeting_of_a_format_takes_its_participants() -> None:
    data = draft_yaml(
        "Publié le 20 avril 2022\n"
        "Les ministres turc, géorgien et azerbaïdjanais des Affaires étrangères ont tenu une "
        "réunion trilatérale mardi à Tbilissi.\n"
        "Le ministre géorgien a rappelé que la première réunion a été organisée à Trabzon en "
        "2012.\n",
        small_base(),
    )
    first = entry_holding(data, "la première réunion")
    assert {"TR", "GE", "AZ"} <= set(first["actors"])
    assert first["date"] == "2012"


# -- facts naming no actor, in an article about no foreign country ------------------------------


def test_actorless_facts_take_the_leads_parties_to_check() -> None:
    data = draft_yaml(
        "Publié le 12 mai 2015\n"
        "Le projet de l'OTS en Azerbaïdjan a été lancé le 10 mai 2015 à Bakou.\n"
        "La phase I du projet avait permis le retrait de 173 mines antichar.\n",
        small_base(),
    )
    fact = entry_holding(data, "phase I")
    assert set(fact["actors"]) == {"ots", "AZ"}
    notes = [item.get("note") or "" for item in fact["draft"]["resolved"]]
    assert any("à vérifier" in note for note in notes)


# -- a standfirst fragment without a verb is no fact --------------------------------------------


def test_a_verbless_standfirst_fragment_is_set_aside() -> None:
    data = draft_yaml(
        "Publié le 20 avril 2022\n"
        "Lors d'une conférence de presse conjointe avec ses homologues géorgien et "
        "azerbaïdjanais à Tbilissi.\n"
        "Le ministre turc des Affaires étrangères a rencontré mardi ses homologues géorgien et "
        "azerbaïdjanais à Tbilissi.\n",
        small_base(),
    )
    quotes = [item["quote"] for entry in _entries(data) for item in entry["evidence"]]
    assert not any(quote.startswith("Lors d'une conférence") for quote in quotes)
    skipped = [item["sentence"] for item in data["draft"]["skipped"]]
    assert any(sentence.startswith("Lors d'une conférence") for sentence in skipped)


def _entries(data: dict[str, object]) -> list[dict[str, list[dict[str, str]]]]:
    found: list[dict[str, list[dict[str, str]]]] = []
    for section in ("events", "agreements", "facts"):
        found += data.get(section) or []  # type: ignore[operator]
    return found


def test_a_day_from_the_dateline_is_not_said_to_be_the_curators() -> None:
    text = "# Date : 2024-03\n" + VISIT.replace("le 4 mars 2024", "le 4 mars")
    data = draft_yaml(text, small_base())
    visit = entry_holding(data, "est arrivé")
    assert "jour de sa ligne d'agence" in visit["date_reason"]
    assert len(visit["date_reason"]) <= 90
