"""Benchmark of the answer engine: start-up and every command, from ×1 to ×1000.

    .tools/bin/uv run python bench/bench_engine.py [--samples N] [--factors 1 10 100 1000]

Synthetic bases ×N are real files (bench/synthetic.py): the shipped base plus N-1 clones with
varied text (Zipf-drawn vocabulary, invented names, shifted dates), so loading reads and
validates them like the real content and the full-text vocabulary grows with the base.
For each size it prints:
- the real start of a fresh process (``python -m bot ask``: imports, read, validate, index
  with its full text, one answer), first without a snapshot, then restarting from it;
- the start's phases, in process: read + validate, index, full text;
- p50 and p99 of every command, listings included, over ``--samples`` calls each (≥ 300,
  nearest-rank p99), HTML rendering included;
and then the growth from one size to the next with the ratio between steps. Also: our name
matcher against a plain thefuzz-style scan, and the peak RSS of this process (MiB).
"""

from __future__ import annotations

import argparse
import difflib
import gc
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.e2e_loop import percentile  # noqa: E402
from bench.synthetic import write_synthetic  # noqa: E402
from bot.content.loader import load_factbase  # noqa: E402
from bot.content.model import FactBase  # noqa: E402
from bot.engine.index import Index  # noqa: E402
from bot.engine.questions import respond_in_thread  # noqa: E402
from bot.engine.thread import Asked  # noqa: E402
from bot.render.html import render_html  # noqa: E402
from bot.startup import build_index, ready_index  # noqa: E402

QUERIES = {
    "timeline": [
        "/timeline",
        "/timeline 2025",
        "/timeline août 2025",
        "/timeline depuis 2024 Turquie",
        "/timeline depuis 2000",
        "/timeline défense",
    ],
    "pays": ["/pays Turquie", "/pays UK", "/pays Turqie", "/pays Lettonie", "/pays"],
    "org": ["/org OTAN", "/org nato", "/org OTS", "/org"],
    "accord": [
        "/accord",
        "/accord Royaume-Uni",
        "/accord Turquie",
        "/accord paix",
        "/accord défense",
        "/accord signé",
        "/accord défense 2025",
    ],
    "cherche": [
        "/cherche drones",
        "/cherche petrole Lukoil",
        "/cherche cyberattaques",
        "/cherche cyberataques",
        "/cherche accord",
        "/cherche Azerbaïdjan",
        "/cherche ministre défense",
        "/cherche coopération militaire",
    ],
    "sources": ["/sources"],
    "aide": ["/aide"],
    "question": [
        "qu'a signé le Royaume-Uni ?",
        "qui a servi de médiateur entre l'Azerbaïdjan et l'Arménie ?",
        "azerbaidjan israel",
        "combien de pays au forum de Bakou ?",
        "qui sont les membres de l'OTS ?",
        "y a-t-il eu une réunion à Bruxelles ?",
        "relations avec la Chine ?",
        "c'était quoi le sommet de l'OTAN en 2025 ?",
        "le 20 novembre",
        "lundi dernier",
        "cybersécurité depuis 2024",
        "recette de la tarte aux pommes",
        "pourquoi l'Iran voit Bakou comme une menace ?",
        "qui représentait les États-Unis à la rencontre avec l'OTAN ?",
    ],
    "suite": ["et en 2025 ?", "et avec la Grèce ?", "et les accords ?"],
}
"""Each command with its arguments: rare and common words, typos, long periods, filters; a bare
/pays, /org, /accord or /timeline is a listing."""

MATCH_CASES: list[tuple[str, str | None]] = [
    ("Turquie", "TR"),
    ("turquie", "TR"),
    ("Türkiye", "TR"),
    ("Turkey", "TR"),
    ("Turqie", "TR"),
    ("Royaume-Uni", "GB"),
    ("UK", "GB"),
    ("Grande-Bretagne", "GB"),
    ("Royaume-Unii", "GB"),
    ("États-Unis", "US"),
    ("Etats Unis", "US"),
    ("USA", "US"),
    ("Etats-Uni", "US"),
    ("Azerbaïdjan", "AZ"),
    ("Azerbajan", "AZ"),
    ("Arménie", "AM"),
    ("Hongire", "HU"),
    ("Kazakstan", "KZ"),
    ("Kirghizie", "KG"),
    ("Tchéquie", "CZ"),
    ("OTAN", "otan"),
    ("nato", "otan"),
    ("UE", "ue"),
    ("suede", "SE"),
    ("Suède", "SE"),
    ("ukraine", "UA"),
    ("Grèce", "GR"),
    ("Israël", "IL"),
    ("Iran", "IR"),
    ("Géorgie", "GE"),
    ("Lettonie", None),
    ("Iraq", None),
    ("Atlantide", None),
    ("xyzzy", None),
    ("Bel", None),
]


