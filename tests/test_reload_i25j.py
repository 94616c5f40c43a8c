"""Issue 25, reload after one changed file (tenth pass): what the reading process no longer
pays for — an import it never uses, the articles read and hashed again when the snapshot's
manifest says they did not change. The base it hands over is still a full build's."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from bot.content import snapshot
from bot.content.articles import decode
from bot.content.loader import load_factbase
from bot.content.model import FactBase
from bot.paths import PROJECT_ROOT
from bot.startup import VALIDATION_CACHE
from tests.conftest import ContentCopy


@pytest.mark.e2e  # a real reading process
def test_the_reading_process_never_imports_asyncio(copy: ContentCopy, tmp_path: Path) -> None:
    """asyncio (~35 ms of imports) serves only the bot's side of a reload: the reading
    process, which validates, builds and writes a whole base, never loads it."""
    env = {**os.environ, "SNAPSHOT_DIR": str(tmp_path / "cache")}
    command = [sys.executable, "-X", "importtime", "-m", "bot.rebuild"]
    done = subprocess.run(
        [*command, str(copy.content), str(copy.seeds), str(tmp_path)],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    imported = {
        line.rsplit("|", 1)[-1].strip()
        for line in done.stderr.splitlines()
        if line.startswith("import time:")
    }
    assert "bot.content.loader" in imported  # it did read the base
    assert "asyncio" not in imported


def _load_under_cache(copy: ContentCopy, folder: Path) -> FactBase:
    """As the reading process loads: the snapshot's key (and its manifest) first."""
    snapshot.snapshot_key(copy.content, copy.seeds, folder)
    return load_factbase(copy.content, copy.seeds, cache=folder / VALIDATION_CACHE)


def _articles_read(monkeypatch: pytest.MonkeyPatch, seeds: Path) -> list[str]:
    """The names of the article files read from disk from now on (any way of reading)."""
    read: list[str] = []
    for method in ("read_bytes", "read_text"):
        real = getattr(Path, method)

        def reading(path: Path, *args: object, _real: Any = real, **kwargs: object) -> object:
            if path.parent == seeds:
                read.append(path.name)
            return _real(path, *args, **kwargs)

        monkeypatch.setattr(Path, method, reading)
    return read


@pytest.fixture
def settled(monkeypatch: pytest.MonkeyPatch) -> None:
    """Files just copied count as settled (no racy window): the manifest vouches for them."""
    monkeypatch.setattr(snapshot, "RACY_SECONDS", 0.0)


def test_a_load_takes_the_kept_texts_of_unchanged_articles_and_reads_none(
    copy: ContentCopy, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, settled: None
) -> None:
    """After a first load under the cache, a load whose articles the manifest vouches for
    reads no article file, and gives the same base, the same texts' key and the same check
    marks as a load without any cache."""
    folder = tmp_path / "cache"
    first = _load_under_cache(copy, folder)
    read = _articles_read(monkeypatch, copy.seeds)
    again = _load_under_cache(copy, folder)
    assert read == []
    monkeypatch.undo()
    plain = load_factbase(copy.content, copy.seeds)
    assert again == first == plain
    assert dict(again.seeds) == dict(plain.seeds)
    assert again.seeds_print == first.seeds_print is not None


def test_an_edited_article_is_read_again_and_only_it(
    copy: ContentCopy, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, settled: None
) -> None:
    """An article edited (a line added at its end) is read from disk again, the others are
    taken as kept; the base is the one a load without any cache gives, and the texts' key
    changes."""
    folder = tmp_path / "cache"
    first = _load_under_cache(copy, folder)
    source = next(iter(first.sources.values()))
    path = copy.seeds / source.seed
    edited = path.read_text(encoding="utf-8") + "\nUne ligne ajoutée.\n"
    path.write_text(edited, encoding="utf-8")
    read = _articles_read(monkeypatch, copy.seeds)
    again = _load_under_cache(copy, folder)
    assert read == [source.seed]
    monkeypatch.undo()
    assert again.seeds[source.id] == edited
    assert again == load_factbase(copy.content, copy.seeds)
    assert again.seeds_print != first.seeds_print


def test_without_a_manifest_every_article_is_read(
    copy: ContentCopy, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, settled: None
) -> None:
    """The kept texts are taken only on the manifest's word: with it removed (or written
    for other folders), every article is read and hashed from its bytes."""
    folder = tmp_path / "cache"
    first = _load_under_cache(copy, folder)
    (folder / snapshot.MANIFEST).unlink()
    read = _articles_read(monkeypatch, copy.seeds)
    again = load_factbase(copy.content, copy.seeds, cache=folder / VALIDATION_CACHE)
    assert sorted(read) == sorted(source.seed for source in first.sources.values())
    monkeypatch.undo()
    assert again == first


def test_a_racy_article_is_read_again(
    copy: ContentCopy, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An article changed within the racy window of the manifest (it may have been edited
    again within the same tick of the file system's clock) is never taken as kept."""
    folder = tmp_path / "cache"
    _load_under_cache(copy, folder)  # files just copied: all racy under the real window
    read = _articles_read(monkeypatch, copy.seeds)
    _load_under_cache(copy, folder)
    assert read  # not vouched for: read again
    assert snapshot.RACY_SECONDS > 0


def test_texts_decode_as_read_text_does(tmp_path: Path) -> None:
    """Universal newlines, as ``Path.read_text``: the kept text is the one it would read."""
    path = tmp_path / "article.txt"
    path.write_bytes("Bakou\r\nAnkara\rTbilissi\n\r\nÉté « fin »\r".encode())
    assert decode(path.read_bytes()) == path.read_text(encoding="utf-8")
