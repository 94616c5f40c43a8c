"""Draw the partners map (matplotlib, Agg), for a phone: the region around Azerbaijan, the
United States in an inset, each named country's label where it covers no other coloured
country (a leader line when it has to stand aside), and under the map a legend of only the
categories drawn, the base's latest fact and sources."""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache

import numpy as np
from matplotlib.collections import PathCollection
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle
from matplotlib.path import Path
from matplotlib.transforms import Bbox, BboxTransform, IdentityTransform, Transform

from bot.engine.pictures import MapSpec
from bot.image.geometry import CENTRE, Ring, inside_point, laea, outlines, project, projected
from bot.image.layout import Drawn, Sheet, text_width, wrap
from bot.image.style import (
    BORDER,
    INK,
    LAND,
    LINE,
    MAP_CATEGORIES,
    MUTED,
    SEA,
    TEXT_SIZE,
    TITLE_SIZE,
    WIDTH_PX,
)

MARGIN = 44
MAP_HEIGHT = 800
"""Pixels of the main map (the picture is 1,080 wide)."""
ZOOM_HEIGHT = 520
"""Pixels of the South Caucasus zoom under the main map."""
ZOOM_MIN_HEIGHT = 380
"""The zoom gives up height to the notes under the map first, down to this; then the main
map does, down to :data:`MAP_MIN_HEIGHT`."""
ZOOM_EXTENT = ((42.8, 40.0), (50.2, 40.0), (46.0, 42.6), (46.0, 38.4))
"""Points (longitude, latitude) the zoom must show: Georgia, Armenia, Azerbaijan with
Nakhchivan, and the edges of Turkey, Russia and Iran."""
ZOOMED = ("AZ", "AM", "GE")
"""Countries too small on the main map: named in the zoom only (with every labelled
country of the zoom)."""
EXTENT = ((-11.0, 36.0), (80.0, 36.0), (47.0, 66.0), (47.0, 21.0), (-12.0, 62.0), (78.0, 21.0))
"""Points (longitude, latitude) the main map must show: Portugal to India, Norway to Oman."""
INSET = "US"
"""The country drawn in its own box rather than on the main map."""
INSET_CENTRE = (-98.0, 39.0)
INSET_SIZE = (330, 230)
"""Inset width and height in pixels, in the main map's bottom left corner."""
MAP_MIN_HEIGHT = 520
"""The main map gives up height to the notes under it (down to this, once the zoom has given
all it can) so that a picture stays at most twice as tall as wide."""
"""Inset (x0, y0, x1, y1) in pixels from the map's top left: over North Africa, where no
country is coloured; its label goes above it."""
ZOOM_BORDER = 5.0
"""Width of the white borders in the zoom: Armenia, the same colour as Turkey, stays apart."""
LABELLED = frozenset({"home", "accord", "organisation", "mediateur", "menace"})
"""Categories whose countries are named on the map (mentions are listed in the caption)."""
SLIVER_AREA = 500.0
"""A coloured country smaller than this (square pixels) on the main map, read at 390 px as a
sliver, gets a dot of its colour (:data:`SLIVER_DOT`) so it shows: Israel, Slovenia."""
SLIVER_DOT = 22
RADII = (0, 45, 90, 140, 200, 270, 350, 450, 560, 680)
"""How far (pixels) a label may stand from its country, tried in this order."""
ANGLES = tuple(range(0, 360, 15))
FINE_ANGLES = tuple(angle for angle in range(0, 360, 5) if angle % 15)
"""Tried only when no place was found at ANGLES: a crowded map (the United Kingdom among a
coloured Europe once China and Pakistan are coloured too) still names every country."""
GRID_STEP = 10
"""Pixels between two boxes tried by :func:`_anywhere`, the last resort of a crowded map."""
LABEL_WIDTH = 420
"""Widest label line, in pixels (longer names wrap)."""


@dataclass(frozen=True, slots=True)
class RenderedMap:
    """The PNG; the pixel inside each coloured country (x, y from the top left); every text
    drawn; each coloured country's outline in pixels; the countries no label could name."""

    png: bytes
    size: tuple[int, int]
    points: dict[str, tuple[int, int]]
    texts: tuple[Drawn, ...]
    shapes: dict[str, list[Ring]]
    unplaced: tuple[str, ...] = ()
    leaders: tuple[tuple[float, float, float, float], ...] = ()
    """Leader lines (x0, y0, x1, y1), from a country's point to its label."""


