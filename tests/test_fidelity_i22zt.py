"""Issue 22, i22zt: the fifteenth set's fidelity findings — a false « not said » when the
sentence answering sits in an article about the actor asked without naming it again, and the
other causes fixed in this step."""

from __future__ import annotations

from bot.content.model import FactBase
from bot.engine.article_subject import about_actors
from bot.engine.index import Index
from tests.chat import chat, reply_text


def test_no_false_absence_when_the_article_about_the_actor_holds_the_words(
    five_base: FactBase,
) -> None:
    # « Sur le plan de la sécurité, les discussions ont porté sur … » never names the United
    # States again, but its article (« Bakou et Washington … ») is about them: never « aucune
    # de leurs phrases ne nomme « États-Unis » avec « sécurité » »
    (reply,) = chat(
        five_base, "Pour la sécurité, de quoi Bakou et Washington ont-ils discuté au juste ?"
    )
    assert "ne le disent pas" not in reply_text(reply)


def test_an_article_naming_two_actors_in_its_heading_is_about_neither_alone(
    five_base: FactBase,
) -> None:
    index = Index(five_base)
    assert about_actors(index, "belgium-times", ("US",))  # « Bakou et Washington »
    assert about_actors(index, "otan-delegation", ("otan",))  # « … la délégation de l'OTAN »
    # « L'Azerbaïdjan, l'OTAN et l'OTS »: two subjects, none alone; the home country is none
    assert not about_actors(index, "otan-ots", ("otan",))
    assert not about_actors(index, "belgium-times", (five_base.vocabulary.home,))


def test_a_filter_of_several_partners_no_agreement_joins_lists_each_ones_and_says_so(
    five_base: FactBase,
) -> None:
    # each agreement has one partner: « all three » finds none, and « aucun accord ne
    # correspond » would be a false « no result »
    for question in (
        "Du plan avec Londres, du mémorandum avec Ankara et de l'accord avec Washington, "
        "quel partenariat est le plus récent ?",
        "/accord Turquie Royaume-Uni",
    ):
        (reply,) = chat(five_base, question)
        text = reply_text(reply)
        assert "ne correspond" not in text, question
        assert "Aucun accord n'a pour parties à la fois" in text, question
        assert "mémorandum" in text and "plan de coopération" in text, question
        assert "cité, non partie" not in text, question  # never cited: no role said
    (reply,) = chat(
        five_base,
        "Du plan avec Londres, du mémorandum avec Ankara et de l'accord "
        "avec Washington, quel partenariat est le plus récent ?",
    )
    assert "Azerbaïdjan et États-Unis signent" in reply_text(reply)


def test_a_follow_up_asking_where_next_opens_the_neighbour_sentence_giving_the_place(
    five_base: FactBase,
) -> None:
    # the quote shown says where the oil goes first; the article's next place (« vers
    # Novorossiysk ») sits in a neighbour entry about the same company: never « les phrases
    # de ce sujet n'en disent pas plus »
    _, reply = chat(
        five_base,
        "Lukoil va livrer combien de tonnes à Makhatchkala en novembre ?",
        "et ensuite ce pétrole va où ?",
    )
    text = reply_text(reply)
    assert "n'en disent pas plus" not in text
    assert "Novorossiysk" in text


def test_an_order_against_an_event_dated_only_by_its_article_is_not_settled(
    five_base: FactBase,
) -> None:
    # the NATO meeting has only its article's date (6 November): it may come before the UK
    # plan (30 October at the latest), so no « la ligne 2 est postérieure »
    (reply,) = chat(
        five_base,
        "De la rencontre d'Aliyev avec la délégation de l'OTAN et de la signature du plan de "
        "défense britannique, lequel est venu en premier ?",
    )
    text = reply_text(reply)
    assert "postérieure" not in text
    assert "ne permettent pas de trancher" in text


def test_who_made_it_known_asks_who_tells_what_was_just_shown(five_base: FactBase) -> None:
    # « rendu public », « révélé »: the teller of the plan (the British embassy on X), never
    # a search on « rendu » that opens a Russian MP's words, nor « aucune phrase ne donne de
    # nom »
    for follow_up in ("qui a rendu ça public ?", "qui l'a révélé ?"):
        _, reply = chat(
            five_base, "Quoi de nouveau côté défense entre Londres et Bakou ?", follow_up
        )
        text = reply_text(reply)
        assert "représentation diplomatique britannique" in text, follow_up
        assert "Zatulin" not in text and "ne le disent pas" not in text, follow_up
