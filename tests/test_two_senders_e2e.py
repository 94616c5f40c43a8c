"""Two real processes drain one state file under injected faults: never twice, never lost."""

from __future__ import annotations

import asyncio
from collections import Counter

from bot.push.outbox import Outbox
from tests.conftest import state_env
from tests.fake_bot_api import ApiError, Lost, Slow
from tests.harness import bot_env, spawn_bot

CHANNEL = -1001234567890
ADMIN = 42
BACKLOG = 8


async def test_two_processes_share_the_outbox_and_post_each_message_at_most_once(api, state):
    outbox = Outbox(state)
    for number in range(BACKLOG):  # posts recorded earlier (by /publier, a reload…)
        outbox.record(f"file:{number}", CHANNEL, None, [f"Publication en file n° {number}"])
    outbox.close()
    api.fail(
        "sendMessage",
        ApiError(400, "Bad Request: chat not found"),  # the head of the queue is refused
        Slow(0.3),
        ApiError(500, "Internal Server Error"),
        Slow(0.2),
        ApiError(429, "Too Many Requests: retry after 1", retry_after=1),
        Lost(),  # processed by Telegram, answer lost
        Slow(0.4),
        ApiError(502, "Bad Gateway"),
        Slow(0.05),
        Slow(0.4),
        Slow(0.3),
    )
    env = bot_env(
        api,
        TELEGRAM_CHANNEL_ID=str(CHANNEL),
        **state_env(state),
        BOT_ADMIN_IDS=str(ADMIN),
    )
    first, second = await asyncio.gather(
        spawn_bot("push", "accord", "paix", env=env),
        spawn_bot("push", "pays", "Turquie", env=env),
    )
    outputs = await asyncio.wait_for(asyncio.gather(first.communicate(), second.communicate()), 120)
    for process, (_out, err) in zip((first, second), outputs, strict=True):
        assert process.returncode in (0, 1), err.decode()
        assert api.token not in err.decode()

    posted = Counter(p["text"] for p in api.sent() if int(p["chat_id"]) == CHANNEL)
    assert posted and max(posted.values()) == 1, posted  # never twice
    outbox = Outbox(state)
    rows = outbox._select("1 = 1")
    assert [r.post for r in rows[:BACKLOG]] == [f"file:{n}" for n in range(BACKLOG)]
    assert len({r.post for r in rows[BACKLOG:]}) == 2  # one post per process (maybe in parts)
    states = Counter(row.status for row in rows)
    assert states["failed"] == 1 and states["uncertain"] == 1, states
    settled = {(r.post, r.part): r.status for r in rows}
    for row in rows:
        count = posted[row.text]
        if row.status == "sent":
            assert count == 1 and row.message_id is not None
        elif row.status == "failed":
            assert count == 0 and "chat not found" in (row.last_error or "").lower()
        elif row.status == "uncertain":  # the lost answer: posted once, flagged, not re-sent
            assert count == 1 and "peut-être" in (row.last_error or "")
        else:  # only a later part of a post held by a failed or uncertain part may wait
            assert row.status == "pending" and count == 0, row
            earlier = [settled[(row.post, part)] for part in range(row.part)]
            assert {"failed", "uncertain"} & set(earlier), row
    assert outbox.get(1) is not None and outbox.get(1).status == "failed"  # the head
    alerts = [p["text"] for p in api.sent() if int(p["chat_id"]) == ADMIN]
    assert len(alerts) == 2  # one per problem post, whichever process saw it
    assert any("incertaine" in a for a in alerts) and any("en échec" in a for a in alerts)
