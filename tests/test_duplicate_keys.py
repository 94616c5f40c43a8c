"""A key written twice in one YAML mapping is refused, never silently reduced to one value:
by the loader (``check``, start-up, reload) with the file, the entry and the field, and by
``check --drafts`` before a draft is moved in (the move would keep one value unseen)."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest

from bot.content.errors import ContentError
from bot.content.loader import load_factbase
from bot.draft.check_drafts import run_check_drafts

FIXTURE = Path(__file__).parent / "fixtures" / "draft_base"


@pytest.fixture
def base(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURE / "content", tmp_path / "content")
    shutil.copytree(FIXTURE / "seeds", tmp_path / "seeds")
    return tmp_path


def _double(path: Path, line_start: str) -> None:
    """Write the first line of ``path`` that starts (stripped) with ``line_start`` twice."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line.strip().startswith(line_start))
    lines.insert(at, lines[at])
    path.write_text("".join(lines), encoding="utf-8")


def test_the_fixture_base_loads_before_any_key_is_doubled(base: Path) -> None:
    assert load_factbase(base / "content", base / "seeds").events


def test_a_key_written_twice_in_an_evidence_item_names_file_entry_and_field(base: Path) -> None:
    _double(base / "content" / "events.yaml", "quote:")
    with pytest.raises(ContentError) as caught:
        load_factbase(base / "content", base / "seeds")
    (issue,) = [found for found in caught.value.issues if "deux fois" in found.message]
    assert issue.file == "content/events.yaml"
    assert issue.entry == "exercice-ots-2025"
    assert issue.field == "evidence[0].quote"
    assert "clé « quote » écrite deux fois (ligne 14)"  # the second one in issue.message


def test_a_key_written_twice_in_an_entry_is_refused_at_every_load(base: Path) -> None:
    _double(base / "content" / "events.yaml", "date:")
    for _ in range(2):  # a cached read of the file must not hide it the second time
        with pytest.raises(ContentError) as caught:
            load_factbase(base / "content", base / "seeds")
        assert any(
            issue.entry == "exercice-ots-2025" and issue.field == "date"
            for issue in caught.value.issues
        ), caught.value


def test_check_drafts_refuses_a_draft_with_a_key_written_twice(base: Path) -> None:
    drafts = base / "content" / "drafts"
    drafts.mkdir()
    draft = drafts / "d.yaml"
    draft.write_text(
        "sources:\n  - id: s\n    label: S\n    seed: s.txt\n"
        "facts:\n  - id: f\n    summary: x\n    summary: y\n",
        encoding="utf-8",
    )
    out = io.StringIO()
    assert run_check_drafts(drafts, base / "content", base / "seeds", out) == 1
    assert "f.summary : clé « summary » écrite deux fois (ligne 8)" in out.getvalue()
