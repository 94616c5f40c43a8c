"""The classes the twenty-fifth newcomer corrected by hand (issue 23), each on a short article
of our own, drafted against the fixture base (tests/fixtures/draft_base/) — never the shipped
content: a bill on a committee's agenda is no act done; a new organisation in a draft; a list
written inline kept inline by ``--promote``; a site that signs its page is the outlet."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest

from bot.cli import main
from bot.content.loader import load_factbase
from bot.content.modality import modality_of
from bot.content.support import undone_act
from bot.draft.check_drafts import run_check_drafts
from tests.draft_helpers import draft_yaml, drafted_entries, entry_holding, small_base

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


# --- promote: a new organisation in the draft; a list written inline stays inline ----------

FIXTURES = Path(__file__).parent / "fixtures"
DRAFT = "depeche-bakou-astana.yaml"
ORGANISATION = """\
organisations:
- id: azertac
  name: AZERTAC
  full_name: AZERTAC
  kind: organisation
"""


def _promotable(tmp_path: Path) -> Path:
    """A copy of the draft fixture base with the promote fixture's draft, as the curator wrote
    it (``actors: [AZ, KZ]`` inline), plus a new organisation section."""
    shutil.copytree(FIXTURES / "draft_base" / "content", tmp_path / "content")
    shutil.copytree(FIXTURES / "draft_base" / "seeds", tmp_path / "seeds")
    drafts = tmp_path / "content" / "drafts"
    drafts.mkdir()
    article = drafts / "depeche-bakou-astana.txt"
    shutil.copyfile(FIXTURES / "promote" / "depeche-bakou-astana.txt", article)
    text = (FIXTURES / "promote" / DRAFT).read_text(encoding="utf-8")
    text = text.replace("article: depeche-bakou-astana.txt", f"article: {article}", 1)
    assert "actors: [AZ, KZ]" in text
    (drafts / DRAFT).write_text(text + ORGANISATION, encoding="utf-8")
    return tmp_path


def test_a_draft_may_hold_a_new_organisation_and_promote_keeps_inline_lists(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _promotable(tmp_path)
    out = io.StringIO()
    status = run_check_drafts(root / "content" / "drafts", root / "content", root / "seeds", out)
    assert "section inconnue" not in out.getvalue() and status == 0, out.getvalue()
    paths = ["--content", str(root / "content"), "--seeds", str(root / "seeds")]
    assert main([*paths, "draft", "--promote", str(root / "content" / "drafts" / DRAFT)]) == 0
    capsys.readouterr()
    events = (root / "content" / "events.yaml").read_text(encoding="utf-8")
    assert "actors: [AZ, KZ]" in events, events
    loaded = load_factbase(root / "content", root / "seeds")
    assert loaded.actors["azertac"].name == "AZERTAC"
    assert main([*paths, "check"]) == 0


def test_a_site_that_signs_its_page_with_its_name_is_the_outlet() -> None:
    page = (
        "# URL : https://fr.exemplevision.az/news/92006/cooperation.html\n"
        "La coopération militaire se développe\n\n"
        "Le ministre azerbaïdjanais de la Défense a reçu son homologue turc à Bakou mardi.\n\n"
        "Exemplevision.az\n\n"
        "Tags: Turquie\n"
    )
    source = draft_yaml(page, small_base())["sources"][0]
    assert source["outlet"] == "Exemplevision.az", source
    assert source.get("outlet_basis") != "adresse", source
    elsewhere = page.replace("Exemplevision.az\n", "Autrevision.az\n")
    assert draft_yaml(elsewhere, small_base())["sources"][0]["outlet"] != "Autrevision.az"


# --- grouping: a speaker's words on another subject are his, not the meeting's ------------

COUNCIL = (
    "Bakou, 4 septembre, AZERTAC\n\n"
    "Le ministre azerbaïdjanais de la Défense, en visite de travail en Turquie, a participé "
    "le 4 septembre 2020 à la réunion ordinaire du Conseil des ministres de la défense, tenue à "
    "Ankara.\n\n"
    "Prenant la parole lors de la réunion, le ministre azerbaïdjanais a souligné que le conflit "
    "entre l'Arménie et l'Azerbaïdjan durait depuis de nombreuses années.\n\n"
    "Evoquant la provocation commise par l'Arménie à la frontière, le ministre de la Défense a "
    "déclaré qu'Erevan visait à porter atteinte aux relations de l'Azerbaïdjan.\n\n"
    "La réunion s'est soldée par la signature d'une déclaration commune des ministres.\n"
)


def test_a_speech_about_a_third_country_at_a_meeting_is_the_speakers_own_entry() -> None:
    data = draft_yaml(COUNCIL, small_base())
    meeting = entry_holding(data, "a participé")
    speech = entry_holding(data, "Prenant la parole")
    assert meeting is not speech, meeting
    assert entry_holding(data, "Evoquant la provocation") is speech, drafted_entries(data)
    assert entry_holding(data, "La réunion s'est soldée") is meeting
    assert "AM" not in meeting["actors"], meeting  # Armenia is only talked about


def test_words_to_the_counterpart_stay_the_meetings() -> None:
    thanks = COUNCIL.replace(
        "le conflit entre l'Arménie et l'Azerbaïdjan durait depuis de nombreuses années",
        "la Turquie soutenait la position de l'Azerbaïdjan face à l'Arménie",
    )
    data = draft_yaml(thanks, small_base())
    assert entry_holding(data, "Prenant la parole") is entry_holding(data, "a participé")


SIGNINGS = (
    "Le Kazakhstan et l'Azerbaïdjan ont signé un accord de coopération en défense à Bakou.\n"
    "Le ministre kazakh de la Défense et son homologue azerbaïdjanais ont officialisé cet "
    "accord dans la capitale azerbaïdjanaise.\n"
    "Plus tôt mercredi, le président kazakh s'est entretenu à Bakou avec son homologue "
    "azerbaïdjanais.\n"
    "À l'issue de cette rencontre, le ministre des Affaires étrangères azerbaïdjanais et son "
    "homologue kazakh ont signé un accord de coopération dans le domaine de l'éducation.\n"
)


def test_talks_and_an_agreement_other_ministers_signed_are_not_the_first_agreement() -> None:
    data = draft_yaml(SIGNINGS, small_base())
    defence = entry_holding(data, "coopération en défense")
    assert entry_holding(data, "ont officialisé cet accord") is defence
    assert entry_holding(data, "s'est entretenu") is not defence, defence
    education = entry_holding(data, "domaine de l'éducation")
    assert education is not defence, defence
    assert education.get("act") == "signe" and sorted(education["parties"]) == ["AZ", "KZ"]


def test_a_meeting_of_the_countrys_own_parliament_gets_no_foreign_party() -> None:
    text = (
        "La commission de la défense du Milli Madjlis (Parlement de la République) s'est "
        "réunie le 21 mai 2020 par visioconférence.\n\n"
        "Son président a déclaré que le projet de loi « sur la ratification de l'accord de "
        "coopération militaire entre l'Azerbaïdjan et la Turquie » figurait à l'ordre du jour.\n\n"
        "Le document vise à renforcer la coopération militaire entre l'Azerbaïdjan et la Turquie.\n"
    )
    data = draft_yaml(text, small_base())
    meeting = entry_holding(data, "s'est réunie")
    assert "TR" not in meeting["actors"] and "AZ" in meeting["actors"], meeting
    assert "milli-madjlis" in meeting["actors"]  # the body that met, proposed as new
    assert [card["id"] for card in data["organisations"]] == ["milli-madjlis"]


def test_two_bills_in_one_sentence_are_two_agreements_neither_done() -> None:
    text = (
        "Le président de la commission a déclaré que le projet de loi « sur la ratification de "
        "l'accord de coopération financière militaire entre l'Azerbaïdjan et la Turquie » et le "
        "projet de loi « sur l'approbation du protocole additionnel à l'accord de sécurité "
        "entre l'Azerbaïdjan et la Turquie » figuraient à l'ordre du jour de la réunion.\n"
    )
    agreements = draft_yaml(text, small_base()).get("agreements") or []
    assert len(agreements) == 2, agreements
    assert all(item.get("act") is None for item in agreements), agreements


def test_a_body_named_with_its_acronym_is_proposed_and_is_an_actor_of_its_meeting() -> None:
    text = COUNCIL.replace(
        "réunion ordinaire du Conseil des ministres de la défense,",
        "réunion ordinaire du Conseil des ministres de la défense de la Communauté des Etats "
        "Indépendants (CEI),",
    )
    data = draft_yaml(text, small_base())
    cards = {card["id"]: card for card in data.get("organisations") or []}
    assert cards["cei"]["full_name"] == "Communauté des Etats Indépendants", cards
    assert "cei" in entry_holding(data, "a participé")["actors"]
    framed = text.replace("a participé le 4 septembre 2020 à", "afin de participer à")
    meeting = [
        e for e in drafted_entries(draft_yaml(framed, small_base())) if "CEI" in str(e["evidence"])
    ]
    assert all("cei" not in entry.get("actors", []) for entry in meeting), meeting
