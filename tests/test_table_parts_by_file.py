"""Issue 25, reload after one changed file: the index's table parts kept per content file (the
full text's words, the agreements' words, each article's quotes that are another entry's) are
found by the key of that file's validation record and a fingerprint of the base's names and
labels (:mod:`bot.engine.file_parts`), never by reading every entry's text again. Only the
changed file's entries are read; a changed name or label rebuilds every part; the base served
is the one a full build gives: same base, same tables field by field, same answers."""

from __future__ import annotations

import io
import pickle
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from bot.engine import deals, fit, own_evidence
from bot.engine.fulltext import FullText
from bot.engine.index import Index
from bot.startup import validated_index
from tests.conftest import ContentCopy
from tests.test_snapshot_file_pieces import _answers, _reload, _shape


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("SNAPSHOT_DIR", str(folder))
    monkeypatch.setattr(sys, "stderr", io.StringIO())  # the child's progress lines
    return folder


def _record(
    monkeypatch: pytest.MonkeyPatch, owner: object, name: str, what: Callable[..., object]
) -> list[object]:
    """Each call of ``owner.name``, noted by ``what(*arguments)``; the call itself unchanged."""
    calls: list[object] = []
    real = getattr(owner, name)

    def recording(*args: object, **kwargs: object) -> object:
        calls.append(what(*args))
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
    assert _answers(served) == _answers(full)


