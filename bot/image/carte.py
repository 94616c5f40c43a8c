"""Draw the partners map (matplotlib, Agg): the region around Azerbaijan, the United States in
an inset, a French legend, a title and the base's date and sources."""

from __future__ import annotations

import io
from dataclasses import dataclass

from matplotlib.axes import Axes
from matplotlib.backend_bases import RendererBase
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import PolyCollection
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.transforms import Bbox

from bot.engine.pictures import MapSpec
from bot.engine.relations import CATEGORIES
from bot.image.geometry import CENTRE, inside_point, laea, outlines, project
from bot.image.style import (
    BORDER,
    CATEGORY_COLOURS,
    DPI,
    INK,
    LAND,
    MUTED,
    SEA,
    SMALL_SIZE,
    TEXT_SIZE,
    TITLE_SIZE,
    WIDTH_PX,
)

HEIGHT_PX = 1000
EXTENT = ((-11.0, 36.0), (80.0, 36.0), (47.0, 63.0), (47.0, 10.0), (-9.0, 58.0), (80.0, 20.0))
"""Points (longitude, latitude) the main map must show: Portugal to India, Norway to Yemen."""
INSET = "US"
"""The country drawn in its own box rather than on the main map."""
INSET_CENTRE = (-98.0, 39.0)


@dataclass(frozen=True, slots=True)
class RenderedMap:
    """The PNG and, for each coloured country, the pixel inside it (x, y from the top left)."""

    png: bytes
    size: tuple[int, int]
    points: dict[str, tuple[int, int]]


def _draw_countries(axes: Axes, colours: dict[str, str], centre: tuple[float, float]) -> None:
    shapes = outlines()
    verts, faces = [], []
    for code, rings in shapes.items():
        far = all(abs(lon - centre[0]) > 120 for ring in rings for lon, _ in ring[:1])
        if far:
            continue
        for ring in project(rings, centre):
            verts.append(ring)
            faces.append(colours.get(code, LAND))
    axes.add_collection(
        PolyCollection(verts, facecolors=faces, edgecolors=BORDER, linewidths=0.6, zorder=1)
    )


def _plain(axes: Axes) -> None:
    """Sea-coloured axes without ticks or frame."""
    axes.set_facecolor(SEA)
    axes.set_xticks([])
    axes.set_yticks([])
    for spine in axes.spines.values():
        spine.set_visible(False)


def _frame(axes: Axes, bounds: tuple[float, float, float, float], ratio: float) -> None:
    """Show ``bounds`` at equal scale in axes of width/height ``ratio`` (widening one side)."""
    x0, x1, y0, y1 = bounds
    width, height = x1 - x0, y1 - y0
    if width / height < ratio:
        extra = (height * ratio - width) / 2
        x0, x1 = x0 - extra, x1 + extra
    else:
        extra = (width / ratio - height) / 2
        y0, y1 = y0 - extra, y1 + extra
    axes.set_xlim(x0, x1)
    axes.set_ylim(y0, y1)


def _bounds(points: list[tuple[float, float]]) -> tuple[float, float, float, float]:
    xs = [x for x, _ in points]
    ys = [y for _, y in points]
    return min(xs), max(xs), min(ys), max(ys)


