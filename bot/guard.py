"""Per-user flood guard for groups: past a few commands quickly, one notice, then silence.

Each check costs the same whatever the number of active users: users are kept in the order
they last wrote, so those idle for a whole window are forgotten from the front, a few at each
check, and expired silences likewise (silences all last as long, so they end in the order
they began).
"""

from __future__ import annotations

from collections import OrderedDict, deque
from dataclasses import dataclass, field
from enum import Enum


class Verdict(Enum):
    """What to do with a user's command."""

    ANSWER = "answer"
    NOTICE = "notice"
    """Too many: say so once."""
    SILENCE = "silence"
    """Still too many: ignore until the silence ends."""


Key = tuple[int, int]


@dataclass
class FloodGuard:
    """At most ``limit`` commands per ``window`` seconds per (chat, user); then ``silence``.

    ``now`` must not go backwards from one check to the next (a monotonic clock)."""

    limit: int = 5
    window: float = 30.0
    silence: float = 60.0
    _recent: OrderedDict[Key, deque[float]] = field(default_factory=OrderedDict)
    """Each user's commands still in the window, least recently active user first."""
    _silenced_until: OrderedDict[Key, float] = field(default_factory=OrderedDict)
    """Silenced users and when their silence ends, earliest end first."""

    def check(self, chat_id: int, user_id: int, now: float) -> Verdict:
        """Record a command at ``now`` (seconds, monotonic) and say whether to answer it."""
        self._forget(now)
        key = (chat_id, user_id)
        until = self._silenced_until.get(key)
        if until is not None:
            if now < until:
                return Verdict.SILENCE
            del self._silenced_until[key]
            self._recent.pop(key, None)
        recent = self._recent.get(key)
        if recent is None:
            recent = self._recent[key] = deque()
        else:
            self._recent.move_to_end(key)
            while recent and now - recent[0] > self.window:
                recent.popleft()
        recent.append(now)
        if len(recent) > self.limit:
            self._silenced_until[key] = now + self.silence
            self._silenced_until.move_to_end(key)
            recent.clear()
            return Verdict.NOTICE
        return Verdict.ANSWER

    def _forget(self, now: float) -> None:
        """Drop users idle for a whole window and silences over: only from the front, so a
        check looks at no more entries than it drops, plus one."""
        while self._recent:
            key, times = next(iter(self._recent.items()))
            if times and now - times[-1] <= self.window:
                break
            del self._recent[key]
        while self._silenced_until:
            key, until = next(iter(self._silenced_until.items()))
            if now < until:
                break
            del self._silenced_until[key]

    def tracked(self) -> int:
        """How many (chat, user) pairs the guard holds (active or silenced)."""
        return len(self._recent.keys() | self._silenced_until.keys())
