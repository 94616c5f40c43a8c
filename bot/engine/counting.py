"""« Combien de pays au forum de Bakou ? »: the quotes that give that number, not a list.

A how-many question is answered by the articles' own figure (« plus de 80 pays ») when a quote
of an entry the question's words find holds a number just before the counted noun (same
Snowball stem); those quotes are shown verbatim, with their sources, and nothing else is said.
"""

from __future__ import annotations

import re

from bot.content.model import Agreement, Event, Evidence, Fact
from bot.engine.common import entry_button, quote_of
from bot.engine.french import folded_stem
from bot.engine.index import Index
from bot.engine.reply import Block, Button, Para, Reply
from bot.engine.seedtext import sources_holding
from bot.text import fold, of_word

NUMBER_WORDS = frozenset(
    " ".join(
        (
            "deux trois quatre cinq six sept huit neuf dix onze douze quinze vingt trente",
            "quarante cinquante soixante cent cents mille dizaine dizaines centaine centaines",
            "millier milliers million millions milliard milliards",
        )
    ).split()
)
NEAR = 3
"""Words at most between the number and the noun (« 80 nations du monde » keeps « 80 »)."""
CANDIDATES = 20
"""Best search results whose quotes are read for a figure."""
SHOWN = 2
"""Entries shown with their figure."""


REFERRING = frozenset(["les", "des", "ces", "nos", "leurs", "ses"])
"""« les deux pays » names two already said, it counts nothing."""
COLLECTIVE = frozenset(
    (
        *("dizaine", "dizaines", "centaine", "centaines", "millier", "milliers"),
        *("million", "millions", "milliard", "milliards"),
    )
)
"""« des centaines de drones » does count: these take « des » and still give a figure."""


MOST_REMEMBERED = 512
"""Figures looked up kept per index (a question is read, then answered: once is enough)."""


def _stems(index: Index, quote: str) -> tuple[list[str], frozenset[str]]:
    """A quote's folded words and their stems, kept per index."""
    cache = index.memo("quote stems", dict[str, tuple[list[str], frozenset[str]]])
    found = cache.get(quote)
    if found is None:
        words = fold(quote).split()
        found = cache[quote] = (words, frozenset(folded_stem(word) for word in words))
    return found


_EXACT = re.compile(r" (?:exactement|precisement|exact|exacte|exacts|precis|precise) ")
"""A count asked exactly (folded, between spaces): an order of size does not give it."""
_ROUGH = frozenset(
    ("dizaine", "dizaines", "centaine", "centaines", "millier", "milliers", "plusieurs")
)
"""Numbers that give an order of size, never a count."""
_APPROXIMATE = frozenset(("plus", "moins", "environ", "pres", "quelque", "quelques"))
"""Words before a number that make it approximate (« plus de 80 »)."""


def _exact_figure(index: Index, quote: str, noun: str) -> bool:
    """True when ``quote`` gives a number of ``noun`` that is not an order of size: « 30.000
    tonnes », « trois menaces », never « des centaines de drones » nor « plus de 80 nations »."""
    stem = folded_stem(fold(noun))
    words, _stems_of = _stems(index, quote)
    for position, word in enumerate(words):
        if word in _ROUGH or not (word.isdigit() or word in NUMBER_WORDS):
            continue
        if position > 0 and words[position - 1] in _APPROXIMATE | {"de"}:
            continue
        if any(folded_stem(other) == stem for other in words[position + 1 : position + 1 + NEAR]):
            return True
    return False


def gives_figure(index: Index, sentence: str, noun: str) -> bool:
    """True when ``sentence`` gives a number of ``noun`` (« plus de 80 pays » for « pays »)."""
    return _figure(index, sentence, folded_stem(fold(noun)), set())


def _figure(index: Index, quote: str, noun: str, others: set[str]) -> bool:
    """True when ``quote`` gives a number of ``noun`` (a stem) and names one of ``others``."""
    words, stems = _stems(index, quote)
    if noun not in stems or (others and not others & stems):
        return False
    for position, word in enumerate(words):
        year = word.isdigit() and len(word) == 4 and word[:2] in ("18", "19", "20")
        referring = position > 0 and words[position - 1] in REFERRING and word not in COLLECTIVE
        if ((word.isdigit() and not year) or word in NUMBER_WORDS) and not referring:
            after = words[position + 1 : position + 1 + NEAR]
            if any(folded_stem(other) == noun for other in after):
                return True
    return False


ROUGHLY = frozenset(["plus", "moins", "pres", "environ", "quelque", "jusqu", "dela", "moins"])
"""Words before a number that make it a bound or a guess (« plus de 80 », « près de 300 »)."""


