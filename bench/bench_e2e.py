"""End-to-end benchmark: the real bot process against the local fake Bot API server.

    .tools/bin/uv run python bench/bench_e2e.py [--updates N] [--latency-samples N]

Runs two bots, one after the other, each as its own process on its own fake server (same
code, 127.0.0.1): a bare httpx bot that sends canned answers (bench/bare_bot.py) and the real
bot. Both send the same messages — the real bot's rendered answers — so the difference is
what the bot adds. Nothing assumes one message per answer: replies are counted per question
first, each update is timed to its last reply, throughput counts updates answered in full.
Also prints cold start (spawn → first getUpdates) with and without compiled bytecode and
without the base's snapshot, CPU per update and peak RSS (VmHWM, in MiB). Figures, not
assertions; the machine is shared, so run it a few times and compare.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import sysconfig
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.e2e_loop import Latency, Throughput, count_replies, latency_loop, throughput  # noqa: E402
from bot.engine.commands import answer  # noqa: E402
from bot.render.html import render_html  # noqa: E402
from bot.startup import ready_index  # noqa: E402
from tests.fake_bot_api import FakeBotApi  # noqa: E402

QUESTIONS = [
    "/pays Turquie",
    "/org OTAN",
    "/accord paix",
    "/timeline 2025",
    "/sources",
    "/cherche drones",
    "/aide",
]
MIB = 1024 * 1024


def cpu_seconds(pid: int) -> float:
    """User + system CPU time used so far by process ``pid``."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def peak_rss_mib(pid: int) -> float:
    """Peak resident set size (VmHWM) of process ``pid``, in MiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024 / MIB
    return float("nan")


async def compile_bytecode() -> None:
    """As deployed (pip, or uv with UV_COMPILE_BYTECODE=1): modules byte-compiled."""
    packages = sysconfig.get_paths()["purelib"]
    compiled = await asyncio.create_subprocess_exec(
        sys.executable,
        *("-m", "compileall", "-q", "-j", "0", str(ROOT / "bot"), packages),
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.DEVNULL,
    )
    await compiled.wait()


async def spawn(
    api: FakeBotApi, command: Sequence[str], env: dict[str, str]
) -> tuple[asyncio.subprocess.Process, float]:
    """Start ``command``; return it once it polls, with the seconds from spawn to first poll."""
    api.first_poll_at = None
    spawned = time.perf_counter()
    process = await asyncio.create_subprocess_exec(
        *command,
        cwd=ROOT,
        env=env,
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.DEVNULL,
    )
    while api.first_poll_at is None:
        if process.returncode is not None:
            raise RuntimeError(f"{command} s'est arrêté ({process.returncode})")
        await asyncio.sleep(0.002)
    return process, api.first_poll_at - spawned


async def stop(process: asyncio.subprocess.Process) -> None:
    if process.returncode is None:
        process.terminate()
        await process.wait()


def bot_env(api: FakeBotApi, rate_limit: int, snapshots: Path, **extra: str) -> dict[str, str]:
    return {
        **os.environ,
        "TELEGRAM_BOT_TOKEN": api.token,
        "TELEGRAM_API_URL": api.url,
        "LOG_LEVEL": "WARNING",
        "TELEGRAM_RATE_LIMIT": str(rate_limit),
        "SNAPSHOT_DIR": str(snapshots),
        **extra,
    }


async def cold_starts(rate_limit: int, snapshots: Path, runs: int) -> None:
    """Spawn → first getUpdates, ``runs`` times per setting; median (min–max)."""
    api = FakeBotApi(validate=False)
    await api.start()
    empty_cache = Path(tempfile.mkdtemp(prefix="no-pyc-"))
    settings = {
        "bytecode compilé + instantané de la base": {},
        "bytecode compilé, sans instantané (SNAPSHOT_DIR=off)": {"SNAPSHOT_DIR": "off"},
        "sans bytecode (ni présent ni inscriptible)": {
            "PYTHONDONTWRITEBYTECODE": "1",
            "PYTHONPYCACHEPREFIX": str(empty_cache),
        },
    }
    try:
        for label, extra in settings.items():
            times = []
            for _ in range(runs):
                env = bot_env(api, rate_limit, snapshots, **extra)
                process, seconds = await spawn(api, [sys.executable, "-m", "bot"], env)
                await stop(process)
                times.append(seconds * 1000)
            print(
                f"  {label:<55} {statistics.median(times):6.0f} ms "
                f"({min(times):.0f}–{max(times):.0f}, {runs} lancements)"
            )
    finally:
        await api.stop()


@dataclass(frozen=True, slots=True)
class Run:
    latency: Latency
    burst: Throughput
    cpu_ms_per_update: float
    rss_mib: float


async def measure(
    command: Callable[[FakeBotApi], list[str]],
    answers: dict[str, list[str]],
    args: argparse.Namespace,
    snapshots: Path,
) -> Run:
    """Start one bot on its own fake server and run the three measurements on it."""
    api = FakeBotApi(validate=False)  # measure the bot, not the test server's HTML checks
    await api.start()
    env = bot_env(api, args.rate_limit, snapshots)
    process, _ = await spawn(api, command(api), env)
    try:
        replies = await count_replies(api, QUESTIONS, 1)
        expected = {q: len(answers[q]) for q in QUESTIONS}
        if replies != expected:
            print(f"  ! réponses comptées {replies} ≠ rendu du moteur {expected}")
        latency = await latency_loop(api, QUESTIONS, replies, args.latency_samples, 1000)
        cpu_before = cpu_seconds(process.pid)
        burst = await throughput(api, QUESTIONS, replies, args.updates, 100_000)
        cpu = cpu_seconds(process.pid) - cpu_before
        return Run(latency, burst, cpu / burst.answered * 1000, peak_rss_mib(process.pid))
    finally:
        await stop(process)
        await api.stop()


def report(bare: Run, bot: Run) -> None:
    def row(label: str, ours: float, base: float, unit: str, digits: int = 2) -> None:
        ratio = ours / base if base else float("nan")
        print(
            f"  {label:<34} bot {ours:9.{digits}f} {unit:<5} nu {base:9.{digits}f} {unit:<5} "
            f"rapport ×{ratio:.2f}  écart {ours - base:+.{digits}f} {unit}"
        )

    samples = len(bot.latency.samples)
    print(f"Aller-retour par mise à jour, jusqu'à sa dernière réponse ({samples} échantillons) :")
    row("médiane", bot.latency.median(), bare.latency.median(), "ms")
    row("p99", bot.latency.p99(), bare.latency.p99(), "ms")
    for question in QUESTIONS:
        ours, base = bot.latency.by_question[question], bare.latency.by_question[question]
        if ours and base:
            row(f"  {question} (médiane)", statistics.median(ours), statistics.median(base), "ms")
    if bot.latency.mismatched or bare.latency.mismatched:
        print(
            f"  ! réponses inattendues : bot {bot.latency.mismatched}, nu {bare.latency.mismatched}"
        )
    print(
        f"Débit ({bot.burst.updates} mises à jour d'un coup ; bot : {bot.burst.answered} "
        f"répondues en entier, {bot.burst.messages} messages) :"
    )
    row("mises à jour répondues par seconde", bot.burst.rate(), bare.burst.rate(), "/s", 0)
    row("messages par seconde", *(r.burst.messages / r.burst.seconds for r in (bot, bare)), "/s", 0)
    row("CPU par mise à jour", bot.cpu_ms_per_update, bare.cpu_ms_per_update, "ms")
    row("RSS maximal (VmHWM)", bot.rss_mib, bare.rss_mib, "MiB", 0)


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--updates", type=int, default=2000)
    parser.add_argument("--latency-samples", type=int, default=300)
    parser.add_argument("--cold-runs", type=int, default=5)
    parser.add_argument(
        "--rate-limit",
        type=int,
        default=0,
        help="TELEGRAM_RATE_LIMIT du bot mesuré (0 : sans limiteur, la capacité propre du bot)",
    )
    args = parser.parse_args()
    await compile_bytecode()
    snapshots = Path(tempfile.mkdtemp(prefix="bench-snapshots-"))
    index = ready_index(ROOT / "content", ROOT / "seeds", {"SNAPSHOT_DIR": str(snapshots)})
    answers = {q: render_html(answer(index, q)) for q in QUESTIONS}
    answers_file = snapshots / "answers.json"
    answers_file.write_text(json.dumps(answers, ensure_ascii=False), encoding="utf-8")
    limiter = f"{args.rate_limit} messages/s" if args.rate_limit else "désactivé"
    print(f"Limiteur de débit du bot : {limiter} ; Python {sys.version.split()[0]}")
    print("Démarrage à froid (lancement → premier getUpdates), médiane (min–max) :")
    await cold_starts(args.rate_limit, snapshots, args.cold_runs)
    bare_bot = str(ROOT / "bench" / "bare_bot.py")
    bare = await measure(
        lambda api: [sys.executable, bare_bot, api.url, api.token, str(answers_file)],
        answers,
        args,
        snapshots,
    )
    bot = await measure(lambda api: [sys.executable, "-m", "bot"], answers, args, snapshots)
    report(bare, bot)


if __name__ == "__main__":
    asyncio.run(main())
