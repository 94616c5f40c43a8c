"""The classes still left after the twelfth newcomer (issue 23, point 2), each on a short article
of our own, drafted against the fixture base (tests/fixtures/draft_base/), never the shipped
content."""

from __future__ import annotations

import pytest

from bot.content.model import FactBase
from tests.draft_helpers import draft_yaml, drafted_entries, small_base
from tests.draft_helpers import entry_holding as _holding


@pytest.fixture(scope="module")
def small() -> FactBase:
    return small_base()


DATED = "# URL : https://exemple.org/article-1\n# Date : 2022-06-10\n"

VISIT = (
    "Le vice-ministre turc de la Défense est arrivé en Géorgie pour l'ouverture du centre "
    "commun turco-russe de surveillance.\n\n"
)


def test_another_speakers_remarks_after_a_visit_are_another_fact(small: FactBase) -> None:
    text = (
        DATED
        + VISIT
        + (
            "En recevant des responsables turcs, le ministre de la Défense a une nouvelle fois "
            "parlé des liens militaires, affirmant que cela contribue aux intérêts des deux pays.\n"
        )
    )
    entries = drafted_entries(draft_yaml(text, small))
    visit = [e for e in entries if "est arrivé" in e["evidence"][0]["quote"]]
    remarks = [e for e in entries if "deux pays" in e["evidence"][0]["quote"]]
    assert len(visit) == 1 and len(remarks) == 1, "a visit and another speaker's remarks: two"
    assert len(visit[0]["evidence"]) == 1
    # the visit may be quoted with the remarks only as the context that names « les deux pays »
    context = set(remarks[0]["draft"].get("named_in") or [])
    assert all(
        item["quote"] in context for item in remarks[0]["evidence"] if "est arrivé" in item["quote"]
    )


def test_a_settled_pair_after_the_sentence_before_still_joins_it(small: FactBase) -> None:
    text = DATED + (
        "Les militaires turcs et géorgiens ont mené un exercice conjoint à Batoumi.\n\n"
        "Le ministre turc a affirmé que cet exercice sert les intérêts des deux pays.\n"
    )
    data = draft_yaml(text, small)
    assert _holding(data, "ont mené")["id"] == _holding(data, "intérêts des deux pays")["id"]


RECEIVED = (
    "La Géorgie a officiellement réceptionné un premier lot de cinq hélicoptères livrés par la "
    "Turquie. Cette acquisition marque une étape clé dans la modernisation de l'armée "
    "géorgienne. Selon plusieurs sources, la livraison a été finalisée à la fin de mai 2022.\n"
)


def test_what_the_event_just_told_shows_is_a_fact_apart(small: FactBase) -> None:
    entries = drafted_entries(draft_yaml(DATED + RECEIVED, small))
    judged = [e for e in entries if any("marque une étape" in i["quote"] for i in e["evidence"])]
    assert len(judged) == 1
    assert [item["quote"][:21] for item in judged[0]["evidence"]] == ["Cette acquisition mar"]


def test_the_sentence_after_a_judgement_goes_on_with_the_event(small: FactBase) -> None:
    data = draft_yaml(DATED + RECEIVED, small)
    event = _holding(data, "officiellement réceptionné")
    assert any("la livraison a été finalisée" in item["quote"] for item in event["evidence"])


def test_this_meeting_told_just_before_joins_it(small: FactBase) -> None:
    text = DATED + (
        "Le ministre géorgien de la Défense s'est entretenu à Tbilissi avec son homologue turc. "
        "Cette rencontre a permis d'évoquer la coopération militaire entre les deux pays.\n"
    )
    entries = drafted_entries(draft_yaml(text, small))
    assert len(entries) == 1 and len(entries[0]["evidence"]) == 2


MET = (
    "Le ministre géorgien de la Défense a rencontré le 12 novembre son homologue turc à Tbilissi.\n"
)


def test_a_day_months_before_a_dated_article_told_in_the_past_is_inferred(
    small: FactBase,
) -> None:
    entry = drafted_entries(draft_yaml(DATED + MET, small))[0]
    assert entry["date"] == "2021-11-12" and entry["date_basis"] == "déduit"
    assert "10 juin 2022" in entry["date_note"] and "au passé" in entry["date_note"]
    assert "curateur" in entry["date_note"], "the article's date came from the curator"


def test_a_day_months_after_a_dated_article_told_in_the_future_is_inferred(
    small: FactBase,
) -> None:
    text = DATED + "Le ministre géorgien de la Défense se rendra le 12 novembre en Turquie.\n"
    entry = drafted_entries(draft_yaml(text, small))[0]
    assert entry["date"] == "2022-11-12" and entry["date_basis"] == "déduit"


def test_a_day_without_year_in_an_undated_article_still_dates_nothing(small: FactBase) -> None:
    entry = drafted_entries(draft_yaml("# URL : https://exemple.org/article-1\n" + MET, small))[0]
    assert entry["draft"]["kind"] == "constat" and entry.get("date") is None


AHEAD = (
    "Le ministre turc Hulusi Akar se rendra mercredi à Tbilissi pour rencontrer le président "
    "géorgien. La visite se concentrera sur la défense. « Cela comprend la coopération "
    "industrielle », lit-on dans un communiqué. {who} rencontrera également le chef des "
    "gardes-frontières géorgiens. Son chef de cabinet et son secrétaire militaire "
    "l'accompagneront.\n"
)


def test_one_more_meeting_of_the_visitor_joins_the_visit(small: FactBase) -> None:
    data = draft_yaml(DATED + AHEAD.format(who="Hulusi Akar"), small)
    visit = _holding(data, "se rendra mercredi")
    quotes = " ".join(item["quote"] for item in visit["evidence"])
    assert "rencontrera également" in quotes, "regrouper: the visitor's other meeting"
    assert "Son chef de cabinet" in quotes, "his staff coming along is the visit's too"


def test_another_persons_meeting_stays_apart_from_the_visit(small: FactBase) -> None:
    data = draft_yaml(DATED + AHEAD.format(who="Le ministre Irakli Garibachvili"), small)
    visit = _holding(data, "se rendra mercredi")
    assert not any("rencontrera également" in item["quote"] for item in visit["evidence"])
