"""Issue 25, reload after one changed file: the snapshot keeps the base's objects per content
file, under the key of that file's validation record, written once; a reload writes only the
changed file's piece and the tables, and the serving process takes its own objects for the
pieces it already holds. The base served is the one a full build gives: same base, same
tables, same answers."""

from __future__ import annotations

import asyncio
import io
import sys
from array import array
from collections.abc import Callable, Mapping
from pathlib import Path
from types import MappingProxyType, MethodType
from typing import TypeVar

import pytest

from bot import rebuild
from bot.content import snapshot
from bot.engine import index as index_module
from bot.engine.commands import answer
from bot.engine.index import Index
from bot.rebuild import _child, _receive, _written, served_pieces
from bot.render.html import render_html
from bot.startup import validated_index
from tests.conftest import ContentCopy

QUESTIONS = (
    "/pays Turquie",
    "/cherche drones",
    "/timeline 2025",
    "/accord Royaume-Uni",
    "qu'est-ce qui lie Bakou et Ankara ?",
    "/carte",
    "/frise 2025",
)
EDITED = "events.yaml"
T = TypeVar("T")


def _answers(index: Index) -> list[list[str]]:
    return [render_html(answer(index, question)) for question in QUESTIONS]


def _shape(value: object, seen: frozenset[int] = frozenset()) -> object:
    """``value`` as plain data to compare two indexes built apart: tables and other objects
    without an equality of their own by their type and attributes; the base's entries,
    actors and sources (frozen dataclasses) by their own equality."""
    if isinstance(value, str | bytes | int | float | bool | type(None) | frozenset | set):
        return value
    if isinstance(value, array):
        return (value.typecode, value.tolist())
    if isinstance(value, Mapping | MappingProxyType):
        return {key: _shape(item, seen) for key, item in value.items()}
    if isinstance(value, tuple | list):
        return [_shape(item, seen) for item in value]
    if isinstance(value, MethodType):  # a table's own method (its object is compared apart)
        return ("method", value.__func__.__qualname__)
    if type(value).__eq__ is not object.__eq__:  # dataclasses: compared by value
        return value
    if id(value) in seen:
        return ("cycle", type(value).__name__)
    inner = seen | {id(value)}
    fields: dict[str, object] = dict(getattr(value, "__dict__", {}))
    for kind in type(value).__mro__:
        slots = kind.__dict__.get("__slots__", ())
        for name in (slots,) if isinstance(slots, str) else slots:
            if name not in ("__dict__", "__weakref__") and hasattr(value, name):
                fields[name] = getattr(value, name)
    # where the full text keeps its parts, and which it used; the names table's key and its
    # parts gathered in one mapping (each also compared as an attribute): the caches'
    # bookkeeping, not the table
    for cache in ("parts", "used_parts", "_state_key", "_state"):
        fields.pop(cache, None)
    return (type(value).__name__, {name: _shape(item, inner) for name, item in fields.items()})


def _pieces(folder: Path) -> set[str]:
    return {path.name for path in (folder / snapshot.PIECES).glob("*" + snapshot.PIECE_SUFFIX)}


def _reload(copy: ContentCopy, cache: Path, served: Index | None) -> Index:
    """What a /recharger serves: the reading child's work, then the serving side's read."""
    transfer = cache.parent / "transfer"
    transfer.mkdir(exist_ok=True)
    out = io.StringIO()
    real = sys.stdout
    sys.stdout = out
    try:
        assert _child(copy.content, copy.seeds, transfer) == 0
    finally:
        sys.stdout = real
    index = _receive(*_written(out.getvalue(), transfer), served_pieces(served))
    assert index is not None
    return index


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("SNAPSHOT_DIR", str(folder))
    monkeypatch.setattr(sys, "stderr", io.StringIO())  # the child's progress lines
    return folder


