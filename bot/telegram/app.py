"""Build the Application: configuration, defaults, and every handler in one ordered place."""

from __future__ import annotations

import logging
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
from bot.telegram import handlers
from bot.telegram.services import SERVICES_KEY, Services

log = logging.getLogger(__name__)

MENU = [BotCommand(c.name, c.summary[:256]) for c in COMMANDS if c.name != "aide"] + [
    BotCommand("aide", "l'aide et des exemples")
]


def build_application(settings: Settings, index: Index) -> Application:  # type: ignore[type-arg]
    """The bot, ready to run: Bot API root from the settings, HTML, no link previews."""
    defaults = Defaults(
        parse_mode=ParseMode.HTML,
        link_preview_options=LinkPreviewOptions(is_disabled=True),
        tzinfo=ZoneInfo(settings.timezone),
    )
    services = Services(index=index, settings=settings)

    async def post_init(application: Application) -> None:  # type: ignore[type-arg]
        application.bot_data[SERVICES_KEY] = services
        for scope in (BotCommandScopeAllPrivateChats(), BotCommandScopeAllGroupChats()):
            await application.bot.set_my_commands(MENU, scope=scope)
        log.info("Bot @%s prêt", application.bot.username)

    application = (
        Application.builder()
        .token(settings.token)
        .base_url(f"{settings.api_url}/bot")
        .base_file_url(f"{settings.api_url}/file/bot")
        .defaults(defaults)
        .rate_limiter(AIORateLimiter(max_retries=3))
        .post_init(post_init)
        .build()
    )
    register(application)
    return application


def register(application: Application) -> None:  # type: ignore[type-arg]
    """Every handler, in the order they are tried (first match wins within a group)."""
    # 1. The engine's commands, in every chat. In groups PTB only accepts "/cmd@ThisBot"
    #    or a bare "/cmd", so commands meant for another bot are ignored.
    names = [name for command in COMMANDS for name in (command.name, *command.aliases)]
    application.add_handler(CommandHandler(names, handlers.on_command))
    # 2. Buttons: timeline pages, "vouliez-vous dire", links between cards.
    application.add_handler(CallbackQueryHandler(handlers.on_button))
    # 3. Inline mode: "@NomDuBot turquie" in any chat.
    application.add_handler(InlineQueryHandler(handlers.on_inline))
    # 4. Private chats only: unknown commands and plain text get a card or help.
    #    In groups they are ignored: no handler matches them.
    application.add_handler(
        MessageHandler(filters.ChatType.PRIVATE & filters.TEXT, handlers.on_private_text)
    )
    # 5. Errors: logged with their update; the user gets a short apology.
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
