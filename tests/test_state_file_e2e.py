"""A broken or locked state file never stops the bot from answering."""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from collections.abc import Callable

from bot.config import Settings
from bot.engine.index import Index
from bot.telegram.app import build_application
from tests.conftest import state_settings
from tests.harness import polling, press_preview, wait_for_preview

ADMIN = 42
CHANNEL = -1001234567890


def settings_for(api, state) -> Settings:
    return Settings(
        token=api.token,
        api_url=api.url,
        channel_id=CHANNEL,
        admin_ids=frozenset({ADMIN}),
        push_backoff=0.05,
        **state_settings(state),  # type: ignore[arg-type]
    )


async def start_up_done(application) -> None:
    """Wait until the start-up jobs (resume, first-deployment baseline; the subscribers'
    alert pass, which lists its candidates in a thread first) have run."""
    for _ in range(200):
        names = {job.name for job in application.job_queue.jobs()}
        if not names & {"annonces-au-demarrage", "alertes-au-demarrage"}:
            break
        await asyncio.sleep(0.05)
    await asyncio.sleep(0.1)


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


def hold_write_lock(state):
    """Another program's connection holding the state's write lock: SQLite's exclusive
    transaction, or the advisory lock every PostgreSQL write transaction of the bot takes."""
    if isinstance(state, str):
        import psycopg

        from bot.push.database import LOCKS

        locker = psycopg.connect(state.replace("postgres://", "postgresql://", 1), autocommit=True)
        locker.execute("SELECT pg_advisory_lock(%s)", (LOCKS["state"],))
        return locker
    locker = sqlite3.connect(state, isolation_level=None)
    locker.execute("BEGIN EXCLUSIVE")
    return locker


async def settle(done: Callable[[], bool], seconds: float = 10.0) -> None:
    """Wait until ``done()`` holds or ``seconds`` pass (the assertions then say what failed)."""
    for _ in range(int(seconds / 0.05)):
        if done():
            return
        await asyncio.sleep(0.05)


async def test_a_locked_state_file_does_not_freeze_answers_to_users(api, base, state):
    application = build_application(settings_for(api, state), Index(base))
    async with polling(application):
        await start_up_done(application)  # first deployment: baseline, nothing posted
        await api.push(api.message_update("/publier pays Turquie", user_id=ADMIN))
        preview = await wait_for_preview(api, ADMIN)
        locker = hold_write_lock(state)  # another program holds the write lock
        try:
            await press_preview(api, ADMIN, preview)
            await asyncio.sleep(0.2)  # the confirmed publication now waits for the lock
            await api.push(api.message_update("/pays Turquie", user_id=7))
            await settle(lambda: bool(texts_to(api, 7)))
            # the user got the answer while the publication still waits for the lock
            assert texts_to(api, 7) and texts_to(api, CHANNEL) == []
            assert not any("Publié" in text for text in texts_to(api, ADMIN))
        finally:
            locker.close()  # SQLite rolls back; PostgreSQL ends the session and its lock
        await settle(lambda: any("Publié" in text for text in texts_to(api, ADMIN)))
    posts = texts_to(api, CHANNEL)
    assert posts and "Turquie" in posts[0] and "Publié" in texts_to(api, ADMIN)[-1]
    assert len(posts) == len(set(posts))  # each message of the post once


async def test_a_rate_limit_on_the_channel_does_not_hold_up_answers(api, base, state):
    from tests.fake_bot_api import ApiError

    application = build_application(settings_for(api, state), Index(base))
    async with polling(application):
        await start_up_done(application)
        await api.push(api.message_update("/publier accord paix", user_id=ADMIN))
        preview = await wait_for_preview(api, ADMIN)
        api.fail("sendMessage", ApiError(429, "Too Many Requests: retry after 3", retry_after=3))
        await press_preview(api, ADMIN, preview)
        await api.wait_for("!sendMessage")  # the channel post now waits 3 s
        await api.push(api.message_update("/sources", user_id=7))
        await settle(lambda: bool(texts_to(api, 7)))
        assert texts_to(api, 7) and texts_to(api, CHANNEL) == []  # answered meanwhile
        await settle(lambda: any("Publié" in text for text in texts_to(api, ADMIN)))
    posts = texts_to(api, CHANNEL)
    assert posts and "paix" in posts[0] and "Publié" in texts_to(api, ADMIN)[-1]
    assert len(posts) == len(set(posts))  # each message of the post once


