"""Issue 22, the eighth blind set: classes of misses fixed by general rules, each checked on
cases of our own on the frozen five-article base (``tests/fixtures/five``) or on made-up
sentences — never on the blind set's own phrasings."""

from __future__ import annotations

from bot.content.model import FactBase
from bot.engine.cards import accord
from bot.engine.index import Index
from bot.render.text import render_text
from tests.chat import TODAY, chat
from tests.chat import reply_text as _text


def test_a_year_asked_of_an_agreement_meets_the_period_it_covers(five_base: FactBase) -> None:
    """Point 1: the UK plan is dated October 2025 and covers 2026-2027; « 2027 » finds it,
    says it is kept for its period, never « aucun accord ne correspond »."""
    index = Index(five_base)
    text = _text(accord(index, "2027 Royaume-Uni", TODAY))
    assert "Aucun accord" not in text
    assert "2026/27" in text
    assert "pour la période qu'il couvre (2026 – 2027)" in text
    # a year neither its date nor its period meets still finds nothing
    assert "Aucun accord" in _text(accord(index, "2024 Royaume-Uni", TODAY))
    # a list says which line is held by its period
    listed = _text(accord(index, "2026", TODAY))
    assert "est retenu pour la période couverte" in listed


def test_a_plan_asked_with_a_year_it_covers_then_its_date(five_base: FactBase) -> None:
    """Point 1, follow-up: « signé quand ? » after « plan britannique 2027 » keeps a filter that
    finds the plan, so it gets the plan's date, not an empty answer."""
    first, then = chat(five_base, "plan de defense britannique 2027", "signé quand ?")
    assert "Aucun accord" not in _text(first)
    assert "2026/27" in _text(first)
    assert "Aucun accord" not in _text(then)
    assert "octobre 2025" in render_text(then)  # on the plan's line (its label)


def test_a_year_checked_in_a_yes_no_question_is_no_search_word(five_base: FactBase) -> None:
    """Point 3: the year a yes/no question gives is the value checked; the passage is found by
    the subject, and a different year there is said « Non : … » — never the passage of
    another event of the year asked."""
    asked = "L'Azerbaïdjan est-il bien entré au Partenariat pour la paix de l'OTAN en 1996 ?"
    (reply,) = chat(five_base, asked)
    text = _text(reply)
    assert text.startswith(("Non : d'après l'article, « de 1994 », pas 1996.", "Pas d'après"))
    assert "1994" in text and "Partenariat pour la paix" in text
    assert "CPEA" not in text  # the 1997 event the year alone would find
    # the year the articles give is no « Non »
    (right,) = chat(five_base, asked.replace("1996", "1994"))
    assert "Non :" not in _text(right)


def test_an_adverb_of_degree_leaves_the_subject_of_a_fact_check_the_same() -> None:
    """Point 3: « bien », « vraiment » in the question are not words the quote must hold."""
    from bot.engine.fact_check import contradicted

    quote = "Selon le ministère, la flotte a quitté le port de Gdansk en 2019."
    assert contradicted("la flotte a bien quitté le port de Gdansk en 2021 ?", quote) == (
        "Non : d'après l'article, « en 2019 », pas 2021."
    )


def test_a_programme_joined_in_another_year_is_said_dated_otherwise(five_base: FactBase) -> None:
    """Point 3: « adhéré au PPP en 1999 ? » — the programme is a related actor of the
    accession, not a party: its own line is said dated otherwise, never « aucun événement »."""
    (reply,) = chat(five_base, "l'Azerbaïdjan a vraiment adhéré au PPP en 1999 ?")
    text = _text(reply)
    assert "Pas d'après les articles, qui le datent autrement" in text
    assert "1994" in text
    assert "Aucun événement" not in text


def test_a_rank_asked_without_accents_is_a_rank_and_finds_the_ordinal() -> None:
    """Point 6: « combientieme », « quantieme » ask a rank: the passage carries an ordinal."""
    from bot.engine.passage import asked_type, carries

    assert asked_type("le salon naval c la combientieme edition") == "rang"
    assert asked_type("quantieme sommet ?") == "rang"
    assert asked_type("combien de pays ?") == "combien"
    assert carries("rang", "Riga accueille son 5ᵉ Salon naval.")
    assert carries("rang", "la troisième édition du sommet")
    assert not carries("rang", "Le Salon naval de Riga réunit 40 pays.")


