"""A word missing from the articles is not a fact missing: an absence line that rests on a
word (« Les articles ne mentionnent pas « brut » », « … ne nomment pas « Anglais » », « (aucun
n'emploie « brut ») », « … ne donnent pas de date précise ») is taken off the top of an open
question's answer when the passage shown first is about the asked subject and gives the asked
facet (issue 22, task i22zj: phone readers of the twelfth blind set read such lines as « the
articles don't say », over quotes that said it).

The rule holds for any question and any article, by three parts read from the question:

- its type (``passage.asked_types``: when, where, who, how many; ``reasons.asks_reason``:
  why, to what end): the facet the answer must give. A question of no such type (« quels
  domaines ? », « montant ? ») keeps its line: the missing word may be what it asks;
- its subject: its content words that the articles hold (never the missing words, stop
  words, words naming the kind of answer, conversational filler);
- the missing words: none picks which instance is asked (« le prochain forum », « la
  dernière réunion »): then a passage on another instance answers nothing; none is a name
  put forward as the answer of a « qui ? » or « où ? » (« c'était Mark Rutte ? »);
- the passage shown first: it shares the subject (half its words, two at least when the
  subject has two) and gives the facet (``passage.carries``, ``reasons.gives_reason``).

A yes/no question keeps every line: there the missing word is part of what is checked.
An imprecise-date line (« ils disent « début octobre » ») is taken off when the question
itself gives those words (its « pour quand ? » asks another date) and the passage gives
another date (« en 2026 »). What was not found is still said, in the « Compris » line
(« aucun article n'emploie : brut »), never as a verdict on the facts.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.engine.french import folded_stem
from bot.engine.index import Index
from bot.engine.passage import asked_types, carries
from bot.engine.reasons import asks_reason, gives_reason
from bot.engine.reply import Block, Para, Quote, QuoteGroup, Reply
from bot.engine.seedtext import seed_holds
from bot.engine.unsaid import not_a_key_word
from bot.text import fold

_LEXICAL = re.compile(
    r"^(?:Les articles ne (?:mentionnent|nomment) pas «"
    r"|Les articles ne \w+ pas .*\(aucun n'emploie «)"
)
"""An absence line that rests on words the articles never use."""
_UNDATED = re.compile(r"^Les articles ne donnent pas de date précise : ils disent « ([^»]+) »")
"""An imprecise-date line, with the article's own date words."""
_QUOTED = re.compile(r"« ([^»]+?) »")
INSTANCE_WORDS = frozenset(
    fold(word)
    for stem in ("prochain", "suivant", "dernier", "précédent", "futur", "ultérieur", "antérieur")
    for word in (stem, stem + "e", stem + "s", stem + "es")
) | frozenset({"derniere", "dernieres", "nouvel", "nouvelle", "nouveau", "nouveaux"})
"""Words that pick which instance of a thing is asked (« le prochain forum »): missing from
the articles, the instance asked is missing, whatever a passage on another one gives."""
TYPED = ("quand", "ou", "qui", "combien")
"""Question types whose facet a sentence can be seen to give."""
FIRST_QUOTES = 2
"""How many of the answer's first quotes may give the facet."""
TOP = 3
"""Blocks on top of an answer where an absence line stands."""


def _stems(text: str) -> set[str]:
    return {folded_stem(word) for word in re.findall(r"\w+", fold(text))}


def _subject(index: Index, question: str, missing: set[str]) -> list[str]:
    """The question's content words that the articles hold, as stems, in question order."""
    out: list[str] = []
    for word in dict.fromkeys(index.tokens(question)):
        stem = folded_stem(word)
        if stem in missing or not_a_key_word(word, frozenset()) or not seed_holds(index, word):
            continue
        out.append(stem)
    return list(dict.fromkeys(out))


def _quotes(blocks: tuple[Block, ...]) -> list[str]:
    texts: list[str] = []
    for block in blocks:
        if isinstance(block, Quote):
            texts.append(block.text)
        elif isinstance(block, QuoteGroup):
            texts.extend(quote.text for _, quote in block.quotes)
        if len(texts) >= FIRST_QUOTES:
            break
    return texts[:FIRST_QUOTES]


def _gives_facet(question: str, subject: list[str], quote: str) -> bool:
    """True when ``quote`` shares ``subject`` and gives what ``question`` asks."""
    if not subject:
        return False
    shared = len(_stems(quote) & set(subject))
    if shared < min(2, len(subject)) or 2 * shared < len(subject):
        return False
    kinds = [kind for kind in asked_types(question) if kind in TYPED]
    asked = frozenset(fold(question).split())
    if asks_reason(question):
        return gives_reason(quote)
    return bool(kinds) and all(carries(kind, quote, asked) for kind in kinds)


def _proposes(question: str, words: list[str]) -> bool:
    """True when a missing word is a name (written with a capital in the question) and the
    question asks who or where: the name is the answer it puts forward, not its subject."""
    kinds = set(asked_types(question))
    if not kinds & {"qui", "ou"}:
        return False
    return any(word[:1].isupper() and word in question for word in words)


def _said_in_reading(blocks: list[Block], words: list[str]) -> None:
    """The words not found, said once at the end of the « Compris » line instead."""
    for at, block in enumerate(blocks):
        if isinstance(block, Para) and block.text.startswith("Compris :"):
            line = block.text
            new = [word for word in words if f"« {word} »" not in line and word not in line]
            if new:
                line += f" (aucun article n'emploie : {', '.join(new)})"
            blocks[at] = replace(block, text=line)
            return


def facet_first(index: Index, reply: Reply, question: str, yes_no: bool) -> Reply:
    """``reply`` without the absence lines on its top that its first passage contradicts."""
    if yes_no:
        return reply
    blocks = list(reply.blocks)
    quotes = _quotes(reply.blocks)
    if not quotes:
        return reply
    dropped: list[str] = []
    kept: list[Block] = []
    for at, block in enumerate(blocks):
        if not isinstance(block, Para) or block.style != "note" or at > TOP:
            kept.append(block)
            continue
        undated = _UNDATED.match(block.text)
        if undated is not None:
            given = fold(undated.group(1))
            others = [fold(quote).replace(given, " ") for quote in quotes]
            if given in fold(question) and any(carries("quand", text) for text in others):
                continue  # the question gives that date: its « pour quand ? » asks another
            kept.append(block)
            continue
        if not _LEXICAL.match(block.text):
            kept.append(block)
            continue
        said = block.text.split("(recherche", 1)[0].split(": j'ai cherché", 1)[0]
        words = _QUOTED.findall(said)
        missing = {folded_stem(part) for word in words for part in fold(word).split()}
        subject = _subject(index, question, missing)
        if any(fold(word) in INSTANCE_WORDS for word in words):
            kept.append(block)  # « le prochain forum »: not the one the passage dates
            continue
        if _proposes(question, words):
            kept.append(block)  # « c'était Mark Rutte ? »: the name missing is the answer put
            continue
        if words and any(_gives_facet(question, subject, quote) for quote in quotes):
            dropped.extend(words)
            continue
        kept.append(block)
    if not dropped and len(kept) == len(blocks):
        return reply
    _said_in_reading(kept, list(dict.fromkeys(dropped)))
    return replace(reply, blocks=tuple(kept))
