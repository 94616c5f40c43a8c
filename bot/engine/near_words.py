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
    # adopting, validating, endorsing a text is approving it (« la feuille de route … a été
    # approuvée »): asked « adopté », « validé », the forum's roadmap answers
    # (« ratifié » is not: a ratification is another act, said absent when no article has it)
    **{
        f"{stem}{end}": ("approuvée", "approuvé")
        for stem in ("adopt", "valid", "enterin")
        for end in ("e", "ee", "es", "ees", "er")
    },
    # a stance: « qui s'oppose / bloque / freine ? » asks who is against (« Moscou et Téhéran
    # sont arqueboutés contre ce projet »), « qui soutient ? » who is for it (« soutenu par »)
    **{
        f"{stem}{end}": ("contre",)
        for stem in ("oppos", "bloqu", "frein")
        for end in ("e", "ent", "es", "er", "ee", "ees", "ait", "aient")
    },
    **{f"{word}": ("soutenu",) for word in ("soutient", "soutiennent", "soutenir", "appuie")},
    # beginning: « a commencé / démarré avec l'OTAN » is what the articles put as « ont débuté
    # en 1992 » (« le début de la coopération » also, but « début octobre » is a date: the verb
    # first), never the latest exercise found on the question's other words
    **{
        f"{stem}{end}": ("débuté", "débutée", "débutés")
        for stem in ("commenc", "demarr")
        for end in ("e", "ee", "es", "ees", "er", "ent", "ait", "aient")
    },
    "matos": ("matériel",),  # familiar for « matériel » (« du matériel israélien »)
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
