"""The act a question's verb asks (« qu'a signé le Royaume-Uni ? », « quels accords la Turquie
a signés ? »), and the agreements an act filter leaves out, said rather than dropped silently.

« signé » is a word that asks (``questions.QUESTION_WORDS``): the filter reader never sees it,
so a question asking what an actor *signed* used to list every agreement of that actor, an
unsigned partnership among them. The verb is read here, on the whole question, as an act of
the vocabulary; the list is then filtered on it (``cards.accord``), and the entries the act
leaves out are named with what the base notes of them instead — never « not signed » about
the articles, which the base cannot prove.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.content.model import Agreement
from bot.engine.filters import act_names
from bot.engine.index import Index
from bot.engine.reply import Para
from bot.text import fold

NAMED = 2
"""Agreements a left-out note names one by one; more are counted."""


def acts_asked(index: Index, question: str) -> tuple[str, ...]:
    """The acts (ids) the question's own words name as a verb or participle (« signé »,
    « signés », « approuvée »), in the order asked; () when none."""
    names = index.memo("act names", lambda: act_names(index))
    found: list[str] = []
    for word in fold(question).split():
        act = names.get(word)
        if act is not None and act not in found:
            found.append(act)
    return tuple(found)


_AUXILIARY = re.compile(
    r"\b(?:a|ont|avait|avaient|aura|auront|est|sont|etait|etaient)"
    r"(?:\s+t\s+(?:il|elle|ils|elles))?\s+([a-z]+)"
)
"""« qu'a ratifié », « a-t-elle ratifié », « ont signés »: the verb after the auxiliary."""


def unread_acts(question: str, unsaid: Sequence[str]) -> tuple[str, ...]:
    """The words of ``unsaid`` (the question's words no article holds, after a full-text
    search) that the question uses as its verb after an auxiliary (« ratifié » in « qu'a
    ratifié le Royaume-Uni ? »): an act the articles never speak of, to say first rather than
    list agreements as if they answered it."""
    verbs = {match.group(1) for match in _AUXILIARY.finditer(fold(question))}
    return tuple(word for word in unsaid if fold(word) in verbs)


def act_label(index: Index, act: str | None) -> str:
    """An act id said in words (« signé », « adhésion »)."""
    return next((t.label for t in index.base.vocabulary.acts if t.id == act), act or "")


def _act_noun(index: Index, act: str) -> str:
    """« signature » for « signé », « adhésion » for « adhésion »; "" when the act has no noun."""
    noun = next((t.noun for t in index.base.vocabulary.acts if t.id == act), None)
    return (noun or "").lower()


def left_out_para(index: Index, acts: Sequence[str], left: Sequence[Agreement]) -> Para | None:
    """The note naming the agreements that match every other part of the filter but not its
    act, each with the act the articles report instead, in a reader's words (issue 22,
    fidelity finding 3 — never the base's own « faute de … notée dans la base », « aucun
    acte noté »): « Aussi dans les articles, sans signature rapportée : Partenariat pour la
    paix (PPP) de l'OTAN (adhésion) ; Plan d'action … . » None when nothing was left out."""
    if not left or not acts:
        return None
    nouns = [_act_noun(index, act) for act in acts]
    if all(nouns):  # every act noun is feminine: « signature », « adhésion », « approbation »
        why = f"sans {' ni '.join(nouns)} rapportée"
    else:
        why = f"sans « {' ou '.join(act_label(index, act) for act in acts)} » rapporté"
    named = " ; ".join(_with_act(index, agreement) for agreement in left[:NAMED])
    if len(left) > NAMED:  # a phone screen: the first ones named, the rest counted
        rest = len(left) - NAMED
        named += f" ; et {rest} {'autre' if rest == 1 else 'autres'} (voir /accord)"
    return Para(f"Aussi dans les articles, {why} : {named}.", "note")


def _with_act(index: Index, agreement: Agreement) -> str:
    """An agreement's title with the act the articles report of it (« (adhésion) »), or the
    title alone when they report none."""
    if agreement.act is None:
        return agreement.title
    said = _act_noun(index, agreement.act) or act_label(index, agreement.act)
    return f"{agreement.title} ({said})"
