"""French words as a search engine reads them: elision cut, stop words out, each word stemmed.

The stemmer is Snowball's French one (``pystemmer``): « réunions » and « réunion », « signées »
and « signé », « accords » and « accord » meet on one stem. A stem is taken on the accented
word, then folded like every key of the index (no accents, no case).
"""

from __future__ import annotations

import re
from functools import lru_cache

import Stemmer

from bot.text import fold

_ELISION = re.compile(r"\b(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu|quoiqu)['’]", re.IGNORECASE)
_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
_STEMMER = Stemmer.Stemmer("french")

STOP_WORDS = frozenset(
    " ".join(
        (
            "a à au aux avec ce ces cet cette c ça d de des du elle elles en et est été être eu",
            "il ils je j l la le les leur leurs lui m ma mais me même mes moi mon n ne ni nos",
            "notre nous on ont ou où par pas pour qu que quel quelle quelles quels qui s sa",
            "sans se ses si son sont sur t ta te tes toi ton tu un une unes uns vos votre vous",
            "y étaient était étais avait avaient ai as avons avez sera seront serait seraient",
            "fut dit dite dits cela ceci celui celle ceux celles dont alors donc car comme",
            "aussi très plus moins tout tous toute toutes autre autres quoi comment pourquoi",
            "combien quand propos au-delà delà",
        )
    ).split()
)
"""Words that carry no content for a search (folded before use)."""
_STOP = frozenset(fold(word) for word in STOP_WORDS)

LIGHT_WORDS = frozenset(
    fold(word)
    for word in " ".join(
        (
            "encore toujours déjà jamais désormais enfin vraiment bien actuellement maintenant",
            "seulement également surtout beaucoup peu trop assez souvent parfois longtemps",
            "bientôt tard tôt ensuite puis récemment officiellement réellement",
            "autant tellement tant",
        )
    ).split()
)
"""Adverbs of time, aspect and degree (« encore », « toujours », « déjà », « autant »):
searched, but they
say how or when of what is asked, never what — a sentence sharing one with the question
must not outweigh the one holding its noun (« pétrole »)."""
LIGHT_WEIGHT = 0.25
"""The share of its rarity weight a light word keeps in a ranking (``LIGHT_WORDS``)."""


def lightness(word: str) -> float:
    """The factor a folded query word's weight is taken with: ``LIGHT_WEIGHT`` for an adverb
    of ``LIGHT_WORDS``, else 1."""
    return LIGHT_WEIGHT if word in LIGHT_WORDS else 1.0


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The folded Snowball stem of one word (« Réunions » → « reunion »)."""
    return fold(_STEMMER.stemWord(word.casefold()))


def words(text: str) -> list[str]:
    """The words of ``text``, elision cut (« l'accord » → « accord »), in their own spelling."""
    return _WORD.findall(_ELISION.sub(" ", text.replace("\u2019", "'")))


def is_stop(word: str) -> bool:
    """True for a word that says nothing about what is sought (« le », « dit », « c'était »)."""
    return fold(word) in _STOP


@lru_cache(maxsize=65536)
def folded_stem(word: str) -> str:
    """The Snowball stem of an already folded word (for tables built over folded text)."""
    return str(_STEMMER.stemWord(word))


@lru_cache(maxsize=65536)
def spelled_stem(word: str) -> str:
    """The Snowball stem of a word in its own spelling, accents kept (« arménienne » →
    « arménien », so that it never shares « arme » with « armements »)."""
    return str(_STEMMER.stemWord(word.casefold()))
