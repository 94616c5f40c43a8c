"""Issue 25, point 1 (incremental cross-file checks): after one changed file, a load with the
per-file caches warm (each file's validation, and the marks of the files whose quotes were
found in their articles) refuses exactly what a load without any cache refuses — the same
problems, the same messages, in the same order — whichever file the problem lands in.

Each edit is computed from the content (the first entry that has what the edit needs), so an
article added to the shipped base changes the entry picked, never the test's outcome."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.content import loader
from bot.content.errors import ContentError, ContentIssue
from bot.content.yamlread import read_yaml
from tests.conftest import ContentCopy

Data = dict[str, Any]


def _read(copy: ContentCopy, file: str) -> Data:
    found: Data = read_yaml((copy.content / file).read_text(encoding="utf-8"))
    return found


def _write(copy: ContentCopy, file: str, data: Data) -> None:
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000)
    (copy.content / file).write_text(text, encoding="utf-8")


def _first(entries: list[Data], test: Callable[[Data], bool]) -> Data:
    found = next((entry for entry in entries if test(entry)), None)
    assert found is not None, "aucune entrée ne convient à cette modification"
    return found


def _broken_reference_in_the_changed_file(copy: ContentCopy) -> str:
    data = _read(copy, "events.yaml")
    _first(data["events"], lambda e: bool(e.get("actors")))["actors"][0] = "XQ"
    _write(copy, "events.yaml", data)
    return "référence inconnue : XQ"


def _a_change_in_one_file_breaking_another(copy: ContentCopy) -> str:
    # a topic term removed from the vocabulary: events.yaml, unchanged and cached, used it
    used = {topic for event in _read(copy, "events.yaml")["events"] for topic in event["topics"]}
    data = _read(copy, "vocabulary.yaml")
    topics = data["vocabulary"]["topics"]
    term = _first(topics, lambda t: t["id"] in used)
    topics.remove(term)
    _write(copy, "vocabulary.yaml", data)
    return f"« {term['id']} » n'est pas dans le vocabulaire topics"


def _an_id_removed_that_another_file_cites(copy: ContentCopy) -> str:
    # an actor removed from actors.yaml while events.yaml (unchanged) names it
    named = {actor for event in _read(copy, "events.yaml")["events"] for actor in event["actors"]}
    data = _read(copy, "actors.yaml")
    section = "countries" if any(c["code"] in named for c in data["countries"]) else "organisations"
    key = "code" if section == "countries" else "id"
    actor = _first(data[section], lambda a: a[key] in named)
    data[section].remove(actor)
    _write(copy, "actors.yaml", data)
    return f"référence inconnue : {actor[key]}"


def _a_duplicate_across_two_files(copy: ContentCopy) -> str:
    # a new file defines again an event id events.yaml (unchanged) defines
    event = _read(copy, "events.yaml")["events"][0]
    _write(copy, "zz-double.yaml", {"events": [event]})
    return "en double (déjà dans content/events.yaml)"


def _a_duplicate_id_given_in_the_changed_file(copy: ContentCopy) -> str:
    # an agreement renamed to the id of an event of another (unchanged) file
    event_id = _read(copy, "events.yaml")["events"][0]["id"]
    data = _read(copy, "agreements.yaml")
    data["agreements"][0]["id"] = event_id
    _write(copy, "agreements.yaml", data)
    return "identifiant d'entrée en double"


def _a_quote_no_longer_in_its_article(copy: ContentCopy) -> str:
    data = _read(copy, "events.yaml")
    event = _first(data["events"], lambda e: bool(e.get("evidence")))
    event["evidence"][-1]["quote"] += " et le texte que l'article ne dit pas"
    _write(copy, "events.yaml", data)
    return "citation introuvable telle quelle"


def _an_article_changed_under_an_unchanged_file(copy: ContentCopy) -> str:
    # the article of a quote of events.yaml loses the quote's words; no content file changes
    data = _read(copy, "events.yaml")
    sources = {s["id"]: s for s in _read(copy, "sources.yaml")["sources"]}
    for event in data["events"]:
        for item in event.get("evidence", ()):
            seed = copy.seeds / sources[item["source"]]["seed"]
            text = seed.read_text(encoding="utf-8")
            if item["quote"] in text:
                seed.write_text(text.replace(item["quote"], "(passage retiré)"), encoding="utf-8")
                return "citation introuvable telle quelle"
    raise AssertionError("aucune citation recopiée à l'identique dans son article")


EDITS = [
    _broken_reference_in_the_changed_file,
    _a_change_in_one_file_breaking_another,
    _an_id_removed_that_another_file_cites,
    _a_duplicate_across_two_files,
    _a_duplicate_id_given_in_the_changed_file,
    _a_quote_no_longer_in_its_article,
    _an_article_changed_under_an_unchanged_file,
]


def _issues(copy: ContentCopy, cache: Path | None) -> list[ContentIssue]:
    with pytest.raises(ContentError) as caught:
        loader.load_factbase(copy.content, copy.seeds, cache=cache)
    return list(caught.value.issues)


@pytest.mark.parametrize("edit", EDITS, ids=lambda edit: edit.__name__.strip("_"))
def test_a_load_after_one_change_refuses_exactly_as_a_full_check(
    copy: ContentCopy, tmp_path: Path, edit: Callable[[ContentCopy], str]
) -> None:
    cache = tmp_path / "validation"
    loader.load_factbase(copy.content, copy.seeds, cache=cache)  # every file cached and marked
    expected = edit(copy)
    full = _issues(copy, None)
    assert any(expected in str(issue) for issue in full), full
    assert _issues(copy, cache) == full  # problems, messages and order
    assert _issues(copy, cache) == full  # and again: a refused load marks nothing


def test_a_load_after_a_harmless_change_gives_the_full_check_base(
    copy: ContentCopy, tmp_path: Path
) -> None:
    cache = tmp_path / "validation"
    loader.load_factbase(copy.content, copy.seeds, cache=cache)
    data = _read(copy, "events.yaml")
    data["events"][0]["summary"] += " (relu)"
    _write(copy, "events.yaml", data)
    assert loader.load_factbase(copy.content, copy.seeds, cache=cache) == loader.load_factbase(
        copy.content, copy.seeds
    )
