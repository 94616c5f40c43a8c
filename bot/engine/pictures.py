"""/carte and /frise as data: what to draw and the caption, never the drawing itself. Pure.

The drawing (matplotlib) lives in :mod:`bot.image` and is imported only when a picture is
asked for; this module stays light so start-up and text answers are unchanged.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from bot.content.model import Agreement, Event, Fact
from bot.engine import routes
from bot.engine.common import actor_name, key_quotes, marked, names, quote_of, when
from bot.engine.filters import FilterProblem, TimelineFilter, parse_filter
from bot.engine.index import Dated, Index
from bot.engine.relations import (
    CATEGORIES,
    Relation,
    backing_entries,
    named_in,
    relations,
)
from bot.engine.reply import Block, Button, Item, Para, Quote, Reply
from bot.engine.timeline import OVERLAP_WORDS, describe, is_loose, overlap_note, select
from bot.text import count, fold

CAPTION_LIMIT = 1024
"""Telegram's limit on a photo caption, in characters."""
PAGE_LINES = 38
"""Lines of text one timeline picture holds so that it is at most twice as tall as wide
(a phone's photo viewer then fits it to the screen's width); more entries go to further
pages (◀ ▶). Lines are estimated with :data:`LINE_CHARS`, on the safe side."""
LINE_CHARS = 33
"""Characters a line of the timeline picture holds, at the least (37 on average)."""
LABEL_CHARS = 80
"""Longest label drawn when an entry has no short ``label``: its summary's first clause, cut
at a word with « … » (the detailed chronology gives the whole summary)."""
EVENT_FAMILIES = {
    "adhesion": "adhesion",
    "fondation": "adhesion",
    "conflit": "conflit",
    "sanction": "conflit",
    "declaration": "parole",
    "proposition": "parole",
    "reunion": "rencontre",
    "forum": "rencontre",
    "exercice": "rencontre",
    "mesure": "mesure",
}
"""Event type → timeline category (its colour and legend, :mod:`bot.image.style`)."""
PLANNED = "prévu"
"""The basis a timeline mark gets when its date is what was proposed or planned."""
PROPOSED = ("propose", "proposee", "proposes", "proposees", "prevu", "prevue", "prevus", "prevues")
"""Folded words that, followed by « pour », date a proposal at what it proposes."""
SUBJECT = "Azerbaïdjan"
"""Who every picture is about: named in its title, so a forwarded copy says it."""
LOOSE_MARK = "≈"
"""Before the date of an entry a period may not really hold (:func:`is_loose`), and before
the note that says so under the picture."""


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
    subtitle: str = "Couleur : relation avec l'Azerbaïdjan"
    notes: tuple[str, ...] = ()
    """What a forwarded copy must say without its caption: threats a date filter leaves
    out, colours a period may not really hold (« ≈ »)."""


@dataclass(frozen=True, slots=True)
class Mark:
    """One timeline entry: its span, label, category (colour) and how its date is known."""

    start: date
    end: date
    label: str
    """What happened, with the hedge and tense marks every view gives (:func:`marked`)."""
    when: str
    """The date as the text views word it, without its origin; a footnote number after it
    when the date is inferred or reported (« août 2025 [1] »)."""
    kind: str
    basis: str
    loose: bool = False
    """The period asked for may not really hold it (« ≈ » before its date)."""


@dataclass(frozen=True, slots=True)
class TimelineSpec:
    """Everything one page of the timeline picture shows."""

    title: str
    marks: tuple[Mark, ...]
    footer: str
    notes: tuple[str, ...] = ()
    """Footnotes: where each inferred or reported date comes from (« [1] déduit : … »)."""
    page: int = 1
    pages: int = 1


@dataclass(frozen=True, slots=True)
class Picture:
    """A picture to send: what to draw, its caption (≤ 1,024 characters) and a file name."""

    spec: MapSpec | TimelineSpec
    caption: Reply
    name: str


def latest_shown(index: Index, ids: set[str]) -> str:
    """« Date la plus récente ici : 10 février 2026 »: the newest date of the entries a
    picture shows (a filtered picture is not the whole base), as its date column words it —
    a date, not a fact: it may be a forecast's or a proposal's, marked as such beside it."""
    shown = [item for item in index.timeline.dated if item.entry.id in ids]
    if not shown:
        return "Aucune date sur cette image"
    # a fact the article dates itself, if the picture has one: not a forecast, not a proposal
    # for a later year, not a date inferred from the article's own (a forwarded picture
    # travels without the notes that would say so)
    done = [item for item in shown if _dated_fact(item.entry)]
    if done:
        newest = max(done, key=lambda item: (item.span.end, item.span.start))
        return f"Fait daté le plus récent ici : {date_parts(index, newest.entry)[0]}"
    newest = max(shown, key=lambda item: (item.span.end, item.span.start))
    return f"Date la plus récente ici : {when(index.base, newest.entry)}"