@dataclass(frozen=True, slots=True)
class Panel:
    """A map panel drawn straight on the figure: its box in pixels (from the bottom left, as
    matplotlib counts them) and the data limits shown in it at equal scale. A matplotlib
    ``Axes`` would cost ~10 ms to make (ticks, spines, grid, never shown) for each of the
    two or three panels of a map."""

    box: Bbox
    xlim: tuple[float, float]
    ylim: tuple[float, float]

    @property
    def bbox(self) -> Bbox:
        return self.box

    @property
    def transData(self) -> Transform:  # noqa: N802 (the name matplotlib's Axes use)
        (x0, x1), (y0, y1) = self.xlim, self.ylim
        return BboxTransform(Bbox.from_extents(x0, y0, x1, y1), self.box)

    def get_xlim(self) -> tuple[float, float]:
        return self.xlim

    def get_ylim(self) -> tuple[float, float]:
        return self.ylim


@cache
def _country_paths(centre: tuple[float, float]) -> tuple[tuple[str, Path], ...]:
    """Every country's rings around ``centre`` as closed paths (made once per process)."""
    return tuple(
        (code, Path(np.concatenate([ring, ring[:1]]), closed=True))
        for code, rings in projected(centre).items()
        for ring in rings
    )


def _draw_countries(
    figure: Figure,
    panel: Panel,
    colours: dict[str, str],
    centre: tuple[float, float],
    zorder: float,
    border: float = 1.0,
) -> None:
    shapes = _country_paths(centre)
    collection = PathCollection(
        [path for _, path in shapes],
        facecolors=[colours.get(code, LAND) for code, _ in shapes],
        edgecolors=BORDER,
        linewidths=border,
        zorder=zorder,
        transform=panel.transData,
    )
    collection.set_clip_box(panel.box)
    figure.add_artist(collection)


def _sea(figure: Figure, box: Bbox, zorder: float) -> None:
    """The panel's background."""
    sea = Rectangle(
        (box.x0, box.y0), box.width, box.height, facecolor=SEA, edgecolor="none", zorder=zorder
    )
    sea.set_transform(IdentityTransform())
    figure.add_artist(sea)


def _box(figure: Figure, x0: float, top: float, width: float, tall: float) -> Bbox:
    """A panel's box in pixels from the bottom left, from its top left from the top."""
    height = figure.bbox.height
    return Bbox.from_bounds(x0, height - (top + tall), width, tall)


def _frame(box: Bbox, bounds: tuple[float, float, float, float]) -> Panel:
    """Show ``bounds`` at equal scale in ``box`` (widening one side)."""
    ratio = box.width / box.height
    x0, x1, y0, y1 = bounds
    width, height = x1 - x0, y1 - y0
    if width / height < ratio:
        extra = (height * ratio - width) / 2
        x0, x1 = x0 - extra, x1 + extra
    else:
        extra = (width / ratio - height) / 2
        y0, y1 = y0 - extra, y1 + extra
    return Panel(box, (x0, x1), (y0, y1))


def _bounds(points: list[tuple[float, float]]) -> tuple[float, float, float, float]:
    xs = [x for x, _ in points]
    ys = [y for _, y in points]
    return min(xs), max(xs), min(ys), max(ys)


def _panel(
    figure: Figure,
    top: float,
    tall: float,
    colours: dict[str, str],
    bounds: list[tuple[float, float]],
    zorder: float,
    border: float = 1.0,
) -> Panel:
    """A map panel the full width of the picture, ``tall`` pixels from ``top``."""
    box = _box(figure, 0.0, top, WIDTH_PX, tall)
    panel = _frame(box, _bounds([laea(lon, lat) for lon, lat in bounds]))
    _sea(figure, box, zorder)
    colours = {k: v for k, v in colours.items() if k != INSET}
    _draw_countries(figure, panel, colours, CENTRE, zorder + 0.01, border)
    return panel


def warm() -> None:
    """Project the basemap around both centres now (the picture process does it at start)."""
    projected(CENTRE)
    projected(INSET_CENTRE)


def render_map(spec: MapSpec) -> RenderedMap:
    """Draw ``spec`` as a 1,080-pixel-wide PNG. A country no place is found for is said in a
    line under the map (« Pays non placé sur la carte : … »), never in a box over it, where it
    covered other countries' labels on a crowded base (sixteenth newcomer): the map is drawn
    again with that line among the notes, until the line says what that drawing left out.
    A country once said unplaced is not placed again (the line is true of every drawing, and
    only grows): the drawings settle, where a line that came and went changed the map's
    height and so the places (the twentieth newcomer's Italy: the United Kingdom came and went)."""
    said: tuple[str, ...] = ()
    for _ in range(len(spec.labels) + 1):
        drawn = _render_map(spec, said)
        if set(drawn.unplaced) == set(said):
            return drawn
        said = tuple(dict.fromkeys((*said, *drawn.unplaced)))
    return _render_map(spec, (), final=True)  # never settled: the old box over the map


