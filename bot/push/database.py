"""Where the bot's state lives: a SQLite file (the default) or PostgreSQL (``DATABASE_URL``).

The state's SQL is written once, in the part of SQL both engines read (``?`` parameters,
``INSERT … ON CONFLICT``, ``IS DISTINCT FROM``, ``RETURNING``); a PostgreSQL connection only
rewrites the parameters. The few things that differ — column types in the schema, the lock a
transaction takes, ``FOR UPDATE SKIP LOCKED`` — are asked of the :class:`Database`.

Every call is blocking: async code runs them in the store's own thread
(:mod:`bot.push.threaded`). A PostgreSQL connection that breaks is dropped and opened again
at the next call; until then every call raises :class:`StateUnavailable`, whose French
message names ``DATABASE_URL`` and never holds its password.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import unquote, urlsplit, urlunsplit

SCHEMES = ("postgres", "postgresql")
CONNECT_TIMEOUT = 5
"""Seconds to wait for the PostgreSQL server before saying it is unreachable."""
LOCK_TIMEOUT_MS = 5000
"""Milliseconds a statement waits for a lock: PostgreSQL's lock_timeout, SQLite's busy_timeout."""
ROWID_TABLES = ("announced", "alerted")
"""Tables read ``ORDER BY rowid``: SQLite has that column; PostgreSQL gets one of that name."""
LOCKS = {"state": 1_733_010, "posts": 1_733_011, "alerts": 1_733_012, "migrate": 1_733_013}
"""PostgreSQL advisory lock keys: ``state`` serialises writes as SQLite's BEGIN IMMEDIATE does;
each outbox lane has its own claim lock, so one message is in flight per lane."""


class StateUnavailable(Exception):  # noqa: N818 — a state, as the French message says
    """The database cannot be reached or refused a statement; the message is French and holds
    no password."""


STATE_ERRORS: tuple[type[Exception], ...] = (sqlite3.Error, StateUnavailable)
"""What a state call may raise when the state is unusable (file or server)."""


def problem(location: Path | str, error: BaseException) -> str:
    """Why the state is unusable, in French, naming the setting, never the password."""
    if isinstance(error, StateUnavailable):
        return str(error)
    text = str(error)
    secret = password_of(str(location)) if is_database_url(location) else None
    if secret:
        text = text.replace(secret, "***")
    return f"{describe(location)} inutilisable ({text})"


class Cursor(Protocol):
    @property
    def rowcount(self) -> int: ...

    def fetchone(self) -> Any: ...  # noqa: ANN401 — a row of either driver
    def fetchall(self) -> list[Any]: ...
    def __iter__(self) -> Iterator[Any]: ...


def is_database_url(location: Path | str) -> bool:
    """True for ``postgres://…`` and ``postgresql://…`` (as platforms write them)."""
    return isinstance(location, str) and location.split("://", 1)[0].lower() in SCHEMES


def password_of(url: str) -> str | None:
    """The password an URL holds, decoded, or None."""
    try:
        secret = urlsplit(url).password
    except ValueError:
        return None
    return unquote(secret) if secret else None


def masked_url(url: str) -> str:
    """The URL without its password (``postgresql://bot:***@host:5432/base``), for messages."""
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        port = f":{parts.port}" if parts.port else ""
    except ValueError:
        return "(URL illisible)"
    user = parts.username or ""
    auth = f"{user}:***@" if parts.password else (f"{user}@" if user else "")
    return urlunsplit((parts.scheme, f"{auth}{host}{port}", parts.path, "", ""))


def describe(location: Path | str) -> str:
    """What the state is, in French, for messages: never a password."""
    if is_database_url(location):
        return f"base PostgreSQL DATABASE_URL ({masked_url(str(location))})"
    return f"fichier d'état {location}"


