"""Facts about a fact base that tests compute instead of naming: which real countries it does
not hold (so a test of « a country absent from the articles » never names one that a new
article adds)."""

from __future__ import annotations

from babel import Locale

from bot.content.countries import is_known_code
from bot.content.model import FactBase

PREFERRED = ("Lettonie", "Estonie", "Tadjikistan", "Pakistan", "Chine", "Mongolie", "Islande")
"""Tried first, in this order; any other real country follows if the base holds these."""


def absent_countries(base: FactBase, count: int = 5) -> list[str]:
    """``count`` French names of real countries (CLDR) that ``base`` has no actor for."""
    territories = Locale("fr").territories
    by_name = {
        name: code for code, name in territories.items() if len(code) == 2 and code.isalpha()
    }
    others = sorted(set(by_name) - set(PREFERRED))
    found = [
        name
        for name in (*PREFERRED, *others)
        if name in by_name and is_known_code(by_name[name]) and by_name[name] not in base.actors
    ]
    return found[:count]
