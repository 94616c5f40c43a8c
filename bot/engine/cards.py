"""/pays, /org and /accord: cards for an actor or an agreement, and the lists behind them."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date

from bot.content.model import Actor, Agreement, Event, FactBase
from bot.engine import paging, routes
from bot.engine.acts_asked import left_out_para
from bot.engine.common import (
    act_date,
    actor_name,
    entry_text,
    key_quotes,
    names,
    overview,
    parties_text,
    party_role,
    quote_of,
    when,
)
from bot.engine.common import (
    claim as claim_of,
)
from bot.engine.filters import Reading, TimelineFilter, read_filter
from bot.engine.fit import SCREEN, cached, page_of, page_starts, which
from bot.engine.index import Index
from bot.engine.own_evidence import is_foreign, own_key_evidence
from bot.engine.reply import Block, Button, Item, Page, Para, Quote, QuoteGroup, Reply
from bot.engine.seedtext import absence_blocks
from bot.engine.timeline import describe, is_kind, is_loose, overlap_note, reading_notes, select
from bot.text import count, fold, french_list, short_label

FACTS_PAGE = 4


def _kinds(index: Index) -> dict[str, str]:
    labels = {term.id: term.label for term in index.base.vocabulary.organisation_kinds}
    labels["pays"] = "pays"
    return labels


CARD_BUDGET = 1000
"""Visible characters a card's first message may use (a phone screen is about 1,200)."""
READING_LINE = 120
"""Room a card keeps for the « Compris » line a plain question's answer opens with: asked as
a question, the card still fits CARD_BUDGET (issue 22, class 2: cards of 1,036 to 1,238)."""
DETAILS_LINE = 70
"""Room for the « Aussi : … (bouton Détails). » line that counts what the button sends."""


def visible(blocks: Sequence[Block], fold_all: bool = False) -> int:
    """About how many characters ``blocks`` show once rendered, attributions included."""
    total = 0
    attributions: dict[str, str] = {}
    for block in blocks:
        if isinstance(block, Quote):  # past the first, quotes are folded: ~3 lines show
            folded = fold_all or bool(attributions)
            total += (min(len(block.text), 150) if folded else len(block.text)) + 4
            attributions.setdefault(block.source or block.attribution, block.attribution)
        elif isinstance(block, Item):
            total += len(block.label) + len(block.text) + 5
        elif isinstance(block, QuoteGroup):  # folded: ~3 lines show
            total += min(sum(len(quote.text) + 8 for _, quote in block.quotes), 150) + 2
            for _, quote in block.quotes:
                attributions.setdefault(quote.source or quote.attribution, quote.attribution)
        else:
            total += len(block.text) + 2
    return total + sum(len(text) + 30 for text in attributions.values())


def _card_heading(actor: Actor) -> str:
    heading = actor_name(actor)
    if actor.full_name and actor.full_name != actor.name:
        heading += f" — {actor.full_name}"
    if actor.name_en and fold(actor.name_en) != fold(actor.name):
        heading += f" ({actor.name_en})"
    return heading


def card_button(actor: Actor) -> Button:
    """The button that opens an actor's card as a new message."""
    return Button(actor_name(actor), _card_route(actor).build(actor.id))


def _card_route(actor: Actor) -> routes.Route:
    return routes.COUNTRY if actor.is_country else routes.ORGANISATION


def back_to_card(actor: Actor) -> Button:
    """« ◀ Fiche »: turns a section's page back into the actor's card, in place."""
    return Button("◀ Fiche", routes.EDIT + _card_route(actor).build(actor.id))


