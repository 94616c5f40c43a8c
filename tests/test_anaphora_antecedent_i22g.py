"""Issue 22 (outsiders' pass, point 4): a passage that opens on an anaphora (« cet accord
inclut … », « Il a promis … ») is never shown alone on top of a search: the sentence of the
same article that says what it refers to — quoted by the same entry, right before it or a few
sentences up — is shown first, verbatim. On the five frozen articles plus a made-up one."""

from __future__ import annotations

import shutil
from datetime import date

import pytest

from bot.content.loader import load_factbase
from bot.engine.index import Index
from bot.engine.passage import refers_back
from bot.engine.questions import respond
from bot.engine.reply import Quote, Reply
from tests.conftest import FIVE

TODAY = date(2026, 12, 6)
SALE = "La Norvège a vendu à l'Azerbaïdjan des radars côtiers pour la mer Caspienne."
ASIDE = "Bakou compte aussi recevoir des vedettes rapides."
DEAL = (
    "Selon le quotidien norvégien Aftenposten, cet accord inclut des pièces de rechange et "
    "une formation des opérateurs."
)
VISIT = "Le ministre norvégien Ola Berg a visité le port de Lankaran en mars."
PROMISE = "Il a promis des garde-côtes supplémentaires pour la flottille caspienne."
SOURCE = """
  - id: agence-radars
    label: Radars norvégiens (agence)
    outlet: null
    title: null
    published: null
    published_text: null
    seed: agence-radars.txt
"""
FACTS = f"""
  - id: radars-norvege
    actors: [AZ, "NO"]
    topics: [armement]
    summary: >-
      La Norvège a vendu à l'Azerbaïdjan des radars côtiers ; selon le quotidien Aftenposten,
      cet accord inclut des pièces de rechange et une formation des opérateurs.
    evidence:
      - source: agence-radars
        key: true
        quote: "{SALE}"
      - source: agence-radars
        key: true
        quote: "{DEAL}"
  - id: visite-berg
    actors: [AZ, "NO"]
    topics: [defense]
    summary: >-
      Le ministre norvégien Ola Berg a visité le port de Lankaran en mars et a promis des
      garde-côtes supplémentaires pour la flottille caspienne.
    evidence:
      - source: agence-radars
        key: true
        quote: "{VISIT}"
      - source: agence-radars
        key: true
        quote: "{PROMISE}"
"""


@pytest.fixture(scope="module")
def radars(tmp_path_factory: pytest.TempPathFactory) -> Index:
    root = tmp_path_factory.mktemp("radars")
    content, seeds = root / "content", root / "seeds"
    shutil.copytree(FIVE / "content", content)
    shutil.copytree(FIVE / "seeds", seeds)
    text = f"{SALE} {ASIDE} {DEAL}\n\n{VISIT} {PROMISE}\n"
    (seeds / "agence-radars.txt").write_text(text, encoding="utf-8")
    for name, added in (("sources.yaml", SOURCE), ("facts.yaml", FACTS)):
        path = content / name
        path.write_text(path.read_text(encoding="utf-8") + added, encoding="utf-8")
    return Index(load_factbase(content, seeds))


def _quotes(reply: Reply) -> list[str]:
    return [b.text for b in reply.blocks if isinstance(b, Quote)]


def test_a_pronoun_or_a_demonstrative_refers_back_an_impersonal_il_does_not() -> None:
    assert refers_back(DEAL) and refers_back(PROMISE)
    assert refers_back("Ce dernier a signé le texte.")
    assert not refers_back("Il y a trois menaces principales.")
    assert not refers_back("Il faut attendre la fin de l'année.")


def test_cet_accord_on_top_comes_after_the_sentence_saying_what_it_is(radars: Index) -> None:
    quotes = _quotes(respond(radars, "pièces de rechange des opérateurs", TODAY))
    assert DEAL in quotes
    assert SALE in quotes and quotes.index(SALE) < quotes.index(DEAL)
    assert ASIDE not in quotes  # the sentence in between is not what « cet accord » is


def test_il_on_top_comes_after_the_sentence_naming_him(radars: Index) -> None:
    quotes = _quotes(respond(radars, "garde-côtes supplémentaires flottille", TODAY))
    assert PROMISE in quotes
    assert VISIT in quotes and quotes.index(VISIT) < quotes.index(PROMISE)
