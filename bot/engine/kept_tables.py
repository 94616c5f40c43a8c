"""Typo tables kept in the index's parts folder under a hash of the words they are built
from: a reload whose words did not change reads them back instead of building them.

The bigram tables of the full text's vocabulary (58,000 words at ×1000) and of the actors'
fuzzy names (27,000) are pure functions of those words, in order: each word's bigram keys,
grouped by word length. Building them took ~0.5 s of every reload's reading process at
×1000, after ONE changed content file as after none — while the vocabulary changes only when
a word enters or leaves the base, the names only when an actor's name does. Each table is
kept as one file of the parts folder, named by a SHA-256 of the code's key, the table's name
and every word (length-prefixed, in order): the same words give the same key, any other
word list another one. A file that is absent, damaged or of another type is built again;
after a write, the table's other files are removed.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

log = logging.getLogger(__name__)
T = TypeVar("T")


def kept_table(
    parts: Path | None, name: str, words: Iterable[str], kind: type[T], build: Callable[[], T]
) -> T:
    """What ``build`` returns for ``words``: read back from ``parts`` under their key, else
    built and kept there (built only, without a parts folder)."""
    if parts is None:
        return build()
    from bot.content.snapshot import code_key, read_snapshot, write_snapshot

    digest = hashlib.sha256(f"{name}\0{code_key()}\0".encode())
    update = digest.update
    batch: list[str] = []
    for word in words:  # hashed by batches: the same bytes as one update per word
        batch.append(f"{len(word)}:{word}")
        if len(batch) == 4096:
            update("".join(batch).encode())
            batch.clear()
    update("".join(batch).encode())
    key = digest.hexdigest()
    suffix = f".{name}"
    found = read_snapshot(parts, key, kind, name=key + suffix)
    if found is not None:
        return found
    built = build()
    if write_snapshot(parts, key, built, name=key + suffix):
        try:
            for path in parts.glob("*" + suffix):
                if path.name != key + suffix:
                    path.unlink(missing_ok=True)
        except OSError as error:
            log.warning("Tables gardées non nettoyées (%s)", error)
    return built
