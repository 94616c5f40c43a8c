"""The full text's postings kept as their content files' parts, merged word by word on reading.

Word → the ids of the entries holding it is built content file by content file (each file's
part read back from the parts folder when its entries read the same). Merging the parts into
one mapping cost the reload's reading process ~0.3 s at ×1000, writing that mapping in the
snapshot ~0.4 s more, and the serving process decoded it again (~0.25 s) — after ONE changed
file, for a mapping whose other parts had not changed (issue 25, i25q). Here the parts stay
apart: each is a piece of the snapshot under the key naming what it is built from (the
per-file pieces' pattern), written once, referenced by the next snapshots and taken from the
served index by a reload; a look-up concatenates the parts holding the word, in file order —
the very tuple the merged mapping held.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from itertools import chain
from types import MappingProxyType

Part = Mapping[str, tuple[str, ...]]
"""One content file's part: word → the ids of that file's entries holding it, in base order
(a read-only mapping; in a reload's reading process, a :class:`KeptPart`)."""
MOST_MERGED = 4096
"""Words whose merged ids a mapping keeps (then it starts afresh): a common word's tuple at
×1000 (60,000 ids) is copied once, not at each of a question's look-ups."""


def as_part(found: dict[str, tuple[str, ...]]) -> Part:
    """A part as a snapshot reads it back: a read-only mapping."""
    return MappingProxyType(found)


class KeptPart(Mapping[str, tuple[str, ...]]):
    """A part kept in the parts folder, read from there on its first look-up only; its words
    (in the part's own order) are known apart, from a short list kept beside it. The reading
    process of a reload (issue 25, i25r) needs, of an unchanged file's part, its words (the
    vocabulary) and its key (the snapshot refers to the piece under that key): reading every
    part whole cost it ~0.25 s at ×1000 after one changed file. Pickled as the read-only
    mapping it stands for."""

    __slots__ = ("_load", "_part", "words")

    def __init__(self, words: tuple[str, ...], load: Callable[[], Part]) -> None:
        self.words = words
        self._load: Callable[[], Part] | None = load
        self._part: Part | None = None

    def held(self) -> Part:
        """The part itself, read on first call."""
        part = self._part
        if part is None:
            assert self._load is not None
            part = self._part = self._load()
            self._load = None
        return part

    def loaded(self) -> bool:
        """True once the part was read (tests)."""
        return self._part is not None

    def __reduce__(self) -> tuple[object, ...]:
        return as_part, (dict(self.held()),)

    def __getitem__(self, word: str) -> tuple[str, ...]:
        return self.held()[word]

    def __contains__(self, word: object) -> bool:
        return word in self.held()

    def __iter__(self) -> Iterator[str]:
        return iter(self.words)

    def __len__(self) -> int:
        return len(self.words)


class Postings(Mapping[str, tuple[str, ...]]):
    """Word → the ids of the entries holding it: each part's ids for that word, part after
    part (parts in content file order). ``part_keys`` names each part as its parts folder keeps
    it (None: kept nowhere), so that a snapshot keeps each part once per key."""

    __slots__ = ("_merged", "_words", "part_keys", "parts")

    def __init__(self, parts: tuple[Part, ...], keys: tuple[str | None, ...]) -> None:
        if len(parts) != len(keys):
            raise ValueError("une clé par partie")
        self.parts = parts
        self.part_keys = keys
        self._merged: dict[str, tuple[str, ...]] = {}
        self._words: dict[str, None] | None = None

    def __reduce__(self) -> tuple[object, ...]:
        # the parts and their keys only: what a look-up merged is merged again when asked
        return Postings, (self.parts, self.part_keys)

    def kept(self) -> list[tuple[str, Part]]:
        """Each part kept under a key, with its key, in order."""
        return [(key, part) for key, part in zip(self.part_keys, self.parts, strict=True) if key]

    def held(self) -> list[object]:
        """What it holds: each part, then its bookkeeping (a replaced index is let go of a
        part at a time, :func:`bot.rebuild.release_index`)."""
        return [*self.parts, self.part_keys, self._merged, self._words]

    def __getitem__(self, word: str) -> tuple[str, ...]:
        found = self._merged.get(word)
        if found is not None:
            return found
        held = [ids for part in self.parts if (ids := part.get(word)) is not None]
        if not held:
            raise KeyError(word)
        if len(held) == 1:
            return held[0]  # the part's own tuple: nothing to merge, nothing to keep
        merged = self._merged
        if len(merged) >= MOST_MERGED:
            merged.clear()
        found = merged[word] = tuple(chain.from_iterable(held))
        return found

    def __contains__(self, word: object) -> bool:
        return any(word in part for part in self.parts)

    def _all_words(self) -> dict[str, None]:
        """Every word, in the order a merge of the parts in one go met them (first part's
        words, then each later part's new ones): iterations read as they did."""
        words = self._words
        if words is None:
            words = self._words = dict.fromkeys(chain.from_iterable(self.parts))
        return words

    def __iter__(self) -> Iterator[str]:
        return iter(self._all_words())

    def __len__(self) -> int:
        return len(self._all_words())
