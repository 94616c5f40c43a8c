"""Build bot/image/shapes/countries.json from Natural Earth's 1:110m admin-0 countries (one-off).

The shapefile is the ``naturalearth_lowres`` dataset that geopandas < 1.0 ships (Natural Earth
v5, public domain). Regenerate with:

    python3 -m pip download geopandas==0.14.4 --no-deps -d /tmp/ne
    cd /tmp/ne && unzip -o geopandas-0.14.4-py3-none-any.whl 'geopandas/datasets/*'
    .tools/bin/uv run python tools/build_geometry.py \
        /tmp/ne/geopandas/datasets/naturalearth_lowres/naturalearth_lowres

ISO alpha-3 codes become alpha-2 through Debian's iso-codes table
(/usr/share/iso-codes/json/iso_3166-1.json). The shapefile is read by hand (polygons only),
rings are thinned (points closer than ``STEP`` degrees to the last kept one are dropped) and
coordinates quantised to 1/100 degree.
"""

from __future__ import annotations

import json
import struct
import sys
from pathlib import Path

STEP = 0.15
"""Degrees: a point this close to the previous kept point is dropped."""
ISO_TABLE = Path("/usr/share/iso-codes/json/iso_3166-1.json")
OUT = Path(__file__).resolve().parent.parent / "bot" / "image" / "shapes" / "countries.json"
EXTRA = {"KOS": "XK", "-99": ""}
"""Codes the ISO table lacks: Kosovo has a user-assigned code; unnamed territories are dropped."""


def read_dbf(path: Path) -> list[dict[str, str]]:
    data = path.read_bytes()
    count, header, size = struct.unpack("<IHH", data[4:12])
    fields = []
    offset = 32
    while data[offset] != 0x0D:
        name = data[offset : offset + 11].split(b"\0", 1)[0].decode()
        fields.append((name, data[offset + 16]))
        offset += 32
    rows = []
    for number in range(count):
        start = header + number * size + 1
        row = {}
        for name, length in fields:
            row[name] = data[start : start + length].decode("latin-1").strip()
            start += length
        rows.append(row)
    return rows


def read_shp(path: Path) -> list[list[list[tuple[float, float]]]]:
    data = path.read_bytes()
    offset = 100
    shapes = []
    while offset < len(data):
        length = struct.unpack(">I", data[offset + 4 : offset + 8])[0] * 2
        body = data[offset + 8 : offset + 8 + length]
        offset += 8 + length
        kind = struct.unpack("<i", body[:4])[0]
        if kind != 5:
            shapes.append([])
            continue
        parts, points = struct.unpack("<ii", body[36:44])
        starts = list(struct.unpack(f"<{parts}i", body[44 : 44 + 4 * parts]))
        coords = struct.unpack(
            f"<{2 * points}d", body[44 + 4 * parts : 44 + 4 * parts + 16 * points]
        )
        pairs = list(zip(coords[::2], coords[1::2], strict=True))
        rings = [pairs[a:b] for a, b in zip(starts, [*starts[1:], points], strict=True)]
        shapes.append(rings)
    return shapes


def thin(ring: list[tuple[float, float]]) -> list[int]:
    kept = [ring[0]]
    for x, y in ring[1:-1]:
        if abs(x - kept[-1][0]) + abs(y - kept[-1][1]) >= STEP:
            kept.append((x, y))
    flat: list[int] = []
    for x, y in kept:
        flat.extend((round(x * 100), round(y * 100)))
    return flat


def main(stem: str) -> None:
    table = json.loads(ISO_TABLE.read_text())["3166-1"]
    alpha2 = {entry["alpha_3"]: entry["alpha_2"] for entry in table}
    alpha2.update(EXTRA)
    rows = read_dbf(Path(stem + ".dbf"))
    shapes = read_shp(Path(stem + ".shp"))
    countries: dict[str, dict[str, object]] = {}
    for row, rings in zip(rows, shapes, strict=True):
        code = alpha2.get(row["iso_a3"], "")
        kept = [thin(ring) for ring in rings]
        kept = [ring for ring in kept if len(ring) >= 6]
        if not code or not kept:
            continue
        countries[code] = {"name": row["name"], "rings": kept}
    document = {
        "source": "Natural Earth 1:110m Admin 0 – Countries (v5, via geopandas 0.14.4 "
        "naturalearth_lowres), public domain",
        "units": "1/100 degree, longitude then latitude",
        "countries": dict(sorted(countries.items())),
    }
    OUT.write_text(json.dumps(document, separators=(",", ":"), ensure_ascii=False) + "\n")
    print(f"{len(countries)} pays écrits dans {OUT} ({OUT.stat().st_size // 1024} Kio)")


if __name__ == "__main__":
    main(sys.argv[1])
