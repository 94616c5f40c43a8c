"""The classes every newcomer's log corrected by hand (issue 23, task i23zc), each on short
articles of our own written for this file — never the bench's nor the shipped content — drafted
against the fixture base (tests/fixtures/draft_base/): grouping (« Selon la même source »
after a meeting, the writer's analysis kept apart), kind (an announcement in the passive, a
fair that « s'est ouvert »), actors (a meeting's city, a pipeline's towns, a destination), tense
(a reported future, a present state, « Selon l'article ») and dates (a year that names what is
spoken of, an exercise's name in the talks, « la semaine dernière »)."""

from __future__ import annotations

from typing import Any

from bot.draft.tenses import present_state, reported_future
from tests.draft_helpers import draft_yaml, drafted_entries, entry_holding, small_base


def _drafted(text: str) -> dict[str, Any]:
    return draft_yaml(text, small_base())


def _key_quotes(entry: dict[str, Any]) -> list[str]:
    return [item["quote"] for item in entry["evidence"] if item["key"]]


# -- grouping ----------------------------------------------------------------------------------

RECEPTION = (
    "# Date : 2022-05\n"
    "Bakou, 12 mai, AZERTAC\n\n"
    "Le ministre azerbaïdjanais de la Défense a reçu une délégation turque conduite par le chef "
    "d'état-major des forces armées turques.\n\n"
    "Au cours de l'entretien, les parties ont passé en revue les perspectives de la coopération "
    "militaire.\n\n"
    "Selon la même source, les deux parties ont évoqué l'organisation d'entraînements communs.\n"
)


def test_the_same_source_after_a_meeting_is_more_of_that_meeting() -> None:
    data = _drafted(RECEPTION)
    meeting = entry_holding(data, "a reçu une délégation")
    assert meeting["type"] == "reunion"
    assert any("Selon la même source" in quote for quote in _key_quotes(meeting))
    assert len(drafted_entries(data)) == 1


def test_the_same_source_with_a_day_of_its_own_stays_apart() -> None:
    data = _drafted(
        RECEPTION.replace(
            "Selon la même source, les deux parties",
            "Selon la même source, les deux parties ont signé le 14 mai un protocole et",
        )
    )
    (meeting,) = data["events"]
    assert meeting["type"] == "reunion"
    assert not any("Selon la même source" in quote for quote in _key_quotes(meeting))
    assert entry_holding(data, "ont signé le 14 mai")["act"] == "signe"


ANALYSIS = (
    "# Date : 2024-02-10\n"
    "Le ministre turc a expliqué que son pays voyait dans l'Azerbaïdjan un partenaire fiable et "
    "que la coopération militaire devenait une priorité.\n\n"
    "Cette coopération reste toutefois modeste par rapport aux liens qui unissent Bakou et "
    "Astana.\n\n"
    "L'Azerbaïdjan dispose d'une des armées les mieux équipées du Caucase du Sud.\n"
)


def test_the_writer_s_present_analysis_never_joins_a_speaker_s_words() -> None:
    data = _drafted(ANALYSIS)
    statement = entry_holding(data, "a expliqué que")
    assert not any("reste toutefois" in quote for quote in _key_quotes(statement))
    analysis = entry_holding(data, "reste toutefois")
    assert analysis["tense"] == "présent"
    assert "Selon l'article" in analysis["draft"]["voice"]


def test_one_country_s_state_is_not_joined_on_a_shared_actor_alone() -> None:
    data = _drafted(ANALYSIS)
    army = entry_holding(data, "dispose d'une des armées")
    assert not any("reste toutefois" in quote for quote in _key_quotes(army))


def test_a_said_constat_gets_no_article_voice_note() -> None:
    statement = entry_holding(_drafted(ANALYSIS), "a expliqué que")
    assert "voice" not in statement["draft"]


def test_what_a_meeting_discussed_joins_it_even_naming_a_dated_exercise() -> None:
    data = _drafted(
        "# Date : 2023-09\n"
        "Bakou, 20 septembre, AZERTAC\n\n"
        "Le ministre azerbaïdjanais de la Défense s'est entretenu lundi avec son homologue "
        "kazakh à Astana.\n\n"
        "Les deux ministres ont abordé la préparation de l'exercice « Birlestik - 2023 ».\n"
    )
    meeting = entry_holding(data, "s'est entretenu lundi")
    assert any("Birlestik" in quote for quote in _key_quotes(meeting))
    assert meeting["date"] == "2023-09-18"
    assert not data.get("events")[1:]


