"""Issue 22, the phone readers' sixth pass (branch i22l), on a made-up base: the five frozen
articles plus one short dispatch of our own on Azerbaijan and Kazakhstan (three dated lines,
2008, 2012 and 2019, and sentences that name their sources).

1. Follow-ups that move: « et avant ? » / « et après ? » give the same actors' lines before the
   first (after the last) line just shown, « qui le dit ? » / « source ? » the article and its
   sentences naming a source — never the previous answer again; the « Compris » line says what
   was continued.
2. Typos: a misspelt word (« qand », « balisaje ») is read as the nearest word of the base or
   of the reader's question words and said (« Lu : balisage »); a word of the base or a French
   word is read as typed.
3. A sensible next tap: an answer whose only button re-ran its command also offers its lines'
   cards, its actors' cards and its year, each read back by the route table and answered.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from bot.content.loader import load_factbase
from bot.engine import routes
from bot.engine.commands import button_reply
from bot.engine.index import Index
from bot.engine.misspelt import nearest
from bot.engine.moves import asked_move
from bot.engine.questions import READER_WORDS, respond_in_thread
from bot.engine.reply import Item, Para, Quote, Reply
from tests.conftest import FIVE

TODAY = date(2026, 12, 6)
DISPATCH = (
    "Astana, 4 mars 2019, AGENCE BALISE\n\n"
    "En 2008, les marines de l'Azerbaïdjan et du Kazakhstan ont mené un exercice conjoint de "
    "balisage autour du phare de Sangachal.\n\n"
    "Selon l'agence Trend, l'Azerbaïdjan et le Kazakhstan ont signé en 2012 un accord sur la "
    "sécurité des routes maritimes de la Caspienne. La première phase de ce programme a duré "
    "deux ans, la deuxième phase trois ans.\n\n"
    "En 2019, les ministres de la Défense des deux pays se sont réunis à Astana pour préparer "
    "la troisième phase, a indiqué le ministère kazakh.\n"
)
SOURCE = """
  - id: agence-balise
    label: Caspienne (agence)
    outlet: AGENCE BALISE
    title: null
    published: "2019-03-04"
    published_text: 4 mars 2019
    seed: agence-balise.txt
"""
EVENTS = """
  - id: kz-exercice-2008
    label: "Exercice de balisage Azerbaïdjan – Kazakhstan"
    date: "2008"
    date_text: En 2008
    type: exercice
    actors: [AZ, KZ]
    topics: [defense]
    summary: >-
      Les marines de l'Azerbaïdjan et du Kazakhstan mènent un exercice conjoint de balisage.
    evidence:
      - source: agence-balise
        quote: >-
          En 2008, les marines de l'Azerbaïdjan et du Kazakhstan ont mené un exercice
          conjoint de balisage autour du phare de Sangachal.

  - id: kz-accord-2012
    label: "Accord Azerbaïdjan – Kazakhstan sur les routes maritimes"
    date: "2012"
    date_text: en 2012
    type: accord
    actors: [AZ, KZ]
    topics: [securite]
    hedge: selon l'agence Trend
    summary: >-
      Selon l'agence Trend, l'Azerbaïdjan et le Kazakhstan signent un accord sur la sécurité
      des routes maritimes de la Caspienne.
    evidence:
      - source: agence-balise
        quote: >-
          Selon l'agence Trend, l'Azerbaïdjan et le Kazakhstan ont signé en 2012 un accord
          sur la sécurité des routes maritimes de la Caspienne.

  - id: kz-reunion-2019
    label: "Réunion des ministres de la Défense à Astana"
    date: "2019"
    date_text: En 2019
    type: reunion
    actors: [AZ, KZ]
    topics: [defense]
    summary: >-
      Les ministres de la Défense de l'Azerbaïdjan et du Kazakhstan se réunissent à Astana.
    evidence:
      - source: agence-balise
        quote: >-
          En 2019, les ministres de la Défense des deux pays se sont réunis à Astana pour
          préparer la troisième phase
