"""The on-disk snapshot of the validated base and its index: used when it matches, never
trusted otherwise."""

from __future__ import annotations

import hashlib
import os
import shutil
import time
from pathlib import Path
from typing import Any

import pytest

from bot.content import loader, snapshot
from bot.content.errors import ContentError
from bot.content.model import FactBase
from bot.engine.fulltext import FullText
from bot.engine.index import Index
from bot.paths import PROJECT_ROOT
from bot.startup import ready_index
from tests.conftest import ContentCopy


class LoadCounter:
    """Wraps the real loader, counting full validations."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.calls = 0
        real = loader.load_factbase

        def counted(content: Path, seeds: Path, **options: Any) -> FactBase:
            self.calls += 1
            return real(content, seeds, **options)

        monkeypatch.setattr(loader, "load_factbase", counted)


def load_base(content: Path, seeds: Path, folder: Path) -> FactBase:
    """The base as the bot starts with it, the snapshot in ``folder``."""
    return ready_index(content, seeds, {"SNAPSHOT_DIR": str(folder)}).base


@pytest.fixture
def loads(monkeypatch: pytest.MonkeyPatch) -> LoadCounter:
    return LoadCounter(monkeypatch)


def test_a_restart_reads_the_snapshot_instead_of_validating(
    copy: ContentCopy, tmp_path: Path, loads: LoadCounter
) -> None:
    base = copy.load()  # the copy's own base (a frozen fixture, not the shipped one)
    folder = tmp_path / "cache"
    first = load_base(copy.content, copy.seeds, folder)
    second = load_base(copy.content, copy.seeds, folder)
    assert loads.calls == 1
    assert second == first == base
    assert [e.id for e in second.events] == [e.id for e in base.events]


def test_an_edit_of_content_or_seeds_makes_the_snapshot_stale(
    copy: ContentCopy, tmp_path: Path, loads: LoadCounter
) -> None:
    folder = tmp_path / "cache"
    load_base(copy.content, copy.seeds, folder)
    # the summary's line (the entry's short label above it starts with the same words)
    copy.edit("events.yaml", "\n      L'Azerbaïdjan rejoint", "\n      L'Azerbaïdjan adhère au")
    edited = load_base(copy.content, copy.seeds, folder)
    assert loads.calls == 2
    assert any(e.summary.startswith("L'Azerbaïdjan adhère au") for e in edited.events)
    seed = next(copy.seeds.iterdir())
    seed.write_text(seed.read_text(encoding="utf-8") + "\nUne ligne de plus.\n", encoding="utf-8")
    load_base(copy.content, copy.seeds, folder)
    assert loads.calls == 3


def test_the_key_covers_the_code(
    copy: ContentCopy, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = snapshot.snapshot_key(copy.content, copy.seeds)
    code = tmp_path / "bot"
    code.mkdir()
    (code / "model.py").write_text("VERSION = 2\n", encoding="utf-8")
    monkeypatch.setattr(snapshot, "_CODE_DIR", code)
    assert snapshot.snapshot_key(copy.content, copy.seeds) != before


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[:-10],  # truncated
        lambda data: data[:-1] + bytes([data[-1] ^ 1]),  # one bit flipped in the payload
        lambda data: b"garbage",
        lambda data: b"",
    ],
    ids=["tronqué", "bit-inversé", "déchets", "vide"],
)
def test_a_damaged_snapshot_is_ignored_and_rebuilt(
    copy: ContentCopy, tmp_path: Path, loads: LoadCounter, damage: object
) -> None:
    base = copy.load()  # the copy's own base (a frozen fixture, not the shipped one)
    folder = tmp_path / "cache"
    load_base(copy.content, copy.seeds, folder)
    path = folder / "base.snapshot"
    assert callable(damage)
    path.write_bytes(damage(path.read_bytes()))
    assert load_base(copy.content, copy.seeds, folder) == base
    assert loads.calls == 2
    assert load_base(copy.content, copy.seeds, folder) == base  # rewritten, valid
    assert loads.calls == 2


def test_a_well_formed_snapshot_of_something_else_is_refused(
    copy: ContentCopy, tmp_path: Path, loads: LoadCounter
) -> None:
    folder = tmp_path / "cache"
    key = snapshot.snapshot_key(copy.content, copy.seeds)
    payload = b"\x80\x05N."  # pickle of None: right key, right digest, wrong object
    digest = hashlib.sha256(payload).hexdigest().encode()
    folder.mkdir()
    (folder / "base.snapshot").write_bytes(
        snapshot.FORMAT + key.encode() + b"\n" + digest + b"\n" + payload
    )
    assert snapshot.read_snapshot(folder, key, Index) is None
    load_base(copy.content, copy.seeds, folder)
    assert loads.calls == 1


def test_invalid_content_is_never_cached(copy: ContentCopy, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    copy.edit("events.yaml", "type: adhesion", "type: inconnu")
    with pytest.raises(ContentError):
        load_base(copy.content, copy.seeds, folder)
    assert not (folder / "base.snapshot").exists()


def test_an_unwritable_cache_only_costs_a_validation(copy: ContentCopy, tmp_path: Path) -> None:
    base = copy.load()  # the copy's own base (a frozen fixture, not the shipped one)
    blocked = tmp_path / "a-file"
    blocked.write_text("not a directory", encoding="utf-8")
    assert load_base(copy.content, copy.seeds, blocked / "cache") == base


def test_the_cache_location_is_a_setting() -> None:
    assert snapshot.snapshot_dir({}) == PROJECT_ROOT / "data" / "cache"
    assert snapshot.snapshot_dir({"SNAPSHOT_DIR": "/var/cache/bot"}) == Path("/var/cache/bot")
    assert snapshot.snapshot_dir({"SNAPSHOT_DIR": "off"}) is None
    assert "data/" in (PROJECT_ROOT / ".gitignore").read_text(encoding="utf-8").split()


def test_start_up_builds_the_full_text_index_before_the_first_search(
    copy: ContentCopy, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    built = []
    real = FullText._part
    monkeypatch.setattr(
        FullText, "_part", lambda self, e, *more: built.append(len(e)) or real(self, e, *more)
    )
    index = ready_index(copy.content, copy.seeds, {"SNAPSHOT_DIR": str(tmp_path / "cache")})
    assert sum(built) == len(index.base.entries())  # every content file's part, once
    done = list(built)
    assert index.fulltext.search("drones")
    assert built == done  # the first /cherche found it ready


def test_a_restart_answers_exactly_as_a_validating_start(copy: ContentCopy, tmp_path: Path) -> None:
    from bot.engine.commands import answer
    from bot.render.html import render_html

    folder = {"SNAPSHOT_DIR": str(tmp_path / "cache")}
    fresh = ready_index(copy.content, copy.seeds, folder)
    restarted = ready_index(copy.content, copy.seeds, folder)
    assert restarted is not fresh
    for question in ("/pays Turquie", "/org", "/accord paix", "/cherche drones", "/timeline 2025"):
        assert render_html(answer(restarted, question)) == render_html(answer(fresh, question))


def test_a_restart_from_the_snapshot_loads_no_validation_library(
    copy: ContentCopy, tmp_path: Path
) -> None:
    """pydantic, PyYAML and Babel are imported to validate and index, never to answer."""
    import subprocess
    import sys

    folder = tmp_path / "cache"
    ready_index(copy.content, copy.seeds, {"SNAPSHOT_DIR": str(folder)})
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from bot.startup import ready_index\n"
        "import bot.cli, bot.config, bot.logs, bot.telegram.app\n"
        f"index = ready_index(Path({str(copy.content)!r}), Path({str(copy.seeds)!r}),"
        f" {{'SNAPSHOT_DIR': {str(folder)!r}}})\n"
        "assert index.fulltext.search('drones')\n"
        "print(sorted(m for m in ('pydantic', 'pydantic_core', 'yaml', 'babel') "
        "if m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.strip() == "[]"


def test_the_key_covers_the_versions_of_the_libraries_that_shape_the_base(
    copy: ContentCopy, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = snapshot.snapshot_key(copy.content, copy.seeds)
    real = snapshot._version
    monkeypatch.setattr(snapshot, "_version", lambda name: real(name) + ("+1" * (name == "babel")))
    assert snapshot.snapshot_key(copy.content, copy.seeds) != before


class Hashes:
    """Counts the files read and hashed for the snapshot key."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.names: list[str] = []
        real = snapshot._file_hash

        def counted(path: Path) -> str:
            self.names.append(path.name)
            return real(path)

        monkeypatch.setattr(snapshot, "_file_hash", counted)

    def take(self) -> list[str]:
        found, self.names = self.names, []
        return found


