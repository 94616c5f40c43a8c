"""The closest passage shares the subject, or is left out: an answer that opens on « Ce
passage, le plus proche, ne nomme pas « Turquie » ni « OTAN » » over a sentence picked on
shared little words (« mis en avant ») opens instead on the first passage below it that names
what the question names (issue 22, task i22zj: phone readers of the twelfth blind set read the
first passage as the answer, and a Baku meeting with another guest as the place of the NATO
meeting).

The rule: when the passage on top of a question's answer names none of the actors the question
names (the home country aside; by name, alias or demonym) — announced so, or shown as a bare
« D'après l'article » sentence sharing no key word of the question (« mis », « avant »; a
line of an entry may be about them in its entry) — and a
later line or quote of the same answer names one of them, the passage and its announcement
(« Ce passage, le plus proche, ne nomme pas … ») go; the answer leads with that line. When
none does, the answer is left as it was (the announcement says what the passage lacks).
"""

from __future__ import annotations

from dataclasses import replace

from bot.engine.french import LIGHT_WORDS, folded_stem
from bot.engine.index import Index
from bot.engine.reply import Block, Item, Para, Quote, QuoteGroup, Reply
from bot.engine.unsaid import not_a_key_word
from bot.text import fold

_ANNOUNCED = "Ce passage, le plus proche, ne nomme pas "
_ALSO = ("Aussi :", "Aussi, d'après l'article :")
_FROM_ARTICLE = Para("D'après l'article :", "note")


def _asked(index: Index, question: str) -> tuple[str, ...]:
    """The ids of the actors ``question`` names, the home country aside (it is in nearly
    every sentence)."""
    from bot.engine.filters import read_filter  # it imports the index too

    home = index.base.vocabulary.home
    wanted = read_filter(index, question).filter.actors
    return tuple(a for a in wanted if a != home and a in index.base.actors)


def question_names(index: Index, question: str) -> tuple[str, ...]:
    """Every folded name (names, aliases, demonyms) of the actors ``question`` names."""
    actors = [index.base.actors[a] for a in _asked(index, question)]
    return tuple(
        f" {fold(name)} "
        for actor in actors
        for name in (*actor.names(), *actor.demonyms)
        if name and len(name) > 2
    )


def _text(block: Block) -> str:
    if isinstance(block, (Quote, Item)):
        return block.text
    if isinstance(block, QuoteGroup):
        return " ".join(quote.text for _, quote in block.quotes)
    return ""


def _shares_key_word(index: Index, question: str, block: Block) -> bool:
    """True when ``block`` holds a key word of ``question``: a content word, not a short one
    (« mis »), an adverb (« désormais ») nor a little word (« avant »)."""
    held = {folded_stem(w) for w in index.tokens(_text(block))}
    return any(
        folded_stem(word) in held
        for word in index.tokens(question)
        if not (not_a_key_word(word, frozenset()) or word in LIGHT_WORDS)
        and index.names.exact.get(word) not in index.base.actors  # an actor: checked above
    )


def _without_refs(block: Block, gone: set[int]) -> Block:
    """``block`` without the folded quotes of the lines numbered in ``gone``."""
    if not (gone and isinstance(block, QuoteGroup)):
        return block
    return QuoteGroup(tuple(pair for pair in block.quotes if pair[0] not in gone))


def _announces(block: Block) -> bool:
    return isinstance(block, Para) and block.text.startswith(_ANNOUNCED)


def names_any(names: tuple[str, ...], *blocks: Block) -> bool:
    text = f" {fold(' '.join(_text(block) for block in blocks))} "
    return any(name in text for name in names)


def subject_on_top(index: Index, reply: Reply, question: str) -> Reply:
    """``reply`` without its first passage when that passage names none of the actors the
    question names and a later line or quote of the answer does (see the module's rule)."""
    blocks = list(reply.blocks)
    if not any(isinstance(b, Para) and b.text.startswith("Compris") for b in blocks[:3]):
        return reply  # not a question's answer
    first = next((i for i, block in enumerate(blocks) if isinstance(block, Quote)), None)
    if first is None:
        return reply
    head = first
    while head > 0 and not (isinstance(blocks[head], Item) or blocks[head] == _FROM_ARTICLE):
        head -= 1
    if not (isinstance(blocks[head], Item) or blocks[head] == _FROM_ARTICLE):
        return reply
    if head > 0 and _announces(blocks[head - 1]):
        head -= 1  # its announcement goes with it
    names = question_names(index, question)
    if not names or names_any(names, *blocks[head : first + 1]):
        return reply
    if not (_announces(blocks[head]) or blocks[head] == _FROM_ARTICLE):
        return reply  # a line of its own, not said off the subject (« Contexte — … » of the
        # agreement asked names it in the line's own entry)
    if not _announces(blocks[head]) and _shares_key_word(index, question, blocks[first]):
        return reply  # « parlé d'énergie … le gaz pour l'Europe ? »: on the asked matter
    rest = blocks[first + 1 :]
    end = next(
        (i for i, b in enumerate(rest) if isinstance(b, Para) and b.text.startswith("+ ")),
        len(rest),
    )
    if not any(names_any(names, block) for block in rest[:end]):
        return reply
    gone = {b.ref for b in blocks[head : first + 1] if isinstance(b, Item) and b.ref}
    rest = [_without_refs(block, gone) for block in rest]  # its folded quotes go with it
    rest = [b for b in rest if not (isinstance(b, QuoteGroup) and not b.quotes)]
    if rest and isinstance(rest[0], Para) and rest[0].text in _ALSO:  # « Aussi » of nothing
        rest = [_FROM_ARTICLE, *rest[1:]] if rest[0].text != "Aussi :" else rest[1:]
    return replace(reply, blocks=(*blocks[:head], *rest))
