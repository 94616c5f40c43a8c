"""Issue 25, reload after one changed file (tenth pass): what the reading process no longer
pays for — an import it never uses, the articles read and hashed again when the snapshot's
manifest says they did not change. The base it hands over is still a full build's."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from types import MappingProxyType
from typing import Any

import pytest

from bot.content import snapshot
from bot.content.articles import decode
from bot.content.loader import load_factbase
from bot.content.model import FactBase
from bot.engine.index import Index
from bot.engine.kept_tables import kept_table
from bot.paths import PROJECT_ROOT
from bot.startup import VALIDATION_CACHE
from bot.telegram import alerts, pusher
from tests.conftest import ContentCopy
from tests.fake_bot_api import FakeBotApi
from tests.test_follow_e2e import ADMIN, CHANNEL, add_entry, running, said, settings_for


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


@pytest.mark.e2e  # the real Application, and a reload's reading process
async def test_a_reload_walks_the_base_for_alerts_announces_and_counts_off_the_loop(
    api: FakeBotApi, copy: ContentCopy, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Right after a reload's swap, the bot listed every entry an alert or a channel post may
    announce, and counted the base, in the event loop: 0.1 – 0.2 s of pure Python at ×1000,
    during which no answer moved (the p99 of the answers during a reload). Each walk now
    runs in a thread (the loop keeps its turn between a thread's bytecodes); the report and
    the alerts are the same."""
    in_loop: dict[str, list[bool]] = {}

    def spy(owner: object, name: str) -> None:
        real: Callable[..., object] = getattr(owner, name)

        def spying(*args: object) -> object:
            in_loop.setdefault(name, []).append(_in_event_loop())
            return real(*args)

        monkeypatch.setattr(owner, name, spying)

    spy(alerts, "candidates")
    spy(pusher, "announcement_posts")
    spy(FactBase, "counts")
    settings = settings_for(api, tmp_path / "etat.sqlite3", channel_id=CHANNEL)
    async with running(settings, copy):
        in_loop.clear()  # the start-up's own passes
        await api.push(api.message_update("/suivre turquie", user_id=101))
        await said(api, 101)
        add_entry(copy)
        await api.push(api.message_update("/recharger", user_id=ADMIN))
        report = (await said(api, ADMIN))[0]["text"]
        assert "Base rechargée" in report and "1 alerte d'abonnés en file" in report
        assert "1 annonce de nouveaux faits" in report
    # each walked at least once by the reload (the start-up's alert pass may walk again)
    assert sorted(in_loop) == ["announcement_posts", "candidates", "counts"]
    assert not any(True in calls for calls in in_loop.values()), in_loop


def _in_event_loop() -> bool:
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return False
    return True


def test_the_typo_tables_are_read_back_while_their_words_are_the_same(
    copy: ContentCopy, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The bigram tables of the vocabulary and of the actors' fuzzy names are built once for
    their words: another index over the same words (a reload after a change that brings no
    new word or name) reads them back without keying a single word, and they equal the
    tables an index without any parts folder builds."""
    from bot.engine import fulltext, names

    parts = tmp_path / "parts"
    base = copy.load()
    first = Index(base, parts)
    assert first.names.fuzzy_bigrams and first.fulltext.bigrams
    keyed: list[str] = []
    for module in (fulltext, names):
        real = module.bigram_keys
        monkeypatch.setattr(
            module, "bigram_keys", lambda word, _real=real: keyed.append(word) or _real(word)
        )
    again = Index(copy.load(), parts)
    assert dict(again.names.fuzzy_bigrams) == dict(first.names.fuzzy_bigrams)
    assert dict(again.fulltext.bigrams) == dict(first.fulltext.bigrams)
    assert keyed == []
    monkeypatch.undo()
    alone = Index(base)
    assert dict(again.names.fuzzy_bigrams) == dict(alone.names.fuzzy_bigrams)
    assert dict(again.fulltext.bigrams) == dict(alone.fulltext.bigrams)


def test_a_kept_table_is_built_again_for_other_words_and_the_old_one_removed(
    tmp_path: Path,
) -> None:
    """Any other word list (one word more, or the same words in another order) is another
    key: the table is built for it, and the file of the former words removed; a damaged file
    is built again, never read."""
    parts = tmp_path / "parts"
    built: list[tuple[str, ...]] = []

    def table(words: tuple[str, ...]) -> dict[str, int]:
        def build() -> dict[str, int]:
            built.append(words)
            return {word: len(word) for word in words}

        return kept_table(parts, "essai", words, dict, build)

    assert table(("bakou", "ankara")) == {"bakou": 5, "ankara": 6}
    assert table(("bakou", "ankara")) == {"bakou": 5, "ankara": 6}
    assert built == [("bakou", "ankara")]
    assert table(("ankara", "bakou")) == {"bakou": 5, "ankara": 6}
    assert table(("bakou", "ankara", "tbilissi"))["tbilissi"] == 8
    assert built == [("bakou", "ankara"), ("ankara", "bakou"), ("bakou", "ankara", "tbilissi")]
    (kept,) = parts.glob("*.essai")
    kept.write_bytes(kept.read_bytes()[:-9] + b"damaged!!")
    assert table(("bakou", "ankara", "tbilissi"))["tbilissi"] == 8
    assert len(built) == 4
    assert len(list(parts.glob("*.essai"))) == 1


class _Replaced:
    """A replaced index's table of plain data, as the full text's postings hold it."""


def test_a_long_container_of_strings_is_let_go_of_whole_when_a_base_is_freed() -> None:
    """The full text's postings (word → ids) are 4.6 million references at ×1000: walked an
    item at a time, the release of a received base took ~2 s of the serving process in a
    thread competing with the answers. A container of strings and numbers only frees in C
    in one step; the mapping holding them is still taken apart, its long items one by one."""
    from bot.rebuild import _pieces

    old = _Replaced()
    words = {f"mot{n}": tuple(f"entree-{n}-{k}" for k in range(200)) for n in range(50)}
    old.postings = MappingProxyType(words)  # type: ignore[attr-defined]
    del words
    holder: list[Index] = [old]  # type: ignore[list-item]
    del old
    steps = sum(1 for _ in _pieces(holder))
    # the mapping's 50 tuples one by one and its words in a batch, not their 10,000 ids
    assert 50 < steps < 100
