"""A validated fact base, with its index, cached on disk: a restart skips reading,
validating and indexing it.

The snapshot is keyed by a hash of every file of ``content/`` and ``seeds/``, of the bot's own
code and of the versions of Python and of the libraries that shape the base (pydantic
validates it, Babel names its countries, PyYAML reads it): any edit, any new version, gives a
new key and the base is loaded, validated and indexed again.

Computing that key does not re-read every file at each start. A manifest kept next to the
snapshot (``files.manifest``) records, for each file, its SHA-256 and what ``stat`` said of it
when it was hashed: size, modification time, change time and inode, to the nanosecond. A file
whose four values are unchanged keeps its recorded hash; any other file is hashed again (an
edit always moves the change time, which no program can set back — ``touch -r`` and
``cp -p`` restore the modification time only). A file whose times fall within
``RACY_SECONDS`` of the moment its hash was recorded is hashed again anyway: it may have been
edited again within the same tick of the file system's clock, size unchanged (git calls such
entries « racily clean »). So a same-size edit with the same modification time is still seen;
only someone who turns the system clock back, or edits the disk behind the file system, could
go unseen — and a manifest that does not decode, or was written for other folders, is ignored.

A snapshot is never trusted blindly: one that is unreadable, truncated, altered (its SHA-256
digest is stored with it and checked while it is read), built for another key or holding
something else is ignored and rebuilt. It is read as a stream, never copied whole into
memory. Writing is atomic (temporary file, then rename) and optional: on a read-only disk the
bot validates at every start.

The snapshot directory is a setting (``SNAPSHOT_DIR``, default ``data/cache/`` under the
project, which git ignores; ``off`` disables the cache). The file is a pickle, read only from
that directory, which the bot itself writes: whoever can write there can also change the code.
"""

from __future__ import annotations

import copyreg
import dataclasses
import hashlib
import json
import logging
import os
import pickle
import platform
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from functools import partial
from importlib import metadata
from operator import attrgetter
from pathlib import Path
from types import MappingProxyType
from typing import IO, Any, TypeVar

from bot.paths import PROJECT_ROOT

log = logging.getLogger(__name__)
T = TypeVar("T")

SNAPSHOT_VARIABLE = "SNAPSHOT_DIR"
DEFAULT_SNAPSHOT_DIR = PROJECT_ROOT / "data" / "cache"
FORMAT = b"azsec-base-snapshot/4\n"
_CODE_DIR = Path(__file__).resolve().parent.parent
"""The ``bot`` package: its code is part of the key (validation rules, models, pickling)."""
LIBRARIES = ("pydantic", "babel", "pyyaml")
"""Libraries whose version is part of the key: they validate, name and read the base."""


def snapshot_dir(env: Mapping[str, str]) -> Path | None:
    """Where snapshots go: ``SNAPSHOT_DIR``, ``data/cache/`` by default, None when ``off``."""
    value = env.get(SNAPSHOT_VARIABLE, "").strip()
    if value.lower() in ("off", "non", "0", "false"):
        return None
    return Path(value) if value else DEFAULT_SNAPSHOT_DIR


def _files(folder: Path, pattern: str) -> Iterator[Path]:
    return iter(sorted(path for path in folder.rglob(pattern) if path.is_file()))


MANIFEST = "files.manifest"
"""File of the snapshot folder holding each file's hash and ``stat`` signature."""
RACY_SECONDS = 2.0
"""A file changed less than this before its hash was recorded is hashed again at each start
(coarse file-system clocks: 2 s on FAT, about 10 ms elsewhere)."""
_HASHED = 1 << 20


