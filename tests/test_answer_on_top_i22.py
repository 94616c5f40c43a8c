"""Issue 22 B.8: the sentence that answers is shown whole, not inside a fold or under « Aussi »:
a card or list answering a question unfolds the quote holding the asked words its first quote
lacks; a passage answer drops its « Aussi » lines past ANSWER_SCREEN (they stay behind 🔎)
unless the question asks for several things. Computed over the development questions."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from bot.content.yamlread import read_yaml
from bot.engine.cards import visible
from bot.engine.index import Index
from bot.engine.passage import ANSWER_SCREEN, passage_reply
from bot.engine.questions import _answering_quote_open, understand
from bot.engine.reply import Item, Para, Quote

TODAY = date(2026, 12, 6)
HERE = Path(__file__).parent


def test_the_quote_holding_the_asked_words_is_unfolded(base):
    index = Index(base)
    first = Quote("Le 3 mars, à Ankara, les ministres ont signé le protocole.", "a", "s")
    other = Quote("Le protocole prévoit un comité mixte et des mécanismes de suivi.", "a", "s")
    third = Quote("La cérémonie a duré une heure.", "a", "s")
    blocks = (Item("3 mars", "Protocole", 0, "x"), first, other, third)
    opened = _answering_quote_open(index, blocks, "protocole prevoit mecanisme")
    assert [getattr(b, "open", None) for b in opened] == [None, False, True, False]
    assert _answering_quote_open(index, blocks, "protocole ceremonie duree") != blocks
    assert _answering_quote_open(index, blocks, "ministres signe") == blocks  # first has it


@pytest.mark.slow  # a whole question set
def test_a_passage_answer_keeps_its_aussi_lines_only_within_a_phone_screen(base):
    index = Index(base)
    checked = 0
    for path in sorted(HERE.glob("questions_dev*.yaml")):
        for question in read_yaml(path.read_text(encoding="utf-8"))["questions"]:
            if question.get("follow_up_of"):
                continue
            found = understand(index, question["q"], TODAY)
            if found is None or not found.data.startswith("/cherche ") or found.counted:
                continue
            reply = passage_reply(
                index,
                found.data.split(" ", 1)[1],
                found.kind,
                bool(found.no_figure or found.undated),
                found.several,
                found.noun,
                "",
                found.parts,
                found.someone,
            )
            if reply is None:
                continue
            aussi = any(isinstance(b, Para) and b.text == "Aussi :" for b in reply.blocks)
            if aussi and not found.several:
                assert visible(reply.blocks) <= ANSWER_SCREEN, question["q"]
            checked += 1
    assert checked >= 20
