"""Inline mode: « @NomDuBot turquie » in any chat offers up to 50 cards to choose from."""

from __future__ import annotations

from telegram import (
    InlineQueryResultArticle,
    InlineQueryResultsButton,
    InputTextMessageContent,
    Update,
)
from telegram.ext import InlineQueryHandler

from bot.clock import today
from bot.engine import routes
from bot.engine.inline import inline_offers
from bot.telegram.context import App, BotContext
from bot.telegram.replying import retrying
from bot.telegram.send import full_card_button, one_message

OPEN_BOT = routes.LINK_INLINE.build()
"""The /start payload of « Ouvrir le bot » under inline results that found nothing."""


async def on_inline(update: Update, context: BotContext) -> None:
    """@NomDuBot <texte> in any chat: up to 50 cards to choose from."""
    query = update.inline_query
    if query is None:
        return
    found = context.services
    results = []
    username = context.bot.username
    for offer in inline_offers(found.index, query.query, today(found.settings.timezone)):
        text, _cut = one_message(offer.reply)
        results.append(
            InlineQueryResultArticle(
                id=offer.id,
                title=offer.title,
                description=offer.description,
                input_message_content=InputTextMessageContent(text),
                reply_markup=full_card_button(username, offer.link),
            )
        )
    button = None
    if not results and username:  # nothing matched: a way into the bot, never a dead end
        button = InlineQueryResultsButton(text="Ouvrir le bot", start_parameter=OPEN_BOT)
    await retrying(lambda: query.answer(results, cache_time=60, button=button))


def register(application: App) -> None:
    application.add_handler(InlineQueryHandler(on_inline))
