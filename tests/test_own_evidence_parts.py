"""Issue 25 (start and reload after one changed file): the table of the quotes that are
another entry's keeps each article's result in the index's parts folder; after one changed
file only the articles whose quotes or holders changed are read again, and the table is the
one a full build gives."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.content.loader import load_factbase
from bot.content.model import FactBase
from bot.engine import own_evidence
from tests.conftest import FIVE


@pytest.fixture
def five_copy(tmp_path: Path) -> tuple[Path, Path]:
    shutil.copytree(FIVE / "content", tmp_path / "content")
    shutil.copytree(FIVE / "seeds", tmp_path / "seeds")
    return tmp_path / "content", tmp_path / "seeds"


def _load(folders: tuple[Path, Path]) -> FactBase:
    return load_factbase(*folders)


def _counted(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    original = own_evidence._foreign_of_article

    def counted(*args: object) -> dict[str, frozenset[str]]:
        calls.append(1)
        return original(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(own_evidence, "_foreign_of_article", counted)
    return calls


def test_an_unchanged_base_reads_every_article_s_result_back(
    five_copy: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parts = tmp_path / "parts"
    first = own_evidence._foreign_table(_load(five_copy), parts)
    assert any(first.values())  # the five articles do hold quotes that are another entry's
    calls = _counted(monkeypatch)
    again = own_evidence._foreign_table(_load(five_copy), parts)
    assert calls == [] and again == first
    assert again == own_evidence._foreign_table(_load(five_copy))  # a full build's table


def test_one_changed_summary_reads_only_its_articles_again(
    five_copy: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parts = tmp_path / "parts"
    base = _load(five_copy)
    own_evidence._foreign_table(base, parts)
    # the first event's summary says one more word: its articles only are read again
    events = five_copy[0] / "events.yaml"
    text = events.read_text(encoding="utf-8")
    at = text.index("summary: >-\n") + len("summary: >-\n")
    line_end = text.index("\n", at)
    events.write_text(text[:line_end] + " (relu)" + text[line_end:], encoding="utf-8")
    changed = _load(five_copy)
    [edited] = [e for e in changed.entries() if "(relu)" in e.summary]
    articles = {item.source for item in edited.evidence}
    calls = _counted(monkeypatch)
    table = own_evidence._foreign_table(changed, parts)
    assert 1 <= len(calls) <= len(articles) < len(changed.sources)
    monkeypatch.undo()
    assert table == own_evidence._foreign_table(_load(five_copy))


def test_a_renamed_actor_reads_the_articles_quoting_its_entries_again(
    five_copy: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The rules look for the actors' names in the quotes: a name changed in actors.yaml
    changes the key of every article whose holders are about that actor."""
    parts = tmp_path / "parts"
    own_evidence._foreign_table(_load(five_copy), parts)
    actors = five_copy[0] / "actors.yaml"
    text = actors.read_text(encoding="utf-8")
    alias = "    aliases: [Turkey, "
    assert text.count(alias) == 1
    actors.write_text(text.replace(alias, alias + "Turkiye-essai, "), encoding="utf-8")
    calls = _counted(monkeypatch)
    table = own_evidence._foreign_table(_load(five_copy), parts)
    assert calls  # at least the articles about Türkiye were read again
    monkeypatch.undo()
    assert table == own_evidence._foreign_table(_load(five_copy))


def test_a_kept_table_names_each_actor_once_per_build(
    five_copy: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The keys of the kept results say each actor's names once per build, not once per
    article quoting it (at ×1000: 58,000 folds of the same names, 2 s of a reload's CPU);
    the keys are the same, so every result is still read back."""
    parts = tmp_path / "parts"
    base = _load(five_copy)
    first = own_evidence._foreign_table(base, parts)
    asked: list[str] = []
    original = own_evidence._names

    def counted(held: FactBase, actor: str) -> tuple[str, ...]:
        asked.append(actor)
        return original(held, actor)

    monkeypatch.setattr(own_evidence, "_names", counted)
    calls = _counted(monkeypatch)
    again = own_evidence._foreign_table(_load(five_copy), parts)
    assert calls == [] and again == first  # every article's result read back
    assert asked and len(asked) == len(set(asked))
