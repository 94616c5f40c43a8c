"""End-to-end benchmark: the real bot process against the local fake Bot API server.

    .tools/bin/uv run python bench/bench_e2e.py [--rounds 3] [--earlier CHECKOUT]

Runs three bots, one after the other, each as its own process on its own fake server (same
code, 127.0.0.1): a bare httpx bot that sends canned answers (bench/bare_bot.py), a minimal
python-telegram-bot bot that sends the same canned answers (bench/ptb_bot.py), and the real
bot. All send the same messages — the real bot's rendered answers — so the differences are
what PTB adds to bare HTTP, and what our bot adds to PTB. Nothing assumes one message per
answer: replies are counted per question first, each update is timed to its last reply,
throughput counts updates answered in full. CPU per update is measured twice: in a burst
of ``--updates`` (one getUpdates answer brings up to 100) and at Telegram's own pace, 30
updates a second for ``--paced-seconds`` (each update polled on its own, as on a real bot).
Also prints cold start (spawn → first getUpdates) with and without compiled bytecode and
without the base's snapshot, next to the two references, and peak RSS (VmHWM, in MiB) once
started and after the burst.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.e2e_loop import (  # noqa: E402
    Latency,
    Throughput,
    count_replies,
    latency_loop,
    paced,
    throughput,
)
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
PACE = 30.0
"""Updates per second of the paced measurement: Telegram's own limit for a whole bot."""


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


async def compile_bytecode(python: str = sys.executable, checkout: Path = ROOT) -> None:
    """As deployed (pip, or uv with UV_COMPILE_BYTECODE=1): modules byte-compiled, the
    checkout's own ``bot`` package and its environment's packages alike."""
    find = "import sysconfig; print(sysconfig.get_paths()['purelib'])"
    asked = await asyncio.create_subprocess_exec(python, "-c", find, stdout=asyncio.subprocess.PIPE)
    packages = (await asked.communicate())[0].decode().strip()
    compiled = await asyncio.create_subprocess_exec(
        python,
        *("-m", "compileall", "-q", "-j", "0", str(checkout / "bot"), packages),
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.DEVNULL,
    )
    await compiled.wait()


async def spawn(
    api: FakeBotApi, command: Sequence[str], env: dict[str, str], cwd: Path = ROOT
) -> tuple[asyncio.subprocess.Process, float]:
    """Start ``command``; return it once it polls, with the seconds from spawn to first poll."""
    api.first_poll_at = None
    spawned = time.perf_counter()
    process = await asyncio.create_subprocess_exec(
        *command,
        cwd=cwd,
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
        "BOT_STATE_PATH": str(snapshots / "etat.sqlite3"),  # never the project's data/
        **extra,
    }


@dataclass(frozen=True, slots=True)
class Start:
    """One way of starting a bot for the cold-start table."""

    label: str
    command: Callable[[FakeBotApi], list[str]]
    env: dict[str, str]
    cwd: Path = ROOT


def _canned(script: str, answers_file: Path) -> Callable[[FakeBotApi], list[str]]:
    """A reference bot of bench/ that sends the real bot's answers, ready-made."""
    path = str(ROOT / "bench" / script)
    return lambda api: [sys.executable, path, api.url, api.token, str(answers_file)]


def starts(answers_file: Path, earlier: Path | None) -> list[Start]:
    """The real bot as deployed, without snapshot, without bytecode; then the references."""
    empty_cache = Path(tempfile.mkdtemp(prefix="no-pyc-"))
    bot = [sys.executable, "-m", "bot"]
    found = [
        Start("bot : bytecode compilé + instantané de la base", lambda api: bot, {}),
        Start("bot : bytecode compilé, sans instantané", lambda api: bot, {"SNAPSHOT_DIR": "off"}),
        Start(
            "bot : sans bytecode (ni présent ni inscriptible)",
            lambda api: bot,
            {"PYTHONDONTWRITEBYTECODE": "1", "PYTHONPYCACHEPREFIX": str(empty_cache)},
        ),
        Start(
            "référence : bot PTB minimal (bench/ptb_bot.py)",
            _canned("ptb_bot.py", answers_file),
            {},
        ),
        Start(
            "référence : bot httpx nu (bench/bare_bot.py)", _canned("bare_bot.py", answers_file), {}
        ),
    ]
    if earlier is not None:
        python = str(_python_of(earlier.resolve()))
        found.append(
            Start(
                f"version antérieure ({earlier.name}), bytecode compilé",
                lambda api: [python, "-m", "bot"],
                {},
                earlier.resolve(),
            )
        )
    return found


