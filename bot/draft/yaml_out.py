"""YAML as the base's files write it: text that looks like a date or a number between quotes."""

from __future__ import annotations

import re

import yaml

_LOOKS_TYPED = re.compile(r"^[\d./-]+$|^(?:yes|no|on|off|true|false|null|~)$", re.IGNORECASE)


class QuotedDumper(yaml.SafeDumper):
    """Writes every string that looks like a date or a number between quotes, so that it is
    read back as text (« 2026 », « 2025-10-30 »), as the base's files hold it."""


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = '"' if _LOOKS_TYPED.match(value) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


QuotedDumper.add_representer(str, _str)


class BaseStyleDumper(QuotedDumper):
    """As :class:`QuotedDumper`, with a list under a key indented as the base's files write it
    (``evidence:`` then ``  - source:``), so that an entry ``--promote`` wrote reads like the
    others and a later ``additions:`` finds its quotes where it looks for them."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        del indentless  # never « indentless », whatever yaml asks
        super().increase_indent(flow, False)


class FlowList(list[object]):
    """A list the curator wrote inline (``actors: [AZ, RU]``): written back inline."""


def _flow(dumper: yaml.SafeDumper, value: FlowList) -> yaml.SequenceNode:
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=True)


BaseStyleDumper.add_representer(FlowList, _flow)


def inline_lists(text: str) -> set[tuple[str, int, str]]:
    """(section, position, key) of every list an entry of ``text`` writes inline
    (``actors: [AZ, RU]``), read off the YAML's nodes (the values lose how they were written)."""
    found: set[tuple[str, int, str]] = set()
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    if not isinstance(root, yaml.MappingNode):
        return found
    for section_key, section in root.value:
        if not isinstance(section, yaml.SequenceNode):
            continue
        for position, entry in enumerate(section.value):
            if not isinstance(entry, yaml.MappingNode):
                continue
            for key, value in entry.value:
                if isinstance(value, yaml.SequenceNode) and value.flow_style:
                    found.add((str(section_key.value), position, str(key.value)))
    return found
