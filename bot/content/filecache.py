"""Per-file validation results, cached by the file's content hash: one changed file costs one
file's reading and validation, not the whole base's.

What a content file gives on its own — its YAML parsed under the content limits, each entry
validated by its schema — depends only on its bytes, its name (entries are located by it),
the limits and the code and libraries that read it. The cache key is a SHA-256 of exactly
that, the bytes hashed at every load (never a size or a date: an edit of the same size at the
same time still gives a new key). Only a file that gave no problem is cached: a bad file is
read again, and its problems reported afresh, at every load. The checks across files that
read the articles (every quote in its article, titles and dates against the article) are
kept per file too (:mod:`bot.content.checkcache`); the references between files (unique ids,
actors, agreements, vocabulary terms) are looked up on the whole base every time.

Records live in ``validation/`` under the snapshot directory (``SNAPSHOT_DIR``), one file per
content file, each written atomically with its own digest (:mod:`bot.content.snapshot`);
records no longer used by the content are removed after a load. ``python -m bot check``
uses no cache: it validates every file.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.content.limits import ContentLimits
from bot.content.snapshot import code_key, read_snapshot, write_snapshot

log = logging.getLogger(__name__)
SUFFIX = ".entries"


@dataclass(frozen=True, slots=True)
class FileRecord:
    """What one valid content file gave: its entries, by section target, in file order."""

    count: int
    """Entries in the file's list sections, for the CONTENT_MAX_ENTRIES limit."""
    parts: tuple[tuple[str, tuple[Any, ...]], ...]
    """(the loader's target list, the file's entries for it — schema objects, not yet
    located: the loader pairs them with the file's name), in the order they were read."""
    sources: tuple[str, ...]
    """The source ids the file's entries cite, anchor on or define, sorted: what the checks
    against the articles depend on besides the file itself."""

    def __reduce__(self) -> tuple[Any, ...]:
        # a frozen slotted dataclass unpickles through a Python-level __setstate__; a call of
        # the class is one step (the records of a ×1000 base are read at every content change)
        return (FileRecord, (self.count, self.parts, self.sources))


class FileCache:
    """The validation records of one load, under ``folder``."""

    def __init__(self, folder: Path, limits: ContentLimits) -> None:
        self.folder = folder
        self.salt = f"{code_key()}|{limits!r}".encode()
        self.used: set[str] = set()

    def key(self, name: str, data: bytes) -> str:
        """The record's key: the code, the limits, the file's name and its bytes."""
        digest = hashlib.sha256(self.salt)
        digest.update(f"\0{name}\0".encode())
        digest.update(hashlib.sha256(data).digest())
        return digest.hexdigest()

    def get(self, key: str) -> FileRecord | None:
        """The record stored for ``key``, None when absent or unusable."""
        self.used.add(key)
        return read_snapshot(self.folder, key, FileRecord, name=key + SUFFIX)

    def put(self, key: str, record: FileRecord) -> None:
        """Store ``record`` (a disk that refuses only costs a validation next time)."""
        self.used.add(key)
        write_snapshot(self.folder, key, record, name=key + SUFFIX)

    def prune(self) -> None:
        """Remove the records this load did not use (content since edited or removed)."""
        prune_unused(self.folder, SUFFIX, self.used, "Cache de validation non nettoyé (%s)")


def prune_unused(folder: Path, suffix: str, used: set[str], warning: str) -> None:
    """Remove the files of ``folder`` ending in ``suffix`` whose key a load did not use; a
    folder that cannot be cleaned is logged (``warning`` with the error), never fatal."""
    try:
        for path in folder.glob("*" + suffix):
            if path.name[: -len(suffix)] not in used:
                path.unlink(missing_ok=True)
    except OSError as error:
        log.warning(warning, error)
