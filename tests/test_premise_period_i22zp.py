"""Issue 22, task i22zp: a period taken from the question is the question's. A header or a
« Compris » line says it as asked (« période demandée : depuis 1992 »), never as a day no
article gives (« depuis le 1er janvier 1992 »), never as a command's ISO date; and once the
answer said « Non » to the question's claim, a follow-up does not keep that claim's period as
its filter. Questions of our own on the frozen five-article base."""

from __future__ import annotations

from datetime import date

import pytest

from bot.content.model import FactBase
from bot.engine.premise import periods_spoken, premise_dropped
from bot.engine.reply import Para, Reply
from bot.engine.thread import Asked
from bot.engine.timeline import bound_words
from tests.chat import chat, reply_text


@pytest.mark.parametrize(
    ("start", "end", "words"),
    [
        (date(1992, 1, 1), None, "depuis 1992"),
        (date(2025, 3, 1), None, "depuis mars 2025"),
        (date(2025, 3, 14), None, "depuis le 14 mars 2025"),
        (None, date(2029, 12, 31), "avant 2030"),
        (None, date(2025, 5, 31), "avant juin 2025"),
        (None, date(2025, 5, 14), "jusqu'au 14 mai 2025"),
    ],
)
def test_a_one_sided_period_is_said_as_asked(
    start: date | None, end: date | None, words: str
) -> None:
    assert bound_words(start, end) == words


def test_a_commands_period_is_spoken() -> None:
    spoken = periods_spoken("/accord avant 2030-01-01 Royaume-Uni")
    assert spoken == "/accord avant 2030 Royaume-Uni"
    assert periods_spoken("/timeline depuis 1992-01-01 PPP") == "/timeline depuis 1992 PPP"


def test_a_header_never_shows_a_day_from_the_question(five_base: FactBase) -> None:
    text = reply_text(chat(five_base, "la chronologie de l'Azerbaïdjan depuis 1994 ?")[0])
    assert "1er janvier" not in text
    assert "période demandée : depuis 1994" in text


def test_a_refused_premise_is_not_kept_for_the_follow_up(five_base: FactBase) -> None:
    first, second = chat(
        five_base,
        "L'Azerbaïdjan a rejoint le Partenariat pour la paix dès 1990, non ?",
        "et qui le dit ?",
    )
    assert next(b.text for b in first.blocks if isinstance(b, Para)).startswith("Non :")
    compris = next(b.text for b in second.blocks if isinstance(b, Para))
    assert "1990" not in compris


def test_premise_dropped_only_after_a_no() -> None:
    asked = Asked("/timeline depuis 1992-01-01 ppp AZ", "/timeline depuis 1992-01-01 PPP AZ")
    refused = Reply((Para("Non : d'après l'article, « de 1994 », pas dès 1992.", "note"),))
    kept = premise_dropped(refused, asked)
    assert kept is not None and kept.command == "/timeline PPP AZ"
    assert premise_dropped(Reply((Para("Compris : …", "note"),)), asked) == asked
    plan = Asked("/accord plan-defense-az-gb-2026-2027", "/accord plan-defense-az-gb-2026-2027")
    assert premise_dropped(refused, plan) == plan  # a year inside an id is no period
