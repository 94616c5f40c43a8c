"""Handlers: unpack the update, call the engine, send. No logic of their own."""

from __future__ import annotations

import asyncio
import html
import logging
import time
from collections.abc import Awaitable, Callable
from datetime import date
from typing import Any, TypeVar

from telegram import (
    InlineQueryResultArticle,
    InputTextMessageContent,
    Message,
    Update,
)
from telegram.constants import ChatType
from telegram.error import BadRequest, NetworkError
from telegram.ext import ContextTypes

from bot.engine.commands import answer, callback
from bot.engine.inline import inline_offers
from bot.engine.reply import Reply
from bot.guard import Verdict
from bot.push.compose import NothingToPostError, compose
from bot.push.outbox import channel_link
from bot.render.html import render_html
from bot.telegram.reload import reload_content
from bot.telegram.send import keyboard, messages
from bot.telegram.services import services

log = logging.getLogger(__name__)
Context = ContextTypes.DEFAULT_TYPE

APOLOGY = "Désolé, une erreur est survenue de mon côté. Réessayez dans un instant."
STALE_BUTTON = "Ce bouton n'est plus valable : relancez la commande."


T = TypeVar("T")
FLOOD_NOTICE = (
    "Doucement : trop de commandes d'affilée. Je vous réponds de nouveau dans une minute."
)


async def retrying(call: Callable[[], Awaitable[T]], attempts: int = 3, delay: float = 0.5) -> T:
    """Call the Bot API again after a transient failure (5xx, timeout, dropped connection).

    Refusals (BadRequest, Forbidden) are not retried: they would fail the same way.
    """
    for attempt in range(attempts):
        try:
            return await call()
        except BadRequest:
            raise
        except NetworkError:
            if attempt == attempts - 1:
                raise
            log.warning("Appel à l'API Bot échoué, nouvel essai (%d/%d)", attempt + 2, attempts)
            await asyncio.sleep(delay * 2**attempt)
    raise AssertionError("unreachable")


async def _send(message: Message, reply: Reply) -> None:
    """Reply to ``message``; in groups quote it. reply_text keeps the forum topic."""
    in_group = message.chat.type != ChatType.PRIVATE
    for text, markup in messages(reply):
        await retrying(
            lambda text=text, markup=markup: message.reply_text(  # type: ignore[misc]
                text, reply_markup=markup, do_quote=in_group
            )
        )


def _flooding(update: Update, context: Context) -> Verdict:
    """The flood guard's verdict: groups only, per user."""
    chat, user = update.effective_chat, update.effective_user
    if chat is None or user is None or chat.type == ChatType.PRIVATE:
        return Verdict.ANSWER
    return services(context).guard.check(chat.id, user.id, time.monotonic())


async def on_command(update: Update, context: Context) -> None:
    """Any known command (/pays, /timeline…, with or without @NomDuBot): the engine's answer."""
    message = update.effective_message
    if message is None or message.text is None:
        return
    verdict = _flooding(update, context)
    if verdict is Verdict.SILENCE:
        return
    if verdict is Verdict.NOTICE:
        await retrying(lambda: message.reply_text(FLOOD_NOTICE, do_quote=True))
        return
    await _send(message, answer(services(context).index, message.text))


async def on_private_text(update: Update, context: Context) -> None:
    """Plain text or an unknown command in a private chat: a card if it names one, else help."""
    message = update.effective_message
    if message is None or message.text is None:
        return
    index = services(context).index
    text = message.text.strip()
    if not text.startswith("/") and index.find_actor(text) is not None:
        await _send(message, answer(index, f"/pays {text}"))
        return
    await _send(message, answer(index, text))


