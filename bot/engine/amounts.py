"""« combien … payé / coûté / valeur … ? » asks an amount of money: the sentence that answers
gives a sum (« 1,6 milliard de dollars »), not a count (« des centaines de drones »), which a
plain « combien » would take as well. Both tests read folded text."""

from __future__ import annotations

import re

from bot.engine.counting import NUMBER_WORDS
from bot.text import fold

_MONEY_ASKED = re.compile(
    r"\b(?:paye[es]?|payes|payer|paient|coute\w*|couter|cout|couts|valeur|valent|vaut|prix"
    r"|montant\w*|budget\w*|depense\w*|factur\w*|somme(?! toute))\b"
)
"""Words by which a question asks a sum of money (folded)."""
_MONEY_UNITS = frozenset(
    " ".join(
        (
            "milliard milliards million millions dollar dollars euro euros manat manats",
            "livre livres rouble roubles usd eur md mds",
        )
    ).split()
)
"""Words that make a number a sum (folded)."""
NEAR_UNIT = 4
"""A sum's unit comes at most this many words after its number (« 1,6 milliard de dollars »)."""


def asks_amount(text: str) -> bool:
    """True when ``text`` (a question or its search words) asks a sum of money."""
    return bool(_MONEY_ASKED.search(fold(text)))


def gives_amount(sentence: str) -> bool:
    """True when ``sentence`` gives a sum: a number followed closely by a unit of money, or a
    currency sign next to a number (« 3 M$ », « €15 »)."""
    if re.search(r"\d\s*(?:Mds?|M|k)?\s*[$€£]|[$€£]\s*\d", sentence):
        return True
    words = re.findall(r"\w+", fold(sentence))
    for at, word in enumerate(words):
        number = word.isdigit() or word in NUMBER_WORDS
        if number and _MONEY_UNITS & set(words[at + 1 : at + 1 + NEAR_UNIT]):
            return True
    return False
