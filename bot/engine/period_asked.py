"""« plan de défense avec Londres, pour quelle période ? »: a question naming an agreement by
its title's words (« plan », « défense »; a party by any of its names) and asking its period
opens on that agreement's period, with the quote that gives it — never on another entry whose
line only mentions it."""

from __future__ import annotations

import re
from dataclasses import replace

from bot.content.model import Agreement
from bot.engine.claim_words import claim_in_articles_words
from bot.engine.common import entry_button, quote_of
from bot.engine.fact_check import contradicted
from bot.engine.french import folded_stem, is_stop
from bot.engine.index import Index
from bot.engine.passage import search_button
from bot.engine.reply import Block, Para, Reply
from bot.text import fold

_ASKS_PERIOD = re.compile(
    r"\b(?:periode|pour quelles? annees|sur quelles? annees)\b"
    # how far it runs, asked or checked (« le plan court jusqu'en 2030 ? », « valable jusqu'à
    # quand ? »): its period answers, with the quote that gives it
    r"|\b(?:court|courent|dure|durent|valable|valables|etend|etendent|couvre|couvrent)"
    r" jusqu|\bjusqu a quand\b"
)
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b|/\d{2}\b")
SHORTEST = 4
"""Title words shorter than this (« de », « pour ») never name an agreement."""


_OTHER_ASKED = re.compile(r"\b(?:qui|quand|qd|ou|combien|pourquoi|comment|quoi|lieu|signe\w*)\b")


def asks_period(question: str) -> bool:
    """True for « pour quelle période ? », « sur quelles années ? » asked alone: a question
    that also asks who, when, whether (« signé ou juste prévu ? ») is answered whole elsewhere."""
    folded = fold(question)
    plain = folded.replace("jusqu a quand", " ")  # « jusqu'à quand ? » asks the period itself
    alone = question.count("?") <= 1 and not _OTHER_ASKED.search(plain)
    return alone and bool(_ASKS_PERIOD.search(folded))


def _stems(index: Index, text: str) -> set[str]:
    return {
        folded_stem(word)
        for word in index.tokens(text)
        if not is_stop(word) and len(word) >= SHORTEST and not word.isdigit()
    }


def _names(index: Index, actor_id: str) -> set[str]:
    actor = index.base.actors.get(actor_id)
    if actor is None:
        return set()
    found: set[str] = set()
    for name in (actor.name, actor.name_en or "", *actor.aliases, *actor.demonyms):
        found |= _stems(index, name)
    return found


def titled_agreement(index: Index, question: str) -> Agreement | None:
    """The one agreement whose title's own words (its parties' names aside) the question holds
    most, with two of them, or one and a party's name or adjective (« plan de défense avec
    Londres », « le plan britannique »);
    None when none, or several, fit as well."""
    asked = _stems(index, question)
    scored: list[tuple[int, Agreement]] = []
    for agreement in index.base.agreements:
        parties = [_names(index, party) for party in agreement.parties]
        title = _stems(index, agreement.title) - set().union(*parties)
        words = len(asked & title)
        named = sum(1 for names in parties if asked & names)
        if words >= 2 or (words == 1 and named):
            scored.append((2 * words + named, agreement))
    scored.sort(key=lambda pair: -pair[0])
    if not scored or (len(scored) > 1 and scored[1][0] == scored[0][0]):
        return None
    return scored[0][1]


def period_answer(index: Index, question: str) -> tuple[Reply, Agreement] | None:
    """The period of the agreement the question names, with the quotes that give its years;
    None when the question asks no period, names no one agreement, or no quote of it gives a
    year of its period (nothing is said without its quote)."""
    if not asks_period(question):
        return None
    agreement = titled_agreement(index, question)
    if agreement is None or agreement.period is None:
        return None
    label = agreement.period.label()
    years = {year[-2:] for year in re.findall(r"\d{4}", label)}
    giving = [
        item
        for item in agreement.evidence
        if years and years <= {found[-2:] for found in _YEAR.findall(item.quote)}
    ]
    if not giving:
        return None
    giving.sort(key=lambda item: "periode" not in fold(item.quote))  # « pour la période … »
    # « … court jusqu'en 2030, non ? »: a year the period does not hold is said wrong first
    claim, unheld = claim_in_articles_words(index, question)  # « uk-aze »: the actors' names
    verdicts = (contradicted(claim, item.quote, "", True, unheld) for item in giving)
    spanned = [int(year) for year in re.findall(r"\d{4}", label)]
    asked = [int(year) for year in re.findall(r"\b(?:19|20)\d{2}\b", question)]
    outside = bool(asked) and all(not min(spanned) <= year <= max(spanned) for year in asked)
    verdict = next((said for said in verdicts if said), "") if outside else ""  # 2027 is in
    blocks: list[Block] = [
        *((Para(verdict),) if verdict else ()),
        Para(f"Période : {label}, d'après l'article — {agreement.title}."),
        replace(quote_of(index.base, giving[0]), open=True),  # the answer's own quote, open
        *(quote_of(index.base, item) for item in giving[1:2]),
    ]
    button = entry_button(agreement)
    row = (button, search_button(index, question)) if button else (search_button(index, question),)
    return Reply(tuple(blocks), (row,)), agreement
