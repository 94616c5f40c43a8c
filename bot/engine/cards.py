"""/pays, /org and /accord: cards for an actor or an agreement, and the lists behind them."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from bot.content.model import Actor, Agreement, Event
from bot.engine.common import (
    act_date,
    act_label,
    actor_name,
    entry_text,
    key_quotes,
    names,
    parties_text,
    party_role,
    quote_of,
    when,
)
from bot.engine.common import (
    claim as claim_of,
)
from bot.engine.filters import TimelineFilter
from bot.engine.index import Index
from bot.engine.reply import Block, Button, Item, Page, Para, Reply
from bot.engine.timeline import select
from bot.text import count, fold

MAX_CARD_EVENTS = 3
"""Dated facts a card shows (the latest); the others are one button away, and counted."""
MAX_CARD_FACTS = 2
"""Undated facts a card shows; the others are one button away, and counted."""
FACTS_PAGE = 4


def _kinds(index: Index) -> dict[str, str]:
    labels = {term.id: term.label for term in index.base.vocabulary.organisation_kinds}
    labels["pays"] = "pays"
    return labels


def actor_card(index: Index, actor: Actor) -> Reply:
    """The card of a country or an organisation: role, dated facts, agreements, quotes."""
    base = index.base
    heading = actor_name(actor)
    if actor.full_name and actor.full_name != actor.name:
        heading += f" — {actor.full_name}"
    if actor.name_en and fold(actor.name_en) != fold(actor.name):
        heading += f" ({actor.name_en})"
    blocks: list[Block] = [Para(heading, "title")]
    if not actor.is_country:
        blocks.append(Para(_kinds(index).get(actor.kind, actor.kind).capitalize(), "note"))
    if actor.role:
        blocks.append(Para(actor.role))
        blocks.extend(quote_of(base, evidence) for evidence in actor.evidence)
    if actor.members:
        blocks.append(Item("Membres cités", names(base, actor.members)))
    if actor.observers:
        blocks.append(Item("Observateurs", names(base, actor.observers)))
    for org, status in index.memberships.get(actor.id, ()):
        blocks.append(Item(org.name, f"{status} ({org.full_name})"))
    agreements = index.agreements_of(actor.id)
    facts = index.facts_of(actor.id)
    dated = select(index, TimelineFilter(actors=(actor.id,)))
    if dated:
        latest = dated[-MAX_CARD_EVENTS:]
        heading = f"Faits datés ({len(dated)})"
        if len(dated) > len(latest):
            heading = f"Faits datés : les {len(latest)} plus récents sur {len(dated)}"
        blocks.append(Para(heading, "title"))
        for item in latest:
            entry = item.entry
            blocks.append(Item(when(base, entry), entry_text(base, entry)))
            blocks.extend(key_quotes(base, entry))
        if len(dated) > len(latest):
            others = len(dated) - len(latest)
            blocks.append(Para(f"… et {count(others, 'autre')} : bouton Chronologie.", "note"))
    if agreements:
        blocks.append(Para(f"Accords ({len(agreements)})", "title"))
        for agreement in agreements[:MAX_CARD_EVENTS]:
            role = party_role(agreement, actor.id)
            label = f"{agreement.title} ({role})" if role else agreement.title
            blocks.append(Item(when(base, agreement), f"{label} — {act_label(base, agreement)}"))
    if facts:
        blocks.append(Para(f"Contexte ({len(facts)})", "title"))
        for fact in facts[:MAX_CARD_FACTS]:
            blocks.append(Item("•", entry_text(base, fact)))
            blocks.extend(key_quotes(base, fact))
        if len(facts) > MAX_CARD_FACTS:
            others = len(facts) - MAX_CARD_FACTS
            blocks.append(Para(f"… et {count(others, 'autre')} : bouton Contexte.", "note"))
    if len(blocks) == 1:
        blocks.append(Para("Les articles le citent sans lui donner de rôle particulier.", "note"))
    buttons: list[tuple[Button, ...]] = []
    row: list[Button] = []
    if dated:
        row.append(Button("Chronologie", f"tl:1:{TimelineFilter(actors=(actor.id,)).encode()}"))
    if agreements:
        row.append(Button("Accords", f"ac:{actor.id}"))
    if len(facts) > MAX_CARD_FACTS:
        row.append(Button("Contexte", f"cx:{actor.id}:1"))
    if row:
        buttons.append(tuple(row))
    return Reply(tuple(blocks), tuple(buttons), follow=f"acteur:{actor.id}")  # issue #16


def facts_page(index: Index, actor_id: str, page: int = 1) -> Reply:
    """An actor's undated facts, each with the quotes it rests on, a page at a time."""
    base = index.base
    actor = base.actors[actor_id]
    facts = index.facts_of(actor_id)
    if not facts:
        return Reply((Para(f"Aucun constat pour {actor_name(actor)}."),), found=False)
    pages = (len(facts) + FACTS_PAGE - 1) // FACTS_PAGE
    page = min(max(page, 1), pages)
    blocks: list[Block] = [Para(f"Contexte — {actor_name(actor)} ({len(facts)})", "title")]
    for fact in facts[(page - 1) * FACTS_PAGE : page * FACTS_PAGE]:
        blocks.append(Item("•", entry_text(base, fact)))
        blocks.extend(key_quotes(base, fact))
    row: list[Button] = []
    if page > 1:
        row.append(Button("◀ Précédent", f"cx:{actor_id}:{page - 1}"))
    if page < pages:
        row.append(Button("Suivant ▶", f"cx:{actor_id}:{page + 1}"))
    if pages > 1:
        blocks.append(Para(f"Page {page}/{pages}", "note"))
    return Reply(
        tuple(blocks), (tuple(row),) if row else (), Page(page, pages) if pages > 1 else None
    )


