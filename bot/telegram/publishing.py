"""/publier (admins): a preview with [Publier] [Annuler]; nothing reaches the channel before
the admin confirms. A picture (/publier carte|frise) is previewed and posted as a photo."""

from __future__ import annotations

import html
import logging

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.ext import CallbackQueryHandler, CommandHandler, filters

from bot.clock import today
from bot.engine import routes
from bot.engine.commands import command_argument
from bot.push.compose import NothingToPostError, compose
from bot.push.database import STATE_ERRORS
from bot.push.outbox import channel_link
from bot.redact import redact
from bot.telegram import gates
from bot.telegram.button_patterns import fields, route_pattern
from bot.telegram.context import App, BotContext
from bot.telegram.pending import Pending
from bot.telegram.pictures import picture_post
from bot.telegram.pusher import Outcome, Pusher
from bot.telegram.replying import retrying
from bot.telegram.send import messages
from bot.telegram.services import Services
from bot.telegram.state import unavailable_reason
from bot.text import count

log = logging.getLogger(__name__)

PUBLISH_PATIENCE = 10.0
"""Seconds /publier waits for back-offs before answering « enregistrée »."""
PREVIEW_NOTE = "Aperçu — rien n'est encore publié. Publier dans le canal ?"


def outcome_text(outcome: Outcome, channel: int | str) -> str:
    """The admin's answer to /publier, in French (HTML)."""
    reason = html.escape(redact(outcome.error or "inconnu"))
    if outcome.sent:
        link = channel_link(channel, outcome.message_ids[0]) if outcome.message_ids else None
        where = f'<a href="{link}">voir la publication</a>' if link else "dans le canal"
        return f"Publié : {where}."
    if outcome.status == "uncertain":
        return (
            f"Publication incertaine ({reason}). Vérifiez le canal : si elle n'y est pas, "
            "republiez-la avec /envois."
        )
    if outcome.status == "failed":
        return f"Publication en échec ({reason}). Voir /envois pour la republier ou l'abandonner."
    if outcome.status == "sending":
        return "Publication enregistrée ; un autre processus est en train de l'envoyer."
    waiting = html.escape(redact(outcome.error or "en file d'attente"))
    return (
        f"Publication enregistrée mais pas encore envoyée ({waiting}). "
        "Elle sera retentée automatiquement ; voir /envois."
    )


async def channel_pusher(found: Services, message: Message, command: str) -> Pusher | None:
    """The channel's pusher; otherwise the reason publishing is off, said to the admin."""
    if found.pusher is None:  # the file's path and the library's message stay in the log
        reason = (
            f"{unavailable_reason(found.settings)} pour l'instant ; le bot réessaie seul et "
            "vous préviendra à la reprise"
            if found.publishing_off
            else "aucun canal n'est configuré (TELEGRAM_CHANNEL_ID)"
        )
        await message.reply_text(f"Publication désactivée : {reason}.")
    elif found.state_down and command != "/envois":
        await message.reply_text(
            f"Publication indisponible pour l'instant : {unavailable_reason(found.settings)}. "
            "Le bot réessaie seul ; rien n'a été enregistré."
        )
        return None
    return found.pusher


async def channel_command(
    update: Update, context: BotContext, command: str
) -> tuple[Message, str, Pusher] | None:
    """An admin's channel command (/publier, /envois): its message, its argument and the
    channel's pusher; None when there is no text or publishing is off (said to the admin)."""
    message = update.effective_message
    if message is None or message.text is None:
        return None
    pusher = await channel_pusher(context.services, message, command)
    if pusher is None:
        return None
    return message, command_argument(message.text), pusher


async def state_unavailable(message: Message, error: Exception, found: Services) -> None:
    """A state call failed during /publier: said plainly, the details in the log."""
    log.error("/publier : état indisponible (%s)", error)
    await message.reply_text(
        f"Publication impossible pour l'instant : état indisponible "
        f"({unavailable_reason(found.settings)}). Rien n'a été envoyé ; réessayez dans un instant."
    )


