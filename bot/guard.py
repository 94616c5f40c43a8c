"""Per-user flood guard for groups: past a few commands quickly, one notice, then silence."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from enum import Enum


class Verdict(Enum):
    """What to do with a user's command."""

    ANSWER = "answer"
    NOTICE = "notice"
    """Too many: say so once."""
    SILENCE = "silence"
    """Still too many: ignore until the silence ends."""


@dataclass
class FloodGuard:
    """At most ``limit`` commands per ``window`` seconds per (chat, user); then ``silence``."""

    limit: int = 5
    window: float = 30.0
    silence: float = 60.0
    _recent: dict[tuple[int, int], deque[float]] = field(default_factory=dict)
    _silenced_until: dict[tuple[int, int], float] = field(default_factory=dict)

    def check(self, chat_id: int, user_id: int, now: float) -> Verdict:
        """Record a command at ``now`` (seconds, monotonic) and say whether to answer it."""
        key = (chat_id, user_id)
        until = self._silenced_until.get(key)
        if until is not None:
            if now < until:
                return Verdict.SILENCE
            del self._silenced_until[key]
            self._recent.pop(key, None)
        recent = self._recent.setdefault(key, deque())
        while recent and now - recent[0] > self.window:
            recent.popleft()
        recent.append(now)
        if len(recent) > self.limit:
            self._silenced_until[key] = now + self.silence
            recent.clear()
            return Verdict.NOTICE
        if len(self._recent) > 10_000:  # forget idle users so memory stays bounded
            self._forget(now)
        return Verdict.ANSWER

    def _forget(self, now: float) -> None:
        idle = [
            k for k, times in self._recent.items() if not times or now - times[-1] > self.window
        ]
        for key in idle:
            del self._recent[key]
