"""The classes the twenty-third and twenty-fourth newcomers corrected by hand (issue 23), each
on a short article of our own, drafted against the fixture base (tests/fixtures/draft_base/) —
never the shipped content: a ceremony, a visit and its meetings one event; each speaker his own
declaration; the speaker's country; the page's metadata lines."""

from __future__ import annotations

import shutil
from pathlib import Path

from bot.content.loader import load_factbase
from bot.content.model import FactBase
from tests.draft_helpers import FIXTURE, draft_yaml, drafted_entries, entry_holding, small_base


def _with_nato(tmp_path: Path) -> FactBase:
    """The fixture base with NATO among its organisations."""
    shutil.copytree(FIXTURE, tmp_path / "base")
    actors = tmp_path / "base" / "content" / "actors.yaml"
    actors.write_text(
        actors.read_text(encoding="utf-8")
        + "  - id: otan\n    name: OTAN\n    full_name: Organisation du traité de l'Atlantique"
        " nord\n    kind: organisation\n",
        encoding="utf-8",
    )
    return load_factbase(tmp_path / "base" / "content", tmp_path / "base" / "seeds")


CEREMONY = (
    "# Date : 2025-10\n"
    "Bakou, 30 octobre, AZERTAC\n\n"
    "Les exercices conjoints des forces spéciales « Steppe 2025 », effectués en Azerbaïdjan avec "
    "la participation des forces spéciales de l'armée azerbaïdjanaise et des forces spéciales du "
    "Kazakhstan, se sont achevés le 30 octobre.\n\n"
    "Lors de la cérémonie de clôture, une minute de silence a été observée en hommage aux "
    "martyrs des deux pays. Les hymnes nationaux de l'Azerbaïdjan et du Kazakhstan ont "
    "retenti, et les drapeaux nationaux ont été hissés.\n\n"
    "Les intervenants ont souligné le développement fructueux de la coopération entre les "
    "forces spéciales azerbaïdjanaises et kazakhes.\n"
)


def test_a_closing_ceremony_s_course_joins_the_exercise_it_closes() -> None:
    data = draft_yaml(CEREMONY, small_base())
    entry = entry_holding(data, "se sont achevés le 30 octobre")
    quotes = " ".join(item["quote"] for item in entry["evidence"])
    for words in ("cérémonie de clôture", "Les hymnes nationaux", "Les intervenants"):
        assert words in quotes, (words, entry["evidence"])
    assert len(drafted_entries(data)) == 1, drafted_entries(data)
    assert entry["type"] == "exercice" and sorted(entry["actors"]) == ["AZ", "KZ"], entry


def test_a_declared_position_is_no_announced_act() -> None:
    text = (
        "Le ministre azerbaïdjanais de la Défense a déclaré que les forces armées turques "
        "étaient l'une des armées les plus puissantes du monde.\n\n"
        "Le ministère turc de la Défense a annoncé un exercice conjoint avec l'Azerbaïdjan.\n"
    )
    data = draft_yaml(text, small_base())
    declared = entry_holding(data, "a déclaré que les forces")
    assert declared["draft"].get("act") != "annoncé", declared
    announced = entry_holding(data, "a annoncé un exercice")
    assert announced["draft"].get("act") == "annoncé", announced


def test_a_page_store_s_date_line_is_metadata_never_the_outlet_nor_in_a_quote() -> None:
    day = draft_yaml(
        " date 2025-10-30 Bakou, 30 octobre, AZERTAC\n\n" + CEREMONY[36:], small_base()
    )
    noise = day["sources"][0]["draft"]["noise"]
    assert {"kind": "stamp", "text": "date 2025-10-30"} in noise, noise
    assert day["sources"][0]["outlet"] != "date 2025-10-30", day["sources"][0]
    run_on = draft_yaml(
        "# Date : 2021-02\n date 2021-02 Alors qu'il était à Kars, le ministre azerbaïdjanais de "
        "la Défense a déclaré que les forces armées turques étaient puissantes.\n",
        small_base(),
    )
    assert {"kind": "stamp", "text": "date 2021-02"} in run_on["sources"][0]["draft"]["noise"], (
        run_on["sources"]
    )
    quotes = [item["quote"] for entry in drafted_entries(run_on) for item in entry["evidence"]]
    assert quotes and all(not quote.startswith("date") for quote in quotes), quotes


def test_son_pays_is_the_country_of_the_speaker_named_by_his_nationality() -> None:
    text = (
        "Évoquant la situation dans la région, le ministre azerbaïdjanais a mis en valeur "
        "l'importance du règlement du conflit entre l'Arménie et l'Azerbaïdjan dans le cadre de "
        "l'intégrité territoriale de son pays.\n"
    )
    data = draft_yaml(text, small_base())
    entry = entry_holding(data, "intégrité territoriale de son pays")
    resolved = {item["words"]: item["actor"] for item in entry["draft"].get("resolved", [])}
    assert resolved.get("son pays") == "AZ", entry["draft"]


