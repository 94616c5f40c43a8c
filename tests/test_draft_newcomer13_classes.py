"""The classes a thirteenth newcomer met (issue 23), each on a short article of our own,
drafted against the fixture base (tests/fixtures/draft_base/), never the shipped content."""

from __future__ import annotations

import pytest

from bot.content.model import FactBase
from tests.draft_helpers import draft_yaml, drafted_entries, small_base
from tests.draft_helpers import entry_holding as _holding


@pytest.fixture(scope="module")
def small() -> FactBase:
    return small_base()


DATED = "# URL : https://exemple.org/article-1\n# Date : 2022-06-10\n"


def _key(entry: dict[str, object], words: str) -> bool:
    evidence = entry["evidence"]
    assert isinstance(evidence, list)
    found = [item for item in evidence if words in item["quote"]]
    assert len(found) == 1, evidence
    return bool(found[0]["key"])


def test_the_sentence_that_carries_the_act_or_the_figure_is_key_whatever_its_place(
    small: FactBase,
) -> None:
    text = DATED + (
        "Le Kazakhstan vient de passer une commande importante dans le secteur militaire. "
        "Le pays a signé un accord d'achat avec la Géorgie pour se procurer douze "
        "hélicoptères. L'annonce a été faite par le gouvernement géorgien, qui a évalué ce "
        "contrat à 300 millions de dollars.\n"
    )
    entry = _holding(draft_yaml(text, small), "a signé un accord")
    assert entry["act"] == "signe"
    assert _key(entry, "a signé un accord"), "the act is told here: a key quote"
    assert _key(entry, "300 millions"), "the figure the summary gives: a key quote"


def test_a_grouped_sentence_that_carries_nothing_of_its_own_stays_context(
    small: FactBase,
) -> None:
    text = DATED + (
        "Le Kazakhstan a signé lundi un accord d'achat avec la Géorgie pour douze "
        "hélicoptères. Il est conçu pour répondre aux besoins des forces aériennes.\n"
    )
    entry = _holding(draft_yaml(text, small), "a signé lundi")
    assert _key(entry, "a signé lundi")
    assert not _key(entry, "Il est conçu"), "grouped, it names no one and gives no figure"


SIGNED_JUST_NOW = (
    "Le Kazakhstan vient de passer une commande importante dans le secteur militaire. "
    "Le pays a signé un accord d'achat avec la Géorgie pour se procurer douze hélicoptères.\n"
)


def test_vient_de_is_just_before_the_article_and_the_agreement_stays_one(
    small: FactBase,
) -> None:
    entry = _holding(draft_yaml(DATED + SIGNED_JUST_NOW, small), "a signé un accord")
    assert entry["act"] == "signe" and "vient de passer" in entry["evidence"][0]["quote"]
    assert entry["date"] == "../2022-06-10" and entry["date_basis"] == "rapporté"


def test_a_month_in_the_address_dates_vient_de_at_that_months_end_at_the_latest(
    small: FactBase,
) -> None:
    text = "# URL : https://exemple.org/2025/06/commande-helicopteres/\n" + SIGNED_JUST_NOW
    entry = _holding(draft_yaml(text, small), "a signé un accord")
    assert entry["date"] == "../2025-06-30" and entry["date_basis"] == "rapporté"
    assert "adresse" in entry["date_reason"] and "date_anchor" not in entry


def test_vient_de_in_an_undated_article_dates_nothing_and_a_place_is_no_time(
    small: FactBase,
) -> None:
    data = draft_yaml(SIGNED_JUST_NOW + "Le matériel vient de Russie.\n", small)
    entry = _holding(data, "a signé un accord")
    assert entry["date"] is None
    assert all(
        "vient" not in found["text"]
        for item in drafted_entries(data)
        for found in item["draft"]["dates"]
    )


def test_selon_a_document_is_in_accordance_with_it_not_a_source(small: FactBase) -> None:
    text = DATED + (
        "Selon le plan commun, signé entre les ministères de la Défense de la Géorgie et du "
        "Kazakhstan, sont organisés lundi des exercices conjoints.\n"
    )
    entry = _holding(draft_yaml(text, small), "Selon le plan commun")
    assert "hedge" not in entry, "« selon le plan » says in accordance with, not who reports"


def test_comme_l_a_rapporte_names_the_source(small: FactBase) -> None:
    text = DATED + (
        "Comme l'a rapporté CNN, plus de 50 militaires géorgiens sont arrivés lundi au "
        "Kazakhstan pour participer à ces exercices.\n"
    )
    entry = _holding(draft_yaml(text, small), "Comme l'a rapporté CNN")
    assert entry["hedge"] == "comme l'a rapporté CNN"


def test_a_named_source_after_selon_stays_one(small: FactBase) -> None:
    text = DATED + (
        "Selon un communiqué de la présidence géorgienne, les deux parties ont évoqué lundi "
        "une coopération avec le Kazakhstan.\n"
    )
    entry = _holding(draft_yaml(text, small), "Selon un communiqué")
    assert entry["hedge"] == "selon un communiqué de la présidence géorgienne"


def test_an_ability_to_sell_is_no_future(small: FactBase) -> None:
    text = DATED + (
        "Ce contrat illustre la capacité du Kazakhstan à vendre ses produits sur des marchés "
        "extérieurs.\n"
    )
    entry = _holding(draft_yaml(text, small), "capacité du Kazakhstan")
    assert entry.get("tense") != "futur"
    assert (entry["draft"]["modality"] or {}).get("kind") != "futur"


