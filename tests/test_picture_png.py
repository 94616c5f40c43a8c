"""Issue 25, point 2: the pictures' PNGs are written directly (rows unfiltered, zlib level 1)
with exactly the pixels matplotlib draws, transparent ones included;
the bot gives a picture's memory back without stopping its answering loop."""

from __future__ import annotations

import asyncio
import io
import threading

import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from PIL import Image

from bot.image.png import SIGNATURE, canvas_png


def _canvas(facecolor: str) -> FigureCanvasAgg:
    figure = Figure(figsize=(3, 2), dpi=72, facecolor=facecolor)
    canvas = FigureCanvasAgg(figure)
    figure.text(0.1, 0.5, "Azerbaïdjan — été 2025", fontsize=14, color="#0072B2")
    return canvas


def _pixels(data: bytes) -> tuple[str, np.ndarray]:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image.mode, np.asarray(image.convert("RGBA"))


def test_a_picture_has_exactly_the_pixels_matplotlib_draws() -> None:
    canvas = _canvas("white")
    data = canvas_png(canvas)
    assert data.startswith(SIGNATURE)
    _, pixels = _pixels(data)
    assert (pixels == np.asarray(canvas.buffer_rgba())).all()
    reference = io.BytesIO()
    canvas.print_png(reference)
    assert (pixels == _pixels(reference.getvalue())[1]).all()


def test_a_transparent_picture_keeps_its_alpha() -> None:
    canvas = _canvas("none")
    _, pixels = _pixels(canvas_png(canvas))
    assert pixels[..., 3].min() < 255
    assert (pixels == np.asarray(canvas.buffer_rgba())).all()


def test_the_memory_a_picture_used_is_given_back_off_the_answering_loop(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """malloc_trim walks the bot's whole heap (up to ~12 ms measured): it runs in a thread,
    never in the loop that answers the other users."""
    from bot.telegram import pictures

    threads: list[int] = []

    async def sent(*_: object) -> None:
        return None

    monkeypatch.setattr(pictures, "_send_picture", sent)
    monkeypatch.setattr(pictures, "release_memory", lambda: threads.append(threading.get_ident()))

    async def run() -> int:
        await pictures.send_picture(None, None, None)  # type: ignore[arg-type]
        return threading.get_ident()

    loop_thread = asyncio.run(run())
    assert threads and threads[0] != loop_thread
