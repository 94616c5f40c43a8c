"""The length and shape limits of the content fields, read from the schema itself.

The curation guide (docs/curation.md) shows them as a table between two markers; a test
compares that table with :func:`limits_table`, and ``python -m bot.content.field_limits
--write`` rewrites it, so the guide cannot drift from what ``check`` enforces.
"""

from __future__ import annotations

import sys
import typing
from dataclasses import fields
from pathlib import Path

from bot.content import schema
from bot.content.schema import Rule

ENTRIES: tuple[tuple[str, type], ...] = (
    ("sources", schema.Source),
    ("countries", schema.Country),
    ("organisations", schema.Organisation),
    ("events", schema.Event),
    ("agreements", schema.Agreement),
    ("facts", schema.Fact),
    ("evidence", schema.Evidence),
)
"""Each section of ``content/`` and the entry class it holds (evidence: any entry's quotes)."""
PATTERNS = {
    r"^[a-z0-9][a-z0-9-]{1,39}$": "minuscules ASCII, chiffres et tirets, de 2 à 40 caractères",
    r"^[A-Z]{2}$": "code ISO à 2 majuscules",
}
BEGIN = "<!-- limites des champs : début (python -m bot.content.field_limits --write) -->"
END = "<!-- limites des champs : fin -->"
GUIDE = Path(__file__).resolve().parents[2] / "docs" / "curation.md"


def _rules(annotation: object, inside: bool = False) -> list[tuple[Rule, str]]:
    """Every Rule in an annotation with what it limits: « texte », « liste » or « élément »."""
    found: list[tuple[Rule, str]] = []
    metadata = getattr(annotation, "__metadata__", None)
    if metadata is not None:  # Annotated[base, Rule…]
        base = getattr(annotation, "__origin__", None)
        is_list = typing.get_origin(base) is tuple
        target = "liste" if is_list else "élément" if inside else "texte"
        found += [(item, target) for item in metadata if isinstance(item, Rule)]
        return found + _rules(base, inside)
    origin = typing.get_origin(annotation)
    for inner in typing.get_args(annotation):
        found.extend(_rules(inner, inside or origin in (tuple, dict)))
    return found


def _describe(rule: Rule, target: str) -> str:
    constraints = rule.constraints
    pattern = constraints.get("pattern")
    each = "chaque élément : " if target == "élément" else ""
    if isinstance(pattern, str):
        if pattern in PATTERNS:
            return each + PATTERNS[pattern]
        if pattern.startswith("^https?"):
            most = constraints.get("max_length")
            return (
                each
                + "adresse web en http:// ou https://"
                + (f", {most} caractères au plus" if most is not None else "")
            )
        return f"{each}forme {pattern}"
    unit = "élément" if target == "liste" else "caractère"
    low, high = constraints.get("min_length"), constraints.get("max_length")
    if low is not None and high is not None:
        return f"{each}de {low} à {high} {unit}s"
    if high is not None:
        return f"{each}{high} {unit}s au plus"
    return f"{each}au moins {low} {unit}{'s' if low != 1 else ''}"


def field_limits() -> list[tuple[str, str, str]]:
    """(section, field, limit in French) for every rule the schema puts on a field."""
    rows: list[tuple[str, str, str]] = []
    for section, model in ENTRIES:
        hints = typing.get_type_hints(model, vars(schema), include_extras=True)
        for item in fields(model):
            for rule, target in _rules(hints[item.name]):
                if target != "liste" and rule.constraints == {"min_length": 1}:
                    continue  # « non vide » is every text's rule, not a limit
                rows.append((section, item.name, _describe(rule, target)))
    return rows


def limits_table() -> str:
    """The Markdown table of :func:`field_limits`, between the guide's markers."""
    lines = [BEGIN, "| Section | Champ | Limite |", "|---|---|---|"]
    lines += [f"| `{section}` | `{name}` | {limit} |" for section, name, limit in field_limits()]
    lines.append(END)
    return "\n".join(lines)


def guide_table(text: str) -> str | None:
    """The table as the guide holds it, markers included (None without markers)."""
    start, end = text.find(BEGIN), text.find(END)
    if start < 0 or end < start:
        return None
    return text[start : end + len(END)]


def main(argv: list[str]) -> int:
    """Print the table, or with ``--write`` put it in docs/curation.md between the markers."""
    table = limits_table()
    if "--write" not in argv:
        print(table)
        return 0
    text = GUIDE.read_text(encoding="utf-8")
    current = guide_table(text)
    if current is None:
        print(f"{GUIDE} : marqueurs introuvables ({BEGIN})", file=sys.stderr)
        return 1
    GUIDE.write_text(text.replace(current, table), encoding="utf-8")
    print(f"{GUIDE} : tableau des limites écrit ({len(field_limits())} lignes).")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
