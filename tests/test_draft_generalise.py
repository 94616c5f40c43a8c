"""The general changes of issue 23's last pass (what curators fixed most across eleven
newcomers' first drafts, bench/fix_kinds.py), each on a short article of our own drafted
against the fixture base (tests/fixtures/draft_base/), never the shipped content."""

from __future__ import annotations

import pytest

from bot.content.model import FactBase
from tests.draft_helpers import draft_yaml, small_base
from tests.draft_helpers import entry_holding as _holding


@pytest.fixture(scope="module")
def small() -> FactBase:
    return small_base()


VISIT = (
    "# URL : https://exemple.org/2024/05/10/visite.html\n"
    "# Date : 2024-05-10\n"
    "# Média : Journal Est\n"
    "Un ministre kazakh à Bakou\n\n"
    "Le ministre kazakh de la Défense a inspecté jeudi deux régiments de son armée.\n"
    "Le Kazakhstan veut renforcer ses liens militaires avec Bakou, selon son ministère.\n"
    "L'exposition internationale de l'industrie militaire réunit cette année 215 entreprises "
    "de 40 pays.\n"
)
"""Kazakhstan is the foreign country the article is about; the last sentence names no one."""


def test_a_sentence_naming_no_one_gets_the_articles_parties_noted_to_check(
    small: FactBase,
) -> None:
    fair = _holding(draft_yaml(VISIT, small), "215 entreprises")
    assert sorted(fair["actors"]) == ["AZ", "KZ"]
    notes = [item for item in fair["draft"]["resolved"] if item["actor"] in ("AZ", "KZ")]
    assert len(notes) == 2
    for item in notes:
        assert "pays de l'article" in item["note"] and "à vérifier" in item["note"]


def test_a_sentence_naming_a_country_keeps_only_what_it_names(small: FactBase) -> None:
    data = draft_yaml(VISIT, small)
    arrival = _holding(data, "a inspecté jeudi")
    assert arrival["actors"] == ["KZ"]
    assert not any(
        "pays de l'article" in (i.get("note") or "") for i in arrival["draft"]["resolved"]
    )


def test_without_a_subject_country_nothing_is_added(small: FactBase) -> None:
    single = VISIT.replace(
        "Le Kazakhstan veut renforcer ses liens militaires avec Bakou, selon son ministère.\n", ""
    ).replace("Un ministre kazakh à Bakou", "Un ministre à Bakou")
    fair = _holding(draft_yaml(single, small), "215 entreprises")
    assert fair["actors"] == []


STAY = (
    "# URL : https://exemple.org/2024/05/10/sejour.html\n"
    "# Date : 2024-05-10\n"
    "# Média : Journal Est\n"
    "Un ministre turc en visite\n\n"
    "La visite du ministre turc de la Défense, la semaine dernière, en Azerbaïdjan, montre "
    "l'élan des liens militaires.\n"
    "Le ministre turc s'est rendu jeudi au Kazakhstan, pays voisin de l'Arménie.\n"
)


def test_the_country_a_visit_goes_to_is_its_other_party_noted_to_check(small: FactBase) -> None:
    visit = _holding(draft_yaml(STAY, small), "La visite du ministre turc")
    assert sorted(visit["actors"]) == ["AZ", "TR"]
    host = [item for item in visit["draft"]["resolved"] if item["actor"] == "AZ"]
    assert host and "pays hôte de la visite" in host[0]["note"] and "à vérifier" in host[0]["note"]
    assert "AZ" not in [place["id"] for place in visit["draft"]["places"]]


def test_a_neighbour_named_after_the_visit_is_no_host(small: FactBase) -> None:
    trip = _holding(draft_yaml(STAY, small), "s'est rendu jeudi")
    assert "AM" not in trip.get("actors", [])


TRIP = (
    "# URL : https://exemple.org/2024/05/10/voyage.html\n"
    "# Date : 2024-05-10\n"
    "# Média : Journal Est\n"
    "Le ministre kazakh à Bakou\n\n"
    "Le ministre kazakh de la Défense s'est rendu jeudi en Azerbaïdjan pour une visite de "
    "deux jours.\n"
    "Le Kazakhstan a acheté 12 blindés à la Turquie en 2019.\n"
    "Bakou dispose de la plus grande armée du Caucase, avec 60 000 soldats.\n"
    "Le voyage n'a été annoncé qu'après son arrivée.\n"
    "Le ministre kazakh a rencontré lors de cette visite le président azerbaïdjanais.\n"
)
"""A visit taken up twice, sentences later."""


def test_a_visit_taken_up_further_on_is_one_candidate(small: FactBase) -> None:
    data = draft_yaml(TRIP, small)
    visit = _holding(data, "s'est rendu jeudi")
    quotes = [item["quote"] for item in visit["evidence"]]
    assert any("Le voyage n'a été annoncé" in quote for quote in quotes)
    assert any("lors de cette visite" in quote for quote in quotes)
    assert any("reprend la visite" in why for why in visit["draft"]["grouped"])
    # what lies between stays apart
    for words in ("12 blindés", "60 000 soldats"):
        assert _holding(data, words)["id"] != visit["id"]


CONTRACT = (
    "# URL : https://exemple.org/2024/06/10/contrat.html\n"
    "# Date : 2024-06-10\n"
    "# Média : Journal Est\n"
    "Bakou commande des avions britanniques\n\n"
    "L'Azerbaïdjan a signé le 8 juin un contrat avec l'industriel britannique Vickers pour "
    "acquérir des avions de transport.\n"
    "Cet accord fait partie du programme de modernisation des forces azerbaïdjanaises, qui se "
    "tournent vers les produits de l'industrie britannique.\n"
    "Le salon de Farnborough réunit cette année 1 500 exposants.\n"
)
"""The United Kingdom is named twice, each time as a company's country: no party."""


def test_a_companys_country_named_twice_is_not_the_articles_party(small: FactBase) -> None:
    fair = _holding(draft_yaml(CONTRACT, small), "1 500 exposants")
    assert "GB" not in fair["actors"]
