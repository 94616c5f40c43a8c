"""The growth test's own parts: the BOT_CONTENT_DIR / BOT_SEEDS_DIR setting moves what the bot
reads, and the curated overlay of tests/growth/ stays valid on a copy of the base."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bot.check import run_check
from bot.content.loader import load_factbase
from bot.content.yamlread import read_yaml
from bot.draft.article import read_article
from bot.paths import PROJECT_ROOT
from tests.growth.__main__ import SETS, add_evidence, build_copy, changed_readings, seed_text

FIXTURE = Path(__file__).parent / "fixtures" / "draft_base"


def test_the_content_and_seeds_folders_come_from_the_environment():
    env = {
        **os.environ,
        "BOT_CONTENT_DIR": str(FIXTURE / "content"),
        "BOT_SEEDS_DIR": str(FIXTURE / "seeds"),
    }
    done = subprocess.run(
        [sys.executable, "-m", "bot", "ask", "/sources"],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    sources = read_yaml((FIXTURE / "content" / "sources.yaml").read_text(encoding="utf-8"))
    total = len(sources["sources"])  # the fixture's, counted (« L'article » when one)
    assert ("L'ARTICLE DE LA BASE" if total == 1 else f" {total} ARTICLES") in done.stdout
    assert sources["sources"][0]["title"][:30] in done.stdout
    assert "Lagazette" not in done.stdout  # nothing of the shipped base


@pytest.mark.parametrize("growth_set", SETS, ids=lambda path: path.name)
def test_every_growth_article_keeps_its_source_lines_and_is_curated(growth_set):
    sources = {}
    for path in (growth_set / "content").glob("*.yaml"):
        data = read_yaml(path.read_text(encoding="utf-8")) or {}
        sources |= {source["seed"]: source for source in data.get("sources", [])}
    seeds_named = set(sources)
    articles = sorted((growth_set / "articles").glob("*.txt"))
    assert len(articles) >= 3
    assert {article.name for article in articles} == seeds_named
    for article in articles:
        text = article.read_text(encoding="utf-8")
        head = [line for line in text.splitlines()[:4] if line.startswith("# ")]
        # the address as the page gave it (a 2009 agency page is still plain http://)
        assert head[0].startswith(("# URL : https://", "# URL : http://")), article.name
        # the outlet: given by the curator, the agency of the dispatch's dateline
        # (« Tachkent, 12 octobre, AZERTAC »), read off the address (the source says so) or
        # written in the page itself (« Lagazette » above the title)
        source = sources[article.name]
        agency = read_article(text).dateline.value is not None
        given = any(line.startswith("# Média : ") for line in head)
        from_address = source.get("outlet_basis") == "adresse"
        in_page = bool(source.get("outlet")) and str(source["outlet"]) in seed_text(article)
        assert agency or given or from_address or in_page, article.name
        assert not seed_text(article).startswith("#")


def test_the_grown_copy_passes_check_and_lists_the_readings_that_change(tmp_path):
    content, seeds = build_copy(tmp_path)
    out = io.StringIO()
    assert run_check(content, seeds, out) == 0, out.getvalue()
    assert (PROJECT_ROOT / "content" / "agreements.yaml").read_text(encoding="utf-8") != (
        content / "agreements.yaml"
    ).read_text(encoding="utf-8")  # the « même fait » citations were added to the copy only
    grown = load_factbase(content, seeds)
    for growth_set in SETS:  # every set is in the copy, entries and articles
        for path in (growth_set / "content").glob("*.yaml"):
            data = read_yaml(path.read_text(encoding="utf-8")) or {}
            for source in data.get("sources", []):
                assert source["id"] in grown.sources, (growth_set.name, source["id"])
                assert (seeds / source["seed"]).is_file()
            for section in ("events", "agreements", "facts"):
                ids = {entry.id for entry in getattr(grown, section)}
                assert {entry["id"] for entry in data.get(section, [])} <= ids, path.name
    changes = changed_readings(content, seeds)
    assert all(before != after for _question, before, after in changes)


@pytest.mark.parametrize("pad", ["    ", "  "], ids=["base-style", "dump-style"])
def test_evidence_added_to_an_entry_of_either_list_style_keeps_the_file_valid(tmp_path, pad):
    # twenty-first newcomer: a set's evidence.yaml adds quotes to an entry of another of its own
    # files, written by yaml.safe_dump (list items at their key's indent, not indented under it)
    entry = (
        "- id: {id}\n  evidence:\n{pad}- source: a\n{pad}  quote: Q{id}\n"
        "{pad}  key: true\n  summary: S{id}\n"
    )
    text = "events:\n" + "".join(entry.format(id=i, pad=pad) for i in ("e1", "e2"))
    (tmp_path / "growth-a.yaml").write_text(text, encoding="utf-8")
    add_evidence(tmp_path, "e1", [{"source": "b", "key": True, "quote": "Nouvelle « citation »"}])
    events = read_yaml((tmp_path / "growth-a.yaml").read_text(encoding="utf-8"))["events"]
    assert [q["quote"] for q in events[0]["evidence"]] == ["Qe1", "Nouvelle « citation »"]
    assert events[0]["evidence"][1] == {
        "source": "b",
        "key": True,
        "quote": "Nouvelle « citation »",
    }
    assert events[0]["summary"] == "Se1"
    assert events[1] == {
        "id": "e2",
        "evidence": [{"source": "a", "quote": "Qe2", "key": True}],
        "summary": "Se2",
    }


def test_a_country_the_base_already_ships_is_not_added_twice(tmp_path, monkeypatch):
    # a curator ships Pakistan's card (the first growth set has one too): the grown copy
    # keeps the shipped card and still passes check, instead of « PK » defined twice
    import tests.growth.__main__ as growth

    shipped = tmp_path / "shipped"
    shutil.copytree(PROJECT_ROOT / "content", shipped / "content")
    shutil.copytree(PROJECT_ROOT / "seeds", shipped / "seeds")
    actors = shipped / "content" / "actors.yaml"
    text = actors.read_text(encoding="utf-8")
    if "\n  - code: PK\n" not in text:  # a base that does not ship it yet: the curator adds it
        actors.write_text(
            text.replace(
                "\norganisations:", "  - code: PK\n    demonyms: [pakistanais]\n\norganisations:", 1
            ),
            encoding="utf-8",
        )
    assert "  - code: PK\n" in actors.read_text(encoding="utf-8")  # the shipped card is there
    monkeypatch.setattr(growth, "ROOT", shipped)
    # the first growth set alone: it is the one whose card is Pakistan's (the whole grown
    # copy passes check in the test above)
    monkeypatch.setattr(growth, "SETS", growth.SETS[:1])
    content, seeds = build_copy(tmp_path / "copy")
    out = io.StringIO()
    assert run_check(content, seeds, out) == 0, out.getvalue()
    base = load_factbase(content, seeds)
    assert "PK" in base.actors and (content / "growth-actors.yaml").is_file()


def test_a_theme_named_by_an_alias_its_dated_lines_not_all_say_gives_the_search(tmp_path):
    # On the grown copy, the theme « armement » (alias « drones ») has dated lines — a 2013
    # Russian arms contract, a parade of captured arms — not all of which say « drone »:
    # « drones » must still find the drone facts (the search), not open that chronology.
    from datetime import date

    from bot.engine.filters import TimelineFilter
    from bot.engine.index import Index
    from bot.engine.questions import understand
    from bot.engine.timeline import select

    content, seeds = build_copy(tmp_path)
    index = Index(load_factbase(content, seeds))
    dated = select(index, TimelineFilter(topics=("armement",)))
    assert dated  # the chronology the old reading opened
    assert not all("drone" in item.entry.summary.lower() for item in dated)
    found = understand(index, "drones", date(2026, 11, 23))
    assert found is not None and found.data == "/cherche drones"
    found = understand(index, "armement", date(2026, 11, 23))  # the theme's own name
    assert found is not None and found.data == "/timeline armement"
