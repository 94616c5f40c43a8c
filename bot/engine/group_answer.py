"""A list answering a plain question shows the sentence that answers it open under its line.

A list page (accords, a chronology) folds every quote into one group at the end: a phone
reader asking « qui, côté américain, a rencontré le président ? » or « qui a servi de
médiateur ? » then sees only titles, the name asked for hidden in the fold (issue 22, class 1).
Here the sentence of the group that holds what the question asks and its lines do not say —
its words, or the name, date or place its type asks — is shown open right under its own line,
verbatim; the group keeps the other quotes. Only the first line's quotes are read: the
answer goes on top, and a later line's sentence must not pass for the answer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from bot.content.model import Agreement, Event
from bot.engine import routes
from bot.engine.cards import agreement_card, event_card, visible
from bot.engine.french import is_stop
from bot.engine.index import Index
from bot.engine.passage import (
    TYPE_BONUS,
    asked_aspects,
    asked_types,
    carries,
    gives,
    held_weight,
    sentences_of,
    word_prefixes,
    word_weights,
)
from bot.engine.reply import Block, Item, Quote, QuoteGroup, Reply

SCREEN = 1000
"""Visible characters (``cards.visible``) the answer may reach with the sentence opened: the
rule is 1,200, the aim 1,000 with the « Compris » line and the buttons."""
LONGEST = 400
"""Longest sentence opened: a phone shows it whole in a few lines."""


def answer_opened(index: Index, reply: Reply, question: str) -> Reply:
    """``reply`` with the sentence of its folded group that answers ``question`` shown open
    under the line it supports, when its lines do not already say it; unchanged otherwise
    (an answer that already shows a quote open, a question whose words the lines hold)."""
    blocks = reply.blocks
    if any(isinstance(block, Quote) for block in blocks):
        return reply  # a page that folds all its quotes may still open the one that answers
    groups = [at for at, block in enumerate(blocks) if isinstance(block, QuoteGroup)]
    if len(groups) != 1:
        return reply
    group = blocks[groups[0]]
    assert isinstance(group, QuoteGroup)
    lines = {block.ref: block for block in blocks if isinstance(block, Item) and block.ref}
    words = [word for word in index.tokens(question) if not is_stop(word)]
    weights = word_weights(index, words)
    kinds = [*asked_types(question), *asked_aspects(question)]
    asked = frozenset(words)
    best: tuple[float, int, int, str] | None = None
    first = min((number for number, _ in group.quotes if number in lines), default=0)
    for position, (number, quote) in enumerate(group.quotes):
        line = lines.get(number)
        if line is None or number != first:  # the answer on top: the first line's quotes
            continue
        said = f"{line.label} {line.text}"
        lacking = {
            word: weight
            for word, weight in weights.items()
            if word[:5] not in word_prefixes(index, said)
        }
        for sentence in sentences_of(quote.text):
            if len(sentence) > LONGEST:
                continue
            value = held_weight(word_prefixes(index, sentence), lacking)
            value += sum(
                TYPE_BONUS
                for kind in kinds
                if carries(kind, sentence, asked) and not gives(kind, said, asked)
            )
            if value > 0 and (best is None or value > best[0]):
                best = (value, position, number, sentence)
    if best is None:
        return reply
    _value, position, number, sentence = best
    quote = group.quotes[position][1]
    opened = Quote(sentence, quote.attribution, quote.source, open=True)
    rest = tuple(
        pair for at, pair in enumerate(group.quotes) if at != position or sentence != quote.text
    )
    new: list[Block] = []
    for block in blocks:
        if block is group:
            if rest:
                new.append(QuoteGroup(rest))
            continue
        new.append(block)
        if block is lines[number]:
            new.append(opened)
    if visible(new) > SCREEN:
        return reply
    return replace(reply, blocks=tuple(new), fold_quotes=False)


def card_led(index: Index, reply: Reply, question: str) -> Reply:
    """``reply`` — a plain question answered by one agreement's or event's card (its
    « 📎 Détails » button says which) — rebuilt so that the card's quote answering
    ``question`` best (its words, the name, date or place its type asks) comes first, open,
    under the card's summary, even when it was behind the button; unchanged otherwise."""
    entry: Agreement | Event | None = None
    for row in reply.buttons:
        for button in row:
            if (values := routes.AGREEMENT_FULL.parse(button.data)) is not None:
                entry = index.deals.by_id.get(values[0])
            elif (values := routes.EVENT_FULL.parse(button.data)) is not None:
                found = index.entries.get(values[0])
                entry = found if isinstance(found, Event) else None
    if entry is None:
        return reply
    score = _scorer(index, question)
    if isinstance(entry, Agreement):
        plain, led = agreement_card(index, entry), agreement_card(index, entry, lead=score)
    else:
        plain, led = event_card(index, entry), event_card(index, entry, lead=score)
    head = plain.blocks[0]
    if led.blocks == plain.blocks or head not in reply.blocks:
        return reply
    at = reply.blocks.index(head)
    if reply.blocks[at : at + len(plain.blocks)] != plain.blocks:
        return reply  # not that card as built: nothing is swapped
    blocks = (*reply.blocks[:at], *led.blocks, *reply.blocks[at + len(plain.blocks) :])
    return replace(reply, blocks=blocks, fold_quotes=led.fold_quotes)


def _scorer(index: Index, question: str) -> Callable[[Quote], float]:
    """How much of ``question`` a quote says: the weight of its words the quote holds, and
    TYPE_BONUS for each type asked (quand, qui, où…) the quote carries."""
    words = [word for word in index.tokens(question) if not is_stop(word)]
    weights = word_weights(index, words)
    kinds = [*asked_types(question), *asked_aspects(question)]
    asked = frozenset(words)

    def score(quote: Quote) -> float:
        value = held_weight(word_prefixes(index, quote.text), weights)
        return value + sum(TYPE_BONUS for kind in kinds if gives(kind, quote.text, asked))

    return score
