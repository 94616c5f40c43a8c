"""Issue 22, findings of outside readers (fidelity first), on the frozen five-article base
(``tests/fixtures/five``), with questions of our own:

1. no false « doesn't give »: an origin told by a nationality adjective or « d'origine X »
   answers « d'où ? »; a « who » about one side (« côté américain ») is answered by a named
   person of that side, never by « the articles don't list the countries present ».
"""

from __future__ import annotations

from datetime import date

from bot.content.model import FactBase
from bot.engine.detail import asked_detail
from bot.engine.index import Index
from bot.engine.passage import tells_origin, unnamed_actors
from bot.engine.questions import off_subject_words, respond
from bot.engine.reply import Para
from bot.render.text import render_text
from tests.chat import chat, reply_text

TODAY = date(2026, 12, 6)

# 1. an origin told by an adjective of nationality answers « d'où ? »


def test_where_from_is_answered_by_an_origin_never_said_missing(five_base: FactBase) -> None:
    index = Index(five_base)
    for question in (
        "les armements azéris viennent surtout d'où ?",
        "les matériels de l'armée azérie proviennent d'où ?",
    ):
        text = render_text(respond(index, question, TODAY))
        assert "ne donne pas de lieu" not in text, question
        assert "ne le disent pas" not in text, question
        assert "origine russe" in text, question  # the answer itself is shown


def test_an_origin_is_read_from_the_sentence_not_from_the_question(five_base: FactBase) -> None:
    index = Index(five_base)
    sentence = "La grande majorité des armements azéris sont encore d'origine russe."
    assert tells_origin(index, "armes azéries viennent", sentence)
    adjective = "Il note l'apport de matériels israéliens."
    assert tells_origin(index, "armes azéries viennent", adjective)
    # the country the question names itself tells no origin: the place stays untold
    assert not tells_origin(index, "armes israéliennes viennent", adjective)
    assert not tells_origin(index, "armes viennent", "Le plan a été signé hier.")
    # « où ? » of an event asks a place: a people named is no answer
    assert not tells_origin(index, "manoeuvres conjointes", adjective)


# 1. « qui … côté américain ? »: a person of that side, not a list of countries


def test_who_on_one_side_is_a_person_not_the_countries_present() -> None:
    for question in ("et qui était là côté américain ?", "qui etait la cote us ?"):
        detail = asked_detail(question)
        assert detail is not None, question
        assert detail.kind == "qui", question
        assert detail.noun, question


def test_who_on_the_american_side_names_the_vice_president(five_base: FactBase) -> None:
    replies = chat(
        five_base,
        "quand a été signé l'accord stratégique entre Bakou et Washington ?",
        "et qui était là côté américain ?",
    )
    text = reply_text(replies[-1])
    assert "liste des pays présents" not in text
    assert "JD Vance" in text


# 2. a « récemment » date is never counted in a window it may not belong to


def test_a_recent_entry_is_flagged_in_a_window_open_on_one_side(five_base: FactBase) -> None:
    index = Index(five_base)
    # a window ending within the month before « récemment »'s day (its reach, issue 23)
    reply = respond(index, "/timeline avant 2025-10-20 Turquie", TODAY)
    title = next(b.text for b in reply.blocks if isinstance(b, Para) and b.style == "title")
    assert "mémorandum" in render_text(reply)  # still listed: the window may hold it
    assert "dite « récemment » qui peut y tomber" in title  # never counted as in it


# 2. « et avant ? » sees the dated lines of the same subject, not only the filter's rarest actor


def test_before_a_partnership_line_widens_to_the_actors_of_the_line_shown(
    five_base: FactBase,
) -> None:
    for first in ("/timeline PPP", "le partenariat pour la paix"):
        replies = chat(five_base, first, "et avant ?")
        text = " ".join(render_text(replies[-1]).split())
        assert "1992" in text, first
        assert "Conseil de coopération nord-atlantique" in text, first
        assert "Aucun événement" not in text, first
        assert "filtre élargi" in text, first  # the widening is said


