"""/timeline: events and signed agreements in date order, filtered and paginated."""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from bot.content.model import Agreement, Event
from bot.dates import MONTHS_FR, DateSpan, Precision
from bot.engine import paging, routes
from bot.engine.acted import act_event_types, has_act, kind_name, names_kind
from bot.engine.common import names, overview, year_basis
from bot.engine.filters import FilterProblem, Reading, TimelineFilter, read_filter
from bot.engine.fit import LINE, SCREEN, cached, page_of, page_starts, several_pages, which
from bot.engine.index import Dated, Index
from bot.engine.reply import Block, Button, Page, Para, Reply
from bot.text import count, fold, plural_phrase, whole_words

PAGE_BUDGET = SCREEN - 50
"""Visible characters a timeline page's entries, title and notes may take: a phone screen
less room for the page number and a margin (the note on loosely dated entries is counted
when the period may have some)."""


def select(index: Index, wanted: TimelineFilter) -> list[Dated]:
    """The dated entries the filter keeps; date spans are compared by overlap."""
    if wanted.acts:
        return _acted(index, wanted)
    group, done = _smallest_group(index, wanted)
    others = [actor for actor in wanted.actors if ("actor", actor) not in done]
    topics = [topic for topic in wanted.topics if ("topic", topic) not in done]
    kinds = () if any(part[0] == "kind" for part in done) else wanted.kinds
    if not others and not topics and not kinds:
        return list(group)
    return [
        item
        for item in group
        if all(actor in item.actors for actor in others)
        and all(topic in item.topics for topic in topics)
        and (not kinds or any(is_kind(item.entry, kind) for kind in kinds))
    ]


def _acted(index: Index, wanted: TimelineFilter) -> list[Dated]:
    """The lines of the filter without its kinds that are one of its acts (« proposé »: the
    proposals, never an exercise held) and, when kinds are asked too, of one of them or,
    for an event of the act's own type (a proposal), naming one (« manœuvres »)."""
    acted_types = {kind for act in wanted.acts for kind in act_event_types(index, act)}
    kept: list[Dated] = []
    for item in select(index, replace(wanted, kinds=(), acts=())):
        entry = item.entry
        if not has_act(index, entry, wanted.acts):
            continue
        if wanted.kinds and not any(
            is_kind(entry, kind)
            or (
                isinstance(entry, Event)
                and entry.type in acted_types
                and names_kind(index, entry, kind)
            )
            for kind in wanted.kinds
        ):
            continue
        kept.append(item)
    return kept


def _smallest_group(
    index: Index, wanted: TimelineFilter
) -> tuple[Sequence[Dated], set[tuple[str, str]]]:
    """Lines holding part of the filter, in timeline order, and the parts they all hold: a
    period's lines by bisection (an actor's, else a topic's), else the smallest of the
    groups the index keeps for each actor, topic and kind asked for."""
    actor = wanted.actors[0] if wanted.actors else None
    topic = wanted.topics[0] if wanted.topics and actor is None else None
    if wanted.start or wanted.end:  # by bisection, not a walk through every line
        low, high = wanted.start or date.min, wanted.end or date.max
        overlapping = index.timeline.spans(actor, topic).overlapping(low, high)
        if wanted.start and wanted.end:
            overlapping = [item for item in overlapping if _fits(item, wanted)]
        held = {("actor", actor)} if actor else ({("topic", topic)} if topic else set())
        return overlapping, held
    options: list[tuple[Sequence[Dated], tuple[str, str]]] = [
        (index.timeline.by_actor.get(actor_id, ()), ("actor", actor_id))
        for actor_id in wanted.actors
    ]
    options += [(index.timeline.about(topic_id), ("topic", topic_id)) for topic_id in wanted.topics]
    if len(wanted.kinds) == 1:
        options.append((index.timeline.of_kind(wanted.kinds[0]), ("kind", wanted.kinds[0])))
    if not options:
        return index.timeline.dated, set()
    group, part = min(options, key=lambda option: len(option[0]))
    return group, {part}


