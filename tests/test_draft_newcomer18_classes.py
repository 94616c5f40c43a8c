"""The classes an eighteenth newcomer corrected by hand (issue 23), each on a short article of
our own, drafted against the fixture base (tests/fixtures/draft_base/) — never the shipped
content: what a meeting or an exercise just named did, told without actor, date or number
(« Un large échange de vues a eu lieu … », « Les vols ont été précédés d'un briefing … »),
joins it instead of being set aside."""

from __future__ import annotations

from tests.draft_helpers import draft_yaml, entry_holding, small_base

# -- what happened at the meeting or exercise just named joins it ----------------------------

MEETING = (
    "Le ministre azerbaïdjanais de la Défense a rencontré le ministre turc de la Défense le "
    "29 octobre 2019.\n"
    "Les discussions ont porté sur les perspectives de la coopération militaire.\n"
    "Un large échange de vues a eu lieu sur le renforcement des relations dans le domaine "
    "technico-militaire.\n"
)


def test_an_exchange_of_views_joins_the_meeting_just_named() -> None:
    data = draft_yaml(MEETING, small_base())
    meeting = entry_holding(data, "a rencontré")
    quotes = [item["quote"] for item in meeting["evidence"] if item["key"]]
    assert any("échange de vues" in quote for quote in quotes)
    assert not (data.get("draft") or {}).get("skipped")


FLIGHTS = (
    "Les forces aériennes azerbaïdjanaises et turques ont mené des exercices tactiques "
    "conjoints à Konya le 7 septembre 2021.\n"
    "Les vols ont été précédés d'un briefing sur le plan d'opération et les conditions "
    "techniques.\n"
)


def test_the_briefing_before_the_flights_joins_the_exercise() -> None:
    data = draft_yaml(FLIGHTS, small_base())
    exercise = entry_holding(data, "exercices tactiques")
    assert any("briefing" in item["quote"] for item in exercise["evidence"])
    assert not (data.get("draft") or {}).get("skipped")


def test_a_sentence_without_the_event_s_words_stays_aside() -> None:
    data = draft_yaml(
        MEETING.replace(
            "Un large échange de vues a eu lieu sur le renforcement des relations dans le "
            "domaine technico-militaire.",
            "Le temps était pluvieux et froid pendant toute la semaine dans la capitale.",
        ),
        small_base(),
    )
    meeting = entry_holding(data, "a rencontré")
    assert not any("pluvieux" in item["quote"] for item in meeting["evidence"])


# -- a mission deployed on one side of a border; the communiqué told on ----------------------

MISSION = (
    "# URL : https://exemple.fr/monde/2023/02/20/mission.html\n"
    "L'Union européenne a commencé lundi à déployer une mission d'observation à la frontière "
    "entre l'Arménie et l'Azerbaïdjan, deux pays en conflit depuis plus de trente ans.\n"
    "« L'Union européenne lance aujourd'hui une mission civile », a annoncé le Conseil européen "
    "dans un communiqué, précisant que ses observateurs seraient déployés du côté arménien de la "
    "frontière.\n"
    "Forte d'une centaine de membres, la mission comprendra notamment « 50 observateurs "
    "non-armés », selon la même source.\n"
)


def test_a_mission_starting_to_deploy_is_a_foundation_not_a_conflict() -> None:
    event = entry_holding(draft_yaml(MISSION, small_base()), "a commencé lundi")
    assert event["type"] == "fondation"


def test_the_country_across_the_border_where_a_mission_deploys_is_no_party() -> None:
    data = draft_yaml(MISSION, small_base())
    for words in ("a commencé lundi", "a annoncé le Conseil"):
        entry = entry_holding(data, words)
        assert "AM" in entry["actors"]
        assert "AZ" not in entry["actors"]


def test_a_sentence_told_by_the_same_source_joins_the_declaration() -> None:
    data = draft_yaml(MISSION, small_base())
    declaration = entry_holding(data, "a annoncé le Conseil")
    assert declaration["type"] == "declaration"
    assert any("selon la même source" in item["quote"] for item in declaration["evidence"])
    assert not any(
        "selon la même source" in item["quote"]
        for entry in data.get("facts") or []
        for item in entry["evidence"]
    )


def test_without_a_side_both_border_countries_stay() -> None:
    data = draft_yaml(
        MISSION.replace("du côté arménien de la frontière", "sur place"), small_base()
    )
    entry = entry_holding(data, "a commencé lundi")
    assert {"AM", "AZ"} <= set(entry["actors"])


# -- the outlet of a copyright line; a medium the lead credits --------------------------------


def test_an_outlet_named_only_in_a_copyright_line_is_the_outlet() -> None:
    source = draft_yaml(MISSION + "© Copyright Exemple\n", small_base())["sources"][0]
    assert source["outlet"] == "Exemple"
    assert "outlet_basis" not in source  # the article's words, not the address


