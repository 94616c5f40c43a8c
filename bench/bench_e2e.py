"""End-to-end benchmark: the real bot process against the local fake Bot API server.

    uv run python bench/bench_e2e.py [--updates N] [--latency-samples N]

Prints cold start (process spawn → first getUpdates), throughput (updates handled per
second, each answered with a sendMessage), the latency the bot adds per update (round trip
minus the server's own cost, measured separately with a plain HTTP client), and the bot
process's peak RSS. Everything runs on 127.0.0.1; figures, not assertions.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import sysconfig
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.fake_bot_api import FakeBotApi  # noqa: E402

QUESTIONS = ["/pays Turquie", "/org OTAN", "/accord paix", "/timeline 2025", "/sources"]


def cpu_seconds(pid: int) -> float:
    """User + system CPU time used so far by process ``pid``."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def server_cost(api: FakeBotApi) -> float:
    """Median ms the fake server itself spends per update: answering getUpdates + sendMessage."""
    polls = api.handler_ms.get("getUpdates", [0.0])
    sends = api.handler_ms.get("sendMessage", [0.0])
    return statistics.median(polls) + statistics.median(sends)


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--updates", type=int, default=2000)
    parser.add_argument("--latency-samples", type=int, default=200)
    parser.add_argument(
        "--rate-limit",
        type=int,
        default=0,
        help="TELEGRAM_RATE_LIMIT du bot mesuré (0 : sans limiteur, la capacité propre du bot)",
    )
    args = parser.parse_args()
    # As deployed (pip, or uv with UV_COMPILE_BYTECODE=1): modules byte-compiled at install.
    packages = sysconfig.get_paths()["purelib"]
    compiled = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "compileall",
        "-q",
        "-j",
        "0",
        str(ROOT / "bot"),
        packages,
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.DEVNULL,
    )
    await compiled.wait()
    api = FakeBotApi(validate=False)  # measure the bot, not the test server's HTML checks
    await api.start()
    env = {
        **os.environ,
        "TELEGRAM_BOT_TOKEN": api.token,
        "TELEGRAM_API_URL": api.url,
        "LOG_LEVEL": "WARNING",
        "TELEGRAM_RATE_LIMIT": str(args.rate_limit),
    }
    limiter = f"{args.rate_limit} messages/s" if args.rate_limit else "désactivé"
    print(f"Limiteur de débit du bot : {limiter}")
    spawned = time.perf_counter()
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        cwd=ROOT,
        env=env,
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.DEVNULL,
    )
    try:
        while api.first_poll_at is None:
            await asyncio.sleep(0.005)
        cold = api.first_poll_at - spawned
        print(f"Démarrage à froid (lancement → premier getUpdates) : {cold * 1000:.0f} ms")

        # latency, one update at a time
        latencies = []
        api.handler_ms.clear()
        for i in range(args.latency_samples):
            question = QUESTIONS[i % len(QUESTIONS)]
            start = time.perf_counter()
            await api.push(api.message_update(question, user_id=1000 + i))
            await api.wait_for("sendMessage", i + 1, timeout=30)
            latencies.append((time.perf_counter() - start) * 1000)
        median = statistics.median(latencies)
        own = server_cost(api)
        print(
            f"Latence par mise à jour (médiane sur {len(latencies)}) : {median:.2f} ms au total, "
            f"dont serveur factice {own:.2f} ms → ajoutée par le bot {median - own:.2f} ms "
            f"(p99 total {sorted(latencies)[int(0.99 * len(latencies)) - 1]:.2f} ms)"
        )

        # throughput, a burst of updates
        already = len(api.sent())
        cpu_before = cpu_seconds(process.pid)
        start = time.perf_counter()
        for i in range(args.updates):
            await api.push(api.message_update(QUESTIONS[i % len(QUESTIONS)], user_id=5000 + i))
        await api.wait_for("sendMessage", already + args.updates, timeout=600)
        elapsed = time.perf_counter() - start
        rate = args.updates / elapsed
        cpu = cpu_seconds(process.pid) - cpu_before
        print(
            f"Débit : {args.updates} mises à jour en {elapsed:.2f} s → {rate:.0f} /s "
            f"(CPU du bot : {cpu:.2f} s, soit {cpu / args.updates * 1000:.2f} ms par mise à jour)"
        )
        print(f"RSS maximal du processus du bot : {peak_rss_mb(process.pid):.0f} Mo")
    finally:
        process.terminate()
        await process.wait()
        await api.stop()


if __name__ == "__main__":
    asyncio.run(main())
