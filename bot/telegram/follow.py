"""/suivre, /suivis, /arreter, /oublier and the « 🔔 Suivre » buttons (issue #16).

In a private chat anyone manages their own subscriptions; in a group only its administrators
manage the group's. Only chat ids and followed ids are stored (see bot.push.alert_outbox).
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Callable, Coroutine
from typing import Any

from telegram import (
    BotCommand,
    Chat,
    ChatMember,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
    Update,
    User,
)
from telegram.constants import ChatType
from telegram.error import BadRequest
from telegram.ext import CallbackQueryHandler, CommandHandler, filters

from bot.engine import routes
from bot.engine.commands import command_argument
from bot.push.database import STATE_ERRORS
from bot.push.follow import Unknown, candidates, is_known, label, resolve, short_label
from bot.telegram import gates
from bot.telegram.alerts import AlertPusher
from bot.telegram.button_patterns import fields, route_pattern
from bot.telegram.context import App, BotContext
from bot.telegram.follow_links import target_of_payload
from bot.telegram.replying import STALE_BUTTON, retrying
from bot.telegram.services import Services
from bot.telegram.state import subscriptions_busy, subscriptions_unavailable
from bot.text import count

log = logging.getLogger(__name__)
Handler = Callable[[Update, BotContext], Coroutine[Any, Any, None]]

MAX_SUBSCRIPTIONS = 30
"""Subscriptions one chat may hold."""
MENU = [
    BotCommand("suivre", "suivre un pays, une organisation ou un thème (alertes)"),
    BotCommand("suivis", "vos abonnements, avec un bouton pour arrêter chacun"),
    BotCommand("arreter", "arrêter un abonnement"),
    BotCommand("oublier", "effacer tout ce que le bot garde sur cette conversation"),
]
GROUP_REFUSAL = (
    "Dans un groupe, seuls ses administrateurs gèrent ses abonnements. Pour suivre à titre "
    "personnel, écrivez-moi en privé : /suivre Turquie."
)
USAGE = (
    "Pour recevoir un message quand un fait nouveau entre dans la base : /suivre Turquie, "
    "/suivre OTAN ou /suivre cybersécurité. /suivis liste vos abonnements."
)
FORGOTTEN = (
    "C'est fait : le bot ne garde plus rien sur cette conversation (abonnements et "
    "alertes en attente effacés)."
)


def _whose(chat: Chat) -> str:
    return "Vous suivez" if chat.type == ChatType.PRIVATE else "Ce groupe suit"


async def may_manage(
    update: Update, context: BotContext, chat: Chat, user: User | None, message: Message | None
) -> bool:
    """Private chat: yes. Group: only its administrators (or an anonymous admin)."""
    if chat.type == ChatType.PRIVATE:
        return True
    if message is not None and message.sender_chat is not None:
        return message.sender_chat.id == chat.id  # an anonymous administrator
    if user is None:
        return False
    member = await retrying(lambda: context.bot.get_chat_member(chat.id, user.id))
    return member.status in (ChatMember.ADMINISTRATOR, ChatMember.OWNER)


async def _say(message: Message, text: str, markup: InlineKeyboardMarkup | None = None) -> None:
    in_group = message.chat.type != ChatType.PRIVATE
    await retrying(
        lambda: message.reply_text(text, parse_mode=None, reply_markup=markup, do_quote=in_group)
    )


async def _ready(
    update: Update, context: BotContext
) -> tuple[Message, Chat, AlertPusher, Services] | None:
    """The message, its chat and the alert store when the sender may manage subscriptions;
    otherwise the reason is said (refusal, subscriptions off) and None returned."""
    message, chat = update.effective_message, update.effective_chat
    if message is None or message.text is None or chat is None:
        return None
    found = context.services
    if found.alerts is None or found.state_down:  # details are for the log and the admins
        await _say(message, subscriptions_unavailable(found.settings))
        return None
    if not await may_manage(update, context, chat, update.effective_user, message):
        log.info("Abonnement refusé : utilisateur non administrateur du groupe %s", chat.id)
        await _say(message, GROUP_REFUSAL)
        return None
    return message, chat, found.alerts, found


async def subscribe(found: Services, alerts: AlertPusher, chat: Chat, target: str) -> str:
    """Subscribe the chat to ``target``; the French answer."""
    name = label(found.index, target)
    current = await alerts.store.run(alerts.alerts.subscriptions, chat.id)
    if target in current:
        return f"{_whose(chat)} déjà {name}. /suivis liste les abonnements."
    if len(current) >= MAX_SUBSCRIPTIONS:
        return (
            f"Limite atteinte : {count(len(current), 'abonnement')} pour cette conversation "
            f"({MAX_SUBSCRIPTIONS} au plus). Arrêtez-en un avec /suivis."
        )
    await alerts.store.run(alerts.alerts.subscribe, chat.id, target)
    return (
        f"🔔 {_whose(chat)} désormais {name}. Un message arrivera ici quand un fait nouveau "
        "le concernant entrera dans la base, avec sa citation et sa source. /suivis pour "
        "gérer, /arreter pour arrêter."
    )


async def unsubscribe(found: Services, alerts: AlertPusher, chat: Chat, target: str) -> bool:
    """Stop following ``target``, and cancel the chat's queued alerts that matched only it."""
    stopped = await alerts.store.run(alerts.alerts.unsubscribe, chat.id, target)
    if stopped:
        await alerts.store.run(alerts.alerts.cancel_unfollowed, chat.id, candidates(found.index))
    return stopped