def test_a_copyright_line_of_another_site_is_not_the_outlet() -> None:
    source = draft_yaml(MISSION + "© Copyright Autrejournal\n", small_base())["sources"][0]
    assert source["outlet"] == "exemple.fr"


RELAYED = (
    "# URL : https://www.exemple.com/spip.php?article=83069\n"
    "Les forces aériennes azerbaïdjanaises et turques poursuivent des exercices conjoints à "
    "Konya, rapporte le site azerbaïdjanais Trend le 7 septembre en se référant au ministère "
    "azerbaïdjanais de la Défense.\n"
    "Les pilotes des deux pays ont effectué des vols de combat en plein jour.\n"
)


def test_a_medium_the_lead_credits_is_relayed_from() -> None:
    source = draft_yaml(RELAYED, small_base())["sources"][0]
    assert source["relayed_from"] == "Trend (se référant au ministère azerbaïdjanais de la Défense)"


def test_a_medium_quoted_further_down_is_not_relayed_from() -> None:
    text = RELAYED.replace(
        ", rapporte le site azerbaïdjanais Trend le 7 septembre en se "
        "référant au ministère azerbaïdjanais de la Défense",
        "",
    ) + ("« Les vols continuent », indique l'agence Trend, citant le ministère.\n")
    assert not draft_yaml(text, small_base())["sources"][0].get("relayed_from")


# -- what happens inside the exercise just told is the exercise's own -------------------------

INSIDE = FLIGHTS + (
    "Dans le cadre d'une opération conjointe, les pilotes azerbaïdjanais et turcs ont détruit "
    "les systèmes de défense aérienne de l'ennemi simulé.\n"
    "Les pilotes azerbaïdjanais participent aux exercices sur des avions d'attaque Su-25.\n"
)


def test_what_the_pilots_do_in_the_exercise_joins_it() -> None:
    data = draft_yaml(INSIDE, small_base())
    exercise = entry_holding(data, "exercices tactiques")
    quotes = " ".join(item["quote"] for item in exercise["evidence"])
    assert "opération conjointe" in quotes and "Su-25" in quotes
    assert not data.get("facts")


def test_a_figure_told_after_the_exercise_stays_its_own_fact() -> None:
    data = draft_yaml(
        FLIGHTS + "Les exercices réunissent plus de 3000 militaires des deux armées.\n",
        small_base(),
    )
    exercise = entry_holding(data, "exercices tactiques")
    assert not any("3000" in item["quote"] for item in exercise["evidence"])


def test_a_meeting_ending_with_the_signing_of_a_plan_is_linked_to_it() -> None:
    data = draft_yaml(
        MEETING + "La rencontre s'est soldée par la signature du Plan de coopération militaire "
        "bilatérale pour 2020 entre les ministères de la défense de l'Azerbaïdjan et de la "
        "Turquie.\n",
        small_base(),
    )
    meeting = entry_holding(data, "a rencontré")
    plan = entry_holding(data, "s'est soldée")
    assert plan in (data.get("agreements") or [])
    assert meeting.get("agreements") == [plan["id"]]


def test_a_meeting_is_not_linked_to_an_agreement_it_did_not_end_with() -> None:
    data = draft_yaml(
        MEETING + "En 2018, l'Azerbaïdjan et la Turquie avaient signé un accord de coopération "
        "militaire.\n",
        small_base(),
    )
    assert not entry_holding(data, "a rencontré").get("agreements")


NAMED = (
    "Les forces aériennes azerbaïdjanaises et turques poursuivent les exercices tactiques "
    "conjoints « Faucon - 2021 ».\n"
    "Les pilotes des deux pays ont effectué des vols de combat en plein jour.\n"
    "Les exercices dureront jusqu'au 17 septembre.\n"
)


def test_the_end_of_a_named_exercise_is_an_exercise_dated_by_the_name_s_year() -> None:
    data = draft_yaml(NAMED, small_base())
    end = entry_holding(data, "dureront")
    assert end in (data.get("events") or [])
    assert end["type"] == "exercice"
    assert (end["date"], end["date_basis"]) == ("2021-09-17", "déduit")
    assert "Faucon - 2021" in end["date_reason"]
    assert set(end["actors"]) == {"AZ", "TR"}
    assert end["tense"] == "futur"
    assert any("Faucon - 2021" in item["quote"] for item in end["evidence"])


def test_without_a_name_s_year_the_end_stays_an_undated_constat() -> None:
    data = draft_yaml(NAMED.replace(" « Faucon - 2021 »", ""), small_base())
    end = entry_holding(data, "dureront")
    assert end not in (data.get("events") or [])