# -- kind --------------------------------------------------------------------------------------

CASPIAN = (
    "# Date : 2022-09-20\n"
    "Les forces navales azerbaïdjanaises et kazakhes mèneront les 22-23 septembre l'exercice "
    "« Caspian Shield - 2022 » en mer Caspienne.\n\n"
    "L'exercice avait été annoncé le 10 septembre par le ministère kazakh de la Défense.\n"
)


def test_an_announcement_in_the_passive_is_a_declaration_not_the_exercise() -> None:
    data = _drafted(CASPIAN)
    assert entry_holding(data, "avait été annoncé")["type"] == "declaration"
    exercise = entry_holding(data, "mèneront les 22-23")
    assert exercise["type"] == "exercice"
    assert exercise["date"] == "2022-09-22/2022-09-23"


def test_an_exercise_that_was_held_stays_an_exercise() -> None:
    data = _drafted(CASPIAN.replace("avait été annoncé", "avait été mené"))
    assert entry_holding(data, "avait été mené")["type"] == "exercice"


FAIR = (
    "# Date : 2023-10-05\n"
    "Bakou, 5 octobre (AFP)\n\n"
    "Le salon international de défense ADEX-2023 s'est ouvert mercredi au Centre d'exposition "
    "de Bakou.\n\n"
    "Le ministre azerbaïdjanais de la Défense et le vice-ministre turc de la Défense ont assisté "
    "à la cérémonie.\n\n"
    "Plus de 200 entreprises de 30 pays présentent leurs produits lors du salon.\n"
)


def test_a_fair_that_opened_on_a_day_is_an_event_with_who_attended() -> None:
    data = _drafted(FAIR)
    fair = entry_holding(data, "s'est ouvert mercredi")
    assert fair["type"] == "forum"
    assert any("ont assisté" in quote for quote in _key_quotes(fair))
    assert sorted(fair["actors"]) == ["AZ", "TR"]
    shown = entry_holding(data, "présentent leurs produits")
    assert shown is not fair


def test_a_standing_state_since_a_year_is_a_present_constat() -> None:
    data = _drafted(
        "# Date : 2022-05-12\n"
        "Depuis 2015, l'Azerbaïdjan forme des officiers turcs dans ses académies militaires.\n"
    )
    state = entry_holding(data, "Depuis 2015")
    assert state in (data.get("facts") or [])
    assert state["tense"] == "présent"


def test_a_year_that_opens_a_done_act_still_dates_it() -> None:
    data = _drafted(
        "# Date : 2022-05-12\n"
        "Depuis 2015, l'Azerbaïdjan a formé plus de 300 officiers turcs dans ses académies.\n"
    )
    assert entry_holding(data, "Depuis 2015") not in (data.get("facts") or [])


# -- actors ------------------------------------------------------------------------------------


def test_the_city_a_meeting_is_held_in_is_a_place_not_a_party() -> None:
    data = _drafted(
        "# Date : 2023-03-08\n"
        "Les ministres de la Défense de l'Azerbaïdjan et du Kazakhstan se réunissent les 7-8 "
        "mars à Londres.\n"
    )
    meeting = entry_holding(data, "se réunissent")
    assert sorted(meeting["actors"]) == ["AZ", "KZ"]
    assert [place["id"] for place in meeting["draft"]["places"]] == ["GB"]
    assert meeting["date"] == "2023-03-07/2023-03-08"


def test_a_pipeline_s_towns_and_a_destination_are_no_parties() -> None:
    data = _drafted(
        "# Date : 2019-04-05\n"
        "Le ministre kazakh a salué le rôle de l'oléoduc Bakou-Tbilissi-Ceyhan pour "
        "l'Azerbaïdjan.\n\n"
        "L'Azerbaïdjan a permis le transit de matériel kazakh à destination de l'Arménie.\n"
    )
    pipeline = entry_holding(data, "oléoduc")
    assert "TR" not in (pipeline.get("actors") or [])
    transit = entry_holding(data, "à destination de")
    assert "AM" not in (transit.get("actors") or [])
    assert "AM" in [place["id"] for place in transit["draft"]["places"]]


