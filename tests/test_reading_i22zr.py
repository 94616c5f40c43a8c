"""Issue 22, task i22zr: the question's words read as the reader meant them (outside phone
readers of the fourteenth blind set). A spoken connective (« du coup ») is no word to search;
an unknown name written with a capital is said unknown, never read as a common word
(« Biden » is not « bien »); an acronym of the base glued to its elided article where no word
of French or of the articles could stand (« laze » is « l'AZE », the Azerbaïdjan). Questions
of our own on the frozen five-article base."""

from __future__ import annotations

from dataclasses import replace
from types import MappingProxyType

from bot.content.model import FactBase
from bot.engine.courtesy import without_courtesy
from bot.engine.reply import Para
from tests.chat import chat, reply_text


def test_a_spoken_connective_is_never_searched(five_base: FactBase) -> None:
    replies = chat(
        five_base,
        "quand a été signé l'accord de partenariat avec les États-Unis ?",
        "la cérémonie, elle était à Paris du coup ?",
    )
    text = reply_text(replies[1])
    assert "coup" not in text


def test_spoken_connectives_go_only_where_they_close_a_clause() -> None:
    assert without_courtesy("signé où au juste ?") == "signé où ?"
    assert without_courtesy("En fait, qui a signé ?") == "Qui a signé ?"
    assert without_courtesy("la Hongrie en fait partie ?") == "la Hongrie en fait partie ?"
    assert "coup d'État" in without_courtesy("un coup d'État a eu lieu ?")


def test_an_unknown_name_is_said_unknown_never_read_as_a_word(five_base: FactBase) -> None:
    reply = chat(five_base, "si je comprends, c'est Biden qui a signé l'accord avec Aliyev ?")[0]
    text = reply_text(reply)
    assert "« Biden »" in text
    assert "pour « Biden »" not in text  # never « Lu : bien (pour « Biden ») »


def test_a_misspelt_known_name_is_still_read(five_base: FactBase) -> None:
    text = reply_text(chat(five_base, "qu'a dit le président Aliev à la délégation ?")[0])
    assert "pour « Aliev »" in text


def test_a_glued_code_that_is_no_word_is_read_anywhere(five_base: FactBase) -> None:
    azerbaijan = five_base.actors["AZ"]
    coded = replace(azerbaijan, aliases=(*azerbaijan.aliases, "AZE"))
    base = replace(five_base, actors=MappingProxyType({**five_base.actors, "AZ": coded}))
    reply = chat(base, "laze a fait une demande d'adhésion à l'OTAN ?")[0]
    compris = " ".join(b.text for b in reply.blocks if isinstance(b, Para))
    assert "(pour « laze »)" in compris
    assert "Azerbaïdjan" in compris


def test_a_question_on_a_beginning_opens_on_the_sentence_that_says_it(
    five_base: FactBase,
) -> None:
    """« commencé » is in no article; « ont débuté en 1992 » says it, not the latest exercise."""
    for question in (
        "l'Azerbaïdjan a commencé à travailler avec l'OTAN en quelle année ?",
        "quand l'Azerbaïdjan a-t-il commencé avec l'OTAN ?",
    ):
        text = reply_text(chat(five_base, question)[0])
        assert "débuté en 1992" in text[:500], question
        assert "ne donne pas de date" not in text, question


def test_a_demonstrative_follow_up_with_a_reflexive_verb_stays_on_its_subject(
    five_base: FactBase,
) -> None:
    """« ces manœuvres se tiendraient où ? » after the OTS proposal: « tiendraient » is the verb
    asked of « ces manœuvres », no new subject; the place is said untold of those manoeuvres,
    never answered by another exercise."""
    replies = chat(
        five_base,
        "qu'a proposé le président azéri aux pays de l'OTS début octobre ?",
        "et ces manœuvres se tiendraient où ? un pays hôte est choisi ?",
    )
    text = reply_text(replies[1])
    assert "ne donnent pas le lieu" in text
    assert "Agile Spirit" not in text


