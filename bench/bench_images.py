"""Benchmark of the pictures (/carte, /frise): import, first drawing, cached drawing.

    .tools/bin/uv run python bench/bench_images.py [--samples N]

Prints, for a fresh process: the time to import matplotlib and the renderers (paid once, on
the first picture asked for, never at start-up); then for each picture the time to prepare
its data (pure engine), its first drawing (fonts and shapes loaded on the way), the median
and the worst of ``--samples`` uncached drawings with the first one counted in, and the time
to serve it from the cache, with the PNG's size and weight. Target: worst ≤ 1 s.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.engine.filters import TimelineFilter
from bot.engine.pictures import Picture, TimelineSpec, picture, timeline_page_picture
from bot.paths import CONTENT_DIR, SEEDS_DIR
from bot.startup import ready_index

REQUESTS = (
    ("carte", ""),
    ("carte", "2025"),
    ("carte", "Turquie"),
    ("frise", ""),
    ("frise", "2025"),
    ("frise", "Turquie"),
)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--samples", type=int, default=10)
    samples = parser.parse_args().samples
    index = ready_index(CONTENT_DIR, SEEDS_DIR)
    started = time.perf_counter()
    from bot.image import render  # matplotlib and the renderers

    render.draw  # noqa: B018
    import bot.image.carte
    import bot.image.frise  # noqa: F401

    print(f"import de matplotlib et des moteurs de dessin : {time.perf_counter() - started:.2f} s")
    print(
        f"{'image':<16}{'données':>10}{'1er dessin':>12}{'dessin p50':>12}{'dessin max':>12}"
        f"{'cache':>10}  taille"
    )
    for kind, argument in REQUESTS:
        began = time.perf_counter()
        found = picture(index, kind, argument)
        prepared = time.perf_counter() - began
        assert isinstance(found, Picture)
        timings = []
        data = b""
        for _ in range(samples):
            began = time.perf_counter()
            data = render.draw(found.spec)
            timings.append(time.perf_counter() - began)
        render.png(found)  # fills the cache
        began = time.perf_counter()
        render.png(picture(index, kind, argument))
        cached = time.perf_counter() - began
        label = f"/{kind} {argument}".strip()
        width = int.from_bytes(data[16:20], "big")
        height = int.from_bytes(data[20:24], "big")
        print(
            f"{label:<16}{prepared * 1000:>8.1f} ms{timings[0]:>10.2f} s"
            f"{statistics.median(timings):>10.2f} s{max(timings):>10.2f} s"
            f"{cached * 1000:>7.1f} ms  {width}×{height}, {len(data) // 1024} Kio"
        )
    spec = picture(index, "frise", "")
    assert isinstance(spec, Picture) and isinstance(spec.spec, TimelineSpec)
    wanted = TimelineFilter()
    for page in range(2, spec.spec.pages + 1):
        turned = timeline_page_picture(index, wanted, page)
        assert isinstance(turned, Picture)
        began = time.perf_counter()
        data = render.draw(turned.spec)
        drawn = time.perf_counter() - began
        print(f"/frise page {page}/{spec.spec.pages} : {drawn:.2f} s, {len(data) // 1024} Kio")


if __name__ == "__main__":
    main()
