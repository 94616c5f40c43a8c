"""A weekday asked about a past fact is no date filter (issue 22, outside phone readers' point
2): « c'était un jeudi, la signature ? » never becomes « Aucun … ne correspond » for the
latest Thursday."""

from __future__ import annotations

from datetime import date

from bot.engine.filters import read_filter
from bot.engine.index import Index
from bot.engine.questions import respond
from bot.render.text import render_text

TODAY = date(2026, 12, 6)  # a Sunday


def test_a_weekday_asked_after_un_or_quel_is_no_filter(base):
    index = Index(base)
    for asked in (
        "c'était un jeudi la signature avec la Turquie ?",
        "l'accord avec la Turquie, c'était un mercredi ?",
        "quel jour vendredi ?",
    ):
        reading = read_filter(index, asked, TODAY)
        assert reading.filter.start is None and reading.filter.end is None, asked
        assert not any("jeudi" in n or "mercredi" in n or "vendredi" in n for n in reading.notes)


def test_a_weekday_naming_a_day_still_filters(base):
    index = Index(base)
    reading = read_filter(index, "qu'est-ce qui s'est passé jeudi dernier ?", TODAY)
    assert reading.filter.start == reading.filter.end == date(2026, 12, 3)


def test_a_weekday_question_about_an_agreement_never_answers_none(base):
    index = Index(base)
    for weekday in ("lundi", "mardi", "samedi"):
        text = render_text(
            respond(index, f"c etait un {weekday} la signature avec les usa ?", TODAY)
        )
        assert "Aucun accord ne correspond" not in text, weekday
        assert "novembre 2026 ·" not in text.split("\n")[0] and weekday not in text.split("\n")[0]


WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")


def test_the_weekday_asked_is_computed_from_the_first_line_dated_to_the_day(base):
    from bot.dates import Precision
    from bot.engine.reply import Item, Para

    index = Index(base)
    said_any = False
    for actor in base.actors.values():
        reply = respond(index, f"c'était un jeudi, l'accord avec {actor.name} ?", TODAY)
        dated = [
            index.entries[b.entry]
            for b in reply.blocks
            if isinstance(b, Item) and b.entry in index.entries
        ]
        dated = [
            e
            for e in dated
            if getattr(e, "date", None) is not None
            and e.date.precision is Precision.DAY
            and getattr(e, "date_basis", "texte") == "texte"
        ]
        notes = [b.text for b in reply.blocks if isinstance(b, Para) and "jour calculé" in b.text]
        if not dated:
            assert not notes, actor.id
            continue
        said_any = True
        day = dated[0].date.start
        assert len(notes) == 1 and f"était un {WEEKDAYS[day.weekday()]}" in notes[0], actor.id
        assert dated[0].date.label() in notes[0]
    assert said_any  # some agreement of the base is dated to the day by its article


def test_a_weekday_asked_as_a_follow_up_keeps_the_subject_and_claims_no_absence(base):
    from bot.engine.questions import respond_in_thread

    index = Index(base)
    for actor in list(base.actors.values())[:6]:
        _, first = respond_in_thread(index, f"/accord {actor.name}", TODAY)
        if first is None:
            continue
        reply, later = respond_in_thread(index, "c'était un jeudi ?", TODAY, first)
        assert later is not None and later.data == first.data, actor.id
        assert "ne mentionnent pas" not in render_text(reply), actor.id