def test_the_rank_of_the_forum_is_found_then_never_said_missing(five_base: FactBase) -> None:
    """Point 6 and the false « the articles don't give it »: the rank asked, with a year in
    the question or after another passage on the forum, is the article's « 3ᵉ Forum »."""
    (reply,) = chat(five_base, "forum de bakou 2025 c la combientieme edition")
    assert "3ᵉ Forum" in _text(reply)
    _, then = chat(five_base, "cyberattaques au forum de bakou", "c'était quelle édition ?")
    assert "3ᵉ Forum" in _text(then)
    assert "ne donnent pas le rang" not in _text(then)


def test_an_ordinal_ranking_the_subjects_thing_counts_as_its_rank() -> None:
    """Point 6: before saying the articles give no rank, a sentence of the subject's article
    whose ordinal ranks a thing the subject's line names counts (« son 3ᵉ Forum » for a line
    on the forum); an ordinal ranking another thing does not."""
    from bot.engine.detail import _ranks_one_of

    named = {"forum", "cyber"}
    assert _ranks_one_of("Bakou a ouvert son 3ᵉ Forum international de sécurité.", named)
    assert not _ranks_one_of("C'est la 2e fois que le ministre vient à Bakou.", named)


def test_a_follow_up_asking_the_office_of_the_person_shown(five_base: FactBase) -> None:
    """Point 4: « il occupe quel poste ? » — a verb that only asks the office, an adverb
    (« actuellement ») — continues the person just shown, never « je ne sais pas à quoi la
    rattacher »."""
    _, then = chat(
        five_base, "qui a réagi à la Douma ?", "il occupe quelle fonction actuellement ?"
    )
    text = _text(then)
    assert "suite de" in text
    assert "commission de la CEI" in text


def test_what_the_person_shown_said_of_a_topic_asked_with_inversion(five_base: FactBase) -> None:
    """Point 4: « et qu'a-t-il dit du lien entre A et B ? » (inverted, a long topic) asks what
    the person just shown said of that topic, not the card of B."""
    _, then = chat(
        five_base,
        "qui a réagi à la Douma ?",
        "et qu'a-t-il dit au sujet des relations entre l'Azerbaïdjan et la Turquie ?",
    )
    text = _text(then)
    assert "suite de" in text
    assert "commandement communs" in text


def test_a_side_asked_after_a_card_stays_on_its_agreement(five_base: FactBase) -> None:
    """Point 4: « et côté américain, qui ? » after the card of the US accord asks who was
    there for that party — the accord's own sentence (JD Vance), never a search that lands on
    another agreement the United States only mediated; « et où ? » then stays on it too."""
    _, side, where = chat(
        five_base,
        "accord azerbaidjan etats-unis signé quand",
        "et côté américain, c'était qui ?",
        "et ou ça ?",
    )
    assert "JD Vance" in _text(side)
    assert "processus de paix" not in _text(side)
    assert "Palais présidentiel" in _text(where) or "à Bakou" in _text(where)
    assert "processus de paix" not in _text(where)


def test_lately_is_read_as_recently_never_as_a_missing_word(five_base: FactBase) -> None:
    """Point 5's other side: « ces derniers temps » says recently; its « temps » is never said
    absent from the articles nor left aside."""
    (reply,) = chat(five_base, "du nouveau avec la Turquie ces derniers temps ?")
    text = _text(reply)
    assert "« temps »" not in text


