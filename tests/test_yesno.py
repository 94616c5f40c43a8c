"""Yes/no questions (issue 22, phone readers' class 2): verdict words set aside, the
verdict-bearing passage on top, « Oui, d'après l'article : » only when its quote states it."""

from __future__ import annotations

from datetime import date

from bot.engine.index import Index
from bot.engine.questions import respond
from bot.engine.reply import Para, Quote
from bot.engine.yesno import states, verdict_set_aside
from bot.render.text import render_text

TODAY = date(2026, 12, 6)
OUI = "Oui, d'après l'article :"


def test_verdict_words_are_set_aside_and_a_yes_no_question_is_recognised():
    assert verdict_set_aside("vrai ou faux : Bakou a signé") == ("Bakou a signé", True)
    assert verdict_set_aside("Bakou a signé ? oui/non") == ("Bakou a signé ?", True)
    assert verdict_set_aside("est-ce que Bakou a signé ?") == ("Bakou a signé ?", True)
    assert verdict_set_aside("la France a-t-elle signé ?")[1] is True
    # « qu'est-ce que » asks what a thing is, not yes or no
    assert verdict_set_aside("qu'est-ce que le PAIP ?") == ("qu'est-ce que le PAIP ?", False)
    assert verdict_set_aside("oui/non") == ("oui/non", False)


def test_oui_needs_every_asked_word_in_the_quote_and_no_negation():
    quote = "l'Azerbaïdjan a arrêté ses importations de pétrole russe"
    assert states(quote, "Azerbaïdjan arrêté importer pétrole russe")
    assert not states(quote, "Azerbaïdjan arrêté importer gaz russe")
    assert not states("l'Azerbaïdjan n'a pas arrêté ses importations", "Azerbaïdjan arrêté")
    assert not states(quote, "Azerbaïdjan n'a pas arrêté importations")


def _first_quote(reply):
    return next(block.text for block in reply.blocks if isinstance(block, Quote))


def test_a_yes_no_question_reads_like_its_statement_and_says_oui_over_the_stating_quote(base):
    index = Index(base)
    statement = "l'Azerbaïdjan a arrêté d'importer du pétrole russe"
    plain = respond(index, f"{statement} ?", TODAY)
    for asked in (
        f"est-ce que {statement} ?",
        f"vrai ou faux : {statement}",
        f"{statement} ? oui/non",
    ):
        reply = respond(index, asked, TODAY)
        assert _first_quote(reply) == _first_quote(plain), asked
        text = render_text(reply)
        assert "vrai" not in text.split("\n")[0] and "oui non" not in text, asked
        if states(_first_quote(reply), "Azerbaïdjan arrêté importer pétrole russe"):
            assert any(isinstance(b, Para) and b.text == OUI for b in reply.blocks), asked


def test_no_oui_over_a_quote_that_does_not_state_every_asked_word(base):
    index = Index(base)
    reply = respond(index, "est-ce que l'Azerbaïdjan a arrêté d'importer du gaz russe ?", TODAY)
    quote = next((b.text for b in reply.blocks if isinstance(b, Quote)), "")
    if not states(quote, "Azerbaïdjan arrêté importer gaz russe"):
        assert OUI not in render_text(reply)
    assert "Non" not in render_text(reply).split("\n")[1]
