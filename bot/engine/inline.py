"""Inline mode selection (``@bot turquie``): which cards to offer, best first, at most 50."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from bot.content.model import Agreement, Event
from bot.engine import routes
from bot.engine.cards import actor_card, agreement_card, event_card
from bot.engine.common import actor_name, brief_when, claim
from bot.engine.index import Index
from bot.engine.questions import respond, understand
from bot.engine.reply import Reply
from bot.text import short_label

INLINE_LIMIT = 50


@dataclass(frozen=True, slots=True)
class Offer:
    """One inline result: a short id, what the user sees in the list, the card it sends."""

    id: str
    title: str
    description: str
    reply: Reply
    link: str = ""
    """The /start payload that opens the full card in a private chat ("pays-TR")."""


def _short(text: str, limit: int = 120) -> str:
    return short_label(text, limit)


def agreement_texts(index: Index, agreement: Agreement) -> tuple[str, str]:
    """An agreement's inline title and description, shortened keeping their modality."""
    brief = brief_when(index.base, agreement, 50)
    return _short(agreement.title, 60), f"{brief} — {_short(claim(agreement), 117 - len(brief))}"


def event_texts(index: Index, event: Event) -> tuple[str, str]:
    """An event's inline title (its claim) and description (its date, never cut inside)."""
    return _short(claim(event), 60), brief_when(index.base, event)


def inline_offers(
    index: Index, query: str, today: date | None = None, limit: int = INLINE_LIMIT
) -> list[Offer]:
    """Countries, organisations, agreements and events matching ``query`` (all when empty);
    a plain question read as a list or a timeline comes first, as its answer."""
    base = index.base
    offers: dict[str, Offer] = {}
    understood = understand(index, query.strip()[:200], today) if index.tokens(query) else None
    if understood is not None and not understood.data.startswith(("/pays", "/org")):
        reply = respond(index, query.strip()[:200], today)
        offers["q"] = Offer(
            "q",
            _short(f"Réponse : {understood.said}", 60),
            _short(understood.command),
            replace(reply, buttons=()),
        )

    def add_actor(actor_id: str) -> None:
        actor = base.actors[actor_id]
        card = routes.COUNTRY if actor.is_country else routes.ORGANISATION
        link = routes.LINK_COUNTRY if actor.is_country else routes.LINK_ORGANISATION
        key = card.build(actor_id)  # the result's id: its card's button data
        offers.setdefault(
            key,
            Offer(
                key,
                actor_name(actor),
                _short(actor.role or actor.full_name or "Cité par les articles"),
                actor_card(index, actor),
                link.build_or_none(actor_id) or "",
            ),
        )

    def add_agreement(agreement: Agreement) -> None:
        key = routes.AGREEMENT.build(agreement.id)
        offers.setdefault(
            key,
            Offer(
                key,
                *agreement_texts(index, agreement),
                agreement_card(index, agreement),
                routes.LINK_AGREEMENT.build_or_none(agreement.id) or "",
            ),
        )

    def add_event(event: Event) -> None:
        key = routes.EVENT.build(event.id)
        offers.setdefault(
            key,
            Offer(
                key,
                *event_texts(index, event),
                event_card(index, event),
                routes.LINK_EVENT.build_or_none(event.id) or "",
            ),
        )

    query = query.strip()[:200]
    if not index.tokens(query):
        for agreement in base.agreements:
            add_agreement(agreement)
        for actor_id in base.vocabulary.featured:
            if actor_id in base.actors:
                add_actor(actor_id)
        return list(offers.values())[:limit]
    match = index.names.find_actor(query)
    if match is not None:
        add_actor(match.actor.id)
        for agreement in index.deals.of(match.actor.id):
            add_agreement(agreement)
    for actor in index.names.suggest_actors(query, limit=3):
        add_actor(actor.id)
    for agreement in index.deals.matching(index.tokens(query)):
        add_agreement(agreement)
    for entry, _score in index.fulltext.search(query, limit=limit):
        if isinstance(entry, Agreement):
            add_agreement(entry)
        elif isinstance(entry, Event):
            add_event(entry)
    if match is not None:
        for item in index.timeline.by_actor.get(match.actor.id, ()):
            if isinstance(item.entry, Event):
                add_event(item.entry)
    return list(offers.values())[:limit]