async def test_a_lock_at_start_turns_things_off_only_until_the_file_is_free(
    api, base, tmp_path, monkeypatch
):
    from bot.push import database
    from bot.push.outbox import Outbox
    from bot.telegram import state as state_module

    monkeypatch.setattr(state_module, "RETRY", 0.5)
    monkeypatch.setattr(
        database, "LOCK_TIMEOUT_MS", 1000
    )  # each open waits 1 s, not 5, then gives up
    path = tmp_path / "etat.sqlite3"
    Outbox(path).close()
    locker = sqlite3.connect(path, isolation_level=None)
    locker.execute("BEGIN IMMEDIATE")  # another program holds the write lock at start
    try:
        application = build_application(settings_for(api, path), Index(base))
        async with polling(application):
            await api.push(api.message_update("/suivre Turquie", user_id=7))
            await settle(lambda: bool(texts_to(api, 7)))
            off = texts_to(api, 7)[0]
            locker.execute("ROLLBACK")
            await settle(lambda: any("rétablis" in t for t in texts_to(api, ADMIN)), 20)
            await api.push(api.message_update("/suivre Turquie", user_id=7))
            await settle(lambda: len(texts_to(api, 7)) == 2)
            await api.push(api.message_update("/publier pays Turquie", user_id=ADMIN))
            await wait_for_preview(api, ADMIN)
    finally:
        locker.close()
    assert off == state_module.SUBSCRIPTIONS_UNAVAILABLE
    assert str(tmp_path) not in off and "locked" not in off
    assert "désactivée" in texts_to(api, ADMIN)[0]
    notice = next(t for t in texts_to(api, ADMIN) if "rétablis" in t)
    assert "publication dans le canal" in notice and "abonnements" in notice
    assert "désormais" in texts_to(api, 7)[1]


async def test_a_lock_during_a_subscription_gets_a_french_unavailable_not_an_apology(
    api, base, tmp_path, caplog, monkeypatch
):
    from bot.push import database
    from bot.telegram.state import SUBSCRIPTIONS_BUSY

    monkeypatch.setattr(database, "LOCK_TIMEOUT_MS", 1000)  # the subscription waits 1 s, not 5
    path = tmp_path / "etat.sqlite3"
    application = build_application(settings_for(api, path), Index(base))
    async with polling(application):
        await start_up_done(application)
        locker = sqlite3.connect(path, isolation_level=None)
        locker.execute("BEGIN IMMEDIATE")
        try:
            await api.push(api.message_update("/suivre Turquie", user_id=8))
            await settle(lambda: bool(texts_to(api, 8)), 15)
        finally:
            locker.execute("ROLLBACK")
            locker.close()
    assert texts_to(api, 8) == [SUBSCRIPTIONS_BUSY]
    assert not any(r.exc_info for r in caplog.records if r.levelno >= logging.WARNING)


async def test_a_job_meeting_a_passing_lock_tries_again_and_turns_nothing_off(monkeypatch):
    from types import SimpleNamespace

    from bot.telegram import jobs

    monkeypatch.setattr(jobs, "LOCK_PAUSE", 0.01)
    calls: list[int] = []

    async def work(_pusher: object) -> None:
        calls.append(1)
        if len(calls) == 1:
            raise sqlite3.OperationalError("database is locked")

    found = SimpleNamespace(pusher=object(), publishing_off=None, settings=None)
    await jobs._guarded(found, work)  # type: ignore[arg-type]
    assert calls == [1, 1] and found.publishing_off is None
