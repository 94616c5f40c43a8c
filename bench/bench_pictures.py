"""Pictures benchmark, the real bot: its memory before and after pictures, and text answers'
latency while pictures are drawn, with questions spaced as people send them.

    .tools/bin/uv run python bench/bench_pictures.py [--seconds 20] [--pictures 60]
        [--earlier ../avant]

The real bot runs as its own process (``python -m bot run``, Telegram's 30 messages a second)
against the local fake Bot API server. Questions (« /pays Turquie », each from a new private
chat so the flood guard stays out of it) arrive at random, exponentially spaced intervals
(0.25 s on average, as independent people write), each timed to its last reply:
1. at rest, for ``--seconds``;
2. the same, while another person asks for /carte and /frise (11 filters, one picture after
   the other, each awaited), for ``--seconds``;
then ``--pictures`` more pictures in a row (more than one picture process's quota of 40, so
it is replaced at least once). The bot's resident memory (VmRSS) is read at rest before any
picture, after the first, and at rest after all of them, with its peak (VmHWM) and the picture
process's own. ``--earlier DIR`` runs the bot of another checkout (e.g. one that drew pictures
in its own process) the same way, afterwards, for comparison. ``--profile FILE`` runs the bot
under cProfile (where its own CPU per picture goes; times inflated). The floor of the bot's
own CPU per picture: a minimal python-telegram-bot bot (bench/ptb_bot.py) sending the same
PNG bytes, 40 times, measured after the bot. Prints figures, asserts nothing;
the machine is shared, so run it a few times.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import statistics
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from aiohttp import web  # noqa: E402

from bench.e2e_loop import percentile  # noqa: E402
from bot.engine.commands import answer  # noqa: E402
from bot.paths import CONTENT_DIR, SEEDS_DIR  # noqa: E402
from bot.render.html import render_html  # noqa: E402
from bot.startup import ready_index  # noqa: E402
from tests.fake_bot_api import JSON_FIELDS, FakeBotApi  # noqa: E402

QUESTION = "/pays Turquie"
PICTURES = tuple(
    f"/{kind} {argument}".strip()
    for kind in ("carte", "frise")
    for argument in ("", "2025", "2024", "Turquie", "Russie", "Arménie")
)[:11]
MEAN_GAP = 0.25


@dataclass
class CountingApi(FakeBotApi):
    """The fake server, counting messages and photos per chat as they arrive."""

    per_chat: Counter[int] = field(default_factory=Counter)
    fast_multipart: bool = True
    """False: uploads go through aiohttp's form reader, as in the tests (``--slow-server``)."""
    photos: Counter[int] = field(default_factory=Counter)

    async def _m_sendMessage(self, params: dict[str, Any]) -> dict[str, Any]:  # noqa: N802
        result = await super()._m_sendMessage(params)
        self.per_chat[int(params["chat_id"])] += 1
        return result

    last_photo: bytes = b""
    """The last photo received (the floor's bot sends those very bytes)."""

    async def _m_sendPhoto(self, params: dict[str, Any]) -> dict[str, Any]:  # noqa: N802
        result = await super()._m_sendPhoto(params)
        self.photos[int(params["chat_id"])] += 1
        if isinstance(params.get("photo"), bytes):
            self.last_photo = params["photo"]
        return result

    async def _params(self, request: web.Request) -> dict[str, Any]:
        """A multipart upload split with bytes operations (C code, well under a millisecond
        for a 300 KB photo) instead of aiohttp's form reader, whose Python-level parsing of
        each photo ran in this event loop — the one that times the answers — and was counted
        against the bot."""
        if not self.fast_multipart or request.content_type != "multipart/form-data":
            return await super()._params(request)
        return split_multipart(await request.read(), request.headers["Content-Type"])


def split_multipart(body: bytes, content_type: str) -> dict[str, Any]:
    """The fields of a multipart/form-data body: bytes for a file, text (JSON decoded for the
    Bot API's JSON fields) otherwise."""
    boundary = content_type.split("boundary=", 1)[1].split(";", 1)[0].strip('"').encode()
    params: dict[str, Any] = {}
    for part in body.split(b"--" + boundary)[1:]:
        if part.startswith(b"--"):
            break
        head, _, value = part.partition(b"\r\n\r\n")
        value = value.removesuffix(b"\r\n")
        name = head.split(b'name="', 1)[1].split(b'"', 1)[0].decode()
        if b'filename="' in head:
            params[name] = value
        else:
            text = value.decode()
            params[name] = json.loads(text) if name in JSON_FIELDS else text
    return params