def test_the_key_reads_no_file_whose_size_and_times_are_unchanged(
    copy: ContentCopy, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 25, point 4: the key from a manifest of sizes and times, the same key as with
    every file hashed; only a changed file is hashed again."""
    monkeypatch.setattr(snapshot, "RACY_SECONDS", 0.0)  # files copied just now are not racy
    folder = tmp_path / "cache"
    full = snapshot.snapshot_key(copy.content, copy.seeds)
    hashes = Hashes(monkeypatch)
    assert snapshot.snapshot_key(copy.content, copy.seeds, folder) == full
    assert len(hashes.take()) > 10  # no manifest yet: every file hashed, the manifest written
    assert snapshot.snapshot_key(copy.content, copy.seeds, folder) == full
    assert hashes.take() == []
    time.sleep(0.05)  # past the file system clock's tick
    copy.edit("events.yaml", "\n      L'Azerbaïdjan rejoint", "\n      L'Azerbaïdjan adhère au")
    edited = snapshot.snapshot_key(copy.content, copy.seeds, folder)
    assert hashes.take() == ["events.yaml"]
    assert edited != full
    assert edited == snapshot.snapshot_key(copy.content, copy.seeds)


def test_an_edit_of_the_same_size_with_its_time_set_back_changes_the_key(
    copy: ContentCopy, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The change time, which no program sets back, gives such an edit away."""
    monkeypatch.setattr(snapshot, "RACY_SECONDS", 0.0)
    folder = tmp_path / "cache"
    before = snapshot.snapshot_key(copy.content, copy.seeds, folder)
    time.sleep(0.05)
    path = copy.content / "events.yaml"
    old = path.stat()
    copy.edit("events.yaml", "\n      L'Azerbaïdjan rejoint", "\n      L'Azerbaïdjan REJOINT")
    os.utime(path, ns=(old.st_atime_ns, old.st_mtime_ns))
    assert (path.stat().st_size, path.stat().st_mtime_ns) == (old.st_size, old.st_mtime_ns)
    assert snapshot.snapshot_key(copy.content, copy.seeds, folder) != before


def test_a_file_changed_just_before_its_hash_was_recorded_is_hashed_again(
    copy: ContentCopy, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Racily clean (git's word): within RACY_SECONDS of the manifest, stat is not trusted,
    so an edit within the same tick of the file system's clock is still seen."""
    folder = tmp_path / "cache"
    copy.edit("events.yaml", "\n      L'Azerbaïdjan rejoint", "\n      L'Azerbaïdjan rejoins")
    before = snapshot.snapshot_key(copy.content, copy.seeds, folder)
    hashes = Hashes(monkeypatch)
    path = copy.content / "events.yaml"
    old = path.stat()
    copy.edit("events.yaml", "\n      L'Azerbaïdjan rejoins", "\n      L'Azerbaïdjan REJOINS")
    os.utime(path, ns=(old.st_atime_ns, old.st_mtime_ns))
    assert snapshot.snapshot_key(copy.content, copy.seeds, folder) != before
    assert "events.yaml" in hashes.take()


def test_a_manifest_for_other_folders_or_damaged_is_ignored(
    copy: ContentCopy, tmp_path: Path
) -> None:
    folder = tmp_path / "cache"
    key = snapshot.snapshot_key(copy.content, copy.seeds, folder)
    (folder / snapshot.MANIFEST).write_text("{pas du json", encoding="utf-8")
    assert snapshot.snapshot_key(copy.content, copy.seeds, folder) == key
    other = tmp_path / "autre"
    shutil.copytree(copy.content, other / "content")
    shutil.copytree(copy.seeds, other / "seeds")
    (other / "content" / "events.yaml").write_text("events: []\n", encoding="utf-8")
    assert snapshot.snapshot_key(other / "content", other / "seeds", folder) != key


def test_a_snapshot_is_read_without_a_copy_of_its_payload(tmp_path: Path) -> None:
    """Issue 25, point 4: the payload is unpickled as a stream, never held whole in memory
    next to the objects it gives."""
    import tracemalloc

    value = [f"entrée {n:08d}" * 4 for n in range(100_000)]
    key = "0" * 64
    assert snapshot.write_snapshot(tmp_path, key, value)
    payload = (tmp_path / "base.snapshot").stat().st_size
    assert payload > 4_000_000
    tracemalloc.start()
    try:
        read = snapshot.read_snapshot(tmp_path, key, list)
        kept, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert read == value
    assert peak - kept < payload / 4, (peak, kept, payload)
