"""The kinds of updates the bot asks Telegram for, and how a page of them is fetched: with
back-pressure, and without letting one update the library cannot read stop the bot."""

from __future__ import annotations

import asyncio
import json
import logging
from collections import OrderedDict, deque
from typing import TYPE_CHECKING, Any

from telegram import Update
from telegram.request import BaseRequest, HTTPXRequest, RequestData

if TYPE_CHECKING:  # the type of PTB's optional arguments, for the override's signature
    from telegram._utils.types import ODVInput

log = logging.getLogger(__name__)

ALLOWED_UPDATES = [
    Update.MESSAGE,
    Update.EDITED_MESSAGE,
    Update.CALLBACK_QUERY,
    Update.INLINE_QUERY,
]
"""Messages, edited messages (answered with a note), buttons and inline queries; Telegram
then sends nothing else (no polls, reactions, member changes…)."""


class RecentIds:
    """Update ids seen lately (the last ``size``), to act on each one once."""

    def __init__(self, size: int = 10_000) -> None:
        self._size = size
        self._ids: OrderedDict[int, None] = OrderedDict()

    def first_time(self, update_id: int) -> bool:
        """True the first time ``update_id`` is offered (within the window), then False."""
        if update_id in self._ids:
            return False
        self._ids[update_id] = None
        if len(self._ids) > self._size:
            self._ids.popitem(last=False)
        return True


def readable_updates(payload: bytes, told: RecentIds) -> bytes:
    """A getUpdates answer in which every update the library cannot read is replaced by an
    empty update with the same id (no handler reads it, and polling moves past it).

    Each skipped update is logged once, with its id only: never its sender or its text."""
    try:
        data = json.loads(payload)
        updates = data["result"]
    except (ValueError, KeyError, TypeError):
        return payload  # not a page of updates: the library reports it as usual
    if not isinstance(updates, list):
        return payload
    changed = False
    for position, raw in enumerate(updates):
        try:
            Update.de_json(raw, None)
            continue
        except Exception as error:
            update_id = raw.get("update_id") if isinstance(raw, dict) else None
            if not isinstance(update_id, int):
                return payload  # no id to move past: nothing better to do
            if told.first_time(update_id):
                log.warning(
                    "Mise à jour %d illisible (%s) : ignorée", update_id, type(error).__name__
                )
            updates[position] = {"update_id": update_id}
            changed = True
    return json.dumps(data).encode() if changed else payload


def _sender(item: object) -> tuple[str, int] | None:
    """Whose turn an update takes: its chat (or, for an inline query, its user)."""
    if not isinstance(item, Update):
        return None
    if item.effective_chat is not None:
        return ("chat", item.effective_chat.id)
    if item.effective_user is not None:
        return ("user", item.effective_user.id)
    return None


class FairLanes:
    """The waiting updates, one lane per chat, handed out in turn: one chat's flood waits
    behind everyone else's next update, never the other way round. Within a chat, updates
    keep their order. Anything that is not an update from someone (PTB's stop signal) goes
    after every update, as in a plain queue. The deque methods asyncio.Queue uses."""

    def __init__(self) -> None:
        self._lanes: dict[tuple[str, int], deque[object]] = {}
        self._turns: deque[tuple[str, int]] = deque()
        self._last: deque[object] = deque()
        self._size = 0

    def append(self, item: object) -> None:
        key = _sender(item)
        if key is None:
            self._last.append(item)
        else:
            lane = self._lanes.get(key)
            if lane is None:
                lane = self._lanes[key] = deque()
                self._turns.append(key)
            lane.append(item)
        self._size += 1

    def popleft(self) -> object:
        if not self._turns:
            item = self._last.popleft()
        else:
            key = self._turns.popleft()
            lane = self._lanes[key]
            item = lane.popleft()
            if lane:
                self._turns.append(key)
            else:
                del self._lanes[key]
        self._size -= 1
        return item

    def __len__(self) -> int:
        return self._size

    def __bool__(self) -> bool:
        return self._size > 0


class UpdateQueue(asyncio.Queue[object]):
    """PTB's update queue, with back-pressure and per-chat fairness (:class:`FairLanes`).

    With concurrent updates, PTB starts a task for every update it takes from the queue, so
    a burst of thousands of updates became thousands of tasks held in memory at once. Here
    an update is handed out only while fewer than ``in_flight`` are being processed (PTB calls
    ``task_done`` when one is finished). Putting never waits: an update put is never lost,
    even when the bot stops in the middle of a page of updates (PTB confirms a page to
    Telegram only once all of it is queued, so a put cut short would be fetched and answered
    again). The number waiting is bounded earlier, before fetching: see ``PollingRequest``.
    """

    def _init(self, _maxsize: int) -> None:
        self._queue = FairLanes()  # asyncio.Queue's storage: append, popleft, len

    @property
    def congested(self) -> bool:
        """More updates wait than a quarter of the bound: a flood is being worked through."""
        return self.qsize() >= max(1, self._waiting // 4)

    def __init__(self, in_flight: int, waiting: int) -> None:
        super().__init__()
        self._limit = in_flight
        self._waiting = waiting
        self._taken = 0
        self._freed = asyncio.Event()
        self._drained = asyncio.Event()

    async def get(self) -> object:
        while self._taken >= self._limit:
            self._freed.clear()
            await self._freed.wait()
        item = await super().get()
        self._taken += 1
        if self.qsize() < self._waiting:
            self._drained.set()
        return item

    def task_done(self) -> None:
        super().task_done()
        self._taken = max(0, self._taken - 1)
        self._freed.set()

    async def room(self) -> None:
        """Return once fewer than ``waiting`` updates wait in the queue."""
        while self.qsize() >= self._waiting:
            self._drained.clear()
            await self._drained.wait()


class PollingRequest(HTTPXRequest):
    """The getUpdates client: asks Telegram for more only while ``queue`` has room, so a
    burst stays on Telegram's side (which keeps updates 24 h) instead of in memory. A stop
    that cancels the wait cancels before anything was fetched."""

    def __init__(self, queue: UpdateQueue, **options: Any) -> None:  # noqa: ANN401
        super().__init__(**options)
        self._queue = queue
        self._skipped = RecentIds()

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        write_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        connect_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        pool_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        await self._queue.room()
        code, payload = await super().do_request(
            url, method, request_data, read_timeout, write_timeout, connect_timeout, pool_timeout
        )
        if code == 200 and url.endswith("/getUpdates"):
            payload = readable_updates(payload, self._skipped)
        return code, payload
