"""« la Hongrie en fait partie ? » just after the card of the OTS: « en » stands for the
organisation shown, so the question is read as « la Hongrie est membre de OTS ? » — never a
sentence that only names Hungary elsewhere (a NATO meeting) given as its « Oui » (issue 22,
outside readers of the thirteenth blind set)."""

from __future__ import annotations

import re

from bot.engine.index import Index

_MEMBER_OF_IT = re.compile(
    r"\b(?:en|y)\s+((?:fait|font|faisait|faisaient|est|sont|était|étaient|etait|etaient"
    r"|sera|seront|devient|deviennent|est devenue?|sont devenu(?:e?s)?)"
    r"(?:-(?:t-)?(?:il|elle|ils|elles))?)\s+(partie|membres?|observat(?:eur|rice|eurs))\b",
    re.IGNORECASE,
)
"""« en fait partie », « en est membre », « y est observateur »: a membership of « en »."""
_CARDS = ("/org ", "/pays ")
"""The previous answers whose subject « en » can stand for: an organisation's card."""


def membership_of_previous(index: Index, text: str, previous_command: str) -> str:
    """``text`` with the membership pronoun (« en fait partie ») spelled out as the actor of
    the card just shown (``previous_command``: « /org OTS »); ``text`` unchanged otherwise."""
    if not previous_command.startswith(_CARDS):
        return text
    name = previous_command.partition(" ")[2].strip()
    match = index.names.find_actor(name, fuzzy=False) if name else None
    if match is None or not match.exact or match.actor.is_country:  # a country has no members
        return text
    found = _MEMBER_OF_IT.search(text)
    if found is None:
        return text
    verb, noun = found.group(1), found.group(2)
    noun = "membre" if noun.casefold() == "partie" else noun
    verb = "est" if found.group(2).casefold() == "partie" else verb
    spelled = f"{verb} {noun} de {match.actor.name}"
    return f"{text[: found.start()]}{spelled}{text[found.end() :]}"
