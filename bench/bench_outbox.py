"""Outbox benchmark on both state backends: the store's own cost, no Telegram in the way.

    .tools/bin/uv run python bench/bench_outbox.py [--posts 2000] [--subscribers 5000]
        [--backend sqlite|postgres|both] [--database-url postgresql://…]

For each backend: record ``--posts`` channel posts (one transaction each), then claim and
mark sent each of them as the sender does (two statements and one transaction per message);
then ``--subscribers`` chats following Turkey, the alert pass that queues one alert per chat
(one transaction) and the claim/sent cycle of every alert (one chat a second is not waited
for: the chat gap is off here). Prints per-operation times and rates; asserts nothing. The
PostgreSQL server is the one given, or a throwaway cluster on loopback (fsync off, as in the
tests): a platform's add-on over a network adds its round trip to every statement.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_alerts import backends, postgres_server  # noqa: E402
from bench.e2e_loop import percentile  # noqa: E402
from bot.push.alert_outbox import AlertOutbox  # noqa: E402
from bot.push.outbox import Outbox  # noqa: E402


def timed(calls: int, step: Callable[[int], object]) -> list[float]:
    """Run ``step(i)`` ``calls`` times; each call's time in ms."""
    times = []
    for number in range(calls):
        started = time.perf_counter()
        step(number)
        times.append((time.perf_counter() - started) * 1000)
    return times


def show(label: str, times: list[float]) -> None:
    total = sum(times) / 1000
    print(
        f"    {label} : {len(times)} en {total:.2f} s ({len(times) / total:.0f}/s), "
        f"médiane {statistics.median(times):.2f} ms, p95 {percentile(times, 0.95):.2f} ms"
    )


def measure(state: Path | str, posts: int, subscribers: int) -> None:
    outbox = Outbox(state, owner="bench:1:a")
    show(
        "publication enregistrée",
        timed(posts, lambda n: outbox.record(f"p:{n}", -100, None, [f"Publication {n}"], [])),
    )

    def send(_n: int) -> None:
        item = outbox.claim()
        assert item is not None
        outbox.mark_sent(item.id, item.id)

    show("message réclamé puis marqué envoyé", timed(posts, send))
    alerts = AlertOutbox(state, owner="bench:1:a")
    started = time.perf_counter()
    for chat in range(subscribers):
        alerts.subscribe(10_000_000 + chat, "acteur:TR")
    print(f"    {subscribers} abonnements : {time.perf_counter() - started:.2f} s")
    alerts.record_alerts({"e0": frozenset({"acteur:TR"})}, lambda e, h: ["-"])  # baseline
    grown = {"e0": frozenset({"acteur:TR"}), "e1": frozenset({"acteur:TR"})}
    started = time.perf_counter()
    queued = alerts.record_alerts(grown, lambda entries, hit: [f"Alerte {entries}"])
    print(
        f"    passe d'alertes : {queued} alertes en file en "
        f"{(time.perf_counter() - started) * 1000:.0f} ms (une transaction)"
    )
    alerts.CHAT_GAP = 0.0

    def send_alert(_n: int) -> None:
        item = alerts.claim()
        assert item is not None
        alerts.mark_sent(item.id, item.id)

    show("alerte réclamée puis marquée envoyée", timed(queued, send_alert))
    outbox.close()
    alerts.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--posts", type=int, default=2000)
    parser.add_argument("--subscribers", type=int, default=5000)
    parser.add_argument("--backend", choices=("sqlite", "postgres", "both"), default="both")
    parser.add_argument("--database-url", help="un serveur PostgreSQL (sinon, un jetable)")
    args = parser.parse_args()
    with postgres_server(args.backend, args.database_url) as server:
        for name, where in backends(args.backend, server):
            print(f"File d'envoi, état {name} :")
            if where is None:
                folder = Path(tempfile.mkdtemp(prefix="bench-file-"))
                measure(folder / "etat.sqlite3", args.posts, args.subscribers)
                continue
            from tests.postgres import fresh_database

            with fresh_database(where) as url:
                measure(url, args.posts, args.subscribers)


if __name__ == "__main__":
    main()