async def on_button(update: Update, context: Context) -> None:
    """A button press: pages edit the message in place, cards arrive as new messages."""
    query = update.callback_query
    if query is None:
        return
    reply = callback(services(context).index, query.data or "")
    if not reply.found and not reply.quotes and reply.page is None and not reply.buttons:
        await retrying(lambda: query.answer(STALE_BUTTON))
        return
    await retrying(query.answer)
    message = query.message
    if not isinstance(message, Message):
        return
    if reply.page is not None:
        text = render_html(reply)[0]
        try:
            await retrying(lambda: query.edit_message_text(text, reply_markup=keyboard(reply)))
        except BadRequest as error:  # "message is not modified" on a double press
            if "not modified" not in str(error).lower():
                raise
        return
    await _send(message, reply)


async def on_inline(update: Update, context: Context) -> None:
    """@NomDuBot <texte> in any chat: up to 50 cards to choose from."""
    query = update.inline_query
    if query is None:
        return
    results = [
        InlineQueryResultArticle(
            id=offer.id,
            title=offer.title,
            description=offer.description,
            input_message_content=InputTextMessageContent(render_html(offer.reply)[0]),
        )
        for offer in inline_offers(services(context).index, query.query)
    ]
    await retrying(lambda: query.answer(results, cache_time=60))


async def on_error(update: object, context: Context) -> None:
    """Log the failure with its update; tell the user, briefly, in French."""
    described: Any = update.to_dict() if isinstance(update, Update) else update
    log.error("Échec du traitement de la mise à jour %s", described, exc_info=context.error)
    if not isinstance(update, Update):
        return
    if update.callback_query is not None:  # never leave a button spinning
        try:
            await update.callback_query.answer(APOLOGY)
            return
        except Exception:  # already answered: say it in the chat instead
            log.debug("Bouton déjà répondu ; excuse envoyée dans la conversation")
    if update.effective_message is not None:
        try:
            await update.effective_message.reply_text(APOLOGY)
        except Exception:  # the apology itself may fail (network): already logged above
            log.warning("Impossible d'envoyer le message d'excuse", exc_info=True)


REFUSAL = "Cette commande est réservée aux administrateurs du bot."


async def on_publier(update: Update, context: Context) -> None:
    """/publier <quoi> (admins only): post a summary to the channel, answer with its link."""
    message = update.effective_message
    user = update.effective_user
    if message is None or message.text is None:
        return
    found = services(context)
    if user is None or user.id not in found.settings.admin_ids:
        log.warning("/publier refusé pour l'utilisateur %s", user.id if user else "inconnu")
        await message.reply_text(REFUSAL, do_quote=message.chat.type != ChatType.PRIVATE)
        return
    if found.pusher is None:
        await message.reply_text("Aucun canal n'est configuré (TELEGRAM_CHANNEL_ID).")
        return
    request = message.text.partition(" ")[2].strip()
    try:
        post = compose(found.index, request, date.today(), found.pusher.outbox.announced())
    except NothingToPostError as reason:
        await message.reply_text(f"Rien à publier : {html.escape(str(reason))}.")
        return
    outcome = await found.pusher.publish(post, f"publier:{message.chat_id}:{message.message_id}")
    if outcome.sent:
        link = channel_link(found.pusher.channel, outcome.message_ids[0])
        where = f'<a href="{link}">voir la publication</a>' if link else "dans le canal"
        await message.reply_text(f"Publié : {where}.")
    else:
        await message.reply_text(
            "Publication enregistrée mais pas encore envoyée "
            f"({html.escape(outcome.error or 'inconnu')}). Elle sera retentée automatiquement."
        )


async def on_recharger(update: Update, context: Context) -> None:
    """/recharger (admins only): validate the content again and swap it in if it is sound."""
    message = update.effective_message
    user = update.effective_user
    if message is None:
        return
    found = services(context)
    if user is None or user.id not in found.settings.admin_ids:
        log.warning("/recharger refusé pour l'utilisateur %s", user.id if user else "inconnu")
        await message.reply_text(REFUSAL)
        return
    _ok, report = await reload_content(found)
    await message.reply_text(report)
