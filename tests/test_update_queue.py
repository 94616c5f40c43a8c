"""Back-pressure on incoming updates: a burst is never turned into thousands of tasks."""

from __future__ import annotations

import asyncio

from bot.config import Settings
from bot.engine.index import Index
from bot.telegram.app import CONCURRENT_UPDATES, build_application
from bot.telegram.updates import UpdateQueue
from tests.fake_bot_api import FakeBotApi, Slow
from tests.harness import polling


async def test_an_update_is_handed_out_only_while_few_are_in_flight():
    queue = UpdateQueue(in_flight=2, waiting=3)
    for number in range(3):
        await queue.put(number)
    assert queue.full()
    blocked_put = asyncio.create_task(queue.put(3))
    assert [await queue.get(), await queue.get()] == [0, 1]
    await asyncio.sleep(0)
    assert blocked_put.done()  # two were taken: room again for the waiting one
    third = asyncio.create_task(queue.get())
    await asyncio.sleep(0.01)
    assert not third.done()  # two in flight: the third waits for one to finish
    queue.task_done()
    assert await asyncio.wait_for(third, 1) == 2
    queue.task_done()
    queue.task_done()
    assert await queue.get() == 3


async def test_a_burst_is_answered_in_full_with_a_bounded_number_of_tasks(
    api: FakeBotApi, base
) -> None:
    settings = Settings(token=api.token, api_url=api.url, rate_limit=0)  # type: ignore[arg-type]
    application = build_application(settings, Index(base))
    burst = 300
    api.fail("sendMessage", *(Slow(0.002) for _ in range(burst)))  # answers take a while
    peak = 0
    async with polling(application):
        for number in range(burst):
            await api.push(api.message_update("/aide", user_id=1000 + number))
        done = asyncio.create_task(api.wait_for("sendMessage", burst, timeout=60))
        while not done.done():
            peak = max(peak, len(asyncio.all_tasks()))
            await asyncio.sleep(0.005)
        sent = await done
    chats = [int(call["chat_id"]) for call in sent]
    assert sorted(chats) == [1000 + number for number in range(burst)]  # each once, none lost
    # at most 2 × 4 updates in flight, each with its request handled by the fake server in
    # this same loop, plus polling and the test's own tasks; without back-pressure PTB held
    # one task per update (312 tasks measured for this burst)
    assert peak <= 4 * CONCURRENT_UPDATES + 12, peak
