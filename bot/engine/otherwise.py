"""Yes/no questions the articles answer otherwise: « l'accord avec les USA a été signé en
2025 ? » when the only agreement they give with the United States as a party is dated
10 February 2026.

The other side of « Oui, d'après l'article » (``yesno.py``): a « Pas d'après les articles »
is said only over the article's own dated line and its quote, and only when every line the
articles give of the subject asked (its actors as parties, its kind, its theme, the words the
filter cannot read found in the line's text) falls outside the period asked. Never a bare
« non », never from an absence: with no line of that subject, nothing is said here.

A verdict about a period is about the act asked: « membre de l'OTAN depuis 1994 ? » is not
answered by the 1992 adhesion to another body (the North Atlantic Cooperation Council) that
names NATO only as the relation it opened. A joining line whose headline names another body
first than the one asked is a different act: then the articles' own joining lines of that
subject are shown under what they join (« visent une autre instance »), never « dated
otherwise ».
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from bot.content.model import Agreement, Event
from bot.engine.acted import has_act
from bot.engine.common import brief_when, entry_button, key_quotes, line_text
from bot.engine.filters import TimelineFilter, read_filter
from bot.engine.french import LIGHT_WORDS
from bot.engine.index import Dated, Index
from bot.engine.reply import Block, Button, Item, Para
from bot.engine.timeline import bound_words, describe, is_kind, select
from bot.text import fold, short_label

HOME = "AZ"
"""The country every line is about: naming it narrows nothing."""
SHOWN = 2
"""Lines shown under the verdict (the others are behind the answer's own buttons)."""
LINE = 150
"""Longest line shown under the verdict (the full text is on the card)."""
JOINING = ("adhesion",)
"""Kinds (and acts) whose object is a body joined: the body asked must be the one joined."""


@dataclass(frozen=True)
class Otherwise:
    """What a yes/no question on a period gets instead of a « oui »: ``lines`` dated outside
    ``period`` (same act), or, with ``elsewhere`` (the bodies asked), joining lines of
    another body."""

    period: str
    lines: list[Dated]
    elsewhere: tuple[str, ...] = ()


def dated_otherwise(
    index: Index, content: str, agreements: bool, today: date | None = None, question: str = ""
) -> Otherwise:
    """The period a yes/no question asks (« 2025 ») and the lines of its subject that the
    articles date, when none of them overlaps that period; no lines otherwise. When every
    line of a joining asked joins another body than the one asked, those lines with
    ``elsewhere`` set, whatever their dates.

    ``content`` is the question without its question words; ``agreements`` says it asks of
    an agreement (only agreements count then, with the asked actors as parties, not
    mediators, and the act asked — « signé » — as theirs); ``question`` (whole) is read for
    a joining act (« a adhéré ») that ``content`` may have left out: only joinings count then."""
    reading = read_filter(index, content, today)
    wanted = reading.filter
    if not (wanted.start or wanted.end):
        return Otherwise("", [])
    asked = [actor for actor in wanted.actors if actor != HOME]
    if not (asked or wanted.kinds or wanted.topics):
        return Otherwise("", [])  # « signé en 2025 ? » alone names no subject to date
    lines = select(index, replace(wanted, start=None, end=None))
    joining = _joining_asked(index, wanted.kinds, question)
    kept: list[Dated] = []
    joined_elsewhere: list[Dated] = []
    for line in lines:
        entry = line.entry
        if agreements and not isinstance(entry, Agreement):
            continue
        if joining and not _is_joining(index, entry, joining):
            continue  # « a adhéré à l'OTAN en 2000 ? »: an exercise with NATO is no answer
        joined = _joined(index, line) if asked and joining else ""
        if joined and joined not in asked:
            joined_elsewhere.append(line)  # the 1992 NCCA adhesion is no NATO membership
            continue
        if isinstance(entry, Agreement) and not joined:
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
    period = (
        describe(index, TimelineFilter(start=wanted.start, end=wanted.end))
        if wanted.start and wanted.end
        else bound_words(wanted.start, wanted.end)
    )
    if not kept:
        if not joined_elsewhere:
            return Otherwise("", [])
        bodies = tuple(index.base.actors[actor].name for actor in asked)
        ordered = sorted(joined_elsewhere, key=lambda line: line.span.start)
        return Otherwise(period, ordered, bodies)
    low, high = wanted.start or date.min, wanted.end or date.max
    if any(line.span.overlaps(low, high) for line in kept):
        return Otherwise("", [])
    return Otherwise(period, kept)


def _joining_asked(index: Index, kinds: tuple[str, ...], question: str) -> tuple[str, ...]:
    """The joining kinds the question asks: read by the filter (« membre ») or, in the whole
    question, a word starting with one of the act's stems (« adhéré »)."""
    found = [kind for kind in kinds if kind in JOINING]
    said = fold(question).replace("'", " ").split()
    for term in index.base.vocabulary.acts:
        stated = any(word.startswith(stem) for stem in term.stems for word in said)
        if term.id in JOINING and term.id not in found and stated:
            found.append(term.id)
    return tuple(found)


def _is_joining(index: Index, entry: Event | Agreement, joining: tuple[str, ...]) -> bool:
    """Whether the entry is one of the joining kinds or acts asked."""
    return any(is_kind(entry, kind) for kind in joining) or has_act(index, entry, joining)


def _joined(index: Index, line: Dated) -> str:
    """The body a joining line joins: the first actor (not the home country) its headline
    names (« adhère au Partenariat pour la paix de l'OTAN »: the programme); "" if none."""
    headline = f" {_words(fold(line_text(index.base, line.entry)))} "
    found: list[tuple[int, str]] = []
    for actor in line.actors:
        if actor == HOME or actor not in index.base.actors:
            continue
        for name in index.base.actors[actor].names():
            folded = _words(fold(name))
            at = headline.find(f" {folded} ") if len(folded) > 2 else -1
            if at >= 0:
                found.append((at, actor))
    return min(found)[1] if found else ""


def _words(text: str) -> str:
    """``text`` with elisions and punctuation turned to single spaces."""
    return " ".join("".join(c if c.isalnum() else " " for c in text).split())


def otherwise_blocks(index: Index, said: Otherwise) -> tuple[Block, ...]:
    """« Pas d'après les articles : … » (for another body joined: what the joinings the
    articles date aim at) then each line with its date (marked when inferred) and its key
    quotes, shown whole."""
    base = index.base
    period = said.period
    if said.elsewhere:
        bodies = " ni ".join(f"« {body} »" for body in said.elsewhere)
        verdict = (
            f"Pas d'après les articles : les adhésions qu'ils datent visent une autre "
            f"instance que {bodies} (période demandée : {period}) :"
        )
    else:
        verdict = (
            f"Pas d'après les articles, qui le datent autrement (période demandée : {period}) :"
        )
    blocks: list[Block] = [Para(verdict, "note")]
    for line in said.lines[:SHOWN]:
        entry = line.entry
        line_shown = short_label(line_text(base, entry), LINE)
        blocks.append(Item(brief_when(base, entry, 60), line_shown, entry=entry.id))
        blocks.extend(key_quotes(base, entry)[:1])
    return tuple(blocks)


def otherwise_buttons(said: Otherwise) -> tuple[tuple[Button, ...], ...]:
    """A card button for each line shown."""
    buttons = (entry_button(line.entry) for line in said.lines[:SHOWN])
    return tuple((button,) for button in buttons if button is not None)
