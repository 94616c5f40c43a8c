"""/accord with an agreement's title, pasted as the bot shows it, opens that agreement's card:
the title's words (a year, a country, « forum ») are not read as filters that hide it."""

from __future__ import annotations

import pytest

from bot.engine.cards import agreement_card
from bot.engine.commands import answer
from bot.engine.whole_clauses import with_whole_clauses
from bot.render.text import render_text


def test_every_agreement_title_opens_its_own_card(index, base):
    titled = [a for a in base.agreements if len(set(a.title.split())) >= 3]
    assert titled, "the base has agreements with titles of three words or more"
    for agreement in titled:
        shown = render_text(answer(index, f"/accord {agreement.title}"))
        card = with_whole_clauses(index, agreement_card(index, agreement), agreement.title)
        assert shown == render_text(card), agreement.id  # its quotes as every answer's (i22zf)


@pytest.mark.parametrize("argument", ["2025", "Royaume-Uni", "signés"])
def test_a_filter_is_still_a_filter(index, argument):
    assert not render_text(answer(index, f"/accord {argument}")).startswith("Aucun accord")


@pytest.fixture(scope="module")
def index(base):
    from bot.engine.index import Index

    return Index(base)


def test_an_act_in_a_heading_agrees_with_the_agreements(index, base):
    labels = {t.id: t.label for t in base.vocabulary.acts}
    several = [
        act for act in ("signe", "approuve") if [a.act for a in base.agreements].count(act) > 1
    ]
    assert several, "the base has several agreements of one act"
    for act in several:
        first = render_text(answer(index, f"/accord {labels[act]}s")).splitlines()[0]
        assert first.startswith("ACCORDS") and f"{labels[act].upper()}S" in first, first


def test_nothing_found_names_the_filter_as_such(index):
    text = render_text(answer(index, "/accord proposés 1990"))
    assert text.startswith("Aucun accord ne correspond à ce filtre : ")