def _dated_fact(entry: Event | Agreement | Fact) -> bool:
    """True for an entry that happened on a date its article gives: not a forecast (future
    tense), not a proposal, not dated by inference or by the article reporting it."""
    if isinstance(entry, Fact) or entry.date_basis != "texte" or entry.tense == "futur":
        return False
    if isinstance(entry, Agreement):
        return entry.act not in ("propose", "annonce", "en-finalisation")
    return entry.type != "proposition"


def _sources(entries: list[Event | Agreement | Fact]) -> str:
    found = {evidence.source for entry in entries for evidence in entry.evidence}
    return f"Sources : {count(len(found), 'article')}"


def _title(index: Index, head: str, wanted: TimelineFilter) -> str:
    """The timeline's title: ``head``, and the filter in French."""
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


def map_picture(index: Index, argument: str, page: int = 1) -> Picture | Reply:
    """/carte [thème|année|pays]: the countries linked to Azerbaijan, coloured by relation."""
    wanted = parse_filter(index, argument)
    if isinstance(wanted, FilterProblem):
        return not_understood(wanted, "carte")
    title = map_title(index, wanted)
    found = relations(index, wanted)
    if not found:
        return _nothing(title, "carte")
    entries = backing_entries(index, found)
    footer = f"{latest_shown(index, {entry.id for entry in entries})} · {_sources(entries)}"
    loose = {r.code for r in found if r.main in NAMED and _loose_colour(index, r, wanted)}
    notes: list[str] = []
    if _undated_threats(index, wanted, found):
        notes.append(UNDATED_THREATS)
    if loose:
        notes.append(_loose_note(index, [r for r in found if r.code in loose]))
    notes.extend(_hedges(index, found))
    subtitle = "Couleur : relation avec l'Azerbaïdjan"
    if not wanted.is_empty():
        subtitle += " dans ces seules entrées"
    home = index.base.vocabulary.home
    spec = MapSpec(
        without_flags(title),
        ((home, "home"), *((r.code, r.main) for r in found)),
        (
            (home, index.base.actors[home].name),
            *((r.code, _map_label(r, r.code in loose)) for r in found),
        ),
        footer,
        subtitle,
        tuple(notes),
    )
    caption = _map_caption(index, wanted, title, found, footer, tuple(notes))
    return Picture(spec, caption, _file_name("carte", argument))


NAMED = frozenset({"accord", "organisation", "mediateur", "menace"})
"""Categories whose countries the map names (a mention is grey and listed in the caption)."""
UNDATED_THREATS = "Menaces : non datées, absentes ici."
"""Under a map filtered by date: the articles date no threat."""
UNDATED_THREATS_SAID = (
    "Menaces : les articles n'en datent aucune, un filtre de date les laisse de côté "
    "(/carte sans année les montre)."
)
"""The same, in the caption (room for the way back)."""


def map_title(index: Index, wanted: TimelineFilter) -> str:
    """« Azerbaïdjan : pays cités dans la base », and with a filter what it kept: « … dans
    les entrées qui citent : Turquie » (a forwarded copy must not read as all the links)."""
    head = f"{SUBJECT} : pays cités dans la base"
    if wanted.is_empty():
        return head
    parts: list[str] = []
    if wanted.start or wanted.end:
        period = describe(index, TimelineFilter(start=wanted.start, end=wanted.end))
        parts.append(period if period.startswith(("depuis", "jusqu")) else f"de {period}")
    if wanted.actors:
        parts.append(f"qui citent : {names(index.base, wanted.actors)}")
    rest = TimelineFilter(topics=wanted.topics, kinds=wanted.kinds)
    if not rest.is_empty():
        parts.append(f"du thème : {describe(index, rest)}")
    return f"{SUBJECT} : pays cités dans les entrées {' · '.join(parts)}"


def _loose_colour(index: Index, relation: Relation, wanted: TimelineFilter) -> bool:
    """True when every dated entry behind a country's colour may lie outside the period
    asked for (:func:`is_loose`): « avant le 6 novembre 2025 » colouring « 2024 »."""
    backing = dict(relation.backing).get(relation.main, ())
    dated = [index.entries.get(entry_id) for entry_id in backing]
    shown = [e for e in dated if isinstance(e, Event | Agreement)]
    return bool(shown) and all(is_loose(entry, wanted) for entry in shown)


