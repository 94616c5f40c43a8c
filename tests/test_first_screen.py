"""The first screen answers (issue #22, point 3): every answer's first message fits a phone
screen (≤ 1,200 visible characters, a folded quote counted as 150) and holds the answer.

Two kinds of test: the rule over every command form the shipped base allows and every question
of every ``tests/questions*.yaml`` set (computed, nothing pinned), and the layout rules on
small fixture bases built here from one shipped event, actor and fact.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from bot.content.model import Evidence, Fact, FactBase
from bot.dates import DateSpan, Precision
from bot.engine.cards import actor_card, listing
from bot.engine.commands import answer, callback
from bot.engine.index import Index
from bot.engine.reply import Button, Item, Para, Quote, Reply, texts
from bot.render.html import render_html, visible_length
from tests.conftest import WALK_SHARDS
from tests.first_screen import (
    SCREEN,
    Asked,
    frequent_words,
    periods,
    problems,
    question_files,
    questions,
)
from tests.test_phone_first import shown_text


@pytest.fixture(scope="module")
def index(shipped_index):
    return shipped_index


SHARDS = range(WALK_SHARDS)


@pytest.mark.parametrize("shard", SHARDS)
def test_every_command_form_and_every_question_passes_the_first_screen_rule(index, walker, shard):
    broken = [
        (form.text, found)
        for form, reply in walker(shard)
        if (found := problems(index, form, reply))
    ]
    assert broken == []


def test_the_forms_cover_the_whole_base_and_every_question_set(index, base, walk_forms):
    texts = {form.text for form in walk_forms}
    for actor in base.actors.values():
        assert f"/{'pays' if actor.is_country else 'org'} {actor.name}" in texts
    assert all(f"a:{agreement.id}" in texts for agreement in base.agreements)
    assert all(f"/timeline {period}" in texts for period in periods(index))
    assert {str(item.span.start.year) for item in index.timeline.dated} <= set(periods(index))
    assert all(f"/cherche {word}" in texts for word in frequent_words(index))
    assert any(text.startswith("~lp:") for text in texts)  # /pays page 2 and on
    assert set(questions()) <= texts and len(questions()) >= 1


@pytest.mark.parametrize("shard", SHARDS)
def test_each_month_or_year_button_counts_what_it_opens(index, walker, shard):
    checked = 0
    for _form, reply in walker(shard):
        for row in reply.buttons:
            for button in row:
                if button.data.startswith("tl:1:") and button.label.endswith(")"):
                    counted = button.label.rsplit("(", 1)[1].rstrip(")")
                    number = re.match(r"\d+", counted)  # « 3 dont 2 déduites »: the count
                    if number is None:  # another label in parentheses, not a month's count
                        continue
                    number = number.group()
                    title = callback(index, button.data).blocks[0].text
                    # the count said first; a « récemment » window ending elsewhere is said
                    # apart (« 1 entrée, et 1 dite « récemment » qui peut y tomber »)
                    assert re.search(rf"\({number} entrées?[),]", title), title
                    checked += 1
    assert checked > 0


def test_every_question_file_is_read_whatever_its_extra_keys(tmp_path: Path):
    (tmp_path / "questions.yaml").write_text(
        'questions:\n  - {q: "turquie otan", expect: "/timeline TR otan"}\n', encoding="utf-8"
    )
    (tmp_path / "questions_blind.yaml").write_text(
        "# a blind set added later\nquestions:\n"
        '  - {q: "qui a signé quoi ?", expect: null, writer: analyste, score: 2}\n'
        '  - {question: "et en 2025 ?", follows: 1}\n'
        "  - quoi de neuf\n",
        encoding="utf-8",
    )
    (tmp_path / "other.yaml").write_text('questions:\n  - {q: "jamais lue"}\n', encoding="utf-8")
    assert [path.name for path in question_files(tmp_path)] == [
        "questions.yaml",
        "questions_blind.yaml",
    ]
    assert questions(tmp_path) == [
        "turquie otan",
        "qui a signé quoi ?",
        "et en 2025 ?",
        "quoi de neuf",
    ]


def test_the_checker_catches_each_broken_rule(index, base):
    """The rule's checker fails on what the issue reported (so the sweep above can fail)."""
    long = Reply(tuple(Item(f"{n}", "mot " * 100) for n in range(6)))
    old = render_html(long, screen=None)  # as the old renderer sent it: one long message
    assert any("first message" in p for p in problems(index, Asked("x"), long, old))
    title_only = Reply((Para(base.actors["GR"].name, "title"),), follow="acteur:GR")
    found = problems(index, Asked("/pays Grèce"), title_only)
    assert any("shows no quote" in p for p in found)
    compris = Reply((Para("Compris : x", "note"), Para("T", "title"), Item("1", "y")))
    lone = ["<i>Compris : x</i>", "<b>T</b>\n• y", "<b>T</b>\n• z"]
    found = problems(index, Asked("x", question=True), compris, lone)
    assert any("lone « Compris »" in p for p in found) and any("3 messages" in p for p in found)
    bare = ["<b>T</b>\n• y", "<b>T (suite)</b>\n<i>Page 1/6</i>"]  # a header and buttons
    found = problems(index, Asked("x", question=True), compris, bare)
    assert any("message 2 holds only headings and notes" in p for p in found)


