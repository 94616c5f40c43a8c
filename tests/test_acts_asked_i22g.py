"""Issue 22 (outsiders' pass, point 1, fidelity): a question whose verb is an act (« qu'a signé
le Royaume-Uni ? », « quels accords … a signés ? ») lists only the agreements noted with that
act; the ones it leaves out are named with what the base notes instead, never listed as an
answer, and never said « not signed » about the articles. On the frozen five-article base,
where the long-term UK partnership has no act and only the 2026/27 plan is signed."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from bot.content.loader import load_factbase
from bot.content.model import FactBase
from bot.engine.acts_asked import left_out_para
from bot.engine.commands import answer
from bot.engine.index import Index
from bot.engine.questions import respond, understand
from bot.engine.reply import Item, Para, Reply
from bot.render.text import render_text
from tests.conftest import FIVE

TODAY = date(2026, 12, 6)
PARTNERSHIP = "Partenariat stratégique de long terme"


def _listed(reply: Reply) -> str:
    """What the answer gives as answers: its title and its numbered lines, not its notes."""
    titles = [b.text for b in reply.blocks if isinstance(b, Para) and b.style == "title"]
    return " | ".join([*titles, *(b.text for b in reply.blocks if isinstance(b, Item))])


def _notes(reply: Reply) -> str:
    return " | ".join(b.text for b in reply.blocks if isinstance(b, Para) and b.style == "note")


def test_what_the_uk_signed_lists_the_signed_plan_only(five_base: FactBase) -> None:
    index = Index(five_base)
    for question in ("qu'a signé le Royaume-Uni ?", "quels accords le Royaume-Uni a signés ?"):
        found = understand(index, question, TODAY)
        assert found is not None and found.data.split()[:2] == ["/accord", "GB"]
        assert "signe" in found.data.split()
        reply = respond(index, question, TODAY)
        text = render_text(reply)
        assert "Plan de coopération bilatérale" in text
        assert PARTNERSHIP not in _listed(reply), question
        assert PARTNERSHIP in _notes(reply)  # named, with why it is not counted
        assert "sans signature rapportée" in _notes(reply)
        assert "ne disent pas" not in text  # nothing claimed about the articles


def test_yes_no_on_the_unsigned_partnership_never_lists_it_as_signed(five_base: FactBase) -> None:
    index = Index(five_base)
    for question in (
        "le Royaume-Uni a-t-il signé un partenariat stratégique ?",
        "quand a été signé le partenariat stratégique avec le Royaume-Uni ?",
    ):
        reply = respond(index, question, TODAY)
        text = render_text(reply)
        # named by its title words, the answer is about it (issue 22, i22h): said unsigned
        # first, then its own card, with no signing line — never listed as signed
        opening = reply.blocks[0]
        assert isinstance(opening, Para), question
        assert opening.text.startswith(
            ("Les articles ne rapportent aucune signature", "Les articles ne donnent pas")
        ), question
        assert PARTNERSHIP in opening.text, question
        assert not any(isinstance(b, Item) and b.label == "Signature" for b in reply.blocks)
        assert not text.split("\n", 2)[-1].lstrip().startswith(("Oui", "Non")), question


def test_an_act_leaving_every_agreement_out_names_each_with_its_own_act(
    five_base: FactBase,
) -> None:
    index = Index(five_base)
    reply = respond(index, "qu'a signé l'OTAN ?", TODAY)
    assert "Partenariat pour la paix" not in _listed(reply)
    notes = _notes(reply)
    assert "Partenariat pour la paix (PPP) de l'OTAN (adhésion)" in notes
    paip = next(a.title for a in five_base.agreements if a.act is None and "otan" in a.parties)
    assert f"{paip}." in notes or f"{paip} ;" in notes  # no act at all: its title alone
    assert "noté" not in notes and "base" not in notes  # a reader's words, never the base's


def test_signed_agreements_are_kept_and_nothing_said_left_out(five_base: FactBase) -> None:
    index = Index(five_base)
    for question, title in (
        ("qu'a signé la Turquie ?", "Mémorandum d'entente"),
        ("les États-Unis ont-ils signé un accord ?", "partenariat stratégique"),
    ):
        reply = respond(index, question, TODAY)
        assert title in render_text(reply), question
        # an agreement left out is never said unsigned when it is (the peace the United
        # States only mediated is left out as « pas partie », not « faute de signature »)
        assert "sans signature rapportée" not in _notes(reply), question


def test_the_accord_command_with_an_act_says_what_it_left_out(five_base: FactBase) -> None:
    index = Index(five_base)
    reply = answer(index, "/accord Royaume-Uni signé", TODAY)
    assert PARTNERSHIP in _notes(reply)
    assert PARTNERSHIP not in _listed(reply)
    plain = answer(index, "/accord Royaume-Uni", TODAY)  # no act asked: both, nothing left out
    assert PARTNERSHIP in _listed(plain) and "Aussi dans les articles" not in _notes(plain)


def test_an_act_no_article_speaks_of_is_said_first_never_listed_as_done(
    five_base: FactBase,
) -> None:
    index = Index(five_base)
    for question in (
        "qu'a ratifié le Royaume-Uni ?",
        "quels accords la Turquie a ratifiés ?",
        "la Turquie a-t-elle ratifié le mémorandum ?",
    ):
        reply = respond(index, question, TODAY)
        opening = reply.blocks[0]
        assert isinstance(opening, Para), question
        assert opening.text.startswith("Les articles ne mentionnent pas « ratifi"), question
        assert "texte intégral" in opening.text  # what was searched
        assert "Oui" not in render_text(reply).splitlines()[0], question


def test_an_act_an_article_speaks_of_is_never_said_absent(tmp_path: Path) -> None:
    content, seeds = tmp_path / "content", tmp_path / "seeds"
    shutil.copytree(FIVE / "content", content)
    shutil.copytree(FIVE / "seeds", seeds)
    seed = seeds / "lagazette-plan-defense-royaume-uni.txt"
    added = "Le Parlement britannique a ratifié le plan en novembre."
    seed.write_text(seed.read_text(encoding="utf-8") + f"\n{added}\n", encoding="utf-8")
    index = Index(load_factbase(content, seeds))
    text = render_text(respond(index, "qu'a ratifié le Royaume-Uni ?", TODAY))
    assert "ne mentionnent pas « ratifié »" not in text


def test_the_left_out_note_is_written_in_french_for_every_act(five_base: FactBase) -> None:
    index = Index(five_base)
    signed = [a for a in five_base.agreements if a.act == "signe"]
    approved = left_out_para(index, ["approuve"], signed[:1])
    assert approved is not None and "sans approbation rapportée" in approved.text
    assert "(signature)" in approved.text  # the act the articles report instead
    many = left_out_para(index, ["adhesion"], signed[:3])
    assert many is not None and many.text.startswith("Aussi dans les articles, sans adhésion")
    assert many.text.endswith("; et 1 autre (voir /accord).")
