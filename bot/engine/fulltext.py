"""The full-text table: word → entries, prefixes and close typos, and /cherche's ranking."""

from __future__ import annotations

import hashlib
import logging
import math
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property, partial
from pathlib import Path
from types import MappingProxyType

from rapidfuzz import fuzz, process

from bot.content.model import Agreement, FactBase
from bot.engine.file_parts import part_key
from bot.engine.french import lightness
from bot.engine.kept_tables import kept_table
from bot.engine.names import ByLength, by_length
from bot.engine.postings import KeptPart, Part, Postings
from bot.engine.tables import Entry, Table
from bot.engine.typos import TYPO_CUTOFF, bigram_keys, compatible_lengths, shared_bigrams_needed
from bot.text import fold

log = logging.getLogger(__name__)

PART_SUFFIX = ".words"
"""Name ending of a content file's part of the full text, in the parts folder."""
LIST_SUFFIX = ".list"
"""Name ending of the list of a part's words, in its order, kept beside it (i25r)."""
EXACT_WEIGHT = 1.0
"""What a query word adds to an entry's /cherche score when the entry holds it."""
NEAR_WEIGHT = 0.7
"""What it adds when the entry holds only a longer word it starts, or a close typo of it."""
MOST_TYPO_WORDS = 4096
"""Words whose close typos a table keeps (then it starts afresh)."""
KEPT_BITS_HOLDERS = 64
"""Fewest entries holding a word for its bitset to be kept (fewer: rebuilt, in microseconds)."""
MOST_KEPT_BITS = 1024
"""Words whose bitsets a table keeps (then it starts afresh): at ×1000 (62,000 entries, 8 KB
a bitset) at most ~8 MB."""


STEM_FALLBACK = 6
"""Letters a query word no index word starts with (nor is a typo of) shares with the words
weighed as its family when entries and passages are ranked (``family``), never when a
word is said absent from the articles."""


@dataclass(frozen=True, slots=True)
class Hits:
    """What a /cherche query finds: the entries grouped by score, best score first, each
    group a bitset over ``ids`` (bit n set: ``ids[n]`` is in the group), and how many
    entries there are in all."""

    groups: tuple[tuple[float, int], ...]
    total: int
    ids: tuple[str, ...]

    @property
    def buckets(self) -> tuple[tuple[float, frozenset[str]], ...]:
        """The groups as sets of entry ids (for reading and tests; ranking reads the bits)."""
        return tuple((score, frozenset(members(bits, self.ids))) for score, bits in self.groups)


def set_bits(bits: int, start: int = 0, stop: int | None = None) -> list[int]:
    """Positions ``start`` to ``stop`` (in rank) of the bits set in ``bits``, lowest first:
    read off its binary string (found in C), never one big-int operation per bit."""
    text = bin(bits)[:1:-1]  # bit n is character n
    found: list[int] = []
    at, rank = text.find("1"), 0
    while at >= 0 and (stop is None or rank < stop):
        if rank >= start:
            found.append(at)
        rank += 1
        at = text.find("1", at + 1)
    return found


def members(bits: int, ids: tuple[str, ...]) -> list[str]:
    """The ids whose bits are set, in ``ids`` order."""
    return [ids[position] for position in set_bits(bits)]


