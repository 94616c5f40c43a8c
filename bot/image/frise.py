"""Draw the timeline chart (matplotlib, Agg): a time axis that squeezes long empty spans,
ranges as bars, inferred and reported dates marked by their shape, labels that never overlap."""

from __future__ import annotations

import io
import math
import textwrap
from dataclasses import dataclass
from datetime import date

from matplotlib.backend_bases import RendererBase
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Rectangle
from matplotlib.text import Text

from bot.engine.pictures import Mark, TimelineSpec
from bot.image.style import (
    DPI,
    INK,
    KIND_COLOURS,
    MUTED,
    SMALL_SIZE,
    TEXT_SIZE,
    TITLE_SIZE,
    WIDTH_PX,
)

GAP_DAYS = 400
"""Two entries further apart than this (in days) sit in separate stretches of the axis."""
CALENDAR_SHARE = 0.4
"""Inside a stretch, the share of the width given to calendar time (the rest to crowding)."""
CROWD_STEP = 0.06
"""Each entry of a stretch takes this much of its width from calendar time, down to
``CALENDAR_SHARE``: one entry leaves the calendar almost linear, ten crowd it."""
SPREAD_DAYS = 12
"""How far (days) an entry's date widens the axis around it."""
GAP_SHARE = 0.035
"""Share of the axis width each squeezed gap takes (drawn with a // mark)."""
LEFT, RIGHT = 40, WIDTH_PX - 40
"""Pixels: where the axis starts and ends."""
TOP = 150
"""Pixels from the top to the axis."""
LANE = 60
"""Fewest pixels between two rows of labels (more when a label takes more lines)."""
LEGEND_TITLE_HEIGHT = 40
LEGEND_ROW = 30
"""Pixels for the legend's title and for each of its rows (three entries a row)."""
MARKERS = {"texte": ("o", True), "déduit": ("o", False), "rapporté": ("D", True)}
"""Date basis → marker shape and whether it is filled."""
BASIS_LEGEND = (
    ("texte", "date donnée par l'article"),
    ("déduit", "date déduite (point creux, barre hachurée)"),
    ("rapporté", "date de l'article qui le rapporte"),
)


@dataclass(frozen=True, slots=True)
class RenderedTimeline:
    """The PNG, its size, and each label's box in pixels (x0, y0, x1, y1 from the top left)."""

    png: bytes
    size: tuple[int, int]
    boxes: tuple[tuple[float, float, float, float], ...]


@dataclass(frozen=True, slots=True)
class Stretch:
    """A stretch of time drawn without a break: first and last day, where it is drawn, and
    the cumulative width of each day (where entries crowd, days get wider)."""

    start: int
    end: int
    left: float
    right: float
    widths: tuple[float, ...] = ()
    """``widths[i]``: the share of the stretch drawn before day ``start + i`` (0 to 1)."""

    def x(self, day: int) -> float:
        """Where ``day`` is drawn (always increasing with the day)."""
        if self.end == self.start or not self.widths:
            return (self.left + self.right) / 2
        offset = min(max(day - self.start, 0), len(self.widths) - 1)
        return self.left + self.widths[offset] * (self.right - self.left)


def _widths(start: int, end: int, days: list[int]) -> tuple[float, ...]:
    """Cumulative day widths: part calendar time, part a smoothed count of the entries' days,
    so a crowded month gets room and a year-long bar does not squeeze it."""
    length = end - start + 1
    bump = 2 * SPREAD_DAYS
    weights = [0.0] * length
    for day in days:
        for offset in range(max(0, day - start - bump), min(length, day - start + bump + 1)):
            weights[offset] += math.exp(-(((start + offset - day) / SPREAD_DAYS) ** 2))
    crowd = sum(weights) or 1.0
    calendar = max(CALENDAR_SHARE, 1 - CROWD_STEP * len(days))  # few entries: plain calendar
    base = crowd * calendar / ((1 - calendar) * length)
    cumulative = [0.0]
    for weight in weights[:-1]:
        cumulative.append(cumulative[-1] + base + weight)
    total = cumulative[-1] or 1.0
    return tuple(value / total for value in cumulative)


