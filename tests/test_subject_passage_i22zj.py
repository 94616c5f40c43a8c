"""The closest passage shares the subject, or is left out (issue 22, task i22zj): a passage on
top that names none of the question's actors goes when a later one of the answer names one;
« mis en avant » is read « souligné », never searched as « avant ». On the five frozen
articles and on answers made here."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from bot.content.model import FactBase
from bot.engine.index import Index
from bot.engine.reply import Item, Para, Quote, Reply
from bot.engine.subject_passage import subject_on_top
from bot.render.text import render_text

TODAY = date(2026, 12, 6)
OFF = "Des démonstrations ont mis en avant les dernières avancées dans l'intelligence artificielle."
ON = "La république coopère étroitement avec la Turquie ; les deux pays ont signé un mémorandum."


def _answer(*rest: Item | Quote | Para) -> Reply:
    return Reply(
        (
            Para("Compris : « quel lien ? » — Turquie", "note"),
            Para("Ce passage, le plus proche, ne nomme pas « Turquie » ; le voici :", "note"),
            Para("D'après l'article :", "note"),
            Quote(OFF, ""),
            *rest,
        )
    )


def test_a_passage_off_the_subject_gives_way_to_one_on_it(five_base: FactBase):
    index = Index(five_base)
    question = "quel lien avec la Turquie ?"
    out = render_text(
        subject_on_top(index, _answer(Item("•", "Mémorandum", 0, "m"), Quote(ON, "")), question)
    )
    assert "démonstrations" not in out and "ne nomme pas" not in out
    assert out.index("Compris") < out.index("Turquie ; les deux pays")


def test_it_stays_when_nothing_else_names_the_subject_or_it_names_it(five_base: FactBase):
    index = Index(five_base)
    alone = _answer(Item("•", "Forum", 0, "f"), Quote("Le forum a réuni 80 pays.", ""))
    assert "démonstrations" in render_text(
        subject_on_top(index, alone, "quel lien avec la Turquie ?")
    )
    named = render_text(
        subject_on_top(
            index,
            _answer(Item("•", "Mémorandum", 0, "m"), Quote(ON, "")),
            "quel lien avec l'intelligence artificielle ?",  # no actor named: nothing to check
        )
    )
    assert "démonstrations" in named


def test_a_bare_passage_on_the_asked_matter_stays(five_base: FactBase):
    index = Index(five_base)
    energy = "L'énergie était l'un des thèmes centraux de la réunion."
    reply = Reply(
        (
            Para("Compris : Turquie, énergie", "note"),
            Para("D'après l'article :", "note"),
            Quote(energy, ""),
            Item("•", "Mémorandum", 0, "m"),
            Quote(ON, ""),
        )
    )
    assert "thèmes centraux" in render_text(
        subject_on_top(index, reply, "la Turquie et l'énergie ?")
    )
    shared_little = "quel lien a-t-il avec la Turquie ?"  # no key word of it in OFF
    bare = replace(
        reply, blocks=(reply.blocks[0], *reply.blocks[1:2], Quote(OFF, ""), *reply.blocks[3:])
    )
    assert "démonstrations" not in render_text(subject_on_top(index, bare, shared_little))
