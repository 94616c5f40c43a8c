"""Reload benchmark: how long users wait for an answer while /recharger reads a large base.

    .tools/bin/uv run python bench/bench_reload.py [--factor 30] [--way both]

The real Application runs in this process against the local fake Bot API server, serving a
synthetic base ×``--factor`` (bench/synthetic.py). An admin sends /recharger; meanwhile a user
asks « /pays Turquie » every 0.1 s (each time from a new private chat, so the flood guard stays
out of it) until the reload's report arrives, each question timed to its answer. ``child`` is
how the bot reloads now (a child process reads, validates and indexes); ``thread`` is how it
did before issue 24 (the same work in a thread of the serving process). Prints figures,
asserts nothing; the machine is shared, so run it a few times.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.e2e_loop import percentile  # noqa: E402
from bench.synthetic import write_synthetic  # noqa: E402
from bot.config import Settings  # noqa: E402
from bot.content.rebuild import rebuild_index  # noqa: E402
from bot.engine.index import Index  # noqa: E402
from bot.startup import ready_index, validated_index  # noqa: E402
from bot.telegram import reload as reload_module  # noqa: E402
from bot.telegram.app import build_application  # noqa: E402
from tests.fake_bot_api import FakeBotApi  # noqa: E402
from tests.harness import polling  # noqa: E402

ADMIN = 42
QUESTION = "/pays Turquie"


async def _in_a_thread(content_dir: Path, seeds_dir: Path) -> Index:
    """The reload as it was before issue 24: validated in a thread of the serving process."""
    return await asyncio.to_thread(validated_index, content_dir, seeds_dir)


async def measure(root: Path, way: str) -> tuple[list[float], float]:
    """Answer times (ms) of the questions asked during one reload, and the reload's seconds."""
    reload_module.rebuild_index = rebuild_index if way == "child" else _in_a_thread  # type: ignore[assignment]
    api = FakeBotApi(validate=False)
    await api.start()
    content, seeds = root / "content", root / "seeds"
    settings = Settings(  # type: ignore[call-arg]
        token=api.token, api_url=api.url, admin_ids=frozenset({ADMIN}), rate_limit=0
    )
    index = ready_index(content, seeds, {"SNAPSHOT_DIR": "off"})
    waits: list[float] = []
    try:
        async with polling(build_application(settings, index, content, seeds)):
            started = time.perf_counter()
            await api.push(api.message_update("/recharger", user_id=ADMIN))
            user = 10_000
            while not any(int(p["chat_id"]) == ADMIN for p in api.sent()):
                user += 1
                asked = time.perf_counter()
                await api.push(api.message_update(QUESTION, user_id=user))
                while not any(int(p["chat_id"]) == user for p in api.sent()[-20:]):
                    await asyncio.sleep(0.002)
                waits.append((time.perf_counter() - asked) * 1000)
                await asyncio.sleep(0.1)
            seconds = time.perf_counter() - started
    finally:
        await api.stop()
    return waits, seconds


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--factor", type=int, default=30)
    parser.add_argument("--way", choices=("child", "thread", "both"), default="both")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="azsec-bench-reload-") as folder:
        root = Path(folder)
        write_synthetic(root, args.factor)
        size = sum(p.stat().st_size for p in (root / "content").glob("*.yaml")) / 1e6
        print(f"Base ×{args.factor} : {size:.1f} Mo de YAML")
        for way in ("child", "thread") if args.way == "both" else (args.way,):
            waits, seconds = await measure(root, way)
            print(
                f"{way:>6} : rechargement {seconds:.1f} s ; {len(waits)} questions pendant ; "
                f"attente médiane {statistics.median(waits):.0f} ms, "
                f"p99 {percentile(waits, 0.99):.0f} ms, max {max(waits):.0f} ms"
            )


if __name__ == "__main__":
    asyncio.run(main())
