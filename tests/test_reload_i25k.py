"""Issue 25, reload after one changed file (eleventh pass): tables of the index whose inputs
did not change are read back from the parts folder instead of being built again — equal to
the tables a build without any parts folder gives, and built again as soon as one of their
inputs changes."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from bot.content.model import FactBase
from bot.engine import signing_untold
from bot.engine.index import Index
from tests.conftest import ContentCopy

_TABLES = signing_untold._TABLES


def _signing_tables(base: FactBase, parts: Path | None) -> tuple[object, ...]:
    index = Index(base, parts)
    signing_untold.prepare(index)
    return tuple(index.memo(name, dict) for name in _TABLES)


def _stemmed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every text the signing tables stem, from now on."""
    seen: list[str] = []
    real = signing_untold._stems

    def counted(index: Index, text: str, shortest: int = 1) -> set[str]:
        seen.append(text)
        return real(index, text, shortest)

    monkeypatch.setattr(signing_untold, "_stems", counted)
    return seen


def test_the_agreement_title_tables_are_read_back_while_their_inputs_are_the_same(
    copy: ContentCopy, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another index over the same actors' names, agreements' titles and stop words (a
    reload after a change elsewhere) reads the title tables back without stemming a single
    text, and they equal those of an index without a parts folder."""
    parts = tmp_path / "parts"
    base = copy.load()
    assert base.agreements and base.actors
    first = _signing_tables(base, parts)
    stemmed = _stemmed(monkeypatch)
    again = _signing_tables(copy.load(), parts)
    assert stemmed == []
    monkeypatch.undo()
    alone = _signing_tables(base, None)
    assert again == first == alone
    assert dict(again[3])  # type: ignore[call-overload]  # the title postings are not empty


@pytest.mark.parametrize("change", ["title", "alias", "stop word"])
def test_the_agreement_title_tables_are_built_again_when_an_input_changes(
    copy: ContentCopy, tmp_path: Path, change: str
) -> None:
    """A changed agreement title, actor name or stop word is another key: the tables are
    built for it (equal to a build without parts folder, and not to the former ones)."""
    parts = tmp_path / "parts"
    base = copy.load()
    first = _signing_tables(base, parts)
    if change == "title":
        agreement = base.agreements[0]
        changed = replace(
            base,
            agreements=(replace(agreement, title="Traité de Gandja"), *base.agreements[1:]),
        )
    elif change == "alias":
        actor = next(iter(base.actors.values()))
        actors = {**base.actors, actor.id: replace(actor, aliases=(*actor.aliases, "Partenariat"))}
        changed = replace(base, actors=actors)
    else:
        title = base.agreements[0].title
        word = max(title.split(), key=len)
        vocabulary = replace(base.vocabulary, stop_words=(*base.vocabulary.stop_words, word))
        changed = replace(base, vocabulary=vocabulary)
    again = _signing_tables(changed, parts)
    assert again == _signing_tables(changed, None)
    assert again != first
    assert len(list(parts.glob("*.signing-untold"))) == 1