def test_a_hyphenated_country_name_outside_a_route_is_still_read() -> None:
    data = _drafted(
        "# Date : 2019-04-05\n"
        "Le ministre kazakh a reçu le 4 avril son homologue turc, venu de l'Azerbaïdjan.\n"
    )
    assert "TR" in entry_holding(data, "homologue turc")["actors"]


# -- tense -------------------------------------------------------------------------------------


def test_a_future_reported_in_the_past_is_a_future_not_a_conditional() -> None:
    data = _drafted(
        "# Date : 2021-06-15\n"
        "Le ministère turc de la Défense a annoncé que des unités turques participeraient aux "
        "manœuvres conjointes avec l'Azerbaïdjan du 21 au 25 juin.\n"
    )
    assert entry_holding(data, "participeraient")["tense"] == "futur"


def test_a_modal_or_a_hearsay_conditional_stays_a_conditional() -> None:
    assert not reported_future("Il a déclaré que le pays pourrait acheter des drones.")
    assert not reported_future("Il a affirmé que Moscou aurait été informé.")
    assert not reported_future("Les unités participeraient aux exercices, selon la presse.")
    assert reported_future("Il a déclaré mardi que son pays soutiendrait Bakou.")


def test_a_present_state_is_read_and_a_past_is_not() -> None:
    assert present_state("Cette coopération reste modeste.")
    assert not present_state("Cette coopération est restée modeste.")
    assert not present_state("Le ministre a expliqué que son pays voyait un partenaire.")


# -- dates -------------------------------------------------------------------------------------


def test_a_year_naming_what_is_spoken_of_does_not_date_the_statement() -> None:
    data = _drafted(
        "# Date : 2023-11-14\n"
        "Le porte-parole du ministère kazakh a affirmé que le Kazakhstan restait attaché aux "
        "accords de 2020 avec l'Azerbaïdjan.\n"
    )
    statement = entry_holding(data, "accords de 2020")
    assert statement["type"] == "declaration"
    assert statement["date"] == "2023-11-14"
    assert statement["date_basis"] == "rapporté"


def test_a_year_after_a_time_word_still_dates_what_is_said() -> None:
    data = _drafted(
        "# Date : 2023-11-14\n"
        "Le ministre kazakh a déclaré que les exercices avec l'Azerbaïdjan auraient lieu à la "
        "fin de 2024.\n"
    )
    assert entry_holding(data, "fin de 2024")["date"] != "2023-11-14"


def test_last_week_is_the_calendar_week_before_the_article_s() -> None:
    data = _drafted(
        "# Date : 2021-09\n"
        "Bakou, 20 septembre, AZERTAC\n\n"
        "Les forces navales azerbaïdjanaises et kazakhes ont achevé la semaine dernière un "
        "exercice conjoint en mer Caspienne.\n"
    )
    assert entry_holding(data, "semaine dernière")["date"] == "2021-09-13/2021-09-19"


# -- a meeting's talks and what it ended with -------------------------------------------------

TALKS = (
    "# Date : 2024-04-18\n"
    "Bakou, 18 avril, AZERTAC\n\n"
    "Le ministre azerbaïdjanais de la Défense a rencontré mercredi son homologue kazakh en "
    "visite officielle à Bakou.\n\n"
    "Selon la même source, les parties ont également évoqué la tenue de l'exercice naval "
    "conjoint « Caspian Breeze - 2024 ».\n\n"
    "La rencontre s'est achevée par la signature d'un plan de coopération bilatérale pour "
    "2025.\n"
)


def test_an_exercise_the_parties_talked_of_is_part_of_their_meeting() -> None:
    data = _drafted(TALKS)
    (meeting,) = data["events"]
    assert any("Caspian Breeze" in quote for quote in _key_quotes(meeting))
    assert [event["type"] for event in data["events"]] == ["reunion"]


def test_a_plan_signed_at_the_end_of_a_meeting_has_the_meeting_s_parties_to_check() -> None:
    (plan,) = _drafted(TALKS)["agreements"]
    assert plan["act"] == "signe"
    assert sorted(plan["parties"]) == ["AZ", "KZ"]
    assert all("à vérifier" in item["note"] for item in plan["draft"]["resolved"])
    assert any("a rencontré mercredi" in item["quote"] for item in plan["evidence"])
