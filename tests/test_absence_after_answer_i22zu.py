"""A word's absence is no verdict on the subject (issue 22, task i22zu: phone readers of the
fifteenth blind set read « Les articles ne nomment pas « MoD » » and « … ne mentionnent pas
« méfie » ni « autant » » on top as « not covered », over quotes that answered). On the five
frozen articles, with phrasings of our own."""

from __future__ import annotations

from bot.content.model import FactBase
from bot.engine.absent_names import abbreviation
from bot.engine.reply import Item, Para, Quote, QuoteGroup, Reply
from tests.chat import chat, reply_text


def _top(reply: Reply) -> str:
    return next(b.text for b in reply.blocks if isinstance(b, Para))


def test_an_abbreviation_the_articles_never_write_is_said_after_the_answer(
    five_base: FactBase,
) -> None:
    (reply,) = chat(five_base, "Du nouveau entre le MoD azerbaïdjanais et Londres ?")
    assert not _top(reply).startswith("Les articles ne nomment pas")
    shown = [i for i, b in enumerate(reply.blocks) if isinstance(b, (Quote, QuoteGroup, Item))]
    note = next(
        i
        for i, b in enumerate(reply.blocks)
        if isinstance(b, Para) and b.text.startswith("Les articles ne nomment pas « MoD »")
    )
    assert shown and shown[0] < note  # the absence is still said, under the answer
    assert "Royaume-Uni" in reply_text(reply)
    # the line on top need not name the actor when its quote does
    (reply,) = chat(five_base, "Quoi de neuf avec les PermReps des États-Unis chez Aliyev ?")
    assert not _top(reply).startswith("Les articles ne nomment pas")
    assert any(
        isinstance(b, Para) and b.text.startswith("Les articles ne nomment pas « PermReps »")
        for b in reply.blocks
    )


def test_a_person_s_name_missing_still_opens_the_answer(five_base: FactBase) -> None:
    (reply,) = chat(five_base, "Quel message Jens Stoltenberg a-t-il adressé à Bakou ?")
    assert _top(reply).startswith("Les articles ne nomment pas « Jens Stoltenberg »")
    assert abbreviation("MoD") and abbreviation("SACEUR")
    assert not abbreviation("Stoltenberg") and not abbreviation("Jens Stoltenberg")


def test_an_adverb_of_degree_is_never_the_asked_thing(five_base: FactBase) -> None:
    (reply,) = chat(five_base, "pourquoi l'Iran se méfie-t-il autant de Bakou ?")
    assert not any(isinstance(b, Para) and "ne mentionnent pas" in b.text for b in reply.blocks)
    assert "craint" in reply_text(reply)
