"""Benchmark of the draft tool on a 10,000-character article (target: under 2 s).

    .tools/bin/uv run python bench/bench_draft.py [--samples N]

The article is made of the real test articles (tests/articles/*.txt, noise included), joined
and cut at a line end just past 10,000 characters. It prints:
- the drafting itself, in process, base already loaded (median and max of ``--samples``);
- the whole command, ``python -m bot draft ARTICLE --out DIR`` in a fresh process (imports,
  loading the base, drafting, writing the YAML): median and max of five runs.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.content.loader import load_factbase  # noqa: E402
from bot.draft.build import draft_article, render_draft  # noqa: E402
from bot.paths import CONTENT_DIR, SEEDS_DIR  # noqa: E402

SIZE = 10_000


def article(size: int = SIZE) -> str:
    """Real article text, noise included, repeated and cut at a line end past ``size``."""
    bodies = [
        "\n".join(
            line
            for line in path.read_text(encoding="utf-8").splitlines()
            if not line.startswith("#")
        )
        for path in sorted((ROOT / "tests" / "articles").glob("*.txt"))
    ]
    text = "\n\n".join(bodies) + "\n\n"
    copy = 1
    while len(text) < size:  # later copies numbered, so no line is a mere repetition
        copy += 1
        lines = "\n\n".join(bodies).splitlines()
        text += "\n".join(f"({copy}) {line}" if line else line for line in lines) + "\n\n"
    cut = text.find("\n", size)
    return text[: cut if cut != -1 else len(text)]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--samples", type=int, default=20)
    args = parser.parse_args()
    text = article()
    base = load_factbase(CONTENT_DIR, SEEDS_DIR)
    timings = []
    for _ in range(args.samples):
        started = time.perf_counter()
        draft = draft_article(text, "bench.txt", base)
        render_draft(draft, "bench.txt")
        timings.append(time.perf_counter() - started)
    print(f"Article : {len(text)} caractères, {len(draft.candidates)} entrées candidates")
    print(
        "Brouillon (en mémoire, base chargée) : "
        f"médiane {statistics.median(timings) * 1000:.0f} ms, "
        f"max {max(timings) * 1000:.0f} ms ({args.samples} essais)"
    )
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "article-10000.txt"
        path.write_text(text, encoding="utf-8")
        runs = []
        for _ in range(5):
            started = time.perf_counter()
            subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "bot",
                    "draft",
                    str(path),
                    "--out",
                    str(Path(folder) / "out"),
                ],
                cwd=ROOT,
                check=True,
                capture_output=True,
            )
            runs.append(time.perf_counter() - started)
    verdict = "tenu" if max(runs) < 2 else "NON tenu"
    print(
        f"Commande complète (python -m bot draft, processus neuf) : médiane "
        f"{statistics.median(runs):.2f} s, max {max(runs):.2f} s — objectif < 2 s {verdict}"
    )


if __name__ == "__main__":
    main()
