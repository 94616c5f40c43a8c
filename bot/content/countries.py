"""Country names (French and English, from CLDR through Babel) and flags from ISO codes."""

from __future__ import annotations

from functools import cache

from babel import Locale


@cache
def _territories(locale: str) -> dict[str, str]:
    return dict(Locale.parse(locale).territories)


NOT_COUNTRIES = frozenset({"UN", "EU", "EZ", "QO", "XA", "XB", "ZZ"})
"""CLDR « territories » that are no country: Nations Unies, Union européenne, zone euro, a
region, test codes. An organisation is never drafted or written as a country."""


def is_country_code(code: str) -> bool:
    """True when ``code`` is a known alpha-2 code of a country (not an organisation)."""
    return is_known_code(code) and code not in NOT_COUNTRIES


def is_known_code(code: str) -> bool:
    """True when ``code`` is an ISO 3166 alpha-2 code CLDR names."""
    return code.isalpha() and len(code) == 2 and code in _territories("fr")


def country_name(code: str, locale: str = "fr") -> str:
    """The country's name in ``locale`` ("fr" or "en"): ``country_name("GB")`` → "Royaume-Uni"."""
    return _territories(locale)[code]


def flag(code: str) -> str:
    """The flag emoji of an alpha-2 code, made of two regional indicator symbols."""
    return "".join(chr(0x1F1E6 + ord(letter) - ord("A")) for letter in code.upper())


def all_country_names() -> list[str]:
    """French and English names of every ISO 3166 alpha-2 territory CLDR knows."""
    found: list[str] = []
    for locale in ("fr", "en"):
        found += [name for code, name in _territories(locale).items() if is_known_code(code)]
    return found


@cache
def _french_by_name() -> dict[str, str]:
    from bot.text import fold  # folded names, as the index compares them

    found: dict[str, str] = {}
    for locale in ("fr", "en"):
        for code, name in _territories(locale).items():
            if is_known_code(code):
                found.setdefault(fold(name), _territories("fr")[code])
    return found


def french_country_name(name: str) -> str | None:
    """The French name of a country named in French or English (« germany » → « Allemagne »),
    or None when ``name`` names no country CLDR knows."""
    from bot.text import fold

    return _french_by_name().get(fold(name))
