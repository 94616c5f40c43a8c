"""Start-up: the validated base (from the snapshot when it matches) and a fully built index."""

from __future__ import annotations

import gc
import os
from collections.abc import Mapping
from pathlib import Path

from bot.content.snapshot import load_base, snapshot_dir
from bot.engine.index import Index


def build_index(index: Index) -> Index:
    """Build every lazy part of ``index`` now (the full text), not on the first /cherche."""
    index.full_text()
    return index


def ready_index(content_dir: Path, seeds_dir: Path, env: Mapping[str, str] | None = None) -> Index:
    """The index the bot serves from, full text included; raises ContentError when invalid.

    The cyclic GC is paused while the tens of thousands of long-lived objects are created,
    and they are frozen afterwards: they live as long as the process, GC passes skip them.
    """
    folder = snapshot_dir(os.environ if env is None else env)
    enabled = gc.isenabled()
    gc.disable()
    try:
        index = build_index(Index(load_base(content_dir, seeds_dir, folder)))
    finally:
        if enabled:
            gc.enable()
    gc.freeze()
    return index
