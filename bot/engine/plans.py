"""« qu'est-ce qui est prévu en 2026 ? »: what the articles give as coming in a period — lines
in the future or conditional, proposals, agreements not yet concluded — and the agreements
whose period covers it (a plan « pour 2026/27 »), each with its tense, date and quote.

A signed agreement dated in the period is no plan: « prévu en 2026 » is not « signé en 2026 ».
Each line keeps the marks every view gives (``common.marked``: « (au futur dans l'article) »,
« proposé »), so a proposal is never shown as decided.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from bot.content.model import Agreement, Event
from bot.engine.common import brief_when, entry_button, key_quotes, line_text
from bot.engine.filters import TimelineFilter, read_filter
from bot.engine.index import Index
from bot.engine.reply import Block, Button, Item, Para
from bot.engine.timeline import describe
from bot.text import count, fold, short_label

_PLANNED = re.compile(
    r"\b(?:prevus?|prevues?|planifie\w*|programme\w*|a venir|envisage\w*|projete\w*"
    r"|attendus?|attendues?)\b"
)
"""Words by which a question asks what is coming."""
COMING_TENSES = frozenset(["futur", "conditionnel"])
COMING_ACTS = frozenset(["propose", "annonce", "en-finalisation"])
COMING_TYPES = frozenset(["proposition"])
HOME = "AZ"
SHOWN = 3
"""Lines shown (each with its quote): a phone screen."""
LINE = 140


@dataclass(frozen=True)
class Coming:
    """A line of what is coming in the period asked, and why it is one."""

    entry: Event | Agreement
    covers: bool
    """True for an agreement whose period covers the one asked (not dated in it)."""


def asks_plans(question: str) -> bool:
    """True when the question asks what is planned (« prévu », « programmé », « à venir »)."""
    return bool(_PLANNED.search(fold(question)))


def _coming(entry: Event | Agreement) -> bool:
    if entry.tense in COMING_TENSES:
        return True
    if isinstance(entry, Agreement):
        return entry.act in COMING_ACTS
    return entry.type in COMING_TYPES


def planned(index: Index, content: str, today: date | None = None) -> tuple[str, list[Coming]]:
    """The period asked and what the articles give as coming in it (actors and themes asked
    kept when they leave something), soonest first; ("", []) when the question names no
    period or nothing is coming in it."""
    wanted = read_filter(index, content, today).filter
    if not (wanted.start and wanted.end):
        return "", []
    low, high = wanted.start, wanted.end
    found: list[Coming] = []
    base = index.base
    entries: list[Event | Agreement] = [*base.events, *base.agreements]
    for entry in entries:
        if entry.date is not None and entry.date.overlaps(low, high) and _coming(entry):
            found.append(Coming(entry, covers=False))
        elif isinstance(entry, Agreement) and entry.period and entry.period.overlaps(low, high):
            found.append(Coming(entry, covers=True))
    asked = [actor for actor in wanted.actors if actor != HOME]
    narrowed = [
        item
        for item in found
        if all(actor in _actors(item.entry) for actor in asked)
        and all(topic in item.entry.topics for topic in wanted.topics)
    ]
    if asked and not narrowed:
        return "", []  # nothing coming for the actor asked: the usual answer says what there is
    found = narrowed or found
    found.sort(key=lambda item: _start(item.entry))
    period = describe(index, TimelineFilter(start=low, end=high))
    return period, found


def _actors(entry: Event | Agreement) -> tuple[str, ...]:
    if isinstance(entry, Agreement):
        return (*entry.parties, *entry.mediators, *entry.related)
    return entry.actors


def _start(entry: Event | Agreement) -> date:
    span = entry.period if isinstance(entry, Agreement) and entry.period else entry.date
    return span.start if span is not None else date.max


def plans_blocks(index: Index, period: str, found: list[Coming]) -> tuple[Block, ...]:
    """« Prévu pour 2026 d'après les articles (N) : » then each line, its date (or the period
    its agreement covers) and its key quote shown whole."""
    base = index.base
    heading = f"{_heading(found)} pour {period} d'après les articles"
    blocks: list[Block] = [Para(f"{heading} ({count(len(found), 'entrée')}) :", "note")]
    for item in found[:SHOWN]:
        entry = item.entry
        if item.covers and isinstance(entry, Agreement) and entry.period is not None:
            label = f"période {entry.period.label()}"
        else:
            label = brief_when(base, entry, 60)
        blocks.append(Item(label, short_label(line_text(base, entry), LINE), entry=entry.id))
        blocks.extend(key_quotes(base, entry)[:1])
    if len(found) > SHOWN:
        more = count(len(found) - SHOWN, "autre entrée", "autres entrées")
        blocks.append(Para(f"+ {more} (boutons ci-dessous).", "note"))
    return tuple(blocks)


def _proposed(item: Coming) -> bool:
    """True for a line that is only a proposal: an event of the proposal type, an agreement
    whose act is « proposé »."""
    entry = item.entry
    if isinstance(entry, Agreement):
        return entry.act == "propose" and not item.covers
    return entry.type in COMING_TYPES


def _heading(found: list[Coming]) -> str:
    """« Prévu » over lines the articles give as coming; « Proposé » when every line is only
    a proposal, « Prévu ou proposé » when some are (issue 22, fidelity class 4: a proposal
    is not « prévu »)."""
    proposals = sum(1 for item in found if _proposed(item))
    if proposals and proposals == len(found):
        return "Proposé"
    return "Prévu ou proposé" if proposals else "Prévu"


def plans_buttons(found: list[Coming]) -> tuple[tuple[Button, ...], ...]:
    """A card button for each line (at most four)."""
    buttons = (entry_button(item.entry) for item in found[:4])
    return tuple((button,) for button in buttons if button is not None)
