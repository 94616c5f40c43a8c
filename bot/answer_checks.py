"""Checks over rendered answers, for the defects that can come back with new content.

``python -m bot check`` runs them after the support check:

- a shortened text (an inline title or description, a list or alert button) keeps every
  modality of the text it shortens (proposed, announced, future, « selon … »), or puts it
  first;
- a period answer (a /timeline page, an /accord list or card for a month or a year) that
  shows an entry the period may not hold (an open « récemment », an inferred date, a looser
  span) carries the note that it « la recoupe sans y tomber forcément »;
- a card's first message (/pays, /org, /accord, an event's card) fits one phone screen
  (``SCREEN`` visible characters) with its first quote: a summary too long for it (the quote
  pushed to a second message) is named, with the limit.
"""

from __future__ import annotations

import calendar
import html
import re
from datetime import date

from bot.content.model import Agreement, Event, FactBase
from bot.dates import MONTHS_FR
from bot.engine.cards import accord, actor_card, agreement_card, event_card
from bot.engine.common import claim, entry_text
from bot.engine.filters import TimelineFilter
from bot.engine.index import Index
from bot.engine.inline import agreement_texts, event_texts
from bot.engine.reply import Item, Para, Quote, QuoteGroup, Reply
from bot.engine.timeline import OVERLAP_WORDS, is_loose, select, timeline_page
from bot.push.follow import alert_button_label
from bot.render.html import SCREEN, render_html, visible_length
from bot.text import fold, keeps_modality, modal_words, short_label


def shortened_issues(index: Index) -> list[str]:
    """Every shortened text that drops a modality of its full text, named by entry."""
    issues: list[str] = []

    def check(entry_id: str, where: str, full: str, short: str) -> None:
        if not keeps_modality(full, short):
            kept = {fold(lead) for lead in modal_words(short)}
            lost = [lead for lead in modal_words(full) if fold(lead) not in kept]
            issues.append(
                f"{entry_id} › {where} : « {short} » perd la modalité de « {full} »"
                f" (manque : {', '.join(f'« {lead} »' for lead in lost)}) ; mettre ces mots "
                "au début du résumé (ou du titre), dans les 40 premiers caractères"
            )

    base = index.base
    for agreement in base.agreements:
        title, description = agreement_texts(index, agreement)
        check(agreement.id, "titre inline", agreement.title, title)
        check(agreement.id, "description inline", claim(agreement), description)
        check(agreement.id, "bouton de liste", agreement.title, short_label(agreement.title))
        check(agreement.id, "bouton d'alerte", agreement.title, alert_button_label(agreement))
    for event in base.events:
        title, _description = event_texts(index, event)
        check(event.id, "titre inline", claim(event), title)
        check(event.id, "bouton d'alerte", claim(event), alert_button_label(event))
    return issues


def _periods(index: Index) -> dict[str, tuple[date, date]]:
    """Each month and year a dated entry touches, as a person types it (« novembre 2025 »)."""
    found: dict[str, tuple[date, date]] = {}
    for item in index.timeline.dated:
        for day in (item.span.start, item.span.end):
            last = calendar.monthrange(day.year, day.month)[1]
            month = f"{MONTHS_FR[day.month - 1]} {day.year}"
            found[month] = (date(day.year, day.month, 1), date(day.year, day.month, last))
            found[str(day.year)] = (date(day.year, 1, 1), date(day.year, 12, 31))
    return found


def _noted(reply: Reply) -> bool:
    return any(isinstance(b, Para) and OVERLAP_WORDS in b.text for b in reply.blocks)


def _lines(reply: Reply) -> set[str]:
    return {block.text for block in reply.blocks if isinstance(block, Item)}


def period_issues(index: Index) -> list[str]:
    """Every period answer that shows an entry the period may not hold without the note."""
    base = index.base
    issues: list[str] = []
    for words, (start, end) in sorted(_periods(index).items()):
        wanted = TimelineFilter(start=start, end=end)
        loose: list[Event | Agreement] = [
            item.entry for item in select(index, wanted) if is_loose(item.entry, wanted)
        ]
        if not loose:
            continue
        texts = {entry_text(base, entry): entry for entry in loose}
        page, total = 1, 1
        while page <= total:
            reply = timeline_page(index, wanted, page)
            total = reply.page.total if reply.page else 1
            shown = [texts[text] for text in _lines(reply) if text in texts]
            if shown and not _noted(reply):
                issues.append(f"/timeline {words} (page {page}) : {shown[0].id} sans la note")
            page += 1
        agreements = {entry.id for entry in loose if isinstance(entry, Agreement)}
        if agreements:
            reply = accord(index, words)
            if not _noted(reply):
                issues.append(f"/accord {words} : {sorted(agreements)[0]} sans la note")
    return issues


def screen_issues(index: Index) -> list[str]:
    """Every card whose first message is longer than one phone screen, with the longest
    summary it shows: the curator shortens that summary (the phone tests would fail)."""
    base = index.base
    cards = [(f"/pays {actor.name}", actor_card(index, actor)) for actor in base.actors.values()]
    cards += [(f"/accord {a.id}", agreement_card(index, a)) for a in base.agreements]
    cards += [(f"fiche {event.id}", event_card(index, event)) for event in base.events]
    issues: list[str] = []
    for where, reply in cards:
        first = render_html(reply)[0]
        size = visible_length(first)
        quoted = any(isinstance(block, (Quote, QuoteGroup)) for block in reply.blocks)
        if size <= SCREEN and (not quoted or "<blockquote" in first):
            continue
        shown = [e for e in base.entries() if e.summary and e.summary[:60] in _plain(first)]
        longest = max(shown, key=lambda e: len(e.summary or ""), default=None)
        culprit = (
            f" ; résumé le plus long affiché : {longest.id} ({len(longest.summary or '')} "
            "caractères), à raccourcir"
            if longest is not None
            else ""
        )
        issues.append(
            f"{where} : la première bulle ({size} caractères visibles, limite de {SCREEN} : un "
            f"écran de téléphone) ne tient pas avec sa première citation{culprit}"
        )
    return issues


def _plain(message: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", message))


def answer_issues(base: FactBase) -> list[str]:
    """The checks over the answers of ``base``."""
    index = Index(base)
    return [*shortened_issues(index), *period_issues(index), *screen_issues(index)]
