"""A validated fact base cached on disk, so a restart skips reading and re-validating it.

The snapshot is keyed by a hash of every file of ``content/`` and ``seeds/``, of the bot's own
code and of the Python and pydantic versions: any edit, any new version of the code, gives a
new key and the base is loaded and validated again. A snapshot is never trusted blindly: one
that is unreadable, truncated, altered (its SHA-256 digest is stored with it) or built for
another key is ignored and rebuilt. Writing is atomic (temporary file, then rename) and
optional: on a read-only disk the bot simply validates at every start.

The snapshot directory is a setting (``SNAPSHOT_DIR``, default ``data/cache/`` under the
project, which git ignores; ``off`` disables the cache). The file is a pickle, read only from
that directory, which the bot itself writes: whoever can write there can also change the code.
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
import os
import pickle
import platform
import sys
import tempfile
from collections.abc import Iterator, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any

import pydantic

from bot.content.loader import load_factbase
from bot.content.model import FactBase
from bot.paths import PROJECT_ROOT

log = logging.getLogger(__name__)

SNAPSHOT_VARIABLE = "SNAPSHOT_DIR"
DEFAULT_SNAPSHOT_DIR = PROJECT_ROOT / "data" / "cache"
FORMAT = b"azsec-base-snapshot/1\n"
_CODE_DIR = Path(__file__).resolve().parent.parent
"""The ``bot`` package: its code is part of the key (validation rules, models, pickling)."""


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
    versions = f"{sys.version}|{platform.python_implementation()}|{pydantic.VERSION}"
    digest.update(versions.encode())
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


def _to_plain(base: FactBase) -> dict[str, Any]:
    """The base's fields, read-only mappings turned into dicts (they cannot be pickled)."""
    fields: dict[str, Any] = {}
    for field in dataclasses.fields(base):
        value = getattr(base, field.name)
        fields[field.name] = dict(value) if isinstance(value, MappingProxyType) else value
    return fields


def _from_plain(fields: dict[str, Any]) -> FactBase:
    names = {field.name for field in dataclasses.fields(FactBase)}
    if set(fields) != names:
        raise ValueError("champs différents de FactBase")
    frozen: dict[str, Any] = {
        name: MappingProxyType(value) if isinstance(value, dict) else value
        for name, value in fields.items()
    }
    return FactBase(**frozen)


def _path(folder: Path) -> Path:
    return folder / "base.snapshot"


@dataclasses.dataclass(frozen=True, slots=True)
class Snapshot:
    """A validated base, and data derived from it that is worth keeping (plain, picklable)."""

    base: FactBase
    extras: Mapping[str, Any]
    """For instance the full-text postings, which take seconds to build on a large base."""


def read_snapshot(folder: Path, key: str) -> Snapshot | None:
    """The cached base for ``key``, or None when absent, stale, corrupt or unreadable."""
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
        stored = pickle.loads(payload)
        base = _from_plain(stored["base"])
        extras = stored["extras"]
        if not isinstance(extras, dict):
            raise TypeError("extras")
    except Exception as error:  # a snapshot that does not decode is never used
        log.warning("Instantané inutilisable (%s) : ignoré, la base sera revalidée", error)
        return None
    return Snapshot(base, MappingProxyType(extras))


def write_snapshot(
    folder: Path, key: str, base: FactBase, extras: Mapping[str, Any] | None = None
) -> bool:
    """Store ``base`` under ``key`` atomically; False (and a warning) when the disk refuses."""
    stored = {"base": _to_plain(base), "extras": dict(extras or {})}
    payload = pickle.dumps(stored, protocol=pickle.HIGHEST_PROTOCOL)
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


def load_base(content_dir: Path, seeds_dir: Path, folder: Path | None) -> FactBase:
    """The validated base: from the snapshot when it matches, else loaded, validated and cached.

    Raises ContentError like ``load_factbase`` when the content is invalid (nothing is cached).
    """
    if folder is None:
        return load_factbase(content_dir, seeds_dir)
    key = snapshot_key(content_dir, seeds_dir)
    cached = read_snapshot(folder, key)
    if cached is not None:
        log.debug("Base lue depuis l'instantané %s", key[:12])
        return cached.base
    base = load_factbase(content_dir, seeds_dir)
    write_snapshot(folder, key, base)
    return base
