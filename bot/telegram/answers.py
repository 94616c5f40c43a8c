"""Commands and questions: the engine's answer to a command, a private message, a group
message addressed to the bot; a hint for what the bot cannot read; a note for edited commands.
"""

from __future__ import annotations

import re
import time

from telegram import Message, Update
from telegram.ext import CommandHandler, MessageHandler, filters

from bot.clock import today
from bot.engine.commands import COMMANDS, PICTURE_COMMANDS
from bot.engine.questions import respond, respond_in_thread
from bot.engine.reply import Reply
from bot.telegram import gates
from bot.telegram.context import App, BotContext
from bot.telegram.replying import retrying, send_reply

NON_TEXT_HINT = (
    "Je ne lis que le texte. Écrivez une question (« accords du Royaume-Uni ») "
    "ou une commande (/pays Turquie) ; /aide pour la liste."
)
EDITED_NOTE = (
    "Message modifié : je ne relis pas les commandes modifiées. "
    "Envoyez la commande dans un nouveau message."
)


class AddressedToBot(filters.MessageFilter):
    """A group message that mentions this bot (@NomDuBot) or replies to one of its messages."""

    __slots__ = ()

    def filter(self, message: Message) -> bool:
        bot = message.get_bot()
        replied = message.reply_to_message
        if replied is not None and replied.from_user is not None and replied.from_user.id == bot.id:
            return True
        username = bot.username or ""
        return bool(username) and f"@{username}".casefold() in (message.text or "").casefold()


def _in_thread(update: Update, context: BotContext, text: str) -> Reply:
    """The answer to ``text``, continuing the same person's last question in the same chat
    when it is a follow-up (« et en 2025 ? »); remembers what it asked for the next one."""
    found = context.services
    chat, user = update.effective_chat, update.effective_user
    day = today(found.settings.timezone)
    if chat is None or user is None:
        return respond(found.index, text, day)
    now = time.monotonic()
    previous = found.threads.recall(chat.id, user.id, now)
    reply, asked = respond_in_thread(found.index, text, day, previous)
    found.threads.remember(chat.id, user.id, now, asked)
    return reply


async def on_command(update: Update, context: BotContext) -> None:
    """Any known command (/pays, /timeline…, with or without @NomDuBot): the engine's answer."""
    message = update.effective_message
    if message is None or message.text is None:
        return
    await send_reply(message, _in_thread(update, context, message.text))


async def on_private_text(update: Update, context: BotContext) -> None:
    """Plain text or an unknown command in a private chat: the question answered."""
    message = update.effective_message
    if message is None or message.text is None:
        return
    await send_reply(message, _in_thread(update, context, message.text))


async def on_group_question(update: Update, context: BotContext) -> None:
    """In a group, a message that mentions the bot or replies to it: the question answered."""
    message = update.effective_message
    if message is None or message.text is None:
        return
    username = context.bot.username or ""
    question = message.text
    if username:
        question = re.sub(re.escape(f"@{username}"), " ", question, flags=re.IGNORECASE)
    if not question.strip():
        question = "/aide"
    await send_reply(message, _in_thread(update, context, question))


async def on_private_other(update: Update, context: BotContext) -> None:
    """A sticker, photo, voice note… in a private chat: say what the bot can read."""
    message = update.effective_message
    if message is None:
        return
    await retrying(lambda: message.reply_text(NON_TEXT_HINT, parse_mode=None))


async def on_edited_command(update: Update, context: BotContext) -> None:
    """An edited command: a short note, never a second answer nor a second publication."""
    message = update.effective_message
    if message is None:
        return
    await retrying(lambda: message.reply_text(EDITED_NOTE, do_quote=True))


def register(application: App) -> None:
    """The engine's commands in every chat (pictures apart: :mod:`bot.telegram.pictures`), the
    edited-command note, then questions: in private chats any text (unknown commands too) and
    a hint for anything else; in groups only a message addressed to the bot. Registered after
    every other feature's commands and documents, which the private-text handler would take."""
    names = [
        name
        for command in COMMANDS
        if command.name not in PICTURE_COMMANDS
        for name in (command.name, *command.aliases)
    ]
    # In groups PTB only accepts "/cmd@ThisBot" or a bare "/cmd": another bot's are ignored.
    new = filters.UpdateType.MESSAGE  # edited messages are handled apart
    gates.flood_guarded(application, CommandHandler(names, on_command, filters=new))
    application.add_handler(
        MessageHandler(filters.UpdateType.EDITED_MESSAGE & filters.COMMAND, on_edited_command)
    )
    private = new & filters.ChatType.PRIVATE
    gates.flood_guarded(application, MessageHandler(private & filters.TEXT, on_private_text))
    addressed = new & filters.ChatType.GROUPS & filters.TEXT & ~filters.COMMAND & AddressedToBot()
    gates.flood_guarded(application, MessageHandler(addressed, on_group_question))
    gates.flood_guarded(application, MessageHandler(private & ~filters.TEXT, on_private_other))
