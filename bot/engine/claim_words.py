"""A checked claim in the articles' words, before its quotes are read for a « Non »: « le plan
defense uk-aze court jusqu'en 2030 ? » is checked as « le plan defense Royaume-Uni Azerbaïdjan
court jusqu'en 2030 ? », « court » never sought (issue 22, phone readers of the tenth blind set).

A claim ties a quote to itself by its subject words (``fact_check.contradicted``): an actor
typed by a short name (« uk », « aze », « usa ») is held by a quote naming it in full, so it is
written as the actor's name; a place stays a place (« à washington » typed without its capital
is « à Washington », the slot compared with the quote's « à Bakou »); and a word no article
holds (« court », « trump ») is returned apart, never sought in a quote: no quote could hold
it, so it cannot tell the claim's subject from another (the « Compris » line names the words
no article uses). Numbers and years stay: they are the values checked.
"""

from __future__ import annotations

import re

from bot.engine.french import is_stop
from bot.engine.index import Index
from bot.engine.seedtext import seed_holds
from bot.engine.verdicts import ROUGHLY
from bot.text import fold

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_PLACE_BEFORE = frozenset({"à", "a", "au", "aux"})
"""Words after which an actor's name is a place (« à Washington »), kept as typed."""


def claim_in_articles_words(index: Index, claim: str) -> tuple[str, frozenset[str]]:
    """``claim`` with its actors written by their names (a place kept, capitalised), and its
    words no article holds (folded): a quote is never asked to hold them."""
    text = claim.replace("’", "'")
    unheld: set[str] = set()

    def written(match: re.Match[str]) -> str:
        token = match.group(0)
        if is_stop(token) or len(token) < 2:
            return token
        before = text[: match.start()].split()
        place = bool(before) and fold(before[-1]) in _PLACE_BEFORE
        parts = [part for part in token.split("-") if part]
        if len(parts) > 1 and all(index.names.find_actor(p, fuzzy=False) for p in parts):
            return " ".join(_written(index, part, place) for part in parts)  # « uk-aze »
        if index.names.find_actor(token, fuzzy=False) is not None:
            return _written(index, token, place)
        folded = fold(token)
        if not seed_holds(index, folded) and folded.rstrip("s") not in ROUGHLY:
            unheld.add(folded)
        return token

    return _WORD.sub(written, text), frozenset(unheld)


def _written(index: Index, word: str, place: bool) -> str:
    """An actor's word as the check reads it: a place after « à » capitalised, else the
    actor's name."""
    if place:
        return word[:1].upper() + word[1:]
    match = index.names.find_actor(word, fuzzy=False)
    return match.actor.name if match is not None else word