def test_an_organisation_s_commander_brings_the_organisation(tmp_path: Path) -> None:
    text = (
        "# Date : 2018-04\n"
        "Bakou, 20 avril, AZERTAC\n\n"
        "Le ministre azerbaïdjanais de la Défense, Zakir Hassanov, a rencontré ce vendredi la "
        "délégation conduite par le général Curtis M. Scaparrotti, commandant suprême des forces "
        "alliées en Europe (SACEUR).\n"
    )
    data = draft_yaml(text, _with_nato(tmp_path))
    entry = entry_holding(data, "a rencontré ce vendredi")
    assert sorted(entry["actors"]) == ["AZ", "otan"], entry


TWO_SPEAKERS = (
    "# Date : 2018-04\n"
    "Bakou, 20 avril, AZERTAC\n\n"
    "Le colonel-général Zakir Hassanov, ministre azerbaïdjanais de la Défense, a rencontré ce "
    "vendredi le ministre kazakh de la Défense, Ruslan Zhaksylykov.\n\n"
    "Zakir Hassanov a abordé la coopération militaire entre l'Azerbaïdjan et le Kazakhstan et "
    "les programmes de formation communs.\n\n"
    "Le général Ruslan Zhaksylykov a particulièrement souligné que l'Azerbaïdjan était un "
    "partenaire fiable du Kazakhstan. Il a hautement apprécié la participation de "
    "l'Azerbaïdjan aux exercices communs.\n"
)


def test_the_host_s_topics_join_the_meeting_and_the_guest_speaks_apart() -> None:
    data = draft_yaml(TWO_SPEAKERS, small_base())
    meeting = entry_holding(data, "a rencontré ce vendredi")
    quotes = " ".join(item["quote"] for item in meeting["evidence"])
    assert "Zakir Hassanov a abordé" in quotes, meeting["evidence"]
    assert "Zhaksylykov a particulièrement souligné" not in quotes, meeting["evidence"]
    guest = entry_holding(data, "Zhaksylykov a particulièrement souligné")
    assert "Il a hautement apprécié" in " ".join(item["quote"] for item in guest["evidence"])


VISIT = (
    "L'AZERBAÏDJAN ET LE KAZAKHSTAN DÉVELOPPENT LEUR COOPÉRATION MILITAIRE\n\n"
    "21 Mai 2025 00:21 (UTC+01:00)\n\n"
    "La direction du ministère de la Défense de la République d'Azerbaïdjan est en visite "
    "officielle à Astana, au Kazakhstan.\n\n"
    "Dans le cadre de la visite, le ministre de la Défense de la République d'Azerbaïdjan, Zakir "
    "Hassanov, a rencontré le ministre de la Défense du Kazakhstan, Ruslan Zhaksylykov.\n\n"
    "Les parties ont salué le haut niveau des relations bilatérales et ont échangé sur les "
    "perspectives de coopération militaire.\n\n"
    "Lors de la visite officielle, le vice-ministre de la Défense de la République "
    "d'Azerbaïdjan, Aqil Gourbanov, et le directeur général du ministère kazakh de la Défense "
    "ont discuté des plans visant à élargir la coopération militaro-technique.\n"
)


def test_a_visit_and_its_meeting_are_one_event_the_deputies_talks_another() -> None:
    data = draft_yaml(VISIT, small_base())
    visit = entry_holding(data, "est en visite officielle")
    quotes = " ".join(item["quote"] for item in visit["evidence"])
    assert "Dans le cadre de la visite" in quotes and "Les parties ont salué" in quotes, visit
    assert "vice-ministre" not in quotes, visit["evidence"]
    # an undated meeting in a dated article: a reunion, reported on the article's day
    assert (visit["type"], visit["date"], visit["date_basis"]) == (
        "reunion",
        "2025-05-21",
        "rapporté",
    ), visit
    talks = entry_holding(data, "le vice-ministre de la Défense")
    assert (talks["type"], talks["date_basis"]) == ("reunion", "rapporté"), talks


def test_a_named_person_s_words_in_a_dated_dispatch_are_his_declaration() -> None:
    data = draft_yaml(TWO_SPEAKERS, small_base())
    guest = entry_holding(data, "Zhaksylykov a particulièrement souligné")
    assert (guest["type"], guest["date"], guest["date_basis"]) == (
        "declaration",
        "2018-04-20",
        "rapporté",
    ), guest


