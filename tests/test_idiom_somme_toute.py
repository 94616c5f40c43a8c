"""« somme toute » (« all in all ») asks no cost: a phone reader of the eleventh blind set got
« Les articles ne donnent pas le coût » on top of a « pourquoi » follow-up whose answer the
article gives — a false « the articles don't say ». « quelle somme ? » still asks an amount."""

from bot.content.model import FactBase
from bot.engine.reply import Para, Quote
from tests.chat import chat


def _text(reply) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(b.text for b in reply.blocks if isinstance(b, Para | Quote))


def test_somme_toute_is_no_question_of_cost(five_base: FactBase) -> None:
    _, why = chat(
        five_base,
        "Ce M. Zatulin que l'on cite, quelle fonction occupe-t-il au juste ?",
        "Et pourquoi juge-t-il, somme toute, la chose peu surprenante ?",
    )
    text = _text(why)
    assert "ne donnent pas le coût" not in text
    assert "alliance militaro-politique" in text  # the sentence that says why


def test_quelle_somme_still_asks_an_amount(five_base: FactBase) -> None:
    (reply,) = chat(five_base, "quelle somme pour le plan uk ?")
    assert "ne donnent pas le coût" in _text(reply)
