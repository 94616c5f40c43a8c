"""Abbreviations read in the articles' context: « ua » is Ukraine's code and the initials of
the Union africaine, « RU » Russia's code and the initials of the Royaume-Uni (issue 22, task
i22zj: « ua au forum de Bakou, elle a annoncé quoi ? » was read as Ukraine and answered
« not said »).

A short word of the question (two to four letters) is ambiguous when it is one actor's code
or name and the initials of another actor's name of several words (« Union africaine » → UA,
« Royaume-Uni » → RU; little words such as « de », « des » do not count). The reading kept is
the one the articles support in context: the actor whose name shares an article sentence with
the most content words of the question, then an article. When neither does better, the
question keeps its first reading and the « Compris » line names both, so that no answer
says « not said » about a reading that was only guessed.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace

from bot.engine.french import folded_stem, is_stop
from bot.engine.index import Index
from bot.engine.reply import Para, Reply
from bot.engine.unsaid import not_a_key_word
from bot.text import fold

_WORD = re.compile(r"[^\W\d_]+")
_SHORT = re.compile(r"(?<![\w-])[^\W\d_]{2,4}(?![\w'’-])")
_SENTENCE = re.compile(r"(?<=[.!?…])\s+|\n+")
_LITTLE = frozenset({"de", "des", "du", "la", "le", "les", "l", "d", "et", "pour", "en"})


def _initials(index: Index) -> Mapping[str, tuple[str, ...]]:
    """Folded initials → the ids of the actors whose name of several words they spell."""

    def build() -> dict[str, tuple[str, ...]]:
        found: dict[str, dict[str, None]] = {}
        for actor in index.base.actors.values():
            for name in (actor.name, actor.full_name):
                words = [w for w in _WORD.findall(fold(name or "")) if w not in _LITTLE]
                if len(words) >= 2:
                    found.setdefault("".join(w[0] for w in words), {})[actor.id] = None
        return {key: tuple(ids) for key, ids in found.items()}

    return index.memo("initials of actor names", build)


NEAR = 2
"""Sentences either side of one naming an actor that count as its context."""


def _support(index: Index, actor_id: str, stems: set[str]) -> tuple[int, int, int]:
    """How well the articles tie the actor to ``stems``: the most of them in one sentence
    naming it (by a name, an alias or a demonym: « Moscou », « russe »), then within ``NEAR``
    sentences of one, then in one article naming it."""
    actor = index.base.actors[actor_id]
    wanted = [f" {fold(n)} " for n in (*actor.names(), *actor.demonyms) if n and len(n) > 2]
    best = (0, 0, 0)
    for text in index.base.seeds.values():
        sentences = [
            {folded_stem(w) for w in _WORD.findall(fold(sentence))}
            for sentence in _SENTENCE.split(text)
        ]
        naming = [
            at
            for at, sentence in enumerate(_SENTENCE.split(text))
            if any(name in f" {fold(sentence)} " for name in wanted)
        ]
        if not naming:
            continue
        own = max(len(stems & sentences[at]) for at in naming)
        near = max(
            len(stems & set().union(*sentences[max(0, at - NEAR) : at + NEAR + 1])) for at in naming
        )
        best = max(best, (own, near, len(stems & set().union(*sentences))))
    return best


def read_initials(index: Index, text: str) -> tuple[str, str, tuple[str, ...]]:
    """``text`` with each ambiguous abbreviation replaced by the name the articles support in
    its context, and the « Compris » words saying so (« « ua » lu Union africaine, d'après
    le contexte des articles ») or naming both readings, and the names of the readings kept
    only as a guess; ``text``, "" and () when none is."""
    table = _initials(index)
    skip = frozenset(fold(w) for w in _SHORT.findall(text))  # the abbreviations themselves
    said: list[str] = []
    guessed: list[str] = []
    replaced = text
    for match in _SHORT.finditer(text):
        typed = match.group(0)
        key = fold(typed)
        spelled = [a for a in table.get(key, ()) if a in index.base.actors]
        if not spelled or is_stop(key):
            continue
        match_ = index.names.find_actor(typed, fuzzy=False)
        if match_ is None or match_.actor.id in spelled:
            continue
        coded = match_.actor
        readings = [coded.id, *spelled]
        context = {
            folded_stem(w) for w in index.tokens(text) if w != key and not not_a_key_word(w, skip)
        }
        support = {a: _support(index, a, context) for a in readings}
        best = max(readings, key=lambda a: support[a])
        names = " ou ".join(index.base.actors[a].name for a in readings)
        if best == coded.id or support[best] == support[coded.id]:
            said.append(f"« {typed} » peut désigner {names} : lu {coded.name}")
            guessed.append(coded.name)
            continue
        name = index.base.actors[best].name
        replaced = replaced.replace(typed, name, 1)
        said.append(f"« {typed} » lu {name} d'après le contexte des articles (et non {coded.name})")
    return replaced, " ; ".join(said), tuple(guessed)


_NOT_SAID = re.compile(r"ne (?:nomme|nomment|mentionne|mentionnent|disent|dit|le disent)\b")


def without_guessed_absence(reply: Reply, guessed: tuple[str, ...]) -> Reply:
    """``reply`` without the notes that say the articles lack an actor read only as a guess
    (« Ce passage, le plus proche, ne nomme pas « Russie » » for « RU »)."""
    if not guessed:
        return reply
    kept = tuple(
        block
        for block in reply.blocks
        if not (
            isinstance(block, Para)
            and block.style == "note"
            and _NOT_SAID.search(block.text)
            and any(f"« {name} »" in block.text for name in guessed)
        )
    )
    return replace(reply, blocks=kept)