def _fits(item: Dated, wanted: TimelineFilter) -> bool:
    """False for an entry dated far more loosely than a short window asks for: « 2026 »
    overlaps « la semaine dernière » but says nothing about it (« été 2025 » still answers
    « août 2025 »). A year or longer answers a decade (« dans les années 1990 » is listed
    under 1995, marked as dated more loosely than the year)."""
    if wanted.start is None or wanted.end is None or item.span.open:
        return True
    window = (wanted.end - wanted.start).days + 1
    span = (item.span.end - item.span.start).days + 1
    if window >= 365:
        return span <= max(3 * window, DECADE_DAYS)
    if window >= 28:  # a month or longer: every month as long as the longest (a season of
        window = max(window, 31)  # three months answers each of them, June as July)
    return span <= max(3 * window, 31)


DECADE_DAYS = 3653
"""Days of a decade (« les années 1990 », 1990/1999): the loosest date a year view lists."""


def is_loose(entry: Event | Agreement, wanted: TimelineFilter) -> bool:
    """True when a bounded period may not really hold ``entry``: dated more loosely than the
    period, open (« récemment »), or dated by inference or by the article that reports it."""
    span = entry.date
    if wanted.start is None or wanted.end is None or span is None:
        return False
    return (
        span.open
        or entry.date_basis != "texte"
        or (span.end - span.start).days > (wanted.end - wanted.start).days
        or not (wanted.start <= span.start and span.end <= wanted.end)
    )


OVERLAP_WORDS = "sans y tomber forcément"
"""The words every period answer shows when an entry it lists may lie outside the period."""


def overlap_note(loose: int, where: str = "de cette page") -> Para | None:
    """The note a period answer carries when ``loose`` of its entries may lie outside it
    (``where`` empty: the answer is one card)."""
    if loose == 0:
        return None
    if where == "":  # a single card answers the period
        text = (
            "Cette fiche est datée moins précisément que la période, ou par déduction : elle "
            f"la recoupe {OVERLAP_WORDS} — voir sa date."
        )
    elif loose == 1:
        text = (
            f"1 entrée {where} est datée moins précisément que la période, ou par déduction : "
            f"elle la recoupe {OVERLAP_WORDS} — voir sa date."
        )
    else:
        text = (
            f"{loose} entrées {where} sont datées moins précisément que la période, ou par "
            f"déduction : elles la recoupent {OVERLAP_WORDS} — voir leur date."
        )
    return Para(text, "note")


def _looser(items: list[Dated], wanted: TimelineFilter) -> int:
    """How many of ``items`` a bounded period may not really hold (see ``is_loose``)."""
    return sum(1 for item in items if is_loose(item.entry, wanted))


def is_kind(entry: Event | Agreement, kind: str) -> bool:
    """True when the entry is of ``kind``: an event type, an agreement kind, or « accord »
    (every agreement but an adhesion, which is of kind « adhésion » like the events)."""
    if isinstance(entry, Agreement):
        if entry.act == "adhesion":
            return kind in (entry.kind, "adhesion")
        return kind == "accord" or entry.kind == kind
    return entry.type == kind


def describe(index: Index, wanted: TimelineFilter, listed: Sequence[Dated] | None = None) -> str:
    """The filter in French, for the reply's title; with the ``listed`` lines, each kind as
    they are (``kind_title``)."""
    parts: list[str] = []
    if wanted.start and wanted.end:
        parts.append(_period(wanted.start, wanted.end))
    elif wanted.start or wanted.end:  # « depuis 1992 » asked: never « 1er janvier 1992 », a
        # day no entry has (issue 22, i22zp)
        parts.append(f"période demandée : {bound_words(wanted.start, wanted.end)}")
    if wanted.actors:
        parts.append(names(index.base, wanted.actors))
    if wanted.topics:  # « thème paix »: a theme asked, never read as what the entries are
        # (« Accords — août 2025 · … · paix · signés » read « a peace treaty signed », issue 22)
        themes = [index.topic_labels.get(topic, topic) for topic in wanted.topics]
        parts.append(f"thème{'s' if len(themes) > 1 else ''} {', '.join(themes)}")
    parts.extend(
        kind_label(index, kind) if listed is None else kind_title(index, kind, listed)
        for kind in wanted.kinds
    )
    labels = {term.id: term.label for term in index.base.vocabulary.acts}
    parts.extend(labels.get(act, act) for act in wanted.acts)
    return " · ".join(parts)


