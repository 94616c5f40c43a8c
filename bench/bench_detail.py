"""Time the detail follow-ups of ``bot/engine/detail.py`` on the shipped base and on
synthetic bases ×N (``bench/synthetic.py``): each chat is asked once to warm the per-index
tables, then ``--samples`` times; prints p50 / p99 in milliseconds per question.

    .tools/bin/uv run python bench/bench_detail.py --factors 1 100
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.synthetic import write_synthetic
from bot.content.loader import load_factbase
from bot.engine.index import Index
from bot.engine.questions import respond_in_thread
from bot.engine.thread import Asked

TODAY = date(2026, 12, 6)
CHATS = (
    ("accord avec le Royaume-Uni", "signé qd ?"),
    ("accord avec le Royaume-Uni", "combien ça coûte ?"),
    ("forum de Bakou", "combien ?"),
    ("qui a rencontré la délégation de l'OTAN ?", "et les pays présents ?"),
    ("qui est Konstantin Zatulin ?", "il a dit quoi d'autre ?"),
    ("mémorandum avec la Turquie", "qui l'a annoncé ?"),
    ("combien coûte l'accord avec les États-Unis ?",),
    ("quels pays étaient présents au forum de Bakou ?",),
    ("quels pays étaient présents à la réunion ?",),
    ("l'Azerbaïdjan est membre de l'OTAN depuis 1994 ?",),
    ("la réunion avec l'OTAN a eu lieu à Ankara, c'est ça ?",),
)
"""A first question, then the follow-up timed (or one question timed alone)."""


def _timed(index: Index, chat: tuple[str, ...]) -> float:
    previous: Asked | None = None
    for question in chat[:-1]:
        previous = respond_in_thread(index, question, TODAY, previous)[1]
    start = time.perf_counter()
    respond_in_thread(index, chat[-1], TODAY, previous)
    return (time.perf_counter() - start) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=int, default=100)
    parser.add_argument("--factors", type=int, nargs="+", default=[1, 100])
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-detail-"))
    for factor in args.factors:
        root = work / f"x{factor}"
        write_synthetic(root, factor)
        index = Index(load_factbase(root / "content", root / "seeds"))
        print(f"\nBase ×{factor} : {len(index.entries)} entrées, {len(index.base.seeds)} articles")
        for chat in CHATS:
            first = _timed(index, chat)  # builds the per-index tables
            times = sorted(_timed(index, chat) for _ in range(args.samples))
            p99 = times[min(len(times) - 1, int(0.99 * len(times)))]
            print(
                f"  {' → '.join(chat)[:70]:<70} premier {first:7.1f} ms ; "
                f"p50 {statistics.median(times):6.2f} ms, p99 {p99:6.2f} ms"
            )


if __name__ == "__main__":
    main()