def _hedges(index: Index, found: list[Relation]) -> list[str]:
    """« Royaume-Uni : accord, selon l'ambassade britannique. »: a colour
    every backing entry of which the article attributes keeps that attribution on the map."""
    said = []
    for relation in found:
        if relation.main not in NAMED:
            continue
        backing = [index.entries.get(e) for e in dict(relation.backing).get(relation.main, ())]
        hedges = {e.hedge for e in backing if e is not None and not isinstance(e, Fact)}
        if len(hedges) == 1 and None not in hedges and all(e is not None for e in backing):
            said.append(f"{relation.name} : {SHORT[relation.main]}, {hedges.pop()}.")
    return said


def _loose_note(index: Index, found: list[Relation]) -> str:
    """The overlap note of the text views, for the countries marked « ≈ » on the map."""
    countries = ", ".join(r.name for r in found)
    return (
        f"{LOOSE_MARK} {countries} : entrée qui recoupe la période {OVERLAP_WORDS} (date "
        "moins précise ou déduite)."
    )


SHORT = {
    "accord": "accord",
    "organisation": "organisation",
    "mediateur": "médiateur",
    "menace": "menace",
    "mention": "mention",
}


def _map_label(relation: Relation, loose: bool = False) -> str:
    """The name shown on the map, with the categories its colour cannot show, and « ≈ » when
    the period may not really hold what gives it its colour."""
    others = [SHORT[c] for c in relation.categories[1:]]
    name = f"{relation.name} {LOOSE_MARK}" if loose else relation.name
    return f"{name} (aussi {', '.join(others)})" if others else name


def _category_quote(index: Index, found: list[Relation], category: str) -> Quote | None:
    """One key quote behind ``category``: of its first country's first backing entry, the
    first key quote naming that country (else its first); for a membership the base states,
    the organisation's own quote."""
    for relation in found:
        backing = dict(relation.first).get(category)
        if backing is None:
            continue
        entry = index.entries.get(backing)
        if entry is not None:
            quotes = key_quotes(index.base, entry)
            country = index.base.actors[relation.code]
            naming = [q for q in quotes if named_in(country, [q.text])]
            if naming or quotes:
                return (naming or quotes)[0]
        actor = index.base.actors.get(backing)
        if actor is not None and actor.evidence:
            return quote_of(index.base, actor.evidence[0])
    return None


def _undated_threats(index: Index, wanted: TimelineFilter, found: list[Relation]) -> bool:
    """True when a date filter left out threats: the articles date none of them."""
    if not (wanted.start or wanted.end) or any("menace" in r.categories for r in found):
        return False
    undated = TimelineFilter(actors=wanted.actors, topics=wanted.topics, kinds=wanted.kinds)
    return any("menace" in r.categories for r in relations(index, undated))


def _map_caption(
    index: Index,
    wanted: TimelineFilter,
    title: str,
    found: list[Relation],
    footer: str,
    notes: tuple[str, ...] = (),
) -> Reply:
    blocks: list[Block] = [Para(title, "title"), Para(footer, "note")]
    quoted: set[str] = set()
    for category, legend in CATEGORIES:
        members = [r for r in found if category in r.categories]
        if not members:
            continue
        blocks.append(Item(legend, ", ".join(r.name for r in members)))
        quote = _category_quote(index, found, category) if category != "mention" else None
        if quote is not None and quote.text in quoted:
            blocks.append(Para("Même citation que ci-dessus.", "note"))
        elif quote is not None:
            quoted.add(quote.text)
            blocks.append(quote)
    blocks.extend(
        Para(UNDATED_THREATS_SAID if note == UNDATED_THREATS else note, "note") for note in notes
    )
    blocks.append(
        Para(
            "Couleur sur la carte : la première catégorie de cette liste ; les citations de "
            "chaque pays : boutons ci-dessous.",
            "note",
        )
    )
    actors = index.base.actors
    buttons = [Button(actor_name(actors[r.code]), routes.COUNTRY.build(r.code)) for r in found]
    rows = tuple(tuple(buttons[i : i + 3]) for i in range(0, len(buttons), 3))
    return Reply(tuple(blocks), rows)


def short_text(entry: Event | Agreement) -> str:
    """The entry's short label, else its summary's first clause (cut at a word, with « … »)."""
    if entry.label:
        return entry.label
    first = entry.summary.split(" ; ")[0].split(". ")[0].rstrip(".")
    if len(first) <= LABEL_CHARS:
        return first
    return first[: LABEL_CHARS - 1].rsplit(" ", 1)[0].rstrip(" ,;:") + "…"


