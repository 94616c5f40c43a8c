"""Telegram adapter of the draft tool: an admin sends an article, gets a summary and a YAML.

Private chats only. An admin sends the article as a ``.txt`` document, or ``/brouillon``
followed by the pasted text, or ``/brouillon`` alone and the text in the next message. The
draft is the command line's (``bot.draft.files.draft_document``); what the text lacks is
given as on the command line's ``--url/--date/--outlet``, by « # URL : », « # Date : »,
« # Média : » lines at the top of the text. The
bot answers with a short French summary and the draft as a document; nothing is written to
the live base. Everyone else is refused; size, encoding and file type get clear messages.
"""

from __future__ import annotations

import asyncio
import html
import logging
import time
from pathlib import Path

from telegram import InputFile, Message, Update
from telegram.ext import ApplicationHandlerStop, CommandHandler, MessageHandler, filters

from bot.draft.intake import MAX_ARTICLE_BYTES, ArticleError, decode_article
from bot.telegram import gates
from bot.telegram.context import App, BotContext

log = logging.getLogger(__name__)

AWAITING = "brouillon_en_attente"
"""user_data key: when the admin sent /brouillon alone; their next text is the article."""
AWAIT_SECONDS = 600.0
"""After this, a lone /brouillon is forgotten and plain text is read as usual again."""
PRIVATE_ONLY = (
    "Les brouillons se font en conversation privée avec le bot : écrivez-moi directement."
)
ASK_TEXT = (
    "Envoyez maintenant le texte de l'article, collé dans un message, ou un fichier .txt : "
    "j'en ferai un brouillon. Au-delà de 4096 caractères, Telegram coupe un message collé en "
    "plusieurs : envoyez alors un fichier .txt."
)
NOT_TXT = (
    "Je ne lis que les articles en texte brut : un fichier .txt (UTF-8), ou le texte collé "
    "après /brouillon."
)
TOO_BIG = (
    f"Fichier trop lourd : la limite est de {MAX_ARTICLE_BYTES // 1000} Ko. "
    "N'envoyez que le texte de l'article."
)


SUMMARY_LIMIT = 3500
"""Characters of the summary message (Telegram's limit is 4096 once escaped)."""


def _fit(summary: str) -> str:
    """The summary, whole lines only, with a closing line when some are left out."""
    if len(summary) <= SUMMARY_LIMIT:
        return summary
    kept: list[str] = []
    for line in summary.splitlines():
        if sum(len(part) + 1 for part in kept) + len(line) > SUMMARY_LIMIT - 80:
            break
        kept.append(line)
    kept.append("… le reste du résumé est dans le brouillon joint.")
    return "\n".join(kept)


async def _reply_draft(message: Message, context: BotContext, data: bytes, name: str) -> None:
    """Decode, draft, and answer with the summary and the YAML document."""
    try:
        intake = decode_article(data)
    except ArticleError as error:
        await message.reply_text(f"Impossible de faire le brouillon : {html.escape(str(error))}.")
        return
    from bot.draft.build import summary_text  # on first use only
    from bot.draft.files import draft_document
    from bot.draft.links import linker_of

    index = context.services.index  # the linker is built on the first draft, then kept
    draft, rendered = await asyncio.to_thread(
        lambda: draft_document(intake.text, name, index.base, name, linker=linker_of(index))
    )
    summary = summary_text(draft)
    if intake.note:
        summary = f"Attention : {intake.note}.\n{summary}"
    await message.reply_text(html.escape(_fit(summary)))
    target = f"{Path(draft.source_id).name}.yaml"
    await message.reply_document(
        InputFile(rendered.encode("utf-8"), filename=target),
        caption=(
            f"Brouillon {target} : à relire, compléter les résumés, puis placer l'article "
            "dans seeds/ et les entrées dans content/."
        ),
    )


async def on_brouillon_elsewhere(update: Update, context: BotContext) -> None:
    """/brouillon outside a private chat, from anyone: drafts are made in private."""
    message = update.effective_message
    if message is not None:
        await message.reply_text(PRIVATE_ONLY, do_quote=True)


async def on_brouillon(update: Update, context: BotContext) -> None:
    """/brouillon [texte] (admins, private chats): draft the pasted text, or wait for it."""
    message = update.effective_message
    if message is None:
        return
    parts = (message.text or "").split(None, 1)  # « /brouillon texte » or a line break
    text = parts[1].strip() if len(parts) == 2 else ""
    if not text:
        if context.user_data is not None:
            context.user_data[AWAITING] = time.monotonic()
        await message.reply_text(ASK_TEXT)
        return
    await _reply_draft(message, context, text.encode("utf-8"), "article-colle.txt")


async def on_awaited_text(update: Update, context: BotContext) -> None:
    """The text after an admin's lone /brouillon (only admins reach /brouillon, so only they
    are awaited); any other text goes on to the gates and the features."""
    message = update.effective_message
    if message is None or context.user_data is None or AWAITING not in context.user_data:
        return
    asked = context.user_data.pop(AWAITING)
    if time.monotonic() - float(asked) > AWAIT_SECONDS:
        return
    await _reply_draft(message, context, (message.text or "").encode("utf-8"), "article-colle.txt")
    raise ApplicationHandlerStop


async def on_document(update: Update, context: BotContext) -> None:
    """A document in a private chat (admins only): a .txt article is drafted."""
    message = update.effective_message
    if message is None or message.document is None:
        return
    document = message.document
    name = document.file_name or "article.txt"
    if not name.casefold().endswith(".txt") and document.mime_type != "text/plain":
        await message.reply_text(NOT_TXT)
        return
    if document.file_size is not None and document.file_size > MAX_ARTICLE_BYTES:
        await message.reply_text(TOO_BIG)
        return
    if context.user_data is not None:
        context.user_data.pop(AWAITING, None)
    file = await document.get_file()
    data = bytes(await file.download_as_bytearray())
    log.info("Brouillon demandé pour %s (%d octets)", name, len(data))
    await _reply_draft(message, context, data, Path(name).name)


def register(application: App) -> None:
    """/brouillon and .txt documents in private chats behind the admin gate; /brouillon
    elsewhere gets « en privé » from anyone; the awaited article, before every gate, so that
    neither the flood guard nor the private-text handler ever takes it."""
    new = filters.UpdateType.MESSAGE
    private = new & filters.ChatType.PRIVATE
    gates.admin_only(application, CommandHandler("brouillon", on_brouillon, filters=private))
    application.add_handler(
        CommandHandler("brouillon", on_brouillon_elsewhere, filters=new & ~filters.ChatType.PRIVATE)
    )
    gates.admin_only(application, MessageHandler(private & filters.Document.ALL, on_document))
    application.add_handler(
        MessageHandler(private & filters.TEXT & ~filters.COMMAND, on_awaited_text),
        group=gates.BEFORE_GATES,
    )
