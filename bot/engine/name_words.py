"""A word near a name is not a name when it is a word of its own: « qui a succédé au NCCA en
1997 ? » names no Sweden (« succede » is one letter pair from « suede »).

A fuzzy match (a typo of a name) becomes an actor only when the word is neither
- a word of the articles' full text (any inflection: the word is written as they write it,
  so it is no misspelling — unless it is an inflection of the actor's own name, « turques »),
- nor a verb form: the word right after an auxiliary of the question (« a succédé », « ont
  suédé », « est suivi »), which names an act, never a place.
Exact names, aliases and adjectives are read as before (``_a_place`` keeps the common noun
rule for « réunion »).
"""

from __future__ import annotations

import re

from bot.content.model import Actor
from bot.engine.french import folded_stem
from bot.engine.index import Index
from bot.engine.seedtext import seed_holds
from bot.text import fold

AUXILIARIES = frozenset(
    [
        "a",
        "ai",
        "as",
        "avons",
        "avez",
        "ont",
        "avait",
        "avaient",
        "avais",
        "aura",
        "auront",
        "aurait",
        "auraient",
        "eu",
        "ete",
        "est",
        "sont",
        "etait",
        "etaient",
        "sera",
        "seront",
        "serait",
        "fut",
        "furent",
    ]
)
"""Forms of « avoir » and « être » (folded) that put the next word as a verb form."""


def _own_inflection(actor: Actor, word: str) -> bool:
    """True when ``word`` is an inflection of one of the actor's one-word names or
    adjectives (« turques » of « turque »)."""
    stem = folded_stem(word)
    for name in (*actor.names(), *actor.demonyms):
        folded = fold(name)
        if " " not in folded and folded_stem(folded) == stem:
            return True
    return False


def after_auxiliary(word: str, text: str) -> bool:
    """True when ``word`` (folded) follows an auxiliary in ``text``: a past participle."""
    words = re.findall(r"\w+", fold(text))
    return any(
        current == word and position > 0 and words[position - 1] in AUXILIARIES
        for position, current in enumerate(words)
    )


def a_word_not_a_name(index: Index, actor: Actor, word: str, text: str) -> bool:
    """True when ``word``, a fuzzy match of ``actor``, is a word of its own in ``text``: a
    verb form after an auxiliary, or a word the articles write that is not the actor's."""
    folded = fold(word)
    if " " in folded:
        return False
    if after_auxiliary(folded, text):
        return True
    return seed_holds(index, folded) and not _own_inflection(actor, folded)
