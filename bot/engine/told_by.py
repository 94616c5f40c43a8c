"""« qui le dit ? », « source ? » after an answer: who says what was just shown.

The answer names the article that carries the fact (its outlet and date, or « média non
indiqué ») and shows, verbatim, the article's sentences that attribute it: the sentence of the
quote itself when it says « selon … », « … a indiqué … », and the other attributing sentences of
its paragraph, else the closest one before it in the article (« Selon l'ambassade britannique
à Bakou, citée par Caliber.Az … »). When the article attributes it to no one, it says so: the
article states it in its own name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.content.model import Agreement, Event, Fact
from bot.engine.common import attribution
from bot.engine.index import Index
from bot.engine.reply import Block, Para, Quote
from bot.text import fold

_SENTENCE = re.compile(r"(?<=[.!?…])\s+(?=[«A-ZÀ-Ý])")
_TELLS = re.compile(
    r"\b(?:selon|d apres|cite[es]{0,2} par|(?:a|ont|avait|aurait) (?:annonce|declare|indique"
    r"|affirme|precise|rapporte|publie|ecrit|souligne|fait savoir|reconnu)|rapporte|annonce"
    r"|communique|a declare|indique)\b"
)
"""Words by which an article says who told it something (on folded text)."""
MOST_SENTENCES = 3
"""Sentences naming a source shown at most, per article."""
MOST_SOURCES = 2
"""Articles whose sources are shown at most."""


@dataclass(frozen=True, slots=True)
class Told:
    """A quote shown by the previous answer, and the article holding it."""

    source: str
    quote: str


def _sentences(paragraph: str) -> list[str]:
    return [piece.strip() for piece in _SENTENCE.split(paragraph) if piece.strip()]


def _paragraphs(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _key(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", fold(text)))


def _shown(index: Index, lines: tuple[str, ...], shown: str) -> list[Told]:
    """The quotes the previous answer rests on: the passage it put on top, then every quote
    of its first line and the key quote of its second."""
    out: list[Told] = []
    if shown:
        wanted = _key(shown)[:80]
        for source, text in index.base.seeds.items():
            if wanted and wanted in _key(text):
                out.append(Told(source, shown))
                break
    for rank, entry_id in enumerate(lines[:2]):
        entry = index.entries.get(entry_id)
        if not isinstance(entry, Event | Agreement | Fact) or not entry.evidence:
            continue
        key = next((e for e in entry.evidence if e.key), entry.evidence[0])
        chosen = entry.evidence if rank == 0 else (key,)
        out += [Told(e.source, e.quote) for e in sorted(chosen, key=lambda e: e is not key)]
    return out


def telling_sentences(text: str, quote: str) -> list[str]:
    """The sentences of ``text`` (an article) near ``quote`` that name a source: those of its
    paragraph, then the closest one in the two paragraphs before it."""
    paragraphs = _paragraphs(text)
    wanted = _key(quote)[:80]
    at = next((n for n, p in enumerate(paragraphs) if wanted and wanted in _key(p)), None)
    if at is None:
        return []
    found = [s for s in _sentences(paragraphs[at]) if _tells(s)]
    for paragraph in reversed(paragraphs[max(0, at - 2) : at]):
        before = [s for s in _sentences(paragraph) if _tells(s)]
        if before:
            return [before[-1], *found]
    return found


def _tells(sentence: str) -> bool:
    return _TELLS.search(fold(sentence).replace("'", " ").replace("\u2019", " ")) is not None


def told_by_blocks(index: Index, lines: tuple[str, ...], shown: str) -> list[Block] | None:
    """The blocks answering « qui le dit ? » of the previous answer; None when it showed no
    quote this can trace."""
    told = _shown(index, lines, shown)
    if not told:
        return None
    base = index.base
    telling: dict[str, list[str]] = {}
    for item in told:
        text = base.seeds.get(item.source)
        if text is None or item.source not in base.sources:
            continue
        found = telling.setdefault(item.source, [])
        found += [s for s in telling_sentences(text, item.quote) if s not in found]
    first = told[0]
    blocks: list[Block] = []
    for source_id, sentences in list(telling.items())[:MOST_SOURCES]:
        where = attribution(base.sources[source_id])
        if sentences:
            blocks.append(
                Para(
                    f"Qui le dit : l'article ({where}) ; ses phrases qui citent une source, "
                    "autour de ce passage :"
                )
            )
            blocks += [Quote(s, where, source_id, open=True) for s in sentences[:MOST_SENTENCES]]
        elif source_id == first.source:
            blocks.append(
                Para(f"Qui le dit : l'article ({where}) ; le passage ne cite pas d'autre source :")
            )
            blocks.append(Quote(first.quote, where, source_id, open=True))
    return blocks or None
