"""Write the module map of docs/architecture.md from the modules' own docstrings.

    python -m tools.module_map            # prints the map
    python -m tools.module_map --write    # rewrites it between its markers in docs/architecture.md

tests/test_module_map.py fails when the map in the docs is not the one the code gives, so a
new, moved or removed module shows up in the documentation at once.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "architecture.md"
START = "<!-- module-map:start (python -m tools.module_map --write) -->"
END = "<!-- module-map:end -->"


def summary(path: Path) -> str:
    """The first sentence of the module's docstring, on one line."""
    doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
    first = " ".join(doc.split("\n\n")[0].split())
    return first.replace("|", "\\|")


def module_map() -> str:
    """One table per package of bot/: module, what it does."""
    lines: list[str] = []
    packages = sorted({p.parent for p in (ROOT / "bot").rglob("*.py")})
    for package in packages:
        name = package.relative_to(ROOT).as_posix()
        lines += [f"**`{name}/`** — {summary(package / '__init__.py')}", ""]
        lines += ["| module | rôle |", "|---|---|"]
        for path in sorted(package.glob("*.py")):
            if path.name != "__init__.py":
                lines.append(f"| `{path.name}` | {summary(path)} |")
        lines.append("")
    return "\n".join(lines).rstrip("\n")


def documented() -> str:
    """The map as it stands in the docs, between the markers."""
    text = DOC.read_text(encoding="utf-8")
    return text.split(START, 1)[1].split(END, 1)[0].strip("\n")


def write() -> None:
    text = DOC.read_text(encoding="utf-8")
    head, rest = text.split(START, 1)
    tail = rest.split(END, 1)[1]
    DOC.write_text(f"{head}{START}\n{module_map()}\n{END}{tail}", encoding="utf-8")


if __name__ == "__main__":
    if "--write" in sys.argv[1:]:
        write()
    else:
        print(module_map())
