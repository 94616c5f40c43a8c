"""A sentence's first word written with a capital is no name: « La réunion s'est penchée sur … »
(the twenty-second curator's News-Front dispatch) is a meeting, not La Réunion; the names the
CLDR writes with lower-case words (« Arabie saoudite ») are still found as written."""

from __future__ import annotations

from bot.content.model import FactBase
from bot.draft.analyse import ActorFinder


def _found(base: FactBase, text: str) -> list[str]:
    return [hit.id for hit in ActorFinder(base.actors).find(text)]


def test_a_capital_that_opens_the_sentence_makes_no_place_of_a_common_noun(
    five_base: FactBase,
) -> None:
    assert "RE" not in _found(five_base, "La réunion s'est penchée sur la coopération militaire.")
    assert "RE" in _found(five_base, "Le navire a fait escale à La Réunion en mai.")
    assert "RE" in _found(five_base, "LA RÉUNION ACCUEILLE UN EXERCICE")  # a headline


def test_names_with_lower_case_words_are_still_found_as_the_language_writes_them(
    five_base: FactBase,
) -> None:
    assert "SA" in _found(five_base, "Le ministre s'est rendu en Arabie saoudite en mars.")
    assert "CZ" in _found(five_base, "La République tchèque a livré des obus.")
