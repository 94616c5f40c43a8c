"""The question's words an answer does not use, said once, neutrally, after the answer:
« Laissé de côté : « batiment », « décision ». » (issue 22, task i22zm: outside readers of the
thirteenth blind set read « (aucun article n'emploie : décision, concrète) », « les articles
de ces lignes n'emploient pas « commence » », « Mot des articles sans effet sur ce filtre :
« techno » » as « the articles don't say it », above answers that said it in other words —
« a été approuvée », « ont débuté en 1992 », « L'aspect technologique de l'accord »).

A word missing from the articles is not a fact missing: such a word is never a claim about
the articles in the « Compris » line nor a note on top of the answer. The reading line says
what was understood; the words set aside follow the answer, in one line, in the question's
spelling. Statements about what the articles lack that rest on a full-text search of every
content word of the question (``unsaid.absent_para``) or on a facet (« ne donnent pas le
coût ») are not touched here.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.engine.reply import Block, Para, Reply
from bot.text import fold

_COMPRIS = "Compris :"
_NOT_USED = re.compile(r" \(aucun article n'emploie : ([^)]*)\)")
"""« (aucun article n'emploie : décision, concrète) » at the end of a reading line."""
_NOT_USED_ONE = re.compile(r" \(aucun article ne l'emploie\)")
"""« « prononce » (aucun article ne l'emploie) » after a word the line quotes."""
_LINES_LACK = re.compile(
    r" — (?:l'article|les articles) de (?:cette ligne|ces lignes) n'emploien?t? pas ([^—]*)"
)
"""« — les articles de ces lignes n'emploient pas « commence » ni « structure » »."""
_ASIDE_IN_LINE = re.compile(r" — Laissé de côté : ((?:« [^»]+ »(?:, )?)+)")
"""« — Laissé de côté : « servi » » inside a reading line."""
_ASIDE_NOTE = re.compile(r"^Laissé de côté : ((?:« [^»]+ »(?:, | et )?)+)\.?$")
"""A note of its own: « Laissé de côté : « volet ». »."""
_HELD_NOTE = re.compile(r"^Mots? des articles sans effet sur ce filtre : ((?:« [^»]+ »(?:, )?)+)")
"""« Mot des articles sans effet sur ce filtre : « techno » (pour le chercher : …). »."""
_QUOTED = re.compile(r"« ([^»]+?) »")
TOP = 4
"""Blocks on top of an answer where a note on its words stands."""
ASIDE = "Laissé de côté : "
"""How the line after the answer opens."""


def _words(listed: str) -> list[str]:
    """« décision, concrète… » or « « a » ni « b » » → the words."""
    quoted = _QUOTED.findall(listed)
    if quoted:
        return quoted
    return [word.strip(" …") for word in listed.split(",") if word.strip(" …")]


def _reading_line(text: str, found: list[str]) -> str:
    """The reading line without what it says of unused words, those words added to ``found``."""
    for pattern in (_NOT_USED, _LINES_LACK, _ASIDE_IN_LINE):
        for match in pattern.finditer(text):
            found.extend(_words(match.group(1)))
        text = pattern.sub("", text)
    return _NOT_USED_ONE.sub("", text)


def aside_after(reply: Reply) -> Reply:
    """``reply`` with its notes on unused words (in the « Compris » line, or on top) taken
    off, and those words said once after the answer: « Laissé de côté : « a », « b ». »."""
    found: list[str] = []
    kept: list[Block] = []
    for at, block in enumerate(reply.blocks):
        if not isinstance(block, Para) or block.style != "note" or at > TOP:
            kept.append(block)
            continue
        if block.text.startswith(_COMPRIS):
            kept.append(replace(block, text=_reading_line(block.text, found)))
            continue
        note = _ASIDE_NOTE.match(block.text) or _HELD_NOTE.match(block.text)
        if note is not None:
            found.extend(_words(note.group(1)))
            continue
        kept.append(block)
    said = {  # « Les articles ne nomment pas « Mark Rutte » » on top: not again
        part
        for block in kept
        if isinstance(block, Para) and block.style == "note"
        for quoted in _QUOTED.findall(block.text)
        for part in fold(quoted).split()
    }
    parts = [frozenset(fold(word).split()) for word in found]
    seen: dict[str, str] = {}
    for word, words in zip(found, parts, strict=True):
        if any(other < words for other in parts):
            continue  # « deal entre » beside « deal »: the word once
        if not words <= said:
            seen.setdefault(word.casefold(), word)
    if not seen:
        return replace(reply, blocks=tuple(kept))
    line = Para(ASIDE + ", ".join(f"« {word} »" for word in seen.values()) + ".", "note")
    return replace(reply, blocks=(*kept, line))
