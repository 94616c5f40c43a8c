"""Webhook mode: a small tornado server that checks the secret before reading any body.

python-telegram-bot's own webhook server reads the whole body (up to tornado's 100 MB) before
looking at the secret header; this one answers 403 from the headers alone, refuses bodies
over ``MAX_BODY`` (413) and listens on the configured address (WEBHOOK_LISTEN).
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import json
import logging
import signal
from types import TracebackType
from typing import Any

import tornado.web
from telegram import Update
from tornado.httpserver import HTTPServer
from tornado.netutil import bind_sockets

from bot.config import Settings
from bot.telegram.context import App
from bot.telegram.updates import ALLOWED_UPDATES, RecentIds

log = logging.getLogger(__name__)
MAX_BODY = 1_000_000
"""Bytes accepted in one update (Telegram's are a few kilobytes)."""
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
REDELIVERY_WINDOW = 10_000
"""Update ids remembered to answer each once: Telegram redelivers an update it got no answer
for in time, and ids only grow, so the last 10,000 cover hours of traffic."""


@tornado.web.stream_request_body
class UpdateHandler(tornado.web.RequestHandler):
    """POST <path>: one update, JSON, with the secret header."""

    SUPPORTED_METHODS = ("POST",)

    def initialize(self, secret: str, bot_app: App, seen: RecentIds) -> None:
        self.secret = secret
        self.application_ptb = bot_app
        self.seen = seen
        self.chunks: list[bytes] = []
        self.size = 0

    def prepare(self) -> None:
        """Headers only: the secret, then the announced size; the body is not read yet."""
        given = self.request.headers.get(SECRET_HEADER, "")
        if not hmac.compare_digest(given.encode(), self.secret.encode()):
            raise tornado.web.HTTPError(403)
        length = self.request.headers.get("Content-Length", "")
        if not length.isascii() or not length.isdigit() or int(length) > MAX_BODY:
            raise tornado.web.HTTPError(413)

    def data_received(self, chunk: bytes) -> None:
        self.size += len(chunk)
        if self.size > MAX_BODY:
            raise tornado.web.HTTPError(413)
        self.chunks.append(chunk)

    async def post(self) -> None:
        try:
            data = json.loads(b"".join(self.chunks))
        except ValueError:
            data = None
        update_id = data.get("update_id") if isinstance(data, dict) else None
        if not isinstance(update_id, int):
            log.warning("Webhook : corps illisible refusé")
            raise tornado.web.HTTPError(400)
        if not self.seen.first_time(update_id):  # Telegram redelivers after a timeout
            log.info("Webhook : mise à jour %d déjà reçue, ignorée", update_id)
            self.finish()
            return
        try:
            update = Update.de_json(data, self.application_ptb.bot)
        except Exception as error:  # answered 200: Telegram must not send it again
            log.warning("Mise à jour %d illisible (%s) : ignorée", update_id, type(error).__name__)
            self.finish()
            return
        await self.application_ptb.update_queue.put(update)
        self.set_status(200)
        self.finish()

    def log_exception(
        self,
        typ: type[BaseException] | None,
        value: BaseException | None,
        _tb: TracebackType | None,
    ) -> None:
        if not isinstance(value, tornado.web.HTTPError):
            log.error("Webhook : erreur %s", typ.__name__ if typ else "?")


class _Quiet(tornado.web.Application):
    def log_request(self, handler: tornado.web.RequestHandler) -> None:
        """No access log: request lines carry nothing useful and cost time."""


def webhook_server(path: str, secret: str, application: App) -> HTTPServer:
    """The HTTP server for ``/<path>`` (not yet listening)."""
    routes: list[Any] = [
        (
            rf"/{path.strip('/')}/?",
            UpdateHandler,
            {"secret": secret, "bot_app": application, "seen": RecentIds(REDELIVERY_WINDOW)},
        )
    ]
    return HTTPServer(_Quiet(routes), max_body_size=MAX_BODY, max_header_size=16_384)


def listen(server: HTTPServer, address: str, port: int) -> int:
    """Start listening; return the port (useful when ``port`` is 0)."""
    sockets = bind_sockets(port, address=address)
    server.add_sockets(sockets)
    return int(sockets[0].getsockname()[1])


async def serve_webhook(application: App, settings: Settings) -> None:
    """Run the bot in webhook mode until SIGTERM or SIGINT, then stop cleanly."""
    secret = settings.webhook_secret.get_secret_value() if settings.webhook_secret else ""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    await application.initialize()
    server = webhook_server(settings.webhook_path, secret, application)
    try:
        if application.post_init is not None:
            await application.post_init(application)

        def request_stop() -> None:
            found = application.bot_data.started
            if found is not None and found.pusher is not None:
                found.pusher.stop()
            stop.set()

        for signum in (signal.SIGTERM, signal.SIGINT):
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                loop.add_signal_handler(signum, request_stop)
        listen(server, settings.listen, settings.port)
        await application.bot.set_webhook(
            url=settings.webhook_url or "",
            secret_token=secret,
            allowed_updates=ALLOWED_UPDATES,
        )
        await application.start()
        log.info("Webhook à l'écoute sur %s:%d", settings.listen, settings.port)
        await stop.wait()
        log.info("Arrêt demandé")
    finally:
        server.stop()
        await server.close_all_connections()
        if application.running:
            await application.stop()
            if application.post_stop is not None:
                await application.post_stop(application)
        await application.shutdown()
        if application.post_shutdown is not None:
            await application.post_shutdown(application)


def run_webhook(application: App, settings: Settings) -> None:
    asyncio.run(serve_webhook(application, settings))
