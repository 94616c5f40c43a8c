"""Read, validate and index the content in a child process, for a reload (/recharger, SIGHUP).

The serving process never parses YAML while it answers: the child does, under the content
limits (:mod:`bot.content.limits`), and hands back the built index as a snapshot file. Whatever
happens to the child — invalid content, a crash, memory exhausted, a parse that never ends —
the serving process keeps its base and gets a French reason naming the file being read.

The child reuses the per-file validation cache of the snapshot directory (``SNAPSHOT_DIR``,
:mod:`bot.content.filecache`): after one changed file, only that file is parsed and validated.
It also leaves the snapshot of the new base there, so the next restart starts from it; when
nothing changed since that snapshot (same key), it reads nothing and hands that one over. The
serving process reads the child's snapshot in a thread with the cyclic garbage collector
paused, then freezes the new index (as at start-up): collections never walk its objects, and
answers keep their pace while the base is swapped.

Run as ``python -m bot.rebuild CONTENT SEEDS FOLDER`` (by :func:`rebuild_index` only).
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Iterator, Mapping
from pathlib import Path
from types import MappingProxyType

from bot.content.errors import ContentError, ContentIssue
from bot.content.snapshot import (
    Chunks,
    has_snapshot,
    read_snapshot,
    snapshot_dir,
    snapshot_key,
    write_snapshot,
)
from bot.engine.index import Index
from bot.engine.postings import Postings
from bot.paths import PROJECT_ROOT
from bot.startup import (
    FULLTEXT_CACHE,
    VALIDATION_CACHE,
    build_index,
    gc_paused,
    remember_key,
    served_key,
    take_kept_tables,
    wait_for_snapshot,
)

TIMEOUT = 900.0
"""Seconds a rebuild may take before the child is stopped (×1000 takes about 30 s)."""
READING = "fichier : "
"""Prefix of the child's progress lines on stderr: the file it is reading."""
KEY = hashlib.sha256(b"rechargement").hexdigest()
"""The snapshot key between parent and child (a digest, as snapshot keys are)."""
WRITTEN = "instantané : "
"""Prefix of the child's last stdout line when it wrote the bot's own snapshot: key, folder."""
_ISSUES = "issues.pickle"
_INVALID = 3
NICENESS = 10
"""The child yields the processor to the serving process's answers when both want it (at
×1000 it parses and indexes for ~20 s of CPU, a whole core of two)."""


class RebuildError(Exception):
    """The content could not be read at all (not merely invalid); the message is French."""


async def rebuild_index(content_dir: Path, seeds_dir: Path, current: Index | None = None) -> Index:
    """The validated, fully built index of the content, built in a child process.

    ``current`` (the index being served) is returned as it is when the content, seeds and
    code are those it was read or built from (same snapshot key): nothing to decode or swap.
    Raises ContentError when the content is invalid, RebuildError when the child failed.
    """
    import asyncio  # here: the reading process (``python -m bot.rebuild``) never needs it

    # the start's own snapshot, when still being written, first: the child may reuse it,
    # and it never lands over the one the child writes
    await asyncio.to_thread(wait_for_snapshot)
    with tempfile.TemporaryDirectory(prefix="azsec-rechargement-") as folder:
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bot.rebuild",
            str(content_dir),
            str(seeds_dir),
            folder,
            cwd=PROJECT_ROOT,
            stdin=asyncio.subprocess.DEVNULL,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
        try:
            out, err = await asyncio.wait_for(process.communicate(), TIMEOUT)
        except TimeoutError:
            process.kill()
            await process.wait()
            raise RebuildError(f"lecture du contenu trop longue (plus de {TIMEOUT:g} s)") from None
        except BaseException:  # cancelled (the bot stops): the child goes too
            if process.returncode is None:
                process.kill()
                await process.wait()
            raise
        if process.returncode == 0:
            where, key = _written(out.decode("utf-8", "replace"), Path(folder))
            if current is not None and key == served_key(current):
                return current  # nothing changed since it was read: no 170 Mo to decode
            # the served index's pieces, not the index: a thread that still held the index
            # when the swap is done would keep release_index from taking it apart
            known = served_pieces(current)
            index = await asyncio.to_thread(_receive, where, key, known)
            del known
            if index is None:
                raise RebuildError("la base relue n'a pas pu être transmise")
            return index
        if process.returncode == _INVALID:
            issues = await asyncio.to_thread(_read_issues, Path(folder) / _ISSUES)
            raise ContentError(issues)
        raise RebuildError(_crash_reason(process.returncode, err.decode("utf-8", "replace")))


def _written(out: str, folder: Path) -> tuple[Path, str]:
    """Where the child left the index, and under which key: the bot's snapshot directory when
    it could write there (its last stdout line says so), else the temporary folder."""
    lines = out.strip().splitlines()
    if lines and lines[-1].startswith(WRITTEN):
        key, _, where = lines[-1][len(WRITTEN) :].partition(" ")
        return Path(where), key
    return folder, KEY


