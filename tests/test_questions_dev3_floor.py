"""The third outside development set (``tests/questions_dev3.yaml``, 55 questions written from
the articles alone by a writer in a journalist's persona: short questions, English names,
follow-ups without a subject) keeps at least the score reached when the reader was last tuned
on it: the scorer's own functions replay every conversation and check the first two messages."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from bench.score_questions import answer_all, load

DEV3 = Path(__file__).parent / "questions_dev3.yaml"
FLOOR = 47
"""Right answers out of 55, measured on 2026-12-06 after follow-ups without a subject continue
the thread, the Turkic states read as the OTS and « combien de grandes X » counts X (43 before):
a floor, never a target; raise it when the reader improves."""
ASKED_ON = date(2026, 12, 6)


def test_the_third_development_set_does_not_fall_below_its_floor():
    questions = load([DEV3])
    answer_all(questions, ASKED_ON)
    wrong = [q.id for q in questions if not q.right()]
    assert len(questions) - len(wrong) >= FLOOR, wrong