def _listing(folder: Path, suffix: str) -> list[tuple[str, str, list[int]]]:
    """Every file under ``folder`` whose name ends with ``suffix``, sorted by relative name:
    (relative name, path, stat signature — size, mtime, ctime, inode, in nanoseconds), one
    ``stat`` per file."""
    found: list[tuple[str, str, list[int]]] = []
    pending = [("", str(folder))]
    while pending:
        prefix, where = pending.pop()
        try:
            entries = list(os.scandir(where))
        except FileNotFoundError:
            continue
        for entry in entries:
            if entry.is_dir():
                pending.append((f"{prefix}{entry.name}/", entry.path))
            elif entry.name.endswith(suffix) and entry.is_file():
                stat = entry.stat()
                signature = [stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino]
                found.append((prefix + entry.name, entry.path, signature))
    found.sort()
    return found


def _file_hash(path: Path) -> str:
    with path.open("rb") as file:
        return hashlib.file_digest(file, "sha256").hexdigest()


def _read_manifest(folder: Path, roots: list[str]) -> tuple[dict[str, Any], int]:
    """The recorded files (name → {"stat", "sha256"}) and when they were hashed, if the
    manifest is readable and was written for these same folders; else nothing."""
    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        if data["roots"] != roots:
            return {}, 0
        files, stamp = data["files"], data["stamp"]
        if isinstance(files, dict) and isinstance(stamp, int):
            return files, stamp
    except (OSError, ValueError, KeyError, TypeError):
        pass
    return {}, 0


def _write_manifest(folder: Path, roots: list[str], files: dict[str, Any], stamp: int) -> None:
    text = json.dumps({"roots": roots, "stamp": stamp, "files": files}, separators=(",", ":"))
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".files-", suffix=".tmp")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(text)
            os.replace(temporary, folder / MANIFEST)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as error:
        log.warning("Manifeste des fichiers non écrit (%s) : ils seront hachés au démarrage", error)


def _versions() -> str:
    versions = [sys.version, platform.python_implementation()]
    versions += [f"{name}={_version(name)}" for name in LIBRARIES]
    versions.append(f"pystemmer={stemmer_version()}")  # the articles' stem table, read as is
    return "|".join(versions)


_code_keys: dict[Path, str] = {}


def code_key() -> str:
    """SHA-256 of the bot's code and of the versions that shape what it reads (the key of the
    per-file validation cache, with each file's own hash). Computed once per process (~25 ms,
    asked by each cache of a load): the code a process runs is the code it imported, even if
    a file is edited on disk meanwhile."""
    found = _code_keys.get(_CODE_DIR)
    if found is None:
        found = _code_keys[_CODE_DIR] = _code_key()
    return found


def _code_key() -> str:
    digest = hashlib.sha256(FORMAT)
    digest.update(_versions().encode())
    for path in _files(_CODE_DIR, "*.py"):
        digest.update(f"\0{path.relative_to(_CODE_DIR).as_posix()}\0".encode())
        digest.update(bytes.fromhex(_file_hash(path)))
    return digest.hexdigest()


def snapshot_key(content_dir: Path, seeds_dir: Path, folder: Path | None = None) -> str:
    """SHA-256 of the content, the seeds, the bot's code and the versions that shape a pickle.

    With ``folder`` (the snapshot's), a file whose ``stat`` signature matches the manifest
    there keeps its recorded hash instead of being read (see the module's docstring for the
    rule); the manifest is updated when a file had to be hashed. Without it, every file is
    hashed. The key is the same either way."""
    digest = hashlib.sha256(FORMAT)
    digest.update(_versions().encode())
    folders = (("content", content_dir, ""), ("seeds", seeds_dir, ""), ("code", _CODE_DIR, ".py"))
    roots = [str(path.resolve()) for _label, path, _suffix in folders]
    known, stamp = _read_manifest(folder, roots) if folder is not None else ({}, 0)
    racy_after = stamp - int(RACY_SECONDS * 1e9)
    now = time.time_ns()
    files: dict[str, Any] = {}
    hashed = False
    for label, base, suffix in folders:
        for relative, path, signature in _listing(base, suffix):
            name = f"{label}/{relative}"
            sha = _unchanged(known.get(name), signature, racy_after)
            if sha is None:
                sha, hashed = _file_hash(Path(path)), True
            files[name] = {"stat": signature, "sha256": sha}
            digest.update(f"\0{name}\0{sha}\0".encode())
    if folder is not None and (hashed or files.keys() != known.keys()):
        _write_manifest(folder, roots, files, now)
    return digest.hexdigest()


