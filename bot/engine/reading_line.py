"""The « Compris » line of a question answered by a search: what it asks, then the searched
words in the question's own spelling (« Compris : « qui ? » — une recherche de « présidé
forum Bakou » »), not the folded words the index compares (« preside forum bakou »)."""

from __future__ import annotations

import re

from bot.engine.index import Index
from bot.engine.passage import asked_type

ASKED = {"qui": "qui", "quand": "quand", "ou": "où", "combien": "combien", "media": "quel média"}
"""What a question of each type asks, as the reading line says it."""
_WORD = re.compile(r"[\w’'-]+")
_PRONOUN = re.compile(r"-(?:t-)?(?:il|elle|ils|elles|on|vous|nous|je|tu)$", re.IGNORECASE)
"""« prévoit-il », « Pourriez-vous »: the verb without its pronoun."""
_ELISION = re.compile(r"^(?:[ldjmnst]|qu|jusqu|lorsqu|puisqu)['’]", re.IGNORECASE)


def spelled(index: Index, question: str, words: str) -> str:
    """``words`` (folded search words) each in the spelling the question gives it (accents,
    capitals, « Royaume-Uni » once for « royaume uni », « prévoit » for « prévoit-il »); an
    actor's code carried over from the previous question (« az ») is said by its name; any
    other word the question does not hold as such stays as searched."""
    typed = [_PRONOUN.sub("", _ELISION.sub("", word)) for word in _WORD.findall(question)]
    if typed and typed[0][1:].islower():  # capitalised only as the sentence's first word
        typed[0] = typed[0].lower()
    actors = index.base.actors
    shown: list[str] = []
    for word in words.split():
        original = next((t for t in typed if word in index.tokens(t)), "")
        code = word.upper()
        if code in actors and original in ("", code):  # an actor's code (« AZ »): its name
            original = actors[code].name
        original = original or word
        if not shown or shown[-1] != original:
            shown.append(original)
    return " ".join(shown)


def search_said(index: Index, question: str, words: str) -> str:
    """How a question read as a search is said: « « qui ? » — une recherche de « … » »."""
    kind = asked_type(question)
    head = f"« {ASKED[kind]} ? » — " if kind in ASKED else ""
    return f"{head}une recherche de « {spelled(index, question, words)} »"
