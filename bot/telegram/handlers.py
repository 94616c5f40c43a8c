"""Handlers: unpack the update, call the engine, send. No logic of their own."""

from __future__ import annotations

import html
import logging
import re
import time
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from telegram import (
    CallbackQuery,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InlineQueryResultsButton,
    InputTextMessageContent,
    Message,
    Update,
)
from telegram.constants import ChatType
from telegram.error import BadRequest
from telegram.ext import ContextTypes

from bot.clock import today
from bot.engine import routes
from bot.engine.commands import STALE, callback, command_argument, picture_command
from bot.engine.inline import inline_offers
from bot.engine.questions import respond, respond_in_thread
from bot.engine.reply import Reply
from bot.guard import Verdict
from bot.push.compose import NothingToPostError, Post, compose
from bot.push.database import STATE_ERRORS
from bot.push.outbox import channel_link
from bot.push.status import queue_report
from bot.redact import redact
from bot.telegram.pusher import Outcome, Pusher
from bot.telegram.reload import reload_content
from bot.telegram.replying import STALE_BUTTON, retrying, send_reply
from bot.telegram.send import full_card_button, keyboard, messages, one_message, page_messages
from bot.telegram.sender import describe_role
from bot.telegram.services import Services, services
from bot.telegram.state import unavailable_reason
from bot.telegram.updates import UpdateQueue
from bot.text import count, fold
from bot.text import count as plural

log = logging.getLogger(__name__)
Context = ContextTypes.DEFAULT_TYPE

APOLOGY = "Désolé, une erreur est survenue de mon côté. Réessayez dans un instant."


T = TypeVar("T")
FLOOD_NOTICE = (
    "Doucement : trop de commandes d'affilée. Je vous réponds de nouveau dans une minute."
)


async def _held_back(update: Update, context: Context, message: Message) -> bool:
    """Apply the flood guard (private chats included): True when the message is not answered."""
    chat, user = update.effective_chat, update.effective_user
    if chat is None or user is None:
        return False
    found = services(context)
    guard = found.private_guard if chat.type == ChatType.PRIVATE else found.guard
    queue = context.application.update_queue
    if isinstance(queue, UpdateQueue) and queue.congested:  # a flood: everyone's turn first
        guard = found.busy_guard
    verdict = guard.check(chat.id, user.id, time.monotonic())
    if verdict is Verdict.NOTICE:
        in_group = chat.type != ChatType.PRIVATE
        await retrying(lambda: message.reply_text(FLOOD_NOTICE, do_quote=in_group))
    return verdict is not Verdict.ANSWER


def _today(context: Context) -> date:
    return today(services(context).settings.timezone)


def _in_thread(update: Update, context: Context, text: str) -> Reply:
    """The answer to ``text``, continuing the same person's last question in the same chat
    when it is a follow-up (« et en 2025 ? »); remembers what it asked for the next one."""
    found = services(context)
    chat, user = update.effective_chat, update.effective_user
    if chat is None or user is None:
        return respond(found.index, text, _today(context))
    now = time.monotonic()
    previous = found.threads.recall(chat.id, user.id, now)
    reply, asked = respond_in_thread(found.index, text, _today(context), previous)
    found.threads.remember(chat.id, user.id, now, asked)
    return reply


async def on_command(update: Update, context: Context) -> None:
    """Any known command (/pays, /timeline…, with or without @NomDuBot): the engine's answer."""
    message = update.effective_message
    if message is None or message.text is None or await _held_back(update, context, message):
        return
    if picture_command(message.text) is not None:  # /carte, /frise send a photo
        from bot.telegram.pictures import answer_picture

        found = services(context)
        await answer_picture(message, found.index, found.drawer)
        return
    await send_reply(message, _in_thread(update, context, message.text))


async def on_private_text(update: Update, context: Context) -> None:
    """Plain text or an unknown command in a private chat: the question answered."""
    message = update.effective_message
    if message is None or message.text is None or await _held_back(update, context, message):
        return
    await send_reply(message, _in_thread(update, context, message.text))