def actor_card(index: Index, actor: Actor, note: str | None = None) -> Reply:
    """An actor's card, made for a phone: role with its quotes, the latest dated facts that
    fit one screen, and what else is known, counted, behind buttons that send it."""
    base = index.base
    blocks: list[Block] = [Para(_card_heading(actor), "title")]
    if note:
        blocks.append(Para(f"Note : {note}.", "note"))
    if not actor.is_country:
        blocks.append(Para(_kinds(index).get(actor.kind, actor.kind).capitalize(), "note"))
    if actor.role:
        blocks.append(Para(actor.role))
        blocks.extend(quote_of(base, evidence) for evidence in actor.evidence)
    if actor.members:
        blocks.append(Item("Membres cités", names(base, actor.members)))
    if actor.observers:
        blocks.append(Item("Observateurs", names(base, actor.observers)))
    for org, status, backing in index.links.named_memberships(actor.id):  # shown with its quote
        blocks.append(Item(org.name, f"{status} ({org.full_name})"))
        blocks.append(quote_of(base, backing))
    agreements = index.deals.of(actor.id)
    facts = index.links.facts_of(actor.id)
    dated = select(index, TimelineFilter(actors=(actor.id,)))
    heading = Para("Fait daté" if len(dated) == 1 else "Faits datés : les plus récents", "title")
    quoted = any(isinstance(block, Quote) for block in blocks)
    shown_dated = shown_facts = shown_agreements = 0
    for item in reversed(dated):  # the latest first, as many as fit one screen
        entry = item.entry
        lines: list[Block] = [Item(when(base, entry), entry_text(base, entry), entry=entry.id)]
        lines.extend(key_quotes(base, entry))
        opening = [] if heading in blocks else [heading]
        forced = not quoted  # a card never shows only its title: one fact with its quote
        if not forced and visible([*blocks, *opening, *lines]) + 160 + READING_LINE > CARD_BUDGET:
            break
        blocks.extend([*opening, *lines])
        quoted = True
        shown_dated += 1
    if facts and not quoted:  # no fact shown yet: the first undated one, never none
        blocks.append(Para("Contexte", "title"))
        blocks.append(Item("•", entry_text(base, facts[0]), entry=facts[0].id))
        blocks.extend(key_quotes(base, facts[0]))
        shown_facts = 1
        quoted = True
    if agreements and not quoted:  # only undated agreements: the latest one, never none
        latest = index.deals.involving_actor[actor.id][0]
        blocks.append(Para(agreements_heading((latest,)).removesuffix("s"), "title"))
        blocks.append(Item(when(base, latest), entry_text(base, latest), entry=latest.id))
        blocks.extend(key_quotes(base, latest))
        shown_agreements = 1
    # a button never repeats what the card shows: a section it holds whole has none
    dated = dated if shown_dated < len(dated) else []
    facts = facts if shown_facts < len(facts) else ()
    agreements = agreements if shown_agreements < len(agreements) else ()
    said = len(blocks) > 1 + (1 if note else 0) + (0 if actor.is_country else 1)
    if not said:
        blocks.append(Para("Les articles le citent sans lui donner de rôle particulier.", "note"))
    behind = []  # the buttons' contents, counted as the buttons count them
    if dated:
        behind.append(f"chronologie ({count(len(dated), 'entrée')})")
    if agreements:
        behind.append(agreements_count(agreements))
    if facts:
        behind.append(f"contexte ({count(len(facts), 'constat')})")
    if behind:
        blocks.append(Para(f"Sous les boutons : {french_list(behind)}.", "note"))
    row: list[Button] = []
    if dated:
        code = TimelineFilter(actors=(actor.id,)).encode()
        row.append(Button(f"📅 Chronologie ({len(dated)})", routes.TIMELINE.build(1, code)))
    if agreements:
        row.append(
            Button(
                f"📄 {agreements_heading(agreements)} ({len(agreements)})",
                routes.AGREEMENTS_OF.build(actor.id),
            )
        )
    if facts:
        row.append(Button(f"📌 Contexte ({len(facts)})", routes.CONTEXT.build(actor.id, 1)))
    crowded = visible(blocks) > CARD_BUDGET  # a long role folds every quote, the first too
    return Reply(
        tuple(blocks),
        (tuple(row),) if row else (),
        follow=f"acteur:{actor.id}",
        fold_quotes=crowded,
    )


def facts_page(index: Index, actor_id: str, page: int = 1) -> Reply:
    """An actor's undated facts, each with the quotes it rests on, a page at a time."""
    base = index.base
    actor = base.actors[actor_id]
    facts = index.links.facts_of(actor_id)
    if not facts:
        return Reply((Para(f"Aucun constat pour {actor_name(actor)}."),), found=False)
    page, start, stop, pages = paging.window(len(facts), FACTS_PAGE, page)
    blocks: list[Block] = [Para(f"Contexte — {actor_name(actor)} ({len(facts)})", "title")]
    for fact in facts[start:stop]:
        blocks.append(Item("•", entry_text(base, fact), entry=fact.id))
        blocks.extend(key_quotes(base, fact))
    row = paging.turns(page, pages, lambda n: routes.CONTEXT.turn(actor_id, n)) or ()
    if pages > 1:
        blocks.append(Para(f"Page {page}/{pages}", "note"))
    rows = [tuple(row)] if row else []
    rows.append((back_to_card(actor),))
    return Reply(tuple(blocks), tuple(rows), Page(page, pages) if pages > 1 else None)


def _unknown(index: Index, query: str, countries: bool) -> Reply:
    suggestions = index.names.suggest_actors(query, countries=None)
    suggestions.sort(key=lambda actor: actor.is_country != countries)
    what = "aucun pays nommé" if countries else "aucune organisation nommée"
    blocks: list[Block] = [Para(f"Je ne connais {what} « {query} » dans la base.")]
    searched: list[tuple[Button, ...]] = []
    if index.names.is_other_country(query):
        blocks, mentions = absence_blocks(index, query)
        words = " ".join(index.tokens(query))
        data = routes.COMMAND.build_or_none(f"/cherche {words}")
        if mentions and data is not None:
            searched.append((Button(f"🔎 Chercher « {query[:30]} »", data),))
    if suggestions:
        blocks.append(Para("Vouliez-vous dire :", "note"))
    else:
        blocks.append(Para("Tapez /pays ou /org sans rien pour voir la liste.", "note"))
    buttons = tuple(
        (Button(actor_name(actor), f"{'p' if actor.is_country else 'o'}:{actor.id}"),)
        for actor in suggestions[:3]
    )
    return Reply(tuple(blocks), (*buttons, *searched), found=False)


