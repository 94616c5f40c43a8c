"""Moving a reviewed draft into the base (``draft --promote``) and checking a draft as ``check``
will once it is moved (``check --drafts``), on a copy of tests/fixtures/draft_base/ and the
fictional article of tests/fixtures/promote/ (issue 23, newcomer's findings 3 and 6)."""

from __future__ import annotations

import hashlib
import io
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.cli import main
from bot.content.loader import load_factbase
from bot.content.yamlread import read_yaml
from bot.draft.check_drafts import run_check_drafts
from bot.draft.promote import add_entries, append_entries

FIXTURES = Path(__file__).parent / "fixtures"
DRAFT_NAME = "depeche-bakou-astana.yaml"


@pytest.fixture
def base(tmp_path: Path) -> Path:
    """A copy of the draft fixture base with the reviewed draft in content/drafts/."""
    shutil.copytree(FIXTURES / "draft_base" / "content", tmp_path / "content")
    shutil.copytree(FIXTURES / "draft_base" / "seeds", tmp_path / "seeds")
    drafts = tmp_path / "content" / "drafts"
    drafts.mkdir()
    article = drafts / "depeche-bakou-astana.txt"
    shutil.copyfile(FIXTURES / "promote" / "depeche-bakou-astana.txt", article)
    data = read_yaml((FIXTURES / "promote" / DRAFT_NAME).read_text(encoding="utf-8"))
    data["draft"]["article"] = str(article)
    _write(drafts / DRAFT_NAME, data)
    return tmp_path


def _write(path: Path, data: dict[str, object]) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _edit(root: Path, change: object) -> None:
    path = root / "content" / "drafts" / DRAFT_NAME
    data = read_yaml(path.read_text(encoding="utf-8"))
    change(data)  # type: ignore[operator]
    _write(path, data)


def _check_drafts(root: Path) -> tuple[int, str]:
    out = io.StringIO()
    status = run_check_drafts(root / "content" / "drafts", root / "content", root / "seeds", out)
    return status, out.getvalue()


