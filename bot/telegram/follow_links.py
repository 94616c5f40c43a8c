"""« 🔔 Suivre » buttons: a /start deep link (channel posts), a callback button (cards).

A button pressed in a channel comes from a user the bot may never have talked to, so channel
posts carry a link that opens the private chat with ``/start suivre[-a-<id>|-t-<id>]``.
"""

from __future__ import annotations

from collections.abc import Sequence

from telegram import InlineKeyboardButton, InlineKeyboardMarkup
from telegram.helpers import create_deep_linked_url

from bot.engine import routes
from bot.push.follow import ACTOR, TOPIC

FOLLOW = "🔔 Suivre"
PAYLOAD = routes.LINK_FOLLOW.prefix
_KINDS = {ACTOR: "a", TOPIC: "t"}


def payload_of(target: str | None) -> str | None:
    """The deep-link payload that subscribes to ``target`` (or explains /suivre when None);
    None when the route table cannot write it within Telegram's limit."""
    if target is None:
        return PAYLOAD
    kind, _, key = target.partition(":")
    return routes.LINK_FOLLOW.build_or_none(_KINDS.get(kind, "x"), key)


def target_of_payload(payload: str) -> str | None:
    """``suivre-a-TR`` → ``acteur:TR``; None for a bare ``suivre`` or anything else."""
    link = routes.parse_link(payload)
    if not isinstance(link, routes.Parsed) or link.route is not routes.LINK_FOLLOW:
        return None
    kind, key = link.values
    names = {short: name for name, short in _KINDS.items()}
    return f"{names[kind]}:{key}" if kind in names and key else None


def follow_link_markup(
    username: str | None, offers: Sequence[tuple[str, str]] = ()
) -> InlineKeyboardMarkup | None:
    """« 🔔 Suivre <label> » links to the bot's private chat, one per (label, target) offered,
    or one « 🔔 Suivre » explaining /suivre; None when the bot has no username."""
    if not username:
        return None
    wanted = [(f"{FOLLOW} {name}", payload_of(target)) for name, target in offers]
    rows = [
        [InlineKeyboardButton(text, url=create_deep_linked_url(username, payload))]
        for text, payload in wanted
        if payload is not None
    ]
    return InlineKeyboardMarkup(
        rows or [[InlineKeyboardButton(FOLLOW, url=create_deep_linked_url(username, PAYLOAD))]]
    )


def follow_button(target: str) -> InlineKeyboardButton | None:
    """The callback button under a card: follow ``target`` in this chat (None when its data
    cannot fit Telegram's limit)."""
    data = routes.FOLLOW.build_or_none("f", target)
    return None if data is None else InlineKeyboardButton(FOLLOW, callback_data=data)
