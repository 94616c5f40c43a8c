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
