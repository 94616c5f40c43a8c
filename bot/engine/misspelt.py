"""Misspelt words read as the word meant: « qand », « accrod », « memebre », « otna ».

A word of the question is corrected only when the reader cannot read it as typed: it is in no
article (not even by its stem or as the start of a word: « azer »), it is no word the reader
knows (question words, stop words, dates, kinds, actors), it is no French word (the French
dictionary of ``pyspellchecker``: « coup », « ministre », « vendre » are read as typed, even
where the articles lack them), and it has at least four letters. It
is then read as the nearest word of the base's own vocabulary (every word of the articles and
of the entries) or of the reader's question words, by the optimal-string-alignment distance of
``rapidfuzz`` (one edit — a letter missing, added, changed, or two letters swapped — for words
of four to seven letters, two for longer ones). The first letter must be the same (or swapped
with the second): a reader rarely mistypes it, and « vendre » is no typo of « rendre ».
Several nearest words: the one the articles use most, the reader's question words first.
A typo is never read as a stop word of the base or a word of under four letters (« deal » is
not « delà », « cest » not « ces »; the reader's question words stay: « qand » → « quand »), and a
common English word (« deal », « pact ») is read as typed, unless it is the English spelling of
the French word (« member » → « membre »).

Accents need no correction: every comparison is made on folded words (« strategique » is
« stratégique »). The answer says every correction (« Lu : accord (pour « accrod ») »), so that
a wrong guess is seen at once.
"""

from __future__ import annotations

import gzip
import re
from array import array
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import lru_cache
from importlib.resources import files
from itertools import chain
from types import MappingProxyType

from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.engine.french import is_stop
from bot.engine.index import Index
from bot.engine.seedtext import seed_holds, seed_sources_of, seed_words
from bot.text import fold

SHORTEST = 4
"""Shorter words are never corrected: too many words of the base lie one edit away."""
LONG = 8
"""Words of this many letters or more may be two edits away from the word meant."""

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


_ENTRY = re.compile(r'\s*"([^"\\]*)"\s*:')
"""One word of the dictionary's JSON (one ``"mot": fréquence,`` a line)."""


class FrenchWords:
    """A set of folded words kept as their hashes in one open-addressing table (an
    ``array``): about 2 MiB for the 134,000 words of the French dictionary, where a
    ``frozenset`` of the words held 29 MiB in the bot's process for good. Two different words
    with the same 64-bit hash would both be read as French (never seen; a word read as French
    is only left uncorrected)."""

    def __init__(self, words: Iterable[str]) -> None:
        self._table = array("q", [0]) * (1 << 18)
        self._count = 0
        for word in words:
            self._add(hash(word) or 1)

    def _slot(self, key: int) -> int:
        mask = len(self._table) - 1
        slot = key & mask
        while self._table[slot] not in (0, key):
            slot = (slot + 1) & mask
        return slot

    def _add(self, key: int) -> None:
        if 10 * (self._count + 1) > 7 * len(self._table):  # kept at most 70 % full
            kept = [value for value in self._table if value]
            self._table = array("q", [0]) * (2 * len(self._table))
            for value in kept:
                self._table[self._slot(value)] = value
        slot = self._slot(key)
        if self._table[slot] == 0:
            self._table[slot] = key
            self._count += 1

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self._table[self._slot(hash(word) or 1)] != 0

    def __len__(self) -> int:
        return self._count


def _dictionary_words() -> Iterator[str]:
    """The folded words of ``pyspellchecker``'s French dictionary, read line by line from its
    compressed file (never the whole file, nor the word-frequency table, in memory)."""
    resource = files("spellchecker").joinpath("resources/fr.json.gz")
    with resource.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as lines:
        for line in lines:
            found = _ENTRY.match(line)
            if found:
                yield fold(found.group(1))


@lru_cache(maxsize=1)
def french_words() -> FrenchWords:
    """The folded words of ``pyspellchecker``'s French dictionary (about 134,000): a word
    found there is French as typed, never a typo. Loaded on the first word the base and the
    reader do not know and that lies near one of theirs (about 0.3 s once), never at
    start-up."""
    return FrenchWords(_dictionary_words())


