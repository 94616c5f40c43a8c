"""The outbox in SQLite: every post is recorded before it is sent, claimed by one sender, and
its fate kept: sent (with its message id), uncertain, failed or dropped.

Several processes (the bot, ``python -m bot push`` from cron) may share one file. A message is
*claimed* in one immediate transaction (status ``sending``, the claimer's name, a lease) and only
the claimer sends it; while one message is being sent nobody claims another, so the channel
gets posts in order; the sender renews its lease while the request is in flight
(:meth:`Outbox.renew_claim`). A claim whose owner died, or whose lease ran out, is never sent again
blindly: the message may have reached Telegram, so it becomes *uncertain* for an admin to judge.

Announced entry ids are recorded in the same transaction as their post, so an entry is
announced at most once whatever happens to the process afterwards.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Iterable
from contextlib import AbstractContextManager
from dataclasses import dataclass, replace
from pathlib import Path

from bot.push.claims import LEASE, owner_is_dead, process_name
from bot.push.database import Database
from bot.push.migrations import migrate
from bot.redact import redact

POLL = 0.25
"""Seconds between two looks at the queue while another process is sending."""
MAX_ATTEMPTS = 5
"""Sends that provably did not leave (refused connection, 5xx answer) before a post fails."""
INTERRUPTED = "envoi interrompu (processus arrêté pendant l'envoi) : publication peut-être faite"

_COLUMNS = (
    "id, post, part, chat_id, thread_id, text, status, attempts, last_error, notified_error,"
    " message_id"
)
_OPEN = ("pending", "sending", "uncertain", "failed")


@dataclass(frozen=True, slots=True)
class Item:
    """One message of a post, with its state in the outbox."""

    id: int
    post: str
    part: int
    chat_id: str
    thread_id: int | None
    text: str
    status: str
    attempts: int
    last_error: str | None
    notified_error: str | None
    message_id: int | None


class Outbox:
    """The persistent state of channel pushes; created (or migrated) on first use.

    Every method is a short blocking SQLite call: async code runs them in a thread
    (see :mod:`bot.push.threaded`).

    Its queue is one *lane* of the table: channel posts. Subscribers' alerts share the table
    in a lane of their own (:class:`bot.push.alert_outbox.AlertOutbox`), so neither waits
    for the other and /envois lists channel posts only.
    """

    LANE = "substr(post, 1, 7) <> 'alerte:'"
    """SQL condition on an outbox row: this lane's messages."""
    LOCK = "posts"
    """The lane's claim lock on PostgreSQL (one message in flight per lane)."""
    CHAT_GAP = 0.0
    """Seconds between two messages to one chat (0: no pause)."""

    def __init__(self, location: Path | str, owner: str | None = None) -> None:
        """``location``: a SQLite file's path, or a ``postgres(ql)://`` URL."""
        self.owner = owner or process_name()
        self._db = Database(location)
        try:
            migrate(self._db)
        except BaseException:
            self._db.close()
            raise

    @property
    def backend(self) -> str:
        """ "sqlite" or "postgres"."""
        return self._db.kind

    def close(self) -> None:
        self._db.close()

    def version(self) -> int:
        return self._db.version()

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
                "INSERT INTO announced (entry_id, post, at) VALUES (?, ?, ?)"
                " ON CONFLICT DO NOTHING",
                [(entry, post, now) for entry in entries],
            )
        return True

    def take_baseline(self, day: str, entries: Iterable[str]) -> bool:
        """On first use, mark ``entries`` announced and remember the day, in one transaction.

        Returns False (and changes nothing) when a baseline was already taken.
        """
        now = time.time()
        with self._transaction():
            if self._db.execute("SELECT 1 FROM meta WHERE key = 'baseline'").fetchone():
                return False
            self._db.execute("INSERT INTO meta (key, value) VALUES ('baseline', ?)", (day,))
            self._db.executemany(
                "INSERT INTO announced (entry_id, post, at) VALUES (?, NULL, ?)"
                " ON CONFLICT DO NOTHING",
                [(entry, now) for entry in entries],
            )
        return True

    def announced(self) -> set[str]:
        """Ids of every entry already announced (or part of the baseline)."""
        return {row[0] for row in self._db.execute("SELECT entry_id FROM announced")}

    def entries_of_post(self, post: str) -> list[str]:
        """The entries a channel post announced, in order (none for a plain publication)."""
        rows = self._db.execute(
            "SELECT entry_id FROM announced WHERE post = ? ORDER BY rowid", (post,)
        )
        return [str(row[0]) for row in rows]

    def get_meta(self, key: str) -> str | None:
        row = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    # --- claiming and sending ---------------------------------------------------------

    def claim(self, lease: float = LEASE) -> Item | None:
        """Take the next message to send, or None when none may be sent now.

        None when the queue is empty, when its messages wait for a back-off, or when another
        sender is busy (one message in flight at a time keeps the channel in order). Claims
        of dead processes and expired leases become uncertain first.
        """
        now = time.time()
        with self._db.transaction(self.LOCK):
            self._reap(now)
            if self._db.execute(
                f"SELECT 1 FROM outbox WHERE status = 'sending' AND {self.LANE}"
            ).fetchone():
                return None
            paced = (
                " AND NOT EXISTS (SELECT 1 FROM outbox q WHERE q.chat_id = o.chat_id"
                " AND q.sent_at > ?)"
                if self.CHAT_GAP
                else ""
            )
            args = (now, now - self.CHAT_GAP) if self.CHAT_GAP else (now,)
            row = self._db.execute(
                f"SELECT {_COLUMNS} FROM outbox o WHERE status = 'pending' AND not_before <= ?"
                f" AND {self.LANE} AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.post = o.post"
                f" AND p.part < o.part AND p.status != 'sent'){paced} ORDER BY id LIMIT 1"
                f"{self._db.skip_locked}",
                args,
            ).fetchone()
            if row is None:
                return None
            changed = self._db.execute(
                "UPDATE outbox SET status = 'sending', owner = ?, lease_until = ?"
                " WHERE id = ? AND status = 'pending'",
                (self.owner, now + lease, row[0]),
            ).rowcount
            if changed != 1:
                return None
        return replace(Item(*row), status="sending")

    def _reap(self, now: float) -> None:
        rows = self._db.execute(
            f"SELECT id, owner, lease_until FROM outbox WHERE status = 'sending' AND {self.LANE}"
        ).fetchall()
        for item_id, owner, lease_until in rows:
            expired = lease_until is None or lease_until < now
            if expired or (owner != self.owner and owner_is_dead(owner)):
                self._db.execute(
                    "UPDATE outbox SET status = 'uncertain', last_error = ?, owner = NULL,"
                    " lease_until = NULL WHERE id = ? AND status = 'sending'",
                    (INTERRUPTED, item_id),
                )

    def next_wait(self) -> float | None:
        """Seconds until a message may be claimed; None when nothing is left to send."""
        now = time.time()
        if self._db.execute(
            f"SELECT 1 FROM outbox WHERE status = 'sending' AND {self.LANE}"
        ).fetchone():
            return POLL
        row = self._db.execute(
            f"SELECT MIN(not_before) FROM outbox o WHERE status = 'pending' AND {self.LANE}"
            " AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.post = o.post"
            " AND p.part < o.part AND p.status != 'sent')"
        ).fetchone()
        if row is None or row[0] is None:
            return None
        return max(0.0, float(row[0]) - now)

    def renew_claim(self, item_id: int, owner: str, until: float) -> bool:
        """Extend ``owner``'s claim on a message being sent to ``until`` (a time.time()).

        False when the claim is no longer ``owner``'s (settled, or reaped as uncertain).
        """
        return (
            self._db.execute(
                "UPDATE outbox SET lease_until = ? WHERE id = ? AND status = 'sending'"
                " AND owner = ?",
                (until, item_id, owner),
            ).rowcount
            == 1
        )

    def mark_sent(self, item_id: int, message_id: int) -> None:
        """The message is in the channel: keep its id (even if its claim had expired)."""
        self._db.execute(
            "UPDATE outbox SET status = 'sent', message_id = ?, sent_at = ?, last_error = NULL,"
            " owner = NULL, lease_until = NULL WHERE id = ?",
            (message_id, time.time(), item_id),
        )

    def release(
        self, item_id: int, error: str, delay: float, max_attempts: int = MAX_ATTEMPTS
    ) -> str:
        """The send provably did not happen: try again after ``delay``, or fail when attempts
        are spent. Returns the new status ("pending" or "failed")."""
        with self._transaction():
            self._db.execute(
                "UPDATE outbox SET attempts = attempts + 1, last_error = ?, owner = NULL,"
                " lease_until = NULL, not_before = ?,"
                " status = CASE WHEN attempts + 1 >= ? THEN 'failed' ELSE 'pending' END"
                " WHERE id = ? AND status = 'sending'",
                (redact(error), time.time() + delay, max_attempts, item_id),
            )
            row = self._db.execute("SELECT status FROM outbox WHERE id = ?", (item_id,))
            found = row.fetchone()
        return str(found[0]) if found else "failed"

    def mark_failed(self, item_id: int, error: str) -> None:
        """Telegram refused the message for good: keep it visible, let later posts pass."""
        self._db.execute(
            "UPDATE outbox SET status = 'failed', attempts = attempts + 1, last_error = ?,"
            " owner = NULL, lease_until = NULL WHERE id = ?",
            (redact(error), item_id),
        )

    def mark_uncertain(self, item_id: int, error: str) -> None:
        """The request may have been processed: never re-sent without an admin's decision."""
        self._db.execute(
            "UPDATE outbox SET status = 'uncertain', attempts = attempts + 1, last_error = ?,"
            " owner = NULL, lease_until = NULL WHERE id = ? AND status = 'sending'",
            (redact(error), item_id),
        )

    def unclaim(self, item_id: int) -> None:
        """Give a claim back untouched (stopped before the request was made)."""
        self._db.execute(
            "UPDATE outbox SET status = 'pending', owner = NULL, lease_until = NULL"
            " WHERE id = ? AND status = 'sending' AND owner = ?",
            (item_id, self.owner),
        )

    def claim_notice(self, item_id: int, error: str) -> bool:
        """Take the duty of telling the admins of ``error`` on a message: True for exactly one
        caller across processes, before anything is sent, and only while ``error`` is still
        the message's current, untold failure (not after an admin's retry or a new error)."""
        taken = self._db.execute(
            "UPDATE outbox SET notified_error = last_error WHERE id = ?"
            " AND status IN ('uncertain', 'failed') AND last_error = ?"
            " AND notified_error IS DISTINCT FROM last_error",
            (item_id, error),
        )
        return taken.rowcount == 1

    # --- reading --------------------------------------------------------------------

    def _select(self, where: str, args: tuple[object, ...] = ()) -> list[Item]:
        query = f"SELECT {_COLUMNS} FROM outbox WHERE ({where}) AND {self.LANE} ORDER BY id"
        return [Item(*row) for row in self._db.execute(query, args).fetchall()]

    def pending(self) -> list[Item]:
        """Messages waiting to be sent, oldest first (a post's parts in order)."""
        return self._select("status = 'pending'")

    def sent(self, post: str | None = None) -> list[Item]:
        """Messages sent, oldest first; only those of ``post`` when given."""
        if post is None:
            return self._select("status = 'sent'")
        return self._select("status = 'sent' AND post = ?", (post,))

    def of_post(self, post: str) -> list[Item]:
        """Every message of ``post``, in order."""
        return self._select("post = ?", (post,))

    def get(self, item_id: int) -> Item | None:
        found = self._select("id = ?", (item_id,))
        return found[0] if found else None

    def open_items(self) -> list[Item]:
        """Messages not yet settled: pending, being sent, uncertain or failed."""
        return self._select("status IN ('pending', 'sending', 'uncertain', 'failed')")

    def to_notify(self) -> list[Item]:
        """Uncertain or failed messages whose admins were not yet told of this error."""
        return self._select(
            "status IN ('uncertain', 'failed') AND notified_error IS DISTINCT FROM last_error"
        )

    # --- an admin's decisions ---------------------------------------------------------

    def retry(self, item_id: int) -> int:
        """Send again the uncertain or failed messages of the post holding ``item_id``.

        Returns how many messages were put back in the queue (0 when nothing to retry).
        """
        with self._transaction():
            post = self._post_of(item_id)
            if post is None:
                return 0
            return self._db.execute(
                "UPDATE outbox SET status = 'pending', attempts = 0, not_before = 0,"
                " notified_error = NULL WHERE post = ? AND status IN ('uncertain', 'failed')",
                (post,),
            ).rowcount

    def drop(self, item_id: int) -> int:
        """Give up the unsent messages of the post holding ``item_id``; returns how many."""
        with self._transaction():
            post = self._post_of(item_id)
            if post is None:
                return 0
            return self._db.execute(
                "UPDATE outbox SET status = 'dropped'"
                " WHERE post = ? AND status IN ('pending', 'uncertain', 'failed')",
                (post,),
            ).rowcount

    def _post_of(self, item_id: int) -> str | None:
        row = self._db.execute(
            f"SELECT post FROM outbox WHERE id = ? AND {self.LANE}", (item_id,)
        ).fetchone()
        return None if row is None else str(row[0])

    # --- photos (/publier carte, /publier frise) ------------------------------------

    def record_photo(
        self, post: str, chat_id: int | str, thread_id: int | None, texts: list[str], png: bytes
    ) -> bool:
        """Record a post whose first message is a photo with ``texts[0]`` as its caption.

        Like :meth:`record`, atomically and once per key; the PNG is stored with the post.
        """
        now = time.time()
        with self._transaction():
            if self._db.execute("SELECT 1 FROM outbox WHERE post = ?", (post,)).fetchone():
                return False
            for part, text in enumerate(texts):
                cursor = self._db.execute(
                    "INSERT INTO outbox (post, part, chat_id, thread_id, text, created)"
                    " VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                    (post, part, str(chat_id), thread_id, text, now),
                )
                item_id = int(cursor.fetchone()[0])
                if part == 0:
                    self._db.execute(
                        "INSERT INTO outbox_photos (item_id, png) VALUES (?, ?)",
                        (item_id, png),
                    )
        return True

    def photo(self, item_id: int) -> bytes | None:
        """The PNG to send with this message, or None for a text message."""
        row = self._db.execute(
            "SELECT png FROM outbox_photos WHERE item_id = ?", (item_id,)
        ).fetchone()
        return None if row is None else bytes(row[0])

    def without_photo(self, item_id: int, error: str) -> None:
        """Telegram refused the photo: send the caption as a text message instead (now)."""
        with self._transaction():
            self._db.execute("DELETE FROM outbox_photos WHERE item_id = ?", (item_id,))
            self._db.execute(
                "UPDATE outbox SET status = 'pending', last_error = ?, owner = NULL,"
                " lease_until = NULL, not_before = 0 WHERE id = ? AND status = 'sending'",
                (redact(f"photo refusée, légende envoyée en texte : {error}"), item_id),
            )

    # --- the sender role (issue 27) -------------------------------------------------

    def hold_role(self, lease: float, role: str = "sender") -> tuple[bool, str | None]:
        """Take or renew ``role`` for this instance until ``lease`` seconds from now.

        The role is taken when nobody holds it, when its lease ran out, or when its holder was
        a process of this host that no longer runs (a restart after ``kill -9``). Returns
        whether this instance holds it now, and the holder it took over from (whose claims
        in flight became *uncertain* in the same transaction), if any.
        """
        now = time.time()
        with self._transaction():
            row = self._db.execute(
                "SELECT holder, until FROM roles WHERE role = ?", (role,)
            ).fetchone()
            if row is not None and row[0] == self.owner:
                self._db.execute("UPDATE roles SET until = ? WHERE role = ?", (now + lease, role))
                return True, None
            if row is not None and float(row[1]) >= now and not owner_is_dead(str(row[0])):
                return False, None
            self._db.execute(
                "INSERT INTO roles (role, holder, until, since) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (role) DO UPDATE SET holder = excluded.holder,"
                " until = excluded.until, since = excluded.since",
                (role, self.owner, now + lease, now),
            )
            previous = None if row is None else str(row[0])
            if previous is not None:  # its sends in flight may have reached Telegram
                self._db.execute(
                    "UPDATE outbox SET status = 'uncertain', last_error = ?, owner = NULL,"
                    " lease_until = NULL WHERE status = 'sending' AND owner = ?",
                    (INTERRUPTED, previous),
                )
        return True, previous

    def role_holder(self, role: str = "sender") -> tuple[str, float, float] | None:
        """Who holds ``role``: (holder, lease end, since), or None."""
        row = self._db.execute(
            "SELECT holder, until, since FROM roles WHERE role = ?", (role,)
        ).fetchone()
        return None if row is None else (str(row[0]), float(row[1]), float(row[2]))

    def resign_role(self, role: str = "sender") -> None:
        """Give the role up (a clean stop): another instance takes it at its next look."""
        self._db.execute("DELETE FROM roles WHERE role = ? AND holder = ?", (role, self.owner))

    # --- helpers --------------------------------------------------------------------

    def _transaction(self) -> AbstractContextManager[None]:
        return self._db.transaction()


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
