"""The classes a twelfth newcomer met (issue 23), each on a short article of our own, drafted
against the fixture base (tests/fixtures/draft_base/), never the shipped content."""

from __future__ import annotations

import pytest

from bot.content.model import FactBase
from tests.draft_helpers import draft_yaml, drafted_entries, small_base
from tests.draft_helpers import entry_holding as _holding


@pytest.fixture(scope="module")
def small() -> FactBase:
    return small_base()


DATED = "# URL : https://exemple.org/article-1\n# Date : 2022-06-10\n"


def test_a_border_the_exercise_is_near_is_no_party(small: FactBase) -> None:
    sentence = (
        "Depuis lundi, les militaires turcs et géorgiens mènent un exercice conjoint à Kars, "
        "près de la frontière avec l'Arménie, en Turquie."
    )
    entry = _holding(draft_yaml(DATED + sentence + "\n", small), "près de la frontière")
    assert "AM" not in entry["actors"], "a border is geography, not a party"
    assert {"TR", "GE"} <= set(entry["actors"])
    assert "AM" in [place["id"] for place in entry["draft"]["places"]]


def test_a_border_country_is_not_one_of_the_two_countries_named_next(small: FactBase) -> None:
    text = DATED + (
        "Depuis lundi, les militaires turcs et géorgiens mènent un exercice conjoint à Kars, "
        "près de la frontière avec l'Arménie, en Turquie.\n\n"
        "« Leur but est de coordonner le travail des deux pays », a déclaré le ministère turc "
        "de la Défense.\n"
    )
    entry = _holding(draft_yaml(text, small), "des deux pays")
    pair = {item["actor"] for item in entry["draft"]["resolved"] if "deux pays" in item["words"]}
    assert pair == {"TR", "GE"}
    assert "AM" not in entry["actors"]


def test_the_sides_of_a_conflict_spoken_about_are_no_parties(small: FactBase) -> None:
    sentence = (
        "Le ministre géorgien a remercié le peuple biélorusse de soutenir l'intégrité "
        "territoriale de la Géorgie dans le règlement du conflit du Haut-Karabagh entre "
        "l'Arménie et le Kazakhstan."
    )
    entry = _holding(draft_yaml(DATED + sentence + "\n", small), "règlement du conflit")
    assert "AM" not in entry["actors"] and "KZ" not in entry["actors"]
    assert {"GE", "BY"} <= set(entry["actors"])


def test_a_conflict_that_is_the_news_keeps_its_sides(small: FactBase) -> None:
    sentence = "Le conflit entre l'Arménie et le Kazakhstan a repris lundi à la frontière."
    entry = _holding(draft_yaml(DATED + sentence + "\n", small), "a repris")
    assert {"AM", "KZ"} <= set(entry["actors"])


def test_the_two_countries_a_minister_speaks_of_hold_his_own(small: FactBase) -> None:
    text = DATED + (
        "Le ministre géorgien de la Défense, Juansher Burchuladze, a reçu lundi une "
        "délégation militaire.\n\n"
        "Le vice-ministre turc de la Défense est arrivé en Géorgie pour l'ouverture du centre "
        "commun turco-russe de surveillance.\n\n"
        "En recevant de hauts responsables turcs, le ministre Burchuladze a affirmé que cela "
        "contribue aux intérêts des deux pays.\n"
    )
    data = draft_yaml(text, small)
    entry = _holding(data, "intérêts des deux pays")
    pair = {item["actor"] for item in entry["draft"]["resolved"] if "deux pays" in item["words"]}
    assert pair == {"GE", "TR"}, "the minister speaks for Georgia, not of Russia"


def test_a_ministrys_word_is_no_officials_name(small: FactBase) -> None:
    text = DATED + (
        "Le vice-ministre turc de la Défense est arrivé lundi en Géorgie pour une visite.\n\n"
        "Le ministre de la Défense a salué la coopération avec la Géorgie.\n"
    )
    data = draft_yaml(text, small)
    named = [item["words"] for item in drafted_entries(data) for item in item["draft"]["resolved"]]
    assert "Défense" not in named, "a ministry's word is no official's name"


