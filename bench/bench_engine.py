"""Benchmark of the answer engine, in process: prints figures, asserts nothing.

    uv run python bench/bench_engine.py [--rounds N]

Measures index build time, per-command latency (p50, p99) on the shipped base and on
synthetic bases 100x and 1000x larger, peak RSS, and our matcher against a plain
thefuzz-style scan (ASCII-forced processing + difflib ratio over every name).
"""

from __future__ import annotations

import argparse
import dataclasses
import difflib
import gc
import re
import resource
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import MappingProxyType

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.content.loader import load_factbase
from bot.content.model import FactBase
from bot.engine.commands import answer
from bot.engine.index import Index
from bot.paths import CONTENT_DIR, SEEDS_DIR
from bot.render.html import render_html

QUERIES = {
    "timeline": [
        "/timeline",
        "/timeline 2025",
        "/timeline août 2025",
        "/timeline depuis 2024 Turquie",
    ],
    "pays": ["/pays Turquie", "/pays UK", "/pays Turqie", "/pays Lettonie", "/pays"],
    "org": ["/org OTAN", "/org nato", "/org OTS"],
    "accord": ["/accord", "/accord Royaume-Uni", "/accord paix", "/accord défense"],
    "cherche": ["/cherche drones", "/cherche petrole Lukoil", "/cherche cyberattaques"],
    "sources": ["/sources"],
}

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


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def synthetic(base: FactBase, factor: int) -> FactBase:
    """``base`` with its actors, events, agreements and facts repeated ``factor`` times."""
    if factor == 1:
        return base
    actors = dict(base.actors)
    events, agreements, facts = list(base.events), list(base.agreements), list(base.facts)
    for copy in range(1, factor):
        for actor in base.actors.values():
            if actor.is_country:
                continue
            clone = dataclasses.replace(
                actor,
                id=f"{actor.id}-{copy}",
                name=f"{actor.name} {copy}",
                name_en=None,
                full_name=f"{actor.full_name} {copy}",
                aliases=(),
            )
            actors[clone.id] = clone
        events += [e.model_copy(update={"id": f"{e.id}-{copy}"}) for e in base.events]
        agreements += [a.model_copy(update={"id": f"{a.id}-{copy}"}) for a in base.agreements]
        facts += [f.model_copy(update={"id": f"{f.id}-{copy}"}) for f in base.facts]
    events.sort(key=lambda e: (e.date.start, e.date.end, e.id))
    return dataclasses.replace(
        base,
        actors=MappingProxyType(actors),
        events=tuple(events),
        agreements=tuple(agreements),
        facts=tuple(facts),
    )


def _time(function: Callable[[], object]) -> float:
    start = time.perf_counter()
    function()
    return (time.perf_counter() - start) * 1000


def bench_commands(index: Index, rounds: int) -> dict[str, tuple[float, float]]:
    figures: dict[str, tuple[float, float]] = {}
    for command, queries in QUERIES.items():
        samples = [
            _time(lambda q=query: render_html(answer(index, q)))
            for _ in range(rounds)
            for query in queries
        ]
        figures[command] = (statistics.median(samples), _percentile(samples, 0.99))
    return figures


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
    ours = [_time(lambda q=q: index.find_actor(q)) for _ in range(rounds) for q, _e in MATCH_CASES]
    scan = [
        _time(lambda q=q: scan_match(index.base, q))
        for _ in range(max(1, rounds // 10))
        for q, _e in MATCH_CASES
    ]

    def found(q: str) -> str | None:
        match = index.find_actor(q)
        return match.actor.id if match else None

    our_ok = sum(found(q) == e for q, e in MATCH_CASES)
    scan_ok = sum(scan_match(index.base, q) == e for q, e in MATCH_CASES)
    mean_ours, mean_scan = statistics.mean(ours), statistics.mean(scan)
    total = len(MATCH_CASES)
    print(f"  notre matcher  : {mean_ours * 1000:8.1f} µs/requête, exactitude {our_ok}/{total}")
    print(f"  scan thefuzz   : {mean_scan * 1000:8.1f} µs/requête, exactitude {scan_ok}/{total}")
    print(f"  rapport de vitesse : {mean_scan / mean_ours:.0f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=200)
    args = parser.parse_args()
    start = time.perf_counter()
    base = load_factbase(CONTENT_DIR, SEEDS_DIR)
    loaded = (time.perf_counter() - start) * 1000
    print(f"Chargement + validation de la base livrée : {loaded:.0f} ms")
    for factor in (1, 100, 1000):
        big = synthetic(base, factor)
        start = time.perf_counter()
        index = Index(big)
        built = (time.perf_counter() - start) * 1000
        start = time.perf_counter()
        index.full_text()
        text_built = (time.perf_counter() - start) * 1000
        gc.freeze()  # as the entry point does once the base is loaded
        rounds = (
            args.rounds if factor == 1 else max(3, args.rounds // (10 if factor == 100 else 50))
        )
        print(
            f"\nBase x{factor} : {len(big.events)} événements, {len(big.agreements)} accords, "
            f"{len(big.actors)} acteurs — démarrage (index) {built:.0f} ms, "
            f"index plein texte construit à la première recherche en {text_built:.0f} ms"
        )
        for command, (p50, p99) in bench_commands(index, rounds).items():
            print(f"  /{command:<9} p50 {p50:8.3f} ms   p99 {p99:8.3f} ms")
        if factor == 1:
            print("Matcher contre scan simple (mêmes requêtes) :")
            bench_matcher(index, args.rounds)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\nRSS maximal : {peak:.0f} Mo")


if __name__ == "__main__":
    main()
