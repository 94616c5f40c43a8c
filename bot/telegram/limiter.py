"""The bot's rate limiter: Telegram's limits for everything, answers to users first.

:class:`PriorityRateLimiter` is PTB's :class:`AIORateLimiter` (about 30 messages a second for
the whole bot, 20 a minute per group or channel, waits on 429 then retries) with two lanes.
Answers take the limiter as PTB does. A request made inside :func:`alert_lane` (the
subscribers' alerts) goes only when no answer is waiting for the limiter and the bot-wide
bucket still has ``headroom`` free slots once it is taken: alerts fill whatever capacity the
answers leave, and an answer arriving during a batch of alerts finds a slot at once.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable, Coroutine, Iterator
from contextvars import ContextVar
from typing import Any

from telegram._utils.types import JSONDict
from telegram.ext import AIORateLimiter

HEADROOM = 4
"""Slots of the bot-wide bucket alerts always leave free, for answers that arrive meanwhile
(an answer is up to 3 messages)."""
_ALERT: ContextVar[bool] = ContextVar("alert_lane", default=False)


@contextlib.contextmanager
def alert_lane() -> Iterator[None]:
    """Requests made in this block (in this task) are alerts: they yield to answers."""
    token = _ALERT.set(True)
    try:
        yield
    finally:
        _ALERT.reset(token)


def in_alert_lane() -> bool:
    """True inside :func:`alert_lane`."""
    return _ALERT.get()


class PriorityRateLimiter(AIORateLimiter):
    """:class:`AIORateLimiter` where alerts use only the capacity answers leave."""

    def __init__(
        self,
        overall_max_rate: float = 30,
        overall_time_period: float = 1,
        *,
        max_retries: int = 0,
        headroom: int = HEADROOM,
    ) -> None:
        super().__init__(
            overall_max_rate=overall_max_rate,
            overall_time_period=overall_time_period,
            max_retries=max_retries,
        )
        self.headroom = max(0, min(headroom, int(overall_max_rate) - 1))
        self.tick = overall_time_period / max(overall_max_rate, 1)
        """Seconds for one slot to free up: how often a waiting alert looks again."""
        self.waiting_answers = 0
        """Answers waiting for a slot (their request not yet made)."""

    def spare(self) -> bool:
        """True when an alert may go now: no answer waits, and the bucket keeps its headroom."""
        if self.waiting_answers:
            return False
        bucket = self._base_limiter
        return bucket is None or bucket.has_capacity(1 + self.headroom)

    async def _run_request(
        self,
        chat: bool,
        group: str | int | bool,
        allow_paid_broadcast: bool,
        callback: Callable[..., Coroutine[Any, Any, bool | JSONDict | list[JSONDict]]],
        args: Any,  # noqa: ANN401 (as PTB types it)
        kwargs: dict[str, Any],
    ) -> bool | JSONDict | list[JSONDict]:
        """PTB's own order (the group's limit, then the bot's), with the lanes in between:
        an answer counts as waiting only while it waits for the bot-wide bucket (one busy
        group never holds the alerts back); an alert, once its group allows it, waits for
        :meth:`spare`."""
        bucket = self._base_limiter
        if allow_paid_broadcast or not chat or bucket is None:
            return await super()._run_request(
                chat, group, allow_paid_broadcast, callback, args, kwargs
            )
        group_limit: contextlib.AbstractAsyncContextManager[Any] = (
            self._get_group_limiter(group) if group and self._group_max_rate else _no_limit()
        )
        async with group_limit:
            if in_alert_lane():
                while not self.spare():
                    await asyncio.sleep(self.tick)
                await bucket.acquire()
            else:
                self.waiting_answers += 1
                try:
                    await bucket.acquire()
                finally:
                    self.waiting_answers -= 1
            await self._retry_after_event.wait()
            return await callback(*args, **kwargs)


@contextlib.asynccontextmanager
async def _no_limit() -> AsyncIterator[None]:
    yield
