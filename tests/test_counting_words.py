"""A count's title is French: « Combien de drones ? », « Combien d'avions ? »."""

from __future__ import annotations

import pytest

from bot.engine.counting import of_noun


@pytest.mark.parametrize(
    ("noun", "said"),
    [
        ("avions", "d'avions"),
        ("exercices", "d'exercices"),
        ("États", "d'États"),
        ("observateurs", "d'observateurs"),
        ("drones", "de drones"),
        ("pays", "de pays"),
        ("soldats", "de soldats"),
    ],
)
def test_the_preposition_is_elided_before_a_vowel(noun: str, said: str) -> None:
    assert of_noun(noun) == said
