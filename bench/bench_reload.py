"""Reload benchmark: how long users wait for an answer while /recharger reads a large base.

    .tools/bin/uv run python bench/bench_reload.py [--factors 1 100 1000] [--bases /tmp/bases]

For each size, the real Application runs in this process against the local fake Bot API
server, serving a synthetic base ×N (bench/synthetic.py; with ``--bases DIR`` the base is
written once to ``DIR/xN`` and reused by later runs, since ×1000 takes minutes to write). The
bot starts as it does in production, its snapshot directory (``SNAPSHOT_DIR``) a fresh
temporary one. A user asks « /pays Turquie » every 0.1 s (each time from a new private chat,
so the flood guard stays out of it), each question timed to its answer:

- at rest for 3 s (the floor: the same answers without a reload);
- during a reload with every file's validation in the cache (the content unchanged);
- during a reload after ONE changed file (a word of a summary in ``content/events.yaml``);
- during a reload with the validation cache and the snapshot removed (every file parsed and
  validated again, as the first reload after an upgrade of the bot).

For each it prints the reload's seconds (from /recharger to its report), the answers' p50,
p99 and max, and the ratio of the p99 to the one at rest, then the process's RSS; and the
reload's CPU: the reading child's, and the serving process's extra (its CPU during the
reload less the questions answered meanwhile, each at the CPU a question cost at rest).
``--way thread`` runs the reloads as the bot did before issue 24 (validation in a thread of
the serving process), for comparison. Prints figures, asserts nothing; the machine is
shared, so run it a few times.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import resource
import shutil
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

from bench.e2e_loop import percentile  # noqa: E402
from bench.synthetic import LARGE_CONTENT, write_synthetic  # noqa: E402
from bot import startup  # noqa: E402
from bot.config import Settings  # noqa: E402
from bot.content.snapshot import SNAPSHOT_NAME  # noqa: E402
from bot.engine.index import Index  # noqa: E402
from bot.rebuild import rebuild_index  # noqa: E402
from bot.startup import (  # noqa: E402
    FULLTEXT_CACHE,
    VALIDATION_CACHE,
    ready_index,
    validated_index,
)
from bot.telegram import reload as reload_module  # noqa: E402
from bot.telegram.app import build_application  # noqa: E402
from tests.fake_bot_api import FakeBotApi  # noqa: E402
from tests.harness import polling  # noqa: E402

ADMIN = 42
QUESTION = "/pays Turquie"
REST_SECONDS = 3.0


async def _in_a_thread(content_dir: Path, seeds_dir: Path, _current: Index | None = None) -> Index:
    """The reload as it was before issue 24: validated in a thread of the serving process."""
    return await asyncio.to_thread(validated_index, content_dir, seeds_dir)


@dataclass
class CountingApi(FakeBotApi):
    """The fake server, counting messages per chat as they arrive: the timing loop reads a
    counter instead of scanning every call recorded so far (which grew with the questions
    and, in this very loop, added its own delay to the answers it timed)."""

    per_chat: Counter[int] = field(default_factory=Counter)

    async def _m_sendMessage(self, params: dict[str, Any]) -> dict[str, Any]:  # noqa: N802
        result = await super()._m_sendMessage(params)
        self.per_chat[int(params["chat_id"])] += 1
        return result


class Asker:
    """Asks the question every 0.1 s from a new chat, timing each answer (ms)."""

    def __init__(self, api: CountingApi) -> None:
        self.api = api
        self.user = 10_000
        self.per_answer = 0.0
        """CPU seconds this process spends per question at rest (set by :meth:`at_rest`)."""

    async def ask(self) -> float:
        self.user += 1
        asked = time.perf_counter()
        await self.api.push(self.api.message_update(QUESTION, user_id=self.user))
        while not self.api.per_chat[self.user]:
            await asyncio.sleep(0.002)
        return (time.perf_counter() - asked) * 1000

    async def at_rest(self) -> list[float]:
        waits: list[float] = []
        cpu = _cpu()[0]
        end = time.perf_counter() + REST_SECONDS
        while time.perf_counter() < end:
            waits.append(await self.ask())
            await asyncio.sleep(0.1)
        self.per_answer = (_cpu()[0] - cpu) / len(waits)
        per_answer = self.per_answer * 1000
        print(f"    CPU du processus qui répond par question au repos : {per_answer:.1f} ms")
        return waits

    async def during_reload(self) -> tuple[list[float], float]:
        """Answer times during one /recharger, and the reload's seconds to its report."""
        reports = self.api.per_chat[ADMIN]
        started = time.perf_counter()
        cpu = _cpu()
        await self.api.push(self.api.message_update("/recharger", user_id=ADMIN))
        waits: list[float] = []
        while self.api.per_chat[ADMIN] == reports:
            waits.append(await self.ask())
            await asyncio.sleep(0.1)
        report = [p for p in self.api.sent() if int(p["chat_id"]) == ADMIN][-1]
        if "✅" not in str(report.get("text")):
            raise RuntimeError(f"rechargement refusé : {report.get('text')}")
        seconds = time.perf_counter() - started
        own, child = (after - before for after, before in zip(_cpu(), cpu, strict=True))
        extra = own - len(waits) * self.per_answer
        print(
            f"    CPU jusqu'au rapport (nouvelle base servie) : {own + child:.2f} s (processus "
            f"qui répond, réponses comprises : {own:.2f} s ; processus de lecture : "
            f"{child:.2f} s)\n"
            f"    rechargement seul, réponses ôtées au CPU du repos ({len(waits)} × "
            f"{self.per_answer * 1000:.1f} ms) : {extra + child:.2f} s (lecture {child:.2f} s "
            f"+ relecture de la base neuve dans le processus qui répond {extra:.2f} s)",
            flush=True,
        )
        # since the reload serves first, a thread builds the tables and writes the snapshot
        # after the report: its answers are timed too, in the same figures
        writing, after = startup._writing, 0
        while writing is not None and writing.is_alive():
            waits.append(await self.ask())
            after += 1
            await asyncio.sleep(0.1)
        if after:
            own = _cpu()[0] - cpu[0]
            print(
                f"    puis tables et instantané dans un fil : {time.perf_counter() - started:.1f}"
                f" s depuis /recharger, {after} questions de plus ; CPU du processus qui "
                f"répond depuis /recharger : {own:.2f} s",
                flush=True,
            )
        return waits, seconds


