"""A claim about where most of something comes from, that a quote gives to another actor:
« l'arsenal azerbaïdjanais est surtout turc ? » over « La grande majorité des armements azéris
sont encore d'origine russe mais … l'apport de matériels … turcs ». The asked actor may stand
elsewhere in the quote (a lesser share); the majority clause names another one, so the claim is
contradicted, and the clause is what the answer says first.

Only a clause that opens on a word of the majority (« la grande majorité », « l'essentiel »,
« la plupart », « majoritairement », « surtout », « principalement », « en majorité »), cut at
« mais », « ; », « : » or the sentence's end, is read; it must name an actor that the question
does not name, and none that it does but those the question and clause share (the owner,
« azerbaïdjanais » / « azéris »). Anything else: no verdict.
"""

from __future__ import annotations

import re

from bot.engine.index import Index
from bot.text import fold

_ASKED = re.compile(
    r"\b(?:surtout|majoritairement|essentiellement|principalement|avant tout|en majorite"
    r"|en grande partie|la plupart|l essentiel|la majorite|la grande majorite)\b"
)
"""Folded words of a question claiming the greater share (« surtout turc »)."""
_SAID = re.compile(
    r"\b(?:la (?:grande |tres grande |vaste )?majorite|l essentiel|la plupart|majoritairement"
    r"|en majorite|surtout|principalement|essentiellement)\b"
)
"""A folded clause giving the greater share."""
_CLAUSES = re.compile(r"[^;:.!?]+?(?=\s+mais\b|[;:.!?]|$)")
"""The clauses of a quote, cut at « mais », « ; », « : » or a sentence's end."""


def _actors(index: Index, folded: str) -> set[str]:
    exact = index.names.exact
    found: set[str] = set()
    for word in re.findall(r"[a-z]+", folded):
        if len(word) >= 3 and (actor := exact.get(word)) is not None:
            found.add(actor)
    return found


def majority_otherwise(index: Index, question: str, quote: str) -> str:
    """« ils disent « La grande majorité … d'origine russe » » when ``question`` claims the
    greater share for an actor and ``quote``'s majority clause gives it to another; "" else."""
    asked = fold(question)
    if not _ASKED.search(asked):
        return ""
    in_question = _actors(index, asked)
    for clause in _CLAUSES.finditer(quote):
        folded = fold(clause.group(0))
        if not _SAID.search(folded):
            continue
        in_clause = _actors(index, folded)
        if in_clause - in_question and in_question - in_clause:
            return f"ils disent « {clause.group(0).strip(' ,')} »"
        return ""
    return ""
