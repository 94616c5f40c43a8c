"""« signé par qui ? » never shows the signing of another agreement as the signatories of the
one asked (an outside reader: after the long-term partnership's answer, the plan's « Les
ministères … ont signé un plan … » was shown under the partnership, which no article says
was signed), and still names the signatories of the agreement the previous answer showed."""

from __future__ import annotations

from datetime import date

from bot.content.model import FactBase
from bot.engine.index import Index
from bot.engine.questions import respond_in_thread
from bot.engine.reply import Item, Para, Quote
from bot.engine.signing_untold import signed_by_whom_untold

TODAY = date(2026, 12, 6)


def _thread(index: Index, *questions: str):
    previous = None
    reply = None
    for question in questions:
        reply, previous = respond_in_thread(index, question, TODAY, previous)
    assert reply is not None
    return reply


def test_signed_by_whom_of_an_agreement_no_article_says_signed_names_no_one(five_base: FactBase):
    index = Index(five_base)
    untold = [a for a in index.base.agreements if signed_by_whom_untold(index, a)]
    assert untold, "la base figée a un accord dont aucun article ne rapporte la signature"
    partnership = next(a for a in untold if "partenariat" in a.title.lower())
    reply = _thread(index, f"quand a été signé le {partnership.title} ?", "signé par qui ?")
    notes = [b.text for b in reply.blocks if isinstance(b, Para)]
    assert any("ne disent pas qui l'a signé" in text for text in notes), notes
    quotes = [b.text for b in reply.blocks if isinstance(b, Quote)]
    assert not any("ont signé" in text for text in quotes), quotes


def test_signed_by_whom_after_a_passage_of_a_signed_agreement_names_its_signatories(
    five_base: FactBase,
):
    index = Index(five_base)
    reply = _thread(
        index,
        "plan de défense avec Londres, pour quelle période ?",
        "signé par qui ? un ministre ou quelqu'un d'autre ?",
    )
    lines = [b.text for b in reply.blocks if isinstance(b, Item)]
    quotes = [b.text for b in reply.blocks if isinstance(b, Quote)]
    assert quotes and "ont signé" in quotes[0], quotes[:1]
    assert lines and "plan" in lines[0].lower() and "Partenariat" not in lines[0], lines[:1]
