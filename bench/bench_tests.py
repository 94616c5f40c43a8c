"""What the test lanes cost: wall time and CPU time (user + sys, every process included).

    .tools/bin/uv run python bench/bench_tests.py         # the fast lane, then the whole suite
    .tools/bin/uv run python bench/bench_tests.py --lane fast --rounds 3
    .tools/bin/uv run python bench/bench_tests.py --lane all -- -n 3   # extra pytest arguments

Each round runs ``pytest -q -p no:cacheprovider`` (plus ``-m fast`` for the fast lane) in a
child process and prints its wall time, the CPU time of the child and of everything it waited
for (pytest-xdist workers, bot processes, picture processes), the outcome line and the load
average before and after: on a shared machine the wall time depends on the others' load, the
CPU time much less, so CPU is the figure to compare. Targets (issue 28): the whole suite in
90 s of wall time on 2 cores, the fast lane in 20 s. Asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGETS = {"fast": 20.0, "all": 90.0}
"""Wall-time targets in seconds, on the 2-core development machine."""


def _children_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def run_lane(lane: str, extra: list[str]) -> tuple[float, float, str]:
    """One run of ``lane``: (wall seconds, CPU seconds, pytest's last line)."""
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *extra]
    if lane == "fast":
        command += ["-m", "fast"]
    cpu, start = _children_cpu(), time.monotonic()
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    wall, cpu = time.monotonic() - start, _children_cpu() - cpu
    lines = [line for line in done.stdout.splitlines() if line.strip()]
    return wall, cpu, lines[-1] if lines else f"code de sortie {done.returncode}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--lane", choices=("fast", "all", "both"), default="both")
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("pytest_args", nargs="*", help="arguments passés à pytest (après --)")
    args = parser.parse_args()
    lanes = ("fast", "all") if args.lane == "both" else (args.lane,)
    print(f"{os.cpu_count()} cœurs ; objectifs : voie rapide ≤ 20 s, suite entière ≤ 90 s")
    for lane in lanes:
        for number in range(1, args.rounds + 1):
            before = os.getloadavg()[0]
            wall, cpu, outcome = run_lane(lane, args.pytest_args)
            after = os.getloadavg()[0]
            print(
                f"{'voie rapide' if lane == 'fast' else 'suite entière'} (tour {number}) : "
                f"{wall:.1f} s de temps réel (objectif {TARGETS[lane]:.0f} s), "
                f"{cpu:.1f} s de CPU, charge {before:.1f} → {after:.1f} — {outcome}",
                flush=True,
            )


if __name__ == "__main__":
    main()
