"""Yes/no questions the articles answer otherwise: « l'accord avec les USA a été signé en
2025 ? » when the only agreement they give with the United States as a party is dated
10 February 2026.

The other side of « Oui, d'après l'article » (``yesno.py``): a « Pas d'après les articles »
is said only over the article's own dated line and its quote, and only when every line the
articles give of the subject asked (its actors as parties, its kind, its theme, the words the
filter cannot read found in the line's text) falls outside the period asked. Never a bare
« non », never from an absence: with no line of that subject, nothing is said here.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from bot.content.model import Agreement
from bot.engine.common import brief_when, entry_button, key_quotes, line_text
from bot.engine.filters import TimelineFilter, read_filter
from bot.engine.french import LIGHT_WORDS
from bot.engine.index import Dated, Index
from bot.engine.reply import Block, Button, Item, Para
from bot.engine.timeline import describe, select
from bot.text import fold, short_label

HOME = "AZ"
"""The country every line is about: naming it narrows nothing."""
SHOWN = 2
"""Lines shown under the verdict (the others are behind the answer's own buttons)."""
LINE = 150
"""Longest line shown under the verdict (the full text is on the card)."""


def dated_otherwise(
    index: Index, content: str, agreements: bool, today: date | None = None
) -> tuple[str, list[Dated]]:
    """The period a yes/no question asks (« 2025 ») and the lines of its subject that the
    articles date, when none of them overlaps that period; ("", []) otherwise.

    ``content`` is the question without its question words; ``agreements`` says it asks of
    an agreement (only agreements count then, with the asked actors as parties, not
    mediators, and the act asked — « signé » — as theirs)."""
    reading = read_filter(index, content, today)
    wanted = reading.filter
    if not (wanted.start or wanted.end):
        return "", []
    asked = [actor for actor in wanted.actors if actor != HOME]
    if not (asked or wanted.kinds or wanted.topics):
        return "", []  # « signé en 2025 ? » alone names no subject to date
    lines = select(index, replace(wanted, start=None, end=None))
    kept: list[Dated] = []
    for line in lines:
        entry = line.entry
        if agreements and not isinstance(entry, Agreement):
            continue
        if isinstance(entry, Agreement):
            if any(a in entry.mediators and a not in entry.parties for a in asked):
                continue  # a mediator did not sign it
            if not all(a in (*entry.parties, *entry.related) for a in asked):
                continue  # the programme joined (« adhéré au PPP ») is asked of its entry
            if reading.acts and entry.act not in reading.acts:
                continue  # « proposé » is not the « signé » asked
        text = fold(" ".join([line_text(index.base, entry), *(e.quote for e in entry.evidence)]))
        if not all(fold(w)[:5] in text for w in reading.ignored if fold(w) not in LIGHT_WORDS):
            continue  # a word the filter cannot read (« visite ») must be in the line
        kept.append(line)
    if not kept:
        return "", []
    low, high = wanted.start or date.min, wanted.end or date.max
    if any(line.span.overlaps(low, high) for line in kept):
        return "", []
    period = describe(index, TimelineFilter(start=wanted.start, end=wanted.end))
    return period, kept


def otherwise_blocks(index: Index, period: str, lines: list[Dated]) -> tuple[Block, ...]:
    """« Pas d'après les articles : … » then each line with its date (marked when inferred)
    and its key quotes, shown whole."""
    base = index.base
    blocks: list[Block] = [
        Para(
            f"Pas d'après les articles, qui le datent autrement (période demandée : {period}) :",
            "note",
        )
    ]
    for line in lines[:SHOWN]:
        entry = line.entry
        line_shown = short_label(line_text(base, entry), LINE)
        blocks.append(Item(brief_when(base, entry, 60), line_shown, entry=entry.id))
        blocks.extend(key_quotes(base, entry)[:1])
    return tuple(blocks)


def otherwise_buttons(lines: list[Dated]) -> tuple[tuple[Button, ...], ...]:
    """A card button for each line shown."""
    buttons = (entry_button(line.entry) for line in lines[:SHOWN])
    return tuple((button,) for button in buttons if button is not None)
