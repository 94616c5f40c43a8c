"""Shared fixtures: the shipped fact base, and a writable copy of the content for breaking."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from bot.content.loader import load_factbase
from bot.content.model import FactBase
from bot.paths import CONTENT_DIR, PROJECT_ROOT, SEEDS_DIR
from tests import bytecode
from tests.fake_bot_api import FakeBotApi

# Every bot the tests start, in process or as a subprocess, caches its validated base in a
# throwaway directory, never in the project's data/ folder.
os.environ["SNAPSHOT_DIR"] = tempfile.mkdtemp(prefix="azsec-snapshots-")


@pytest.fixture(scope="session")
def base() -> FactBase:
    """The shipped fact base, loaded once."""
    return load_factbase(CONTENT_DIR, SEEDS_DIR)


@pytest.fixture(scope="session")
def shipped_index(base: FactBase) -> Any:
    """One index of the shipped base, for the tests that walk every answer."""
    from bot.engine.index import Index

    return Index(base)


WALK_SHARDS = 3
"""The answer walk (every command form and every question of every set) is cut into this many
shards: each shard's tests run together on one xdist worker (group ``parcours-<k>``), so the
walk's CPU is spread over workers instead of one long test at the tail of the run."""


@pytest.fixture(scope="session")
def walk_forms(shipped_index: Any) -> list[Any]:
    """Every command form and every question of every question set (not answered)."""
    from tests.first_screen import every_form

    return every_form(shipped_index)


@pytest.fixture(scope="session")
def walker(shipped_index: Any, walk_forms: list[Any]) -> Callable[[int], list[tuple[Any, Any]]]:
    """``walker(k)``: the forms of shard ``k`` with their answers, computed once per pytest
    process: tests/test_first_screen.py and tests/test_quote_lines.py read the same shard
    (group ``parcours-<k>``: one xdist worker per shard)."""
    shards: dict[int, list[tuple[Any, Any]]] = {}

    def walked(shard: int) -> list[tuple[Any, Any]]:
        if shard not in shards:
            mine = walk_forms[shard::WALK_SHARDS]
            shards[shard] = [(form, form.reply(shipped_index)) for form in mine]
        return shards[shard]

    return walked


FIVE = Path(__file__).resolve().parent / "fixtures" / "five"
"""The base of the five shipped articles, frozen on 6 December 2026 (tests/fixtures/five)."""


@pytest.fixture(scope="session")
def five_base() -> FactBase:
    """The frozen five-article base: for tests whose cases are written on those articles'
    sentences, so that a grown base (a curator's new article, the growth run) leaves what they
    check unchanged."""
    return load_factbase(FIVE / "content", FIVE / "seeds")


@dataclass
class ContentCopy:
    """A throwaway copy of content/ and seeds/ that a test may edit."""

    content: Path
    seeds: Path

    def edit(self, file: str, old: str, new: str, count: int = 1) -> None:
        """Replace ``old`` by ``new`` in content/``file``; fail loudly if ``old`` is absent."""
        path = self.content / file
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} absent de {file}"
        path.write_text(text.replace(old, new, count), encoding="utf-8")

    def load(self) -> FactBase:
        return load_factbase(self.content, self.seeds)


@pytest.fixture
def copy(tmp_path: Path) -> ContentCopy:
    content = tmp_path / "content"
    seeds = tmp_path / "seeds"
    shutil.copytree(FIVE / "content", content)
    shutil.copytree(FIVE / "seeds", seeds)
    return ContentCopy(content, seeds)


@pytest.fixture
async def api() -> AsyncIterator[FakeBotApi]:
    """The fake Bot API server on 127.0.0.1, for one test."""
    server = FakeBotApi()
    await server.start()
    yield server
    await server.stop()


# --- the two state backends (issue 27) -------------------------------------------------

from tests import postgres  # noqa: E402


