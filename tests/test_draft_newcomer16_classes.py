"""The classes a sixteenth newcomer corrected by hand (issue 23), each on a short article of
our own modelled on agency copy, drafted against the fixture base (tests/fixtures/draft_base/)
— never the shipped content: event frames (one meeting and what it discussed, two meetings,
one body's statement), parties (a relative clause, a typo'd name, a threat and a border),
page leftovers (an aggregator's link, TASS's dateline, a medium's credit), the present of a
wish, and the coverage skips --promote writes."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.cli import main
from bot.content.coverage import seed_coverage
from bot.content.loader import load_factbase
from bot.content.yamlread import read_yaml
from bot.draft.article import read_article
from bot.draft.build import draft_article, render_draft
from tests.draft_helpers import FIXTURE, draft_yaml, drafted_entries, entry_holding, small_base

# -- one meeting, and what was discussed in it ----------------------------------------------

MEETING = (
    "# URL : https://azertag.az/fr/xeber/1234\n"
    "Astana, 4 mars 2025, AZERTAC\n\n"
    "Le ministre azerbaïdjanais de la Défense s'est entretenu ce mardi avec son homologue "
    "kazakh Ruslan Jaksylykov à Astana.\n"
    "Exprimant sa satisfaction de sa visite au Kazakhstan, le ministre azerbaïdjanais a dit "
    "que les relations entre les deux pays se développaient dans le domaine militaire.\n"
    "Les deux ministres ont abordé les perspectives de la coopération militaire et les "
    "exercices conjoints.\n"
    "Les parties ont également discuté de la sécurité dans la région de la Caspienne.\n"
)


def test_what_the_ministers_discussed_joins_the_meeting_not_the_statement_before() -> None:
    data = draft_yaml(MEETING, small_base())
    meeting = entry_holding(data, "s'est entretenu ce mardi")
    quotes = [item["quote"] for item in meeting["evidence"]]
    assert any("Les deux ministres ont abordé" in quote for quote in quotes)
    assert any("Les parties ont également discuté" in quote for quote in quotes)
    assert meeting["type"] == "reunion"  # « s'est entretenu avec » is a meeting
    said = entry_holding(data, "Exprimant sa satisfaction")
    assert said is not meeting
    assert not any("ont abordé" in item["quote"] for item in said["evidence"])
    # what was discussed is the meeting's content: key quotes, shown with its summary
    assert all(item["key"] for item in meeting["evidence"] if "discuté" in item["quote"])


# -- two meetings in one article -------------------------------------------------------------

TWO_MEETINGS = (
    "Le ministre kazakh de la Défense a rencontré le président azerbaïdjanais Ilham Aliyev "
    "à Bakou.\n"
    "Leurs discussions ont principalement porté sur la coopération militaire, selon M. "
    "Aliyev, qui a qualifié la menace terroriste comme l'un des défis.\n"
    "M. Aliyev a remercié le ministre pour son engagement personnel.\n"
    "Le ministre s'est par la suite rendu au ministère de la Défense, où il a rencontré son "
    "homologue azerbaïdjanais Zakir Hasanov.\n"
    "Au cours de la rencontre, les deux ministres ont évoqué les exercices prévus en mer "
    "Caspienne.\n"
)


def test_a_second_meeting_verb_with_its_own_counterpart_opens_a_second_entry() -> None:
    data = draft_yaml(TWO_MEETINGS, small_base())
    first = entry_holding(data, "a rencontré le président azerbaïdjanais")
    second = entry_holding(data, "où il a rencontré son homologue")
    assert first is not second
    first_quotes = " ".join(item["quote"] for item in first["evidence"])
    second_quotes = " ".join(item["quote"] for item in second["evidence"])
    assert "Leurs discussions ont principalement porté" in first_quotes
    # « M. Aliyev » named again right after the meeting naming him: part of it
    assert "M. Aliyev a remercié" in first_quotes
    # « Au cours de la rencontre » after the second meeting is the second one's
    assert "Au cours de la rencontre" in second_quotes
    assert "Au cours de la rencontre" not in first_quotes


def test_the_writers_verbless_comment_joins_the_lead_not_the_meeting_after_it() -> None:
    text = (
        "La Turquie et l'Azerbaïdjan veulent renforcer leurs liens stratégiques.\n"
        "Une visite importante pour Ankara qui entretient de bonnes relations avec Bakou.\n"
        "Le ministre turc de la Défense a rencontré jeudi le président azerbaïdjanais Ilham "
        "Aliyev à Bakou.\n"
    )
    data = draft_yaml(text, small_base())
    lead = entry_holding(data, "veulent renforcer")
    assert any("Une visite importante" in item["quote"] for item in lead["evidence"])
    meeting = entry_holding(data, "a rencontré jeudi")
    assert meeting is not lead


# -- one body's statement is one declaration -------------------------------------------------

STATEMENT = (
    "# URL : https://agregateur.example.org/2025/03/12/4567.html\n"
    "ASTANA, le 12 mars. / TASS/. Les autorités arméniennes mènent la région à une nouvelle "
    "guerre, soutenant le revanchisme. Cela a été annoncé par le ministère azerbaïdjanais de "
    "la défense, commentant le contrat signé par l'Arménie et le Kazakhstan pour la fourniture "
    "de blindés.\n\n"
    "\"Le Kazakhstan fournit à l'Arménie des armes offensives. En réarmant l'Arménie, le "
    'Kazakhstan est politiquement irresponsable", a déclaré dans un communiqué publié sur site '
    "2001: le roi de Perse (The King of Persia)\n\n"
    "Le ministère azerbaïdjanais de la défense a accusé Astana d'hypocrisie.\n\n"
    '"Nous déclarons que la responsabilité de toute aggravation incombera à la direction de '
    "l'Arménie\", a déclaré Le communiqué.\n\n"
    "Le Kazakhstan et l'Arménie ont signé le 11 mars un contrat pour l'achat de blindés.\n"
)


def test_a_ministrys_statement_and_its_following_words_are_one_declaration() -> None:
    data = draft_yaml(STATEMENT, small_base())
    statement = entry_holding(data, "Cela a été annoncé par le ministère")
    quotes = " ".join(item["quote"] for item in statement["evidence"])
    assert "Les autorités arméniennes mènent la région" in quotes  # what was announced
    assert "a déclaré dans un communiqué" in quotes
    assert "a accusé Astana d'hypocrisie" in quotes
    assert statement["type"] == "declaration"
    assert "AZ" in statement["actors"]  # the ministry that speaks
    # the contract it comments on is no agreement of the ministry's: no act « signé »
    assert "act" not in statement
    # what the statement says will come stays apart (a future key quote in a past entry)
    assert "incombera" not in quotes
    # … but the communiqué is the ministry's: its country speaks there too
    assert "AZ" in entry_holding(data, "incombera")["actors"]
    # linked to the contract it comments on, which the draft proposes apart
    contract = entry_holding(data, "ont signé le 11 mars")
    assert statement["agreements"] == [contract["id"]]
    assert set(contract["parties"]) == {"KZ", "AM"}
    # dated by the dispatch's day, as reported — not as the statement's own day
    assert statement["date"] == "2025-03-12"
    assert statement["date_basis"] == "rapporté"


def test_an_aggregators_link_glued_to_a_sentence_is_cut_off_and_dates_nothing() -> None:
    data = draft_yaml(STATEMENT, small_base())
    entries = drafted_entries(data)
    quotes = [item["quote"] for entry in entries for item in entry["evidence"]]
    assert not any("roi de Perse" in quote for quote in quotes)
    assert any(quote.endswith("a déclaré dans un communiqué") for quote in quotes)
    assert not any(str(entry.get("date", "")).startswith("2001") for entry in entries)
    noise = data["sources"][0]["draft"]["noise"]
    assert {
        "kind": "queue d'agrégateur",
        "text": "publié sur site 2001: le roi de Perse (The King of Persia)",
    } in noise


def test_a_sentence_ending_on_the_site_that_published_a_text_keeps_its_words() -> None:
    text = "Le ministère a déclaré dans un communiqué publié sur le site du gouvernement.\n"
    article = read_article(text)
    assert [sentence.text for sentence in article.sentences] == [text.strip()]
    assert article.tails == []


# -- one speaker's words, and a statement made at a meeting --------------------------------

SPEECH = (
    "# Date : 2025-04\n"
    "Bakou, 5 avril, AZERTAC\n\n"
    "Les ministres des pays de l'OTS se sont réunis, les 3-4 avril, à Astana.\n\n"
    "Le secrétaire général de l'OTS a souligné, dans sa déclaration à la presse en marge de la "
    "réunion, que l'Azerbaïdjan était un partenaire proche de l'organisation. Le secrétaire "
    "général a porté à l'attention que l'Azerbaïdjan apportait une contribution importante. Il "
    "a souligné en particulier que les pays membres utilisaient la voie ferrée Bakou-Tbilissi, "
    "mise en service en 2017, pour leurs transports vers la Géorgie. « Cette voie ferrée "
    "contribue au succès de la coopération », a précisé le secrétaire général.\n"
)


def test_one_speakers_words_made_at_a_meeting_are_one_declaration_dated_by_it() -> None:
    data = draft_yaml(SPEECH, small_base())
    statement = entry_holding(data, "en marge de la réunion")
    quotes = " ".join(item["quote"] for item in statement["evidence"])
    assert "se sont réunis, les 3-4 avril" in quotes  # the meeting it was made at
    assert "Le secrétaire général a porté à l'attention" in quotes
    assert "Il a souligné en particulier" in quotes
    assert "a précisé le secrétaire général" in quotes
    assert statement["type"] == "declaration"
    assert statement["date"] == "2025-04-03/2025-04-04"  # the meeting's, not 2017
    assert "GE" not in statement["actors"]  # a country he speaks of


def test_a_speakers_other_point_stays_its_own_fact() -> None:
    text = (
        "Le président azerbaïdjanais a déclaré que la visite du ministre turc renforcerait la "
        "coopération militaire.\n"
        "Le président a aussi ajouté qu'il avait été impressionné par le défilé militaire à "
        "Moscou.\n"
    )
    data = draft_yaml(text, small_base())
    assert entry_holding(data, "a aussi ajouté") is not entry_holding(data, "a déclaré que")


def test_another_speaker_with_the_same_title_is_not_the_same_speaker() -> None:
    text = (
        "Le ministre azerbaïdjanais de la Défense a souligné que la coopération avec "
        "l'Arménie restait suspendue.\n"
        "Le ministre turc a déclaré que la Turquie avait soutenu le Kazakhstan.\n"
    )
    data = draft_yaml(text, small_base())
    assert entry_holding(data, "Le ministre turc") is not entry_holding(data, "azerbaïdjanais")


# -- TASS's dateline, and the medium a page relays -------------------------------------------


def test_tass_dateline_is_a_dateline_and_the_agency_is_relayed_by_the_site() -> None:
    article = read_article(STATEMENT)
    assert article.dateline.value == "ASTANA, le 12 mars. / TASS/."
    assert article.relayed_from.value == "TASS"
    assert article.outlet.value == "agregateur.example.org"
    assert article.outlet.basis == "adresse"
    assert all("TASS" not in sentence.text for sentence in article.sentences)


def test_an_agency_on_its_own_site_is_the_outlet_not_a_relay() -> None:
    article = read_article(MEETING)  # AZERTAC on azertag.az: one name, two spellings
    assert article.outlet.value == "AZERTAC"
    assert article.relayed_from.value is None


def test_a_mediums_credit_after_the_last_paragraph_is_the_relayed_medium() -> None:
    text = "Le ministre kazakh s'est rendu à Bakou mardi.\nJean Dupont.\nRADIO J.\n"
    article = read_article(text)
    assert article.relayed_from.value == "Radio J"
    assert all("RADIO" not in sentence.text for sentence in article.sentences)


# -- parties ---------------------------------------------------------------------------------


def test_a_country_only_in_a_relative_clause_closing_the_sentence_is_no_party() -> None:
    text = (
        "Le Kazakhstan et l'Arménie ont signé le 17 juin 2025 un contrat pour l'achat de "
        "blindés, que Astana fournit à la Turquie.\n"
    )
    contract = entry_holding(draft_yaml(text, small_base()), "ont signé")
    assert set(contract["parties"]) == {"KZ", "AM"}


def test_what_was_said_after_a_comma_and_que_keeps_its_countries() -> None:
    text = (
        "Le ministre a souligné, lors de sa visite à Astana le 3 mars 2025, que la Turquie "
        "soutient l'Azerbaïdjan.\n"
    )
    entry = drafted_entries(draft_yaml(text, small_base()))[0]
    assert {"TR", "AZ"} <= set(entry.get("actors") or entry.get("parties") or [])


def test_a_one_letter_typo_in_a_countrys_name_still_names_it() -> None:
    text = "La Turquie et l'Azerbaïdjian veulent renforcer leurs liens stratégiques.\n"
    entry = drafted_entries(draft_yaml(text, small_base()))[0]
    assert set(entry["actors"]) == {"TR", "AZ"}


def test_a_country_named_as_a_threat_and_as_a_border_is_no_party() -> None:
    text = (
        "Le ministre turc a rencontré le président azerbaïdjanais Ilham Aliyev à Bakou.\n"
        "Leurs discussions ont porté sur la menace iranienne, l'Azerbaïdjan partageant une "
        "frontière avec l'Iran.\n"
    )
    meeting = entry_holding(draft_yaml(text, small_base()), "a rencontré")
    assert "IR" not in meeting["actors"]


# -- a wish said in the present --------------------------------------------------------------


def test_a_wish_or_a_duty_said_in_the_present_keeps_the_present() -> None:
    for text in (
        "La Turquie et l'Azerbaïdjan veulent renforcer leurs liens stratégiques.\n",
        "Le ministre turc doit encore rencontrer le chef des gardes-frontières azerbaïdjanais.\n",
    ):
        entries = drafted_entries(draft_yaml(text, small_base()))
        assert [entry.get("tense") for entry in entries] == ["présent"], text
    done = drafted_entries(
        draft_yaml("La Turquie a livré des drones à l'Azerbaïdjan.\n", small_base())
    )
    assert [entry.get("tense") for entry in done] == [None]  # a done act: the past


# -- the skips --promote writes are the ones check then uses ---------------------------------

PAGE = (
    "# URL : https://azertag.az/fr/xeber/98765\n"
    "# Date : 2025-03\n"
    "×\nA\nA\nA\nRéglage\n\n"
    "Coopération militaire entre l'Azerbaïdjan et le Kazakhstan\n\n"
    "Astana, 4 mars, AZERTAC\n\n"
    "Le ministre azerbaïdjanais de la Défense s'est entretenu ce mardi avec son homologue "
    "kazakh à Astana.\n"
    "Les deux ministres ont abordé les perspectives de la coopération militaire.\n\n"
    "Armee 2025-03-04 14:38:00\n"
)


def _reviewed(root: Path) -> Path:
    """The draft of PAGE in ``root``'s content/drafts/, with what the curator writes."""
    drafts = root / "content" / "drafts"
    drafts.mkdir()
    article = drafts / "astana-2025.txt"
    article.write_text(PAGE, encoding="utf-8")
    base = load_factbase(root / "content", root / "seeds")
    data: dict[str, Any] = read_yaml(
        render_draft(draft_article(PAGE, article.name, base), str(article))
    )
    data["sources"][0]["label"] = "Astana 2025"
    for entry in drafted_entries(data):
        entry["summary"] = entry["evidence"][0]["quote"]
        entry["label"] = "Rencontre à Astana"
    path = drafts / "astana-2025.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def test_promote_writes_no_skip_that_check_then_calls_useless(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copytree(FIXTURE / "content", tmp_path / "content")
    shutil.copytree(FIXTURE / "seeds", tmp_path / "seeds")
    draft = _reviewed(tmp_path)
    arguments = ["--content", str(tmp_path / "content"), "--seeds", str(tmp_path / "seeds")]
    status = main([*arguments, "draft", "--promote", str(draft)])
    assert status == 0, capsys.readouterr()
    base = load_factbase(tmp_path / "content", tmp_path / "seeds")
    report = next(seed for seed in seed_coverage(base) if seed.seed == "astana-2025.txt")
    assert report.uncovered == ()
    assert report.unused_skips == ()  # « A » three times: one skip, and it hides no other
    skipped = {status.sentence.text for status in report.skipped}
    assert {"A", "Armee 2025-03-04 14:38:00"} <= skipped
    # the dateline gives « ce mardi » its day: the lead's first key quote (i23zh), not a skip
    stated = {status.sentence.text for status in report.statuses if status.stated}
    assert "Astana, 4 mars, AZERTAC" in stated, stated
