"""« l'OTS a été créée en 2018 ? » when the article says « Cette organisation réunit depuis
2009 … »: a « Non » on top, in the article's words and with its quote (issue 22, outside
readers of the thirteenth blind set: the chronology « 2018 · OTS » read as a yes).

The claim is an organisation's start (« créée », « fondée », « existe depuis », « création »)
in a year; it is contradicted only by an entry of that organisation's own start (kind
« fondation » or « composition », the organisation first among its actors) dated earlier:
an organisation that already gathered its members in 2009 was not created in 2018. A later
or equal year, or no such entry, leaves the answer as it was.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.engine.common import quote_of
from bot.engine.index import Index
from bot.engine.own_evidence import own_key_evidence
from bot.engine.reply import Block, Para, Quote, QuoteGroup, Reply
from bot.engine.subject_first import named_actors
from bot.text import fold

_START = re.compile(
    r"\b(?:cree|creee|crees|creees|fonde|fondee|fondes|fondees|creation|fondation)\b"
    r"|\bexist\w*(?:-t-\w+)? depuis\b"
)
"""A start claimed: « créée en 2018 », « existe depuis 2018 » (« existe en 2018 » is none)."""
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
START_KINDS = frozenset({"fondation", "composition"})
"""Event kinds that tell an organisation's own start (« réunit depuis 2009 »)."""
_VERDICTS = ("Non", "Oui", "Pas d'après")


def founding_contradicted(index: Index, reply: Reply, question: str) -> Reply:
    """``reply`` opened by « Non : d'après l'article, « … depuis 2009 … », pas 2018. » and
    that quote when ``question`` claims an organisation started in a year its own start entry
    puts later than the article's; unchanged otherwise."""
    folded = fold(question)
    years = set(_YEAR.findall(folded))
    if not _START.search(folded) or len(years) != 1:
        return reply
    if any(isinstance(b, Para) and b.text.startswith(_VERDICTS) for b in reply.blocks):
        return reply
    year = int(years.pop())
    base = index.base
    asked = [a for a in named_actors(index, question) if not base.actors[a].is_country]
    if len(asked) != 1:
        return reply
    for event in base.events:
        if event.type not in START_KINDS or event.actors[0] != asked[0]:
            continue
        start = event.date.start.year
        if start >= year:
            continue
        for evidence in own_key_evidence(base, event):
            found = re.search(rf"[^,.;:]*\b{start}\b[^,.;:]*", evidence.quote)
            if found is None:
                continue
            said = found.group(0).strip()
            verdict = Para(f"Non : d'après l'article, « {said} », pas {year}.", "note")
            top: tuple[Block, ...] = (verdict,)
            if evidence.quote not in _quoted(reply):  # the quote it is read in, once
                top += (replace(quote_of(base, evidence), open=True),)
            return replace(reply, blocks=(*top, *reply.blocks))
    return reply


def _quoted(reply: Reply) -> set[str]:
    """The texts of the quotes ``reply`` shows, open or folded."""
    found: set[str] = set()
    for block in reply.blocks:
        if isinstance(block, Quote):
            found.add(block.text)
        elif isinstance(block, QuoteGroup):
            found.update(quote.text for _, quote in block.quotes)
    return found


_WHEN = re.compile(r"\b(?:quand|qd|date|quelle annee|en quelle annee|depuis quand|annee)\b")
"""A start asked, not claimed: « l'OTS a été créée quand ? », « créée en quelle année ? »."""
_SAID_START = re.compile(r"\b(?:cre[eé]\w*|fond[eé]\w*|creation|fondation)\b", re.IGNORECASE)


def founding_asked(index: Index, question: str) -> tuple[Reply, str, str] | None:
    """« l'OTS a été créée quand ? »: the organisation's own start entry (kind « fondation »
    or « composition »), its dated clause said on top and its quote open — with « Les articles
    ne donnent pas de date de création » first when no sentence of that entry speaks of a
    creation (« réunit depuis 2009 » is the earliest they date, never called its founding).
    Also returns the entry's id and the organisation's id; None when the question claims a
    year (``founding_contradicted``), asks no start, or names no one organisation that has
    such an entry."""
    folded = fold(question)
    if not _START.search(folded) or not _WHEN.search(folded) or _YEAR.search(folded):
        return None
    base = index.base
    asked = [a for a in named_actors(index, question) if not base.actors[a].is_country]
    if len(asked) != 1:
        return None
    starts = [e for e in base.events if e.type in START_KINDS and e.actors[0] == asked[0]]
    if not starts:
        return None
    event = min(starts, key=lambda e: e.date.start)
    year = event.date.start.year
    for evidence in own_key_evidence(base, event):
        found = re.search(rf"[^.;:]*\b{year}\b[^.;:]*", evidence.quote)  # its whole sentence:
        # « … depuis 2009 des pays … dont la Turquie, le Kazakhstan … », never cut at a comma
        if found is None:
            continue
        said = found.group(0).strip()
        name = base.actors[asked[0]].name
        if _SAID_START.search(evidence.quote):
            head = f"D'après l'article : « {said} »."
        else:
            head = (
                f"Les articles ne donnent pas de date de création de « {name} » ; le plus tôt "
                f"qu'ils en datent : « {said} »."
            )
        line = Para(f"Compris : « quand ? » — {name}, création", "note")
        opened = replace(quote_of(base, evidence), open=True)
        return Reply((line, Para(head, "note"), opened)), event.id, asked[0]
    return None
