"""Build the Application: configuration, defaults, and every feature registered in order."""

from __future__ import annotations

import asyncio
import contextlib
import html
import logging
import signal
from pathlib import Path
from zoneinfo import ZoneInfo

import httpx
from telegram import (
    BotCommand,
    BotCommandScopeAllGroupChats,
    BotCommandScopeAllPrivateChats,
    LinkPreviewOptions,
)
from telegram.constants import ParseMode
from telegram.error import InvalidToken
from telegram.ext import Application, Defaults
from telegram.request import HTTPXRequest

from bot.config import Settings, TokenRejectedError
from bot.engine.commands import COMMANDS
from bot.engine.index import Index
from bot.image.drawer import release_memory
from bot.paths import CONTENT_DIR, SEEDS_DIR
from bot.push.claims import process_name
from bot.telegram import (
    admin,
    answers,
    buttons,
    drafting,
    errors,
    follow,
    gates,
    inline,
    pictures,
    publishing,
    sender,
)
from bot.telegram.alert_jobs import close_alerts
from bot.telegram.context import CONTEXT_TYPES, App
from bot.telegram.limiter import PriorityRateLimiter
from bot.telegram.push_bot import close_pusher
from bot.telegram.reload import reload_content
from bot.telegram.services import Services
from bot.telegram.state import open_state, tell_admins
from bot.telegram.updates import ALLOWED_UPDATES, PollingRequest, UpdateQueue

log = logging.getLogger(__name__)

CONCURRENT_UPDATES = 4
"""Updates handled at once: answers overlap their network waits; the limiter keeps the pace."""
WAITING_UPDATES = 100
"""Updates fetched but not yet handled past which polling waits (plus at most one page)."""

MENU = (
    [BotCommand(c.name, c.summary[:256]) for c in COMMANDS if c.name != "aide"]
    + follow.MENU  # issue #16: /suivre, /suivis, /arreter, /oublier
    + [BotCommand("aide", "l'aide et des exemples")]
)


def build_application(
    settings: Settings,
    index: Index,
    content_dir: Path = CONTENT_DIR,
    seeds_dir: Path = SEEDS_DIR,
) -> App:
    """The bot, ready to run: Bot API root from the settings, HTML, no link previews."""
    defaults = Defaults(
        parse_mode=ParseMode.HTML,
        link_preview_options=LinkPreviewOptions(is_disabled=True),
        tzinfo=ZoneInfo(settings.timezone),
    )

    first = [index]  # handed over once: a closure holding the index would keep it alive
    # after a reload replaced it (issue 25: the replaced index is freed piece by piece)

    async def post_init(application: App) -> None:
        found = Services(
            first.pop(),
            settings,
            content_dir=content_dir,
            seeds_dir=seeds_dir,
            instance=process_name(settings.instance_name),
        )
        application.bot_data.services = found
        await open_state(application, found)  # the channel and subscriptions (issue #16)
        sender.attach(found)  # issue 27: one sender among the instances, the state watched
        await sender.tick(found, kick=False)  # sending starts with the jobs, once running
        if application.job_queue is not None:
            sender.schedule(application.job_queue, settings.sender_lease)
        _watch_signals(application, found)
        for scope in (BotCommandScopeAllPrivateChats(), BotCommandScopeAllGroupChats()):
            await application.bot.set_my_commands(MENU, scope=scope)
        log.info("Bot @%s prêt", application.bot.username)
        # the start-up's freed buffers (snapshot read, tables built) back to the system, off
        # the loop: the bot's memory at rest (issue 25)
        await asyncio.to_thread(release_memory)

    async def post_shutdown(application: App) -> None:
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGHUP, signal.SIGTERM):
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                loop.remove_signal_handler(signum)
        found = application.bot_data.started
        if found is None:  # post_init never ran
            return
        await sender.resign(found)  # issue 27: another instance takes over at once
        if found.pusher is not None:
            await close_pusher(found.pusher)
        await close_alerts(found)  # issue #16
        await found.drawer.close()  # issue 25: the picture process

    queue = UpdateQueue(in_flight=2 * CONCURRENT_UPDATES, waiting=WAITING_UPDATES)
    answering, polling = _requests(queue)
    builder = (
        Application.builder()
        .context_types(CONTEXT_TYPES)
        .token(settings.token.get_secret_value())
        .base_url(f"{settings.api_url}/bot")
        .base_file_url(f"{settings.api_url}/file/bot")
        .defaults(defaults)
        .request(answering)
        .get_updates_request(polling)
        .update_queue(queue)
        .concurrent_updates(CONCURRENT_UPDATES)
        .post_init(post_init)
        .post_shutdown(post_shutdown)
    )
    application: App = (
        builder.rate_limiter(  # answers first; alerts take what they leave (issue 25)
            PriorityRateLimiter(overall_max_rate=settings.rate_limit, max_retries=3)
        ).build()
        if settings.rate_limit > 0
        else builder.build()  # no limiter: only to benchmark the bot's own capacity
    )
    register(application)
    return application


