"""Issue 25, point 1: each content file's validation is cached by its content hash, so one
changed file costs one file's validation — and a stale record never serves old content."""

from __future__ import annotations

import io
import os
import re
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.check import run_check
from bot.content import filecache, loader
from bot.content.errors import ContentError
from bot.content.filecache import SUFFIX
from bot.content.model import FactBase
from bot.rebuild import _INVALID, _child, _receive, _written
from tests.conftest import ContentCopy


class Parses:
    """Counts the YAML files parsed (a cached file is not parsed)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.count = 0
        real = yaml.load

        def counted(*args: Any, **kwargs: Any) -> Any:
            self.count += 1
            return real(*args, **kwargs)

        monkeypatch.setattr(yaml, "load", counted)

    def take(self) -> int:
        found, self.count = self.count, 0
        return found


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> Parses:
    return Parses(monkeypatch)


def _load(copy: ContentCopy, cache: Path) -> FactBase:
    return loader.load_factbase(copy.content, copy.seeds, cache=cache)


def _files(copy: ContentCopy) -> int:
    return len(list(copy.content.glob("*.yaml")))


def test_only_the_changed_file_is_validated_again(
    copy: ContentCopy, tmp_path: Path, parses: Parses
) -> None:
    base = copy.load()  # the copy's own base (a frozen fixture, not the shipped one)
    parses.take()  # its parses are not the cache's
    cache = tmp_path / "validation"
    assert _load(copy, cache) == base
    assert parses.take() == _files(copy)
    assert len(list(cache.glob("*" + SUFFIX))) == _files(copy)
    assert _load(copy, cache) == base  # every file from the cache, the same base
    assert parses.take() == 0
    copy.edit("events.yaml", "\n      L'Azerbaïdjan rejoint", "\n      L'Azerbaïdjan adhère au")
    edited = _load(copy, cache)
    assert parses.take() == 1
    assert any(e.summary.startswith("L'Azerbaïdjan adhère au") for e in edited.events)
    assert edited == copy.load()  # the same as a load without any cache
    assert len(list(cache.glob("*" + SUFFIX))) == _files(copy)  # the old record removed


def test_an_edit_of_the_same_size_and_time_is_validated_again(
    copy: ContentCopy, tmp_path: Path, parses: Parses
) -> None:
    cache = tmp_path / "validation"
    _load(copy, cache)
    path = copy.content / "events.yaml"
    before = path.stat()
    copy.edit("events.yaml", "\n      L'Azerbaïdjan rejoint", "\n      L'Azerbaïdjan REJOINT")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_size == before.st_size
    assert path.stat().st_mtime_ns == before.st_mtime_ns
    parses.take()
    edited = _load(copy, cache)
    assert parses.take() == 1
    assert any(e.summary.startswith("L'Azerbaïdjan REJOINT") for e in edited.events)


def test_a_bad_file_is_refused_with_file_entry_and_field_warm_cache_or_not(
    copy: ContentCopy, tmp_path: Path
) -> None:
    cache = tmp_path / "validation"
    _load(copy, cache)  # every file cached while valid
    copy.edit("events.yaml", 'date: "2025-11-06"', 'date: "6 novembre"')
    for _ in range(2):  # a bad file is never cached: refused again, with the same words
        with pytest.raises(ContentError) as caught:
            _load(copy, cache)
        assert any(
            issue.file == "content/events.yaml" and issue.entry and issue.field == "date"
            for issue in caught.value.issues
        ), caught.value.issues
    copy.edit("events.yaml", 'date: "6 novembre"', 'date: "2025-11-06"')
    assert _load(copy, cache) == copy.load()


def test_a_cross_file_problem_is_found_with_every_file_cached(
    copy: ContentCopy, tmp_path: Path
) -> None:
    """A reference broken by another file's edit: the checks across files always run."""
    cache = tmp_path / "validation"
    _load(copy, cache)
    # a source of sources.yaml itself (a grown base loads other files' sources first)
    declared = re.search(r"^\s*-?\s*id: (\S+)$", (copy.content / "sources.yaml").read_text(), re.M)
    assert declared is not None
    first = declared.group(1)
    assert first in loader.load_factbase(copy.content, copy.seeds).sources
    copy.edit("sources.yaml", f"id: {first}\n", f"id: {first}-renomme\n")
    with pytest.raises(ContentError) as caught:
        _load(copy, cache)
    assert any(f"source inconnue : {first}" in str(issue) for issue in caught.value.issues)


def test_an_altered_record_is_ignored(copy: ContentCopy, tmp_path: Path, parses: Parses) -> None:
    cache = tmp_path / "validation"
    _load(copy, cache)
    parses.take()
    for path in cache.glob("*" + SUFFIX):
        data = path.read_bytes()
        path.write_bytes(data[:-1] + bytes([data[-1] ^ 1]))
    loaded = _load(copy, cache)
    assert parses.take() == _files(copy)
    assert loaded == copy.load()


def test_new_code_or_limits_invalidate_every_record(
    copy: ContentCopy, tmp_path: Path, parses: Parses, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "validation"
    _load(copy, cache)
    parses.take()
    monkeypatch.setattr(filecache, "code_key", lambda: "un autre code")
    _load(copy, cache)
    assert parses.take() == _files(copy)
    monkeypatch.setenv("CONTENT_MAX_NODES", "4999999")
    _load(copy, cache)
    assert parses.take() == _files(copy)


def test_check_validates_every_file_whatever_the_cache(
    copy: ContentCopy, tmp_path: Path, parses: Parses, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SNAPSHOT_DIR", str(tmp_path / "cache"))
    from bot.startup import ready_index

    ready_index(copy.content, copy.seeds)  # a start: snapshot and validation cache written
    parses.take()
    assert run_check(copy.content, copy.seeds, io.StringIO()) == 0
    assert parses.take() == _files(copy)


def test_the_reload_child_validates_only_the_changed_file_and_hands_over_the_new_base(
    copy: ContentCopy,
    tmp_path: Path,
    parses: Parses,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    kept = tmp_path / "cache"
    monkeypatch.setenv("SNAPSHOT_DIR", str(kept))
    monkeypatch.setattr(sys, "stderr", io.StringIO())  # the child's progress lines
    transfer = tmp_path / "transfer"
    transfer.mkdir()
    assert _child(copy.content, copy.seeds, transfer) == 0
    assert parses.take() == _files(copy)
    capsys.readouterr()
    assert _child(copy.content, copy.seeds, transfer) == 0  # nothing changed: nothing read
    assert parses.take() == 0
    assert _written(capsys.readouterr().out, transfer)[0] == kept
    copy.edit("events.yaml", "\n      L'Azerbaïdjan rejoint", "\n      L'Azerbaïdjan adhère au")
    assert _child(copy.content, copy.seeds, transfer) == 0
    assert parses.take() == 1
    where, key = _written(capsys.readouterr().out, transfer)
    assert where == kept  # written once, where the next restart finds it
    index = _receive(where, key)
    assert index is not None
    assert any(e.summary.startswith("L'Azerbaïdjan adhère au") for e in index.base.events)
    copy.edit("events.yaml", 'date: "2025-11-06"', 'date: "6 novembre"')
    assert _child(copy.content, copy.seeds, transfer) == _INVALID