def _unchanged(recorded: object, signature: list[int], racy_after: int) -> str | None:
    """The hash ``recorded`` in the manifest for a file whose ``stat`` now gives
    ``signature``, when the rule of the module's docstring lets it stand; else None."""
    if (
        isinstance(recorded, dict)
        and recorded.get("stat") == signature
        and max(signature[1], signature[2]) < racy_after
        and isinstance(recorded.get("sha256"), str)
    ):
        return str(recorded["sha256"])
    return None


def seed_hashes(folder: Path, content_dir: Path, seeds_dir: Path) -> dict[str, str]:
    """The SHA-256 of each file of ``seeds_dir`` (by its name there) that the manifest of
    ``folder`` still vouches for, by the same rule as :func:`snapshot_key` — which, run just
    before, recorded them all: a file that rule does not let stand is left out (the caller
    reads it). Nothing when the manifest is absent or written for other folders."""
    roots = [str(path.resolve()) for path in (content_dir, seeds_dir, _CODE_DIR)]
    known, stamp = _read_manifest(folder, roots)
    racy_after = stamp - int(RACY_SECONDS * 1e9)
    found: dict[str, str] = {}
    if not known:
        return found
    for relative, _path, signature in _listing(seeds_dir, ""):
        sha = _unchanged(known.get(f"seeds/{relative}"), signature, racy_after)
        if sha is not None:
            found[relative] = sha
    return found


def stemmer_version() -> str:
    """PyStemmer's own version string: the stems kept in a snapshot depend on it (read from
    the module, which the answers import anyway, not from the slower package metadata)."""
    import Stemmer

    return str(Stemmer.version())


def _version(library: str) -> str:
    try:
        return metadata.version(library)
    except metadata.PackageNotFoundError:
        return "absent"


def _proxy(mapping: dict[Any, Any]) -> MappingProxyType[Any, Any]:
    """Rebuilds a read-only mapping when a snapshot is read (they cannot be pickled as such)."""
    return MappingProxyType(mapping)


_reading = threading.local()
"""The pieces already read by the snapshot being read in this thread (see :func:`_piece`)."""


def _piece(number: int, position: int) -> object:
    """An object of a piece read earlier in the same snapshot (pickled as a reference)."""
    pieces: list[tuple[object, ...]] = _reading.pieces
    return pieces[number][position]


class _Pickler(pickle.Pickler):
    """Pickles read-only mappings as their contents, to be wrapped again by ``_proxy``, and
    the objects of the pieces already written as references to them (``placed``: the id of
    each such object → its piece and its position there; ``kinds``: their types). Both go
    through the pickler's dispatch table, type by type: only read-only mappings and objects
    of those types call back into Python, while tuples, dicts, sets and strings are written
    in C (a ``reducer_override`` was called for every container: ~0.25 s of a ×1000
    snapshot's write)."""

    def __init__(
        self,
        file: Any,  # noqa: ANN401
        placed: dict[int, tuple[int, int]] | None = None,
        kinds: set[type] | frozenset[type] = frozenset(),
        by_fields: tuple[type, ...] = (),
    ) -> None:
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self.placed = {} if placed is None else placed
        table: dict[type, Callable[[Any], Any]] = dict(copyreg.dispatch_table)
        table[MappingProxyType] = _reduce_proxy
        for kind in by_fields:
            table[kind] = partial(_reduce_by_fields, kind, _fields_of(kind))
        for kind in kinds:
            table[kind] = self._reduce_placed
        self.dispatch_table = table

    def _reduce_placed(self, obj: Any) -> Any:  # noqa: ANN401 (pickle's own signature)
        where = self.placed.get(id(obj))
        if where is not None:
            return _piece, where
        if type(obj) is MappingProxyType:  # a piece may be one (a table pickled apart)
            return _reduce_proxy(obj)
        return obj.__reduce_ex__(pickle.HIGHEST_PROTOCOL)


