"""Issue 22 (newcomer 14): no « Oui, d'après l'article » over a quote that reports the question
or declares what is asked needless. A made-up article in a throwaway copy of the frozen
five-article base: a reporter asks whether Georgia needs a training camp in Azerbaijan, and the
minister answers that their defence pact makes one pointless."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from bot.engine.index import Index
from bot.engine.questions import respond
from bot.engine.reply import Para
from bot.engine.yesno import denies, states
from bot.render.text import render_text
from tests.conftest import FIVE, ContentCopy

TODAY = date(2026, 12, 6)
ASKED_BACK = (
    "Quand un journaliste lui a demandé si la Géorgie avait besoin d'un camp d'entraînement "
    "en Azerbaïdjan, le ministre a évoqué le pacte de défense signé entre Tbilissi et Bakou"
)
DENIAL = (
    "Ce pacte rend inutile tout camp d'entraînement de l'un des deux pays sur le sol de "
    "l'autre, a ajouté le ministre"
)
SEED = f"{ASKED_BACK}.\n\n« {DENIAL}. »\n"


@pytest.fixture
def copy(tmp_path: Path) -> ContentCopy:
    """A throwaway copy of the frozen five-article base (not of the shipped content)."""
    shutil.copytree(FIVE / "content", tmp_path / "content")
    shutil.copytree(FIVE / "seeds", tmp_path / "seeds")
    return ContentCopy(tmp_path / "content", tmp_path / "seeds")


def _camp_index(copy: ContentCopy) -> Index:
    (copy.seeds / "fixture-camp.txt").write_text(SEED, encoding="utf-8")
    sources = copy.content / "sources.yaml"
    sources.write_text(
        sources.read_text(encoding="utf-8")
        + "  - id: fixture-camp\n    label: Camp (essai)\n    outlet: null\n    title: null\n"
        "    published: null\n    published_text: null\n    seed: fixture-camp.txt\n",
        encoding="utf-8",
    )
    facts = copy.content / "facts.yaml"
    facts.write_text(
        facts.read_text(encoding="utf-8") + "\n  - id: fixture-camp-inutile\n"
        "    actors: [AZ, GE]\n"
        "    topics: [defense]\n"
        "    summary: >-\n"
        "      Selon le ministre, le pacte de défense entre la Géorgie et l'Azerbaïdjan rend\n"
        "      inutile un camp d'entraînement de l'un chez l'autre.\n"
        "    evidence:\n"
        "      - source: fixture-camp\n"
        "        key: true\n"
        f'        quote: "{ASKED_BACK}"\n'
        "      - source: fixture-camp\n"
        f'        quote: "{DENIAL}"\n',
        encoding="utf-8",
    )
    return Index(copy.load())


QUESTION = "la Géorgie a-t-elle besoin d'un camp d'entraînement en Azerbaïdjan ?"


def test_a_quote_that_only_reports_the_question_states_nothing():
    """« on lui a demandé si X » holds every word of « X ? » but affirms none of it."""
    assert not states(ASKED_BACK, QUESTION)
    assert states("La Géorgie a besoin d'un camp d'entraînement en Azerbaïdjan", QUESTION)


@pytest.mark.parametrize(
    "quote",
    [
        DENIAL,
        "Un camp d'entraînement en Azerbaïdjan serait superflu pour la Géorgie",
        "La Géorgie n'a pas besoin d'un camp d'entraînement en Azerbaïdjan",
        "L'accord rend superflue la présence d'un camp d'entraînement",
        "Aucun camp d'entraînement n'est nécessaire en Azerbaïdjan",
    ],
)
def test_a_quote_declaring_the_thing_needless_denies_it_and_never_states_it(quote):
    assert not states(quote, QUESTION)
    assert denies(quote, QUESTION)


def test_a_quote_on_something_else_or_affirming_it_does_not_deny():
    assert not denies("La Géorgie a besoin d'un camp d'entraînement en Azerbaïdjan", QUESTION)
    assert not denies("Le forum n'a pas abordé la cybercriminalité", QUESTION)


def test_the_question_over_a_reported_question_and_a_denial_gets_non_with_the_denying_quote(copy):
    index = _camp_index(copy)
    reply = respond(index, QUESTION, TODAY)
    text = render_text(reply)
    assert "Oui, d'après l'article" not in text
    notes = [b.text for b in reply.blocks if isinstance(b, Para)]
    assert any(n.startswith("D'après l'article, non") for n in notes), text
    opening = next(n for n in notes if n.startswith("D'après l'article, non"))
    assert "inutile" in opening and "camp d'entraînement" in opening


def test_a_needless_thing_is_no_denial_that_it_exists_nor_a_negation_elsewhere_in_the_quote():
    """« superflu » answers « a-t-elle besoin ? », not « a-t-elle un camp ? »; a negation on
    another verb (« n'a pas plu ») denies nothing asked."""
    assert not denies(DENIAL, "la Géorgie a-t-elle un camp d'entraînement en Azerbaïdjan ?")
    assert not states(DENIAL, "la Géorgie a-t-elle un camp d'entraînement en Azerbaïdjan ?")
    pleased = "La Géorgie a signé l'accord sur le camp, ce qui n'a pas plu à Moscou"
    assert not denies(pleased, "la Géorgie a-t-elle signé l'accord sur le camp ?")
    assert denies(
        "La Géorgie n'a pas signé l'accord sur le camp",
        "la Géorgie a-t-elle signé l'accord sur le camp ?",
    )
