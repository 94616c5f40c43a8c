"""/carte and /frise as data: what to draw and the caption, never the drawing itself. Pure.

The drawing (matplotlib) lives in :mod:`bot.image` and is imported only when a picture is
asked for; this module stays light so start-up and text answers are unchanged.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from bot.content.model import Agreement, Event, Fact
from bot.engine.common import actor_name, when
from bot.engine.filters import FilterProblem, TimelineFilter, parse_filter
from bot.engine.index import Index
from bot.engine.relations import CATEGORIES, HOME, Relation, backing_entries, relations
from bot.engine.reply import Block, Button, Item, Para, Reply
from bot.engine.timeline import describe, select
from bot.text import count

CAPTION_LIMIT = 1024
"""Telegram's limit on a photo caption, in characters."""
MAX_ACTORS = 3
"""Actors named in a timeline label; more are counted (« et 13 autres »)."""
BASIS_MARKS = {"texte": "", "déduit": "date déduite", "rapporté": "date de l'article"}
"""How a timeline label says where its date comes from (the marker shape says it too)."""


@dataclass(frozen=True, slots=True)
class MapSpec:
    """Everything the map shows: colours by country, title and footer lines."""

    title: str
    countries: tuple[tuple[str, str], ...]
    """(ISO code, category id) for each country coloured; Azerbaijan has category "home"."""
    labels: tuple[tuple[str, str], ...]
    """(ISO code, French name) of the countries named on the map, with their other
    categories: « Arménie (aussi menace) »."""
    footer: str
    hidden: tuple[str, ...] = ()
    """Categories some country holds although none is coloured with them."""


@dataclass(frozen=True, slots=True)
class Mark:
    """One timeline entry: its span, label, kind (colour) and how its date is known."""

    start: date
    end: date
    label: str
    when: str
    kind: str
    basis: str


@dataclass(frozen=True, slots=True)
class TimelineSpec:
    """Everything the timeline chart shows."""

    title: str
    marks: tuple[Mark, ...]
    footer: str


@dataclass(frozen=True, slots=True)
class Picture:
    """A picture to send: what to draw, its caption (≤ 1,024 characters) and a file name."""

    spec: MapSpec | TimelineSpec
    caption: Reply
    name: str


def base_date(index: Index) -> str:
    """« Base du 10 février 2026 »: the most recent date an article gives for an entry."""
    stated = [item for item in index.dated if item.entry.date_basis == "texte"]
    if not stated:
        return "Base sans date"
    newest = max(stated, key=lambda item: (item.span.start, item.span.end))
    return f"Base du {when(index.base, newest.entry)}"


def _sources(entries: list[Event | Agreement | Fact]) -> str:
    found = {evidence.source for entry in entries for evidence in entry.evidence}
    return f"Sources : {count(len(found), 'article')}"


def _title(index: Index, head: str, wanted: TimelineFilter) -> str:
    return head + (f" — {describe(index, wanted)}" if not wanted.is_empty() else "")


def without_flags(text: str) -> str:
    """``text`` without flag emoji (the image fonts have none): « 🇹🇷 Turquie » → « Turquie »."""
    kept = "".join(char for char in text if not 0x1F1E6 <= ord(char) <= 0x1F1FF)
    return " ".join(kept.split())


def _file_name(kind: str, argument: str) -> str:
    words = "-".join(
        "".join(c for c in w.lower() if c.isascii() and c.isalnum()) for w in argument.split()
    )
    words = "-".join(part for part in words.split("-") if part)[:40]
    return f"{kind}-{words}" if words else kind


def not_understood(problem: FilterProblem, command: str) -> Reply:
    """The French message for a filter naming nothing the base knows."""
    words = ", ".join(f"« {word} »" for word in problem.unknown)
    return Reply(
        (
            Para(f"Je n'ai pas compris ce filtre : {words}."),
            Para(
                f"Filtres possibles : une année (/{command} 2025), une période (2024-2026), un "
                "mois (novembre 2025), depuis 2024, un pays ou une organisation (Turquie, "
                "OTAN), un thème (énergie, cyber).",
                "note",
            ),
        ),
        found=False,
    )


def _nothing(title: str, command: str) -> Reply:
    return Reply(
        (
            Para(title, "title"),
            Para("Rien dans la base ne correspond à ce filtre : aucune image à dessiner."),
            Para(f"Essayez /{command} sans filtre, ou /{command} 2025.", "note"),
        ),
        found=False,
    )


def map_picture(index: Index, argument: str) -> Picture | Reply:
    """/carte [thème|année|pays]: the countries linked to Azerbaijan, coloured by relation."""
    wanted = parse_filter(index, argument)
    if isinstance(wanted, FilterProblem):
        return not_understood(wanted, "carte")
    title = _title(index, "Pays liés à l'Azerbaïdjan dans la base", wanted)
    found = relations(index, wanted)
    if not found:
        return _nothing(title, "carte")
    entries = backing_entries(index, found)
    footer = f"{base_date(index)} · {_sources(entries)}"
    coloured = {r.main for r in found}
    spec = MapSpec(
        without_flags(title),
        ((HOME, "home"), *((r.code, r.main) for r in found)),
        ((HOME, index.base.actors[HOME].name), *((r.code, _map_label(r)) for r in found)),
        footer,
        tuple(
            c for c, _ in CATEGORIES if c not in coloured and any(c in r.categories for r in found)
        ),
    )
    return Picture(spec, _map_caption(index, title, found, footer), _file_name("carte", argument))


