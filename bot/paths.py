"""Where the content and seeds live: the project root, next to the package, unless the
environment variables ``BOT_CONTENT_DIR`` / ``BOT_SEEDS_DIR`` name other folders (the growth
test runs the whole suite on a copy of the base with more articles)."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def _folder(variable: str, default: Path) -> Path:
    value = os.environ.get(variable, "").strip()
    return Path(value).expanduser().resolve() if value else default


CONTENT_DIR = _folder("BOT_CONTENT_DIR", PROJECT_ROOT / "content")
SEEDS_DIR = _folder("BOT_SEEDS_DIR", PROJECT_ROOT / "seeds")
