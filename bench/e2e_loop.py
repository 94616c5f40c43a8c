"""Measurement loops of the end-to-end bench, against a FakeBotApi and any bot polling it.

An answer may be several messages (``/org OTAN`` is two), so nothing here assumes one:
``count_replies`` first counts each question's replies, the latency loop then waits for an
update's *last* reply before timing it and sending the next one, and throughput counts
updates answered (all their replies arrived), with messages given apart.
"""

from __future__ import annotations

import asyncio
import math
import statistics
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from tests.fake_bot_api import FakeBotApi


async def _sends_reach(api: FakeBotApi, count: int, timeout: float) -> None:
    """Wait until the server has recorded ``count`` calls (only sendMessage in these loops)."""
    changed = api._changed
    assert changed is not None
    async with changed:
        await asyncio.wait_for(changed.wait_for(lambda: len(api.calls) >= count), timeout)


async def _delivered(api: FakeBotApi, update_ids: set[int], timeout: float) -> None:
    """Wait until the bot's polls have acknowledged every update of ``update_ids``."""

    def taken() -> bool:
        return not any(u["update_id"] in update_ids for u in api.updates)

    deadline = time.perf_counter() + timeout
    while not taken():
        if time.perf_counter() > deadline:
            raise TimeoutError(f"le bot n'a pas pris les mises à jour en {timeout:g} s")
        await asyncio.sleep(0.02)


def _chat_counts(api: FakeBotApi) -> Counter[int]:
    return Counter(
        int(call.params["chat_id"]) for call in api.calls if call.method == "sendMessage"
    )


async def count_replies(
    api: FakeBotApi,
    questions: Sequence[str],
    first_user: int,
    quiet: float = 0.5,
    timeout: float = 60,
) -> dict[str, int]:
    """Replies per question: each asked once, then counted after ``quiet`` s without a send.

    The quiet time only starts once the bot has taken the updates (its next poll moved the
    offset past them): a bot still starting on a loaded machine would otherwise count as one
    that answers nothing."""
    pushed = [
        (await api.push(api.message_update(question, user_id=first_user + offset)))["update_id"]
        for offset, question in enumerate(questions)
    ]
    await _delivered(api, set(pushed), timeout)
    seen = -1
    while seen != len(api.calls):
        seen = len(api.calls)
        await asyncio.sleep(quiet)
    counts = _chat_counts(api)
    return {q: counts[first_user + offset] for offset, q in enumerate(questions)}


@dataclass(frozen=True, slots=True)
class Latency:
    """Round trips, push of the update → arrival of its last reply, in ms."""

    samples: tuple[float, ...]
    by_question: dict[str, tuple[float, ...]]
    mismatched: int
    """Updates whose chat got another number of replies than counted: should be 0."""

    def median(self) -> float:
        return statistics.median(self.samples)

    def p99(self) -> float:
        return percentile(self.samples, 0.99)


def percentile(values: Sequence[float], share: float) -> float:
    """Nearest-rank percentile: with 300 samples, p99 is the 297th, not the slowest."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), math.ceil(share * len(ordered) - 1e-9)))
    return ordered[rank - 1]


async def latency_loop(
    api: FakeBotApi,
    questions: Sequence[str],
    replies: dict[str, int],
    samples: int,
    first_user: int,
    quiet: float = 0.3,
) -> Latency:
    """One update at a time; each is timed until its last reply, then the next is sent."""
    times: list[float] = []
    by_question: dict[str, list[float]] = {q: [] for q in questions}
    asked = [q for q in questions if replies[q] > 0]
    if not asked:
        raise ValueError(f"aucune des questions n'a reçu de réponse : {replies}")
    expected = len(api.calls)
    for i in range(samples):
        question = asked[i % len(asked)]
        expected += replies[question]
        start = time.perf_counter()
        await api.push(api.message_update(question, user_id=first_user + i))
        await _sends_reach(api, expected, timeout=30)
        spent = (time.perf_counter() - start) * 1000
        times.append(spent)
        by_question[question].append(spent)
    await asyncio.sleep(quiet)  # a late extra reply would show here
    counts = _chat_counts(api)
    mismatched = sum(
        counts[first_user + i] != replies[asked[i % len(asked)]] for i in range(samples)
    )
    return Latency(tuple(times), {q: tuple(v) for q, v in by_question.items()}, mismatched)


@dataclass(frozen=True, slots=True)
class Throughput:
    """A burst of updates: how many were answered in full, in how long."""

    updates: int
    answered: int
    messages: int
    seconds: float

    def rate(self) -> float:
        """Updates answered in full per second."""
        return self.answered / self.seconds


async def throughput(
    api: FakeBotApi,
    questions: Sequence[str],
    replies: dict[str, int],
    updates: int,
    first_user: int,
    timeout: float = 600,
) -> Throughput:
    """Push ``updates`` at once; the clock stops when the last reply of the last one arrives."""
    asked = [q for q in questions if replies[q] > 0]
    before = len(api.calls)
    total = sum(replies[asked[i % len(asked)]] for i in range(updates))
    start = time.perf_counter()
    for i in range(updates):
        await api.push(api.message_update(asked[i % len(asked)], user_id=first_user + i))
    await _sends_reach(api, before + total, timeout)
    seconds = time.perf_counter() - start
    counts = _chat_counts(api)
    answered = sum(counts[first_user + i] == replies[asked[i % len(asked)]] for i in range(updates))
    return Throughput(updates, answered, len(api.calls) - before, seconds)


async def paced(
    api: FakeBotApi,
    questions: Sequence[str],
    replies: dict[str, int],
    rate: float,
    seconds: float,
    first_user: int,
    timeout: float = 60,
) -> int:
    """Push updates one at a time at ``rate`` per second for ``seconds`` (as Telegram's own
    pace allows), then wait for every reply; returns how many updates were sent. Unlike a
    burst, each update comes in its own getUpdates answer, as on a real bot."""
    asked = [q for q in questions if replies[q] > 0]
    before = len(api.calls)
    count = int(rate * seconds)
    start = time.perf_counter()
    for i in range(count):
        delay = start + i / rate - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        await api.push(api.message_update(asked[i % len(asked)], user_id=first_user + i))
    total = sum(replies[asked[i % len(asked)]] for i in range(count))
    await _sends_reach(api, before + total, timeout)
    return count
