"""The draft on short articles of our own, one per class a third newcomer still had to fix by
hand (issue 23): a dateline in parentheses glued to a kicker, a kicker « Rubrique : … », a span
of years, a year written before an exercise's name, a past in the conditional, a dated
statement about an agreement, a ratification beside a signing, a list announced by « : ».
Runs on the fixture base (tests/fixtures/draft_base/), never on the shipped content."""

from __future__ import annotations

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

FIXTURE = Path(__file__).parent / "fixtures" / "draft_base"


@pytest.fixture(scope="module")
def small() -> FactBase:
    return load_factbase(FIXTURE / "content", FIXTURE / "seeds")


def _draft(text: str, base: FactBase, given: Given | None = None) -> dict[str, Any]:
    data = read_yaml(render_draft(draft_article(text, "essai.txt", base, given=given), "x"))
    assert isinstance(data, dict)
    return data


def _sections(data: dict[str, Any], words: str) -> list[tuple[str, dict[str, Any]]]:
    """(section, candidate) for each candidate one of whose quotes holds ``words``."""
    return [
        (section, entry)
        for section in ("events", "agreements", "facts")
        for entry in data.get(section) or []
        if any(words in item["quote"] for item in entry["evidence"])
    ]


def test_parenthesised_dateline_gives_the_date_and_no_headline(small: FactBase) -> None:
    text = (
        "(Paris, 12 mars 2023). Bakou surveille les manœuvres de ses voisins\n"
        "Le ministère de la Défense de l'Azerbaïdjan a annoncé le 11 mars 2023 la tenue "
        "d'exercices avec la Turquie."
    )
    given = Given(url="https://exemple.fr/2023/03/10/bakou-manoeuvres")
    source = _draft(text, small, given)["sources"][0]
    assert source["published"] == "2023-03-12"
    assert source["draft"]["published"]["basis"] == "texte"  # the text's, not the address's
    assert not source.get("title")  # a kicker after the dateline is not the headline


def test_kicker_opening_the_copy_is_neither_a_fact_nor_the_title(small: FactBase) -> None:
    text = (
        "Analyse : Pourquoi Bakou achète des drones turcs.\n"
        "L'Azerbaïdjan a acheté des drones à la Turquie en 2020."
    )
    data = _draft(text, small)
    assert _sections(data, "Pourquoi Bakou") == []
    assert not data["sources"][0].get("title")
    assert len(_sections(data, "a acheté des drones")) == 1


def test_between_two_years_is_the_span(small: FactBase) -> None:
    text = "Selon la presse, des blindés turcs ont été livrés à l'Azerbaïdjan entre 2015 et 2017."
    [(section, entry)] = _sections(_draft(text, small), "blindés")
    assert section == "events"
    assert entry["date"] == "2015/2017"


def test_year_before_an_exercise_name_gives_way_to_demain(small: FactBase) -> None:
    text = (
        "L'Azerbaïdjan et la Turquie ont annoncé un exercice militaire 2023 « Bouclier du "
        "Caucase » qui débutera demain."
    )
    [(section, entry)] = _sections(_draft(text, small, Given(date=date(2023, 3, 12))), "Bouclier")
    assert section == "events"
    assert entry["date"] == "2023-03-13"
    assert entry["date_basis"] == "déduit"


def test_past_in_the_conditional_is_never_grouped_with_what_was_done(small: FactBase) -> None:
    text = (
        "La Turquie a fourni à l'Azerbaïdjan en 2019 des drones armés. La Turquie aurait "
        "également accepté en 2019 de vendre des blindés à l'Azerbaïdjan."
    )
    data = _draft(text, small)
    [(_, done)] = _sections(data, "a fourni")
    [(_, reported)] = _sections(data, "aurait également accepté")
    assert done["id"] != reported["id"]
    assert reported.get("tense") == "conditionnel"
    assert done.get("type") == "mesure"  # « ont fourni » is a delivery


def test_a_dated_statement_about_agreements_is_a_declaration(small: FactBase) -> None:
    text = (
        "Le ministre turc de la Défense a déclaré le 4 mai 2022 que la Turquie et l'Azerbaïdjan "
        "avaient signé plusieurs accords depuis 2015."
    )
    [(section, entry)] = _sections(_draft(text, small), "a déclaré le 4 mai")
    assert section == "events"
    assert entry["type"] == "declaration"
    assert entry["draft"]["act"] is None


