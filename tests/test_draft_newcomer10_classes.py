"""The classes a tenth newcomer met (issue 23), each on a short article of our own, drafted
against the fixture base (tests/fixtures/draft_base/), never the shipped content: a span of
days whose year is written at its end, a decade's part, ..."""

from __future__ import annotations

import pytest

from bot.content.model import FactBase
from tests.draft_helpers import draft_yaml, drafted_entries, small_base
from tests.draft_helpers import entry_holding as _holding


@pytest.fixture(scope="module")
def small() -> FactBase:
    return small_base()


DATED = "# URL : https://exemple.org/article-1\n# Date : 2022-06-10\n"


def test_a_span_of_days_takes_the_year_written_at_its_end_never_the_articles(
    small: FactBase,
) -> None:
    text = DATED + (
        "Le ministre géorgien a rappelé que du 12 mai au 2 juin 1920, des combats avaient "
        "opposé la Géorgie à la Russie près de Tbilissi.\n"
    )
    entry = _holding(draft_yaml(text, small), "du 12 mai au 2 juin 1920")
    assert entry["date"] == "1920-05-12/1920-06-02"
    assert entry.get("date_basis") != "déduit"
    assert all("2022" not in (item["iso"] or "") for item in entry["draft"]["dates"])


def test_a_span_within_one_month_keeps_its_first_day(small: FactBase) -> None:
    text = DATED + (
        "Des manœuvres conjointes de la Géorgie et de la Turquie ont eu lieu du 3 au 7 mai 2021 "
        "près de Tbilissi.\n"
    )
    entry = _holding(draft_yaml(text, small), "du 3 au 7 mai 2021")
    assert entry["date"] == "2021-05-03/2021-05-07"


def test_the_start_of_a_decade_is_the_decade_never_its_first_year(small: FactBase) -> None:
    text = DATED + (
        "La Géorgie et la Russie se sont affrontées au début des années 1990 pour le contrôle "
        "de l'Abkhazie.\n"
    )
    entry = _holding(draft_yaml(text, small), "au début des années 1990")
    assert entry["date"] == "1990/1999"
    assert entry["date_text"] == "au début des années 1990"


@pytest.mark.parametrize(
    "sentence",
    [
        "Lors des combats, la Turquie a été accusée d'avoir livré des missiles à la Géorgie, "
        "ce qu'Ankara dément.",
        "La Russie a livré des missiles à la Géorgie, ce que Moscou dément.",
        "La Géorgie est soupçonnée d'avoir acheté des drones à la Turquie.",
    ],
)
def test_an_accused_or_denied_act_is_never_drafted_as_done(small: FactBase, sentence: str) -> None:
    entry = _holding(draft_yaml(DATED + sentence + "\n", small), sentence[:30])
    assert entry["draft"]["act"] is None
    assert entry["draft"]["uncertain"], "the accusation or denial is said to the curator"


def test_a_delivery_said_plainly_stays_a_delivery(small: FactBase) -> None:
    sentence = "La Russie a livré des missiles à la Géorgie en mai 2021."
    entry = _holding(draft_yaml(DATED + sentence + "\n", small), sentence[:30])
    assert entry["draft"]["act"] == "livré"


def test_ce_pays_stands_for_the_country_named_not_a_nationality_adjective(
    small: FactBase,
) -> None:
    sentence = (
        "Le ministre turc s'est rendu lundi en Géorgie pour une visite de deux jours, la "
        "première d'un ministre russe dans ce pays frontalier de l'Arménie."
    )
    entry = _holding(draft_yaml(DATED + sentence + "\n", small), "dans ce pays")
    resolved = {item["words"]: item["actor"] for item in entry["draft"]["resolved"]}
    assert resolved.get("ce pays") == "GE"
    assert "AM" not in entry["actors"], "a neighbour is geography, not a party"
    assert "AM" in [place["id"] for place in entry["draft"]["places"]]


