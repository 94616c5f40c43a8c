"""Reading YAML text: libyaml's C parser when PyYAML was built with it (several times faster
than the pure-Python one on the fact base and the drafts), the pure-Python safe loader else.
Both build the same plain values (dicts, lists, strings, numbers, dates)."""

from __future__ import annotations

from typing import Any

import yaml

try:
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeLoader  # type: ignore[assignment]

__all__ = ["SafeLoader", "read_yaml"]


def read_yaml(text: str) -> Any:  # noqa: ANN401 (any YAML document)
    """The plain values of the YAML document ``text`` (``yaml.safe_load`` through libyaml)."""
    return yaml.load(text, Loader=SafeLoader)
