"""Draft ids are made of the article's file name, cut after a whole word (« …-nakhitcheva »
was an id cut mid-word)."""

from __future__ import annotations

import pytest

from bot.draft.build import slug


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("nova-tensions-iran-nakhitchevan-2021.txt", "nova-tensions-iran"),
        ("afriqueasie-armes-russes-2013.txt", "afriqueasie-armes-russes-2013"),
        ("une-tres-longue-adresse-de-page.txt", "une-tres-longue-adresse-de"),
        ("x" * 45 + ".txt", "x" * 30),  # one word longer than the limit: cut, nothing else
    ],
)
def test_draft_ids_are_cut_at_a_word_boundary(name: str, expected: str) -> None:
    assert slug(name) == expected
    assert len(slug(name)) <= 30
