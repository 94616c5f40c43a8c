"""New organisations a draft proposes: a body the article names with its acronym
(« Communauté des Etats Indépendants (CEI) ») or with what it is (« Milli Madjlis (Parlement
de la République) »), unknown to the base. Each becomes an ``organisations:`` card to complete
(``kind`` left to the curator), and an actor of the meetings whose quotes tell it meeting."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from bot.text import fold

_NAME = r"[A-ZÀ-Þ][\w’'-]+(?:\s+(?:(?:des?|du|d['’]|la|les|et|l['’])\s*)?[A-ZÀ-Þ][\w’'-]+){1,6}"
_WITH_ACRONYM = re.compile(rf"(?P<full>{_NAME})\s*\((?P<short>[A-Z]{{2,6}})\)")
"""« Communauté des Etats Indépendants (CEI) » : a body and its acronym."""
_WITH_GLOSS = re.compile(
    rf"(?P<full>{_NAME})\s*\((?P<gloss>(?:Parlement|Assemblée|Gouvernement|Ministère|Conseil)\b"
    r"[^)]{0,60})\)"
)
"""« Milli Madjlis (Parlement de la République) » : a national body and what it is."""


def _slug(name: str) -> str:
    return "-".join(re.findall(r"[a-z0-9]+", fold(name)))


def new_organisations(text: str, known: Iterable[str]) -> list[dict[str, Any]]:
    """The organisation cards ``text`` calls for: bodies it names with an acronym or a gloss
    that no name of the base (``known``, any actor's names) matches."""
    names = {fold(name) for name in known}
    cards: dict[str, dict[str, Any]] = {}
    for match in _WITH_ACRONYM.finditer(text):
        full, short = match.group("full"), match.group("short")
        if fold(short) in names or fold(full) in names:
            continue
        cards.setdefault(
            _slug(short),
            {
                "id": _slug(short),
                "name": short,
                "full_name": full,
                "kind": None,
                "draft": {"read_from": match.group(0), "note": _NOTE},
            },
        )
    for match in _WITH_GLOSS.finditer(text):
        full = match.group("full")
        if fold(full) in names or any(fold(full) == fold(c["full_name"]) for c in cards.values()):
            continue
        cards.setdefault(
            _slug(full),
            {
                "id": _slug(full),
                "name": full,
                "full_name": full,
                "kind": None,
                "draft": {"read_from": match.group(0), "note": _NOTE},
            },
        )
    return list(cards.values())


_NOTE = (
    "organisation nommée par l'article, inconnue de la base : écrire kind (vocabulaire "
    "organisation_kinds), role et evidence, ou retirer la fiche et son id des actors"
)


def acting_in(card: dict[str, Any], quotes: Iterable[str]) -> bool:
    """True when one of ``quotes`` tells the organisation of ``card`` meeting: someone « a
    participé … à la réunion … » of it, or it « s'est réuni(e) » — the body that acts, an
    actor of that meeting. A body only named (a programme, a company, a meeting still to come,
    « afin de participer à la réunion … de la CEI ») is no actor of the entry."""
    for form in (card["name"], card["full_name"]):
        name = rf"(?<![\w-]){re.escape(form)}(?![\w-])"
        attended = (
            r"\b(?:a|ont)\s+(?:\w+\s+){0,2}?(?:participé|pris\s+part)\s+[^.;]{0,60}?"
            r"\bà\s+la\s+(?:\w+\s+)?(?:réunion|session|séance)\b[^.;]{0,160}?" + name
        )
        met = name + r"[^.;]{0,60}?\bs['’]est\s+réunie?\b"
        if any(re.search(attended, q) or re.search(met, q) for q in quotes):
            return True
    return False
