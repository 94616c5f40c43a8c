"""A period overview (issue #22, point 3): timeline and agreement list pages show each entry
as one line — its full date, its short label marked like every view — and the page's key
quotes in one folded group at the end, each after the number of its line.

Layout rules on a small fixture base built from the shipped base's first event; the fit of
every overview page of the shipped base computed, nothing pinned.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import replace
from datetime import date

import pytest

from bot.content.model import Event, Evidence, FactBase
from bot.dates import DateSpan, Precision, parse_date
from bot.engine.commands import answer, callback
from bot.engine.common import line_text, when
from bot.engine.index import Index
from bot.engine.reply import Item, Para, Quote, QuoteGroup, Reply
from bot.render.html import SCREEN, render_html, visible_length
from bot.render.text import render_text
from tests.test_phone_first import shown_text


def _month(year: int, month: int, last_month: int | None = None) -> DateSpan:
    end = last_month or month
    return DateSpan(
        f"{year}-{month:02d}",
        date(year, month, 1),
        date(year, end, calendar.monthrange(year, end)[1]),
        Precision.MONTH,
    )


def _event(model: Event, n: int, span: DateSpan, **changes: object) -> Event:
    source = model.evidence[0].source
    quotes = tuple(
        Evidence(source=source, quote=f"Citation {n}.{k} : le texte de l'article {n}.", key=True)
        for k in range(2)
    )
    fields: dict[str, object] = {
        "id": f"e{n:02d}",
        "date": span,
        "date_label": None,
        "date_basis": "texte",
        "date_text": None,
        "date_anchor": None,
        "date_reason": None,
        "hedge": None,
        "tense": "passé",
        "label": f"Fait numéro {n} de l'année",
        "summary": f"Événement {n} : un résumé plus long que le libellé, comme l'article le dit.",
        "evidence": quotes,
        "agreements": (),
    }
    fields.update(changes)
    return replace(model, **fields)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def fixture_base(base: FactBase) -> FactBase:
    """Sixteen events of 2024 with short labels: one dated by inference, one hedged and in the
    future, one without a label, one starting in December 2023."""
    model = base.events[0]
    anchor = model.evidence[0].source
    events = [_event(model, n, _month(2024, n % 12 + 1)) for n in range(16)]
    events[1] = _event(
        model,
        1,
        _month(2024, 2),
        date_basis="déduit",
        date_text="En février",
        date_anchor=anchor,
    )
    events[2] = _event(model, 2, _month(2024, 3), hedge="selon la presse", tense="futur")
    events[3] = _event(model, 3, _month(2024, 4), label=None)
    events[0] = _event(model, 0, parse_date("2023-12/2024-01"))
    events.sort(key=lambda event: (event.date.start, event.id))
    return replace(base, events=tuple(events), agreements=(), facts=())


@pytest.fixture(scope="module")
def page(fixture_base: FactBase) -> tuple[Index, Reply]:
    index = Index(fixture_base)
    return index, answer(index, "/timeline 2024")


def _lines(reply: Reply) -> list[Item]:
    return [block for block in reply.blocks if isinstance(block, Item)]


def _groups(reply: Reply) -> list[QuoteGroup]:
    return [block for block in reply.blocks if isinstance(block, QuoteGroup)]


def test_each_entry_is_one_line_and_the_quotes_one_folded_group(page, fixture_base):
    _, reply = page
    lines = _lines(reply)
    assert len(lines) >= 6  # short lines: a page holds many
    entries = {line_text(fixture_base, event): event for event in fixture_base.events}
    for line in lines:
        assert line.text in entries  # the short text, not the long summary
        assert line.label == when(fixture_base, entries[line.text])
    assert not any(isinstance(block, Quote) for block in reply.blocks)  # no quote per line
    assert len(_groups(reply)) == 1 and isinstance(reply.blocks[-1], QuoteGroup)
    messages = render_html(reply)
    assert len(messages) == 1 and visible_length(messages[0]) <= SCREEN
    first = messages[0]
    assert first.count("<blockquote expandable>") == 1 and "<blockquote>" not in first
    # each one line, showing the number its quotes carry (issue 22: never read as a neighbour's)
    assert [line.ref for line in lines] == list(range(1, len(lines) + 1))
    assert len(re.findall(r"^\d+\. <b>", first, re.M)) == len(lines)
    assert first.index("<blockquote expandable>") > first.rindex(f"{len(lines)}. <b>")  # at the end
    assert first.count("Source des citations") == 1  # the source said once
    # ... inside the fold, after the quotes: a page spends its screen on its lines
    fold = first[first.index("<blockquote expandable>") :]
    assert "Source des citations" in fold and fold.endswith("</blockquote>")


def test_a_page_holds_more_lines_when_its_sources_are_named_inside_the_fold(fixture_base):
    """The footer naming the sources is folded with the quotes: it costs no visible space,
    so a page of entries from several sources holds as many lines as one from a single one."""
    events = fixture_base.events
    sources = dict(fixture_base.sources)
    model = next(iter(sources.values()))
    for n in range(len(events)):  # every entry its own source, with a long attribution
        sources[f"src{n}"] = replace(model, id=f"src{n}", title=f"Un titre d'article long {n} " * 3)
    spread = tuple(
        replace(e, evidence=tuple(replace(q, source=f"src{n}") for q in e.evidence))
        for n, e in enumerate(events)
    )
    many = Index(replace(fixture_base, sources=sources, events=spread))
    one = Index(fixture_base)
    assert len(_lines(answer(many, "/timeline 2024"))) == len(_lines(answer(one, "/timeline 2024")))


def test_every_displayed_entry_has_its_quotes_numbered_in_the_message(page, fixture_base):
    _, reply = page
    group = _groups(reply)[0]
    text = shown_text(render_html(reply)[:1])
    entries = {line_text(fixture_base, event): event for event in fixture_base.events}
    for number, line in enumerate(_lines(reply), 1):
        quoted = [quote.text for n, quote in group.quotes if n == number]
        expected = [evidence.quote for evidence in entries[line.text].key_evidence()]
        assert quoted == expected
        for quote in expected:
            assert f"{number}. « {quote} »" in text


def test_a_line_without_label_falls_back_to_its_summary(page, fixture_base):
    _, reply = page
    unlabelled = next(event for event in fixture_base.events if event.label is None)
    assert unlabelled.summary in [line.text for line in _lines(reply)]


def test_an_inferred_date_keeps_its_origin_on_its_line(page, fixture_base):
    _, reply = page
    inferred = next(e for e in fixture_base.events if e.date_basis == "déduit")
    line = next(line for line in _lines(reply) if line.text == line_text(fixture_base, inferred))
    assert line.label.startswith("février 2024 (déduit : « En février » dans l'article du")


def test_the_short_line_keeps_the_hedge_and_the_tense(page, fixture_base):
    _, reply = page
    hedged = next(e for e in fixture_base.events if e.hedge)
    assert hedged.label is not None
    line = next(line for line in _lines(reply) if hedged.label in line.text)
    assert line.text.startswith("Selon la presse : ")
    assert line.text.endswith("(au futur dans l'article)")


def test_a_view_within_one_year_counts_by_month(page):
    index, reply = page
    # the first entry starts in December 2023: still a view of 2024, counted month by month
    counts = next(b.text for b in reply.blocks if isinstance(b, Para) and "(1)" in b.text)
    assert counts.startswith("Par mois de 2024 : ") and "2023" not in counts
    months = [b for row in reply.buttons for b in row if b.data.startswith("tl:1:")]
    assert months and all(" 2024 (" in button.label for button in months)
    for button in months:  # each button opens what it counts
        opened = callback(index, button.data)
        number = int(re.match(r"\d+", button.label.rsplit("(", 1)[1]).group())  # « 3, 2 déduites »
        assert f"({number} entrée" in opened.blocks[0].text


def test_the_console_shows_the_same_lines_then_the_numbered_quotes(page):
    _, reply = page
    text = render_text(reply, width=400)
    lines = _lines(reply)
    group = _groups(reply)[0]
    last = lines[-1]
    assert text.index(f"{last.ref}. {last.label} — {last.text}") < text.index("Citations")
    number, quote = group.quotes[-1]
    assert f"  {number}. « {quote.text} »" in text


def test_several_sources_are_marked_in_the_group_and_named_once():
    group = QuoteGroup(
        (
            (1, Quote("Premier mot.", "Média A, article du 1er mars 2024", "a")),
            (2, Quote("Deuxième mot.", "Média B, article du 2 mars 2024", "b")),
            (2, Quote("Troisième mot.", "Média A, article du 1er mars 2024", "a")),
        )
    )
    reply = Reply((Para("Liste", "title"), Item("mars 2024", "Un fait"), group))
    message = render_html(reply)[0]
    assert "1. « Premier mot. » ①" in message and "2. « Troisième mot. » ①" in message
    assert "2. « Deuxième mot. » ②" in message
    assert message.count("Média A, article du 1er mars 2024") == 1
    assert reply.quotes == 3
    # the group is counted once, as a folded quote shows (150 characters at most)
    bare = Reply((Para("Liste", "title"), Item("mars 2024", "Un fait")))
    assert visible_length(message) - visible_length(render_html(bare)[0]) < 150 + 120


def _pages(index: Index, command: str) -> list[Reply]:
    reply = answer(index, command)
    found = [reply]
    while reply.page and reply.page.number < reply.page.total:
        turn = [b.data for row in reply.buttons for b in row if b.label.startswith("Suivant")]
        reply = callback(index, turn[0])
        found.append(reply)
    return found


@pytest.mark.parametrize("command", ["/timeline", "/timeline 2025", "/accord"])
def test_every_overview_page_of_the_shipped_base_fits_with_its_quotes(index_shipped, command):
    for reply in _pages(index_shipped, command):
        messages = render_html(reply)
        assert len(messages) == 1, command  # the lines and their quotes in one message
        assert visible_length(messages[0]) <= SCREEN, command
        text = shown_text(messages)
        for line in _lines(reply):
            assert line.text in text
        for group in _groups(reply):
            assert all(quote.text in text for _, quote in group.quotes)
        assert not any(isinstance(block, Quote) for block in reply.blocks)


@pytest.fixture(scope="module")
def index_shipped(base: FactBase) -> Index:
    return Index(base)


def test_search_pages_are_overviews_too(base):
    """/cherche shows each result on one line and its quotes in one folded group at the end,
    so the first message holds the page's results (it spilled into a second one before)."""
    from collections import Counter

    index = Index(base)
    words = Counter(w for e in base.entries() for w in set(index.tokens(e.summary)) if len(w) > 4)
    for word, _ in words.most_common(12):
        reply = answer(index, f"/cherche {word}")
        assert not any(isinstance(block, Quote) for block in reply.blocks), word
        groups = _groups(reply)
        assert len(groups) == 1 and reply.blocks[-1] is groups[0], word
        numbers = {number for number, _ in groups[0].quotes}
        assert numbers == set(range(1, len(_lines(reply)) + 1)), word  # every line is backed
        first = render_html(reply)[0]
        assert visible_length(first) <= SCREEN and first.count("<blockquote expandable>") == 1
