"""Validation of one raw YAML entry against its schema class, with errors in French.

The only module of the content package that imports pydantic: the loader and the draft
check call it; a bot that starts from its snapshot never does.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from pydantic import TypeAdapter, ValidationError
from pydantic_core import ErrorDetails

E = TypeVar("E")

_MESSAGES = {
    "missing": "champ obligatoire manquant (écrire null s'il n'est pas connu)",
    "extra_forbidden": "champ inconnu",
    "unexpected_keyword_argument": "champ inconnu",
    "string_type": "texte attendu",
    "tuple_type": "liste attendue",
    "string_pattern_mismatch": "format invalide",
    "literal_error": "valeur hors vocabulaire",
    "model_type": "objet attendu (clé: valeur)",
    "dataclass_type": "objet attendu (clé: valeur)",
}


@dataclass(frozen=True, slots=True)
class FieldError:
    """One problem of an entry: where (``evidence[0].quote``) and what, in French."""

    path: str
    message: str


_ADAPTERS: dict[type[Any], TypeAdapter[Any]] = {}


def _adapter(schema: type[Any]) -> TypeAdapter[Any]:
    if schema not in _ADAPTERS:  # building one takes milliseconds: once per class
        _ADAPTERS[schema] = TypeAdapter(schema)
    return _ADAPTERS[schema]


def validate(schema: type[E], raw: object) -> E | list[FieldError]:
    """``raw`` as an instance of ``schema``, or every problem found in it."""
    try:
        value: E = _adapter(schema).validate_python(raw)
    except ValidationError as error:
        return [FieldError(field_path(item["loc"]), french(item)) for item in error.errors()]
    return value


def field_path(loc: Sequence[int | str]) -> str:
    """``("evidence", 0, "quote")`` → ``evidence[0].quote``."""
    path = ""
    for part in loc:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path or "(entrée)"


def french(error: ErrorDetails) -> str:
    """What is wrong, in French, with the figures pydantic gives (lengths, pattern)."""
    kind = error["type"]
    if kind == "value_error":
        return str(error.get("ctx", {}).get("error", error["msg"]))
    if kind == "string_too_short":
        return f"trop court (au moins {error.get('ctx', {}).get('min_length')} caractères)"
    if kind == "string_too_long":
        return f"trop long (au plus {error.get('ctx', {}).get('max_length')} caractères)"
    if kind == "too_short":
        return f"liste trop courte (au moins {error.get('ctx', {}).get('min_length')} élément)"
    if kind == "string_pattern_mismatch":
        return f"format invalide (attendu : {error.get('ctx', {}).get('pattern')})"
    return _MESSAGES.get(kind, f"valeur invalide ({error['msg']})")
