"""Issue 22, sixth pass (the phone readers of the fifth blind set), on the frozen five-article
base (``tests/fixtures/five``), with questions of our own:

1. a follow-up asked in two questions (« et le montant ? combien … dans ce deal ? », « signé par
   qui ? ministre ou à quel niveau ? ») answers the detail its first question asks, of the
   subject just shown — never the previous answer again nor a search of its other words;
"""

from __future__ import annotations

from datetime import date

from bot.content.model import FactBase
from bot.engine.index import Index
from bot.engine.questions import respond_in_thread
from bot.engine.reply import Para, Quote, Reply
from tests.conftest import FIVE  # noqa: F401  (the base the fixtures load)

TODAY = date(2026, 12, 6)


def _chat(base: FactBase, *questions: str) -> list[Reply]:
    """Each question asked in turn by one person in one chat."""
    index = Index(base)
    replies: list[Reply] = []
    previous = None
    for question in questions:
        reply, previous = respond_in_thread(index, question, TODAY, previous)
        replies.append(reply)
    return replies


def _text(reply: Reply) -> str:
    return " ".join(getattr(block, "text", "") for block in reply.blocks)


def _opening(reply: Reply) -> str:
    first = reply.blocks[0]
    assert isinstance(first, Para)
    return first.text


def _open_quotes(reply: Reply) -> list[str]:
    return [block.text for block in reply.blocks if isinstance(block, Quote) and block.open]


# 1. a follow-up in two questions asks the detail of its first one


def test_a_cost_asked_then_rephrased_is_said_missing_of_the_subject(five_base):
    card, cost = _chat(
        five_base,
        "accord de partenariat avec les États-Unis",
        "et le budget ? combien de dollars sont prévus dans ce texte ?",
    )
    assert cost.blocks != card.blocks
    assert _opening(cost).startswith("Les articles ne donnent pas le coût")
    assert "États-Unis" in _text(cost)


def test_who_signed_then_rephrased_names_the_signatories_of_the_subject(five_base):
    _, who = _chat(
        five_base,
        "plan de défense avec le Royaume-Uni, pour quelle période ?",
        "signé par qui ? un ministre ou quelqu'un d'autre ?",
    )
    assert any("ministères de la Défense" in quote for quote in _open_quotes(who))
    assert "États-Unis" not in _text(who)


def test_a_second_question_naming_another_country_starts_afresh(five_base):
    _, other = _chat(
        five_base,
        "accord de partenariat avec les États-Unis",
        "et le coût ? et celui avec le Royaume-Uni ?",
    )
    assert "Royaume-Uni" in _text(other)