def test_a_sale_still_to_come_stays_a_future(small: FactBase) -> None:
    text = DATED + "Le Kazakhstan vendra douze hélicoptères à la Géorgie.\n"
    entry = _holding(draft_yaml(text, small), "vendra")
    assert entry["draft"]["modality"]["kind"] == "futur"


UNDATED_EXERCISE = (
    "Selon le plan commun, signé entre les ministères de la Défense de la Géorgie et du "
    "Kazakhstan, sont organisés des exercices conjoints « Steppe – 2023 » (« Plaine – 2023 »).\n"
    "Comme l'a rapporté CNN, plus de 50 militaires géorgiens sont arrivés au Kazakhstan pour "
    "participer à ces exercices.\n"
    "Du 20 au 23 août aura lieu l'exercice international “Steppe – 2023”, et plus de trois "
    "cents militaires des deux pays y participeront.\n"
)


def test_a_gloss_in_parentheses_after_a_name_is_no_sentence_of_its_own(small: FactBase) -> None:
    data = draft_yaml(UNDATED_EXERCISE, small)
    entry = _holding(data, "Plaine – 2023")
    assert entry["evidence"][0]["quote"].startswith("Selon le plan commun")
    assert entry["evidence"][0]["quote"].endswith("(« Plaine – 2023 »).")


def test_days_without_a_year_take_the_year_of_the_name_inferred(small: FactBase) -> None:
    entry = _holding(draft_yaml(UNDATED_EXERCISE, small), "Du 20 au 23 août")
    assert entry["date"] == "2023-08-20/2023-08-23"
    assert entry["date_basis"] == "déduit"
    assert "Steppe – 2023" in entry["date_reason"] and "20 au 23 août" in entry["date_reason"]


def test_the_year_of_an_exercises_name_does_not_date_the_plan_it_follows(
    small: FactBase,
) -> None:
    entry = _holding(draft_yaml(UNDATED_EXERCISE, small), "Selon le plan commun")
    assert entry["act"] == "signe" and entry["date"] is None


def test_a_sentence_a_named_source_reports_is_not_grouped_by_a_demonstrative(
    small: FactBase,
) -> None:
    data = draft_yaml(UNDATED_EXERCISE, small)
    plan = _holding(data, "Selon le plan commun")
    assert all("Comme l'a rapporté" not in item["quote"] for item in plan["evidence"])
    reported = [
        entry
        for entry in drafted_entries(data)
        if entry["evidence"][0]["quote"].startswith("Comme l'a rapporté CNN")
    ]
    assert len(reported) == 1 and reported[0]["hedge"] == "comme l'a rapporté CNN"


def test_what_a_meeting_was_about_joins_it_as_a_key_quote(small: FactBase) -> None:
    text = DATED + (
        "Le ministre géorgien a rencontré lundi une délégation kazakhe conduite par le "
        "ministre de la Défense.\n"
        "La rencontre a porté sur les relations bilatérales ainsi que sur la situation "
        "sécuritaire régionale.\n"
    )
    entry = _holding(draft_yaml(text, small), "a rencontré lundi")
    assert _key(entry, "La rencontre a porté sur"), "what was discussed: the summary says it"


def test_the_copys_last_line_cut_after_a_comma_is_prose_not_a_heading(small: FactBase) -> None:
    text = DATED + (
        "Le ministre géorgien a rencontré lundi une délégation kazakhe à Tbilissi.\n"
        "Les liens entre la Géorgie et l'Arménie\n"
        "La Géorgie et l'Arménie entretiennent des relations étroites, notamme\n"
    )
    data = draft_yaml(text, small)
    entry = _holding(data, "entretiennent des relations étroites")
    assert entry["evidence"][0]["quote"].startswith(
        "La Géorgie et l'Arménie entretiennent des relations étroites"
    )
    noise = [item["text"] for item in data["sources"][0]["draft"]["noise"]]
    assert "Les liens entre la Géorgie et l'Arménie" in noise, "the heading stays a heading"


SIDES = DATED + (
    "En optant pour ces hélicoptères, la Géorgie parie sur un appareil éprouvé, déjà utilisé "
    "par les forces kazakhes.\n"
    "Du côté kazakh, ce contrat marque une avancée importante pour son industrie de défense. "
    "Il illustre la capacité du pays à vendre ses produits sur des marchés extérieurs. Cela "
    "peut ouvrir la voie à d'autres accords similaires, avec des pays à la recherche de "
    "solutions militaires.\n"
)


def test_du_cote_opens_the_other_sides_fact(small: FactBase) -> None:
    data = draft_yaml(SIDES, small)
    side = _holding(data, "Du côté kazakh")
    assert all("la Géorgie parie" not in item["quote"] for item in side["evidence"])


def test_an_ability_is_no_act_and_cela_goes_on_with_the_sentence_before(
    small: FactBase,
) -> None:
    side = _holding(draft_yaml(SIDES, small), "Du côté kazakh")
    quotes = [item["quote"] for item in side["evidence"]]
    assert any(quote.startswith("Il illustre la capacité") for quote in quotes)
    assert any(quote.startswith("Cela peut ouvrir la voie") for quote in quotes)
    assert side["draft"].get("act") is None, "« capacité à vendre » sells nothing"