LISTING_PAGE = 16
"""Actors per page of /pays and /org: eight rows of two buttons."""


def by_weight(index: Index, countries: bool) -> tuple[Actor, ...]:
    """The countries (or organisations), the ones the base says most about first: by the
    number of facts citing them, then by name (sorted once per index)."""

    def build() -> tuple[Actor, ...]:
        named = index.links.actors_by_name(countries)
        return tuple(sorted(named, key=lambda actor: -len(index.links.entries_of(actor.id))))

    return index.memo(f"by_weight:{countries}", build)


def listing(index: Index, countries: bool, page: int = 1) -> Reply:
    """/pays or /org without a name: every actor as a button (two columns, by page)."""
    actors = by_weight(index, countries)
    page, start, stop, pages = paging.window(len(actors), LISTING_PAGE, page)
    shown = actors[start:stop]
    title = "Pays cités" if countries else "Organisations citées"
    blocks: list[Block] = [
        Para(f"{title} ({len(actors)})", "title"),
        Para(
            f"Les plus {'cités' if countries else 'citées'} d'abord : le nombre est celui des "
            "faits qui les citent (à égalité, par ordre alphabétique). Touchez un nom pour sa "
            "fiche."
        ),
    ]
    if pages > 1:
        blocks.append(Para(f"Page {page}/{pages}", "note"))
    labels = [
        f"{actor_name(actor)} · {len(index.links.entries_of(actor.id))}"
        if index.links.entries_of(actor.id)
        else actor_name(actor)
        for actor in shown
    ]
    buttons = [card_button(actor) for actor in shown]
    rows: list[tuple[Button, ...]] = [
        tuple(
            Button(short_label(labels[i], 30), buttons[i].data)
            for i in range(n, min(n + 2, len(shown)))
        )
        for n in range(0, len(shown), 2)
    ]
    route = routes.COUNTRIES if countries else routes.ORGANISATIONS
    nav = paging.turns(page, pages, route.turn)
    if nav:
        rows.append(tuple(nav))
    return Reply(tuple(blocks), tuple(rows), Page(page, pages) if pages > 1 else None)


def pays(index: Index, argument: str, today: date | None = None) -> Reply:
    """Answer /pays [nom]: a country card, or the list of countries."""
    return _actor_command(index, argument, countries=True)


def org(index: Index, argument: str, today: date | None = None) -> Reply:
    """Answer /org [nom]: an organisation card, or the list of organisations."""
    return _actor_command(index, argument, countries=False)


def _actor_command(index: Index, argument: str, countries: bool) -> Reply:
    if not argument:
        return listing(index, countries)
    match = index.names.find_actor(argument)
    if match is None:
        return _unknown(index, argument, countries)
    return actor_card(index, match.actor, match.note)


Lead = Callable[[Quote], float]
"""How well a quote answers the question a card is the answer to (``group_answer``)."""


def agreement_card(
    index: Index, agreement: Agreement, full: bool = False, lead: Lead | None = None
) -> Reply:
    """One agreement: what was done, by whom, when, and the quotes it rests on. The first
    message fits a phone screen; the rest (scope, other quotes) is one button away, unless
    ``full`` asks for everything at once. ``lead``: the card answers a question, and the
    quote that answers it best goes on top (``_fitted``)."""
    base = index.base
    blocks: list[Block] = [Para(agreement.title, "title"), Para(claim_of(agreement))]
    blocks.append(Item("Parties", parties_text(base, agreement)))
    if agreement.parties and agreement.parties_note:
        blocks.append(Para(agreement.parties_note, "note"))
    noun, _, date_text = act_date(base, agreement).partition(" : ")
    blocks.append(Item(noun, date_text))
    if agreement.period:
        blocks.append(Item("Période", agreement.period.label()))
    keys = key_quotes(base, agreement)
    # the other quotes come before the lines they back (place, scope): a line is shown only
    # once every quote is, so it never stands in a message without its quote
    extra: list[Block] = []
    if agreement.date_note:
        extra.append(Para(f"Sur la date : {agreement.date_note}", "note"))
    extra += _other_quotes(base, agreement)
    if agreement.place:
        extra.append(Item("Lieu", agreement.place))
    if agreement.scope:
        extra.append(Item("Portée", agreement.scope))
    buttons = [card_button(base.actors[p]) for p in agreement.parties]
    more = routes.AGREEMENT_FULL.build(agreement.id)
    return _fitted(blocks, keys, extra, buttons, more, full, lead)


CONTEXT_NOTE = "Contexte (phrases qui appuient une autre entrée) :"
"""Said before the quotes of a card that are another entry's sentence (``own_evidence``)."""


