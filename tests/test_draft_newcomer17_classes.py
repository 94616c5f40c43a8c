"""The classes a seventeenth newcomer corrected by hand (issue 23), each on a short article of
our own, drafted against the fixture base (tests/fixtures/draft_base/) — never the shipped
content: a fair's opening told over many sentences (one event with its attendees, one constat
of what was shown), an announcement of a named exercise (a declaration reported on the
article's day; the exercise dated by its name), the programme of the exercise just named, a
reception that is no delivery, the note of a month the curator gave, and the lead a shortened
text puts first for « prévu »."""

from __future__ import annotations

from bot.draft.analyse import act_of
from bot.text import MODALS, fold, keeps_modality, short_label
from tests.draft_helpers import draft_yaml, drafted_entries, entry_holding, small_base

# -- an opening: one event with who attended, one constat of what was shown ------------------

FAIR = (
    "La cérémonie d'ouverture du 3e Salon international de la marine, CASPEX, a eu lieu au "
    "Centre des congrès de Bakou.\n"
    "Le président azerbaïdjanais a pris connaissance des stands du salon CASPEX-2023 et des "
    "navires exposés sur le quai.\n"
    "Le ministre de la Défense du Kazakhstan et le ministre de la Défense de Turquie ont "
    "également participé à l'événement.\n"
    "L'exposition a réuni des représentants d'entreprises et des délégations de vingt pays.\n"
    "L'Azerbaïdjan présente 60 types de navires et de drones à l'exposition.\n"
    "Étaient présentés à l'exposition des vedettes rapides, des drones de surface et un nouveau "
    "radar de fabrication azerbaïdjanaise.\n"
)


def test_an_opening_is_one_event_with_its_attendees_and_one_constat_of_what_was_shown() -> None:
    data = draft_yaml(FAIR, small_base())
    event = entry_holding(data, "La cérémonie d'ouverture")
    quotes = " ".join(item["quote"] for item in event["evidence"])
    assert event in (data.get("events") or [])
    assert event["type"] == "forum"
    for attended in ("a pris connaissance", "ont également participé", "a réuni"):
        assert attended in quotes
    assert {"AZ", "KZ", "TR"} <= set(event["actors"])  # foreign ministers attended it
    shown = entry_holding(data, "présente 60 types")
    assert shown is not event and shown in (data.get("facts") or [])
    assert any("Étaient présentés" in item["quote"] for item in shown["evidence"])
    assert not any("participé" in item["quote"] for item in shown["evidence"])
    assert "TR" not in shown["actors"] and "KZ" not in shown["actors"]
    assert len(drafted_entries(data)) == 2


def test_the_year_of_a_fair_s_name_dates_it_deduced() -> None:
    event = entry_holding(draft_yaml(FAIR, small_base()), "La cérémonie d'ouverture")
    assert event["date"] == "2023"
    assert event["date_basis"] == "déduit"
    assert "CASPEX-2023" in event["date_reason"]


def test_an_undated_opening_at_a_place_is_an_event_not_a_constat() -> None:
    data = draft_yaml(
        "Le ministre kazakh de la Défense a inauguré le nouveau centre d'entraînement naval "
        "d'Aktau, construit avec l'aide de l'Azerbaïdjan.\n",
        small_base(),
    )
    assert [entry["id"] for entry in data.get("events") or []]
    assert not data.get("facts")


# -- an announcement, the exercise it names, the exercise's programme -------------------------

EXERCISE = (
    "# URL : https://exemple.fr/news/42.html\n"
    "14 Mai 2024 10:00 (UTC+01:00)\n\n"
    "Les marins kazakhs se rendront en Azerbaïdjan pour participer aux exercices navals "
    'conjoints "Vent de la Caspienne - 2024", a annoncé le ministère kazakh de la Défense.\n\n'
    "Le Kazakhstan s'apprête à déployer deux corvettes et un navire de soutien dans le cadre "
    'des exercices navals conjoints "Vent de la Caspienne - 2024", qui se dérouleront dans le '
    "secteur azerbaïdjanais de la mer Caspienne.\n\n"
    "Des exercices de recherche et de sauvetage en mer sont prévus. Les équipages effectueront "
    "des exercices de défense aérienne et s'entraîneront au tir sur des cibles flottantes.\n"
)


