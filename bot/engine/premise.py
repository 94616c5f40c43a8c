"""A period taken from the question is the question's, never an entry's date (issue 22, i22zp).

A question's « depuis 1992 » becomes the command's « depuis 1992-01-01 »; the « Compris » line
of a follow-up says it back as asked (« depuis 1992 »), never as a day no article gives. And once
the answer said « Non » to the question's claim (« dès 1992, non ? » → « Non : … de 1994 »), a
follow-up goes on with the subject, not with the period the articles just contradicted.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from bot.engine.reply import Para, Reply
from bot.engine.thread import Asked
from bot.engine.timeline import bound_words

_BOUND = re.compile(r"\b(depuis|avant) (\d{4})-(\d{2})-(\d{2})\b")
_PERIOD = re.compile(r"(?:^|(?<=\s))(?:(?:depuis|avant) )?\d{4}(?:-\d{2}){0,2}(?:-\d{4})?(?=\s|$)")
"""A period in a command the bot wrote (« avant 2030-01-01 », « 2025 », « 2024-2026 »); a
year inside an id (« plan-defense-az-gb-2026-2027 ») is no period."""
REFUSED = "Non :"
"""How an answer opens that says the question's claim is not what the articles say."""


def periods_spoken(command: str) -> str:
    """``command`` with its one-sided periods said as asked (« depuis 1992 », « avant 2030 »)."""

    def said(match: re.Match[str]) -> str:
        day = date(int(match.group(2)), int(match.group(3)), int(match.group(4)))
        if match.group(1) == "depuis":
            return bound_words(day, None)
        return bound_words(None, date.fromordinal(day.toordinal() - 1))

    return _BOUND.sub(said, command)


def premise_dropped(reply: Reply, asked: Asked | None) -> Asked | None:
    """``asked`` without its period when ``reply`` opens on « Non : » (the question's claim
    refused): a follow-up never keeps the contradicted premise as a filter."""
    first = next((b.text for b in reply.blocks if isinstance(b, Para)), "")
    if asked is None or not first.startswith(REFUSED):
        return asked
    data = " ".join(_PERIOD.sub(" ", asked.data).split())
    command = " ".join(_PERIOD.sub(" ", asked.command).split())
    if data == asked.data and command == asked.command:
        return asked
    return replace(asked, data=data, command=command)