def _unknown(index: Index, query: str, countries: bool | None, what: str) -> Reply:
    suggestions = index.suggest_actors(query, countries=None)
    if countries is not None:
        suggestions.sort(key=lambda actor: actor.is_country != countries)
    blocks: list[Block] = [Para(f"Je ne connais pas {what} nommé « {query} ».")]
    if index.is_other_country(query):
        blocks = [Para(f"« {query} » n'apparaît dans aucun des articles de la base.")]
    if suggestions:
        blocks.append(Para("Vouliez-vous dire :", "note"))
    else:
        blocks.append(Para("Tapez /pays ou /org sans rien pour voir la liste.", "note"))
    buttons = tuple(
        (Button(actor_name(actor), f"{'p' if actor.is_country else 'o'}:{actor.id}"),)
        for actor in suggestions[:3]
    )
    return Reply(tuple(blocks), buttons, found=False)


def _listing(index: Index, countries: bool) -> Reply:
    actors = sorted(
        (a for a in index.base.actors.values() if a.is_country == countries),
        key=lambda actor: fold(actor.name),
    )
    title = "Pays cités" if countries else "Organisations citées"
    blocks: list[Block] = [Para(f"{title} ({len(actors)})", "title")]
    for actor in actors:
        count = len(index.entries_of(actor.id))
        detail = actor.full_name if not countries and actor.full_name else ""
        suffix = f"{count} fait(s)" if count else "cité"
        blocks.append(Item(actor_name(actor), f"{detail} — {suffix}" if detail else suffix))
    example = "/pays Turquie" if countries else "/org OTAN"
    blocks.append(Para(f"Exemple : {example}", "note"))
    return Reply(tuple(blocks))


def pays(index: Index, argument: str) -> Reply:
    """Answer /pays [nom]: a country card, or the list of countries."""
    return _actor_command(index, argument, countries=True)


def org(index: Index, argument: str) -> Reply:
    """Answer /org [nom]: an organisation card, or the list of organisations."""
    return _actor_command(index, argument, countries=False)


def _actor_command(index: Index, argument: str, countries: bool) -> Reply:
    if not argument:
        return _listing(index, countries)
    match = index.find_actor(argument)
    if match is None:
        what = "de pays" if countries else "d'organisation"
        return _unknown(index, argument, countries, what)
    return actor_card(index, match.actor)


def agreement_card(index: Index, agreement: Agreement) -> Reply:
    """Everything about one agreement, with every quote."""
    base = index.base
    blocks: list[Block] = [Para(agreement.title, "title"), Para(claim_of(agreement))]
    blocks.append(Item("Parties", parties_text(base, agreement)))
    if agreement.parties and agreement.parties_note:
        blocks.append(Para(agreement.parties_note, "note"))
    noun, _, date_text = act_date(base, agreement).partition(" : ")
    blocks.append(Item(noun, date_text))
    if agreement.date_note:
        blocks.append(Para(f"Sur la date : {agreement.date_note}", "note"))
    if agreement.place:
        blocks.append(Item("Lieu", agreement.place))
    if agreement.period:
        blocks.append(Item("Période", agreement.period.label()))
    if agreement.scope:
        blocks.append(Item("Portée", agreement.scope))
    blocks.extend(quote_of(base, evidence) for evidence in agreement.evidence)
    buttons = tuple(
        (Button(actor_name(base.actors[p]), f"{'p' if base.actors[p].is_country else 'o'}:{p}"),)
        for p in agreement.parties
    )
    return Reply(tuple(blocks), (tuple(b[0] for b in buttons),) if buttons else ())


