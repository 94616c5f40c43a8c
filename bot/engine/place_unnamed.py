"""A yes/no question on a place no article names: « la réunion avec l'OTAN a eu lieu à
Ankara, c'est ça ? » when « Ankara » is in none of the articles' full text.

The question's actors are read by every name they answer to, so « Ankara » finds Turkey and
the NATO meeting's list of representatives (« … de la Turquie … ») — an answer that reads as a
« yes ». A place asked (« à » and a capitalised name) that no article's full text holds is
said first, with what was searched: « Pas confirmé par les articles : aucun ne nomme
« Ankara » (…). Au plus proche : ». Only a verified absence of the name is said, never « the
articles say it was elsewhere » nor « they don't say where » (they may say it in other
words); an answer that already opens on a verdict is left as it is.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.engine.index import Index
from bot.engine.reply import Para, Reply
from bot.engine.seedtext import searched_words, seed_holds
from bot.engine.verdicts import VERDICT_OPENINGS

_PLACE = re.compile(r"(?:^|\s)(?:à|au|aux)\s+([A-ZÀ-ÖØ-Ý][\w’'-]*[\w](?:[ -][A-ZÀ-ÖØ-Ý][\w’'-]*)*)")
"""« à Ankara », « au Caire », « à Nijni Novgorod »: a capitalised name after « à »."""


def places_unnamed(index: Index, question: str) -> list[str]:
    """The places the question asks (``_PLACE``) that no article's full text holds."""
    found = [match.group(1) for match in _PLACE.finditer(question)]
    return [place for place in dict.fromkeys(found) if not seed_holds(index, place)]


def place_unnamed(index: Index, reply: Reply, question: str) -> Reply:
    """``reply`` opened by « Pas confirmé par les articles : aucun ne nomme « X » … » when the
    question asks a place no article names; unchanged otherwise, or when it has a verdict."""
    said = [block.text for block in reply.blocks if isinstance(block, Para)]
    if any(text.startswith((*VERDICT_OPENINGS, "Non")) for text in said):
        return reply
    unnamed = places_unnamed(index, question)
    if not unnamed:
        return reply
    names = " ni ".join(f"« {place} »" for place in unnamed)
    searched = searched_words(index, " ".join(unnamed))
    verdict = Para(
        f"Pas confirmé par les articles : aucun ne nomme {names} ({searched}). Au plus proche :",
        "note",
    )
    return replace(reply, blocks=(verdict, *reply.blocks))
