"""Abbreviations read in the articles' context (issue 22, task i22zj): a short word that is one
actor's code and another's initials is read as the one the articles tie to the question's
other words; when they tie neither better, both readings are named and no line says the
articles lack the reading that was only guessed. On the five frozen articles."""

from __future__ import annotations

from datetime import date

from bot.content.model import FactBase
from bot.engine.index import Index
from bot.engine.initials import read_initials, without_guessed_absence
from bot.engine.questions import respond
from bot.engine.reply import Para, Reply
from bot.render.text import render_text

TODAY = date(2026, 12, 6)


def test_initials_read_by_the_articles_context(five_base: FactBase):
    index = Index(five_base)
    text, said, guessed = read_initials(index, "l'UA, au forum de Bakou, elle a dit quoi ?")
    assert "Union africaine" in text and "UA" not in text
    assert "« UA » lu Union africaine" in said and not guessed
    # the code's own reading when the context is the code's country
    text, said, _ = read_initials(index, "ua : l'opération spéciale de la Russie en 2022 ?")
    assert "Union africaine" not in text
    answer = render_text(respond(index, "ua au forum de Bakou, annoncé quoi ?", TODAY))
    assert "Union africaine" in answer
    assert "ne nomme pas « Ukraine »" not in answer


def test_a_plain_word_is_no_abbreviation(five_base: FactBase):
    index = Index(five_base)
    question = "le forum de Bakou a réuni qui ?"
    assert read_initials(index, question) == (question, "", ())


def test_no_absence_said_of_a_guessed_reading():
    reply = Reply(
        (
            Para("Ce passage, le plus proche, ne nomme pas « Russie » ; le voici :", "note"),
            Para("Les articles ne nomment pas « Ruritanie ».", "note"),
        )
    )
    kept = without_guessed_absence(reply, ("Russie",))
    assert [b.text for b in kept.blocks if isinstance(b, Para)] == [
        "Les articles ne nomment pas « Ruritanie »."
    ]
