"""Issue 25, point 1: the index a reload replaces is freed piece by piece in a thread, and
only what nobody else reads is taken apart."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path
from types import MappingProxyType, SimpleNamespace
from typing import ClassVar

from bot.content.model import FactBase
from bot.content.snapshot import write_snapshot
from bot.engine.commands import answer
from bot.engine.index import Index
from bot.rebuild import BATCH, _pieces, _receive, release_index
from bot.render.html import render_html
from bot.startup import build_index


def _built(base: FactBase) -> Index:
    return build_index(Index(base))  # as start-up builds it: tables and memo


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


def test_the_tables_of_a_replaced_index_are_taken_apart_too(base: FactBase) -> None:
    """Each small table of the index is released part by part, not freed in one go: the
    release takes more steps than the tables and their parts, and every table is gone."""
    index = _built(base)
    tables = [weakref.ref(table) for table in index.tables()]
    parts = sum(len(vars(table)) for table in index.tables())
    assert tables
    assert parts
    holder = [index]
    del index
    steps = sum(1 for _ in _pieces(holder))
    assert [table() for table in tables] == [None] * len(tables)
    assert steps > len(tables) + parts


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


def test_a_received_index_is_frozen_before_any_collection_walks_it(
    base: FactBase, tmp_path: Path
) -> None:
    """The reloaded index is decoded with collections paused and frozen before they resume:
    otherwise the first collection after ``gc.enable()`` walks every decoded object at once
    (1.4 s at ×1000, the answering loop stopped)."""
    key = "0" * 64
    assert write_snapshot(tmp_path, key, _built(base))
    started: list[int] = []

    def record(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            started.append(info["generation"])

    assert gc.isenabled()
    gc.callbacks.append(record)
    try:
        index = _receive(tmp_path, key)
    finally:
        gc.callbacks.remove(record)
    assert index is not None
    assert render_html(answer(index, "/pays Turquie")) == render_html(
        answer(_built(base), "/pays Turquie")
    )
    assert started == []  # no collection ran while the decoded objects were still young
    assert gc.isenabled()
    young = {id(item) for item in gc.get_objects()}
    assert id(index.base) not in young  # frozen: no later collection walks it either


class _Tracked:
    """An entry that notes when it is freed."""

    died: ClassVar[list[int]] = []

    def __init__(self, number: int) -> None:
        self.number = number
        self.quotes = (f"citation {number}", [number] * 3)

    def __del__(self) -> None:
        _Tracked.died.append(self.number)


class _OldIndex:
    """Tables as an index holds them: mapping proxies, tuples, nested groups, an object."""


ENTRIES = 2_000
"""Entries of the replaced table: many batches' worth."""


def test_no_step_of_a_release_frees_a_whole_table() -> None:
    """A table dropped whole frees every entry only it still held in one go (up to 1 s of
    interpreter held at ×1000); released piece by piece, each step frees at most ``BATCH``
    entries (one at a time, the walk itself cost 0.84 s at ×1000)."""
    old = _OldIndex()
    entries = tuple(_Tracked(n) for n in range(ENTRIES))
    old.entries = MappingProxyType({f"e{n}": entry for n, entry in enumerate(entries)})  # type: ignore[attr-defined]
    old.base = SimpleNamespace(  # type: ignore[attr-defined]
        events=entries, groups={"a": [entries[:1200]], "b": [entries[1200:]]}
    )
    old.newest = entries[::-1]  # type: ignore[attr-defined]
    del entries
    _Tracked.died = []
    holder: list[Index] = [old]  # type: ignore[list-item]
    del old
    freed = []
    for _ in _pieces(holder):
        freed.append(len(_Tracked.died))
    assert sorted(_Tracked.died) == list(range(ENTRIES))  # everything freed in the end
    steps = [after - before for before, after in zip([0, *freed], freed, strict=False)]
    assert 0 < max(steps) <= BATCH < ENTRIES
    assert sum(1 for step in steps if step) >= ENTRIES // BATCH
