"""Channel push end to end against the local Bot API server: exactly once, whatever happens."""

from __future__ import annotations

import asyncio
import signal
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import date
from pathlib import Path

from bot.config import Settings, parse_schedule
from bot.engine.index import Index
from bot.push.compose import compose
from bot.push.outbox import Outbox
from bot.render.html import render_html
from bot.telegram.app import build_application
from bot.telegram.gates import REFUSAL
from bot.telegram.push_bot import publish_once
from tests.fake_bot_api import ApiError, FakeBotApi
from tests.harness import (
    bot_env,
    confirm_preview,
    polling,
    press_preview,
    spawn_bot,
    wait_for_preview,
)

CHANNEL = -1001234567890
ADMIN = 42


def settings_for(api: FakeBotApi, state: Path, **extra: object) -> Settings:
    values: dict[str, object] = {
        "token": api.token,
        "api_url": api.url,
        "channel_id": CHANNEL,
        "admin_ids": frozenset({ADMIN}),
        "state_path": state,
        "push_backoff": 0.05,
    }
    values.update(extra)
    return Settings(**values)  # type: ignore[arg-type]


@asynccontextmanager
async def running(settings: Settings, index: Index) -> AsyncIterator[None]:
    """The real Application, started as `python -m bot` would; start-up jobs get time to run."""
    application = build_application(settings, index)
    async with polling(application):
        yield
        # let the start-up job (resume the outbox, announce) finish before stopping
        for _ in range(200):
            names = {job.name for job in application.job_queue.jobs()}  # type: ignore[union-attr]
            if "annonces-au-demarrage" not in names:
                break
            await asyncio.sleep(0.05)
        await asyncio.sleep(0.2)


def channel_posts(api: FakeBotApi) -> list[dict]:
    return [p for p in api.sent() if int(p["chat_id"]) == CHANNEL]


def parts_of(base, request: str) -> int:
    """How many messages the post for ``request`` takes (a long post is split)."""
    return len(render_html(compose(Index(base), request, date.today(), set()).reply, screen=None))


async def test_admin_publishes_exactly_one_post_and_gets_its_link(api, base, tmp_path):
    parts = parts_of(base, "pays Turquie")
    async with running(settings_for(api, tmp_path / "s.db"), Index(base)):
        await api.push(api.message_update("/publier pays Turquie", user_id=ADMIN))
        preview = await wait_for_preview(api, ADMIN)
        assert channel_posts(api) == []  # nothing reaches the channel before [Publier]
        await press_preview(api, ADMIN, preview)
        sent = await api.wait_for("sendMessage", 2 * parts + 2)
    posts = channel_posts(api)
    assert len(posts) == parts  # one post, in as many messages as it needs, each sent once
    assert "Turquie" in posts[0]["text"] and "<blockquote>" in posts[0]["text"]
    assert "des citations : " in posts[-1]["text"]  # each part names its sources
    answer = [p for p in sent if int(p["chat_id"]) == ADMIN][-1]
    assert "https://t.me/c/1234567890/" in answer["text"]


async def test_non_admin_gets_a_refusal_and_nothing_is_posted(api, base, tmp_path, caplog):
    async with running(settings_for(api, tmp_path / "s.db"), Index(base)):
        await api.push(api.message_update("/publier pays Turquie", user_id=43))
        sent = await api.wait_for("sendMessage")
        await asyncio.sleep(0.3)
    assert sent[0]["text"] == REFUSAL and channel_posts(api) == []
    assert any("refusé pour l'utilisateur 43" in r.getMessage() for r in caplog.records)


async def test_429_then_three_500_then_success_posts_once(api, base, tmp_path):
    settings = settings_for(api, tmp_path / "s.db")
    api.fail(
        "sendMessage",
        ApiError(429, "Too Many Requests: retry after 1", retry_after=1),
        ApiError(500, "Internal Server Error"),
        ApiError(500, "Internal Server Error"),
        ApiError(500, "Internal Server Error"),
    )
    outbox = Outbox(settings.state_path)
    post = compose(Index(base), "accord Royaume-Uni", date.today(), set())
    outcome = await publish_once(settings, outbox, post, "test:faults")
    assert outcome.sent
    assert len(channel_posts(api)) == 1
    assert len([c for c in api.calls if c.method == "!sendMessage"]) == 4
    assert outbox.pending() == [] and len(outbox.sent("test:faults")) == 1


