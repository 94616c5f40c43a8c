"""Text laid out top to bottom in pixels, measured before drawing (matplotlib, Agg).

A :class:`Sheet` collects what to draw (texts wrapped to a width, markers, lines) with
pixel positions counted from the top left; :meth:`Sheet.draw` then makes a figure exactly as
tall as the content and returns the PNG, with every text drawn and its font size, so tests
can check the smallest text and where labels fall.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.lines import Line2D

from bot.image.glyphs import canvas as line_canvas
from bot.image.png import canvas_png
from bot.image.style import DPI, INK, LINE, WIDTH_PX

_renderer: RendererAgg | None = None


def renderer() -> RendererAgg:
    """A renderer to measure text with (made once)."""
    global _renderer
    if _renderer is None:
        _renderer = FigureCanvasAgg(Figure(figsize=(1, 1), dpi=DPI)).get_renderer()
    return _renderer


@lru_cache(maxsize=8192)
def text_width(text: str, size: float, weight: str = "normal") -> float:
    """Width in pixels of one line of ``text`` (remembered: wrapping measures the same lines
    again from one picture to the next)."""
    width, _, _ = renderer().get_text_width_height_descent(
        text, FontProperties(size=size, weight=weight), ismath=False
    )
    return float(width)


def wrap(text: str, size: float, width: float, weight: str = "normal") -> list[str]:
    """``text`` cut into lines no wider than ``width`` pixels, at spaces, never cut inside a
    word (a word wider than the line gets a line of its own)."""
    text = text.replace("« ", "«\u00a0").replace(" »", "\u00a0»")  # never alone on a line
    lines: list[str] = []
    for paragraph in text.split("\n"):
        current = ""
        for word in paragraph.split(" "):
            trial = f"{current} {word}" if current else word
            if current and text_width(trial, size, weight) > width:
                lines.append(current)
                current = word
            else:
                current = trial
        lines.append(current)
    return lines


@dataclass(frozen=True, slots=True)
class Drawn:
    """A text as drawn: its words, font size in pixels and box (x0, y0, x1, y1) from the
    top left, in pixels."""

    text: str
    size: float
    box: tuple[float, float, float, float]
    role: str = ""


@dataclass
class Sheet:
    """What to draw, in pixels from the top left of a ``WIDTH_PX``-wide picture."""

    texts: list[tuple[float, float, str, float, str, str, str, bool]] = field(default_factory=list)
    marks: list[tuple[float, float, str, bool, str, float]] = field(default_factory=list)
    lines: list[tuple[float, float, float, float, str, float]] = field(default_factory=list)

    def text(
        self,
        x: float,
        y: float,
        words: str,
        size: float,
        width: float,
        *,
        weight: str = "normal",
        colour: str = INK,
        role: str = "",
        boxed: bool = False,
    ) -> float:
        """Write ``words`` wrapped to ``width`` with its top left at (x, y); return its height.
        ``boxed``: on a white, nearly opaque background (labels over the map)."""
        lines = wrap(words, size, width, weight)
        self.texts.append((x, y, "\n".join(lines), size, weight, colour, role, boxed))
        return len(lines) * size * LINE

    def mark(
        self, x: float, y: float, shape: str, filled: bool, colour: str, size: float = 26
    ) -> None:
        """A marker (matplotlib shape letter) centred on (x, y)."""
        self.marks.append((x, y, shape, filled, colour, size))

    def line(
        self,
        x0: float,
        y0: float,
        x1: float,
        y1: float,
        colour: str = INK,
        width: float = 2.0,
    ) -> None:
        """A straight line between two points."""
        self.lines.append((x0, y0, x1, y1, colour, width))

    def figure(self, height: float, facecolor: str = "white") -> Figure:
        """An empty figure ``WIDTH_PX`` × ``height`` pixels."""
        return Figure(figsize=(WIDTH_PX / DPI, height / DPI), dpi=DPI, facecolor=facecolor)

    def draw(self, figure: Figure) -> tuple[bytes, tuple[Drawn, ...]]:
        """Draw everything on ``figure`` (made by :meth:`figure`); the PNG and each text."""
        height = figure.bbox.height
        canvas = line_canvas(figure)
        for x0, y0, x1, y1, colour, width in self.lines:
            figure.add_artist(
                Line2D(
                    [x0 / WIDTH_PX, x1 / WIDTH_PX],
                    [1 - y0 / height, 1 - y1 / height],
                    color=colour,
                    linewidth=width,
                    transform=figure.transFigure,
                    zorder=3,
                )
            )
        for x, y, shape, filled, colour, size in self.marks:
            if not filled:  # a hollow marker: a thin dark ring around a thick coloured one,
                figure.add_artist(  # so that a light colour still shows on white at 390 px
                    Line2D(
                        [x / WIDTH_PX],
                        [1 - y / height],
                        marker=shape,
                        markersize=size + 6,
                        markerfacecolor="none",
                        markeredgecolor=INK,
                        markeredgewidth=2,
                        transform=figure.transFigure,
                        zorder=4,
                    )
                )
            figure.add_artist(
                Line2D(
                    [x / WIDTH_PX],
                    [1 - y / height],
                    marker=shape,
                    markersize=size,
                    markerfacecolor=colour if filled else "white",
                    markeredgecolor=colour,
                    markeredgewidth=4 if filled else 7,
                    transform=figure.transFigure,
                    zorder=4,
                )
            )
        artists = []
        for x, y, words, size, weight, colour, role, boxed in self.texts:
            artist = figure.text(
                x / WIDTH_PX,
                1 - y / height,
                words,
                fontsize=size,
                weight=weight,
                color=colour,
                ha="left",
                va="top",
                linespacing=LINE,
                zorder=5,
                bbox={
                    "boxstyle": "square,pad=0.1",
                    "facecolor": "white",
                    "alpha": 0.9,
                    "edgecolor": "none",
                }
                if boxed
                else None,
            )
            artists.append((artist, role))
        data = canvas_png(canvas)
        drawn = []
        for artist, role in artists:
            box = artist.get_window_extent(canvas.get_renderer())
            drawn.append(
                Drawn(
                    artist.get_text(),
                    float(artist.get_fontsize()),
                    (box.x0, height - box.y1, box.x1, height - box.y0),
                    role,
                )
            )
        return data, tuple(drawn)