TODAY = date(2026, 11, 23)
"""The questions' today (relative dates), fixed so runs compare."""
PREVIOUS = Asked("/pays TR", "/pays Turquie")
"""What the « suite » queries continue (a follow-up after /pays Turquie)."""


def _ask(index: Index, query: str) -> list[str]:
    """The HTML of one answer: a follow-up continues PREVIOUS, the rest are asked alone."""
    previous = PREVIOUS if query.startswith("et ") else None
    return render_html(respond_in_thread(index, query, TODAY, previous)[0])


CLOCK = time.perf_counter
"""What a call is timed by: wall time; ``--cpu``: this process's CPU time (``process_time``),
which a machine shared with other work inflates far less (say which one a figure is)."""


def _time(function: Callable[[], object]) -> float:
    start = CLOCK()
    function()
    return (CLOCK() - start) * 1000


def first_calls(index: Index) -> dict[str, float]:
    """The slowest first call (ms) of each command's queries on an index just read from the
    snapshot, as after a restart: nothing asked before, nothing warm."""
    return {
        command: max(_time(lambda q=query: _ask(index, q)) for query in queries)
        for command, queries in QUERIES.items()
    }


def bench_commands(index: Index, samples: int) -> dict[str, tuple[float, float]]:
    """p50 and p99 (ms) per command, ``samples`` calls each, cycling through its queries."""
    figures: dict[str, tuple[float, float]] = {}
    for command, queries in QUERIES.items():
        cycle = [queries[i % len(queries)] for i in range(samples)]
        times = [_time(lambda q=query: _ask(index, q)) for query in cycle]
        figures[command] = (statistics.median(times), percentile(times, 0.99))
    return figures


def process_start(content: Path, seeds: Path, snapshots: str) -> float:
    """Seconds from spawning ``python -m bot ask "/cherche drones"`` to its answer's first line.

    The clock stops when the answer is printed, not when the process has exited: a bot that
    runs never pays for freeing its base at exit.
    """
    env = {**os.environ, "SNAPSHOT_DIR": snapshots, "PYTHONUNBUFFERED": "1"}
    command = [sys.executable, "-m", "bot", "--content", str(content), "--seeds", str(seeds)]
    start = time.perf_counter()
    with subprocess.Popen(
        [*command, "ask", "/cherche drones"], env=env, cwd=ROOT, stdout=subprocess.PIPE
    ) as process:
        assert process.stdout is not None
        first = process.stdout.readline()
        seconds = time.perf_counter() - start
        process.stdout.read()
    if process.returncode != 0 or not first:
        raise RuntimeError(f"python -m bot ask a échoué ({process.returncode})")
    return seconds


def _thefuzz_process(text: str) -> str:
    text = "".join(ch for ch in text if ord(ch) < 128)  # force_ascii: "États" -> "tats"
    return re.sub(r"\W+", " ", text).strip().lower()


def scan_match(base: FactBase, query: str) -> str | None:
    """The plain scan: every name, difflib ratio, best above 80."""
    key = _thefuzz_process(query)
    best, best_score = None, 0.0
    for actor in base.actors.values():
        for name in actor.names():
            score = difflib.SequenceMatcher(None, key, _thefuzz_process(name)).ratio() * 100
            if score > best_score:
                best, best_score = actor.id, score
    return best if best_score >= 80 else None