def _unplaced_note(spec: MapSpec, unplaced: tuple[str, ...]) -> str:
    names = dict(spec.labels)
    plural = "s" if len(unplaced) > 1 else ""
    return f"Pays non placé{plural} sur la carte : " + ", ".join(names.get(c, c) for c in unplaced)


def _render_map(spec: MapSpec, said: tuple[str, ...], final: bool = False) -> RenderedMap:
    """One drawing of ``spec``, with the line naming ``said`` under the map (if any)."""
    notes = (*spec.notes, _unplaced_note(spec, said)) if said else spec.notes
    colours = {code: MAP_CATEGORIES[category].colour for code, category in spec.countries}
    sheet = Sheet()
    full = WIDTH_PX - 2 * MARGIN
    y = float(MARGIN)
    y += sheet.text(MARGIN, y, spec.title, TITLE_SIZE, full, weight="bold", role="title")
    y += sheet.text(MARGIN, y, spec.subtitle, TEXT_SIZE, full, colour=MUTED)
    top = y + 16
    present = {category for _, category in spec.countries}
    row = TEXT_SIZE * LINE
    under = (  # everything under the panels: legend, notes, footer
        sum(
            row * len(wrap(c.label, TEXT_SIZE, full - 66))
            for k, c in MAP_CATEGORIES.items()
            if k in present
        )
        + sum(len(wrap(note, TEXT_SIZE, full)) * row + 8 for note in notes)
        + len(wrap(f"{spec.footer} · fond : Natural Earth", TEXT_SIZE, full)) * row
    )
    fixed = top + 12 + row + 6 + 24 + under + 16 + MARGIN
    excess = max(0.0, fixed + MAP_HEIGHT + ZOOM_HEIGHT - 2 * WIDTH_PX + 16)
    # the zoom gives up height first (the main map's labels need room), then the main map
    zoom_height = max(ZOOM_MIN_HEIGHT, math.floor(ZOOM_HEIGHT - excess))
    map_height = max(MAP_MIN_HEIGHT, math.floor(MAP_HEIGHT - excess + ZOOM_HEIGHT - zoom_height))
    y = top + map_height + 12
    y += sheet.text(MARGIN, y, "Zoom : Caucase du Sud (cadre noir)", TEXT_SIZE, full, colour=MUTED)
    zoom_top = y + 6
    y = zoom_top + zoom_height + 24
    for category, shown in MAP_CATEGORIES.items():
        if category in present:
            sheet.mark(MARGIN + 22, y + row / 2, "s", True, shown.colour, size=34)
            y += sheet.text(MARGIN + 66, y, shown.label, TEXT_SIZE, full - 66, role="legend")
    y += 16
    for note in notes:  # what a forwarded copy must say without its caption
        role = "unplaced" if said and note == notes[-1] else "note"
        y += sheet.text(MARGIN, y, note, TEXT_SIZE, full, role=role)
        y += 8
    y += sheet.text(
        MARGIN, y, f"{spec.footer} · fond : Natural Earth", TEXT_SIZE, full, role="footer"
    )
    height = int(y + MARGIN)
    figure = sheet.figure(height)
    axes = _panel(figure, top, map_height, colours, list(EXTENT), 0.1)
    zoom = _panel(figure, zoom_top, zoom_height, colours, list(ZOOM_EXTENT), 0.2, ZOOM_BORDER)
    (zx0, zx1), (zy0, zy1) = zoom.get_xlim(), zoom.get_ylim()
    outline = Rectangle(
        (zx0, zy0), zx1 - zx0, zy1 - zy0, fill=False, edgecolor=INK, linewidth=2.5, zorder=0.15
    )
    outline.set_transform(axes.transData)
    outline.set_clip_box(axes.box)
    figure.add_artist(outline)
    blocked: list[Bbox] = []
    names = dict(spec.labels)
    codes = [code for code, _ in spec.countries]
    main_shapes, main_points = _pixels(axes, codes, figure.bbox.height)
    zoom_shapes, zoom_points = _pixels(zoom, codes, figure.bbox.height)
    if INSET in colours:
        x0, y0, x1, y1 = 0, map_height - INSET_SIZE[1], INSET_SIZE[0], map_height
        box = _box(figure, x0, top + y0, x1 - x0, y1 - y0)
        corners = ((-125, 48), (-67, 45), (-98, 22), (-98, 50))
        inset = _frame(box, _bounds([laea(lon, lat, INSET_CENTRE) for lon, lat in corners]))
        _sea(figure, box, 0.3)
        _draw_countries(figure, inset, {INSET: colours[INSET]}, INSET_CENTRE, 0.31)
        edge = Rectangle(
            (box.x0, box.y0), box.width, box.height, fill=False, edgecolor=INK, linewidth=2
        )
        edge.set_transform(IdentityTransform())
        edge.set_zorder(0.32)
        figure.add_artist(edge)
        name = wrap(names.get(INSET, INSET), TEXT_SIZE, LABEL_WIDTH, "bold")
        above = len(name) * TEXT_SIZE * LINE + 12
        width = max(text_width(line, TEXT_SIZE, "bold") for line in name) + 8
        # above the inset; else at its right, over North Africa; else inside, over the US
        spots = (
            (x0 + 10, top + y0 - above),
            (x1 + 12, top + y1 - above),
            (x0 + 10, top + y0 + 6),
        )
        paths = _paths(main_shapes)
        label_x, label_top = next(
            (
                (x, y)
                for x, y in spots
                if not covers_other(
                    Bbox(((x - 4, y - 4), (x + width, y + above - 8))), INSET, paths
                )
            ),
            spots[-1],
        )
        sheet.text(
            label_x,
            label_top,
            "\n".join(name),
            TEXT_SIZE,
            LABEL_WIDTH + 40,
            weight="bold",
            role="label",
            boxed=True,
        )
        blocked.append(Bbox(((x0, top + y0 - 10), (x1 + 10, top + y1))))
        blocked.append(
            Bbox(((label_x - 10, label_top - 10), (label_x + width + 10, label_top + above)))
        )
    main_points = {c: p for c, p in main_points.items() if c not in ZOOMED}
    area = Bbox(((4, top + 4), (WIDTH_PX - 4, top + map_height - 4)))
    for code, rings in main_shapes.items():  # a sliver (Israel) gets a dot of its colour
        if code in main_points and 0 < sum(_area(ring) for ring in rings) < SLIVER_AREA:
            sheet.mark(*main_points[code], "o", True, colours[code], size=SLIVER_DOT)
    skip = frozenset(said)  # said under the map: never placed on it
    unplaced = _place_labels(sheet, spec, main_shapes, main_points, blocked, area, skip=skip)
    zoom_area = Bbox(((4, zoom_top + 4), (WIDTH_PX - 4, zoom_top + zoom_height - 4)))
    # the zoom names its small countries, then, where there is room, the big neighbours
    # also named on the main map (Turkey's east, same colour as Armenia's, is not Armenia);
    # a neighbour the crowded main map could not name (Iran, under Uzbekistan's leader line
    # on the grown base) must be named in the zoom, the same picture in the same colours
    optional = frozenset(main_points) - set(unplaced)
    zoom_missing = _place_labels(
        sheet, spec, zoom_shapes, zoom_points, [], zoom_area, optional, skip=skip
    )
    unplaced = (
        *(code for code in unplaced if code not in zoom_points or code in zoom_missing),
        *(code for code in zoom_missing if code not in unplaced),
    )
    unplaced += tuple(code for code in said if code not in unplaced)
    shapes = {
        code: main_shapes.get(code, []) + zoom_shapes.get(code, [])
        for code in {*main_shapes, *zoom_shapes}
    }
    points = {**zoom_points, **main_points}
    labelled = [c for c, category in spec.countries if category in LABELLED and c != INSET]
    unplaced += tuple(code for code in labelled if code not in points)
    if final and unplaced:  # drawings that never settled: said in a box over the map
        lines = wrap(_unplaced_note(spec, unplaced), TEXT_SIZE, WIDTH_PX - 60, "bold")
        tall = len(lines) * TEXT_SIZE * LINE + 6
        sheet.text(
            12,
            top + map_height - tall - 12,
            "\n".join(lines),
            TEXT_SIZE,
            WIDTH_PX - 40,
            weight="bold",
            role="unplaced",
            boxed=True,
        )
    png, texts = sheet.draw(figure)
    leaders = tuple((x0, y0, x1, y1) for x0, y0, x1, y1, _, _ in sheet.lines)
    return RenderedMap(png, (WIDTH_PX, height), points, texts, shapes, unplaced, leaders)