def kind_title(index: Index, kind: str, listed: Sequence[Dated]) -> str:
    """A kind in a title, as the listed lines are (issue 22, fidelity class 4: headings
    follow the entries' acts): « lignes nommant « membre » » when none is of the kind (a
    proposal listed because it names it); « statuts d'observateur » when every adhesion
    listed makes its actor an observer of the organisation (the base's ``observers``), not
    a member; else the kind's label."""
    held = [item.entry for item in listed if is_kind(item.entry, kind)]
    if listed and not held:
        named = [kind_name(index, item.entry, kind) for item in listed]
        said = list(dict.fromkeys(name for name in named if name))
        if said:
            return f"lignes nommant {quoted_words(said)}"
    if kind == "adhesion" and held:
        observing = sum(1 for entry in held if _observer_join(index, entry))
        if observing == len(held):
            return "statuts d'observateur"
        if observing:
            return "adhésions et statuts d'observateur"
    return kind_label(index, kind)


def _observer_join(index: Index, entry: Event | Agreement) -> bool:
    """True when an actor of the entry is an observer (not a member) of an organisation of
    the entry."""
    actors = entry.actors if isinstance(entry, Event) else entry.parties
    for actor_id in actors:
        actor = index.base.actors.get(actor_id)
        observes = actor is not None and any(other in actor.observers for other in actors)
        if observes and actor is not None and not any(other in actor.members for other in actors):
            return True
    return False


def kind_label(index: Index, kind: str) -> str:
    """A kind's French label, plural (« accords », « exercices militaires »)."""
    vocabulary = index.base.vocabulary
    for term in (*vocabulary.event_types, *vocabulary.agreement_kinds):
        if term.id == kind:
            return plural_phrase(term.label)
    return kind


def _period(start: date, end: date) -> str:
    """A period in French, as short as it can be said: "2025", "août 2025", "2024-2026"."""
    whole_years = (start.month, start.day, end.month, end.day) == (1, 1, 12, 31)
    if whole_years:
        return str(start.year) if start.year == end.year else f"{start.year}-{end.year}"
    last_day = calendar.monthrange(end.year, end.month)[1]
    if (
        start.day == 1
        and end.day == last_day
        and (start.year, start.month) == (end.year, end.month)
    ):
        return f"{MONTHS_FR[start.month - 1]} {start.year}"
    if start == end:
        return _day(start)
    return f"du {_day(start)} au {_day(end)}"


def bound_words(start: date | None, end: date | None) -> str:
    """A period bounded on one side, in the words a question says it (« depuis 1992 »,
    « avant 2030 », « depuis mars 2025 »), the day only when it was asked to the day."""
    if start is not None:
        if (start.month, start.day) == (1, 1):
            return f"depuis {start.year}"
        if start.day == 1:
            return f"depuis {MONTHS_FR[start.month - 1]} {start.year}"
        return f"depuis le {_day(start)}"
    if end is None:
        return ""
    after = end + timedelta(days=1)
    if (after.month, after.day) == (1, 1):
        return f"avant {after.year}"
    if after.day == 1:
        return f"avant {MONTHS_FR[after.month - 1]} {after.year}"
    return f"jusqu'au {_day(end)}"


def _day(day: date) -> str:
    return DateSpan(day.isoformat(), day, day, Precision.DAY).label()


LAST = 1_000_000_000
"""A page number past the end: the last page (« récent », « Dernières ⏭ »)."""


def timeline(index: Index, argument: str, today: date | None = None) -> Reply:
    """Answer /timeline [filtre]: a page of dated facts with their quotes.

    What the filter could not read is said, not refused: « J'ai laissé de côté … ».
    """
    reading = read_filter(index, argument, today)
    if reading.ignored and not reading.understood():
        return _not_understood(index, FilterProblem(reading.ignored))
    said = reading_notes(reading, index)
    wanted = replace(reading.filter, acts=reading.acts)  # « proposé » keeps the proposals
    return timeline_page(index, wanted, LAST if reading.latest else 1, said)


