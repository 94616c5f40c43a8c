"""Pieces every answer shares: how a source is cited, how a date is shown, quotes."""

from __future__ import annotations

from bot.content.model import Actor, Agreement, Event, Evidence, FactBase, Source
from bot.dates import DateSpan
from bot.engine.reply import Quote

MAX_ARGUMENT = 300
"""Longest argument a command accepts, in characters."""


def attribution(source: Source) -> str:
    """Who published a quote and when, saying plainly what the article does not give."""
    when = source.published.label() if source.published else "non daté"
    if source.outlet:
        return f"{source.outlet}, {when}"
    return f"« {source.label} », média non indiqué, {when}"


def quote_of(base: FactBase, evidence: Evidence) -> Quote:
    """A Quote block for one piece of evidence."""
    return Quote(evidence.quote, attribution(base.sources[evidence.source]))


def date_label(span: DateSpan | None, label: str | None) -> str:
    """The date as shown: the curated label ("été 2025") or the span's own wording."""
    if label:
        return label
    return span.label() if span else "date non indiquée"


def entry_date(entry: Event | Agreement) -> str:
    """The date shown for an event or an agreement's signature."""
    if isinstance(entry, Event):
        return date_label(entry.date, entry.date_label)
    if entry.signed is None:
        return entry.signed_text or "date non indiquée"
    return date_label(entry.signed, entry.date_label)


def actor_name(actor: Actor) -> str:
    """The actor's name with its flag when it is a country."""
    return f"{actor.flag} {actor.name}" if actor.flag else actor.name


def names(base: FactBase, ids: tuple[str, ...]) -> str:
    """Actor names joined in French: "Azerbaïdjan, Turquie et OTAN"."""
    labels = [actor_name(base.actors[actor_id]) for actor_id in ids if actor_id in base.actors]
    if len(labels) <= 1:
        return "".join(labels)
    return ", ".join(labels[:-1]) + " et " + labels[-1]


def clean_argument(text: str) -> str:
    """Drop control and zero-width characters and surrounding space from user input."""
    kept = []
    for char in text:
        code = ord(char)
        if code < 32 and char not in "\n\t":
            continue
        if char in "\u200b\u200c\u200d\u2060\ufeff\u200e\u200f\u202a\u202b\u202c\u202d\u202e":
            continue
        kept.append(char)
    return " ".join("".join(kept).split())
