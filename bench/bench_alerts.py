"""Alerts benchmark: a user's command answered while thousands of subscribers get an alert.

    .tools/bin/uv run python bench/bench_alerts.py [--subscribers 5000] [--seconds 15]
        [--backend sqlite|postgres|both] [--database-url postgresql://…] [--no-limiter]

The real bot runs as its own process against the local fake Bot API server (127.0.0.1). Its
state file holds ``--subscribers`` chats following Turkey and a baseline that lacks one of
Turkey's entries, so at start-up the bot queues one alert per chat and starts sending them.
Meanwhile users ask « /pays Turquie » at random, exponentially spaced intervals (0.25 s on
average, as independent people write; each time from a new private chat, so the flood guard
stays out of it), until every subscriber has had the alert; each question is timed to its
last reply. The same loop runs first with no subscriber for ``--seconds``: its p99 is the
floor the p99 during alerts is compared with. Prints the time to alert every subscriber
(target: 5,000 in ≤ 3.5 min) and whether any got two. ``--no-limiter`` adds a round without
the rate limiter (the bot's own capacity). Asserts nothing; the machine is shared, so run it
a few times.

``--backend postgres`` keeps the state in PostgreSQL (DATABASE_URL): the server given by
``--database-url`` (a fresh database is created on it), or a throwaway cluster started from
the PostgreSQL binaries of this machine, as the tests do.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import random
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.e2e_loop import percentile  # noqa: E402
from bot.engine.commands import answer  # noqa: E402
from bot.engine.index import Index  # noqa: E402
from bot.paths import CONTENT_DIR, SEEDS_DIR  # noqa: E402
from bot.push.alert_outbox import AlertOutbox  # noqa: E402
from bot.push.follow import candidates  # noqa: E402
from bot.render.html import render_html  # noqa: E402
from bot.startup import ready_index  # noqa: E402
from tests.fake_bot_api import FakeBotApi  # noqa: E402

QUESTION = "/pays Turquie"
FIRST_SUBSCRIBER = 10_000_000
FIRST_USER = 1_000


@dataclass
class CountingApi(FakeBotApi):
    """The fake server, counting messages per chat as they arrive (no scan of every call)."""

    per_chat: Counter[int] = field(default_factory=Counter)
    first_alert_at: float | None = None
    last_alert_at: float | None = None
    alerted: int = 0
    """Subscribers who had at least one alert."""

    async def _m_sendMessage(self, params: dict[str, Any]) -> dict[str, Any]:  # noqa: N802
        result = await super()._m_sendMessage(params)
        chat = int(params["chat_id"])
        self.per_chat[chat] += 1
        if chat >= FIRST_SUBSCRIBER:
            self.last_alert_at = time.perf_counter()
            if self.first_alert_at is None:
                self.first_alert_at = self.last_alert_at
            if self.per_chat[chat] == 1:
                self.alerted += 1
        return result


def prepare(state: Path | str, index: Index, subscribers: int) -> str:
    """Subscribers follow Turkey; the baseline lacks Turkey's latest entry. Returns its id."""
    targets = candidates(index)
    fresh = [key for key, found in targets.items() if "acteur:TR" in found][-1]
    store = AlertOutbox(state)
    for chat in range(FIRST_SUBSCRIBER, FIRST_SUBSCRIBER + subscribers):
        store.subscribe(chat, "acteur:TR")
    store.record_alerts({k: v for k, v in targets.items() if k != fresh}, lambda e, h: ["-"])
    store.close()
    return fresh


MEAN_GAP = 0.25
"""Mean seconds between two questions (exponentially spaced)."""
ALL_ALERTS_WITHIN = 900.0
"""Seconds after which a round stops asking even if alerts are still being sent."""


async def ask_loop(
    api: CountingApi, parts: int, seconds: float, first_user: int, alerts: int = 0
) -> list[float]:
    """Ask at random intervals (mean :data:`MEAN_GAP`) for ``seconds``, or until ``alerts``
    subscribers have had theirs; each question timed (ms) to its last reply."""
    times: list[float] = []
    draw = random.Random(25)

    async def one(user: int) -> None:
        started = time.perf_counter()
        await api.push(api.message_update(QUESTION, user_id=user))
        while api.per_chat[user] < parts:
            await asyncio.sleep(0.001)
        times.append((time.perf_counter() - started) * 1000)

    tasks = []
    end = time.perf_counter() + (ALL_ALERTS_WITHIN if alerts else seconds)
    user = first_user
    while time.perf_counter() < end and not (alerts and api.alerted >= alerts):
        tasks.append(asyncio.create_task(one(user)))
        user += 1
        await asyncio.sleep(draw.expovariate(1 / MEAN_GAP))
    await asyncio.wait_for(asyncio.gather(*tasks), 30)
    return times