@pytest.fixture(scope="session")
def pg_server(request: pytest.FixtureRequest) -> Iterator[str]:
    """A PostgreSQL server's URL: TEST_DATABASE_URL, or a throwaway cluster started here."""
    given = os.environ.get("TEST_DATABASE_URL", "").strip()
    if given:
        yield given
        return
    if postgres.binaries() is None:
        pytest.skip(
            "PostgreSQL absent : ni TEST_DATABASE_URL ni binaires du serveur (initdb, pg_ctl) "
            "dans /usr/lib/postgresql/*/bin ou le PATH"
        )
    shared = getattr(request.config, "workerinput", {}).get(SHARED_PG_KEY)
    if shared:  # a pytest-xdist worker: one cluster for the whole session
        yield postgres.shared_cluster(Path(shared))
        return
    with postgres.throwaway_cluster() as url:
        yield url


SHARED_PG_KEY = "azsec_pg_shared"


def pytest_configure(config: pytest.Config) -> None:
    if not hasattr(config, "workerinput"):  # the controller (or a run without workers)
        config.stash[_SHARED_PG] = tempfile.mkdtemp(prefix="azsec-pg-shared-")


@pytest.hookimpl(tryfirst=True)
def pytest_sessionstart(session: pytest.Session) -> None:
    """The controller of a parallel run compiles once what every worker would compile."""
    config = session.config
    if not hasattr(config, "workerinput") and config.getoption("numprocesses", None):
        bytecode.warm(config, PROJECT_ROOT)


_SHARED_PG = pytest.StashKey[str]()


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node: Any) -> None:
    """pytest-xdist: each worker learns where the session's shared cluster is written down."""
    node.workerinput[SHARED_PG_KEY] = node.config.stash[_SHARED_PG]


def pytest_unconfigure(config: pytest.Config) -> None:
    shared = config.stash.get(_SHARED_PG, None)
    if shared is not None:
        postgres.stop_shared_cluster(Path(shared))


@pytest.fixture
def pg_url(pg_server: str) -> Iterator[str]:
    """A fresh, empty PostgreSQL database for one test (``postgres://…``)."""
    with postgres.fresh_database(pg_server) as url:
        yield url


@pytest.fixture(params=["sqlite", "postgres"])
def state(request: pytest.FixtureRequest, tmp_path: Path) -> str | Path:
    """Where a test's state lives, once per backend: a SQLite file, or a PostgreSQL URL."""
    if request.param == "sqlite":
        return tmp_path / "etat.sqlite3"
    return str(request.getfixturevalue("pg_url"))


def state_env(state: str | Path) -> dict[str, str]:
    """The environment that points a bot process at ``state`` (file or database)."""
    if isinstance(state, str) and state.startswith("postgres"):
        return {"DATABASE_URL": state}
    return {"BOT_STATE_PATH": str(state)}


def state_settings(state: str | Path) -> dict[str, object]:
    """The Settings fields that point a bot at ``state`` (file or database)."""
    if isinstance(state, str) and state.startswith("postgres"):
        return {"database_url": state}
    return {"state_path": state}