def test_ratification_is_its_own_event_and_the_agreement_keeps_its_signing(
    small: FactBase,
) -> None:
    text = (
        "Le président turc a ratifié mardi 14 janvier la loi entérinant l'accord de coopération "
        "militaire entre la Turquie et l'Azerbaïdjan, signé le 20 novembre 2024."
    )
    found = dict(_sections(_draft(text, small), "a ratifié"))
    assert set(found) == {"events", "agreements"}
    assert found["agreements"]["date"] == "2024-11-20"
    ratified = found["events"]
    assert ratified["date"] == "2025-01-14"  # a Tuesday in 2025 only, near November 2024
    assert ratified["date_basis"] == "déduit"
    assert "2024" in ratified["date_reason"]


def test_a_weekday_that_fits_no_year_near_the_sentence_stays_unknown(small: FactBase) -> None:
    text = (
        "Le président turc a ratifié lundi 14 janvier la loi entérinant l'accord de coopération "
        "militaire entre la Turquie et l'Azerbaïdjan, signé le 20 novembre 2024."
    )
    dates = [e.get("date") for _, e in _sections(_draft(text, small), "a ratifié")]
    assert "2025-01-14" not in dates and "2024-01-14" not in dates


def test_a_list_announced_by_a_colon_is_one_candidate(small: FactBase) -> None:
    text = (
        "Accord de défense turco-azerbaïdjanais\n"
        "L'Azerbaïdjan et la Turquie ont signé un accord de défense le 3 juin 2024. Les clauses "
        "du texte portent sur :\n"
        "• Des échanges réguliers d'officiers.\n"
        "• Une formation commune des pilotes."
    )
    data = _draft(text, small)
    [(_, listed)] = _sections(data, "Les clauses du texte portent sur")
    quotes = [item["quote"] for item in listed["evidence"]]
    assert any("échanges réguliers" in quote for quote in quotes)
    assert any("formation commune" in quote for quote in quotes)


def test_the_country_goods_are_sold_in_is_the_buyer_not_a_place(small: FactBase) -> None:
    text = (
        "Des ventes importantes d'armes turques en Azerbaïdjan ont précédé la signature d'un "
        "contrat de 300 millions de dollars en 2019."
    )
    [(section, entry)] = _sections(_draft(text, small), "ventes importantes")
    assert section == "agreements"
    assert "AZ" in entry["parties"]
    assert "place" not in entry


def _base_with(tmp_path: Path, summary: str, tense: str | None) -> FactBase:
    """The fixture base plus one event whose key quote reports a delivery in the conditional."""
    import shutil

    shutil.copytree(FIXTURE, tmp_path / "base")
    seed = tmp_path / "base" / "seeds" / "manoeuvres-ots-2025.txt"
    sentence = "Selon la presse, la Turquie aurait livré en 2024 des drones à l'Azerbaïdjan."
    seed.write_text(seed.read_text(encoding="utf-8") + sentence + "\n", encoding="utf-8")
    events = tmp_path / "base" / "content" / "events.yaml"
    entry = {
        "id": "drones-turcs-2024",
        "date": "2024",
        "date_text": "en 2024",
        "type": "mesure",
        "actors": ["TR", "AZ"],
        "topics": [],
        "hedge": "selon la presse",
        "summary": summary,
        "evidence": [{"source": "manoeuvres-ots", "quote": sentence, "key": True}],
    }
    if tense:
        entry["tense"] = tense
    data = read_yaml(events.read_text(encoding="utf-8"))
    data["events"].append(entry)
    events.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return load_factbase(tmp_path / "base" / "content", tmp_path / "base" / "seeds")


def test_check_refuses_a_reported_delivery_told_as_done(tmp_path: Path) -> None:
    from bot.content.support import check_support

    done = _base_with(
        tmp_path / "done",
        "Selon la presse, la Turquie a livré des drones à l'Azerbaïdjan en 2024.",
        None,
    )
    issues = [i for i in check_support(done) if i.entry == "drones-turcs-2024"]
    assert [(i.field, "« aurait livré »" in i.message) for i in issues] == [("summary", True)]
    kept = _base_with(
        tmp_path / "kept",
        "Selon la presse, la Turquie aurait livré des drones à l'Azerbaïdjan en 2024.",
        "conditionnel",
    )
    assert [i for i in check_support(kept) if i.entry == "drones-turcs-2024"] == []
