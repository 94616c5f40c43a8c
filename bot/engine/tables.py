"""What the index's small tables share: built on first use, all at once by ``prepare``."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from functools import cached_property
from types import MappingProxyType
from typing import TypeVar

from bot.content.model import Agreement, Event, Fact

Entry = Event | Agreement | Fact
T = TypeVar("T")


class Table:
    """A table over an immutable base: each of its parts is a ``cached_property``, computed
    on first use and then kept; ``prepare`` computes them all now."""

    def prepare(self) -> None:
        """Compute every part of the table (each ``cached_property`` of its class), so that no
        user's first command pays for it."""
        for owner in reversed(type(self).__mro__):
            for name, member in vars(owner).items():
                if isinstance(member, cached_property):
                    getattr(self, name)


def group_by(items: Iterable[T], keys: Callable[[T], Iterable[str]]) -> Mapping[str, tuple[T, ...]]:
    """Each key → the items that have it, in the items' order (an item once per key)."""
    grouped: dict[str, list[T]] = defaultdict(list)
    for item in items:
        for key in dict.fromkeys(keys(item)):
            grouped[key].append(item)
    return MappingProxyType({key: tuple(value) for key, value in grouped.items()})
