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


def expand(text: str) -> str:
    """``text`` with each shorthand word replaced by its words (spaces tidied); a text that is
    only politeness (« svp ») is kept as it is."""
    expanded = _SHORTHAND.sub(lambda match: SHORTHAND[match.group(1).casefold()], text)
    expanded = re.sub(r"\s{2,}", " ", expanded).strip()
    expanded = re.sub(r"\s+([?!.,;:])", r" \1", expanded)
    return expanded if expanded.strip(" ?!.,;:") else text