async def on_suivre(update: Update, context: BotContext) -> None:
    """/suivre <pays|organisation|thème>."""
    ready = await _ready(update, context)
    if ready is None:
        return
    message, chat, alerts, found = ready
    words = command_argument(message.text or "")
    if not words:
        await _say(message, USAGE)
        return
    target = resolve(found.index, words)
    if isinstance(target, Unknown):
        await _say(message, target.message)
        return
    await _say(message, await subscribe(found, alerts, chat, target))


def _listing(found: Services, targets: list[str]) -> tuple[str, InlineKeyboardMarkup | None]:
    """/suivis: the chat's subscriptions and an « Arrêter » button for each."""
    if not targets:
        return "Aucun abonnement ici. " + USAGE, None
    lines = [f"• {label(found.index, target)}" for target in targets]
    head = f"Abonnements de cette conversation ({len(targets)}) :"
    buttons = [
        [InlineKeyboardButton(f"Arrêter : {short_label(found.index, t)}", callback_data=data)]
        for t in targets
        if (data := routes.FOLLOW.build_or_none("x", t)) is not None
    ]
    text = "\n".join([head, *lines, "Touchez un bouton pour arrêter un abonnement."])
    return text, InlineKeyboardMarkup(buttons) if buttons else None


async def on_suivis(update: Update, context: BotContext) -> None:
    """/suivis: the chat's subscriptions, a button to stop each."""
    ready = await _ready(update, context)
    if ready is None:
        return
    message, chat, alerts, found = ready
    targets = await alerts.store.run(alerts.alerts.subscriptions, chat.id)
    text, markup = _listing(found, targets)
    await _say(message, text, markup)


async def on_arreter(update: Update, context: BotContext) -> None:
    """/arreter <…>: stop one subscription."""
    ready = await _ready(update, context)
    if ready is None:
        return
    message, chat, alerts, found = ready
    words = command_argument(message.text or "")
    if not words:
        await _say(message, "Précisez l'abonnement à arrêter : /arreter Turquie, ou /suivis.")
        return
    target = resolve(found.index, words)
    if isinstance(target, Unknown):
        await _say(message, target.message)
        return
    if await unsubscribe(found, alerts, chat, target):
        await _say(message, f"Abonnement arrêté : {label(found.index, target)}.")
    else:
        await _say(message, f"Pas d'abonnement à {label(found.index, target)} ici. /suivis.")