def _fields_of(kind: type) -> Callable[[Any], tuple[Any, ...]]:
    """The values of ``kind``'s fields, in order, as a tuple (read in C)."""
    names = [field.name for field in dataclasses.fields(kind)]
    if len(names) < 2 or any(not field.init for field in dataclasses.fields(kind)):
        raise TypeError(f"{kind.__name__} : pas un dataclass à plusieurs champs d'init")
    return attrgetter(*names)


def _reduce_by_fields(
    kind: type, values: Callable[[Any], tuple[Any, ...]], obj: object
) -> tuple[Any, ...]:
    """A frozen dataclass with slots written as a call of its class on its fields' values:
    read back by its own ``__init__`` (four attributes set), where the default pickling
    of such a class goes through ``__getstate__`` and ``__setstate__``, which list its
    fields each time (~4.6 µs an object in profile: 50,000 timeline lines and date spans
    at ×1000, ~0.1 s of the serving process's read of a new base)."""
    return kind, values(obj)


def _reduce_proxy(obj: MappingProxyType[Any, Any]) -> tuple[Any, ...]:
    copied = obj.copy()  # the dict underneath copied whole (``dict(obj)`` reads key by key)
    return _proxy, (copied if type(copied) is dict else dict(copied),)


PIECES = "pieces"
"""Folder of the snapshot directory holding the pieces kept per content file (see
:func:`_dump`), each ``KEY.piece``: the key of that file's validation record."""
PIECE_SUFFIX = ".piece"
Chunks = list[tuple[object, ...]]
"""A piece kept per content file: its objects a few thousand at a time."""


class _Chunks:
    """The value of a piece file: its chunks, written and read as the pieces of the file
    (each by a decoder of its own); the value itself pickles as a call that gathers them."""

    def __init__(self, chunks: Chunks, by_fields: tuple[type, ...] = ()) -> None:
        self.chunks = chunks
        self.by_fields = by_fields

    def snapshot_pieces(self) -> Chunks:
        return self.chunks

    def snapshot_by_fields(self) -> tuple[type, ...]:
        return self.by_fields

    def __reduce__(self) -> tuple[Any, ...]:
        return _gathered, ()


def _gathered() -> _Chunks:
    """The chunks read so far from the piece file being read (its value's pickle)."""
    return _Chunks(list(_reading.pieces))


def _piece_path(folder: Path, key: str) -> Path:
    return folder / PIECES / f"{key}{PIECE_SUFFIX}"


def _keep_piece(folder: Path, key: str, chunks: Chunks, by_fields: tuple[type, ...] = ()) -> None:
    """Write the piece kept under ``key`` unless it is on disk already: written once, then
    reused by every snapshot of a base holding that file as it is (its objects follow from
    the key alone: see :attr:`bot.content.model.FactBase.origins`)."""
    path = _piece_path(folder, key)
    if path.is_file():
        return
    if not write_snapshot(path.parent, key, _Chunks(chunks, by_fields), name=path.name):
        raise OSError(f"morceau {path.name} non écrit")


def _read_piece(folder: Path | None, key: str) -> Chunks | None:
    """The piece kept under ``key``, None when absent or unusable (then deleted: it would
    otherwise be taken as written by the next snapshot, which would never load)."""
    if folder is None:
        return None
    path = _piece_path(folder, key)
    found = read_snapshot(path.parent, key, _Chunks, name=path.name)
    if found is None:
        path.unlink(missing_ok=True)
        return None
    return found.chunks


def kept_piece(folder: Path, key: str) -> Chunks | None:
    """The piece ``folder``'s snapshots keep under ``key`` (:func:`_keep_piece`), None when
    absent or unusable: a reading process takes a table kept whole there (the names
    table's parts, :meth:`bot.engine.names.NameTable.state`) instead of building it."""
    try:
        return _read_piece(folder, key)
    except OSError:  # a folder that is no folder (or unreadable): built as usual
        return None