# --- fixture bases of our own -----------------------------------------------------------------

LONG = (
    "Les deux pays ont signé un texte qui prévoit des exercices conjoints, des échanges "
    "d'officiers, une coopération en matière de cybersécurité et de nouvelles livraisons. "
)


def _month(year: int, month: int) -> DateSpan:
    last = calendar.monthrange(year, month)[1]
    return DateSpan(
        f"{year}-{month:02d}", date(year, month, 1), date(year, month, last), Precision.MONTH
    )


def _year_base(base: FactBase, actor: str = "TR") -> FactBase:
    """Twenty-four events of one actor across the twelve months of 2024, each with a long
    summary and two long quotes; nothing else."""
    model = base.events[0]
    source = model.evidence[0].source
    events = []
    for n in range(24):
        month = n % 12 + 1
        quotes = tuple(
            Evidence(source=source, quote=f"Citation {n}.{k} : {LONG * 2}", key=True)
            for k in range(2)
        )
        events.append(
            replace(
                model,
                id=f"e{n:02d}",
                date=_month(2024, month),
                date_label=None,
                label=None,  # no short label: the line falls back to the long summary
                date_basis="texte",
                actors=(actor,),
                agreements=(),
                summary=f"Événement {n} : {LONG}",
                evidence=quotes,
            )
        )
    events.sort(key=lambda event: (event.date.start, event.id))
    return replace(base, events=tuple(events), agreements=(), facts=())


def test_a_year_overview_counts_each_month_and_fits_the_first_screen(base):
    index = Index(_year_base(base))
    reply = answer(index, "/timeline 2024")
    messages = render_html(reply)
    assert visible_length(messages[0]) <= SCREEN
    assert reply.fold_quotes  # every quote folded on an overview
    overview = next(
        b.text for b in reply.blocks if isinstance(b, Para) and b.text.startswith("Par mois")
    )
    assert overview.startswith("Par mois de 2024 : janvier (2)") and "décembre (2)" in overview
    # page 1 is full: the first entries of the period, not the remainder of a division
    assert reply.page is not None and reply.page.number == 1
    assert "Événement 0 " in messages[0]
    months = [b for row in reply.buttons for b in row if b.data.startswith("tl:1:")]
    assert len(months) >= 3
    for button in months:  # each month button opens that month, its count as labelled
        opened = callback(index, button.data)
        number = int(button.label.rsplit("(", 1)[1].rstrip(")"))
        assert f"({number} entrées)" in opened.blocks[0].text
        assert not opened.edit  # a section: a new message


def test_what_a_page_cannot_fit_on_the_first_screen_follows_it_never_lost(base):
    index = Index(_year_base(base))
    reply = answer(index, "/timeline 2024")
    messages = render_html(reply)
    text = shown_text(messages)
    assert all(shown in text for block in reply.blocks for shown in texts(block))
    assert len(messages) <= 2


def _pages(index: Index, reply: Reply) -> list[Reply]:
    """The reply and every page after it, by « Suivant ▶ »."""
    found = [reply]
    while turn := [
        b.data for row in found[-1].buttons for b in row if b.label.startswith("Suivant")
    ]:
        found.append(callback(index, turn[0]))
    return found


def test_every_timeline_page_fits_and_together_they_show_each_entry_once(base):
    index = Index(_year_base(base))
    pages = _pages(index, answer(index, "/timeline 2024"))
    assert len(pages) == pages[0].page.total if pages[0].page else 1
    shown = []
    for reply in pages:
        assert len(render_html(reply)) == 1  # a page turned in place stays one message
        assert visible_length(render_html(reply)[0]) <= SCREEN
        shown += [b.text.split(" : ")[0] for b in reply.blocks if isinstance(b, Item)]
    assert sorted(shown) == sorted(f"Événement {n}" for n in range(24))


def test_every_agreement_page_fits_and_together_they_show_each_agreement_once(base):
    model = base.agreements[0]
    source = model.evidence[0].source
    agreements = tuple(
        replace(
            model,
            id=f"accord-{n:02d}",
            title=f"Accord numéro {n}",
            summary=LONG,
            evidence=tuple(
                Evidence(source=source, quote=f"Citation {n}.{k} : {LONG}", key=True)
                for k in range(1 + n % 3)
            ),
        )
        for n in range(10)
    )
    index = Index(replace(base, agreements=agreements))
    pages = _pages(index, answer(index, "/accord"))
    shown = []
    for reply in pages:
        assert len(render_html(reply)) == 1 and visible_length(render_html(reply)[0]) <= SCREEN
        shown += [b.data for row in reply.buttons for b in row if b.data.startswith("a:")]
    assert sorted(shown) == [f"a:accord-{n:02d}" for n in range(10)]
    assert len(pages) < 10  # more than one a page when they fit