def _cpu() -> tuple[float, float]:
    """CPU seconds (user + system) used so far by this process and by its finished children
    (the reload's reading process)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime


def _rss() -> float:
    """This process's resident memory now (MiB)."""
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def _figures(label: str, waits: list[float], rest_p99: float, seconds: float | None) -> None:
    took = f"rechargement {seconds:6.1f} s ; " if seconds is not None else " " * 22
    p99 = percentile(waits, 0.99)
    print(
        f"  {label:<38} {took}{len(waits):4} questions, attente p50 "
        f"{statistics.median(waits):5.0f} ms, p99 {p99:5.0f} ms (×{p99 / rest_p99:.1f} "
        f"du repos), max {max(waits):5.0f} ms"
    )


def _edit_one_file(content: Path, round_: int) -> None:
    path = content / "events.yaml"
    text = path.read_text(encoding="utf-8")
    old, new = ("rejoint", "rejoins") if round_ % 2 == 0 else ("rejoins", "rejoint")
    if old not in text:  # a base left edited by an earlier run: the change still happens
        old, new = new, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


async def measure(root: Path, way: str, cold: bool = True) -> None:
    """Every figure for the base under ``root`` (a copy this function may edit)."""
    reload_module.rebuild_index = rebuild_index if way == "child" else _in_a_thread  # type: ignore[assignment]
    content, seeds, cache = root / "content", root / "seeds", root / "cache"
    os.environ["SNAPSHOT_DIR"] = str(cache)  # the reload's child inherits it, as in production
    started = time.perf_counter()
    index = ready_index(content, seeds)
    seconds = time.perf_counter() - started
    print(f"  premier démarrage (tout validé, instantané écrit) : {seconds:.1f} s")
    api = CountingApi(validate=False)
    await api.start()
    settings = Settings(  # type: ignore[call-arg]
        token=api.token, api_url=api.url, admin_ids=frozenset({ADMIN}), rate_limit=0
    )
    asker = Asker(api)
    try:
        async with polling(build_application(settings, index, content, seeds)):
            rest = await asker.at_rest()
            rest_p99 = percentile(rest, 0.99)
            _figures("au repos", rest, rest_p99, None)
            print(f"  RSS au repos : {_rss():.0f} Mio")
            waits, seconds = await asker.during_reload()
            _figures("rechargement, rien de changé", waits, rest_p99, seconds)
            print(f"  RSS après : {_rss():.0f} Mio")
            _edit_one_file(content, 0)
            waits, seconds = await asker.during_reload()
            _figures("rechargement, UN fichier modifié", waits, rest_p99, seconds)
            _edit_one_file(content, 1)
            waits, seconds = await asker.during_reload()
            _figures("… et encore une fois", waits, rest_p99, seconds)
            if not cold:
                return
            shutil.rmtree(cache / VALIDATION_CACHE, ignore_errors=True)
            shutil.rmtree(cache / FULLTEXT_CACHE, ignore_errors=True)
            (cache / SNAPSHOT_NAME).unlink(missing_ok=True)  # else it is handed over as is
            waits, seconds = await asker.during_reload()
            _figures("rechargement, caches vidés", waits, rest_p99, seconds)
            rest = await asker.at_rest()
            _figures("au repos ensuite", rest, rest_p99, None)
            print(f"  RSS ensuite : {_rss():.0f} Mio")
    finally:
        await api.stop()


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--factors", type=int, nargs="+", default=[1, 100, 1000])
    parser.add_argument("--bases", type=Path, help="folder keeping the bases written (xN)")
    parser.add_argument("--way", choices=("child", "thread"), default="child")
    parser.add_argument(
        "--no-cold", action="store_true", help="skip the reload with the caches emptied"
    )
    args = parser.parse_args()
    os.environ.update({name: value for name, value in LARGE_CONTENT.items()})
    for factor in args.factors:
        with tempfile.TemporaryDirectory(prefix="azsec-bench-reload-") as folder:
            root = Path(folder)
            kept = None if args.bases is None else args.bases / f"x{factor}"
            if kept is not None and not (kept / "content").is_dir():
                write_synthetic(kept, factor)
            if kept is not None:
                shutil.copytree(kept / "content", root / "content")
                shutil.copytree(kept / "seeds", root / "seeds")
            else:
                write_synthetic(root, factor)
            size = sum(p.stat().st_size for p in (root / "content").glob("*.yaml")) / 1e6
            print(f"Base ×{factor} : {size:.1f} Mo de YAML ({args.way})")
            await measure(root, args.way, not args.no_cold)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"RSS maximal de ce processus : {peak:.0f} Mio")


if __name__ == "__main__":
    asyncio.run(main())
