"""The draft on short articles of our own, one per class a sixth newcomer met (issue 23): a
pasted copy whose lines are cut mid-sentence, a dateline giving day and month to the lead, a
done act holding a future clause, a company's country, « la menace iranienne ».
Runs on the fixture base (tests/fixtures/draft_base/), never on the shipped content."""

from __future__ import annotations

from typing import Any

import pytest

from bot.content.model import FactBase
from bot.draft.article import read_article
from bot.text import normalise_typography
from tests.draft_helpers import draft_yaml, drafted_entries, small_base


@pytest.fixture(scope="module")
def small() -> FactBase:
    return small_base()


_entries = drafted_entries


def _quotes(data: dict[str, Any]) -> list[str]:
    return [item["quote"] for entry in _entries(data) for item in entry["evidence"]]


CUT = (
    "# Date : 2024-03-05\n"
    "Ankara et Astana resserrent leurs liens\n"
    "Le ministre kazakh de la Défense a signé mardi un\n"
    "mémorandum de coopération avec\n"
    "son homologue turc à Ankara, entre la Turquie et\n"
    "Kazakhstan, a indiqué le ministère.\n"
    "\n"
    "La Turquie livrera des drones au Kazakhstan\n"
    "en 2025, a précisé le ministère.\n"
)


def test_lines_cut_mid_sentence_are_read_as_one_sentence(small: FactBase) -> None:
    article = read_article(CUT)
    texts = [" ".join(sentence.text.split()) for sentence in article.sentences]
    assert texts == [
        "Le ministre kazakh de la Défense a signé mardi un mémorandum de coopération avec son "
        "homologue turc à Ankara, entre la Turquie et Kazakhstan, a indiqué le ministère.",
        "La Turquie livrera des drones au Kazakhstan en 2025, a précisé le ministère.",
    ]
    assert article.title.value == "Ankara et Astana resserrent leurs liens"
    for sentence in article.sentences:  # offsets still point into the text as pasted
        raw = CUT[sentence.start : sentence.end]
        assert normalise_typography(raw) == normalise_typography(sentence.text)
    data = draft_yaml(CUT, small)
    seed = normalise_typography(CUT)
    quotes = _quotes(data)
    assert any(quote.startswith("Le ministre kazakh") and "Ankara" in quote for quote in quotes)
    assert all(normalise_typography(quote) in seed for quote in quotes), quotes
    signed = [entry for entry in data.get("agreements") or [] if entry.get("act") == "signe"]
    assert signed and set(signed[0]["parties"]) == {"KZ", "TR"}


def test_a_headline_or_a_finished_line_is_not_joined_to_the_next() -> None:
    text = (
        "Bakou et Ankara, une alliance\n"
        "Le ministre turc est arrivé à Bakou.\n"
        "Il a rencontré son homologue.\n"
    )
    article = read_article(text)
    assert article.title.value == "Bakou et Ankara, une alliance"
    assert [sentence.text for sentence in article.sentences] == [
        "Le ministre turc est arrivé à Bakou.",
        "Il a rencontré son homologue.",
    ]


DISPATCH = (
    "# Date : 2021-05-20\n"
    "Astana, 19 mai, AZERTAC\n"
    "\n"
    "Le ministre géorgien de la Défense a rencontré son homologue kazakh à Astana.\n"
    "\n"
    "La rencontre s'est terminée par la signature d'un plan de coopération militaire "
    "pour 2022 entre la Géorgie et le Kazakhstan.\n"
)


def test_a_dateline_dates_the_lead_with_the_curators_year_inferred(small: FactBase) -> None:
    data = draft_yaml(DISPATCH, small)
    meeting = (data.get("events") or [])[0]
    assert meeting["type"] == "reunion" and set(meeting["actors"]) == {"GE", "KZ"}
    assert meeting["date"] == "2021-05-19" and meeting["date_basis"] == "déduit"
    assert meeting["date_text"] == "19 mai"
    assert "ligne d'agence" in meeting["date_reason"] and "curateur" in meeting["date_reason"]
    assert "date_anchor" not in meeting  # the year is not the article's words
    assert meeting["evidence"][0] == {
        "source": "essai",
        "quote": "Astana, 19 mai, AZERTAC",
        "key": True,
    }
    plan = (data.get("agreements") or [])[0]
    assert plan["act"] == "signe" and plan["period"] == "2022"
    assert plan["date"] == "2021-05-19" and plan["date_basis"] == "déduit"


def test_a_dateline_without_a_year_anywhere_dates_nothing(small: FactBase) -> None:
    data = draft_yaml(DISPATCH.split("\n", 1)[1], small)
    for entry in _entries(data):
        assert entry.get("date") is None, entry
        assert "Astana, 19 mai, AZERTAC" not in [item["quote"] for item in entry["evidence"]]


def test_a_statement_in_the_lead_is_not_dated_by_the_dateline(small: FactBase) -> None:
    text = DISPATCH.replace("a rencontré son homologue kazakh à Astana", "a affirmé sa position")
    data = draft_yaml(text.split("\n\nLa rencontre")[0] + "\n", small)
    assert all(entry.get("date") is None for entry in _entries(data)), data


