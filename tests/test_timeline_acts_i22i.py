"""Issue 22, a misleading date line an outside phone reader found, on the frozen five-article
base (``tests/fixtures/five``), with questions of our own:

1. an act word in a timeline filter (« proposé », « signé ») is applied: the timeline keeps
   the lines that are that act — proposals, signed agreements — and never lists an event that
   took place (the Agile Spirit exercise) as the answer to « proposé »; a proposal answers a
   kind asked with the act when its own words name it (« manœuvres » for « exercices »);
2. a follow-up that points back (« il », « ça ») and adds a kind (« les manœuvres ») keeps the
   previous question's actors;
3. « Les articles ne donnent pas de date précise : ils disent … » is said only of the line the
   answer shows, never of a line its list does not hold.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from bot.content.model import Agreement, Event, FactBase
from bot.engine.commands import answer
from bot.engine.filters import TimelineFilter
from bot.engine.index import Index
from bot.engine.questions import Understanding, _answer_understood, respond_in_thread
from bot.engine.reply import Item, Para, Reply
from tests.conftest import FIVE  # noqa: F401  (the base the fixtures load)

TODAY = date(2026, 12, 6)


def _entries(index: Index, reply: Reply) -> list[Event | Agreement]:
    ids = [block.entry for block in reply.blocks if isinstance(block, Item) and block.entry]
    by_id: dict[str, Event | Agreement] = {e.id: e for e in index.base.events}
    by_id.update({a.id: a for a in index.base.agreements})
    return [by_id[entry_id] for entry_id in ids]


def _text(reply: Reply) -> str:
    return " ".join(getattr(block, "text", "") for block in reply.blocks)


# 1. the act asked of a timeline is applied


def test_a_timeline_of_proposed_exercises_lists_no_exercise_held(five_base: FactBase) -> None:
    index = Index(five_base)
    held = [e for e in five_base.events if e.type == "exercice"]
    assert held, "the five articles hold an exercise that took place (Agile Spirit)"
    reply = answer(index, "/timeline exercices militaires proposé", TODAY)
    shown = _entries(index, reply)
    assert shown, "the articles say Aliyev proposed manoeuvres: the answer lists them"
    assert not {e.id for e in held} & {e.id for e in shown}
    for entry in shown:  # each line is a proposal, and names the manoeuvres proposed
        assert isinstance(entry, Event) and entry.type == "proposition"
        assert "manœuvres" in (entry.label or "").lower()
    title = next(b.text for b in reply.blocks if isinstance(b, Para) and b.style == "title")
    assert "proposé" in title


def test_a_timeline_of_signed_lines_keeps_only_the_signed_agreements(five_base: FactBase) -> None:
    index = Index(five_base)
    signed = {a.id for a in five_base.agreements if a.act == "signe" and a.date is not None}
    reply = answer(index, "/timeline signé", TODAY)
    shown = {entry.id for entry in _entries(index, reply)}
    assert signed and shown == signed  # no event, no agreement only approved or proposed


def test_the_act_survives_the_timeline_buttons(five_base: FactBase) -> None:
    wanted = TimelineFilter(actors=("ots",), acts=("propose",))
    assert TimelineFilter.decode(wanted.encode()) == wanted
    with_kind = TimelineFilter(kinds=("exercice",), acts=("propose",))
    assert TimelineFilter.decode(with_kind.encode()) == with_kind
    plain = TimelineFilter(actors=("ots",), kinds=("exercice",))
    assert TimelineFilter.decode(plain.encode()) == plain


# 2. a follow-up pointing back by a pronoun keeps the previous actors when it adds a kind

THREAD = (
    "pour Organisation des Etats turciques, Aliyev a proposé quoi ?",
    "il a proposé ça quand, et les manoeuvres prévus pour quand ?",
)


def _chat(index: Index, *questions: str) -> list[Reply]:
    replies: list[Reply] = []
    previous = None
    for question in questions:
        reply, previous = respond_in_thread(index, question, TODAY, previous)
        replies.append(reply)
    return replies


def test_a_pronoun_follow_up_adding_a_kind_keeps_the_previous_actors(
    five_base: FactBase,
) -> None:
    index = Index(five_base)
    first, second = _chat(index, *THREAD)
    assert {e.id for e in _entries(index, first)} >= {"proposition-manoeuvres-ots"}
    shown = _entries(index, second)
    assert shown and all("ots" in entry.actors for entry in shown if isinstance(entry, Event))
    assert {e.id for e in shown} == {"proposition-manoeuvres-ots", "manoeuvres-ots-2026"}
    compris = next(b.text for b in second.blocks if isinstance(b, Para) and "Compris" in b.text)
    assert "suite de" in compris and "OTS" in compris
    assert not _says_undated(second)


def test_the_same_question_asked_alone_names_no_subject_it_did_not_get(
    five_base: FactBase,
) -> None:
    (alone,) = _chat(Index(five_base), THREAD[1])
    compris = next(b.text for b in alone.blocks if isinstance(b, Para) and "Compris" in b.text)
    assert "suite de" not in compris


# 3. « pas de date précise » is said only of the line the answer shows

UNDATED = "ne donnent pas de date précise"


def _says_undated(reply: Reply) -> bool:
    return any(UNDATED in block.text for block in reply.blocks if isinstance(block, Para))


def test_no_vague_date_of_an_exercise_held_over_the_proposals(five_base: FactBase) -> None:
    reply, _ = respond_in_thread(
        Index(five_base), "il a proposé ça quand, et les manoeuvres prévus pour quand ?", TODAY
    )
    assert not _says_undated(reply)  # « Cet été » is the date of Agile Spirit, not of them
    assert "Cet été" not in _text(reply)


def test_the_vague_date_is_still_said_of_the_line_asked(five_base: FactBase) -> None:
    reply, _ = respond_in_thread(
        Index(five_base), "l'exercice Agile Spirit de l'OTAN, c'était quand ?", TODAY
    )
    assert _says_undated(reply)
    assert "« Cet été »" in _text(reply)


def test_a_vague_date_note_is_never_put_over_a_list_without_its_line(
    five_base: FactBase,
) -> None:
    index = Index(five_base)
    note = Para(f"Les articles {UNDATED} : ils disent « Cet été » (été 2025).", "note")
    found = Understanding(
        "/timeline OTS proposé",
        "/timeline ots propose",
        "chronologie — OTS · proposé",
        undated=note,
        undated_about=("agile-spirit-2025",),
    )
    assert not _says_undated(_answer_understood(index, found, TODAY))
    over_its_line = replace(
        found, command="/timeline exercices", data="/timeline exercice", said="chronologie"
    )
    assert _says_undated(_answer_understood(index, over_its_line, TODAY))
