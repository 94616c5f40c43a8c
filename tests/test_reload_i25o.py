"""Issue 25 (i25o), what a reload's snapshot no longer carries or builds again: the set of
the base's quotes that ``whole_clauses`` completes (160,000 pairs of strings at ×1000, copied
into every snapshot apart from the entries holding them) is never written — the process that
reads a snapshot builds it again from the entries it read, the reading process of a reload
never builds it — and the actors' one-word names (``passage._other_names``) are a part of the
names table, kept with it under its key. The served base still equals a cold full build
(``tests/test_reload_i25m.py``'s chain, whose comparison covers both)."""

from __future__ import annotations

import dataclasses
import io
import sys
from pathlib import Path

import pytest

from bot import rebuild
from bot.content import snapshot
from bot.content.model import FactBase
from bot.engine import passage, whole_clauses
from bot.engine.index import Index
from bot.engine.names import NameTable
from bot.startup import build_index, validated_index
from tests.conftest import ContentCopy
from tests.test_reload_i25m import EDITS
from tests.test_reload_tables_apart import _same_as_a_full_build
from tests.test_snapshot_file_pieces import _reload


def _evidence(index: Index) -> frozenset[tuple[str, str]]:
    holders = [*index.base.actors.values(), *index.entries.values()]
    return frozenset((e.source, e.quote) for h in holders for e in h.evidence)


def test_the_evidence_set_is_never_written_and_is_built_again_from_the_entries_read(
    copy: ContentCopy, tmp_path: Path
) -> None:
    built = validated_index(copy.content, copy.seeds, tmp_path / "cache")
    assert built._unkept[whole_clauses.EVIDENCE] == _evidence(built)
    assert snapshot.write_snapshot(tmp_path / "cache", "k" * 64, built)
    assert built._unkept  # writing takes nothing from the served index
    read = snapshot.read_snapshot(tmp_path / "cache", "k" * 64, Index)
    assert read is not None and read._unkept == {}  # not in the snapshot: not decoded
    build_index(read)  # a restart from the snapshot, or the serving side of a reload
    assert read._unkept[whole_clauses.EVIDENCE] == _evidence(read)
    quotes = {quote for _source, quote in read._unkept[whole_clauses.EVIDENCE]}
    held = {e.quote for entry in read.entries.values() for e in entry.evidence}
    assert held <= quotes  # the entries' own quotes, as read: the same base


def test_the_reading_process_of_a_reload_never_builds_the_evidence_set(
    copy: ContentCopy, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    monkeypatch.setenv("SNAPSHOT_DIR", str(cache))
    monkeypatch.setattr(sys, "stderr", io.StringIO())  # the reading process's progress lines
    prepared: list[bool] = []
    real = whole_clauses.prepare

    def prepare(index: Index) -> None:
        prepared.append(True)
        real(index)

    monkeypatch.setattr(whole_clauses, "prepare", prepare)
    out = io.StringIO()
    monkeypatch.setattr(sys, "stdout", out)
    transfer = tmp_path / "transfer"
    transfer.mkdir()
    assert rebuild._child(copy.content, copy.seeds, transfer) == 0
    assert prepared == []  # the child writes the snapshot only
    monkeypatch.setattr(sys, "stdout", sys.__stdout__)
    received = rebuild._receive(*rebuild._written(out.getvalue(), transfer))
    assert received is not None and prepared == [True]  # the serving side builds it
    assert received._unkept[whole_clauses.EVIDENCE] == _evidence(received)


def test_the_one_word_names_are_kept_with_the_names_table(
    copy: ContentCopy, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    monkeypatch.setenv("SNAPSHOT_DIR", str(cache))
    monkeypatch.setattr(sys, "stderr", io.StringIO())
    served = _reload(copy, cache, None)
    assert "one_word_names" in NameTable.parts_of_state()
    copy.edit(*EDITS[0])  # an event's summary: no name
    received = _reload(copy, cache, served)
    assert received.names.one_word_names is served.names.one_word_names  # its own, kept
    monkeypatch.setenv("SNAPSHOT_DIR", str(cache))
    copy.edit(*EDITS[2])  # an alias of NATO: built again, the alias among its names
    again = _reload(copy, cache, received)
    table = again.names.one_word_names
    assert table is not received.names.one_word_names
    assert not any(" " in name for name in table)  # « Alliance du Nord »: three words
    _same_as_a_full_build(again, copy, monkeypatch)


def test_the_one_word_names_read_what_the_passages_read_before(five_base: FactBase) -> None:
    index = Index(five_base)
    home = five_base.vocabulary.home
    for actor in five_base.actors.values():
        names = [n for n in map(passage.fold, actor.names()) if " " not in n]
        for name in names:
            found = passage._other_names(index, [name])
            owner = index.names.one_word_names.get(name)
            if actor.id == home:
                continue
            assert owner is not None
            assert found == {n[: passage.PREFIX] for n in owner}
    others = {n for a in five_base.actors.values() if a.id != home for n in a.names()}
    for name in five_base.actors[home].names():  # the home country's own names lead nowhere
        if name not in others:
            assert passage.fold(name) not in index.names.one_word_names


def test_the_home_country_is_in_the_names_tables_key(five_base: FactBase) -> None:
    other = next(actor for actor in five_base.actors if actor != five_base.vocabulary.home)
    moved = dataclasses.replace(
        five_base, vocabulary=dataclasses.replace(five_base.vocabulary, home=other)
    )
    assert NameTable(moved).state_key() != NameTable(five_base).state_key()
    assert NameTable(moved).one_word_names != NameTable(five_base).one_word_names
