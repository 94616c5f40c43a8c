"""Issue 25, twelfth pass: a count's card buttons put the few entries near its figures back in
base order by their ranks, without walking the whole base at each question (18 ms a count at
×1000); the buttons are those the walk over every entry gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.content.model import Event, FactBase
from bot.engine.common import entry_button
from bot.engine.counting import _entry_buttons, counted, entry_positions
from bot.engine.index import Index

QUESTIONS = (
    ("pays", "combien de pays au forum de Bakou ?"),
    ("drones", "combien de drones ?"),
    ("accords", "combien d'accords signés ?"),
    ("pays", "Quelle était la particularité du forum de Bakou ? Combien de pays ?"),
)


def _walked(index: Index, found: list) -> tuple:
    """The buttons as the base walk gives them: events first, then base order."""
    shown = {evidence.quote for evidence in found}
    sources = {evidence.source for evidence in found}
    near = [e for e in index.base.entries() if sources & {i.source for i in e.evidence}]
    buttons: list = []
    for entry in sorted(near, key=lambda entry: not isinstance(entry, Event)):
        if any(evidence.quote in shown for evidence in entry.evidence):
            button = entry_button(entry)
            if button is not None and button not in buttons:
                buttons.append(button)
        if len(buttons) >= 2:
            break
    return tuple((button,) for button in buttons)


def test_a_counts_buttons_are_those_of_the_walk_over_the_base(five_base: FactBase) -> None:
    index = Index(five_base)
    tried = 0
    for noun, question in QUESTIONS:
        found = counted(index, noun, question)
        if found:
            tried += 1
            assert _entry_buttons(index, found) == _walked(index, found)
    assert tried  # the fixture base gives figures for some of them
    ranks = entry_positions(index)
    assert sorted(ranks, key=ranks.__getitem__) == [e.id for e in five_base.entries()]


def test_a_count_does_not_walk_the_base_once_its_tables_exist(
    five_base: FactBase, monkeypatch: pytest.MonkeyPatch
) -> None:
    index = Index(five_base)
    noun, question = QUESTIONS[0]
    found = counted(index, noun, question)
    assert found
    expected = _entry_buttons(index, found)  # builds the tables once

    def walked(self: FactBase) -> tuple:
        raise AssertionError("the whole base walked for a count's buttons")

    monkeypatch.setattr(FactBase, "entries", walked)
    assert _entry_buttons(index, found) == expected


def test_a_date_span_pickles_as_a_call_of_its_class() -> None:
    """The validation records hold every entry's date span (28,000 at ×1000): each is read
    back by a call of its class on its fields, equal to the span written."""
    import pickle

    from bot.dates import DateSpan, parse_date

    for raw in ("2025", "2025-08", "2025-08-12", "2025-06/2025-08", "../2025-11-06"):
        span = parse_date(raw)
        kind, fields = span.__reduce__()
        assert kind is DateSpan
        assert kind(*fields) == span
        assert pickle.loads(pickle.dumps(span, pickle.HIGHEST_PROTOCOL)) == span


def test_a_cards_subject_ids_are_kept_per_actor_and_never_in_a_snapshot(
    five_base: FactBase, tmp_path: Path
) -> None:
    """« /pays Turquie » names its entries as the subject of follow-ups: their ids are read
    once per actor (7,000 at ×1000: 5 – 12 ms of every such answer), equal to the entries'
    own; a snapshot of the table leaves them out and the table read back reads them anew."""
    from bot.content.snapshot import read_snapshot, write_snapshot
    from bot.engine.actor_links import ActorLinks

    index = Index(five_base)
    links = index.links
    links.prepare()
    actor = max(five_base.actors, key=lambda actor_id: len(links.entries_of(actor_id)))
    ids = links.entry_ids_of(actor)
    assert ids == tuple(entry.id for entry in links.entries_of(actor))
    assert ids
    assert links.entry_ids_of(actor) is ids  # kept, not read again
    assert links.entry_ids_of("pas-un-acteur") == ()
    key = "0" * 64
    assert write_snapshot(tmp_path, key, links)
    read_back = read_snapshot(tmp_path, key, ActorLinks)
    assert read_back is not None
    assert "_ids" not in links.__getstate__()
    assert read_back.entry_ids_of(actor) == ids
    assert read_back.entry_ids_of(actor) is not ids
