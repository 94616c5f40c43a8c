"""Near synonyms a reader uses for what the articles name otherwise: « oléoduc » asked where
they write « pipeline ». A word of the question that no article holds, whose near synonym one
does, is read as that synonym (and said so in the « Compris » line), so that the search finds
the passage on it instead of one that only shares the question's little words.

Only a word absent from every article is replaced: when the articles hold it, it is searched as
asked.
"""

from __future__ import annotations

import re

from bot.engine.index import Index
from bot.engine.seedtext import seed_holds
from bot.text import fold

NEAR: dict[str, tuple[str, ...]] = {
    "oleoduc": ("pipeline",),
    "oleoducs": ("pipeline",),
    "pipeline": ("oleoduc",),
    "pipelines": ("oleoduc",),
    "tanker": ("petrolier",),
    "tankers": ("petrolier",),
    "petrolier": ("tanker",),
    "petroliers": ("tanker",),
    "bosser": ("travailler",),
    "bosse": ("travailler",),
    "bossent": ("travailler",),
    "bossera": ("travailler",),
    "bosseront": ("travailler",),
    "stop": ("arrêté",),
    "stoppe": ("arrêté",),
    "stopper": ("arrêté",),
    "stoppee": ("arrêté",),
    "stoppes": ("arrêté",),
    "stoppees": ("arrêté",),
}
"""Folded word → the words the articles may use for the same thing, nearest first (« stoppé »
is « arrêté »). Only words that name the same thing or act: a gas pipeline (« gazoduc ») is
not an oil pipeline, so it is never read as « pipeline » or « oléoduc » (an outside reader saw
« gazoduc » answered with Lukoil's oil pipeline to Novorossiysk)."""

_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def with_near_words(index: Index, text: str) -> tuple[str, tuple[tuple[str, str], ...]]:
    """``text`` with each word no article holds replaced by its first near synonym that one
    does, and the pairs (word asked, word read) replaced; ``text`` unchanged and () when
    there is none."""
    read: list[tuple[str, str]] = []

    def swap(match: re.Match[str]) -> str:
        word = match.group(0)
        near = NEAR.get(fold(word))
        if not near or seed_holds(index, word):
            return word
        held = next((other for other in near if seed_holds(index, other)), None)
        if held is None:
            return word
        read.append((word, held))
        return held

    changed = _WORD.sub(swap, text)
    return (changed, tuple(read)) if read else (text, ())


def read_as(pairs: tuple[tuple[str, str], ...]) -> str:
    """For the « Compris » line: « « oléoduc » lu « pipeline », le mot employé par les
    articles »."""
    return " ; ".join(
        f"« {asked} » lu « {held} », le mot employé par les articles" for asked, held in pairs
    )
