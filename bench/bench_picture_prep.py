"""What the bot spends preparing a picture request (entries selected, caption rendered and
split, buttons, PNG key), built anew and kept (``bot.telegram.picture_cache``), in CPU.

    .tools/bin/uv run python bench/bench_picture_prep.py            # the shipped base (×1)
    .tools/bin/uv run python bench/bench_picture_prep.py --snapshot /tmp/bases/x1000/cache

``--snapshot``: a snapshot directory written by the bot (``SNAPSHOT_DIR``) for a larger base,
e.g. by ``bench_startup.py`` at ×1000; its index is read as a restart reads it. Prints
figures, asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.content.snapshot import FORMAT, SNAPSHOT_NAME, read_snapshot  # noqa: E402
from bot.engine.index import Index  # noqa: E402
from bot.engine.pictures import Picture, picture  # noqa: E402
from bot.paths import CONTENT_DIR, SEEDS_DIR  # noqa: E402
from bot.startup import ready_index  # noqa: E402
from bot.telegram.picture_cache import PictureCache, prepare  # noqa: E402

REQUESTS = (("carte", ""), ("carte", "2025"), ("frise", ""), ("frise", "Turquie"))


def index_of(folder: Path | None) -> Index:
    if folder is None:
        return ready_index(CONTENT_DIR, SEEDS_DIR)
    with (folder / SNAPSHOT_NAME).open("rb") as file:
        head = file.read(len(FORMAT) + 65)
    gc.disable()
    found = read_snapshot(folder, head[len(FORMAT) : len(FORMAT) + 64].decode(), Index)
    if found is None:
        raise SystemExit(f"aucun instantané lisible dans {folder}")
    gc.freeze()
    gc.enable()
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--snapshot", type=Path)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    index = index_of(args.snapshot)
    for kind, argument in REQUESTS:
        picture(index, kind, argument)  # any table still lazy: built before timing
        started = time.process_time()
        for _ in range(args.rounds):
            made = picture(index, kind, argument)
            if isinstance(made, Picture):
                prepare(made)
        built = (time.process_time() - started) / args.rounds
        cache = PictureCache()

        async def kept(
            kind: str = kind, argument: str = argument, cache: PictureCache = cache
        ) -> float:
            await cache.get(index, (kind, argument), lambda: picture(index, kind, argument))
            began = time.process_time()
            for _ in range(1000):
                await cache.get(index, (kind, argument), lambda: picture(index, kind, argument))
            return (time.process_time() - began) / 1000

        again = asyncio.run(kept())
        print(
            f"/{kind} {argument or '(sans filtre)'} : préparée {built * 1000:.2f} ms de CPU ; "
            f"gardée {again * 1e6:.1f} µs"
        )


if __name__ == "__main__":
    main()
