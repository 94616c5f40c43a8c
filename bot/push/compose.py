"""Posts made for a channel: a headline, dated bullets, the key quote, the sources. Pure."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from bot.content.model import Agreement, Event, Evidence, Source
from bot.dates import parse_date
from bot.engine.common import actor_name, attribution, entry_date, names
from bot.engine.filters import FilterProblem, TimelineFilter, parse_filter
from bot.engine.index import Dated, Index
from bot.engine.reply import Block, Item, Para, Quote, Reply
from bot.engine.timeline import describe, select

GROUP_AFTER = 3
"""More new entries than this are announced as one digest instead of one post each."""


@dataclass(frozen=True, slots=True)
class Post:
    """A channel post and the entries it announces (empty for a plain publication)."""

    reply: Reply
    entries: tuple[str, ...] = ()


class NothingToPostError(Exception):
    """The request names nothing to publish; the message says why, in French."""


def _sources(index: Index, evidence: list[Evidence]) -> Para:
    seen: dict[str, Source] = {}
    for item in evidence:
        seen.setdefault(item.source, index.base.sources[item.source])
    return Para("Sources : " + " ; ".join(attribution(s) for s in seen.values()), "note")


def _line(entry: Event | Agreement) -> Item:
    text = entry.summary if isinstance(entry, Event) else f"{entry.title} ({entry.scope})"
    return Item(entry_date(entry), text)


def _dated_post(index: Index, headline: str, items: list[Dated]) -> Reply:
    evidence = [e for item in items for e in item.entry.evidence]
    key = items[-1].entry.evidence[0]
    blocks: list[Block] = [Para(headline, "title")]
    blocks.extend(_line(item.entry) for item in items)
    blocks.append(Quote(key.quote, attribution(index.base.sources[key.source])))
    blocks.append(_sources(index, evidence))
    return Reply(tuple(blocks))


def timeline_post(index: Index, argument: str) -> Post:
    """The timeline (filtered) as one channel post."""
    parsed = parse_filter(index, argument)
    if isinstance(parsed, FilterProblem):
        raise NothingToPostError(f"filtre incompris : {', '.join(parsed.unknown)}")
    items = select(index, parsed)
    if not items:
        raise NothingToPostError("aucun événement ne correspond à ce filtre")
    label = describe(index, parsed) if not parsed.is_empty() else "vue d'ensemble"
    return Post(_dated_post(index, f"🗓 Chronologie — {label}", items))


def country_post(index: Index, argument: str) -> Post:
    """An actor's summary: its role, its dated facts, its key quote."""
    match = index.find_actor(argument)
    if match is None:
        raise NothingToPostError(f"« {argument} » ne désigne aucun pays ni organisation connus")
    actor = match.actor
    items = select(index, TimelineFilter(actors=(actor.id,)))
    blocks: list[Block] = [Para(f"{actor_name(actor)} et l'Azerbaïdjan", "title")]
    if actor.role:
        blocks.append(Para(actor.role))
    blocks.extend(_line(item.entry) for item in items)
    evidence = list(actor.evidence) + [e for item in items for e in item.entry.evidence]
    if not evidence:
        raise NothingToPostError(f"aucun fait cité pour {actor.name}")
    key = evidence[0]
    blocks.append(Quote(key.quote, attribution(index.base.sources[key.source])))
    blocks.append(_sources(index, evidence))
    return Post(Reply(tuple(blocks)))


def agreement_post(index: Index, argument: str) -> Post:
    """One agreement (or those matching a term) as a post."""
    found = index.find_agreements(argument)
    if not found:
        raise NothingToPostError(f"aucun accord ne correspond à « {argument} »")
    statuses = {term.id: term.label for term in index.base.vocabulary.statuses}
    headline = f"🤝 {found[0].title}" if len(found) == 1 else f"🤝 Accords — {argument or 'tous'}"
    blocks: list[Block] = [Para(headline, "title")]
    for agreement in found:
        parties = names(index.base, agreement.parties) or agreement.parties_note or ""
        status = statuses.get(agreement.status, agreement.status)
        period = f", période {agreement.period.label()}" if agreement.period else ""
        blocks.append(
            Item(entry_date(agreement), f"{agreement.title} — {parties} — {status}{period}")
        )
    key = found[0].evidence[0]
    blocks.append(Quote(key.quote, attribution(index.base.sources[key.source])))
    blocks.append(_sources(index, [e for a in found for e in a.evidence]))
    return Post(Reply(tuple(blocks)))


