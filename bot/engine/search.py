"""/cherche (ranked full text) and /sources (the articles and what each contributes)."""

from __future__ import annotations

from datetime import date
from itertools import islice

from bot.content.model import Agreement, Event, Evidence, Fact
from bot.engine import paging, routes
from bot.engine.common import line_text, outlet_text, published_text, quote_of, when
from bot.engine.index import Index
from bot.engine.own_evidence import is_foreign, own_key_evidence
from bot.engine.reply import Block, Button, Item, Page, Para, Quote, QuoteGroup, Reply
from bot.text import count, short_label

PAGE = 3
"""Results per page of /cherche: one line each, their quotes folded in one group."""
LINE = 260
"""The longest line of a result without a short label (its summary, cut at a word with « … »
and its modality kept: the full text is on the entry's card, its quotes under the lines)."""


def _best_evidence(index: Index, evidence: tuple[Evidence, ...], words: list[str]) -> Evidence:
    def hits(item: Evidence) -> int:
        text = set(index.tokens(item.quote))
        return sum(1 for word in words if any(w.startswith(word[:5]) for w in text))

    return max(evidence, key=hits)


def matching_quotes(
    index: Index, entry: Event | Agreement | Fact, words: list[str]
) -> list[Evidence]:
    """The key quotes (they back the summary), then the quote that best matches the query;
    never another entry's sentence (``own_evidence``)."""
    shown = list(own_key_evidence(index.base, entry))
    own = tuple(item for item in entry.evidence if not is_foreign(index.base, entry, item.quote))
    best = _best_evidence(index, own or entry.evidence, words)
    if best not in shown:
        shown.append(best)
    return shown


def cherche(index: Index, argument: str, today: date | None = None, page: int = 1) -> Reply:
    """Answer /cherche <texte>: every matching entry, best first, a page at a time, each on one
    line, then in one folded group the quotes that back each line and the one closest to the
    query; the total is always said."""
    if not index.tokens(argument):
        return Reply(
            (
                Para("Que faut-il chercher ? Exemple : /cherche drones"),
                Para("La recherche porte sur les résumés et les citations des articles.", "note"),
            ),
            found=False,
        )
    hits = index.fulltext.search_hits(argument)
    if not hits.total:
        return Reply(
            (
                Para(f"Rien trouvé pour « {argument} »."),
                Para("Essayez un autre mot, ou /timeline, /pays, /accord.", "note"),
            ),
            found=False,
        )
    words = index.tokens(argument)
    page, start, stop, pages = paging.window(hits.total, PAGE, page)
    shown = index.fulltext.ranked_hits(hits, start, stop)  # only this page's
    blocks: list[Block] = [
        Para(f"Recherche « {argument} » — {count(hits.total, 'résultat')}", "title")
    ]
    buttons: list[tuple[Button, ...]] = []
    quotes: list[tuple[int, Quote]] = []  # one folded group, each quote after its line's number
    for number, (entry, _score) in enumerate(shown, 1):
        if isinstance(entry, Agreement):
            buttons.append((Button(short_label(entry.title), routes.AGREEMENT.build(entry.id)),))
        label = "Contexte" if isinstance(entry, Fact) else when(index.base, entry)
        line = line_text(index.base, entry)
        held = [
            (number, quote_of(index.base, item)) for item in matching_quotes(index, entry, words)
        ]
        text = line if entry.label else short_label(line, LINE)
        blocks.append(Item(label, text, number, entry.id))
        quotes += held
    if pages > 1:
        blocks.append(Para(f"Page {page}/{pages} — les meilleurs résultats d'abord", "note"))
        code = routes.words_field(words)
        turns = paging.turns(page, pages, lambda n: routes.SEARCH.turn(n, code))
        if turns is not None:
            buttons.append(turns)
        else:  # a query too long to carry in a button: say how to see the rest
            blocks.append(Para("Précisez la recherche pour voir les autres résultats.", "note"))
    if quotes:
        blocks.append(QuoteGroup(tuple(quotes)))
    return Reply(tuple(blocks), tuple(buttons), Page(page, pages) if pages > 1 else None)


SOURCES_PAGE = 5
"""Articles per page of /sources (the five shipped articles fit one)."""


def sources(index: Index, argument: str = "", today: date | None = None, page: int = 1) -> Reply:
    """Answer /sources: each article's outlet, title, date and what it contributes, a page
    at a time; the title always gives how many articles the base holds."""
    base = index.base
    total = len(base.sources)
    page, first, stop, pages = paging.window(total, SOURCES_PAGE, page)
    title = "L'article de la base" if total == 1 else f"Les {count(total, 'article')} de la base"
    blocks: list[Block] = [Para(title, "title")]
    for source_id in islice(base.sources, first, stop):
        blocks.extend(_source_lines(index, source_id))
    blocks.append(
        Para(
            "Un champ absent de l'article (média, titre, date) est dit « non indiqué » : "
            "rien n'est deviné. Un titre entre « » est celui de l'article, mot pour mot.",
            "note",
        )
    )
    if pages == 1:
        return Reply(tuple(blocks))
    blocks.append(Para(f"Page {page}/{pages}", "note"))
    row = paging.turns(page, pages, routes.SOURCES.turn) or ()
    return Reply(tuple(blocks), (row,), Page(page, pages))


def _source_lines(index: Index, source_id: str) -> tuple[Item, Para]:
    """One article: outlet and date, title, then what it brings to the base."""
    source = index.base.sources[source_id]
    stats = index.links.source_stats[source_id]
    when = published_text(source)
    title = f"« {source.title} »" if source.title else f"sans titre (réf. : {source.label})"
    detail = (
        f"Apporte {count(stats['events'], 'événement')}, {count(stats['agreements'], 'accord')}"
        f", {count(stats['facts'], 'constat')} ; {count(stats['quotes'], 'citation')}."
    )
    if source.relayed_from:
        detail += f" Source citée : {source.relayed_from}."
    if source.url:
        detail += f" Adresse : {source.url}"
    return Item(f"{outlet_text(source)}, {when}", title), Para(detail, "note")
