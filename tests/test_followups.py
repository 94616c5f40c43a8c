"""Follow-ups (issue 22, point 4): « et en 2025 ? » continues the same person's last question in
the same chat, for a few minutes, and says so; in the engine, the console and Telegram."""

from __future__ import annotations

import io
from datetime import date

from bot.console import conversation
from bot.engine.counting import asked_count
from bot.engine.index import Index
from bot.engine.passage import carries
from bot.engine.questions import respond_in_thread
from bot.engine.reply import Quote, Reply
from bot.engine.thread import Asked, Threads
from bot.render.text import render_text

TODAY = date(2026, 11, 23)


def _chain(index: Index, questions: list[str]) -> list[tuple[str, Asked | None]]:
    previous: Asked | None = None
    out = []
    for question in questions:
        reply, previous = respond_in_thread(index, question, TODAY, previous)
        out.append((render_text(reply).splitlines()[0], previous))
    return out


def test_a_period_an_actor_or_a_view_replaces_the_same_part_of_the_previous_question(base):
    index = Index(base)
    steps = _chain(
        index, ["/pays Turquie", "et en 2025 ?", "et les accords ?", "et avec la Grèce ?"]
    )
    datas = [asked.data if asked else None for _line, asked in steps]
    assert datas == ["/pays Turquie", "/timeline 2025 TR", "/accord 2025 TR", "/accord 2025 GR"]
    line = steps[1][0]
    assert line.startswith("(Compris : suite de votre question sur « 🇹🇷 Turquie (Türkiye) » — ")
    assert "/pays" not in line  # the subject in words, never the command (task i22zs)


def test_a_follow_up_of_a_plain_question_keeps_its_view(base):
    index = Index(base)
    steps = _chain(index, ["qu'a signé le Royaume-Uni ?", "et avec les États-Unis ?"])
    assert steps[1][1] is not None and steps[1][1].data == "/accord US signe"
    assert "suite de votre question sur « Plan de coopération bilatérale" in steps[1][0]


def test_without_a_previous_question_a_follow_up_is_read_alone(base):
    index = Index(base)
    reply, asked = respond_in_thread(index, "et en 2025 ?", TODAY, None)
    assert "suite de" not in render_text(reply)
    assert asked is not None and asked.data == "/timeline 2025"


def test_a_full_question_is_never_glued_to_the_previous_one(base):
    index = Index(base)
    steps = _chain(index, ["/pays Turquie", "que s'est-il passé en 2024 ?"])
    assert steps[1][1] is not None and steps[1][1].data == "/timeline 2024"


def test_threads_are_per_chat_and_person_and_expire():
    threads = Threads(seconds=60)
    asked = Asked("/pays TR", "/pays Turquie")
    threads.remember(1, 7, 0.0, asked)
    assert threads.recall(1, 7, 59.0) == asked
    assert threads.recall(1, 8, 1.0) is None  # another person in the same chat
    assert threads.recall(2, 7, 1.0) is None  # the same person elsewhere
    assert threads.recall(1, 7, 61.0) is None  # too late
    small = Threads(most=2)
    for person in range(3):
        small.remember(1, person, 0.0, asked)
    assert small.recall(1, 0, 1.0) is None and small.recall(1, 2, 1.0) == asked


def test_the_console_replays_a_conversation_with_a_marker_per_answer(base):
    out = io.StringIO()
    conversation(Index(base), ["/pays Turquie\n", "\n", "et en 2025 ?\n"], out, today=TODAY)
    text = out.getvalue()
    assert "===== question 1 : /pays Turquie =====" in text
    assert "===== question 2 : et en 2025 ? =====" in text
    after = text.split("===== question 2", 1)[1]
    assert "Compris : suite de votre question sur « 🇹🇷 Turquie (Türkiye) »" in after


def _first_quote(reply: Reply) -> str:
    return next(block.text for block in reply.blocks if isinstance(block, Quote))


def test_a_question_without_a_subject_asks_more_of_the_passage_just_shown(base):
    """« qui s'y oppose ? » after a search: the same entries, a sentence that names someone,
    not the passage already given; and the reading line says whose question it continues."""
    index = Index(base)
    first, asked = respond_in_thread(index, "le projet de corridor de Zanguezour", TODAY, None)
    assert asked is not None and asked.shown == _first_quote(first)
    second, _ = respond_in_thread(index, "qui s'y oppose ?", TODAY, asked)
    line = render_text(second).splitlines()[0]
    assert line.startswith("(Compris : suite de « projet corridor "), line  # its subject words
    # the sentence that answers is new; the one just shown may stand above it as what it
    # refers back to (« … contre ce projet »: ``passage.antecedent``)
    quotes = [block.text for block in second.blocks if isinstance(block, Quote)]
    new = [text for text in quotes if text != asked.shown]
    assert new and carries("qui", new[0], frozenset(index.tokens(asked.data)))
    holders = [e for e in index.base.facts if any(asked.shown in q.quote for q in e.evidence)]
    assert any(new[0] in item.quote for entry in holders for item in entry.evidence)


def test_short_questions_that_only_ask_a_detail_continue_the_thread(base):
    """« signé quand ? », « date précise ? », « c'est lesquels ? »: never « pas compris » after
    a question whose subject answers them."""
    index = Index(base)
    for opening in ("plan de défense avec Londres", "le corridor de Zanguezour"):
        _reply, asked = respond_in_thread(index, opening, TODAY, None)
        for follow in ("signé quand ?", "date précise ?", "c'est lesquels ?", "qui est pour ?"):
            reply, _ = respond_in_thread(index, follow, TODAY, asked)
            text = render_text(reply)
            assert "pas compris" not in text, (opening, follow)
            # the reading line, under a « Les articles ne donnent pas … » when the detail
            # is missing (issue 22, fifth pass: the absence comes first)
            lines = text.splitlines()
            first = next(line for line in lines if line.startswith("(Compris"))
            assert lines[0].startswith(("(Compris", "(Les articles ne donnent pas")), text[:200]
            assert first.startswith("(Compris : suite de"), (opening, follow, text[:200])


def test_a_list_question_stands_on_its_own_even_in_a_thread(base):
    index = Index(base)
    _reply, asked = respond_in_thread(index, "le corridor de Zanguezour", TODAY, None)
    _reply, then = respond_in_thread(index, "quels pays ?", TODAY, asked)
    assert then is not None and then.data == "/pays"


def test_an_abbreviated_count_continues_with_the_articles_own_figure(base):
    """« nb pays ? » after a question about the forum: how many, from the quote that says it
    (a figure the article gives, computed from the base, not pinned)."""
    index = Index(base)
    assert asked_count("nb pays") == "pays" and asked_count("combien de grandes menaces") == (
        "menaces"
    )
    _reply, asked = respond_in_thread(index, "le forum de sécurité de Bakou", TODAY, None)
    reply, then = respond_in_thread(index, "nb pays ?", TODAY, asked)
    assert then is not None and then.data.startswith("/cherche ") and " nb " not in then.data
    text = render_text(reply)
    assert "suite de" in text.splitlines()[0] and "COMBIEN DE PAYS" in text