def _tree(root: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.is_file():
            digest.update(str(path.relative_to(root)).encode() + path.read_bytes())
    return digest.hexdigest()


def _promote(root: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    status = main(
        [
            "--content",
            str(root / "content"),
            "--seeds",
            str(root / "seeds"),
            "draft",
            "--promote",
            str(root / "content" / "drafts" / DRAFT_NAME),
        ]
    )
    captured = capsys.readouterr()
    return status, captured.out + captured.err


def test_check_drafts_passes_a_complete_draft_that_check_will_accept(base: Path) -> None:
    status, text = _check_drafts(base)
    assert status == 0, text
    assert "la base avec chacun passe `check`" in text


def test_check_drafts_refuses_an_inferred_date_without_its_note(base: Path) -> None:
    def infer(data: dict[str, object]) -> None:
        event = data["events"][0]  # type: ignore[index]
        event.update(date_basis="déduit", date_reason="jour de la dépêche, sans année")

    _edit(base, infer)
    status, text = _check_drafts(base)
    assert status == 1
    assert "reunion-az-kz-2025-03" in text and "date_note" in text, text
    assert "content/events.yaml" in text  # the file the entry will live in


def test_check_drafts_refuses_a_non_key_quote_that_leaves_its_sentence_uncovered(
    base: Path,
) -> None:
    _edit(base, lambda data: data["events"][0]["evidence"][1].update(key=False))
    status, text = _check_drafts(base)
    assert status == 1
    assert "NON TRAITÉE" in text and "Les ministres ont évoqué" in text, text


def test_clutter_the_tool_recognised_is_set_aside_and_unrecognised_clutter_is_refused(
    base: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _edit(base, lambda data: data["sources"][0]["draft"]["noise"].pop(0))  # forget « ARMEE »
    status, text = _check_drafts(base)
    assert status == 1
    assert "NON TRAITÉE : « ARMEE »" in text, text
    before = _tree(base)
    status, text = _promote(base, capsys)
    assert status == 1 and "rien n'a été écrit" in text and "ARMEE" in text
    assert _tree(base) == before  # nothing half-written


def test_promote_moves_the_draft_in_and_check_passes(
    base: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, text = _promote(base, capsys)
    assert status == 0, text
    seed = (base / "seeds" / "depeche-bakou-astana.txt").read_text(encoding="utf-8")
    assert not seed.startswith("#") and seed.startswith("ARMEE\n")  # header lines removed
    events = (base / "content" / "events.yaml").read_text(encoding="utf-8")
    assert "draft:" not in events and 'date: "2025-03-13"' in events  # dates stay quoted
    assert events.startswith("events:\n  - id: reunion-az-kz-2025-03\n")  # oldest first:
    assert "\n  - id: exercice-ots-2025\n" in events  # the March meeting before September's
    assert events.index("reunion-az-kz-2025-03") < events.index("exercice-ots-2025")
    skips = read_yaml((base / "content" / "coverage.yaml").read_text(encoding="utf-8"))
    assert {skip["sentence"] for skip in skips["coverage_skips"]} == {
        "ARMEE",
        "Bakou, 14 mars, AZERTAC",
    }
    assert not (base / "content" / "drafts" / DRAFT_NAME).exists()
    assert (base / "content" / "drafts" / f"{DRAFT_NAME}.promu").exists()
    loaded = load_factbase(base / "content", base / "seeds")
    assert loaded.sources["depeche-bakou-astana"].url == (
        "https://azertag.example.az/fr/depeche-bakou-astana"
    )
    assert main(["--content", str(base / "content"), "--seeds", str(base / "seeds"), "check"]) == 0


def test_promote_refuses_an_unfinished_draft_and_writes_nothing(
    base: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _edit(base, lambda data: data["events"][0].update(summary=None))
    before = _tree(base)
    status, text = _promote(base, capsys)
    assert status == 1
    assert "rien n'a été écrit" in text and "reunion-az-kz-2025-03" in text and "summary" in text
    assert _tree(base) == before


def test_promote_adds_a_new_country_card_to_its_section(
    base: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def add_pakistan(data: dict[str, object]) -> None:
        data["countries"] = [{"code": "UZ", "demonyms": ["ouzbek"]}]

    _edit(base, add_pakistan)
    status, text = _promote(base, capsys)
    assert status == 0, text
    actors = read_yaml((base / "content" / "actors.yaml").read_text(encoding="utf-8"))
    assert actors["countries"][-1] == {"code": "UZ", "demonyms": ["ouzbek"]}
    assert actors["organisations"][0]["id"] == "ots"  # the next section is untouched


def test_append_entries_keeps_comments_and_the_following_section() -> None:
    text = "# en-tête\ncountries:\n  - code: AZ\n\n# les organisations\norganisations:\n  - id: x\n"
    out = append_entries(text, "countries", [{"code": "PK"}])
    assert out == (
        "# en-tête\ncountries:\n  - code: AZ\n  - code: PK\n\n# les organisations\n"
        "organisations:\n  - id: x\n"
    )
    assert append_entries("coverage_skips: []\n", "coverage_skips", [{"a": "1"}]) == (
        'coverage_skips:\n  - a: "1"\n'
    )


def test_check_drafts_says_when_the_base_itself_fails_without_blaming_the_draft(
    base: Path,
) -> None:
    facts = base / "content" / "facts.yaml"
    facts.write_text(
        facts.read_text(encoding="utf-8").replace(
            "summary: L'Azerbaïdjan et l'Arménie ont manifesté",
            "summary: La Géorgie, l'Azerbaïdjan et l'Arménie ont manifesté",
        ),
        encoding="utf-8",
    )  # the base alone now fails check (a name its quote does not give)
    status, text = _check_drafts(base)
    assert status == 1  # check would refuse the base with the draft moved in
    assert "la base elle-même ne passe pas `check`" in text
    assert "Géorgie" not in text  # the base's own problem is not listed as the draft's


def _set_aside_and_promote(
    base: Path,
    capsys: pytest.CaptureFixture[str],
    sentence: str,
    reason: str,
    *,
    from_noise: bool,
) -> dict[str, Any]:
    """The curator sets ``sentence`` aside in the draft (taking it out of the draft's noise
    first when ``from_noise``), ``check --drafts`` and ``--promote`` pass: the promoted
    coverage.yaml, read back."""

    def set_aside(data: dict[str, object]) -> None:
        if from_noise:
            data["sources"][0]["draft"]["noise"].pop(0)  # type: ignore[index]
        data["coverage_skips"] = [
            {"source": "depeche-bakou-astana", "sentence": sentence, "reason": reason}
        ]

    _edit(base, set_aside)
    status, text = _check_drafts(base)
    assert status == 0, text
    status, text = _promote(base, capsys)
    assert status == 0, text
    skips = read_yaml((base / "content" / "coverage.yaml").read_text(encoding="utf-8"))
    assert isinstance(skips, dict)
    return skips


def test_a_draft_sets_a_sentence_aside_in_coverage_skips_and_promote_carries_it(
    base: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # the kicker « ARMEE » is no longer recognised as clutter: the curator sets it aside
    # himself, in the draft, with a reason (docs/curation.md « Écarter une phrase »)
    skips = _set_aside_and_promote(base, capsys, "ARMEE", "Surtitre, sans fait.", from_noise=True)
    assert {
        "source": "depeche-bakou-astana",
        "sentence": "ARMEE",
        "reason": "Surtitre, sans fait.",
    } in (skips["coverage_skips"])


def test_a_sentence_set_aside_must_be_the_articles_word_for_word(base: Path) -> None:
    _edit(
        base,
        lambda data: data.update(
            coverage_skips=[
                {"source": "depeche-bakou-astana", "sentence": "ARMÉES", "reason": "Surtitre."},
                {"source": "autre", "sentence": "ARMEE", "reason": "Surtitre, sans fait."},
            ]
        ),
    )
    status, text = _check_drafts(base)
    assert status == 1
    assert "coverage_skips/n°1.sentence : phrase introuvable telle quelle" in text, text
    assert "coverage_skips/n°2.source : « autre » n'est pas la source du brouillon" in text, text


def test_promote_puts_a_dated_entry_where_the_sections_date_order_wants_it() -> None:
    text = (
        "# events, oldest first\nevents:\n"
        '  - id: a\n    date: "2019"\n\n'
        "  # a comment about b\n"
        '  - id: b\n    date: "2023-05"\n\n'
        '  - id: c\n    date: "2023-01"\n\n'
        "facts:\n  - id: f\n"
    )
    entries: list[object] = [
        {"id": "new-2021", "date": "2021-10-05"},
        {"id": "new-undated", "date": None},
        {"id": "new-2030", "date": "2030"},
        {"id": "new-2023-02", "date": "2023-02"},
    ]
    out = add_entries(text, "events", entries)
    order = [entry["id"] for entry in read_yaml(out)["events"]]
    # each before the first entry that starts after it; undated and newest at the end
    assert order == ["a", "new-2021", "new-2023-02", "b", "c", "new-undated", "new-2030"]
    assert out.index("# a comment about b") < out.index("id: b")  # comment stays with b
    assert out.index("new-2021") < out.index("# a comment about b")
    assert read_yaml(out)["facts"] == [{"id": "f"}]  # the next section untouched
    unordered = text.replace('"2019"', '"2024"')  # a file kept in another order
    order = [
        entry["id"] for entry in read_yaml(add_entries(unordered, "events", entries))["events"]
    ]
    assert order[:3] == ["a", "b", "c"]  # left alone: appended


def test_a_leftover_line_of_any_length_can_be_set_aside_and_promoted(
    base: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # issue 23, fifth newcomer: a page-footer counter « 0 » left in the pasted copy could not be
    # set aside (« trop court ») and the curator had to cut it from the article by hand
    article = base / "content" / "drafts" / "depeche-bakou-astana.txt"
    article.write_text(article.read_text(encoding="utf-8") + "\n0\n", encoding="utf-8")

    skips = _set_aside_and_promote(
        base, capsys, "0", "Habillage de la page (compteur du pied de page).", from_noise=False
    )
    assert "0" in {skip["sentence"] for skip in skips["coverage_skips"]}
    assert load_factbase(base / "content", base / "seeds").skips


SECOND = "depeche-astana-suite"
SECOND_TEXT = (
    "Astana revient sur la visite\n"
    "Le ministre kazakh a été reçu à Bakou le 13 mars 2025 par son homologue azerbaïdjanais.\n"
)


def _second_draft(root: Path) -> Path:
    """A reviewed draft of another article whose only fact is the promoted meeting: its quote
    goes to that entry through ``additions:`` (« même fait »)."""
    drafts = root / "content" / "drafts"
    article = drafts / f"{SECOND}.txt"
    article.write_text(SECOND_TEXT, encoding="utf-8")
    data: dict[str, object] = {
        "draft": {"article": str(article)},
        "sources": [
            {
                "id": SECOND,
                "label": "Suite kazakhe",
                "outlet": None,
                "title": "Astana revient sur la visite",
                "published": None,
                "published_text": None,
                "seed": f"{SECOND}.txt",
                "url": "https://astana.example.kz/suite",
            }
        ],
        "additions": [
            {
                "entry": "reunion-az-kz-2025-03",
                "evidence": [
                    {
                        "source": SECOND,
                        "quote": "Le ministre kazakh a été reçu à Bakou le 13 mars 2025 par "
                        "son homologue azerbaïdjanais.",
                        "key": True,
                    }
                ],
            }
        ],
    }
    path = drafts / f"{SECOND}.yaml"
    _write(path, data)
    return path


def test_an_addition_to_an_entry_promote_wrote_passes_check_drafts_and_promote(
    base: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The twenty-first curator's sequence: promote a draft, then add a quote to one of its
    entries from another article, then check. ``--promote`` wrote its lists flush with their
    key (« evidence: » then « - source: ») and the addition, indented as the base's lists,
    made the file unreadable."""
    status, text = _promote(base, capsys)
    assert status == 0, text
    events = (base / "content" / "events.yaml").read_text(encoding="utf-8")
    assert "    evidence:\n      - source: depeche-bakou-astana\n" in events  # the base's style
    second = _second_draft(base)
    status, text = _check_drafts(base)
    assert status == 0, text
    folders = ["--content", str(base / "content"), "--seeds", str(base / "seeds")]
    status = main([*folders, "draft", "--promote", str(second)])
    assert status == 0, capsys.readouterr()
    loaded = load_factbase(base / "content", base / "seeds")
    (event,) = [event for event in loaded.events if event.id == "reunion-az-kz-2025-03"]
    quotes = [item.quote for item in event.evidence]
    assert any("Le ministre kazakh a été reçu" in quote for quote in quotes), quotes


def test_an_addition_to_an_entry_written_flush_with_its_key_is_added_to_that_list() -> None:
    """An entry written by hand (or by an earlier ``--promote``) as yaml.dump writes lists."""
    from bot.draft.promote import add_quotes

    text = (
        "events:\n"
        "  - id: un\n"
        "    summary: Un.\n"
        "    evidence:\n"
        "    - source: a\n"
        "      quote: Première.\n"
        "    topics: []\n"
        "  - id: deux\n"
        "    evidence:\n"
        "      - source: a\n"
        "        quote: Seconde.\n"
    )
    changed = add_quotes(text, "un", [{"source": "b", "quote": "Ajoutée.", "key": True}])
    assert changed is not None
    data = yaml.safe_load(changed)
    assert [item["quote"] for item in data["events"][0]["evidence"]] == ["Première.", "Ajoutée."]
    assert data["events"][0]["evidence"][0]["key"] is True  # the first stays the key quote
    assert data["events"][0]["topics"] == [] and len(data["events"][1]["evidence"]) == 1


def test_an_addition_that_would_break_a_file_names_the_curators_file_and_entry(
    base: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A merge that would leave a file unreadable is refused naming the file the curator can
    open and the entry's line there, not a line of the merged copy nobody sees."""
    from bot.draft import promote

    text = (base / "content" / "events.yaml").read_text(encoding="utf-8")
    line = text.splitlines().index("  - id: exercice-ots-2025") + 1

    def broken(current: str, entry_id: str, _: object) -> str | None:
        return current + "  - a: [\n" if f"id: {entry_id}" in current else None

    monkeypatch.setattr(promote, "add_quotes", broken)
    addition = [{"entry": "exercice-ots-2025", "evidence": [{"source": "s", "quote": "Q."}]}]
    with pytest.raises(promote.PromoteError) as raised:
        promote._merge_additions(addition, base / "content", {}, {})
    message = str(raised.value)
    assert f"content/events.yaml (ligne {line})" in message, message
    assert "exercice-ots-2025" in message and "illisible" in message
