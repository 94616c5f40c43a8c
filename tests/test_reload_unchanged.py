"""Issue 25 (what remained), point 3: a reload that finds nothing changed since the served
index was read keeps that index — nothing to decode (170 Mo at ×1000, the decoder holding
the interpreter at its end) and nothing to swap; after a change, the new index comes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bot import rebuild
from bot.engine.commands import answer
from bot.render.html import render_html
from bot.startup import ready_index
from tests.conftest import ContentCopy


@pytest.fixture
def decoded(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    calls: list[Any] = []
    original = rebuild._receive

    def counted(*args: Any) -> Any:
        calls.append(args)
        return original(*args)

    monkeypatch.setattr(rebuild, "_receive", counted)
    return calls


async def test_a_reload_with_nothing_changed_keeps_the_served_index(
    copy: ContentCopy, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, decoded: list[Any]
) -> None:
    monkeypatch.setenv("SNAPSHOT_DIR", str(tmp_path / "cache"))  # the child inherits it
    served = ready_index(copy.content, copy.seeds)
    again = await rebuild.rebuild_index(copy.content, copy.seeds, served)
    assert again is served
    assert decoded == []
    # a changed file: the child rebuilds, and the new index is read and served
    events = copy.content / "events.yaml"
    events.write_text(events.read_text(encoding="utf-8") + "\n# relu\n", encoding="utf-8")
    changed = await rebuild.rebuild_index(copy.content, copy.seeds, served)
    assert changed is not served
    assert len(decoded) == 1
    assert render_html(answer(changed, "/pays Turquie")) == render_html(
        answer(served, "/pays Turquie")
    )
    # the new index is now the one served: a reload without change keeps it in turn
    assert await rebuild.rebuild_index(copy.content, copy.seeds, changed) is changed
    assert len(decoded) == 1


async def test_an_index_not_read_from_that_content_is_replaced(
    copy: ContentCopy, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, decoded: list[Any]
) -> None:
    monkeypatch.setenv("SNAPSHOT_DIR", str(tmp_path / "cache"))
    first = ready_index(copy.content, copy.seeds)
    ready_index(copy.content, copy.seeds)  # the last one read is the one noted
    fresh = await rebuild.rebuild_index(copy.content, copy.seeds, first)
    assert fresh is not first
    assert len(decoded) == 1
    assert await rebuild.rebuild_index(copy.content, copy.seeds, fresh) is fresh


async def test_a_reload_swaps_in_a_base_with_every_table_built(
    copy: ContentCopy, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, decoded: list[Any]
) -> None:
    """Issue 25, point 2: the index a reload swaps in after one changed file has every table
    built (by the child, which read the other files from the per-file cache). Serving it
    before its tables, as a start does, was tried and measured at ×1000: the answers then
    build the tables they need in the answering loop, or wait for the thread building them,
    and every answer stopped 30 – 47 s (docs/performances.md)."""
    from tests.test_start_tables_later import TABLES, _built

    monkeypatch.setenv("SNAPSHOT_DIR", str(tmp_path / "cache"))
    served = ready_index(copy.content, copy.seeds)
    copy.edit("events.yaml", "\n      L'Azerbaïdjan rejoint", "\n      L'Azerbaïdjan adhère au")
    changed = await rebuild.rebuild_index(copy.content, copy.seeds, served)
    assert len(decoded) == 1
    assert _built(changed) == set(TABLES)
    assert any(e.summary.startswith("L'Azerbaïdjan adhère au") for e in changed.base.events)
