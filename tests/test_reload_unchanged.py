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
    """The new bases the serving process read: from a snapshot (``_receive``) or, since a
    reload serves first, from the per-file cache its child validated (``_read_validated``)."""
    calls: list[Any] = []
    for name in ("_receive", "_read_validated"):
        original = getattr(rebuild, name)

        def counted(*args: Any, _original: Any = original) -> Any:
            calls.append(args)
            return _original(*args)

        monkeypatch.setattr(rebuild, name, counted)
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
