"""Posts made for a channel: a headline, dated bullets, the key quote, the sources. Pure."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from bot.content.model import Agreement, Event
from bot.dates import parse_date
from bot.engine.common import (
    MAX_ARGUMENT,
    actor_name,
    clean_argument,
    entry_text,
    key_quotes,
    parties_text,
    quote_of,
    when,
)
from bot.engine.filters import FilterProblem, TimelineFilter, parse_filter
from bot.engine.index import Dated, Index
from bot.engine.reply import Block, Item, Para, Reply
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


def _line(index: Index, entry: Event | Agreement) -> list[Block]:
    """A dated line and the quotes its claim rests on (never a claim without its quotes)."""
    blocks: list[Block] = [Item(when(index.base, entry), entry_text(index.base, entry))]
    blocks.extend(key_quotes(index.base, entry))
    return blocks


def _lines(index: Index, entries: list[Event | Agreement]) -> list[Block]:
    return [block for entry in entries for block in _line(index, entry)]


def _dated_post(index: Index, headline: str, entries: list[Event | Agreement]) -> Reply:
    blocks: list[Block] = [Para(headline, "title")]
    blocks.extend(_lines(index, entries))
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
    return Post(_dated_post(index, f"🗓 Chronologie — {label}", [item.entry for item in items]))


def country_post(index: Index, argument: str) -> Post:
    """An actor's summary: its role with its quotes, then its dated facts with theirs."""
    match = index.names.find_actor(argument)
    if match is None:
        raise NothingToPostError(f"« {argument} » ne désigne aucun pays ni organisation connus")
    actor = match.actor
    entries = [item.entry for item in select(index, TimelineFilter(actors=(actor.id,)))]
    if not actor.role and not entries:
        raise NothingToPostError(f"aucun fait cité pour {actor.name}")
    headline = (
        f"{actor_name(actor)} : ses partenariats de sécurité et de défense"
        if actor.id == index.base.vocabulary.home  # its own post is not « X et l'Azerbaïdjan »
        else f"{actor_name(actor)} et l'Azerbaïdjan"
    )
    blocks: list[Block] = [Para(headline, "title")]
    if actor.role:
        blocks.append(Para(actor.role))
        blocks.extend(quote_of(index.base, evidence) for evidence in actor.evidence)
    blocks.extend(_lines(index, entries))
    return Post(Reply(tuple(blocks)))


def agreement_post(index: Index, argument: str) -> Post:
    """One agreement (or those matching a term) as a post."""
    found = index.find_agreements(argument)
    if not found:
        raise NothingToPostError(f"aucun accord ne correspond à « {argument} »")
    headline = f"🤝 {found[0].title}" if len(found) == 1 else f"🤝 Accords — {argument or 'tous'}"
    blocks: list[Block] = [Para(headline, "title")]
    for agreement in found:
        period = f" Période : {agreement.period.label()}." if agreement.period else ""
        blocks.append(
            Item(
                when(index.base, agreement),
                f"{entry_text(index.base, agreement)} Parties : "
                f"{parties_text(index.base, agreement)}.{period}",
            )
        )
        blocks.extend(key_quotes(index.base, agreement))
    return Post(Reply(tuple(blocks)))


def announceable(index: Index) -> list[Dated | Agreement]:
    """Every event and agreement, chronologically (undated agreements last)."""
    dated: list[Dated | Agreement] = list(index.timeline.dated)
    dated += [a for a in index.base.agreements if a.date is None]
    return dated


def entry_id(item: Dated | Agreement) -> str:
    """The id of an announceable item."""
    return item.id if isinstance(item, Agreement) else item.entry.id


def _entry(item: Dated | Agreement) -> Event | Agreement:
    return item if isinstance(item, Agreement) else item.entry


def announcement_posts(index: Index, announced: set[str]) -> list[Post]:
    """New entries as posts: one each when few, one digest when many. Chronological."""
    new = [item for item in announceable(index) if entry_id(item) not in announced]
    if not new:
        return []
    if len(new) > GROUP_AFTER:
        entries = [_entry(item) for item in new]
        blocks: list[Block] = [Para(f"🆕 {len(new)} nouveaux faits dans la base", "title")]
        blocks.extend(_lines(index, entries))
        return [Post(Reply(tuple(blocks)), tuple(entry_id(item) for item in new))]
    posts = []
    for item in new:
        current = _entry(item)
        blocks = [Para("🆕 Nouveau dans la base", "title"), *_line(index, current)]
        posts.append(Post(Reply(tuple(blocks)), (entry_id(item),)))
    return posts


LONGEST_HAPPENING = 31
"""A span longer than this many days (a year, a season) never « happens this week »."""


def _happens_in_window(item: Dated) -> bool:
    """Short, dated, not a proposal nor a forecast: something that did happen on those days."""
    entry = item.entry
    if item.span.open or (item.span.end - item.span.start).days >= LONGEST_HAPPENING:
        return False
    if entry.tense in ("futur", "conditionnel"):
        return False
    return not (isinstance(entry, Event) and entry.type == "proposition")


def digest_post(index: Index, today: date, announced: set[str]) -> Post | None:
    """The scheduled digest: the past week and month ahead, and anything not yet announced.

    Only entries dated to a short span count as « cette semaine et le mois à venir »; a
    year, a season, a proposal or a forecast is never presented as happening now.
    """
    window = [
        item
        for item in select(
            index, TimelineFilter(today - timedelta(days=7), today + timedelta(days=30))
        )
        if _happens_in_window(item)
    ]
    pending = [item for item in announceable(index) if entry_id(item) not in announced]
    if not window and not pending:
        return None
    blocks: list[Block] = [Para(f"📌 Le point du {date_label(today)}", "title")]
    shown: list[Event | Agreement] = []
    if window:
        blocks.append(Para("Datés de la semaine écoulée ou du mois à venir :"))
        blocks.extend(_lines(index, [item.entry for item in window]))
        shown += [item.entry for item in window]
    fresh = [_entry(item) for item in pending]
    if fresh:
        blocks.append(Para("Nouveau dans la base :"))
        blocks.extend(_lines(index, fresh))
        shown += fresh
    return Post(Reply(tuple(blocks)), tuple(entry_id(item) for item in pending))


def date_label(day: date) -> str:
    """A day in French: "24 novembre 2025"."""
    return parse_date(day.isoformat()).label()


def compose(index: Index, request: str, today: date, announced: set[str]) -> Post:
    """ "/publier <quoi>" → the post: timeline [filtre], pays <nom>, accord <terme>, nouveautés."""
    kind, _, argument = request.strip().partition(" ")
    kind = kind.lower()
    if len(argument) > MAX_ARGUMENT:  # as for a command: every block of a post may echo it
        raise NothingToPostError(
            f"demande trop longue ({len(argument)} caractères, {MAX_ARGUMENT} au plus)"
        )
    argument = clean_argument(argument)
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
        "demande non reconnue ; écrivez /publier timeline [filtre], pays <nom>, "
        "accord <terme>, nouveautés ou digest"
    )
