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
from bot.engine.deals import Deals
from bot.engine.index import Index
from bot.engine.names import NameTable

log = logging.getLogger(__name__)


def build_index(index: Index, *, serving: bool = True) -> Index:
    """Build every lazy table of ``index`` now (full text, listings, the articles' own words,
    the entries' sizes on a page), not on a first command. ``serving`` False (a reload's
    reading process, which only writes the snapshot): the tables no snapshot keeps
    (:meth:`Index.unkept`) are left to the process that reads it and serves."""
    from bot.engine import signing_untold, whole_clauses
    from bot.engine.file_parts import forget
    from bot.engine.fit import prepare
    from bot.engine.seedtext import prepare_seed_search

    prepare_seed_search(index)
    signing_untold.prepare(index)
    if serving:
        whole_clauses.prepare(index)
    built = prepare(index.prepare())
    forget()  # the per-file keys' look-ups hold the base: a replaced one is let go of
    return built


def take_kept_names(index: Index, folder: Path | None) -> bool:
    """Give ``index`` the names table's parts kept in snapshot directory ``folder`` under the
    table's own key (:meth:`bot.engine.names.NameTable.state_key`), when a snapshot kept
    them: a content change that touches no actor's name, near name or topic reads them back
    instead of building them (~0.25 s at ×1000), and the snapshot then refers to that piece
    instead of writing them again. False when nothing usable is kept (then built as usual)."""
    return folder is not None and _take_kept(index.names, folder)


def take_kept_deals(index: Index, folder: Path | None) -> bool:
    """Likewise the agreements table's words, postings and vocabulary
    (:meth:`bot.engine.deals.Deals.state_key`): a change that touches no agreement nor the
    labels and stop words they read takes them back (~0.45 s at ×1000, i25n)."""
    return folder is not None and _take_kept(index.deals, folder)


def take_kept_tables(index: Index, folder: Path | None) -> None:
    """:func:`take_kept_names` and :func:`take_kept_deals`."""
    take_kept_names(index, folder)
    take_kept_deals(index, folder)


def _take_kept(table: NameTable | Deals, folder: Path) -> bool:
    from bot.content.snapshot import kept_piece

    key = table.state_key()
    chunks = kept_piece(folder, key)
    if chunks is None or len(chunks) != 1 or len(chunks[0]) != 1:
        return False
    return table.take_state(chunks[0][0], key)


VALIDATION_CACHE = "validation"
"""Folder of the snapshot directory holding each content file's validation (by its hash)."""
FULLTEXT_CACHE = "fulltext"
"""Folder of the snapshot directory holding each content file's part of the full text."""


def validated_index(
    content_dir: Path, seeds_dir: Path, folder: Path | None = None, *, build: bool = True
) -> Index:
    """Read and validate the content, then index it all; raises ContentError when invalid.

    ``folder``: the snapshot directory, where each file's own validation and its part of the
    full text are kept by content hash (nowhere by default). ``build=False``: the index's
    tables are left to be built on first use (or by :func:`build_index`)."""
    from bot.content.loader import load_factbase  # pydantic, PyYAML, Babel: only to validate

    cache = None if folder is None else folder / VALIDATION_CACHE
    parts = None if folder is None else folder / FULLTEXT_CACHE
    index = Index(load_factbase(content_dir, seeds_dir, cache=cache), parts)
    if build:
        take_kept_tables(index, folder)
    return build_index(index) if build else index


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


_answered = threading.Event()
"""Set by :func:`answered` once a one-shot start printed its answer."""
ANSWER_WAIT = 60.0
"""Seconds the tables of a one-shot start wait for its answer at most (see :func:`answered`)."""


def answered() -> None:
    """Say that the first answer is out: a start that serves first and was told to wait for
    it (``ready_index(…, after_answer=True)``) now builds its remaining tables."""
    _answered.set()


def _write_later(
    folder: Path, key: str, index: Index, after_answer: bool = False, resume_gc: bool = False
) -> None:
    """Build the tables of ``index`` no answer built yet, then write its snapshot; a failure
    is logged, never raised (the bot serves on).

    ``after_answer``: the building waits for :func:`answered` (``ANSWER_WAIT`` at most), so
    that a one-shot answer does not share the processor with it. ``write_snapshot`` writes a
    temporary file and renames it only once complete, its digest in the header: a process
    stopped mid-write leaves no snapshot that loads wrong.

    ``resume_gc``: the start left the cyclic GC paused (as it was while the content was read
    and validated) for the first answers and the tables; it resumes once they are built and
    frozen, as after a start that built everything at once."""
    try:
        if after_answer:
            _answered.wait(ANSWER_WAIT)
        with gc_paused():  # as at start-up: tens of thousands of long-lived objects at once
            build_index(index)  # an answer may build a table at the same time: see ready_index
            gc.freeze()
    except Exception:  # an answer will build what it needs; the snapshot is not written
        log.warning("Tables non construites : la base sera revalidée au démarrage", exc_info=True)
        return
    finally:
        if resume_gc:
            gc.enable()
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
    after_answer: bool = False,
) -> Index:
    """The index the bot serves from; raises ContentError when invalid. Its tables (full
    text included) are built when it is returned, except when serving first (below).

    With a snapshot directory (``SNAPSHOT_DIR``), a matching snapshot of the whole index
    replaces reading, validating and indexing; otherwise the content is validated and
    indexed, and the snapshot written for the next start. The objects built live as long as
    the process: they are frozen afterwards, so GC passes skip them.

    ``serve_first``: after a content change (no matching snapshot), the index is returned
    as soon as the content is validated; its tables are built on first use by the answers
    and all of them by a thread, which then writes the snapshot (at ×1000, tables and
    snapshot are two thirds of such a start). The interpreter waits for that thread before
    it exits, and :func:`wait_for_snapshot` waits for it too. A table an answer needs while
    the thread builds it is built once (``cached_property`` holds a lock per table until
    Python 3.12; from 3.12, both may build it and one copy is kept: the same table either
    way). ``after_answer``: the thread starts building only once :func:`answered` is called
    (a one-shot answer, ``python -m bot ask``).
    """
    global _writing
    wait_for_snapshot()  # a start before the previous one's snapshot was written: in turn
    folder = snapshot_dir(os.environ if env is None else env)
    later: tuple[Path, str] | None = None
    enabled = gc.isenabled()
    gc.disable()  # no cyclic GC while tens of thousands of long-lived objects are created
    try:
        if folder is None:
            index = validated_index(content_dir, seeds_dir)
        else:
            key = snapshot_key(content_dir, seeds_dir, folder)
            cached = read_snapshot(folder, key, Index)
            if cached is not None:
                index = build_index(cached)
            elif serve_first:
                index = validated_index(content_dir, seeds_dir, folder, build=False)
                later = (folder, key)
            else:
                index = validated_index(content_dir, seeds_dir, folder)
                write_snapshot(folder, key, index)
            remember_key(index, key)
        gc.freeze()  # before collections resume (see bot.rebuild._receive)
    finally:
        if enabled and later is None:
            gc.enable()  # else resumed by the thread, once the tables are built too
    if later is not None:
        if after_answer:
            _answered.clear()  # this start's answer, not an earlier one's
        _writing = threading.Thread(
            target=_write_later,
            args=(*later, index, after_answer, enabled),
            name="instantané",
            daemon=False,
        )
        try:
            _writing.start()
        except BaseException:
            if enabled:
                gc.enable()  # no thread to resume collections: resumed here
            raise
    return index
