"""Issue 22, phone readers of the ninth blind set: the « Compris » line, the « not found »
lines and the search buttons, as built (pass i22zc), on the frozen five-article base with
questions of our own:

1. the « Compris » line says the question type and the subject words that steer the answer
   (actors by name and flag, words the articles hold), words without effect last and capped,
   never conversational filler; a search button carries subject words only;
2. a « not said » line is built on subject words only, and only a name it lacks stays on top
   of an answer whose quote holds most of what is asked;
3. a follow-up of a search says the previous subject, not the raw command;
4. a sentence that mentions « sources » is a question, not the list of articles.
"""

from __future__ import annotations

from datetime import date

from bot.content.model import FactBase
from bot.engine.discourse import is_filler
from bot.engine.index import Index
from bot.engine.questions import respond, understand
from bot.engine.reading_line import subject_said
from bot.engine.reply import Para, Reply
from bot.engine.unsaid import MOST_WITHOUT_EFFECT, absent_words
from tests.chat import chat

TODAY = date(2026, 12, 6)


def _compris(reply: Reply) -> str:
    return next(b.text for b in reply.blocks if isinstance(b, Para) and "Compris" in b.text)


def _labels(reply: Reply) -> list[str]:
    return [button.label for row in reply.buttons for button in row]


# 1. the « Compris » line: what steers the answer, short


def test_the_reading_line_names_the_subject_not_the_conversation(five_base: FactBase) -> None:
    index = Index(five_base)
    question = (
        "Petite vérification, je crois qu'on m'a dit ça : qui a présidé le forum de Bakou ? "
        "Mon rédacteur en chef veut savoir, stp."
    )
    found = understand(index, question, TODAY)
    assert found is not None and found.data.startswith("/cherche ")
    said = found.said
    assert said.startswith("« qui ? » — ") and "forum" in said and "Bakou" in said
    for filler in ("Petite", "vérification", "crois", "rédacteur", "veut", "stp", "recherche"):
        assert filler not in said, said


def test_an_actor_is_said_by_its_flag_and_words_in_the_question_order(
    five_base: FactBase,
) -> None:
    index = Index(five_base)
    words = "accord etats unis gaz"
    said = subject_said(index, "l'accord avec les États-Unis couvre-t-il le gaz ?", words)
    flag = five_base.actors["US"].flag
    assert said.startswith(f"accord {flag} États-Unis"), said
    assert said.index("États-Unis") < said.index("gaz")


def test_a_which_question_says_what_it_asks(five_base: FactBase) -> None:
    index = Index(five_base)
    found = understand(index, "quels domaines couvre l'accord avec les États-Unis ?", TODAY)
    assert found is not None
    assert found.said.startswith("« quels domaines ? » — "), found.said
    assert found.said.count("domaines") == 1  # asked, not repeated as a subject word


def test_words_without_effect_come_last_capped_and_never_filler(five_base: FactBase) -> None:
    index = Index(five_base)
    words = ("licornes", "dragons", "griffons", "chimères", "intéresse")
    said = absent_words(index, words)
    assert said.startswith(" (aucun article n'emploie : ") and said.endswith("…)")
    assert said.count(",") == MOST_WITHOUT_EFFECT - 1 and "intéresse" not in said
    assert absent_words(index, ("passons", "stp")) == ""
    reply = respond(index, "les drones de Turquie et les licornes ?", TODAY)
    assert "licornes" not in _compris(reply)  # said neutrally, after the answer (i22zm)
    assert getattr(reply.blocks[-1], "text", "") == "Laissé de côté : « licornes »."


def test_a_search_button_carries_subject_words_only(five_base: FactBase) -> None:
    index = Index(five_base)
    question = (
        "Je me demandais, mon rédacteur en chef veut savoir et je crois bien que c'est passé "
        "inaperçu : quel rôle les drones turcs ont-ils joué dans l'armement azerbaïdjanais ?"
    )
    labels = [label for label in _labels(respond(index, question, TODAY)) if "🔎" in label]
    assert labels
    for label in labels:
        for filler in ("demandais", "redacteur", "veut", "crois"):
            assert filler not in label, label


