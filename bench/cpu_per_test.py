"""A pytest plugin for ``bench/bench_tests.py --modules``: the CPU time of each test.

    python -m pytest -p bench.cpu_per_test …   # with CPU_PER_TEST_DIR set

Each pytest process (the controller and every xdist worker) writes one tab-separated file into
``$CPU_PER_TEST_DIR``: one line per test (node id, CPU seconds, wall seconds), then its own total
and the CPU it had spent when collection ended. A test's CPU is that of its process plus the
child processes it waited for (a bot started and stopped, a picture process retired), setup
and teardown of its fixtures included: a module- or session-scoped fixture counts in the first
test that asks for it, on each worker that runs one."""

from __future__ import annotations

import os
import resource
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

TOTAL = "__processus__"
COLLECTED = "__collecte__"
_rows: list[tuple[str, float, float]] = []


def cpu() -> float:
    """CPU seconds (user + system) of this process and of the children it waited for."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    waited = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + waited.ru_utime + waited.ru_stime


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item: pytest.Item) -> Iterator[None]:
    before, start = cpu(), time.monotonic()
    yield
    _rows.append((item.nodeid, cpu() - before, time.monotonic() - start))


def pytest_collection_finish() -> None:
    _rows.append((COLLECTED, cpu(), 0.0))


def pytest_sessionfinish() -> None:
    folder = os.environ.get("CPU_PER_TEST_DIR")
    if not folder:
        return
    name = os.environ.get("PYTEST_XDIST_WORKER", "controleur")
    lines = [f"{nodeid}\t{spent:.3f}\t{wall:.3f}\n" for nodeid, spent, wall in _rows]
    lines.append(f"{TOTAL}\t{cpu():.3f}\t0\n")
    (Path(folder) / f"{name}.tsv").write_text("".join(lines), encoding="utf-8")
