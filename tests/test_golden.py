"""The golden file of rendered answers (tests/golden/answers.txt): the answers of the shipped
base as the console shows them. When they change, this fails with the diff and the command
that regenerates the file, so a new article or a change of layout is reviewed as a diff."""

from __future__ import annotations

from bot.paths import PROJECT_ROOT
from tests.docs import documentation
from tests.golden import ASKED, GOLDEN, REGENERATE, changed_answers, diff, render_all


def test_the_golden_file_holds_the_answers_of_the_shipped_base():
    # Always the shipped base (content/ and seeds/ of the project), even when BOT_CONTENT_DIR
    # points the rest of the suite at a grown copy: the file records what the repository ships.
    actual = render_all(PROJECT_ROOT / "content", PROJECT_ROOT / "seeds")
    expected = GOLDEN.read_text(encoding="utf-8") if GOLDEN.exists() else ""
    if actual != expected:
        changed = changed_answers(expected, actual)
        raise AssertionError(
            f"{len(changed)} réponse(s) ont changé ({', '.join(changed)}). Relire le diff "
            f"ci-dessous ; s'il est voulu, régénérer le fichier avec `{REGENERATE}` et le "
            f"committer avec le changement. (EN: {len(changed)} rendered answer(s) changed; "
            f"review the diff below, then regenerate the file with `{REGENERATE}` and commit "
            f"it with the change.)\n{diff(expected, actual)}"
        )


def test_the_golden_file_answers_every_listed_command_once():
    text = GOLDEN.read_text(encoding="utf-8")
    assert [line[9:] for line in text.splitlines() if line.startswith("======== ")] == list(ASKED)
    assert REGENERATE in text.splitlines()[1]


def test_a_changed_summary_shows_as_a_diff_naming_the_answers_it_changes(copy):
    before = render_all(copy.content, copy.seeds)
    shown = before.replace("\n", " ")
    texts = {path.name: path.read_text(encoding="utf-8") for path in copy.content.glob("*.yaml")}

    def summary_file(start: str) -> str | None:
        """The one content file whose ``summary:`` field begins with ``start``, if only one
        place in the content holds those words (a summary equal to its quote is passed over)."""
        places = [(name, text) for name, text in texts.items() if start in text]
        if len(places) != 1 or places[0][1].count(start) != 1:
            return None
        name, text = places[0]
        lines = text[: text.index(start)].split("\n")
        near = (lines[-1], lines[-2] if len(lines) > 1 else "")
        return name if any(line.strip().startswith("summary:") for line in near) else None

    # an entry whose summary some answer shows, found in the rendering (nothing named)
    entry, file = next(
        (e, name)
        for e in sorted(copy.load().entries(), key=lambda e: e.id)
        if e.summary[:40] in shown and (name := summary_file(e.summary[:30])) is not None
    )
    start = entry.summary[:30]
    copy.edit(file, start, f"Paraphent {start}")
    after = render_all(copy.content, copy.seeds)
    changed = changed_answers(before, after)
    showing = [
        part.partition("\n")[0].strip().strip("=").strip()
        for part in after.split("\n======== ")[1:]
        if "Paraphent" in part
    ]
    assert showing and sorted(changed) == sorted(showing) and "/sources" not in changed
    shown = diff(before, after)
    assert "+" in shown and "Paraphent" in shown and "@@" in shown


def test_the_documentation_gives_the_command_that_regenerates_the_golden_file():
    assert REGENERATE in documentation()
