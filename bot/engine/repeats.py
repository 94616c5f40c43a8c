"""A folded quote that repeats the quote shown open over its line: left out of the answer.

« Étaient présents à la réunion les représentants permanents de la Turquie, de la Grèce, … »
shown whole under line 1, then, folded at the end, « 1. « Des représentants de Turquie, Grèce,
Hongrie, … » » from another article: the same list twice, and a first screen past 1,000
characters (phone readers, seventh blind set). The folded one is dropped when most of its content
words (``SAME``, by the first five letters of their stem) are in the open quote of the same line;
the line keeps its open quote, so every claim shown keeps one, and the entry's card (its button)
still gives both.
"""

from __future__ import annotations

from dataclasses import replace

from bot.engine.french import folded_stem, is_stop
from bot.engine.index import Index
from bot.engine.reply import Block, Item, Quote, QuoteGroup, Reply

SAME = 0.6
"""Share of a folded quote's content words that the open quote must hold for a repeat."""


def content_words(index: Index, text: str) -> set[str]:
    """The content words of ``text``, by the first five letters of their stem."""
    return {
        folded_stem(word)[:5] for word in index.tokens(text) if not is_stop(word) and len(word) > 2
    }


def repeats(index: Index, shown: str, folded: str) -> bool:
    """True when most content words of ``folded`` are in ``shown``."""
    words = content_words(index, folded)
    return bool(words) and len(words & content_words(index, shown)) >= SAME * len(words)


def without_repeated_quotes(index: Index, reply: Reply) -> Reply:
    """``reply`` without the folded quotes (of a list's gathered block) that repeat a quote
    shown open under their own line; unchanged when there is none. A sentence folded under
    several numbers is kept once, under the line it supports best (``_owner``), and a folded
    quote that repeats a quote shown open under another line is left out when its own line
    keeps a quote (issue 22, fidelity class 2: the same sentence never twice)."""
    shown: dict[int, list[str]] = {}
    opened: list[str] = []
    line = 0
    for block in reply.blocks:
        if isinstance(block, Item):
            line = block.ref or 0
        elif isinstance(block, Quote):
            opened.append(block.text)
            if line:
                shown.setdefault(line, []).append(block.text)
    if not any(isinstance(block, QuoteGroup) for block in reply.blocks):
        return reply
    blocks: list[Block] = []
    changed = False
    for block in reply.blocks:
        if isinstance(block, QuoteGroup):
            kept = tuple(
                (number, quote)
                for number, quote in block.quotes
                if not any(repeats(index, text, quote.text) for text in shown.get(number, []))
            )
            kept = tuple(
                (number, quote)
                for number, quote in kept
                if not (
                    any(_same(quote.text, text) for text in opened)
                    and _supported(number, quote, kept, shown)
                )
            )
            if len(kept) != len(block.quotes):
                changed = True
                if kept:
                    blocks.append(replace(block, quotes=kept))
                continue
        blocks.append(block)
    if not changed:
        return reply
    if not any(isinstance(block, QuoteGroup) for block in blocks):  # no folded quote refers
        blocks = [replace(b, ref=0) if isinstance(b, Item) else b for b in blocks]  # to a line
    return replace(reply, blocks=tuple(blocks))


def _key(text: str) -> str:
    return " ".join(text.strip(' «»"').split()).casefold()


def _same(one: str, other: str) -> bool:
    """The same sentence, or a piece of it: « Les ministères … 2026-2027 » within the whole."""
    short, long = sorted((_key(one), _key(other)), key=len)
    return bool(short) and short in long


def _supported(
    number: int, quote: Quote, kept: tuple[tuple[int, Quote], ...], shown: dict[int, list[str]]
) -> bool:
    """True when line ``number`` keeps a quote besides ``quote``: folded or shown open."""
    return bool(shown.get(number)) or any(other is not quote for at, other in kept if at == number)
