"""Issue 22, classes of the eleventh blind set's misses (pass i22zg), on cases of our own over
the frozen five-article base (``tests/fixtures/five``):

- a short follow-up pointing back with a demonstrative (« cette signature ») after a search
  stays on the subject just shown, even when the noun names no line of it; « rendu (cette
  signature) publique » is read « annoncé » with its object kept (``questions``, ``idioms``).
"""

from __future__ import annotations

from bot.engine.courtesy import without_courtesy
from bot.engine.idioms import without_idioms
from bot.engine.index import Index
from bot.engine.misspelt import unglued
from bot.engine.moves import asked_move
from bot.engine.passage import asks_someone
from bot.engine.questions import follow_up, understand
from bot.engine.reasons import asks_reason, gives_reason
from bot.engine.shorthand import expand
from bot.engine.thread import Asked
from tests.chat import TODAY, chat
from tests.chat import reply_text as _text


def test_made_public_with_its_object_between_is_read_announced():
    assert without_idioms("qui a rendu ce plan public ?") == "qui a annoncé ce plan ?"
    assert without_idioms("qui a rendu publique la signature ?") == "qui a annoncé la signature ?"
    assert "publique" in without_idioms("la liste rendue très longue et publique")


def test_a_short_pointing_follow_up_after_a_search_stays_on_its_subject(five_base):
    index = Index(five_base)
    searched = Asked("/cherche plan defense londres", "/cherche plan defense londres")
    for asked in ("qui a annoncé ce projet ?", "qui a rendu cette signature publique ?"):
        found = follow_up(index, asked, searched, TODAY)
        assert found is not None and found.said.startswith("suite de"), asked
    # a kind of event the reader reads on its own (« cette réunion ») is not continued here,
    # nor a long question pointing back: it keeps its own words
    assert follow_up(index, "qui était présent à ce sommet ?", searched, TODAY) is None
    long = "quels domaines couvre ce plan de coopération signé entre les deux pays cette année ?"
    assert follow_up(index, long, searched, TODAY) is None


def test_a_pointed_follow_up_keeps_the_subject_in_a_chat(five_base):
    first, reply = chat(
        five_base,
        "Quel texte de défense Bakou a-t-il conclu avec Londres, et pour quelle durée ?",
        "Qui a rendu ce document public ?",
    )
    assert "Royaume-Uni" in _text(first)
    text = _text(reply)
    assert "suite de" in text
    assert "britannique" in text and "Zatulin" not in text


def test_a_reason_asked_is_read_in_its_usual_french_forms():
    for asked in (
        "pourquoi Bakou se rapproche de l'OTAN ?",
        "pk bakou signe avec londres",
        "Pour quelle raison l'Iran s'inquiète-t-il ?",
        "Dans quel but ce texte a-t-il été conclu ?",
        "Quel objectif poursuit Bakou ?",
        "qu'est-ce qui motive ce rapprochement ?",
        "c quoi l'idée derrière ce plan ?",
    ):
        assert asks_reason(asked), asked
    for asked in ("quand le plan a-t-il été signé ?", "qui a présidé le forum ?", "quel butin ?"):
        assert not asks_reason(asked), asked


def test_a_sentence_giving_a_reason_or_an_aim_is_told_from_one_that_does_not():
    for sentence in (
        "Le pays coopère parce que la menace grandit.",
        "Un accord visant à renforcer la sécurité.",
        "L'Iran a toujours craint qu'un voisin prospère ne provoque des désordres.",
        "Ce plan s'inscrit dans une stratégie plus large.",
        "Bakou cherche à assurer son rôle.",
        "Il a été reporté en raison de la météo.",
    ):
        assert gives_reason(sentence), sentence
    for sentence in (
        "Cette région présente toutes les caractéristiques d'une zone instable.",  # not « car »
        "Le forum s'est ouvert le 21 septembre.",
        "Les ministres se sont rencontrés à Bakou.",
    ):
        assert not gives_reason(sentence), sentence


def test_why_is_answered_by_the_sentence_giving_the_reason_not_a_list(five_base):
    (reply,) = chat(five_base, "pour quelle raison Bakou a-t-il conclu un plan avec Londres ?")
    text = _text(reply)
    assert "visant à diversifier" in text
    assert not text.startswith("Compris : accords")
    found = understand(Index(five_base), "pk bakou fait un plan avec londres, c quoi l'idee ?")
    assert found is not None and found.data.startswith("/cherche ") and found.reason
    assert "idee" not in found.unsaid  # the word naming what is asked is not said missing


def test_a_reason_of_another_subject_does_not_lead(five_base):
    (reply,) = chat(five_base, "pourquoi Moscou prend-il si mal le rapprochement Bakou–OTAN ?")
    assert "irritent au plus haut point le Kremlin" in _text(reply)[:400]


def test_familiar_and_formal_wrappings_ask_nothing_of_their_own(five_base):
    assert expand("ya quoi comme accords") == "il y a quoi comme accords"
    assert expand("y'a des manœuvres ?") == "il y a des manœuvres ?"
    assert asked_move("D'où tient-on ça ?") == "source"
    assert asked_move("d'où ils tiennent cette info ?") == "source"
    plain = without_courtesy("Madame, Monsieur, auriez-vous la bonté de me dire qui préside ?")
    assert plain.casefold().startswith("qui préside"), plain
    assert without_courtesy("Monsieur le ministre a dit quoi ?").startswith("Monsieur")
    (reply,) = chat(five_base, "ya quels membres dans l ots")
    assert "Je n'ai pas compris" not in _text(reply)
    assert "Kazakhstan" in _text(reply)


def test_who_opened_asks_a_person_and_a_passage_naming_none_says_so(five_base):
    assert asks_someone("qui a ouvert le forum ?") == "personne"
    assert asks_someone("qui a inauguré la réunion ?") == "personne"
    assert asks_someone("c'était le ministre en personne ?") == "personne"
    assert asks_someone("qu'est-ce qui a été ouvert ?") == ""
    (reply,) = chat(five_base, "qui a ouvert le forum international de sécurité ?")
    assert _text(reply).split(" Le passage")[1].startswith(" le plus proche ne donne pas de nom")


def test_an_exact_count_of_an_order_of_size_is_said_not_given(five_base):
    (reply,) = chat(five_base, "combien de drones de combat, exactement, la Turquie a fournis ?")
    text = _text(reply)
    assert "ne donnent pas de nombre exact de drones" in text
    assert text.index("ne donnent pas de nombre exact") < text.index("des centaines de drones")
    assert text.count("nombre exact") == 1  # said once, though both passes know the case
    (plain,) = chat(five_base, "combien de drones de combat la Turquie a fournis ?")
    # without « exactement » the order of size is said too (the view's rule, i22zf), once
    assert _text(plain).count("nombre exact") == 1


def test_where_from_is_answered_by_an_origin(five_base):
    (reply,) = chat(five_base, "d'où proviennent les armements azéris ?")
    text = _text(reply)
    assert "d'origine russe" in text
    assert "ne donne pas de lieu" not in text


def test_an_elision_typed_without_its_apostrophe_is_read_as_two_words(five_base):
    index = Index(five_base)
    assert unglued(index, "larmee") == "l'armée"
    assert unglued(index, "lotan") == "l'OTAN" or unglued(index, "lotan") == "l'otan"
    for word in ("larmes", "dune", "sanctions", "armee", "lot"):  # words of their own
        assert unglued(index, word) is None, word
    (reply,) = chat(five_base, "lexercice de cet ete avec larmee azerie cetait lequel")
    text = _text(reply)
    assert "Agile Spirit" in text and "pour « larmee »" in text
