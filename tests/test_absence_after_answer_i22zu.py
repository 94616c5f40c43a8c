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


def test_a_person_s_name_missing_still_opens_the_answer(five_base: FactBase) -> None:
    (reply,) = chat(five_base, "Quel message Jens Stoltenberg a-t-il adressé à Bakou ?")
    assert _top(reply).startswith("Les articles ne nomment pas « Jens Stoltenberg »")
    assert abbreviation("MoD") and abbreviation("SACEUR")
    assert not abbreviation("Stoltenberg") and not abbreviation("Jens Stoltenberg")


def test_an_adverb_of_degree_is_never_the_asked_thing(five_base: FactBase) -> None:
    (reply,) = chat(five_base, "pourquoi l'Iran se méfie-t-il autant de Bakou ?")
    assert not any(isinstance(b, Para) and "ne mentionnent pas" in b.text for b in reply.blocks)
    assert "craint" in reply_text(reply)


def test_the_subject_s_own_entry_comes_before_a_passage_sharing_one_word(
    five_base: FactBase,
) -> None:
    """« rassemble » is in the forum's sentence (« rassemblant plus de 80 nations »), which
    never names the OTS: the OTS's own entry is shown, under what no sentence says."""
    (reply,) = chat(five_base, "l'OTS, elle rassemble qui exactement ?")
    quote = next(b.text for b in reply.blocks if isinstance(b, Quote))
    assert "OTS" in quote and "Forum" not in quote
    top = [b.text for b in reply.blocks if isinstance(b, Para)]
    assert any(t.startswith("Ce que les articles disent de « OTS »") for t in top)
    assert not any(t.startswith("Ce passage, le plus proche, ne nomme pas") for t in top)
