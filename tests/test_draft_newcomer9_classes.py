"""The classes a ninth newcomer met (issue 23), each on a short article of our own, drafted
against the fixture base (tests/fixtures/draft_base/), never the shipped content: a dateline
whose day the address contradicts, resolved silently; an agency printed in the dateline
recorded as given by the curator."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.content.loader import load_factbase
from bot.content.model import FactBase
from bot.draft.build import draft_article, summary_text
from tests.draft_helpers import draft_yaml, drafted_entries, small_base
from tests.draft_helpers import entry_holding as _holding


@pytest.fixture(scope="module")
def small() -> FactBase:
    return small_base()


DISPATCH = (
    "# URL : https://exemple.org/20240314/123456.html\n"
    "# Média : Agence Nord\n"
    "Le ministre turc en visite\n\n"
    "ANKARA, 13 mars - Agence Nord. Le ministre turc de la Défense a rencontré jeudi à Ankara "
    "son homologue azerbaïdjanais.\n"
)
"""The dateline says 13 March (a Wednesday in 2024); the address says 14 March 2024."""


def test_a_dateline_day_the_address_contradicts_is_said_never_resolved_silently(
    small: FactBase,
) -> None:
    data = draft_yaml(DISPATCH, small)
    source = data["sources"][0]
    assert source["published"] is None
    for where in (source["note"], source["draft"]["published"]["note"]):
        assert "« 13 mars »" in where and "2024-03-14" in where and "ne concordent pas" in where
    meeting = _holding(data, "a rencontré jeudi")
    assert meeting["date_basis"] == "déduit"
    assert "ne concordent pas" in meeting["date_note"]
    summary = summary_text(draft_article(DISPATCH, "essai.txt", small))
    assert "Attention : la ligne d'agence dit « 13 mars »" in summary


def test_a_dateline_that_agrees_with_the_address_says_nothing_more(small: FactBase) -> None:
    data = draft_yaml(DISPATCH.replace("13 mars", "14 mars"), small)
    source = data["sources"][0]
    assert "concordent" not in source["note"]
    assert "concordent" not in (_holding(data, "a rencontré jeudi").get("date_note") or "")


def test_the_agency_of_the_dateline_is_the_articles_words_even_when_the_curator_gives_it(
    small: FactBase,
) -> None:
    source = draft_yaml(DISPATCH, small)["sources"][0]
    assert source["outlet"] == "Agence Nord"
    assert "outlet_basis" not in source  # the text prints it: shown as the article's
    assert source["draft"]["outlet"]["basis"] == "ligne d'agence"
    assert source["draft"]["outlet"]["read_from"] == "Agence Nord"


def test_an_outlet_the_dateline_does_not_print_stays_the_curators(small: FactBase) -> None:
    text = DISPATCH.replace("# Média : Agence Nord", "# Média : Le Site du Sud")
    source = draft_yaml(text, small)["sources"][0]
    assert source["outlet"] == "Le Site du Sud"
    assert source["outlet_basis"] == "curateur"


SALE = (
    "Ventes d'armes\n\n"
    "Une entreprise turque a vendu à l'Azerbaïdjan des drones d'une valeur de 300 millions "
    "de dollars. "
    "Selon le quotidien turc Sabah, cette vente comprend des drones armés et des radars. "
    "Il faut souligner que cette transaction intervient alors que les relations entre Bakou "
    "et Erevan restent tendues. "
    "Parallèlement, on constate un rapprochement entre Bakou et Ankara.\n"
)


def test_an_impersonal_il_does_not_carry_the_sentence_before_into_its_fact(
    small: FactBase,
) -> None:
    data = draft_yaml(SALE, small)
    sabah = _holding(data, "Selon le quotidien turc Sabah")
    assert not any("Il faut souligner" in item["quote"] for item in sabah["evidence"])


def test_a_sentence_turning_to_another_matter_starts_its_own_candidate(small: FactBase) -> None:
    data = draft_yaml(SALE, small)
    turn = _holding(data, "Parallèlement, on constate")
    assert [item["quote"] for item in turn["evidence"]] == [
        "Parallèlement, on constate un rapprochement entre Bakou et Ankara."
    ]


def test_a_selon_covering_one_sentence_of_a_candidate_is_not_the_entrys_hedge(
    small: FactBase,
) -> None:
    text = (
        "Exercices\n\n"
        "Selon le ministère turc, la Turquie et l'Azerbaïdjan ont mené un exercice naval. "
        "La Turquie et l'Azerbaïdjan ont aussi mené un exercice aérien.\n"
    )
    data = draft_yaml(text, small)
    both = _holding(data, "Selon le ministère turc")
    assert len(both["evidence"]) == 2, both["evidence"]  # one exercise pair, grouped
    assert "hedge" not in both
    note = both["draft"]["hedge_note"]
    assert "« selon le ministère turc »" in note and "jamais pour les autres" in note
    alone = draft_yaml(text.split(". La Turquie")[0] + ".\n", small)
    assert drafted_entries(alone)[0]["hedge"] == "selon le ministère turc"


def test_a_country_named_by_the_occupation_regions_were_freed_from_is_no_actor(
    small: FactBase,
) -> None:
    text = (
        "Déclaration\n\n"
        "La Turquie et l'Azerbaïdjan soutiendront le déminage des régions libérées de "
        "l'occupation arménienne.\n"
    )
    entry = drafted_entries(draft_yaml(text, small))[0]
    assert sorted(entry["actors"]) == ["AZ", "TR"]
    assert [hit["id"] for hit in entry["draft"]["nationals"]] == ["AM"]
    named = text.replace("de l'occupation arménienne", "et l'Arménie")
    assert "AM" in drafted_entries(draft_yaml(named, small))[0]["actors"]


def test_a_declaration_made_at_a_meeting_told_next_is_one_meeting(small: FactBase) -> None:
    text = (
        "# Date : 2024-03-14\n"
        "Le ministre en visite\n\n"
        "La coopération avec la Turquie est une priorité, a déclaré jeudi à Bakou le ministre "
        "azerbaïdjanais de la Défense. "
        "Le ministre a fait cette déclaration lors de sa rencontre jeudi avec une délégation "
        "turque.\n"
    )
    entries = drafted_entries(draft_yaml(text, small))
    assert len(entries) == 1, [entry["evidence"] for entry in entries]
    meeting = entries[0]
    assert meeting["type"] == "reunion"
    assert meeting["date"] == "2024-03-14"
    assert sorted(meeting["actors"]) == ["AZ", "TR"]
    assert len(meeting["evidence"]) == 2


PACT = (
    "Pacte\n\n"
    "En cas d'agression contre l'une des Parties, les Parties tiendront des consultations "
    "conjointes et s'apporteront l'aide nécessaire. "
    "La forme de cette aide sera déterminée par des discussions urgentes. "
    "Ces dispositions sont contenues dans la Déclaration de Kars sur l'alliance entre la "
    "République d'Azerbaïdjan et la République de Turquie. "
    "D'après la déclaration, les ministres de la Défense de la Turquie et de l'Azerbaïdjan "
    "se réuniront chaque année.\n"
)


def test_the_provisions_a_document_holds_are_that_document_an_agreement_never_skipped(
    small: FactBase,
) -> None:
    data = draft_yaml(PACT, small)
    pact = _holding(data, "Ces dispositions sont contenues")
    assert pact in data["agreements"]
    assert pact["act"] is None and pact["date"] is None  # neither signed nor dated by the text
    assert sorted(pact["parties"]) == ["AZ", "TR"]
    assert pact["tense"] == "futur"
    quotes = [item["quote"] for item in pact["evidence"]]
    assert quotes[0].startswith("En cas d'agression") and quotes[1].startswith("La forme")
    assert all(item["key"] for item in pact["evidence"])
    assert data["draft"]["skipped"] == []
    later = _holding(data, "se réuniront chaque année")
    assert later is not pact


def test_this_deal_told_after_an_intention_joins_the_sale_it_details(small: FactBase) -> None:
    text = (
        "Ventes d'armes\n\n"
        "Une entreprise turque a vendu à l'Azerbaïdjan des drones d'une valeur de 300 millions "
        "de dollars. "
        "Bakou compte recevoir aussi des radars. "
        "Selon le quotidien turc Sabah, cet accord comprend des drones armés et des radars.\n"
    )
    data = draft_yaml(text, small)
    sale = _holding(data, "a vendu à l'Azerbaïdjan")
    quotes = [item["quote"] for item in sale["evidence"]]
    assert quotes[1].startswith("Selon le quotidien turc Sabah, cet accord")
    assert "hedge" not in sale  # « selon Sabah » covers its sentence, not the sale
    assert "« selon le quotidien turc Sabah »" in sale["draft"]["hedge_note"]
    intention = _holding(data, "compte recevoir")
    assert intention is not sale and intention["draft"]["modality"]["kind"] == "intention"


def test_a_standfirst_the_body_repeats_is_no_candidate_of_its_own(small: FactBase) -> None:
    text = (
        'Plusieurs sources indiquent que la Turquie aurait livré des "drones" à '
        "l'Azerbaïdjan.\n"
        "La Turquie et l'Azerbaïdjan ont signé un accord de défense le 3 mars 2024.\n"
        "Plusieurs sources indiquent que la Turquie aurait livré des drones à l'Azerbaïdjan.\n"
    )
    data = draft_yaml(text, small)
    entries = drafted_entries(data)
    assert len(entries) == 2, [entry["evidence"] for entry in entries]
    repeated = next(
        entry
        for entry in entries
        if any("des drones à" in item["quote"] for item in entry["evidence"])
    )
    quotes = [item["quote"] for item in repeated["evidence"]]
    assert len(quotes) == 2 and quotes[1].startswith("Plusieurs sources") and '"' in quotes[1]
    assert repeated["evidence"][0]["key"] and not repeated["evidence"][1]["key"]


def test_a_plan_named_by_its_title_links_to_that_agreement_whatever_the_word_order(
    small: FactBase,
) -> None:
    text = (
        "Coopération\n\n"
        "Selon le ministre, la deuxième étape du Plan Militaire de Coopération de l'Azerbaïdjan "
        "avec le Royaume-Uni est en cours de réalisation.\n"
    )
    entry = drafted_entries(draft_yaml(text, small))[0]
    first = entry["draft"]["links"][0]
    assert first["entry"] == "plan-az-gb-2026" and first["relation"] == "même fait"
    assert "même accord nommé (« Plan Militaire de Coopération »" in first["reason"]
    other = text.replace("le Royaume-Uni", "le Kazakhstan")  # the same name, other partners
    links = drafted_entries(draft_yaml(other, small))[0]["draft"]["links"]
    assert all(link["entry"] != "plan-az-gb-2026" for link in links)


FIXTURE = Path(__file__).parent / "fixtures" / "draft_base"
SAID = (
    "Le président Ilham Aliyev a reçu le ministre turc à Bakou.",
    "Selon le président Ilham Aliyev, l'Azerbaïdjan modernise son armée.",
)


def _base_quoting(tmp_path: Path, pairs: list[tuple[str, list[str]]]) -> FactBase:
    """The fixture base with one more article and a fact per (quote, actors) pair."""
    base = tmp_path / "base"
    shutil.copytree(FIXTURE, base)
    (base / "seeds" / "propos.txt").write_text(
        "Propos\n\n" + " ".join(quote for quote, _ in pairs) + "\n", encoding="utf-8"
    )
    sources = base / "content" / "sources.yaml"
    sources.write_text(
        sources.read_text(encoding="utf-8")
        + "  - id: propos\n    label: Propos\n    outlet: null\n    title: Propos\n"
        "    published: null\n    published_text: null\n    seed: propos.txt\n",
        encoding="utf-8",
    )
    facts = base / "content" / "facts.yaml"
    facts.write_text(
        facts.read_text(encoding="utf-8")
        + "".join(
            f"  - id: propos-{number}\n    actors: [{', '.join(actors)}]\n    topics: []\n"
            f"    summary: Propos.\n    evidence:\n      - source: propos\n"
            f'        quote: "{quote}"\n'
            for number, (quote, actors) in enumerate(pairs)
        ),
        encoding="utf-8",
    )
    return load_factbase(base / "content", base / "seeds")


def test_a_person_the_base_quotes_with_one_country_gives_it_whatever_the_spelling(
    tmp_path: Path,
) -> None:
    base = _base_quoting(tmp_path, [(SAID[0], ["AZ", "TR"]), (SAID[1], ["AZ"])])
    text = (
        "Sanctions\n\n"
        "Favorable aux sanctions, Ilham Aliev a critiqué les entreprises russes. "
        "Les câbles révèlent le rapprochement du président Aliev avec Washington.\n"
    )
    data = draft_yaml(text, base)
    critic = _holding(data, "Ilham Aliev a critiqué")
    assert "AZ" in critic["actors"]
    note = next(item for item in critic["draft"]["resolved"] if item["actor"] == "AZ")["note"]
    assert "« Ilham Aliyev » est nommé dans 2 entrées de la base" in note
    assert "pas de l'article" in note
    cables = _holding(data, "président Aliev")
    assert sorted(cables["actors"]) == ["AZ", "US"]


def test_a_person_quoted_once_or_with_two_countries_gives_none(tmp_path: Path) -> None:
    text = "Sanctions\n\nFavorable aux sanctions, Ilham Aliev a critiqué les entreprises russes.\n"
    once = _base_quoting(tmp_path / "one", [(SAID[0], ["AZ", "TR"])])
    assert "AZ" not in _holding(draft_yaml(text, once), "Ilham Aliev")["actors"]
    both = _base_quoting(tmp_path / "two", [(SAID[0], ["AZ", "TR"]), (SAID[1], ["AZ", "TR"])])
    assert "AZ" not in _holding(draft_yaml(text, both), "Ilham Aliev")["actors"]
