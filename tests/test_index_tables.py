"""The index as small tables (issue 28, point 3): each table built on first use and all of
them by ``prepare``; the words and names the engine reads past or redirects come from the
content's vocabulary (``stop_words``, ``near_names``), checked like the rest of it."""

from __future__ import annotations

import ast
import shutil
from functools import cached_property
from pathlib import Path

import pytest

from bot.content.errors import ContentError
from bot.content.loader import load_factbase
from bot.engine.fulltext import PART_SUFFIX
from bot.engine.index import Index
from bot.startup import build_index

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "draft_base"
TABLES = ("names", "fulltext", "timeline", "deals", "links")


@pytest.fixture
def small(tmp_path: Path) -> Path:
    """A writable copy of the small fixture base (content/ and seeds/)."""
    shutil.copytree(FIXTURE / "content", tmp_path / "content")
    shutil.copytree(FIXTURE / "seeds", tmp_path / "seeds")
    return tmp_path


def _load(folder: Path) -> Index:
    return Index(load_factbase(folder / "content", folder / "seeds"))


def _edit(folder: Path, old: str, new: str) -> None:
    path = folder / "content" / "vocabulary.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _parts(table: object) -> list[str]:
    return [
        name
        for owner in type(table).__mro__
        for name, member in vars(owner).items()
        if isinstance(member, cached_property)
    ]


def test_prepare_builds_every_part_of_every_table_and_nothing_before(small: Path) -> None:
    index = _load(small)
    assert not any(name in vars(index) for name in TABLES)  # nothing built by the constructor
    index.prepare()
    tables = [getattr(index, name) for name in TABLES]
    assert [type(table).__module__ for table in tables] == [
        "bot.engine.names",
        "bot.engine.fulltext",
        "bot.engine.chronology",
        "bot.engine.deals",
        "bot.engine.actor_links",
    ]
    for table in tables:
        parts = _parts(table)
        assert parts, type(table)
        missing = [name for name in parts if name not in vars(table)]
        assert not missing, (type(table).__name__, missing)


def test_a_prepared_index_answers_as_a_lazy_one(small: Path) -> None:
    lazy, built = _load(small), _load(small).prepare()
    for query in ("militaire", "exercice conjoint", "Royaume-Uni 2026", "paix"):
        assert [(e.id, s) for e, s in lazy.fulltext.search(query)] == [
            (e.id, s) for e, s in built.fulltext.search(query)
        ]
    for actor_id in lazy.base.actors:
        assert lazy.deals.involving(actor_id) == built.deals.involving(actor_id)
        assert lazy.timeline.spans(actor_id).items == built.timeline.spans(actor_id).items
        assert lazy.links.named_memberships(actor_id) == built.links.named_memberships(actor_id)


def test_stop_words_come_from_the_content_vocabulary(small: Path) -> None:
    before = _load(small)
    assert "militaire" in before.tokens("un exercice militaire")
    assert before.fulltext.search("militaire")
    assert before.deals.matching(["militaire"])
    _edit(small, "stop_words: [le,", "stop_words: [militaire, le,")
    after = _load(small)
    assert after.tokens("un exercice militaire") == ["exercice"]
    assert after.fulltext.search("militaire") == []
    assert "militaire" not in after.fulltext.postings
    assert after.deals.matching(after.tokens("militaire")) == []


def test_near_names_come_from_the_content_vocabulary(small: Path) -> None:
    index = _load(small)
    match = index.names.find_actor("l'Angleterre")
    assert match is not None and match.actor.id == "GB" and match.exact
    assert match.note is not None and "Royaume-Uni" in match.note
    assert index.names.find_actor("Galles", fuzzy=False) is None
    _edit(
        small,
        "  near_names:\n",
        "  near_names:\n    - {name: Galles, actor: GB, note: le pays de Galles est au R.-U.}\n",
    )
    match = _load(small).names.find_actor("Galles", fuzzy=False)
    assert match is not None and match.actor.id == "GB"
    assert match.note == "le pays de Galles est au R.-U."


@pytest.mark.parametrize(
    ("near", "field", "said"),
    [
        ("{name: Galles, actor: XX, note: une note}", "actor", "référence inconnue : XX"),
        ("{name: Turquie, actor: GB, note: une note}", "name", "déjà le nom d'un acteur"),
    ],
)
def test_a_wrong_near_name_names_file_entry_and_field(
    small: Path, near: str, field: str, said: str
) -> None:
    _edit(small, "  near_names:\n", f"  near_names:\n    - {near}\n")
    with pytest.raises(ContentError) as caught:
        _load(small)
    [issue] = caught.value.issues
    assert (issue.file, issue.entry, issue.field) == (
        "content/vocabulary.yaml",
        "near_names[0]",
        field,
    )
    assert said in issue.message


def test_a_stop_word_must_be_written_folded(small: Path) -> None:
    _edit(small, "stop_words: [le,", "stop_words: [Été, le,")
    with pytest.raises(ContentError) as caught:
        _load(small)
    issue = caught.value.issues[0]  # the vocabulary then counts as missing: more follow
    assert (issue.file, issue.field) == ("content/vocabulary.yaml", "stop_words[0]")
    assert "format invalide" in issue.message


