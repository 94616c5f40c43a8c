"""SMS shorthand (issue 22, class 3): « qd », « pk », « cb »… read as their words everywhere,
and one-word follow-ups (« objet ? », « lieu ? ») continue the previous subject."""

from __future__ import annotations

from datetime import date

from bot.engine.index import Index
from bot.engine.questions import respond_in_thread
from bot.engine.shorthand import expand
from bot.engine.thread import Asked
from bot.render.text import render_text

TODAY = date(2026, 11, 23)


def test_shorthand_words_are_expanded_as_whole_words_only():
    assert expand("signe qd ?") == "signe quand ?"
    assert expand("PK la France ?") == "pourquoi la France ?"
    assert expand("cb de pays ds le forum svp") == "combien de pays dans le forum"
    assert expand("qqn a signé ?") == "quelqu'un a signé ?"
    assert expand("tjs membre ss l'OTAN ?") == "toujours membre sous l'OTAN ?"
    # inside a word, or a politeness alone, nothing changes
    assert expand("qdrant dsk") == "qdrant dsk"
    assert expand("svp") == "svp"


def test_a_shorthand_question_reads_like_the_same_question_in_full(base):
    index = Index(base)
    for short, full in [
        ("qd l'Azerbaïdjan a rejoint le PPP ?", "quand l'Azerbaïdjan a rejoint le PPP ?"),
        ("cb de pays au forum de Bakou ?", "combien de pays au forum de Bakou ?"),
    ]:
        short_reply, short_asked = respond_in_thread(index, short, TODAY)
        full_reply, full_asked = respond_in_thread(index, full, TODAY)
        assert short_asked is not None and full_asked is not None
        assert short_asked.data == full_asked.data
        assert render_text(short_reply) == render_text(full_reply)


def _then(index: Index, first: str, second: str) -> tuple[Asked | None, Asked | None, str]:
    _reply, previous = respond_in_thread(index, first, TODAY)
    reply, asked = respond_in_thread(index, second, TODAY, previous)
    return previous, asked, render_text(reply)


def test_signe_qd_continues_the_previous_question(base):
    previous, asked, text = _then(Index(base), "qu'a signé le Royaume-Uni ?", "signe qd")
    assert previous is not None and asked is not None
    assert asked.data == previous.data
    assert "suite de votre question sur « Plan de coopération" in text.splitlines()[0]
    assert "2026/27" in text


def test_one_word_detail_follow_ups_keep_the_subject_and_never_read_as_absent_words(base):
    index = Index(base)
    for word in ("objet ?", "lieu ?", "montant ?"):
        previous, asked, text = _then(index, "accord royaume-uni azerbaidjan", word)
        assert previous is not None and asked is not None, word
        assert asked.data == previous.data, word
        # the reading line (under « Les articles ne donnent pas … » for a missing amount)
        first = next(line for line in text.splitlines() if line.startswith("(Compris"))
        assert "suite de" in first and "même sujet" in first, word
        assert "absent" not in text and "Laissé de côté" not in text, word
