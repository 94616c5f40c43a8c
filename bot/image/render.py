"""Render a Picture to PNG bytes, once per content: a second request is served from memory.

The cache key is a SHA-256 of everything drawn (the spec: countries and categories, labels,
dates, title, the base's date and source count), so a content change that alters the picture
gives a new key, and one that does not reuses the image. matplotlib is imported here, never at
start-up: callers import this module only when a picture is asked for.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict

from bot.engine.pictures import MapSpec, Picture, TimelineSpec

CACHE_SIZE = 32
"""Pictures kept in memory (a map is ~150 KB, a timeline ~200 KB)."""
_cache: OrderedDict[str, bytes] = OrderedDict()
_lock = threading.Lock()
"""matplotlib's Agg canvases are drawn one at a time (its font cache is shared)."""


def key(spec: MapSpec | TimelineSpec) -> str:
    """The cache key: a digest of the spec's full contents (dataclass reprs are stable)."""
    return hashlib.sha256(repr(spec).encode("utf-8")).hexdigest()


def draw(spec: MapSpec | TimelineSpec) -> bytes:
    """The PNG for ``spec``, drawn now (no cache)."""
    if isinstance(spec, MapSpec):
        from bot.image.carte import render_map

        return render_map(spec).png
    from bot.image.frise import render_timeline

    return render_timeline(spec).png


def warm() -> None:
    """Import the renderers and load what every picture uses (fonts, the projected
    basemap), so that a picture process's first drawing costs what the next ones do."""
    from bot.image.carte import warm as warm_map
    from bot.image.layout import text_width

    warm_map()
    text_width("Azerbaïdjan 2025", 45, "bold")
    text_width("Azerbaïdjan 2025", 45)


def png(picture: Picture) -> bytes:
    """The picture's PNG, from the cache when the same contents were drawn before."""
    digest = key(picture.spec)
    with _lock:
        cached = _cache.get(digest)
        if cached is not None:
            _cache.move_to_end(digest)
            return cached
        data = draw(picture.spec)
        _cache[digest] = data
        while len(_cache) > CACHE_SIZE:
            _cache.popitem(last=False)
        return data


def cached(picture: Picture) -> bool:
    """True when the picture's PNG is already in memory."""
    return key(picture.spec) in _cache
