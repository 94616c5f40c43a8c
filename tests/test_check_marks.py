"""Issue 25, point 1: the checks that read the articles are kept per file (by the file's
record and the sources it names), so one changed file has only its own quotes searched again
— and every problem a full check finds is still found, whichever file it comes from."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.content import loader
from bot.content.checkcache import SUFFIX
from bot.content.errors import ContentError, ContentIssue
from bot.content.model import FactBase
from bot.content.yamlread import read_yaml
from tests.conftest import ContentCopy


class Checked:
    """The files whose entries had their quotes searched in their articles, per load."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.files: set[str] = set()
        real = loader._check_evidence

        def counted(file: str, *args: Any, **kwargs: Any) -> None:
            self.files.add(file)
            real(file, *args, **kwargs)

        monkeypatch.setattr(loader, "_check_evidence", counted)

    def take(self) -> set[str]:
        found, self.files = self.files, set()
        return found


@pytest.fixture
def checked(monkeypatch: pytest.MonkeyPatch) -> Checked:
    return Checked(monkeypatch)


def _load(copy: ContentCopy, cache: Path) -> FactBase:
    return loader.load_factbase(copy.content, copy.seeds, cache=cache)


def _issues(copy: ContentCopy, cache: Path | None) -> set[ContentIssue]:
    with pytest.raises(ContentError) as caught:
        loader.load_factbase(copy.content, copy.seeds, cache=cache)
    return set(caught.value.issues)


def _refused_as_without_cache(copy: ContentCopy, cache: Path) -> set[ContentIssue]:
    """The issues of a load with the warm cache: exactly those of a load without any."""
    warm = _issues(copy, cache)
    assert warm == _issues(copy, None)
    return warm


def _rewrite(copy: ContentCopy, file: str, change: Any) -> None:
    """Load content/``file``, let ``change`` edit its data, write it back."""
    path = copy.content / file
    data = read_yaml(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _content_files(copy: ContentCopy) -> set[str]:
    return {f"content/{path.name}" for path in copy.content.glob("*.yaml")}


def test_only_the_changed_file_has_its_quotes_searched_again(
    copy: ContentCopy, tmp_path: Path, checked: Checked
) -> None:
    cache = tmp_path / "validation"
    full = _load(copy, cache)
    quoting = checked.take()
    assert quoting >= {"content/events.yaml", "content/agreements.yaml"}
    assert len(list(cache.glob("*" + SUFFIX))) == len(_content_files(copy))
    assert _load(copy, cache) == full  # nothing changed: no quote searched again
    assert checked.take() == set()
    copy.edit("events.yaml", "\n      L'Azerbaïdjan rejoint", "\n      L'Azerbaïdjan adhère au")
    edited = _load(copy, cache)
    assert checked.take() == {"content/events.yaml"}
    assert edited == copy.load()
    assert len(list(cache.glob("*" + SUFFIX))) == len(_content_files(copy))  # old mark gone


def test_a_broken_quote_in_the_changed_file_is_still_refused(
    copy: ContentCopy, tmp_path: Path, base: FactBase
) -> None:
    cache = tmp_path / "validation"
    _load(copy, cache)
    event = next(e for e in base.events if base.files[e.id] == "content/events.yaml")

    def break_quote(data: dict[str, Any]) -> None:
        entry = next(item for item in data["events"] if item["id"] == event.id)
        entry["evidence"][0]["quote"] += " et des chars volants"

    _rewrite(copy, "events.yaml", break_quote)
    issues = _refused_as_without_cache(copy, cache)
    assert ContentIssue("content/events.yaml", event.id, "evidence[0].quote", "") in {
        ContentIssue(i.file, i.entry, i.field, "") for i in issues
    }, issues


def test_removing_an_actor_another_file_refers_to_is_still_refused(
    copy: ContentCopy, tmp_path: Path, base: FactBase
) -> None:
    cache = tmp_path / "validation"
    _load(copy, cache)
    organisations = {a.id for a in base.actors.values() if not a.is_country}
    used = next(
        actor
        for e in base.events
        if base.files[e.id] == "content/events.yaml"
        for actor in e.actors
        if actor in organisations and base.files.get(actor) == "content/actors.yaml"
    )

    def remove(data: dict[str, Any]) -> None:
        data["organisations"] = [o for o in data["organisations"] if o["id"] != used]

    _rewrite(copy, "actors.yaml", remove)
    issues = _refused_as_without_cache(copy, cache)
    assert any(
        i.file == "content/events.yaml" and f"référence inconnue : {used}" in i.message
        for i in issues
    ), issues


def test_a_changed_article_refuses_the_unchanged_files_quoting_it(
    copy: ContentCopy, tmp_path: Path, base: FactBase
) -> None:
    cache = tmp_path / "validation"
    _load(copy, cache)
    agreement = base.agreements[0]
    source = base.sources[agreement.evidence[0].source]
    word = max(re.findall(r"\w{5,}", agreement.evidence[0].quote), key=len)
    seed = copy.seeds / source.seed
    text = seed.read_text(encoding="utf-8")
    assert word in text
    seed.write_text(text.replace(word, "Mot-Changé"), encoding="utf-8")
    issues = _refused_as_without_cache(copy, cache)
    assert any(i.file == base.files[agreement.id] and i.entry == agreement.id for i in issues), (
        issues
    )


def test_a_source_undated_refuses_dates_anchored_on_it_in_other_files(
    copy: ContentCopy, tmp_path: Path, base: FactBase
) -> None:
    cache = tmp_path / "validation"
    _load(copy, cache)
    listed = read_yaml((copy.content / "sources.yaml").read_text(encoding="utf-8"))
    own = {source["id"] for source in listed["sources"]}
    anchored = next(  # anchored on a source of content/sources.yaml (a grown base adds files)
        e for e in (*base.events, *base.agreements) if e.date_anchor in own
    )
    assert base.files[anchored.id] != "content/sources.yaml"

    def undate(data: dict[str, Any]) -> None:
        for source in data["sources"]:
            if source["id"] == anchored.date_anchor:
                source["published"] = None

    _rewrite(copy, "sources.yaml", undate)
    issues = _refused_as_without_cache(copy, cache)
    assert any(i.file == base.files[anchored.id] and i.field == "date_anchor" for i in issues), (
        issues
    )


def test_a_failed_load_marks_nothing(copy: ContentCopy, tmp_path: Path, checked: Checked) -> None:
    cache = tmp_path / "validation"
    copy.edit("events.yaml", 'date: "2025-11-06"', 'date: "6 novembre"')
    _issues(copy, cache)
    assert not list(cache.glob("*" + SUFFIX))
    copy.edit("events.yaml", 'date: "6 novembre"', 'date: "2025-11-06"')
    checked.take()
    _load(copy, cache)
    assert checked.take() >= {"content/events.yaml", "content/agreements.yaml"}