def prune_pieces(folder: Path, used: set[str]) -> None:
    """Remove the pieces no snapshot of ``folder`` uses any more (their file was edited or
    removed since); a piece another process still reads is only missed by it: its snapshot
    is then ignored and the base revalidated, never read wrong."""
    try:
        for path in (folder / PIECES).glob("*" + PIECE_SUFFIX):
            if path.name[: -len(PIECE_SUFFIX)] not in used:
                path.unlink(missing_ok=True)
    except OSError as error:
        log.warning("Morceaux de l'instantané non nettoyés (%s)", error)


def _dump(
    out: IO[bytes] | _HashingWriter, value: object, folder: Path | None = None
) -> tuple[str, ...] | None:
    """``value`` pickled to ``out`` as its header, its pieces, then itself.

    A value with a ``snapshot_pieces()`` method (the index) is written in pieces: each piece
    (a tuple of objects: a few thousand entries) is a pickle of its own, and the objects of
    the pieces are referenced, not repeated, by the later ones. Each pickle is read by its own
    decoder, whose table of what it decoded (one slot per object) is let go of at its end,
    holding the interpreter while it does: a few milliseconds for a piece, against 0.14 –
    0.25 s for a whole ×1000 index read in one pickle — a stop of the answering loop when a
    reload hands over the new base (issue 25). A value with a ``snapshot_apart()`` method
    too (the index) adds the pieces it returns after those: large tables of plain data
    (strings, tuples), each pickled by a decoder of its own and referenced by the value as
    the objects of the pieces are (a read-only mapping among them too). A value with a
    ``snapshot_by_fields()`` method names frozen dataclasses written, everywhere in it and in
    its pieces, as a call of their class on their fields (:func:`_reduce_by_fields`).

    A value with a ``snapshot_files()`` method too (the index of a base read under the
    per-file cache) names first the pieces kept per content file, by key, in ``folder``'s
    ``pieces/``: each is written there once (:func:`_keep_piece`), and only its key goes in
    the snapshot. After one changed file, a snapshot writes that file's piece and the
    tables, not the whole base; the header is then (count of pieces, ((key, lengths of its
    chunks), …)), and a reader takes a piece only if its chunks have those lengths. Returns
    the keys (None for a value without ``snapshot_files``)."""
    typed = getattr(value, "snapshot_by_fields", None)
    by_fields: tuple[type, ...] = () if typed is None else typed()
    files_of = getattr(value, "snapshot_files", None)
    files: list[tuple[str, Chunks]] = [] if files_of is None or folder is None else files_of()
    method = getattr(value, "snapshot_pieces", None)
    pieces: Chunks = [] if method is None else list(method())
    apart = getattr(value, "snapshot_apart", None)
    if apart is not None:  # large tables of plain data, each a pickle of its own
        pieces.extend(apart())
    placed: dict[int, tuple[int, int]] = {}
    kinds: set[type] = set()
    number = 0
    for key, chunks in files:
        _keep_piece(folder, key, chunks, by_fields)  # type: ignore[arg-type]  # folder is set
        for chunk in chunks:
            kinds.update(map(type, chunk))
            for position, item in enumerate(chunk):
                placed.setdefault(id(item), (number, position))
            number += 1
    header: object = len(pieces)
    if files:  # each kept piece's key and the length of each of its chunks, checked on reading
        shapes = tuple((key, tuple(len(chunk) for chunk in chunks)) for key, chunks in files)
        header = (len(pieces), shapes)
    _Pickler(out).dump(header)
    for piece in pieces:
        _Pickler(out, placed, kinds, by_fields).dump(piece)
        kinds.update(map(type, piece))
        for position, item in enumerate(piece):
            placed.setdefault(id(item), (number, position))
        number += 1
    _Pickler(out, placed, kinds, by_fields).dump(value)
    return None if files_of is None else tuple(key for key, _ in files)


