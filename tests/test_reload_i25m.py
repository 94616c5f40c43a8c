"""Issue 25 (i25m), a reload after ONE changed file, end to end: through the real reading
process (``python -m bot.rebuild``, its per-file caches, kept table parts and snapshot
pieces, the serving side taking its own objects for the unchanged files), each reload of a
chain — each after one changed file of another kind, then back to an earlier state whose
parts are kept on disk — serves exactly what a cold full build of that content serves (no
cache, nothing reused): the same base, the same tables field by field, the same memoized
tables, the same answers. The agreements table's words, postings and vocabulary likewise
(i25n): taken back from their piece while no agreement nor any label they read changed. The
full text's parts (i25q): the served ones taken back for every unchanged file."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from bot import rebuild
from bot.content import snapshot
from bot.engine.deals import KEPT_PARTS, Deals
from bot.engine.index import Index
from bot.engine.names import NameTable
from bot.startup import ready_index, validated_index
from tests.conftest import ContentCopy
from tests.test_reload_tables_apart import _same_as_a_full_build
from tests.test_snapshot_file_pieces import _reload

EDITS = (
    # a summary of an event: a word enters the full text's vocabulary
    ("events.yaml", "\n      L'Azerbaïdjan rejoint", "\n      L'Azerbaïdjan adhère au"),
    # an agreement's summary: its words, the deals' postings, the sizes
    ("agreements.yaml", "signent à Bakou un accord", "concluent à Bakou un accord"),
    # an actor's alias: every name and label fingerprint changes, all parts are rebuilt
    ("actors.yaml", "aliases: [NATO, ", "aliases: [NATO, Alliance du Nord, "),
    # the event's first wording back: its earlier parts may be read back from the disk
    ("events.yaml", "\n      L'Azerbaïdjan adhère au", "\n      L'Azerbaïdjan rejoint"),
    # a stop word less: every word list changes, the agreements' among them
    ("vocabulary.yaml", "l, de, du,", "l, du,"),
)
DEALS_KEPT = (True, False, True, True, False)
"""For each edit, whether the agreements table's kept parts hold (same key, the serving
process's own objects): only the agreement's summary and the stop word touch them."""
PARTS_NEW = (1, 1, None, 1, None)
"""For each edit, how many of the full text's parts are new (i25q; None: all of them — an
alias is in the text of every entry naming its actor, a stop word in every file's words):
the others are the serving process's own parts, neither written nor decoded again."""


def _full_text_parts_reused(received: Index, served: Index, new: int | None, file: str) -> None:
    """The full text's parts under a key the served index holds are its own objects; the
    others are new objects, ``new`` of them (None: every one)."""
    mine = dict(served.fulltext.postings.kept())
    theirs = {id(part) for part in mine.values()}
    kept = received.fulltext.postings.kept()
    assert kept and len(kept) == len(received.fulltext.postings.parts)
    fresh = [key for key, part in kept if key not in mine]
    assert all(part is mine[key] for key, part in kept if key in mine), file
    assert not any(id(part) in theirs for key, part in kept if key not in mine), file
    assert len(fresh) == (len(kept) if new is None else new), file


