"""Turn an engine Reply into Telegram messages: HTML text and an inline keyboard."""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup
from telegram.helpers import create_deep_linked_url

from bot.engine import routes
from bot.engine.reply import Reply
from bot.render.html import MESSAGE_LIMIT, SCREEN, render_html
from bot.telegram.follow_links import follow_button

CUT_MARKER = "\n\n<i>[…] Suite coupée : la fiche complète est derrière le bouton.</i>"
"""Ends a message that could not hold the whole card (never cut silently)."""
PAGE_MARKER = "\n\n<i>[…] Suite dans le message ci-dessous.</i>"


def keyboard(reply: Reply) -> InlineKeyboardMarkup | None:
    """The reply's buttons as an inline keyboard, or None when it has none."""
    rows = [
        [InlineKeyboardButton(button.label, callback_data=button.data) for button in row]
        for row in reply.buttons
    ]
    rows += follow_rows(reply)
    return InlineKeyboardMarkup(rows) if rows else None


def follow_rows(reply: Reply) -> list[list[InlineKeyboardButton]]:
    """« 🔔 Suivre » under a card about something one can follow (issue #16)."""
    button = None if reply.follow is None else follow_button(reply.follow)
    return [] if button is None else [[button]]


def messages(
    reply: Reply, screen: int | None = SCREEN
) -> list[tuple[str, InlineKeyboardMarkup | None]]:
    """The HTML messages to send, the keyboard on the last one; the first fits ``screen``
    visible characters (an answer), or only Telegram's limit (``None``: a channel post)."""
    texts = render_html(reply, screen=screen)
    markup = keyboard(reply)
    return [(text, markup if i == len(texts) - 1 else None) for i, text in enumerate(texts)]


def one_message(reply: Reply, marker: str = CUT_MARKER) -> tuple[str, bool]:
    """The reply as one message; when it does not fit, its first part ends with ``marker``.

    Returns the text and whether it was cut.
    """
    texts = render_html(reply, screen=None)  # one message sent as is: Telegram's limit only
    if len(texts) == 1:
        return texts[0], False
    return render_html(reply, MESSAGE_LIMIT - len(marker), screen=None)[0] + marker, True


def page_messages(reply: Reply) -> list[str]:
    """A page to edit in place: one message, or its parts (the first one says more follow)."""
    texts = render_html(reply)
    if len(texts) == 1:
        return texts
    parts = render_html(reply, MESSAGE_LIMIT - len(PAGE_MARKER), SCREEN - len(PAGE_MARKER))
    return [parts[0] + PAGE_MARKER, *parts[1:]]


def full_card_button(bot_username: str, payload: str) -> InlineKeyboardMarkup | None:
    """A button opening the full card in a private chat (a /start deep link)."""
    if not bot_username or not routes.PAYLOAD.fullmatch(payload):
        return None
    url = create_deep_linked_url(bot_username, payload)
    return InlineKeyboardMarkup([[InlineKeyboardButton("Fiche complète", url=url)]])
