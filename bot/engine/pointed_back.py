"""A yes/no follow-up pointing back (« ils ont signé leurs accords à Bakou ? »): asked of the
subject just shown, never of another entry holding the same words (issue 22, i22zp).

``yes_on_top`` says « Oui » only over a quote of the subject's own articles (``scope``), and a
search's « Oui » over another article's quote is taken back (``yes_kept_in_scope``). When
it says nothing, the subject's own quotes are read for what they say otherwise
(``verdicts.otherwise``: « en cours de finalisation » for « signé ? ») and that is said on
top, the quote open under it; failing that, a line shown from another subject is named as
such, so that no reader takes it for the answer.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.engine.common import entry_text, quote_of
from bot.engine.index import Index
from bot.engine.own_evidence import subjects
from bot.engine.reply import Item, Para, Quote, QuoteGroup, Reply
from bot.engine.subject_first import named_actors
from bot.engine.thread import Asked
from bot.engine.verdicts import VERDICT_OPENINGS, otherwise
from bot.engine.yes_on_top import YES, points_back
from bot.text import fold

_PLACES = re.compile(r"(?:^|\s)(?:à|au|aux|en)\s+[A-ZÀ-ÖØ-Ý][\w’'-]*")
"""« à Washington »: a place asked, not a subject named (its country is no new subject)."""
_OBJECT = re.compile(r"\b(?:y|leurs?|eux|lui)\b")
"""Pronouns that point back to the subject shown even when the question names an actor: « la
Suède, elle y était ? » asks whether Sweden was at the forum just shown (folded question)."""
MOST_SUBJECTS = 3
"""Entries of the previous answer read as the subject pointed back to, in order."""


def subject_scope(index: Index, question: str, previous: Asked | None) -> frozenset[str]:
    """The sources of the subject ``question`` points back to (the previous answer's first
    entries), or an empty set when it names its own subject or nothing was shown before."""
    if previous is None or not previous.lines or not points_back(question):
        return frozenset()
    entries = [index.entries.get(entry) for entry in previous.lines[:MOST_SUBJECTS]]
    home = index.base.vocabulary.home
    held = {actor for entry in entries if entry for actor in subjects(entry, home)}
    others = set(named_actors(index, _PLACES.sub(" ", question))) - held - {home}
    if others and not _OBJECT.search(fold(question)):  # « et la Turquie, elle a signé à
        return frozenset()  # Ankara ? »: « elle » is Turkey (« l'Espagne y était ? »: « y »)
    return frozenset(e.source for entry in entries if entry for e in entry.evidence)


def yes_kept_in_scope(reply: Reply, scope: frozenset[str]) -> Reply:
    """``reply`` without its « Oui, d'après l'article : » when the quote right under it is of a
    source outside ``scope`` (the subject pointed back to is in other articles)."""
    blocks = reply.blocks
    for at, block in enumerate(blocks):
        if not scope or not isinstance(block, Para) or not block.text.startswith(YES):
            continue
        under = next((b for b in blocks[at + 1 :] if isinstance(b, Quote)), None)
        if under is not None and under.source not in scope:
            return replace(reply, blocks=(*blocks[:at], *blocks[at + 1 :]))
    return reply


def subject_verdict(
    index: Index, reply: Reply, question: str, previous: Asked | None, scope: frozenset[str]
) -> Reply:
    """``reply`` opened by what the pointed-back subject's own quotes say otherwise than the
    question (« Pas d'après les articles : … — sur « … » : » over the quote), or, when its
    first line is of another source, by a note saying so; unchanged when a verdict is said."""
    said = (b.text for b in reply.blocks if isinstance(b, Para))
    if not scope or previous is None or any(t.startswith(VERDICT_OPENINGS) for t in said):
        return reply
    for entry_id in previous.lines[:MOST_SUBJECTS]:
        entry = index.entries.get(entry_id)
        if entry is None:
            continue
        for evidence in entry.evidence:
            why = otherwise(question, evidence.quote)
            if why:
                title = _name(index, entry_id)
                verdict = Para(f"Pas d'après les articles : {why} — sur « {title} » :", "note")
                opened = replace(quote_of(index.base, evidence), open=True)
                blocks = reply.blocks
                at = next(
                    (n + 1 for n, b in enumerate(blocks[:1]) if isinstance(b, Para)), 0
                )  # after the « Compris » line
                return replace(reply, blocks=(*blocks[:at], verdict, opened, *blocks[at:]))
    return _other_subject_noted(index, reply, previous.lines[0], scope)


def subject_only(index: Index, said: Reply, verdict: Reply, thread: str) -> Reply | None:
    """``verdict`` (``said`` with the pointed-back subject's « Pas d'après les articles : »)
    reduced to that subject: its « Compris » line says the question was read of the subject
    shown before (« suite de « … », même sujet »), and the lines of other subjects the question's
    own words found (« accords — Azerbaïdjan · signés », the other accords) are left out — a
    reader took them for what « ils » had signed (outside readers of the fourteenth blind set,
    AE45). None when ``verdict`` added no such line."""
    if verdict is said or len(verdict.blocks) < len(said.blocks) + 2:
        return None
    first = verdict.blocks[0]
    start = 1 if isinstance(first, Para) and first.text.startswith("Compris") else 0
    head, quote = verdict.blocks[start : start + 2]
    if not (isinstance(head, Para) and head.text.startswith(VERDICT_OPENINGS)):
        return None
    if not isinstance(quote, Quote):
        return None
    kept = tuple(
        block
        for block in verdict.blocks[start + 2 :]
        if not isinstance(block, (Item, QuoteGroup, Quote))
        and not (isinstance(block, Para) and block.style != "note")
        and not (isinstance(block, Para) and block.text.startswith(_OTHERS))
    )
    line = Para(f"Compris : {thread}, même sujet", "note")
    return replace(verdict, blocks=(line, head, quote, *kept), buttons=(), page=None)


_OTHERS = ("Aussi dans les articles", "Aussi :", "(Aussi")


def _other_subject_noted(index: Index, reply: Reply, subject: str, scope: frozenset[str]) -> Reply:
    """``reply`` with a note over its first line when that line's quotes are all of sources
    outside ``scope``: it shows another subject than the one asked about."""
    items = [at for at, b in enumerate(reply.blocks) if isinstance(b, Item)]
    entry = index.entries.get(subject)
    if not items or entry is None:
        return reply
    first = reply.blocks[items[0]]
    assert isinstance(first, Item)
    shown = index.entries.get(first.entry)
    if shown is None or any(e.source in scope for e in shown.evidence):
        return reply
    title = _name(index, subject)
    note = Para(
        f"Pas de « Oui » : la ligne ci-dessous porte sur un autre sujet que « {title} », "
        "dans un autre article.",
        "note",
    )
    blocks = reply.blocks
    return replace(reply, blocks=(*blocks[: items[0]], note, *blocks[items[0] :]))


SHORTEST_NAME = 70
"""Characters at most of the subject's name in a note (its claim cut at a word, « … »)."""


def _name(index: Index, entry_id: str) -> str:
    """The subject's short name: an agreement's title, an entry's label, else its line cut."""
    entry = index.entries[entry_id]
    name = getattr(entry, "title", None) or getattr(entry, "label", None)
    if name:
        return str(name)
    line = entry_text(index.base, entry)
    if len(line) <= SHORTEST_NAME:
        return line
    return line[:SHORTEST_NAME].rsplit(" ", 1)[0].rstrip(" ,;:") + "…"
