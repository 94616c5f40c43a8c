"""Issue 25 (i25q): the full text's postings kept as their content files' parts, merged word
by word when read, give exactly the mapping the parts merged in file order gave."""

from __future__ import annotations

import io
import pickle
from collections import defaultdict
from types import MappingProxyType

import pytest

from bot.content import snapshot
from bot.content.model import FactBase
from bot.engine import postings as postings_module
from bot.engine.index import Index
from bot.engine.postings import Postings
from bot.engine.tables import Entry


@pytest.fixture(scope="module")
def postings(base: FactBase) -> Postings:
    return Index(base).fulltext.postings


def _merged_at_once(postings: Postings) -> dict[str, tuple[str, ...]]:
    """What ``FullText.postings`` held before i25q: the parts merged in order, in one go."""
    merged: dict[str, tuple[str, ...]] = {}
    for part in postings.parts:
        for word, ids in part.items():
            held = merged.get(word)
            merged[word] = ids if held is None else held + ids
    return merged


def test_each_word_reads_the_parts_merged_in_file_order(postings: Postings, base: FactBase) -> None:
    merged = _merged_at_once(postings)
    assert len(postings.parts) > 1  # several content files: something to merge
    assert list(postings) == list(merged) and len(postings) == len(merged)  # same order too
    assert all(postings[word] == ids for word, ids in merged.items())
    assert dict(postings) == merged
    # the parts follow the content files' order, each file's entries in base order
    files = base.files or {}
    by_file: dict[str, list[Entry]] = defaultdict(list)
    for entry in base.entries():
        by_file[files.get(entry.id, "")].append(entry)
    order = [entry.id for name in sorted(by_file) for entry in by_file[name]]
    rank = {entry_id: n for n, entry_id in enumerate(order)}
    shared = [word for word in merged if sum(word in part for part in postings.parts) > 1]
    assert shared
    for word in shared:
        ranks = [rank[entry_id] for entry_id in postings[word]]
        assert ranks == sorted(ranks), word


def test_a_word_of_one_part_is_that_part_s_tuple_and_a_missing_word_is_missing(
    postings: Postings,
) -> None:
    alone = next(
        word
        for part in postings.parts
        for word in part
        if sum(word in other for other in postings.parts) == 1
    )
    holder = next(part for part in postings.parts if alone in part)
    assert postings[alone] is holder[alone]
    assert "motquinexistepas" not in postings
    assert postings.get("motquinexistepas") is None
    with pytest.raises(KeyError):
        postings["motquinexistepas"]


def test_merged_words_are_kept_bounded(postings: Postings, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(postings_module, "MOST_MERGED", 2)
    fresh = Postings(postings.parts, postings.part_keys)
    merged = _merged_at_once(postings)
    shared = [word for word in merged if sum(word in part for part in postings.parts) > 1]
    assert len(shared) > 3
    for word in shared:
        assert fresh[word] == merged[word]
        assert fresh[word] is fresh[word]  # kept once merged
        assert len(fresh._merged) <= 2


def test_a_pickled_postings_keeps_its_parts_and_keys_never_what_it_merged(
    postings: Postings,
) -> None:
    word = next(w for w in postings if sum(w in part for part in postings.parts) > 1)
    assert postings[word]
    written = io.BytesIO()
    snapshot._Pickler(written).dump(postings)  # as a snapshot writes it (read-only mappings)
    read = pickle.loads(written.getvalue())
    assert isinstance(read, Postings) and not read._merged  # nothing merged travels
    assert read == postings and read.part_keys == postings.part_keys


def test_only_the_parts_kept_under_a_key_are_pieces() -> None:
    parts = (MappingProxyType({"a": ("x",)}), MappingProxyType({"a": ("y",), "b": ("y",)}))
    both = Postings(parts, ("k1", None))
    assert both.kept() == [("k1", parts[0])]
    assert both["a"] == ("x", "y") and both["b"] == ("y",) and len(both) == 2
    with pytest.raises(ValueError, match="une clé par partie"):
        Postings(parts, ("k1",))
