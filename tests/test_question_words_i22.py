"""Question words read right (issue 22, outside phone readers' points 4 and 5): an
interrogative word before an inverted verb makes a which/what question, not a yes/no one;
« qu'est-ce qui » asks what, not who."""

from __future__ import annotations

from datetime import date

from bot.engine.index import Index
from bot.engine.passage import asked_type
from bot.engine.questions import respond
from bot.engine.yesno import verdict_set_aside
from bot.render.text import render_text

TODAY = date(2026, 12, 6)


def test_an_interrogative_word_before_the_inverted_verb_is_no_yes_no_question():
    for asked in (
        "Dans quel port la flotte a-t-elle mouillé l'an dernier ?",
        "À quelle manœuvre la marine a-t-elle pris part ?",
        "Combien de navires la marine a-t-elle envoyés ?",
        "Pourquoi le ministre a-t-il démissionné ?",
        "Où les troupes sont-elles stationnées ?",
        "Quand est-ce que le traité entre en vigueur ?",
        "Lequel des deux pays a-t-il ratifié ?",
    ):
        assert verdict_set_aside(asked)[1] is False, asked
    # the yes/no forms stay yes/no
    assert verdict_set_aside("la marine a-t-elle manœuvré en mer Caspienne ?")[1] is True
    assert verdict_set_aside("est-ce que le traité qu'ils ont signé est en vigueur ?")[1] is True


def test_qu_est_ce_qui_asks_what_not_who():
    assert asked_type("qu'est-ce qui a été décidé au sommet de Bakou ?") != "qui"
    assert asked_type("Qu'est-ce qui est prévu pour la marine ?") != "qui"
    assert asked_type("ce qui a été ratifié par le parlement ?") != "qui"
    assert asked_type("qui a ratifié le traité ?") == "qui"
    assert asked_type("et qui est le ministre ?") == "qui"


def test_no_oui_and_no_missing_name_said_on_what_questions(base):
    index = Index(base)
    for asked in (
        "À quel accord l'Azerbaïdjan a-t-il participé ?",
        "qu'est-ce qui a été signé avec l'Azerbaïdjan ?",
    ):
        text = render_text(respond(index, asked, TODAY))
        assert "Oui, d'après l'article" not in text, asked
        assert "ne donne pas de nom" not in text, asked
