"""The first bubble of every question of every ``tests/questions*.yaml``: its visible length
on a phone (a folded quote counted as 150, ``bot.render.html.visible_length``) and the number
of bubbles, asked chat by chat as ``bench/score_questions.py`` asks them (follow-ups right
after their question, as the same person). Prints the distribution and, with ``--show``, the
longest first bubbles; also counts the follow-ups whose first bubble repeats the previous
answer's word for word (issue 22, task i22zk).

    PYTHONHASHSEED=0 .tools/bin/uv run python bench/bubble_sizes.py [FILES…] [--show N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.score_questions import Question, conversations, load
from bot.content.yamlread import read_yaml
from bot.engine.index import Index
from bot.engine.questions import respond_in_thread
from bot.engine.thread import Asked
from bot.render.html import render_html, visible_length

TODAY = date(2026, 12, 6)
PLAIN = 800
"""The aim for a plain question's first bubble."""
NEVER = 1200
"""The first-screen limit no first bubble may pass."""


def sizes(index: Index, questions: list[Question]) -> list[tuple[Question, int, int, bool]]:
    """Each question with its first bubble's visible length, its bubble count, and whether
    it is a follow-up whose first bubble is the previous answer's, unchanged."""
    rows: list[tuple[Question, int, int, bool]] = []
    for chat in conversations(questions):
        previous: Asked | None = None
        before = ""
        for question in chat:
            reply, asked = respond_in_thread(index, question.q.replace("\n", " "), TODAY, previous)
            previous = asked
            messages = render_html(reply)
            first = messages[0] if messages else ""
            repeated = bool(question.follow_up_of) and first == before
            rows.append((question, visible_length(first), len(messages), repeated))
            before = first
    return rows


def questions_of(path: Path) -> list[Question]:
    """A file's questions; a development set without ids (``tests/questions.yaml``: ``q`` and
    ``expect`` only) gives each question its file's name and rank as id, and no follow-up."""
    try:
        return load([path])
    except KeyError:
        data: dict[str, Any] = read_yaml(path.read_text(encoding="utf-8"))
        return [
            Question(f"{path.stem}:{rank}", str(item["q"]), True, [], [], None, "other")
            for rank, item in enumerate(data["questions"], 1)
        ]


def quantile(values: list[int], share: float) -> int:
    """The value at ``share`` of the sorted values (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def main() -> int:
    """Print the distribution of the first bubbles' lengths over the given files."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    here = Path(__file__).resolve().parent.parent
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--show", type=int, default=0, help="print the N longest first bubbles")
    args = parser.parse_args()
    files = args.files or sorted((here / "tests").glob("questions*.yaml"))
    from bot.paths import CONTENT_DIR, SEEDS_DIR
    from bot.startup import validated_index

    index = validated_index(CONTENT_DIR, SEEDS_DIR)
    started = time.perf_counter()
    rows = [row for path in files for row in sizes(index, questions_of(path))]
    elapsed = time.perf_counter() - started
    lengths = [length for _, length, _, _ in rows]
    counts = [count for _, _, count, _ in rows]
    follow_ups = [row for row in rows if row[0].follow_up_of]
    print(f"{len(rows)} questions from {len(files)} files ({elapsed:.1f} s)")
    print(
        f"first bubble: p50 {quantile(lengths, 0.5)}, p90 {quantile(lengths, 0.9)}, "
        f"max {max(lengths)}, mean {statistics.mean(lengths):.0f}; "
        f"> {PLAIN}: {sum(v > PLAIN for v in lengths)}, "
        f"> {NEVER}: {sum(v > NEVER for v in lengths)}"
    )
    spread = {n: counts.count(n) for n in sorted(set(counts))}
    print("bubbles: " + ", ".join(f"{n}: {k}" for n, k in spread.items()))
    repeats = [row[0].id for row in follow_ups if row[3]]
    print(f"follow-ups repeating the previous first bubble: {len(repeats)}/{len(follow_ups)}")
    if repeats:
        print("  " + " ".join(repeats))
    for question, length, count, _ in sorted(rows, key=lambda row: -row[1])[: args.show]:
        print(f"{length:5d} {count} {question.id} {question.q[:90]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
