"""Write a picture to a PNG file (command line and console)."""

from __future__ import annotations

from pathlib import Path

from bot.engine.pictures import Picture
from bot.image.render import png
from bot.paths import PROJECT_ROOT

DEFAULT_DIR = PROJECT_ROOT / "data" / "images"
"""Where the console writes pictures when no file is named (git ignores ``data/``)."""


def write_picture(picture: Picture, path: Path | None = None) -> Path:
    """Write the picture's PNG to ``path`` (default: data/images/<name>.png); return it."""
    target = path or DEFAULT_DIR / f"{picture.name}.png"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(png(picture))
    return target.resolve()
