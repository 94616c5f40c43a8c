"""Keys of the index's table parts kept per content file, computed without reading the file's
entries again.

A content file read under the per-file validation cache comes with its record's key
(:attr:`bot.content.model.FactBase.origins`): it names the file's bytes and name, the code,
the libraries' versions and the limits, hence every field of every object read from it. A
table part built from a file's entries reads those fields and, from the rest of the base,
only names and labels (the actors' names and adjectives, the topics' and agreement kinds'
labels, the home country, the stop words): its key is that record's key, the ids of the
entries in the order the part reads them, and a fingerprint of all those names and labels
(:func:`names_print`). After one changed file, the parts of the other files are found by
their keys in a few milliseconds, where hashing their texts took ~0.4 s at ×1000; a changed
name or label changes every key. Entries not all read from one kept file have no such key
(None): their tables fall back to a hash of their texts, or build afresh.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from typing import Protocol

from bot.content.model import FactBase


class Identified(Protocol):
    """An entry of the base: it has an id."""

    @property
    def id(self) -> str: ...


KEPT_BASES = 4
"""Bases whose look-ups are kept (tests build several)."""

_ORIGINS: list[tuple[FactBase, dict[int, str], str]] = []
"""The look-ups of the last bases asked about (ids only read while their base lives here)."""


def _known(base: FactBase) -> tuple[dict[int, str], str]:
    for held, origins, printed in _ORIGINS:
        if held is base:
            return origins, printed
    origins = {id(item): key for key, items in base.origins for item in items}
    printed = _names_print(base)
    _ORIGINS.append((base, origins, printed))
    del _ORIGINS[:-KEPT_BASES]
    return origins, printed


def forget() -> None:
    """Let go of every look-up (the start-up's and the reload's build calls it once the
    tables are built): a base replaced by a reload is never kept alive by them."""
    _ORIGINS.clear()


def origin_of(base: FactBase) -> Mapping[int, str]:
    """``id()`` of each object the base holds from a kept file → that file's record key.
    The base holds every such object as long as it lives, so no id is ever reused meanwhile."""
    return _known(base)[0]


def names_print(base: FactBase) -> str:
    """A hash of every name and label a table part may read outside its own file's entries:
    each actor's id, name, names and adjectives; the topics' and the agreement kinds' ids and
    labels; the home country; the stop words."""
    return _known(base)[1]


def _names_print(base: FactBase) -> str:
    digest = hashlib.sha256(b"names\0")
    for actor_id in sorted(base.actors):
        actor = base.actors[actor_id]
        said = (actor_id, actor.name, actor.names(), actor.demonyms)
        digest.update(f"{said!r}\1".encode())
    vocabulary = base.vocabulary
    for group in (vocabulary.topics, vocabulary.agreement_kinds):
        digest.update(repr([(term.id, term.label) for term in group]).encode() + b"\2")
    digest.update(f"{vocabulary.home!r}\2{sorted(vocabulary.stop_words)!r}".encode())
    return digest.hexdigest()


def part_key(base: FactBase, what: str, salt: str, entries: Sequence[Identified]) -> str | None:
    """The key of table ``what``'s part built from ``entries`` (all read from one kept
    file), with ``salt`` naming the code: None when they were not."""
    origins, printed = _known(base)
    records = set(map(origins.get, map(id, entries)))
    ids = [entry.id for entry in entries]
    if len(records) != 1 or None in records:
        return None
    (record,) = records
    digest = hashlib.sha256(f"{what}\0{salt}\0{record}\0{printed}\0".encode())
    digest.update("\0".join(ids).encode())
    return digest.hexdigest()


def entry_tokens(base: FactBase, entries: Iterable[Identified]) -> dict[str, str] | None:
    """Entry id → « id, record key » for ``entries``, all read from kept files (None when one
    was not): what a key says of an entry whose fields its record's key names."""
    origins = origin_of(base)
    found: dict[str, str] = {}
    for entry in entries:
        record = origins.get(id(entry))
        if record is None:
            return None
        found[entry.id] = f"{entry.id}\1{record}"
    return found
