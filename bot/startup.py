"""Start-up: the validated base and its fully built index, from the snapshot when it matches.

Answering needs neither pydantic nor Babel nor the YAML reader: they are imported only when
the content has to be read and validated (no snapshot, or a stale one).
"""

from __future__ import annotations

import gc
import logging
import os
import threading
import weakref
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from bot.content.snapshot import (
    read_snapshot,
    remove_leftovers,
    snapshot_dir,
    snapshot_key,
    write_snapshot,
)
from bot.engine.index import Index

log = logging.getLogger(__name__)


def build_index(index: Index) -> Index:
    """Build every lazy table of ``index`` now (full text, listings, the articles' own words,
    the entries' sizes on a page), not on a first command."""
    from bot.engine.fit import prepare
    from bot.engine.seedtext import prepare_seed_search

    prepare_seed_search(index)
    return prepare(index.prepare())


VALIDATION_CACHE = "validation"
"""Folder of the snapshot directory holding each content file's validation (by its hash)."""
FULLTEXT_CACHE = "fulltext"
"""Folder of the snapshot directory holding each content file's part of the full text."""


def validated_index(content_dir: Path, seeds_dir: Path, folder: Path | None = None) -> Index:
    """Read and validate the content, then index it all; raises ContentError when invalid.

    ``folder``: the snapshot directory, where each file's own validation and its part of the
    full text are kept by content hash (nowhere by default)."""
    from bot.content.loader import load_factbase  # pydantic, PyYAML, Babel: only to validate

    cache = None if folder is None else folder / VALIDATION_CACHE
    parts = None if folder is None else folder / FULLTEXT_CACHE
    return build_index(Index(load_factbase(content_dir, seeds_dir, cache=cache), parts))


@contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic GC while tens of thousands of long-lived objects are created at once."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


_served: tuple[weakref.ref[Index], str] | None = None


def remember_key(index: Index, key: str) -> None:
    """Note that ``index`` is the content under snapshot ``key`` (the last one noted)."""
    global _served
    _served = (weakref.ref(index), key)


def served_key(index: Index) -> str | None:
    """The snapshot key ``index`` was read or built under, when it is the last one noted:
    a reload that finds the same key has nothing to swap."""
    if _served is None or _served[0]() is not index:
        return None
    return _served[1]


_writing: threading.Thread | None = None
"""The snapshot being written after a start that served first (see :func:`ready_index`)."""


WRITE_ATTEMPTS = 3
"""Writes tried after a start that served first (see :func:`_write_later`)."""


def _write_later(folder: Path, key: str, index: Index) -> None:
    """Write the snapshot of ``index``; a failure is logged, never raised (the bot serves on).

    ``write_snapshot`` writes a temporary file and renames it only once complete, its digest
    in the header: a process stopped mid-write leaves no snapshot that loads wrong."""
    try:
        removed = remove_leftovers(folder)  # a bot killed while writing left its file
        if removed:
            log.info("Instantanés inachevés supprimés : %d", removed)
        for attempt in range(1, WRITE_ATTEMPTS + 1):
            try:
                write_snapshot(folder, key, index)
                return
            except RuntimeError:
                # a table built on demand by a command while pickle walked it (« dictionary
                # changed size »): built now, the next attempt finds it complete
                if attempt == WRITE_ATTEMPTS:
                    raise
    except Exception:  # whatever stops the write, the next start revalidates
        log.warning("Instantané non écrit : la base sera revalidée au démarrage", exc_info=True)


def wait_for_snapshot() -> None:
    """Return once the snapshot a start left to write is on disk (at once when none is)."""
    writing = _writing
    if writing is not None:
        writing.join()


def ready_index(
    content_dir: Path,
    seeds_dir: Path,
    env: Mapping[str, str] | None = None,
    *,
    serve_first: bool = False,
) -> Index:
    """The index the bot serves from, full text included; raises ContentError when invalid.

    With a snapshot directory (``SNAPSHOT_DIR``), a matching snapshot of the whole index
    replaces reading, validating and indexing; otherwise the content is validated and
    indexed, and the snapshot written for the next start. The objects built live as long as
    the process: they are frozen afterwards, so GC passes skip them.

    ``serve_first``: the snapshot is written by a thread after the index is returned (a
    third of a start after a content change at ×1000), not before; the interpreter waits
    for that thread before it exits, and :func:`wait_for_snapshot` waits for it too.
    """
    global _writing
    wait_for_snapshot()  # a start before the previous one's snapshot was written: in turn
    folder = snapshot_dir(os.environ if env is None else env)
    later: tuple[Path, str] | None = None
    with gc_paused():
        if folder is None:
            index = validated_index(content_dir, seeds_dir)
        else:
            key = snapshot_key(content_dir, seeds_dir, folder)
            cached = read_snapshot(folder, key, Index)
            if cached is not None:
                index = build_index(cached)
            else:
                index = validated_index(content_dir, seeds_dir, folder)
                if serve_first:
                    later = (folder, key)
                else:
                    write_snapshot(folder, key, index)
            remember_key(index, key)
        gc.freeze()  # before collections resume (see bot.rebuild._receive)
    if later is not None:
        _writing = threading.Thread(
            target=_write_later, args=(*later, index), name="instantané", daemon=False
        )
        _writing.start()
    return index
