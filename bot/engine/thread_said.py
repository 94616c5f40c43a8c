"""Which question a follow-up continues, as its « Compris » line says it: in words, never
as a command or its search words. A command read from a question (« /accord États-Unis
partenariats signé strategique ») is said by the subject its answer is titled with
(« suite de votre question sur « Accord de partenariat stratégique Azerbaïdjan – États-Unis » »,
« … sur les accords (🇺🇸 États-Unis) », « … sur la chronologie (2025 · 🇹🇷 Turquie) »); a
search by the words that steered it (``reading_line.command_said``).
"""

from __future__ import annotations

import re

from bot.engine.commands import answer
from bot.engine.index import Index
from bot.engine.reading_line import command_said
from bot.engine.reply import Para
from bot.text import short_label

_COUNTED = re.compile(r"\s*(?:\(\d+(?: entrées?)?\)|— \d+ résultats?)\s*$")
"""The count a command's title ends with (« (3 entrées) », « (2) »)."""
TITLE_LONGEST = 48
"""Characters of a title said in the « Compris » line (cut between words, « … »)."""
_PLURAL = {"Accords": "les accords", "Chronologie": "la chronologie"}
"""Titles opening on a common noun, said with their article."""


def subject_of(index: Index, command: str) -> str:
    """The subject of ``command`` in words, from its answer's title; "" when it has none."""
    first = next((b.text for b in answer(index, command).blocks if isinstance(b, Para)), "")
    title = _COUNTED.sub("", first).strip()
    if not title:
        return ""
    head, _, rest = title.partition(" — ")
    if head in _PLURAL:
        return f"{_PLURAL[head]} ({rest})" if rest else _PLURAL[head]
    return f"« {short_label(title, TITLE_LONGEST)} »"


def thread_said(index: Index, command: str, typed: str = "") -> str:
    """« suite de … »: the question ``command`` came from, said in words."""
    if command.startswith("/") and not command.startswith("/cherche "):
        subject = subject_of(index, command)
        if subject:
            return f"suite de votre question sur {subject}"
    return f"suite de « {command_said(index, command, typed)} »"
