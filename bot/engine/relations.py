"""How each country the base names relates to Azerbaijan, derived from the entries. Pure.

Five categories, each backed by entries that carry quotes:

- ``accord``: an agreement the article says was signed or joined (act ``signe`` or
  ``adhesion``) with Azerbaijan and the country among its parties (not as mediator);
- ``organisation``: Azerbaijan and the country both members of one organisation, by the
  organisation's ``members`` or by an adhesion agreement naming it;
- ``mediateur``: the country mediates an agreement Azerbaijan is a party to;
- ``menace``: a constat about a threat (« menace » in its summary and key quotes) whose subject
  (its first actor) is the country, named in those key quotes;
- ``mention``: any other entry naming the country.

A country gets the first category of this order on the map; the caption lists all of them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from bot.content.model import Actor, Agreement, Event, Fact
from bot.engine.common import party_role
from bot.engine.filters import TimelineFilter
from bot.engine.index import Entry, Index
from bot.text import fold

CATEGORIES: tuple[tuple[str, str], ...] = (
    ("accord", "Accord signé ou approuvé"),
    ("organisation", "Membre d'une organisation commune"),
    ("mediateur", "Médiateur d'un accord de l'Azerbaïdjan"),
    ("menace", "Menace selon un article"),
    ("mention", "Autre mention"),
)
"""Category ids and their French legend, in order of precedence."""
SIGNED_ACTS = frozenset({"signe", "adhesion"})


@dataclass(frozen=True, slots=True)
class Relation:
    """One country, its categories (precedence order) and the entries backing them."""

    code: str
    name: str
    categories: tuple[str, ...]
    entries: tuple[str, ...]
    first: tuple[tuple[str, str], ...] = ()
    """(category, the first entry or organisation id backing it), for each category."""
    backing: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """(category, every entry or organisation id backing it), for each category."""

    @property
    def main(self) -> str:
        """The category the map colours the country with."""
        return self.categories[0]


def entry_actors(entry: Entry) -> tuple[str, ...]:
    """Every actor an entry names: actors, or an agreement's parties, mediators and related."""
    if isinstance(entry, Agreement):
        return (*entry.parties, *entry.mediators, *entry.related)
    return entry.actors


def kept(entry: Entry, wanted: TimelineFilter) -> bool:
    """True when the entry matches the filter; an undated entry fails any date condition."""
    if wanted.start or wanted.end:
        span = None if isinstance(entry, Fact) else entry.date
        if span is None:
            return False
        low = wanted.start or span.start
        high = wanted.end or span.end
        if not (span.start <= high and low <= span.end):
            return False
    actors = entry_actors(entry)
    return all(topic in entry.topics for topic in wanted.topics) and all(
        actor in actors for actor in wanted.actors
    )


def named_in(actor: Actor, texts: Iterable[str], demonyms: bool = True) -> bool:
    """True when one of the actor's names (or, with ``demonyms``, its adjectives) appears in
    ``texts`` (folded words)."""
    haystack = f" {' '.join(fold(text) for text in texts)} "
    forms = (*actor.names(), *actor.demonyms) if demonyms else actor.names()
    return any(f" {fold(name)} " in haystack for name in forms if len(fold(name)) > 2)


def _threat_subject(index: Index, fact: Fact) -> str | None:
    """The country a threat constat is about, when the data says so plainly."""
    quotes = [evidence.quote for evidence in fact.key_evidence()]
    if "menace" not in fold(fact.summary) or not any("menace" in fold(q) for q in quotes):
        return None
    subject = index.base.actors.get(fact.actors[0])
    if subject is None or not subject.is_country or subject.id == index.base.vocabulary.home:
        return None
    # the state itself must be named: « la population arménienne » is not Armenia
    return subject.id if named_in(subject, quotes, demonyms=False) else None


def _organisations_of(
    index: Index, actor_id: str, entries: list[Entry], undated: bool
) -> dict[str, str]:
    """Organisation id → the entry (or actor) backing the membership of ``actor_id``.

    An organisation's ``members`` list is undated and unthemed: it counts only when
    ``undated`` (no filter asked).
    """
    found: dict[str, str] = {}
    for other in index.base.actors.values():
        if undated and not other.is_country and actor_id in other.members and other.evidence:
            found.setdefault(other.id, other.id)
    for entry in entries:
        if isinstance(entry, Agreement) and entry.act == "adhesion" and actor_id in entry.parties:
            for org in (*entry.parties, *entry.related):
                actor = index.base.actors.get(org)
                if actor is not None and not actor.is_country:
                    found.setdefault(org, entry.id)
    return found


def relations(index: Index, wanted: TimelineFilter) -> list[Relation]:
    """Every country other than Azerbaijan the kept entries name, with its categories."""
    base = index.base
    home = base.vocabulary.home  # the country every relation is about
    entries = [entry for entry in base.entries() if kept(entry, wanted)]
    found: dict[str, dict[str, list[str]]] = {}

    def add(code: str, category: str, backing: str) -> None:
        actor = base.actors.get(code)
        if actor is None or not actor.is_country or code == home:
            return
        found.setdefault(code, {}).setdefault(category, [])
        if backing not in found[code][category]:
            found[code][category].append(backing)

    for entry in entries:
        if isinstance(entry, Agreement) and home in entry.parties:
            for party in entry.parties:
                role = party_role(entry, party)
                if entry.act in SIGNED_ACTS and role != "médiateur":
                    add(party, "accord", entry.id)
            for mediator in entry.mediators:
                add(mediator, "mediateur", entry.id)
        if isinstance(entry, Fact) and (subject := _threat_subject(index, entry)):
            add(subject, "menace", entry.id)
    undated = wanted.is_empty()
    home_orgs = _organisations_of(index, home, entries, undated)
    if home_orgs:
        for code, actor in base.actors.items():
            if actor.is_country and code != home:
                for org, through in _organisations_of(index, code, entries, undated).items():
                    if org in home_orgs:
                        add(code, "organisation", through)
    for entry in entries:
        for code in entry_actors(entry):
            add(code, "mention", entry.id)
    order = [category for category, _ in CATEGORIES]
    result = []
    for code, held in found.items():
        named = [name for name in order if name in held]
        if len(named) > 1 and "mention" in named:
            named.remove("mention")
        backing = [entry_id for name in named for entry_id in held[name]]
        firsts = tuple((name, held[name][0]) for name in named)
        every = tuple((name, tuple(held[name])) for name in named)
        result.append(
            Relation(
                code,
                base.actors[code].name,
                tuple(named),
                tuple(dict.fromkeys(backing)),
                firsts,
                every,
            )
        )
    return sorted(result, key=lambda r: (order.index(r.main), fold(r.name)))


def backing_entries(index: Index, found: list[Relation]) -> list[Event | Agreement | Fact]:
    """The entries behind the relations (actors' own evidence left aside)."""
    ids = dict.fromkeys(entry_id for relation in found for entry_id in relation.entries)
    return [index.entries[entry_id] for entry_id in ids if entry_id in index.entries]