async def on_publier(update: Update, context: BotContext) -> None:
    """/publier <quoi> (admins only, the admin gate let it through): the preview."""
    asked = await channel_command(update, context, "/publier")
    if asked is None:
        return
    message, request, pusher = asked
    found = context.services
    token = f"{message.chat_id}.{message.message_id}"
    key = f"publier:{message.chat_id}:{message.message_id}"
    previews = context.bot_data.previews
    drawn = await picture_post(found, message, request)
    if drawn is True:  # an unknown filter, already answered
        return
    if isinstance(drawn, tuple):
        data, texts = drawn
        previews[token] = Pending(key, photo=data, texts=texts)
        await retrying(lambda: message.reply_photo(data, caption=texts[0]))
        for text in texts[1:]:
            await retrying(lambda text=text: message.reply_text(text))  # type: ignore[misc]
        await _ask_confirmation(message, token, len(texts))
        return
    try:
        announced = await pusher.store.run(pusher.outbox.announced)
        post = compose(found.index, request, today(found.settings.timezone), announced)
    except NothingToPostError as reason:
        await message.reply_text(f"Rien à publier : {html.escape(str(reason))}.")
        return
    except STATE_ERRORS as error:
        await state_unavailable(message, error, found)
        return
    previews[token] = Pending(key, post=post)
    texts = [text for text, _markup in messages(post.reply, screen=None)]  # as it will post
    for text in texts:
        await retrying(lambda text=text: message.reply_text(text))  # type: ignore[misc]
    await _ask_confirmation(message, token, len(texts))


async def _ask_confirmation(message: Message, token: str, parts: int) -> None:
    choice = InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton("✅ Publier", callback_data=routes.PREVIEW.build("ok", token)),
                InlineKeyboardButton("✖ Annuler", callback_data=routes.PREVIEW.build("no", token)),
            ]
        ]
    )
    more = f" ({count(parts, 'message')})" if parts > 1 else ""
    await retrying(lambda: message.reply_text(PREVIEW_NOTE + more, reply_markup=choice))


async def on_preview_button(update: Update, context: BotContext) -> None:
    """[Publier] or [Annuler] under a preview (admins only); a second press does nothing."""
    query = update.callback_query
    if query is None or not context.matches:
        return
    choice, token = fields(context.matches[0])
    pending = context.bot_data.previews.pop(token, None)
    if pending is None:
        await retrying(
            lambda: query.answer("Cet aperçu a déjà été traité (ou le bot a redémarré).")
        )
        return
    await retrying(query.answer)
    message = query.message
    if choice == "no":
        if isinstance(message, Message):
            await retrying(lambda: message.edit_text("Publication annulée : rien n'a été envoyé."))
        return
    found = context.services
    if found.pusher is None or not isinstance(message, Message):
        return
    pusher = found.pusher
    await retrying(lambda: message.edit_text("Publication confirmée ; envoi dans le canal…"))
    try:
        if pending.photo is not None and pending.texts:
            outcome = await pusher.publish_photo(
                pending.texts, pending.photo, pending.key, PUBLISH_PATIENCE
            )
        elif pending.post is not None:
            outcome = await pusher.publish(pending.post, pending.key, patience=PUBLISH_PATIENCE)
        else:
            return
    except STATE_ERRORS as error:
        await state_unavailable(message, error, found)
        return
    await retrying(lambda: message.reply_text(outcome_text(outcome, pusher.channel)))


def register(application: App) -> None:
    """/publier and its preview's buttons, both behind the admin gate."""
    new = filters.UpdateType.MESSAGE
    gates.admin_only(application, CommandHandler("publier", on_publier, filters=new))
    button = CallbackQueryHandler(on_preview_button, pattern=route_pattern(routes.PREVIEW))
    gates.admin_only(application, button)
