"""Issue 25, point 1: a start after a content change answers before building the index's
tables: the answer builds what it needs, a thread builds the rest (collections paused until
then), then writes the snapshot — which answers as a full build does."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from bot import startup
from bot.content import snapshot
from bot.engine.commands import answer
from bot.engine.index import Index
from bot.render.html import render_html
from tests.conftest import ContentCopy

QUESTIONS = ("/pays Turquie", "/org", "/accord paix", "/cherche drones", "/timeline 2025")
TABLES = ("names", "fulltext", "timeline", "deals", "links")


def _built(index: Index) -> set[str]:
    return {name for name in TABLES if name in vars(index)}


def test_a_one_shot_start_answers_before_the_tables_are_built(
    copy: ContentCopy, tmp_path: Path
) -> None:
    folder = tmp_path / "cache"
    env = {"SNAPSHOT_DIR": str(folder)}
    assert gc.isenabled()
    try:
        index = startup.ready_index(
            copy.content, copy.seeds, env, serve_first=True, after_answer=True
        )
        assert _built(index) == set()  # the old code built every table before returning
        assert not gc.isenabled()  # paused while the answer and the tables are built
        first = render_html(answer(index, "/cherche drones"))
        assert "timeline" not in vars(index)  # the answer built only what it needed
        assert not (folder / snapshot.SNAPSHOT_NAME).exists()
    finally:
        startup.answered()
        startup.wait_for_snapshot()
    assert gc.isenabled()  # resumed once the tables are built and frozen
    assert _built(index) == set(TABLES)
    key = snapshot.snapshot_key(copy.content, copy.seeds, folder)
    restored = snapshot.read_snapshot(folder, key, Index)
    assert isinstance(restored, Index)
    full = startup.validated_index(copy.content, copy.seeds)
    assert render_html(answer(restored, "/cherche drones")) == first
    for question in QUESTIONS:
        expected = render_html(answer(full, question))
        assert render_html(answer(restored, question)) == expected
        assert render_html(answer(index, question)) == expected


def test_the_tables_are_built_even_if_no_answer_is_said(
    copy: ContentCopy, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A one-shot start that never calls ``answered`` (it failed) still ends: the thread
    waits ``ANSWER_WAIT`` at most, then builds, writes, and resumes collections."""
    monkeypatch.setattr(startup, "ANSWER_WAIT", 0.05)
    folder = tmp_path / "cache"
    index = startup.ready_index(
        copy.content, copy.seeds, {"SNAPSHOT_DIR": str(folder)}, serve_first=True, after_answer=True
    )
    startup.wait_for_snapshot()
    assert gc.isenabled()
    assert _built(index) == set(TABLES)
    assert (folder / snapshot.SNAPSHOT_NAME).exists()


def test_a_start_serving_the_bot_builds_the_tables_at_once_while_answers_run(
    copy: ContentCopy, tmp_path: Path
) -> None:
    """The bot (no one-shot answer): the thread builds at once; answers given meanwhile
    build what they need and agree with a full build."""
    folder = tmp_path / "cache"
    index = startup.ready_index(
        copy.content, copy.seeds, {"SNAPSHOT_DIR": str(folder)}, serve_first=True
    )
    answers = [render_html(answer(index, question)) for question in QUESTIONS]
    startup.wait_for_snapshot()
    assert gc.isenabled()
    full = startup.validated_index(copy.content, copy.seeds)
    assert answers == [render_html(answer(full, question)) for question in QUESTIONS]
