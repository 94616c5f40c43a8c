"""Full-text search of the seed articles themselves, before the bot says they never name a word.

The fact base holds what the editors distilled; the articles hold more. A word missing from the
base (« réunion ») may still be in the articles: the bot says « absent from the articles » only
when this search of their whole text, accents and case ignored, finds none of it, and it says
what it searched.
"""

from __future__ import annotations

import hashlib
import re
from array import array
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Mapping
from contextlib import suppress
from dataclasses import dataclass
from types import MappingProxyType

from bot.engine.common import attribution
from bot.engine.french import folded_stem
from bot.engine.index import Index
from bot.engine.reply import Block, Para, Quote
from bot.text import count, fold, of_articles

_SENTENCE = re.compile(r"(?<=[.!?…])\s+|\n+")
MOST_CHECKED = 5
"""Articles checked sentence by sentence at most for a phrase of several words; past that the
count says « au moins » (a single word is counted exactly by the stem table)."""


@dataclass(frozen=True, slots=True)
class Mention:
    """Where an article names a word: its source and the first sentence that does."""

    source: str
    sentence: str
    """The first sentence holding the word, verbatim from the article."""


@dataclass(frozen=True, slots=True)
class SeedStems:
    """Which articles hold each stem: the source ranks (base order) of every stem in one
    packed array, cut by offsets, so that a snapshot at ×1000 (2.4 million pairs) reads back
    as two byte strings and one dict of ints rather than millions of objects."""

    sources: tuple[str, ...]
    """Source ids in base order; a rank in ``ranks`` is a position here."""
    slots: Mapping[str, int]
    """Stem → its slot: its ranks are ``ranks[bounds[slot]:bounds[slot + 1]]``."""
    bounds: array[int]
    ranks: array[int]
    words: Mapping[str, int]
    """Folded word → how many articles hold it (the typo reader's vocabulary: built in the
    same pass, kept with the table, never recounted on a first question)."""

    def _ranks(self, stem: str) -> array[int]:
        slot = self.slots.get(stem)
        if slot is None:
            return array("I")
        return self.ranks[self.bounds[slot] : self.bounds[slot + 1]]

    def ranks_of(self, stem: str) -> array[int]:
        """The ranks of the sources holding ``stem``, ascending."""
        return self._ranks(stem)

    def of(self, stem: str) -> list[str]:
        """The sources holding ``stem``, in base order."""
        return [self.sources[rank] for rank in self._ranks(stem)]

    def count(self, stem: str) -> int:
        """How many articles hold ``stem``."""
        slot = self.slots.get(stem)
        return 0 if slot is None else self.bounds[slot + 1] - self.bounds[slot]


def _stems_by_source(index: Index) -> SeedStems:
    """The articles' stem table, built once per index (``prepare_seed_search`` does it at
    start-up, so a snapshot keeps it)."""

    def build() -> SeedStems:
        postings: dict[str, list[int]] = defaultdict(list)
        sources = tuple(index.base.seeds)
        for rank, text in enumerate(index.base.seeds.values()):
            for word in set(fold(text).split()):
                postings[word].append(rank)
        by_stem: dict[str, set[int]] = defaultdict(set)
        for word, ranks in postings.items():
            by_stem[folded_stem(word)].update(ranks)
        slots: dict[str, int] = {}
        bounds = array("I", [0])
        packed = array("I")
        for slot, (key, held) in enumerate(by_stem.items()):
            slots[key] = slot
            packed.extend(sorted(held))
            bounds.append(len(packed))
        words = {word: len(ranks) for word, ranks in postings.items()}
        return SeedStems(sources, MappingProxyType(slots), bounds, packed, MappingProxyType(words))

    return index.memo("seed stems", lambda: _kept(index, build))


STEMS_SUFFIX = ".stems"
"""Name ending of the articles' stem table in the index's parts folder."""


def _kept(index: Index, build: Callable[[], SeedStems]) -> SeedStems:
    """The stem table read back from the index's parts folder when the articles have not
    changed (key: a SHA-256 of the code and of every article's source id and text), else
    built and kept there in place of the older one: a changed content file leaves the
    articles, hence this table, as they were."""
    folder = index.parts
    if folder is None:
        return build()
    from bot.content.snapshot import code_key, read_snapshot, write_snapshot

    digest = hashlib.sha256(code_key().encode())
    for source, text in index.base.seeds.items():
        digest.update(f"\0{source}\0".encode())
        digest.update(text.encode())
    key = digest.hexdigest()
    found = read_snapshot(folder, key, SeedStems, name=key + STEMS_SUFFIX)
    if found is None:
        found = build()
        if write_snapshot(folder, key, found, name=key + STEMS_SUFFIX):
            with suppress(OSError):  # an old table left behind costs disk, nothing else
                for path in folder.glob("*" + STEMS_SUFFIX):
                    if path.name != key + STEMS_SUFFIX:
                        path.unlink(missing_ok=True)
    return found


def seed_words(index: Index) -> Mapping[str, int]:
    """Folded word of the articles → how many articles hold it (from the stem table)."""
    return _stems_by_source(index).words


def seed_sources_of(index: Index, word: str) -> list[str]:
    """The sources whose text holds a word of ``word``'s stem, in base order."""
    return _stems_by_source(index).of(folded_stem(word))


