"""The draft's linker at scale (issue 25, point 3): built once per base, indexed by word starts,
and giving exactly the links of the linker that compared every candidate with every entry
(tests/draft_linker_before.py) — on the shipped base and on a synthetic ×3 base, for every
sentence of the real articles under tests/ and seeds/, with several actor sets and dates."""

from __future__ import annotations

from pathlib import Path

from bench.synthetic import write_synthetic
from bot.content.loader import load_factbase
from bot.content.model import FactBase
from bot.dates import parse_date
from bot.draft.build import draft_article
from bot.draft.links import Linker, linker_of
from bot.engine.index import Index
from bot.paths import CONTENT_DIR, SEEDS_DIR
from tests.draft_linker_before import Linker as ScanningLinker

HERE = Path(__file__).parent
ARTICLES = [
    *sorted((HERE / "growth" / "articles").glob("*.txt")),
    *sorted((HERE / "articles").glob("*.txt")),
    *sorted((HERE / "draft_articles").glob("*.txt")),
]
SPANS = [(None, False), (parse_date("2025-10"), True)]


def _compare(base: FactBase, articles: list[Path] = ARTICLES, step: int = 1) -> int:
    """Compare the two linkers on every sentence of ``articles`` and of the base's seeds (one
    in ``step`` of them, in name order); return the links seen."""
    before, now = ScanningLinker(base), Linker(base)
    texts = [path.read_text(encoding="utf-8") for path in articles]
    texts += [base.seeds[name] for name in sorted(base.seeds)[::step]]
    seen = 0
    for number, text in enumerate(texts):
        draft = draft_article(text, f"a{number}.txt", base, linker=now)
        actor_sets = [[hit.id for hit in c.actors] for c in draft.candidates[:3]]
        actor_sets += [[], ["AZ", "TR"]]
        for sentence in draft.article.sentences:
            for actors in actor_sets:
                for span, explicit in SPANS:
                    expected = before.links(sentence.text, actors, span, explicit, limit=10)
                    assert now.links(sentence.text, actors, span, explicit, limit=10) == expected
                    seen += len(expected)
        for candidate in draft.candidates:  # and the draft's own links, as the tool asks them
            ids = [hit.id for hit in candidate.actors]
            assert now.links(candidate.sentence.text, ids, None, False) == before.links(
                candidate.sentence.text, ids, None, False
            )
    return seen


def test_indexed_linker_gives_the_full_scan_links_on_the_shipped_base() -> None:
    base = load_factbase(CONTENT_DIR, SEEDS_DIR)
    assert _compare(base) > 0  # links were compared, not only their absence


def test_indexed_linker_gives_the_full_scan_links_on_a_synthetic_base(tmp_path: Path) -> None:
    # the synthetic copies' seeds (three times each shipped article, entries quoting them),
    # one copy's worth of them: the sentences that link at scale, against three times the
    # entries; the other articles are compared on the shipped base
    write_synthetic(tmp_path, 3)
    base = load_factbase(tmp_path / "content", tmp_path / "seeds")
    assert _compare(base, articles=[], step=3) > 0  # each article once: its copies are x3


def test_the_linker_is_built_once_per_index() -> None:
    base = load_factbase(CONTENT_DIR, SEEDS_DIR)
    index, other = Index(base), Index(base)
    assert linker_of(index) is linker_of(index)
    assert linker_of(other) is not linker_of(index)  # a reload's new index gets its own
