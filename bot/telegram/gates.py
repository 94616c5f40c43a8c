"""The gates: the admin check and the flood guard, as handlers of their own groups.

PTB tries its handler groups in order, the first matching handler of each group running. The
features live in group :data:`FEATURES`; before them, the admin gate (group :data:`ADMIN_GROUP`)
and the flood gate (group :data:`FLOOD_GROUP`) each watch the feature handlers registered
through :func:`admin_only` and :func:`flood_guarded`. A gate runs when the feature handler
that will take the update is one it watches; when it refuses, it answers and raises
``ApplicationHandlerStop``, so the feature handler never sees the update.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Coroutine
from typing import Any

from telegram import Update
from telegram.constants import ChatType
from telegram.ext import ApplicationHandlerStop, BaseHandler

from bot.guard import FloodGuard, Verdict
from bot.telegram.context import App, BotContext
from bot.telegram.replying import retrying
from bot.telegram.updates import UpdateQueue

log = logging.getLogger(__name__)

BEFORE_GATES = -3
"""The group of a handler that must see its update before any gate (an admin's article
awaited after a lone /brouillon: never counted by the flood guard)."""
ADMIN_GROUP = -2
FLOOD_GROUP = -1
FEATURES = 0
"""The group of every feature handler (commands, buttons, inline, messages)."""

REFUSAL = "Cette commande est réservée aux administrateurs du bot."
FLOOD_NOTICE = (
    "Doucement : trop de commandes d'affilée. Je vous réponds de nouveau dans une minute."
)

AnyHandler = BaseHandler[Any, Any, Any]
Callback = Callable[[Update, BotContext], Coroutine[Any, Any, None]]


class Gate(BaseHandler[Update, BotContext, None]):
    """Runs ``callback`` for the updates that one of ``watched`` will take in group
    :data:`FEATURES` (the first matching handler there, as PTB chooses it)."""

    __slots__ = ("application", "watched")

    def __init__(self, application: App, callback: Callback) -> None:
        super().__init__(callback)
        self.application = application
        self.watched: list[AnyHandler] = []

    def check_update(self, update: object) -> bool:
        if not isinstance(update, Update):
            return False
        for handler in self.application.handlers.get(FEATURES, []):
            check = handler.check_update(update)
            if check is not None and check is not False:
                return any(handler is watched for watched in self.watched)
        return False


def is_admin(update: Update, context: BotContext) -> bool:
    """True when the update comes from one of ADMIN_IDS."""
    user = update.effective_user
    return user is not None and user.id in context.services.settings.admin_ids


async def admit(update: Update, context: BotContext) -> None:
    """The admin gate: an admin goes on; anyone else is refused, in French, and stopped."""
    if is_admin(update, context):
        return
    user = update.effective_user
    query = update.callback_query
    kind = "bouton" if query is not None else "commande"
    log.warning(
        "Accès administrateur refusé pour l'utilisateur %s (%s)", user.id if user else "?", kind
    )
    if query is not None:
        await retrying(lambda: query.answer(REFUSAL))
        raise ApplicationHandlerStop
    message = update.effective_message
    if message is not None:
        in_group = message.chat.type != ChatType.PRIVATE
        await retrying(lambda: message.reply_text(REFUSAL, do_quote=in_group))
    raise ApplicationHandlerStop


def guard_for(update: Update, context: BotContext) -> FloodGuard:
    """The flood guard that applies: the busy one while updates pile up, else per chat kind."""
    found = context.services
    queue = context.application.update_queue
    if isinstance(queue, UpdateQueue) and queue.congested:  # a flood: everyone's turn first
        return found.busy_guard
    chat = update.effective_chat
    return found.private_guard if chat and chat.type == ChatType.PRIVATE else found.guard


async def hold_flood(update: Update, context: BotContext) -> None:
    """The flood gate: past the limit, one French notice, then silence; stopped either way."""
    message, chat, user = update.effective_message, update.effective_chat, update.effective_user
    if message is None or chat is None or user is None:
        return
    verdict = guard_for(update, context).check(chat.id, user.id, time.monotonic())
    if verdict is Verdict.ANSWER:
        return
    if verdict is Verdict.NOTICE:
        in_group = chat.type != ChatType.PRIVATE
        await retrying(lambda: message.reply_text(FLOOD_NOTICE, do_quote=in_group))
    raise ApplicationHandlerStop


def install(application: App) -> None:
    """Add both gates, empty; feature modules then register through the functions below."""
    application.add_handler(Gate(application, admit), group=ADMIN_GROUP)
    application.add_handler(Gate(application, hold_flood), group=FLOOD_GROUP)


def _gate(application: App, group: int) -> Gate:
    for handler in application.handlers.get(group, []):
        if isinstance(handler, Gate):
            return handler
    raise RuntimeError(f"porte absente du groupe {group} : appeler gates.install d'abord")


def admin_only(application: App, handler: AnyHandler) -> None:
    """Register ``handler`` as a feature that only admins reach."""
    _gate(application, ADMIN_GROUP).watched.append(handler)
    application.add_handler(handler, group=FEATURES)


def flood_guarded(application: App, handler: AnyHandler) -> None:
    """Register ``handler`` as a feature behind the flood guard."""
    _gate(application, FLOOD_GROUP).watched.append(handler)
    application.add_handler(handler, group=FEATURES)