def test_what_an_agreement_provides_for_is_its_own_sentence(five_base: FactBase) -> None:
    """Point 2: « le plan avec Londres prévoit quoi ? » opens on the plan's sentence saying
    what the two countries will work on — not a list of the agreements with their titles."""
    (reply,) = chat(five_base, "le plan avec londres prévoit quoi ?")
    text = _text(reply)
    assert text.startswith("Compris")
    first_quote = next(b.text for b in reply.blocks if type(b).__name__ == "Quote")
    assert "formation militaire" in first_quote
    # a yes/no question on a thing the plan would provide is no « what does it provide? »
    (asked,) = chat(five_base, "le plan avec Londres prévoit-il des ventes de chars à Bakou ?")
    assert "son objet" not in _text(asked)


def test_what_the_agreement_shown_provides_for_as_a_follow_up(five_base: FactBase) -> None:
    """Point 4: after a passage on the US accord, « et concrètement, l'accord prévoit quoi ? »
    is asked of that accord (its « L'accord prévoit … » sentence), not a longer search."""
    _, then = chat(
        five_base,
        "qui était face à Aliyev pour les Américains ?",
        "et concrètement, l'accord prévoit quoi ?",
    )
    first_quote = next(b.text for b in then.blocks if type(b).__name__ == "Quote")
    assert "dialogue stratégique régulier" in first_quote
    assert "suite de" in _text(then)


def test_an_actor_asked_by_one_name_meets_a_sentence_naming_it_by_another(
    five_base: FactBase,
) -> None:
    """Point 2: « Iran » asked meets « Téhéran » in the sentence (one-word names and aliases
    of one actor, never a demonym): « l'Iran et le corridor » opens on « Moscou et Téhéran
    sont arqueboutés contre ce projet », whose subject (the corridor) is its neighbour's."""
    (reply,) = chat(five_base, "que pense l'Iran du corridor ?")
    quotes = [b.text for b in reply.blocks if type(b).__name__ == "Quote"][:2]
    assert any("Téhéran sont arqueboutés" in quote for quote in quotes)  # its antecedent
    # may come first, saying what « ce projet » is


def test_an_actor_no_sentence_names_with_the_subject_is_said_untold(five_base: FactBase) -> None:
    """Point 5: a question on an actor that no sentence of the articles names together with
    any of the question's other words opens on « Les articles ne le disent pas », with what
    was searched — never the nearest passage alone as if it answered."""
    (reply,) = chat(five_base, "Moscou a quelle position sur le format régional 3+3 ?")
    text = _text(reply)
    assert "Les articles ne le disent pas : aucune de leurs phrases ne nomme « Russie »" in text
    assert "texte intégral" in text
    # an actor some sentence names with a word asked: nothing claimed (« la Turquie » and
    # « réforme militaire » are in one sentence)
    (named,) = chat(five_base, "la réforme militaire et la Turquie, quel document signé ?")
    assert "Les articles ne le disent pas : aucune de leurs phrases" not in _text(named)


def test_stopped_is_read_as_the_articles_word(five_base: FactBase) -> None:
    """Point 6 and the like: « stoppé » (absent from the articles) is read « arrêté », said in
    the « Compris » line, and finds the passage on the oil imports stopped."""
    (reply,) = chat(five_base, "bakou a stoppé ses achats de pétrole russe ?")
    text = _text(reply)
    assert "« stoppé » lu « arrêté »" in text
    assert "importations de pétrole russe" in text


def test_what_came_next_is_the_nearest_line_of_the_subjects_story(five_base: FactBase) -> None:
    """Point 4: « et ensuite ? » after the PPP's card (nothing later with the PPP) widens to
    the actor whose next line is nearest — 1997's CPEA, tied to NATO — before 2025's lines on
    Azerbaijan and NATO together."""
    _, then = chat(five_base, "/org PPP", "et ensuite ?")
    text = _text(then)
    assert "filtre élargi" in text
    assert "CPEA" in text


def test_familiar_work_is_read_as_the_articles_word(five_base: FactBase) -> None:
    """Point 6 and the like: « bosser » (familiar, absent from the articles) is read
    « travailler », and finds what the two countries « travailleront » on together."""
    (reply,) = chat(five_base, "Bakou et Londres vont bosser ensemble sur quoi ?")
    text = _text(reply)
    assert "« bosser » lu « travailler »" in text
    assert "formation militaire" in text
