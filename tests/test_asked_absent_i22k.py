"""Issue 22 (sixth blind set's phone readers, class 1 and 2): a yes/no question whose asked
thing no sentence of the articles holds opens with a plain « Les articles ne le disent pas »,
names the words searched in their full text, then shows the nearest passages; a question the
articles answer — in other words than the question's — never gets it. On a made-up base: the
five frozen articles plus one short dispatch of our own, whose sentences keep apart what a
question puts together."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from bot.content.loader import load_factbase
from bot.content.model import FactBase
from bot.engine.asked_absent import search_asked
from bot.engine.index import Index
from bot.engine.questions import respond, respond_in_thread
from bot.engine.reply import Para, Quote, Reply
from bot.render.text import render_text
from tests.conftest import FIVE

TODAY = date(2026, 12, 6)
NOT_SAID = "Aucune phrase des articles"
DISPATCH = (
    "Bakou, 3 mars, AGENCE\n\n"
    "Le 3 mars 2026, le Kazakhstan et l'Azerbaïdjan ont signé un protocole sur la sécurité "
    "des ports de la Caspienne. Le texte crée un centre commun de surveillance maritime. "
    "Les deux ministres "
    "se sont ensuite rendus au port d'Alat. Par ailleurs, la Géorgie prévoit de former ses "
    "garde-côtes à Poti.\n"
)
SOURCE = """
  - id: agence-caspienne
    label: Protocole de la Caspienne (agence)
    outlet: AGENCE
    title: null
    published: null
    published_text: null
    seed: agence-caspienne.txt
"""
EVENT = """
  - id: protocole-ports-kz-az
    label: "Le Kazakhstan et l'Azerbaïdjan signent un protocole sur les ports"
    date: "2026-03-03"
    date_text: 3 mars 2026
    type: accord
    actors: [AZ, KZ]
    topics: [defense]
    summary: >-
      Le Kazakhstan et l'Azerbaïdjan signent un protocole sur la sécurité des ports de la
      Caspienne.
    evidence:
      - source: agence-caspienne
        quote: >-
          Le 3 mars 2026, le Kazakhstan et l'Azerbaïdjan ont signé un protocole sur la sécurité
          des ports de la Caspienne.
