"""Start-up benchmark at scale: first start, restart, start after one changed file, peak RSS.

    .tools/bin/uv run python bench/bench_startup.py [--factor 1000] [--base DIR] [--starts 3]

Each start is a fresh process, ``python -m bot ask "/cherche drones"`` (imports, the base,
one answer), on a copy of a synthetic base ×``--factor`` (bench/synthetic.py; ``--base`` reuses
one already written there, e.g. by an earlier run with ``--keep``, since ×1000 takes minutes to
write). The clock stops at the answer's first line; the peak RSS is the child's own
(``wait4``). Prints, in order:

- first start, nothing cached (no snapshot, no validation cache);
- restart, the snapshot matching (``--starts`` runs, median and range);
- start after ONE changed file (a word of a summary in ``content/events.yaml``, same size
  or not), the snapshot stale, the other files' validation and checks cached; the CPU
  seconds used up to the answer are printed apart (the tables the answer does not need and
  the snapshot are built and written after it, since issue 25);
- start after ONE changed file among the large synthetic ones (its last entry edited);
- the snapshot key alone, in process: from the files' sizes and times, and with every file
  hashed (what the key cost before issue 25);
- a start after one changed file phase by phase, in process (wall and CPU seconds);
- the floor: the start of a minimal python-telegram-bot process (import PTB, build an
  Application), with the restart's ratio to it.

Prints figures, asserts nothing; the machine is shared, so run it a few times.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.synthetic import LARGE_CONTENT, write_synthetic  # noqa: E402

QUESTION = "/cherche drones"
PTB_START = (
    "from telegram.ext import Application\n"
    "Application.builder().token('1:x').build()\n"
    "print('prêt', flush=True)\n"
)


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Seconds to the first line printed by ``command``, and its peak RSS (MiB); the CPU
    seconds it used in all are printed too (less sensitive to a busy machine)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, cwd=ROOT, stdout=subprocess.PIPE)
    assert process.stdout is not None
    first = process.stdout.readline()
    seconds = time.perf_counter() - start
    answered = _cpu_so_far(process.pid)  # the snapshot may still be written after the answer
    process.stdout.read()
    _pid, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0 or not first:
        raise RuntimeError(f"{command[-1]!r} a échoué ({process.returncode})")
    at_answer = "" if answered is None else f", dont {answered:.2f} s avant la réponse"
    print(
        f"    (processus : {usage.ru_utime + usage.ru_stime:.2f} s de CPU{at_answer})", flush=True
    )
    return seconds, usage.ru_maxrss / 1024


def _cpu_so_far(pid: int) -> float | None:
    """CPU seconds (user + system) a running process has used, from /proc (None elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def bot_start(content: Path, seeds: Path, snapshots: Path) -> tuple[float, float]:
    """A fresh ``python -m bot ask``: seconds to its answer and peak RSS."""
    env = {**os.environ, **LARGE_CONTENT, "SNAPSHOT_DIR": str(snapshots), "PYTHONUNBUFFERED": "1"}
    command = [sys.executable, "-m", "bot", "--content", str(content), "--seeds", str(seeds)]
    return timed([*command, "ask", QUESTION], env)


def _edit_small(content: Path, round_: int) -> None:
    """Change one word of a summary of the shipped events file (same size every other time)."""
    path = content / "events.yaml"
    text = path.read_text(encoding="utf-8")
    words = ("rejoint", "rejoins") if round_ % 2 else ("rejoins", "rejoint")
    if words[0] not in text:
        words = (words[1], words[0])
    path.write_text(text.replace(words[0], words[1], 1), encoding="utf-8")


def _edit_large(content: Path) -> None:
    """Append a word to the last summary of the largest synthetic file."""
    path = max(content.glob("zz-synthetic-*.yaml"), key=lambda p: p.stat().st_size)
    text = path.read_text(encoding="utf-8")
    at = text.rindex("  summary: ")
    end = text.index("\n", at)
    path.write_text(text[:end].rstrip(".") + " encore.\n" + text[end + 1 :], encoding="utf-8")


def _line(label: str, figures: list[tuple[float, float]]) -> None:
    seconds = [s for s, _ in figures]
    peak = max(r for _, r in figures)
    spread = f" ({min(seconds):.2f} – {max(seconds):.2f})" if len(seconds) > 1 else ""
    median = statistics.median(seconds)
    print(f"  {label} : {median:.2f} s{spread} ; RSS max {peak:.0f} Mio", flush=True)


def phases(content: Path, seeds: Path, snapshots: Path) -> None:
    """A start after one changed file, phase by phase in this process (GC paused, as at
    start-up): wall and CPU seconds of each, the validation cache warm. Since issue 25 the
    first answer comes before the tables it does not need, which a thread builds after it
    (``ready_index(serve_first=True)``), then the snapshot is written."""
    import gc
    from datetime import date

    from bot.console import ask
    from bot.content import snapshot
    from bot.content.loader import load_factbase
    from bot.engine.index import Index
    from bot.startup import FULLTEXT_CACHE, VALIDATION_CACHE, build_index

    _edit_small(content, 7)
    marks = [(time.perf_counter(), time.process_time())]
    names = []
    gc.disable()
    try:
        key = snapshot.snapshot_key(content, seeds, snapshots)
        marks.append((time.perf_counter(), time.process_time()))
        names.append("clé")
        base = load_factbase(content, seeds, cache=snapshots / VALIDATION_CACHE)
        marks.append((time.perf_counter(), time.process_time()))
        names.append("lecture (cache par fichier) + contrôles croisés")
        index = Index(base, snapshots / FULLTEXT_CACHE)
        ask(index, QUESTION, as_html=False, today=date(2026, 12, 6))
        marks.append((time.perf_counter(), time.process_time()))
        names.append(f"première réponse ({QUESTION} : les tables dont elle a besoin)")
        served = marks[-1]
        build_index(index)
        marks.append((time.perf_counter(), time.process_time()))
        names.append("les autres tables (après la réponse depuis la demande n° 25)")
        snapshot.write_snapshot(snapshots, key, index)
        marks.append((time.perf_counter(), time.process_time()))
        names.append("écriture de l'instantané (après la réponse depuis la demande n° 25)")
    finally:
        gc.enable()
    print("  phases d'un démarrage après UN fichier modifié (dans ce processus) :")
    for name, (wall0, cpu0), (wall1, cpu1) in zip(names, marks[:-1], marks[1:], strict=True):
        print(f"    {name} : {wall1 - wall0:.2f} s ({cpu1 - cpu0:.2f} s de CPU)")
    wall = marks[-1][0] - marks[0][0]
    cpu = marks[-1][1] - marks[0][1]
    print(f"    total : {wall:.2f} s ({cpu:.2f} s de CPU)")
    wall, cpu = served[0] - marks[0][0], served[1] - marks[0][1]
    print(f"    jusqu'à la première réponse : {wall:.2f} s ({cpu:.2f} s de CPU)", flush=True)


def key_times(content: Path, seeds: Path, snapshots: Path) -> tuple[float, float]:
    """Seconds for the snapshot key from sizes and times, and with every file hashed."""
    from bot.content import snapshot

    start = time.perf_counter()
    snapshot.snapshot_key(content, seeds, snapshots)
    fast = time.perf_counter() - start
    start = time.perf_counter()
    snapshot.snapshot_key(content, seeds)  # no manifest: every file hashed
    full = time.perf_counter() - start
    return fast, full


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--factor", type=int, default=1000)
    parser.add_argument("--base", type=Path, help="a base written by bench/synthetic.py")
    parser.add_argument("--starts", type=int, default=3)
    args = parser.parse_args()
    os.environ.update(LARGE_CONTENT)  # the in-process phases read under the same limits
    with tempfile.TemporaryDirectory(prefix="azsec-bench-startup-") as folder:
        root = Path(folder)
        if args.base is not None:
            shutil.copytree(args.base / "content", root / "content")
            shutil.copytree(args.base / "seeds", root / "seeds")
        else:
            write_synthetic(root, args.factor)
        content, seeds, snapshots = root / "content", root / "seeds", root / "cache"
        size = sum(p.stat().st_size for p in content.glob("*.yaml")) / 1e6
        print(f"Base ×{args.factor} : {size:.1f} Mo de YAML, {len(list(seeds.iterdir()))} articles")
        _line("premier démarrage, rien en cache", [bot_start(content, seeds, snapshots)])
        restarts = [bot_start(content, seeds, snapshots) for _ in range(args.starts)]
        _line("redémarrage, instantané valable", restarts)
        snapshot_size = sum(p.stat().st_size for p in snapshots.glob("*.snapshot")) / 1e6
        pieces = sum(p.stat().st_size for p in snapshots.glob("pieces/*.piece")) / 1e6
        print(f"  (instantané : {snapshot_size:.0f} Mo, morceaux par fichier : {pieces:.0f} Mo)")
        small = []
        for round_ in range(args.starts):
            _edit_small(content, round_)
            small.append(bot_start(content, seeds, snapshots))
        _line("démarrage après UN fichier modifié (content/events.yaml)", small)
        _edit_large(content)
        _line("démarrage après UN gros fichier modifié", [bot_start(content, seeds, snapshots)])
        _line("redémarrage suivant", [bot_start(content, seeds, snapshots)])
        try:
            fast, full = key_times(content, seeds, snapshots)
            print(
                f"  clé de l'instantané : {fast * 1000:.0f} ms (tailles et dates), "
                f"{full * 1000:.0f} ms (tout haché)"
            )
        except TypeError:  # the code before issue 25: one way only
            pass
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        floor = [timed([sys.executable, "-c", PTB_START], env) for _ in range(args.starts)]
        _line("plancher : bot PTB minimal (import + Application)", floor)
        ratio = statistics.median(s for s, _ in restarts) / statistics.median(s for s, _ in floor)
        print(f"  redémarrage / plancher : ×{ratio:.1f}")
        phases(content, seeds, snapshots)  # last: it makes this process large, and a child's
        # peak RSS (wait4) counts the pages it shared with this process before its exec


if __name__ == "__main__":
    main()
