"""A start after a content change serves first and writes its snapshot afterwards, in a
thread: the snapshot is complete when written, absent when the write stopped, never wrong."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from bot import startup
from bot.content import snapshot
from bot.engine.commands import answer
from bot.engine.index import Index
from bot.paths import PROJECT_ROOT
from bot.render.html import render_html
from tests.conftest import ContentCopy

QUESTIONS = ("/pays Turquie", "/org", "/accord paix", "/cherche drones", "/timeline 2025")


def _answers(index: Index) -> list[str]:
    return [render_html(answer(index, question)) for question in QUESTIONS]


def test_a_start_returns_its_index_before_the_snapshot_is_written(
    copy: ContentCopy, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "cache"
    served = threading.Event()
    seen: list[bool] = []
    real = snapshot.write_snapshot

    def held(where: Path, key: str, value: object, name: str = snapshot.SNAPSHOT_NAME) -> bool:
        # on the old code this ran inside ready_index: the event never came, seen == [False]
        seen.append(served.wait(timeout=60))
        return real(where, key, value, name)

    monkeypatch.setattr(startup, "write_snapshot", held)
    fresh = startup.ready_index(
        copy.content, copy.seeds, {"SNAPSHOT_DIR": str(folder)}, serve_first=True
    )
    assert not (folder / snapshot.SNAPSHOT_NAME).exists()  # not yet: the index came first
    first = _answers(fresh)
    served.set()
    startup.wait_for_snapshot()
    assert seen == [True]
    key = snapshot.snapshot_key(copy.content, copy.seeds, folder)
    assert snapshot.has_snapshot(folder, key)
    restarted = startup.ready_index(copy.content, copy.seeds, {"SNAPSHOT_DIR": str(folder)})
    assert restarted is not fresh
    assert isinstance(snapshot.read_snapshot(folder, key, Index), Index)
    assert _answers(restarted) == first  # the snapshot written later answers as the full build


class _StoppedError(Exception):
    """The writer dying midway (a full disk, a crash)."""


def test_a_write_stopped_midway_leaves_no_snapshot_and_the_next_start_revalidates(
    copy: ContentCopy,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    folder = tmp_path / "cache"
    written: list[int] = []
    real_write = snapshot._HashingWriter.write
    real_snapshot = snapshot.write_snapshot
    base_only = threading.local()  # the validation cache's own small files are left alone

    def stopping(self: snapshot._HashingWriter, data: bytes | memoryview) -> int:
        if getattr(base_only, "on", False):
            written.append(len(data))
            if len(written) == 3:  # part of the payload on disk, then the writer dies
                raise _StoppedError
        return real_write(self, data)

    def base_write(
        where: Path, key: str, value: object, name: str = snapshot.SNAPSHOT_NAME
    ) -> bool:
        base_only.on = True
        try:
            return real_snapshot(where, key, value, name)
        finally:
            base_only.on = False

    monkeypatch.setattr(snapshot._HashingWriter, "write", stopping)
    monkeypatch.setattr(startup, "write_snapshot", base_write)
    with caplog.at_level(logging.WARNING, logger="bot.startup"):
        fresh = startup.ready_index(
            copy.content, copy.seeds, {"SNAPSHOT_DIR": str(folder)}, serve_first=True
        )
        first = _answers(fresh)
        startup.wait_for_snapshot()
    assert len(written) == 3
    assert "Instantané non écrit" in caplog.text  # said, not raised: the bot serves on
    leftovers = [
        path.name
        for path in folder.iterdir()
        if path.is_file() and path.name != snapshot.MANIFEST  # the key's own record
    ]
    assert leftovers == []  # neither the snapshot nor its temporary file
    monkeypatch.setattr(snapshot._HashingWriter, "write", real_write)
    monkeypatch.setattr(startup, "write_snapshot", real_snapshot)
    key = snapshot.snapshot_key(copy.content, copy.seeds, folder)
    assert snapshot.read_snapshot(folder, key, Index) is None
    again = startup.ready_index(copy.content, copy.seeds, {"SNAPSHOT_DIR": str(folder)})
    assert _answers(again) == first
    assert snapshot.has_snapshot(folder, key)  # this start, not serving first, wrote it


@pytest.mark.e2e  # a real process
def test_a_one_shot_answer_prints_first_and_the_process_leaves_its_snapshot(
    copy: ContentCopy, tmp_path: Path
) -> None:
    """``python -m bot ask``: the answer, then the snapshot is finished before the exit
    (the writing thread is not a daemon a quick process would cut short)."""
    folder = tmp_path / "cache"
    env = {**os.environ, "SNAPSHOT_DIR": str(folder)}
    command = [sys.executable, "-m", "bot", "--content", str(copy.content)]
    command += ["--seeds", str(copy.seeds), "ask", "/pays Turquie"]
    done = subprocess.run(
        command, cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "Turquie" in done.stdout
    key = snapshot.snapshot_key(copy.content, copy.seeds, folder)
    assert snapshot.has_snapshot(folder, key)
    assert isinstance(snapshot.read_snapshot(folder, key, Index), Index)


def test_a_start_removes_the_files_of_writes_killed_midway_and_only_those(
    copy: ContentCopy, tmp_path: Path
) -> None:
    """A bot killed while it wrote its snapshot leaves a temporary file (170 Mo at ×1000);
    the next write removes those untouched for long, never one being written now."""
    folder = tmp_path / "cache"
    folder.mkdir()
    old = folder / ".base-killed.tmp"
    old.write_bytes(b"half a snapshot")
    long_ago = time.time() - snapshot.STALE_TEMPORARY - 60
    os.utime(old, (long_ago, long_ago))
    fresh = folder / ".base-writing.tmp"  # another writer, busy with it right now
    fresh.write_bytes(b"being written")
    unrelated = folder / "notes.tmp"
    unrelated.write_text("not a snapshot's", encoding="utf-8")
    os.utime(unrelated, (long_ago, long_ago))
    startup.ready_index(copy.content, copy.seeds, {"SNAPSHOT_DIR": str(folder)}, serve_first=True)
    startup.wait_for_snapshot()
    assert not old.exists()
    assert fresh.exists() and unrelated.exists()
    assert (folder / snapshot.SNAPSHOT_NAME).exists()


def test_a_table_built_by_a_command_during_the_write_does_not_cost_the_snapshot(
    copy: ContentCopy, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While the snapshot is written, a user's command may build a table on demand
    (``Index.memo``): pickle then stops (« dictionary changed size during iteration »); the
    write is tried again, and the snapshot holds the base as a full build does."""
    folder = tmp_path / "cache"
    real = snapshot.write_snapshot
    tries: list[int] = []

    def disturbed(where: Path, key: str, value: object, name: str = snapshot.SNAPSHOT_NAME) -> bool:
        tries.append(1)
        if len(tries) == 1:
            assert isinstance(value, Index)
            for number in range(3):  # as a command would, in the middle of the walk
                value.memo(f"construite-pendant-l-ecriture-{number}", list)
            raise RuntimeError("dictionary changed size during iteration")
        return real(where, key, value, name)

    monkeypatch.setattr(startup, "write_snapshot", disturbed)
    fresh = startup.ready_index(
        copy.content, copy.seeds, {"SNAPSHOT_DIR": str(folder)}, serve_first=True
    )
    startup.wait_for_snapshot()
    assert len(tries) == 2
    key = snapshot.snapshot_key(copy.content, copy.seeds, folder)
    restored = snapshot.read_snapshot(folder, key, Index)
    assert isinstance(restored, Index)
    assert _answers(restored) == _answers(fresh)
