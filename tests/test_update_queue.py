"""Back-pressure on incoming updates: a burst is never turned into thousands of tasks, nor
into updates held in memory, and stopping in the middle of one answers nothing twice."""

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
    for number in range(4):
        queue.put_nowait(number)  # putting never waits: nothing put is ever lost
    room = asyncio.create_task(queue.room())
    await asyncio.sleep(0.01)
    assert not room.done()  # four waiting, three allowed: polling waits
    assert [await queue.get(), await queue.get()] == [0, 1]
    await asyncio.wait_for(room, 1)  # two waiting now: polling may fetch again
    third = asyncio.create_task(queue.get())
    await asyncio.sleep(0.01)
    assert not third.done()  # two in flight: the third waits for one to finish
    queue.task_done()
    assert await asyncio.wait_for(third, 1) == 2
    queue.task_done()
    queue.task_done()
    assert await queue.get() == 3


def _application(api: FakeBotApi, base):
    settings = Settings(token=api.token, api_url=api.url, rate_limit=0)  # type: ignore[arg-type]
    return build_application(settings, Index(base))


async def test_a_burst_is_answered_in_full_with_a_bounded_number_of_tasks(
    api: FakeBotApi, base
) -> None:
    burst = 120  # without back-pressure PTB holds one task per update: ~130 here
    api.fail("sendMessage", *(Slow(0.002) for _ in range(burst)))  # answers take a while
    peak = 0
    async with polling(_application(api, base)):
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
    # one task per update (312 tasks measured for a burst of 300)
    assert peak <= 4 * CONCURRENT_UPDATES + 12, peak


async def test_a_stop_in_the_middle_of_a_burst_answers_nothing_twice(api: FakeBotApi, base) -> None:
    """What was answered is confirmed to Telegram; what was not stays there for next time."""
    burst = 250  # more than two pages of updates: the stop comes with some left
    api.fail("sendMessage", *(Slow(0.02) for _ in range(burst)))
    for number in range(burst):
        await api.push(api.message_update("/aide", user_id=1000 + number))
    async with polling(_application(api, base)):
        await api.wait_for("sendMessage", 20, timeout=30)  # then stop, mid-burst
    answered = {int(call["chat_id"]) for call in api.sent("sendMessage")}
    left = {int(update["message"]["chat"]["id"]) for update in api.updates}
    assert answered and left  # stopped in the middle
    assert not answered & left  # (a bounded put cut short left 28 answered yet unconfirmed)
    assert answered | left == {1000 + number for number in range(burst)}  # none lost


def _update(update_id: int, chat: int) -> object:
    from telegram import Update

    message = {
        "message_id": update_id,
        "date": 0,
        "chat": {"id": chat, "type": "private"},
        "text": f"/aide {update_id}",
    }
    return Update.de_json({"update_id": update_id, "message": message}, None)


async def test_one_chats_flood_waits_behind_everyone_elses_next_update():
    queue = UpdateQueue(in_flight=10_000, waiting=5000)
    number = 0
    for _round in range(20):  # 50 people flood, 20 messages each, interleaved
        for chat in range(50):
            number += 1
            queue.put_nowait(_update(number, 1000 + chat))
    queue.put_nowait(_update(number + 1, 7))  # then a bystander asks one thing
    stop = object()
    queue.put_nowait(stop)  # PTB's stop signal comes after every update
    order = [await queue.get() for _ in range(queue.qsize())]
    chats = [item.effective_chat.id if item is not stop else None for item in order]  # type: ignore[attr-defined]
    assert chats.index(7) <= 50  # after at most one update of each flooder
    assert order[-1] is stop
    for chat in range(1000, 1050):  # each chat's own updates keep their order
        ids = [u.update_id for u in order if u is not stop and u.effective_chat.id == chat]  # type: ignore[attr-defined]
        assert ids == sorted(ids) and len(ids) == 20


async def test_a_bystander_is_answered_before_most_of_a_flood(api: FakeBotApi, base) -> None:
    flooders, each = 40, 12
    for _round in range(each):  # the flood reaches Telegram first, interleaved
        for user in range(flooders):
            await api.push(api.message_update("/aide", user_id=2000 + user))
    await api.push(api.message_update("/pays Turquie", user_id=7))
    async with polling(_application(api, base)):
        await api.wait_for("sendMessage", timeout=60)
        for _ in range(1200):
            if any(int(p["chat_id"]) == 7 for p in api.sent()):
                break
            await asyncio.sleep(0.05)
    chats = [int(p["chat_id"]) for p in api.sent()]
    assert 7 in chats
    before = chats.index(7)
    # a plain queue answered all 480 first; now at most a few answers per flooder come first
    assert before <= flooders * 4, before
