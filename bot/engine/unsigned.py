"""« La France a signé un accord avec Bakou, elle aussi ? »: an agreement asked of an actor the
base files none for, checked on the articles' full text before the answer says so.

The base may miss what an article says; so the bot says « the articles cite no agreement of
X » only when no sentence of any article names X together with a word of agreeing (accord,
signé, traité, mémorandum, entente, partenariat), and it says what it searched. Otherwise it
says nothing of the sort and the question is answered as usual.
"""

from __future__ import annotations

import re

from bot.content.model import Actor
from bot.engine.common import actor_name
from bot.engine.french import folded_stem
from bot.engine.index import Index
from bot.engine.reply import Para
from bot.engine.seedtext import sources_holding
from bot.text import count, fold

AGREEING = ("accord", "signé", "traité", "mémorandum", "entente", "partenariat")
"""Words by which an article would say that someone agreed to something."""
MOST_READ = 50
"""Articles read sentence by sentence at most to prove that none ties an actor to an
agreement; past that nothing is claimed."""
_SENTENCE = re.compile(r"(?<=[.!?…])\s+|\n+")


def _names(actor: Actor) -> list[str]:
    """The folded names an article may use for ``actor``."""
    named = (actor.name, actor.full_name, actor.name_en, *actor.aliases, *actor.demonyms)
    return [fold(name) for name in named if name]


def agreeing_in_seeds(index: Index, actor: Actor) -> bool:
    """True when a sentence of an article names ``actor`` and a word of agreeing; also True
    when too many articles name the actor to read them all (nothing is then claimed). Kept
    per actor for the life of the index."""
    cache = index.memo("agreeing in seeds", dict[str, bool])
    if actor.id not in cache:
        cache[actor.id] = _agreeing(index, actor)
    return cache[actor.id]


def _agreeing(index: Index, actor: Actor) -> bool:
    names = _names(actor)
    stems = {folded_stem(fold(word)) for word in AGREEING}
    sources: set[str] = set()
    for name in names:
        for word in name.split():
            sources.update(sources_holding(index, folded_stem(word)))
    if len(sources) > MOST_READ:
        return True
    for source in sources:
        for sentence in _SENTENCE.split(index.base.seeds[source]):
            folded = fold(sentence)
            if not any(re.search(rf"\b{re.escape(name)}\b", folded) for name in names):
                continue
            if any(folded_stem(word).startswith(tuple(stems)) for word in folded.split()):
                return True
    return False


def named_plainly(actor: Actor, text: str) -> bool:
    """True when ``text`` names ``actor`` by one of its names, aliases or demonyms written out
    (folded, whole words), or by its code in capitals: a typo's near name or a little word
    that spells a code (« me ») never opens an absence line."""
    folded = fold(text)
    if any(re.search(rf"(?<!\w){re.escape(name)}(?!\w)", folded) for name in _names(actor)):
        return True
    return bool(re.search(rf"(?<!\w){re.escape(actor.id)}(?!\w)", text))


def without_agreement(index: Index, actor_ids: tuple[str, ...]) -> list[Actor]:
    """The actors named (Azerbaijan aside) for whom the base files no agreement and no
    article sentence names them with a word of agreeing."""
    found = []
    for actor_id in actor_ids:
        actor = index.base.actors[actor_id]
        if actor_id == index.base.vocabulary.home or index.deals.involving(actor_id):
            continue
        if not agreeing_in_seeds(index, actor):
            found.append(actor)
    return found


def unsigned_para(index: Index, actors: list[Actor], nearest: bool = True) -> Para:
    """The opening line: no agreement of these actors in the articles, what was searched, and
    (``nearest``) that the closest entries follow."""
    named = " ni ".join(actor_name(actor) for actor in actors)
    words = ", ".join(f"« {word} »" for word in AGREEING[:-1]) + f" ou « {AGREEING[-1]} »"
    total = count(len(index.base.seeds), "article")
    return Para(
        f"Les articles ne citent aucun accord de {named} (recherche dans le texte intégral des "
        f"{total} : aucune phrase ne le nomme avec {words})"
        + (" ; au plus proche :" if nearest else "."),
        "note",
    )
