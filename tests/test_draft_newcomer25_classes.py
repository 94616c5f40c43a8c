"""The classes the twenty-fifth newcomer corrected by hand (issue 23), each on a short article
of our own, drafted against the fixture base (tests/fixtures/draft_base/) — never the shipped
content: a bill on a committee's agenda is no act done."""

from __future__ import annotations

from bot.content.modality import modality_of
from bot.content.support import undone_act
from tests.draft_helpers import draft_yaml, drafted_entries, small_base

APPROVED = ["approuv", "adopt", "ratifi", "approb"]

AGENDA = (
    "La commission de la défense du Parlement azerbaïdjanais s'est réunie mardi.\n\n"
    "Son président a déclaré que le projet de loi « sur la ratification de l'accord de "
    "coopération militaire entre l'Azerbaïdjan et la Turquie » figurait à l'ordre du jour de "
    "la réunion.\n\n"
    "Le texte a été recommandé pour discussion lors de la session plénière.\n"
)
BILL = (
    "Son président a déclaré que le projet de loi « sur la ratification de l'accord de "
    "coopération militaire entre l'Azerbaïdjan et la Turquie » figurait à l'ordre du jour."
)


def test_a_bill_on_an_agenda_says_no_ratification_done() -> None:
    for text in (
        BILL,
        "La commission a examiné le texte sur l'approbation du protocole avec la Géorgie.",
        "L'accord sur la ratification a été soumis au Parlement pour approbation.",
    ):
        modality = modality_of(text)
        assert modality is not None, text
    assert modality_of("Le Parlement a ratifié l'accord de coopération militaire.") is None
    assert modality_of("Les ministres ont examiné la coopération militaire.") is None


def test_check_refuses_approved_on_a_bill_and_accepts_a_ratification_done() -> None:
    assert undone_act([BILL], APPROVED, "passé"), "a bill on an agenda is no approval"
    assert undone_act(["Le Parlement a ratifié l'accord avec la Turquie."], APPROVED, "passé") == []


def test_the_draft_never_makes_a_bill_on_an_agenda_an_act_done() -> None:
    data = draft_yaml(AGENDA, small_base())
    for entry in drafted_entries(data):
        assert entry.get("act") not in ("approuve", "signe", "adhesion"), entry
    agreements = data.get("agreements") or []
    assert any("projet de loi" in item["quote"] for a in agreements for item in a["evidence"])
