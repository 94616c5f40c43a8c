"""Flood guard benchmark: the cost of one check as the number of active users grows.

    .tools/bin/uv run python bench/bench_guard.py [--checks 200000]

Users write in turn, all within the guard's 30-second window (10 to 20,000 of them active at
once), plus a run where users keep arriving and leaving (each writes for a minute then goes
quiet, 10,000 active at any time). Prints the median and p99 of one ``check`` in
microseconds, and each as a ratio to the 10-user case (the floor: a guard with almost nobody
to keep). Asserts nothing.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.e2e_loop import percentile
from bot.guard import FloodGuard


def steady(users: int, checks: int) -> list[float]:
    """``users`` users writing in turn, ``users`` checks per 30 s: all active at once."""
    guard = FloodGuard()
    step = 30.0 / max(users, 1) / 1.01  # every user writes again within the window
    timings = []
    now = 0.0
    for n in range(checks):
        user = n % users
        now += step
        began = time.perf_counter_ns()
        guard.check(-1, user, now)
        timings.append((time.perf_counter_ns() - began) / 1000)
    return timings


def churn(active: int, checks: int) -> tuple[list[float], int]:
    """Users arrive and leave: each writes twice, 15 s apart, then goes quiet; ``active``
    users wrote within the last 30 s at any time. Returns timings and the most users kept."""
    guard = FloodGuard()
    rate = active / 30.0 * 2  # checks per second
    later = int(rate * 15) // 2 * 2  # the check 15 s later is this many checks on
    timings = []
    most = 0
    for n in range(checks):
        user = n // 2 if n % 2 == 0 else (n - later) // 2  # a newcomer, then a return
        began = time.perf_counter_ns()
        guard.check(-1, user, n / rate)
        timings.append((time.perf_counter_ns() - began) / 1000)
        if n % 1000 == 0:
            most = max(most, guard.tracked())
    return timings, most


def line(label: str, timings: list[float], floor: tuple[float, float]) -> str:
    p50, p99 = statistics.median(timings), percentile(timings, 0.99)
    return (
        f"{label:<44}{p50:>7.2f} µs (×{p50 / floor[0]:.2f}){p99:>8.2f} µs (×{p99 / floor[1]:.2f})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--checks", type=int, default=200_000)
    checks = parser.parse_args().checks
    base = steady(10, checks)
    floor = (statistics.median(base), percentile(base, 0.99))
    print(f"{'cas':<44}{'médiane (rapport)':>20}{'p99 (rapport)':>20}")
    print(line("10 utilisateurs actifs (plancher)", base, floor))
    for users in (1_000, 10_000, 20_000):
        print(line(f"{users} utilisateurs actifs en 30 s", steady(users, checks), floor))
    timings, most = churn(10_000, checks)
    print(line("10 000 actifs, arrivées et départs", timings, floor))
    print(f"  au plus {most} utilisateurs gardés en mémoire (arrivées et départs)")


if __name__ == "__main__":
    main()
