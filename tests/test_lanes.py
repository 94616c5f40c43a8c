"""Issue 28, point 5: the test lanes — workers per lane, the longest tests first, the
picture-process tests on one worker, bytecode kept outside the tree, a fake Bot API that
does not wait for a slow answer at the end of a test."""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import aiohttp
import pytest

from bot.paths import PROJECT_ROOT
from tests import conftest
from tests.fake_bot_api import FakeBotApi, Slow


def _config(markexpr: str) -> Any:
    return SimpleNamespace(getoption=lambda name, default=None: markexpr, option=SimpleNamespace())


def test_the_fast_lane_runs_on_two_workers_everything_else_on_six():
    assert conftest.pytest_xdist_auto_num_workers(_config("fast")) == 2  # type: ignore[arg-type]
    assert conftest.pytest_xdist_auto_num_workers(_config(" fast ")) == 2  # type: ignore[arg-type]
    for other in ("", "not e2e", "fast or slow", "e2e"):
        assert conftest.pytest_xdist_auto_num_workers(_config(other)) == 6  # type: ignore[arg-type]


@dataclass
class _Item:
    """What the lane hook reads of a collected test."""

    stem: str
    fixturenames: tuple[str, ...] = ()
    marks: list[Any] = field(default_factory=list)

    @property
    def path(self) -> Path:
        return Path(f"tests/{self.stem}.py")

    def get_closest_marker(self, name: str) -> Any:
        return next((mark for mark in self.marks if mark.name == name), None)

    def add_marker(self, mark: Any) -> None:
        self.marks.append(mark.mark if hasattr(mark, "mark") else mark)


def test_every_test_gets_one_lane_and_the_longest_lanes_start_first():
    items = [
        _Item("test_reader"),
        _Item("test_fuzz"),
        _Item("test_outbox", ("api",)),
        _Item("test_render"),
        _Item("test_pictures_process"),
        _Item("test_pictures_e2e", ("shared_drawing", "api")),
        _Item("test_push_e2e"),
        _Item("test_matching", marks=[pytest.mark.e2e.mark]),  # chosen by the test itself
    ]
    conftest.pytest_collection_modifyitems(_config(""), items)  # type: ignore[arg-type]
    lanes = [conftest._lane(item) for item in items]  # type: ignore[arg-type]
    assert lanes == ["e2e"] * 5 + ["slow", "fast", "fast"]
    assert [item.stem for item in items][:5] == [
        "test_outbox",
        "test_pictures_process",
        "test_pictures_e2e",
        "test_push_e2e",
        "test_matching",
    ]  # stable: collection order kept inside a lane
    for item in items:
        assert sum(1 for lane in conftest.LANES if item.get_closest_marker(lane)) == 1
    # only the tests drawing through the shared warm picture process share a worker; those
    # of the picture process's life (test_pictures_process without it) go to any worker
    grouped = [item.stem for item in items if item.get_closest_marker("xdist_group")]
    assert grouped == ["test_pictures_e2e"]
    assert items[2].get_closest_marker("xdist_group").args == ("dessin",)