def _other_quotes(base: FactBase, entry: Event | Agreement) -> list[Block]:
    """The card's quotes beyond its key ones: its own, then, labelled as context, those that
    are another entry's proof (a dated signing under an undated partnership)."""
    shown = own_key_evidence(base, entry)
    rest = [evidence for evidence in entry.evidence if evidence not in shown]
    own: list[Block] = [
        quote_of(base, item) for item in rest if not is_foreign(base, entry, item.quote)
    ]
    context = [quote_of(base, item) for item in rest if is_foreign(base, entry, item.quote)]
    return [*own, Para(CONTEXT_NOTE, "note"), *context] if context else own


def _fitted(
    blocks: list[Block],
    keys: list[Quote],
    extra: list[Block],
    buttons: list[Button],
    more: str,
    full: bool,
    lead: Lead | None = None,
) -> Reply:
    """A card's blocks with its key quotes, then what else fits one screen; what does not is
    counted and sent by the « Détails » button (``more``). A card answering a question
    (``lead``) whose answering quote is not its first key quote shows that quote first, open,
    right under its summary: the same card asked « où ? » and « qui ? » leads with what each
    asks, and the button counts what it still holds (issue 22, class 2)."""
    led = False
    if lead is not None and not full:
        size = len(blocks)
        blocks, keys, extra = _led(blocks, keys, extra, lead)
        led = len(blocks) > size
        summary = blocks[1] if len(blocks) > 1 else None
        crowded = visible([*blocks, *keys]) > CARD_BUDGET - READING_LINE
        if crowded and isinstance(summary, Para) and summary.style == "plain":
            blocks.remove(summary)  # its key quote says it, open or under the answer
    blocks = [*blocks, *keys]
    # a long card folds every quote; never the one leading with the answer
    fold_all = not full and not led and visible(blocks) > CARD_BUDGET
    kept = 0
    budget = CARD_BUDGET - READING_LINE
    for at, block in enumerate(extra):
        room = budget - (DETAILS_LINE if at < len(extra) - 1 else 0)  # the rest behind Détails
        if not full and visible([*blocks, block], fold_all) > room:
            break
        blocks.append(block)
        kept += 1
    last = blocks[-1] if kept else None
    if kept < len(extra) and isinstance(last, Para) and last.text == CONTEXT_NOTE:
        blocks.pop()  # the context label goes with its quotes, behind the button
        kept -= 1
    rows: list[tuple[Button, ...]] = []
    left = extra[kept:]
    if left:
        quotes = sum(isinstance(block, Quote) for block in left)
        what = [count(quotes, "autre citation", "autres citations")] if quotes else []
        named = {"Acteurs": "les acteurs", "Portée": "la portée", "Lieu": "le lieu"}
        what[:0] = [named.get(b.label, b.label.lower()) for b in left if isinstance(b, Item)]
        if any(isinstance(block, Para) and block.text != CONTEXT_NOTE for block in left):
            what.insert(len(what) - (1 if quotes else 0), "une note sur la date")
        listed = french_list(what)
        blocks.append(Para(f"Aussi : {listed} (bouton Détails).", "note"))
        rows.append((Button("📎 Détails", more),))
    if buttons:
        rows.append(tuple(buttons))
    return Reply(tuple(blocks), tuple(rows), fold_quotes=fold_all)


def _led(
    blocks: list[Block], keys: list[Quote], extra: list[Block], lead: Lead
) -> tuple[list[Block], list[Quote], list[Block]]:
    """The card's head, key quotes and extras with the quote ``lead`` scores highest moved
    under the head, open, when it scores above the first key quote; unchanged otherwise. A
    context quote (another entry's proof, after CONTEXT_NOTE) never leads."""
    own = extra
    if any(isinstance(block, Para) and block.text == CONTEXT_NOTE for block in extra):
        own = extra[: next(at for at, b in enumerate(extra) if isinstance(b, Para))]
    candidates = [*keys, *(block for block in own if isinstance(block, Quote))]
    if len(candidates) < 2:
        return blocks, keys, extra
    best = max(candidates, key=lead)
    if best is candidates[0] or lead(best) <= max(lead(candidates[0]), 0.0):
        return blocks, keys, extra
    opened = replace(best, open=True)
    return (
        [*blocks, opened],
        [quote for quote in keys if quote is not best],
        [block for block in extra if block is not best],
    )


LIST_PAGE = 4


def event_card(index: Index, event: Event, full: bool = False, lead: Lead | None = None) -> Reply:
    """One event: its date, what happened and the quotes it rests on (others one button away);
    ``lead`` as for ``agreement_card``."""
    base = index.base
    blocks: list[Block] = [Para(when(base, event), "title"), Para(claim_of(event))]
    extra: list[Block] = [Item("Acteurs", names(base, event.actors))]
    if event.date_note:  # the date's mark and origin are in the title; this explains more
        extra.append(Para(f"Sur la date : {event.date_note}", "note"))
    extra += _other_quotes(base, event)
    keys = key_quotes(base, event)
    return _fitted(blocks, keys, extra, [], routes.EVENT_FULL.build(event.id), full, lead)


