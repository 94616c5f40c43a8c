"""The error handler: a crash is logged with ids only, the user gets a short apology, and
the admins are told once per kind of crash (exception type and place in the code).

Which kinds were told is kept in memory (``BotData.crashes_told``): after a restart, each kind
is told once again. Nothing the user wrote, nor the exception's message (which may quote it),
reaches the log or the admins: the update's ids, the command's name, the exception's type
and the places in the code it went through.
"""

from __future__ import annotations

import logging
import traceback
from pathlib import Path

from telegram import Update

from bot.paths import PROJECT_ROOT
from bot.telegram.context import App, BotContext
from bot.telegram.state import tell_admins

log = logging.getLogger(__name__)
PACKAGE = Path(__file__).resolve().parent.parent
"""The ``bot`` package: a crash's place is the innermost frame there."""

APOLOGY = "Désolé, une erreur est survenue de mon côté. Réessayez dans un instant."


def command_name(update: Update) -> str:
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


def crash_kind(error: BaseException) -> str:
    """« ValueError dans bot/engine/cards.py:123 (actor_card) »: the exception's type and the
    innermost frame in the bot's own code (the last frame when none is)."""
    frames = traceback.extract_tb(error.__traceback__)
    ours = [frame for frame in frames if Path(frame.filename).is_relative_to(PACKAGE)]
    kind = type(error).__name__
    if not (ours or frames):
        return kind
    frame = (ours or frames)[-1]
    return f"{kind} dans {_shown(frame.filename)}:{frame.lineno} ({frame.name})"


def _in_project(filename: str) -> bool:
    path = Path(filename)
    return path.is_relative_to(PROJECT_ROOT) and ".venv" not in path.parts


def _shown(filename: str) -> str:
    path = Path(filename)
    return path.relative_to(PROJECT_ROOT).as_posix() if _in_project(filename) else path.name


def _frames(error: BaseException) -> str:
    """The traceback as places only (file, line, function): no source line, no message."""
    frames = traceback.extract_tb(error.__traceback__)
    return "\n".join(f"  {_shown(f.filename)}:{f.lineno} ({f.name})" for f in frames)


def admin_notice(kind: str, update_id: int | None) -> str:
    """The admins' notice of a new kind of crash, in French."""
    where = f" (mise à jour {update_id})" if update_id is not None else ""
    return (
        f"⚠️ Erreur inattendue{where} : {kind}. Détails dans le journal ; les prochaines "
        "erreurs de ce type ne seront plus signalées avant le redémarrage du bot."
    )


async def tell_once(application: App, error: BaseException, update_id: int | None) -> None:
    """Tell the admins about ``error`` when its kind is new since the bot started."""
    kind = crash_kind(error)
    told = application.bot_data.crashes_told
    found = application.bot_data.started
    if kind in told or found is None:
        return
    told.add(kind)
    await tell_admins(application, found, admin_notice(kind, update_id))


async def on_error(update: object, context: BotContext) -> None:
    """Log the failure with ids only; tell the user, briefly, in French; tell the admins once
    per kind of crash."""
    error = context.error
    if error is None:
        return
    if not isinstance(update, Update):
        log.error("Échec hors mise à jour : %s\n%s", crash_kind(error), _frames(error))
        await tell_once(context.application, error, None)
        return
    chat, user = update.effective_chat, update.effective_user
    log.error(
        "Échec du traitement : mise à jour %s, conversation %s, utilisateur %s, commande %s, "
        "erreur %s\n%s",
        update.update_id,
        chat.id if chat else "-",
        user.id if user else "-",
        command_name(update),
        crash_kind(error),
        _frames(error),
    )
    await _apologise(update)
    await tell_once(context.application, error, update.update_id)


async def _apologise(update: Update) -> None:
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


def register(application: App) -> None:
    application.add_error_handler(on_error)
