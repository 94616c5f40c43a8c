"""Issue 25, point 2: the pictures' PNGs are written directly (opaque RGB, rows unfiltered,
zlib level 1) with exactly the pixels matplotlib draws; a transparent one keeps its alpha."""

from __future__ import annotations

import io

import numpy as np
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


def test_an_opaque_picture_is_rgb_with_the_pixels_matplotlib_draws() -> None:
    canvas = _canvas("white")
    data = canvas_png(canvas)
    assert data.startswith(SIGNATURE)
    mode, pixels = _pixels(data)
    assert mode == "RGB"  # no alpha channel to encode
    assert (pixels == np.asarray(canvas.buffer_rgba())).all()
    reference = io.BytesIO()
    canvas.print_png(reference)
    assert (pixels == _pixels(reference.getvalue())[1]).all()


def test_a_transparent_picture_keeps_its_alpha() -> None:
    canvas = _canvas("none")
    mode, pixels = _pixels(canvas_png(canvas))
    assert mode == "RGBA"
    assert pixels[..., 3].min() < 255
    assert (pixels == np.asarray(canvas.buffer_rgba())).all()
