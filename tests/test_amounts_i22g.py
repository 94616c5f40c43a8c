"""Issue 22 (outsiders' pass, point 3): « combien … payé / coûté / valeur … ? » asks a sum of
money: the answer opens on the quote that gives one (« 2,4 milliards de dollars »), not on one
that gives a count (« des centaines de drones »), and never says the cost is absent. A plain
« combien de drones … ? » still gets the count. On the five frozen articles plus a made-up
article of our own."""

from __future__ import annotations

import shutil
from datetime import date

import pytest

from bot.content.loader import load_factbase
from bot.engine.amounts import asks_amount, gives_amount
from bot.engine.index import Index
from bot.engine.questions import respond
from bot.engine.reply import Quote, Reply
from tests.conftest import FIVE

TODAY = date(2026, 12, 6)
COUNT = "L'Azerbaïdjan a reçu de Norvège des centaines de drones de combat pour ses forces armées."
SUM = (
    "La Norvège a vendu à l'Azerbaïdjan des drones de combat et des radars d'une valeur de "
    "2,4 milliards de dollars."
)
SOURCE = """
  - id: agence-drones
    label: Drones norvégiens (agence)
    outlet: null
    title: null
    published: null
    published_text: null
    seed: agence-drones.txt
"""
FACTS = f"""
  - id: drones-norvege-nombre
    actors: [AZ, "NO"]
    topics: [armement]
    summary: L'Azerbaïdjan a reçu de Norvège des centaines de drones de combat.
    evidence:
      - source: agence-drones
        key: true
        quote: "{COUNT}"
  - id: drones-norvege-valeur
    actors: [AZ, "NO"]
    topics: [armement]
    summary: >-
      La Norvège a vendu à l'Azerbaïdjan des drones de combat et des radars d'une valeur de
      2,4 milliards de dollars.
    evidence:
      - source: agence-drones
        key: true
        quote: "{SUM}"
"""


@pytest.fixture(scope="module")
def drones(tmp_path_factory: pytest.TempPathFactory) -> Index:
    root = tmp_path_factory.mktemp("drones")
    content, seeds = root / "content", root / "seeds"
    shutil.copytree(FIVE / "content", content)
    shutil.copytree(FIVE / "seeds", seeds)
    (seeds / "agence-drones.txt").write_text(f"{COUNT} {SUM}\n", encoding="utf-8")
    for name, added in (("sources.yaml", SOURCE), ("facts.yaml", FACTS)):
        path = content / name
        path.write_text(path.read_text(encoding="utf-8") + added, encoding="utf-8")
    return Index(load_factbase(content, seeds))


def _first_quote(reply: Reply) -> str:
    return next(b.text for b in reply.blocks if isinstance(b, Quote))


def _text(reply: Reply) -> str:
    return " ".join(getattr(b, "text", "") for b in reply.blocks)


def test_amount_and_count_are_told_apart() -> None:
    assert gives_amount(SUM) and not gives_amount(COUNT)
    assert gives_amount("un budget de 3 M$") and not gives_amount("le 10 février 2026")
    assert asks_amount("combien a coûté le contrat ?") and asks_amount("valeur du contrat")
    assert not asks_amount("combien de drones ?")


@pytest.mark.parametrize(
    "question",
    [
        "combien l'Azerbaïdjan a payé les drones de Norvège ?",
        "combien ont coûté les drones de combat norvégiens ?",
        "quelle est la valeur des drones de combat de la Norvège ?",
    ],
)
def test_an_amount_question_opens_on_the_sum(drones: Index, question: str) -> None:
    reply = respond(drones, question, TODAY)
    assert "2,4 milliards de dollars" in _first_quote(reply), question
    assert "ne donnent pas" not in _text(reply), question


def test_a_count_question_still_opens_on_the_count(drones: Index) -> None:
    reply = respond(drones, "combien de drones de combat la Norvège a livrés ?", TODAY)
    assert "des centaines de drones" in _first_quote(reply)
