"""The draft on short articles of our own, one per class the newcomers still had to fix by hand
(issue 23): a short article's several events, two agreements in one sentence, an agreement
dated by the meeting it follows, one speech kept whole, the speaker's country, a year read
in a name, a headline. Runs on the fixture base (tests/fixtures/draft_base/), never on the
shipped content."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.content.loader import load_factbase
from bot.content.model import FactBase
from bot.content.yamlread import read_yaml
from bot.draft.article import Given
from bot.draft.build import draft_article, render_draft
from bot.draft.check_drafts import run_check_drafts
from tests.draft_helpers import drafted_entries

FIXTURE = Path(__file__).parent / "fixtures" / "draft_base"


@pytest.fixture(scope="module")
def small() -> FactBase:
    return load_factbase(FIXTURE / "content", FIXTURE / "seeds")


def _draft(
    text: str, base: FactBase, given: Given | None = None, path: str = "x"
) -> dict[str, Any]:
    draft = draft_article(text, "essai.txt", base, given=given)
    data = read_yaml(render_draft(draft, path))
    assert isinstance(data, dict)
    return data


_entries = drafted_entries


def _holding(data: dict[str, Any], words: str) -> list[dict[str, Any]]:
    """The candidates one of whose quotes holds ``words``."""
    return [
        entry
        for entry in _entries(data)
        if any(words in item["quote"] for item in entry["evidence"])
    ]


def _one(data: dict[str, Any], words: str) -> dict[str, Any]:
    found = _holding(data, words)
    assert len(found) == 1, [entry["id"] for entry in found]
    return found[0]


def _passes_check_drafts(data: dict[str, Any], folder: Path) -> tuple[int, str]:
    folder.mkdir(parents=True)
    (folder / "brouillon.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    out = io.StringIO()
    status = run_check_drafts(folder, FIXTURE / "content", FIXTURE / "seeds", out)
    return status, out.getvalue()


MEETING_THEN_PLAN = (
    "Bakou, 24 septembre, AZERTAC\n"
    "Le ministre azerbaïdjanais de la Défense a rencontré ce mardi son homologue kazakh à Bakou.\n"
    "Les ministres ont discuté des perspectives de la coopération militaire.\n"
    "A l'issue de la rencontre, les parties ont signé un plan de coopération militaire pour "
    "l'année 2026 entre les ministères de la Défense de l'Azerbaïdjan et du Kazakhstan, ainsi "
    "qu'un mémorandum entre les académies militaires.\n"
)


# --- 2. two agreements in one sentence --------------------------------------------------------


def test_a_memorandum_signed_alongside_a_plan_is_a_second_agreement(small):
    data = _draft(MEETING_THEN_PLAN, small, Given(date=date(2025, 9, 24)))
    signed = _holding(data, "ainsi qu'un mémorandum")
    assert [entry["kind"] for entry in signed] == ["plan", "memorandum"]
    plan, memorandum = signed
    assert plan["act"] == memorandum["act"] == "signe"
    assert plan["parties"] == memorandum["parties"] and set(plan["parties"]) == {"AZ", "KZ"}
    assert plan["period"] == "2026" and "period" not in memorandum
    assert plan["id"] != memorandum["id"]


# --- 3. an agreement signed at the end of an undated-by-itself meeting ------------------------


def test_a_plan_signed_a_l_issue_de_la_rencontre_takes_the_meetings_date_inferred(small, tmp_path):
    article = tmp_path / "essai.txt"
    article.write_text(MEETING_THEN_PLAN, encoding="utf-8")
    data = _draft(MEETING_THEN_PLAN, small, Given(date=date(2025, 9, 24)), str(article))
    meeting = _one(data, "a rencontré ce mardi")
    assert meeting["date"] == "2025-09-23"
    for agreement in _holding(data, "A l'issue de la rencontre"):
        assert agreement["date"] == "2025-09-23"
        assert agreement["date_basis"] == "déduit"
        assert agreement["date_text"] == "A l'issue de la rencontre"
        assert "rencontre" in agreement["date_reason"] and "ce mardi" in agreement["date_reason"]
        assert "ce mardi" in agreement["date_note"]
    status, report = _passes_check_drafts(data, tmp_path / "d")
    assert status == 0, report


def test_an_agreement_of_a_meeting_with_an_explicit_date_is_still_marked_inferred(small):
    text = (
        "Le 12 mars 2025, le ministre azerbaïdjanais a rencontré à Ankara son homologue de la "
        "Turquie.\n"
        "Lors de la visite, les deux pays ont signé un accord de coopération militaire.\n"
    )
    data = _draft(text, small)
    agreement = _one(data, "Lors de la visite")
    assert agreement["date"] == "2025-03-12"
    assert agreement["date_basis"] == "déduit"  # the sentence itself gives no date
    assert agreement["date_text"] == "Lors de la visite"


def test_without_a_dated_meeting_before_it_the_agreement_stays_undated(small):
    text = "A l'issue de la rencontre, l'Azerbaïdjan et la Turquie ont signé un accord militaire.\n"
    data = _draft(text, small)
    assert _one(data, "A l'issue")["date"] is None


# --- 4. one speech, one candidate -------------------------------------------------------------


def test_a_quotation_over_several_sentences_stays_whole(small):
    text = (
        "Le ministre turc de la Défense, Ali Demir, a salué la coopération avec l'Azerbaïdjan.\n"
        "« Nos armées s'entraînent ensemble depuis des années. Cela renforce la confiance. "
        "Nous irons plus loin », a-t-il ajouté.\n"
    )
    data = _draft(text, small)
    speech = _one(data, "Nos armées s'entraînent")
    quotes = [item["quote"] for item in speech["evidence"]]
    assert any("Cela renforce la confiance" in quote for quote in quotes)
    assert any("a-t-il ajouté" in quote for quote in quotes)
    assert any("a salué la coopération" in quote for quote in quotes)  # « il » is Ali Demir
    assert not data["draft"]["skipped"]


def test_a_quoted_sentence_with_a_full_date_of_its_own_stays_its_own_event(small):
    text = (
        "Le général azerbaïdjanais Kamal Aliev a parlé de la Turquie.\n"
        "“La Turquie est notre alliée. Elle nous a soutenus dès le début de l'offensive lancée "
        "le 27 septembre 2020”, a-t-il déclaré.\n"
    )
    data = _draft(text, small)
    dated = _one(data, "27 septembre 2020")
    assert dated["date"] == "2020-09-27"
    assert "La Turquie est notre alliée" not in " ".join(i["quote"] for i in dated["evidence"])


def test_a_pronoun_quotation_after_a_meeting_sentence_is_not_given_to_it(small):
    text = (
        "Les ministres de l'Azerbaïdjan et de la Turquie se sont réunis mercredi à Kars.\n"
        '"Cette attitude montre une arrogance sans bornes", a-t-il martelé devant la presse.\n'
    )
    data = _draft(text, small)
    assert len(_holding(data, "se sont réunis")) == 1
    assert "Cette attitude" not in " ".join(
        i["quote"] for i in _one(data, "se sont réunis")["evidence"]
    )


# --- 1. a short article holding several events ------------------------------------------------


def test_what_a_meeting_will_discuss_is_not_the_meeting_and_its_follow_up_is_not_set_aside(small):
    text = (
        "Les ministres de la Défense azerbaïdjanais, turc et kazakh se sont réunis à Bakou pour "
        "une rencontre trilatérale.\n"
        "Le ministre kazakh a parlé des liens entre les trois pays.\n"
        "La sécurité régionale et la protection des projets énergétiques de l'Azerbaïdjan et du "
        "Kazakhstan seront au centre de l'attention lors de la réunion tripartite.\n"
        "La protection des projets régionaux donnera de l'élan à la stabilité.\n"
    )
    data = _draft(text, small)
    meeting = _one(data, "se sont réunis")
    assert "seront au centre" not in " ".join(i["quote"] for i in meeting["evidence"])
    ahead = _one(data, "seront au centre")
    assert any("donnera de l'élan" in item["quote"] for item in ahead["evidence"])
    assert not data["draft"]["skipped"]


def test_the_lead_and_the_next_sentence_of_the_same_exercise_are_one_event(small):
    text = (
        "Les premiers exercices conjoints entre la Turquie et l'Azerbaïdjan ont débuté dimanche "
        "à Bakou.\n"
        "Les exercices « Anatolie – 2021 » ont débuté par une cérémonie d'ouverture.\n"
        "Le ministère azerbaïdjanais de la Défense a déclaré que 500 militaires y participent.\n"
    )
    data = _draft(text, small)
    exercise = _one(data, "Les premiers exercices")
    assert any("cérémonie d'ouverture" in item["quote"] for item in exercise["evidence"])
    assert exercise["type"] == "exercice"
    assert set(exercise["actors"]) == {"TR", "AZ"}
    # the ministry's statement is its own fact, not folded into the exercise
    assert _one(data, "500 militaires")["id"] != exercise["id"]


def test_a_lead_dated_by_ces_remarques_lors_de_la_reunion_is_one_event(small):
    text = (
        "De hauts responsables turcs et azerbaïdjanais soulignent la coopération entre les deux "
        "pays.\n"
        "Les généraux Ali Demir et Kamal Aliev ont fait ces remarques lors de la réunion de la "
        "commission militaire, tenue à Ankara le 18 novembre 2024.\n"
    )
    data = _draft(text, small)
    event = _one(data, "soulignent la coopération")
    assert any("ces remarques" in item["quote"] for item in event["evidence"])
    assert event["date"] == "2024-11-18"


def test_a_future_said_by_a_speaker_is_a_declaration_not_the_exercise(small):
    text = (
        "L'Azerbaïdjan et la Turquie vont procéder à des exercices militaires conjoints, a "
        "déclaré le 15 mai 2016 le ministre azerbaïdjanais de la Défense.\n"
    )
    data = _draft(text, small)
    entry = _one(data, "vont procéder")
    assert entry["type"] == "declaration"
    assert entry["draft"]["modality"]["kind"] == "futur"


def test_a_future_exercise_whose_own_date_is_given_stays_the_exercise(small):
    text = (
        "Les exercices conjoints de l'Azerbaïdjan et de la Turquie se tiendront en mai 2026, a "
        "précisé le ministère azerbaïdjanais de la Défense.\n"
    )
    entry = _one(_draft(text, small), "se tiendront en mai 2026")
    assert entry["type"] == "exercice"
    assert entry["date"] == "2026-05"
    assert entry["tense"] == "futur"


# --- 5. the speaker's country, the meeting's parties ------------------------------------------


def test_son_pays_of_a_speaker_whose_title_follows_his_name_is_his_country(small):
    text = (
        "Les exercices conjoints entre la Turquie et l'Azerbaïdjan ont débuté à Bakou.\n"
        "Le général Kamal Aliev, commandant des forces spéciales azerbaïdjanaises, s'est dit "
        "heureux de voir les soldats turcs et kazakhs dans son pays.\n"
    )
    data = _draft(text, small)
    speech = _one(data, "dans son pays")
    resolved = speech["draft"]["resolved"]
    assert {"words": "son pays", "actor": "AZ"} in resolved
    assert all(item["actor"] != "KZ" for item in resolved if item["words"] == "son pays")


def test_nos_pays_and_les_deux_peuples_et_pays_name_the_articles_parties(small):
    text = (
        "La Turquie et l'Azerbaïdjan ont ouvert des exercices conjoints à Bakou.\n"
        "Le général Kamal Aliev a ensuite parlé de l'histoire militaire.\n"
        "« Aujourd'hui, la coopération entre nos pays est au plus haut niveau », a-t-il dit.\n"
        "Un autre général a mis l'accent sur les liens profonds entre les deux peuples et pays.\n"
    )
    data = _draft(text, small)
    ours = _one(data, "entre nos pays")
    assert {"TR", "AZ"} <= set(ours["actors"])
    peoples = _one(data, "deux peuples et pays")
    assert set(peoples["actors"]) == {"TR", "AZ"}


def test_nos_trois_pays_is_not_resolved_to_a_pair(small):
    text = (
        "La Turquie et l'Azerbaïdjan ont ouvert des exercices conjoints à Bakou.\n"
        "Le général a ensuite évoqué l'histoire.\n"
        "« La coopération entre nos trois pays est ancienne », a déclaré un officier.\n"
    )
    data = _draft(text, small)
    assert not any(
        item["words"].startswith("nos")
        for item in _one(data, "nos trois pays")["draft"]["resolved"]
    )


# --- 6. a year read only in a name; 7. a headline ---------------------------------------------


def test_a_year_read_only_in_an_exercises_name_is_inferred(small):
    text = (
        "Les exercices « Frères d'armes 2021 » ont débuté par une cérémonie à Bakou entre la "
        "Turquie et l'Azerbaïdjan.\n"
    )
    entry = _one(_draft(text, small), "Frères d'armes 2021")
    assert entry["date"] == "2021"
    assert entry["date_basis"] == "déduit"
    # the year rests on the name, not on the (here unknown) date of the article: no anchor,
    # which `check` would refuse (« la source … n'est pas datée »), but a reason naming it
    assert "date_anchor" not in entry
    assert entry["date_reason"] == "année lue dans le nom « Frères d'armes 2021 »"
    assert "Frères d'armes 2021" in entry["date_note"]


def test_a_headline_is_the_source_title_never_a_candidate(small):
    text = (
        "La Turquie et l'Azerbaïdjan lancent les exercices « Frères d'armes 2021 »\n"
        "Les exercices conjoints entre la Turquie et l'Azerbaïdjan ont débuté dimanche à Bakou.\n"
    )
    data = _draft(text, small)
    assert data["sources"][0]["title"].startswith("La Turquie et l'Azerbaïdjan lancent")
    assert not _holding(data, "lancent les exercices")


def test_a_quotation_whose_il_could_be_any_of_several_named_ministers_is_set_aside(small):
    text = (
        "Les ministres de la Défense turc, Ali Demir, azerbaïdjanais, Kamal Aliev, et kazakh, "
        "Nurlan Beketov, se sont réunis mercredi à Kars.\n"
        '"Cette attitude montre une arrogance sans bornes", a-t-il martelé devant la presse.\n'
        "Le ministre azerbaïdjanais de la Défense, Kamal Aliev, a salué la coopération.\n"
    )
    data = _draft(text, small)
    assert not _holding(data, "Cette attitude")
    (skipped,) = data["draft"]["skipped"]
    assert skipped["sentence"].startswith('"Cette attitude')
    assert "plusieurs orateurs possibles" in skipped["reason"]
    assert set(_one(data, "se sont réunis")["actors"]) == {"TR", "AZ", "KZ"}


def test_an_official_named_again_gives_his_country_only_to_a_sentence_naming_none(small):
    text = (
        "Le général Kamal Aliev, commandant des forces spéciales azerbaïdjanaises, a ouvert les "
        "exercices conjoints avec la Turquie.\n"
        "Le général Kamal Aliev faisait référence à la trêve négociée par le Royaume-Uni.\n"
        "Le général Kamal Aliev a rappelé son attachement à la paix.\n"
    )
    data = _draft(text, small)
    truce = _one(data, "trêve négociée")
    assert truce["actors"] == ["GB"]
    assert {"words": "Aliev", "actor": "AZ"} in truce["draft"]["resolved"]  # noted, not added
    assert "AZ" in _one(data, "son attachement")["actors"]


def test_a_quotation_mark_never_closed_does_not_glue_the_rest_of_the_article(small):
    text = (
        "Le ministre turc de la Défense, Ali Demir, a salué « la coopération avec l'Azerbaïdjan.\n"
        "Le Kazakhstan et l'Azerbaïdjan ont signé un accord militaire.\n"
        "Le Royaume-Uni et l'Arménie ont organisé des exercices conjoints.\n"
    )
    data = _draft(text, small)
    assert len(_entries(data)) == 3


def test_the_two_agreements_dated_by_the_meeting_pass_the_full_check_once_completed(
    small, tmp_path
):
    """What the curator adds is prose (summaries, titles, labels, keys): the dates, kinds and
    parties the tool drafted pass `check` on the base with the draft in it, unchanged."""
    article = tmp_path / "essai.txt"
    article.write_text(MEETING_THEN_PLAN, encoding="utf-8")
    data = _draft(MEETING_THEN_PLAN, small, Given(date=date(2025, 9, 24)), str(article))
    data["sources"][0]["label"] = "Essai de brouillon"
    titles = {"plan": "Plan de coopération militaire", "memorandum": "Mémorandum militaire"}
    for entry in _entries(data):
        for item in entry["evidence"]:
            item["key"] = True
        entry["summary"] = " ".join(item["quote"] for item in entry["evidence"])
        entry["topics"] = ["defense"]
        if "kind" in entry:
            entry["title"] = titles[entry["kind"]]
            entry["label"] = (
                f"Les parties ont signé un {entry['kind'].replace('memorandum', 'mémorandum')}"
            )
        elif entry.get("date"):
            entry["label"] = "Le ministre azerbaïdjanais a rencontré son homologue kazakh"
    status, report = _passes_check_drafts(data, tmp_path / "complet")
    assert status == 0, report
    assert "0 champ à compléter" in report