async def cold_starts(rate_limit: int, snapshots: Path, runs: int, ways: list[Start]) -> None:
    """Spawn → first getUpdates, ``runs`` times each, interleaved; median (min–max)."""
    api = FakeBotApi(validate=False)
    await api.start()
    times: dict[str, list[float]] = {way.label: [] for way in ways}
    try:
        for _ in range(runs):  # one of each in turn: a busy moment of the machine hits all
            for way in ways:
                env = bot_env(api, rate_limit, snapshots, **way.env)
                process, seconds = await spawn(api, way.command(api), env, way.cwd)
                await stop(process)
                times[way.label].append(seconds * 1000)
    finally:
        await api.stop()
    for label, found in times.items():
        print(
            f"  {label:<55} {statistics.median(found):6.0f} ms "
            f"({min(found):.0f}–{max(found):.0f}, {runs} lancements)"
        )


@dataclass(frozen=True, slots=True)
class Run:
    latency: Latency
    burst: Throughput
    cpu_ms_per_update: float
    """In the burst: one getUpdates answer brings up to 100 updates."""
    paced_cpu_ms_per_update: float
    """At Telegram's pace (30 updates/s): each update comes in its own getUpdates answer."""
    idle_rss_mib: float
    """Peak RSS (VmHWM) once started and past its first answers, before any load."""
    rss_mib: float


def _python_of(checkout: Path) -> Path:
    return checkout / ".venv" / "bin" / "python"


async def measure(
    command: Callable[[FakeBotApi], list[str]],
    answers: dict[str, list[str]] | None,
    args: argparse.Namespace,
    snapshots: Path,
    cwd: Path = ROOT,
) -> Run:
    """Start one bot on its own fake server and run the three measurements on it.

    ``answers`` are the messages the bot should send (None for another version of the bot,
    whose answers may differ: its replies are counted all the same)."""
    api = FakeBotApi(validate=False)  # measure the bot, not the test server's HTML checks
    await api.start()
    env = bot_env(api, args.rate_limit, snapshots)
    process, _ = await spawn(api, command(api), env, cwd)
    try:
        replies = await count_replies(api, QUESTIONS, 1)
        expected = {q: len(answers[q]) for q in QUESTIONS} if answers else replies
        if replies != expected:
            print(f"  ! réponses comptées {replies} ≠ rendu du moteur {expected}")
        idle = peak_rss_mib(process.pid)
        latency = await latency_loop(api, QUESTIONS, replies, args.latency_samples, 1000)
        cpu_before = cpu_seconds(process.pid)
        sent = await paced(api, QUESTIONS, replies, PACE, args.paced_seconds, 50_000)
        paced_cpu = (cpu_seconds(process.pid) - cpu_before) / sent * 1000
        cpu_before = cpu_seconds(process.pid)
        burst = await throughput(api, QUESTIONS, replies, args.updates, 100_000)
        cpu = cpu_seconds(process.pid) - cpu_before
        return Run(
            latency, burst, cpu / burst.answered * 1000, paced_cpu, idle, peak_rss_mib(process.pid)
        )
    finally:
        await stop(process)
        await api.stop()


def _spread(values: Sequence[float], digits: int) -> str:
    """Median, and min–max when there are several rounds."""
    middle = f"{statistics.median(values):.{digits}f}"
    if len(values) < 2:
        return middle
    return f"{middle} ({min(values):.{digits}f}–{max(values):.{digits}f})"