class FullText(Table):
    """Every word of the entries (summary, title, scope, quotes, the names of their actors,
    the labels of their themes) and the entries holding it; the base's stop words left out."""

    def __init__(self, base: FactBase, parts: Path | None = None) -> None:
        self.base = base
        self.parts = parts
        """Where each content file's part of ``postings`` is kept (None: nowhere)."""
        self.used_parts: set[str] = set()
        self.stop_words = frozenset(fold(word) for word in base.vocabulary.stop_words)
        self.known_typos: dict[str, list[str]] = {}
        self.kept_bits: dict[str, int] = {}
        """Index word many entries hold → its bitset (``bits``), kept per word (bounded)."""
        """Word → its close typos, kept per word (bounded): a question's search and its
        passage both read the same words."""

    def tokens(self, text: str) -> list[str]:
        """Folded words of ``text`` without the base's stop words."""
        stop = self.stop_words
        return [word for word in fold(text).split() if word not in stop]

    @cached_property
    def entries(self) -> Mapping[str, Entry]:
        """Entry id → entry."""
        return MappingProxyType({entry.id: entry for entry in self.base.entries()})

    @cached_property
    def ids(self) -> tuple[str, ...]:
        """Every entry id, sorted."""
        return tuple(sorted(self.entries))

    def _text(self, entry: Entry) -> str:
        """What an entry is found by: its summary, the labels of its themes (« cybersécurité »
        finds the roadmap an article files under cybercrime), an agreement's title and scope,
        the names of the actors it is about (« israel » finds « l'État hébreu »), its quotes."""
        base = self.base
        texts = [entry.summary]
        texts.extend(self.topic_labels.get(topic, "") for topic in entry.topics)
        if isinstance(entry, Agreement):
            texts.extend([entry.title, entry.scope or ""])
            involved: tuple[str, ...] = (*entry.parties, *entry.mediators, *entry.related)
        else:
            involved = entry.actors
        texts.extend(base.actors[actor].name for actor in involved if actor in base.actors)
        texts.extend(evidence.quote for evidence in entry.evidence)
        return " ".join(texts)

    @cached_property
    def topic_labels(self) -> Mapping[str, str]:
        """Topic id → its label."""
        return MappingProxyType({t.id: t.label for t in self.base.vocabulary.topics})

    def _part(
        self, entries: list[Entry], on_use: bool = False
    ) -> tuple[str | None, Part | dict[str, tuple[str, ...]]]:
        """Word → the ids of ``entries`` holding it, in their order: one content file's part
        of ``postings``. With a parts folder, kept there under a key naming exactly what it
        is built from, so a file whose entries read the same is never folded again: for a
        file read under the per-file validation cache, its record's key, the entries' ids
        and the fingerprint of the base's names and labels (:mod:`bot.engine.file_parts`:
        no text read); else a hash of the code, the stop words, each entry's id and text.
        Returned with that key (None without a parts folder): the snapshot keeps the part
        under it (:class:`bot.engine.postings.Postings`). ``on_use``: a kept part whose word
        list is kept too is a :class:`KeptPart`, read only when looked up."""
        texts: list[tuple[str, str]] | None = None
        key = None
        if self.parts is not None:
            from bot.content.snapshot import read_snapshot

            key = part_key(self.base, "fulltext", self._salt().hex(), entries)
            if key is None:
                texts = [(entry.id, self._text(entry)) for entry in entries]
                digest = hashlib.sha256(self._salt())
                for entry_id, text in texts:
                    digest.update(f"{entry_id}\0{text}\1".encode())
                key = digest.hexdigest()
            self.used_parts.add(key)
            if on_use:
                words = read_snapshot(self.parts, key, tuple, name=key + LIST_SUFFIX)
                if words is not None and (self.parts / (key + PART_SUFFIX)).is_file():
                    return key, KeptPart(words, partial(self._kept_part, entries, key))
            kept = read_snapshot(self.parts, key, dict, name=key + PART_SUFFIX)
            if kept is not None:
                if on_use:
                    self._keep_list(key, kept)
                return key, kept
        if texts is None:
            texts = [(entry.id, self._text(entry)) for entry in entries]
        found: dict[str, list[str]] = defaultdict(list)
        stop = self.stop_words
        for entry_id, text in texts:
            # one fold per entry; each distinct word once (set difference runs in C)
            for word in set(fold(text).split()) - stop:
                found[word].append(entry_id)
        part = {word: tuple(ids) for word, ids in found.items()}
        if self.parts is not None and key is not None:
            from bot.content.snapshot import write_snapshot

            write_snapshot(self.parts, key, part, name=key + PART_SUFFIX)
            self._keep_list(key, part)
        return key, part

    def _kept_part(self, entries: list[Entry], key: str) -> Part:
        """The part of ``entries`` kept under ``key``, read now (built again if it is gone)."""
        from bot.content.snapshot import read_snapshot

        assert self.parts is not None
        kept = read_snapshot(self.parts, key, dict, name=key + PART_SUFFIX)
        if kept is not None:
            return MappingProxyType(kept)
        _, built = self._part(entries)
        return built if isinstance(built, KeptPart) else MappingProxyType(dict(built))

    def _keep_list(self, key: str, part: Mapping[str, tuple[str, ...]]) -> None:
        """Keep the list of ``part``'s words, in its order, beside it."""
        from bot.content.snapshot import write_snapshot

        assert self.parts is not None
        write_snapshot(self.parts, key, tuple(part), name=key + LIST_SUFFIX)

    def _salt(self) -> bytes:
        from bot.content.snapshot import code_key

        return f"{code_key()}|{' '.join(sorted(self.stop_words))}|".encode()

    @cached_property
    def postings(self) -> Postings:
        """Word → the ids of the entries holding it (each once) in their summary, title,
        scope, quotes, the names of the actors they are about or the labels of their themes:
        content file by content file (each file's part built, or read back, on its own), in
        base order within a file. Tuples, not sets: they are only walked, and a snapshot
        reads them back several times faster and keeps them in a fraction of the memory.
        The parts are kept apart, merged word by word when read (:mod:`bot.engine.postings`):
        a snapshot keeps each part once under its key, and a reload after one changed file
        neither merges, writes nor decodes the others."""
        return self._postings()

    def read_parts_on_use(self) -> None:
        """Build ``postings`` now with each unchanged file's part read only when looked up
        (:class:`KeptPart`): the reload's reading process, which names those parts in the
        snapshot by their keys and reads their words for the vocabulary, never their ids."""
        vars(self)["postings"] = self._postings(on_use=True)

    def _postings(self, on_use: bool = False) -> Postings:
        files = self.base.files or {}
        by_file: dict[str, list[Entry]] = defaultdict(list)
        for entry in self.base.entries():
            by_file[files.get(entry.id, "")].append(entry)
        keys: list[str | None] = []
        parts: list[Part] = []
        for name in sorted(by_file):
            key, part = self._part(by_file[name], on_use)
            keys.append(key)
            parts.append(part if isinstance(part, KeptPart) else MappingProxyType(part))
        self._prune()
        return Postings(tuple(parts), tuple(keys))

    def _prune(self) -> None:
        """Remove the parts this build did not use (files since edited or removed)."""
        if self.parts is None:
            return
        try:
            for suffix in (PART_SUFFIX, LIST_SUFFIX):
                for path in self.parts.glob("*" + suffix):
                    if path.name[: -len(suffix)] not in self.used_parts:
                        path.unlink(missing_ok=True)
        except OSError as error:
            log.warning("Parties du plein texte non nettoyées (%s)", error)

    @cached_property
    def vocabulary(self) -> tuple[str, ...]:
        """The words of ``postings``, sorted."""
        return tuple(sorted(self.postings))

    @cached_property
    def words_by_length(self) -> ByLength:
        """Length → the vocabulary's words of that length and their positions in it."""
        return by_length(self.vocabulary)

    @cached_property
    def bigrams(self) -> Mapping[tuple[int, str], tuple[int, ...]]:
        """(word length, bigram key) → the vocabulary positions of the words of that length
        holding that key, in order. Kept in the parts folder under the vocabulary itself
        (:mod:`bot.engine.kept_tables`): a reload that brings no new word reads it back."""

        def build() -> Mapping[tuple[int, str], tuple[int, ...]]:
            grouped: dict[tuple[int, str], list[int]] = defaultdict(list)
            for position, word in enumerate(self.vocabulary):
                for key in bigram_keys(word):
                    grouped[len(word), key].append(position)
            return MappingProxyType({key: tuple(v) for key, v in grouped.items()})

        return kept_table(self.parts, "word-bigrams", self.vocabulary, MappingProxyType, build)

    def _typo_pool(self, word: str, size: int) -> tuple[list[str], tuple[int, ...]]:
        """The index words of ``size`` letters that may reach the cutoff with ``word``, and
        their vocabulary positions, in vocabulary order. A word that does holds at least
        ``need`` of ``word``'s bigram keys, hence one of its ``len(keys) − need + 1`` rarest:
        only the words holding one of those are kept."""
        words, positions = self.words_by_length[size]
        keys = bigram_keys(word)
        need = shared_bigrams_needed(len(word), size, TYPO_CUTOFF)
        if need <= 0:
            return list(words), positions
        bigrams = self.bigrams
        lists = sorted((bigrams.get((size, key), ()) for key in keys), key=len)
        pool = sorted(set().union(*lists[: len(keys) - need + 1]))
        vocabulary = self.vocabulary
        return [vocabulary[position] for position in pool], tuple(pool)

    def typos(self, word: str, limit: int = 3) -> list[str]:
        """The ``limit`` index words closest to ``word`` (``ratio`` ≥ TYPO_CUTOFF), best first,
        ties in vocabulary order: what ``process.extract`` over the whole vocabulary gives,
        read only among the words whose length and shared bigrams can reach the cutoff."""
        found: list[tuple[float, int, str]] = []
        grouped = self.words_by_length
        for size in compatible_lengths(len(word), TYPO_CUTOFF):
            if size not in grouped:
                continue
            words, positions = self._typo_pool(word, size)
            for candidate, score, at in process.extract(
                word, words, scorer=fuzz.ratio, score_cutoff=TYPO_CUTOFF, limit=limit
            ):
                found.append((-score, positions[at], candidate))
        found.sort()
        return [candidate for _score, _position, candidate in found[:limit]]

    def expand_word(self, word: str) -> set[str]:
        """Index words matching ``word``: itself, words it starts (4+ letters), close typos."""
        postings, vocabulary = self.postings, self.vocabulary
        found = {word} if word in postings else set()
        if len(word) >= 4:  # the vocabulary is sorted: words starting with ``word`` are adjacent
            position = bisect_left(vocabulary, word)
            while position < len(vocabulary) and vocabulary[position].startswith(word):
                found.add(vocabulary[position])
                position += 1
        if len(word) >= 5 and not found:
            known = self.known_typos
            if word not in known:
                if len(known) >= MOST_TYPO_WORDS:
                    known.clear()
                known[word] = self.typos(word)
            found.update(known[word])
        return found

    def family(self, word: str) -> set[str]:
        """Index words sharing the first ``STEM_FALLBACK`` letters of a longer ``word`` (its
        family: « majoritairement » → « majorité », « importe » → « importations »)."""
        if len(word) <= STEM_FALLBACK:
            return set()
        start, vocabulary, found = word[:STEM_FALLBACK], self.vocabulary, set()
        position = bisect_left(vocabulary, start)
        while position < len(vocabulary) and vocabulary[position].startswith(start):
            found.add(vocabulary[position])
            position += 1
        return found

    def ranking_words(self, word: str) -> set[str]:
        """The index words a query word counts by in a ranking (/cherche's hits and totals,
        passages' weights): ``expand_word``, else — no index word starts with it and no close
        typo — its ``family`` (« aérienne » absent, « aériens » present). Never used to say a
        word absent: that reads ``expand_word`` alone."""
        return self.expand_word(word) or self.family(word)

    @cached_property
    def positions(self) -> Mapping[str, int]:
        """Entry id → its position in ``ids``: its bit in a word's bitset (``bits``)."""
        return MappingProxyType({entry_id: n for n, entry_id in enumerate(self.ids)})

    def bits(self, word: str) -> int:
        """The entries holding the index word ``word``, as a bitset over ``ids``: a word many
        entries hold is turned into bits once and kept (bounded, like ``known_typos``)."""
        held = self.postings[word]
        if len(held) < KEPT_BITS_HOLDERS:
            return self._to_bits(held)
        kept = self.kept_bits.get(word)
        if kept is None:
            if len(self.kept_bits) >= MOST_KEPT_BITS:
                self.kept_bits.clear()
            kept = self.kept_bits[word] = self._to_bits(held)
        return kept

    def _to_bits(self, held: tuple[str, ...]) -> int:
        positions = self.positions
        if len(held) < KEPT_BITS_HOLDERS:
            bits = 0
            for entry_id in held:
                bits |= 1 << positions[entry_id]
            return bits
        array = bytearray(len(self.ids) // 8 + 1)
        for entry_id in held:
            position = positions[entry_id]
            array[position >> 3] |= 1 << (position & 7)
        return int.from_bytes(array, "little")

    def _word_hits(self, word: str) -> tuple[int, int]:
        """The entries holding ``word`` itself, and those holding only another of its
        ``ranking_words`` (a word it starts, a typo of it, else its family), as bitsets."""
        exact = near = 0
        for candidate in self.ranking_words(word):
            if candidate == word:
                exact = self.bits(candidate)
            else:
                near |= self.bits(candidate)
        return exact, near & ~exact

    def word_weight(self, holders: int) -> float:
        """How much a query word held by ``holders`` entries counts: BM25's inverse document
        frequency, so a rare word (« Israël ») outweighs a common one (« Azerbaïdjan »)."""
        total = len(self.entries)
        return math.log(1.0 + (total - holders + 0.5) / (holders + 0.5))

    def search_hits(self, query: str) -> Hits:
        """The entries holding query words, grouped by score: each word adds its weight (rare
        words weigh more, ``word_weight``) times EXACT_WEIGHT if the entry holds it, else times
        NEAR_WEIGHT for a prefix or typo of it, else for its family (``ranking_words``; the weight
        then taken from the entries holding those). Groups are bitsets over ``ids``, cut one word
        after the other with big-integer operations (each a pass in C over the base's bits,
        whatever the number of entries a word holds), each score summed in word order."""
        groups: list[tuple[float, int]] = []
        seen = 0
        for word in dict.fromkeys(self.tokens(query)):
            exact, near = self._word_hits(word)
            holders = exact.bit_count() or near.bit_count()
            weight = self.word_weight(holders) * lightness(word)
            full, part = EXACT_WEIGHT * weight, NEAR_WEIGHT * weight
            split: list[tuple[float, int]] = []
            for score, members in groups:
                on_exact, on_near = members & exact, members & near
                split += [(score + full, on_exact), (score + part, on_near)]
                split.append((score, members & ~(exact | near)))
            split += [(full, exact & ~seen), (part, near & ~seen)]
            seen |= exact | near
            groups = [(score, members) for score, members in split if members]
        merged: dict[float, int] = {}
        for score, members in groups:
            merged[score] = merged.get(score, 0) | members
        return Hits(tuple(sorted(merged.items(), reverse=True)), seen.bit_count(), self.ids)

    def ranked_hits(self, hits: Hits, start: int, stop: int) -> list[tuple[Entry, float]]:
        """Ranks ``start`` to ``stop`` of ``hits``, best score first, ties by id (a group's bits
        are in id order): only the groups that hold those ranks are read."""
        shown: list[tuple[Entry, float]] = []
        offset = 0
        entries, ids = self.entries, hits.ids
        for score, members in hits.groups:
            if offset >= stop:
                break
            size = members.bit_count()
            if offset + size > start:
                chosen = set_bits(members, max(start - offset, 0), stop - offset)
                shown.extend((entries[ids[position]], score) for position in chosen)
            offset += size
        return shown

    def search(self, query: str, limit: int = 10) -> list[tuple[Entry, float]]:
        """Entries ranked by how many query words they contain (typos and prefixes allowed)."""
        return self.ranked_hits(self.search_hits(query), 0, limit)
