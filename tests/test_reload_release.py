"""Issue 25, point 1: the index a reload replaces is freed piece by piece in a thread, and
only what nobody else reads is taken apart."""

from __future__ import annotations

from bot.content.model import FactBase
from bot.engine.commands import answer
from bot.engine.index import Index
from bot.rebuild import release_index
from bot.render.html import render_html


def _built(base: FactBase) -> Index:
    return Index(base).prepare()


def test_a_replaced_index_nobody_reads_is_taken_apart(base: FactBase) -> None:
    index = _built(base)
    state = vars(index)
    table = index._memo
    assert state
    assert table
    del table
    holder = [index]
    del index
    release_index(holder)
    assert holder == []
    assert state == {}  # every table dropped one at a time


def test_an_index_still_read_is_left_whole(base: FactBase) -> None:
    index = _built(base)
    before = render_html(answer(index, "/pays Turquie"))
    release_index([index])  # an answer in flight still holds it
    assert render_html(answer(index, "/pays Turquie")) == before


def test_a_table_shared_with_anything_else_is_left_whole(base: FactBase) -> None:
    index = _built(base)
    shared = {"clé": {"valeur": 1}}
    index._memo["partagée"] = shared
    holder = [index]
    del index
    release_index(holder)
    assert shared == {"clé": {"valeur": 1}}