def test_after_one_changed_file_only_its_entries_are_read_for_the_tables(
    copy: ContentCopy, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    served = _reload(copy, cache, None)
    copy.edit("events.yaml", "\n      L'Azerbaïdjan rejoint", "\n      L'Azerbaïdjan adhère au")
    texts = _record(monkeypatch, FullText, "_text", lambda _table, entry: entry.id)
    words = _record(monkeypatch, deals.Deals, "_words", lambda _table, group: list(group))
    hashed = _record(monkeypatch, own_evidence, "_source_key", lambda *args: args[1])
    articles = _record(monkeypatch, own_evidence, "_foreign_of_article", lambda *args: args[1])
    sized = _record(monkeypatch, fit, "own_key_evidence", lambda _base, entry: entry.id)
    reloaded = _reload(copy, cache, served)
    files = reloaded.base.files or {}
    edited = {
        entry.id for entry in reloaded.base.entries() if files[entry.id] == "content/events.yaml"
    }
    assert edited and len(edited) < len(reloaded.entries)
    assert set(texts) == edited  # the other files' entries: not one text read again
    assert set(sized) == edited  # nor sized again
    assert words == []  # events.yaml holds no agreement: every file's words read back
    assert hashed == []  # no article's key hashes its quotes again
    quoted = {
        item.source
        for entry in reloaded.base.entries()
        if entry.id in edited
        for item in entry.evidence
    }
    assert 0 < len(articles) <= len(quoted)  # only the articles the changed file quotes
    _same_as_a_full_build(reloaded, copy, monkeypatch)


@pytest.mark.parametrize(
    ("file", "old", "new"),
    [
        ("actors.yaml", "name: Lukoil", "name: Loukoïl"),  # a name the full text reads
        ("vocabulary.yaml", "label: cybersécurité,", "label: cyber-sécurité,"),  # a label
    ],
)
def test_a_changed_name_or_label_rebuilds_every_part(
    copy: ContentCopy,
    cache: Path,
    monkeypatch: pytest.MonkeyPatch,
    file: str,
    old: str,
    new: str,
) -> None:
    """Every file's part reads the names and labels of others: a part kept under the file's
    record key alone would keep the old name in the full text of entries of other files."""
    served = _reload(copy, cache, None)
    copy.edit(file, old, new)
    texts = _record(monkeypatch, FullText, "_text", lambda _table, entry: entry.id)
    reloaded = _reload(copy, cache, served)
    assert set(texts) == set(reloaded.entries)  # every part built again
    _same_as_a_full_build(reloaded, copy, monkeypatch)


def test_changed_sources_size_every_entry_again(
    copy: ContentCopy, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An entry's size reads the date of the article it is dated from: the sizes of every
    file are keyed by the sources' files too."""
    served = _reload(copy, cache, None)
    copy.edit("sources.yaml", "note: ", "note: Relu. ")
    sized = _record(monkeypatch, fit, "own_key_evidence", lambda _base, entry: entry.id)
    reloaded = _reload(copy, cache, served)
    assert set(sized) == set(reloaded.entries)
    _same_as_a_full_build(reloaded, copy, monkeypatch)


def test_an_edited_agreement_rebuilds_its_file_s_words_only(
    copy: ContentCopy, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    served = _reload(copy, cache, None)
    copy.edit(
        "agreements.yaml", "une rencontre entre Ilham Aliyev", "un entretien entre Ilham Aliyev"
    )
    words = _record(monkeypatch, deals.Deals, "_words", lambda _table, group: list(group))
    reloaded = _reload(copy, cache, served)
    files = reloaded.base.files or {}
    assert [agreement.id for group in words for agreement in group] == [  # type: ignore[attr-defined]
        agreement.id
        for agreement in reloaded.base.agreements
        if files[agreement.id] == "content/agreements.yaml"
    ]
    _same_as_a_full_build(reloaded, copy, monkeypatch)


@dataclass(frozen=True)
class Span:
    """An object a table holds that is none of the base's own (a timeline's span)."""

    low: int
    high: int


def test_a_snapshot_writes_the_tables_own_objects_without_calling_back_into_python() -> None:
    """The snapshot's pickler sends only read-only mappings and objects of the base's own
    types to Python (through its dispatch table), to be written as references to the pieces
    already written; a table's other objects — hundreds of thousands at ×1000 — are pickled
    as usual, each read back the same."""
    from types import MappingProxyType

    from bot.content import snapshot

    spans = tuple(Span(n, n + 1) for n in range(2000))
    table = MappingProxyType({"spans": spans, "by_low": {span.low: span for span in spans}})
    called: list[str] = []

    def profile(frame: object, event: str, _arg: object) -> None:
        code = getattr(frame, "f_code", None)
        if event == "call" and code is not None and code.co_filename == snapshot.__file__:
            called.append(code.co_name)

    out = io.BytesIO()
    sys.setprofile(profile)
    try:
        snapshot._Pickler(out).dump(table)
    finally:
        sys.setprofile(None)
    assert len([name for name in called if name != "__init__"]) <= 1  # the mapping's own
    assert pickle.loads(out.getvalue()) == table


def test_memberships_fold_each_organisation_s_quotes_once(
    copy: ContentCopy, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The memberships an organisation's quote names are read with each quote folded once per
    build, not once per member (×1000: 6,000 members re-folding the same quotes)."""
    from bot.engine import actor_links
    from bot.engine.actor_links import ActorLinks, naming

    base = copy.load()
    folded = _record(monkeypatch, actor_links, "fold", lambda text: text)
    table = ActorLinks(base).named_by_actor
    quotes = {
        evidence.quote
        for actor in base.actors.values()
        if len(actor.members) + len(actor.observers) > 1  # quotes read for several members
        for evidence in actor.evidence
    }
    assert quotes
    read = [text for text in folded if text in quotes]
    assert read and len(read) == len(set(read))  # each folded once
    monkeypatch.undo()
    for actor_id, named in table.items():  # the same as asking each membership on its own
        actor = base.actors[actor_id]
        expected = []
        for org, status in ActorLinks(base).memberships.get(actor_id, ()):
            backing = naming(org, actor)
            if backing is not None:
                expected.append((org, status, backing))
        assert named == tuple(expected)
    assert any(table.values())


def test_bigram_keys_number_each_repeated_bigram(copy: ContentCopy) -> None:
    """The keys the full text's typo table is built from: each bigram of the word, numbered
    by its rank among the same bigram's occurrences (the words of the base, and words with
    repeats)."""
    from bot.engine.fulltext import FullText
    from bot.engine.typos import bigram_keys

    def plain(word: str) -> tuple[str, ...]:
        pairs = [word[at : at + 2] for at in range(len(word) - 1)]
        return tuple(f"{pair}{pairs[: at + 1].count(pair)}" for at, pair in enumerate(pairs))

    words = [
        *FullText(copy.load()).vocabulary,
        "anan",
        "aaaa",
        "a",
        "",
        "abab-abab",
        "lukoil 999 999",
    ]
    assert bigram_keys("anan") == ("an1", "na1", "an2")
    for word in words:
        assert bigram_keys(word) == plain(word)


def test_the_keys_look_ups_let_go_of_the_base_once_its_tables_are_built(
    copy: ContentCopy, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A base a reload replaced must be freed once nothing serves it (hundreds of MiB at
    ×1000): the per-file keys' look-ups, kept while its tables are built, are let go of."""
    from bot.engine import file_parts

    looked = _record(monkeypatch, file_parts, "_names_print", lambda base: base)
    built = validated_index(copy.content, copy.seeds, tmp_path)
    assert looked and all(base is built.base for base in looked)  # used by the build
    assert not any(held is built.base for held, _origins, _printed in file_parts._ORIGINS)
