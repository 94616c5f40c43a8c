"""Follow-ups (issue 22, point 4): « et en 2025 ? » continues the same person's last question in
the same chat, for a few minutes, and says so; in the engine, the console and Telegram."""

from __future__ import annotations

import io
from datetime import date

from bot.console import conversation
from bot.engine.index import Index
from bot.engine.questions import respond_in_thread
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
    assert line.startswith("(Compris : suite de « /pays Turquie » — chronologie")


def test_a_follow_up_of_a_plain_question_keeps_its_view(base):
    index = Index(base)
    steps = _chain(index, ["qu'a signé le Royaume-Uni ?", "et avec les États-Unis ?"])
    assert steps[1][1] is not None and steps[1][1].data == "/accord US"
    assert "suite de « /accord Royaume-Uni »" in steps[1][0]


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
    assert "Compris : suite de « /pays Turquie »" in after
