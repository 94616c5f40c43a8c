"""« liste des sessions clés du forum », « quelles sessions ? »: a list asked that an article
gives as a list — a short heading line (« Retour sur les sessions clés ») followed by lines
that start with a dash — is answered by that list's items, each verbatim with its source.

A heading answers when it holds, stem for stem (Snowball), the noun the question lists (the
word after « liste des », « quels / quelles », or before « lesquels / lesquelles ») and the
article holds the question's other content words as well (« forum », « Bakou »): a list of
sessions of another event is no answer. The table of headings is read once per index.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.engine.common import attribution
from bot.engine.french import folded_stem, is_stop
from bot.engine.index import Index
from bot.engine.reply import Block, Para, Quote
from bot.engine.seedtext import seed_holds
from bot.text import fold

HEADING_LONGEST = 90
"""A heading line is short and ends on no full stop."""
MOST_ITEMS = 8
"""Items shown at most (a longer list keeps its first ones and says how many it has)."""
_ITEM = re.compile(r"^\s*[-–•]\s+(.+?)\s*$")
_ASKED_NOUN = re.compile(
    r"\b(?:liste (?:des|de|d)|quels|quelles|(?:les|des) (?:principaux|principales))\s+(\w+)"
)


@dataclass(frozen=True, slots=True)
class ArticleList:
    """A heading and its dashed items, in one article."""

    source: str
    heading: str
    items: tuple[str, ...]
    stems: frozenset[str]
    """The stems of the heading's words."""


def _lists(index: Index) -> tuple[ArticleList, ...]:
    found: list[ArticleList] = []
    for source, text in index.base.seeds.items():
        lines = text.splitlines()
        for at, line in enumerate(lines):
            heading = line.strip()
            if not heading or len(heading) > HEADING_LONGEST or heading.endswith("."):
                continue
            if _ITEM.match(heading):
                continue
            items: list[str] = []
            for following in lines[at + 1 :]:
                item = _ITEM.match(following)
                if item is None:
                    break
                items.append(item.group(1))
            if len(items) >= 2:
                stems = frozenset(folded_stem(w) for w in re.findall(r"\w+", fold(heading)))
                found.append(ArticleList(source, heading, tuple(items), stems))
    return tuple(found)


def asked_noun(folded: str) -> str:
    """The folded noun a question asks a list of (« sessions »), or ""."""
    match = _ASKED_NOUN.search(folded)
    return match.group(1) if match else ""


def article_list(index: Index, noun: str, query: str) -> list[Block]:
    """The dashed list of an article that answers a list of ``noun`` asked with the search
    words ``query``: its heading and its items, verbatim with their source; [] when no article
    gives such a list."""
    if not noun or is_stop(noun):
        return []
    stem = folded_stem(noun)
    lists = index.memo("article lists", lambda: _lists(index))
    if not any(stem in found.stems for found in lists):
        return []
    others = {
        folded_stem(w) for w in re.findall(r"\w+", fold(query)) if not is_stop(w) and len(w) > 3
    } - {stem}
    others = {w for w in others if seed_holds(index, w)}  # a word of no article asks nothing
    for found in lists:
        if stem not in found.stems:
            continue
        text = fold(index.base.seeds[found.source])
        article = {folded_stem(w) for w in re.findall(r"\w+", text)}
        if not others <= article:
            continue  # a list of another event's sessions
        said = attribution(index.base.sources[found.source])
        blocks: list[Block] = [
            Para(f"La liste que donne l'article, sous « {found.heading} » :", "note")
        ]
        blocks += [Quote(item, said, found.source, open=True) for item in found.items[:MOST_ITEMS]]
        if len(found.items) > MOST_ITEMS:
            blocks.append(Para(f"(+ {len(found.items) - MOST_ITEMS} autres points)", "note"))
        return blocks
    return []
