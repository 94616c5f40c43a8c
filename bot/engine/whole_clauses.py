"""A quote never stops before the clause that answers, and a cut says so (issue 22, phone
readers of the eleventh blind set: « … ont débuté en 1992 » shown without « lorsque le pays
a adhéré au Conseil de coopération nord-atlantique », the asked body).

Each quote of a reply is found in its article's full text. When the article's sentence goes
on after it, the rest is added, verbatim, if it is short (``REST_MOST``) or holds a word of
the question that the quote lacks (up to ``ASKED_REST_MOST``). What is still left out, a
lead-in before the quote included, is marked (« … »): the reader sees that the article's
sentence was cut, never a clause silently dropped (a lead-in is not added: the first screen
is full enough, and the clause that answers follows the quote's subject). A sentence's end
that would leave the quote's guillemets unbalanced (a piece of a quotation, « … deux pays»,
a-t-il dit. ») is not added: the cut is marked instead.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from bot.engine.discourse import is_filler
from bot.engine.french import is_stop
from bot.engine.index import Index
from bot.engine.passage import held_weight, word_prefixes, word_weights
from bot.engine.reply import Block, Quote, QuoteGroup, Reply

REST_MOST = 80
"""Longest end of a sentence added to a quote whatever it says (characters)."""
ASKED_REST_MOST = 320
"""Longest end of a sentence added when it holds a word of the question the quote lacks."""
WHOLE_MOST = 480
"""Longest quote a sentence's end is added to: past it, the cut is only marked."""

_END = re.compile(r"[.!?](?:\s*[»”\"])?(?=\s|$)|\n")
_START = re.compile(r"(?:[.!?](?:\s*[»”\"])?\s+|\n)")
_LETTER = re.compile(r"[^\W\d_]")


@lru_cache(maxsize=512)
def quote_pattern(text: str) -> re.Pattern[str] | None:
    """The quote as a pattern over the article: any run of spaces, either apostrophe (kept:
    the same quotes come back answer after answer, and building one costs ~0.1 ms)."""
    parts: list[str] = []
    for char in text.strip():
        if char.isspace():
            if parts and parts[-1] != r"\s+":
                parts.append(r"\s+")
        elif char in "'’":
            parts.append("['’]")
        else:
            parts.append(re.escape(char))
    return re.compile("".join(parts)) if parts else None


def sentence_bounds(seed: str, start: int, end: int) -> tuple[int, int]:
    """The start and end of the article's sentence holding ``seed[start:end]``."""
    found = _END.search(seed, max(end - 3, start))  # a quote ending on « . » ends there
    stop = (
        found.end() if found and found.group() != "\n" else (found.start() if found else len(seed))
    )
    begin = 0
    for match in _START.finditer(seed, 0, start):
        begin = match.end()
    return begin, stop


PAIRS = (("«", "»"), ("“", "”"))
"""Guillemets whose count a completed quote keeps even."""


def balanced(text: str) -> bool:
    """True when every guillemet the text opens it closes, and none it closes is opened
    before it in the quote: « … deux pays», a-t-il dit. » is not (the sentence's end added
    to a piece of a quotation would show a lone « » »; the cut is marked instead)."""
    for opening, closing in PAIRS:
        depth = 0
        for char in text:
            depth += (char == opening) - (char == closing)
            if depth < 0:
                return False
        if depth:
            return False
    return True


def _asked_weights(index: Index, question: str) -> dict[str, float]:
    words = [w for w in index.tokens(question) if not is_stop(w) and not is_filler(w)]
    return word_weights(index, list(dict.fromkeys(words)))


def _asked_in(index: Index, rest: str, quote: str, weights: dict[str, float]) -> bool:
    """True when ``rest`` holds a word of the question that ``quote`` does not."""
    held = word_prefixes(index, rest)
    shown = word_prefixes(index, quote)
    return any(
        held_weight(held, {w: v}) and not held_weight(shown, {w: v}) for w, v in weights.items()
    )


def prepare(index: Index) -> None:
    """Build the evidence set now (start-up, and the serving process's read of a reload's
    snapshot, off its answering loop), not on the first answer after a swap: ~0.1 – 0.2 s at
    ×1000. Never written in a snapshot (:meth:`Index.unkept`): rebuilt from the entries read
    back costs less than its 38 MB of copied quotes did to write and decode."""
    _whole_evidence(index)


EVIDENCE = "whole clauses evidence"
"""The name of the evidence set among the index's :meth:`Index.unkept` tables."""


def _whole_evidence(index: Index) -> frozenset[tuple[str, str]]:
    """Every (source, quote) the base holds as evidence: only such a quote is completed (a
    piece of one stays that piece, marked cut, so it still reads under its own line)."""

    def build() -> frozenset[tuple[str, str]]:
        holders = [*index.base.actors.values(), *index.entries.values()]
        return frozenset((e.source, e.quote) for h in holders for e in h.evidence)

    return index.unkept(EVIDENCE, build)


def whole_quote(index: Index, quote: Quote, weights: dict[str, float]) -> Quote:
    """``quote`` with the rest of its sentence when it is short or asked, else marked cut;
    a quote that is only a piece of the base's evidence is marked cut, never completed."""
    seed = index.base.seeds.get(quote.source, "")
    pattern = quote_pattern(quote.text) if seed else None
    found = pattern.search(seed) if pattern else None
    if found is None:
        return quote
    begin, stop = sentence_bounds(seed, found.start(), found.end())
    head = seed[begin : found.start()]
    rest = seed[found.end() : stop].rstrip(" \t;:,–—-")  # a list item's « – ; » left out
    text = quote.text.strip()
    whole = (quote.source, quote.text) in _whole_evidence(index)
    cut_after = bool(_LETTER.search(rest))
    if whole and len(text) <= WHOLE_MOST:  # the sentence's own end, a « . » alone included
        said = " ".join(rest.split())
        room = len(said) <= REST_MOST or (
            len(said) <= ASKED_REST_MOST and _asked_in(index, said, text, weights)
        )
        quoted = rest.replace("’", "'") if "’" not in text else rest  # one apostrophe
        longer = " ".join(f"{text}{quoted}".split())
        if room and said and (balanced(longer) or not balanced(text)):
            text, cut_after = longer, False
    cut_before = bool(_LETTER.search(head))  # a lead-in left out is only marked: « … »
    if text == quote.text and (cut_before, cut_after) == (quote.cut_before, quote.cut_after):
        return quote
    return replace(quote, text=text, cut_before=cut_before, cut_after=cut_after)


def with_whole_clauses(index: Index, reply: Reply, question: str) -> Reply:
    """``reply`` whose quotes, shown or folded, end where their sentence ends when the rest is
    short or answers, and are marked « … » where still cut. Applying it twice changes
    nothing: a completed quote is no longer the base's evidence, and its marks stay."""
    weights: dict[str, float] | None = None
    blocks: list[Block] = []
    for block in reply.blocks:
        if isinstance(block, Quote | QuoteGroup) and weights is None:
            weights = _asked_weights(index, question)
        if isinstance(block, Quote) and weights is not None:
            blocks.append(whole_quote(index, block, weights))
        elif isinstance(block, QuoteGroup) and weights is not None:
            quotes = tuple((n, whole_quote(index, q, weights)) for n, q in block.quotes)
            blocks.append(QuoteGroup(quotes))
        else:
            blocks.append(block)
    if weights is None:
        return reply
    return replace(reply, blocks=tuple(blocks))