# --- test lanes (issue 28) ---------------------------------------------------------------
# Every test gets one lane marker, so that `pytest -m fast` runs the quick lane while working
# and a plain `pytest` (what CI runs) runs everything, in parallel (pytest-xdist, see
# pyproject.toml). A test may set its lane itself with @pytest.mark.e2e or @pytest.mark.slow;
# otherwise its module decides:
# - e2e: the bot or a tool runs as a real process, or over the fake Bot API, or on PostgreSQL;
# - slow: pictures drawn, bases built at scale, whole question sets or the fuzzer;
# - fast: everything else (the engine, the content, the renderers, on fixture bases).
E2E_MODULES = frozenset(
    {
        "test_background_priority",
        "test_claims",
        "test_cli",
        "test_content_limits",
        "test_entry_point_live",
        "test_outbox",
        "test_pictures_process",
        "test_reload_unchanged",
        "test_validation_cache",
        "test_snapshot",
        "test_state_backends",
        "test_update_queue",
    }
)
SLOW_MODULES = frozenset(
    {
        "test_draft",
        "test_draft_linker",
        "test_first_screen",
        "test_fuzz",
        "test_growth",
        "test_loading_scales",
        "test_picture_lines",
        "test_pictures",
        "test_pictures_phone",
        "test_pictures_review",
        "test_questions_dev_floors",
        "test_search_scale",
        "test_reload_one_file",
        "test_engine_scale",
        "test_support",
        "test_text_speed_equivalence",
        # 7 December: modules of few tests that each read a whole base, a snapshot or the
        # French dictionary (0.15 – 0.7 s of CPU a test); the fast lane had grown to 22 s
        "test_absence_named_i22",
        "test_amounts_i22g",
        "test_answer_passage",
        "test_french_words",
        "test_incremental_checks",
        "test_missing_detail_i22",
        "test_module_map",
        "test_own_evidence_parts",
        "test_signing_untold_i22g",
        "test_snapshot_file_pieces",
        "test_snapshot_later",
        "test_start_tables_later",
        "test_validation",
    }
)
LANES = ("fast", "slow", "e2e")
SHARED_DRAWING = "shared_drawing"
"""The fixture of the tests that draw through the one warm picture process of their pytest
process (tests/drawing_server.py): they run on one xdist worker (group ``dessin``), which
starts that process once. The tests of the picture process's own life (start, quota, idle
stop, time limit, crash) start real ones at nice 10 and mostly wait on them: they go to any
worker, so that on a loaded machine their waits overlap with the rest of the suite instead
of adding up on one worker (measured: the whole group on one worker took 140 – 170 s of wall
time at load 6 – 8, longer than the rest of the suite)."""


ONE_WORKER_MODULES = frozenset({"test_engine_scale", "test_pictures_phone", "test_search_scale"})
"""Modules whose tests share something costly to build (a synthetic ×3 base, pictures drawn
once and read by several tests, the answer to every command form): each runs on one xdist
worker (``--dist loadgroup``) instead of building it again on every worker that gets one of
its tests (0.7 s a synthetic base, ~1 s a whole-base map, ~2 s every answer)."""

WALKING = "parcours"
_NO = SimpleNamespace(params={})
WALKING_MODULES = frozenset({"test_first_screen", "test_quote_lines"})
"""Modules that read every answer of every command form and question set (``walker``): the
tests of shard ``k`` of both run on one xdist worker (group ``parcours-<k>``), which answers
that shard once; the shards (~1.5 s of CPU each) go to different workers."""


def lane_of(module: str) -> str:
    """The lane of a test module that did not choose one: e2e, slow or fast."""
    if module.endswith("_e2e") or module in E2E_MODULES:
        return "e2e"
    if module in SLOW_MODULES:
        return "slow"
    return "fast"


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """How many workers ``-n auto`` (pyproject's default) starts: 2 for the fast lane, which is
    CPU-bound work on 2 cores (each extra worker only collects the suite again), 6 otherwise,
    where most of an end-to-end test is waiting on a process, a socket or PostgreSQL: with 4,
    each worker spent ~60 % of its time waiting, and the whole suite took 84 – 91 s against
    79 – 84 s with 6 on the same code and machine, in alternation (7 December; 6 workers cost
    ~10 s more CPU: two more collections and session fixtures)."""
    lanes = str(config.getoption("markexpr", "") or "").split()
    return 2 if lanes == ["fast"] else 6


def _lane(item: pytest.Item) -> str:
    return next(lane for lane in LANES if item.get_closest_marker(lane))