def _pixels(
    axes: Panel, codes: list[str], height: float
) -> tuple[dict[str, list[Ring]], dict[str, tuple[int, int]]]:
    """Each coloured country of a panel as rings in pixels from the top left (clipped to the
    panel), and a point well inside its visible part."""
    shapes: dict[str, list[Ring]] = {}
    points: dict[str, tuple[int, int]] = {}
    x0, x1 = axes.get_xlim()
    y0, y1 = axes.get_ylim()
    box = axes.bbox  # the panel, in pixels from the top left: shapes end at its edges
    corners = axes.transData.transform([(x0, y0), (x1, y1)])
    frame = (x0, x1, y0, y1, height, *corners.ravel().tolist(), *box.bounds)
    for code in codes:
        if code not in outlines() or code == INSET:
            continue
        rings, point = _country_pixels(axes, code, height, frame)
        shapes[code] = [list(ring) for ring in rings]
        if point is not None:
            points[code] = point
    return shapes, points


_PIXELS_KEPT = 512
_pixels_cache: dict[tuple[str, tuple[float, ...]], tuple[tuple[Ring, ...], tuple[int, int] | None]]
_pixels_cache = {}
"""A country's rings and inside point for one panel frame (limits, pixel corners, height):
they depend on the basemap and the frame only, never on the data, so a map drawn again (same
countries, same layout) skips the clipping and the chord search."""


