"""Shared test helpers: run the real Application against the fake server; check sendability."""

from __future__ import annotations

import asyncio
import json
import os
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from telegram.ext import Application

from bot.engine.reply import Reply
from bot.paths import PROJECT_ROOT
from bot.render.html import MESSAGE_LIMIT, render_html
from tests.fake_bot_api import FakeBotApi
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


def bot_env(api: FakeBotApi, **extra: str) -> dict[str, str]:
    """The process environment for `python -m bot` against the fake server."""
    env = {key: value for key, value in os.environ.items() if key != "WEBHOOK_URL"}
    env.update(TELEGRAM_BOT_TOKEN=api.token, TELEGRAM_API_URL=api.url, **extra)
    return env


async def spawn_bot(*args: str, env: dict[str, str]) -> asyncio.subprocess.Process:
    """`python -m bot <args>` as a real process, its output captured."""
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        *args,
        cwd=PROJECT_ROOT,
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )


async def wait_for_preview(api: FakeBotApi, admin: int, timeout: float = 45) -> dict[str, Any]:
    """The latest /publier preview note sent to ``admin`` (the one with the buttons)."""
    for _ in range(int(timeout / 0.05)):
        previews = [
            p
            for p in api.sent()
            if int(p["chat_id"]) == admin and "pv:ok:" in json.dumps(p.get("reply_markup", ""))
        ]
        if previews:
            return previews[-1]
        await asyncio.sleep(0.05)
    raise AssertionError("aucun aperçu de publication")


async def press_preview(
    api: FakeBotApi, admin: int, preview: dict[str, Any], choice: str = "ok"
) -> None:
    """Press [Publier] (``choice="ok"``) or [Annuler] (``"no"``) under ``preview``."""
    row = preview["reply_markup"]["inline_keyboard"][0]
    data = row[0 if choice == "ok" else 1]["callback_data"]
    message = {"message_id": 999, "date": 0, "chat": {"id": admin, "type": "private"}, "text": "?"}
    await api.push(api.callback_update(data, message=message, user_id=admin))


async def confirm_preview(api: FakeBotApi, admin: int, choice: str = "ok") -> None:
    """Wait for the /publier preview, then press [Publier] (or [Annuler])."""
    await press_preview(api, admin, await wait_for_preview(api, admin), choice)