def test_a_contract_with_a_company_does_not_make_its_country_a_party(small: FactBase) -> None:
    text = (
        "# Date : 2021-05-20\n"
        "La Géorgie a signé un contrat avec l'industriel turc Aselsan le 3 mai pour acquérir "
        "des radars.\n"
    )
    data = draft_yaml(text, small)
    contract = (data.get("agreements") or [])[0]
    assert contract["act"] == "signe" and contract["parties"] == ["GE"]
    assert [hit["id"] for hit in contract["draft"]["nationals"]] == ["TR"]
    state = draft_yaml(text.replace("avec l'industriel turc Aselsan", "avec la Turquie"), small)
    assert set((state.get("agreements") or [])[0]["parties"]) == {"GE", "TR"}


def test_a_threat_named_by_its_country_is_neither_party_nor_place(small: FactBase) -> None:
    text = (
        "# Date : 2021-05-20\n"
        "Le Kazakhstan et la Géorgie ont tenu des consultations militaires face à la menace "
        "iranienne.\n"
    )
    entry = _entries(draft_yaml(text, small))[0]
    assert set(entry.get("actors") or entry.get("parties") or []) == {"KZ", "GE"}
    assert not entry["draft"]["places"]


def test_later_sentences_about_the_contract_join_it(small: FactBase) -> None:
    text = (
        "# Date : 2021-05-20\n"
        "La Géorgie a signé un contrat avec l'industriel turc Aselsan le 3 mai pour acquérir "
        "des radars.\n\n"
        "Un total de six radars pourraient figurer dans ce contrat.\n\n"
        "Une délégation géorgienne était en Turquie pour la signature du contrat en présence de "
        "représentants des ministres de la Défense des deux pays. Cet accord fait partie du "
        "programme de modernisation de l'armée géorgienne.\n"
    )
    data = draft_yaml(text, small)
    agreements = data.get("agreements") or []
    assert len(agreements) == 1, agreements
    quotes = [item["quote"] for item in agreements[0]["evidence"]]
    assert any("pour la signature du contrat" in quote for quote in quotes)
    assert any(quote.startswith("Cet accord fait partie") for quote in quotes)
    assert agreements[0]["parties"] == ["GE"]
    maybe = [e for e in data.get("facts") or [] if "pourraient" in e["evidence"][0]["quote"]]
    assert maybe and maybe[0].get("tense") == "conditionnel"  # a possibility stays apart


def test_a_done_act_with_a_future_relative_clause_stays_done(small: FactBase) -> None:
    from bot.content.clauses import main_clauses
    from bot.draft.analyse import tense_of

    done = (
        "Le ministre géorgien, en visite au Kazakhstan afin de participer au sommet qui aura "
        "lieu à Astana, a rencontré son homologue kazakh."
    )
    assert "aura" not in main_clauses(done) and "a rencontré" in main_clauses(done)
    assert tense_of(done) == "passé"
    # the clause's own event stays future, and a sentence with no done act keeps its future
    assert tense_of("Le sommet aura lieu à Astana.") == "futur"
    coming = "Le ministre participera au sommet qui aura lieu à Astana."
    assert main_clauses(coming) == coming and tense_of(coming) == "futur"
    announced = "La Géorgie a annoncé un exercice à Batoumi qui débutera demain."
    assert main_clauses(announced) == announced and tense_of(announced) == "futur"
    entry = _entries(draft_yaml("# Date : 2021-05-20\n" + done + "\n", small))[0]
    assert entry.get("tense", "passé") == "passé" and entry["draft"]["tense"] == "passé"


def test_a_sentence_naming_no_one_about_the_contract_takes_its_parties(small: FactBase) -> None:
    text = (
        "# Date : 2021-05-20\n"
        "La Géorgie a signé un contrat avec la Turquie le 3 mai pour acquérir des radars.\n\n"
        "Le nombre de radars n'a pas été communiqué, mais ils seront livrés dans une version "
        "nouvelle. Un total de six radars pourraient figurer dans ce contrat.\n\n"
        "Le programme comprend aussi des munitions de petit calibre fabriquées localement.\n"
    )
    data = draft_yaml(text, small)
    facts = {entry["evidence"][0]["quote"][:12]: entry for entry in data.get("facts") or []}
    for opening in ("Le nombre de", "Un total de "):
        fact = facts[opening]
        assert set(fact["actors"]) == {"GE", "TR"}, fact
        assert {item["actor"] for item in fact["draft"]["resolved"]} == {"GE", "TR"}
    # a sentence naming no one and pointing back at nothing takes no one
    assert all(
        not entry.get("actors")
        for entry in data.get("facts") or []
        if entry["evidence"][0]["quote"].startswith("Le programme")
    )


def test_an_attribution_of_a_later_sentence_does_not_lead_a_shortened_line() -> None:
    from bot.text import short_label

    line = (
        "Contrat avec Aselsan pour des radars : La Géorgie a signé un contrat avec la société "
        "Aselsan pour acquérir des radars. Ce contrat fait partie du programme de "
        "modernisation de l'armée, « qui se tourne vers l'industrie turque » selon Aselsan."
    )
    shown = short_label(line, 120)
    assert not shown.startswith("Selon") and shown.startswith("Contrat avec Aselsan")
    # an attribution of what the cut shows still leads it
    said = (
        "Radars pour la Géorgie : la Géorgie achètera des radars turcs en 2022 selon la presse "
        "géorgienne et ses sources. Le contrat sera signé à Tbilissi."
    )
    assert short_label(said, 60).startswith("Selon la presse")