def served_pieces(current: Index | None) -> dict[str, Chunks] | None:
    """The pieces kept per content file of the served index, by key (see :func:`_receive`)."""
    return None if current is None else dict(current.snapshot_files(hash_seeds=False))


def _receive(folder: Path, key: str, known: Mapping[str, Chunks] | None = None) -> Index | None:
    """The child's index, read with collections paused, then frozen: the serving process
    keeps it as long as the base it replaces, and no later collection walks it.

    The pieces kept per content file that ``known`` holds under the same key (the served
    index's, :func:`served_pieces`) are taken from it instead of being decoded again: the
    same objects, read from the same bytes of the same file by the same code (the key names
    all of it). After one changed file, only that file's piece and the tables are decoded."""
    with gc_paused():
        index = read_snapshot(folder, key, Index, known=known)
        if index is not None:
            build_index(index)  # nothing left to build: the child did it all
            if key != KEY:  # the bot's own snapshot (not the temporary folder's)
                remember_key(index, key)
        # frozen BEFORE collections resume: the millions of objects just decoded all sit in
        # the youngest generation, and the first collection after gc.enable() would walk
        # them in one go, holding the interpreter (1.4 s at ×1000, answers stopped)
        gc.freeze()
    return index


SPLIT = 64
"""A container (tuple, list, set, dict, mapping) at least this long is emptied an item at a
time wherever it sits in the replaced index."""
DEEP = 2
"""Down to this depth (the index's tables, then their items), everything is taken apart."""
BATCH = 256
"""Pieces that are not long containers (strings, short tuples, entries) are let go of this
many at a step: one at a time, the walk cost ~1.3 µs each — 690,000 of them, 0.84 – 0.94 s of
the serving process's CPU to free a received base at ×1000 (issue 25, twelfth pass), the
« supplement » of every reload's second half; a batch frees in C in well under a
millisecond."""
_LEAVES = (str, bytes, int, float, complex, bool, type(None))
_LEAF_TYPES = frozenset(_LEAVES)
_CONTAINERS = (tuple, list, set, frozenset, dict, MappingProxyType)
_CONTAINER_KINDS: dict[type, bool] = {}
"""Type → whether it is one of ``_CONTAINERS`` (or derives from one), as first met."""


def release_index(holder: list[Index]) -> None:
    """Free a replaced index a piece at a time; run in a thread once the new one serves.

    Freeing millions of objects in one go holds the interpreter for its whole length (0.3 s
    to 1 s at ×1000, during which no answer moves): dropping one table drops every entry only
    it still held, and each of their quotes. Here the index is walked instead: each piece is
    held while what it holds is taken out of it, so that it dies alone, and the answering
    loop gets its turn between pieces. Nothing is ever changed in place, save the replaced
    index's own attributes: an index still read by an answer in flight is left whole, and a
    table or an entry shared with anything else is only let go of, freed as usual when its
    last reader lets go."""
    for _ in _pieces(holder):
        pass


def _pieces(holder: list[Index]) -> Iterator[None]:
    """:func:`release_index` a step at a time: each step lets go of one piece."""
    index = holder.pop()
    if sys.getrefcount(index) > 2:  # this name and the call's argument: anyone else reads it
        return
    state = vars(index)
    pending: list[tuple[int, object]] = [(1, value) for value in state.values()]
    state.clear()  # the values are still held by ``pending``: nothing is freed yet
    del index
    while pending:
        depth, value = pending.pop()
        split = depth >= 0 and (depth < DEEP or (_long(value) and not _flat(value)))
        if split and sys.getrefcount(value) == 2:  # ours alone
            pending.extend(_taken_out(value, depth + 1))
        del value  # now frees this piece alone (or a batch): what it held is in ``pending``
        yield


def _taken_out(value: object, depth: int) -> list[tuple[int, object]]:
    """What ``value`` holds, to be let go of: each part still to be taken apart (above
    ``DEEP``, or a long container) alone, the others by batches of ``BATCH`` (depth -1: a
    batch is let go of whole, never walked)."""
    if type(value) is Postings:  # the full text's parts, each walked as the merged mapping was
        return [(DEEP - 1, part) for part in value.held()]
    parts = _parts(value)
    if depth < DEEP:
        return [(depth, part) for part in parts]
    alone: list[tuple[int, object]] = []
    small: list[object] = []
    containers = _CONTAINER_KINDS
    for part in parts:  # 690,000 parts at ×1000: a look-up by type, no isinstance each
        kind = type(part)
        container = containers.get(kind)
        if container is None:
            container = containers[kind] = issubclass(kind, _CONTAINERS)
        if (container and len(part) >= SPLIT) or kind is Postings:  # type: ignore[arg-type]
            alone.append((depth, part))
        else:
            small.append(part)
    del parts
    alone.extend((-1, small[start : start + BATCH]) for start in range(0, len(small), BATCH))
    return alone


