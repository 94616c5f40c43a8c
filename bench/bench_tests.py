"""What the test lanes cost: wall time and CPU time (user + sys, every process included).

    .tools/bin/uv run python bench/bench_tests.py         # the fast lane, then the whole suite
    .tools/bin/uv run python bench/bench_tests.py --lane fast --rounds 3
    .tools/bin/uv run python bench/bench_tests.py --lane all -- -n 3   # extra pytest arguments
    .tools/bin/uv run python bench/bench_tests.py --lane all --modules 25  # where the CPU goes

Each round runs ``pytest -q -p no:cacheprovider`` (plus ``-m fast`` for the fast lane) in a
child process and prints its wall time, the CPU time of the child and of everything it waited
for (pytest-xdist workers, bot processes, picture processes), the outcome line and the load
average before and after: on a shared machine the wall time depends on the others' load, the
CPU time much less, so CPU is the figure to compare. Targets (issue 28): the whole suite in
90 s of wall time on 2 cores, the fast lane in 20 s. Asserts nothing.

``--modules N`` also prints the N test modules that cost the most CPU (every process
included, through the plugin ``bench/cpu_per_test.py``), their wall time summed over their
tests, and the CPU the pytest processes spent collecting and outside the tests.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGETS = {"fast": 20.0, "all": 90.0}
"""Wall-time targets in seconds, on the 2-core development machine."""


def _children_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def run_lane(lane: str, extra: list[str], per_test: Path | None = None) -> tuple[float, float, str]:
    """One run of ``lane``: (wall seconds, CPU seconds, pytest's last line); with
    ``per_test``, each pytest process writes the CPU of its tests there."""
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *extra]
    if lane == "fast":
        command += ["-m", "fast"]
    env = dict(os.environ)
    if per_test is not None:
        command += ["-p", "bench.cpu_per_test"]
        env["CPU_PER_TEST_DIR"] = str(per_test)
    cpu, start = _children_cpu(), time.monotonic()
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    wall, cpu = time.monotonic() - start, _children_cpu() - cpu
    lines = [line for line in done.stdout.splitlines() if line.strip()]
    failed = [line for line in lines if line.startswith(("FAILED ", "ERROR "))]
    outcome = lines[-1] if lines else f"code de sortie {done.returncode}"
    return wall, cpu, "\n  ".join([outcome, *failed])  # which tests failed, from pytest's -ra


def print_modules(folder: Path, count: int) -> None:
    """The ``count`` modules that cost the most CPU, from the files ``bench.cpu_per_test``
    wrote into ``folder``; then what the processes spent outside their tests."""
    from bench.cpu_per_test import COLLECTED, TOTAL

    modules: defaultdict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    tests = collected = outside = 0.0
    for path in sorted(folder.glob("*.tsv")):
        in_tests = process = 0.0
        for line in path.read_text(encoding="utf-8").splitlines():
            nodeid, spent, wall = line.split("\t")
            if nodeid == TOTAL:
                process = float(spent)
            elif nodeid == COLLECTED:
                collected += float(spent)
            else:
                found = modules[nodeid.split("::")[0]]
                found[0] += float(spent)
                found[1] += float(wall)
                found[2] += 1
                in_tests += float(spent)
        tests += in_tests
        if path.stem != "controleur":  # the controller's total holds its workers'
            outside += process - in_tests
    print(
        f"  CPU dans les tests : {tests:.1f} s ; hors des tests (processus pytest) : "
        f"{outside:.1f} s, dont {collected:.1f} s jusqu'à la fin de la collecte"
    )
    ranked = sorted(modules.items(), key=lambda item: -item[1][0])[:count]
    for module, (spent, wall, number) in ranked:
        print(f"  {spent:6.1f} s CPU {wall:7.1f} s réel {int(number):4d} tests  {module}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--lane", choices=("fast", "all", "both"), default="both")
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--modules", type=int, default=0, help="les N modules les plus coûteux")
    parser.add_argument("pytest_args", nargs="*", help="arguments passés à pytest (après --)")
    args = parser.parse_args()
    lanes = ("fast", "all") if args.lane == "both" else (args.lane,)
    print(f"{os.cpu_count()} cœurs ; objectifs : voie rapide ≤ 20 s, suite entière ≤ 90 s")
    for lane in lanes:
        for number in range(1, args.rounds + 1):
            before = os.getloadavg()[0]
            with tempfile.TemporaryDirectory(prefix="cpu-par-test-") as folder:
                per_test = Path(folder) if args.modules else None
                wall, cpu, outcome = run_lane(lane, args.pytest_args, per_test)
                after = os.getloadavg()[0]
                print(
                    f"{'voie rapide' if lane == 'fast' else 'suite entière'} (tour {number}) : "
                    f"{wall:.1f} s de temps réel (objectif {TARGETS[lane]:.0f} s), "
                    f"{cpu:.1f} s de CPU, charge {before:.1f} → {after:.1f} — {outcome}",
                    flush=True,
                )
                if per_test is not None:
                    print_modules(per_test, args.modules)


if __name__ == "__main__":
    main()