LIST_PAGE = 8


def event_card(index: Index, event: Event) -> Reply:
    """Everything about one event, with every quote."""
    base = index.base
    blocks: list[Block] = [Para(when(base, event), "title"), Para(claim_of(event))]
    if event.date_note:
        blocks.append(Para(f"Sur la date : {event.date_note}", "note"))
    blocks.append(Item("Acteurs", names(base, event.actors)))
    blocks.extend(quote_of(base, evidence) for evidence in event.evidence)
    return Reply(tuple(blocks))


def _agreement_list(
    index: Index, agreements: list[Agreement], title: str, page: int = 1, more: str | None = None
) -> Reply:
    """A page of agreements; ``more`` is the callback prefix for other pages ("al", "ac:TR")."""
    pages = max(1, (len(agreements) + LIST_PAGE - 1) // LIST_PAGE)
    page = min(max(page, 1), pages)
    shown = agreements[(page - 1) * LIST_PAGE : page * LIST_PAGE]
    blocks: list[Block] = [Para(f"{title} ({len(agreements)})", "title")]
    for agreement in shown:
        blocks.append(Item(when(index.base, agreement), entry_text(index.base, agreement)))
        blocks.extend(key_quotes(index.base, agreement))
    buttons: list[tuple[Button, ...]] = [
        (Button(_short(agreement.title), f"a:{agreement.id}"),) for agreement in shown
    ]
    if pages > 1:
        blocks.append(Para(f"Page {page}/{pages}", "note"))
        if more is None:
            blocks.append(Para("Précisez votre recherche pour voir les autres.", "note"))
        else:
            row = []
            if page > 1:
                row.append(Button("◀ Précédent", f"{more}:{page - 1}"))
            if page < pages:
                row.append(Button("Suivant ▶", f"{more}:{page + 1}"))
            buttons.append(tuple(row))
    return Reply(tuple(blocks), tuple(buttons), Page(page, pages) if pages > 1 else None)


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def newest_first(agreements: Sequence[Agreement]) -> list[Agreement]:
    """Agreements by date, the latest first; undated ones last, in the base's order."""
    dated = sorted(
        (a for a in agreements if a.date is not None),
        key=lambda a: (a.date.end if a.date else date.min, a.id),
        reverse=True,
    )
    return dated + [a for a in agreements if a.date is None]


def agreements_of(index: Index, actor_id: str, page: int = 1) -> Reply:
    """Every agreement an actor is party to or mediates, the latest first."""
    actor = index.base.actors[actor_id]
    found = newest_first(index.agreements_of(actor_id))
    if not found:
        return Reply((Para(f"Aucun accord connu pour {actor_name(actor)}."),), found=False)
    return _agreement_list(index, found, f"Accords — {actor_name(actor)}", page, f"ac:{actor_id}")


def all_agreements(index: Index, page: int = 1) -> Reply:
    """Every agreement, the latest first, a page at a time."""
    agreements = newest_first(index.base.agreements)
    return _agreement_list(index, agreements, "Accords, plans et partenariats", page, "al")


def accord(index: Index, argument: str) -> Reply:
    """Answer /accord [terme]: every agreement, or those whose title, parties or scope match."""
    if not argument:
        return all_agreements(index)
    match = index.find_actor(argument)
    if match is not None:  # paginated by actor, with its own buttons
        return agreements_of(index, match.actor.id)
    found = index.find_agreements(argument)
    if len(found) == 1:
        return agreement_card(index, found[0])
    if found:
        return _agreement_list(index, newest_first(found), f"Accords — « {argument} »")
    suggestions = index.suggest_actors(argument)
    blocks: list[Block] = [
        Para(f"Aucun accord ne correspond à « {argument} »."),
        Para("Essayez un pays (Royaume-Uni), un thème (défense, paix) ou /accord seul.", "note"),
    ]
    buttons = tuple(
        (Button(f"Accords : {actor.name}", f"ac:{actor.id}"),)
        for actor in suggestions
        if index.entries_of(actor.id)
    )
    return Reply(tuple(blocks), buttons, found=False)
