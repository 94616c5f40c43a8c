"""Admins' commands on the running bot: /envois (the outbox, « republier » / « abandonner » a
post, also from its buttons) and /recharger (validate the content again and swap it in)."""

from __future__ import annotations

import logging
import re

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.ext import CallbackQueryHandler, CommandHandler, filters

from bot.engine import routes
from bot.push.database import STATE_ERRORS
from bot.push.status import queue_report
from bot.telegram import gates
from bot.telegram.button_patterns import fields, route_pattern
from bot.telegram.context import App, BotContext
from bot.telegram.publishing import PUBLISH_PATIENCE, channel_command
from bot.telegram.reload import reload_content
from bot.telegram.replying import retrying
from bot.telegram.sender import describe_role
from bot.telegram.services import Services
from bot.text import count as plural
from bot.text import fold

log = logging.getLogger(__name__)

ACTIONS = {"republier": "r", "retry": "r", "abandonner": "d", "drop": "d"}
ENVOIS_USAGE = "Usage : /envois, /envois republier <n°> ou /envois abandonner <n°>."
STATE_BUSY = "État momentanément indisponible : rien n'a changé. Réessayez dans un instant."


async def on_envois(update: Update, context: BotContext) -> None:
    """/envois [republier|abandonner <n°>] (admins only): the outbox and decisions on it."""
    asked = await channel_command(update, context, "/envois")
    if asked is None:
        return
    message, argument, pusher = asked
    found = context.services
    words = argument.split()
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


async def on_outbox_button(update: Update, context: BotContext) -> None:
    """« Republier » / « Abandonner » under an outbox notice (admins only)."""
    query = update.callback_query
    if query is None or not context.matches:
        return
    action, item = fields(context.matches[0])
    await retrying(query.answer)
    report = await _decide(context.services, action, int(item))
    if isinstance(query.message, Message):
        await query.message.reply_text(report, parse_mode=None)


async def on_recharger(update: Update, context: BotContext) -> None:
    """/recharger (admins only): validate the content again and swap it in if it is sound."""
    message = update.effective_message
    if message is None:
        return
    _ok, report = await reload_content(context.services)
    await message.reply_text(report)


def register(application: App) -> None:
    """/recharger, /envois and the outbox's buttons, all behind the admin gate."""
    new = filters.UpdateType.MESSAGE
    gates.admin_only(application, CommandHandler("recharger", on_recharger, filters=new))
    gates.admin_only(application, CommandHandler("envois", on_envois, filters=new))
    button = CallbackQueryHandler(on_outbox_button, pattern=route_pattern(routes.OUTBOX))
    gates.admin_only(application, button)
