"""Issue 23 (newcomer 6): the classes a sixth newcomer's correct articles exposed, each on a
small article of its own written into a throwaway copy of the base (``copy``)."""

from __future__ import annotations

from bot.engine.commands import answer
from bot.engine.index import Index
from bot.render.html import render_html
from tests.first_screen import Asked, has_fact, problems

CONTRACT = (
    "L'Azerbaïdjan a signé un contrat avec le constructeur italien Fincantieri le 3 mars pour "
    "deux patrouilleurs.\n"
)
QUOTE = "L'Azerbaïdjan a signé un contrat avec le constructeur italien Fincantieri le 3 mars"


def _only_an_undated_contract(copy) -> None:
    """Italy in the copy is only a party of one undated contract: no role, no fact, no date."""
    (copy.seeds / "fixture-contrat.txt").write_text(CONTRACT, encoding="utf-8")
    sources = copy.content / "sources.yaml"
    sources.write_text(
        sources.read_text(encoding="utf-8")
        + "  - id: fixture-contrat\n    label: Contrat (essai)\n    outlet: null\n    title: null\n"
        "    published: null\n    published_text: null\n    seed: fixture-contrat.txt\n",
        encoding="utf-8",
    )
    copy.edit("actors.yaml", "\norganisations:\n", "  - code: IT\n\norganisations:\n")
    agreements = copy.content / "agreements.yaml"
    agreements.write_text(
        agreements.read_text(encoding="utf-8") + "  - id: fixture-contrat-1\n"
        "    title: Contrat pour deux patrouilleurs\n"
        "    kind: accord\n"
        "    act: signe\n"
        "    parties: [AZ, IT]\n"
        "    date: null\n"
        "    date_text: 3 mars\n"
        "    summary: L'Azerbaïdjan a signé un contrat avec Fincantieri pour deux patrouilleurs.\n"
        "    evidence:\n"
        "      - source: fixture-contrat\n"
        f'        quote: "{QUOTE}"\n'
        "        key: true\n",
        encoding="utf-8",
    )


def test_a_card_whose_actor_is_only_party_to_an_undated_agreement_shows_it_with_its_quote(copy):
    """2. « /pays Italie »: a country known only as a party of an undated contract shows that
    contract and its quote on the first screen (not « cité sans rôle »), with the day the
    article gives — and no button repeating the one agreement the card holds whole."""
    _only_an_undated_contract(copy)
    index = Index(copy.load())
    assert has_fact(index, "IT")
    reply = answer(index, "/pays Italie")
    first = render_html(reply)[0]
    assert problems(index, Asked("/pays Italie"), reply) == []
    assert "sans lui donner de rôle" not in first
    assert QUOTE in first and "Contrat pour deux patrouilleurs" in first
    assert "« 3 mars » (année non indiquée)" in first
    assert not any("Accords" in button.text for row in reply.buttons for button in row)
