"""Where a promoted entry goes in a section that the base keeps in date order.

``content/events.yaml`` lists its events oldest first; appending a 2021 event after the 2025
ones would break that order (and the content test that keeps it). When the dated entries of
a section are already oldest first (by year, as the base keeps them), a new dated entry is
inserted before the first entry that starts after it — every entry above it starts no later,
so the order holds; otherwise (undated entry, unordered section) it goes at the end.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

import yaml

from bot.content.yamlread import read_yaml
from bot.dates import parse_date


def _start(entry: object) -> date | None:
    """The first day an entry's ``date`` covers, or None (no date, or not a valid one)."""
    raw = entry.get("date") if isinstance(entry, dict) else None
    if not isinstance(raw, str):
        return None
    try:
        return parse_date(raw).start
    except ValueError:
        return None


def insert_dated(text: str, section: str, entry: object, dump: Callable[[str], str]) -> str | None:
    """``text`` with ``entry`` inserted where the section's date order wants it (``dump``
    writes it as YAML lines at a given indent); None when that order does not apply (the
    caller appends)."""
    start = _start(entry)
    if start is None:
        return None
    try:
        data = read_yaml(text)
    except yaml.YAMLError:
        return None
    items = data.get(section) if isinstance(data, dict) else None
    if not isinstance(items, list) or not items:
        return None
    starts = [_start(item) for item in items]
    years = [day.year for day in starts if day is not None]
    if years != sorted(years):
        return None  # the file keeps another order: leave it alone
    position = next((i for i, day in enumerate(starts) if day is not None and day > start), None)
    if position is None:
        return None  # the newest: the end of the section is its place
    lines = text.splitlines(keepends=True)
    head = re.compile(rf"^{re.escape(section)}\s*:")
    first = next((i for i, line in enumerate(lines) if head.match(line)), None)
    if first is None:
        return None
    item_lines: list[int] = []
    indent: str | None = None
    for i in range(first + 1, len(lines)):
        line = lines[i]
        if re.match(r"^[^\s#]", line):
            break  # the next section
        match = re.match(r"^(\s*)- ", line)
        if match and (indent is None or match.group(1) == indent):
            indent = match.group(1)
            item_lines.append(i)
    if indent is None or len(item_lines) != len(items):
        return None  # not a plain block list: appending is safer
    at = item_lines[position]
    while at - 1 > first and lines[at - 1].lstrip().startswith("#"):
        at -= 1  # a comment just above an entry stays with it
    separated = at - 1 > first and not lines[at - 1].strip()
    dumped = dump(indent)
    block = dumped if dumped.endswith("\n") else dumped + "\n"
    lines[at:at] = [block + ("\n" if separated else "")]
    return "".join(lines)
