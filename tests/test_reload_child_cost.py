"""Issue 25, point 1 (a reload after one changed file, CPU at ×1000): the reading child
runs without any cyclic collection, and hands over the base a collected run would."""

from __future__ import annotations

import gc
import io
import sys
from pathlib import Path

import pytest

from bot.engine.commands import answer
from bot.engine.index import Index
from bot.rebuild import _child, _receive, _written, run_child
from bot.render.html import render_html
from tests.conftest import ContentCopy

QUESTIONS = ("/pays Turquie", "/cherche drones", "/timeline 2025")


def _handed_over(out: str, transfer: Path) -> Index:
    index = _receive(*_written(out, transfer))
    assert index is not None
    return index


def test_the_reading_child_never_collects_and_hands_over_the_same_base(
    copy: ContentCopy, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stderr", io.StringIO())  # the child's progress lines
    collections: list[str] = []

    def counted(phase: str, _info: dict[str, int]) -> None:
        if phase == "start":
            collections.append(phase)

    runs: list[tuple[str, Path]] = []
    was_enabled = gc.isenabled()
    for name, entry in (("collected", _child), ("child", run_child)):
        monkeypatch.setenv("SNAPSHOT_DIR", str(tmp_path / name / "cache"))
        transfer = tmp_path / name / "transfer"
        transfer.mkdir(parents=True)
        out = io.StringIO()
        monkeypatch.setattr(sys, "stdout", out)
        gc.enable()
        gc.callbacks.append(counted)
        try:
            assert entry(copy.content, copy.seeds, transfer) == 0
            enabled = gc.isenabled()
        finally:
            gc.callbacks.remove(counted)
            if was_enabled:
                gc.enable()
            else:
                gc.disable()
            monkeypatch.setattr(sys, "stdout", sys.__stdout__)
        if entry is run_child:
            assert not enabled and collections == []  # not one collection, start to end
        else:
            assert enabled and collections  # the path it replaces did collect
        collections.clear()
        runs.append((out.getvalue(), transfer))
    collected, child = (_handed_over(*run) for run in runs)
    assert collected.base == child.base
    for question in QUESTIONS:
        assert render_html(answer(child, question)) == render_html(answer(collected, question))
