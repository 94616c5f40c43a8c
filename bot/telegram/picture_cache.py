"""Prepared pictures, kept per served index: what a /carte or /frise sends, built once.

A picture's specification, caption (HTML, split to Telegram's 1,024 characters), buttons and
PNG cache key depend on nothing but the served index and the request (no clock), so the same
request on the same index gets the very same objects: the bot does not select the entries,
render the caption and hash the specification again for every user who asks for the map (at
×1000, 3.9 – 4.5 s of CPU for a map, 0.2 – 0.8 s for a timeline page: built in a thread, off
the answering loop). The cache is emptied whenever another index is served (a reload), and
holds a few requests only.
"""

from __future__ import annotations

import asyncio
import weakref
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass

from telegram import InlineKeyboardMarkup

from bot.engine.index import Index
from bot.engine.pictures import CAPTION_LIMIT, Picture
from bot.engine.reply import Reply
from bot.image.render import key
from bot.render.html import render_html
from bot.telegram.send import keyboard

SIZE = 32
"""Requests kept (a map's or a timeline page's specification and caption: a few kilobytes)."""


@dataclass(frozen=True, slots=True)
class Prepared:
    """A picture ready to send: the caption's first part goes under the photo, ``rest`` (what
    did not fit in 1,024 characters) follows as messages, the buttons under the last one."""

    found: Picture
    caption: str
    rest: tuple[str, ...]
    markup: InlineKeyboardMarkup | None
    digest: str
    """The PNG's cache key (:func:`bot.image.render.key`)."""


def prepare(found: Picture) -> Prepared:
    """``found`` with its caption rendered, its buttons and its PNG key."""
    parts = render_html(found.caption, CAPTION_LIMIT)
    return Prepared(found, parts[0], tuple(parts[1:]), keyboard(found.caption), key(found.spec))


class PictureCache:
    """The last :data:`SIZE` prepared requests of the index being served."""

    def __init__(self, size: int = SIZE) -> None:
        self.size = size
        self._index: weakref.ref[Index] | None = None
        self._kept: OrderedDict[Hashable, Prepared | Reply | None] = OrderedDict()
        self._building: dict[Hashable, asyncio.Future[Prepared | Reply | None]] = {}

    async def get(
        self,
        index: Index,
        request: Hashable,
        make: Callable[[], Picture | Reply | None],
    ) -> Prepared | Reply | None:
        """The prepared picture for ``request`` on ``index``; a Reply (why not, in French) or
        None is kept and returned as it is. When it is not kept, ``make`` builds it in a
        thread: at ×1000 selecting a map's entries takes seconds of CPU, during which the
        answering loop keeps its turns (the interpreter switches threads every 5 ms) instead of
        stopping. The same request asked again meanwhile waits for that one build."""
        if self._index is None or self._index() is not index:
            self._kept.clear()  # another base: nothing kept may be shown from it
            self._building.clear()
            self._index = weakref.ref(index)
        if request in self._kept:
            self._kept.move_to_end(request)
            return self._kept[request]
        building = self._building.get(request)
        if building is None:
            building = asyncio.ensure_future(asyncio.to_thread(_prepared, make))
            self._building[request] = building
        try:
            result = await asyncio.shield(building)
        finally:
            if building.done() and self._building.get(request) is building:
                del self._building[request]
        if self._index() is index:  # still the served base: kept for the next request
            self._kept[request] = result
            while len(self._kept) > self.size:
                self._kept.popitem(last=False)
        return result


def _prepared(make: Callable[[], Picture | Reply | None]) -> Prepared | Reply | None:
    made = make()
    return prepare(made) if isinstance(made, Picture) else made


CACHE = PictureCache()
"""The bot's own (one index served at a time)."""
