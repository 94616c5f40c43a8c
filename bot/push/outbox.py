"""The outbox in SQLite: every push is recorded before it is sent, and marked once sent.

Announced entry ids are recorded in the same transaction as their post, so an entry is
announced exactly once whatever happens to the process afterwards.
"""

from __future__ import annotations

import hashlib
import sqlite3
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

SCHEMA = """
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


@dataclass(frozen=True, slots=True)
class Item:
    """One message waiting in (or gone from) the outbox."""

    id: int
    post: str
    part: int
    chat_id: str
    thread_id: int | None
    text: str
    attempts: int
    last_error: str | None
    notified_error: str | None
    message_id: int | None


class Outbox:
    """The persistent state of channel pushes; created on first use."""

    def __init__(self, path: Path | str) -> None:
        if str(path) != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA busy_timeout=5000")
        self._db.executescript(SCHEMA)

    def close(self) -> None:
        self._db.close()

    # --- recording ------------------------------------------------------------------

    def record(
        self,
        post: str,
        chat_id: int | str,
        thread_id: int | None,
        texts: list[str],
        entries: Iterable[str] = (),
    ) -> bool:
        """Record a post's messages (and the entries it announces) atomically.

        Returns False when a post with this key was already recorded: nothing is added, so
        the same request handled twice never posts twice.
        """
        now = time.time()
        with self._transaction():
            exists = self._db.execute("SELECT 1 FROM outbox WHERE post = ?", (post,)).fetchone()
            if exists:
                return False
            self._db.executemany(
                "INSERT INTO outbox (post, part, chat_id, thread_id, text, created)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                [
                    (post, part, str(chat_id), thread_id, text, now)
                    for part, text in enumerate(texts)
                ],
            )
            self._db.executemany(
                "INSERT OR IGNORE INTO announced (entry_id, post, at) VALUES (?, ?, ?)",
                [(entry, post, now) for entry in entries],
            )
        return True

    def mark_announced(self, entries: Iterable[str], post: str | None = None) -> None:
        """Record entries as announced without posting (the first deployment's baseline)."""
        now = time.time()
        with self._transaction():
            self._db.executemany(
                "INSERT OR IGNORE INTO announced (entry_id, post, at) VALUES (?, ?, ?)",
                [(entry, post, now) for entry in entries],
            )

    def announced(self) -> set[str]:
        """Ids of every entry already announced (or part of the baseline)."""
        return {row[0] for row in self._db.execute("SELECT entry_id FROM announced")}

    def get_meta(self, key: str) -> str | None:
        row = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def set_meta(self, key: str, value: str) -> None:
        self._db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))

    # --- sending --------------------------------------------------------------------

    def pending(self) -> list[Item]:
        """Messages not yet sent, oldest first (a post's parts in order)."""
        rows = self._db.execute(
            "SELECT id, post, part, chat_id, thread_id, text, attempts, last_error,"
            " notified_error, message_id FROM outbox WHERE status = 'pending' ORDER BY id"
        ).fetchall()
        return [Item(*row) for row in rows]

    def sent(self, post: str | None = None) -> list[Item]:
        """Messages sent, oldest first; only those of ``post`` when given."""
        query = (
            "SELECT id, post, part, chat_id, thread_id, text, attempts, last_error,"
            " notified_error, message_id FROM outbox WHERE status = 'sent'"
        )
        args: tuple[str, ...] = ()
        if post is not None:
            query += " AND post = ?"
            args = (post,)
        return [Item(*row) for row in self._db.execute(query + " ORDER BY id", args).fetchall()]

    def mark_sent(self, item_id: int, message_id: int) -> None:
        self._db.execute(
            "UPDATE outbox SET status = 'sent', message_id = ?, sent_at = ?, last_error = NULL"
            " WHERE id = ?",
            (message_id, time.time(), item_id),
        )

    def mark_failed(self, item_id: int, error: str) -> None:
        """Count a failed attempt; the item stays pending for a later retry."""
        self._db.execute(
            "UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE id = ?",
            (error, item_id),
        )

    def mark_notified(self, item_id: int, error: str) -> None:
        self._db.execute("UPDATE outbox SET notified_error = ? WHERE id = ?", (error, item_id))

    # --- helpers --------------------------------------------------------------------

    def _transaction(self) -> _Transaction:
        return _Transaction(self._db)


class _Transaction:
    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db

    def __enter__(self) -> None:
        self._db.execute("BEGIN IMMEDIATE")

    def __exit__(self, kind: object, value: object, traceback: object) -> None:
        self._db.execute("COMMIT" if kind is None else "ROLLBACK")


def post_key(prefix: str, *parts: str) -> str:
    """A short, stable outbox key: the same request gives the same key."""
    digest = hashlib.sha1("\x1f".join(parts).encode()).hexdigest()[:16]
    return f"{prefix}:{digest}"


def channel_link(channel: int | str, message_id: int) -> str | None:
    """t.me link to a channel post (public @name or private -100… id)."""
    if isinstance(channel, str) and channel.startswith("@"):
        return f"https://t.me/{channel[1:]}/{message_id}"
    text = str(channel)
    if text.startswith("-100"):
        return f"https://t.me/c/{text[4:]}/{message_id}"
    return None
