"""A list of the agreements of a pair says, on each line, the role of a named actor that is not
a party: under « Accords — Azerbaïdjan et États-Unis » a peace the United States only mediated
must not read as an agreement between the two (found by an outside phone reader)."""

from __future__ import annotations

import pytest

from bot.engine import routes
from bot.engine.commands import answer
from bot.engine.common import actor_name
from bot.engine.index import Index
from bot.engine.reply import Item


@pytest.fixture(scope="module")
def index(five_base) -> Index:
    return Index(five_base)


def _listed(index: Index, party: str, mediator: str) -> list[tuple[str, str]]:
    """(agreement id, line) of the list /accord <party> <mediator> shows (empty for a card)."""
    names = [index.base.actors[a].name for a in (party, mediator)]
    reply = answer(index, f"/accord {names[0]} {names[1]}")
    lines = [b.text for b in reply.blocks if isinstance(b, Item)]
    ids = [
        button.data.split(":")[-1]
        for row in reply.buttons
        for button in row
        if button.data.startswith(routes.AGREEMENT.build("x")[:-1])
    ]
    return list(zip(ids, lines, strict=False)) if len(lines) > 1 else []


def test_each_line_of_a_pair_list_says_who_only_mediated(index):
    checked = 0
    for agreement in index.base.agreements:
        for mediator in agreement.mediators:
            for party in agreement.parties:
                listed = _listed(index, party, mediator)
                role = f"{actor_name(index.base.actors[mediator])} : médiateur"
                for agreement_id, line in listed:
                    shown = next(a for a in index.base.agreements if a.id == agreement_id)
                    assert (role in line) == (mediator in shown.mediators), line
                    checked += 1
    assert checked >= 2, "la base figée a une liste de paire avec un accord arbitré"


def test_signed_by_a_pair_never_counts_what_one_of_them_only_mediated(index):
    checked = 0
    for agreement in index.base.agreements:
        if agreement.act != "signe":
            continue
        for mediator in agreement.mediators:
            for party in agreement.parties:
                names = [index.base.actors[a].name for a in (party, mediator)]
                reply = answer(index, f"/accord {names[0]} {names[1]} signés")
                text = " ".join(getattr(b, "text", "") for b in reply.blocks)
                # not among the pair's signed agreements, and never said unsigned: left out
                # with its mediator named, or (nothing else fits) its card with « médiateur,
                # non signataire » (task i22zl: never « aucun accord ne correspond »)
                left_out = f"{agreement.title} (" in text and "médiateur" in text
                assert left_out or "médiateur, non signataire" in text, text
                assert "Aucun accord ne correspond" not in text, text
                assert "sans signature" not in text.split(agreement.title)[0][-80:], text
                lines = [b.text for b in reply.blocks if isinstance(b, Item)]
                assert not any(agreement.label and agreement.label in line for line in lines)
                checked += 1
    assert checked, "la base figée a un accord signé avec médiation"
