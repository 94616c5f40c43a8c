"""The reload's reading process alone: its CPU after ONE changed file, at scale, optionally
in turn with another checkout's (the fairest comparison on a shared machine).

    .tools/bin/uv run python bench/bench_reload_child.py [--factor 1000] [--base DIR]
        [--rounds 3] [--earlier ../avant]

A copy of a synthetic base ×``--factor`` (bench/synthetic.py; ``--base`` reuses one written
there) is read by ``python -m bot.rebuild`` — the process a /recharger starts — with a
snapshot directory of its own per checkout. The first run fills the caches (everything
validated and indexed, reported apart); then each round changes one word of a summary in
``content/events.yaml`` (``--edit agreements``: ``content/agreements.yaml``; a new word each
time, so that no snapshot matches) and runs the
reading process of this checkout, then of ``--earlier``'s, one after the other. Prints, for
each run, the CPU seconds (user + system, from ``wait4``) and the peak RSS, then the medians
and their ratio. The reading process runs at ``nice`` 10 as in production; the bot's own
relecture of the new base (~1.3 – 1.7 s at ×1000) is not part of it (``bench_reload.py``
estimates it). Prints figures, asserts nothing; the machine is shared: read the CPU seconds.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.synthetic import LARGE_CONTENT, write_synthetic  # noqa: E402

EDITS = {
    "events": ("events.yaml", ("rejoint ", "rejoins ", "rejoindra ")),
    "agreements": (
        "agreements.yaml",
        ("signent à Bakou un", "concluent à Bakou un", "signent, à Bakou, un"),
    ),
}
"""The file ``--edit`` changes, and the words its change cycles through: three states, so that
with two checkouts reading in turn, neither ever finds the content its last snapshot was built
from. An event's summary touches no agreement (the agreements' kept words hold); an
agreement's summary touches them."""


def edit_one_file(content: Path, kind: str = "events") -> None:
    """One wording of one summary of the file ``kind`` names changed (size changed too)."""
    name, words = EDITS[kind]
    path = content / name
    text = path.read_text(encoding="utf-8")
    for position, word in enumerate(words):
        if word in text:
            following = words[(position + 1) % len(words)]
            path.write_text(text.replace(word, following, 1), encoding="utf-8")
            return
    raise SystemExit(f"aucun des mots {words} dans {path}")


def read_once(checkout: Path, content: Path, seeds: Path, cache: Path) -> tuple[float, float]:
    """CPU seconds and peak RSS (MiB) of one reading process of ``checkout``."""
    env = {**os.environ, **LARGE_CONTENT, "SNAPSHOT_DIR": str(cache)}
    with tempfile.TemporaryDirectory(prefix="azsec-bench-child-") as folder:
        command = [sys.executable, "-m", "bot.rebuild", str(content), str(seeds), folder]
        process = subprocess.Popen(
            command, cwd=checkout, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        _pid, status, usage = os.wait4(process.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{checkout} : le processus de lecture a échoué ({status})")
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def receive_once(cache: Path, served: object) -> tuple[object, float, float]:
    """The serving process's side, in this process: the new base read from the snapshot the
    reading process left in ``cache`` (``bot.rebuild._receive``), taking the pieces ``served``
    already holds (this code) — CPU seconds, then the same read with nothing served."""
    import time

    from bot.content.snapshot import snapshot_key
    from bot.rebuild import _receive, served_pieces

    key = snapshot_key(cache.parent / "content", cache.parent / "seeds", cache)
    started = time.process_time()
    index = _receive(cache, key, served_pieces(served))  # type: ignore[arg-type]
    reused = time.process_time() - started
    started = time.process_time()
    alone = _receive(cache, key, None)
    whole = time.process_time() - started
    if index is None or alone is None:
        raise SystemExit("la nouvelle base n'a pas pu être relue")
    del alone
    return index, reused, whole


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--factor", type=int, default=1000)
    parser.add_argument("--base", type=Path, help="a base written by bench/synthetic.py")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--earlier", type=Path, help="another checkout, read in turn")
    parser.add_argument(
        "--edit", choices=sorted(EDITS), default="events", help="the file each round changes"
    )
    parser.add_argument(
        "--receive",
        action="store_true",
        help="also time the serving process's read of each new base (this code only)",
    )
    args = parser.parse_args()
    checkouts = {"ce code": ROOT}
    if args.earlier is not None:
        checkouts["--earlier"] = args.earlier.resolve()
    with tempfile.TemporaryDirectory(prefix="azsec-bench-child-") as work:
        root = Path(work)
        if args.base is not None:
            shutil.copytree(args.base / "content", root / "content")
            shutil.copytree(args.base / "seeds", root / "seeds")
        else:
            write_synthetic(root, args.factor)
        content, seeds = root / "content", root / "seeds"
        size = sum(p.stat().st_size for p in content.glob("*.yaml")) / 1e6
        print(f"Base : {size:.1f} Mo de YAML ; {', '.join(map(str, checkouts.values()))}")
        cpu: dict[str, list[float]] = {name: [] for name in checkouts}
        caches = {name: root / f"cache-{number}" for number, name in enumerate(checkouts)}
        for name, checkout in checkouts.items():
            seconds, rss = read_once(checkout, content, seeds, caches[name])
            print(f"  {name} : caches vides, tout validé : {seconds:.2f} s de CPU, {rss:.0f} Mio")
        served: object = None
        received: list[float] = []
        if args.receive:
            import gc

            from bot.content.snapshot import read_snapshot, snapshot_key
            from bot.engine.index import Index

            gc.disable()  # as _receive reads: no collection walks the bases read here
            first = caches["ce code"]
            served = read_snapshot(first, snapshot_key(content, seeds, first), Index)
        for round_ in range(1, args.rounds + 1):
            for name, checkout in checkouts.items():
                edit_one_file(content, args.edit)
                seconds, rss = read_once(checkout, content, seeds, caches[name])
                cpu[name].append(seconds)
                # with --receive, this process holds bases, and a child's peak RSS counts the
                # pages it shared before it ran python: not the reading process's own
                memory = "RSS non mesuré (--receive)" if args.receive else f"{rss:.0f} Mio"
                print(f"  {name}, UN fichier modifié ({round_}) : {seconds:.2f} s de CPU, {memory}")
                if args.receive and name == "ce code":
                    served, reused, whole = receive_once(caches[name], served)
                    received.append(reused)
                    print(
                        f"    relecture par le bot : {reused:.2f} s de CPU en reprenant sa base "
                        f"servie ({whole:.2f} s sans elle) ; lecture + relecture "
                        f"{seconds + reused:.2f} s"
                    )
        medians = {name: statistics.median(found) for name, found in cpu.items()}
        for name, median in medians.items():
            runs = ", ".join(f"{seconds:.2f}" for seconds in cpu[name])
            print(f"  {name} : médiane {median:.2f} s de CPU ({runs})")
        if received:
            total = statistics.median(cpu["ce code"]) + statistics.median(received)
            print(
                f"  ce code : relecture médiane {statistics.median(received):.2f} s ; "
                f"rechargement (lecture + relecture) {total:.2f} s de CPU"
            )
        if len(medians) == 2:
            print(f"  ce code / --earlier : ×{medians['ce code'] / medians['--earlier']:.2f}")


if __name__ == "__main__":
    main()
