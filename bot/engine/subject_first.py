"""The actor a question names goes first: « Avec la Turquie, ils ont signé quelque chose
récemment — un traité d'alliance ? » opens on an entry about Turkey, never on one that only
shares its common words (« quelque », « récemment ») when an entry about Turkey was found.

The base's home country (every article is about it) names no subject. An entry holds an
actor when the sentence shown for it, or its line, names the actor by a name, an alias or an
adjective, or when it is an agreement the actor is a party to (its card says so).
"""

from __future__ import annotations

from bot.content.model import Agreement, Event, Fact
from bot.engine.french import LIGHT_WORDS, folded_stem, is_stop
from bot.engine.index import Index
from bot.engine.own_evidence import names_any, subjects
from bot.text import fold

Entry = Event | Agreement | Fact


def named_actors(index: Index, query: str) -> tuple[str, ...]:
    """The actors but the home country that ``query`` names by a whole name or alias, in
    the base's order. An adjective (« le pétrole russe ») qualifies a thing: it names no
    subject, unless it names a side (« côté russe, qui a commenté … ? »: Russia's side is the
    subject)."""
    words = fold(query).split()
    table = index.memo("subject names", lambda: _subject_names(index))
    found: dict[str, None] = dict.fromkeys(side_actors(index, query))
    for size in range(1, MOST_WORDS + 1):
        for start in range(len(words) - size + 1):
            actor_id = table.get(" ".join(words[start : start + size]))
            if actor_id is not None:
                found[actor_id] = None
    return tuple(found)


def side_actors(index: Index, query: str) -> tuple[str, ...]:
    """The actors ``query`` names as a side (« côté russe », « du côté des Turcs », « côté
    US »): who spoke or acted for it is asked, so an entry that never names it answers
    nothing (the home country is no side: every entry is about it)."""
    words = fold(query).split()
    home = index.base.vocabulary.home
    found: dict[str, None] = {}
    for at, word in enumerate(words[:-1]):
        if word != "cote":
            continue
        after = words[at + 2] if at + 2 < len(words) else ""
        for name in (words[at + 1], after if words[at + 1] in ("des", "de", "du") else ""):
            match = index.names.find_actor(name) if len(name) >= 2 and not is_stop(name) else None
            if match is not None and match.exact and match.actor.id != home:
                found[match.actor.id] = None
    return tuple(found)


MOST_WORDS = 6
"""Longest name, in words, looked up in a query (« République du Daghestan »)."""


def _subject_names(index: Index) -> dict[str, str]:
    """Each folded name or alias (two letters or more) of an actor but the home country; a
    stop word (« il », Israel's code) is no name in a sentence."""
    home = index.base.vocabulary.home
    table: dict[str, str] = {}
    for actor in index.base.actors.values():
        if actor.id == home:
            continue
        for name in map(fold, actor.names()):
            if len(name) >= 2 and len(name.split()) <= MOST_WORDS and not is_stop(name):
                table.setdefault(name, actor.id)
    return table


def holds_actor(
    index: Index, entry: Entry, sentence: str, line: str, actors: tuple[str, ...]
) -> bool:
    """True when ``sentence`` or ``line`` (what the reader sees of ``entry``) names one of
    ``actors``; an entry filed under the actor whose shown sentence and line never name it
    (« ne satisfont pas une partie importante de la population arménienne » for Iran) does not
    show the reader its subject."""
    if not actors:
        return True
    home = index.base.vocabulary.home
    shown = sentence if isinstance(entry, Fact) else f"{sentence} {line}"  # a context
    # entry shows its quote alone, never its line
    if names_any(index.base, actors, shown):
        return True  # « le pays », « les deux pays »: the line names whom the entry is about
    return isinstance(entry, Agreement) and any(a in actors for a in subjects(entry, home))


AGREEMENT_WORDS = ("accord", "traite", "memorandum", "pacte", "entente", "contrat")
"""Folded words by which a question asks an agreement: an agreement entry answers them."""


def ties_asked(index: Index, entry: Entry, shown: str, query: str, actors: tuple[str, ...]) -> bool:
    """True when ``entry``, about one of ``actors``, holds more of ``query`` than the actor:
    a content word of the question in ``shown`` (its sentence and line; a name, a number or
    an adverb of time does not count), or an agreement word asked of an agreement the actor
    is a party to (« quel accord avec Ankara ? » answered by their memorandum)."""
    words = [w for w in fold(query).split() if not is_stop(w) and not w.isdigit()]
    names = set(_subject_names(index)) | {fold(index.base.actors[a].name) for a in actors}
    if isinstance(entry, Agreement) and any(w.startswith(AGREEMENT_WORDS) for w in words):
        return True
    held = {folded_stem(w) for w in fold(shown).split()}
    return any(
        folded_stem(w) in held
        for w in words
        if w not in names and w not in LIGHT_WORDS and len(w) > 3
    )