def test_no_table_imports_the_index() -> None:
    """The tables sit below the index (no ``index`` ↔ ``spans`` cycle, even for types)."""
    engine = ROOT / "bot" / "engine"
    for module in ("names", "fulltext", "chronology", "deals", "actor_links", "tables", "spans"):
        tree = ast.parse((engine / f"{module}.py").read_text(encoding="utf-8"))
        imported = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)} | {
            alias.name
            for node in ast.walk(tree)
            if isinstance(node, ast.Import)
            for alias in node.names
        }
        assert "bot.engine.index" not in imported, module


def _answers(index: Index) -> list[object]:
    """What the full text gives: each word's entries, the sorted words, searches."""
    text = index.fulltext
    found: list[object] = [{word: set(ids) for word, ids in text.postings.items()}]
    found.append(text.vocabulary)
    for query in ("militaire", "exercice conjoint", "Royaume-Uni 2026", "paix", "milit", "trate"):
        found.append([(entry.id, score) for entry, score in text.search(query)])
    return found


def _edit_events(folder: Path) -> None:
    path = folder / "content" / "events.yaml"
    text = path.read_text(encoding="utf-8")
    old = "mènent un exercice\n      militaire conjoint"
    assert old in text
    path.write_text(text.replace(old, "mènent un exercice\n      militaire commun"), "utf-8")


def test_one_changed_file_rebuilds_only_its_part_and_answers_as_a_full_build(
    small: Path, tmp_path: Path
) -> None:
    parts = tmp_path / "parts"
    first = Index(load_factbase(small / "content", small / "seeds"), parts)
    assert _answers(first) == _answers(_load(small))
    # the full text's parts (the typo tables are kept there too: bot/engine/kept_tables.py)
    kept = {path.name: path.stat().st_mtime_ns for path in parts.glob("*" + PART_SUFFIX)}
    assert len(kept) == 3  # events, agreements, facts: one part per content file
    _edit_events(small)
    again = Index(load_factbase(small / "content", small / "seeds"), parts)
    full = _load(small)  # no parts: everything built
    assert _answers(again) == _answers(full)
    assert "commun" in again.fulltext.postings and "commun" not in first.fulltext.postings
    now = {path.name: path.stat().st_mtime_ns for path in parts.glob("*" + PART_SUFFIX)}
    assert len(now) == 3  # the events file's old part removed
    unchanged = set(kept) & set(now)
    assert len(unchanged) == 2 and all(kept[name] == now[name] for name in unchanged)


def test_a_damaged_part_is_built_again(small: Path, tmp_path: Path) -> None:
    parts = tmp_path / "parts"
    expected = _answers(Index(load_factbase(small / "content", small / "seeds"), parts))
    for path in parts.iterdir():
        data = bytearray(path.read_bytes())
        data[-5] ^= 0xFF  # a flipped byte in the payload: its digest no longer matches
        path.write_bytes(bytes(data))
    assert _answers(Index(load_factbase(small / "content", small / "seeds"), parts)) == expected


def test_the_articles_stem_table_is_read_back_while_the_articles_are_unchanged(
    small: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bot.engine import seedtext

    parts = tmp_path / "parts"
    folded: list[str] = []
    real_fold = seedtext.fold
    monkeypatch.setattr(seedtext, "fold", lambda text: folded.append(text) or real_fold(text))
    first = build_index(Index(load_factbase(small / "content", small / "seeds"), parts))
    assert len(folded) == len(first.base.seeds)  # each article folded once, to build it
    _edit_events(small)  # a content file changes, the articles do not
    folded.clear()
    again = build_index(Index(load_factbase(small / "content", small / "seeds"), parts))
    assert folded == []  # read back, not built
    full = build_index(_load(small))
    assert seedtext.sorted_seed_stems(again) == seedtext.sorted_seed_stems(full)
    for stem in seedtext.sorted_seed_stems(full):
        assert seedtext.sources_holding(again, stem) == seedtext.sources_holding(full, stem)


def test_the_home_country_and_the_featured_actors_come_from_the_vocabulary(small: Path) -> None:
    from bot.engine import routes
    from bot.engine.filters import TimelineFilter
    from bot.engine.inline import inline_offers
    from bot.engine.relations import relations

    def featured(index: Index) -> list[str]:
        """The actors offered first inline (an offer's id is its card's button data)."""
        read = [routes.parse(offer.id) for offer in inline_offers(index, "")]
        cards = (routes.COUNTRY, routes.ORGANISATION)
        return [r.values[0] for r in read if isinstance(r, routes.Parsed) and r.route in cards]

    index = _load(small)
    assert featured(index) == ["AZ", "ots", "TR"]
    assert "GB" in {found.code for found in relations(index, TimelineFilter())}
    _edit(small, "  home: AZ\n  featured: [AZ, ots, TR]", "  home: GB\n  featured: [TR, AZ]")
    index = _load(small)
    assert featured(index) == ["TR", "AZ"]
    codes = {found.code for found in relations(index, TimelineFilter())}
    assert "AZ" in codes and "GB" not in codes  # the map is now about the United Kingdom


@pytest.mark.parametrize(
    ("old", "new", "field"),
    [
        ("  home: AZ\n", "  home: FR\n", "home"),
        ("  featured: [AZ, ots, TR]", "  featured: [nato, ots, TR]", "featured[0]"),
    ],
)
def test_an_unknown_home_or_featured_actor_names_file_and_field(
    small: Path, old: str, new: str, field: str
) -> None:
    _edit(small, old, new)
    with pytest.raises(ContentError) as caught:
        _load(small)
    [issue] = caught.value.issues
    assert (issue.file, issue.field) == ("content/vocabulary.yaml", field)
    assert "référence inconnue" in issue.message
