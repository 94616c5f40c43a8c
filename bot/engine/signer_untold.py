"""« qui a signé (paraphé) cet accord côté américain ? » of an agreement whose articles name no
person who signed it: the answer opens by saying so (« Les articles ne nomment pas de
signataire américain ») and shows what they say of the signing, verbatim — a sentence naming
people met around it (« une rencontre entre … et JD Vance ») never reads as their signature.

A signatory is named when a sentence of the agreement's own quotes holds a signing word with
a person (or an office) before it, its subject (« le ministre X a signé »), or after « par »
(« signé par X »); then nothing is said here and the usual answer stands.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.content.model import Agreement
from bot.engine.common import entry_button, quote_of
from bot.engine.french import is_stop, lightness
from bot.engine.index import Index
from bot.engine.passage import gives, sentences_of
from bot.engine.reply import Block, Para, Reply
from bot.text import fold

_ASKS_WHO = re.compile(r"\bqui\b")
_SIGNING = re.compile(r"\b(?:sign|paraph)\w*", re.IGNORECASE)
_SIDE = re.compile(r"\bc[oô]t[eé]s? ([^\W\d_]+(?:-[^\W\d_]+)?)", re.IGNORECASE)
_BY = re.compile(r"^\W*par\b")


_WHO_VERB = re.compile(
    r"\b(?:a|ont|avait|avaient) ([a-z]+) qui\b|\bqui (?:a|ont|avait|avaient|l'a|les a) ([a-z]+)"
)
"""The verb « qui » goes with (folded): « Aliyev a rencontré qui ? », « qui a reçu … ? »."""


def asks_signer(question: str) -> bool:
    """True for « qui a signé / paraphé … ? »; never when « qui » goes with another verb
    (« au moment de la signature, Aliyev a rencontré qui ? » asks whom he met: issue 22,
    tenth blind set)."""
    folded = fold(question).replace("’", "'")
    if not (_ASKS_WHO.search(folded) and _SIGNING.search(folded)):
        return False
    verbs = [v for m in _WHO_VERB.finditer(folded) for v in m.groups() if v]
    return not any(not _SIGNING.match(verb) for verb in verbs)


def _party_words(index: Index, agreement: Agreement) -> set[str]:
    """The folded words of every name of the agreement's parties (« azerbaidjan », « unis »)."""
    found: set[str] = set()
    for party in agreement.parties:
        actor = index.base.actors.get(party)
        if actor is not None:
            for name in (actor.name, actor.name_en or "", *actor.aliases):
                found.update(index.tokens(name))
    return found


SIDE_PREFIX = 5
"""Letters a side asked (« américain ») shares with a party's name (« Amérique ») to be it."""


def side_is_party(index: Index, agreement: Agreement, side: str) -> bool:
    """True when the side asked (« côté américain ») is one of the agreement's parties."""
    start = fold(side)[:SIDE_PREFIX]
    return len(start) == SIDE_PREFIX and any(
        word.startswith(start) for word in _party_words(index, agreement)
    )


def _names_signer(index: Index, agreement: Agreement, sentence: str) -> bool:
    """True when ``sentence`` may name who signed: a person or an office in the clause before its
    signing word or right after « par », or any word besides the parties' names (and light adverbs)
    in the clause before it (« les ministères de la Défense … ont signé »). Only « Azerbaïdjan
    et les États-Unis ont officiellement signé » names nobody."""
    parties = _party_words(index, agreement)
    for match in _SIGNING.finditer(sentence):
        before, after = sentence[: match.start()], sentence[match.end() :]
        clause = re.split(r"[,;:«»()]", before)[-1]  # its subject, not « à Bakou, »
        if gives("qui", clause) or (_BY.search(after) and gives("qui", after)):
            return True
        words = [w for w in index.tokens(clause) if not is_stop(w) and lightness(w) == 1.0]
        if any(word not in parties for word in words):
            return True
    return False


def signer_untold(index: Index, question: str, agreement: Agreement) -> Reply | None:
    """The answer to « qui a signé ``agreement`` ? » when its quotes name no signatory: that
    said plainly, then the quotes that name people (what the articles do say); None when a
    quote names one, or the question asks no signatory."""
    side = _SIDE.search(question)
    if not asks_signer(question) or (side and not side_is_party(index, agreement, side.group(1))):
        return None
    quotes = [item for item in agreement.evidence if item.quote]
    if any(
        _names_signer(index, agreement, part)
        for item in quotes
        for part in sentences_of(item.quote)
    ):
        return None
    whose = f" {side.group(1).lower()}" if side else ""
    blocks: list[Block] = [
        Para(f"Les articles ne nomment pas de signataire{whose} de : {agreement.title}."),
    ]
    naming = [item for item in quotes if gives("qui", item.quote)]
    if naming:
        blocks.append(Para("Ce qu'ils disent de la signature, mot pour mot :"))
        shown = [quote_of(index.base, item) for item in naming]  # the first one open
        blocks.extend([replace(shown[0], open=True), *shown[1:]])
    button = entry_button(agreement)
    return Reply(tuple(blocks), ((button,),) if button is not None else ())
