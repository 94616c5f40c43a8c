"""The state's schema and its migrations, one numbered path for SQLite and PostgreSQL.

The version is SQLite's ``PRAGMA user_version`` or PostgreSQL's ``state_version`` row
(:meth:`Database.version`). Version 0 is the first format (no version recorded; on PostgreSQL,
an empty database); each step brings the state one version up, all inside the transaction that
opened it, so a state is never left half-migrated. Statements are written for SQLite and given
PostgreSQL's types by :meth:`Database.ddl`.
"""

from __future__ import annotations

from bot.push.database import STATE_ERRORS, Database

STATUSES = ("pending", "sending", "sent", "uncertain", "failed", "dropped")

OUTBOX_TABLE = f"""
CREATE TABLE outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    post TEXT NOT NULL,
    part INTEGER NOT NULL,
    chat_id TEXT NOT NULL,
    thread_id INTEGER,
    text TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending'
        CHECK (status IN ({", ".join(f"'{s}'" for s in STATUSES)})),
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    notified_error TEXT,
    message_id INTEGER,
    created REAL NOT NULL,
    sent_at REAL,
    owner TEXT,
    lease_until REAL,
    not_before REAL NOT NULL DEFAULT 0,
    UNIQUE (post, part)
)
"""

VERSION_0 = """
CREATE TABLE IF NOT EXISTS outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    post TEXT NOT NULL,
    part INTEGER NOT NULL,
    chat_id TEXT NOT NULL,
    thread_id INTEGER,
    text TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent')),
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    notified_error TEXT,
    message_id INTEGER,
    created REAL NOT NULL,
    sent_at REAL,
    UNIQUE (post, part)
);
CREATE TABLE IF NOT EXISTS announced (
    entry_id TEXT PRIMARY KEY,
    post TEXT,
    at REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""
"""The first format, as files written before versioning hold it (kept to test migrations)."""


def _to_1(db: Database) -> None:
    """Claims (owner, lease), a back-off time, and the uncertain/failed/dropped states."""
    db.execute("ALTER TABLE outbox RENAME TO outbox_v0")
    db.execute(db.ddl(OUTBOX_TABLE))
    db.execute(
        "INSERT INTO outbox (id, post, part, chat_id, thread_id, text, status, attempts,"
        " last_error, notified_error, message_id, created, sent_at)"
        " SELECT id, post, part, chat_id, thread_id, text, status, 0,"
        " last_error, notified_error, message_id, created, sent_at FROM outbox_v0"
    )
    db.execute("DROP TABLE outbox_v0")
    db.execute("CREATE INDEX IF NOT EXISTS outbox_status ON outbox (status, id)")


def _subscriptions(db: Database) -> None:
    """Subscriptions (/suivre) and the alerts they get: chat ids and followed ids, no profile.

    ``alerted`` holds one row per chat and entry alerted, written with the alert's outbox
    rows, so an entry reaches a chat at most once; ``alert_seen`` is every entry the alert
    pass has already looked at (new entries are the others).
    """
    db.execute(
        db.ddl(
            "CREATE TABLE subscriptions (chat_id TEXT NOT NULL, target TEXT NOT NULL,"
            " created REAL NOT NULL, PRIMARY KEY (chat_id, target))"
        )
    )
    db.execute(
        db.ddl(
            "CREATE TABLE alerted (chat_id TEXT NOT NULL, entry_id TEXT NOT NULL,"
            " post TEXT NOT NULL, PRIMARY KEY (chat_id, entry_id))"
        )
    )
    db.execute("CREATE INDEX alerted_post ON alerted (post)")
    db.execute("CREATE TABLE alert_seen (entry_id TEXT PRIMARY KEY)")
    db.execute("CREATE INDEX outbox_chat ON outbox (chat_id, sent_at)")


def _add_photos(db: Database) -> None:
    """Photos of channel posts (/publier carte, /publier frise): the PNG of a post's first
    message, kept as a BLOB so a resend after a restart posts the very image the admin asked
    for, whatever the content or the picture cache has become since."""
    db.execute(
        db.ddl(
            "CREATE TABLE IF NOT EXISTS outbox_photos ("
            " item_id INTEGER PRIMARY KEY REFERENCES outbox (id), png BLOB NOT NULL)"
        )
    )


def _roles(db: Database) -> None:
    """The sender role (issue 27): one row per role, held by one instance until ``until``
    (a lease it renews); ``since`` is when it took the role."""
    db.execute(
        db.ddl(
            "CREATE TABLE roles (role TEXT PRIMARY KEY, holder TEXT NOT NULL,"
            " until REAL NOT NULL, since REAL NOT NULL)"
        )
    )


MIGRATIONS = (_to_1, _subscriptions, _add_photos, _roles)
"""MIGRATIONS[n] brings a file from version n to n + 1."""
LATEST = len(MIGRATIONS)


class StateVersionError(Exception):
    """The state file was written by a newer version of the bot."""


OPEN_ERRORS: tuple[type[Exception], ...] = (*STATE_ERRORS, OSError, StateVersionError)
"""What opening the state may raise when it is unusable."""


def migrate(db: Database) -> int:
    """Create or upgrade the schema in one write transaction; return the old version."""
    with db.transaction("migrate"):
        version = db.version()
        if version > LATEST:
            raise StateVersionError(
                f"état en version {version}, ce bot ne connaît que la version {LATEST}"
            )
        if version == 0:
            for statement in VERSION_0.split(";"):
                if statement.strip():
                    db.execute(db.ddl(statement))
        for step in MIGRATIONS[version:]:
            step(db)
        if version != LATEST:
            db.set_version(LATEST)
    return version
