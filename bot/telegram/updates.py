"""The kinds of updates the bot asks Telegram for: only those a handler reads."""

from __future__ import annotations

from telegram import Update

ALLOWED_UPDATES = [
    Update.MESSAGE,
    Update.EDITED_MESSAGE,
    Update.CALLBACK_QUERY,
    Update.INLINE_QUERY,
]
"""Messages, edited messages (answered with a note), buttons and inline queries; Telegram
then sends nothing else (no polls, reactions, member changes…)."""