def test_a_place_asked_by_its_kind_is_a_place(five_base: FactBase) -> None:
    """« dans quel pays ? » after an exercise asks its place: said untold when no sentence on
    it names one, not the same line again without a word."""
    replies = chat(
        five_base,
        "quel exercice de l'OTAN l'armée azerbaïdjanaise a-t-elle fait cet été ?",
        "et ça se passait dans quel pays ?",
    )
    text = reply_text(replies[1])
    assert "ne donnent pas le lieu" in text


def test_a_pointed_back_verdict_shows_no_other_subject(five_base: FactBase) -> None:
    """« ils ont conclu leurs accords ? » after the EU–India accords: « ils » are the EU and
    India; the verdict on their accords is the answer, never followed by Azerbaijan's signed
    accords (one was signed in Bakou: read as what « ils » had signed)."""
    replies = chat(
        five_base,
        "pourquoi parle-t-on de l'UE et de l'Inde à propos du forum de Bakou ?",
        "alors ils ont signé leurs accords à Bakou ?",
        "et pour quels secteurs ?",
    )
    text = reply_text(replies[1])
    assert "Pas d'après les articles" in text
    assert "en cours de finalisation" in text
    assert "États-Unis" not in text and "Royaume-Uni" not in text
    assert "Inde" in reply_text(replies[2])


def test_a_synonym_is_read_only_where_the_articles_use_it_of_the_subject(
    five_base: FactBase,
) -> None:
    """« opposé » is read « contre » where the articles write « contre » of what is asked
    (Moscow and Tehran against the corridor), never of the OTS manoeuvres, which no article
    says anyone opposed: « le mot employé par les articles » would pass that off as said."""
    mine = reply_text(
        chat(five_base, "le Kazakhstan s'est-il opposé aux manœuvres conjointes de l'OTS ?")[0]
    )
    assert "lu « contre »" not in mine
    corridor = reply_text(chat(five_base, "qui s'oppose au corridor de Zanguezour ?")[0])
    assert "lu « contre »" in corridor


def test_a_place_asked_back_is_read_from_the_subject_just_shown(five_base: FactBase) -> None:
    """« ça s'est passé à Washington ? » after the accord signed in Bakou: asked of that
    accord, from its own quotes — not the United States' chronology."""
    replies = chat(
        five_base,
        "quand a été signé l'accord de partenariat stratégique avec les États-Unis ?",
        "et ça a eu lieu à Washington ?",
        "c'était à Bakou alors ?",
    )
    text = reply_text(replies[1])
    assert text.index("Pas d'après l'article") < text.index("à Bakou")
    assert "jamais « à Washington »" in text
    assert "Chronologie" not in text
    assert "Oui, d'après l'article" in reply_text(replies[2])


def test_a_follow_up_naming_its_own_subject_is_not_asked_of_the_previous_one(
    five_base: FactBase,
) -> None:
    replies = chat(
        five_base,
        "quand a été signé l'accord de partenariat stratégique avec les États-Unis ?",
        "et la Turquie, elle a signé quelque chose à Ankara ?",
    )
    assert "Accord de partenariat stratégique Azerbaïdjan – États-Unis »" not in reply_text(
        replies[1]
    )


def test_a_synonym_counts_the_subject_its_article_is_about(five_base: FactBase) -> None:
    """« approuvée » stands in the forum's article, far from the word « forum »: the article's
    label (« Forum de Bakou 2025 ») tells what its sentences are about."""
    text = reply_text(
        chat(five_base, "Le forum a-t-il abouti à un document formellement adopté ?")[0]
    )
    assert "lu « approuvée »" in text


def test_when_an_organisation_was_formed_is_read_from_its_own_start(five_base: FactBase) -> None:
    """« l'OTS a été créée quand ? »: no « not understood », no later membership line; the
    articles give no creation date, and the earliest they date (« réunit depuis 2009 », with
    the members) is said in their words, never called its founding."""
    for question in ("l'OTS a été créée quand ?", "ots cree en quelle annee et c qui les membres"):
        text = reply_text(chat(five_base, question)[0])
        assert "ne donnent pas de date de création" in text, question
        assert "réunit depuis 2009 des pays de langue turcique dont la Turquie, le Kazakhstan" in (
            text
        )
        assert text.index("2009") < text.find("2018"), question
