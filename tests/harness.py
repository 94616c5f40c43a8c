"""Shared test helpers: run the real Application against the fake server; check sendability."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from telegram.ext import Application

from bot.engine.reply import Reply
from bot.render.html import MESSAGE_LIMIT, render_html
from tests.telegram_html import html_errors


@asynccontextmanager
async def polling(application: Application[Any, Any, Any, Any, Any, Any]) -> AsyncIterator[None]:
    """Start the Application as `run_polling` does (post_init and jobs included), then stop it."""
    await application.initialize()
    assert application.post_init is not None and application.updater is not None
    await application.post_init(application)
    await application.start()
    await application.updater.start_polling(poll_interval=0.0, timeout=1)
    try:
        yield
    finally:
        await application.updater.stop()
        await application.stop()
        await application.shutdown()
        if application.post_shutdown is not None:
            await application.post_shutdown(application)


def assert_sendable(reply: Reply) -> None:
    """Telegram would accept every message of ``reply``: valid HTML, ≤ 4096, data ≤ 64 bytes."""
    messages = render_html(reply)
    assert messages
    for message in messages:
        assert 0 < len(message) <= MESSAGE_LIMIT
        assert html_errors(message) == [], message[:200]
    for row in reply.buttons:
        for button in row:
            assert len(button.data.encode("utf-8")) <= 64
