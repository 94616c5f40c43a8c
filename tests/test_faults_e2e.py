"""Bot API faults injected by the local server: the bot recovers, loses nothing, never doubles."""

from __future__ import annotations

import asyncio
import logging
from datetime import date

from bot.config import Settings
from bot.engine.index import Index
from bot.push.compose import compose
from bot.push.outbox import Outbox
from bot.telegram.app import build_application
from bot.telegram.errors import APOLOGY
from bot.telegram.push_bot import publish_once
from tests.fake_bot_api import ApiError, Drop, Lost, Slow
from tests.harness import polling

NAMES = ["Géorgie", "Grèce", "Hongrie", "Norvège", "Portugal", "Espagne"]


async def test_polling_recovers_and_never_sends_a_reply_twice(api, base):
    api.fail(
        "getUpdates",
        ApiError(500, "Internal Server Error"),
        Drop(),
        ApiError(429, "Too Many Requests: retry after 1", retry_after=1),
        Slow(0.5),
        ApiError(502, "Bad Gateway"),
    )
    # A 500 is an answer (nothing posted): retried. A dropped connection may have been
    # processed: not re-sent; the user gets the apology instead.
    api.fail("sendMessage", ApiError(500, "Internal Server Error"), Drop(), Slow(0.3))
    for name in NAMES:
        await api.push(api.message_update(f"/pays {name}"))
    application = build_application(Settings(token=api.token, api_url=api.url), Index(base))
    async with polling(application):
        await api.wait_for("sendMessage", len(NAMES), timeout=60)
        # more updates after the storm, to prove polling is alive
        await api.push(api.message_update("/pays Suède"))
        await api.wait_for("sendMessage", len(NAMES) + 1, timeout=30)
        await asyncio.sleep(1.5)  # time for any duplicate to show up
    texts = [sent["text"] for sent in api.sent()]
    dropped = [c.params["text"] for c in api.calls if c.method == "!sendMessage"]
    assert len(dropped) == 2  # the 500 and the drop
    answered = {}
    for name in [*NAMES, "Suède"]:
        answered[name] = [t for t in texts if name.upper() in t.upper().split("\n")[0]]
        assert len(answered[name]) <= 1, (name, len(answered[name]))
    assert texts.count(APOLOGY) == 1
    assert sum(len(found) for found in answered.values()) == len(NAMES)  # all but the dropped
    failed = {call.method for call in api.calls if call.method.startswith("!")}
    assert {"!getUpdates", "!sendMessage"} <= failed  # the faults really happened


async def test_channel_post_survives_5xx_and_slowness_exactly_once(api, base, tmp_path):
    settings = Settings(
        token=api.token,
        api_url=api.url,
        channel_id=-1001,
        state_path=tmp_path / "s.db",
        push_backoff=0.05,
    )
    api.fail("sendMessage", ApiError(503, "Service Unavailable"), Slow(0.5))
    outbox = Outbox(settings.state_path)
    post = compose(Index(base), "pays Géorgie", date.today(), set())
    outcome = await publish_once(settings, outbox, post, "faults:post")
    assert outcome.sent
    posts = [p for p in api.sent() if int(p["chat_id"]) == -1001]
    assert len(posts) == 1 and len(outbox.sent("faults:post")) == 1


async def test_a_post_whose_answer_is_lost_is_uncertain_and_never_sent_again(api, base, tmp_path):
    settings = Settings(
        token=api.token,
        api_url=api.url,
        channel_id=-1001,
        admin_ids=frozenset({42}),
        state_path=tmp_path / "s.db",
        push_backoff=0.05,
    )
    api.fail("sendMessage", Lost())  # Telegram posted it, the answer never came back
    outbox = Outbox(settings.state_path)
    index = Index(base)
    post = compose(index, "pays Turquie", date.today(), set())
    outcome = await publish_once(settings, outbox, post, "faults:lost")
    assert outcome.status == "uncertain" and "peut-être" in (outcome.error or "")
    posted = [p for p in api.sent() if int(p["chat_id"]) == -1001]
    assert len(posted) == 1  # once, by the lost request
    alert = [p for p in api.sent() if int(p["chat_id"]) == 42]
    assert len(alert) == 1 and "incertaine" in alert[0]["text"]
    assert alert[0]["reply_markup"]["inline_keyboard"][0][0]["callback_data"].startswith("ob:r:")
    # later drains (the next post, a restart) never send it again
    later = compose(index, "accord paix", date.today(), set())
    assert (await publish_once(settings, Outbox(settings.state_path), later, "faults:next")).sent
    posted = [p for p in api.sent() if int(p["chat_id"]) == -1001]
    assert len(posted) == 2 and "TURQUIE" not in posted[1]["text"].upper().split("\n")[0]
    left = Outbox(settings.state_path).open_items()
    assert left[0].status == "uncertain" and left[0].part == 0
    # a long post's later parts wait for an admin's decision, unsent
    assert all(i.post == "faults:lost" and i.status == "pending" for i in left[1:])


async def test_a_timed_out_poll_is_retried_and_nothing_is_lost_or_doubled(api, base, caplog):
    # getUpdates answers after the client's read timeout (poll timeout 1 s + 5 s): TimedOut.
    caplog.set_level(logging.DEBUG, logger="telegram.ext")
    api.fail("getUpdates", Slow(7.0))
    application = build_application(Settings(token=api.token, api_url=api.url), Index(base))
    async with polling(application):
        await api.push(api.message_update("/pays Géorgie"))
        await api.push(api.message_update("/pays Grèce"))
        await api.wait_for("sendMessage", 2, timeout=40)
        await asyncio.sleep(1.0)
    assert any("Timed out" in record.getMessage() for record in caplog.records)
    texts = [sent["text"].split("\n")[0] for sent in api.sent()]
    assert len(texts) == 2
    assert any("Géorgie" in t for t in texts) and any("Grèce" in t for t in texts)