def _country_pixels(
    axes: Panel, code: str, height: float, frame: tuple[float, ...]
) -> tuple[tuple[Ring, ...], tuple[int, int] | None]:
    """``code``'s rings in pixels, clipped to the panel, and its inside point (remembered)."""
    found = _pixels_cache.get((code, frame))
    if found is not None:
        return found
    x0, x1 = axes.get_xlim()
    y0, y1 = axes.get_ylim()
    box = axes.bbox
    panel = Bbox(((box.x0, height - box.y1), (box.x1, height - box.y0)))
    around = projected(CENTRE)
    rings = list(around[code]) if code in around else project(outlines()[code], CENTRE)
    clipped_rings: list[Ring] = []
    for ring in rings:
        if not any(x0 <= x <= x1 and y0 <= y <= y1 for x, y in ring):
            continue
        pixels = [(float(px), height - float(py)) for px, py in axes.transData.transform(ring)]
        clipped = Path([*pixels, pixels[0]], closed=True).clip_to_bbox(panel, inside=True)
        for polygon in clipped.to_polygons(closed_only=False):
            points_list: list[list[float]] = np.asarray(polygon, dtype=float).tolist()
            if len(points_list) >= 3:
                clipped_rings.append([(x, y) for x, y in points_list])
    inside = inside_point(rings, (x0, x1, y0, y1))
    point = None
    if inside is not None:
        px, py = axes.transData.transform(inside)
        point = (round(float(px)), round(height - float(py)))
    found = (tuple(clipped_rings), point)
    if len(_pixels_cache) >= _PIXELS_KEPT:
        _pixels_cache.pop(next(iter(_pixels_cache)))
    _pixels_cache[(code, frame)] = found
    return found


def _area(ring: Ring) -> float:
    """The area of a ring, in square pixels (shoelace formula)."""
    pairs = zip(ring, [*ring[1:], ring[0]], strict=True)
    return abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in pairs)) / 2


@dataclass(frozen=True, slots=True)
class Outline:
    """One closed ring of a country as a path, with its bounding box (x0, y0, x1, y1) in
    pixels from the top left: a box or a line that misses the bounding box misses the ring,
    so the exact (costly) test runs only on the few rings near a candidate label."""

    path: Path
    box: tuple[float, float, float, float]


def _paths(shapes: dict[str, list[Ring]]) -> dict[str, list[Outline]]:
    outlines: dict[str, list[Outline]] = {}
    for code, rings in shapes.items():
        outlines[code] = []
        for ring in rings:
            xs = [x for x, _ in ring]
            ys = [y for _, y in ring]
            path = Path([*ring, ring[0]], closed=True)
            outlines[code].append(Outline(path, (min(xs), min(ys), max(xs), max(ys))))
    return outlines


def _near(outline: Outline, x0: float, y0: float, x1: float, y1: float) -> bool:
    """True when the box (x0, y0, x1, y1) meets the ring's bounding box (edges included)."""
    ox0, oy0, ox1, oy1 = outline.box
    return ox0 <= x1 and x0 <= ox1 and oy0 <= y1 and y0 <= oy1


def covers_other(box: Bbox, code: str, paths: dict[str, list[Outline]]) -> bool:
    """True when ``box`` (pixels from the top left) overlaps a coloured country other than
    ``code``."""
    x0, y0, x1, y1 = box.x0, box.y0, box.x1, box.y1
    return any(
        _near(ring, x0, y0, x1, y1) and ring.path.intersects_bbox(box, filled=True)
        for other, rings in paths.items()
        if other != code
        for ring in rings
    )


