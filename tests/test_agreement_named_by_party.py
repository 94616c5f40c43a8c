"""« quels domaines couvre l'accord avec Washington ? »: the agreement the actor named is a
PARTY of is the subject, not one it only mediated whose sentence happens to write its alias
(the Azerbaijan – Armenia accord « avec la médiation des États-Unis … Washington empiétant … »):
an outside reader of the thirteenth set's answers found the US accord's domains shown under the
Armenia accord."""

from __future__ import annotations

from bot.content.model import FactBase
from bot.engine.reply import Para
from tests.chat import chat


def test_the_accord_with_an_actor_is_one_it_signed_not_one_it_mediated(
    five_base: FactBase,
) -> None:
    us_party = [a for a in five_base.agreements if "US" in a.parties]
    mediated = [a for a in five_base.agreements if "US" in a.mediators]
    assert us_party and mediated  # the case holds on the frozen base
    for question in (
        "quels domaines couvre l accord avec Washington ?",
        "l'accord avec les USA porte sur quoi ?",
    ):
        (reply,) = chat(five_base, question)
        compris = next(b.text for b in reply.blocks if isinstance(b, Para) and "Compris" in b.text)
        for agreement in mediated:  # its parties: none of them was asked
            others = [five_base.actors[p].name for p in agreement.parties if p != "AZ"]
            assert not any(name in compris for name in others), compris
