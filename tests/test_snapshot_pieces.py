"""Issue 25, point 2: the index's snapshot is written and read in pieces — the base's entries,
actors and sources a few thousand at a time, each piece by a decoder of its own — so that no
decoder lets go of millions of objects at once when a reload hands the new base over; the
pieces' objects are the very ones the tables hold."""

from __future__ import annotations

import hashlib
import pickle
from pathlib import Path
from typing import Any

import pytest

from bot.content import snapshot
from bot.engine import index as index_module
from bot.engine.commands import answer
from bot.engine.index import Index
from bot.render.html import render_html
from bot.startup import validated_index
from tests.conftest import ContentCopy

QUESTIONS = ("/pays Turquie", "/org", "/accord paix", "/cherche drones", "/timeline 2025")


def test_an_index_is_read_back_in_pieces_with_its_entries_shared(
    copy: ContentCopy, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(index_module, "PIECE", 16)
    built = validated_index(copy.content, copy.seeds)
    objects = len(built.base.entries()) + len(built.base.actors) + len(built.base.sources)
    assert snapshot.write_snapshot(tmp_path, "k" * 64, built)
    loads: list[int] = []
    real = pickle.load

    def counted(file: Any) -> Any:
        loads.append(1)
        return real(file)

    monkeypatch.setattr(snapshot.pickle, "load", counted)
    restored = snapshot.read_snapshot(tmp_path, "k" * 64, Index)
    assert isinstance(restored, Index)
    apart = len(built.snapshot_apart())  # the full text's postings, a piece of their own
    assert apart == 1
    assert len(loads) == 1 + -(-objects // 16) + apart + 1  # count, pieces, postings, index
    for entry in restored.base.entries():  # one object, wherever it is held
        assert restored.entries[entry.id] is entry
    for question in QUESTIONS:
        assert render_html(answer(restored, question)) == render_html(answer(built, question))


def test_a_value_without_pieces_is_one_pickle_after_its_count(tmp_path: Path) -> None:
    assert snapshot.write_snapshot(tmp_path, "k" * 64, {"a": (1, 2)})
    assert snapshot.read_snapshot(tmp_path, "k" * 64, dict) == {"a": (1, 2)}


def test_a_snapshot_whose_count_of_pieces_is_wrong_is_ignored(tmp_path: Path) -> None:
    """A payload that decodes but is not what the writer writes (a count that is no count)
    is never used: the base is revalidated."""
    name = snapshot.SNAPSHOT_NAME
    assert snapshot.write_snapshot(tmp_path, "k" * 64, {"a": 1})
    path = tmp_path / name
    header = len(snapshot.FORMAT) + 65
    data = path.read_bytes()
    payload = pickle.dumps("pas un nombre") + data[header + 65 :]
    digest = hashlib.sha256(payload).hexdigest().encode()
    path.write_bytes(data[:header] + digest + b"\n" + payload)
    assert snapshot.read_snapshot(tmp_path, "k" * 64, dict) is None
