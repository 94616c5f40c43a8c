"""The engine's buttons: pages edit their message in place, cards arrive as new messages;
any data no handler took (forged, cut, from an older version) gets the « stale » notice."""

from __future__ import annotations

import logging

from telegram import Message, Update
from telegram.error import BadRequest
from telegram.ext import CallbackQueryHandler

from bot.engine import routes
from bot.engine.commands import STALE, button_reply
from bot.telegram.button_patterns import prefixes_pattern
from bot.telegram.context import App, BotContext
from bot.telegram.replying import STALE_BUTTON, retrying, send_reply
from bot.telegram.send import keyboard, page_messages

log = logging.getLogger(__name__)

ADAPTER_ROUTES = (routes.FRIEZE, routes.FOLLOW, routes.OUTBOX, routes.PREVIEW)
"""Button families whose handlers live in the adapter's other feature modules."""
ENGINE_ROUTES = tuple(route for route in routes.BUTTONS if route not in ADAPTER_ROUTES)
"""Button families the engine answers (``bot.engine.commands.button_reply``)."""


async def on_button(update: Update, context: BotContext) -> None:
    """A button the engine answers: pages edit the message in place, cards arrive anew."""
    query = update.callback_query
    if query is None:
        return
    try:
        reply = button_reply(context.services.index, routes.parse(query.data or ""))
    except (ValueError, KeyError, IndexError, OverflowError):  # forged data the engine missed
        log.warning("Bouton aux données invalides ignoré")
        reply = STALE
    if reply is STALE:  # an empty but genuine answer (« aucun accord ») is still sent
        await retrying(lambda: query.answer(STALE_BUTTON))
        return
    await retrying(query.answer)
    message = query.message
    if not isinstance(message, Message):
        return
    if not reply.edit:
        await send_reply(message, reply)
        return
    texts = page_messages(reply)
    markup = keyboard(reply)
    try:
        await retrying(
            lambda: query.edit_message_text(
                texts[0], reply_markup=markup if len(texts) == 1 else None
            )
        )
    except BadRequest as error:  # "message is not modified" on a double press
        if "not modified" not in str(error).lower():
            raise
    for position, text in enumerate(texts[1:], start=2):  # what did not fit: never lost
        last = position == len(texts)
        await retrying(
            lambda text=text, last=last: message.reply_text(  # type: ignore[misc]
                text, reply_markup=markup if last else None
            )
        )


async def on_stale_button(update: Update, context: BotContext) -> None:
    """Data no button family reads: a short notice, the button stops spinning."""
    query = update.callback_query
    if query is not None:
        await retrying(lambda: query.answer(STALE_BUTTON))


def register(application: App) -> None:
    """The engine's button families, then the stale catch-all: registered after the adapter's
    own families (subscriptions, frieze, admin), which take their data whole."""
    application.add_handler(
        CallbackQueryHandler(on_button, pattern=prefixes_pattern(ENGINE_ROUTES))
    )
    application.add_handler(CallbackQueryHandler(on_stale_button))