SHORT = {
    "accord": "accord",
    "organisation": "organisation",
    "mediateur": "médiateur",
    "menace": "menace",
    "mention": "mention",
}


def _map_label(relation: Relation) -> str:
    """The name shown on the map, with the categories its colour cannot show."""
    others = [SHORT[c] for c in relation.categories[1:]]
    return f"{relation.name} (aussi {', '.join(others)})" if others else relation.name


def _map_caption(index: Index, title: str, found: list[Relation], footer: str) -> Reply:
    blocks: list[Block] = [Para(title, "title")]
    for category, legend in CATEGORIES:
        members = [r for r in found if category in r.categories]
        if members:
            blocks.append(Item(legend, ", ".join(r.name for r in members)))
    blocks.append(Para("Couleur sur la carte : la première catégorie de cette liste.", "note"))
    blocks.append(Para(footer, "note"))
    actors = index.base.actors
    buttons = [Button(actor_name(actors[r.code]), f"p:{r.code}") for r in found]
    rows = tuple(tuple(buttons[i : i + 3]) for i in range(0, len(buttons), 3))
    return Reply(tuple(blocks), rows)


def _label(index: Index, entry: Event | Agreement) -> str:
    if isinstance(entry, Agreement):
        return entry.title
    types = {term.id: term.label for term in index.base.vocabulary.event_types}
    kind = types.get(entry.type, entry.type)
    names = [index.base.actors[a].name for a in entry.actors if a in index.base.actors]
    shown = ", ".join(names[:MAX_ACTORS])
    if len(names) > MAX_ACTORS:
        shown += f" et {count(len(names) - MAX_ACTORS, 'autre')}"
    return f"{kind[:1].upper()}{kind[1:]} : {shown}"


def _short_when(entry: Event | Agreement) -> str:
    """The date part of ``when()`` without its origin (the chart marks the basis by shape)."""
    span = entry.date
    if span is None:
        return "date non indiquée"
    label = entry.date_label or span.label()
    mark = BASIS_MARKS.get(entry.date_basis, "")
    return f"{label} ({mark})" if mark else label


def _kind(index: Index, entry: Event | Agreement) -> str:
    if isinstance(entry, Agreement):
        return "accord"
    types = {term.id: term.label for term in index.base.vocabulary.event_types}
    return types.get(entry.type, entry.type)


def timeline_picture(index: Index, argument: str) -> Picture | Reply:
    """/frise [filtre]: the matching dated entries on a compressed time axis."""
    wanted = parse_filter(index, argument)
    if isinstance(wanted, FilterProblem):
        return not_understood(wanted, "frise")
    title = _title(index, "Frise chronologique", wanted)
    items = select(index, wanted)
    if not items:
        return _nothing(title, "frise")
    entries: list[Event | Agreement | Fact] = [item.entry for item in items]
    footer = f"{base_date(index)} · {_sources(entries)}"
    marks = tuple(
        Mark(
            item.span.end if item.span.open else item.span.start,
            item.span.end,
            _label(index, item.entry),
            _short_when(item.entry),
            _kind(index, item.entry),
            item.entry.date_basis,
        )
        for item in items
    )
    inferred = sum(1 for mark in marks if mark.basis != "texte")
    blocks: list[Block] = [
        Para(f"{title} ({count(len(marks), 'entrée')})", "title"),
        Para(
            "Point plein : date donnée par l'article ; point creux : date déduite ; losange : "
            "date de l'article qui rapporte le fait. Les longues périodes vides sont resserrées "
            f"(marque //). Dates déduites ou rapportées : {inferred} sur {len(marks)}.",
        ),
        Para(footer, "note"),
        Para("Le détail et les citations : bouton ci-dessous.", "note"),
    ]
    button = Button("Chronologie détaillée", f"tl:1:{wanted.encode()}")
    spec = TimelineSpec(without_flags(title), marks, footer)
    return Picture(spec, Reply(tuple(blocks), ((button,),)), _file_name("frise", argument))


PICTURES = {"carte": map_picture, "frise": timeline_picture}
"""Picture commands and the function that prepares each."""


def picture(index: Index, kind: str, argument: str) -> Picture | Reply:
    """The picture ``kind`` (carte or frise) for ``argument``, or a French message why not."""
    return PICTURES[kind](index, argument)


def caption_only(kind: str) -> Callable[[Index, str, date | None], Reply]:
    """A text answer for ``kind``: the caption (the image itself needs an adapter)."""

    def answer(index: Index, argument: str, today: date | None = None) -> Reply:
        found = picture(index, kind, argument)
        return found.caption if isinstance(found, Picture) else found

    return answer
