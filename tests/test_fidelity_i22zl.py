"""Issue 22, task i22zl (outside readers of the thirteenth blind set, critical findings): a
« depuis quand » about one actor asks when its link with the home country began, never a
sentence that only holds the word « depuis » about another actor (« l'OTS réunit depuis
2009 … » for the OTAN). Questions of our own on the frozen five-article base."""

from __future__ import annotations

import pytest

from bot.content.model import FactBase
from tests.chat import chat, reply_text


@pytest.mark.parametrize(
    "question",
    [
        "depuis qd avec l otan",
        "depuis quand avec l'OTAN ?",
        "otan, depuis quand ?",
    ],
)
def test_since_when_with_an_actor_gives_its_own_start(five_base: FactBase, question: str) -> None:
    text = reply_text(chat(five_base, question)[0])
    assert "1992" in text
    assert "2009" not in text  # the OTS's year: another organisation's sentence


@pytest.mark.parametrize(
    "question",
    [
        "Accord Azerbaïdjan–Arménie avec médiation américaine, signé quand ?",
        "/accord Azerbaïdjan Arménie États-Unis signé",
        "quels accords ont signé l'Arménie, l'Azerbaïdjan et les USA ?",
    ],
)
def test_an_agreement_asked_with_its_mediator_is_found(five_base: FactBase, question: str) -> None:
    """A signed agreement that an actor asked only mediated is the answer, its mediator said
    as such and never as a signatory — never « aucun accord ne correspond »."""
    text = reply_text(chat(five_base, question)[0])
    assert "Aucun accord ne correspond" not in text
    assert "août 2025" in text
    assert "médiateur, non signataire" in text
    assert "États-Unis (signataire)" not in text


def test_a_signatory_asked_keeps_only_its_own_agreements(five_base: FactBase) -> None:
    """With an agreement the actor signed, the one it mediated stays out, and said so."""
    text = reply_text(chat(five_base, "/accord Azerbaïdjan États-Unis signé")[0])
    assert "10 février 2026" in text
    assert "Écarté de cette liste" in text


@pytest.mark.parametrize(
    "question",
    [
        "Explique-moi l'OTS en deux phrases, c'est quoi ce truc ?",
        "l'OTS en quelques mots ?",
        "Peux-tu m'expliquer l'OTS en trois lignes ?",
        "En bref, c'est quoi l'OTS ?",
    ],
)
def test_the_form_asked_of_the_answer_is_no_word_to_search(
    five_base: FactBase, question: str
) -> None:
    """« en deux phrases », « explique-moi », « ce truc » ask the answer's form: the known
    organisation asked is answered (its quote), never « les articles ne le disent pas »."""
    text = reply_text(chat(five_base, question)[0])
    assert "ne le disent pas" not in text
    assert "ne nomme pas" not in text
    assert "réunit depuis 2009 des pays de langue turcique" in text


@pytest.mark.parametrize(
    ("question", "left"),
    [
        ("Explique-moi pourquoi Bakou a signé ce plan", "pourquoi Bakou a signé ce plan"),
        ("le résumé de l'accord", "le résumé de l'accord"),
        ("les deux phrases du président", "les deux phrases du président"),
    ],
)
def test_answer_form_words_leave_the_question_itself(question: str, left: str) -> None:
    from bot.engine.courtesy import without_courtesy

    assert without_courtesy(question).casefold() == left.casefold()


@pytest.mark.parametrize(
    ("follow_up", "said"),
    [
        ("la Hongrie en fait partie ?", "membre observateur"),
        ("et le Turkménistan, il en est membre ?", "membre observateur"),
    ],
)
def test_en_fait_partie_stands_for_the_organisation_shown(
    five_base: FactBase, follow_up: str, said: str
) -> None:
    """After the OTS's card, « en » is the OTS: the answer is the observer status the article
    gives, never the NATO meeting where Hungary also sat, nor a plain « Oui »."""
    text = reply_text(chat(five_base, "c'est quoi l'OTS ?", follow_up)[1])
    assert said in text
    assert "auprès de l'OTAN" not in text
    assert "Oui" not in text


def test_en_after_a_country_card_is_left_as_typed(five_base: FactBase) -> None:
    from bot.engine.index import Index
    from bot.engine.of_previous import membership_of_previous

    index = Index(five_base)
    question = "l'OTS en fait partie ?"
    assert membership_of_previous(index, question, "/pays Turquie") == question
    assert membership_of_previous(index, "la Hongrie en fait partie ?", "/org OTS") == (
        "la Hongrie est membre de OTS ?"
    )


@pytest.mark.parametrize(
    ("question", "pair", "absent"),
    [
        ("Le partenariat Bakou-Washington, signé quand ?", "Bakou-Washington", False),
        ("La coopération Ankara-Bakou, elle date de quand ?", "Ankara-Bakou", False),
        ("Et l'axe Bakou-Pyongyang ?", "Bakou-Pyongyang", True),
    ],
)
def test_a_hyphenated_pair_of_names_is_absent_only_when_one_is(
    five_base: FactBase, question: str, pair: str, absent: bool
) -> None:
    """« Bakou-Washington »: both names are in the articles, so the pair is never said
    unnamed; a pair with a name no article holds still is."""
    text = reply_text(chat(five_base, question)[0])
    assert (f"Les articles ne nomment pas « {pair} »" in text) is absent


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("Bakou membre de l'OTAN depuis 94 ?", "Bakou membre de l'OTAN depuis 1994 ?"),
        ("signé en 25 ?", "signé en 2025 ?"),
        ("prévu en 30 jours ?", "prévu en 30 jours ?"),
        ("les 94 pays ?", "les 94 pays ?"),
    ],
)
def test_a_year_of_two_digits_after_a_preposition_is_read_in_full(typed: str, read: str) -> None:
    from bot.engine.shorthand import expand

    assert expand(typed) == read


def test_a_false_membership_since_a_short_year_gets_its_correction(five_base: FactBase) -> None:
    """« … membre de l'OTAN depuis 94 ? »: the 1994 adhesion is to the Partnership for
    Peace, said on top, never a side sentence on « pays membres de l'OTAN »."""
    text = reply_text(chat(five_base, "Bakou est membre de l'OTAN depuis 94 ?")[0])
    assert text.startswith("Pas d'après les articles")
    assert "Partenariat pour la paix" in text


@pytest.mark.parametrize(
    ("question", "no"),
    [
        ("OTS créée en 2018 ?", True),
        ("l'OTS existe depuis 2018 ?", True),
        ("l'Organisation des États turciques a été fondée en 2020 ?", True),
        ("l'OTS existait en 2018 ?", False),
        ("l'OTS a été créée en 2005 ?", False),
        ("la Hongrie a rejoint l'OTS en 2018 ?", False),
    ],
)
def test_an_organisation_said_started_after_its_own_start_gets_a_no(
    five_base: FactBase, question: str, no: bool
) -> None:
    """« OTS créée en 2018 ? » over « réunit depuis 2009 »: « Non », the article's words
    quoted; an earlier year, a mere existence or another actor's join is no contradiction."""
    text = reply_text(chat(five_base, question)[0])
    said = "Non : d'après l'article, « Cette organisation réunit depuis 2009"
    assert (said in text) is no
    if no:
        assert "réunit depuis 2009 des pays de langue turcique" in text