def prepare_seed_search(index: Index) -> None:
    """Build the articles' stem table now, not on the first « absent » a user asks about."""
    _stems_by_source(index)
    sorted_seed_stems(index)
    sorted_seed_words(index)


def sorted_seed_words(index: Index) -> tuple[str, ...]:
    """Every folded word of the articles, sorted (for « a word that starts with … »: a
    look-up, not a scan of every article at each question), kept per index."""
    return index.memo("sorted seed words", lambda: tuple(sorted(_stems_by_source(index).words)))


def seed_word_starts(index: Index, start: str) -> bool:
    """True when a word of the articles starts with ``start`` (folded)."""
    words = sorted_seed_words(index)
    position = bisect_left(words, start)
    return position < len(words) and words[position].startswith(start)


def sorted_seed_stems(index: Index) -> tuple[str, ...]:
    """Every stem of the articles' words, sorted (for « a stem that starts with … »), kept
    per index; drawn from the stem table's keys, so nothing is stemmed twice."""
    return index.memo("sorted seed stems", lambda: tuple(sorted(_stems_by_source(index).slots)))


def _holds(folded_words: list[str], wanted: list[str]) -> bool:
    stems = [folded_stem(word) for word in folded_words]
    size = len(wanted)
    return any(stems[i : i + size] == wanted for i in range(len(stems) - size + 1))


def _first_sentence(text: str, wanted: list[str]) -> str | None:
    """The first sentence of ``text`` holding the stems ``wanted`` in a row: the sentences
    whose folded text holds the first stem are read first (a stem is nearly always the
    start of its word), then, if none, every sentence."""
    sentences = _SENTENCE.split(text)
    folded = [fold(sentence) for sentence in sentences]
    for quick in (True, False):
        for sentence, words in zip(sentences, folded, strict=True):
            if quick and wanted[0] not in words:
                continue
            if _holds(words.split(), wanted):
                return sentence.strip()
    return None


def sources_holding(index: Index, stem: str) -> list[str]:
    """The sources whose full text holds a word of Snowball stem ``stem``, in base order."""
    return _stems_by_source(index).of(stem)


def seed_holds(index: Index, phrase: str) -> bool:
    """True when some article's full text holds ``phrase`` (as ``seed_mentions`` reads it);
    a single word is one look-up in the stem table."""
    wanted = [folded_stem(word) for word in fold(phrase).split()]
    if len(wanted) == 1:
        return _stems_by_source(index).count(wanted[0]) > 0
    return bool(seed_mentions(index, phrase, most=1))


def seed_mentions(index: Index, phrase: str, most: int = MOST_CHECKED) -> list[Mention]:
    """The articles whose full text holds ``phrase`` (accents, case and inflection aside:
    « réunions » finds « réunion »), in base order, at most ``most`` of them."""
    wanted = [folded_stem(word) for word in fold(phrase).split()]
    if not wanted:
        return []
    table = _stems_by_source(index)
    if any(table.count(key) == 0 for key in wanted):
        return []
    rarest = min(wanted, key=table.count)
    others = [table.ranks_of(key) for key in wanted if key != rarest]
    found: list[Mention] = []
    for rank in table.ranks_of(rarest):  # the rarest word's articles, each checked in C
        if any(not _has_rank(ranks, rank) for ranks in others):
            continue
        source_id = table.sources[rank]
        sentence = _first_sentence(index.base.seeds[source_id], wanted)
        if sentence is not None:
            found.append(Mention(source_id, sentence))
            if len(found) >= most:
                break
    return found


def _has_rank(ranks: array[int], rank: int) -> bool:
    """True when the ascending ``ranks`` hold ``rank`` (a binary search)."""
    at = bisect_left(ranks, rank)
    return at < len(ranks) and ranks[at] == rank


def absence_blocks(index: Index, phrase: str) -> tuple[list[Block], list[Mention]]:
    """What the articles say of ``phrase`` the base does not: « absent » only after the
    full-text search finds nothing (and what was searched), else where the articles name it,
    with the first sentence that does, verbatim."""
    words = fold(phrase).split()
    mentions = seed_mentions(index, phrase, most=1 if len(words) == 1 else MOST_CHECKED)
    if not mentions:
        return [
            Para(f"« {phrase} » n'apparaît dans aucun des articles de la base."),
            Para(f"Vérifié par une {searched_words(index, phrase)}.", "note"),
        ], mentions
    base = index.base
    first = mentions[0]
    if len(words) == 1:  # one word: the stem table counts its articles exactly
        where = count(_stems_by_source(index).count(folded_stem(words[0])), "article")
    else:
        where = count(len(mentions), "article")
        if len(mentions) >= MOST_CHECKED:
            where = f"au moins {where}"
    blocks: list[Block] = [
        Para(
            f"Aucune fiche ne porte le nom « {phrase} », mais le mot figure dans {where} de "
            "la base. Par exemple :"
        ),
        Quote(first.sentence, attribution(base.sources[first.source]), first.source),
    ]
    return blocks, mentions


def searched_words(index: Index, phrase: str) -> str:
    """What was searched, said in a few words for the user."""
    total = len(index.base.seeds)
    return (
        f"recherche de « {phrase} » dans le texte intégral {of_articles(total)} "
        "de la base, accents et majuscules ignorés"
    )