def test_a_reload_after_one_changed_file_writes_its_piece_and_reuses_the_others(
    copy: ContentCopy, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    served = _reload(copy, cache, None)
    before = _pieces(cache)
    files = len(list(copy.content.glob("*.yaml")))
    # one piece per content file, the articles' texts (one more, kept under their hash), the
    # names table's parts and the agreements table's words (one more each, under the key of
    # what they are built from), and the full text's part of each file holding entries
    parts = len(served.fulltext.postings.kept())
    assert 0 < parts < files
    assert len(before) == files + 3 + parts == len(served.base.origins) + 3 + parts
    copy.edit(EDITED, "\n      L'Azerbaïdjan rejoint", "\n      L'Azerbaïdjan adhère au")
    written: list[str] = []
    real = snapshot._keep_piece

    def keep(folder: Path, key: str, chunks: snapshot.Chunks, *rest: tuple[type, ...]) -> None:
        if not snapshot._piece_path(folder, key).is_file():
            written.append(key)
        real(folder, key, chunks, *rest)

    monkeypatch.setattr(snapshot, "_keep_piece", keep)
    reloaded = _reload(copy, cache, served)
    after = _pieces(cache)
    # the changed file's piece and its full text's part; the old ones pruned
    new_parts = {key for key, _ in reloaded.fulltext.postings.kept()}
    assert len(written) == 2 and len(after) == files + 3 + parts
    assert after - before == {key + snapshot.PIECE_SUFFIX for key in written}
    assert len(new_parts - {key for key, _ in served.fulltext.postings.kept()}) == 1
    assert written[1] in new_parts
    written = written[:1]
    old = dict(served.base.origins)
    reused = changed = 0
    for key, items in reloaded.base.origins:
        if key in old:  # an unchanged file: the served objects themselves, none decoded
            assert len(items) == len(old[key])
            assert all(new is kept for new, kept in zip(items, old[key], strict=True))
            reused += 1
        else:
            assert key == written[0]
            changed += 1
    assert (reused, changed) == (files - 1, 1)
    edited = [e for e in reloaded.base.events if e.summary.startswith("L'Azerbaïdjan adhère au")]
    assert edited and all(e is reloaded.entries[e.id] for e in reloaded.base.entries())

    monkeypatch.setenv("SNAPSHOT_DIR", "off")
    full = validated_index(copy.content, copy.seeds)  # nothing cached, nothing reused
    assert reloaded.base == full.base
    assert _shape(reloaded.tables()) == _shape(full.tables())
    assert _shape(reloaded._memo) == _shape(full._memo)
    assert _answers(reloaded) == _answers(full)


def test_a_restart_reads_the_pieces_from_disk_as_the_base_was_built(
    copy: ContentCopy, tmp_path: Path
) -> None:
    built = validated_index(copy.content, copy.seeds, tmp_path)
    assert built.base.origins
    assert snapshot.write_snapshot(tmp_path, "k" * 64, built)
    read = snapshot.read_snapshot(tmp_path, "k" * 64, Index)
    assert isinstance(read, Index)
    assert [key for key, _ in read.base.origins] == [key for key, _ in built.base.origins]
    for entry in read.base.entries():  # one object, wherever it is held
        assert read.entries[entry.id] is entry
    kept = {id(item) for _, items in read.base.origins for item in items}
    assert all(id(source) in kept for source in read.base.sources.values())
    assert all(id(actor) in kept for actor in read.base.actors.values())
    assert all(id(entry) in kept for entry in read.base.entries())
    assert not read.snapshot_pieces()  # nothing of the base left outside the files' pieces
    assert read.base == built.base
    assert _shape(read.tables()) == _shape(built.tables())
    assert _answers(read) == _answers(built)


@pytest.mark.parametrize("damage", ["altered", "missing"])
def test_a_piece_altered_or_missing_makes_the_snapshot_unused_then_it_is_rewritten(
    copy: ContentCopy, tmp_path: Path, damage: str
) -> None:
    built = validated_index(copy.content, copy.seeds, tmp_path)
    assert snapshot.write_snapshot(tmp_path, "k" * 64, built)
    assert snapshot.has_snapshot(tmp_path, "k" * 64)
    piece = snapshot._piece_path(tmp_path, built.base.origins[0][0])
    if damage == "altered":
        data = bytearray(piece.read_bytes())
        data[-20] ^= 0xFF
        piece.write_bytes(bytes(data))
    else:
        piece.unlink()
        assert not snapshot.has_snapshot(tmp_path, "k" * 64)  # a reload's child reads anew
    assert snapshot.read_snapshot(tmp_path, "k" * 64, Index) is None  # revalidated instead
    assert not piece.exists()  # never taken as written by the next snapshot
    assert snapshot.write_snapshot(tmp_path, "k" * 64, built)
    assert piece.is_file()
    read = snapshot.read_snapshot(tmp_path, "k" * 64, Index)
    assert isinstance(read, Index) and read.base == built.base


def test_the_served_pieces_are_taken_only_under_their_own_key(
    copy: ContentCopy, tmp_path: Path
) -> None:
    """A piece handed in under a key the snapshot does not name is never used: the served
    base's objects come in only for the same file read the same way."""
    built = validated_index(copy.content, copy.seeds, tmp_path)
    assert snapshot.write_snapshot(tmp_path, "k" * 64, built)
    decoy = {"0" * 64: [(object(),)]}
    read = snapshot.read_snapshot(tmp_path, "k" * 64, Index, known=decoy)
    assert isinstance(read, Index) and read.base == built.base
    stranger = decoy["0" * 64][0][0]
    assert all(item is not stranger for _, items in read.base.origins for item in items)


def test_served_pieces_cut_otherwise_are_read_from_disk_instead(
    copy: ContentCopy, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The snapshot names each kept piece's chunks by length: a served base whose pieces are
    cut otherwise (another slice size) is never matched position by position with them."""
    built = validated_index(copy.content, copy.seeds, tmp_path)
    monkeypatch.setattr(index_module, "PIECE", 3)
    assert snapshot.write_snapshot(tmp_path, "k" * 64, built)
    monkeypatch.setattr(index_module, "PIECE", 2048)
    served = dict(built.snapshot_files())
    read = snapshot.read_snapshot(tmp_path, "k" * 64, Index, known=served)
    assert isinstance(read, Index) and read.base == built.base
    held = {id(item) for chunks in served.values() for chunk in chunks for item in chunk}
    assert not any(id(entry) in held for entry in read.base.entries())
    assert _answers(read) == _answers(built)


@pytest.mark.e2e
async def test_the_thread_reading_the_new_base_is_never_handed_the_served_index(
    copy: ContentCopy, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A worker thread keeps its call's arguments a moment after its result is out: handed
    the served index, it could still hold it when the swap lets go of it, and release_index
    would then leave it whole (seen once, under load, in tests/test_reload_swap_e2e.py). The
    thread gets the served pieces only; the objects are reused all the same."""
    served = _reload(copy, cache, None)
    copy.edit(EDITED, "\n      L'Azerbaïdjan rejoint", "\n      L'Azerbaïdjan adhère au")
    handed: list[object] = []
    real = asyncio.to_thread

    async def recording(function: Callable[..., T], /, *args: object) -> T:
        handed.extend(args)
        return await real(function, *args)

    monkeypatch.setattr(asyncio, "to_thread", recording)  # rebuild imports it when it runs
    reloaded = await rebuild.rebuild_index(copy.content, copy.seeds, served)
    assert handed and not any(argument is served for argument in handed)
    old = {id(item) for _, items in served.base.origins for item in items}
    assert sum(id(entry) in old for entry in reloaded.base.entries()) > 0
