"""Lines of text rasterised once per picture process, then drawn from memory (Agg).

matplotlib 3.11 lays out and rasterises every glyph of every line each time a figure is
drawn (FreeType, one call per glyph), about 40 % of a timeline's drawing; our pictures draw
the same lines again and again (legends, footers, dates, names of countries). The canvas
of :func:`canvas` has a renderer that keeps each line's bitmap and metrics under its text, its
font and the resolution, and draws a known line with one copy of its bitmap. A line is
rasterised whole and placed on the whole pixel, as matplotlib up to 3.10 did (3.11 places each
glyph on a fraction of a pixel): the same letters at the same size, within half a pixel.
The memory is bounded (:data:`KEPT_BYTES`); the picture process is recycled anyway.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

import numpy as np
from matplotlib.backend_bases import GraphicsContextBase
from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg, get_hinting_flag
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties

KEPT_BYTES = 24 * 1024 * 1024
"""Bitmaps kept (a 45-pixel line across the picture is ~50 Kio)."""

Line = tuple[np.ndarray[Any, np.dtype[np.uint8]], float, float, float, float, float]
"""A rasterised line: its bitmap, its offset (x, y) and descent, width and height (pixels)."""
_lines: OrderedDict[tuple[str, FontProperties, float, bool], Line] = OrderedDict()
_kept = 0


def _line(renderer: RendererAgg, text: str, prop: FontProperties, antialiased: bool) -> Line:
    """``text`` in ``prop`` at the renderer's resolution, rasterised (remembered)."""
    global _kept
    key = (text, prop, float(renderer.dpi), antialiased)
    found = _lines.get(key)
    if found is not None:
        _lines.move_to_end(key)
        return found
    font = renderer._prepare_font(prop)  # type: ignore[no-untyped-call]
    font.set_text(text, 0.0, flags=get_hinting_flag())  # type: ignore[no-untyped-call]
    font.draw_glyphs_to_bitmap(antialiased=antialiased)
    width, height = font.get_width_height()
    x, y = font.get_bitmap_offset()
    bitmap = np.array(font.get_image(), dtype=np.uint8)  # a copy: the font's buffer is reused
    found = (bitmap, x / 64, y / 64, font.get_descent() / 64, width / 64, height / 64)
    _lines[(text, prop.copy(), float(renderer.dpi), antialiased)] = found
    _kept += bitmap.nbytes
    while _kept > KEPT_BYTES and len(_lines) > 1:
        _, dropped = _lines.popitem(last=False)
        _kept -= dropped[0].nbytes
    return found


class LineRenderer(RendererAgg):
    """An Agg renderer drawing plain, unrotated text from :func:`_line`; anything else
    (mathematical text, an angle) the way matplotlib does."""

    def draw_text(
        self,
        gc: GraphicsContextBase,
        x: float,
        y: float,
        s: str,
        prop: FontProperties,
        angle: float,
        ismath: bool | str = False,
        mtext: object = None,
    ) -> None:
        if ismath or angle:
            super().draw_text(gc, x, y, s, prop, angle, ismath, mtext)  # type: ignore[no-untyped-call]
            return
        bitmap, xo, yo, descent, _, _ = _line(self, s, prop, bool(gc.get_antialiased()))
        left = round(x + xo)
        top = round(y + yo + descent)
        self._renderer.draw_text_image(bitmap, left, top + 1, 0, gc)

    def get_text_width_height_descent(
        self, s: str, prop: FontProperties, ismath: bool | str
    ) -> tuple[float, float, float]:
        if ismath:
            found = super().get_text_width_height_descent(s, prop, ismath)  # type: ignore[no-untyped-call]
            return float(found[0]), float(found[1]), float(found[2])
        _, _, _, descent, width, height = _line(self, s, prop, True)
        return width, height, descent


class LineCanvas(FigureCanvasAgg):
    """An Agg canvas whose renderer is a :class:`LineRenderer`."""

    def get_renderer(self) -> RendererAgg:
        w, h = self.get_width_height(physical=True)
        key = w, h, self.figure.dpi
        if self._lastKey != key:
            self.renderer = LineRenderer(w, h, self.figure.dpi)  # type: ignore[no-untyped-call]
            self._lastKey = key
        renderer: RendererAgg = self.renderer
        return renderer


def canvas(figure: Figure) -> FigureCanvasAgg:
    """The canvas to draw ``figure`` on."""
    return LineCanvas(figure)
