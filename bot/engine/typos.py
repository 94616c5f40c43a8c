"""Which index words may be a misspelling of a /cherche word: bounds that let the search
score only the words that can reach the ``fuzz.ratio`` cutoff, never leaving one out."""

from __future__ import annotations

import math
from operator import add

TYPO_CUTOFF = 85.0
"""Minimum ``ratio`` for an index word to stand for a misspelt /cherche word."""


def compatible_lengths(size: int, cutoff: float) -> range:
    """The lengths a word may have for its ``fuzz.ratio`` with a word of ``size`` letters to
    reach ``cutoff``: the ratio is at most 200·min(a, b)/(a + b). One point looser than the
    cutoff, so that no rounding ever leaves a word out."""
    loose = cutoff - 1
    return range(
        math.ceil(loose * size / (200 - loose)), math.floor((200 - loose) * size / loose) + 1
    )


def bigram_keys(word: str) -> tuple[str, ...]:
    """The word's bigrams, each repeated one numbered (« anan » → an1, na1, an2): two words
    share as many keys as their bigram multisets have in common. Each word of the full text
    and each actor name is keyed at every build (85,000 at ×1000): the bigrams are paired in
    C (``map``), and only a word holding one bigram twice walks them in Python."""
    pairs = list(map(add, word, word[1:]))
    keys = [pair + "1" for pair in pairs]
    if len(set(pairs)) == len(pairs):  # most words: no bigram twice, each numbered 1
        return tuple(keys)
    seen: dict[str, int] = {}
    for at, pair in enumerate(pairs):
        count = seen[pair] = seen.get(pair, 0) + 1
        if count > 1:
            keys[at] = f"{pair}{count}"
    return tuple(keys)


def shared_bigrams_needed(size: int, other: int, cutoff: float) -> int:
    """The fewest bigram keys a word of ``other`` letters shares with one of ``size`` letters
    when their ``fuzz.ratio`` reaches ``cutoff`` (one point looser, as for the lengths).

    The ratio is 200·L/(size + other), L the longest common subsequence. Of its L − 1
    neighbouring pairs, each letter of either word left out of it can split at most one pair
    in that word; the pairs split in neither are bigrams both words hold: at least
    (L − 1) − (size − L) − (other − L)."""
    common = math.ceil((cutoff - 1) * (size + other) / 200)
    return 3 * common - size - other - 1