def reading_notes(reading: Reading, index: Index | None = None) -> tuple[Para, ...]:
    """How a filter was read, in notes: months without a year, words left aside (with the
    ``index``, a word the articles hold is said as such, never as one not understood)."""
    notes = [Para(f"Compris : {note}.", "note") for note in reading.notes]
    unknown, held = split_aside(index, reading.ignored)
    if unknown:
        words = quoted_words(unknown)
        notes.append(Para(f"Laissé de côté : {words}.", "note"))
    if held:
        search = " ".join(held)
        notes.append(
            Para(
                f"{'Mots' if len(held) > 1 else 'Mot'} des articles sans effet sur ce filtre : "
                f"{quoted_words(held)} "
                f"(pour le chercher : /cherche {search}).",
                "note",
            )
        )
    return tuple(notes)


def quoted_words(words: Sequence[str]) -> str:
    """« a », « b »."""
    return ", ".join(f"« {word} »" for word in words)


def split_aside(index: Index | None, words: Sequence[str]) -> tuple[list[str], list[str]]:
    """Words a filter did not use, split into those no article holds (nor anything close: a
    typo, a missing accent) and those the articles hold (« aliyev », « strategique »), which
    an answer must not call unread."""
    if index is None:
        return list(words), []
    held = [word for word in words if index.fulltext.expand_word(fold(word))]
    return [word for word in words if word not in held], held


