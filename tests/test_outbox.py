"""The outbox alone: atomic claims, leases, bounded attempts, uncertain and failed states,
admin decisions, migrations of the state file and its robustness."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time

import pytest

from bot.push.migrations import LATEST, VERSION_0, StateVersionError
from bot.push.outbox import INTERRUPTED, Outbox
from bot.push.status import queue_report


def fresh(state, owner: str = "ici:1:a") -> Outbox:
    """An outbox on ``state`` (the ``state`` fixture: a SQLite file, then a PostgreSQL URL)."""
    return Outbox(state, owner=owner)


def test_one_claim_per_message_across_connections(state):
    first, second = fresh(state, "h:1:a"), fresh(state, "h:1:b")
    first.record("p1", -100, None, ["un"])
    first.record("p2", -100, None, ["deux"])
    claimed = first.claim()
    assert claimed is not None and claimed.text == "un"
    # while one message is in flight nobody claims another: posts stay in order
    assert second.claim() is None
    first.mark_sent(claimed.id, 1000)
    nxt = second.claim()
    assert nxt is not None and nxt.text == "deux"
    assert first.claim() is None


def _failed_in_two_processes(state):
    """Two senders on one state file, and a message Telegram refused for good."""
    first, second = fresh(state, "h:1:a"), fresh(state, "h:1:b")
    first.record("p1", -100, None, ["un"])
    claimed = first.claim()
    assert claimed is not None
    first.mark_failed(claimed.id, "Bad Request: chat not found")
    return first, second, claimed


def test_an_error_is_told_to_the_admins_by_one_process_only(state):
    first, second, claimed = _failed_in_two_processes(state)
    failing = second.to_notify()
    assert [item.id for item in failing] == [claimed.id] == [i.id for i in first.to_notify()]
    error = failing[0].last_error or ""
    # both processes saw it; only the first to claim the notice tells the admins
    assert first.claim_notice(claimed.id, error) is True
    assert second.claim_notice(claimed.id, error) is False
    assert first.to_notify() == [] == second.to_notify()


def test_a_notice_read_before_a_retry_is_not_claimed_after_it(state):
    first, second, claimed = _failed_in_two_processes(state)
    seen = second.to_notify()[0]  # the second process reads the failure…
    assert first.claim_notice(claimed.id, seen.last_error or "") is True
    first.retry(claimed.id)  # … the admin retries, the message waits again …
    assert second.claim_notice(seen.id, seen.last_error or "") is False  # … no stale notice
    again = first.claim()
    assert again is not None
    first.mark_failed(again.id, "Bad Request: chat not found")  # the same error, once more
    assert [item.id for item in second.to_notify()] == [claimed.id]  # told again, not lost


def test_a_dead_senders_claim_becomes_uncertain_never_pending(state):
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    import socket

    crashed = fresh(state, f"{socket.gethostname()}:{dead}:x")
    crashed.record("p1", -100, None, ["un"])
    assert crashed.claim() is not None  # ... and the process died before recording the result
    survivor = fresh(state, "h:2:b")
    assert survivor.claim() is None  # not sent again
    [item] = survivor.open_items()
    assert item.status == "uncertain" and item.last_error == INTERRUPTED


def test_an_expired_lease_becomes_uncertain(state):
    slow = fresh(state, "autre-machine:1:a")
    slow.record("p1", -100, None, ["un"])
    assert slow.claim(lease=-1) is not None
    other = fresh(state, "h:2:b")
    assert other.claim() is None and other.open_items()[0].status == "uncertain"


def test_attempts_are_bounded_then_the_post_fails_and_later_posts_pass(state):
    outbox = fresh(state)
    outbox.record("p1", -100, None, ["un"])
    outbox.record("p2", -100, None, ["deux"])
    for attempt in range(3):
        item = outbox.claim()
        assert item is not None and item.text == "un"
        status = outbox.release(item.id, "erreur 500", delay=0, max_attempts=3)
        assert status == ("failed" if attempt == 2 else "pending")
    item = outbox.claim()
    assert item is not None and item.text == "deux"


def test_back_off_lets_other_posts_pass_and_says_how_long_to_wait(state):
    outbox = fresh(state)
    outbox.record("p1", -100, None, ["un"])
    item = outbox.claim()
    assert item is not None
    outbox.release(item.id, "erreur 500", delay=60)
    assert outbox.claim() is None
    wait = outbox.next_wait()
    assert wait is not None and 55 < wait <= 60
    outbox.record("p2", -100, None, ["deux"])
    assert outbox.next_wait() == 0
    assert (outbox.claim() or item).text == "deux"


def test_parts_of_a_post_go_in_order_and_wait_for_a_failed_part(state):
    outbox = fresh(state)
    outbox.record("long", -100, None, ["partie 1", "partie 2"])
    first = outbox.claim()
    assert first is not None and first.part == 0
    outbox.mark_failed(first.id, "Bad Request")
    assert outbox.claim() is None and outbox.next_wait() is None  # part 2 waits for a decision
    assert outbox.retry(first.id) == 1
    again = outbox.claim()
    assert again is not None and again.part == 0
    outbox.mark_sent(again.id, 5)
    second = outbox.claim()
    assert second is not None and second.part == 1


def test_admin_retry_and_drop_act_on_the_whole_post(state):
    outbox = fresh(state)
    outbox.record("p", -100, None, ["un", "deux"])
    item = outbox.claim()
    assert item is not None
    outbox.mark_uncertain(item.id, "réponse perdue")
    assert outbox.drop(item.id) == 2
    assert outbox.open_items() == [] and outbox.claim() is None
    assert outbox.retry(item.id) == 0 and outbox.drop(999) == 0


def test_the_same_key_is_recorded_once(state):
    outbox = fresh(state)
    assert outbox.record("publier:1:2", -100, None, ["un"], ["e1"])
    assert not outbox.record("publier:1:2", -100, None, ["autre"], ["e2"])
    assert [i.text for i in outbox.pending()] == ["un"] and outbox.announced() == {"e1"}


def test_the_baseline_is_one_write(state):
    outbox = fresh(state)
    assert outbox.take_baseline("2026-01-01", ["a", "b"])
    assert not outbox.take_baseline("2026-01-02", ["c"])
    assert outbox.announced() == {"a", "b"} and outbox.get_meta("baseline") == "2026-01-01"


def test_a_file_in_the_first_format_is_migrated_with_its_rows(tmp_path):
    path = tmp_path / "ancien.sqlite3"
    db = sqlite3.connect(path)
    db.executescript(VERSION_0)
    now = time.time()
    db.execute(
        "INSERT INTO outbox (post, part, chat_id, text, status, attempts, last_error, created)"
        " VALUES ('vieux', 0, '-100', 'en attente', 'pending', 4, '500', ?)",
        (now,),
    )
    db.execute(
        "INSERT INTO outbox (post, part, chat_id, text, status, message_id, created, sent_at)"
        " VALUES ('fait', 0, '-100', 'envoyé', 'sent', 77, ?, ?)",
        (now, now),
    )
    db.execute("INSERT INTO announced VALUES ('e1', 'fait', ?)", (now,))
    db.execute("INSERT INTO meta VALUES ('baseline', '2025-11-01')")
    db.commit()
    db.close()
    outbox = Outbox(path)
    assert outbox.version() == LATEST
    assert [(i.post, i.status, i.attempts) for i in outbox.pending()] == [("vieux", "pending", 0)]
    assert outbox.sent()[0].message_id == 77
    assert outbox.announced() == {"e1"} and outbox.get_meta("baseline") == "2025-11-01"
    item = outbox.claim()
    assert item is not None and item.post == "vieux"
    outbox.close()
    assert Outbox(path).version() == LATEST  # opening again changes nothing


def test_a_file_from_a_newer_bot_is_refused(tmp_path):
    path = tmp_path / "futur.sqlite3"
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {LATEST + 1}")
    db.close()
    with pytest.raises(StateVersionError, match="version"):
        Outbox(path)


def test_a_corrupt_file_raises_a_database_error(tmp_path):
    path = tmp_path / "abime.sqlite3"
    path.write_bytes(b"ceci n'est pas une base SQLite" * 100)
    with pytest.raises(sqlite3.DatabaseError):
        Outbox(path)


def test_wal_and_busy_timeout_are_on(tmp_path):
    outbox = fresh(tmp_path / "etat.sqlite3")
    assert outbox._db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert outbox._db.execute("PRAGMA busy_timeout").fetchone()[0] == 5000


def test_queue_report_lists_states_and_reasons(state):
    outbox = fresh(state)
    assert "vide" in queue_report(outbox.open_items())
    outbox.record("a", -100, None, ["<b>Turquie</b> et &amp; co"])
    outbox.record("b", -100, None, ["Royaume-Uni"])
    item = outbox.claim()
    assert item is not None
    outbox.mark_failed(item.id, "Forbidden: bot is not a member")
    report = queue_report(outbox.open_items())
    assert "1 en attente, 1 en échec" in report
    assert "« Turquie et & co »" in report and "bot is not a member" in report
