"""/timeline filters: years, ranges, months, seasons, since/before, actors, topics, pages."""

from datetime import date

import pytest

from bot.engine.commands import answer, callback
from bot.engine.common import line_text, when
from bot.engine.filters import FilterProblem, TimelineFilter, parse_filter
from bot.engine.index import Index
from bot.engine.reply import Item
from bot.render.text import render_text as text_of


@pytest.fixture(scope="module")
def index(base):
    return Index(base)


def all_items(index, argument):
    """Every timeline line for a filter, following the page buttons."""
    reply = answer(index, f"/timeline {argument}".strip())
    items = [b for b in reply.blocks if isinstance(b, Item)]
    while reply.page and reply.page.number < reply.page.total:
        data = next(b.data for row in reply.buttons for b in row if b.label.startswith("Suivant"))
        reply = callback(index, data)
        items += [b for b in reply.blocks if isinstance(b, Item)]
    return items


def test_no_filter_is_chronological_and_complete(index, base):
    items = all_items(index, "")
    dated = sum(1 for a in base.agreements if a.date is not None)
    assert len(items) == len(base.events) + dated
    starts = sorted(index.timeline.dated, key=lambda item: item.span.start)
    assert items[0].label == when(base, starts[0].entry)  # the oldest first, computed
    newest = starts[-1].span.start
    assert items[-1].label in {when(base, i.entry) for i in starts if i.span.start == newest}


def bare(label):
    """A line's date without its basis in brackets: « été 2025 (déduit : …) » → « été 2025 »."""
    return label.split(" (")[0]


def test_year(index):
    labels = [item.label for item in all_items(index, "2025")]
    assert labels and all("2025" in label for label in labels)
    assert {"été 2025", "début octobre 2025"} <= {bare(label) for label in labels}


def test_inferred_dates_are_marked_in_the_timeline_with_their_origin(index):
    labels = [item.label for item in all_items(index, "2025")]
    assert "été 2025 (déduit : « Cet été » dans l'article du 6 novembre 2025)" in labels
    assert (
        "début octobre 2025 (déduit : « début octobre », année absente ; l'article non daté"
        in " ".join(labels)
    )
    assert "août 2025" in labels  # the peace agreement: « en août 2025 », given in full
    assert "21 septembre 2025" in labels


def test_august_overlaps_summer(index):
    labels = {bare(item.label) for item in all_items(index, "août 2025")}
    assert "été 2025" in labels and "août 2025" in labels
    assert "21 septembre 2025" not in labels


def test_month(index):
    labels = {bare(item.label) for item in all_items(index, "novembre 2025")}
    assert "rapporté le 6 novembre 2025" in labels
    assert "à partir du 20 novembre 2025" in labels
    assert "avant le 6 novembre 2025" in labels  # the Turkish memorandum, « récemment »
    assert "vers le 30 octobre 2025" not in labels


def test_turkish_memorandum_is_in_the_turkey_timeline(index):
    texts = [item.text for item in all_items(index, "Turquie")]
    memorandum = next(a for a in index.base.agreements if a.id == "memorandum-az-tr-securite")
    assert line_text(index.base, memorandum) in texts


def overlapping(index, first, last):
    """The date labels a period should list, computed from the base: every dated entry whose
    span meets [first, last], oldest start first (a whole year sorts at its start)."""
    items = [i for i in index.timeline.dated if i.span.start <= last and i.span.end >= first]
    return sorted(when(index.base, i.entry) for i in items), sorted(i.span.start for i in items)


def test_range_and_since_and_before(index):
    shown = [i.label for i in all_items(index, "avant 2000")]
    labels, _ = overlapping(index, date(1, 1, 1), date(1999, 12, 31))
    assert sorted(shown) == labels and "1992" in shown
    since = [i.label for i in all_items(index, "depuis 2026")]
    labels, _starts = overlapping(index, date(2026, 1, 1), date(9999, 12, 31))
    assert sorted(since) == labels and "2026" in since
    assert since.index("2026") < since.index("10 février 2026")  # a whole year at its start
    ranged = [i.label for i in all_items(index, "2018-2022")]
    assert sorted(ranged) == overlapping(index, date(2018, 1, 1), date(2022, 12, 31))[0]
    assert [i.label for i in all_items(index, "2018 à 2022")] == ranged


def test_actor_and_topic_filters_combine(five_base):
    index = Index(five_base)  # the frozen five articles: one UK line since 2025 there
    turkey = all_items(index, "Turquie")
    assert turkey and len(turkey) < len(all_items(index, ""))
    energy_2025 = [i.text for i in all_items(index, "énergie 2025")]
    assert any("Lukoil" in text for text in energy_2025)
    cyber = [i.text for i in all_items(index, "cyber")]
    entries = [*index.base.events, *index.base.agreements]
    about = [e for e in entries if "cybercriminalité" in e.summary.lower()]
    assert any(line_text(index.base, event) in cyber for event in about)
    uk = [bare(i.label) for i in all_items(index, "depuis 2025 Royaume-Uni")]
    assert uk == ["vers le 30 octobre 2025"]


def test_filter_parse_is_strict_about_unknown_words(index):
    problem = parse_filter(index, "2025 licornes")
    assert isinstance(problem, FilterProblem) and problem.unknown == ("licornes",)
    reply = answer(index, "/timeline 2025 licornes")  # the year still holds; the rest is said
    assert reply.found and "Laissé de côté : « licornes »" in text_of(reply)
    assert not answer(index, "/timeline licornes").found  # nothing read at all: refused


def test_nothing_in_range_says_so(index):
    reply = answer(index, "/timeline 1950")
    assert not reply.found and reply.quotes == 0


def test_pages_and_buttons(index):
    first = answer(index, "/timeline")
    assert first.page is not None and first.page.number == 1 and first.page.total > 1
    data = [b.data for row in first.buttons for b in row if b.data.startswith("~")]
    assert [d.split(":")[:2] for d in data] == [["~tl", "2"], ["~tl", str(first.page.total)]]
    assert all(len(d.encode()) <= 64 for d in data)
    second = callback(index, data[0])
    assert second.page is not None and second.page.number == 2 and second.edit
    last = callback(index, data[1])  # « Dernières ⏭ »: the latest entries at once
    assert last.page is not None and last.page.number == last.page.total
    recent = answer(index, "/timeline récent")
    assert recent.page == last.page and text_of(recent) == text_of(last)


def test_filter_encoding_round_trips():
    wanted = TimelineFilter(None, None, ("TR", "otan"), ("energie",))
    assert TimelineFilter.decode(wanted.encode()) == wanted
    assert TimelineFilter.decode("garbage") is None
    assert TimelineFilter.decode("20251399-/TR/") is None
