"""Issue 25, reload after one changed file (ninth pass): what the serving process and the
snapshot's writer no longer redo. The sizes of the entries, kept in the snapshot, are neither
keyed nor read back from their parts when an index comes from a snapshot (the bot receiving
a reload's new base, or a restart); the full text's postings are pickled as a piece of their
own. The base served is still the one a full build gives."""

from __future__ import annotations

import io
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from bot.content import snapshot
from bot.engine import fit
from bot.engine.index import Index
from bot.rebuild import _child, _receive, _written, served_pieces
from bot.startup import build_index, validated_index
from tests.conftest import ContentCopy
from tests.test_snapshot_file_pieces import _answers, _shape


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("SNAPSHOT_DIR", str(folder))
    monkeypatch.setattr(sys, "stderr", io.StringIO())  # the child's progress lines
    return folder


def _child_writes(copy: ContentCopy, cache: Path) -> tuple[Path, str]:
    """The reading child's work alone: where it left the new base, and under which key."""
    transfer = cache.parent / "transfer"
    transfer.mkdir(exist_ok=True)
    out = io.StringIO()
    real = sys.stdout
    sys.stdout = out
    try:
        assert _child(copy.content, copy.seeds, transfer) == 0
    finally:
        sys.stdout = real
    return _written(out.getvalue(), transfer)


def _record(monkeypatch: pytest.MonkeyPatch, owner: object, name: str) -> list[tuple[object, ...]]:
    """Each call of ``owner.name`` (its arguments), the call itself unchanged."""
    calls: list[tuple[object, ...]] = []
    real: Callable[..., object] = getattr(owner, name)

    def recording(*args: object, **kwargs: object) -> object:
        calls.append((*args, *kwargs.values()))
        return real(*args, **kwargs)

    monkeypatch.setattr(owner, name, recording)
    return calls