def stretches(marks: tuple[Mark, ...]) -> list[Stretch]:
    """Cut time into busy stretches; each gets width by its length and by its entries."""
    spans = sorted((m.start.toordinal(), m.end.toordinal()) for m in marks)
    groups: list[list[int]] = []
    counts: list[int] = []
    for start, end in spans:
        if groups and start - groups[-1][1] <= GAP_DAYS:
            groups[-1][1] = max(groups[-1][1], end)
            counts[-1] += 1
        else:
            groups.append([start, end])
            counts.append(1)
    for group in groups:
        pad = max(20, (group[1] - group[0]) // 12)
        group[0] -= pad
        group[1] += pad
    usable = 1.0 - GAP_SHARE * (len(groups) - 1)
    lengths = [group[1] - group[0] for group in groups]
    shares = [
        usable * (0.2 * length / sum(lengths) + 0.8 * number / sum(counts))
        for length, number in zip(lengths, counts, strict=True)
    ]
    found = []
    cursor = 0.0
    for group, share in zip(groups, shares, strict=True):
        left = LEFT + cursor * (RIGHT - LEFT)
        cursor += share
        days = [start for start, end in spans if group[0] <= start and end <= group[1]]
        right = LEFT + cursor * (RIGHT - LEFT)
        found.append(Stretch(group[0], group[1], left, right, _widths(group[0], group[1], days)))
        cursor += GAP_SHARE
    return found


def _x(found: list[Stretch], day: date) -> float:
    ordinal = day.toordinal()
    for stretch in found:
        if stretch.start <= ordinal <= stretch.end:
            return stretch.x(ordinal)
    nearest = min(found, key=lambda s: min(abs(ordinal - s.start), abs(ordinal - s.end)))
    return nearest.x(min(max(ordinal, nearest.start), nearest.end))


def _ticks(stretch: Stretch) -> list[tuple[int, str]]:
    """Tick days and labels: months when there is room, else years, else one label."""
    first, last = date.fromordinal(stretch.start), date.fromordinal(stretch.end)
    pixels = stretch.right - stretch.left
    months = max(1.0, (stretch.end - stretch.start) / 30.4)
    step = next((n for n in (1, 2, 3, 6) if pixels / months * n >= 70), 0)
    if step:
        ticks: list[tuple[int, str]] = []
        month = date(first.year, first.month, 1)
        while month <= last:
            if month.toordinal() >= stretch.start and (month.month - 1) % step == 0:
                name = SHORT_MONTHS[month.month - 1]
                text = f"{name}\n{month.year}" if month.month == 1 or not ticks else name
                ticks.append((month.toordinal(), text))
            month = date(month.year + (month.month == 12), month.month % 12 + 1, 1)
        return ticks
    years = [
        y for y in range(first.year, last.year + 1) if date(y, 7, 1).toordinal() <= stretch.end
    ]
    years = [y for y in years if date(y, 7, 1).toordinal() >= stretch.start]
    if len(years) * 60 <= pixels:
        return [(date(y, 7, 1).toordinal(), str(y)) for y in years]
    middle = (stretch.start + stretch.end) // 2
    return [(middle, f"{years[0]}-{years[-1]}" if len(years) > 1 else str(years[0]))]


def _px(figure: Figure, x: float, y: float) -> tuple[float, float]:
    """Figure fraction for pixel (x, y) counted from the top left."""
    return x / figure.bbox.width, 1 - y / figure.bbox.height


def render_timeline(spec: TimelineSpec) -> RenderedTimeline:
    """Draw ``spec`` as a 1,280-pixel-wide PNG whose height grows with the rows needed."""
    found = stretches(spec.marks)
    kinds = list(dict.fromkeys(mark.kind for mark in spec.marks))
    colours = {kind: KIND_COLOURS[i % len(KIND_COLOURS)] for i, kind in enumerate(kinds)}
    measure = Figure(figsize=(WIDTH_PX / DPI, 4), dpi=DPI)
    measure_canvas = FigureCanvasAgg(measure)
    renderer = measure_canvas.get_renderer()
    placed, heights = _lanes(spec, found, measure, renderer)
    tops = [TOP + 30]
    for lane_height in heights:  # each row as tall as its tallest label, plus the marker
        tops.append(tops[-1] + int(max(LANE, lane_height + 30)))
    legend_rows = -(-(len(kinds) + len(BASIS_LEGEND)) // 3)
    height = tops[-1] + 20 + LEGEND_TITLE_HEIGHT + legend_rows * LEGEND_ROW
    figure = Figure(figsize=(WIDTH_PX / DPI, height / DPI), dpi=DPI, facecolor="white")
    canvas = FigureCanvasAgg(figure)
    figure.text(
        *_px(figure, LEFT - 20, 40),
        spec.title,
        fontsize=TITLE_SIZE,
        weight="bold",
        color=INK,
        va="center",
    )
    figure.text(
        *_px(figure, LEFT - 20, 82), spec.footer, fontsize=SMALL_SIZE, color=MUTED, va="center"
    )
    _axis(figure, found)
    boxes: list[Text] = []
    for (lane, mark, x0, x1, anchor_left), text_x in zip(
        placed, _text_positions(placed), strict=True
    ):
        colour = colours[mark.kind]
        y = tops[lane] + 8
        figure.add_artist(
            Line2D(
                [x0 / WIDTH_PX, x0 / WIDTH_PX],
                [1 - TOP / height, 1 - y / height],
                color=colour,
                alpha=0.35,
                linewidth=1,
                linestyle=":",
                transform=figure.transFigure,
            )
        )
        if x1 - x0 >= 3:
            inferred = mark.basis != "texte"
            figure.add_artist(
                Rectangle(
                    _px(figure, x0, y + 6),
                    (x1 - x0) / WIDTH_PX,
                    12 / height,
                    transform=figure.transFigure,
                    facecolor="white" if inferred else colour,
                    edgecolor=colour,
                    hatch="///" if inferred else None,
                    linewidth=1.5,
                )
            )
        shape, filled = MARKERS.get(mark.basis, ("o", True))
        figure.add_artist(
            Line2D(
                [x0 / WIDTH_PX],
                [1 - y / height],
                marker=shape,
                markersize=13,
                markerfacecolor=colour if filled else "white",
                markeredgecolor=colour,
                markeredgewidth=2.5,
                transform=figure.transFigure,
            )
        )
        text = figure.text(
            *_px(figure, text_x, y + 12),
            label_text(mark),
            fontsize=SMALL_SIZE,
            color=INK,
            ha="left" if anchor_left else "right",
            va="top",
            linespacing=1.15,
        )
        boxes.append(text)
    _legend(figure, height, kinds, colours)
    buffer = io.BytesIO()
    canvas.print_png(buffer)  # draws once; the boxes below are those of this drawing
    pixel_boxes = []
    for text in boxes:
        box = text.get_window_extent(canvas.get_renderer())
        pixel_boxes.append((box.x0, height - box.y1, box.x1, height - box.y0))
    return RenderedTimeline(buffer.getvalue(), (WIDTH_PX, height), tuple(pixel_boxes))


WRAP = 44
"""Characters per line of a label (a long title takes two lines, never cut)."""


def label_text(mark: Mark) -> str:
    """The label: what happened (wrapped, never cut) and its date as the chart states it."""
    lines = textwrap.wrap(mark.label, WRAP, break_on_hyphens=False)
    return "\n".join([*lines, *textwrap.wrap(mark.when, WRAP + 8, break_on_hyphens=False)])


def _text_positions(placed: list[tuple[int, Mark, float, float, bool]]) -> list[float]:
    return [x0 + 4 if left else x0 + 8 for _, _, x0, _, left in placed]


def _lanes(
    spec: TimelineSpec, found: list[Stretch], figure: Figure, renderer: RendererBase
) -> tuple[list[tuple[int, Mark, float, float, bool]], list[float]]:
    """Give each mark a row where its label (measured) clears every other label.

    Returns the placements and, for each row, its tallest label's height in pixels.
    """
    heights: list[float] = []
    rows: list[list[tuple[float, float]]] = []
    placed = []
    for mark in spec.marks:
        x0, x1 = _x(found, mark.start), _x(found, mark.end)
        probe = figure.text(0, 0, label_text(mark), fontsize=SMALL_SIZE, linespacing=1.15)
        extent = probe.get_window_extent(renderer)
        width = extent.width
        probe.remove()
        anchor_left = x0 + 4 + width <= WIDTH_PX - 10 or x0 + 8 - width < 10
        if anchor_left:
            span = (x0 - 10, max(x1, x0 + 4 + width) + 16)
        else:
            span = (x0 + 8 - width - 16, max(x1, x0) + 10)
        lane = next(
            (
                number
                for number, taken in enumerate(rows)
                if all(span[1] <= a or b <= span[0] for a, b in taken)
            ),
            len(rows),
        )
        if lane == len(rows):
            rows.append([])
            heights.append(0.0)
        rows[lane].append(span)
        heights[lane] = max(heights[lane], extent.height)
        placed.append((lane, mark, x0, x1, anchor_left))
    return placed, heights


SHORT_MONTHS = (
    "janv.",
    "févr.",
    "mars",
    "avr.",
    "mai",
    "juin",
    "juil.",
    "août",
    "sept.",
    "oct.",
    "nov.",
    "déc.",
)
"""The usual French abbreviations of the months, for the axis."""
TICK_GAP = 64
"""Fewest pixels between two tick labels."""


def _axis(figure: Figure, found: list[Stretch]) -> None:
    height = figure.bbox.height
    y = 1 - TOP / height
    for position, stretch in enumerate(found):
        figure.add_artist(
            Line2D(
                [stretch.left / WIDTH_PX, stretch.right / WIDTH_PX],
                [y, y],
                color=INK,
                linewidth=2.5,
                transform=figure.transFigure,
            )
        )
        last = -1000.0
        for day, label in _ticks(stretch):
            if stretch.x(day) - last < TICK_GAP:  # never two tick labels on top of each other
                continue
            last = stretch.x(day)
            x = stretch.x(day) / WIDTH_PX
            figure.add_artist(
                Line2D(
                    [x, x],
                    [y, y + 8 / height],
                    color=INK,
                    linewidth=1.5,
                    transform=figure.transFigure,
                )
            )
            figure.text(
                x,
                y + 12 / height,
                label,
                fontsize=SMALL_SIZE - 2,
                color=INK,
                ha="center",
                va="bottom",
            )
        if position:
            middle = (found[position - 1].right + stretch.left) / 2 / WIDTH_PX
            figure.text(
                middle,
                y,
                "//",
                fontsize=TEXT_SIZE,
                color=MUTED,
                ha="center",
                va="center",
                weight="bold",
            )


LEGEND_TITLE = (
    "Légende : couleur = nature ; forme = origine de la date ; // = période vide resserrée"
)


def _legend(figure: Figure, height: int, kinds: list[str], colours: dict[str, str]) -> None:
    handles: list[Patch | Line2D] = [
        Patch(facecolor=colours[kind], edgecolor=colours[kind], label=kind[:1].upper() + kind[1:])
        for kind in kinds
    ]
    for basis, text in BASIS_LEGEND:
        shape, filled = MARKERS[basis]
        handles.append(
            Line2D(
                [],
                [],
                linestyle="none",
                marker=shape,
                markersize=12,
                markerfacecolor=INK if filled else "white",
                markeredgecolor=INK,
                markeredgewidth=2,
                label=text,
            )
        )
    figure.legend(
        handles=handles,
        loc="lower left",
        bbox_to_anchor=(LEFT / WIDTH_PX - 0.02, 0.005),
        ncols=3,
        fontsize=SMALL_SIZE - 2,
        frameon=False,
        title=LEGEND_TITLE,
        title_fontsize=SMALL_SIZE - 2,
        alignment="left",
    )