async def on_group_question(update: Update, context: Context) -> None:
    """In a group, a message that mentions the bot or replies to it: the question answered."""
    message = update.effective_message
    if message is None or message.text is None:
        return
    username = context.bot.username or ""
    mention = f"@{username}".casefold()
    replied = message.reply_to_message
    to_bot = (
        replied is not None
        and replied.from_user is not None
        and (replied.from_user.id == context.bot.id)
    )
    if not to_bot and (not username or mention not in message.text.casefold()):
        return
    if await _held_back(update, context, message):
        return
    question = re.sub(re.escape(f"@{username}"), " ", message.text, flags=re.IGNORECASE)
    if not question.strip():
        question = "/aide"
    await send_reply(message, _in_thread(update, context, question))


NON_TEXT_HINT = (
    "Je ne lis que le texte. Écrivez une question (« accords du Royaume-Uni ») "
    "ou une commande (/pays Turquie) ; /aide pour la liste."
)


async def on_private_other(update: Update, context: Context) -> None:
    """A sticker, photo, voice note… in a private chat: say what the bot can read."""
    message = update.effective_message
    if message is None or await _held_back(update, context, message):
        return
    await retrying(lambda: message.reply_text(NON_TEXT_HINT, parse_mode=None))


EDITED_NOTE = (
    "Message modifié : je ne relis pas les commandes modifiées. "
    "Envoyez la commande dans un nouveau message."
)


async def on_edited_command(update: Update, context: Context) -> None:
    """An edited command: a short note, never a second answer nor a second publication."""
    message = update.effective_message
    if message is None:
        return
    await retrying(lambda: message.reply_text(EDITED_NOTE, do_quote=True))


async def on_button(update: Update, context: Context) -> None:
    """A button press: pages edit the message in place, cards arrive as new messages."""
    query = update.callback_query
    if query is None:
        return
    if routes.FRIEZE.owns(query.data or ""):  # ◀ ▶ under a timeline picture
        from bot.telegram.pictures import turn_page

        found = services(context)
        await turn_page(query, found.index, found.drawer)
        return
    try:
        reply = callback(services(context).index, query.data or "")
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
    if reply.edit:
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
        return
    await send_reply(message, reply)


async def on_inline(update: Update, context: Context) -> None:
    """@NomDuBot <texte> in any chat: up to 50 cards to choose from."""
    query = update.inline_query
    if query is None:
        return
    results = []
    username = context.bot.username
    for offer in inline_offers(services(context).index, query.query, _today(context)):
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
        button = InlineQueryResultsButton(text="Ouvrir le bot", start_parameter="inline")
    await retrying(lambda: query.answer(results, cache_time=60, button=button))


def _command_name(update: Update) -> str:
    """The command an update carried ("/pays"), or its kind; never the user's text."""
    message = update.effective_message
    if message is not None and message.text and message.text.startswith("/"):
        name = message.text[1:].split(maxsplit=1)[0].split("@", 1)[0] if message.text[1:] else ""
        return "/" + "".join(c for c in name if c.isascii() and c.isalnum())[:32]
    if update.callback_query is not None:
        return "bouton"
    if update.inline_query is not None:
        return "inline"
    return "message" if message is not None else "autre"


async def on_error(update: object, context: Context) -> None:
    """Log the failure with ids and the command only; tell the user, briefly, in French."""
    error = context.error
    if not isinstance(update, Update):
        log.error("Échec hors mise à jour : %s", type(error).__name__, exc_info=error)
        return
    chat, user = update.effective_chat, update.effective_user
    log.error(
        "Échec du traitement : mise à jour %s, conversation %s, utilisateur %s, commande %s",
        update.update_id,
        chat.id if chat else "-",
        user.id if user else "-",
        _command_name(update),
        exc_info=error,
    )
    if update.callback_query is not None:  # never leave a button spinning
        try:
            await update.callback_query.answer(APOLOGY)
            return
        except Exception:  # already answered: say it in the chat instead
            log.debug("Bouton déjà répondu ; excuse envoyée dans la conversation")
    if update.effective_message is not None:
        try:
            await update.effective_message.reply_text(APOLOGY)
        except Exception as failure:  # the apology itself may fail (network)
            log.warning("Impossible d'envoyer le message d'excuse (%s)", type(failure).__name__)