def _agreement_list(
    index: Index,
    agreements: Sequence[Agreement],
    title: str,
    page: int = 1,
    more: Callable[[int], str | None] | None = None,
    back: Actor | None = None,
    said: tuple[Para, ...] = (),
    roles_of: tuple[Actor, ...] = (),
    after: tuple[Para, ...] = (),
) -> Reply:
    """A page of agreements; ``more(n)`` is the data that turns to page n (``routes``),
    whose pages hold what fits one screen; a list without it shows ``LIST_PAGE``. A list of
    the agreements of one actor or of a pair (``roles_of``) says each one's role on each line
    where it is not a party (« médiateur »): under « Accords — États-Unis » or « Accords —
    Azerbaïdjan et États-Unis » a peace the United States mediated is not theirs."""
    heading = [Para(f"{title} ({len(agreements)})", "title"), *said]
    budget = SCREEN - 120 - sum(len(para.text) + 2 for para in (*heading, *after))
    blocks: list[Block] = list(heading)
    if more is None:
        starts = list(range(0, len(agreements), LIST_PAGE)) or [0]
    else:  # keyed by the list itself: two filters may share a title, never their lines
        starts = cached(
            index,
            "agreement_pages",
            ("\n".join(agreement.id for agreement in agreements), budget),
            lambda: page_starts(index, agreements, budget),
        )
    pages = len(starts)
    page, low, high = page_of(starts, len(agreements), page)
    shown = agreements[low:high]
    if pages > 1:  # said on top: the page's entries end it, never a lone page number
        blocks.append(Para(f"Page {page}/{pages} : {which(low + 1, high)}", "note"))
    lines, quotes = overview(index.base, list(shown))
    for actor in roles_of:
        lines = [_with_role(line, a, actor) for line, a in zip(lines, shown, strict=True)]
    blocks.extend(lines)
    blocks.extend(after)  # what the list leaves out, once its lines are read
    if quotes is not None:
        blocks.append(quotes)
    buttons: list[tuple[Button, ...]] = [
        (Button(short_label(agreement.title), routes.AGREEMENT.build(agreement.id)),)
        for agreement in shown
    ]
    row = paging.turns(page, pages, more) if more is not None and pages > 1 else None
    if row:
        buttons.append(row)
    elif pages > 1:  # no data can carry the turn: say how to see the rest, never stop silently
        blocks.append(Para("Précisez votre recherche pour voir les autres.", "note"))
    if back is not None:
        buttons.append((back_to_card(back),))
    return Reply(tuple(blocks), tuple(buttons), Page(page, pages) if pages > 1 else None)


def agreements_of(index: Index, actor_id: str, page: int = 1) -> Reply:
    """Every agreement an actor is party to or mediates, the latest first."""
    actor = index.base.actors[actor_id]
    found = index.deals.involving(actor_id)
    if not found:
        return Reply((Para(f"Aucun accord connu pour {actor_name(actor)}."),), found=False)
    return _agreement_list(
        index,
        found,
        f"{agreements_heading(found)} — {actor_name(actor)}",
        page,
        lambda n: routes.AGREEMENTS_OF.turn(actor_id, n),
        actor,
        roles_of=(actor,),
    )


def _with_role(line: Item, agreement: Agreement, actor: Actor) -> Item:
    """The line, with ``actor``'s role when it is not one of the agreement's parties."""
    if actor.id in agreement.parties:
        return line
    role = party_role(agreement, actor.id) or "cité, non partie"
    return replace(line, text=f"{line.text} — {actor_name(actor)} : {role}")


def _titled(index: Index, argument: str) -> Agreement | None:
    """The one agreement whose title ``argument`` gives whole (every word of the title, in any
    order, at least three), or None. Looked up among the agreements holding every word asked
    (an index walk), so a long base costs no scan."""
    asked = index.tokens(argument)
    if len(set(asked)) < 3:
        return None
    wanted = set(asked)
    found = [
        agreement
        for agreement in index.deals.matching(asked)
        if set(index.tokens(agreement.title)) == wanted
    ]
    return found[0] if len(found) == 1 else None


def agreements_heading(agreements: Sequence[Agreement]) -> str:
    """« Accords », « Accords et adhésions » or « Adhésions »: an adhesion (the Partnership for
    Peace) is not called an agreement."""
    adhesions = sum(1 for agreement in agreements if agreement.act == "adhesion")
    if adhesions == 0:
        return "Accords"
    return "Adhésions" if adhesions == len(agreements) else "Accords et adhésions"


def agreements_count(agreements: Sequence[Agreement]) -> str:
    """What sits under the agreements button, counted by kind: « accords (6 accords) »,
    « accords et adhésions (6 accords, 1 adhésion) »."""
    adhesions = sum(1 for agreement in agreements if agreement.act == "adhesion")
    parts = [count(len(agreements) - adhesions, "accord"), count(adhesions, "adhésion")]
    shown = [part for part in parts if not part.startswith("0 ")]
    return f"{agreements_heading(agreements).lower()} ({', '.join(shown)})"


