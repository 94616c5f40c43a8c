"""/carte and /frise in Telegram: the PNG as a photo with its caption and buttons.

Drawing happens in a separate process (:mod:`bot.image.drawer`), started on the first picture
asked for: matplotlib is never imported by the bot. Each PNG is cached per content. A picture
that crashes or takes too long gets a French message; the next one gets a fresh process.
"""

from __future__ import annotations

import asyncio
import logging

from telegram import (
    CallbackQuery,
    InlineKeyboardMarkup,
    InputFile,
    InputMediaPhoto,
    Message,
    Update,
)
from telegram.constants import ChatType, ParseMode
from telegram.error import BadRequest
from telegram.ext import CallbackQueryHandler, CommandHandler, filters

from bot.engine import routes
from bot.engine.commands import COMMANDS, PICTURE_COMMANDS, answer, picture_command
from bot.engine.common import MAX_ARGUMENT
from bot.engine.index import Index
from bot.engine.pictures import CAPTION_LIMIT, PICTURES, Picture, picture, timeline_turn
from bot.engine.reply import Reply
from bot.image.drawer import Drawer, PictureError, release_memory
from bot.render.html import render_html
from bot.telegram import gates
from bot.telegram.button_patterns import fields, route_pattern
from bot.telegram.context import App, BotContext
from bot.telegram.picture_cache import CACHE, Prepared, prepare
from bot.telegram.replying import STALE_BUTTON, retrying, send_reply
from bot.telegram.services import Services
from bot.text import fold

log = logging.getLogger(__name__)
REFUSED_NOTE = "L'image n'a pas pu être envoyée ; voici sa légende en texte."


def png_file(data: bytes, name: str, *, attach: bool = False) -> InputFile:
    """``data`` to upload as ``name``.png, its type said: python-telegram-bot would guess it
    from the name with :mod:`mimetypes`, whose first guess reads the system's type tables
    (~0.35 MiB kept by the bot for good after its first picture)."""
    upload = InputFile(data, attach=attach)
    upload.mimetype = "image/png"
    upload.filename = f"{name}.png"
    return upload


def caption_and_rest(reply: Reply) -> tuple[str, list[str]]:
    """The caption (≤ 1,024 characters, HTML) and any text that did not fit in it."""
    parts = render_html(reply, CAPTION_LIMIT)
    return parts[0], parts[1:]


async def draw(drawer: Drawer, found: Picture | Prepared) -> bytes:
    """The picture's PNG, from the cache or drawn by the picture process."""
    if isinstance(found, Prepared):
        return await drawer.png(found.found.spec, found.digest)
    return await drawer.png(found.spec)


async def send_picture(message: Message, found: Picture | Prepared, drawer: Drawer) -> None:
    """:func:`_send_picture`, then the memory its PNG used goes back to the system."""
    try:
        await _send_picture(message, found, drawer)
    finally:
        await asyncio.to_thread(release_memory)  # malloc_trim walks the heap: off the loop


async def _send_picture(message: Message, found: Picture | Prepared, drawer: Drawer) -> None:
    """Send the photo with its caption and buttons; the caption as text if Telegram refuses;
    a French message when the picture could not be drawn."""
    ready = found if isinstance(found, Prepared) else prepare(found)
    found = ready.found
    in_group = message.chat.type != ChatType.PRIVATE
    try:
        data = await draw(drawer, ready)
    except PictureError as failed:
        note = str(failed)
        await retrying(lambda: message.reply_text(note, do_quote=in_group))
        return
    caption, rest = ready.caption, ready.rest
    markup: InlineKeyboardMarkup | None = ready.markup
    try:
        await retrying(
            lambda: message.reply_photo(
                photo=png_file(data, found.name),
                caption=caption,
                reply_markup=None if rest else markup,
                do_quote=in_group,
            )
        )
    except BadRequest as error:
        log.warning("Photo refusée par Telegram (%s) ; légende envoyée en texte", error)
        await retrying(lambda: message.reply_text(REFUSED_NOTE, do_quote=in_group))
        await send_reply(message, found.caption)
        return
    for position, text in enumerate(rest, start=1):
        last = position == len(rest)
        await retrying(
            lambda text=text, last=last: message.reply_text(  # type: ignore[misc]
                text, reply_markup=markup if last else None
            )
        )