def label(entry: Event | Agreement) -> str:
    """What the picture says happened: the short label with the hedge and tense marks that
    the text views give the summary (one function for both: :func:`marked`)."""
    return marked(entry, short_text(entry))


def date_parts(index: Index, entry: Event | Agreement) -> tuple[str, str | None]:
    """The date as the text views give it (:func:`when`), split into what the picture's date
    column shows and the origin its footnote gives: (« août 2025 », « déduit : … »)."""
    full = when(index.base, entry)
    if entry.date is None or entry.date_basis == "texte":
        return full, None
    shown = entry.date_label or entry.date.label()
    rest = full[len(shown) :].strip() if full.startswith(shown) else ""
    if rest.startswith("(") and rest.endswith(")"):
        return shown, rest[1:-1]
    return shown, full  # a wording this split does not know: the whole text in the note


def category(entry: Event | Agreement) -> str:
    """The timeline category of an entry: an adhesion is not drawn as an agreement."""
    if isinstance(entry, Agreement):
        if entry.act == "adhesion":
            return "adhesion"
        return "accord" if entry.act in ("signe", "approuve") else "parole"
    return EVENT_FAMILIES.get(entry.type, "autre")


def planned(entry: Event | Agreement) -> bool:
    """True for a proposal dated at what it proposes (« manœuvres proposées pour 2026 »):
    its date is not when anything happened; the picture draws it apart (hollow square)."""
    if not isinstance(entry, Event) or entry.type != "proposition":
        return False
    words = fold(short_text(entry))
    return any(f"{form} pour" in words for form in PROPOSED)


def note_mark(number: int) -> str:
    """« [2] »: a footnote call, as large as the text it follows."""
    return f"[{number}]"


