"""Checks of the shipped content that compute what they expect from content/ and seeds/
themselves, so that adding a correct article never turns them red: every reference resolves,
every inferred date names its basis, and the counts ``python -m bot check`` prints are the
counts of the YAML files."""

from __future__ import annotations

import io
import re
from pathlib import Path

from bot.check import run_check
from bot.content.model import Agreement, Event
from bot.content.yamlread import read_yaml
from bot.paths import CONTENT_DIR, SEEDS_DIR


def _sections() -> dict[str, int]:
    """How many items each top-level list of content/*.yaml holds, all files together."""
    found: dict[str, int] = {}
    for path in sorted(CONTENT_DIR.glob("*.yaml")):
        data = read_yaml(path.read_text(encoding="utf-8")) or {}
        for key, value in data.items():
            if isinstance(value, list):
                found[key] = found.get(key, 0) + len(value)
    return found


def test_every_reference_of_the_shipped_content_resolves(base):
    sources, actors = set(base.sources), set(base.actors)
    agreements = {agreement.id for agreement in base.agreements}
    for entry in base.entries():
        named = (
            [*entry.parties, *entry.mediators, *entry.related]
            if isinstance(entry, Agreement)
            else list(entry.actors)
        )
        assert set(named) <= actors, (entry.id, set(named) - actors)
        assert {item.source for item in entry.evidence} <= sources, entry.id
        if isinstance(entry, Event):
            assert set(entry.agreements) <= agreements, entry.id
    for source in base.sources.values():
        assert (SEEDS_DIR / source.seed).is_file(), source.id
    assert {path.name for path in SEEDS_DIR.glob("*.txt")} == {
        source.seed for source in base.sources.values()
    }


def test_every_inferred_date_says_where_it_comes_from(base):
    for entry in [*base.events, *base.agreements]:
        if entry.date is None or entry.date_basis == "texte":
            continue
        anchor = base.sources.get(entry.date_anchor or "")
        assert entry.date_reason or (anchor is not None and anchor.published is not None), entry.id


def test_the_counts_check_prints_are_the_counts_of_the_yaml_files():
    out = io.StringIO()
    assert run_check(CONTENT_DIR, SEEDS_DIR, out) == 0, out.getvalue()
    printed = {
        match.group(1).strip(): int(match.group(2))
        for match in re.finditer(r"^  (\S[^\d\n]*?)\s+(\d+)$", out.getvalue(), re.MULTILINE)
    }
    sections = _sections()
    expected = {
        "sources": sections.get("sources", 0),
        "pays": sections.get("countries", 0),
        "organisations": sections.get("organisations", 0),
        "événements": sections.get("events", 0),
        "accords": sections.get("agreements", 0),
        "constats": sections.get("facts", 0),
        "phrases écartées": sections.get("coverage_skips", 0),
    }
    for label, count in expected.items():
        assert printed[label] == count, (label, printed[label], count)
    seeds = len(list(Path(SEEDS_DIR).glob("*.txt")))
    assert printed["sources"] == seeds