def _long(value: object) -> bool:
    return (isinstance(value, _CONTAINERS) and len(value) >= SPLIT) or type(value) is Postings


def _flat(value: object) -> bool:
    """Whether ``value`` (a long container) holds strings and numbers only: freed whole, in
    C, it lets go of nothing but them (a tuple of 10,000 ids: ~0.1 ms). Walked an item at a
    time instead, the full text's 4.6 million references took ~2 s of the serving process
    at ×1000, a thread that competed with the answers for the interpreter during each
    reload that freed a received base (the second reload of ``bench_reload.py``)."""
    if isinstance(value, dict | MappingProxyType):
        kinds = {*map(type, value.keys()), *map(type, value.values())}
    elif isinstance(value, tuple | list | set | frozenset):
        kinds = set(map(type, value))
    else:
        return False
    return kinds <= _LEAF_TYPES


def _parts(value: object) -> list[object]:
    """What ``value`` holds directly (containers' items, objects' attributes), read only."""
    if isinstance(value, _LEAVES):
        return []
    if isinstance(value, dict | MappingProxyType):
        return [*value.keys(), *value.values()]
    if isinstance(value, tuple | list | set | frozenset):
        return list(value)
    parts: list[object] = []
    own = getattr(value, "__dict__", None)
    if isinstance(own, dict):
        parts.extend(own.values())
    for kind in type(value).__mro__:
        slots = kind.__dict__.get("__slots__", ())
        for name in (slots,) if isinstance(slots, str) else slots:
            if name not in ("__dict__", "__weakref__") and hasattr(value, name):
                parts.append(getattr(value, name))
    return parts


def _read_issues(path: Path) -> list[ContentIssue]:
    with path.open("rb") as file:
        found = pickle.load(file)  # written by our own child, in our own temporary folder
    return [issue for issue in found if isinstance(issue, ContentIssue)]


def _crash_reason(code: int | None, stderr: str) -> str:
    files = [line[len(READING) :] for line in stderr.splitlines() if line.startswith(READING)]
    where = f"pendant la lecture de {files[-1]}" if files else "avant la lecture des fichiers"
    how = f"signal {-code}" if code is not None and code < 0 else f"code {code}"
    return f"la lecture du contenu s'est arrêtée {where} ({how})"


def _child(content_dir: Path, seeds_dir: Path, folder: Path) -> int:
    from bot.content.loader import load_factbase

    def reading(name: str) -> None:
        print(f"{READING}{name}", file=sys.stderr, flush=True)

    kept = snapshot_dir(os.environ)  # the bot's own snapshot directory, None when off
    cache = None if kept is None else kept / VALIDATION_CACHE
    key = None if kept is None else snapshot_key(content_dir, seeds_dir, kept)  # before reading
    if kept is not None and key is not None and has_snapshot(kept, key):
        # nothing changed since that snapshot was validated and built: the parent reads it
        print(f"{WRITTEN}{key} {kept}", flush=True)
        return 0
    try:
        with gc_paused():
            factbase = load_factbase(content_dir, seeds_dir, on_file=reading, cache=cache)
            parts = None if kept is None else kept / FULLTEXT_CACHE
            index = Index(factbase, parts)
            index.fulltext.read_parts_on_use()  # the unchanged files' parts: named, not read
            take_kept_tables(index, kept)  # unchanged names, agreements: their kept pieces
            index = build_index(index, serving=False)  # the bot builds what is unkept
    except ContentError as error:
        with (folder / _ISSUES).open("wb") as file:
            pickle.dump(list(error.issues), file)
        return _INVALID
    if kept is not None and key is not None and write_snapshot(kept, key, index):
        # one write serves both: the serving process reads it, the next restart starts from it
        print(f"{WRITTEN}{key} {kept}", flush=True)
        return 0
    return 0 if write_snapshot(folder, KEY, index) else 4


def _lower_priority() -> None:
    """Run at ``nice`` :data:`NICENESS` (where the system has it): answers come first."""
    with contextlib.suppress(OSError, AttributeError):
        os.nice(NICENESS)


def run_child(content_dir: Path, seeds_dir: Path, folder: Path) -> int:
    """The reading child's whole work, with the cyclic garbage collector off from start to
    end: the child lives only to validate, build and hand over one base, then exits
    (``os._exit``), so no collection could ever free anything worth its cost. Collections
    turned back on after the reading walked the millions of objects just built, during the
    tables and the snapshot's write: ~2 s of its CPU at ×1000 (0.6 s at the first one, the
    rest while pickling). ``gc.disable`` is global: only for a process that ends after this
    call (the entry point below, or a test that turns it back on)."""
    gc.disable()
    return _child(content_dir, seeds_dir, folder)


if __name__ == "__main__":
    _lower_priority()
    arguments = [Path(value) for value in sys.argv[1:4]]
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 2000))
    os._exit(run_child(*arguments) if len(arguments) == 3 else 2)