def _lines(text: str) -> int:
    return -(-len(text) // LINE_CHARS)


def _page(
    index: Index, shown: list[Dated], wanted: TimelineFilter | None = None
) -> tuple[list[Mark], tuple[str, ...]]:
    """The marks of one page and its numbered footnotes (one per distinct date origin);
    with a period, the entries it may not really hold are marked « ≈ » (:func:`is_loose`)."""
    notes: list[str] = []
    marks = []
    for item in shown:
        date_text, origin = date_parts(index, item.entry)
        if origin is not None:
            if origin not in notes:
                notes.append(origin)
            date_text = f"{date_text} {note_mark(notes.index(origin) + 1)}"
        loose = wanted is not None and is_loose(item.entry, wanted)
        basis = PLANNED if planned(item.entry) else item.entry.date_basis
        if loose:
            date_text = f"{LOOSE_MARK} {date_text}"
        marks.append(
            Mark(
                item.span.end if item.span.open else item.span.start,  # « avant X »: at X
                item.span.end,
                label(item.entry),
                date_text,
                category(item.entry),
                basis,
                loose,
            )
        )
    return marks, tuple(f"{note_mark(n)} {note}" for n, note in enumerate(notes, start=1))


def _page_lines(index: Index, shown: list[Dated], wanted: TimelineFilter | None = None) -> int:
    """Estimated lines of a page's entries, footnotes (the overlap note included) and
    legend."""
    marks, notes = _page(index, shown, wanted)
    body = sum(_lines(m.when) + _lines(m.label) + 1 for m in marks)
    legend = len({m.kind for m in marks}) + len({m.basis for m in marks})
    overlap = overlap_note(sum(1 for m in marks if m.loose), "de cette image")
    extra = _lines(f"{LOOSE_MARK} {overlap.text}") if overlap else 0
    return body + sum(_lines(note) for note in notes) + extra + legend + 1


def pages_of(
    index: Index, items: list[Dated], head: int, wanted: TimelineFilter | None = None
) -> list[list[Dated]]:
    """``items`` (oldest first) cut into pages, each as full as :data:`PAGE_LINES` allows
    (one entry at least): page 1 holds the most recent entries, the next pages older ones
    (as /timeline opens on « Dernières »: a forwarded first page shows what is new); each
    page reads oldest to newest, top to bottom."""
    pages: list[list[Dated]] = [[]]
    for item in reversed(items):
        trial = [item, *pages[-1]]
        if pages[-1] and head + _page_lines(index, trial, wanted) > PAGE_LINES:
            pages.append([item])
        else:
            pages[-1] = trial
    return pages


def timeline_picture(index: Index, argument: str, page: int = 1) -> Picture | Reply:
    """/frise [filtre]: page ``page`` (1: the most recent entries) of the matching dated
    entries, top to bottom."""
    wanted = parse_filter(index, argument)
    if isinstance(wanted, FilterProblem):
        return not_understood(wanted, "frise")
    return timeline_page_picture(index, wanted, page, _file_name("frise", argument))


def timeline_page_picture(
    index: Index, wanted: TimelineFilter, page: int, name: str = "frise"
) -> Picture | Reply:
    """Page ``page`` (clamped) of the timeline picture for an already parsed filter."""
    title = _title(index, f"{SUBJECT} : frise chronologique", wanted)
    items = select(index, wanted)
    if not items:
        return _nothing(title, "frise")
    entries: list[Event | Agreement | Fact] = [item.entry for item in items]
    footer = f"{latest_shown(index, {entry.id for entry in entries})} · {_sources(entries)}"
    cut = pages_of(index, items, _lines(title) + _lines(footer), wanted)
    pages = len(cut)
    page = min(max(page, 1), pages)
    shown = cut[page - 1]
    footer = f"{latest_shown(index, {item.entry.id for item in shown})} · {_sources(entries)}"
    marks, numbered = _page(index, shown, wanted)
    loose = sum(1 for mark in marks if mark.loose)
    overlap = overlap_note(loose, "de cette image")
    notes = (*numbered, f"{LOOSE_MARK} {overlap.text}") if overlap else numbered
    where = f", page {page}/{pages} : {_page_word(page)}" if pages > 1 else ""
    blocks: list[Block] = [
        Para(f"{title} ({count(len(items), 'entrée')}{where})", "title"),
        Para(
            "Chaque ligne : la date, puis ce que disent les articles, au même temps et avec la "
            "même attribution que dans le texte. Point plein : date donnée par l'article ; "
            "point creux : date déduite ; losange : date de l'article qui le rapporte ; "
            "carré creux : prévu ou proposé pour cette date — l'origine des dates déduites "
            "est en note sous la frise.",
        ),
        Para(footer, "note"),
    ]
    if overlap is not None:
        blocks.append(Para(f"{LOOSE_MARK} sur l'image : {overlap.text}", "note"))
    blocks.append(Para("Les citations : bouton « Chronologie détaillée ».", "note"))
    code = wanted.encode()
    rows: list[tuple[Button, ...]] = []
    if pages > 1:
        turn = []
        if page > 1:
            turn.append(Button("◀ Plus récentes", routes.FRIEZE.build(page - 1, code)))
        if page < pages:
            turn.append(Button("Plus anciennes ▶", routes.FRIEZE.build(page + 1, code)))
        rows.append(tuple(turn))
    rows.append((Button("Chronologie détaillée", routes.TIMELINE.build(1, code)),))
    heading = without_flags(title)
    if pages > 1:
        heading += f" · page {page}/{pages}, {_page_word(page)}"
    spec = TimelineSpec(heading, tuple(marks), footer, notes, page, pages)
    suffix = f"-p{page}" if pages > 1 and page > 1 else ""
    return Picture(spec, Reply(tuple(blocks), tuple(rows)), f"{name}{suffix}")


def _page_word(page: int) -> str:
    """What a page holds, said after its number: page 1 opens on the newest entries."""
    return "les plus récentes" if page == 1 else "plus anciennes"


def timeline_turn(index: Index, page: int, code: str) -> Picture | None:
    """The page a « fr:<page>:<filter> » button asks for (its fields, read by the route
    table), or None for a stale or forged filter (an actor or topic the base no longer knows)."""
    wanted = TimelineFilter.decode(code)
    if wanted is None:
        return None
    if any(actor not in index.base.actors for actor in wanted.actors):
        return None
    if any(topic not in index.topic_labels for topic in wanted.topics):
        return None
    found = timeline_page_picture(index, wanted, page)
    return found if isinstance(found, Picture) else None


PICTURES: dict[str, Callable[[Index, str, int], Picture | Reply]] = {
    "carte": map_picture,
    "frise": timeline_picture,
}
"""Picture commands and the function that prepares each."""


def picture(index: Index, kind: str, argument: str, page: int = 1) -> Picture | Reply:
    """The picture ``kind`` (carte or frise) for ``argument``, or a French message why not
    (``page``: of the timeline; the map has one)."""
    return PICTURES[kind](index, argument, page)


def caption_only(kind: str) -> Callable[[Index, str, date | None], Reply]:
    """A text answer for ``kind``: the caption (the image itself needs an adapter)."""

    def answer(index: Index, argument: str, today: date | None = None) -> Reply:
        found = picture(index, kind, argument)
        return found.caption if isinstance(found, Picture) else found

    return answer