def test_a_plan_signed_as_the_meeting_ended_takes_the_meetings_date(small: FactBase) -> None:
    text = DATED + (
        "Le ministre géorgien de la Défense a rencontré lundi à Tbilissi son homologue "
        "turc.\n\n"
        "L'entretien s'est soldé par la signature du Plan de coopération bilatérale pour 2023 "
        "entre les ministères de la défense de la Géorgie et de la Turquie.\n"
    )
    entry = _holding(draft_yaml(text, small), "s'est soldé par la signature")
    assert entry["date"] == "2022-06-06"  # the Monday before the article of Friday 10 June
    assert entry["date_basis"] == "déduit"
    assert "s'est soldé" in entry["date_note"]


def test_a_cut_last_sentence_is_quoted_to_its_last_whole_clause_and_says_so(
    small: FactBase,
) -> None:
    text = DATED + (
        "Le ministre géorgien de la Défense a rencontré lundi à Tbilissi son homologue turc.\n\n"
        "Les ministres ont également échangé sur les axes des relations militaires entre la "
        "Géorgie et la Turquie, l'élargissement des activités dans le\n"
    )
    data = draft_yaml(text, small)
    entry = _holding(data, "ont également échangé")
    quotes = [item["quote"] for item in entry["evidence"]]
    assert not any("activités dans le" in quote for quote in quotes), quotes
    assert any(quote.endswith("entre la Géorgie et la Turquie") for quote in quotes), quotes
    assert "coupée" in entry["draft"]["cut"]


def test_a_last_sentence_cut_on_a_whole_word_keeps_its_claim_and_says_it_is_cut(
    small: FactBase,
) -> None:
    text = DATED + (
        "Le ministre géorgien de la Défense a rencontré lundi à Tbilissi son homologue turc.\n\n"
        "Ces propos sont confirmés par le conseiller du président géorgien, qui indiquait le 30 "
        "mai que son pays faisait usage de drones turcs dans ces combat\n"
    )
    entry = _holding(draft_yaml(text, small), "ces combat")
    assert "coupée" in entry["draft"]["cut"]


def test_an_unquoted_first_person_sentence_after_a_statement_is_the_speakers(
    small: FactBase,
) -> None:
    text = DATED + (
        "Le ministre géorgien de la Défense a rencontré lundi à Tbilissi son homologue turc.\n\n"
        "« Votre visite illustre l'attention que vous accordez à la coopération », a fait savoir "
        "le ministre géorgien, ajoutant que la collaboration militaire entre la Géorgie et la "
        "Turquie s'effectuait au niveau bilatéral. Notre partenariat stratégique basé sur "
        "l'amitié ne cesse de se développer.\n"
    )
    data = draft_yaml(text, small)
    assert all("Notre partenariat" not in item["sentence"] for item in data["draft"]["skipped"])
    entry = _holding(data, "Notre partenariat")
    assert any("a fait savoir" in item["quote"] for item in entry["evidence"])


def test_a_pair_chosen_among_more_countries_says_which_others_were_named(
    small: FactBase,
) -> None:
    text = DATED + (
        "Le vice-ministre turc de la Défense est arrivé en Géorgie pour l'ouverture du centre "
        "commun turco-russe de surveillance.\n\n"
        "En recevant des responsables turcs, le ministre de la Défense a affirmé que cela "
        "contribue aux intérêts des deux pays.\n"
    )
    entry = _holding(draft_yaml(text, small), "intérêts des deux pays")
    pair = [item for item in entry["draft"]["resolved"] if "deux pays" in item["words"]]
    chosen = {item["actor"] for item in pair}
    others = {"TR", "GE", "RU"} - chosen
    assert len(chosen) == 2 and len(others) == 1
    other = others.pop()
    assert all(other in item.get("note", "") for item in pair), pair
