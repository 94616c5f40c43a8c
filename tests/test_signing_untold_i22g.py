"""Issue 22 (outsiders' pass, point 2): « quand a été signée X ? » of an agreement no article
says was signed (dated only « au plus tard le … » from a dispatch line) opens by saying the
articles give no signing date, then what they give, with its mark; « … a-t-elle été signée ? »
gets no « Oui ». A future in an agreement that exists is its clauses', said so. Nothing is
said when a sentence of its article may tell the act. On a made-up base: the five frozen
articles plus one short dispatch of our own."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from bot.content.loader import load_factbase
from bot.content.model import Agreement, FactBase
from bot.engine.common import marked
from bot.engine.index import Index
from bot.engine.questions import respond
from bot.engine.reply import Para
from bot.render.text import render_text
from tests.conftest import FIVE

TODAY = date(2026, 12, 6)
DISPATCH = (
    "Bakou, 16 juin, AGENCE\n\n"
    "En cas de menace contre l'une des Parties, les Parties tiendront des consultations "
    "conjointes et s'apporteront l'aide nécessaire. Ces dispositions sont contenues dans la "
    "Déclaration de Gandja sur l'alliance entre l'Azerbaïdjan et la Turquie.\n"
)
SOURCE = """
  - id: agence-gandja
    label: Déclaration de Gandja (agence)
    outlet: AGENCE
    title: null
    published: null
    published_text: null
    seed: agence-gandja.txt
"""
AGREEMENT = """
  - id: declaration-gandja-az-tr
    title: Déclaration de Gandja sur l'alliance Azerbaïdjan – Turquie
    kind: accord
    act: null
    parties: [AZ, TR]
    date: "../2021-06-16"
    date_text: 16 juin
    date_basis: rapporté
    date_reason: dépêche « Bakou, 16 juin, AGENCE » ; année donnée par le curateur
    date_label: au plus tard le 16 juin 2021
    date_note: >-
      La dépêche ne dit ni quand ni par qui la déclaration a été signée ; elle existe au
      plus tard le jour de la dépêche.
    topics: [defense]
    tense: futur
    summary: >-
      Selon la Déclaration de Gandja, les Parties tiendront des consultations conjointes en
      cas de menace et s'apporteront l'aide nécessaire.
    evidence:
      - source: agence-gandja
        quote: Bakou, 16 juin, AGENCE
        key: true
      - source: agence-gandja
        quote: >-
          Ces dispositions sont contenues dans la Déclaration de Gandja sur l'alliance entre
          l'Azerbaïdjan et la Turquie.
        key: true
      - source: agence-gandja
        quote: >-
          En cas de menace contre l'une des Parties, les Parties tiendront des consultations
          conjointes et s'apporteront l'aide nécessaire.
        key: true
"""


def _base(tmp_path: Path, dispatch: str = DISPATCH) -> FactBase:
    content, seeds = tmp_path / "content", tmp_path / "seeds"
    shutil.copytree(FIVE / "content", content)
    shutil.copytree(FIVE / "seeds", seeds)
    (seeds / "agence-gandja.txt").write_text(dispatch, encoding="utf-8")
    sources = content / "sources.yaml"
    sources.write_text(sources.read_text(encoding="utf-8") + SOURCE, encoding="utf-8")
    agreements = content / "agreements.yaml"
    agreements.write_text(agreements.read_text(encoding="utf-8") + AGREEMENT, encoding="utf-8")
    return load_factbase(content, seeds)


@pytest.fixture()
def gandja(tmp_path: Path) -> Index:
    return Index(_base(tmp_path))


def test_when_signed_says_first_no_signing_date_then_what_is_given(gandja: Index) -> None:
    opening = respond(gandja, "quand a été signée la déclaration de Gandja ?", TODAY).blocks[0]
    assert isinstance(opening, Para)
    first = opening.text
    assert first.startswith("Les articles ne donnent pas de date de signature pour")
    assert "au plus tard le 16 juin 2021 (rapporté : dépêche « Bakou, 16 juin, AGENCE »" in first


def test_yes_no_signed_gets_no_oui_but_what_the_articles_lack(gandja: Index) -> None:
    reply = respond(gandja, "la déclaration de Gandja a-t-elle été signée ?", TODAY)
    opening = reply.blocks[0]
    assert isinstance(opening, Para)
    assert opening.text.startswith("Les articles ne rapportent aucune signature de")
    assert "Oui" not in render_text(reply).split("\n", 3)[0]


def test_a_signing_sentence_in_its_article_keeps_it_from_being_said(tmp_path: Path) -> None:
    told = DISPATCH + "Les deux présidents l'ont signée à Gandja.\n"
    index = Index(_base(tmp_path, told))
    text = render_text(respond(index, "quand a été signée la déclaration de Gandja ?", TODAY))
    assert "ne donnent pas de date de signature" not in text


def test_a_signed_agreement_gets_no_such_opening(gandja: Index) -> None:
    text = render_text(respond(gandja, "quand a été signé le mémorandum avec la Turquie ?", TODAY))
    assert "date de signature" not in text


def test_the_future_mark_of_an_existing_agreement_says_its_clauses_are(gandja: Index) -> None:
    agreement = gandja.entries["declaration-gandja-az-tr"]
    assert isinstance(agreement, Agreement)
    assert marked(agreement, "X").endswith("(ses dispositions au futur dans l'article)")
    assert "(ses dispositions au futur dans l'article)" in render_text(
        respond(gandja, "/accord Turquie", TODAY)
    )


def test_an_act_that_is_no_done_act_is_never_said_missing(gandja: Index) -> None:
    # « annoncé » asks how a text was made known, not whether it was done: nothing claimed
    reply = respond(gandja, "quand a été annoncée la déclaration de Gandja ?", TODAY)
    assert "ne rapportent aucune" not in render_text(reply)
    assert "ne donnent pas de date d'annonce" not in render_text(reply)
