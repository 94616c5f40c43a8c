"""A plain question read as a search shows the passage that answers it on top, unfolded, in a
first message well under a phone screen; the reader's smaller classes of the phone reading
(issue 22): « aide » inside a sentence, names in capitals that are also little words,
« combien de … ? » continuing the last subject, and counts of one in headers."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from bot.content.yamlread import read_yaml
from bot.engine.index import Index
from bot.engine.passage import asked_type, carries
from bot.engine.questions import respond, respond_in_thread, understand
from bot.engine.reply import Quote
from bot.engine.search import sources
from bot.render.html import render_html, visible_length
from bot.render.text import render_text
from bot.text import fold

TODAY = date(2026, 11, 23)
QUESTIONS = Path(__file__).parent / "questions_dev2.yaml"
PLAIN_SCREEN = 1200
"""Visible characters a searched question's first message stays under: the phone screen of the
first-screen rule. (On the shipped base these answers stay near 1,000; on a grown base a
two-part answer with its second passage open reached 1,053, within the rule.)"""


def test_the_question_type_is_read_and_checked_against_a_passage():
    assert asked_type("rencontre aliyev / délégation otan : date ?") == "quand"
    assert asked_type("combien de pays au forum ?") == "combien"
    assert asked_type("qui dirigeait la délégation ?") == "qui"
    assert asked_type("lieu de la cérémonie ?") == "ou"
    assert asked_type("accord usa : volet techno ?") == ""
    assert carries("quand", "Le 21 septembre 2025, Bakou a ouvert le forum.")
    assert not carries("quand", "Bakou a ouvert le forum.")
    assert carries("combien", "Le forum réunit plus de 80 pays.")
    assert not carries("combien", "Le forum réunit des pays.")
    asked = frozenset(["forum", "bakou"])
    assert carries("qui", "Le forum de Bakou a été ouvert par Ilham Aliyev.", asked)
    assert not carries("qui", "Le forum de Bakou a été ouvert hier.", asked)


def _searched(index: Index) -> list[str]:
    found = []
    for question in read_yaml(QUESTIONS.read_text())["questions"]:
        if question.get("follow_up_of"):
            continue
        reading = understand(index, question["q"], TODAY)
        if reading is not None and reading.data.startswith("/cherche") and not reading.counted:
            found.append(question["q"])
    return found


def test_a_searched_question_shows_its_answering_passage_unfolded_on_a_short_first_screen(base):
    index = Index(base)
    questions = _searched(index)
    assert len(questions) >= 10
    for question in questions:
        reply = respond(index, question, TODAY)
        first = render_html(reply)[0]
        assert visible_length(first) <= PLAIN_SCREEN, (question, visible_length(first))
        passage = next(block for block in reply.blocks if isinstance(block, Quote))
        # the passage is an article's own words (a quote, or a quote completed to its whole
        # sentence as every view shows it), shown open in the first message
        assert any(
            passage.text in e.quote for entry in base.entries() for e in entry.evidence
        ) or any(passage.text in seed for seed in base.seeds.values())
        shown = first.replace("&#x27;", "'").replace("<blockquote>… ", "<blockquote>")  # a cut
        assert f"<blockquote>{passage.text[:40]}" in shown, question
        assert not render_text(reply).splitlines()[1].startswith("RECHERCHE"), question


def test_aide_inside_a_sentence_is_not_the_help_command(base):
    index = Index(base)
    asked = understand(index, "j'aurais besoin d'aide sur l'accord avec les usa", TODAY)
    assert asked is not None and not asked.command.startswith("/aide")
    help_asked = understand(index, "aide ?", TODAY)
    assert help_asked is not None and help_asked.command == "/aide"


def test_a_name_in_capitals_that_is_a_little_word_names_its_actor(base):
    index = Index(base)
    for alias in ("EU", "US"):
        match = index.names.find_actor(alias)
        assert match is not None
        asked = understand(index, alias, TODAY)
        assert asked is not None and match.actor.name in asked.command


def test_combien_de_after_a_question_counts_within_its_subject(base):
    index = Index(base)
    _first, asked = respond_in_thread(index, "forum de bakou", TODAY)
    assert asked is not None
    reply, again = respond_in_thread(index, "combien de pays ?", TODAY, asked)
    text = render_text(reply)
    # under « pas de nombre exact » when the figure is an order of size (i22zf)
    assert any("suite de" in line for line in text.splitlines()[:3])
    assert again is not None and again.data != "/pays"
    quotes = [b.text for b in reply.blocks if isinstance(b, Quote)]
    assert quotes and any(ch.isdigit() for ch in quotes[0]) and "pays" in fold(quotes[0])


def test_a_base_of_one_article_is_counted_in_the_singular(base):
    one = next(iter(base.sources))

    def alone(entries):
        return tuple(e for e in entries if {x.source for x in e.evidence} == {one})

    single = replace(
        base,
        sources={one: base.sources[one]},
        seeds={one: base.seeds[one]},
        events=alone(base.events),
        agreements=alone(base.agreements),
        facts=alone(base.facts),
        actors={
            key: replace(actor, evidence=tuple(e for e in actor.evidence if e.source == one))
            for key, actor in base.actors.items()
        },
    )
    index = Index(single)
    title = render_text(sources(index)).splitlines()[0]
    assert fold(title).startswith("l article de la base"), title
    from bot.engine.commands import answer
    from bot.engine.seedtext import searched_words

    assert "1 article de presse" in render_text(answer(index, "/aide"))
    assert "texte integral de l article" in fold(searched_words(index, "xyz"))


def test_an_alias_the_articles_never_write_is_searched_as_the_actors_name(base):
    from bot.engine.questions import _named

    index = Index(base)
    vocabulary = index.fulltext.postings
    checked = 0
    for actor in base.actors.values():
        for alias in actor.aliases:
            word = fold(alias)
            match = index.names.find_actor(alias)
            if " " in word or word in vocabulary or match is None or match.actor is not actor:
                continue
            assert _named(index, word) == " ".join(index.tokens(actor.name)), alias
            checked += 1
    assert checked >= 3  # « UK », « NATO », « Turkey »…
    assert _named(index, "bakou") == "bakou"  # a word the articles hold is searched as it is


def test_an_english_country_name_is_answered_with_its_french_name(base):
    index = Index(base)
    for english, french in (("germany", "Allemagne"), ("china", "Chine")):
        if index.names.find_actor(french) is not None:
            continue  # the base has its card: another test's business
        asked = understand(index, f"relations avec la {english} ?", TODAY)
        assert asked is not None and asked.command == f"/pays {french}", asked
        assert english not in " ".join(asked.unsaid)


def test_every_passage_answer_offers_a_working_search_button(base):
    from bot.engine.commands import callback

    index = Index(base)
    for question in _searched(index):
        reply = respond(index, question, TODAY)
        searches = [b for row in reply.buttons for b in row if b.label.startswith("🔎")]
        assert len(searches) == 1, question
        assert callback(index, searches[0].data).found, (question, searches[0].data)
