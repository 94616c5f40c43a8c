"""The shipped country outlines (Natural Earth 1:110m, public domain) and their projection.

Pure Python (no matplotlib): reading ``shapes/countries.json``, a Lambert azimuthal equal-area
projection centred on the Caucasus, and a point inside each country for labels and tests.
"""

from __future__ import annotations

import json
import math
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "shapes" / "countries.json"
CENTRE = (47.0, 41.0)
"""Longitude and latitude the map is centred on (the Caucasus)."""
Ring = list[tuple[float, float]]


@cache
def outlines() -> dict[str, tuple[Ring, ...]]:
    """ISO alpha-2 code → rings in degrees (longitude, latitude), read once."""
    document = json.loads(DATA.read_text(encoding="utf-8"))
    found: dict[str, tuple[Ring, ...]] = {}
    for code, country in document["countries"].items():
        rings = []
        for flat in country["rings"]:
            rings.append([(flat[i] / 100, flat[i + 1] / 100) for i in range(0, len(flat), 2)])
        found[code] = tuple(rings)
    return found


def laea(lon: float, lat: float, centre: tuple[float, float] = CENTRE) -> tuple[float, float]:
    """Lambert azimuthal equal-area projection, in units of the Earth's radius."""
    # longitudes wrapped around the centre: Chukotka (-170°) lies east of the Caucasus
    lam, phi = math.radians((lon - centre[0] + 180) % 360 - 180), math.radians(lat)
    phi0 = math.radians(centre[1])
    denominator = (
        1 + math.sin(phi0) * math.sin(phi) + math.cos(phi0) * math.cos(phi) * math.cos(lam)
    )
    k = math.sqrt(2 / max(denominator, 1e-9))
    x = k * math.cos(phi) * math.sin(lam)
    y = k * (math.cos(phi0) * math.sin(phi) - math.sin(phi0) * math.cos(phi) * math.cos(lam))
    return x, y


def project(rings: tuple[Ring, ...], centre: tuple[float, float] = CENTRE) -> list[Ring]:
    """Every ring projected around ``centre``."""
    return [[laea(lon, lat, centre) for lon, lat in ring] for ring in rings]


@cache
def projected(centre: tuple[float, float] = CENTRE) -> dict[str, tuple[Ring, ...]]:
    """Every country's rings projected around ``centre``, computed once per centre (the map
    uses two: the Caucasus and the United States' inset); countries more than 120° of
    longitude away from the centre are left out (they fall off any map drawn around it)."""
    return {
        code: tuple(project(rings, centre))
        for code, rings in outlines().items()
        if not all(abs(lon - centre[0]) > 120 for ring in rings for lon, _ in ring[:1])
    }


def inside_point(
    rings: list[Ring], window: tuple[float, float, float, float] | None = None
) -> tuple[float, float] | None:
    """A point well inside the country: the middle of its widest horizontal chord.

    Chords are tried on 20 lines across every ring, cut to ``window`` (x0, x1, y0, y1) when
    given, so the point is on the visible part of the map and far from borders (where lines
    and anti-aliasing change the colour). None when no part of the country is in the window.
    """
    best: tuple[float, tuple[float, float] | None] = (0.0, None)
    for ring in rings:
        ys = [y for _, y in ring]
        low, high = min(ys), max(ys)
        for step in range(1, 20):
            y = low + (high - low) * step / 20
            if window is not None and not window[2] < y < window[3]:
                continue
            crossings = []
            for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True):
                if (y0 <= y < y1) or (y1 <= y < y0):
                    crossings.append(x0 + (y - y0) * (x1 - x0) / (y1 - y0))
            crossings.sort()
            margin = min(y - low, high - y)
            for a, b in zip(crossings[::2], crossings[1::2], strict=False):
                if window is not None:
                    a, b = max(a, window[0]), min(b, window[1])
                    margin = min(margin, y - window[2], window[3] - y)
                score = min(b - a, 2 * margin)
                if score > best[0]:
                    best = (score, ((a + b) / 2, y))
    return best[1]