REFUSAL = "Cette commande est réservée aux administrateurs du bot."


PUBLISH_PATIENCE = 10.0
"""Seconds /publier waits for back-offs before answering « enregistrée »."""


def _outcome_text(outcome: Outcome, channel: int | str) -> str:
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


def _is_admin(update: Update, context: Context) -> bool:
    user = update.effective_user
    return user is not None and user.id in services(context).settings.admin_ids


async def _refuse(update: Update, message: Message, command: str) -> None:
    user = update.effective_user
    log.warning("%s refusé pour l'utilisateur %s", command, user.id if user else "inconnu")
    await message.reply_text(REFUSAL, do_quote=message.chat.type != ChatType.PRIVATE)


async def _admin_pusher(
    update: Update, context: Context, message: Message, command: str
) -> Pusher | None:
    """The channel pusher for an admin; otherwise the refusal or the reason publishing is off."""
    if not _is_admin(update, context):
        await _refuse(update, message, command)
        return None
    found = services(context)
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


PREVIEWS_KEY = "previews"
"""bot_data key of the posts shown to an admin and not yet confirmed (token → preview)."""
PREVIEW_NOTE = "Aperçu — rien n'est encore publié. Publier dans le canal ?"


async def on_publier(update: Update, context: Context) -> None:
    """/publier <quoi> (admins only): a preview with [Publier] [Annuler]; nothing reaches the
    channel before the admin confirms."""
    message = update.effective_message
    if message is None or message.text is None:
        return
    found = services(context)
    pusher = await _admin_pusher(update, context, message, "/publier")
    if pusher is None:
        return
    request = command_argument(message.text)
    token = f"{message.chat_id}.{message.message_id}"
    key = f"publier:{message.chat_id}:{message.message_id}"
    previews: dict[str, Pending] = context.bot_data.setdefault(PREVIEWS_KEY, {})
    from bot.telegram.pictures import picture_post  # /publier carte|frise: a photo

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
        await _state_unavailable(message, error, found)
        return
    previews[token] = Pending(key, post=post)
    texts = [text for text, _markup in messages(post.reply, screen=None)]  # as it will post
    for text in texts:
        await retrying(lambda text=text: message.reply_text(text))  # type: ignore[misc]
    await _ask_confirmation(message, token, len(texts))


@dataclass(frozen=True, slots=True)
class Pending:
    """A /publier shown to the admin and not yet confirmed: a post, or a photo and its texts."""

    key: str
    post: Post | None = None
    photo: bytes | None = None
    texts: list[str] | None = None


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


async def _admin_button(
    update: Update, context: Context, route: routes.Route
) -> tuple[CallbackQuery, tuple[str, ...]] | None:
    """An admin's button that ``route`` reads; others get a stale or refusal note."""
    query = update.callback_query
    if query is None:
        return None
    match = route.parse(query.data or "")
    if match is None:
        await retrying(lambda: query.answer(STALE_BUTTON))
        return None
    if not _is_admin(update, context):
        await retrying(lambda: query.answer(REFUSAL))
        return None
    return query, match


async def on_preview_button(update: Update, context: Context) -> None:
    """[Publier] or [Annuler] under a preview (admins only); a second press does nothing."""
    pressed = await _admin_button(update, context, routes.PREVIEW)
    if pressed is None:
        return
    query, match = pressed
    previews: dict[str, Pending] = context.bot_data.setdefault(PREVIEWS_KEY, {})
    pending = previews.pop(match[1], None)
    if pending is None:
        await retrying(
            lambda: query.answer("Cet aperçu a déjà été traité (ou le bot a redémarré).")
        )
        return
    await retrying(query.answer)
    message = query.message
    if match[0] == "no":
        if isinstance(message, Message):
            await retrying(lambda: message.edit_text("Publication annulée : rien n'a été envoyé."))
        return
    found = services(context)
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
        await _state_unavailable(message, error, found)
        return
    await retrying(lambda: message.reply_text(_outcome_text(outcome, pusher.channel)))


async def _state_unavailable(message: Message, error: Exception, found: Services) -> None:
    log.error("/publier : état indisponible (%s)", error)
    await message.reply_text(
        f"Publication impossible pour l'instant : état indisponible "
        f"({unavailable_reason(found.settings)}). Rien n'a été envoyé ; réessayez dans un instant."
    )


