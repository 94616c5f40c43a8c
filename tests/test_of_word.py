"""« de » before a word, as French writes it: « Combien de drones ? », « Combien d'avions ? »,
« la fonction d'Aliyev »."""

from __future__ import annotations

import pytest

from bot.text import of_word


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
        ("Aliyev", "d'Aliyev"),
        ("Zatulin", "de Zatulin"),
    ],
)
def test_de_is_elided_before_a_vowel(noun: str, said: str) -> None:
    assert of_word(noun) == said
