"""Turn an engine Reply into Telegram messages: HTML text and an inline keyboard."""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.engine.reply import Reply
from bot.render.html import render_html


def keyboard(reply: Reply) -> InlineKeyboardMarkup | None:
    """The reply's buttons as an inline keyboard, or None when it has none."""
    if not reply.buttons:
        return None
    return InlineKeyboardMarkup(
        [
            [InlineKeyboardButton(button.label, callback_data=button.data) for button in row]
            for row in reply.buttons
        ]
    )


def messages(reply: Reply) -> list[tuple[str, InlineKeyboardMarkup | None]]:
    """The HTML messages to send, the keyboard on the last one."""
    texts = render_html(reply)
    markup = keyboard(reply)
    return [(text, markup if i == len(texts) - 1 else None) for i, text in enumerate(texts)]
