"""The end-to-end bench's loops time each update to its last reply, whatever the count."""

from __future__ import annotations

import asyncio
import contextlib
import statistics
import time
from collections.abc import AsyncIterator

import pytest

from bench.bare_bot import serve
from bench.e2e_loop import count_replies, latency_loop, percentile, throughput
from tests.fake_bot_api import FakeBotApi

PAUSE = 0.15
"""Seconds between the two messages of a two-message answer."""
ANSWERS = {"/un": ["une réponse"], "/deux": ["première partie", "seconde partie"], "/rien": []}
QUESTIONS = list(ANSWERS)


@pytest.fixture
async def bot(api: FakeBotApi) -> AsyncIterator[FakeBotApi]:
    """A bare bot that answers /deux with two messages, PAUSE apart."""
    task = asyncio.create_task(serve(api.url, api.token, ANSWERS, pause=PAUSE))
    yield api
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task


async def test_replies_are_counted_not_assumed(bot: FakeBotApi) -> None:
    assert await count_replies(bot, QUESTIONS, 100, quiet=PAUSE * 2) == {
        "/un": 1,
        "/deux": 2,
        "/rien": 0,
    }


async def test_latency_runs_to_the_last_reply(bot: FakeBotApi) -> None:
    replies = await count_replies(bot, QUESTIONS, 100, quiet=PAUSE * 2)
    assert replies == {"/un": 1, "/deux": 2, "/rien": 0}
    latency = await latency_loop(bot, QUESTIONS, replies, 12, 1000)
    assert latency.mismatched == 0
    assert len(latency.samples) == 12
    assert latency.by_question["/rien"] == ()  # never asked: it gets no answer to wait for
    assert min(latency.by_question["/deux"]) >= PAUSE * 1000
    assert statistics.median(latency.by_question["/un"]) < PAUSE * 1000


async def test_the_old_loop_ran_ahead_of_two_message_answers(bot: FakeBotApi) -> None:
    """Waiting for « one more message » per update times gaps, not round trips."""
    measured = []
    for i in range(6):
        start = time.perf_counter()
        await bot.push(bot.message_update(["/deux", "/un"][i % 2], user_id=2000 + i))
        await bot.wait_for("sendMessage", i + 1)
        measured.append((time.perf_counter() - start) * 1000)
    assert min(measured[0::2]) < PAUSE * 1000  # a /deux « answered » before its last reply


async def test_throughput_counts_updates_answered(bot: FakeBotApi) -> None:
    replies = {"/un": 1, "/deux": 2, "/rien": 0}
    burst = await throughput(bot, QUESTIONS, replies, 10, 3000, timeout=30)
    assert burst.answered == burst.updates == 10
    assert burst.messages == 15  # five /un, five /deux
    assert burst.rate() == pytest.approx(10 / burst.seconds)


def test_p99_is_a_rank_not_the_maximum() -> None:
    values = [float(v) for v in range(1, 301)]
    assert percentile(values, 0.99) == 297.0
    assert percentile(values, 0.5) == 150.0


async def test_replies_are_counted_once_a_slow_starting_bot_has_taken_them(
    api: FakeBotApi,
) -> None:
    """A bot that starts polling late is waited for, not counted as answering nothing."""

    async def late() -> None:
        await asyncio.sleep(PAUSE * 4)
        await serve(api.url, api.token, ANSWERS, pause=PAUSE)

    task = asyncio.create_task(late())
    try:
        assert await count_replies(api, QUESTIONS, 100, quiet=PAUSE * 2) == {
            "/un": 1,
            "/deux": 2,
            "/rien": 0,
        }
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
