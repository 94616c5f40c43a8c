"""Issue 22, task i22zn (outside readers of the thirteenth blind set): the passage put on top
answers the question. A sentence sharing the question's common words (« depuis plusieurs
années ») never beats the one holding the slot asked (the period « 2026-2027 »), and a verb
of the question (« il couvre ») is never taken for its subject. Questions of our own on the
frozen five-article base."""

from __future__ import annotations

import pytest

from bot.content.model import FactBase
from bot.engine.passage import question_verbs
from bot.engine.reply import Quote, Reply
from tests.chat import chat


def _top_quote(reply: Reply) -> str:
    return next(block.text for block in reply.blocks if isinstance(block, Quote))


@pytest.mark.parametrize(
    "question",
    [
        "quelles années couvre le plan de défense entre Londres et Bakou ?",
        "quels mois couvre le plan de coopération entre Londres et Bakou ?",
    ],
)
def test_a_period_asked_opens_on_the_sentence_giving_it(five_base: FactBase, question: str) -> None:
    top = _top_quote(chat(five_base, question)[0])
    assert "2026" in top
    assert "plusieurs années" not in top  # shares « années » only


@pytest.mark.parametrize(
    ("question", "verb"),
    [
        ("Le plan, il couvre quelles années ?", "couvre"),
        ("couvre-t-il 2027 ?", "couvre"),
        ("elle s'appelle comment ?", "appelle"),
        ("Prévoit-elle des ventes d'armes ?", "prevoit"),
        ("qui a ouvert le forum ?", "ouvert"),
    ],
)
def test_the_verb_after_a_subject_pronoun_is_a_verb(question: str, verb: str) -> None:
    assert verb in question_verbs(question)


@pytest.mark.parametrize(
    ("question", "word"),
    [
        ("Bakou, est-il membre de l'OTS ?", "membre"),
        ("Prévoit-elle des ventes d'armes ?", "des"),
        ("Le plan, il couvre quelles années ?", "plan"),
    ],
)
def test_an_inverted_pronoun_takes_no_noun_for_a_verb(question: str, word: str) -> None:
    assert word not in question_verbs(question)


def test_a_dated_sentence_sharing_one_word_stays_below_the_answer(five_base: FactBase) -> None:
    """« les portes » of the dated forum share « port » and « Bakou » with the question: the
    sentence on the ban stays on top, said to give no date."""
    question = "les pétroliers russes sont interdits du port de Bakou depuis quelle date ?"
    reply = chat(five_base, question)[0]
    assert "pétroliers russes" in _top_quote(reply)
    assert "ne donne pas de date" in " ".join(getattr(b, "text", "") for b in reply.blocks)


@pytest.mark.parametrize(
    "question", ["délégation de l'Alliance menée par qui ?", "délégation OTAN dirigée par qui ?"]
)
def test_the_act_asked_of_an_agent_is_not_the_subject(five_base: FactBase, question: str) -> None:
    """« menée par qui ? »: the participle is the act asked; the passage is about the
    delegation, never a sentence sharing only « mené » (« l'embargo économique mené par
    Bakou ») or a common word."""
    top = _top_quote(chat(five_base, question)[0])
    assert "délégation" in top
    assert "embargo" not in top


def test_an_agent_asked_marks_its_participle_as_a_verb() -> None:
    assert "menee" in question_verbs("délégation OTAN menée par qui ?")


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("et l'énergie dans l'accord avec les États-Unis, ça dit quoi ?", "énergie"),
        ("dans l'accord avec les USA, il y a quoi sur l'énergie ?", "énergie"),
    ],
)
def test_an_aspect_asked_of_an_agreement_opens_on_its_sentence(
    five_base: FactBase, question: str, said: str
) -> None:
    """An aspect the question names (a topic of the vocabulary the agreement's line lacks)
    opens on the sentence about it, never on the one saying what the agreement provides in
    general."""
    top = _top_quote(chat(five_base, question)[0])
    assert said in top.casefold()
    assert "prévoit" not in top


def test_an_aim_asked_keeps_what_the_agreement_provides(five_base: FactBase) -> None:
    """« sur quoi porte … ? » asks what it provides: no aspect is read in the question's
    other words."""
    text = " ".join(
        getattr(block, "text", "")
        for block in chat(five_base, "l'accord avec les USA, il porte sur quoi ?")[0].blocks
    )
    assert "prévoit" in text
