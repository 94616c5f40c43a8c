"""What a chat may follow (/suivre), which new entries match, and the alert they get. Pure.

A subscription is stored as a canonical id, never as the user's words: ``acteur:<id>`` for a
country or an organisation, ``theme:<id>`` for a topic of the vocabulary. An entry (event or
agreement) matches ``acteur:X`` when X is among its actors — for an agreement its parties,
mediators and related actors — and ``theme:T`` when T is among its topics.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz, process

from bot.content.model import Agreement, Event
from bot.engine import routes
from bot.engine.common import actor_name, claim, entry_text, key_quotes, when
from bot.engine.index import Dated, Index
from bot.engine.reply import Block, Button, Item, Para, Reply
from bot.engine.seedtext import seed_holds
from bot.push.compose import announceable, entry_id
from bot.text import fold
from bot.text import short_label as shorten

ACTOR = "acteur"
TOPIC = "theme"
MAX_PER_ALERT = 10
"""Entries in one alert message; more new entries for one chat make several alerts."""
TOPIC_CUTOFF = 85.0
"""Fuzzy score a topic name needs (« cybersecurite » for « cybersécurité »)."""


@dataclass(frozen=True, slots=True)
class Unknown:
    """The words name nothing one can follow; ``message`` says why and what would work."""

    message: str


def target_of_actor(actor_id: str) -> str:
    return f"{ACTOR}:{actor_id}"


def resolve(index: Index, text: str) -> str | Unknown:
    """The canonical id ``text`` names (an actor first, then a topic), or why none."""
    words = " ".join(text.split())
    if not words:
        return Unknown(
            "Précisez ce que vous voulez suivre : un pays (/suivre Turquie), une organisation "
            "(/suivre OTAN) ou un thème (/suivre cybersécurité)."
        )
    match = index.names.find_actor(words)
    if match is not None:
        return target_of_actor(match.actor.id)
    topic = index.names.find_topic(words) or _fuzzy_topic(index, words)
    if topic is not None:
        return f"{TOPIC}:{topic}"
    if index.names.is_other_country(words) and not seed_holds(index, words):
        return Unknown(
            f"« {words[:60]} » n'est cité dans aucun des articles : il n'y aura rien à "
            "signaler. /pays donne la liste des pays cités."
        )
    suggestions = [actor_name(actor) for actor in index.names.suggest_actors(words)]
    hint = f" Vouliez-vous dire : {', '.join(suggestions)} ?" if suggestions else ""
    topics = ", ".join(index.topic_labels.values())
    return Unknown(
        f"Je ne connais ni pays, ni organisation, ni thème « {words[:60]} ».{hint} "
        f"Thèmes possibles : {topics}."
    )


def _fuzzy_topic(index: Index, words: str) -> str | None:
    key = fold(words)
    if len(key) < 4:
        return None
    names = {fold(name): topic for topic, name in _topic_names(index)}
    best = process.extractOne(key, list(names), scorer=fuzz.ratio, score_cutoff=TOPIC_CUTOFF)
    return None if best is None else names[best[0]]


def _topic_names(index: Index) -> list[tuple[str, str]]:
    return [
        (term.id, name)
        for term in index.base.vocabulary.topics
        for name in (term.id, term.label, *term.aliases)
    ]


def is_known(index: Index, target: str) -> bool:
    """True when ``target`` is a canonical id of the current base."""
    kind, _, key = target.partition(":")
    if kind == ACTOR:
        return key in index.base.actors
    return kind == TOPIC and key in index.topic_labels


def label(index: Index, target: str) -> str:
    """What the chat follows, in French: « 🇹🇷 Turquie », « le thème « défense » »."""
    kind, _, key = target.partition(":")
    if kind == ACTOR and key in index.base.actors:
        return actor_name(index.base.actors[key])
    if kind == TOPIC and key in index.topic_labels:
        return f"le thème « {index.topic_labels[key]} »"
    return f"{key} (absent de la base actuelle)"


def short_label(index: Index, target: str, limit: int = 30) -> str:
    """A label short enough for a button."""
    kind, _, key = target.partition(":")
    text = index.topic_labels.get(key, key) if kind == TOPIC else label(index, target)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _actors(item: Dated | Agreement) -> tuple[str, ...]:
    if isinstance(item, Agreement):
        return (*item.parties, *item.mediators, *item.related)
    return item.actors


def targets_of(item: Dated | Agreement) -> frozenset[str]:
    """Every canonical id that an entry matches."""
    topics = item.topics
    return frozenset(
        [target_of_actor(actor) for actor in _actors(item)] + [f"{TOPIC}:{t}" for t in topics]
    )


def candidates(index: Index) -> dict[str, frozenset[str]]:
    """Every entry an alert may announce, chronologically, with the ids it matches."""
    return {entry_id(item): targets_of(item) for item in announceable(index)}


def channel_offers(index: Index, entries: list[str], limit: int = 3) -> list[str]:
    """What a channel post about ``entries`` offers to follow: their actors, Azerbaijan aside
    (every entry is about it), in order, at most ``limit``."""
    found: dict[str, None] = {}
    for key in entries:
        entry = _entry(index, key)
        if entry is None:
            continue
        actors = (
            (*entry.parties, *entry.mediators, *entry.related)
            if isinstance(entry, Agreement)
            else entry.actors
        )
        for actor in actors:
            if actor != index.base.vocabulary.home and actor in index.base.actors:
                found.setdefault(target_of_actor(actor))
    return list(found)[:limit]


def _entry(index: Index, key: str) -> Event | Agreement | None:
    found = index.entries.get(key)
    return found if isinstance(found, Event | Agreement) else None


def alert_reply(index: Index, entries: list[str], followed: list[str]) -> Reply:
    """The alert for one chat: what it follows, then each new entry dated with its basis,
    its key quotes and its sources. Entries no longer in the base are left out."""
    found = [entry for entry in (_entry(index, key) for key in entries) if entry is not None]
    names = ", ".join(label(index, target) for target in followed)
    title = "🔔 Nouveau dans la base" if len(found) == 1 else f"🔔 {len(found)} nouveaux faits"
    blocks: list[Block] = [Para(f"{title} — vous suivez {names}", "title")]
    for entry in found:  # each quote's source is named in the message's footer
        blocks.append(Item(when(index.base, entry), entry_text(index.base, entry)))
        blocks.extend(key_quotes(index.base, entry))
    blocks.append(Para("/suivis pour gérer vos abonnements.", "note"))
    return Reply(tuple(blocks), alert_buttons(index, entries))


def alert_buttons(index: Index, entries: list[str]) -> tuple[tuple[Button, ...], ...]:
    """One button per entry, to its full card (two per row)."""
    buttons: list[Button] = []
    for key in entries:
        entry = _entry(index, key)
        if entry is None:
            continue
        route = routes.AGREEMENT if isinstance(entry, Agreement) else routes.EVENT
        data = route.build_or_none(key)
        if data is None:  # cannot fit Telegram's limit: no button rather than a cut one
            continue
        buttons.append(Button(alert_button_label(entry), data))
    return tuple((button,) for button in buttons)


def alert_button_label(entry: Event | Agreement) -> str:
    """« Fiche : » and what the entry is (an agreement's title, an event's claim), shortened
    keeping its modality: never a bare date (« en novembre ») nor « fait »."""
    name = entry.title if isinstance(entry, Agreement) else claim(entry)
    return f"Fiche : {shorten(name, ALERT_LABEL)}"


ALERT_LABEL = 40
"""Characters of an alert button's name (one button a row, so it reads on a phone)."""


def matches(
    new: list[str], targets: dict[str, frozenset[str]], followed: set[str]
) -> tuple[list[str], list[str]]:
    """The new entries a chat following ``followed`` gets, and which of its ids matched."""
    entries = [key for key in new if targets.get(key, frozenset()) & followed]
    hit = sorted({t for key in entries for t in targets[key] & followed})
    return entries, hit