def all_agreements(index: Index, page: int = 1) -> Reply:
    """Every agreement, the latest first, a page at a time."""
    agreements = index.deals.newest
    return _agreement_list(
        index, agreements, "Accords, plans et partenariats", page, routes.ALL_AGREEMENTS.turn
    )


def accord(index: Index, argument: str, today: date | None = None, page: int = 1) -> Reply:
    """Answer /accord [filtre]: agreements by party, year, period, status (signé, proposé…),
    kind, theme or words, the latest first; one match opens its card. A list longer than a
    screen turns its pages like every paged view: the filter as typed travels in the ◀ ▶ data
    (``routes.FOUND_AGREEMENTS``), and only a filter too long for Telegram's 64 bytes gets
    « Précisez votre recherche » instead."""
    if not argument:
        return all_agreements(index, page)
    match = index.names.find_actor(argument)
    if match is not None and match.exact:  # paginated by actor, with its own buttons
        return agreements_of(index, match.actor.id)
    titled = _titled(index, argument)
    if titled is not None:  # a pasted title opens its card, whatever its words would filter
        return agreement_card(index, titled)
    reading = read_filter(index, argument, today)
    # a page turn reads the filter again without « today » (a button carries no date): it is
    # offered only when the filter reads the same without it (« cette année » does not)
    steady = today is None or read_filter(index, argument).filter == reading.filter
    words = index.deals.matching(index.tokens(" ".join(reading.ignored)))
    heading = _heading(index, reading, ())
    found: Sequence[Agreement]
    left_out: Para | None = None
    relaxed: Para | None = None  # said when the filter was loosened to find anything
    if reading.understood():
        found = _fitting(index, reading)
        # « signés »: the agreements of every other part of the filter that the act leaves
        # out are named, never dropped silently (issue 22: an unsigned partnership is no
        # answer to « qu'a signé le Royaume-Uni ? », nor is it hidden from the reader)
        others = _fitting(index, replace(reading, acts=())) if reading.acts else []
        if reading.ignored and words:  # the words narrow the list, never empty it
            named = {agreement.id for agreement in words}
            narrowed = [a for a in found if a.id in named]
            if narrowed:
                found = narrowed
                others = [a for a in others if a.id in named]
                heading = _heading(index, reading, reading.ignored)
                reading = replace(reading, ignored=())
        kept = {agreement.id for agreement in found}
        left = [a for a in others if a.id not in kept]
        # done, but an actor asked is no party to it (a mediator signs nothing): said as such,
        # never « faute de signature » (the peace the United States mediated is signed)
        not_party = [a for a in left if a.act in reading.acts]
        unsigned = [a for a in left if a.act not in reading.acts]
        if not found and not_party:  # « accord AZ–AM avec médiation américaine, signé quand
            # ? »: the agreement asked is found, its mediator said as such (never a signatory),
            # never « aucun accord ne correspond » (outside readers, thirteenth set)
            found, not_party = not_party, []
            signed = Para(_signed_by_parties(index, reading.filter.actors, found), "note")
            left_out = _joined(signed, left_out_para(index, reading.acts, unsigned))
        else:
            left_out = _joined(
                left_out_para(index, reading.acts, unsigned),
                _not_party_para(index, reading.filter.actors, not_party),
            )
        if not found and not others and len(reading.filter.actors) > 1:  # nothing has them
            found, relaxed = _each_actor(index, reading)  # all, in any role: each one's
    else:
        found = index.deals.newest_first(words or index.find_agreements(argument))
        heading = _heading(index, reading, reading.ignored)
        reading = replace(reading, ignored=())
    said = reading_notes(reading, index)
    said = (relaxed, *said) if relaxed is not None else said
    other_period = _other_period_para(found, reading.filter)
    said = (other_period, *said) if other_period is not None else said
    by_period = _period_para(found, reading.filter)
    if len(found) == 1 and not said:
        card = agreement_card(index, found[0])
        one_loose = is_loose(found[0], reading.filter) and not _by_period(found[0], reading.filter)
        note = overlap_note(int(one_loose), "")
        notes = tuple(n for n in (by_period, note, left_out) if n is not None)
        if not notes:
            return card
        return replace(card, blocks=(card.blocks[0], *notes, *card.blocks[1:]))
    loose = sum(is_loose(a, reading.filter) and not _by_period(a, reading.filter) for a in found)
    note = overlap_note(loose, "de cette liste")
    said += (note,) if note is not None else ()
    if found:
        title = f"Accords — {heading}" if heading else "Accords"
        roles_of = tuple(  # each listed for its own party: no role of the others to say
            index.base.actors[actor] for actor in reading.filter.actors if relaxed is None
        )
        after = tuple(p for p in (by_period, left_out) if p is not None)
        field = routes.filter_field(argument)
        return _agreement_list(
            index,
            found,
            title,
            page,
            lambda n: routes.FOUND_AGREEMENTS.turn(n, field) if steady else None,
            said=said,
            roles_of=roles_of,
            after=after,
        )
    suggestions = index.names.suggest_actors(argument)
    blocks: list[Block] = [
        Para(f"Aucun accord ne correspond à ce filtre : {heading or f'« {argument} »'}."),
        *said,
        *((left_out,) if left_out is not None else ()),
        Para(
            "Essayez un pays (Royaume-Uni), une année (2025), un état (signé, en cours), "
            "un thème (défense, paix) ou /accord seul.",
            "note",
        ),
    ]
    buttons = tuple(
        (Button(f"Accords : {actor.name}", routes.AGREEMENTS_OF.build(actor.id)),)
        for actor in suggestions
        if index.deals.of(actor.id)
    )
    return Reply(tuple(blocks), buttons, found=False)


