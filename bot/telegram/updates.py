"""The kinds of updates the bot asks Telegram for: only those a handler reads."""

from __future__ import annotations

import asyncio

from telegram import Update

ALLOWED_UPDATES = [
    Update.MESSAGE,
    Update.EDITED_MESSAGE,
    Update.CALLBACK_QUERY,
    Update.INLINE_QUERY,
]
"""Messages, edited messages (answered with a note), buttons and inline queries; Telegram
then sends nothing else (no polls, reactions, member changes…)."""


class UpdateQueue(asyncio.Queue[object]):
    """PTB's update queue, with back-pressure.

    With concurrent updates, PTB starts a task for every update it takes from the queue, so
    a burst of thousands of updates became thousands of tasks held in memory at once. Here
    an update is handed out only while fewer than ``in_flight`` are being processed (PTB calls
    ``task_done`` when one is finished), and the queue holds at most ``waiting`` updates:
    when it is full, polling waits, and the rest stays on Telegram's side until fetched
    (getUpdates confirms an update only when the next call asks past it).
    """

    def __init__(self, in_flight: int, waiting: int) -> None:
        super().__init__(maxsize=waiting)
        self._limit = in_flight
        self._taken = 0
        self._freed = asyncio.Event()

    async def get(self) -> object:
        while self._taken >= self._limit:
            self._freed.clear()
            await self._freed.wait()
        item = await super().get()
        self._taken += 1
        return item

    def task_done(self) -> None:
        super().task_done()
        self._taken = max(0, self._taken - 1)
        self._freed.set()
