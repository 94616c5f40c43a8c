"""Issue 22, task i22zp (outside reader of the fourteenth blind set): a yes/no follow-up that
points back to the subject just shown (« l'Espagne y a participé ? » after the forum) is asked
of that subject. Its « Oui » never rests on a quote of another article that happens to hold the
same words (the NATO meeting's list of countries), and what the subject's own quote says
otherwise (« en cours de finalisation » for « signés ? ») is said on top. Questions of our own
on the frozen five-article base."""

from __future__ import annotations

import pytest

from bot.content.model import FactBase
from bot.engine.reply import Para, Quote, Reply
from bot.engine.yes_on_top import points_back
from tests.chat import chat

FORUM = "quand s'est ouvert le forum de sécurité de Bakou ?"
EU_INDIA = "que disent les articles des accords entre l'UE et l'Inde ?"
MEETING = "qui a rencontré Aliyev lors de la réunion avec la délégation de l'OTAN ?"


def _notes(reply: Reply) -> list[str]:
    return [block.text for block in reply.blocks if isinstance(block, Para)]


@pytest.mark.parametrize(
    ("question", "pointing"),
    [
        ("et la Suède, elle y était ?", True),
        ("ils les ont conclus à Moscou ?", True),
        ("l'Espagne y a participé ?", True),
        ("y a-t-il eu un accord signé ?", False),
        ("il y a eu un exercice en 2025 ?", False),
        ("La Turquie a-t-elle signé ?", False),
        ("la Grèce était présente à la réunion ?", False),
    ],
)
def test_a_question_points_back_by_its_pronouns(question: str, pointing: bool) -> None:
    assert points_back(question) is pointing


@pytest.mark.parametrize("question", ["l'Espagne y a participé ?", "et la Suède, elle y était ?"])
def test_no_yes_from_another_events_quote(five_base: FactBase, question: str) -> None:
    reply = chat(five_base, FORUM, question)[1]
    notes = _notes(reply)
    assert not any(note.startswith("Oui") for note in notes), notes
    # the forum's article names no participating country: a line shown from another article
    # says so, never passes for the answer
    assert any("autre sujet" in note for note in notes) or not any(
        "Suède" in b.text or "Espagne" in b.text for b in reply.blocks if isinstance(b, Quote)
    )


def test_pending_accords_are_not_said_signed(five_base: FactBase) -> None:
    reply = chat(five_base, EU_INDIA, "ils ont été signés à Bakou ?")[1]
    notes = _notes(reply)
    assert not any(note.startswith("Oui") for note in notes), notes
    verdict = next(note for note in notes if note.startswith("Pas d'après les articles"))
    assert "en cours de finalisation" in verdict
    assert "Union européenne" in verdict  # said of the subject asked about
    quotes = [block for block in reply.blocks if isinstance(block, Quote)]
    assert "en cours de finalisation" in quotes[0].text and quotes[0].open


def test_the_subjects_own_quote_still_says_yes(five_base: FactBase) -> None:
    reply = chat(five_base, MEETING, "la Grèce y était présente ?")[1]
    assert "Oui, d'après l'article :" in _notes(reply)