async def on_oublier(update: Update, context: BotContext) -> None:
    """/oublier: delete every subscription and alert stored for this chat."""
    ready = await _ready(update, context)
    if ready is None:
        return
    message, chat, alerts, _found = ready
    removed = await alerts.store.run(alerts.alerts.forget, chat.id)
    log.info("Conversation %s : données effacées à sa demande (%d ligne(s))", chat.id, removed)
    await _say(
        message,
        FORGOTTEN if removed else "Le bot ne gardait rien sur cette conversation.",
    )


async def on_start_follow(update: Update, context: BotContext) -> None:
    """/start suivre[-a-<id>|-t-<id>]: the « 🔔 Suivre » link of a channel post."""
    ready = await _ready(update, context)
    if ready is None:
        return
    message, chat, alerts, found = ready
    payload = command_argument(message.text or "")
    target = target_of_payload(payload)
    if target is None or not is_known(found.index, target):
        await _say(message, USAGE)
        return
    await _say(message, await subscribe(found, alerts, chat, target))


async def on_follow_button(update: Update, context: BotContext) -> None:
    """« 🔔 Suivre » under a card (sv:f:…) and « Arrêter » under /suivis (sv:x:…)."""
    query = update.callback_query
    if query is None or not context.matches:
        return
    message = query.message
    found = context.services
    if not isinstance(message, Message):
        await retrying(lambda: query.answer(STALE_BUTTON))
        return
    chat = message.chat
    if found.alerts is None:
        await retrying(lambda: query.answer("Abonnements indisponibles pour l'instant."))
        return
    if not await may_manage(update, context, chat, query.from_user, None):
        await retrying(lambda: query.answer(GROUP_REFUSAL[:200], show_alert=True))
        return
    action, target = fields(context.matches[0])
    alerts = found.alerts
    if action == "f":
        if not is_known(found.index, target):
            await retrying(lambda: query.answer(STALE_BUTTON))
            return
        text = await subscribe(found, alerts, chat, target)
        await retrying(query.answer)
        await _say(message, text)
        return
    stopped = await unsubscribe(found, alerts, chat, target)
    name = short_label(found.index, target)
    await retrying(
        lambda: query.answer(f"Abonnement arrêté : {name}." if stopped else "Déjà arrêté.")
    )
    targets = await alerts.store.run(alerts.alerts.subscriptions, chat.id)
    text, markup = _listing(found, targets)
    try:
        await retrying(lambda: query.edit_message_text(text, parse_mode=None, reply_markup=markup))
    except BadRequest as error:  # "message is not modified" on a double press
        if "not modified" not in str(error).lower():
            raise


def state_guarded(handler: Handler) -> Handler:
    """``handler``, where a state-file failure (lock held too long, disk error) gets a short
    French « indisponible » and one log line instead of the generic apology and a traceback."""

    @functools.wraps(handler)
    async def guarded(update: Update, context: BotContext) -> None:
        try:
            await handler(update, context)
        except STATE_ERRORS as error:
            log.warning("Abonnements : état indisponible (%s)", error)
            busy = subscriptions_busy(context.services.settings)
            query = update.callback_query
            if query is not None:
                await retrying(lambda: query.answer(busy[:200], show_alert=True))
            elif update.effective_message is not None:
                await _say(update.effective_message, busy)

    return guarded


def register(application: App) -> None:
    """The subscription commands behind the flood guard, and their buttons; registered before
    the engine's /start, which « /start suivre-… » must not reach."""
    new = filters.UpdateType.MESSAGE
    deep_link = filters.Regex(rf"^/start(@\w+)?\s+{re.escape(routes.LINK_FOLLOW.prefix)}")
    start = state_guarded(on_start_follow)
    gates.flood_guarded(application, CommandHandler("start", start, filters=new & deep_link))
    for name, handler in (
        ("suivre", on_suivre),
        ("suivis", on_suivis),
        ("arreter", on_arreter),
        ("oublier", on_oublier),
    ):
        command = CommandHandler(name, state_guarded(handler), filters=new)
        gates.flood_guarded(application, command)
    button = state_guarded(on_follow_button)
    application.add_handler(CallbackQueryHandler(button, pattern=route_pattern(routes.FOLLOW)))
