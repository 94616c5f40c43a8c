"""Build the Application: configuration, defaults, and every handler in one ordered place."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from pathlib import Path
from zoneinfo import ZoneInfo

from telegram import (
    BotCommand,
    BotCommandScopeAllGroupChats,
    BotCommandScopeAllPrivateChats,
    LinkPreviewOptions,
    Update,
)
from telegram.constants import ParseMode
from telegram.ext import (
    AIORateLimiter,
    Application,
    CallbackQueryHandler,
    CommandHandler,
    Defaults,
    InlineQueryHandler,
    MessageHandler,
    filters,
)

from bot.config import Settings
from bot.engine.commands import COMMANDS
from bot.engine.index import Index
from bot.paths import CONTENT_DIR, SEEDS_DIR
from bot.push.outbox import Outbox
from bot.telegram import handlers, jobs
from bot.telegram.pusher import Pusher
from bot.telegram.reload import reload_content
from bot.telegram.services import SERVICES_KEY, Services

log = logging.getLogger(__name__)

CONCURRENT_UPDATES = 4
"""Updates handled at once: answers overlap their network waits; the limiter keeps the pace."""

MENU = [BotCommand(c.name, c.summary[:256]) for c in COMMANDS if c.name != "aide"] + [
    BotCommand("aide", "l'aide et des exemples")
]


def build_application(
    settings: Settings,
    index: Index,
    content_dir: Path = CONTENT_DIR,
    seeds_dir: Path = SEEDS_DIR,
) -> Application:  # type: ignore[type-arg]
    """The bot, ready to run: Bot API root from the settings, HTML, no link previews."""
    defaults = Defaults(
        parse_mode=ParseMode.HTML,
        link_preview_options=LinkPreviewOptions(is_disabled=True),
        tzinfo=ZoneInfo(settings.timezone),
    )

    async def post_init(application: Application) -> None:  # type: ignore[type-arg]
        pusher = None
        if settings.channel_id is not None:
            pusher = Pusher(
                Outbox(settings.state_path),
                application.bot,
                settings,
                backoff=settings.push_backoff,
            )
        found = Services(index, settings, pusher, content_dir=content_dir, seeds_dir=seeds_dir)
        application.bot_data[SERVICES_KEY] = found
        _watch_sighup(application, found)
        for scope in (BotCommandScopeAllPrivateChats(), BotCommandScopeAllGroupChats()):
            await application.bot.set_my_commands(MENU, scope=scope)
        if pusher is not None and application.job_queue is not None:
            jobs.schedule(application.job_queue, settings)
        log.info("Bot @%s prêt", application.bot.username)

    async def post_shutdown(application: Application) -> None:  # type: ignore[type-arg]
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
            asyncio.get_running_loop().remove_signal_handler(signal.SIGHUP)
        found = application.bot_data.get(SERVICES_KEY)
        if isinstance(found, Services) and found.pusher is not None:
            found.pusher.outbox.close()

    builder = (
        Application.builder()
        .token(settings.token)
        .base_url(f"{settings.api_url}/bot")
        .base_file_url(f"{settings.api_url}/file/bot")
        .defaults(defaults)
        .concurrent_updates(CONCURRENT_UPDATES)
        .post_init(post_init)
        .post_shutdown(post_shutdown)
    )
    application: Application = (  # type: ignore[type-arg]
        builder.rate_limiter(
            AIORateLimiter(overall_max_rate=settings.rate_limit, max_retries=3)
        ).build()
        if settings.rate_limit > 0
        else builder.build()  # no limiter: only to benchmark the bot's own capacity
    )
    register(application)
    return application


def _watch_sighup(application: Application, found: Services) -> None:  # type: ignore[type-arg]
    """SIGHUP reloads the content, like /recharger; admins are told the outcome."""

    async def reload_and_tell() -> None:
        ok, report = await reload_content(found)
        log.info("SIGHUP : rechargement %s", "réussi" if ok else "refusé")
        for admin in sorted(found.settings.admin_ids):
            try:
                await application.bot.send_message(admin, report)
            except Exception:  # an admin who never opened the bot cannot be told
                log.warning("Impossible de prévenir l'administrateur %s", admin, exc_info=True)

    try:
        asyncio.get_running_loop().add_signal_handler(
            signal.SIGHUP, lambda: application.create_task(reload_and_tell())
        )
    except (NotImplementedError, RuntimeError, ValueError):  # not the main thread, or no SIGHUP
        log.debug("SIGHUP non disponible ici ; /recharger reste possible")


def register(application: Application) -> None:  # type: ignore[type-arg]
    """Every handler, in the order they are tried (first match wins within a group)."""
    # 1. The engine's commands, in every chat. In groups PTB only accepts "/cmd@ThisBot"
    #    or a bare "/cmd", so commands meant for another bot are ignored.
    names = [name for command in COMMANDS for name in (command.name, *command.aliases)]
    application.add_handler(CommandHandler(names, handlers.on_command))
    # 2. Admin only: /publier posts a summary to the channel (others get a refusal).
    application.add_handler(CommandHandler("publier", handlers.on_publier))
    #    /recharger validates the content again and swaps it in (admins only).
    application.add_handler(CommandHandler("recharger", handlers.on_recharger))
    # 3. Buttons: timeline pages, "vouliez-vous dire", links between cards.
    application.add_handler(CallbackQueryHandler(handlers.on_button))
    # 4. Inline mode: "@NomDuBot turquie" in any chat.
    application.add_handler(InlineQueryHandler(handlers.on_inline))
    # 5. Private chats only: unknown commands and plain text get a card or help.
    #    In groups they are ignored: no handler matches them.
    application.add_handler(
        MessageHandler(filters.ChatType.PRIVATE & filters.TEXT, handlers.on_private_text)
    )
    # 6. Errors: logged with their update; the user gets a short apology.
    application.add_error_handler(handlers.on_error)


def run(application: Application, settings: Settings) -> None:  # type: ignore[type-arg]
    """Run until stopped: webhook when WEBHOOK_URL is set, long polling otherwise."""
    if settings.webhook_url:
        application.run_webhook(
            listen="0.0.0.0",
            port=settings.port,
            url_path=settings.webhook_path,
            webhook_url=settings.webhook_url,
            secret_token=settings.webhook_secret,
            allowed_updates=Update.ALL_TYPES,
        )
    else:
        application.run_polling(allowed_updates=Update.ALL_TYPES)