def announceable(index: Index) -> list[Dated | Agreement]:
    """Every event and agreement, chronologically (undated agreements last)."""
    dated: list[Dated | Agreement] = list(index.dated)
    dated += [a for a in index.base.agreements if a.signed is None]
    return dated


def entry_id(item: Dated | Agreement) -> str:
    """The id of an announceable item."""
    return item.id if isinstance(item, Agreement) else item.entry.id


def announcement_posts(index: Index, announced: set[str]) -> list[Post]:
    """New entries as posts: one each when few, one digest when many. Chronological."""
    new = [item for item in announceable(index) if entry_id(item) not in announced]
    if not new:
        return []

    def entry(item: Dated | Agreement) -> Event | Agreement:
        return item if isinstance(item, Agreement) else item.entry

    if len(new) > GROUP_AFTER:
        blocks: list[Block] = [Para(f"🆕 {len(new)} nouveaux faits dans la base", "title")]
        blocks.extend(_line(entry(item)) for item in new)
        key = entry(new[-1]).evidence[0]
        blocks.append(Quote(key.quote, attribution(index.base.sources[key.source])))
        blocks.append(_sources(index, [e for item in new for e in entry(item).evidence]))
        return [Post(Reply(tuple(blocks)), tuple(entry_id(item) for item in new))]
    posts = []
    for item in new:
        current = entry(item)
        evidence = current.evidence[0]
        blocks = [
            Para("🆕 Nouveau dans la base", "title"),
            _line(current),
            Quote(evidence.quote, attribution(index.base.sources[evidence.source])),
            _sources(index, list(current.evidence)),
        ]
        posts.append(Post(Reply(tuple(blocks)), (entry_id(item),)))
    return posts


def digest_post(index: Index, today: date, announced: set[str]) -> Post | None:
    """The scheduled digest: the past week, the month ahead, and anything not yet announced."""
    window = select(index, TimelineFilter(today - timedelta(days=7), today + timedelta(days=30)))
    pending = [item for item in announceable(index) if entry_id(item) not in announced]
    if not window and not pending:
        return None
    blocks: list[Block] = [Para(f"📌 Le point du {date_label(today)}", "title")]
    evidence: list[Evidence] = []
    if window:
        blocks.append(Para("Cette semaine et le mois à venir :"))
        blocks.extend(_line(item.entry) for item in window)
        evidence += [e for item in window for e in item.entry.evidence]
    fresh: list[Event | Agreement] = [
        item if isinstance(item, Agreement) else item.entry for item in pending
    ]
    if fresh:
        blocks.append(Para("Nouveau dans la base :"))
        blocks.extend(_line(item) for item in fresh)
        evidence += [e for item in fresh for e in item.evidence]
    key = evidence[-1]
    blocks.append(Quote(key.quote, attribution(index.base.sources[key.source])))
    blocks.append(_sources(index, evidence))
    return Post(Reply(tuple(blocks)), tuple(entry_id(item) for item in pending))


def date_label(day: date) -> str:
    """A day in French: "24 novembre 2025"."""
    return parse_date(day.isoformat()).label()


def compose(index: Index, request: str, today: date, announced: set[str]) -> Post:
    """ "/publier <quoi>" → the post: timeline [filtre], pays <nom>, accord <terme>, nouveautés."""
    kind, _, argument = request.strip().partition(" ")
    kind = kind.lower()
    argument = argument.strip()
    if kind in ("timeline", "chronologie"):
        return timeline_post(index, argument)
    if kind in ("pays", "org"):
        if not argument:
            raise NothingToPostError(f"précisez un nom : {kind} Turquie")
        return country_post(index, argument)
    if kind in ("accord", "accords"):
        return agreement_post(index, argument)
    if kind in ("nouveautés", "nouveautes", "nouveaux"):
        posts = announcement_posts(index, announced)
        if not posts:
            raise NothingToPostError("aucun fait nouveau depuis la dernière annonce")
        if len(posts) == 1:
            return posts[0]
        blocks: list[Block] = []
        entries: list[str] = []
        for post in posts:
            blocks.extend(post.reply.blocks)
            entries.extend(post.entries)
        return Post(Reply(tuple(blocks)), tuple(entries))
    if kind in ("digest", "point"):
        digest = digest_post(index, today, announced)
        if digest is None:
            raise NothingToPostError("rien à signaler pour ce point")
        return digest
    raise NothingToPostError(
        "à publier : timeline [filtre], pays <nom>, accord <terme>, nouveautés ou digest"
    )
