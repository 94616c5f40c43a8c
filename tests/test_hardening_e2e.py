"""Security and hot reload, end to end: flood guard, admin-only commands, /recharger, SIGHUP."""

from __future__ import annotations

import asyncio
import signal
from collections.abc import AsyncIterator

import pytest

from bot.config import Settings
from bot.engine.index import Index
from bot.telegram.app import build_application
from bot.telegram.gates import FLOOD_NOTICE, REFUSAL
from tests.fake_bot_api import FakeBotApi
from tests.harness import bot_env, polling, spawn_bot

ADMIN = 42
CHANNEL = -1009


@pytest.fixture
async def bot_on_copy(api, copy, tmp_path) -> AsyncIterator[tuple[FakeBotApi, object]]:
    """The bot serving a writable copy of the content, with a channel and one admin."""
    settings = Settings(
        token=api.token,
        api_url=api.url,
        admin_ids=frozenset({ADMIN}),
        channel_id=CHANNEL,
        state_path=tmp_path / "s.db",
        push_backoff=0.05,
    )
    application = build_application(settings, Index(copy.load()), copy.content, copy.seeds)
    async with polling(application):
        pusher = application.bot_data.services.pusher
        for _ in range(200):  # the start-up job takes the first-deployment baseline
            if pusher.outbox.get_meta("baseline") is not None:
                break
            await asyncio.sleep(0.05)
        yield api, copy


async def test_flood_in_a_group_gets_one_notice_then_silence(bot_on_copy):
    api, _copy = bot_on_copy
    for _ in range(8):
        await api.push(
            api.message_update("/aide", user_id=7, chat_id=-100777, chat_type="supergroup")
        )
    await api.wait_for("sendMessage", 6)
    await asyncio.sleep(0.8)
    texts = [sent["text"] for sent in api.sent() if int(sent["chat_id"]) == -100777]
    assert texts.count(FLOOD_NOTICE) == 1
    assert len(texts) == 6  # five answers, one notice, then silence
    await api.push(api.message_update("/aide", user_id=8, chat_id=-100777, chat_type="supergroup"))
    await api.wait_for("sendMessage", 7)  # another user is not silenced


async def test_recharger_is_admin_only(bot_on_copy):
    api, _copy = bot_on_copy
    await api.push(api.message_update("/recharger", user_id=43))
    assert (await api.wait_for("sendMessage"))[0]["text"] == REFUSAL


NEW_EVENT = """
  - id: rechargement-nouveau
    date: "2022"
    date_text: en 2022
    type: reunion
    actors: [AZ, otan]
    topics: [defense]
    summary: Fait ajouté à chaud par le test de rechargement.
    evidence:
      - source: otan-ots
        quote: "La Hongrie en est devenue membre observateur en 2018 et le Turkménistan en 2022."
"""


async def test_reload_refuses_bad_content_keeps_serving_then_swaps_good_content(bot_on_copy):
    api, copy = bot_on_copy
    copy.edit("events.yaml", "    actors: [HU, ots]\n", "    actors: [HU, otsx]\n")
    await api.push(api.message_update("/recharger", user_id=ADMIN))
    report = (await api.wait_for("sendMessage"))[0]["text"]
    assert "Rechargement refusé" in report
    assert (
        "content/events.yaml › entrée « hongrie-observateur-ots » › champ « actors[1] »" in report
    )
    await api.push(api.message_update("/org OTS", user_id=ADMIN))
    still = (await api.wait_for("sendMessage", 2))[1]["text"]
    assert "Organisation des États turciques" in still  # the old base still serves
    copy.edit("events.yaml", "    actors: [HU, otsx]\n", "    actors: [HU, ots]\n")
    events = copy.content / "events.yaml"
    events.write_text(events.read_text(encoding="utf-8") + NEW_EVENT, encoding="utf-8")
    await api.push(api.message_update("/recharger", user_id=ADMIN))
    sent = await api.wait_for("sendMessage", 4)
    report = next(s["text"] for s in sent if "rechargée" in s["text"])
    assert "1 annonce de nouveaux faits" in report
    announced = [s for s in api.sent() if int(s["chat_id"]) == CHANNEL]
    assert len(announced) == 1 and "ajouté à chaud" in announced[0]["text"]
    await api.push(api.message_update("/timeline 2022", user_id=ADMIN))
    sent = await api.wait_for("sendMessage", 5)
    assert "ajouté à chaud" in sent[-1]["text"]


async def test_sighup_reloads_the_running_process_and_tells_the_admins(api, copy):
    env = bot_env(api, BOT_ADMIN_IDS=str(ADMIN))
    process = await spawn_bot("--content", str(copy.content), "--seeds", str(copy.seeds), env=env)
    try:
        await api.wait_for("setMyCommands", 2, timeout=30)  # started
        facts = copy.content / "facts.yaml"
        original = facts.read_text(encoding="utf-8")
        copy.edit("facts.yaml", "  - id: kremlin-irrite\n", "  - id: menace-iran\n")
        process.send_signal(signal.SIGHUP)
        refused = (await api.wait_for("sendMessage", timeout=30))[0]
        assert int(refused["chat_id"]) == ADMIN and "Rechargement refusé" in refused["text"]
        assert "content/facts.yaml › entrée « menace-iran » › champ « id »" in refused["text"]
        assert process.returncode is None  # still running after a bad reload
        facts.write_text(original, encoding="utf-8")
        process.send_signal(signal.SIGHUP)
        accepted = (await api.wait_for("sendMessage", 2, timeout=30))[1]
        assert int(accepted["chat_id"]) == ADMIN and "Base rechargée" in accepted["text"]
    finally:
        process.send_signal(signal.SIGINT)
        await asyncio.wait_for(process.communicate(), 30)