async def test_stopped_between_recording_and_sending_posts_once_after_restart(api, base, tmp_path):
    settings = settings_for(api, tmp_path / "s.db")
    index = Index(base)
    outbox = Outbox(settings.state_path)
    post = compose(index, "pays Royaume-Uni", date.today(), set())
    # What publish() does first — then the process "dies" before sending anything.
    outbox.record("publier:crash", CHANNEL, None, render_html(post.reply, screen=None))
    outbox.close()
    assert channel_posts(api) == []
    async with running(settings, index):
        await api.wait_for("sendMessage")
    async with running(settings, index):  # a second restart must not post it again
        pass
    posts = channel_posts(api)
    assert len(posts) == 1 and "Royaume-Uni" in posts[0]["text"]


NEW_EVENT = """
  - id: test-annonce-nouvelle
    date: "2025-09-21"
    date_text: Le 21 septembre 2025
    type: forum
    actors: [AZ]
    topics: [securite]
    summary: Entrée ajoutée par le test pour vérifier l'annonce unique.
    evidence:
      - source: forum-bakou
        quote: "Le 21 septembre 2025, la capitale azerbaïdjanaise Bakou a ouvert les portes"
"""


async def test_new_entries_are_announced_exactly_once_across_restarts(api, copy, tmp_path):
    settings = settings_for(api, tmp_path / "s.db")
    async with running(settings, Index(copy.load())):
        pass  # first deployment: the baseline, nothing posted
    assert channel_posts(api) == []
    events = copy.content / "events.yaml"
    events.write_text(events.read_text(encoding="utf-8") + NEW_EVENT, encoding="utf-8")
    for _restart in range(2):
        async with running(settings, Index(copy.load())):
            pass
    posts = channel_posts(api)
    assert len(posts) == 1
    assert "Entrée ajoutée par le test" in posts[0]["text"] and "Nouveau" in posts[0]["text"]


async def test_first_deployment_can_announce_everything_when_asked(api, base, tmp_path):
    settings = settings_for(api, tmp_path / "s.db", announce_existing=True)
    async with running(settings, Index(base)):
        await api.wait_for("sendMessage")
    posts = channel_posts(api)
    assert posts and all(len(p["text"]) <= 4096 for p in posts)
    assert "nouveaux faits" in posts[0]["text"]


async def test_posts_carry_the_thread_id(api, base, tmp_path):
    settings = settings_for(api, tmp_path / "s.db", channel_thread_id=12)
    async with running(settings, Index(base)):
        await api.push(api.message_update("/publier timeline 2026", user_id=ADMIN))
        await confirm_preview(api, ADMIN)
        await api.wait_for("sendMessage", 4)
    posts = channel_posts(api)
    assert len(posts) == 1 and int(posts[0]["message_thread_id"]) == 12


async def test_long_posts_are_split_within_the_limit(api, base, tmp_path):
    index = Index(base)
    expected = len(render_html(compose(index, "timeline", date.today(), set()).reply, screen=None))
    assert expected >= 2  # the whole timeline does not fit in one message
    async with running(settings_for(api, tmp_path / "s.db"), index):
        await api.push(api.message_update("/publier timeline", user_id=ADMIN))
        await confirm_preview(api, ADMIN)
        await api.wait_for("sendMessage", 2 * expected + 2)
    posts = channel_posts(api)
    assert len(posts) == expected and all(len(p["text"]) <= 4096 for p in posts)