def test_a_republic_the_words_qualify_is_not_the_last_country_named(small: FactBase) -> None:
    sentence = (
        "Selon le cessez-le-feu négocié par la Russie, une partie de la république "
        "autoproclamée du Haut-Pays survit."
    )
    entry = _holding(draft_yaml(DATED + sentence + "\n", small), "république autoproclamée")
    assert all("république" not in item["words"] for item in entry["draft"]["resolved"])


def test_last_autumn_is_the_autumn_before_the_articles_date(small: FactBase) -> None:
    sentence = "À l'automne dernier, la Géorgie a remporté une bataille face à la Russie."
    entry = _holding(draft_yaml(DATED + sentence + "\n", small), "automne dernier")
    assert entry["date"] == "2021-09/2021-11"
    assert entry["date_basis"] == "déduit"


def test_a_month_said_last_is_before_the_article_even_when_a_later_one_is_closer(
    small: FactBase,
) -> None:
    sentence = "Un exercice géorgien et turc avait déjà eu lieu en juillet dernier près de Kars."
    entry = _holding(draft_yaml(DATED + sentence + "\n", small), "juillet dernier")
    assert entry["date"] == "2021-07"  # the article is of 10 June 2022: never July 2022
    assert entry["date_basis"] == "déduit"


def test_how_an_exercise_goes_on_is_that_exercise_never_one_of_its_own(small: FactBase) -> None:
    text = DATED + (
        "La Géorgie a entamé mercredi des manœuvres militaires avec la Turquie près de "
        "Tbilissi.\n\n"
        "Ils doivent se prolonger samedi.\n\n"
        "Dans un communiqué, l'armée géorgienne indique qu'ils se déroulent sur trois polygones.\n"
    )
    data = draft_yaml(text, small)
    exercise = _holding(data, "a entamé mercredi")
    quotes = [item["quote"] for item in exercise["evidence"]]
    assert any("se prolonger samedi" in quote for quote in quotes)
    assert any("se déroulent sur trois polygones" in quote for quote in quotes)
    assert exercise["date"] == "2022-06-08"  # the start, never the end « samedi »
    assert len(drafted_entries(data)) == 1


def test_what_a_meeting_talked_about_is_that_meeting(small: FactBase) -> None:
    text = DATED + (
        "Les ministres géorgien et turc de la Défense se sont réunis le 9 juin à Tbilissi.\n\n"
        "La sécurité régionale et les projets communs ont fait l'objet de discussions.\n"
    )
    data = draft_yaml(text, small)
    meeting = _holding(data, "se sont réunis")
    assert any("fait l'objet de discussions" in item["quote"] for item in meeting["evidence"])
    assert len(drafted_entries(data)) == 1


def test_a_participants_statement_is_a_declaration_apart_with_its_sequel_and_its_answer(
    small: FactBase,
) -> None:
    text = DATED + (
        "Les ministres géorgien et turc de la Défense se sont réunis le 9 juin à Tbilissi.\n\n"
        "Lors de son intervention, le ministre géorgien a souligné que le 9 juin marquait "
        "l'anniversaire du massacre de 1924.\n\n"
        "Il a fait savoir que du 2 au 9 juin 1924, des centaines de Géorgiens avaient été tués "
        "par les forces russes.\n\n"
        "Le ministre turc a exprimé ses condoléances au peuple géorgien.\n"
    )
    data = draft_yaml(text, small)
    meeting = _holding(data, "se sont réunis")
    assert len(meeting["evidence"]) == 1
    statement = _holding(data, "Lors de son intervention")
    assert statement["type"] == "declaration"
    quotes = " ".join(item["quote"] for item in statement["evidence"])
    assert "du 2 au 9 juin 1924" in quotes and "condoléances" in quotes
    assert "RU" not in statement["actors"], "the country a speaker names is no party"
    assert statement["date"] == "2022-06-09"