ENGLISH_COMMON = 1000
"""Least frequency (in ``pyspellchecker``'s English table) of an English word read as typed:
« deal », « hub », « drone » are loan words of the domain, never typos of French words."""


@lru_cache(maxsize=1)
def english_words() -> FrenchWords:
    """The common English words (``ENGLISH_COMMON``) of ``pyspellchecker``'s English table,
    loaded like :func:`french_words`: only when a word is near one of the base's."""
    resource = files("spellchecker").joinpath("resources/en.json.gz")
    with resource.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as lines:
        found = (_COUNTED.match(line) for line in lines)
        return FrenchWords(
            fold(hit.group(1)) for hit in found if hit and int(hit.group(2)) >= ENGLISH_COMMON
        )


_COUNTED = re.compile(r'\s*"([^"\\]*)"\s*:\s*(\d+)')
"""One word of a dictionary's JSON with its frequency."""


def _may_be_meant(choice: str, asked: frozenset[str]) -> bool:
    """A word a typo may be read as: never a little word of the base (« cest » is not « ces »,
    « deal » not « delà »), nor a stop word but the reader's question words (« qand » →
    « quand »)."""
    return len(choice) >= SHORTEST and (choice in asked or not is_stop(choice))


def _cognate(word: str, choice: str) -> bool:
    """« member » → « membre », « center » → « centre »: an English spelling of the French
    word (its last two letters swapped), still read as the French word."""
    return len(word) > SHORTEST and word[:-2] == choice[:-2] and word[-2:] == choice[:-3:-1]


def _base_words(index: Index) -> Counter[str]:
    """Folded word → how many articles hold it, plus the words of the entries (built once
    per index from the articles' stem table, which start-up prepares and the snapshot keeps:
    at ×1000 counting every article's words again cost 4.3 s on the first question)."""

    def build() -> Counter[str]:
        counts: Counter[str] = Counter(
            {w: n for w, n in seed_words(index).items() if w.isalpha() and len(w) >= SHORTEST - 1}
        )
        counts.update(w for w in index.fulltext.vocabulary if w.isalpha())
        return counts

    return index.memo("misspelt base words", build)


def _starts_a_word(index: Index, word: str) -> bool:
    """True when ``word`` starts a word of the index (« azer », « strat »)."""
    vocabulary = index.fulltext.vocabulary
    position = bisect_left(vocabulary, word)
    return position < len(vocabulary) and vocabulary[position].startswith(word)


SPELLING_ARTICLES = 5
"""Articles read at most for a word's spelling (the first holding its stem)."""


def _spelled(index: Index, word: str) -> str:
    """``word`` (folded) as the articles spell it most (« cyberdefense » → « cyberdéfense »),
    read in the first articles holding its stem, for the word read to be said and searched as
    they write it; ``word`` itself when none spells it."""

    def build() -> str:
        counts: Counter[str] = Counter()
        for source in seed_sources_of(index, word)[:SPELLING_ARTICLES]:
            text = index.base.seeds.get(source, "")
            counts.update(w.lower() for w in _WORD.findall(text) if fold(w) == word)
        return counts.most_common(1)[0][0] if counts else word

    return index.memo(f"misspelt spelling {word}", build)


def spelled(index: Index, word: str) -> str:
    """``word`` (folded) as the articles spell it most (``_spelled``)."""
    return _spelled(index, word)


def _edits(word: str) -> int:
    return 1 if len(word) < LONG else 2


def _same_start(word: str, other: str) -> bool:
    return word[0] == other[0] or (word[:2] == other[1::-1])


Buckets = Mapping[str, Mapping[int, tuple[str, ...]]]
"""First letter → word length → the base's words (``_base_words``) so starting and so long."""


def _buckets(index: Index) -> Buckets:
    """The base's words by first letter and length, built once per index (at ×1000 a typo
    was compared with every one of the words: 13 ms a question)."""

    def build() -> Buckets:
        found: dict[str, dict[int, list[str]]] = {}
        for word in _base_words(index):
            found.setdefault(word[0], {}).setdefault(len(word), []).append(word)
        return MappingProxyType(
            {
                first: MappingProxyType({size: tuple(words) for size, words in sizes.items()})
                for first, sizes in found.items()
            }
        )

    return index.memo("misspelt buckets", build)


