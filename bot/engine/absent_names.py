"""A name the question gives that no article holds, said plainly on top: « Les articles ne
nomment pas « Mark Rutte » (recherche dans le texte intégral des N articles). Au plus
proche : » (issue 22, phone readers of the tenth blind set: « c'était Mark Rutte, tu peux
confirmer ? » answered with « aucun article n'emploie … Rutte » at the end of the « Compris »
line only).

A name is a word written with a capital inside a sentence of the question (« Bayraktar »,
« Mark Rutte »; not the sentence's first word, nor a stop word), or after an elided word
(« l'Allemagne … ? », first word included), several in a row read as one name. It is said
absent only when the full text of every article holds none of its words
(``seedtext.seed_holds``, accents and case aside) and the index reads none of them as an
actor: a name spelt otherwise than the articles spell it (« Aliev ») is never said absent.
The answer that follows is unchanged: the nearest passages, to judge by.

An abbreviation (one word with a capital after its first letter: « MoD », « PermReps »,
« SACEUR ») is a way of naming, not a thing asked: when the answer's first quote names an
actor the question names (``subject_passage``: the home country aside) and the question is open
(a yes/no question may ask about the abbreviation's thing: « cite-t-il le TANAP ? ») and does
not put it forward as the « qui ? » / « où ? » answer, its absence is said after
the answer, as a reading note, never as the first line (issue 22, task i22zu: phone readers of
the fifteenth blind set read « Les articles ne nomment pas « MoD » » on top as « not
covered », over the defence ministries' plan that answered).
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.engine.french import is_stop
from bot.engine.index import Index
from bot.engine.passage import asked_types
from bot.engine.reply import Item, Para, Quote, QuoteGroup, Reply
from bot.engine.seedtext import seed_holds
from bot.text import count, fold

_TOKEN = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*|[.?!:;«»\"()]")
_SENTENCE_END = frozenset('.?!:;«»"(')
_ELIDED = re.compile(r"^(?:[lLdDjJmMnNsStTcC]|[qQ]u)['’](.+)$")
"""An elided word before a name (« l'Allemagne », « d'Israël »): the capital after it marks a
name wherever it stands, the sentence's first word included."""
SHORTEST = 3
"""Shorter capitalised words (« JD », « UE ») are initials, never said absent on their own."""


def absent_names(index: Index, question: str) -> list[str]:
    """The names of ``question`` that no article holds, in order, each said once."""
    names: list[list[str]] = []
    run: list[str] = []
    start = True
    for token in _TOKEN.findall(question):
        if token in _SENTENCE_END:
            start = True
            names.append(run)
            run = []
            continue
        elided = _ELIDED.match(token)
        if elided is not None and elided.group(1)[:1].isupper():  # « l'Allemagne » even first
            token, start = elided.group(1), False
        initial = token[0].isupper() and not token.isupper()
        capital = initial or (token.isupper() and len(token) > SHORTEST)
        if capital and not start and not is_stop(token):
            run.append(token)
        else:
            names.append(run)
            run = []
        start = False
    names.append(run)
    found: list[str] = []
    for words in names:
        if not words or all(len(word) < SHORTEST for word in words):
            continue
        if any(_known(index, word) for word in words):
            continue
        name = " ".join(words)
        if name not in found:
            found.append(name)
    return found


def _known(index: Index, word: str) -> bool:
    """True when an article holds ``word`` or the index reads it as an actor; a hyphenated
    pair of names (« Bakou-Washington ») when each of its names is known (outside readers of
    the thirteenth blind set: « ne nomment pas « Bakou-Washington » » over « les relations
    entre Bakou et Washington »)."""
    if seed_holds(index, fold(word)) or index.names.find_actor(word, fuzzy=False) is not None:
        return True
    parts = [part for part in re.split(r"[-'’]", word) if part]
    return len(parts) > 1 and all(
        seed_holds(index, fold(part)) or index.names.find_actor(part, fuzzy=False) is not None
        for part in parts
    )


def names_said_absent(index: Index, reply: Reply, question: str, closed: bool = False) -> Reply:
    """``reply`` opened by « Les articles ne nomment pas « X » (recherche dans le texte
    intégral des N articles). » when the question names X and no article does; unchanged when
    the reply already says it on top or names none. Of an open question (not ``closed``: no
    yes/no, no « … ou pas ? »), an abbreviation is said under the answer (``_spelling_only``)."""
    names = absent_names(index, question)
    if not names:
        return reply
    said = [b.text for b in reply.blocks if isinstance(b, Para)]  # « « Chine » n'apparaît
    names = [n for n in names if not any(f"« {n} »" in text for text in said)]  # dans aucun »
    if not names:
        return reply
    listed = " ni ".join(f"« {name} »" for name in names)
    total = count(len(index.base.seeds), "article")
    first = reply.blocks[0] if reply.blocks else None
    verdict = isinstance(first, Para) and first.text.startswith(("Non :", "Oui"))
    nearest = " Au plus proche :" if reply.found and not verdict else ""
    line = Para(
        f"Les articles ne nomment pas {listed} (recherche dans le texte intégral des "
        f"{total}).{nearest}",
        "note",
    )
    rest = tuple(  # « Aucune phrase … ne réunit »: the name's absence says it plainer
        b for b in reply.blocks if not (isinstance(b, Para) and b.text.startswith(_NONE_HOLDS))
    )
    if verdict:  # « Non : d'après l'article, « à Bakou » … » stays the first line
        return replace(reply, blocks=(rest[0], line, *rest[1:]))
    if reply.found and not closed and _spelling_only(index, reply, question, names):
        note = Para(
            f"Les articles ne nomment pas {listed} (recherche dans le texte intégral des "
            f"{total}) : ce qui précède est lu sur les autres mots de la question.",
            "note",
        )
        last = max(i for i, b in enumerate(reply.blocks) if isinstance(b, _SHOWN))
        return replace(reply, blocks=(*reply.blocks[: last + 1], note, *reply.blocks[last + 1 :]))
    return replace(reply, blocks=(line, *rest))


_SHOWN = (Quote, QuoteGroup, Item)


def abbreviation(name: str) -> bool:
    """True for one word with a capital after its first letter (« MoD », « PermReps »)."""
    return " " not in name and any(ch.isupper() for ch in name[1:])


def _spelling_only(index: Index, reply: Reply, question: str, names: list[str]) -> bool:
    """True when every absent name is an abbreviation that the question does not put forward
    as a « qui ? » / « où ? » answer, and the answer's first quote names an actor the
    question names: the abbreviation's absence is a note on the answer, not its verdict."""
    from bot.engine.subject_passage import names_any, question_names

    if not all(abbreviation(name) for name in names):
        return False
    if set(asked_types(question)) & {"qui", "ou"}:
        return False  # « c'était le SACEUR ? »: the name may be the answer put forward
    shown = [b for b in reply.blocks if isinstance(b, _SHOWN)]
    quote = next((b for b in shown if isinstance(b, Quote)), None)
    first = [shown[0]] if shown else []  # the answer's first line, and its first quote
    asked = question_names(index, question)
    return bool(shown and asked) and names_any(asked, *first, *([quote] if quote else []))


_NONE_HOLDS = "Aucune phrase des articles"
