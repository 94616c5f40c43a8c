"""The vocabulary term a curator most likely meant when a value is not one of its ids.

« Haut-Karabagh » in `topics` is no id of the vocabulary; it is close to « Haut-Karabakh », an
alias of the topic `territoire`. `check` still refuses the value — an entry's topic is what the
bot files it under, so it must be an id — but its French message names the id to write."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from difflib import get_close_matches

from bot.content.schema import Term
from bot.text import fold

CLOSE_ENOUGH = 0.8
"""How alike (difflib ratio, on folded words) a value and a term's name must be to suggest it."""


def _bare(text: str) -> str:
    return " ".join(fold(text).replace("-", " ").split())


def term_hint(value: str, terms: Iterable[Term]) -> str | None:
    """« écrire l'identifiant « territoire » (« Haut-Karabakh », un de ses noms …) », or None."""
    return names_hint(value, [(term.id, [term.label, *term.aliases]) for term in terms])


def names_hint(value: str, terms: Iterable[tuple[str, Sequence[str]]]) -> str | None:
    """The same, from (id, other names) pairs (a vocabulary read as plain YAML)."""
    names: dict[str, tuple[str, str]] = {}
    for term_id, others in terms:
        for name in (term_id, *others):
            names.setdefault(_bare(name), (term_id, name))
    wanted = _bare(value)
    found = names.get(wanted)
    how = "même mot, autre graphie"
    if found is None:
        close = get_close_matches(wanted, list(names), n=1, cutoff=CLOSE_ENOUGH)
        if not close:
            return None
        found = names[close[0]]
        how = "graphie proche"
    term_id, name = found
    if name == term_id:
        return f"écrire « {term_id} » ({how})"
    return f"écrire l'identifiant « {term_id} » (« {name} », un de ses noms : {how})"
