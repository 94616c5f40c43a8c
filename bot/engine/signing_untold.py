"""« quand a été signée la déclaration de Choucha ? » of an agreement the articles never say was
signed (the base notes it with no act done — no signature, approval or adhesion): the
answer opens by saying the articles give no signing date, then what they do give
(« au plus tard le 16 juin 2021 (rapporté : dépêche …) »), instead of a date that reads as the
signing's. Also « … a-t-elle été signée ? »: no « Oui » over a line the base notes no signing of.

Said only after the articles themselves are read: when a sentence of the agreement's own
articles holds a word of the act (« sign… ») with a word of its title, nothing is said — an
act the curation missed must never become a false « not signed ».
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.content.model import Agreement
from bot.engine.acts_asked import acts_asked
from bot.engine.common import IN_FORCE_ACTS, when
from bot.engine.french import folded_stem, is_stop
from bot.engine.index import Index
from bot.engine.reply import Para, Reply
from bot.text import fold

_ASKS_WHEN = re.compile(r"\b(?:quand|quelle date|a quelle date|en quelle annee|le combien|qd)\b")
_SENTENCE = re.compile(r"(?<=[.!?»])\s+|\n+")
SHORTEST_TITLE_WORD = 5
"""Title words shorter than this (« long », « plan ») never make a question name an agreement."""


def _stems(index: Index, text: str, shortest: int = 1) -> set[str]:
    """Stems of the words of ``text`` (stop words aside) at least ``shortest`` letters long."""
    return {
        folded_stem(word)
        for word in index.tokens(text)
        if not is_stop(word) and len(word) >= shortest
    }


def _actor_stems(index: Index) -> set[str]:
    def build() -> set[str]:
        names: set[str] = set()
        for actor in index.base.actors.values():
            for name in (actor.name, actor.name_en or "", *actor.aliases):
                names |= _stems(index, name)
        return names

    return index.memo("signing_untold: actor stems", build)


def named_agreement(index: Index, question: str) -> Agreement | None:
    """The one agreement whose title the question names best, by at least two title words
    of which one is no actor's name (« partenariat stratégique … Royaume-Uni », « déclaration
    de Choucha »); None when no agreement, or more than one, fits that well."""
    asked = _stems(index, question)
    actors = _actor_stems(index)
    scored: list[tuple[int, Agreement]] = []
    for agreement in index.base.agreements:
        title = _title_stems(index, agreement) | (_named_actors(index, agreement) & actors)
        shared = asked & title
        if len(shared) >= 2 and shared - actors:
            scored.append((len(shared), agreement))
    scored.sort(key=lambda pair: -pair[0])
    if not scored or (len(scored) > 1 and scored[1][0] == scored[0][0]):
        return None
    return scored[0][1]


def _title_stems(index: Index, agreement: Agreement) -> set[str]:
    """The stems of the title's words that no actor's name holds (« choucha », « partenari »)."""
    table: dict[str, frozenset[str]] = index.memo("signing_untold: title stems", dict)
    if agreement.id not in table:
        stems = _stems(index, agreement.title, SHORTEST_TITLE_WORD) - _actor_stems(index)
        table[agreement.id] = frozenset(stems)
    return set(table[agreement.id])


def _named_actors(index: Index, agreement: Agreement) -> set[str]:
    """The stems of the title's words (any length), kept per index."""
    table: dict[str, frozenset[str]] = index.memo("signing_untold: title words", dict)
    if agreement.id not in table:
        table[agreement.id] = frozenset(_stems(index, agreement.title))
    return set(table[agreement.id])


def _articles_tell_act(index: Index, agreement: Agreement, act: str) -> bool:
    """True when a sentence of one of the agreement's articles holds a word starting with one
    of the act's stems (« sign ») and either a word of this agreement's title or no word of
    another agreement's title from the same articles (« elles l'ont signée » may be about
    it): the articles may say it was done, whatever the base notes. Only a sentence that
    names another agreement alone (« ont signé le plan de coopération ») is set aside."""
    term = next((t for t in index.base.vocabulary.acts if t.id == act), None)
    starts = tuple(fold(stem) for stem in (term.stems if term else ()))
    if not starts:
        return True  # an act the vocabulary cannot look for: nothing is claimed
    own = _title_stems(index, agreement)
    sources = dict.fromkeys(evidence.source for evidence in agreement.evidence)
    others: set[str] = set()
    for other in index.base.agreements:
        if other.id != agreement.id and any(e.source in sources for e in other.evidence):
            others |= _title_stems(index, other)
    others -= own
    for source in sources:
        for sentence in _SENTENCE.split(index.base.seeds.get(source, "")):
            words = fold(sentence).split()
            if not any(word.startswith(starts) for word in words):
                continue
            held = _stems(index, sentence)
            if held & own or not held & others:
                return True
    return False


def signing_untold(index: Index, question: str, reply: Reply) -> Reply:
    """``reply``, opened by what the articles do not say of the act the question asks of one
    agreement it names, when the base notes that agreement with no such act and its articles
    hold no sentence saying it; ``reply`` unchanged otherwise."""
    acts = acts_asked(index, question)
    if len(acts) != 1 or acts[0] not in IN_FORCE_ACTS:  # « annoncé sur quel réseau ? » asks
        return reply  # how a signed plan was made known, not whether it was done
    agreement = named_agreement(index, question)
    if agreement is None or agreement.act in IN_FORCE_ACTS:  # done: whatever act, it exists
        return reply
    if _articles_tell_act(index, agreement, acts[0]):
        return reply
    term = next(t for t in index.base.vocabulary.acts if t.id == acts[0])
    noun = (term.noun or "").lower()
    if not noun:
        return reply
    noted = "" if agreement.act is None else f" (la base le note : {_act_label(index, agreement)})"
    if _ASKS_WHEN.search(f" {fold(question)} "):
        given = (
            f"Ce qu'ils en donnent : {when(index.base, agreement)}."
            if agreement.date is not None
            else "Ils ne lui donnent aucune date."
        )
        said = f"Les articles ne donnent pas de date de {noun} pour : {agreement.title}{noted}."
        text = f"{said} {given}"
    else:
        text = f"Les articles ne rapportent aucune {noun} de : {agreement.title}{noted}."
    return replace(reply, blocks=(Para(text), *reply.blocks))


def _act_label(index: Index, agreement: Agreement) -> str:
    return next((t.label for t in index.base.vocabulary.acts if t.id == agreement.act), "")