def bench_matcher(index: Index, rounds: int) -> None:
    ours = [
        _time(lambda q=q: index.names.find_actor(q)) for _ in range(rounds) for q, _e in MATCH_CASES
    ]
    scan = [
        _time(lambda q=q: scan_match(index.base, q))
        for _ in range(max(1, rounds // 10))
        for q, _e in MATCH_CASES
    ]

    def found(q: str) -> str | None:
        match = index.names.find_actor(q)
        return match.actor.id if match else None

    our_ok = sum(found(q) == e for q, e in MATCH_CASES)
    scan_ok = sum(scan_match(index.base, q) == e for q, e in MATCH_CASES)
    mean_ours, mean_scan = statistics.mean(ours), statistics.mean(scan)
    total = len(MATCH_CASES)
    print(f"  notre matcher  : {mean_ours * 1000:8.1f} µs/requête, exactitude {our_ok}/{total}")
    print(f"  scan thefuzz   : {mean_scan * 1000:8.1f} µs/requête, exactitude {scan_ok}/{total}")
    print(f"  rapport de vitesse : {mean_scan / mean_ours:.0f}x")


def _phases(content: Path, seeds: Path) -> tuple[Index, dict[str, float]]:
    """The start's phases in process (GC paused, as at start-up), in seconds."""
    gc.disable()
    try:
        start = time.perf_counter()
        base = load_factbase(content, seeds)
        loaded = time.perf_counter()
        index = Index(base)
        indexed = time.perf_counter()
        _ = index.fulltext.postings
        texted = time.perf_counter()
        build_index(index)  # the tables start-up builds (and the snapshot keeps)
        done = time.perf_counter()
    finally:
        gc.enable()
    gc.freeze()  # as start-up does
    return index, {
        "lecture + validation": loaded - start,
        "index": indexed - loaded,
        "plein texte": texted - indexed,
        "tables (prepare)": done - texted,
    }


def _growth(label: str, values: dict[int, float], unit: str, digits: int) -> None:
    cells = []
    previous: tuple[int, float] | None = None
    for factor, value in values.items():
        cell = f"×{factor} {value:.{digits}f}"
        if previous is not None and previous[1] > 0:
            cell += f" (×{value / previous[1]:.1f} pour ×{factor // previous[0]})"
        cells.append(cell)
        previous = (factor, value)
    print(f"  {label:<24} {unit:<3} " + " → ".join(cells))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--samples", type=int, default=300, help="appels par commande (≥ 300)")
    parser.add_argument("--factors", type=int, nargs="+", default=[1, 10, 100, 1000])
    parser.add_argument("--starts", type=int, default=3, help="redémarrages mesurés par taille")
    parser.add_argument(
        "--cpu", action="store_true", help="temps CPU du processus plutôt que temps réel (appels)"
    )
    args = parser.parse_args()
    if args.cpu:
        global CLOCK
        CLOCK = time.process_time
        print("Appels chronométrés en temps CPU du processus (--cpu).")
    work = Path(tempfile.mkdtemp(prefix="bench-engine-"))
    starts: dict[str, dict[int, float]] = {"sans instantané": {}, "avec instantané": {}}
    p99s: dict[str, dict[int, float]] = {command: {} for command in QUERIES}
    phases_all: dict[str, dict[int, float]] = {}
    for factor in args.factors:
        root = work / f"x{factor}"
        write_synthetic(root, factor)
        content, seeds = root / "content", root / "seeds"
        snapshots = str(root / "snapshots")
        cold = process_start(content, seeds, snapshots)  # validates, writes the snapshot
        warm = [process_start(content, seeds, snapshots) for _ in range(args.starts)]
        starts["sans instantané"][factor] = cold
        starts["avec instantané"][factor] = statistics.median(warm)
        index, phases = _phases(content, seeds)
        for name, seconds in phases.items():
            phases_all.setdefault(name, {})[factor] = seconds
        counts = index.base.counts()
        print(
            f"\nBase ×{factor} : {counts['événements']} événements, {counts['accords']} accords, "
            f"{counts['constats']} constats, {len(index.base.actors)} acteurs, "
            f"{counts['citations']} citations, {len(index.fulltext.vocabulary)} mots indexés ; "
            f"{args.samples} appels par commande"
        )
        print(
            "  démarrage réel (processus neuf de « python -m bot ask » → première réponse ; "
            "le bot Telegram y ajoute l'import de python-telegram-bot, ~0,2 s) : "
            f"{cold:.2f} s sans instantané, "
            f"{statistics.median(warm):.2f} s avec (médiane de {len(warm)}, "
            f"{min(warm):.2f}–{max(warm):.2f})"
        )
        print(
            "  phases dans le processus : "
            + ", ".join(f"{name} {seconds * 1000:.0f} ms" for name, seconds in phases.items())
        )
        if factor == 1:
            print("Matcher contre scan simple (mêmes requêtes) :")
            bench_matcher(index, 200)
        del index
        served = ready_index(content, seeds, {"SNAPSHOT_DIR": snapshots})  # as after a restart
        firsts = first_calls(served)
        for command, (p50, p99) in bench_commands(served, args.samples).items():
            p99s[command][factor] = p99
            print(
                f"  /{command:<9} p50 {p50:8.3f} ms   p99 {p99:8.3f} ms   "
                f"1er appel le plus lent après le démarrage {firsts[command]:8.3f} ms"
            )
        del served
    if len(args.factors) > 1:
        print("\nCroissance (entre parenthèses : rapport à l'étape précédente) :")
        for label, values in starts.items():
            _growth(f"démarrage {label}", values, "s", 2)
        for label, values in phases_all.items():
            _growth(label, {f: v * 1000 for f, v in values.items()}, "ms", 0)
        for command, values in p99s.items():
            _growth(f"/{command} p99", values, "ms", 3)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\nRSS maximal de ce processus : {peak:.0f} MiB")


if __name__ == "__main__":
    main()
