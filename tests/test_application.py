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
    """The awaited article first, then the admin gate and the flood gate, each alone in its
    group; then the features in group 0, subscriptions before the engine's /start, admin
    commands and documents before the private-text handler that would take them."""
    from bot.telegram import gates

    app = build_application(Settings(token=TOKEN), Index(base))
    assert sorted(app.handlers) == [gates.BEFORE_GATES, gates.ADMIN_GROUP, gates.FLOOD_GROUP, 0]
    assert [type(h) for h in app.handlers[gates.BEFORE_GATES]] == [MessageHandler]
    assert [type(h) for h in app.handlers[gates.ADMIN_GROUP]] == [gates.Gate]
    assert [type(h) for h in app.handlers[gates.FLOOD_GROUP]] == [gates.Gate]
    features = app.handlers[0]
    commands = [sorted(h.commands) for h in features if isinstance(h, CommandHandler)]
    assert commands[:5] == [["start"], ["suivre"], ["suivis"], ["arreter"], ["oublier"]]
    assert "carte" in commands[5] and "frise" in commands[5]
    assert commands[6:10] == [["publier"], ["recharger"], ["envois"], ["brouillon"]]
    engine = commands[-1]
    assert {c.name for c in COMMANDS} - {"carte", "frise"} <= set(engine) and "help" in engine
    kinds = [type(h) for h in features]
    assert kinds.index(InlineQueryHandler) < kinds.index(
        MessageHandler, kinds.index(InlineQueryHandler)
    )
    assert isinstance(features[-1], MessageHandler)  # private non-text: the hint, last
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
    """Each button family's handler takes its pattern from bot.engine.routes, matching the
    whole data (fields included); the engine's family is chosen by its prefixes; the last
    handler (no pattern) answers stale data."""
    from bot.engine import routes
    from bot.telegram.button_patterns import route_pattern

    app = build_application(Settings(token=TOKEN), Index(base))
    buttons = [h for h in app.handlers[0] if isinstance(h, CallbackQueryHandler)]
    patterns = [h.pattern for h in buttons]
    assert patterns[:4] == [
        route_pattern(routes.FOLLOW),
        route_pattern(routes.FRIEZE),
        route_pattern(routes.PREVIEW),
        route_pattern(routes.OUTBOX),
    ]
    engine = patterns[4]
    assert engine is not None and engine.match("~tl:2:") and engine.match("p:TR")
    assert not engine.match("sv:f:a:TR") and not engine.match("ob:r:1")
    assert patterns[5] is None and len(buttons) == 6