def timeline_page(
    index: Index, wanted: TimelineFilter, page: int, said: tuple[Para, ...] = ()
) -> Reply:
    """One page of the timeline for an already parsed filter (used by buttons too)."""
    items = select(index, wanted)
    if not items and (wider := widened(index, wanted)) is not None:
        wide, aside = wider
        return timeline_page(index, wide, page, (*said, Para(aside, "note")))
    title = "Chronologie" + (
        f" — {describe(index, wanted, items)}" if not wanted.is_empty() else ""
    )
    if not items:
        return Reply(
            (
                Para(title, "title"),
                *said,
                Para("Aucun événement ne correspond à ce filtre."),
                Para("Essayez /timeline sans filtre, ou /timeline 2025.", "note"),
            ),
            looser_buttons(index, wanted),
            found=False,
        )
    key = (wanted.encode(), 0)  # both read every line: kept per filter (×1000: ~35 ms a page)
    counted = cached(index, "timeline_heading", key, lambda: _heading_count(items, wanted))
    heading = [Para(f"{title} ({counted})", "title"), *said]
    budget = PAGE_BUDGET - sum(len(para.text) + 2 for para in heading)
    looser = cached(index, "timeline_loose", (wanted.encode(), 0), lambda: _looser(items, wanted))
    loose = overlap_note(len(items)) if looser else None
    if loose is not None:  # room for the note a page of loosely dated entries carries
        budget -= len(loose.text) + 2
    blocks: list[Block] = list(heading)
    groups: list[Group] = []
    reach = [item.entry for item in items[: budget // LINE + 2]]  # what one page may hold
    if several_pages(index, reach, budget):  # the period at a glance, month by month
        groups = _groups(index, items, wanted)
        bases = cached(index, "timeline_bases", key, lambda: _bases(index, items))
        line = Para(_groups_line(groups, len(items), bases), "note")
        blocks.append(line)
        budget -= len(line.text) + 2
    starts = _page_starts(index, items, budget, wanted)
    pages = len(starts)
    page, low, high = page_of(starts, len(items), page)
    shown = items[low:high]
    if pages > 1:  # said on top: the page's entries end it, never a lone page number
        blocks.append(Para(f"Page {page}/{pages} : {which(low + 1, high)}", "note"))
    note = overlap_note(_looser(shown, wanted))
    if note is not None:
        blocks.append(note)
    lines, quotes = overview(index.base, [item.entry for item in shown])
    blocks.extend(lines)
    if quotes is not None:
        blocks.append(quotes)
    rows: list[tuple[Button, ...]] = []
    code = wanted.encode()
    if pages > 1:
        row = list(paging.turns(page, pages, lambda n: routes.TIMELINE.turn(n, code)) or ())
        last = routes.TIMELINE.turn(pages, code)
        if page < pages - 1 and last is not None:
            row.append(Button("Dernières ⏭", last))
        if row:
            rows.append(tuple(row))
        else:  # a filter too long for a button's 64 bytes: say so, never stop silently
            blocks.append(Para("Précisez votre recherche pour voir les autres.", "note"))
    group_data = [  # a group whose filter cannot fit a button gets none, never a traceback
        (group, routes.TIMELINE.build_or_none(1, group.wanted.encode()))
        for group in groups
        if group.count < len(items)
    ]
    group_buttons = [
        Button(f"{group.label} ({_counted(group)})", data)
        for group, data in group_data
        if data is not None
    ][:GROUP_BUTTONS]
    rows += [tuple(group_buttons[n : n + 3]) for n in range(0, len(group_buttons), 3)]
    if len(wanted.actors) == 1:
        actor = index.base.actors[wanted.actors[0]]
        card = routes.COUNTRY if actor.is_country else routes.ORGANISATION
        rows.append((Button("◀ Fiche", routes.EDIT + card.build(actor.id)),))
    return Reply(tuple(blocks), tuple(rows), Page(page, pages), fold_quotes=True)


def widened(index: Index, wanted: TimelineFilter) -> tuple[TimelineFilter, str] | None:
    """The filter less its least telling parts, when the whole filter lists nothing and the
    looser one lists something (issue 22, fidelity class 6: « février 2026 · États-Unis ·
    économie · déclarations » has no line, the signing of that month is one): the kinds and
    acts first, then the topics, then both; the period and the actors are kept. With what
    was left aside, in the reader's terms (« « déclarations » »); last, the period, for a
    subject of at most ``DATES_SAID`` lines (« le
    Partenariat pour la paix en 1996 ? »: « Aucune entrée de ce filtre en 1996 ; d'après
    les articles, ses dates sont : » over 1994). None when nothing helps."""
    kinds = [kind_label(index, kind) for kind in wanted.kinds]
    labels = {term.id: term.label for term in index.base.vocabulary.acts}
    acts = [labels.get(act, act) for act in wanted.acts]
    topics = [index.topic_labels.get(topic, topic) for topic in wanted.topics]
    tries: list[tuple[TimelineFilter, list[str]]] = []
    if kinds or acts:
        tries.append((replace(wanted, kinds=(), acts=()), [*kinds, *acts]))
    if topics:
        tries.append((replace(wanted, topics=()), topics))
        if kinds or acts:
            tries.append((replace(wanted, kinds=(), acts=(), topics=()), [*kinds, *acts, *topics]))
    for looser, left in tries:
        if looser.is_empty() or looser == wanted:
            continue
        if select(index, looser):
            aside = quoted_words(left)
            return looser, f"Aucune entrée ne réunit tout ce filtre ; en laissant de côté {aside} :"
    undated = replace(wanted, start=None, end=None)
    dated = (
        select(index, undated) if (wanted.start or wanted.end) and not undated.is_empty() else []
    )
    if dated and len(dated) <= DATES_SAID:  # a subject's own dates (a country's whole story
        # is another view: its buttons offer it)
        period = describe(index, TimelineFilter(start=wanted.start, end=wanted.end))
        return undated, (
            f"Aucune entrée de ce filtre en {period} ; d'après les articles, ses dates sont :"
        )
    return None


DATES_SAID = 3
"""Most lines a filter less its period may list to answer a period that has none with their
own dates (« le PPP en 1996 ? » → 1994); more is a view of its own, offered by a button."""

BASES_SAID = 120
"""Longest list of what the inferred dates rest on that the month line says; past it, each
line says its own (a long note would push the page's entries off the screen)."""

GROUP_BUTTONS = 9
"""Month (or year) buttons under a timeline page: three rows of three at most."""


@dataclass(frozen=True, slots=True)
class Group:
    """Entries of a timeline that fall in one month (or one year): a line of the overview."""

    label: str
    count: int
    wanted: TimelineFilter
    """The filter that shows just them (its count is what that timeline holds)."""
    windowed: int = 0
    """Of ``count``, entries dated only by a window (« récemment »: on or before a day),
    counted once, in the month or year of that day (issue 22 A.4)."""
    inferred: int = 0
    """Of ``count``, entries whose date the base infers (``date_basis: déduit``): the month
    or year they count in is not the article's own (issue 22, fidelity class 1)."""


def _groups(index: Index, items: list[Dated], wanted: TimelineFilter) -> list[Group]:
    """The months (when the view lies within one year, or every entry does) or the years the
    entries start or end in (within the view), each with what its button shows: an entry
    dated across several months counts in each month whose own timeline lists it (counted
    once per filter)."""
    return cached(
        index, "timeline_groups", (wanted.encode(), 0), lambda: _count(index, items, wanted)
    )


def _count(index: Index, items: list[Dated], wanted: TimelineFilter) -> list[Group]:
    if not items:  # nothing listed, no month or year to count (a period with no entry)
        return []
    low_bound, high_bound = wanted.start or date.min, wanted.end or date.max
    starts = [max(item.span.start, low_bound) for item in items]
    one_year = wanted.start is not None and wanted.end is not None
    one_year = one_year and low_bound.year == high_bound.year
    ends = [min(item.span.end, high_bound) for item in items]
    by_month = one_year or len({day.year for day in (*starts, *ends)}) == 1
    if by_month:  # every month the entries may fall in: each counts what its view lists
        first, last = min(starts), max(ends)
        span = (last.year - first.year) * 12 + last.month - first.month
        keys = [
            (first.year + (first.month - 1 + n) // 12, (first.month - 1 + n) % 12 + 1)
            for n in range(span + 1)
        ]
    else:  # the years the entries start or end in
        keys = sorted({(day.year, 0) for day in (*starts, *ends)})
    groups: list[Group] = []
    for year, month in keys:
        if month:
            low = date(year, month, 1)
            high = date(year, month, calendar.monthrange(year, month)[1])
            label = f"{MONTHS_FR[month - 1]} {year}"
        else:
            low, high, label = date(year, 1, 1), date(year, 12, 31), str(year)
        narrowed = replace(
            wanted,
            start=max(low, wanted.start) if wanted.start else low,
            end=min(high, wanted.end) if wanted.end else high,
        )
        kept = [  # a « récemment » window counts once: where it ends, not in every month
            item for item in select(index, narrowed) if not windowed_outside(item, narrowed)
        ]
        if kept:
            windowed = sum(1 for item in kept if item.span.open)
            inferred = sum(1 for item in kept if item.entry.date_basis == "déduit")
            groups.append(Group(label, len(kept), narrowed, windowed, inferred))
    return groups


def windowed_outside(item: Dated, wanted: TimelineFilter) -> bool:
    """True when ``item`` is dated only by a window (« récemment »: on or before a day) that
    ends outside the period ``wanted`` (bounded on one side or both: « jusqu'au 31 mai 2025 »
    may hold a « récemment » of an article of 6 November 2025, never counts it as in it —
    issue 22, C26): the period may hold it, never counts it."""
    if not item.span.open or (wanted.start is None and wanted.end is None):
        return False
    return not (wanted.start or date.min) <= item.span.end <= (wanted.end or date.max)


def _heading_count(items: list[Dated], wanted: TimelineFilter) -> str:
    """« 3 entrées », or « 1 entrée, et 1 dite « récemment » qui peut y tomber » when the
    period lists a window that ends outside it (the count its button shows is the first)."""
    window = sum(1 for item in items if windowed_outside(item, wanted))
    if not window:
        return count(len(items), "entrée")
    plural = window > 1
    maybe = f"dite{'s' if plural else ''} « récemment » qui {'peuvent' if plural else 'peut'}"
    firm = len(items) - window
    if not firm:
        return f"{count(window, 'entrée')} {maybe} y tomber"
    return f"{count(firm, 'entrée')}, et {window} {maybe} y tomber"


def _counted(group: Group) -> str:
    """A group's count, with how many of its entries have an inferred date: « 3 », « 1
    déduite », « 3, 2 déduites » (a month button and the month line say it alike)."""
    if not group.inferred:
        return str(group.count)
    if group.inferred == group.count:
        return f"{group.count} déduite{'s' if group.count > 1 else ''}"
    return f"{group.count}, {group.inferred} déduite{'s' if group.inferred > 1 else ''}"


def _bases(index: Index, items: list[Dated]) -> list[str]:
    """What the inferred dates of ``items`` rest on, each said once (``year_basis``)."""
    said: dict[str, str] = index.memo("timeline: year bases", dict)  # entry id → its basis
    bases: dict[str, None] = {}
    for item in items:
        if item.entry.date_basis != "déduit":
            continue
        basis = said.get(item.entry.id)
        if basis is None:
            basis = said[item.entry.id] = year_basis(index.base, item.entry) or "date déduite"
        bases[basis] = None
    return list(bases)


def _groups_line(groups: list[Group], total: int, bases: list[str] | None = None) -> str:
    """« Par mois : août 2025 (3), septembre 2025 (2)… » with what the counts mean; months
    of one year are named once: « Par mois de 2025 : août (3), septembre (2)… »; a count
    with inferred dates says so, and the note says from what (« 3, 2 déduites … ;
    dates déduites : l'article non daté renvoie à … »)."""
    months = bool(groups) and " " in groups[0].label
    years = {group.label.rsplit(" ", 1)[-1] for group in groups}
    if months and len(years) == 1:
        by = f"Par mois de {years.pop()}"
        named = [(group.label.rsplit(" ", 1)[0], _counted(group)) for group in groups]
    else:
        by = "Par mois" if months else "Par année"
        named = [(group.label, _counted(group)) for group in groups]
    text = f"{by} : {', '.join(f'{label} ({number})' for label, number in named)}"
    notes: list[str] = []
    if sum(group.count for group in groups) > total:
        spread = "plusieurs mois" if months else "plusieurs années"
        notes.append(f"une entrée datée sur {spread} compte dans chacun{'' if months else 'e'}")
    if any(group.windowed for group in groups):
        where = "au mois" if months else "à l'année"
        notes.append(f"une entrée dite « récemment » compte une fois, {where} où l'article l'écrit")
    if any(group.inferred for group in groups):
        said = " ; ".join(bases or [])
        if not said or len(said) > BASES_SAID:
            said = "origine sur chaque ligne"
        notes.append(f"dates déduites : {said}")
    return f"{text} ({' ; '.join(notes)})." if notes else f"{text}."


def _page_starts(
    index: Index, items: Sequence[Dated], budget: int, wanted: TimelineFilter
) -> list[int]:
    """Where each page of the filter's timeline starts (walked once per filter and index)."""
    return cached(
        index,
        "timeline_pages",
        (wanted.encode(), budget),
        lambda: page_starts(index, [item.entry for item in items], budget),
    )


def _only(actor_id: str) -> str:
    return TimelineFilter(actors=(actor_id,)).encode()


def _not_understood(index: Index, problem: FilterProblem) -> Reply:
    words = ", ".join(f"« {word} »" for word in problem.unknown)
    suggestions = index.names.suggest_actors(" ".join(problem.unknown))
    blocks: list[Block] = [
        Para(f"Je n'ai pas compris ce filtre : {words}."),
        Para(
            "Filtres possibles : une année (2025), une période (2024-2026), un mois "
            "(novembre 2025), depuis 2024, avant 2000, un pays ou une organisation (Turquie, "
            "OTAN), un thème (énergie, cyber).",
            "note",
        ),
    ]
    buttons = tuple(
        (
            Button(
                f"Chronologie : {actor.name}",
                routes.TIMELINE.build(1, TimelineFilter(actors=(actor.id,)).encode()),
            ),
        )
        for actor in suggestions
    )
    return Reply(tuple(blocks), buttons, found=False)


LOOSER_TAPS = 3
"""Most looser views an empty chronology offers."""
LABEL = 36
"""Longest description on a looser view's button."""


def looser_buttons(index: Index, wanted: TimelineFilter) -> tuple[tuple[Button, ...], ...]:
    """Under an empty chronology, the nearest views that hold lines: the filter without its
    period, kind, theme or act, or one of its actors alone, then the
    whole chronology; never nothing to tap (issue 22, seventh blind set)."""
    loose = [
        replace(wanted, start=None, end=None),
        replace(wanted, kinds=(), acts=()),
        replace(wanted, topics=()),
        *(TimelineFilter(start=wanted.start, end=wanted.end, actors=(a,)) for a in wanted.actors),
        *(TimelineFilter(actors=(a,)) for a in wanted.actors),
    ]
    taps: list[Button] = []
    seen = {wanted}
    for view in loose:
        if view in seen or view.is_empty():
            continue
        seen.add(view)
        if select(index, view):  # no count on the label: the view's own heading says it
            said = describe(index, view)
            said = whole_words(said, LABEL)
            taps.append(Button(f"📅 {said}", routes.TIMELINE.build(1, view.encode())))
        if len(taps) >= LOOSER_TAPS:
            break
    whole = Button("📅 Toute la chronologie", routes.TIMELINE.build(1, TimelineFilter().encode()))
    return (*((tap,) for tap in taps), (whole,))
