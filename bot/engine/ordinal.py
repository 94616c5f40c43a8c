"""« et le 2e ? », « la première ? », « le dernier ? »: a follow-up naming a line of the
previous answer by its rank opens that line's entry, and says which line it read.

A phone reader who sees a list of three lines asks for one of them in shorthand; the reader
had nothing to search in « le 2e » and answered the previous question again. The lines are
those the previous answer showed (its dated lines and context lines, in order), kept in the
thread (``thread.Asked.lines``).
"""

from __future__ import annotations

import re

from bot.content.model import Agreement, Event, Fact
from bot.engine.cards import agreement_card, event_card
from bot.engine.common import key_quotes, line_text
from bot.engine.index import Index
from bot.engine.reply import Block, Item, Para, Reply
from bot.text import fold

_RANKS = {
    "1er": 1,
    "1ere": 1,
    "premier": 1,
    "premiere": 1,
    "2e": 2,
    "2eme": 2,
    "2nd": 2,
    "2nde": 2,
    "deuxieme": 2,
    "second": 2,
    "seconde": 2,
    "3e": 3,
    "3eme": 3,
    "troisieme": 3,
    "4e": 4,
    "4eme": 4,
    "quatrieme": 4,
    "5e": 5,
    "5eme": 5,
    "cinquieme": 5,
    "dernier": -1,
    "derniere": -1,
}
_ORDINAL = re.compile(
    r"^(?:et\s+)?(?:(?:le|la|l)\s+)?(?P<rank>"
    + "|".join(sorted(_RANKS, key=len, reverse=True))
    + r")(?:\s+(?:ligne|entree|resultat|point|element|accord|evenement))?"
    r"(?:\s+(?:alors|donc|stp|svp))?\s*\?*$"
)
_LINE = re.compile(
    r"^(?:et\s+)?(?:(?:le|la)\s+)?(?:ligne|entree|resultat|n|no|numero)\s*(?P<rank>[1-5])\s*\?*$"
)


def asked_rank(text: str) -> int | None:
    """The rank a follow-up asks for (1 for « le premier », -1 for « le dernier »), or None
    when the message is not only a rank (« le 2e accord avec la Turquie » names more)."""
    folded = " ".join(fold(text).replace("’", "'").replace("'", " ").replace("ᵉ", "e").split())
    folded = folded.replace("°", "o").strip(" .!")
    found = _ORDINAL.match(folded) or _LINE.match(folded)
    if found is None:
        return None
    rank = found.group("rank")
    return _RANKS[rank] if rank in _RANKS else int(rank)


def _french_rank(rank: int, total: int) -> str:
    if total == 1:
        return "la seule ligne"
    if rank == -1:
        return "la dernière ligne"
    return "la première ligne" if rank == 1 else f"la {rank}ᵉ ligne"


def rank_reply(index: Index, lines: tuple[str, ...], rank: int, command: str) -> Reply | None:
    """The card of the line ``rank`` of the previous answer (its ``lines``: entry ids in
    order), under a « Compris » line saying which; None when there is no such line."""
    if not lines or rank == 0 or rank > len(lines):
        return None
    entry = index.entries.get(lines[rank - 1] if rank > 0 else lines[-1])
    if entry is None:
        return None
    which = _french_rank(rank, len(lines))
    said = Para(f"Compris : {which} de la réponse précédente ({command}).", "note")
    if isinstance(entry, Event):
        card = event_card(index, entry)
    elif isinstance(entry, Agreement):
        card = agreement_card(index, entry)
    else:
        card = _context(index, entry)
    return Reply((said, *card.blocks), card.buttons, fold_quotes=card.fold_quotes)


def _context(index: Index, fact: Fact) -> Reply:
    blocks: list[Block] = [Item("Contexte", line_text(index.base, fact), 0, fact.id)]
    blocks.extend(key_quotes(index.base, fact))
    return Reply(tuple(blocks))