def memory(pid: int) -> dict[str, float]:
    """VmRSS and VmHWM of ``pid``, in MiB."""
    found = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        name, _, value = line.partition(":")
        if name in ("VmRSS", "VmHWM"):
            found[name] = int(value.split()[0]) / 1024
    return found


def cpu(pid: int) -> float:
    """Processor seconds used so far by ``pid`` (user and system), its threads included."""
    fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(word) for word in text.split()]


class Users:
    """A new private chat for every request."""

    def __init__(self) -> None:
        self.next = 1_000

    def take(self) -> int:
        self.next += 1
        return self.next


async def ask_loop(api: CountingApi, users: Users, parts: int, seconds: float) -> list[float]:
    """Questions at exponential intervals (mean :data:`MEAN_GAP`); each timed (ms)."""
    times: list[float] = []
    draw = random.Random(25)

    async def one(user: int) -> None:
        started = time.perf_counter()
        await api.push(api.message_update(QUESTION, user_id=user))
        while api.per_chat[user] < parts:
            await asyncio.sleep(0.001)
        times.append((time.perf_counter() - started) * 1000)

    tasks = []
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        tasks.append(asyncio.create_task(one(users.take())))
        await asyncio.sleep(draw.expovariate(1 / MEAN_GAP))
    await asyncio.wait_for(asyncio.gather(*tasks), 60)
    return times


async def picture_loop(
    api: CountingApi, users: Users, count: int | None, seconds: float | None = None
) -> list[float]:
    """Pictures one after the other (each awaited, ms), ``count`` of them or for ``seconds``."""
    times: list[float] = []
    end = None if seconds is None else time.perf_counter() + seconds
    n = 0
    while (count is None or n < count) and (end is None or time.perf_counter() < end):
        user = users.take()
        started = time.perf_counter()
        await api.push(api.message_update(PICTURES[n % len(PICTURES)], user_id=user))
        for _ in range(60_000):
            if api.photos[user] or api.per_chat[user]:
                break
            await asyncio.sleep(0.001)
        times.append((time.perf_counter() - started) * 1000)
        n += 1
    return times


async def floor_cpu(picture: bytes, count: int) -> float:
    """CPU seconds per picture of a minimal python-telegram-bot bot (bench/ptb_bot.py) sending
    ``picture`` (the real bot's own PNG bytes) for each « /carte » and « /frise »."""
    api = CountingApi(validate=False)
    await api.start()
    with tempfile.TemporaryDirectory(prefix="azsec-bench-floor-") as folder:
        png, answers = Path(folder) / "picture.png", Path(folder) / "answers.json"
        png.write_bytes(picture)
        answers.write_text("{}", encoding="utf-8")
        script = str(ROOT / "bench" / "ptb_bot.py")
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            script,
            api.url,
            api.token,
            str(answers),
            str(png),
            stderr=asyncio.subprocess.DEVNULL,
        )
        users = Users()
        try:
            while api.first_poll_at is None:
                await asyncio.sleep(0.01)
            await picture_loop(api, users, 3)  # warm-up
            before = cpu(process.pid)
            await picture_loop(api, users, count)
            spent = cpu(process.pid) - before
        finally:
            process.terminate()
            await process.wait()
            await api.stop()
    return spent / count


def summary(label: str, times: list[float], floor: float | None = None) -> str:
    p99 = percentile(times, 0.99)
    ratio = f" (×{p99 / floor:.2f} le p99 au repos)" if floor else ""
    return (
        f"  {label} : {len(times)} questions, médiane {statistics.median(times):.1f} ms, "
        f"p95 {percentile(times, 0.95):.1f} ms, p99 {p99:.1f} ms{ratio}, max {max(times):.1f} ms"
    )


