"""The classes a twenty-second newcomer corrected by hand (issue 23), each on a short article of
our own, drafted against the fixture base (tests/fixtures/draft_base/) — never the shipped
content: one meeting, one statement, one speaker; acts and kinds as the text says them; the
date of a declaration; the page's metadata; the checks a curator met only in the suite."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

from bot.answer_checks import answer_issues
from bot.check import run_check
from bot.content.loader import load_factbase
from bot.content.reserved import clash, reserved_sources
from bot.content.support import _snowball, _stemmed_in
from bot.draft.build import free_slug
from bot.draft.check_drafts import DraftReport, _by_kind
from bot.render.html import SCREEN
from tests.draft_helpers import FIXTURE, draft_yaml, drafted_entries, entry_holding, small_base

MEETING = (
    "# Date : 2023-03\n"
    "Bakou, 12 mars, AZERTAC\n\n"
    "En marge de sa visite de travail à Ankara, le ministre azerbaïdjanais de la Défense a "
    "rencontré le ministre kazakh de la Défense.\n\n"
    "Abordant la situation dans la région, le ministre de la Défense a évoqué le conflit entre "
    "l'Arménie et l'Azerbaïdjan et a remercié le Kazakhstan de son soutien constant.\n\n"
    "La réunion s'est penchée sur la formation militaire et l'organisation d'exercices "
    "conjoints entre l'Azerbaïdjan et le Kazakhstan.\n"
)


def test_a_meeting_dispatch_is_one_meeting_with_what_was_said_at_it() -> None:
    data = draft_yaml(MEETING, small_base())
    entry = entry_holding(data, "a rencontré le ministre kazakh")
    quotes = " ".join(item["quote"] for item in entry["evidence"])
    assert "Abordant la situation" in quotes and "La réunion s'est penchée" in quotes, entry
    assert len(drafted_entries(data)) == 1
    assert entry["type"] == "reunion" and sorted(entry["actors"]) == ["AZ", "KZ"], entry
    # the dateline's day dates the lead's meeting, inferred — the guide's one rule
    assert (entry["date"], entry["date_basis"]) == ("2023-03-12", "déduit"), entry


STATEMENT = (
    "L'Azerbaïdjan a vivement réagi à l'envoi par le Royaume-Uni de blindés à l'Arménie. Le "
    "porte-parole du ministère des Affaires étrangères a insisté sur la nécessité de la paix.\n\n"
    "Elchin Mammadov, porte-parole du ministère des Affaires étrangères de l'Azerbaïdjan, a "
    "exprimé la ferme désapprobation de son pays à l'égard de la vente d'armes par le "
    "Royaume-Uni à l'Arménie. Il a appelé à la fin de cette politique dans la région.\n\n"
    "Dans le communiqué, Bakou souligne la livraison des blindés, qualifiée d'inquiétante. Le "
    "Royaume-Uni et l'Arménie ont conclu un accord de défense en mars dernier.\n\n"
    "Mammadov a exhorté la communauté internationale à s'abstenir d'armer l'Arménie.\n\n"
    "- Publicité-\n\n"
    "Pour l'heure, Londres n'a pas encore réagi à cette déclaration ferme de Bakou.\n"
)


def test_one_ministry_statement_is_one_entry_and_the_sale_it_condemns_no_act() -> None:
    data = draft_yaml("- Publicité-\n\n" + STATEMENT, small_base())
    entry = entry_holding(data, "a exprimé la ferme désapprobation")
    quotes = " ".join(item["quote"] for item in entry["evidence"])
    for words in ("a vivement réagi", "Dans le communiqué", "Mammadov a exhorté", "réagi à cette"):
        assert words in quotes, (words, entry["evidence"])
    assert entry.get("act") is None and entry.get("type") not in ("mesure",), entry
    assert "achat" not in str(entry["draft"].get("act_note", "")), entry


def test_a_concluded_agreement_keeps_the_texts_verb_and_its_whole_month_words() -> None:
    data = draft_yaml(STATEMENT, small_base())
    agreement = entry_holding(data, "ont conclu un accord")
    assert agreement["kind"] == "accord" and agreement["act"] is None, agreement
    assert sorted(agreement["parties"]) == ["AM", "GB"], agreement
    assert agreement["date"] is None and agreement.get("date_text") in (None, "en mars dernier")
    dates = agreement["draft"]["dates"]
    assert [found["text"] for found in dates] == ["en mars dernier"], dates


def test_an_advertising_line_is_noise_never_the_outlet() -> None:
    source = draft_yaml("- Publicité-\n\n" + STATEMENT, small_base())["sources"][0]
    noise = source["draft"]["noise"]
    assert {"kind": "noise", "text": "- Publicité-"} in noise, noise
    assert source["outlet"] != "- Publicité-"


EXERCISE = (
    "# URL : https://www.steppe-info.kz/2021/05/10/steppe-2021\n"
    "Le Royaume-Uni ne participera pas aux exercices Steppe-2021 en Turquie en juin.\n"
    "L'exercice Steppe-2021 aura lieu dans l'ouest de la Turquie en juin.\n"
    "Il est prévu que des groupes de plusieurs pays y participent, dont l'Azerbaïdjan et le "
    "Kazakhstan.\n"
    "Auparavant, le ministère arménien de la Défense avait confirmé son refus de participer aux "
    "manœuvres.\n"
    "La fatigue des troupes en serait la cause principale.\n"
    "Erevan a déjà notifié la décision à Ankara, notant que l'Arménie et la Turquie restent en "
    "contact.\n"
    "Rejoignez Steppe-Info sur Facebook et Telegram pour ne rien manquer\n"
)


def test_those_an_exercise_expects_there_are_its_actors() -> None:
    entry = entry_holding(draft_yaml(EXERCISE, small_base()), "aura lieu dans l'ouest")
    assert any("y participent" in item["quote"] for item in entry["evidence"]), entry
    assert entry["type"] == "exercice" and {"AZ", "KZ"} <= set(entry["actors"]), entry


def test_who_will_not_take_part_declares_it_dated_the_day_of_the_article() -> None:
    entry = entry_holding(draft_yaml(EXERCISE, small_base()), "ne participera pas")
    assert entry["type"] == "declaration", entry  # a word about the exercise, not the exercise
    assert (entry["date"], entry["date_basis"]) == ("2021-05-10", "rapporté"), entry  # not « juin »
    assert entry["tense"] == "futur"


def test_the_decision_just_told_takes_its_notice_and_addressee() -> None:
    entry = entry_holding(draft_yaml(EXERCISE, small_base()), "avait confirmé son refus")
    assert any("notifié la décision" in item["quote"] for item in entry["evidence"]), entry
    assert {"AM", "TR"} <= set(entry["actors"]), entry


def test_a_footer_naming_the_site_the_address_spells_is_its_outlet() -> None:
    source = draft_yaml(EXERCISE, small_base())["sources"][0]
    assert source["outlet"] == "Steppe-Info" and "outlet_basis" not in source, source
    elsewhere = EXERCISE.replace("steppe-info.kz", "autre-site.com")
    other = draft_yaml(elsewhere, small_base())["sources"][0]
    assert other["outlet"] != "Steppe-Info"  # a name the address does not spell: not taken


def test_a_new_country_card_has_demonyms_and_myanmar_is_a_country() -> None:
    text = (
        "# Date : 2022-01-05\n"
        "Le Pakistan et le Myanmar participeront aux manœuvres avec l'Azerbaïdjan le 3 mars 2022.\n"
    )
    data = draft_yaml(text, small_base())
    cards = {card["code"]: card for card in data.get("countries") or []}
    assert {"PK", "MM"} <= set(cards), data.get("countries")
    assert "pakistanais" in cards["PK"]["demonyms"], cards["PK"]
    assert "Myanmar" not in data["draft"]["unknown_names"]


def test_a_source_id_a_reference_set_holds_is_never_proposed(tmp_path: Path) -> None:
    held = tmp_path / "bench" / "newcomer99" / "content"
    held.mkdir(parents=True)
    (held / "autre.yaml").write_text(
        "sources:\n  - id: agence-pakistan-general\n    label: Autre\n    seed: autre.txt\n",
        encoding="utf-8",
    )
    name = "agence_pakistan_general_2020.txt"
    assert clash("agence-pakistan-general", name, tmp_path) == "bench/newcomer99/content/autre.yaml"
    assert clash("agence-pakistan-general", "autre.txt", tmp_path) is None  # the same article
    proposed = free_slug(name, small_base(), tmp_path)
    assert proposed != "agence-pakistan-general" and proposed.endswith("-2020"), proposed
    assert clash(proposed, name, tmp_path) is None


def test_check_refuses_a_source_id_a_reference_set_holds_naming_the_file(tmp_path: Path) -> None:
    taken, (where, seed) = next(iter(reserved_sources().items()))
    copy = tmp_path / "base"
    shutil.copytree(FIXTURE, copy)
    [source_id] = [
        line.split(":", 1)[1].strip()
        for line in (copy / "content" / "sources.yaml").read_text(encoding="utf-8").splitlines()
        if line.strip().startswith("- id:")
    ][:1]
    same = re.compile(rf"^(\s*-?\s*(?:id|source|date_anchor):\s*){re.escape(source_id)}\s*$", re.M)
    for path in (copy / "content").glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        path.write_text(same.sub(lambda m: m.group(1) + taken, text), "utf-8")
    assert Path(seed).name not in {p.name for p in (copy / "seeds").iterdir()}
    out = io.StringIO()
    assert run_check(copy / "content", copy / "seeds", out) == 1
    assert f"« {taken} »" in out.getvalue() and where in out.getvalue(), out.getvalue()


def test_topics_meet_the_quotes_through_the_readers_stemmer() -> None:
    said = _snowball("La Russie et l'Inde restent des partenaires stratégiques.")
    assert _stemmed_in(said, ["diploma", "partenaire"])  # « partenaires », its plural
    assert _stemmed_in(_snowball("des négociations"), ["négocier"])  # the prefix « negocier » no
    assert not _stemmed_in(_snowball("Les troupes sont rentrées."), ["partenaire", "diploma"])


def test_check_drafts_counts_entries_by_kind() -> None:
    report = DraftReport("essai.yaml", entries=3, by_section={"sources": 1, "events": 1})
    report.by_section["countries"] = 1
    assert _by_kind(report) == "1 événement, 1 source, 1 pays nouveau"


def test_a_summary_too_long_for_a_cards_first_screen_is_named_with_the_limit(
    tmp_path: Path,
) -> None:
    copy = tmp_path / "base"
    shutil.copytree(FIXTURE, copy)
    events = copy / "content" / "events.yaml"
    text = events.read_text(encoding="utf-8")
    short = "      militaire conjoint de l'OTS.\n"
    assert short in text
    longer = "      militaire conjoint de l'OTS" + " ; l'exercice militaire conjoint" * 45 + ".\n"
    assert answer_issues(load_factbase(copy / "content", copy / "seeds")) == []
    events.write_text(text.replace(short, longer), encoding="utf-8")
    issues = answer_issues(load_factbase(copy / "content", copy / "seeds"))
    assert issues and all(f"limite de {SCREEN}" in issue for issue in issues), issues
    assert any("exercice-ots-2025" in issue for issue in issues), issues


def test_a_countrys_lead_said_again_in_its_ministrys_words_is_one_declaration() -> None:
    text = (
        "# URL : https://www.steppe-info.kz/2021/05/10/steppe-2021\n"
        "Le Royaume-Uni ne participera pas aux exercices Steppe-2021 en Turquie en juin.\n"
        "Le ministre turc de la Défense a déclaré que l'exercice serait le plus grand de "
        "l'année.\n"
        "« Les militaires britanniques ne participeront pas aux exercices Steppe-2021 », a déclaré "
        "le ministère britannique de la Défense.\n"
    )
    entry = entry_holding(draft_yaml(text, small_base()), "Le Royaume-Uni ne participera pas")
    assert any("« Les militaires britanniques" in item["quote"] for item in entry["evidence"])
    assert entry["type"] == "declaration" and entry["actors"] == ["GB"], entry
