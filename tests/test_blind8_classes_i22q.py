"""Issue 22, the eighth blind set: classes of misses fixed by general rules, each checked on
cases of our own on the frozen five-article base (``tests/fixtures/five``) or on made-up
sentences — never on the blind set's own phrasings."""

from __future__ import annotations

from bot.content.model import FactBase
from bot.engine.cards import accord
from bot.engine.index import Index
from tests.chat import TODAY, chat
from tests.chat import reply_text as _text


def test_a_year_asked_of_an_agreement_meets_the_period_it_covers(five_base: FactBase) -> None:
    """Point 1: the UK plan is dated October 2025 and covers 2026-2027; « 2027 » finds it,
    says it is kept for its period, never « aucun accord ne correspond »."""
    index = Index(five_base)
    text = _text(accord(index, "2027 Royaume-Uni", TODAY))
    assert "Aucun accord" not in text
    assert "2026/27" in text
    assert "pour la période qu'il couvre (2026 – 2027)" in text
    # a year neither its date nor its period meets still finds nothing
    assert "Aucun accord" in _text(accord(index, "2024 Royaume-Uni", TODAY))
    # a list says which line is held by its period
    listed = _text(accord(index, "2026", TODAY))
    assert "est retenu pour la période couverte" in listed


def test_a_plan_asked_with_a_year_it_covers_then_its_date(five_base: FactBase) -> None:
    """Point 1, follow-up: « signé quand ? » after « plan britannique 2027 » keeps a filter that
    finds the plan, so it gets the plan's date, not an empty answer."""
    first, then = chat(five_base, "plan de defense britannique 2027", "signé quand ?")
    assert "Aucun accord" not in _text(first)
    assert "2026/27" in _text(first)
    assert "Aucun accord" not in _text(then)
    assert "octobre 2025" in _text(then)