class Database:
    """One connection to the state, SQLite or PostgreSQL."""

    def __init__(self, location: Path | str) -> None:
        self.postgres = is_database_url(location)
        self.kind = "postgres" if self.postgres else "sqlite"
        self._url = str(location) if self.postgres else ""
        self._secret = password_of(self._url) if self.postgres else None
        self._pg: Any = None
        self._in_transaction = False
        if self.postgres:
            self._lite: sqlite3.Connection | None = None
            self._connect()
            return
        if str(location) != ":memory:":
            Path(location).parent.mkdir(parents=True, exist_ok=True)
        self._lite = sqlite3.connect(str(location), isolation_level=None, check_same_thread=False)
        try:
            self._lite.execute(f"PRAGMA busy_timeout={int(LOCK_TIMEOUT_MS)}")
            self._lite.execute("PRAGMA journal_mode=WAL")
            self._lite.execute("PRAGMA synchronous=NORMAL")
        except BaseException:
            self._lite.close()
            raise

    def __repr__(self) -> str:
        return f"Database({describe(self._url) if self.postgres else self.kind})"

    # --- PostgreSQL connection ---------------------------------------------------------

    def _connect(self) -> Any:  # noqa: ANN401 — a psycopg connection
        import psycopg

        url = self._url
        if url.startswith("postgres://"):  # platforms write it so; libpq reads both
            url = "postgresql://" + url[len("postgres://") :]
        try:
            self._pg = psycopg.connect(
                url,
                autocommit=True,
                connect_timeout=CONNECT_TIMEOUT,
                options=f"-c lock_timeout={LOCK_TIMEOUT_MS}",
                keepalives=1,
                keepalives_idle=10,
                keepalives_interval=5,
                keepalives_count=2,
                application_name="azsec-bot",
            )
        except psycopg.Error as error:
            self._pg = None
            raise self._unavailable(error) from None
        return self._pg

    def _unavailable(self, error: BaseException) -> StateUnavailable:
        text = " ".join(str(error).split())[:300] or type(error).__name__
        if self._secret:
            text = text.replace(self._secret, "***")
        return StateUnavailable(f"{describe(self._url)} injoignable ou en erreur : {text}")

    def _run(
        self, sql: str, args: Sequence[object] | Iterable[Sequence[object]], many: bool
    ) -> Any:  # noqa: ANN401
        import psycopg

        connection = self._pg
        if connection is None or connection.closed:
            if self._in_transaction:
                raise StateUnavailable(f"{describe(self._url)} : connexion perdue")
            connection = self._connect()
        query = sql.replace("%", "%%").replace("?", "%s")
        try:
            if many:
                cursor = connection.cursor()
                cursor.executemany(query, list(args))
                return cursor
            return connection.execute(query, args)
        except psycopg.OperationalError as error:
            self._drop()
            raise self._unavailable(error) from None
        except psycopg.Error as error:
            raise self._unavailable(error) from None

    def _drop(self) -> None:
        if self._pg is not None:
            with suppress(Exception):  # already broken
                self._pg.close()
        self._pg = None

    # --- statements ---------------------------------------------------------------------

    def execute(self, sql: str, args: Sequence[object] = ()) -> Cursor:
        if self._lite is not None:
            return self._lite.execute(sql, args)
        result: Cursor = self._run(sql, args, many=False)
        return result

    def executemany(self, sql: str, rows: Iterable[Sequence[object]]) -> Cursor:
        if self._lite is not None:
            return self._lite.executemany(sql, rows)
        result: Cursor = self._run(sql, rows, many=True)
        return result

    @contextmanager
    def transaction(self, lock: str = "state") -> Iterator[None]:
        """One write transaction: SQLite's BEGIN IMMEDIATE (one writer at a time); on
        PostgreSQL, BEGIN then the advisory lock ``lock`` for the transaction's length."""
        if self._lite is not None:
            self._lite.execute("BEGIN IMMEDIATE")
            try:
                yield
            except BaseException:
                self._lite.execute("ROLLBACK")
                raise
            self._lite.execute("COMMIT")
            return
        self.execute("BEGIN")
        self._in_transaction = True
        try:
            self.execute("SELECT pg_advisory_xact_lock(?)", (LOCKS[lock],))
            yield
        except BaseException:
            self._in_transaction = False
            if self._pg is not None and not self._pg.closed:
                try:
                    self.execute("ROLLBACK")
                except StateUnavailable:
                    self._drop()
            raise
        self._in_transaction = False
        self.execute("COMMIT")

    @property
    def skip_locked(self) -> str:
        """What a claim's SELECT ends with: rows another transaction holds are passed over."""
        return " FOR UPDATE OF o SKIP LOCKED" if self.postgres else ""

    def ddl(self, statement: str) -> str:
        """A schema statement written for SQLite, in this database's types."""
        if not self.postgres:
            return statement
        for table in ROWID_TABLES:  # rows read back in the order they were written
            for head in (f"CREATE TABLE {table} (", f"CREATE TABLE IF NOT EXISTS {table} ("):
                statement = statement.replace(
                    head, f"{head}rowid BIGINT GENERATED BY DEFAULT AS IDENTITY UNIQUE, "
                )
        return (
            statement.replace(
                "INTEGER PRIMARY KEY AUTOINCREMENT",
                "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY",
            )
            .replace(" REAL", " DOUBLE PRECISION")
            .replace(" BLOB", " BYTEA")
            .replace(" INTEGER", " BIGINT")
        )

    # --- schema version ---------------------------------------------------------------

    def version(self) -> int:
        """The schema's version: SQLite's user_version, a one-row table on PostgreSQL."""
        if self._lite is not None:
            return int(self._lite.execute("PRAGMA user_version").fetchone()[0])
        self.execute("CREATE TABLE IF NOT EXISTS state_version (version INTEGER NOT NULL)")
        row = self.execute("SELECT version FROM state_version").fetchone()
        return 0 if row is None else int(row[0])

    def set_version(self, version: int) -> None:
        if self._lite is not None:
            self._lite.execute(f"PRAGMA user_version = {int(version)}")
            return
        self.execute("DELETE FROM state_version")
        self.execute("INSERT INTO state_version (version) VALUES (?)", (version,))

    def analyze(self, table: str) -> None:
        """Refresh PostgreSQL's statistics of ``table`` after a bulk write (thousands of alerts
        at once): with stale ones it sorts every pending row at each claim instead of reading
        the (status, id) index. Nothing to do on SQLite."""
        if self.postgres:
            self.execute(f"ANALYZE {table}")

    def close(self) -> None:
        if self._lite is not None:
            self._lite.close()
        else:
            self._drop()
