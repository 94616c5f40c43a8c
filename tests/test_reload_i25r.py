"""Issue 25 (i25r): the reload's reading process names the unchanged files' full-text parts
without reading them — each a :class:`KeptPart`, its words from the list kept beside it —
and reads or builds only the changed file's part. Along a chain of reloads (one changed
file of each kind, then back to an earlier state, then a stop word), the parts kept aside
are never read, and the base served is still what a cold full build serves."""

from __future__ import annotations

import pickle
from pathlib import Path
from types import MappingProxyType

import pytest

from bot import rebuild
from bot.engine import fulltext
from bot.engine.index import Index
from bot.engine.postings import KeptPart
from bot.startup import validated_index
from tests.conftest import ContentCopy
from tests.test_reload_i25m import EDITS, PARTS_NEW
from tests.test_reload_tables_apart import _same_as_a_full_build, cache  # noqa: F401
from tests.test_snapshot_file_pieces import _reload


def _child_indexes(monkeypatch: pytest.MonkeyPatch) -> list[Index]:
    """The indexes the reading process writes, as it holds them."""
    written: list[Index] = []
    real = rebuild.write_snapshot

    def write(folder: Path, key: str, value: Index, *rest: object, **named: object) -> bool:
        written.append(value)
        return real(folder, key, value, *rest, **named)  # type: ignore[arg-type]

    monkeypatch.setattr(rebuild, "write_snapshot", write)
    return written


def test_each_reload_reads_only_the_changed_files_part_and_serves_a_cold_build(
    copy: ContentCopy,
    cache: Path,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    served = _reload(copy, cache, None)  # every part built, and its word list kept beside it
    lists = sorted(path.name for path in (cache / "fulltext").glob("*" + fulltext.LIST_SUFFIX))
    assert len(lists) == len(served.fulltext.postings.kept())
    built = _child_indexes(monkeypatch)
    for (file, old, new), parts_new in zip(EDITS, PARTS_NEW, strict=True):
        copy.edit(file, old, new)
        received = _reload(copy, cache, served)
        parts = built[-1].fulltext.postings.parts
        aside = [part for part in parts if isinstance(part, KeptPart)]
        read = [part for part in parts if not isinstance(part, KeptPart)]
        assert not any(part.loaded() for part in aside), file  # named in the snapshot only
        assert len(read) == (len(parts) if parts_new is None else parts_new), file
        assert all(type(part) is MappingProxyType for part in received.fulltext.postings.parts)
        _same_as_a_full_build(received, copy, monkeypatch)  # sets SNAPSHOT_DIR off
        monkeypatch.setenv("SNAPSHOT_DIR", str(cache))
        served = received


def test_parts_kept_without_their_list_are_read_whole_and_their_list_kept(
    copy: ContentCopy,
    cache: Path,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    served = _reload(copy, cache, None)
    for path in (cache / "fulltext").glob("*" + fulltext.LIST_SUFFIX):
        path.unlink()  # a parts folder written before the lists
    built = _child_indexes(monkeypatch)
    copy.edit(*EDITS[0])
    received = _reload(copy, cache, served)
    assert not any(isinstance(part, KeptPart) for part in built[-1].fulltext.postings.parts)
    kept = len(received.fulltext.postings.kept())
    assert len(list((cache / "fulltext").glob("*" + fulltext.LIST_SUFFIX))) == kept
    _same_as_a_full_build(received, copy, monkeypatch)


def test_a_part_set_aside_is_read_on_its_first_look_up_or_built_again_if_gone(
    copy: ContentCopy, tmp_path: Path
) -> None:
    cold = validated_index(copy.content, copy.seeds)  # nothing kept anywhere
    validated_index(copy.content, copy.seeds, tmp_path)  # parts and lists written
    for gone in (False, True):
        index = validated_index(copy.content, copy.seeds, tmp_path, build=False)
        index.fulltext.read_parts_on_use()
        if gone:
            for path in (tmp_path / "fulltext").glob("*" + fulltext.PART_SUFFIX):
                path.unlink()
        postings = index.fulltext.postings
        aside = [part for part in postings.parts if isinstance(part, KeptPart)]
        assert aside and len(aside) == len(postings.parts)
        assert list(postings) == list(cold.fulltext.postings)  # the words, in their order
        assert not any(part.loaded() for part in aside)
        assert dict(postings.items()) == dict(cold.fulltext.postings.items())
        assert all(part.loaded() for part in aside)
        again = pickle.loads(pickle.dumps(aside[0]))
        assert type(again) is MappingProxyType and again == dict(aside[0].held())