"""


@pytest.fixture(scope="module")
def caspian(tmp_path_factory: pytest.TempPathFactory) -> Index:
    root = tmp_path_factory.mktemp("caspienne")
    content, seeds = root / "content", root / "seeds"
    shutil.copytree(FIVE / "content", content)
    shutil.copytree(FIVE / "seeds", seeds)
    (seeds / "agence-balise.txt").write_text(DISPATCH, encoding="utf-8")
    for name, more in (("sources.yaml", SOURCE), ("events.yaml", EVENTS)):
        path: Path = content / name
        path.write_text(path.read_text(encoding="utf-8") + more, encoding="utf-8")
    return Index(load_factbase(content, seeds))


def _chat(index: Index, *questions: str) -> list[Reply]:
    replies, previous = [], None
    for question in questions:
        reply, previous = respond_in_thread(index, question, TODAY, previous)
        replies.append(reply)
    return replies


def _understood(reply: Reply) -> str:
    return next(b.text for b in reply.blocks if isinstance(b, Para) and "Compris" in b.text)


def _lines(reply: Reply) -> list[str]:
    return [block.entry for block in reply.blocks if isinstance(block, Item) and block.entry]


def _quotes(reply: Reply) -> list[str]:
    return [block.text for block in reply.blocks if isinstance(block, Quote)]


# 1. follow-ups that move


@pytest.mark.parametrize(
    ("text", "move"),
    [
        ("et avant ?", "earlier"),
        ("Et avant ça, il y a eu quoi ?", "earlier"),
        ("et après ?", "later"),
        ("et ensuite ?", "later"),
        ("qui le dit ?", "source"),
        ("source ?", "source"),
        ("quel média ?", "source"),
        ("avant 2020", None),
        ("sources ?", None),
        ("et la Turquie ?", None),
        ("qui a signé ?", None),
    ],
)
def test_a_move_is_read_only_when_the_question_names_nothing_else(text, move):
    assert asked_move(text) == move


def test_et_avant_gives_the_same_actors_lines_before_the_one_shown(caspian):
    shown, before = _chat(caspian, "que s'est-il passé en 2012 avec le Kazakhstan ?", "et avant ?")
    assert "kz-accord-2012" in _lines(shown)
    assert "kz-exercice-2008" in _lines(before)
    assert not {"kz-accord-2012", "kz-reunion-2019"} & set(_lines(before))
    said = _understood(before)
    assert "suite de" in said and "avant la première ligne montrée" in said
    assert "Kazakhstan" in said


def test_et_apres_moves_on_from_the_last_line_shown_each_time(caspian):
    _, after, later = _chat(caspian, "exercice Kazakhstan 2008", "et après ?", "et après ?")
    assert "kz-accord-2012" in _lines(after) and "kz-reunion-2019" in _lines(after)
    assert "après la dernière ligne montrée" in _understood(after)
    assert "kz-exercice-2008" not in _lines(after)
    assert not {"kz-exercice-2008", "kz-accord-2012", "kz-reunion-2019"} & set(_lines(later))


def test_qui_le_dit_shows_the_article_and_its_sentence_naming_a_source(caspian):
    shown, told = _chat(caspian, "que s'est-il passé en 2012 avec le Kazakhstan ?", "qui le dit ?")
    assert told.blocks != shown.blocks
    assert "qui le dit" in _understood(told)
    text = " ".join(b.text for b in told.blocks if isinstance(b, Para))
    assert "AGENCE BALISE" in text
    assert any(q.startswith("Selon l'agence Trend") for q in _quotes(told))


def test_source_of_a_line_its_article_attributes_nowhere_says_so(caspian):
    _, told = _chat(caspian, "exercice Kazakhstan 2008", "source ?")
    opening = next(b.text for b in told.blocks if isinstance(b, Para) and "Qui le dit" in b.text)
    assert "ne cite pas d'autre source" in opening
    assert any("phare de Sangachal" in quote for quote in _quotes(told))


# 2. typos


def test_a_misspelt_content_word_is_read_as_the_base_word_and_said(caspian):
    (reply,) = _chat(caspian, "balisaje Kazakhstan ?")
    said = _understood(reply)
    assert "Lu : balisage (pour « balisaje »)" in said
    assert "kz-exercice-2008" in _lines(reply) or any("balisage" in q for q in _quotes(reply))


def test_a_misspelt_question_word_is_read_as_the_question_word(caspian):
    (reply,) = _chat(caspian, "qand a eu lieu l'exercice de balisaje avec le Kazakhstan ?")
    said = _understood(reply)
    assert "quand (pour « qand »)" in said and "balisage (pour « balisaje »)" in said
    assert _lines(reply) == ["kz-exercice-2008"]


def test_a_word_of_the_base_is_never_read_as_another_word_of_the_base(caspian):
    # « phare » is one letter from « phase », which the dispatch uses more: it stays « phare »
    assert nearest(caspian, "phare", READER_WORDS, lambda word: False) is None
    (reply,) = _chat(caspian, "phare Kazakhstan")
    assert "Lu :" not in _understood(reply)


def test_a_french_word_the_articles_lack_is_read_as_typed(caspian):
    # « coup » is one letter from « cout », « vendre » from « rendre »: French words, not typos
    for word in ("coup", "vendre", "ministre"):
        assert nearest(caspian, word, READER_WORDS, lambda word: False) is None, word


# 3. a sensible next tap


def test_an_answer_that_only_re_ran_itself_offers_cards_actors_and_year(caspian):
    (reply,) = _chat(caspian, "exercice Kazakhstan 2008")
    data = [button.data for row in reply.buttons for button in row]
    assert "e:kz-exercice-2008" in data  # the line's card
    assert routes.EDIT + routes.COUNTRY.build("KZ") in data  # its actor's card, once
    assert routes.COUNTRY.build("KZ") not in data and routes.COUNTRY.build("AZ") not in data
    assert any(item.startswith("tl:1:20080101-20081231") for item in data)  # its year
    assert any(routes.COMMAND.owns(item) for item in data)  # the re-run stays last
    for item in data:  # none is stale when sent: each is read back and answered
        parsed = routes.parse(item)
        assert isinstance(parsed, routes.Parsed), item
        assert button_reply(caspian, parsed).found, item
