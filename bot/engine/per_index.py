"""Small bounded caches tied to one index: what an answer computes from a sentence and the
index (a sentence's word prefixes) is kept while that index is served, and dropped with it
— never pickled into a snapshot, never read against another base after a reload."""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Generic, TypeVar

from bot.engine.index import Index

T = TypeVar("T")


class PerIndex(Generic[T]):
    """Text → value, for one index at a time (a reload's new index starts afresh), at most
    ``most`` texts (then it starts afresh: a bound, not a ranking)."""

    def __init__(self, most: int) -> None:
        self.most = most
        self._owner: weakref.ref[Index] | None = None
        self._values: dict[str, T] = {}

    def get(self, index: Index, text: str, build: Callable[[], T]) -> T:
        """The value kept for ``text`` under ``index``, built by ``build`` the first time."""
        if self._owner is None or self._owner() is not index:
            self._values = {}
            self._owner = weakref.ref(index)
        values = self._values
        value = values.get(text)
        if value is None:
            if len(values) >= self.most:
                values.clear()
            value = values[text] = build()
        return value