TWO_COUNTRIES = (
    "En déplacement dans le Caucase du Sud cette semaine, le représentant spécial du secrétaire "
    "général de l'OTS, Javier Colomina, s'est rendu en Arménie et en Azerbaïdjan dans le cadre "
    "des consultations politiques qu'il mène avec ces deux partenaires.\n"
    "En Arménie, M. Colomina a rencontré le premier ministre, Nikol Pachinian, et d'autres "
    "responsables. En Azerbaïdjan, il s'est entretenu avec le ministre des Affaires "
    "étrangères, Jeyhun Bayramov.\n"
    "M. Colomina et ses interlocuteurs ont également abordé des questions de sécurité "
    "régionale, notamment la situation dans le corridor de Latchine. Le représentant spécial a "
    "insisté sur l'importance de la liberté de circulation.\n"
)


def test_a_visit_to_two_countries_and_its_meetings_one_fact_its_other_topic_another() -> None:
    data = draft_yaml(TWO_COUNTRIES, small_base())
    visit = entry_holding(data, "s'est rendu en Arménie et en Azerbaïdjan")
    assert {"AM", "AZ", "ots"} <= set(visit["actors"]), visit  # both countries visited
    quotes = " ".join(item["quote"] for item in visit["evidence"])
    assert "En Arménie, M. Colomina" in quotes and "En Azerbaïdjan, il" in quotes, quotes
    # the corridor and what the envoy insisted on: a fact of their own, never set aside
    topic = entry_holding(data, "corridor de Latchine")
    assert "Latchine" not in quotes, visit["evidence"]
    assert "Le représentant spécial a insisté" in " ".join(i["quote"] for i in topic["evidence"])
    assert {"AM", "AZ", "ots"} <= set(topic["actors"]), topic
    skipped = " ".join(str(item) for item in data["draft"].get("skipped", []))
    assert "Latchine" not in skipped and "insisté" not in skipped, skipped


def test_the_dateline_that_gives_the_lead_s_day_is_its_key_quote() -> None:
    data = draft_yaml(TWO_SPEAKERS, small_base())
    meeting = entry_holding(data, "a rencontré ce vendredi")
    assert meeting["evidence"][0] == {
        "source": "essai",
        "quote": "Bakou, 20 avril, AZERTAC",
        "key": True,
    }, meeting["evidence"]
    assert (meeting["date"], meeting["date_basis"]) == ("2018-04-20", "déduit"), meeting
    guest = entry_holding(data, "Zhaksylykov a particulièrement souligné")
    assert all("AZERTAC" not in item["quote"] for item in guest["evidence"]), guest


def test_a_law_adopted_in_a_past_year_is_a_measure() -> None:
    text = (
        "Contexte\n"
        "Adopté en 1992, l'amendement 907 limitait l'octroi d'une aide directe au gouvernement "
        "azerbaïdjanais. En 2001, le Parlement britannique a accordé au gouvernement le pouvoir "
        "de suspendre temporairement son application sous certaines conditions.\n"
    )
    data = draft_yaml(text, small_base())
    for words, year in (("Adopté en 1992", "1992"), ("En 2001", "2001")):
        entry = entry_holding(data, words)
        assert (entry.get("type"), entry.get("date")) == ("mesure", year), entry


def test_le_meme_jour_joins_the_sentence_that_gives_that_day() -> None:
    text = (
        "Le ministre des Affaires étrangères, Djeyhoun Bayramov, a déclaré lors d'une réunion "
        "du Cabinet le 26 août que la décision ouvre une nouvelle étape de coopération entre "
        "l'Azerbaïdjan et le Royaume-Uni.\n"
        "Le même jour, le ministre de l'Économie, Mikayil Djabbarov, a noté que les relations "
        "avec le Royaume-Uni connaissent une nouvelle dynamique.\n"
    )
    data = draft_yaml(text, small_base())
    entry = entry_holding(data, "a déclaré lors d'une réunion")
    assert "Le même jour" in " ".join(item["quote"] for item in entry["evidence"]), entry


def test_a_place_is_never_proposed_as_a_new_country_a_visited_host_is() -> None:
    from bot.draft.build import draft_article

    place = (
        "Le ministre azerbaïdjanais de la Défense a évoqué avec le ministre kazakh la "
        "contribution de leurs soldats à la mission « Soutien résolu » en Afghanistan.\n"
    )
    assert "AF" not in draft_article(place, "essai.txt", small_base()).new_countries
    visit = (
        "Le ministre azerbaïdjanais de la Défense, Zakir Hassanov, s'est rendu en Géorgie pour "
        "une visite officielle de deux jours.\n"
    )
    drafted = draft_article(visit, "essai.txt", small_base())
    assert "GE" in drafted.new_countries, drafted.new_countries