def _requests(queue: UpdateQueue) -> tuple[HTTPXRequest, PollingRequest]:
    """PTB's two HTTP clients as its builder makes them (256 connections for answers, one for
    polling, which waits while ``queue`` is full), sharing one TLS context: each would
    otherwise read the CA bundle at start-up (~20 ms apiece)."""
    tls = httpx.create_ssl_context()
    shared = {"verify": tls}
    return (
        HTTPXRequest(connection_pool_size=256, httpx_kwargs=shared),
        PollingRequest(queue, connection_pool_size=1, httpx_kwargs=shared),
    )


def _watch_signals(application: App, found: Services) -> None:
    """SIGHUP reloads the content, like /recharger; SIGTERM stops promptly and cleanly."""

    async def reload_and_tell() -> None:
        try:
            ok, report = await reload_content(found)
        except Exception as error:  # reload_content reports its own failures; belt and braces
            log.error("SIGHUP : rechargement impossible", exc_info=True)
            ok, report = False, f"❌ Rechargement impossible ({type(error).__name__})."
        log.info("SIGHUP : rechargement %s", "réussi" if ok else "refusé")
        await tell_admins(application, found, html.unescape(report))

    stopping = False

    def terminate() -> None:
        nonlocal stopping
        if stopping:  # a second SIGTERM while stopping: the first one is being handled
            return
        stopping = True
        log.info("SIGTERM : arrêt (les envois en cours se terminent, les attentes sont levées)")
        for pusher in (found.pusher, found.alerts):
            if pusher is not None:
                pusher.stop()
        if application.running:
            application.stop_running()
        else:  # still starting (post_init): stop as soon as it runs, never lose the signal
            asyncio.get_running_loop().create_task(stop_once_running())

    async def stop_once_running() -> None:
        while not application.running:
            await asyncio.sleep(0.05)
        application.stop_running()

    loop = asyncio.get_running_loop()
    try:
        loop.add_signal_handler(signal.SIGHUP, lambda: application.create_task(reload_and_tell()))
        loop.add_signal_handler(signal.SIGTERM, terminate)
    except (NotImplementedError, RuntimeError, ValueError):  # not the main thread, or no SIGHUP
        log.debug("Signaux non disponibles ici ; /recharger reste possible")


def register(application: App) -> None:
    """Every feature, in the order PTB tries its handlers (the first match wins in a group).

    The gates come first (:mod:`bot.telegram.gates`: the admin check, then the flood guard,
    each in a group of its own before the features'). Then, in group 0: subscriptions
    (« /start suivre-… » before the engine's /start), pictures, the admins' publishing and
    commands, drafts, buttons, inline mode, and last the engine's commands and questions,
    whose private-text handler would take any command or message registered after it.
    """
    gates.install(application)
    follow.register(application)  # issue #16: /suivre, /suivis, /arreter, /oublier, sv: buttons
    pictures.register(application)  # /carte, /frise and the frieze's ◀ ▶
    publishing.register(application)  # /publier and [Publier] [Annuler]
    admin.register(application)  # /recharger, /envois and the outbox's buttons
    drafting.register(application)  # issue #14: /brouillon, .txt documents, the awaited text
    buttons.register(application)  # the engine's buttons, then stale data
    inline.register(application)  # « @NomDuBot turquie » in any chat
    answers.register(application)  # commands and questions; edited commands get a note
    errors.register(application)  # ids in the log, an apology, the admins told once per kind


def run(application: App, settings: Settings) -> None:
    """Run until stopped: webhook when WEBHOOK_URL is set, long polling otherwise.

    A token Telegram rejects raises TokenRejectedError, whose message never holds the token.
    """
    try:
        if settings.webhook_url:
            from bot.telegram.webhook import run_webhook

            run_webhook(application, settings)
        else:
            application.run_polling(allowed_updates=ALLOWED_UPDATES)
    except InvalidToken:
        raise TokenRejectedError("TELEGRAM_BOT_TOKEN refusé par Telegram") from None
