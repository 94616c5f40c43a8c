"""The shipped country outlines (Natural Earth 1:110m, public domain) and their projection.

Pure Python (no matplotlib): reading ``data/countries.json``, a Lambert azimuthal equal-area
projection centred on the Caucasus, and a point inside each country for labels and tests.
"""

from __future__ import annotations

import json
import math
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "countries.json"
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
    lam, phi = math.radians(lon - centre[0]), math.radians(lat)
    phi0 = math.radians(centre[1])
    denominator = 1 + math.sin(phi0) * math.sin(phi) + math.cos(phi0) * math.cos(phi) * math.cos(lam)
    k = math.sqrt(2 / max(denominator, 1e-9))
    x = k * math.cos(phi) * math.sin(lam)
    y = k * (math.cos(phi0) * math.sin(phi) - math.sin(phi0) * math.cos(phi) * math.cos(lam))
    return x, y


def project(rings: tuple[Ring, ...], centre: tuple[float, float] = CENTRE) -> list[Ring]:
    """Every ring projected around ``centre``."""
    return [[laea(lon, lat, centre) for lon, lat in ring] for ring in rings]


def _area(ring: Ring) -> float:
    return abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1])))


def inside_point(rings: list[Ring]) -> tuple[float, float]:
    """A point well inside the largest ring: the middle of its widest horizontal chord.

    Several horizontal lines are tried; the widest inside segment wins, so the point sits
    far from the borders (where lines and anti-aliasing would change the colour).
    """
    ring = max(rings, key=_area)
    ys = [y for _, y in ring]
    low, high = min(ys), max(ys)
    best = (0.0, (ring[0][0], ring[0][1]))
    for step in range(1, 20):
        y = low + (high - low) * step / 20
        crossings = []
        for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]):
            if (y0 <= y < y1) or (y1 <= y < y0):
                crossings.append(x0 + (y - y0) * (x1 - x0) / (y1 - y0))
        crossings.sort()
        for a, b in zip(crossings[::2], crossings[1::2]):
            # the chord's width, weighed by its distance from the top and bottom
            margin = min(y - low, high - y)
            score = min(b - a, 2 * margin)
            if score > best[0]:
                best = (score, ((a + b) / 2, y))
    return best[1]
