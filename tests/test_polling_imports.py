"""A bot in long polling does not import the web server python-telegram-bot would bring along
(tornado, ~2.8 MiB of its memory); a bot in webhook mode still has it."""

from __future__ import annotations

import subprocess
import sys

import pytest

import bot.telegram.app
from bot import cli
from bot.paths import PROJECT_ROOT

SCRIPT = """
import os, sys
os.environ["TELEGRAM_BOT_TOKEN"] = "123456:AAAAAAAAAAAAAAAAAAAAAAAAtest"
os.environ.pop("WEBHOOK_URL", None)
from bot import cli
cli.without_webhook_server()
from bot.config import load_settings
from bot.paths import CONTENT_DIR, SEEDS_DIR
from bot.startup import ready_index
import bot.telegram.app as app
from telegram.ext import _updater
built = app.build_application(load_settings(), ready_index(CONTENT_DIR, SEEDS_DIR))
print(sys.modules.get("tornado") is None, _updater.WEBHOOKS_AVAILABLE, built.bot is not None)
"""


@pytest.mark.e2e  # a real process: tornado must not have been imported before
def test_a_polling_bot_builds_without_importing_tornado():
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    assert done.stdout.split() == ["True", "False", "True"]


@pytest.mark.parametrize(("webhook", "skipped"), [("", True), ("https://exemple.org/hook", False)])
def test_only_a_polling_bot_leaves_the_web_server_out(monkeypatch, webhook, skipped):
    calls: list[str] = []
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "123456:AAAAAAAAAAAAAAAAAAAAAAAAtest")
    monkeypatch.setenv("WEBHOOK_SECRET", "secret-for-the-test")
    if webhook:
        monkeypatch.setenv("WEBHOOK_URL", webhook)
    else:
        monkeypatch.delenv("WEBHOOK_URL", raising=False)
    monkeypatch.setattr(cli, "without_webhook_server", lambda: calls.append("skipped"))
    monkeypatch.setattr(bot.telegram.app, "build_application", lambda *args: None)
    monkeypatch.setattr(bot.telegram.app, "run", lambda *args: calls.append("run"))
    assert cli.main(["run"]) == 0
    assert calls == (["skipped", "run"] if skipped else ["run"])
