"""A token Telegram rejects never appears on the terminal; error logs carry ids, not people."""

from __future__ import annotations

import logging

import pytest

from bot.config import Settings
from bot.engine.index import Index
from bot.telegram import answers, errors
from bot.telegram.app import build_application
from tests.harness import bot_env, polling, spawn_bot

REJECTED = "654321:REJECTED-token-abcdefghijklmnopqrstuvwxyz"


@pytest.mark.parametrize("args", [("run",), ("push", "accord", "paix")])
async def test_a_rejected_token_is_reported_in_french_without_being_shown(api, tmp_path, args):
    env = bot_env(api, TELEGRAM_CHANNEL_ID="-1001234567890", BOT_STATE_PATH=str(tmp_path / "s.db"))
    env["TELEGRAM_BOT_TOKEN"] = REJECTED
    process = await spawn_bot(*args, env=env)
    out, err = await process.communicate()
    shown = out.decode() + err.decode()
    assert process.returncode == 2, shown
    assert "refusé par Telegram" in shown
    assert REJECTED not in shown and "REJECTED-token" not in shown


async def test_handler_errors_are_logged_with_ids_and_command_only(api, base, caplog, monkeypatch):
    def broken(index, text, today=None, previous=None):
        raise RuntimeError("panne simulée")

    monkeypatch.setattr(answers, "respond_in_thread", broken)
    application = build_application(Settings(token=api.token, api_url=api.url), Index(base))
    async with polling(application):
        await api.push(api.message_update("/pays Turquie secrète", user_id=4242))
        apology = (await api.wait_for("sendMessage"))[0]
    assert apology["text"] == errors.APOLOGY
    [record] = [r for r in caplog.records if r.levelno >= logging.ERROR and "Échec" in r.msg]
    line = record.getMessage()
    assert "4242" in line and "/pays" in line
    assert "Utilisateur" not in line and "secrète" not in line and "first_name" not in line