@pytest.mark.e2e
async def test_each_reload_after_one_changed_file_serves_what_a_cold_full_build_serves(
    copy: ContentCopy, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    monkeypatch.setenv("SNAPSHOT_DIR", str(cache))  # the reading process inherits it
    served: Index = ready_index(copy.content, copy.seeds)
    for (file, old, new), kept, parts_new in zip(EDITS, DEALS_KEPT, PARTS_NEW, strict=True):
        copy.edit(file, old, new)
        monkeypatch.setenv("SNAPSHOT_DIR", str(cache))
        received = await rebuild.rebuild_index(copy.content, copy.seeds, served)
        assert received is not served  # a new base, read and swapped
        _full_text_parts_reused(received, served, parts_new, file)
        same = received.deals.state_key() == served.deals.state_key()
        own = [vars(received.deals)[part] is vars(served.deals)[part] for part in KEPT_PARTS]
        assert (same, own) == (kept, [kept] * len(KEPT_PARTS)), file
        assert received.deals.base is received.base
        _same_as_a_full_build(received, copy, monkeypatch)  # sets SNAPSHOT_DIR off
        served = received
    assert any(e.summary.startswith("L'Azerbaïdjan rejoint") for e in served.base.events)
    assert "alliance du nord" in served.names.exact
    assert "de" in served.deals.postings  # no longer a stop word


def test_a_change_that_touches_no_name_reads_the_names_table_back_and_serves_its_own(
    copy: ContentCopy, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    monkeypatch.setenv("SNAPSHOT_DIR", str(cache))
    monkeypatch.setattr(sys, "stderr", io.StringIO())  # the reading process's progress lines
    served = _reload(copy, cache, None)
    taken: list[bool] = []
    real = NameTable.take_state

    def take(table: NameTable, state: object, key: str) -> bool:
        taken.append(real(table, state, key))
        return taken[-1]

    monkeypatch.setattr(NameTable, "take_state", take)
    copy.edit(*EDITS[0])  # an event's summary: no actor, near name or topic
    received = _reload(copy, cache, served)
    assert taken == [True]  # read back from its piece, not built
    assert received.names.state_key() == served.names.state_key()
    for part in NameTable.parts_of_state():  # the serving process's own objects, not decoded
        assert vars(received.names)[part] is vars(served.names)[part]
    assert received.names.base is received.base  # the table itself is the new base's
    _same_as_a_full_build(received, copy, monkeypatch)
    monkeypatch.setenv("SNAPSHOT_DIR", str(cache))
    copy.edit(*EDITS[2])  # an alias: another key, the table is built again
    again = _reload(copy, cache, received)
    assert taken == [True]  # no piece under the new key: nothing offered, built
    assert again.names.state_key() != received.names.state_key()
    assert "alliance du nord" in again.names.exact and "alliance du nord" not in served.names.exact
    _same_as_a_full_build(again, copy, monkeypatch)


def test_a_names_table_not_wholly_built_is_not_a_piece_and_is_not_built_by_a_snapshot(
    copy: ContentCopy, tmp_path: Path
) -> None:
    index = validated_index(copy.content, copy.seeds, tmp_path / "cache", build=False)
    assert index.base.origins  # read under the per-file cache: its files are pieces
    index.names.find_topic("drones")  # one part built, the others not
    assert not index.names.built()
    assert snapshot.write_snapshot(tmp_path / "cache", "k" * 64, index)
    assert not index.names.built()  # the snapshot built nothing
    assert not any(key == index.names.state_key() for key, _ in index.snapshot_files())
    read = snapshot.read_snapshot(tmp_path / "cache", "k" * 64, Index)
    assert read is not None and vars(read.names).keys() - {"_state_key"} == vars(
        index.names
    ).keys() - {"_state_key"}


def test_a_change_that_touches_no_agreement_reads_the_agreements_words_back(
    copy: ContentCopy, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    monkeypatch.setenv("SNAPSHOT_DIR", str(cache))
    monkeypatch.setattr(sys, "stderr", io.StringIO())  # the reading process's progress lines
    served = _reload(copy, cache, None)
    taken: list[bool] = []
    real = Deals.take_state

    def take(table: Deals, state: object, key: str) -> bool:
        taken.append(real(table, state, key))
        return taken[-1]

    monkeypatch.setattr(Deals, "take_state", take)
    words = monkeypatch_words(monkeypatch)
    copy.edit(*EDITS[0])  # an event's summary: no agreement, no label
    received = _reload(copy, cache, served)
    assert taken == [True] and words == []  # read back from its piece, no word list built
    for part in KEPT_PARTS:  # the serving process's own objects, not decoded
        assert vars(received.deals)[part] is vars(served.deals)[part]
    assert received.deals.base is received.base and received.deals.timeline is received.timeline
    _same_as_a_full_build(received, copy, monkeypatch)
    monkeypatch.setenv("SNAPSHOT_DIR", str(cache))
    copy.edit(*EDITS[1])  # an agreement's summary: another key, the table is built again
    again = _reload(copy, cache, received)
    assert taken == [True] and words  # no piece under the new key: nothing offered, built
    assert again.deals.state_key() != received.deals.state_key()
    assert "concluent" in again.deals.postings and "concluent" not in served.deals.postings
    _same_as_a_full_build(again, copy, monkeypatch)


def monkeypatch_words(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Record each word list :class:`Deals` builds (its count of agreements)."""
    built: list[int] = []
    real = Deals._words

    def words(table: Deals, agreements: object) -> dict[str, frozenset[str]]:
        found = real(table, agreements)  # type: ignore[arg-type]
        built.append(len(found))
        return found

    monkeypatch.setattr(Deals, "_words", words)
    return built


def test_agreements_words_not_wholly_built_are_not_a_piece(
    copy: ContentCopy, tmp_path: Path
) -> None:
    index = validated_index(copy.content, copy.seeds, tmp_path / "cache", build=False)
    assert index.deals.words  # one kept part built, the others not
    assert not index.deals.built()
    assert snapshot.write_snapshot(tmp_path / "cache", "k" * 64, index)
    assert not index.deals.built()  # the snapshot built nothing
    assert not any(key == index.deals.state_key() for key, _ in index.snapshot_files())
    read = snapshot.read_snapshot(tmp_path / "cache", "k" * 64, Index)
    assert read is not None and dict(read.deals.words) == dict(index.deals.words)
    assert "postings" not in vars(read.deals) and "_state" not in vars(read.deals)