def test_filler_words_are_conversation_not_subject() -> None:
    for word in ("passons", "crois", "Petite", "vérification", "stp", "intéresse", "surtout"):
        assert is_filler(word), word
    for word in ("drones", "accord", "forum", "demande", "chef", "Turquie"):
        assert not is_filler(word), word


# 2. « not said » lines on subject words only


def test_no_absence_line_is_built_on_a_filler_word(five_base: FactBase) -> None:
    index = Index(five_base)
    reply = respond(index, "Passons. Petite vérification, truc curieux : les drones turcs ?", TODAY)
    opening = " ".join(b.text for b in reply.blocks[:2] if isinstance(b, Para))
    for filler in ("Passons", "vérification", "truc", "curieux"):
        assert f"« {filler} »" not in opening, opening
        assert f"« {filler.lower()} »" not in opening, opening


def test_an_answer_holding_most_of_the_question_says_missing_words_last(
    five_base: FactBase,
) -> None:
    """« personne » and « venu » are in no article, but the quote that answers holds Bakou,
    the strategic partnership and Aliyev: no « not mentioned » line on top of it."""
    index = Index(five_base)
    question = (
        "Le ministre en personne est venu à Bakou signer ce partenariat stratégique avec Aliyev ?"
    )
    found = understand(index, question, TODAY)
    assert found is not None and found.key_unsaid and found.data.startswith("/cherche ")
    reply = respond(index, question, TODAY)
    first = reply.blocks[0]
    assert isinstance(first, Para) and first.text.startswith("Compris"), first
    assert "personne" not in first.text  # said neutrally, after the answer (i22zm)
    last = reply.blocks[-1]
    assert isinstance(last, Para) and last.text == "Laissé de côté : « personne », « venu ».", last


def test_a_missing_name_stays_on_top(five_base: FactBase) -> None:
    index = Index(five_base)
    reply = respond(
        index,
        "Je me demandais si c'est bien Trump en personne qui est venu à Bakou signer ce "
        "partenariat stratégique avec Aliyev ?",
        TODAY,
    )
    first = reply.blocks[0]
    assert isinstance(first, Para) and first.text.startswith("Les articles ne mentionnent pas")
    assert "« Trump »" in first.text and "demandais" not in first.text, first.text


# 3. a follow-up of a search says the subject


def test_a_follow_up_of_a_search_never_shows_the_raw_command(five_base: FactBase) -> None:
    _first, second = chat(
        five_base,
        "je crois qu'on m'a dit que des drones turcs équipent l'armée azerbaïdjanaise ?",
        "et les israéliens, je me demandais ?",
    )
    line = _compris(second)
    assert line.startswith("Compris : suite de « drones"), line
    assert "/cherche" not in line and "crois" not in line and "demandais" not in line, line
    assert "israéliens" in line or "israeliens" in line, line


# 4. « sources » inside a sentence


def test_a_sentence_mentioning_sources_is_a_question(five_base: FactBase) -> None:
    index = Index(five_base)
    asked = understand(index, "C'est bien ce que disent nos sources sur les drones turcs ?")
    assert asked is not None and asked.command != "/sources"
    for command in ("quelles sont tes sources ?", "sources", "liste des sources stp"):
        found = understand(index, command)
        assert found is not None and found.command == "/sources", command


# 3 bis. a conversational opener is dropped: the follow-up behind it continues the thread


def test_an_opener_is_dropped_and_the_follow_up_continues(five_base: FactBase) -> None:
    for opener in ("Au passage,", "Petite question :", "Truc curieux :", "Passons."):
        _card, second = chat(five_base, "/pays Turquie", f"{opener} et en 2025 ?")
        line = _compris(second)
        assert line.startswith("Compris : suite de votre question sur « 🇹🇷 Turquie"), (opener, line)
        assert "2025" in line, line
