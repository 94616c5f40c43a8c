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
