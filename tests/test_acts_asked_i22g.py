"""Issue 22 (outsiders' pass, point 1, fidelity): a question whose verb is an act (« qu'a signé
le Royaume-Uni ? », « quels accords … a signés ? ») lists only the agreements noted with that
act; the ones it leaves out are named with what the base notes instead, never listed as an
answer, and never said « not signed » about the articles. On the frozen five-article base,
where the long-term UK partnership has no act and only the 2026/27 plan is signed."""

from __future__ import annotations

from datetime import date

from bot.content.model import FactBase
from bot.engine.commands import answer
from bot.engine.index import Index
from bot.engine.questions import respond, understand
from bot.engine.reply import Item, Para, Reply
from bot.render.text import render_text

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
        assert "faute de signature notée dans la base" in _notes(reply)
        assert "ne disent pas" not in text  # nothing claimed about the articles


def test_yes_no_on_the_unsigned_partnership_never_lists_it_as_signed(five_base: FactBase) -> None:
    index = Index(five_base)
    for question in (
        "le Royaume-Uni a-t-il signé un partenariat stratégique ?",
        "quand a été signé le partenariat stratégique avec le Royaume-Uni ?",
    ):
        reply = respond(index, question, TODAY)
        text = render_text(reply)
        assert PARTNERSHIP not in _listed(reply), question
        assert PARTNERSHIP in _notes(reply), question
        assert not text.split("\n", 2)[-1].lstrip().startswith(("Oui", "Non")), question


def test_an_act_leaving_every_agreement_out_names_each_with_its_own_act(
    five_base: FactBase,
) -> None:
    index = Index(five_base)
    reply = respond(index, "qu'a signé l'OTAN ?", TODAY)
    assert "Partenariat pour la paix" not in _listed(reply)
    notes = _notes(reply)
    assert "Partenariat pour la paix (PPP) de l'OTAN (adhésion)" in notes
    assert "(aucun acte noté)" in notes  # the PAIP: no act at all


def test_signed_agreements_are_kept_and_nothing_said_left_out(five_base: FactBase) -> None:
    index = Index(five_base)
    for question, title in (
        ("qu'a signé la Turquie ?", "Mémorandum d'entente"),
        ("les États-Unis ont-ils signé un accord ?", "partenariat stratégique"),
    ):
        reply = respond(index, question, TODAY)
        assert title in render_text(reply), question
        assert "Non compté" not in _notes(reply), question


def test_the_accord_command_with_an_act_says_what_it_left_out(five_base: FactBase) -> None:
    index = Index(five_base)
    reply = answer(index, "/accord Royaume-Uni signé", TODAY)
    assert PARTNERSHIP in _notes(reply)
    assert PARTNERSHIP not in _listed(reply)
    plain = answer(index, "/accord Royaume-Uni", TODAY)  # no act asked: both, nothing left out
    assert PARTNERSHIP in _listed(plain) and "Non compté" not in _notes(plain)
