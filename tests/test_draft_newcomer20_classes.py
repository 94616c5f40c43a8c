"""The classes a twentieth newcomer corrected by hand (issue 23), each on a short article of
our own, drafted against the fixture base (tests/fixtures/draft_base/) — never the shipped
content nor the bench articles."""

from __future__ import annotations

from bot.draft.analyse import agreement_kind
from tests.draft_helpers import draft_yaml, drafted_entries, entry_holding, small_base

# -- kind: a phone call is a meeting; a welcome a declaration; a protocol an accord -------------


def test_a_phone_call_is_a_meeting_with_what_was_discussed_in_it() -> None:
    data = draft_yaml(
        "# Date : 2024-03-06\n"
        "Un entretien téléphonique a eu lieu ce mardi entre le ministre turc de la Défense et "
        "son homologue kazakh, a indiqué le ministère.\n\n"
        "Le ministre kazakh a salué les relations entre les deux pays.\n\n"
        "Au cours de la conversation, les parties ont discuté de la formation des officiers.\n",
        small_base(),
    )
    call = next(e for e in drafted_entries(data) if "téléphonique" in e["evidence"][0]["quote"])
    assert call["type"] == "reunion"
    assert any("Au cours de la conversation" in item["quote"] for item in call["evidence"])


def test_relations_it_entertains_are_no_meeting_and_a_welcome_is_a_declaration() -> None:
    data = draft_yaml(
        "# Date : 2024-03-06\n"
        "En décembre, la Turquie s'était félicitée de l'ouverture prochaine à Astana d'un "
        "consulat du Kazakhstan, pays avec lequel Ankara entretient des relations étroites.\n",
        small_base(),
    )
    welcome = entry_holding(data, "s'était félicitée")
    assert welcome["type"] == "declaration"


def test_a_protocol_is_an_accord_and_a_protocol_of_agreement_a_memorandum() -> None:
    assert agreement_kind("Les deux ministres ont signé un protocole de coopération.") == "accord"
    assert agreement_kind("Ils ont signé un protocole d'accord sur la formation.") == "memorandum"
    assert agreement_kind("Ils ont signé un mémorandum sur la formation.") == "memorandum"
