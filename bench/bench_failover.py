"""Takeover benchmark: how long the sender role stays empty after ``kill -9`` of its holder.

    .tools/bin/uv run python bench/bench_failover.py [--rounds 3] [--database-url postgresql://…]

Two real bot processes on one PostgreSQL database (a throwaway cluster unless a server is
given), as two machines (BOT_INSTANCE_NAME machine-a, machine-b, so the survivor cannot see
that the other process is gone and must wait for its lease), against the local fake Bot API.
Each round: the first holds the role, the second stands by; ``kill -9`` of the first; the time
until the second holds the role is printed, and the time until a post recorded just after the
kill is in the channel. Asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_alerts import postgres_server  # noqa: E402
from bot.push.outbox import Outbox  # noqa: E402
from tests.fake_bot_api import FakeBotApi  # noqa: E402
from tests.postgres import fresh_database  # noqa: E402

CHANNEL = -1001234567890


def holder(url: str) -> str:
    outbox = Outbox(url)
    try:
        found = outbox.role_holder()
        return "" if found is None else found[0]
    finally:
        outbox.close()


async def until(check: object, seconds: float) -> float | None:
    """Seconds until ``check()`` holds (polled every 0.1 s), or None."""
    started = time.monotonic()
    while time.monotonic() - started < seconds:
        if await asyncio.to_thread(check):  # type: ignore[arg-type]
            return time.monotonic() - started
        await asyncio.sleep(0.1)
    return None


async def one_round(server: str) -> tuple[float | None, float | None]:
    api = FakeBotApi(validate=False)
    await api.start()
    processes = []
    with fresh_database(server) as url:
        try:

            async def spawn(name: str) -> asyncio.subprocess.Process:
                env = {
                    **os.environ,
                    "TELEGRAM_BOT_TOKEN": api.token,
                    "TELEGRAM_API_URL": api.url,
                    "TELEGRAM_CHANNEL_ID": str(CHANNEL),
                    "DATABASE_URL": url,
                    "BOT_INSTANCE_NAME": name,
                    "LOG_LEVEL": "WARNING",
                }
                env.pop("WEBHOOK_URL", None)
                process = await asyncio.create_subprocess_exec(
                    sys.executable,
                    "-m",
                    "bot",
                    "run",
                    cwd=ROOT,
                    env=env,
                    stderr=asyncio.subprocess.DEVNULL,
                )
                processes.append(process)
                return process

            first = await spawn("machine-a")
            await until(lambda: holder(url).startswith("machine-a:"), 60)
            await spawn("machine-b")
            await asyncio.sleep(2)  # the standby is up and looking
            first.send_signal(signal.SIGKILL)
            await first.wait()
            outbox = Outbox(url)
            outbox.record("apres-kill", CHANNEL, None, ["Publication après la panne"])
            outbox.close()
            started = time.monotonic()
            taken = await until(lambda: holder(url).startswith("machine-b:"), 60)
            posted = await until(
                lambda: any(p["text"] == "Publication après la panne" for p in api.sent()), 60
            )
            return taken, None if posted is None else time.monotonic() - started
        finally:
            for process in processes:
                if process.returncode is None:
                    process.send_signal(signal.SIGTERM)
                    await process.wait()
            await api.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--database-url", help="un serveur PostgreSQL (sinon, un jetable)")
    args = parser.parse_args()
    takes: list[float] = []
    with postgres_server("postgres", args.database_url) as server:
        assert server is not None
        for number in range(args.rounds):
            taken, posted = asyncio.run(one_round(server))
            print(
                f"  tour {number + 1} : rôle repris {taken:.1f} s après kill -9 ; "
                f"publication en file dans le canal {posted:.1f} s après"
                if taken is not None and posted is not None
                else f"  tour {number + 1} : pas de reprise en 60 s"
            )
            if taken is not None:
                takes.append(taken)
    if takes:
        print(
            f"Reprise du rôle d'expéditeur : médiane {statistics.median(takes):.1f} s, "
            f"max {max(takes):.1f} s sur {len(takes)} tours (bail 15 s, relevé toutes les 5 s)"
        )


if __name__ == "__main__":
    main()
