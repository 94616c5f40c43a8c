"""The engine on a base larger than the shipped one: /sources by pages, and what a listing or
/aide would otherwise walk on every call computed once per index (counted, not timed)."""

from __future__ import annotations

import builtins
from datetime import date, timedelta
from typing import Any

import pytest

import bot.engine.actor_links as links_module
import bot.engine.deals as deals_module
from bench.synthetic import write_synthetic
from bot.content.loader import load_factbase
from bot.content.model import FactBase
from bot.engine.commands import answer, callback
from bot.engine.filters import _long_names_first
from bot.engine.index import Dated, Index
from bot.engine.reply import Button, Item, Para, Reply
from bot.engine.search import SOURCES_PAGE
from bot.engine.spans import SpanIndex
from bot.text import count, fold

FACTOR = 3
"""Fifteen articles: three pages of /sources."""


@pytest.fixture(scope="module")
def large(tmp_path_factory: pytest.TempPathFactory) -> Index:
    root = tmp_path_factory.mktemp("synthetic")
    write_synthetic(root, FACTOR)
    return Index(load_factbase(root / "content", root / "seeds"))


@pytest.fixture(scope="module")
def shipped(base: FactBase) -> Index:
    return Index(base)


def _buttons(reply: Reply) -> list[Button]:
    return [button for row in reply.buttons for button in row]


def _articles(reply: Reply) -> list[tuple[str, str]]:
    return [(block.label, block.text) for block in reply.blocks if isinstance(block, Item)]


def _press(index: Index, reply: Reply, label: str) -> Reply:
    data = next(b.data for b in _buttons(reply) if b.label.startswith(label))
    return callback(index, data)