async def on_envois(update: Update, context: Context) -> None:
    """/envois [republier|abandonner <n°>] (admins only): the outbox and decisions on it."""
    message = update.effective_message
    if message is None or message.text is None:
        return
    found = services(context)
    pusher = await _admin_pusher(update, context, message, "/envois")
    if pusher is None:
        return
    words = command_argument(message.text).split()
    if words:
        action = ACTIONS.get(fold(words[0]))
        if action is None or len(words) != 2 or not re.fullmatch(r"[0-9]{1,12}", words[1]):
            await message.reply_text(ENVOIS_USAGE, parse_mode=None)
            return
        await message.reply_text(await _decide(found, action, int(words[1])), parse_mode=None)
        return
    try:
        items = await pusher.store.run(pusher.outbox.open_items)
        role = await describe_role(found)
    except STATE_ERRORS as error:
        log.warning("/envois : état indisponible (%s)", error)
        await message.reply_text(STATE_BUSY, parse_mode=None)
        return
    problems = [item for item in items if item.status in ("uncertain", "failed")][:5]
    await message.reply_text(
        f"{queue_report(items)}\n{role}",
        parse_mode=None,
        reply_markup=InlineKeyboardMarkup(
            [
                [
                    InlineKeyboardButton(
                        f"Republier n° {i.id}", callback_data=routes.OUTBOX.build("r", i.id)
                    ),
                    InlineKeyboardButton(
                        f"Abandonner n° {i.id}", callback_data=routes.OUTBOX.build("d", i.id)
                    ),
                ]
                for i in problems
            ]
        )
        if problems
        else None,
    )


ACTIONS = {"republier": "r", "retry": "r", "abandonner": "d", "drop": "d"}
ENVOIS_USAGE = "Usage : /envois, /envois republier <n°> ou /envois abandonner <n°>."


STATE_BUSY = "État momentanément indisponible : rien n'a changé. Réessayez dans un instant."


async def _decide(found: Services, action: str, item_id: int) -> str:
    """Carry out an admin's « republier » (r) or « abandonner » (d); the French answer."""
    try:
        return await _decision(found, action, item_id)
    except STATE_ERRORS as error:  # a lock held too long: said plainly, no traceback
        log.warning("Décision sur l'envoi %s impossible : %s", item_id, error)
        return STATE_BUSY


async def _decision(found: Services, action: str, item_id: int) -> str:
    pusher = found.pusher
    if pusher is None:
        return "Publication désactivée."
    if action == "r":
        number = await pusher.store.run(pusher.outbox.retry, item_id)
        if not number:
            return f"N° {item_id} : rien à republier (déjà publiée, abandonnée ou inconnue)."
        await pusher.drain(PUBLISH_PATIENCE)
        done = await pusher.store.run(pusher.outbox.get, item_id)
        state = done.status if done else "inconnu"
        return (
            f"N° {item_id} : republication demandée ({plural(number, 'message')}) ; état : {state}."
        )
    number = await pusher.store.run(pusher.outbox.drop, item_id)
    if not number:
        return f"N° {item_id} : rien à abandonner (déjà publiée ou inconnue)."
    return (
        f"N° {item_id} : publication abandonnée ({plural(number, 'message')}), elle ne partira pas."
    )


async def on_outbox_button(update: Update, context: Context) -> None:
    """« Republier » / « Abandonner » under an outbox notice (admins only)."""
    pressed = await _admin_button(update, context, routes.OUTBOX)
    if pressed is None:
        return
    query, match = pressed
    await retrying(query.answer)
    report = await _decide(services(context), match[0], int(match[1]))
    if isinstance(query.message, Message):
        await query.message.reply_text(report, parse_mode=None)


async def on_recharger(update: Update, context: Context) -> None:
    """/recharger (admins only): validate the content again and swap it in if it is sound."""
    message = update.effective_message
    if message is None:
        return
    found = services(context)
    if not _is_admin(update, context):
        await _refuse(update, message, "/recharger")
        return
    _ok, report = await reload_content(found)
    await message.reply_text(report)