# 2. a passage shown for an actor is about that actor, or said to be about something else


def test_a_passage_not_about_the_actor_asked_says_so(five_base: FactBase) -> None:
    index = Index(five_base)
    for question in ("cybersécurité avec l'OTAN", "cybersecurite otan"):
        text = " ".join(render_text(respond(index, question, TODAY)).split())
        assert "Ce passage, le plus proche, ne nomme pas « OTAN »" in text, question
    # a passage of an article that names the actor asked (« Bakou ») is not said off-subject
    question = "le forum de Bakou a-t-il approuvé une feuille de route sur la cybercriminalité ?"
    text = " ".join(render_text(respond(index, question, TODAY)).split())
    assert "ne nomme pas" not in text


def test_unnamed_actors_reads_the_entry_and_the_article(five_base: FactBase) -> None:
    index = Index(five_base)
    accord = index.entries["partenariat-strategique-az-us"]
    article = "La coopération dans les domaines de la cybersécurité a été soulignée."
    assert unnamed_actors(index, "cybersécurité avec l'OTAN", accord, article) == ["OTAN"]
    assert unnamed_actors(index, "cybersécurité avec les États-Unis", accord, article) == []
    said = f"{article} Bakou coopère aussi avec l'OTAN."
    assert unnamed_actors(index, "cybersécurité avec l'OTAN", accord, said) == []


# 2. « et qui l'a organisé ? » after a question on the forum stays on the forum


def test_who_organised_after_where_was_the_forum_stays_on_the_forum(five_base: FactBase) -> None:
    for first in ("où s'est tenu le forum de sécurité ?", "le forum de sécurité s'est tenu où ?"):
        replies = chat(five_base, first, "et qui l'a organisé ?")
        text = " ".join(render_text(replies[-1]).split())
        assert "Palais présidentiel" not in text, first  # the US accord's ceremony
        assert "10 février 2026" not in text, first
        assert "Forum" in text, first


# 3. a word outside the question's subject (a reported-speech frame, a polite or checking
# clause) is set aside quietly, never the first line « Les articles ne mentionnent pas »


def test_words_of_a_frame_clause_are_never_said_absent_on_top(five_base: FactBase) -> None:
    index = Index(five_base)
    for question in (
        "Ma cheffe affirme que l'accord avec les USA a été signé à Washington, c'est correct ?",
        "Combien de pays ont participé au forum de Bakou, s'il vous plaît ?",
    ):
        reply = respond(index, question, TODAY)
        first = reply.blocks[0]
        assert isinstance(first, Para), question
        # the reading line opens it, or the frank correction of a fact-check (issue 22, i22w)
        assert first.text.startswith(("Compris", "Non : d'après l'article, « ")), question
        said = [b.text for b in reply.blocks if isinstance(b, Para)]
        assert not any(t.startswith("Les articles ne mentionnent pas") for t in said), question


def test_off_subject_words_keep_a_topic_put_first(five_base: FactBase) -> None:
    index = Index(five_base)
    frame = "Ma cheffe affirme que l'accord avec les USA a été signé à Washington, c'est correct ?"
    assert {"cheffe", "correct"} <= off_subject_words(index, frame)
    assert "accord" not in off_subject_words(index, frame)
    for topic in ("Et le nucléaire, l'accord US en parle ?", "nucléaire, l'accord US en parle ?"):
        assert "nucleaire" not in off_subject_words(index, topic), topic
    assert not off_subject_words(index, "l'Azerbaïdjan, quel budget ?")
    assert not off_subject_words(index, "quel est le budget de l'Azerbaïdjan ?")  # one clause
    # an absent word of the subject is still said on top
    reply = respond(index, "quel est le budget militaire de l'Azerbaïdjan ?", TODAY)
    assert "budget" in " ".join(render_text(reply).split()[:40])
