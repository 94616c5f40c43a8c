"""The Application as built: defaults, API root, and the ordered handler registry."""

from telegram.constants import ParseMode
from telegram.ext import CallbackQueryHandler, CommandHandler, InlineQueryHandler, MessageHandler

from bot.config import Settings
from bot.engine.commands import COMMANDS
from bot.engine.index import Index
from bot.paths import PROJECT_ROOT
from bot.telegram.app import MENU, build_application

TOKEN = "123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ_abc-def"


def test_application_is_configured_from_settings(base):
    app = build_application(Settings(token=TOKEN, api_url="http://127.0.0.1:9"), Index(base))
    assert app.bot.base_url == f"http://127.0.0.1:9/bot{TOKEN}"
    defaults = app.bot.defaults
    assert defaults is not None and defaults.parse_mode == ParseMode.HTML
    assert defaults.link_preview_options is not None
    assert defaults.link_preview_options.is_disabled is True
    assert str(defaults.tzinfo) == "Europe/Paris"
    assert app.bot.rate_limiter is not None


def test_handlers_are_registered_in_order(base):
    app = build_application(Settings(token=TOKEN), Index(base))
    # the subscription handlers (issue #16) come first: « /start suivre-… » before /start
    follow = app.handlers[0][:6]
    assert [type(h) for h in follow] == [CommandHandler] * 5 + [CallbackQueryHandler]
    assert [h.commands for h in follow[:5]] == [
        frozenset({name}) for name in ("start", "suivre", "suivis", "arreter", "oublier")
    ]
    handlers = app.handlers[0][6:]
    kinds = [type(handler) for handler in handlers]
    assert kinds == [
        CommandHandler,
        CommandHandler,
        CommandHandler,
        CommandHandler,
        MessageHandler,
        CallbackQueryHandler,
        CallbackQueryHandler,
        CallbackQueryHandler,
        InlineQueryHandler,
        CommandHandler,  # /brouillon (drafts, issue #14)
        MessageHandler,  # .txt documents in private chats, before the generic private text
        MessageHandler,
        MessageHandler,
        MessageHandler,
    ]
    assert handlers[9].commands == frozenset({"brouillon"})
    assert [type(handler) for handler in app.handlers[-1]] == [MessageHandler]  # awaited text
    assert handlers[1].commands == frozenset({"publier"})
    assert handlers[2].commands == frozenset({"recharger"})
    assert handlers[3].commands == frozenset({"envois"})
    commands = handlers[0].commands
    assert {c.name for c in COMMANDS} <= commands and "help" in commands
    assert app.error_handlers


def test_menu_is_in_french_and_valid():
    names = [command.command for command in MENU]
    assert len(names) == len(set(names))
    assert all(command.description and len(command.description) <= 256 for command in MENU)


def test_procfile_has_worker_and_documents_web():
    procfile = (PROJECT_ROOT / "Procfile").read_text(encoding="utf-8")
    assert "worker: python -m bot run" in procfile
    assert "# web: python -m bot run" in procfile


def test_button_handlers_are_chosen_by_the_route_table(base):
    """Each adapter's button handler takes its pattern from bot.engine.routes; the last one
    (the engine's buttons) has none and reads the data through routes.parse."""
    from bot.engine import routes

    app = build_application(Settings(token=TOKEN), Index(base))
    buttons = [h for h in app.handlers[0] if isinstance(h, CallbackQueryHandler)]
    patterns = [h.pattern.pattern if h.pattern is not None else None for h in buttons]
    assert patterns == [
        routes.FOLLOW.pattern,
        routes.OUTBOX.pattern,
        routes.PREVIEW.pattern,
        None,
    ]
