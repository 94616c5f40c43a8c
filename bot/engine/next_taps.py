"""Buttons to what a reader taps next, under an answer that offers only itself again.

An answer whose only buttons re-run its own command (« ▶ /timeline PPP ») or turn back to a
card leaves a reader on a phone nowhere to go. It gets, from its own lines: the card of its
first two lines (an agreement's or an event's), the cards of the actors of its first line (the
base's home country aside: every entry is about it), and the year of its first line. Every
button is built by the route table (``routes``), so none can be stale when sent.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from bot.content.model import Agreement, Event
from bot.engine import routes
from bot.engine.cards import card_button
from bot.engine.common import entry_button
from bot.engine.filters import TimelineFilter
from bot.engine.index import Index
from bot.engine.reply import Button, Item, Reply

MOST_TAPS = 4
"""Buttons added at most: one row a phone shows without scrolling."""


_CARDS = (routes.AGREEMENT, routes.AGREEMENT_FULL, routes.EVENT, routes.EVENT_FULL)
MOST_BUTTONS = 2
"""An answer with more buttons than this already offers somewhere to go."""


def _offers_nothing_next(reply: Reply) -> bool:
    """True when ``reply`` has at most two buttons, none opening a line's card: a re-run of
    its command (« ▶ /timeline … »), a « ◀ Fiche »."""
    data = [button.data.removeprefix(routes.EDIT) for row in reply.buttons for button in row]
    opens = any(route.owns(item) for route in _CARDS for item in data)
    return len(data) <= MOST_BUTTONS and not opens


def _actors(entry: Event | Agreement) -> tuple[str, ...]:
    if isinstance(entry, Agreement):
        return (*entry.parties, *entry.mediators)
    return entry.actors


def _year_button(entry: Event | Agreement) -> Button | None:
    span = entry.date
    if span is None or span.open or span.start.year != span.end.year:
        return None
    year = span.start.year
    wanted = TimelineFilter(date(year, 1, 1), date(year, 12, 31))
    data = routes.TIMELINE.build_or_none(1, wanted.encode())
    return Button(f"🗓 {year}", data) if data is not None else None


def with_next_taps(index: Index, reply: Reply) -> Reply:
    """``reply`` with buttons to its lines' cards, actors and year when it offers nothing
    next; unchanged otherwise, or when it lists no line."""
    if not reply.found or not _offers_nothing_next(reply):
        return reply
    ids = dict.fromkeys(b.entry for b in reply.blocks if isinstance(b, Item) and b.entry)
    found = [index.entries.get(entry_id) for entry_id in ids]
    entries = [entry for entry in found if isinstance(entry, Event | Agreement)]
    if not entries:
        return reply
    taps: list[Button] = []
    for entry in entries[:2]:
        button = entry_button(entry)
        if button is not None:
            taps.append(button)
    home = index.base.vocabulary.home
    actors = index.base.actors
    offered = {button.data.removeprefix(routes.EDIT) for row in reply.buttons for button in row}
    for actor_id in _actors(entries[0]):
        if actor_id == home or actor_id not in actors or len(taps) >= MOST_TAPS - 1:
            continue
        card = card_button(actors[actor_id])
        if card.data not in offered:  # « ◀ Fiche » of that actor is there already
            taps.append(card)
    year = _year_button(entries[0])
    if year is not None:
        taps.append(year)
    if not taps:
        return reply
    return replace(reply, buttons=(tuple(taps[:MOST_TAPS]), *reply.buttons))
