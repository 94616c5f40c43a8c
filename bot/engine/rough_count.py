"""« Combien de drones … ? » answered by « des centaines de drones »: said first to be no count
(issue 22, phone readers of the eleventh blind set: an order of size shown under « Combien ? »
read as the number asked).

When a how-many question's counted noun (« combien de drones », « le nombre de pays ») is
given by the reply's quotes only as an order of size (« des centaines de », « plus de 80 »,
``counting.exact_figure``), the reply says « Les articles ne donnent pas de nombre exact de
drones, seulement un ordre de grandeur : » over them, right under its « Compris » line. A
quote with an exact figure, or no figure of that noun at all, changes nothing. When the
question names a country (« combien de drones israéliens ? ») and the sentence gives the
order of size for it and others together (« matériels israéliens et turcs, … des centaines
de drones »), the note says so (« qui le donne pour Israël et Turquie ensemble ») — never
read as the count of the one asked (issue 22, a fidelity reader of the twelfth blind set).
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.engine.counting import exact_figure, gives_figure
from bot.engine.index import Index
from bot.engine.own_evidence import names_any
from bot.engine.reply import Para, Quote, Reply
from bot.text import fold

_COUNTED = re.compile(r"\b(?:combien|nombre|nb)\s+(?:de|d')\s*([a-z]{3,})")
ROUGH = "Les articles ne donnent pas de nombre exact de"


def counted_noun(question: str) -> str:
    """The noun a how-many question counts (« drones »), folded; "" when it counts none."""
    found = _COUNTED.search(fold(question).replace("’", "'"))
    return found.group(1) if found else ""


def with_rough_count(index: Index, reply: Reply, question: str) -> Reply:
    """``reply`` opening on « … pas de nombre exact de X, seulement un ordre de grandeur : »
    when its quotes give the counted X only roughly."""
    noun = counted_noun(question)
    if not noun or any(isinstance(b, Para) and ROUGH in b.text for b in reply.blocks):
        return reply
    quotes = [b.text for b in reply.blocks if isinstance(b, Quote)]
    giving = [quote for quote in quotes if gives_figure(index, quote, noun)]
    if not giving or any(exact_figure(index, quote, noun) for quote in giving):
        return reply
    said = f"{ROUGH} {noun}, seulement un ordre de grandeur, dans la citation ci-dessous :"
    if len(giving) > 1:
        said = f"{ROUGH} {noun}, seulement des ordres de grandeur, dans les citations ci-dessous :"
    together = _together(index, question, giving)
    if together:
        said = said.removesuffix(" :") + f", qui le donne pour {together} ensemble :"
    blocks = list(reply.blocks)
    first = blocks[0] if blocks else None  # under the « Compris » line, over all else
    at = 1 if isinstance(first, Para) and first.text.startswith(("Compris", "Non :")) else 0
    blocks.insert(at, Para(said, "note"))
    return replace(reply, blocks=tuple(blocks))


def _together(index: Index, question: str, giving: list[str]) -> str:
    """« Israël et Turquie » when the question names Israël and a sentence giving the figure
    joins it to another country by « et » (« matériels israéliens et turcs »); "" else (the
    base's home country never counts)."""
    base = index.base
    home = base.vocabulary.home
    countries = [a for a in base.actors.values() if a.flag and a.id != home]
    asked = [a for a in countries if names_any(base, (a.id,), question)]
    if not asked:
        return ""
    for quote in giving:
        for pair in _PAIR.finditer(quote):
            named = [
                a
                for word in (pair.group(1), pair.group(2))
                for a in countries
                if names_any(base, (a.id,), word)
            ]
            if len(named) == 2 and any(a in named for a in asked):
                return f"{named[0].name} et {named[1].name}"
    return ""


_ARTICLE = r"(?:l'|le |la |les |d'|de |des )?"
_PAIR = re.compile(rf"\b{_ARTICLE}([A-Za-zÀ-ÿ]{{4,}}) et {_ARTICLE}([A-Za-zÀ-ÿ]{{4,}})\b")
"""Two words joined by « et » (« israéliens et turcs », « la France et l'Allemagne »)."""
