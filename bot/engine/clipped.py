"""Clipped words read whole: « techno » is « technologique », « strat » « stratégique », « opés »
« opérations », when the articles write the whole word (issue 22, task i22zm: « accord US,
volet techno ? » was answered « Mot des articles sans effet sur ce filtre : « techno » » over an
article that says « L'aspect technologique de l'accord … »).

A word of the question is read as the word it clips when all of these hold:

- it has at least four letters (three before a plural « s »: « opés »), only letters;
- the reader does not read it as typed (a question or stop word, an actor, a date, a kind, a
  topic, conversational filler), it is no word of the French dictionary (« crois » is not
  « croisent »), and no article nor entry holds it as a whole word;
- words of the base (the articles' words and the entries') start with it, are at least
  three letters longer, and all share two more letters (one family: « techno » →
  technologique, technologies; never « tech », technique or technologique): the one the
  articles use most is read (a plural for a plural: « technos » → technologies), spelt as
  they write it.

The answer says it (« Lu : technologique (pour « techno ») »), like a corrected typo, so that a
wrong guess is seen at once.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable

from bot.engine.discourse import is_filler
from bot.engine.index import Index
from bot.engine.seedtext import seed_words
from bot.text import fold

SHORTEST = 4
"""Shorter words are never read as clipped (« ue », « pac »), but before a plural « s »."""
LONGER = 3
"""The whole word has at least this many letters more than the clipped one."""
FAMILY = 2
"""The words it may stand for share at least this many letters past it: one family
(« techno »: technologique, technologies), never several (« tech »: technique,
technologique)."""
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def _sorted_words(index: Index) -> tuple[tuple[str, ...], dict[str, int]]:
    """The base's folded words in order, and how many articles hold each."""

    def build() -> tuple[tuple[str, ...], dict[str, int]]:
        counts = {word: n for word, n in seed_words(index).items() if word.isalpha()}
        for word in index.fulltext.vocabulary:
            if word.isalpha():
                counts.setdefault(word, 0)
        return tuple(sorted(counts)), counts

    return index.memo("clipped sorted words", build)


def _shared(first: str, last: str) -> int:
    """How many first letters ``first`` and ``last`` share (of sorted words: all between)."""
    size = 0
    while size < min(len(first), len(last)) and first[size] == last[size]:
        size += 1
    return size


def whole_word(index: Index, word: str) -> str | None:
    """The base's word that ``word`` (folded) clips, folded, or None (see the module)."""
    ordered, counts = _sorted_words(index)
    if word in counts:
        return None
    starts = [word] if len(word) >= SHORTEST else []
    if word.endswith("s") and len(word) > SHORTEST - 1:  # « opés »: plural of « opé »
        starts.append(word[:-1])
    for start in starts:
        found: list[str] = []
        position = bisect_left(ordered, start)
        while position < len(ordered) and ordered[position].startswith(start):
            if len(ordered[position]) >= len(start) + LONGER:
                found.append(ordered[position])
            position += 1
        if found and _shared(found[0], found[-1]) >= len(start) + FAMILY:
            if start != word:  # « technos »: a plural read as a plural when one is written
                found = [whole for whole in found if whole.endswith(("s", "x"))] or found
            return max(found, key=lambda whole: (counts[whole], -len(whole)))
        if found:
            return None  # « tech », « démo »: technique or technologique, démontré or
            # démonstrations: words of several families, searched as typed
    return None


def with_clipped_read(
    index: Index, text: str, known: Callable[[str], bool]
) -> tuple[str, tuple[tuple[str, str], ...]]:
    """``text`` with each clipped word replaced by the whole word, and the pairs (word as
    typed, word read); ``text`` unchanged and () when none is."""
    from bot.engine.misspelt import french_words, spelled

    read: list[tuple[str, str]] = []

    def swap(match: re.Match[str]) -> str:
        typed = match.group(0)
        folded = fold(typed)
        if len(folded) < SHORTEST or known(folded) or known(folded.rstrip("s")):
            return typed
        if is_filler(folded) or folded in french_words():
            return typed  # « crois » is no clipped « croisent »
        whole = whole_word(index, folded)
        if whole is None:
            return typed
        meant = spelled(index, whole)
        read.append((typed, meant))
        return meant

    changed = _WORD.sub(swap, text)
    return (changed, tuple(read)) if read else (text, ())