def _load(
    reader: _HashingReader, folder: Path | None = None, known: Mapping[str, Chunks] | None = None
) -> object:
    """What :func:`_dump` wrote: the pieces first, each by a decoder of its own; the pieces
    kept per content file are taken from ``known`` (a served base's, the same objects for the
    same key) or read from ``folder``'s ``pieces/``."""
    count, shapes = _header(pickle.load(reader))
    pieces: list[tuple[object, ...]] = []
    for key, lengths in shapes:
        chunks = None if known is None else known.get(key)
        if chunks is None or _lengths(chunks) != lengths:  # the served ones cut otherwise
            chunks = _read_piece(folder, key)
        if chunks is None or _lengths(chunks) != lengths:
            raise pickle.UnpicklingError(f"morceau {key[:12]}… absent ou illisible")
        pieces.extend(chunks)
    before = getattr(_reading, "pieces", None)
    _reading.pieces = pieces
    try:
        for _ in range(count):
            piece = pickle.load(reader)
            if not isinstance(piece, tuple):
                raise pickle.UnpicklingError("morceau illisible")
            pieces.append(piece)
        return pickle.load(reader)
    finally:
        _reading.pieces = before


def _header(found: object) -> tuple[int, list[tuple[str, tuple[int, ...]]]]:
    """The first pickle of a snapshot: its count of pieces, and the pieces kept per content
    file it names (key, lengths of the chunks); raises when it is anything else."""
    shapes: object = ()
    if isinstance(found, tuple) and len(found) == 2:
        found, shapes = found
    named: list[tuple[str, tuple[int, ...]]] = []
    for shape in shapes if isinstance(shapes, tuple) else (None,):
        if not (isinstance(shape, tuple) and len(shape) == 2 and isinstance(shape[0], str)):
            raise pickle.UnpicklingError("morceaux nommés illisibles")
        key, lengths = shape
        if not (isinstance(lengths, tuple) and all(isinstance(n, int) for n in lengths)):
            raise pickle.UnpicklingError("morceaux nommés illisibles")
        named.append((key, lengths))
    if not isinstance(found, int) or isinstance(found, bool) or found < 0:
        raise pickle.UnpicklingError("nombre de morceaux illisible")
    return found, named


def _lengths(chunks: Chunks) -> tuple[int, ...]:
    return tuple(len(chunk) for chunk in chunks)


class _HashingWriter:
    """The snapshot file as pickle writes it, hashed as it goes (no copy of the payload)."""

    def __init__(self, file: IO[bytes]) -> None:
        self.file = file
        self.digest = hashlib.sha256()

    def write(self, data: bytes | memoryview) -> int:
        self.digest.update(data)
        return self.file.write(data)


SNAPSHOT_NAME = "base.snapshot"


def has_snapshot(folder: Path, key: str) -> bool:
    """Whether the snapshot in ``folder`` says it was built for ``key`` and the pieces it
    names are on disk (its header and first pickle only; the digests are checked when it is
    read)."""
    expected = FORMAT + key.encode() + b"\n"
    try:
        with (folder / SNAPSHOT_NAME).open("rb") as file:
            if file.read(len(expected)) != expected:
                return False
            file.read(65)  # the payload's digest and its line break
            header = pickle.load(file)  # a count, or (count, pieces named): a few kilobytes
        _count, shapes = _header(header)
    except Exception:  # unreadable: not a snapshot to hand over
        return False
    return all(_piece_path(folder, key).is_file() for key, _lengths in shapes)


