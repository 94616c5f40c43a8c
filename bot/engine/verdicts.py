"""A yes/no question the quote on top answers otherwise: « Pas d'après les articles : … ».

« Oui » is said only when the quote states every word asked (``yesno.states``); a bare « non »
never. Between the two, a quote may say otherwise in a way a reader checks at a glance, and the
answer then opens on what differs, the quote under it:

- another figure: « une cinquantaine de pays ? » over « plus de 80 pays »;
- another place: « signé à Washington ? » over « … à Bakou, … a officiellement signé … »;
- proposed, not done: « confirmées ? », « signé ? » over « a proposé que … »;
- pending, not done: « signés ? » over « sont en cours de finalisation ».

Anything else is left to the answer as it is (no verdict is better than a wrong one).
"""

from __future__ import annotations

import re

from bot.dates import MONTHS_FR
from bot.text import fold

VERDICT_OPENINGS = (
    "Oui",
    "Non :",
    "D'après l'article, non",
    "Pas d'après",
    "Les articles ne",
    "Le passage le plus proche ne",
    "Aucune phrase des articles",
)
"""How a line that already answers a yes/no question opens (« Oui », « Non : d'après
l'article, … » (``fact_check.contradicted``), « D'après l'article,
non : « … » » over a denying quote, « Pas d'après les articles », a not-said, « Aucune phrase
des articles … ne réunit »): an answer holding one gets no second verdict."""

_MONTHS = frozenset(fold(month) for month in MONTHS_FR)

ROUGHLY = {
    "dizaine": 10,
    "douzaine": 12,
    "quinzaine": 15,
    "vingtaine": 20,
    "trentaine": 30,
    "quarantaine": 40,
    "cinquantaine": 50,
    "soixantaine": 60,
    "centaine": 100,
}
_NUMBER = re.compile(r"(?<![\w.,])(\d{1,3}(?:[ .\u202f]\d{3})+|\d+)(?!\w|[.,]\d)")
_FOOTNOTE = re.compile(r"\(\d+\)")
_PLACE = re.compile(r"(?:^|[\s,(])(?:à|a) ([A-ZÀ-Ý][\w'’-]+)")
_DONE = ("confirm", "decid", "sign", "approuv", "adopt", "conclu", "ratifi")
"""Stems of the words asking whether something was done (« confirmées ? », « signé ? »)."""
_PROPOSED = re.compile(r"\b(?:propos\w*|envisag\w*|souhait\w*)\b")
_PENDING = re.compile(
    r"\ben cours de (?:finalisation|negociation|discussion|preparation|redaction|elaboration)\b"
)
"""Not done yet (folded): « des accords sont en cours de finalisation »."""


def _figures(text: str) -> list[int]:
    """Counts a text gives (« 80 », « 30.000 »), not years (1900–2100) nor footnote calls."""
    found: list[int] = []
    plain = _FOOTNOTE.sub(" ", text)
    for match in _NUMBER.finditer(plain):
        value = int(re.sub(r"\D", "", match.group(1)))
        after = fold(plain[match.end() : match.end() + 12]).split()
        if 1900 <= value <= 2100 or (after and after[0] in _MONTHS):
            continue  # a year, or a day of a month (« le 21 septembre »)
        found.append(value)
    return found


_QUALIFIED = re.compile(
    r"(?:\b(?:plus|moins) de |\benviron |\bprès de |\bquelques? )?"
    r"(?<![\w.,])(?:\d{1,3}(?:[ .\u202f]\d{3})+|\d+)(?!\w|[.,]\d)(?: \w+)?"
)


def _said_figures(quote: str) -> list[str]:
    """The quote's counts as it writes them, with their qualifier and noun (« « plus de 80
    pays » »), years and days of a month left out."""
    plain = _FOOTNOTE.sub(" ", quote)
    return [
        f"« {match.group(0).strip()} »"
        for match in _QUALIFIED.finditer(plain)
        if _figures(match.group(0))
    ]


def _asked_figure(question: str) -> int | None:
    folded = fold(question)
    for word, value in ROUGHLY.items():
        if re.search(rf"\b{word}s?\b", folded):
            return value
    figures = _figures(question)
    return figures[0] if len(figures) == 1 else None


def otherwise(question: str, quote: str) -> str:
    """What the quote says otherwise than the yes/no ``question`` asks, in a few words
    (« autre chiffre : « plus de 80 » »), or "" when it does not plainly differ."""
    asked = _asked_figure(question)
    given = _figures(quote)
    if asked is not None and given and all(abs(n - asked) > asked * 0.2 for n in given):
        return f"ils donnent un autre chiffre : {', '.join(_said_figures(quote))}"
    places = [p for p in _PLACE.findall(question) if fold(p) not in fold(quote)]
    quoted = [p for p in _PLACE.findall(quote) if fold(p) not in fold(question)]
    if places and quoted:
        return f"ils disent « à {quoted[0]} », non « à {places[0]} »"
    folded_question, folded_quote = fold(question), fold(quote)
    done = [stem for stem in _DONE if re.search(rf"\b{stem}", folded_question)]
    if (
        done
        and _PROPOSED.search(folded_quote)
        and not any(re.search(rf"\b{stem}", folded_quote) for stem in done)
    ):
        return "ils le disent proposé, sans dire qu'il a été décidé ou fait"
    pending = _PENDING.search(folded_quote)
    if done and pending and not any(re.search(rf"\b{stem}", folded_quote) for stem in done):
        return f"ils le disent « {pending.group(0)} », sans parler de signature ni de conclusion"
    return ""
