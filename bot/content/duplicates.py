"""Keys written twice in one YAML mapping, found from the parser's events.

YAML loaders keep the last of two equal keys without a word: a curator who pastes
``key: true`` twice, or writes ``date:`` twice in one entry, would never learn that one of
the two lines is ignored. :class:`DuplicateKeys` is fed the same events as the shape check
of :mod:`bot.content.limits` (one pass over the file) and keeps the first key repeated, with
the section, the entry (its ``id`` or ``code`` when read before) and the line.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml


@dataclass(slots=True)
class _Frame:
    mapping: bool
    name: str
    """What this node is in its parent: a key, or « n°3 » for a list item."""
    count: int = 0
    keys: set[str] = field(default_factory=set)
    pending: str | None = None
    ident: str | None = None


@dataclass(frozen=True, slots=True)
class Duplicate:
    """One key written twice: where, and a French message saying so."""

    entry: str | None
    """The entry's id (or « section[n°3] » when it has none yet)."""
    field: str
    """The key's path inside the entry (``evidence[1].key``) or the key alone."""
    line: int

    @property
    def message(self) -> str:
        key = self.field.rsplit(".", 1)[-1]
        return (
            f"clé « {key} » écrite deux fois (ligne {self.line}) : YAML ne garderait que la "
            "seconde valeur, sans le dire ; n'en garder qu'une"
        )


class DuplicateKeys:
    """Feed every event of a file; :attr:`found` is the first repeated key, if any."""

    def __init__(self) -> None:
        self._stack: list[_Frame] = []
        self.found: Duplicate | None = None

    def feed(self, event: yaml.Event) -> None:
        if self.found is not None:
            return
        starts = isinstance(event, yaml.SequenceStartEvent | yaml.MappingStartEvent)
        if isinstance(event, yaml.SequenceEndEvent | yaml.MappingEndEvent):
            self._stack.pop()
            if self._stack:
                self._stack[-1].count += 1
            return
        if not starts and not isinstance(event, yaml.ScalarEvent | yaml.AliasEvent):
            return
        top = self._stack[-1] if self._stack else None
        name = ""
        if top is not None and top.mapping and top.count % 2 == 0:  # a key
            if isinstance(event, yaml.ScalarEvent):
                key = str(event.value)
                if key in top.keys:
                    mark = event.start_mark
                    self.found = self._duplicate(key, mark.line + 1 if mark else 0)
                    return
                top.keys.add(key)
                top.pending = key
        elif top is not None and top.mapping:  # a value
            name = top.pending or "?"
            if isinstance(event, yaml.ScalarEvent) and top.pending in ("id", "code"):
                top.ident = str(event.value)
        elif top is not None:  # a list item
            name = f"n°{top.count + 1}"
        if starts:
            self._stack.append(_Frame(isinstance(event, yaml.MappingStartEvent), name))
        elif top is not None:
            top.count += 1

    def _duplicate(self, key: str, line: int) -> Duplicate:
        """Where ``key`` repeats: frames 0 (file), 1 (section), 2 (list), 3 (entry), deeper."""
        frames = self._stack
        if len(frames) < 3:
            return Duplicate(None, key, line)
        section = frames[1].name
        entry = frames[2]
        label = entry.ident or f"{section}[{entry.name}]"
        parts: list[str] = []
        for frame in frames[3:]:
            if frame.name.startswith("n°"):
                parts[-1:] = [f"{parts[-1] if parts else ''}[{int(frame.name[2:]) - 1}]"]
            else:
                parts.append(frame.name)
        return Duplicate(label, ".".join([*parts, key]), line)