class _HashingReader:
    """A file read by pickle, hashed as it goes: one pass, no copy of the whole payload."""

    def __init__(self, file: IO[bytes]) -> None:
        self.file = file
        self.digest = hashlib.sha256()

    def read(self, size: int = -1) -> bytes:
        data = self.file.read(size)
        self.digest.update(data)
        return data

    def readline(self) -> bytes:
        data = self.file.readline()
        self.digest.update(data)
        return data

    def readinto(self, buffer: bytearray | memoryview) -> int:
        size = self.file.readinto(buffer)  # type: ignore[attr-defined]
        self.digest.update(memoryview(buffer)[:size])
        return int(size)

    def finish(self) -> str:
        """The digest of the whole file, whatever pickle left unread."""
        while chunk := self.file.read(_HASHED):
            self.digest.update(chunk)
        return self.digest.hexdigest()


def read_snapshot(
    folder: Path,
    key: str,
    kind: type[T],
    name: str = SNAPSHOT_NAME,
    known: Mapping[str, Chunks] | None = None,
) -> T | None:
    """The object of type ``kind`` cached for ``key``, or None when absent, stale, corrupt,
    unreadable or of another type. The payload is unpickled as it is read and hashed (its
    digest checked before the object is returned), never held whole in memory. The pieces
    kept per content file come from ``known`` when it has their key (the served base's own
    objects, see :meth:`bot.engine.index.Index.snapshot_files`), else from ``folder``."""
    path = folder / name
    header_size = len(FORMAT) + 64 + 1 + 64 + 1
    expected = FORMAT + key.encode() + b"\n"
    try:
        with path.open("rb") as file:
            header = file.read(header_size)
            if not header.startswith(expected) or len(header) != header_size:
                log.info("Instantané périmé ou d'un autre format : la base sera revalidée")
                return None
            reader = _HashingReader(file)
            try:
                stored: object = _load(reader, folder, known)
                problem = None
            except Exception as error:  # a snapshot that does not decode is never used
                stored, problem = None, error
            digest = reader.finish()
    except FileNotFoundError:
        return None
    except OSError as error:
        log.warning("Instantané illisible (%s) : la base sera revalidée", error)
        return None
    if header[len(expected) :] != digest.encode() + b"\n":
        log.warning("Instantané altéré (empreinte fausse) : ignoré, la base sera revalidée")
        return None
    if problem is None and not isinstance(stored, kind):
        problem = TypeError(f"{type(stored).__name__} au lieu de {kind.__name__}")
    if problem is not None:
        log.warning("Instantané inutilisable (%s) : ignoré, la base sera revalidée", problem)
        return None
    return stored  # type: ignore[return-value]


STALE_TEMPORARY = 600.0
"""Seconds after which a snapshot's temporary file nobody renamed is a leftover (its writer
was killed mid-write): no write takes that long between two chunks."""


def remove_leftovers(folder: Path, now: float | None = None) -> int:
    """Delete the temporary files of snapshots whose writer died mid-write (untouched for
    :data:`STALE_TEMPORARY` seconds; at ×1000 each is up to 170 Mo); how many were deleted."""
    moment = time.time() if now is None else now
    removed = 0
    try:
        found = list(folder.glob(".base-*.tmp"))
    except OSError:
        return 0
    for path in found:
        try:
            if moment - path.stat().st_mtime > STALE_TEMPORARY:
                path.unlink()
                removed += 1
        except OSError:
            continue  # renamed or deleted meanwhile: not ours to worry about
    return removed


def write_snapshot(folder: Path, key: str, value: object, name: str = SNAPSHOT_NAME) -> bool:
    """Store ``value`` under ``key`` atomically; False (and a warning) when the disk refuses.

    The payload is pickled straight to the file, hashed as it goes; its digest is written in
    the header last, before the file takes the snapshot's name."""
    start = FORMAT + key.encode() + b"\n"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".base-", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(start + b"0" * 64 + b"\n")
                writer = _HashingWriter(out)
                used = _dump(writer, value, folder)
                out.seek(len(start))
                out.write(writer.digest.hexdigest().encode())
            os.replace(temporary, folder / name)
            if used is not None:
                prune_pieces(folder, set(used))  # the snapshot in place uses no other
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as error:
        log.warning("Instantané non écrit (%s) : la base sera revalidée au démarrage", error)
        return False
    return True