def _keep_group(item: pytest.Item) -> None:
    """Write the item's xdist group into its node id, where ``--dist loadgroup`` reads it.

    pytest-xdist 3.8 appends ``@group`` to the legacy ``_nodeid`` field, which pytest 9.2 no
    longer reads (its node ids are structured): the groups were silently ignored and every
    grouped test went to any worker (pytest-xdist issue #1386). With an older pytest, or once
    pytest-xdist writes the id itself, this does nothing."""
    names = sorted(
        {
            str(m.args[0] if m.args else m.kwargs.get("name", "default"))
            for m in item.iter_markers("xdist_group")
        }
    )
    structured = getattr(item, "_id", None)
    if not names or structured is None or not hasattr(type(structured), "parse"):
        return
    if item.nodeid.endswith("@" + "_".join(names)):
        return
    item._id = type(structured).parse(f"{item.nodeid}@{'_'.join(names)}")  # type: ignore[attr-defined]


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist's, which reads the xdist_group marks
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        fixtures = getattr(item, "fixturenames", ())
        if SHARED_DRAWING in fixtures:
            item.add_marker(pytest.mark.xdist_group("dessin"))
        elif item.path.stem in ONE_WORKER_MODULES:
            item.add_marker(pytest.mark.xdist_group(item.path.stem))
        elif item.path.stem in WALKING_MODULES and "shard" in getattr(item, "callspec", _NO).params:
            item.add_marker(pytest.mark.xdist_group(f"{WALKING}-{item.callspec.params['shard']}"))
        if getattr(config.option, "loadgroup", False):  # in a worker of --dist loadgroup
            _keep_group(item)
        if any(item.get_closest_marker(lane) for lane in LANES):
            continue
        callspec = getattr(item, "callspec", None)
        real_io = (
            "pg_server" in fixtures
            or "api" in fixtures
            or (callspec is not None and "postgres" in callspec.id.split("-"))
        )
        lane = "e2e" if real_io else lane_of(item.path.stem)
        item.add_marker(getattr(pytest.mark, lane))
    # The longest tests first, so that no worker starts one near the end while the others idle:
    # pytest-xdist hands tests out in this order. Stable: a module's tests keep their order.
    first = {"e2e": 0, "slow": 1, "fast": 2}
    items.sort(key=lambda item: first[_lane(item)])


FAST_LANE_REFUSAL = (
    "la voie rapide ne lance pas de processus ; marquez ce test @pytest.mark.e2e "
    "(ou son module dans E2E_MODULES de tests/conftest.py)"
)


@pytest.fixture(autouse=True)
def _no_process_in_the_fast_lane(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A test of the fast lane that starts a process fails at once and says which lane it
    belongs to: a process costs the lane ~0.5 s of start-up, and the lane is kept for what
    runs in process. Refused: subprocess (asyncio's included), multiprocessing (fork, spawn
    or forkserver), ``os.fork``, ``os.system``, ``os.posix_spawn(p)``."""
    if request.node.get_closest_marker("fast") is None:
        return
    import multiprocessing.util
    import subprocess

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError(FAST_LANE_REFUSAL)

    monkeypatch.setattr(subprocess.Popen, "_execute_child", refuse)
    monkeypatch.setattr(multiprocessing.util, "spawnv_passfds", refuse)
    for name in ("fork", "system", "posix_spawn", "posix_spawnp"):
        if hasattr(os, name):
            monkeypatch.setattr(os, name, refuse)


# --- one warm picture process for the picture tests that do not test its life ------------


@pytest.fixture(scope="session")
def drawing_relay() -> Iterator[tuple[str, ...]]:
    """The command of a relay to one warm picture process, started once per worker
    (tests/drawing_server.py)."""
    from tests.drawing_server import shared_drawing_process

    with shared_drawing_process() as command:
        yield command


@pytest.fixture
def shared_drawing(monkeypatch: pytest.MonkeyPatch, drawing_relay: tuple[str, ...]) -> None:
    """Every Drawer made during the test (the bot's included) draws through the shared warm
    process: its default command becomes the relay, for this test only."""
    from bot.image.drawer import Drawer

    defaults = Drawer.__init__.__kwdefaults__
    assert defaults is not None and "command" in defaults
    monkeypatch.setitem(defaults, "command", drawing_relay)
