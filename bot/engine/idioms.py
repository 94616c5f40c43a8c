"""French verb phrases whose noun names nothing: « avoir lieu » (take place).

« quand a eu lieu l'exercice ? » asks a date: its « lieu » is no place to look for, no word
to search and no word to set aside. The phrase keeps its verb and loses the noun, before any
reader sees the question (question type, filter, search).
"""

from __future__ import annotations

import re

_TAKES_PLACE = re.compile(
    r"\b((?:a|ont|aura|auront|avait|avaient|avoir|aurait|auraient|aurai)"
    r"(?:-t-(?:il|elle|ils|elles|on))?(?:\s+(?:bien|déjà|deja|vraiment|eu))*)\s+lieu\b",
    re.IGNORECASE,
)


def without_idioms(text: str) -> str:
    """``text`` with « lieu » of « avoir lieu » taken out (« a eu lieu » → « a eu »)."""
    return _TAKES_PLACE.sub(r"\1", text)