def _crossed(
    start: tuple[float, float],
    end: tuple[float, float],
    code: str,
    paths: dict[str, list[Outline]],
) -> int:
    """How many coloured countries other than ``code`` the segment crosses."""
    segment = Path([start, end])
    x0, x1 = sorted((start[0], end[0]))
    y0, y1 = sorted((start[1], end[1]))
    return sum(
        1
        for other, rings in paths.items()
        if other != code
        and any(
            _near(ring, x0, y0, x1, y1) and segment.intersects_path(ring.path, filled=True)
            for ring in rings
        )
    )


Segment = tuple[float, float, float, float]
"""A leader line (x0, y0, x1, y1), in pixels from the top left."""
LEADER_GAP = 10
"""Pixels a leader line keeps from another leader line."""
POINT_GAP = 16
"""Pixels a leader line keeps from another country's leader dot: a reader never takes one
country's line for another's."""


Box = tuple[float, float, float, float]
"""A box (x0, y0, x1, y1), in pixels from the top left."""


@dataclass(slots=True)
class Placed:
    """What a new label must keep clear of on a panel: the labels and boxes already there,
    the leader lines drawn and the dots they start from (by country)."""

    taken: list[Box]
    leaders: list[Segment]
    points: dict[str, tuple[float, float]]

    def free(self, box: Bbox) -> bool:
        """True when ``box`` overlaps no label (or other box) already there."""
        return self.free_at(box.x0, box.y0, box.x1, box.y1)

    def free_at(self, x0: float, y0: float, x1: float, y1: float) -> bool:
        """:meth:`free` for the box (x0, y0, x1, y1), without building a ``Bbox``."""
        return not any(
            x0 <= ox1 and ox0 <= x1 and y0 <= oy1 and oy0 <= y1 for ox0, oy0, ox1, oy1 in self.taken
        )

    def clear(self, box: Bbox, leader: Segment | None, code: str) -> bool:
        """True when ``box`` overlaps no label and no leader line, and its own ``leader``
        (if any) crosses no other label, keeps :data:`LEADER_GAP` from every other leader
        and :data:`POINT_GAP` from every other leader's dot."""
        if not self.free(box):
            return False
        extents = (box.x0, box.y0, box.x1, box.y1)
        if any(_segment_meets_box(other, extents) for other in self.leaders):
            return False
        if leader is None:
            return True
        if any(_segment_meets_box(leader, other) for other in self.taken):
            return False
        if any(_segments_apart(leader, other) < LEADER_GAP for other in self.leaders):
            return False
        return all(
            _to_segment(x, y, leader) >= POINT_GAP
            for other, (x, y) in self.points.items()
            if other != code
        )


def _turn(ax: float, ay: float, bx: float, by: float, cx: float, cy: float) -> float:
    return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax)


def _to_segment(x: float, y: float, segment: Segment) -> float:
    """Distance from (x, y) to the segment."""
    x0, y0, x1, y1 = segment
    dx, dy = x1 - x0, y1 - y0
    t = max(0.0, min(1.0, ((x - x0) * dx + (y - y0) * dy) / ((dx * dx + dy * dy) or 1.0)))
    return math.hypot(x - x0 - t * dx, y - y0 - t * dy)


def _segments_apart(a: Segment, b: Segment) -> float:
    """Distance between two segments (0 when they cross)."""
    if _turn(*b, a[0], a[1]) * _turn(*b, a[2], a[3]) < 0 and (
        _turn(*a, b[0], b[1]) * _turn(*a, b[2], b[3]) < 0
    ):
        return 0.0
    return min(
        _to_segment(a[0], a[1], b),
        _to_segment(a[2], a[3], b),
        _to_segment(b[0], b[1], a),
        _to_segment(b[2], b[3], a),
    )


def _segment_meets_box(segment: Segment, box: Box) -> bool:
    """True when the segment has a point in ``box`` or on its edge (Liang–Barsky clipping)."""
    x0, y0, x1, y1 = segment
    bx0, by0, bx1, by1 = box
    if max(x0, x1) < bx0 or min(x0, x1) > bx1 or max(y0, y1) < by0 or min(y0, y1) > by1:
        return False
    low, high = 0.0, 1.0
    dx, dy = x1 - x0, y1 - y0
    for step, room in ((-dx, x0 - bx0), (dx, bx1 - x0), (-dy, y0 - by0), (dy, by1 - y0)):
        if step == 0:
            if room < 0:
                return False
            continue
        t = room / step
        if step < 0:
            low = max(low, t)
        else:
            high = min(high, t)
        if low > high:
            return False
    return True


def _edge(px: float, py: float, box: Bbox) -> tuple[float, float]:
    """The point of ``box`` nearest to (px, py): where a leader line meets the label."""
    return min(max(px, box.x0), box.x1), min(max(py, box.y0), box.y1)


