"""A done act's sentence may hold a future relative clause: « Le ministre, venu participer à la
réunion qui se tiendra à Tachkent, a rencontré son homologue » tells a meeting that took
place; only the clause's own event (the council) is still to come."""

from __future__ import annotations

import re

_RELATIVE_FUTURE = re.compile(
    r"\b(?:qui|où|dont)\s+(?:se\s+|s['’]\s?|y\s+|l['’]\s?|les?\s+|la\s+)?"
    r"(?:\w+ra|\w+ront|\w+rait|\w+raient|doit|doivent|devra|devront)\b[^,.;:]*",
    re.IGNORECASE,
)
_DONE = re.compile(
    r"\b(?:a|ont|avait|avaient|est|sont|s['’]est|se\s+sont)\s+(?:\w+\s+)?"
    r"\w{3,}(?:é|ée|és|ées|e|i|is|ie|ies|u|us|ue|ues|it|ite|ert|erte)\b",
    re.IGNORECASE,
)


def main_clauses(text: str) -> str:
    """``text`` without the future relative clauses of its subject (« qui se tiendra à
    Tachkent ») when a done verb follows them (« …, a rencontré »); otherwise ``text`` as it
    is: « ont annoncé un exercice qui débutera demain » is about the exercise to come."""
    clauses = list(_RELATIVE_FUTURE.finditer(text))
    if not clauses or not _DONE.search(text, clauses[-1].end()):
        return text
    return _RELATIVE_FUTURE.sub(" ", text)
