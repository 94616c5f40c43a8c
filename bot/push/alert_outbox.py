"""Subscriptions and subscribers' alerts, in the same state file and outbox as the channel.

Alerts are outbox rows in their own lane (post keys ``alerte:<chat>:…``): claimed, leased and
settled exactly like channel posts, one message in flight at a time, and at most one message
per chat every :data:`CHAT_GAP` seconds. An alert's rows, its ``alerted`` rows (chat, entry)
and the entries marked seen are written in one transaction: whatever happens to the process,
an entry reaches a chat at most once, and a restart sends what was recorded and not sent.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping

from bot.push.follow import MAX_PER_ALERT, matches
from bot.push.outbox import Outbox, post_key

ALERT_PREFIX = "alerte"
BASELINE = "alert_baseline"
CHAT_GAP = 1.0
"""Seconds between two alert messages to the same chat."""
BULK = 100
"""Alerts queued at once past which PostgreSQL's statistics of the outbox are refreshed."""
PACED_POLL = 0.05
"""Seconds to wait when every pending alert waits for its chat's gap."""

Compose = Callable[[list[str], list[str]], list[str]]
"""(entries, matched ids) → the alert's messages."""


class AlertOutbox(Outbox):
    """The alert lane of the outbox, and the subscriptions table."""

    LANE = "substr(post, 1, 7) = 'alerte:'"
    LOCK = "alerts"
    CHAT_GAP = CHAT_GAP

    # --- subscriptions ----------------------------------------------------------------

    def subscribe(self, chat_id: int | str, target: str) -> bool:
        """Follow ``target``; False when the chat already did."""
        return (
            self._db.execute(
                "INSERT INTO subscriptions (chat_id, target, created) VALUES (?, ?, ?)"
                " ON CONFLICT DO NOTHING",
                (str(chat_id), target, time.time()),
            ).rowcount
            == 1
        )

    def unsubscribe(self, chat_id: int | str, target: str) -> bool:
        """Stop following ``target``; False when the chat did not follow it."""
        return (
            self._db.execute(
                "DELETE FROM subscriptions WHERE chat_id = ? AND target = ?",
                (str(chat_id), target),
            ).rowcount
            == 1
        )

    def cancel_unfollowed(self, chat_id: int | str, targets: Mapping[str, frozenset[str]]) -> int:
        """Drop the chat's unsent alerts that no longer match anything it follows (after
        /arreter): ``targets`` maps entries to the ids they match. Returns how many went."""
        chat = str(chat_id)
        dropped = 0
        with self._transaction():
            followed = {
                str(row[0])
                for row in self._db.execute(
                    "SELECT target FROM subscriptions WHERE chat_id = ?", (chat,)
                )
            }
            posts = [
                str(row[0])
                for row in self._db.execute(
                    f"SELECT DISTINCT post FROM outbox WHERE chat_id = ? AND {self.LANE}"
                    " AND status = 'pending'",
                    (chat,),
                )
            ]
            for post in posts:
                entries = [
                    str(row[0])
                    for row in self._db.execute(
                        "SELECT entry_id FROM alerted WHERE post = ?", (post,)
                    )
                ]
                if any(targets.get(entry, frozenset()) & followed for entry in entries):
                    continue
                dropped += self._db.execute(
                    "UPDATE outbox SET status = 'dropped' WHERE post = ? AND status = 'pending'",
                    (post,),
                ).rowcount
        return dropped

    def subscriptions(self, chat_id: int | str) -> list[str]:
        """What the chat follows, in the order it subscribed."""
        rows = self._db.execute(
            "SELECT target FROM subscriptions WHERE chat_id = ? ORDER BY created, target",
            (str(chat_id),),
        )
        return [str(row[0]) for row in rows]

    def subscriber_count(self) -> int:
        """Chats that follow at least one thing."""
        return int(
            self._db.execute("SELECT COUNT(DISTINCT chat_id) FROM subscriptions").fetchone()[0]
        )

    def forget(self, chat_id: int | str) -> int:
        """Delete everything stored about the chat (/oublier); returns how many rows went."""
        chat = str(chat_id)
        with self._transaction():
            removed = self._db.execute(
                "DELETE FROM subscriptions WHERE chat_id = ?", (chat,)
            ).rowcount
            removed += self._db.execute("DELETE FROM alerted WHERE chat_id = ?", (chat,)).rowcount
            removed += self._db.execute(
                f"DELETE FROM outbox WHERE chat_id = ? AND {self.LANE}", (chat,)
            ).rowcount
        return removed

    def blocked(self, chat_id: int | str) -> int:
        """The chat blocked the bot: drop its subscriptions and its unsent alerts.

        Returns how many subscriptions were removed.
        """
        chat = str(chat_id)
        with self._transaction():
            removed = self._db.execute(
                "DELETE FROM subscriptions WHERE chat_id = ?", (chat,)
            ).rowcount
            self._db.execute(
                f"UPDATE outbox SET status = 'dropped' WHERE chat_id = ? AND {self.LANE}"
                " AND status = 'pending'",
                (chat,),
            )
        return int(removed)

    # --- alerts -----------------------------------------------------------------------

    def record_alerts(self, targets: Mapping[str, frozenset[str]], compose: Compose) -> int:
        """Queue one alert per chat whose subscriptions match entries not seen before.

        ``targets`` maps every current entry to the ids it matches (chronological order). The
        first call only takes the current entries as seen. Returns how many alerts were queued.
        """
        now = time.time()
        queued = 0
        with self._transaction():
            seen = {str(row[0]) for row in self._db.execute("SELECT entry_id FROM alert_seen")}
            first = self._db.execute("SELECT 1 FROM meta WHERE key = ?", (BASELINE,)).fetchone()
            new = [key for key in targets if key not in seen]
            if first is not None and new:
                queued = self._queue(new, dict(targets), compose, now)
            if first is None:
                self._db.execute(
                    "INSERT INTO meta (key, value) VALUES (?, ?)", (BASELINE, str(int(now)))
                )
            self._db.executemany(
                "INSERT INTO alert_seen (entry_id) VALUES (?) ON CONFLICT DO NOTHING",
                [(key,) for key in new],
            )
        if queued >= BULK:
            self._db.analyze("outbox")
        return queued

    def _queue(
        self, new: list[str], targets: dict[str, frozenset[str]], compose: Compose, now: float
    ) -> int:
        followed: dict[str, set[str]] = {}
        for chat, target in self._db.execute("SELECT chat_id, target FROM subscriptions"):
            followed.setdefault(str(chat), set()).add(str(target))
        done: dict[str, set[str]] = {}  # chat → the new entries it was already alerted of
        for start in range(0, len(new), 500):
            chunk = new[start : start + 500]
            marks = ", ".join("?" for _ in chunk)
            for chat, entry in self._db.execute(
                f"SELECT chat_id, entry_id FROM alerted WHERE entry_id IN ({marks})", chunk
            ):
                done.setdefault(str(chat), set()).add(str(entry))
        rendered: dict[tuple[tuple[str, ...], tuple[str, ...]], list[str]] = {}
        messages: list[tuple[str, int, str, str, float]] = []
        traces: list[tuple[str, str, str]] = []
        queued = 0
        for chat, wanted in followed.items():
            entries, hit = matches(new, targets, wanted)
            seen = done.get(chat, set())
            entries = [key for key in entries if key not in seen]
            for start in range(0, len(entries), MAX_PER_ALERT):
                chunk = entries[start : start + MAX_PER_ALERT]
                shape = (tuple(chunk), tuple(hit))
                if shape not in rendered:  # thousands of chats share a few shapes
                    rendered[shape] = compose(chunk, hit)
                post = post_key(f"{ALERT_PREFIX}:{chat}", *chunk)
                messages.extend(
                    (post, part, chat, text, now) for part, text in enumerate(rendered[shape])
                )
                traces.extend((chat, key, post) for key in chunk)
                queued += 1
        # two statements for the whole pass (one round trip each on PostgreSQL's pipeline)
        self._db.executemany(
            "INSERT INTO outbox (post, part, chat_id, thread_id, text, created)"
            " VALUES (?, ?, ?, NULL, ?, ?)",
            messages,
        )
        self._db.executemany(
            "INSERT INTO alerted (chat_id, entry_id, post) VALUES (?, ?, ?)", traces
        )
        return queued

    def entries_of(self, post: str) -> list[str]:
        """The entries an alert announces, in the order it shows them."""
        rows = self._db.execute(
            "SELECT entry_id FROM alerted WHERE post = ? ORDER BY rowid", (post,)
        )
        return [str(row[0]) for row in rows]

    def is_last_part(self, post: str, part: int) -> bool:
        row = self._db.execute("SELECT MAX(part) FROM outbox WHERE post = ?", (post,)).fetchone()
        return row is not None and row[0] == part

    def next_wait(self) -> float | None:
        """As for the channel; when alerts only wait for their chat's gap, a short pause."""
        wait = super().next_wait()
        return None if wait is None else max(wait, PACED_POLL)