def report(runs: dict[str, list[Run]]) -> None:
    """One line per figure: each bot's median over the rounds (spread), ratios to the bare bot."""
    bare = runs["nu"]
    names = list(runs)

    def row(label: str, figure: Callable[[Run], float], unit: str, digits: int = 2) -> None:
        cells = []
        for name in names:
            values = [figure(run) for run in runs[name]]
            cell = f"{name} {_spread(values, digits)} {unit}"
            if name != "nu":
                ratios = [v / figure(b) for v, b in zip(values, bare, strict=True) if figure(b)]
                cell += f" [×{_spread(ratios, 2)} du nu]"
            cells.append(cell)
        print(f"  {label:<34} " + " · ".join(cells))

    rounds = len(bare)
    samples = len(bare[0].latency.samples)
    print(
        f"\nAller-retour par mise à jour, jusqu'à sa dernière réponse ({samples} échantillons "
        f"par manche, {rounds} manche{'s' if rounds > 1 else ''} ; médiane des manches, "
        "étendue entre parenthèses) :"
    )
    row("médiane", lambda r: r.latency.median(), "ms")
    row("p99", lambda r: r.latency.p99(), "ms")
    for question in QUESTIONS:

        def of_question(run: Run, question: str = question) -> float:
            return statistics.median(run.latency.by_question[question] or (0.0,))

        row(f"  {question} (médiane)", of_question, "ms")
    for name, found in runs.items():
        mismatched = sum(run.latency.mismatched for run in found)
        if mismatched:
            print(f"  ! réponses inattendues ({name}) : {mismatched}")
    first = runs["bot"][0].burst
    print(
        f"Débit ({first.updates} mises à jour d'un coup ; le bot en répond "
        f"{first.answered} en entier avec {first.messages} messages) :"
    )
    row("mises à jour répondues par seconde", lambda r: r.burst.rate(), "/s", 0)
    row("messages par seconde", lambda r: r.burst.messages / r.burst.seconds, "/s", 0)
    row("CPU par mise à jour (rafale)", lambda r: r.cpu_ms_per_update, "ms")
    row(
        "CPU par message envoyé (rafale)",
        lambda r: r.cpu_ms_per_update * r.burst.answered / max(1, r.burst.messages),
        "ms",
    )
    row(f"CPU par mise à jour ({PACE:.0f}/s)", lambda r: r.paced_cpu_ms_per_update, "ms")
    row("RSS maximal au repos (VmHWM)", lambda r: r.idle_rss_mib, "MiB", 1)
    row("RSS maximal, rafale comprise", lambda r: r.rss_mib, "MiB", 1)
    if "antérieur" in runs:
        now = [run.cpu_ms_per_update for run in runs["bot"]]
        then = [run.cpu_ms_per_update for run in runs["antérieur"]]
        print(
            f"CPU par mise à jour en rafale, bot actuel / version antérieure : "
            f"×{_spread([a / b for a, b in zip(now, then, strict=True)], 2)}"
        )
        now = [run.paced_cpu_ms_per_update for run in runs["bot"]]
        then = [run.paced_cpu_ms_per_update for run in runs["antérieur"]]
        print(
            f"CPU par mise à jour à {PACE:.0f}/s, bot actuel / version antérieure : "
            f"×{_spread([a / b for a, b in zip(now, then, strict=True)], 2)}"
        )


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--updates", type=int, default=2000)
    parser.add_argument("--latency-samples", type=int, default=300)
    parser.add_argument("--cold-runs", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=1, help="manches complètes (étendue)")
    parser.add_argument(
        "--paced-seconds", type=float, default=10.0, help="durée de la mesure à 30 mises à jour/s"
    )
    parser.add_argument(
        "--earlier",
        type=Path,
        help="une autre copie du projet (git worktree avec son .venv) mesurée à côté",
    )
    parser.add_argument(
        "--rate-limit",
        type=int,
        default=0,
        help="TELEGRAM_RATE_LIMIT du bot mesuré (0 : sans limiteur, la capacité propre du bot)",
    )
    args = parser.parse_args()
    await compile_bytecode()
    if args.earlier is not None:
        await compile_bytecode(str(_python_of(args.earlier.resolve())), args.earlier.resolve())
    snapshots = Path(tempfile.mkdtemp(prefix="bench-snapshots-"))
    index = ready_index(ROOT / "content", ROOT / "seeds", {"SNAPSHOT_DIR": str(snapshots)})
    answers = {q: render_html(answer(index, q)) for q in QUESTIONS}
    answers_file = snapshots / "answers.json"
    answers_file.write_text(json.dumps(answers, ensure_ascii=False), encoding="utf-8")
    limiter = f"{args.rate_limit} messages/s" if args.rate_limit else "désactivé"
    print(f"Limiteur de débit du bot : {limiter} ; Python {sys.version.split()[0]}")
    print("Démarrage à froid (lancement → premier getUpdates), médiane (min–max) :")
    ways = starts(answers_file, args.earlier)
    await cold_starts(args.rate_limit, snapshots, args.cold_runs, ways)
    bot = [sys.executable, "-m", "bot"]
    bots: dict[str, tuple[Callable[[FakeBotApi], list[str]], dict[str, list[str]] | None, Path]]
    bots = {
        "nu": (_canned("bare_bot.py", answers_file), answers, ROOT),
        "ptb": (_canned("ptb_bot.py", answers_file), answers, ROOT),
        "bot": (lambda api: bot, answers, ROOT),
    }
    if args.earlier is not None:  # its answers may differ: its replies are counted instead
        earlier = args.earlier.resolve()
        older = [str(_python_of(earlier)), "-m", "bot"]
        bots["antérieur"] = (lambda api: older, None, earlier)
    runs: dict[str, list[Run]] = {name: [] for name in bots}
    for _round in range(args.rounds):
        for name, (command, expected, cwd) in bots.items():
            runs[name].append(await measure(command, expected, args, snapshots, cwd))
    report(runs)


if __name__ == "__main__":
    asyncio.run(main())