"""


def _base(tmp_path: Path) -> FactBase:
    content, seeds = tmp_path / "content", tmp_path / "seeds"
    shutil.copytree(FIVE / "content", content)
    shutil.copytree(FIVE / "seeds", seeds)
    (seeds / "agence-caspienne.txt").write_text(DISPATCH, encoding="utf-8")
    sources = content / "sources.yaml"
    sources.write_text(sources.read_text(encoding="utf-8") + SOURCE, encoding="utf-8")
    events = content / "events.yaml"
    events.write_text(events.read_text(encoding="utf-8") + EVENT, encoding="utf-8")
    return load_factbase(content, seeds)


@pytest.fixture(scope="module")
def caspian(tmp_path_factory: pytest.TempPathFactory) -> Index:
    return Index(_base(tmp_path_factory.mktemp("caspian")))


def _opening(reply: Reply) -> str:
    first = reply.blocks[0] if reply.blocks else None
    return first.text if isinstance(first, Para) else ""


def test_a_yes_no_question_no_sentence_holds_opens_with_a_plain_not_said(caspian: Index) -> None:
    # every word is in the dispatch, never in one passage: the Kazakhstan's ports, Georgia's
    # coast guards
    reply = respond(caspian, "le Kazakhstan va-t-il former des garde-côtes ?", TODAY)
    opening = _opening(reply)
    assert opening.startswith(NOT_SAID), render_text(reply)
    assert "« Kazakhstan »" in opening and "« garde »" in opening  # what was searched
    assert "texte intégral, 6 articles" in opening
    assert "ne le disent pas" not in opening  # what was verified, never a verdict on meaning
    assert "Au plus proche :" in opening  # then the nearest passages, labelled as such
    assert any(isinstance(block, Quote) for block in reply.blocks)  # shown with their quotes


def test_a_follow_up_put_as_yes_or_no_gets_it_too(caspian: Index) -> None:
    first = "la Géorgie a-t-elle des garde-côtes ?"
    _, asked = respond_in_thread(caspian, first, TODAY)
    then = "et le Kazakhstan ? il a des garde-côtes ou pas ?"
    reply, _ = respond_in_thread(caspian, then, TODAY, asked)
    assert _opening(reply).startswith(NOT_SAID), render_text(reply)


@pytest.mark.parametrize(
    "question",
    [
        "le Kazakhstan a-t-il signé un protocole sur la sécurité des ports ?",
        "le Kazakhstan a-t-il paraphé un protocole sur les ports ?",  # the act in other words
        "la Géorgie va-t-elle entraîner ses garde-côtes ?",  # a synonym of the verb
        "est-ce que la Géorgie forme ses garde-côtes ou pas ?",
        "le Kazakhstan a-t-il vraiment signé un protocole, ou seulement une déclaration ?",
    ],
)
def test_a_question_the_articles_answer_is_never_said_absent(caspian: Index, question: str) -> None:
    reply = respond(caspian, question, TODAY)
    assert NOT_SAID not in render_text(reply), question


def test_a_word_no_article_holds_alone_proves_nothing(caspian: Index) -> None:
    # « stoppé » is in no article, « protocole » and the actor are, together: the articles may
    # say it in other words, so the question is not said absent
    searched = search_asked(caspian, "le Kazakhstan a stoppé le protocole ?", TODAY)
    assert searched is None or searched.found
    assert NOT_SAID not in render_text(respond(caspian, "le Kazakhstan a stoppé le protocole ?"))


def test_only_yes_no_questions_are_concluded_on(caspian: Index) -> None:
    reply = respond(caspian, "quels garde-côtes pour le Kazakhstan ?", TODAY)
    assert not _opening(reply).startswith(NOT_SAID)


def test_the_sentence_holding_what_is_asked_goes_on_top_with_oui(caspian: Index) -> None:
    # the entries hold only the protocol; the answer's passage was a neighbouring sentence
    question = "le texte crée-t-il un centre de surveillance maritime ?"
    reply = respond(caspian, question, TODAY)
    shown = [
        block for block in reply.blocks if not (isinstance(block, Para) and "Compris" in block.text)
    ]
    assert isinstance(shown[0], Para) and shown[0].text == "Oui, d'après l'article :"
    assert isinstance(shown[1], Quote)  # the supporting quote right under the verdict
    assert shown[1].text == "Le texte crée un centre commun de surveillance maritime."
    assert shown[1].source == "agence-caspienne" and shown[1].open


def test_a_plan_on_top_gets_no_oui(caspian: Index) -> None:
    # « prévoit de former »: the sentence goes on top, but a plan is no « Oui » to « forme »
    reply = respond(caspian, "est-ce que la Géorgie forme ses garde-côtes à Poti ?", TODAY)
    quotes = [block for block in reply.blocks if isinstance(block, Quote)]
    assert "la Géorgie prévoit de former ses garde-côtes à Poti" in quotes[0].text
    text = render_text(reply)
    assert "Oui" not in text and NOT_SAID not in text


def test_a_statement_with_avoir_is_read_as_yes_or_no(caspian: Index) -> None:
    # « a des … ? » holds no participle, yet asks yes or no
    reply = respond(caspian, "le Kazakhstan a des garde-côtes ?", TODAY)
    assert _opening(reply).startswith(NOT_SAID), render_text(reply)
    # a question word makes it an open question: nothing concluded
    reply = respond(caspian, "le Kazakhstan a des garde-côtes où ?", TODAY)
    assert NOT_SAID not in render_text(reply)


def test_a_base_too_large_for_the_sentence_table_concludes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import bot.engine.asked_absent as asked_absent

    index = Index(_base(tmp_path))
    monkeypatch.setattr(asked_absent, "MOST_TEXT", 1000)  # the six articles are larger
    assert search_asked(index, "le Kazakhstan va-t-il former des garde-côtes ?", TODAY) is None
    reply = respond(index, "le Kazakhstan va-t-il former des garde-côtes ?", TODAY)
    assert NOT_SAID not in render_text(reply)


def test_an_act_said_in_other_words_is_never_told_absent(five_base) -> None:
    # outside fidelity reader, 7 December: « Lukoil arrête-t-il ses livraisons par Bakou ? »
    # opened on « Les articles ne le disent pas » over « Lukoil cessera de fournir du pétrole
    # à l'Azerbaïdjan » — the words are not there, the fact is
    reply = respond(Index(five_base), "Lukoil arrête-t-il ses livraisons par Bakou ?", TODAY)
    text = render_text(reply)
    assert "ne le disent pas" not in text and "ne disent pas" not in text
    assert "cessera de fournir" in text  # the passage that says it, shown
