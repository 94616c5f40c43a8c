"""Issue 25, point 1: a reload after one changed file (every other file's checks read from
the per-file cache) gives the same answers and the same refusals as a full reload."""

from __future__ import annotations

import io
import re
import sys
from pathlib import Path

import pytest

from bot.content.errors import ContentIssue
from bot.engine.commands import answer
from bot.engine.index import Index
from bot.rebuild import _INVALID, _ISSUES, _child, _read_issues, _receive, _written
from bot.render.html import render_html
from tests.conftest import ContentCopy

QUESTIONS = ("/pays Turquie", "/cherche drones", "/timeline 2025", "/carte", "/frise 2025")


def _reload(
    copy: ContentCopy, folder: Path, cached: bool, monkeypatch: pytest.MonkeyPatch
) -> Index | list[ContentIssue]:
    """What the reload child hands over: the new index, or the issues it refused."""
    if cached:
        monkeypatch.setenv("SNAPSHOT_DIR", str(folder / "cache"))
    else:
        monkeypatch.setenv("SNAPSHOT_DIR", "off")  # no cache at all: everything read and checked
    transfer = folder / ("transfer-cached" if cached else "transfer-full")
    transfer.mkdir(exist_ok=True)
    out = io.StringIO()
    monkeypatch.setattr(sys, "stdout", out)
    code = _child(copy.content, copy.seeds, transfer)
    monkeypatch.setattr(sys, "stdout", sys.__stdout__)
    if code == _INVALID:
        return _read_issues(transfer / _ISSUES)
    assert code == 0
    index = _receive(*_written(out.getvalue(), transfer))
    assert index is not None
    return index


def _answers(index: Index) -> list[list[str]]:
    return [render_html(answer(index, question)) for question in QUESTIONS]


@pytest.fixture
def warm(copy: ContentCopy, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The per-file caches filled by a first reload of the unchanged content."""
    monkeypatch.setattr(sys, "stderr", io.StringIO())  # the child's progress lines
    assert isinstance(_reload(copy, tmp_path, True, monkeypatch), Index)
    return tmp_path


def test_one_changed_file_gives_the_answers_of_a_full_reload(
    copy: ContentCopy, warm: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy.edit("events.yaml", "\n      L'Azerbaïdjan rejoint", "\n      L'Azerbaïdjan adhère au")
    cached = _reload(copy, warm, True, monkeypatch)
    full = _reload(copy, warm, False, monkeypatch)
    assert isinstance(cached, Index) and isinstance(full, Index)
    assert any(e.summary.startswith("L'Azerbaïdjan adhère au") for e in cached.base.events)
    assert _answers(cached) == _answers(full)


def test_a_broken_reference_in_the_changed_file_is_refused_as_by_a_full_reload(
    copy: ContentCopy, warm: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy.edit("events.yaml", "- source: otan-ots", "- source: otan-inconnue")
    cached = _reload(copy, warm, True, monkeypatch)
    full = _reload(copy, warm, False, monkeypatch)
    assert isinstance(cached, list) and cached, "refusé"
    assert any("otan-inconnue" in str(issue) for issue in cached), cached
    assert [str(issue) for issue in cached] == [str(issue) for issue in full]


def test_a_change_in_one_file_breaking_another_is_refused_as_by_a_full_reload(
    copy: ContentCopy, warm: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # sources.yaml changes; the entries of events.yaml (cached, unchanged) cite the old name
    copy.edit("sources.yaml", "id: otan-ots\n", "id: otan-ots-renomme\n")
    assert re.search(r"source: otan-ots$", (copy.content / "events.yaml").read_text(), re.M)
    cached = _reload(copy, warm, True, monkeypatch)
    full = _reload(copy, warm, False, monkeypatch)
    assert isinstance(cached, list) and cached, "refusé"
    assert any("events.yaml" in str(issue) for issue in cached), cached
    assert [str(issue) for issue in cached] == [str(issue) for issue in full]