def test_sources_pages_reach_every_article_exactly_once(large: Index) -> None:
    sources = large.base.sources
    total = len(sources)
    pages = -(-total // SOURCES_PAGE)
    assert pages >= 3
    reply = answer(large, "/sources")
    seen: list[tuple[str, str]] = []
    for number in range(1, pages + 1):
        assert reply.page is not None and (reply.page.number, reply.page.total) == (number, pages)
        title = reply.blocks[0]
        assert isinstance(title, Para) and title.text == f"Les {count(total, 'article')} de la base"
        assert Para(f"Page {number}/{pages}", "note") in reply.blocks
        assert all(len(b.data.encode()) <= 64 and b.data.isascii() for b in _buttons(reply))
        assert reply.edit == (number > 1)  # ◀ ▶ replace the message they sit under
        seen += _articles(reply)
        if number < pages:
            reply = _press(large, reply, "Suivant")
    assert not any(b.label.startswith("Suivant") for b in _buttons(reply))
    # each article once, in the base's order: its outlet and date, then its title or label
    assert len(seen) == total
    for (label, text), source in zip(seen, sources.values(), strict=True):
        assert label.startswith(source.outlet or "média non indiqué")
        assert text == (
            f"« {source.title} »" if source.title else f"sans titre (réf. : {source.label})"
        )
    back = _press(large, reply, "◀ Précédent")
    assert back.page is not None and back.page.number == pages - 1 and back.edit


def test_sources_page_out_of_range_and_forged_data(large: Index) -> None:
    last = callback(large, "~so:999")
    assert last.page is not None and last.page.number == last.page.total
    assert not callback(large, "~so:x").found and not callback(large, "so:²").found


def test_the_shipped_articles_take_as_many_pages_as_they_need(shipped: Index) -> None:
    # computed: one page (no buttons, no « Page ») up to SOURCES_PAGE articles, else pages
    reply = answer(shipped, "/sources")
    sources = len(shipped.base.sources)
    if sources <= SOURCES_PAGE:
        assert reply.page is None and not reply.buttons
        assert len(_articles(reply)) == sources
        assert "Page" not in " ".join(b.text for b in reply.blocks if isinstance(b, Para))
    else:
        assert reply.page is not None
        assert reply.page.total == (sources + SOURCES_PAGE - 1) // SOURCES_PAGE
        assert len(_articles(reply)) == SOURCES_PAGE


def test_listings_and_help_are_computed_once_per_index(
    large: Index, monkeypatch: pytest.MonkeyPatch
) -> None:
    index = Index(large.base)  # fresh: nothing computed yet
    counted = {"counts": 0, "sorts": 0}
    real_counts = FactBase.counts

    def counts(self: FactBase) -> dict[str, int]:
        counted["counts"] += 1
        return real_counts(self)

    def sorting(*args: Any, **kwargs: Any) -> list[Any]:
        counted["sorts"] += 1
        return builtins.sorted(*args, **kwargs)

    monkeypatch.setattr(FactBase, "counts", counts)
    for module in (links_module, deals_module):  # the tables that sort
        monkeypatch.setattr(module, "sorted", sorting, raising=False)
    commands = ["/aide", "/start", "/pays", "/org", "/accord", "/accord Turquie", "/accord paix"]
    first = [answer(index, command) for command in commands]
    after_first = dict(counted)
    assert after_first["counts"] == 1
    assert after_first["sorts"] >= 3  # countries, organisations, agreements by date
    for _ in range(3):
        again = [answer(index, command) for command in commands]
        assert again == first
    assert counted == after_first  # neither counted nor sorted again
    assert answer(index, "/aide") == answer(Index(large.base), "/aide")


def _scan(items: tuple[Dated, ...], low: date, high: date) -> list[Dated]:
    return [item for item in items if item.span.start <= high and low <= item.span.end]


def test_span_index_finds_what_a_scan_finds(large: Index) -> None:
    years = sorted({item.span.start.year for item in large.timeline.dated})
    windows = [(date.min, date.max), (date.min, date(2020, 1, 1)), (date(2024, 1, 1), date.max)]
    for year in years[:: max(1, len(years) // 12)]:
        windows += [(date(year, 1, 1), date(year, 12, 31)), (date(year, 8, 1), date(year, 8, 31))]
        windows.append((date(year, 6, 15), date(year, 6, 15) + timedelta(days=3)))
    for actor in (None, "TR", "GB", "otan"):
        items = large.timeline.dated if actor is None else large.timeline.by_actor.get(actor, ())
        spans = SpanIndex(items)
        for low, high in windows:
            assert spans.overlapping(low, high) == _scan(items, low, high)
    for topic in large.topic_labels:  # a topic's lines, in timeline order
        items = tuple(item for item in large.timeline.dated if topic in item.topics)
        assert large.timeline.about(topic) == items
        for low, high in windows:
            assert large.timeline.spans(None, topic).overlapping(low, high) == _scan(
                items, low, high
            )


def _long_names_scan(index: Index, folded: str) -> tuple[str, list[str]]:
    named: list[str] = []
    for key, actor_id in index.names.long_names:
        if f" {key} " in folded:
            named += [] if actor_id in named else [actor_id]
            folded = folded.replace(f" {key} ", " ")
    return folded, named


@pytest.mark.parametrize(
    "text",
    [
        "partenariat pour la paix 2025",
        "organisation du traite de l atlantique nord et partenariat pour la paix",
        "organisation des etats turciques turquie",
        "rien de tel",
        "",
    ],
)
def test_long_names_by_word_runs_match_the_scan(large: Index, text: str) -> None:
    folded = f" {fold(text)} "
    assert _long_names_first(large, folded) == _long_names_scan(large, folded)
    long_name = large.names.long_names[len(large.names.long_names) // 2][0]
    folded = f" avant {long_name} apres "
    assert _long_names_first(large, folded) == _long_names_scan(large, folded)


def test_search_ranks_only_the_page_but_counts_every_result(large: Index) -> None:
    for query in ("drones", "petrole Lukoil", "cyberataques", "defense aerienne"):
        hits = large.fulltext.search_hits(query)
        scores = {entry_id: score for score, ids in hits.buckets for entry_id in ids}
        full = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
        for limit in (1, 4, 12, len(scores)):
            ranked = [
                (entry.id, score) for entry, score in large.fulltext.ranked_hits(hits, 0, limit)
            ]
            assert ranked == full[:limit]
        shown: list[str] = []
        reply = answer(large, f"/cherche {query}")
        while True:
            shown += [b.label for b in reply.blocks if isinstance(b, Item)]
            if reply.page is None or reply.page.number == reply.page.total:
                break
            reply = _press(large, reply, "Suivant")
        assert len(shown) == len(scores)
