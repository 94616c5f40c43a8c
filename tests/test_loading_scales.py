"""Loading grows linearly with the base: operations are counted, never timed.

A synthetic base five times the shipped one (bench/synthetic.py: real files, every quote
checked) must cost about five times the work of the shipped one — not twenty-five, as when the
reference check copied every known actor id on each call (quadratic work). Five, not ten: the
same catch for half the CPU (the lines are traced).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from types import FrameType
from typing import Any

import pytest

from bench.synthetic import write_synthetic
from bot.content import loader
from bot.content.model import FactBase

FACTOR = 5
SLACK = 1.3
"""×5 may cost up to 6.5 times ×1: constant work (vocabulary, countries) only lowers the ratio."""


class CountingDict(dict[str, Any]):
    """The known actors, counting every id touched: a look-up is 1, a full pass is len()."""

    touched = 0

    def __contains__(self, key: object) -> bool:
        CountingDict.touched += 1
        return super().__contains__(key)

    def __iter__(self) -> Iterator[str]:
        CountingDict.touched += len(self)
        return super().__iter__()

    def keys(self) -> Any:
        CountingDict.touched += len(self)
        return super().keys()


def _count_loading(root: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[int, int, int]:
    """(actor ids touched by the reference checks, lines run in loader.py, references)."""
    build = loader._build_actors
    monkeypatch.setattr(loader, "_build_actors", lambda raw, out: CountingDict(build(raw, out)))
    CountingDict.touched = 0
    found: list[FactBase] = []
    loader_file = loader.__file__
    lines = _lines_run(
        lambda: found.append(loader.load_factbase(root / "content", root / "seeds")),
        lambda name: name == loader_file,
    )
    base = found[0]
    references = sum(
        len(e.actors) for e in (*base.events, *base.facts) if hasattr(e, "actors")
    ) + sum(len(a.parties) + len(a.mediators) for a in base.agreements)
    return CountingDict.touched, lines, references


def test_loading_work_grows_linearly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    small, large = tmp_path / "x1", tmp_path / f"x{FACTOR}"
    write_synthetic(small, 1)
    write_synthetic(large, FACTOR)
    touched_1, lines_1, refs_1 = _count_loading(small, monkeypatch)
    touched_n, lines_n, refs_n = _count_loading(large, monkeypatch)
    assert refs_n == pytest.approx(refs_1 * FACTOR, rel=0.05)  # the base really grew ×FACTOR
    # Each reference is one look-up, whatever the number of known actors.
    assert touched_n / touched_1 <= FACTOR * SLACK, (touched_1, touched_n)
    assert touched_n <= 3 * refs_n
    # And no other step of the loader does more than linear work in Python.
    assert lines_n / lines_1 <= FACTOR * SLACK, (lines_1, lines_n)


def _lines_run(run: Callable[[], object], counted: Callable[[str], bool]) -> int:
    """Lines executed while ``run()`` runs, in the files ``counted`` accepts (C code, such as
    sorting, runs no line: only the Python work is counted)."""
    lines = 0

    def local(frame: FrameType, event: str, arg: object) -> Any:
        nonlocal lines
        if event == "line":
            lines += 1
        return local

    def tracer(frame: FrameType, event: str, arg: object) -> Any:
        return local if counted(frame.f_code.co_filename) else None

    sys.settrace(tracer)
    try:
        run()
    finally:
        sys.settrace(None)
    return lines


def _lines_run_in_bot(run: Callable[[], object]) -> int:
    """Lines of the ``bot`` package executed while ``run()`` runs."""
    package = str(Path(loader.__file__).parent.parent)
    return _lines_run(run, lambda name: name.startswith(package))


def test_indexing_work_grows_linearly(tmp_path: Path) -> None:
    """The index and every table start-up builds (Index.prepare) — what the snapshot keeps."""
    from bot.engine.index import Index

    counts = []
    for factor in (1, FACTOR):
        root = tmp_path / f"x{factor}"
        write_synthetic(root, factor)
        base = loader.load_factbase(root / "content", root / "seeds")
        counts.append(_lines_run_in_bot(lambda base=base: Index(base).prepare()))
    assert counts[1] / counts[0] <= FACTOR * SLACK, counts
