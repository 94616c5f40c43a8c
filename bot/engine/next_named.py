"""« Qui s'oppose à ce projet ? » answered by the sentence next to the subject's: never a false
« les phrases de ce sujet ne nomment personne » when the article's next (or previous)
sentence names who (« Moscou et Téhéran sont arqueboutés contre ce projet soutenu par
Washington », right after the sentence on the corridor: issue 22, phone readers of the
eleventh blind set).

The subject's key quotes are found in their article; the sentence right after each, then the
one right before, is read for the countries and organisations of the base it names that the
quote does not. The first that names some is shown, open, with those names said.
"""

from __future__ import annotations

import re

from bot.content.model import Agreement, Event, Fact
from bot.engine.common import actor_name, attribution
from bot.engine.index import Index
from bot.engine.reply import Quote
from bot.engine.whole_clauses import quote_pattern, sentence_bounds
from bot.text import fold

Entry = Event | Agreement | Fact


def _named(index: Index, text: str) -> list[str]:
    """The base's actors whose name (or other name) ``text`` holds, in the order it names them."""
    said = fold(text)
    found: dict[str, int] = {}
    for actor in index.base.actors.values():
        for name in actor.names():  # an id (« US ») only as typed, never « us » in a word
            where = said if len(name) > 2 else text
            key = fold(name) if len(name) > 2 else name
            match = re.search(rf"\b{re.escape(key)}\b", where) if name else None
            if match is not None:
                found[actor.id] = min(found.get(actor.id, match.start()), match.start())
    return sorted(found, key=lambda actor_id: found[actor_id])


def _neighbours(seed: str, start: int, end: int) -> list[tuple[str, str]]:
    """The sentence right after ``seed[start:end]``'s and the one right before, as
    (« suivante » | « précédente », sentence)."""
    begin, stop = sentence_bounds(seed, start, end)
    found: list[tuple[str, str]] = []
    after = len(seed) - len(seed[stop:].lstrip())
    if after < len(seed):
        _, next_stop = sentence_bounds(seed, after, after + 1)
        found.append(("suivante", " ".join(seed[after:next_stop].split())))
    before = len(seed[:begin].rstrip())
    if before > 0:
        previous_begin, _ = sentence_bounds(seed, before - 1, before - 1)
        found.append(("précédente", " ".join(seed[previous_begin:before].split())))
    return [(where, text) for where, text in found if text]


def naming_neighbour(index: Index, entry: Entry) -> tuple[str, str, Quote] | None:
    """(which sentence, the names it adds, the sentence as a quote) for the first sentence
    next to one of ``entry``'s key quotes that names an actor the quote does not; None."""
    for item in entry.evidence:
        if not item.key:
            continue
        seed = index.base.seeds.get(item.source, "")
        pattern = quote_pattern(item.quote) if seed else None
        found = pattern.search(seed) if pattern else None
        if found is None:
            continue
        shown = set(_named(index, item.quote))
        for where, sentence in _neighbours(seed, found.start(), found.end()):
            named = _named(index, sentence)
            if any(a not in shown for a in named):
                added = named
                names = [actor_name(index.base.actors[a]) for a in added]
                said = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " et " + names[-1]
                source = index.base.sources[item.source]
                return where, said, Quote(sentence, attribution(source), item.source, open=True)
    return None