def _spot(
    px: float,
    py: float,
    width: float,
    tall: float,
    code: str,
    paths: dict[str, list[Outline]],
    placed: Placed,
    area: Bbox,
) -> tuple[float, Bbox] | None:
    """Where a label goes: the nearest box on the map that covers no other coloured country,
    no other label and no other leader line (:meth:`Placed.clear`), preferring a leader line
    that crosses no other coloured country, else one crossing the fewest (a small country
    ringed by coloured ones: Armenia)."""
    best: tuple[int, float, Bbox] | None = None
    left, top, right, bottom = area.x0, area.y0, area.x1, area.y1
    for angles in (ANGLES, FINE_ANGLES):
        for radius in RADII:
            for angle in angles if radius else (0,):
                cx = px + radius * math.cos(math.radians(angle))
                cy = py - radius * math.sin(math.radians(angle))
                x0, y0, x1, y1 = cx - width / 2, cy - tall / 2, cx + width / 2, cy + tall / 2
                if not (left <= x0 and x1 <= right and top <= y0 and y1 <= bottom):
                    continue  # off the map
                if not placed.free_at(x0, y0, x1, y1):
                    continue  # on a label: no box built (most candidates of a crowded map)
                box = Bbox(((x0, y0), (x1, y1)))
                within = radius == 0 or _within(box, paths[code])  # its own country
                leader = None if within else (px, py, *_edge(px, py, box))
                if not placed.clear(box, leader, code) or covers_other(box, code, paths):
                    continue
                if within:  # on its country: no leader line
                    return 0, box
                crossed = _crossed((px, py), _edge(px, py, box), code, paths)
                if crossed == 0:
                    return radius, box
                if best is None or crossed < best[0]:
                    best = (crossed, radius, box)
        if best is not None:
            break
    return None if best is None else (best[1], best[2])