async def test_permanent_error_fails_the_post_alerts_admins_and_lets_later_posts_pass(
    api, base, tmp_path
):
    settings = settings_for(api, tmp_path / "s.db")
    api.fail("sendMessage", ApiError(400, "Bad Request: chat not found"))
    outbox = Outbox(settings.state_path)
    index = Index(base)
    post = compose(index, "pays Turquie", date.today(), set())
    parts = len(render_html(post.reply, screen=None))
    first = await publish_once(settings, outbox, post, "test:blocked")
    assert first.status == "failed" and "chat not found" in (first.error or "").lower()
    alert = [p for p in api.sent() if int(p["chat_id"]) == ADMIN]
    assert len(alert) == 1 and "en échec" in alert[0]["text"]
    buttons = alert[0]["reply_markup"]["inline_keyboard"][0]
    assert [b["text"] for b in buttons] == ["Republier", "Abandonner"]
    assert channel_posts(api) == []
    # the failed post no longer blocks the queue: the next one goes out at once
    later = compose(index, "accord paix", date.today(), set())
    later_parts = len(render_html(later.reply, screen=None))
    outbox = Outbox(settings.state_path)
    assert (await publish_once(settings, outbox, later, "test:later")).sent
    assert len(channel_posts(api)) == later_parts
    # an admin fixes the cause and asks for it again: it goes out, once
    outbox = Outbox(settings.state_path)
    failed = [i for i in outbox.open_items() if i.status == "failed"]
    assert [i.post for i in failed] == ["test:blocked"]
    assert outbox.retry(failed[0].id) == 1
    again = await publish_once(settings, outbox, post, "test:blocked")
    assert again.sent and len(channel_posts(api)) == later_parts + parts
    assert len([p for p in api.sent() if int(p["chat_id"]) == ADMIN]) == 1  # told once


async def test_digest_is_scheduled_at_every_start(api, base, tmp_path):
    settings = settings_for(api, tmp_path / "s.db", digest=parse_schedule("lundi 09:00"))
    application = build_application(settings, Index(base))
    await application.initialize()
    assert application.post_init is not None and application.job_queue is not None
    await application.post_init(application)
    await application.start()
    try:
        jobs = {job.name: job for job in application.job_queue.jobs()}
        assert {"annonces-au-demarrage", "reprise", "digest"} <= set(jobs)
        next_run = jobs["digest"].next_t
        assert next_run is not None
        local = next_run.astimezone(settings_tz(settings))
        assert (local.weekday(), local.hour, local.minute) == (0, 9, 0)
    finally:
        await application.stop()
        await application.shutdown()


def settings_tz(settings: Settings):
    from zoneinfo import ZoneInfo

    return ZoneInfo(settings.timezone)


async def test_cli_push_shares_the_outbox_and_dry_run_sends_nothing(api, tmp_path):
    state = tmp_path / "etat.sqlite3"
    env = bot_env(api, TELEGRAM_CHANNEL_ID=str(CHANNEL), BOT_STATE_PATH=str(state))
    dry = await spawn_bot("push", "--dry-run", "pays", "Turquie", env=env)
    out, _err = await dry.communicate()
    assert (
        dry.returncode == 0 and "TURQUIE" in out.decode() and "rien n'a été envoyé" in out.decode()
    )
    assert not state.exists() and api.sent() == []
    real = await spawn_bot("push", "accord", "paix", env=env)
    out, err = await real.communicate()
    assert real.returncode == 0, err.decode()
    assert len(channel_posts(api)) == 1 and state.exists()
    assert len(Outbox(state).sent()) == 1


async def test_sigterm_during_a_back_off_stops_promptly_and_keeps_the_post(api, tmp_path):
    state = tmp_path / "etat.sqlite3"
    outbox = Outbox(state)
    outbox.record("file:0", CHANNEL, None, ["Publication en attente"])
    outbox.close()
    api.fail("sendMessage", *[ApiError(500, "Internal Server Error") for _ in range(8)])
    env = bot_env(api, TELEGRAM_CHANNEL_ID=str(CHANNEL), BOT_STATE_PATH=str(state))
    process = await spawn_bot("run", env=env)
    try:
        await api.wait_for("!sendMessage", 2, timeout=30)  # now waiting in its back-off
    finally:
        process.send_signal(signal.SIGTERM)
        _out, err = await asyncio.wait_for(process.communicate(), 20)  # back-offs total 31 s
    assert process.returncode == 0, err.decode()
    assert "never awaited" not in err.decode() and "Traceback" not in err.decode()
    assert [i.status for i in Outbox(state).open_items()] == ["pending"]  # sent at next start
