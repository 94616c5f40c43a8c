"""Benchmark of the pictures (/carte, /frise): warm drawing against a minimal figure, and the
picture process as the bot uses it.

    .tools/bin/uv run python bench/bench_images.py [--samples N]

Prints, for a fresh process: the time to import matplotlib and the renderers (paid by each
new picture process, never by the bot); then for each picture the time to prepare its data
(pure engine), its first drawing, the median (« warm ») and worst of ``--samples`` uncached
drawings after the first, and the floor: the median drawing of a minimal matplotlib figure of
the same size (one line of text, saved as PNG with matplotlib's defaults), with the ratio
warm / floor (target ≤ ×2); the PNG's size and weight. Then the same pictures through the
bot's picture process (:class:`bot.image.drawer.Drawer`): its start (first picture) and each
round trip, drawing included.
"""

from __future__ import annotations

import argparse
import asyncio
import io
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.engine.pictures import Picture, picture
from bot.image.drawer import Drawer
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


def minimal_png(width: int, height: int) -> bytes:
    """The floor: a figure of the same size with one line of text, matplotlib's defaults."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(width / 72, height / 72), dpi=72)
    canvas = FigureCanvasAgg(figure)
    figure.text(0.1, 0.9, "Azerbaïdjan", fontsize=45)
    buffer = io.BytesIO()
    canvas.print_png(buffer)
    return buffer.getvalue()


CPU: list[tuple[str, float, float, float]] = []
"""(picture, median CPU seconds of a warm drawing, of the floor, of a drawing whose lines of
text are all new): on a shared machine the processor time of this process moves far less
with the load than the elapsed time."""


def fresh_lines(spec: object) -> None:
    """A drawing with no line of text kept from before (a picture of texts never drawn)."""
    from bot.image import glyphs, render

    glyphs._lines.clear()
    glyphs._kept = 0
    render.draw(spec)  # type: ignore[arg-type]


def median_of(samples: int, call: object) -> tuple[float, float, float, float]:
    """(first, median after the first, worst after the first, median CPU after the first) of
    ``samples + 1`` calls."""
    timings = []
    cpu = []
    for _ in range(samples + 1):
        began, began_cpu = time.perf_counter(), time.process_time()
        call()  # type: ignore[operator]
        timings.append(time.perf_counter() - began)
        cpu.append(time.process_time() - began_cpu)
    return timings[0], statistics.median(timings[1:]), max(timings[1:]), statistics.median(cpu[1:])


async def through_process(pictures: list[tuple[str, Picture]]) -> None:
    drawer = Drawer()
    try:
        for label, found in pictures * 2:
            began = time.perf_counter()
            await drawer.draw(found.spec)
            print(f"  {label:<16}{(time.perf_counter() - began) * 1000:>8.0f} ms")
    finally:
        await drawer.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--samples", type=int, default=10)
    samples = parser.parse_args().samples
    index = ready_index(CONTENT_DIR, SEEDS_DIR)
    started = time.perf_counter()
    from bot.image import render  # matplotlib and the renderers

    render.warm()
    print(
        f"import de matplotlib et des moteurs de dessin, fond de carte projeté : "
        f"{time.perf_counter() - started:.2f} s"
    )
    print(
        f"{'image':<16}{'données':>10}{'1er':>9}{'à chaud':>10}{'pire':>9}"
        f"{'plancher':>10}{'rapport':>9}  taille"
    )
    pictures = []
    for kind, argument in REQUESTS:
        began = time.perf_counter()
        found = picture(index, kind, argument)
        prepared = time.perf_counter() - began
        assert isinstance(found, Picture)
        label = f"/{kind} {argument}".strip()
        pictures.append((label, found))
        data = render.draw(found.spec)
        first, warm, worst, warm_cpu = median_of(samples, lambda: render.draw(found.spec))  # noqa: B023
        width = int.from_bytes(data[16:20], "big")
        height = int.from_bytes(data[20:24], "big")
        _, floor, _, floor_cpu = median_of(samples, lambda: minimal_png(width, height))  # noqa: B023
        _, _, _, fresh_cpu = median_of(samples, lambda: fresh_lines(found.spec))  # noqa: B023
        CPU.append((label, warm_cpu, floor_cpu, fresh_cpu))
        print(
            f"{label:<16}{prepared * 1000:>7.1f} ms{first * 1000:>6.0f} ms{warm * 1000:>7.0f} ms"
            f"{worst * 1000:>6.0f} ms{floor * 1000:>7.0f} ms{warm / floor:>8.2f}×"
            f"  {width}×{height}, {len(data) // 1024} Kio"
        )
    print(
        "Temps processeur (médiane à chaud, plancher, rapport ; puis sans aucune ligne de texte "
        "retenue, rapport) :"
    )
    for label, warm_cpu, floor_cpu, fresh_cpu in CPU:
        print(
            f"  {label:<16}{warm_cpu * 1000:>7.0f} ms{floor_cpu * 1000:>7.0f} ms"
            f"{warm_cpu / floor_cpu:>8.2f}×{fresh_cpu * 1000:>9.0f} ms"
            f"{fresh_cpu / floor_cpu:>8.2f}×"
        )
    print("Par le processus de dessin du bot (démarrage au premier, puis aller-retour) :")
    asyncio.run(through_process(pictures))


if __name__ == "__main__":
    main()
