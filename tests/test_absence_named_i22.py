"""Absence lines only about actors the question names plainly (issue 22, outside phone readers'
point 3): a little word that spells a code (« me » → ME) or a near name is no actor to say
« Les articles ne citent aucun accord de … » about; demonyms name their country."""

from __future__ import annotations

from datetime import date

from bot.engine.filters import read_filter
from bot.engine.index import Index
from bot.engine.questions import respond
from bot.engine.unsigned import named_plainly
from bot.render.text import render_text

TODAY = date(2026, 12, 6)


def test_a_little_word_spelling_a_code_names_no_actor(base):
    index = Index(base)
    little = [a for a in base.actors.values() if a.id.casefold() in {"me", "se", "si"}]
    assert little  # the shipped base has such codes; the rule is computed from them
    for actor in little:
        code = actor.id.casefold()
        asked = f"peux-tu {code} lister les accords signés avec les Américains ?"
        assert actor.id not in read_filter(index, asked, TODAY).filter.actors, asked
        if code in index.fulltext.stop_words:
            continue  # dropped before any reading, as it always was
        # typed in capitals, the code still names the actor
        assert actor.id in read_filter(index, f"/timeline {actor.id}", TODAY).filter.actors


def test_demonyms_name_their_country(base):
    index = Index(base)
    for actor in base.actors.values():
        for demonym in actor.demonyms:
            reading = read_filter(index, f"l'accord avec les {demonym}", TODAY)
            assert actor.id in reading.filter.actors, (demonym, actor.id)


def test_no_absence_line_about_an_actor_the_question_does_not_plainly_name(base):
    index = Index(base)
    text = render_text(
        respond(index, "Peux-tu me lister les domaines cités dans l'accord avec les Américains ?")
    )
    assert "ne citent aucun accord" not in text
    for actor in base.actors.values():
        assert not named_plainly(actor, "peux-tu me dire si se trouve"), actor.id


def test_a_near_name_opens_no_absence_line_but_the_plain_name_does(base):
    index = Index(base)
    unsigned = [
        a
        for a in base.actors.values()
        if a.is_country
        and len(a.name) >= 8
        and a.id != base.vocabulary.home
        and "ne citent aucun accord"
        in render_text(respond(index, f"la {a.name} a signé un accord ?", TODAY))
    ]
    assert unsigned  # some country the base files no agreement for
    actor = unsigned[0]
    typo = actor.name[:-3] + actor.name[-2:]  # one letter dropped
    text = render_text(respond(index, f"la {typo} a signé un accord ?", TODAY))
    assert "ne citent aucun accord" not in text, typo