def _roles_not_party(index: Index, actors: Sequence[str], agreement: Agreement) -> str:
    """« 🇺🇸 États-Unis : médiateur » for each actor asked that is not a party of ``agreement``."""
    return ", ".join(
        f"{actor_name(index.base.actors[actor])} : "
        f"{party_role(agreement, actor) or 'cité, non partie'}"
        for actor in actors
        if actor not in agreement.parties
    )


def _not_party_para(index: Index, actors: Sequence[str], left: Sequence[Agreement]) -> Para | None:
    """« Écarté de cette liste, un pays demandé n'y étant pas partie : Accord … (États-Unis :
    médiateur). » for the agreements an act filter left out only because an actor asked is
    not one of their parties; None when there is none."""
    if not left:
        return None
    named = []
    for agreement in left[:2]:
        named.append(f"{agreement.title} ({_roles_not_party(index, actors, agreement)})")
    if len(left) > 2:
        named.append(f"et {len(left) - 2} autre{'s' if len(left) > 3 else ''} (voir /accord)")
    put = "Écartés" if len(left) > 1 else "Écarté"
    text = f"{put} de cette liste, un pays demandé n'y étant pas partie : {' ; '.join(named)}."
    return Para(text, "note")


def _signed_by_parties(index: Index, actors: Sequence[str], found: Sequence[Agreement]) -> str:
    """« Signé par ses parties ; 🇺🇸 États-Unis : médiateur, non signataire. » for agreements
    found although an actor asked signed none (several: each title with its roles)."""
    named = []
    for agreement in found[:2]:
        named.append(f"{agreement.title} ({_roles_not_party(index, actors, agreement)})")
    if len(found) == 1:  # its card: its title is the heading
        roles = named[0][len(found[0].title) + 2 : -1]
        return f"Signé par ses parties ; {roles}, non signataire."
    return (
        f"Signés par leurs parties ; un pays demandé n'en est pas signataire : {' ; '.join(named)}."
    )


def _joined(first: Para | None, second: Para | None) -> Para | None:
    """Two notes as one paragraph (either may be None)."""
    if first is None or second is None:
        return first or second
    return Para(f"{first.text} {second.text}", "note")


def _heading(index: Index, reading: Reading, words: tuple[str, ...]) -> str:
    """What an /accord filter asked, in the user's words and the base's names, never in ids:
    « 2025 · 🇬🇧 Royaume-Uni · signé · « plan » »."""
    parts = [describe(index, reading.filter)] if not reading.filter.is_empty() else []
    labels = {term.id: term.label for term in index.base.vocabulary.acts}
    # « Accords — signés »: an act said of agreements agrees with them
    parts += [_plural(labels.get(act, act)) for act in reading.acts]
    parts += [f"« {word} »" for word in words]
    return " · ".join(part for part in parts if part)


def _plural(label: str) -> str:
    """« signé » → « signés », « proposé » → « proposés »; a noun (« adhésion ») → plural."""
    words = label.split(" ")
    if words[0].endswith(("é", "ée", "ion")):
        words[0] += "s"
    return " ".join(words)


def _each_actor(index: Index, reading: Reading) -> tuple[Sequence[Agreement], Para | None]:
    """The agreements of each actor of the filter on its own, the latest first, and the line
    saying so (AF15: « entre le plan britannique, le mémorandum avec Ankara et l'accord avec
    Washington, lequel est le plus récent ? » read as one agreement of all three found
    none: each is listed, never « aucun accord ne correspond »); none when even so none fits."""
    actors = reading.filter.actors
    found = {
        agreement.id: agreement
        for actor in actors
        for agreement in _fitting(
            index, replace(reading, filter=replace(reading.filter, actors=(actor,)))
        )
    }
    if not found:
        return [], None
    names = french_list([index.base.actors[actor].name for actor in actors])
    return index.deals.newest_first(found.values()), Para(
        f"Aucun accord n'a pour parties à la fois {names} : voici ceux de chacun, avec leurs "
        "dates.",
        "note",
    )


