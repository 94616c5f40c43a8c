"""A validated fact base, with its index, cached on disk: a restart skips reading,
validating and indexing it.

The snapshot is keyed by a hash of every file of ``content/`` and ``seeds/``, of the bot's own
code and of the versions of Python and of the libraries that shape the base (pydantic
validates it, Babel names its countries, PyYAML reads it): any edit, any new version, gives a
new key and the base is loaded, validated and indexed again. A snapshot is never trusted
blindly: one that is unreadable, truncated, altered (its SHA-256 digest is stored with it),
built for another key or holding something else is ignored and rebuilt. Writing is atomic
(temporary file, then rename) and optional: on a read-only disk the bot validates at every
start.

The snapshot directory is a setting (``SNAPSHOT_DIR``, default ``data/cache/`` under the
project, which git ignores; ``off`` disables the cache). The file is a pickle, read only from
that directory, which the bot itself writes: whoever can write there can also change the code.
"""

from __future__ import annotations

import hashlib
import io
import logging
import os
import pickle
import platform
import sys
import tempfile
from collections.abc import Iterator, Mapping
from importlib import metadata
from pathlib import Path
from types import MappingProxyType
from typing import Any, TypeVar

from bot.paths import PROJECT_ROOT

log = logging.getLogger(__name__)
T = TypeVar("T")

SNAPSHOT_VARIABLE = "SNAPSHOT_DIR"
DEFAULT_SNAPSHOT_DIR = PROJECT_ROOT / "data" / "cache"
FORMAT = b"azsec-base-snapshot/2\n"
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


def snapshot_key(content_dir: Path, seeds_dir: Path) -> str:
    """SHA-256 of the content, the seeds, the bot's code and the versions that shape a pickle."""
    digest = hashlib.sha256(FORMAT)
    versions = [sys.version, platform.python_implementation()]
    versions += [f"{name}={_version(name)}" for name in LIBRARIES]
    versions.append(f"pystemmer={stemmer_version()}")  # the articles' stem table, read as is
    digest.update("|".join(versions).encode())
    for label, folder, pattern in (
        ("content", content_dir, "*"),
        ("seeds", seeds_dir, "*"),
        ("code", _CODE_DIR, "*.py"),
    ):
        for path in _files(folder, pattern):
            data = path.read_bytes()
            name = path.relative_to(folder).as_posix()
            digest.update(f"\0{label}/{name}\0{len(data)}\0".encode())
            digest.update(data)
    return digest.hexdigest()


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


class _Pickler(pickle.Pickler):
    """Pickles read-only mappings as their contents, to be wrapped again by ``_proxy``."""

    def reducer_override(self, obj: Any) -> Any:  # noqa: ANN401 (pickle's own signature)
        if isinstance(obj, MappingProxyType):
            return _proxy, (dict(obj),)
        return NotImplemented


def _dumps(payload: object) -> bytes:
    buffer = io.BytesIO()
    _Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump(payload)
    return buffer.getvalue()


def _path(folder: Path) -> Path:
    return folder / "base.snapshot"


def read_snapshot(folder: Path, key: str, kind: type[T]) -> T | None:
    """The object of type ``kind`` cached for ``key``, or None when absent, stale, corrupt,
    unreadable or of another type."""
    path = _path(folder)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as error:
        log.warning("Instantané illisible (%s) : la base sera revalidée", error)
        return None
    header_size = len(FORMAT) + 64 + 1 + 64 + 1
    header, payload = data[:header_size], data[header_size:]
    expected = FORMAT + key.encode() + b"\n"
    if not header.startswith(expected):
        log.info("Instantané périmé ou d'un autre format : la base sera revalidée")
        return None
    if header[len(expected) :] != hashlib.sha256(payload).hexdigest().encode() + b"\n":
        log.warning("Instantané altéré (empreinte fausse) : ignoré, la base sera revalidée")
        return None
    try:
        stored: object = pickle.loads(payload)
        if not isinstance(stored, kind):
            raise TypeError(f"{type(stored).__name__} au lieu de {kind.__name__}")
    except Exception as error:  # a snapshot that does not decode is never used
        log.warning("Instantané inutilisable (%s) : ignoré, la base sera revalidée", error)
        return None
    return stored


def write_snapshot(folder: Path, key: str, value: object) -> bool:
    """Store ``value`` under ``key`` atomically; False (and a warning) when the disk refuses."""
    payload = _dumps(value)
    header = FORMAT + key.encode() + b"\n" + hashlib.sha256(payload).hexdigest().encode() + b"\n"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".base-", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(header)
                out.write(payload)
            os.replace(temporary, _path(folder))
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as error:
        log.warning("Instantané non écrit (%s) : la base sera revalidée au démarrage", error)
        return False
    return True