async def run(
    subscribers: int, seconds: float, rate_limit: int, parts: int, server: str | None = None
) -> None:
    """One round; ``server``: a PostgreSQL server's URL (a fresh database on it), else SQLite."""
    if server is None:
        folder = Path(tempfile.mkdtemp(prefix="bench-alertes-"))
        await _round(folder / "etat.sqlite3", subscribers, seconds, rate_limit, parts)
        return
    from tests.postgres import fresh_database

    with fresh_database(server) as url:
        await _round(url, subscribers, seconds, rate_limit, parts)


async def _round(
    state: Path | str, subscribers: int, seconds: float, rate_limit: int, parts: int
) -> None:
    index = ready_index(CONTENT_DIR, SEEDS_DIR)
    api = CountingApi(validate=False)
    await api.start()
    prepare(state, index, subscribers)
    where = {"DATABASE_URL": state} if isinstance(state, str) else {"BOT_STATE_PATH": str(state)}
    env = {
        **os.environ,
        "TELEGRAM_BOT_TOKEN": api.token,
        "TELEGRAM_API_URL": api.url,
        "LOG_LEVEL": "WARNING",
        "TELEGRAM_RATE_LIMIT": str(rate_limit),
        **where,
    }
    env.pop("WEBHOOK_URL", None)
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "run", cwd=ROOT, env=env, stderr=asyncio.subprocess.DEVNULL
    )
    try:
        while api.first_poll_at is None:
            await asyncio.sleep(0.01)
        ready = api.first_poll_at
        times = await ask_loop(api, parts, seconds, FIRST_USER + subscribers, subscribers)
        alerts = [n for chat, n in api.per_chat.items() if chat >= FIRST_SUBSCRIBER]
        delivered, most = sum(alerts), max(alerts, default=0)
    finally:
        process.terminate()
        await process.wait()
        await api.stop()
    print(f"  {subscribers} abonnés, TELEGRAM_RATE_LIMIT={rate_limit} :")
    if subscribers:
        first = (api.first_alert_at or ready) - ready
        span = (api.last_alert_at or ready) - ready
        print(
            f"    alertes : 1re envoyée {first * 1000:.0f} ms après la mise en service ; "
            f"{api.alerted}/{subscribers} abonnés alertés en {span:.1f} s "
            f"({span / 60:.2f} min, {delivered / max(span, 1e-9):.1f}/s), "
            f"{delivered} messages, au plus 1 par abonné : {most <= 1}"
        )
    print(
        f"    « {QUESTION} » ({len(times)} questions, {parts} messages chacune) : "
        f"médiane {statistics.median(times):.1f} ms, p95 {percentile(times, 0.95):.1f} ms, "
        f"p99 {percentile(times, 0.99):.1f} ms, max {max(times):.1f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--subscribers", type=int, default=5000)
    parser.add_argument("--seconds", type=float, default=15.0)
    parser.add_argument("--backend", choices=("sqlite", "postgres", "both"), default="sqlite")
    parser.add_argument("--database-url", help="un serveur PostgreSQL (sinon, un jetable)")
    parser.add_argument("--no-limiter", action="store_true", help="aussi sans limiteur")
    args = parser.parse_args()
    parts = len(render_html(answer(ready_index(CONTENT_DIR, SEEDS_DIR), QUESTION)))
    with postgres_server(args.backend, args.database_url) as server:
        for name, where in backends(args.backend, server):
            print(
                f"Réponses à un utilisateur pendant l'envoi d'alertes (serveur Bot API local),"
                f" état {name} :"
            )
            asyncio.run(run(0, args.seconds, 30, parts, where))
            asyncio.run(run(args.subscribers, args.seconds, 30, parts, where))
            if args.no_limiter:
                asyncio.run(run(args.subscribers, args.seconds, 0, parts, where))


@contextlib.contextmanager
def postgres_server(backend: str, given: str | None) -> Iterator[str | None]:
    """A PostgreSQL server for the rounds that need one: ``given``, or a throwaway cluster."""
    if backend == "sqlite":
        yield None
    elif given:
        yield given
    else:
        from tests.postgres import throwaway_cluster

        with throwaway_cluster() as url:
            yield url


def backends(backend: str, server: str | None) -> list[tuple[str, str | None]]:
    """(name, PostgreSQL server or None for SQLite) for each backend to measure."""
    found: list[tuple[str, str | None]] = []
    if backend in ("sqlite", "both"):
        found.append(("SQLite", None))
    if backend in ("postgres", "both"):
        found.append(("PostgreSQL", server))
    return found


if __name__ == "__main__":
    main()