def _same_as_a_full_build(
    served: Index, copy: ContentCopy, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SNAPSHOT_DIR", "off")
    full = validated_index(copy.content, copy.seeds)  # nothing cached, nothing reused
    assert served.base == full.base
    assert _shape(served.tables()) == _shape(full.tables())
    assert _shape(served._memo) == _shape(full._memo)
    assert _shape(served._unkept) == _shape(full._unkept)  # built again on the serving side
    assert _answers(served) == _answers(full)


def test_the_serving_process_neither_keys_nor_reads_the_sizes_it_receives(
    copy: ContentCopy, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The child sizes the changed file's entries and keeps every size in the snapshot: the
    serving process, reading it, used to key every file's sizes again and read each part
    back from disk (~0.2 s at ×1000, in the answering process)."""
    served = _receive(*_child_writes(copy, cache))
    assert served is not None
    copy.edit("events.yaml", "\n      L'Azerbaïdjan rejoint", "\n      L'Azerbaïdjan adhère au")
    where, key = _child_writes(copy, cache)
    keyed = _record(monkeypatch, fit, "_kept_sizes")
    sized = _record(monkeypatch, fit, "own_key_evidence")
    read = _record(monkeypatch, snapshot, "read_snapshot")
    received = _receive(where, key, served_pieces(served))
    assert received is not None
    assert keyed == [] and sized == []
    said = [str(argument) for call in read for argument in call]
    assert read and not [name for name in said if name.endswith(fit.SIZES_SUFFIX)]
    assert all(call[0] in (where, where / snapshot.PIECES) for call in read)  # new base only
    assert received.memo("entry_sizes", dict).keys() == received.entries.keys()
    _same_as_a_full_build(received, copy, monkeypatch)


def test_a_restart_from_the_snapshot_does_not_size_again(
    copy: ContentCopy, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    built = validated_index(copy.content, copy.seeds, tmp_path)
    assert snapshot.write_snapshot(tmp_path, "k" * 64, built)
    read = snapshot.read_snapshot(tmp_path, "k" * 64, Index)
    assert isinstance(read, Index)
    keyed = _record(monkeypatch, fit, "_kept_sizes")
    sized = _record(monkeypatch, fit, "own_key_evidence")
    build_index(read)
    assert keyed == [] and sized == []
    assert _shape(read._memo) == _shape(built._memo)
    assert _answers(read) == _answers(built)


def test_an_index_built_afresh_is_still_sized_by_file_parts(
    copy: ContentCopy, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The shortcut is taken only when every entry is sized: a fresh index keys its parts."""
    keyed = _record(monkeypatch, fit, "_kept_sizes")
    index = validated_index(copy.content, copy.seeds, tmp_path)
    assert len(keyed) == 1
    assert list(tmp_path.rglob("*" + fit.SIZES_SUFFIX))
    assert index.memo("entry_sizes", dict).keys() == index.entries.keys()


def test_the_postings_are_a_piece_of_their_own_read_back_equal(
    copy: ContentCopy, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Pickled within the tables, the postings' 4.6 million references at ×1000 were written
    with a memo already holding every object of the index (~0.3 s more): they are a piece
    of their own, which the tables' pickle references."""
    built = validated_index(copy.content, copy.seeds, tmp_path)
    dumped = _record(monkeypatch, snapshot._Pickler, "dump")
    assert snapshot.write_snapshot(tmp_path, "k" * 64, built)
    postings = built.fulltext.postings
    alone = [call for call in dumped if call[1] == postings.parts]  # its parts, each a piece
    assert len(alone) == 1
    assert dumped[-1][1] is built  # the value, last, references it
    read = snapshot.read_snapshot(tmp_path, "k" * 64, Index)
    assert isinstance(read, Index)
    assert dict(read.fulltext.postings) == dict(postings)
    assert type(read.fulltext.postings) is type(postings)
    assert _shape(read.tables()) == _shape(built.tables())
    assert _answers(read) == _answers(built)


def test_an_index_whose_full_text_is_not_built_is_not_built_by_its_snapshot(
    copy: ContentCopy, tmp_path: Path
) -> None:
    index = validated_index(copy.content, copy.seeds, tmp_path, build=False)
    assert index.snapshot_apart() == []
    assert "fulltext" not in vars(index)
    assert snapshot.write_snapshot(tmp_path, "k" * 64, index)
    assert "fulltext" not in vars(index)


def test_the_articles_texts_are_a_piece_the_serving_process_takes_as_it_holds_them(
    copy: ContentCopy, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The 5,000 articles' texts at ×1000 (37.5 MB) were written, hashed and decoded again at
    each reload: they are a piece kept under a hash of the texts; after one changed content
    file, the serving process keeps its own mapping and the reading process writes none."""
    served = _receive(*_child_writes(copy, cache))
    assert served is not None
    key = served.seeds_key()
    assert (cache / snapshot.PIECES / f"{key}{snapshot.PIECE_SUFFIX}").is_file()
    copy.edit("events.yaml", "\n      L'Azerbaïdjan rejoint", "\n      L'Azerbaïdjan adhère au")
    hashed = _record(monkeypatch, Index, "seeds_key")
    where, new_key = _child_writes(copy, cache)
    assert new_key != served.seeds_key()
    received = _receive(where, new_key, served_pieces(served))
    assert received is not None
    assert received.base.seeds is served.base.seeds  # not decoded: the served mapping itself
    assert received.seeds_key() == key
    assert len([call for call in hashed if call[0] is received]) <= 2  # the child's own only
    _same_as_a_full_build(received, copy, monkeypatch)


def test_an_edited_article_gives_a_new_piece_read_as_written(
    copy: ContentCopy, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    served = _receive(*_child_writes(copy, cache))
    assert served is not None
    seed = next(iter(sorted(copy.seeds.glob("*.txt"))))
    seed.write_text(seed.read_text(encoding="utf-8") + "\nUne phrase ajoutée.\n", "utf-8")
    received = _receive(*_child_writes(copy, cache), served_pieces(served))
    assert received is not None
    assert received.base.seeds is not served.base.seeds
    assert received.seeds_key() != served.seeds_key()
    pieces = {path.stem for path in (cache / snapshot.PIECES).glob("*" + snapshot.PIECE_SUFFIX)}
    assert received.seeds_key() in pieces and served.seeds_key() not in pieces  # old pruned
    assert any(text.endswith("Une phrase ajoutée.\n") for text in received.base.seeds.values())
    _same_as_a_full_build(received, copy, monkeypatch)


def test_the_serving_process_never_hashes_the_texts_for_its_pieces(
    copy: ContentCopy, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An index whose key of the texts is not known yet (built in the serving process) hands
    over its files' pieces without the texts' rather than hash 37.5 MB in the answering loop."""
    built = validated_index(copy.content, copy.seeds, tmp_path)
    hashed = _record(monkeypatch, Index, "seeds_key")
    pieces = served_pieces(built)
    parts = len(built.fulltext.postings.kept())  # the full text's parts: keys known as built
    assert parts and hashed == []
    assert pieces is not None and len(pieces) == len(built.base.origins) + parts
    built.seeds_key()
    pieces = served_pieces(built)
    assert pieces is not None and len(pieces) == len(built.base.origins) + parts + 1


def test_a_read_only_mapping_is_pickled_as_a_plain_copy_of_what_it_shows() -> None:
    """The snapshot copies a read-only mapping's dict whole (``dict(proxy)`` read it key by
    key: ~0.1 s of a ×1000 write); whatever the mapping underneath, a plain dict is written
    and the same read-only mapping read back."""
    import pickle
    from collections import OrderedDict
    from types import MappingProxyType

    for inner in ({"b": (1,), "a": (2, 3)}, OrderedDict([("b", (1,)), ("a", (2, 3))])):
        proxy = MappingProxyType(inner)
        out = io.BytesIO()
        snapshot._Pickler(out).dump(proxy)
        read = pickle.loads(out.getvalue())
        assert type(read) is MappingProxyType and read == proxy
        assert list(read) == list(proxy) and type(read.copy()) is dict
        function, (copied,) = snapshot._reduce_proxy(proxy)
        assert function is snapshot._proxy and type(copied) is dict and copied is not inner


class _Watched(dict[str, str]):
    """The articles' texts, noting any read of them."""

    read = 0

    def items(self):  # type: ignore[no-untyped-def, override]
        _Watched.read += 1
        return super().items()

    def values(self):  # type: ignore[no-untyped-def, override]
        _Watched.read += 1
        return super().values()


def test_the_key_of_the_texts_comes_from_the_load_s_own_hashes(
    copy: ContentCopy, tmp_path: Path
) -> None:
    """Under the per-file cache the load hashes each article's text already (its check
    marks): the key of the texts is drawn from those hashes, never from the 37.5 MB again;
    it still names the texts exactly (another text, another key)."""
    from dataclasses import replace

    built = validated_index(copy.content, copy.seeds, tmp_path)
    assert built.base.seeds_print is not None
    watched = replace(built.base, seeds=_Watched(built.base.seeds))
    key = Index(watched).seeds_key()
    assert _Watched.read == 0 and key == built.seeds_key()
    seed = next(iter(sorted(copy.seeds.glob("*.txt"))))
    seed.write_text(seed.read_text(encoding="utf-8") + " Ajout.", encoding="utf-8")
    again = validated_index(copy.content, copy.seeds, tmp_path)
    assert again.base.seeds_print not in (None, built.base.seeds_print)
    assert again.seeds_key() != key
    plain = replace(built.base, seeds_print=None)  # no cache: the texts hashed themselves
    assert Index(plain).seeds_key() not in (key, again.seeds_key())


def test_the_load_folds_each_actor_name_once(
    copy: ContentCopy, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The aliases' check and the vocabulary's both fold every actor's names: once each."""
    from collections import Counter

    from bot.content import loader

    folded: Counter[str] = Counter()
    real = loader.fold

    def counting(text: str) -> str:
        folded[text] += 1
        return real(text)

    monkeypatch.setattr(loader, "fold", counting)
    base = loader.load_factbase(copy.content, copy.seeds)
    names = {name for actor in base.actors.values() for name in actor.names()}
    assert names and all(folded[name] == 1 for name in names)


def test_timeline_lines_are_written_as_calls_of_their_class_and_read_back_equal(
    copy: ContentCopy, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The timeline's lines and date spans (50,000 at ×1000) are pickled as their class
    called on their fields, not through the dataclasses' ``__getstate__``/``__setstate__``
    (which list the fields for each object); the tables read back are the same."""
    from dataclasses import fields

    from bot.dates import DateSpan
    from bot.engine.spans import Dated

    built = validated_index(copy.content, copy.seeds, tmp_path)
    assert built.timeline.dated
    listed: list[object] = []
    for kind in (Dated, DateSpan):
        real_get = kind.__getstate__  # type: ignore[attr-defined]
        real_set = kind.__setstate__  # type: ignore[attr-defined]
        monkeypatch.setattr(
            kind, "__getstate__", lambda self, f=real_get: listed.append(self) or f(self)
        )
        monkeypatch.setattr(
            kind, "__setstate__", lambda self, s, f=real_set: listed.append(self) or f(self, s)
        )
    assert snapshot.write_snapshot(tmp_path, "k" * 64, built)
    read = snapshot.read_snapshot(tmp_path, "k" * 64, Index)
    assert isinstance(read, Index)
    assert listed == []
    line = read.timeline.dated[0]
    assert type(line) is Dated and [f.name for f in fields(line)] == [
        "span",
        "entry",
        "actors",
        "topics",
    ]
    assert read.timeline.dated == built.timeline.dated
    assert _shape(read.tables()) == _shape(built.tables())
    assert _answers(read) == _answers(built)
