"""Benchmark of the draft tool on a 10,000-character article, base ×1 and ×1000 (target:
under 2 s at ×1000, the base loaded).

    .tools/bin/uv run python bench/bench_draft.py [--samples N] [--factors 1 1000]

The article is made of the real test articles (tests/articles/*.txt, noise included), joined
and cut at a line end just past 10,000 characters. The ×1000 base (bench/synthetic.py) is
written once under /tmp/azsec-bench-draft/ and kept for the next runs. For each size it prints:
- building the linker (once per base: the bot keeps it with its index, ``linker_of``);
- the first draft after that (the linker prepares the entries it meets), then the median and
  max of ``--samples`` drafts, in process, base already loaded;
- the whole command, ``python -m bot draft ARTICLE --out DIR`` in a fresh process (imports,
  the base from its snapshot, the linker, drafting, writing the YAML): median and max of
  three runs.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.synthetic import LARGE_CONTENT, write_synthetic  # noqa: E402
from bot.draft.build import draft_article, render_draft  # noqa: E402
from bot.draft.links import Linker  # noqa: E402
from bot.paths import CONTENT_DIR, SEEDS_DIR  # noqa: E402
from bot.startup import ready_index  # noqa: E402

SIZE = 10_000
CACHE = Path(tempfile.gettempdir()) / "azsec-bench-draft"
"""Synthetic bases kept between runs (writing ×1000 takes about a minute)."""


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


def base_dir(factor: int) -> tuple[Path, Path]:
    """The content and seeds folders of the ×``factor`` base: the shipped ones at ×1, else
    written under CACHE on first use (remove CACHE after changing the shipped content)."""
    if factor >= 100:
        for name, value in LARGE_CONTENT.items():
            os.environ.setdefault(name, value)
    if factor <= 1:
        return CONTENT_DIR, SEEDS_DIR
    root = CACHE / f"x{factor}"
    done = root / "written"
    if not done.exists():
        write_synthetic(root, factor)
        done.write_text("ok\n", encoding="utf-8")
    return root / "content", root / "seeds"


def bench(factor: int, text: str, samples: int, commands: int) -> None:
    """Print the figures of one base size."""
    content, seeds = base_dir(factor)
    os.environ["SNAPSHOT_DIR"] = str(CACHE / f"snapshots-x{factor}")
    started = time.perf_counter()
    index = ready_index(content, seeds)
    loaded = time.perf_counter() - started
    started = time.perf_counter()
    linker = Linker(index.base)
    built = time.perf_counter() - started
    started = time.perf_counter()
    draft = draft_article(text, "bench.txt", index.base, linker=linker)
    render_draft(draft, "bench.txt")
    first = time.perf_counter() - started
    timings = []
    for _ in range(samples):
        started = time.perf_counter()
        draft = draft_article(text, "bench.txt", index.base, linker=linker)
        render_draft(draft, "bench.txt")
        timings.append(time.perf_counter() - started)
    counts = index.base.counts()
    verdict = "tenu" if max([first, *timings]) < 2 else "NON tenu"
    print(
        f"\nBase ×{factor} ({counts['événements']} événements, {counts['accords']} accords, "
        f"{counts['constats']} constats ; chargée en {loaded:.2f} s) — {len(draft.candidates)} "
        "entrées candidates"
    )
    print(f"  éditeur de liens construit (une fois par base) : {built:.2f} s")
    print(
        f"  brouillon, base chargée : 1er {first * 1000:.0f} ms, puis médiane "
        f"{statistics.median(timings) * 1000:.0f} ms, max {max(timings) * 1000:.0f} ms "
        f"({samples} essais) — objectif < 2 s {verdict}"
    )
    del index, linker
    if commands <= 0:
        return
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "article-10000.txt"
        path.write_text(text, encoding="utf-8")
        runs = []
        for _ in range(commands):
            started = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "bot", "draft", str(path), "--out", str(Path(folder))],
                cwd=ROOT,
                check=True,
                capture_output=True,
                env={**os.environ, "BOT_CONTENT_DIR": str(content), "BOT_SEEDS_DIR": str(seeds)},
            )
            runs.append(time.perf_counter() - started)
    print(
        f"  commande complète (python -m bot draft, processus neuf, base depuis l'instantané, "
        f"éditeur de liens compris) : médiane {statistics.median(runs):.2f} s, "
        f"max {max(runs):.2f} s ({commands} essais)"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--samples", type=int, default=10)
    parser.add_argument("--factors", type=int, nargs="+", default=[1, 1000])
    parser.add_argument("--commands", type=int, default=3, help="commandes complètes par taille")
    args = parser.parse_args()
    text = article()
    print(f"Article : {len(text)} caractères")
    for factor in args.factors:
        bench(factor, text, args.samples, args.commands)


if __name__ == "__main__":
    main()