def _fitting(index: Index, reading: Reading) -> Sequence[Agreement]:
    """The agreements that hold every part of the filter, the latest first: the smallest
    group the index has for one of its topics or actors is walked, and checked one agreement
    at a time only when the filter says more than that group does."""
    wanted = reading.filter
    groups: list[Sequence[Agreement]] = [index.deals.about(t) for t in wanted.topics]
    groups += [index.deals.involving(actor) for actor in wanted.actors]
    if len(reading.acts) == 1:
        if not (groups or wanted.kinds or wanted.start or wanted.end):
            return index.deals.at_act(reading.acts[0])
        groups.append(index.deals.at_act(reading.acts[0]))
    if wanted.start and wanted.end:
        # a plan or agreement meets a year asked by the period it covers as well as by its
        # date (« plan 2026 » is the plan for 2026-2027 signed in October 2025)
        covering = [a for a in index.deals.newest if _covers(a, wanted.start, wanted.end)]
        dated = index.deals.dated_in(wanted.start, wanted.end)
        groups.append(
            index.deals.newest_first({a.id: a for a in (*dated, *covering)}.values())
            if covering
            else dated
        )
    walked = min(groups, key=len) if groups else index.deals.newest
    if len(groups) <= 1 and not (wanted.kinds or reading.acts or wanted.start or wanted.end):
        return walked
    return [agreement for agreement in walked if _agreement_fits(index, agreement, reading)]


def _agreement_fits(index: Index, agreement: Agreement, reading: Reading) -> bool:
    """True when the agreement holds every part of the filter (its dates by overlap)."""
    wanted = reading.filter
    if wanted.actors:
        involved = (*agreement.parties, *agreement.mediators, *agreement.related)
        if reading.acts:  # « signés » by the actors named: a mediator or a related actor
            involved = agreement.parties  # signed nothing (« AZ et US · signés » is not the
            # peace the United States mediated)
        if any(actor not in involved for actor in wanted.actors):
            return False
    if wanted.topics and any(topic not in agreement.topics for topic in wanted.topics):
        return False
    if wanted.kinds and not any(
        is_kind(agreement, kind) or fold(kind) in index.deals.words[agreement.id]
        for kind in wanted.kinds
    ):
        return False
    if reading.acts and agreement.act not in reading.acts:
        return False
    if wanted.start or wanted.end:
        span = agreement.date
        low, high = wanted.start or date.min, wanted.end or date.max
        dated = span is not None and span.start <= high and low <= span.end
        return dated or _covers(agreement, low, high)
    return True


def _covers(agreement: Agreement, low: date, high: date) -> bool:
    """True when the period the agreement covers (« pour la période 2026-2027 ») meets
    [low, high]."""
    period = agreement.period
    return period is not None and period.start <= high and low <= period.end


def _by_period(agreement: Agreement, wanted: TimelineFilter) -> bool:
    """True when a bounded period asked holds the agreement by the period it covers only,
    not by its date."""
    low, high = wanted.start, wanted.end
    if low is None or high is None or not _covers(agreement, low, high):
        return False
    span = agreement.date
    return span is None or not (span.start <= high and low <= span.end)


def _asked_span(wanted: TimelineFilter) -> str | None:
    """A period of several years asked (« 2025-2026 »), in words; None for one year, one
    month or no period."""
    low, high = wanted.start, wanted.end
    if low is None or high is None or high.year <= low.year:
        return None
    if (low.month, low.day, high.month, high.day) == (1, 1, 12, 31):
        return f"{low.year}-{high.year}"
    return f"du {low.isoformat()} au {high.isoformat()}"


def _other_period_para(found: Sequence[Agreement], wanted: TimelineFilter) -> Para | None:
    """« Plan … couvre la période 2026 – 2027, pas 2025-2026 : retenu pour sa date, non pour
    sa période. » — a period of several years asked, and an agreement found by its date whose
    own period is another: the list never seems to confirm the period asked (issue 22, an
    outside reader: « porte sur 2025-2026 ? » answered « Accords — 2025-2026 … (1) » over a
    plan « pour la période 2026-2027 »)."""
    asked = _asked_span(wanted)
    if asked is None or wanted.start is None or wanted.end is None:
        return None
    low, high = wanted.start, wanted.end
    other = [
        a for a in found if a.period is not None and (a.period.start, a.period.end) != (low, high)
    ]
    if not other:
        return None
    named = french_list(
        [
            f"{short_label(a.title, 60)} couvre la période {a.period.label()}"
            for a in other
            if a.period
        ]
    )
    held = "retenu" if len(other) == 1 else "retenus"
    return Para(
        f"{named}, pas {asked} : {held} ici pour la date de signature, non pour la période.",
        "note",
    )


def _period_para(found: Sequence[Agreement], wanted: TimelineFilter) -> Para | None:
    """The note saying which agreements a period asked holds by the period they cover, not
    by their date, so that a date outside the period asked is never shown as inside it."""
    held = [a for a in found if _by_period(a, wanted)]
    if not held:
        return None
    if len(found) == 1 and held[0].period is not None:
        return Para(
            f"Retenu pour la période qu'il couvre ({held[0].period.label()}), "
            "pas pour sa date de signature."
        )
    named = french_list(
        [f"{short_label(a.title, 60)} (période {a.period.label()})" for a in held if a.period]
    )
    verb = "est retenu" if len(held) == 1 else "sont retenus"
    return Para(f"{named} {verb} pour la période couverte, pas pour la date de signature.")