def test_an_announcement_is_a_declaration_reported_on_the_article_s_day() -> None:
    data = draft_yaml(EXERCISE, small_base())
    announced = entry_holding(data, "a annoncé le ministère kazakh")
    assert announced["type"] == "declaration"
    assert announced["date"] == "2024-05-14"
    assert announced["date_basis"] == "rapporté"
    assert "nom" not in str(announced.get("date_reason"))  # the name's year is the exercise's


def test_the_exercise_an_announcement_names_is_the_exercise_dated_by_its_name() -> None:
    data = draft_yaml(EXERCISE, small_base())
    exercise = entry_holding(data, "s'apprête à déployer")
    assert exercise["type"] == "exercice"
    assert exercise["date"] == "2024"
    assert exercise["date_basis"] == "déduit"
    assert exercise["tense"] == "futur"


def test_the_programme_of_the_exercise_just_named_joins_it_as_key_quotes() -> None:
    data = draft_yaml(EXERCISE, small_base())
    exercise = entry_holding(data, "s'apprête à déployer")
    programme = [
        item
        for item in exercise["evidence"]
        if "sont prévus" in item["quote"] or "effectueront" in item["quote"]
    ]
    assert len(programme) == 2 and all(item["key"] for item in programme)
    assert not data["draft"]["skipped"]


def test_a_programme_sentence_far_from_any_exercise_stays_aside() -> None:
    text = EXERCISE.split("\n\nDes exercices")[0] + (
        "\n\nLe ministre kazakh a rappelé le rôle de la flotte.\n\nLa météo sera clémente.\n\n"
        "La presse locale a commenté la visite.\n\nLe port a été rénové l'an passé.\n\n"
        "Des exercices de recherche et de sauvetage en mer sont prévus.\n"
    )
    data = draft_yaml(text, small_base())
    exercise = entry_holding(data, "s'apprête à déployer")
    assert not any("sont prévus" in item["quote"] for item in exercise["evidence"])


# -- a reception, a month given by the curator ------------------------------------------------


def test_a_reception_by_a_prime_minister_is_no_delivery() -> None:
    assert act_of("Le ministre a été reçu par le Premier ministre kazakh à Astana.") is None
    assert act_of("Il a été reçu en audience par le président turc.") is None
    assert act_of("L'armée azerbaïdjanaise a reçu les drones commandés.") == "livre"


def test_the_source_note_says_the_curator_gave_the_month_only() -> None:
    data = draft_yaml(
        "# Date : 2022-03\nAstana, 21 mars, AZERTAC\n\n"
        "Le ministre azerbaïdjanais de la Défense a été reçu par le Premier ministre kazakh à "
        "Astana.\n",
        small_base(),
    )
    source = data["sources"][0]
    assert source["published"] == "2022-03-21"
    assert "mois donné par le curateur (2022-03)" in source["note"]
    assert "21 mars" in source["note"]
    event = entry_holding(data, "a été reçu par")
    assert event["draft"].get("act") is None


# -- the lead a shortened text puts first ------------------------------------------------------


def test_every_modality_lead_is_kept_by_a_text_that_puts_it_first() -> None:
    for lead, pattern in MODALS:
        assert pattern.search(f" {fold(lead)} "), lead


def test_a_summary_saying_sont_prevus_keeps_its_modality_when_shortened() -> None:
    summary = (
        "Le Kazakhstan déploiera deux corvettes et un navire de soutien en mer Caspienne. "
        "Des exercices de sauvetage sont prévus."
    )
    short = short_label(summary)
    assert short.startswith("Prévision")
    assert keeps_modality(summary, short)