def _one_fact_base(base: FactBase, dated: bool) -> FactBase:
    """Greece cited once, with a long quote: in a dated event, or in an undated fact."""
    model = base.events[0]
    quote = Evidence(source=model.evidence[0].source, quote=f"La Grèce était là. {LONG * 4}")
    event = replace(
        model,
        id="grece",
        date=_month(2025, 11),
        date_basis="texte",
        date_label=None,
        actors=("GR",),
        agreements=(),
        summary="Le représentant de la Grèce auprès de l'OTAN assistait à la réunion.",
        evidence=(quote,),
    )
    # Greece's own role line (if the shipped base gives one) is left out: the card must show
    # its only fact whatever the content says of the country
    actors = {**base.actors, "GR": replace(base.actors["GR"], role=None, evidence=())}
    base = replace(base, actors=actors)
    if dated:
        return replace(base, events=(event,), agreements=(), facts=())
    fact = Fact(
        id="grece-fait",
        actors=("GR",),
        summary="La Grèce est citée parmi les pays représentés.",
        evidence=(quote,),
    )
    return replace(base, events=(), agreements=(), facts=(fact,))


@pytest.mark.parametrize("dated", [True, False])
def test_a_card_shows_its_only_fact_with_its_quote_not_a_button(base, dated):
    index = Index(_one_fact_base(base, dated))
    card = actor_card(index, index.base.actors["GR"])
    first = render_html(card)[0]
    assert visible_length(first) <= SCREEN
    assert "Grèce" in shown_text([first]) and "<blockquote" in first
    summary = "assistait à la réunion" if dated else "parmi les pays représentés"
    assert summary in shown_text([first])
    assert "sans lui donner de rôle" not in shown_text([first])
    assert [b.label for row in card.buttons for b in row] == []  # nothing left to open


def test_lists_start_with_the_actors_the_base_says_most_about(base):
    index = Index(_year_base(base, "GR"))  # Greece: 24 events, every other country none
    reply = listing(index, countries=True)
    first = reply.buttons[0][0]
    assert first.data == "p:GR" and first.label.endswith("· 24")
    weights = [
        len(index.links.entries_of(b.data[2:]))
        for row in reply.buttons
        for b in row
        if b.data.startswith("p:")
    ]
    assert weights == sorted(weights, reverse=True)
    assert "Les plus cités d'abord" in shown_text(render_html(reply))


# --- the renderer's layout rules ----------------------------------------------------------------


def test_a_compris_line_never_stands_alone_and_a_question_takes_two_messages_at_most():
    blocks = (
        Para("Compris : chronologie → /timeline", "note"),
        Para("Chronologie (3 entrées)", "title"),
        *[block for n in range(3) for block in (Item(f"{n}", LONG * 3), Quote(LONG * 4, "A", "a"))],
        Para("Page 1/5", "note"),
    )
    reply = Reply(blocks, ((Button("Suivant ▶", "~tl:2:-//"),),))
    messages = render_html(reply)
    assert len(messages) == 2 and visible_length(messages[0]) <= SCREEN
    assert messages[0].startswith("<i>Compris") and "<b>Chronologie" in messages[0]
    assert "<blockquote" in messages[-1]  # the last message is not only « Page 1/5 »
    assert "Page 1/5" in messages[-1]
    text = shown_text(messages)
    assert all(block.text in text for block in blocks)


def test_the_first_quote_stays_open_only_when_the_message_still_fits():
    short = Reply(
        (Para("Titre", "title"), Item("1", "court"), Quote("Une phrase courte.", "A", "a"))
    )
    assert render_html(short)[0].count("<blockquote>") == 1
    crowded = Reply(
        (
            Para("Titre", "title"),
            Item("1", "court"),
            Quote(LONG * 8, "A", "a"),
            Quote(LONG * 8, "A", "a"),
        )
    )
    first = render_html(crowded)[0]
    assert visible_length(first) <= SCREEN
    assert first.count("<blockquote>") == 0 and first.count("<blockquote expandable>") == 2


def test_a_block_longer_than_a_screen_is_cut_in_parts_and_said():
    reply = Reply((Para("Titre", "title"), Item("1", "mot " * 800)))
    messages = render_html(reply)
    assert visible_length(messages[0]) <= SCREEN
    assert shown_text(messages).count("mot") == 800
    assert "(suite)" in messages[1]


def test_without_a_screen_budget_the_old_limit_applies():
    reply = Reply(tuple(Item(f"{n}", "mot " * 100) for n in range(6)))
    assert len(render_html(reply, screen=None)) == 1
    assert len(render_html(reply)) == 2
