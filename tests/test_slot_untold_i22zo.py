"""Issue 22, task i22zo: the detail a question asks (who, where, how many, when) that no
sentence on its subject gives is said on the first line, with what was searched; never when a
sentence holds it in other words. Questions of our own on the frozen five-article base."""

from __future__ import annotations

import pytest

from bot.content.model import FactBase
from bot.engine.slot_untold import _gives_slot, asked_verb
from tests.chat import chat, reply_text


def _first(base: FactBase, question: str) -> str:
    reply = chat(base, question)[0]
    return getattr(reply.blocks[0], "text", "")


@pytest.mark.parametrize(
    ("question", "said"),
    [
        (
            "qui conduisait la délégation de l'OTAN venue à Bakou cet automne ?",
            "Les articles ne disent pas qui conduisait la délégation de l'OTAN",
        ),
        (
            "combien Londres va-t-il payer pour ce plan de défense ?",
            "Les articles ne disent pas combien Londres va payer pour ce plan de défense",
        ),
    ],
)
def test_a_slot_no_sentence_of_the_subject_gives_is_said_first(
    five_base: FactBase, question: str, said: str
) -> None:
    """The first line says the detail is missing and what was searched, then the nearest."""
    first = _first(five_base, question)
    assert first.startswith(said)
    assert "(cherché dans les phrases des articles qui parlent de « " in first
    assert first.endswith("au plus proche :")


def test_the_search_names_the_subject_of_the_question(five_base: FactBase) -> None:
    """« délégation » and « OTAN » are what was searched, never the asked verb."""
    first = _first(five_base, "qui conduisait la délégation de l'OTAN venue à Bakou cet automne ?")
    assert "qui parlent de « délégation »" in first
    assert "conduisait »" not in first


@pytest.mark.parametrize(
    "question",
    [
        "qui a reçu la délégation de l'OTAN ?",  # Aliyev met it: the one who received it
        "qui a rencontré la délégation de l'OTAN ?",
        "combien de nations au forum de Bakou ?",  # « plus de 80 nations »
        "où s'est tenu le forum de sécurité de septembre ?",  # « à Bakou », « de Bakou »
        "le plan de défense avec Londres couvre quelle période ?",  # « 2026-2027 »
        "quand Aliyev a-t-il reçu la délégation de l'OTAN ?",  # the line's date is shown
        "qui a signé l'accord de partenariat stratégique avec les États-Unis ?",
        "les drones de l'armée azerbaïdjanaise viennent d'où ?",  # « turcs et israéliens »
        "qui a assuré la médiation entre Bakou et Erevan en août ?",  # « des États-Unis »
        "qui a fait savoir que le plan avec Londres était signé ?",  # « la représentation »
        "combien de tonnes de pétrole Lukoil redirigera vers le Daghestan à partir de décembre ?",
        "depuis quand l'Azerbaïdjan est-il membre du Partenariat pour la paix ?",
        "qui a tenu le rôle de médiateur entre Bakou et Erevan l'été dernier ?",  # « avec la
        "qui s'est exprimé devant la délégation de l'OTAN ?",  # médiation des États-Unis »
        "l'OTS existe depuis combien de temps ?",  # « depuis 2009 »: a duration
        "Lukoil redirige son pétrole où ?",  # « vers Makhatchkala » (a « où » the reader leaves)
        "dans quelle ville s'est tenu le forum international de sécurité ?",  # « Bakou »
        "combien de pays réunit l'OTS ?",  # « dont la Turquie, le Kazakhstan, … »: a list
    ],
)
def test_never_said_missing_when_a_sentence_holds_the_slot(
    five_base: FactBase, question: str
) -> None:
    """A slot held in other words (a title, « plus de 80 », « à Bakou », a period) is never
    said missing: no « cherché dans les phrases » line."""
    assert "cherché dans les phrases des articles" not in reply_text(chat(five_base, question)[0])


@pytest.mark.parametrize(
    ("kind", "sentence"),
    [
        ("qui", "L'accord a été signé par le vice-président américain JD Vance à Bakou."),
        ("qui", "Les ministères de la Défense ont signé l'accord."),
        ("combien", "Le forum a réuni plus de 80 nations du monde entier."),
        ("combien", "Elle réunit des pays dont la Turquie, le Kazakhstan et l'Ouzbékistan."),
        ("ou", "Le forum s'est tenu à Bakou."),
        ("ou", "Les manœuvres auront lieu en Turquie."),
        ("quand", "Un plan pour la période 2026-2027."),
        ("quand", "Les discussions ont eu lieu en août."),
    ],
)
def test_slots_held_in_other_words(kind: str, sentence: str) -> None:
    """Each form that answers the slot counts, whatever the question's words."""
    assert _gives_slot(kind, sentence, "accord", "signe", False)


@pytest.mark.parametrize(
    ("kind", "sentence"),
    [
        ("qui", "Aliyev l'a dit lors d'une rencontre avec une délégation de l'OTAN."),
        ("combien", "Le forum s'est ouvert le 21 septembre 2025."),
        ("ou", "Le plan a été signé pour la période 2026-2027."),
        ("quand", "Le plan lie les deux ministères de la Défense."),
    ],
)
def test_slots_not_held(kind: str, sentence: str) -> None:
    """A person who meets the head is not its leader; a date is no count, nor a place."""
    assert not _gives_slot(kind, sentence, "delegation", "conduisait", False)


def test_a_place_asked_that_the_reader_leaves_untyped(five_base: FactBase) -> None:
    """« dans quel pays … ? », a « où » inside the question: a place asked all the same."""
    first = _first(five_base, "les manœuvres de l'OTS, elles doivent se dérouler dans quel pays ?")
    assert first.startswith("Les articles ne donnent pas le lieu demandé (cherché dans les phrases")


def test_the_asked_act_of_a_who_question() -> None:
    """« qui conduisait » asks an act; « qui est … » names none (never said missing)."""
    assert asked_verb("qui conduisait la délégation ?") == "conduisait"
    assert asked_verb("qui a prononcé le discours ?") == "prononce"
    assert asked_verb("qui est le partenaire de Bakou ?") == ""
