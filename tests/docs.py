"""The project's documentation as tests read it: the README (users, deployment) and docs/*.md
(contributors), each file with its name."""

from __future__ import annotations

from bot.paths import PROJECT_ROOT


def documentation_files() -> dict[str, str]:
    """README.md then every docs/*.md, name → text."""
    files = [PROJECT_ROOT / "README.md", *sorted((PROJECT_ROOT / "docs").glob("*.md"))]
    return {path.relative_to(PROJECT_ROOT).as_posix(): path.read_text("utf-8") for path in files}


def documentation() -> str:
    """All of the documentation as one text."""
    return "\n".join(documentation_files().values())