def exact_figure(index: Index, quote: str, noun: str) -> bool:
    """True when ``quote`` gives an exact number of ``noun`` (« 300 drones », « trois pays »);
    False for an order of size only (« des centaines de drones », « plus de 80 pays »)."""
    words, _ = _stems(index, quote)
    stem = folded_stem(fold(noun))
    for position, word in enumerate(words):
        year = word.isdigit() and len(word) == 4 and word[:2] in ("18", "19", "20")
        if not ((word.isdigit() and not year) or word in NUMBER_WORDS) or word in COLLECTIVE:
            continue
        if not any(
            folded_stem(other) == stem for other in words[position + 1 : position + 1 + NEAR]
        ):
            continue
        before = {w.split("'")[-1] for w in words[max(position - 2, 0) : position]}
        if not before & ROUGHLY:
            return True
    return False


def counted(index: Index, noun: str, query: str) -> list[Evidence]:
    """Distinct quotes of the entries the ``query`` words find that give a number of
    ``noun``, best entry first."""
    cache = index.memo("figures", dict[tuple[str, str], list[Evidence]])
    key = (noun, query)
    if key not in cache:
        if len(cache) >= MOST_REMEMBERED:
            cache.clear()
        cache[key] = _counted(index, noun, query)
    return cache[key]


def _counted(index: Index, noun: str, query: str) -> list[Evidence]:
    stem = folded_stem(fold(noun))
    others = {folded_stem(word) for word in fold(query).split()} - {stem}
    found: dict[str, Evidence] = {}
    for entry, _score in index.fulltext.search(query, limit=CANDIDATES):
        for evidence in entry.evidence:
            quote = evidence.quote
            if any(quote in kept or kept in quote for kept in found):
                continue  # the same words again, longer or shorter
            if _figure(index, quote, stem, others):
                found[quote] = evidence
        if len(found) >= SHOWN:
            break
    return list(found.values())[:SHOWN]


def count_reply(index: Index, noun: str, query: str) -> Reply | None:
    """The figures the articles give, in their own words; None when none does."""
    found = counted(index, noun, query)
    if not found:
        return None
    blocks: list[Block] = [Para(f"Combien {of_word(noun)} ? Ce que disent les articles :", "title")]
    if _EXACT.search(f" {fold(query)} ") and not any(
        _exact_figure(index, evidence.quote, noun) for evidence in found
    ):  # « combien de drones, très exactement ? » of « des centaines de drones »
        blocks.insert(
            0,
            Para(
                f"Les articles ne donnent pas de nombre exact {of_word(noun)}, seulement un ordre "
                "de grandeur :",
                "note",
            ),
        )
    year = _year_none_gives(index, query, found)
    if year:
        blocks.append(Para(f"Ces citations ne donnent pas ce nombre pour {year}.", "note"))
    blocks += [quote_of(index.base, evidence) for evidence in found]
    return Reply(tuple(blocks), _entry_buttons(index, found))


Entry = Event | Agreement | Fact


def entries_by_source(index: Index) -> dict[str, list[Entry]]:
    """Source id → the entries quoting it, in base order (one pass, no text read)."""

    def build() -> dict[str, list[Entry]]:
        table: dict[str, list[Entry]] = {}
        for entry in index.base.entries():
            for source in dict.fromkeys(item.source for item in entry.evidence):
                table.setdefault(source, []).append(entry)
        return table

    return index.memo("detail: entries by source", build)


def entry_positions(index: Index) -> dict[str, int]:
    """Entry id → its rank in the base's order (``FactBase.entries``): a few entries put back
    in that order without walking the whole base (18 ms a count at ×1000)."""

    def build() -> dict[str, int]:
        return {entry.id: rank for rank, entry in enumerate(index.base.entries())}

    return index.memo("entry positions", build)


def _entry_buttons(index: Index, found: list[Evidence]) -> tuple[tuple[Button, ...], ...]:
    """A card button for each dated line whose quotes give the figures shown (at most two):
    a tap beyond the search behind the answer. Only the entries quoting the figures' articles
    are read (every entry of the base was: 85 ms a count at ×1000), put back in base order by
    their ranks."""
    shown = {evidence.quote for evidence in found}
    buttons: list[Button] = []
    table = entries_by_source(index)
    sources = dict.fromkeys(evidence.source for evidence in found)
    near = {entry.id: entry for source in sources for entry in table.get(source, [])}
    positions = entry_positions(index)
    in_base = sorted(near.values(), key=lambda entry: positions[entry.id])  # base order kept
    entries = sorted(in_base, key=lambda entry: not isinstance(entry, Event))
    for entry in entries:  # events first: the occasion the figure is of
        if any(evidence.quote in shown for evidence in entry.evidence):
            button = entry_button(entry)
            if button is not None and button not in buttons:
                buttons.append(button)
        if len(buttons) >= 2:
            break
    return tuple((button,) for button in buttons)


