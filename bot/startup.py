"""Start-up: the validated base (from the snapshot when it matches) and a fully built index."""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from types import MappingProxyType

from bot.content.loader import load_factbase
from bot.content.snapshot import read_snapshot, snapshot_dir, snapshot_key, write_snapshot
from bot.engine.index import Index

FULL_TEXT = "full_text"
"""The snapshot extra holding the full-text postings: the slowest part of a start at ×1000."""


def build_index(index: Index) -> Index:
    """Build every lazy part of ``index`` now (the full text), not on the first /cherche."""
    index.full_text()
    return index


def _plain_full_text(index: Index) -> tuple[dict[str, frozenset[str]], tuple[str, ...]]:
    postings, words = index.full_text()
    return dict(postings), words


def _adopt_full_text(index: Index, cached: object) -> None:
    """Hand the index its full text from the snapshot (same key, so same content and code)."""
    match cached:
        case (dict() as postings, tuple() as words):
            index._text = (MappingProxyType(postings), words)
        case _:
            pass  # absent or unexpected: build_index computes it


@contextmanager
def _gc_paused() -> Iterator[None]:
    """No cyclic GC while tens of thousands of long-lived objects are created at once."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def ready_index(content_dir: Path, seeds_dir: Path, env: Mapping[str, str] | None = None) -> Index:
    """The index the bot serves from, full text included; raises ContentError when invalid.

    With a snapshot directory (``SNAPSHOT_DIR``), a matching snapshot replaces reading,
    validating and the full-text build; otherwise the base is validated and the snapshot
    written for the next start. The objects built live as long as the process: they are
    frozen afterwards, so GC passes skip them.
    """
    folder = snapshot_dir(os.environ if env is None else env)
    with _gc_paused():
        if folder is None:
            index = build_index(Index(load_factbase(content_dir, seeds_dir)))
        else:
            key = snapshot_key(content_dir, seeds_dir)
            cached = read_snapshot(folder, key)
            if cached is not None:
                index = Index(cached.base)
                _adopt_full_text(index, cached.extras.get(FULL_TEXT))
                build_index(index)
            else:
                index = build_index(Index(load_factbase(content_dir, seeds_dir)))
                write_snapshot(folder, key, index.base, {FULL_TEXT: _plain_full_text(index)})
    gc.freeze()
    return index
