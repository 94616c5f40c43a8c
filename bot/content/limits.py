"""Limits a content file is read under: none of its shapes can crash or swamp the process.

libyaml's C composer recurses on the C stack once per level of nesting, whatever the
construct (``[[[…``, ``- - - …``, ``a:\\n  b:\\n    c: …``): a file nested 60,000 deep kills
the process. Before anything is composed, the file's *events* are read — libyaml's parser keeps
its own stack, so this pass cannot crash — and the file is refused past :attr:`depth` levels,
or when its nodes (an alias counted as everything it repeats) exceed :attr:`nodes`. Sizes are
checked from the disk before reading, entries after parsing. Every limit can be raised through
the environment for very large bases (the ×1000 benchmark does).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

import yaml

from bot.content.duplicates import DuplicateKeys
from bot.content.yamlread import SafeLoader as _Loader  # C: fast, its event pass iterative

MB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class ContentLimits:
    depth: int = 64
    """Deepest nesting of lists and mappings, any YAML style."""
    file_bytes: int = 16 * MB
    """Largest content file."""
    total_bytes: int = 64 * MB
    """Largest sum of every content file."""
    entries: int = 200_000
    """Most entries (list items of every section, every file together)."""
    nodes: int = 5_000_000
    """Most YAML nodes in one file, an alias counting every node it repeats."""

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> ContentLimits:
        """The defaults, or CONTENT_MAX_FILE_MB, CONTENT_MAX_TOTAL_MB, CONTENT_MAX_ENTRIES,
        CONTENT_MAX_NODES and CONTENT_MAX_DEPTH when set (a bad value keeps the default)."""
        values = os.environ if env is None else env
        default = cls()

        def number(name: str, fallback: int, scale: int = 1) -> int:
            text = values.get(name, "").strip()
            try:
                found = float(text) * scale if text else fallback
            except ValueError:
                return fallback
            return int(found) if found > 0 else fallback

        return cls(
            depth=number("CONTENT_MAX_DEPTH", default.depth),
            file_bytes=number("CONTENT_MAX_FILE_MB", default.file_bytes, MB),
            total_bytes=number("CONTENT_MAX_TOTAL_MB", default.total_bytes, MB),
            entries=number("CONTENT_MAX_ENTRIES", default.entries),
            nodes=number("CONTENT_MAX_NODES", default.nodes),
        )


def size_problem(size: int, total: int, limits: ContentLimits) -> str | None:
    """Why a file of ``size`` bytes (``total`` with the files before it) is refused, if it is."""
    if size > limits.file_bytes:
        return (
            f"fichier trop gros ({size / MB:.1f} Mo ; {limits.file_bytes / MB:g} Mo au plus, "
            "CONTENT_MAX_FILE_MB)"
        )
    if total > limits.total_bytes:
        return (
            f"contenu trop gros avec ce fichier ({total / MB:.1f} Mo en tout ; "
            f"{limits.total_bytes / MB:g} Mo au plus, CONTENT_MAX_TOTAL_MB)"
        )
    return None


def shape_problem(
    text: str, limits: ContentLimits, keys: DuplicateKeys | None = None
) -> str | None:
    """Why ``text`` may not be composed (too deep, too many nodes), from its events alone.

    Returns None when it may; raises yaml.YAMLError when it is not YAML at all. ``keys``,
    when given, is fed the same events (keys written twice, in the same pass).
    """
    sizes: list[int] = [0]  # nodes counted so far at each open level
    anchors: list[str | None] = [None]
    anchored: dict[str, int] = {}
    total = 0
    for event in yaml.parse(text, Loader=_Loader):
        if keys is not None:
            keys.feed(event)
        if isinstance(event, yaml.SequenceStartEvent | yaml.MappingStartEvent):
            if len(sizes) > limits.depth:
                return f"imbrication trop profonde (plus de {limits.depth} niveaux)"
            sizes.append(0)
            anchors.append(event.anchor)
            continue
        if isinstance(event, yaml.SequenceEndEvent | yaml.MappingEndEvent):
            size = sizes.pop() + 1
            anchor = anchors.pop()
            if anchor is not None:
                anchored[anchor] = size
            sizes[-1] += size
            total += 1
        elif isinstance(event, yaml.ScalarEvent):
            sizes[-1] += 1
            total += 1
            if event.anchor is not None:
                anchored[event.anchor] = 1
        elif isinstance(event, yaml.AliasEvent):
            repeated = anchored.get(event.anchor or "", 1)
            sizes[-1] += repeated
            total += repeated
        if total > limits.nodes:
            return f"trop d'éléments YAML (plus de {limits.nodes}, alias dépliés)"
    return None