def _within(box: Bbox, rings: list[Outline]) -> bool:
    """True when ``box`` lies on its country (its corners and centre inside one ring): the
    label needs no leader line."""
    corners = [(box.x0, box.y0), (box.x1, box.y0), (box.x1, box.y1), (box.x0, box.y1)]
    probes = [*corners, ((box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2)]
    return any(
        _near(ring, box.x0, box.y0, box.x1, box.y1)
        and bool(ring.path.contains_points(probes).all())
        for ring in rings
    )


def _anywhere(
    px: float,
    py: float,
    width: float,
    tall: float,
    code: str,
    paths: dict[str, list[Outline]],
    placed: Placed,
    area: Bbox,
) -> tuple[float, Bbox] | None:
    """Where a label goes when no place was found around its country (:func:`_spot`): every
    box of a :data:`GRID_STEP` grid over the map that covers no other country of the map
    (grey mentions included) and no other label; the one whose leader line crosses the fewest
    countries, then the nearest. Uzbekistan, ringed by grey Central Asia, is named over
    Arabia rather than over Turkmenistan and China (which a label would hide)."""
    extents: list[tuple[float, float, float, float, Path]] = []
    for other, rings in paths.items():
        for ring in rings if other != code else ():
            extents.append((*ring.box, ring.path))
    best: tuple[int, float, Bbox] | None = None
    y = area.y0
    while y + tall <= area.y1:
        x = area.x0
        band = [e for e in extents if e[1] < y + tall and y < e[3]]  # the rings this row meets
        while x + width <= area.x1:
            x0, y0, x1, y1 = x, y, x + width, y + tall
            x += GRID_STEP
            if not placed.free_at(x0, y0, x1, y1):
                continue
            near = [
                path
                for nx0, ny0, nx1, ny1, path in band
                if x0 < nx1 and nx0 < x1 and y0 < ny1 and ny0 < y1
            ]
            box = Bbox(((x0, y0), (x1, y1)))  # built only for a box no label holds
            if any(path.intersects_bbox(box, filled=True) for path in near):
                continue
            ex, ey = _edge(px, py, box)
            within = _within(box, paths[code])
            if not placed.clear(box, None if within else (px, py, ex, ey), code):
                continue
            if within:  # on its country, no leader line (Iran, crossed by another's line)
                return 0, box
            distance = math.hypot(ex - px, ey - py)
            crossed = _crossed((px, py), (ex, ey), code, paths)
            if best is None or (crossed, distance) < best[:2]:
                best = (crossed, distance, box)
        y += GRID_STEP
    return None if best is None else (max(best[1], 1.0), best[2])


@dataclass(frozen=True, slots=True)
class _Label:
    """Where one country's label goes: its lines, its box and, when aside, its leader."""

    code: str
    lines: tuple[str, ...]
    width: float
    box: Bbox
    point: tuple[float, float]
    leader: bool


PLACING_TRIES = 3
"""Orders tried on a crowded map: the usual one, then the countries the search around them
could not place first (the last try searches the whole map for what is still left)."""


def _placements(
    spec: MapSpec,
    order: list[tuple[str, str]],
    paths: dict[str, list[Outline]],
    points: dict[str, tuple[int, int]],
    blocked: list[Bbox],
    area: Bbox,
    optional: frozenset[str],
    last: bool,
) -> tuple[list[_Label], list[str]]:
    """Each label's place in ``order`` (see :func:`_place_labels`), and the countries no place
    was found for. Only the ``last`` try searches the whole map and, failing that, grey land:
    an earlier try leaves a country its ring search cannot place for the next order."""
    categories = dict(spec.countries)
    placed = Placed([(b.x0, b.y0, b.x1, b.y1) for b in blocked], [], {})
    missing: list[str] = []
    found: list[_Label] = []
    for code, name in order:
        small = code in ZOOMED and code in categories  # Georgia, even as a mention
        if (categories.get(code) not in LABELLED and not small) or code == INSET:
            continue
        if code not in points:
            continue  # named in the other panel (or off the map: the caption names it)
        lines = wrap(name, TEXT_SIZE, LABEL_WIDTH, "bold")
        width = max(text_width(line, TEXT_SIZE, "bold") for line in lines) + 8
        tall = len(lines) * TEXT_SIZE * LINE + 6
        px, py = points[code]
        spot = _spot(px, py, width, tall, code, paths, placed, area)
        if spot is None and not last:
            missing.append(code)  # tried first next time (an optional one too)
            continue
        if spot is None:  # a crowded map: any free place on the map, with a leader line
            spot = _anywhere(px, py, width, tall, code, paths, placed, area)
        if spot is None:  # still none: over grey land, never over another named country
            named = {
                other: rings
                for other, rings in paths.items()
                if other == code or categories.get(other) in LABELLED
            }
            spot = _anywhere(px, py, width, tall, code, named, placed, area)
        if spot is None:
            if code not in optional:
                missing.append(code)
            continue
        radius, box = spot
        if radius:
            ex, ey = _edge(px, py, box)
            placed.leaders.append((px, py, ex, ey))
            placed.points[code] = (px, py)
        kept = box.expanded(1.04, 1.1)
        placed.taken.append((kept.x0, kept.y0, kept.x1, kept.y1))
        found.append(_Label(code, tuple(lines), width, box, (px, py), bool(radius)))
    return found, missing


def _place_labels(
    sheet: Sheet,
    spec: MapSpec,
    shapes: dict[str, list[Ring]],
    points: dict[str, tuple[int, int]],
    blocked: list[Bbox],
    area: Bbox,
    optional: frozenset[str] = frozenset(),
    skip: frozenset[str] = frozenset(),
) -> tuple[str, ...]:
    """Name each labelled country where its label covers no other country of the map, no
    other label and stays on the map: on the country when it fits, else aside with a leader
    line. A label placed early may take the only free place of a country placed later (the
    thirteenth newcomer's Kazakhstan, whose long line left Pakistan nothing but India): a
    country the search around it cannot place is placed first on the next try, after those
    left out by earlier tries; only the last try (:data:`PLACING_TRIES`) searches the whole
    map, then grey land. Returns the countries
    no place was found for; those in ``skip`` (said under the map already) are not placed."""
    paths = _paths(shapes)
    labels = [label for label in spec.labels if label[0] not in skip]
    order = sorted(labels, key=lambda label: label[0] in optional)
    ahead: list[str] = []  # every country once left without a place, in the order it was
    for attempt in range(1, PLACING_TRIES + 1):
        last = attempt == PLACING_TRIES
        found, missing = _placements(spec, order, paths, points, blocked, area, optional, last)
        if last or not missing:
            break
        ahead += [code for code in missing if code not in ahead]
        first = sorted(
            (label for label in order if label[0] in ahead), key=lambda label: ahead.index(label[0])
        )
        order = [*first, *(label for label in order if label[0] not in ahead)]
    for label in found:
        px, py = label.point
        box = label.box
        if label.leader:
            ex, ey = _edge(px, py, box)
            sheet.line(px, py, ex, ey, colour="white", width=7)
            sheet.line(px, py, ex, ey, colour=INK, width=3)
            sheet.mark(px, py, "o", True, INK, size=9)
        sheet.text(
            box.x0 + 4,
            box.y0 + 3,
            "\n".join(label.lines),
            TEXT_SIZE,
            label.width + 40,
            weight="bold",
            role="label",
            boxed=True,
        )
    return tuple(missing)