def _reachable(index: Index, word: str) -> list[str]:
    """The base's words that may be ``word``'s: the same first letter (or the first two
    swapped, ``_same_start``) and a length within ``_edits`` of it (one edit changes the
    length by one letter at most)."""
    buckets, edits = _buckets(index), _edits(word)
    sizes = range(len(word) - edits, len(word) + edits + 1)
    same = buckets.get(word[0], {})
    found = list(chain.from_iterable(same.get(size, ()) for size in sizes))
    if word[1] != word[0]:
        swapped = buckets.get(word[1], {})
        found += [w for size in sizes for w in swapped.get(size, ()) if w[1:2] == word[0]]
    return found


def nearest(
    index: Index, word: str, reader_words: Iterable[str], known: Callable[[str], bool]
) -> str | None:
    """The word ``word`` (folded) stands for, or None when it is read as typed or is near
    nothing (see the module's rules)."""
    counts = _base_words(index)
    if len(word) < SHORTEST or not word.isalpha() or word in counts or known(word):
        return None
    if seed_holds(index, word) or _starts_a_word(index, word):
        return None  # an inflection or an abbreviation of a word of the articles
    asked = frozenset(w for w in reader_words if len(w) >= SHORTEST - 1)
    cutoff = _edits(word)
    found = [
        *process.extract(word, asked, scorer=OSA.distance, score_cutoff=cutoff, limit=None),
        *(
            hit
            for hit in process.extract(
                word, _reachable(index, word), scorer=OSA.distance, score_cutoff=cutoff, limit=None
            )
            if hit[0] not in asked
        ),
    ]
    close = [
        (choice, distance)
        for choice, distance, _ in found
        if _same_start(word, choice) and _may_be_meant(choice, asked)
    ]
    if not close or word in french_words():  # the dictionary only when a word is near:
        return None  # « coup », « vendre » are French words the articles lack, read as typed
    if word in english_words() and not all(_cognate(word, choice) for choice, _ in close):
        return None  # « deal », « hub »: a loan word read as typed
    best = min(distance for _, distance in close)
    ranked = sorted(
        (choice for choice, distance in close if distance == best),
        key=lambda choice: (choice not in asked, -counts.get(choice, 0), choice),
    )
    return _spelled(index, ranked[0])


_ELIDED = ("qu", "l", "d", "c", "j", "m", "n", "s", "t")
"""The words French elides before a vowel or a mute h (« l'armée », « c'était », « qu'il »)."""


def unglued(index: Index, word: str) -> str | None:
    """« lexercice », « larmee », « cetait » typed without the apostrophe: « l'exercice »,
    « l'armée », « c'était » — the elided word, then a word the articles hold that starts with
    a vowel or an h; None when ``word`` (folded) is a word of its own (in the articles or the
    French dictionary) or no such split exists."""
    counts = _base_words(index)
    if len(word) < SHORTEST + 1 or not word.isalpha() or word in counts:
        return None
    for elided in _ELIDED:
        rest = word[len(elided) :]
        if word.startswith(elided) and rest[:1] in "aeiouyh" and len(rest) >= 3 and rest in counts:
            # the dictionary only when a split exists (loaded once, lazily)
            return None if word in french_words() else f"{elided}'{_spelled(index, rest)}"
    return None


_AFTER_PREPOSITION = re.compile(
    r"\b(?:dans|de|avec|pour|sur|par|a|à|entre|vers|chez|envers|contre|sans|selon|hors)\s+$",
    re.IGNORECASE,
)
"""A preposition right before a word: « dans lots » is « dans l'OTS », never « des lots »."""


def acronym_unglued(index: Index, word: str) -> str | None:
    """« lots », « lotan » right after a preposition, typed without the apostrophe: the elided
    « l' » glued to an organisation's acronym (« l'OTS », « l'OTAN »), even when the whole is
    a French word of its own; None when the rest is no acronym of the base."""
    if not word.startswith("l") or word[1:2] not in tuple("aeiouy"):
        return None
    meant = _acronyms(index).get(word[1:])
    return f"l'{meant}" if meant else None