def test_the_picture_process_modules_exist_and_the_suite_distributes_by_group():
    for stem in conftest.ONE_WORKER_MODULES:
        assert (PROJECT_ROOT / "tests" / f"{stem}.py").is_file(), stem
    settings = (PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert "-n auto" in settings and "--dist loadgroup" in settings


GROUPED = """
import pytest

@pytest.mark.parametrize("number", range(6))
def test_draws(number, shared_drawing):
    pass
"""
UNGROUPED = GROUPED.replace("test_draws", "test_reads").replace(", shared_drawing", "")
CONFTEST = """
import pytest
from tests.conftest import pytest_collection_modifyitems  # noqa: F401

@pytest.fixture
def shared_drawing():
    return None  # the name is what the hook reads
"""
PLUGIN_ARGS = (
    *("--dist", "loadgroup", "-W", "ignore::pytest.PytestUnknownMarkWarning"),
    *("-p", "no:hypothesispytest", "-p", "no:anyio", "-p", "no:asyncio", "-p", "no:timeout"),
)


@pytest.mark.e2e  # a real process
def test_the_shared_drawing_tests_carry_their_group_to_the_xdist_scheduler(tmp_path):
    """With the pytest and pytest-xdist installed here, the suite's collection hook (copied
    into a throwaway folder) makes each worker report the tests that ask for the shared
    picture process as ``…@dessin``: the suffix ``--dist loadgroup`` sends to one worker.
    pytest 9.2 silently dropped the one pytest-xdist 3.8 writes (pytest-xdist issue #1386):
    every « grouped » test went to any worker. One worker is enough to see the ids."""
    (tmp_path / "conftest.py").write_text(CONFTEST, encoding="utf-8")
    (tmp_path / "test_pictures_e2e.py").write_text(GROUPED, encoding="utf-8")
    (tmp_path / "test_reader.py").write_text(UNGROUPED, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-v", "-n", "1", *PLUGIN_ARGS],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(PROJECT_ROOT)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout[-2000:]
    passed = [line.split()[-1] for line in done.stdout.splitlines() if "PASSED" in line]
    draws = [nodeid for nodeid in passed if "test_draws" in nodeid]
    reads = [nodeid for nodeid in passed if "test_reads" in nodeid]
    assert len(draws) == len(reads) == 6, done.stdout[-2000:]
    assert all(nodeid.endswith("]@dessin") for nodeid in draws), draws
    assert not any("@" in nodeid for nodeid in reads), reads


PROBE = (
    "import os, sys; import pytest, tests; "
    "print(sys.dont_write_bytecode, sys.pycache_prefix, "
    "os.environ.get('PYTHONDONTWRITEBYTECODE'), os.environ.get('PYTHONPYCACHEPREFIX'))"
)


def _probe(code: str, **env: str) -> list[str]:
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in ("PYTHONDONTWRITEBYTECODE", "PYTHONPYCACHEPREFIX")
    }
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=PROJECT_ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.split()


@pytest.mark.e2e  # a real process
def test_pytest_lifts_the_ban_on_bytecode_for_itself_and_its_processes_only():
    # the dependencies' bytecode, compiled at install, is read from the environment: no
    # cache of its own that would ignore it
    assert _probe(PROBE, PYTHONDONTWRITEBYTECODE="1") == ["False", "None", "None", "None"]
    assert _probe(PROBE) == ["False", "None", "None", "None"]
    outside = PROBE.replace("import pytest, tests", "import tests")
    assert _probe(outside, PYTHONDONTWRITEBYTECODE="1") == ["True", "None", "1", "None"]


def test_the_controller_warms_the_bytecode_the_workers_would_each_compile(
    request: pytest.FixtureRequest, tmp_path: Path
):
    from _pytest.assertion import rewrite

    from tests import bytecode

    (tmp_path / "bot").mkdir()
    (tmp_path / "bot" / "module.py").write_text("VALUE = 1\n", encoding="utf-8")
    (tmp_path / "tests").mkdir()
    test_file = tmp_path / "tests" / "test_sample.py"
    test_file.write_text("def test_one():\n    assert 1 + 1 == 2\n", encoding="utf-8")
    assert bytecode.warm(request.config, tmp_path) == 1
    pyc = rewrite.get_cache_dir(test_file) / ("test_sample" + rewrite.PYC_TAIL)
    assert pyc.exists()  # where a worker's import looks first
    assert list((tmp_path / "bot" / "__pycache__").glob("module.*.pyc"))
    assert bytecode.warm(request.config, tmp_path) == 0  # warm: nothing to do again
    test_file.write_text("def test_one():\n    assert 2 == 2\n", encoding="utf-8")
    assert bytecode.warm(request.config, tmp_path) == 1  # a changed module is rewritten


async def test_the_fake_api_stops_without_waiting_for_a_slow_answer():
    api = FakeBotApi()
    await api.start()
    api.fail("sendMessage", Slow(60))
    async with aiohttp.ClientSession() as session:
        request = asyncio.ensure_future(
            session.post(
                f"{api.url}/bot{api.token}/sendMessage", json={"chat_id": 7, "text": "lent"}
            )
        )
        await api.wait_arrived("sendMessage")
        start = time.monotonic()
        await api.stop()
        stopped = time.monotonic() - start
        request.cancel()
        await asyncio.gather(request, return_exceptions=True)
    assert stopped < 30  # aiohttp's default waited for the 60 s answer


@pytest.mark.fast
def test_a_fast_test_that_starts_a_process_fails_and_names_its_lane():
    with pytest.raises(AssertionError, match="voie rapide ne lance pas de processus"):
        subprocess.run(["true"], check=False)

    async def spawn() -> None:
        await asyncio.create_subprocess_exec("true")

    with pytest.raises(AssertionError, match="E2E_MODULES"):
        asyncio.run(spawn())
    for start in ("fork", "spawn"):  # multiprocessing's default on Linux is fork
        context = multiprocessing.get_context(start)
        with pytest.raises(AssertionError, match="voie rapide"):
            context.Process(target=print).start()
    with pytest.raises(AssertionError, match="voie rapide"):
        os.system("true")
