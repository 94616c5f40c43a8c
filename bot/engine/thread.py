"""What one person last asked in one chat, for a few minutes: so « et en 2025 ? » continues it.

Kept in memory only (a restart forgets it, which costs a reader one retyped question); bounded,
oldest forgotten first. The same object serves Telegram and the console.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass

FOLLOW_UP_SECONDS = 600.0
"""How long a question stays open to a follow-up (ten minutes)."""
MOST_THREADS = 10_000
"""People × chats remembered at once; past that the oldest are forgotten."""


@dataclass(frozen=True, slots=True)
class Asked:
    """A question as it was read: the command with ids, and that command as a user types it."""

    data: str
    command: str
    shown: str = ""
    """The passage the answer put on top (a plain question answered by a search): a follow-up
    without a subject (« qui est contre ? ») asks for more than that sentence."""
    lines: tuple[str, ...] = ()
    """The entries of the answer's lines, in order: « et le 2e ? » opens the second."""
    verbs: frozenset[str] = frozenset()
    """The question's verbs (« tenu » in « où s'est tenu le forum ? »): a follow-up going on
    with its words never takes them for its subject (issue 22, C7)."""
    quotes: tuple[str, ...] = ()
    """The quotes the answer showed, in order: a follow-up asking a new detail never gets the
    same quotes again as its answer (issue 22, task i22zk)."""
    typed: str = ""
    """The question as typed: a follow-up's « Compris » line names it in its own spelling
    (« suite de « accord stratégique, 🇺🇸 Washington » », never « strategique »)."""


class Threads:
    """The last question each (chat, person) asked, and when."""

    def __init__(self, seconds: float = FOLLOW_UP_SECONDS, most: int = MOST_THREADS) -> None:
        self._seconds = seconds
        self._most = most
        self._last: OrderedDict[tuple[int, int], tuple[float, Asked]] = OrderedDict()

    def recall(self, chat: int, person: int, now: float) -> Asked | None:
        """The last question of ``person`` in ``chat`` if asked within the window."""
        found = self._last.get((chat, person))
        if found is None or now - found[0] > self._seconds:
            return None
        return found[1]

    def remember(self, chat: int, person: int, now: float, asked: Asked | None) -> None:
        """Keep ``asked`` as the last question (None forgets it: the thread is broken)."""
        key = (chat, person)
        self._last.pop(key, None)
        if asked is None:
            return
        self._last[key] = (now, asked)
        while len(self._last) > self._most:
            self._last.popitem(last=False)
