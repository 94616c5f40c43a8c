"""A follow-up whose words an unshown sentence of its subject holds gets that sentence, never
« les phrases de ce sujet n'en disent pas plus » (a false « not said »: the fourteenth blind
set's fidelity reader, AC02)."""

from __future__ import annotations

from bot.content.model import FactBase
from bot.engine.index import Index
from bot.engine.reply import Quote
from bot.engine.said_again import unshown_evidence
from bot.render.text import render_text
from tests.chat import chat

SIGNED = (
    "pouvez-vous me dire la date et le lieu de la signature de l'accord de partenariat "
    "stratégique avec les États-Unis, et qui s'est rencontré ?"
)
TALKS = "et sur quels thèmes portaient les pourparlers avant la cérémonie ?"


def test_a_follow_up_gets_the_subjects_unshown_sentence(five_base: FactBase) -> None:
    first, second = chat(five_base, SIGNED, TALKS)
    before = [b.text for b in first.blocks if isinstance(b, Quote)]
    assert not any("pourparlers" in text for text in before)  # not shown by the first answer
    text = render_text(second)
    assert "n'en disent pas plus" not in text
    quotes = [b.text for b in second.blocks if isinstance(b, Quote)]
    assert any("précédée de plusieurs heures de pourparlers" in q for q in quotes), text


def test_an_unshown_sentence_needs_the_follow_ups_words(five_base: FactBase) -> None:
    index = Index(five_base)
    accord = next(
        a
        for a in five_base.agreements
        if "ceremonie" in " ".join(index.tokens(" ".join(item.quote for item in a.evidence)))
    )
    assert unshown_evidence(index, TALKS, accord.evidence, ()) is not None
    assert unshown_evidence(index, "et le climat, alors ?", accord.evidence, ()) is None
