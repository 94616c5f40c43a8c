"""Move a SQLite state file into PostgreSQL (``python -m bot state migrate --to URL``).

Every table that matters is copied with its keys — subscriptions, the outbox with its states,
photos, announced entries, alert traces, meta — in one PostgreSQL transaction, each row added
only when its key is not there yet: running it twice adds nothing. Then every source row's key
is looked up in PostgreSQL and the counts are compared; the sender role is not copied (it
belongs to the processes running then).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bot.push.database import Database
from bot.push.outbox import Outbox

TABLES: tuple[tuple[str, tuple[str, ...], tuple[str, ...], str], ...] = (
    # (table, columns, key columns, order)
    (
        "outbox",
        (
            "id",
            "post",
            "part",
            "chat_id",
            "thread_id",
            "text",
            "status",
            "attempts",
            "last_error",
            "notified_error",
            "message_id",
            "created",
            "sent_at",
            "owner",
            "lease_until",
            "not_before",
        ),
        ("id",),
        "id",
    ),
    ("outbox_photos", ("item_id", "png"), ("item_id",), "item_id"),
    ("announced", ("entry_id", "post", "at"), ("entry_id",), "rowid"),
    ("meta", ("key", "value"), ("key",), "key"),
    ("subscriptions", ("chat_id", "target", "created"), ("chat_id", "target"), "created"),
    ("alerted", ("chat_id", "entry_id", "post"), ("chat_id", "entry_id"), "rowid"),
    ("alert_seen", ("entry_id",), ("entry_id",), "entry_id"),
)


@dataclass(frozen=True, slots=True)
class TableCopy:
    table: str
    source: int
    """Rows in the SQLite file."""
    added: int
    """Rows this run added to PostgreSQL (0 on a second run)."""
    found: int
    """Source rows whose key PostgreSQL now holds."""
    target: int
    """Rows in PostgreSQL's table after the copy."""

    @property
    def complete(self) -> bool:
        return self.found == self.source


class CopyError(Exception):
    """The copy cannot start (no source file, unusable target); French message."""


def copy_state(source: Path, target: str) -> list[TableCopy]:
    """Copy ``source`` (a SQLite state file) into ``target`` (a PostgreSQL URL)."""
    if not source.is_file():
        raise CopyError(f"fichier d'état {source} introuvable : rien à copier")
    Outbox(source).close()  # brings the file to the latest schema first
    into = Outbox(target)
    try:
        lite = Database(source)
        try:
            return _copy(lite, into._db)
        finally:
            lite.close()
    finally:
        into.close()


def _copy(lite: Database, pg: Database) -> list[TableCopy]:
    report: list[TableCopy] = []
    with pg.transaction():
        for table, columns, keys, order in TABLES:
            names = ", ".join(columns)
            rows = lite.execute(f"SELECT {names} FROM {table} ORDER BY {order}").fetchall()
            marks = ", ".join("?" for _ in columns)
            before = int(pg.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])
            pg.executemany(
                f"INSERT INTO {table} ({names}) VALUES ({marks}) ON CONFLICT DO NOTHING",
                [tuple(row) for row in rows],
            )
            after = int(pg.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])
            index = [columns.index(key) for key in keys]
            held = {
                tuple(row)
                for row in pg.execute(f"SELECT {', '.join(keys)} FROM {table}").fetchall()
            }
            found = sum(1 for row in rows if tuple(row[i] for i in index) in held)
            report.append(TableCopy(table, len(rows), after - before, found, after))
        pg.execute(  # the next post recorded in PostgreSQL gets a fresh id
            "SELECT setval(pg_get_serial_sequence('outbox', 'id'),"
            " GREATEST((SELECT MAX(id) FROM outbox), 1))"
        )
    return report
