"""A broken or locked state file never stops the bot from answering."""

from __future__ import annotations

import asyncio
import sqlite3

from bot.config import Settings
from bot.engine.index import Index
from bot.push.outbox import Outbox
from bot.telegram.app import build_application
from tests.harness import polling

ADMIN = 42
CHANNEL = -1001234567890


def settings_for(api, state) -> Settings:
    return Settings(
        token=api.token,
        api_url=api.url,
        channel_id=CHANNEL,
        admin_ids=frozenset({ADMIN}),
        state_path=state,
        push_backoff=0.05,
    )


def texts_to(api, chat: int) -> list[str]:
    return [p["text"] for p in api.sent() if int(p["chat_id"]) == chat]


async def test_a_corrupt_state_file_turns_publishing_off_and_the_bot_keeps_answering(
    api, base, tmp_path
):
    state = tmp_path / "etat.sqlite3"
    state.write_bytes(b"pas une base SQLite" * 200)
    async with polling(build_application(settings_for(api, state), Index(base))):
        notice = (await api.wait_for("sendMessage"))[0]
        assert int(notice["chat_id"]) == ADMIN and "désactivée" in notice["text"]
        await api.push(api.message_update("/pays Turquie", user_id=7))
        await api.wait_for("sendMessage", 2)
        await api.push(api.message_update("/publier pays Turquie", user_id=ADMIN))
        await api.wait_for("sendMessage", 3)
    assert "TURQUIE" in texts_to(api, 7)[0].upper()
    assert "Publication désactivée" in texts_to(api, ADMIN)[-1]


async def test_a_state_path_that_cannot_be_opened_is_reported_too(api, base, tmp_path):
    state = tmp_path / "dossier"
    state.mkdir()  # a directory where the file should be
    async with polling(build_application(settings_for(api, state), Index(base))):
        notice = (await api.wait_for("sendMessage"))[0]
        await api.push(api.message_update("/sources", user_id=7))
        await api.wait_for("sendMessage", 2)
    assert "désactivée" in notice["text"] and texts_to(api, 7)


async def test_a_locked_state_file_does_not_freeze_answers_to_users(api, base, tmp_path):
    state = tmp_path / "etat.sqlite3"
    Outbox(state).take_baseline("2026-01-01", [])  # no start-up announcements
    application = build_application(settings_for(api, state), Index(base))
    async with polling(application):
        await asyncio.sleep(0)  # let the start-up job run against the free file
        for _ in range(100):
            names = {job.name for job in application.job_queue.jobs()}
            if "annonces-au-demarrage" not in names:
                break
            await asyncio.sleep(0.05)
        locker = sqlite3.connect(state, isolation_level=None)
        locker.execute("BEGIN EXCLUSIVE")  # another program holds the write lock
        try:
            await api.push(api.message_update("/publier pays Turquie", user_id=ADMIN))
            await asyncio.sleep(0.2)  # the admin's request is now waiting for the lock
            await api.push(api.message_update("/pays Turquie", user_id=7))
            await api.wait_for("sendMessage")
            # the user got the answer while the publication still waits for the lock
            assert texts_to(api, 7) and texts_to(api, ADMIN) == []
        finally:
            locker.execute("ROLLBACK")
            locker.close()
        for _ in range(200):
            if texts_to(api, ADMIN):
                break
            await asyncio.sleep(0.05)
    assert texts_to(api, CHANNEL) and "Publié" in texts_to(api, ADMIN)[0]