async def turn_page(
    query: CallbackQuery, index: Index, drawer: Drawer, turn: tuple[str, ...]
) -> None:
    """◀ ▶ under a timeline picture (``turn``: the FRIEZE route's fields, page and filter):
    the same message shows the other page (photo, caption and buttons); a stale button gets
    a short French notice, a failed drawing a message."""
    try:
        await _turn_page(query, index, drawer, turn)
    finally:
        await asyncio.to_thread(release_memory)  # malloc_trim walks the heap: off the loop


async def _turn_page(
    query: CallbackQuery, index: Index, drawer: Drawer, turn: tuple[str, ...]
) -> None:
    page, code = turn
    ready = await CACHE.get(
        index, ("tourner", page, code), lambda: timeline_turn(index, int(page), code)
    )
    if not isinstance(ready, Prepared):
        await retrying(lambda: query.answer(STALE_BUTTON))
        return
    found = ready.found
    await retrying(query.answer)
    try:
        data = await draw(drawer, ready)
    except PictureError as failed:
        note, shown = str(failed), query.message
        if isinstance(shown, Message):
            await retrying(lambda: shown.reply_text(note))
        return
    caption, rest = ready.caption, ready.rest
    markup = ready.markup
    media = InputMediaPhoto(
        png_file(data, found.name, attach=True), caption=caption, parse_mode=ParseMode.HTML
    )
    try:
        await retrying(
            lambda: query.edit_message_media(media, reply_markup=None if rest else markup)
        )
    except BadRequest as error:  # "message is not modified" on a double press
        if "not modified" not in str(error).lower():
            raise
        return
    message = query.message
    if rest and isinstance(message, Message):  # what did not fit in the caption: never lost
        for position, text in enumerate(rest, start=1):
            last = position == len(rest)
            await retrying(
                lambda text=text, last=last: message.reply_text(  # type: ignore[misc]
                    text, reply_markup=markup if last else None
                )
            )


async def answer_picture(message: Message, index: Index, drawer: Drawer) -> None:
    """/carte [filtre] and /frise [filtre]: the image; a bad filter gets a French message.

    The flood gate has let the message through already.
    """
    text = message.text or ""
    asked = picture_command(text)
    if asked is None or len(asked[1]) > MAX_ARGUMENT:
        await send_reply(message, answer(index, text))
        return
    kind, argument = asked
    found = await CACHE.get(index, (kind, argument), lambda: picture(index, kind, argument))
    if not isinstance(found, Prepared):
        await send_reply(message, found if found is not None else answer(index, text))
        return
    await send_picture(message, found, drawer)


async def picture_post(
    found: Services, message: Message, request: str
) -> tuple[bytes, list[str]] | bool:
    """/publier carte [filtre] or /publier frise [filtre]: the PNG and the caption's messages,
    to preview then post. False when ``request`` is not a picture; True when the request was
    answered already (an unknown filter or a failed drawing, said in French)."""
    words = request.split(maxsplit=1)
    kind = fold(words[0]) if words else ""
    if kind not in PICTURES:
        return False
    made = picture(found.index, kind, words[1] if len(words) > 1 else "")
    if not isinstance(made, Picture):
        for text in render_html(made):
            await message.reply_text(text)
        return True
    caption, rest = caption_and_rest(made.caption)
    try:
        data = await draw(found.drawer, made)
    except PictureError as failed:
        await message.reply_text(str(failed))
        return True
    return data, [caption, *rest]


async def on_picture_command(update: Update, context: BotContext) -> None:
    """/carte and /frise (aliases too): the picture, or the engine's answer for a bad filter."""
    message = update.effective_message
    if message is None or message.text is None:
        return
    found = context.services
    await answer_picture(message, found.index, found.drawer)


async def on_frieze_button(update: Update, context: BotContext) -> None:
    """◀ ▶ under a timeline picture (data of the FRIEZE route, matched whole by PTB)."""
    query = update.callback_query
    if query is None or not context.matches:
        return
    found = context.services
    await turn_page(query, found.index, found.drawer, fields(context.matches[0]))


def register(application: App) -> None:
    """/carte and /frise behind the flood guard, and the frieze's page buttons."""
    names = [
        name
        for command in COMMANDS
        if command.name in PICTURE_COMMANDS
        for name in (command.name, *command.aliases)
    ]
    new = filters.UpdateType.MESSAGE
    gates.flood_guarded(application, CommandHandler(names, on_picture_command, filters=new))
    application.add_handler(
        CallbackQueryHandler(on_frieze_button, pattern=route_pattern(routes.FRIEZE))
    )
