"""Where the shipped content and seeds live (the project root, next to the package)."""

from __future__ import annotations

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
CONTENT_DIR = PROJECT_ROOT / "content"
SEEDS_DIR = PROJECT_ROOT / "seeds"