def _no_word(index: Index, word: str) -> bool:
    """True when ``word`` (folded) is neither a word of the articles nor a French word: « laze »
    can only be « l'AZE », wherever it stands (« lots » is « l'OTS » only after a preposition)."""
    if not word.startswith("l") or word[1:] not in _acronyms(index):
        return False
    return word not in _base_words(index) and word not in french_words()


def _acronyms(index: Index) -> Mapping[str, str]:
    """Folded acronym → as written (« ots » → « OTS »): the actors' names and aliases of two
    to six capitals."""

    def build() -> Mapping[str, str]:
        found: dict[str, str] = {}
        for actor in index.base.actors.values():
            for name in (getattr(actor, "name", ""), *getattr(actor, "aliases", ())):
                if 2 <= len(name) <= 6 and name.isalpha() and name.isupper():
                    found.setdefault(fold(name), _said(actor, name))
        return MappingProxyType(found)

    return index.unkept("acronyms", build)


def _said(actor: object, acronym: str) -> str:
    """How an acronym read after « l' » is said: a country's code by the country's name when
    it takes « l' » (« AZE »: « Azerbaïdjan »), an organisation's acronym as it is (« OTS »)."""
    name = str(getattr(actor, "name", ""))
    singular = not name.endswith("s")  # « les États-Unis », never « l'États-Unis »
    if getattr(actor, "is_country", False) and fold(name)[:1] in "aeiou" and singular:
        return name
    return acronym


def with_typos_read(
    index: Index, text: str, reader_words: Iterable[str], known: Callable[[str], bool]
) -> tuple[str, tuple[tuple[str, str], ...]]:
    """``text`` with each misspelt word replaced by the word meant, and the pairs (word as
    typed, word read); ``text`` unchanged and () when no word is corrected."""
    read: list[tuple[str, str]] = []
    words = frozenset(reader_words)

    def swap(match: re.Match[str]) -> str:
        typed = match.group(0)
        glued = _AFTER_PREPOSITION.search(text[: match.start()]) or _no_word(index, fold(typed))
        meant = (
            (acronym_unglued(index, fold(typed)) if glued else None)
            or unglued(index, fold(typed))
            or nearest(index, fold(typed), words, known)
        )
        if meant is None or (_named(text, match) and not _is_name(index, meant)):
            return typed  # « Biden » is never « bien »: an unknown name stays a name
        read.append((typed, meant))
        return meant

    changed = _WORD.sub(swap, text)
    return (changed, tuple(read)) if read else (text, ())


_SENTENCE_START = re.compile(r"(?:^|[.?!:;«]\s*)\s*$")


def _named(text: str, match: re.Match[str]) -> bool:
    """True when the word matched is written as a name: a capital, then small letters, and not
    at the start of a sentence (where any word takes a capital)."""
    typed = match.group(0)
    if not typed[:1].isupper() or typed.isupper():
        return False
    return _SENTENCE_START.search(text[: match.start()]) is None


def _is_name(index: Index, meant: str) -> bool:
    """True when ``meant`` (a word read, or an elided one: « l'OTS ») is a name of the articles:
    an actor's name, or a word they write with a capital inside a sentence."""
    word = fold(meant.rsplit("'", 1)[-1])
    if index.names.find_actor(word, fuzzy=False) is not None:
        return True

    def build() -> bool:
        for source in seed_sources_of(index, word)[:SPELLING_ARTICLES]:
            for found in re.finditer(r"(?<=[^\W\d_] )[^\W\d_]+", index.base.seeds.get(source, "")):
                written = found.group(0)
                if written[:1].isupper() and not written.isupper() and fold(written) == word:
                    return True
        return False

    return index.memo(f"misspelt name {word}", build)


def read_as(pairs: tuple[tuple[str, str], ...]) -> str:
    """For the « Compris » line: « Lu : accord (pour « accrod ») »."""
    return "Lu : " + ", ".join(f"{meant} (pour « {typed} »)" for typed, meant in pairs)
