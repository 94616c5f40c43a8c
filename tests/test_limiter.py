"""The rate limiter's two lanes (issue 25): alerts use the capacity answers leave, answers
always first, Telegram's limits kept (the bot-wide bucket, then each group's)."""

from __future__ import annotations

import asyncio

from bot.config import Settings
from bot.engine.index import Index
from bot.telegram.app import build_application
from bot.telegram.limiter import PriorityRateLimiter, alert_lane, in_alert_lane


async def _send(
    limiter: PriorityRateLimiter, chat: int, label: str, order: list[str], alert: bool = False
) -> None:
    async def call() -> bool:
        order.append(label)
        return True

    async def go() -> None:
        await limiter.process_request(call, (), {}, "sendMessage", {"chat_id": chat}, None)

    if alert:
        with alert_lane():
            await go()
    else:
        await go()


async def test_alerts_wait_while_an_answer_waits_for_a_slot():
    limiter = PriorityRateLimiter(overall_max_rate=4, overall_time_period=0.2, headroom=1)
    order: list[str] = []
    answers = [asyncio.create_task(_send(limiter, 1000 + n, "réponse", order)) for n in range(12)]
    alerts = [
        asyncio.create_task(_send(limiter, 2000 + n, "alerte", order, alert=True)) for n in range(6)
    ]
    await asyncio.gather(*answers, *alerts)
    assert order == ["réponse"] * 12 + ["alerte"] * 6


async def test_alerts_leave_free_slots_for_answers_that_arrive_meanwhile():
    limiter = PriorityRateLimiter(overall_max_rate=5, overall_time_period=0.25, headroom=2)
    bucket = limiter._base_limiter
    assert bucket is not None
    free_after_each: list[bool] = []

    async def alert(chat: int) -> None:
        async def call() -> bool:
            free_after_each.append(bucket.has_capacity(2))  # two answers would go at once
            return True

        with alert_lane():
            await limiter.process_request(call, (), {}, "sendMessage", {"chat_id": chat}, None)

    await asyncio.gather(*(alert(3000 + n) for n in range(12)))
    assert len(free_after_each) == 12 and all(free_after_each)
    assert limiter.waiting_answers == 0


async def test_a_group_at_its_limit_holds_back_its_answers_not_the_alerts():
    limiter = PriorityRateLimiter(overall_max_rate=30, headroom=2)
    order: list[str] = []
    group = [asyncio.create_task(_send(limiter, -100, "groupe", order)) for _ in range(22)]
    for _ in range(200):  # the group's 20 a minute are used; two answers wait for the group
        if order.count("groupe") == 20:
            break
        await asyncio.sleep(0.01)
    await asyncio.wait_for(_send(limiter, 4000, "alerte", order, alert=True), 10)
    assert order == ["groupe"] * 20 + ["alerte"]
    for task in group:
        task.cancel()
    await asyncio.gather(*group, return_exceptions=True)


def test_the_alert_lane_is_only_inside_its_block():
    assert not in_alert_lane()
    with alert_lane():
        assert in_alert_lane()
    assert not in_alert_lane()


def test_the_bot_uses_the_two_lane_limiter_at_telegram_s_rate(base):
    settings = Settings(token="1:abc", api_url="http://127.0.0.1:9")  # type: ignore[call-arg]
    limiter = build_application(settings, Index(base)).bot.rate_limiter
    assert isinstance(limiter, PriorityRateLimiter)
    assert limiter._base_limiter is not None and limiter._base_limiter.max_rate == 30


async def test_alerts_go_in_the_alert_lane_and_answers_do_not(api, copy, tmp_path, monkeypatch):
    from tests.test_follow_e2e import ADMIN, add_entry, running, said, settings_for

    lanes: list[tuple[int, str, bool]] = []
    process = PriorityRateLimiter.process_request

    async def spy(self, callback, args, kwargs, endpoint, data, rate_limit_args):  # type: ignore[no-untyped-def]
        if "chat_id" in data:
            lanes.append((int(data["chat_id"]), endpoint, in_alert_lane()))
        return await process(self, callback, args, kwargs, endpoint, data, rate_limit_args)

    monkeypatch.setattr(PriorityRateLimiter, "process_request", spy)
    async with running(settings_for(api, tmp_path / "etat.sqlite3"), copy):
        await api.push(api.message_update("/suivre Turquie", user_id=101))
        await said(api, 101)
        add_entry(copy)
        await api.push(api.message_update("/recharger", user_id=ADMIN))
        await said(api, ADMIN)
        await said(api, 101, 2)
    to_subscriber = [alert for chat, endpoint, alert in lanes if chat == 101]
    assert to_subscriber == [False, True]  # the answer to /suivre, then the alert
    assert not any(alert for chat, _, alert in lanes if chat == ADMIN)