_YEAR = re.compile(r"(?<!\d)(?:18|19|20)\d{2}(?!\d)")


def _year_none_gives(index: Index, query: str, found: list[Evidence]) -> str:
    """The year the question names (« … achetés en 2025 ? ») when none of the ``found``
    quotes says it and no entry holding one of them is dated in it; "" otherwise: the reader
    is told the figures shown are not that year's, never that the articles lack it."""
    years = _YEAR.findall(query)
    if len(years) != 1:
        return ""
    year: str = years[0]
    if any(year in evidence.quote for evidence in found):
        return ""
    quotes = {evidence.quote for evidence in found}
    for entry in index.base.entries():
        span = getattr(entry, "date", None)
        holds = any(evidence.quote in quotes for evidence in entry.evidence)
        if holds and span is not None and span.start.year <= int(year) <= span.end.year:
            return ""
    return year


_BEFORE_NOUN = (
    r"(?:(?:grande?s?|grosses?|gros|petite?s?|principale?s?|principaux|nouveaux|nouvelles?"
    r"|autres?|vraie?s?) )?"
)
"""An adjective that goes before its noun (« combien de grandes menaces »): passed over."""
_ASKS_FIGURE = re.compile(
    r"\b(?:combien (?:de|d)|nombre (?:total )?(?:de|d)|nb(?:re)?(?: (?:de|d))?"
    r"|(?:quel|le) (?:volume|montant|nombre|chiffre|budget|cout|total)(?: total)? (?:de|d|du|des)"
    r"|(?:quelle|la) (?:quantite|somme"
    r"|part) (?:de|d|du|des))\s(?:(?:l|la|le|les) )?" + _BEFORE_NOUN + r"(\w+)"
)
"""« combien de X », « nombre total de X », « nb X », « quel volume de X »: the question asks a
figure of X (an adjective that goes before its noun, « combien de grandes menaces », is
passed over)."""
MOST_SEED_CHECKED = 50
"""Articles read sentence by sentence at most to prove that none gives a figure of a noun;
past that nothing is claimed."""


_ASKS_COUNT = re.compile(
    r"\b(?:combien (?:de|d)|nombre (?:de|d)|nb(?:re)?(?: (?:de|d))?)\s" + _BEFORE_NOUN + r"(\w+)"
)
"""« combien de X », « nombre de X », « nb X »: the question asks how many X."""


def asked_count(folded: str) -> str | None:
    """The noun whose number a folded question asks (« pays » in « nb pays ? »), or None."""
    match = _ASKS_COUNT.search(folded)
    return match.group(1) if match else None


def asked_figure(folded: str) -> str | None:
    """The noun whose figure a folded question asks for (« gaz » in « quel volume de gaz
    … ? »), or None."""
    match = _ASKS_FIGURE.search(folded)
    return match.group(1) if match else None


_MEASURES = {
    "budget": "budget",
    "montant": "montant",
    "volume": "volume",
    "cout": "coût",
    "quantite": "quantité",
    "somme": "somme",
    "part": "part",
}
_MEASURE = re.compile(r"\b(" + "|".join(_MEASURES) + r")\b")


def asked_measure(folded: str) -> str:
    """The figure a folded question asks by name (« budget », « montant », « volume »…), or
    « chiffre » for a count (« combien de », « nombre de »)."""
    match = _MEASURE.search(folded)
    return _MEASURES[match.group(1)] if match else "chiffre"


def figure_in_articles(index: Index, noun: str, about: tuple[str, ...] = ()) -> bool:
    """True unless a full-text search proves that no sentence of any article gives a number
    of ``noun`` (a number at most NEAR words before a word of the same stem); also True when
    too many articles hold the noun to read them all (nothing is then claimed). With
    ``about`` (the subject's rare words: « agile », « spirit »), only the articles holding one
    of them are read: soldiers counted in an article on another war give no number of the
    soldiers at Agile Spirit (a grown base showed it, issue 22, task i22zs)."""
    cache = index.memo("figure in articles", dict[tuple[str, tuple[str, ...]], bool])
    stem = folded_stem(fold(noun))
    key = (stem, about)
    if key not in cache:
        holders = sources_holding(index, stem)
        if about:
            subject = {s for word in about for s in sources_holding(index, folded_stem(word))}
            holders = [source for source in holders if source in subject]
        if len(holders) > MOST_SEED_CHECKED:
            cache[key] = True
        else:
            cache[key] = any(
                _figure(index, sentence, stem, set())
                for source in holders
                for sentence in re.split(r"(?<=[.!?…])\s+|\n+", index.base.seeds[source])
                if stem[:4] in fold(sentence)
            )
    return cache[key]