def render_map(spec: MapSpec) -> RenderedMap:
    """Draw ``spec`` as a 1,280-pixel-wide PNG."""
    colours = {code: CATEGORY_COLOURS[category] for code, category in spec.countries}
    figure = Figure(figsize=(WIDTH_PX / DPI, HEIGHT_PX / DPI), dpi=DPI, facecolor="white")
    canvas = FigureCanvasAgg(figure)
    axes = figure.add_axes((0.0, 0.1, 1.0, 0.8))
    _plain(axes)
    _draw_countries(axes, {k: v for k, v in colours.items() if k != INSET}, CENTRE)
    _frame(axes, _bounds([laea(lon, lat) for lon, lat in EXTENT]), WIDTH_PX / (HEIGHT_PX * 0.8))
    figure.text(0.02, 0.955, spec.title, fontsize=TITLE_SIZE, weight="bold", color=INK, va="center")
    figure.text(
        0.02,
        0.915,
        "Couleur : relation avec l'Azerbaïdjan selon la base",
        fontsize=SMALL_SIZE,
        color=MUTED,
        va="center",
    )
    figure.text(0.02, 0.05, spec.footer, fontsize=TEXT_SIZE, color=INK, va="center")
    figure.text(
        0.02,
        0.02,
        "Fond de carte : Natural Earth (domaine public)",
        fontsize=SMALL_SIZE - 2,
        color=MUTED,
        va="center",
    )
    present = {category for _, category in spec.countries}
    handles = [Patch(facecolor=CATEGORY_COLOURS["home"], edgecolor=INK, label="Azerbaïdjan")]
    for category, legend in CATEGORIES:
        label = legend
        if category in spec.hidden:
            label = f"{legend} (voir « aussi »)"
        elif category not in present:
            label = f"{legend} (aucun pays)"
        handles.append(Patch(facecolor=CATEGORY_COLOURS[category], edgecolor=INK, label=label))
    legend_box = axes.legend(
        handles=handles,
        loc="lower left",
        fontsize=SMALL_SIZE,
        framealpha=0.95,
        title="Légende",
        title_fontsize=SMALL_SIZE,
    )
    inset = None
    if INSET in colours:
        inset = figure.add_axes((0.71, 0.66, 0.27, 0.19))
        _plain(inset)
        for spine in inset.spines.values():
            spine.set_visible(True)
            spine.set_edgecolor(INK)
        _draw_countries(inset, {INSET: colours[INSET]}, INSET_CENTRE)
        corners = ((-125, 48), (-67, 45), (-98, 25), (-98, 50))
        _frame(
            inset,
            _bounds([laea(lon, lat, INSET_CENTRE) for lon, lat in corners]),
            (0.27 * WIDTH_PX) / (0.19 * HEIGHT_PX),
        )
        name = dict(spec.labels).get(INSET, INSET)
        inset.set_title(
            name,
            fontsize=SMALL_SIZE,
            weight="bold",
            color=INK,
            backgroundcolor="white",
        )
    renderer = canvas.get_renderer()  # measures without drawing: the PNG is drawn once below
    height = int(figure.bbox.height)
    points: dict[str, tuple[int, int]] = {}
    shapes = outlines()
    for code, _ in spec.countries:
        if code not in shapes:
            continue
        where, centre = (inset, INSET_CENTRE) if code == INSET and inset else (axes, CENTRE)
        x0, x1 = where.get_xlim()
        y0, y1 = where.get_ylim()
        point = inside_point(project(shapes[code], centre), (x0, x1, y0, y1))
        if point is None:
            continue
        px, py = where.transData.transform(point)
        if where.bbox.contains(px, py):
            points[code] = (round(float(px)), round(height - float(py)))
    blocked = [legend_box.get_window_extent(renderer)]
    if inset is not None:
        blocked.append(inset.get_tightbbox(renderer) or inset.bbox)
    _place_labels(figure, spec, points, blocked, renderer, height)
    buffer = io.BytesIO()
    canvas.print_png(buffer)
    width = int(figure.bbox.width)
    points = {
        code: point
        for code, point in points.items()
        if not any(box.contains(point[0], height - point[1]) for box in blocked)
        or (code == INSET and inset is not None)
    }
    return RenderedMap(buffer.getvalue(), (width, height), points)


LABELLED = frozenset({"home", "accord", "organisation", "mediateur", "menace"})
"""Categories whose countries are named on the map (mentions are listed in the caption)."""


OFFSETS = (
    (0, 10, "center", "bottom"),
    (0, -10, "center", "top"),
    (12, 0, "left", "center"),
    (-12, 0, "right", "center"),
    (0, -34, "center", "top"),
    (0, 34, "center", "bottom"),
    (-20, -22, "right", "top"),
    (20, -22, "left", "top"),
)
"""Where a country's name may go, relative to its point (pixels), tried in this order."""


def _place_labels(
    figure: Figure,
    spec: MapSpec,
    points: dict[str, tuple[int, int]],
    blocked: list[Bbox],
    renderer: RendererBase,
    height: int,
) -> None:
    """Name the main countries near their point, never over another country's point."""
    categories = dict(spec.countries)
    taken = list(blocked)
    for code, name in spec.labels:
        if categories.get(code) not in LABELLED or code not in points or code == INSET:
            continue
        px, py = points[code][0], height - points[code][1]
        for dx, dy, ha, va in OFFSETS:
            text = figure.text(
                (px + dx) / figure.bbox.width,
                (py + dy) / figure.bbox.height,
                name,
                fontsize=TEXT_SIZE,
                weight="bold",
                color=INK,
                ha=ha,
                va=va,
                bbox={
                    "boxstyle": "round,pad=0.15",
                    "facecolor": "white",
                    "alpha": 0.8,
                    "edgecolor": "none",
                },
            )
            box = text.get_window_extent(renderer).expanded(1.05, 1.1)
            hits_point = any(box.contains(x, height - y) for x, y in points.values())
            if not hits_point and not any(box.overlaps(other) for other in taken):
                taken.append(box)
                break
            text.remove()
