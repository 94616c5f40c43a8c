"""Shared fixtures: the shipped fact base, and a writable copy of the content for breaking."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from bot.content.loader import load_factbase
from bot.content.model import FactBase
from bot.paths import CONTENT_DIR, SEEDS_DIR
from tests.fake_bot_api import FakeBotApi

# Every bot the tests start, in process or as a subprocess, caches its validated base in a
# throwaway directory, never in the project's data/ folder.
os.environ["SNAPSHOT_DIR"] = tempfile.mkdtemp(prefix="azsec-snapshots-")


@pytest.fixture(scope="session")
def base() -> FactBase:
    """The shipped fact base, loaded once."""
    return load_factbase(CONTENT_DIR, SEEDS_DIR)


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
    shutil.copytree(CONTENT_DIR, content)
    shutil.copytree(SEEDS_DIR, seeds)
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
def pg_server() -> Iterator[str]:
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
    with postgres.throwaway_cluster() as url:
        yield url


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