def test_an_opening_speech_that_lists_topics_stays_the_meetings(small: FactBase) -> None:
    text = DATED + (
        "Les ministres géorgien et turc de la Défense se sont réunis le 9 juin à Tbilissi.\n\n"
        "Dans son discours d'ouverture, le ministre géorgien a parlé des liens avec la Turquie "
        "et de la coopération militaire.\n"
    )
    meeting = _holding(draft_yaml(text, small), "se sont réunis")
    assert any("discours d'ouverture" in item["quote"] for item in meeting["evidence"])


def test_an_exercise_told_in_the_pluperfect_after_a_constat_is_an_event_of_its_own(
    small: FactBase,
) -> None:
    text = DATED + (
        "La Turquie a été accusée d'avoir envoyé des supplétifs syriens en Géorgie, ce "
        "qu'Ankara dément.\n\n"
        "Un exercice militaire turco-géorgien avait déjà eu lieu en février dernier près de "
        "Kars.\n"
    )
    data = draft_yaml(text, small)
    accused = _holding(data, "supplétifs syriens")
    assert len(accused["evidence"]) == 1
    assert "SY" not in accused["actors"], "fighters' nationality, not a party"
    exercise = _holding(data, "avait déjà eu lieu")
    assert exercise["type"] == "exercice"
    assert exercise["date"] == "2022-02"


def test_a_military_victory_is_a_conflict(small: FactBase) -> None:
    sentence = "En mai 2021, la Géorgie a remporté une large victoire militaire face à la Russie."
    entry = _holding(draft_yaml(DATED + sentence + "\n", small), "victoire militaire")
    assert entry["type"] == "conflit"


def test_what_is_owed_about_a_planned_thing_it_points_back_to_joins_it(small: FactBase) -> None:
    text = DATED + (
        "A Tbilissi, le ministre turc inaugurera le pavillon turc du salon de défense.\n\n"
        "Le ministère turc doit être représenté sur ce pavillon par douze entreprises.\n"
    )
    pavilion = _holding(draft_yaml(text, small), "inaugurera le pavillon")
    assert any("sur ce pavillon" in item["quote"] for item in pavilion["evidence"])


def test_a_caption_under_a_photo_credit_line_is_no_quote(small: FactBase) -> None:
    text = DATED + (
        "La Turquie a livré des drones à la Géorgie en mai 2021.\n\n"
        "PHOTO JEAN DUPONT, ARCHIVES AGENCE EXEMPLE\n\n"
        "Le drone turc Kuzgun, montré à l'usine de Turkish Aerospace, à Ankara, en Turquie.\n\n"
        "La Géorgie et la Turquie ont signé un accord de défense en juin 2021.\n"
    )
    data = draft_yaml(text, small)
    quotes = [item["quote"] for entry in drafted_entries(data) for item in entry["evidence"]]
    assert not any("Kuzgun" in quote or "PHOTO" in quote for quote in quotes)
    noise = " ".join(str(item) for item in data["sources"][0]["draft"]["noise"])
    assert "Kuzgun" in noise and "PHOTO JEAN DUPONT" in noise


def test_a_date_split_as_yyyymm_then_dd_in_the_address_is_read(small: FactBase) -> None:
    text = (
        "# URL : https://www.exemple.ca/international/202104/08/01-123-la-georgie.php\n"
        "La Géorgie a entamé jeudi des manœuvres avec la Turquie.\n"
    )
    data = draft_yaml(text, small)
    published = data["sources"][0]["draft"]["published"]
    assert published["value"] == "2021-04-08"
    exercise = _holding(data, "a entamé jeudi")
    assert exercise["date"] == "2021-04-08"
    assert exercise["date_basis"] == "déduit"


def test_prose_right_after_a_photo_credit_line_stays_prose(small: FactBase) -> None:
    text = DATED + (
        "La Turquie a livré des drones à la Géorgie en mai 2021.\n\n"
        "PHOTO ARCHIVES AGENCE EXEMPLE\n\n"
        "Un exercice militaire turco-géorgien avait déjà eu lieu en février dernier.\n"
    )
    exercise = _holding(draft_yaml(text, small), "avait déjà eu lieu")
    assert exercise["type"] == "exercice"