async def run(
    seconds: float,
    pictures: int,
    parts: int,
    root: Path = ROOT,
    fast: bool = True,
    profile: Path | None = None,
) -> None:
    api = CountingApi(validate=False, fast_multipart=fast)
    await api.start()
    env = {
        **os.environ,
        "TELEGRAM_BOT_TOKEN": api.token,
        "TELEGRAM_API_URL": api.url,
        "LOG_LEVEL": "WARNING",
        "BOT_STATE_PATH": str(
            Path(os.environ.get("TMPDIR", "/tmp")) / f"bench-images-{os.getpid()}.sqlite3"
        ),
    }
    env.pop("WEBHOOK_URL", None)
    env.pop("DATABASE_URL", None)
    profiled = [] if profile is None else ["-m", "cProfile", "-o", str(profile.resolve())]
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        *profiled,
        "-m",
        "bot",
        "run",
        cwd=root,
        env=env,
        stderr=asyncio.subprocess.DEVNULL,
    )
    users = Users()
    try:
        while api.first_poll_at is None:
            await asyncio.sleep(0.01)
        await ask_loop(api, users, parts, 2.0)  # warm-up
        await asyncio.sleep(1.0)
        before = memory(process.pid)
        print(f"RSS du bot au repos, avant toute image : {before['VmRSS']:.1f} Mio")
        cpu_before = cpu(process.pid)
        rest = await ask_loop(api, users, parts, seconds)
        cpu_rest = cpu(process.pid) - cpu_before
        await asyncio.sleep(1.0)
        texts_only = memory(process.pid)
        cpu_before = cpu(process.pid)
        asking = asyncio.create_task(ask_loop(api, users, parts, seconds))
        drawn = await picture_loop(api, users, None, seconds)
        during = await asking
        cpu_during = cpu(process.pid) - cpu_before
        await asyncio.sleep(1.0)
        after_some = memory(process.pid)
        more = await picture_loop(api, users, pictures)
        await asyncio.sleep(2.0)
        after = memory(process.pid)
        workers = children(process.pid)
        worker = memory(workers[0]) if workers else None
    finally:
        process.terminate()
        await process.wait()
        await api.stop()
    print("Réponses texte, questions espacées au hasard (0,25 s en moyenne) :")
    floor = percentile(rest, 0.99)
    print(summary("au repos", rest))
    print(summary(f"pendant {len(drawn)} images", during, floor))
    per_question = cpu_rest / len(rest)
    per_picture = (cpu_during - per_question * len(during)) / len(drawn)
    print(
        f"CPU du bot (son processus seul, dessin exclu) : {per_question * 1000:.1f} ms par "
        f"question au repos ; {per_picture * 1000:.1f} ms par image (envoi de la photo compris)"
    )
    if api.last_photo:
        floor_picture = await floor_cpu(api.last_photo, 40)
        print(
            f"Plancher : bot PTB minimal envoyant la même photo ({len(api.last_photo) / 1000:.0f}"
            f" ko) : {floor_picture * 1000:.1f} ms de CPU par image ; le bot : "
            f"×{per_picture / floor_picture:.2f}"
        )
    print(
        f"Images (demande → photo) : médiane {statistics.median(drawn + more):.0f} ms, "
        f"max {max(drawn + more):.0f} ms, {len(drawn) + len(more)} demandes"
    )
    print(
        f"RSS du bot au repos : avant {before['VmRSS']:.1f} Mio ; après {len(rest)} questions "
        f"sans image {texts_only['VmRSS']:.1f} Mio ; après {len(drawn)} images "
        f"{after_some['VmRSS']:.1f} Mio ; après {len(drawn) + len(more)} images "
        f"{after['VmRSS']:.1f} Mio (×{after['VmRSS'] / before['VmRSS']:.2f}) ; "
        f"pic (VmHWM) {after['VmHWM']:.1f} Mio"
    )
    spent = api.handler_ms.get("sendPhoto", [])
    if spent:
        print(
            f"Temps du faux serveur par photo reçue (dans la boucle qui chronomètre) : "
            f"médiane {statistics.median(spent):.1f} ms, max {max(spent):.1f} ms "
            f"({'découpage en octets' if fast else 'lecteur de formulaire aiohttp'})"
        )
    if worker is not None:
        rss = worker["VmRSS"]
        print(f"Processus de dessin (à part, arrêté après 120 s sans image) : {rss:.1f} Mio")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--pictures", type=int, default=60)
    parser.add_argument("--earlier", type=Path, help="une autre copie du bot, mesurée ensuite")
    parser.add_argument(
        "--slow-server",
        action="store_true",
        help="le faux serveur lit les photos avec le lecteur de formulaire d'aiohttp (avant)",
    )
    parser.add_argument(
        "--profile",
        type=Path,
        help="le bot tourne sous cProfile, ses mesures écrites dans ce fichier à son arrêt "
        "(lire avec pstats ; les chiffres de temps sont alors gonflés)",
    )
    args = parser.parse_args()
    parts = len(render_html(answer(ready_index(CONTENT_DIR, SEEDS_DIR), QUESTION)))
    print(f"Ce bot ({ROOT}) :")
    fast = not args.slow_server
    asyncio.run(run(args.seconds, args.pictures, parts, fast=fast, profile=args.profile))
    if args.earlier is not None:
        print(f"Autre copie ({args.earlier.resolve()}) :")
        asyncio.run(run(args.seconds, args.pictures, parts, args.earlier.resolve(), fast))


if __name__ == "__main__":
    main()
