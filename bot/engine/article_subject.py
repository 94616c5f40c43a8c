"""The actor an article is about: the one its label or title names (« Bakou et Washington »:
the United States; never the home country, which every article is about). Every sentence of
such an article is about it, even one that names it no more (« Sur le plan de la sécurité,
les discussions ont porté sur … »): a « no sentence names X with Y » head reads those
sentences too (issue 22, i22zt)."""

from __future__ import annotations

from bot.content.model import Agreement, Event, Fact
from bot.engine.counting import entries_by_source
from bot.engine.index import Index
from bot.engine.relations import entry_actors
from bot.text import fold

Entry = Event | Agreement | Fact


def about_actors(index: Index, source: str, actor_ids: tuple[str, ...]) -> bool:
    """True when the article ``source`` is about one of ``actor_ids``: its label or title
    names it (a name, an alias or an adjective) and no other actor: all of its sentences are
    about that actor."""
    subject = index.memo("article subjects", lambda: _subjects(index)).get(source, "")
    return bool(subject) and subject in actor_ids


def _subjects(index: Index) -> dict[str, str]:
    """Each article's one subject: the only actor but the home country (which every article
    is about) that its label or title names; none when they name two (« L'Azerbaïdjan, l'OTAN
    et l'OTS » is about neither alone) or none."""
    home = index.base.vocabulary.home
    found: dict[str, str] = {}
    for source, about in index.base.sources.items():
        heading = f"{getattr(about, 'label', '') or ''} {getattr(about, 'title', '') or ''}"
        words = fold(heading).split()
        named = {
            index.names.exact.get(" ".join(words[start : start + size]))
            for start in range(len(words))
            for size in range(1, min(index.names.most_words, len(words) - start) + 1)
        } - {None, home}  # every run of words a name may be: no scan of the names
        if len(named) == 1:
            found[source] = str(next(iter(named)))
    return found


def article_neighbours(index: Index, subject: list[Entry]) -> list[Entry]:
    """The entries but ``subject``'s that quote one of its articles and name every actor its
    entries all name but the home country (« Lukoil livrera 30 000 tonnes … »: « Lukoil cessera de
    fournir du pétrole … ; de là, … vers Novorossiysk »): the rest of what that article says
    of the subject's actor."""
    home = index.base.vocabulary.home
    shared = [set(entry_actors(entry)) - {home} for entry in subject]
    actors = set.intersection(*shared) if shared else set()
    if not actors:
        return []
    own = {entry.id for entry in subject}
    sources = dict.fromkeys(item.source for entry in subject for item in entry.evidence)
    table = entries_by_source(index)
    found = {
        entry.id: entry
        for source in sources
        for entry in table.get(source, [])
        if entry.id not in own and actors <= set(entry_actors(entry))
    }
    return list(found.values())
