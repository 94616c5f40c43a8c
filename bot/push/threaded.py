"""Run the outbox's blocking SQLite calls in one worker thread, off the event loop.

A lock held by another process (busy_timeout up to 5 s) then pauses the channel push only,
never the answers to users. One thread keeps the connection's calls in sequence.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import ParamSpec, TypeVar

from bot.push.outbox import Outbox

P = ParamSpec("P")
T = TypeVar("T")


class ThreadedOutbox:
    """An :class:`Outbox` whose calls are awaited: ``await store.run(store.outbox.claim)``."""

    def __init__(self, outbox: Outbox) -> None:
        self.outbox = outbox
        self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="outbox")

    async def run(self, call: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        """Run ``call`` (an Outbox method) in the outbox's thread and wait for it."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._thread, functools.partial(call, *args, **kwargs))

    async def close(self) -> None:
        """Close the state file, then end the thread."""
        await self.run(self.outbox.close)
        self.detach()

    def detach(self) -> None:
        """End the thread, leaving the outbox open (its owner closes it)."""
        self._thread.shutdown(wait=False)
