"""French SMS shorthand read as its words (« signe qd ? » is « signe quand ? »).

Only whole words are expanded, and only spellings that no article uses as a word of its own
(``qd``, ``pq``, ``cb``…): a question typed on a phone reads like the same question in full, in
every reader behind it (intents, follow-ups, search).
"""

from __future__ import annotations

import re

SHORTHAND: dict[str, str] = {
    "qd": "quand",
    "qnd": "quand",
    "pq": "pourquoi",
    "pk": "pourquoi",
    "pkoi": "pourquoi",
    "pquoi": "pourquoi",
    "cb": "combien",
    "cmb": "combien",
    "cbn": "combien",
    "ds": "dans",
    "ss": "sous",
    "tjs": "toujours",
    "tjrs": "toujours",
    "qqn": "quelqu'un",
    "qqch": "quelque chose",
    "qq": "quelques",
    "bcp": "beaucoup",
    "pr": "pour",
    "ac": "avec",
    "avc": "avec",
    "svp": "",
    "stp": "",
    "slt": "",
    "mtn": "maintenant",
    "auj": "aujourd'hui",
    "c koi": "c'est quoi",
    "cest": "c'est",
    "koi": "quoi",
    "ya": "il y a",
    "y'a": "il y a",
    "y’a": "il y a",
    "yavait": "il y avait",
    "y'avait": "il y avait",
}
"""Shorthand → its words ("" for a politeness that asks nothing: « svp »)."""

_SHORTHAND = re.compile(
    r"(?<![\w'’/@-])("
    + "|".join(sorted(map(re.escape, SHORTHAND), key=len, reverse=True))
    + r")(?![\w'’-])",
    re.IGNORECASE,
)


_SHORT_YEAR = re.compile(
    r"\b(depuis|dès|en|jusqu'en|jusqu’en|avant|après|apres) (\d{2})(?=\s*(?:[?!.,;]|$))",
    re.IGNORECASE,
)
"""« depuis 94 ? », « en 25 » (the number last, or before a punctuation mark): a year
written with two digits, never a count (« en 30 jours » is left)."""
CENTURY_PIVOT = 50
"""Two digits up to this are 20xx (« en 25 »: 2025), above it 19xx (« depuis 94 »: 1994)."""


def _year(match: re.Match[str]) -> str:
    digits = int(match.group(2))
    return f"{match.group(1)} {(2000 if digits <= CENTURY_PIVOT else 1900) + digits}"


def expand(text: str) -> str:
    """``text`` with each shorthand word replaced by its words (spaces tidied), and a year
    written with two digits after « depuis », « en » … in full; a text that is only
    politeness (« svp ») is kept as it is."""
    expanded = _SHORTHAND.sub(lambda match: SHORTHAND[match.group(1).casefold()], text)
    expanded = _SHORT_YEAR.sub(_year, expanded)
    expanded = re.sub(r"\s{2,}", " ", expanded).strip()
    expanded = re.sub(r"\s+([?!.,;:])", r" \1", expanded)
    return expanded if expanded.strip(" ?!.,;:") else text
