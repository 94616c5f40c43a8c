"""The lines of a timeline that are the act asked (« /timeline exercices militaires proposé »).

An agreement is its act; an event is the act whose word starts its type (proposé →
proposition, annoncé → annonce, adhésion → adhésion): a line that took place (an exercise
held) is never listed as the answer to « proposé ».

A proposal is an event of its own type (« proposition ») whose words say what is proposed:
when a kind is asked with the act (« exercices militaires proposés »), a proposal answers it
when its line or summary names the kind (« manœuvres »), since it is not itself of that kind.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.content.model import Agreement, Event
from bot.engine.french import folded_stem, words
from bot.engine.index import Index
from bot.text import fold


def act_event_types(index: Index, act: str) -> frozenset[str]:
    """The event types whose names start with the stem of the act's label (proposé →
    « proposition »); empty when none does (« signé »: no event is a signature)."""

    def build() -> dict[str, frozenset[str]]:
        found: dict[str, frozenset[str]] = {}
        for term in index.base.vocabulary.acts:
            root = folded_stem(fold(term.label))
            found[term.id] = frozenset(
                kind.id
                for kind in index.base.vocabulary.event_types
                if any(
                    folded_stem(word).startswith(root)
                    for name in (kind.id, kind.label, *kind.aliases)
                    for word in fold(name).split()
                )
            )
        return found

    return index.memo("act event types", build).get(act, frozenset())


def has_act(index: Index, entry: Event | Agreement, acts: Sequence[str]) -> bool:
    """True when ``entry`` is one of ``acts``: an agreement by its act, an event by its type."""
    if isinstance(entry, Agreement):
        return entry.act in acts
    return any(entry.type in act_event_types(index, act) for act in acts)


def names_kind(index: Index, entry: Event | Agreement, kind: str) -> bool:
    """True when the entry's line or summary names ``kind`` by one of its names, every word
    of it (« manœuvres » of the kind « exercice militaire »), stems compared."""
    return kind_name(index, entry, kind) is not None


def kind_name(index: Index, entry: Event | Agreement, kind: str) -> str | None:
    """The name of ``kind`` the entry's line or summary uses (``names_kind``), or None."""
    said = {folded_stem(fold(word)) for word in words(f"{entry.label or ''} {entry.summary}")}
    vocabulary = index.base.vocabulary
    for term in (*vocabulary.event_types, *vocabulary.agreement_kinds):
        if term.id != kind:
            continue
        for name in (term.label, *term.aliases):
            stems = {folded_stem(fold(word)) for word in words(name)}
            if stems and stems <= said:
                return name
    return None
