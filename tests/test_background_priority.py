"""The processes that work beside the bot (the reload's child, the picture process) run at a
lower priority than the bot itself: on two shared cores, answers get the processor first."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from bot import rebuild
from bot.image import worker
from bot.paths import PROJECT_ROOT


def _niceness_at_exit(command: list[str]) -> int:
    """The niceness a process had when it ended, read from /proc while it is a zombie (not
    yet waited for): whatever it set for itself, however fast it ran."""
    process = subprocess.Popen(
        command,
        cwd=PROJECT_ROOT,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        stat = Path(f"/proc/{process.pid}/stat")
        deadline = time.monotonic() + 60
        while True:
            fields = stat.read_text().rpartition(")")[2].split()
            if fields[0] == "Z" or time.monotonic() > deadline:
                break
            time.sleep(0.01)
        assert fields[0] == "Z", "the process did not end"
        return int(fields[16])  # field 19 of /proc/PID/stat: the niceness
    finally:
        process.wait()


def _expected() -> int:
    return min(19, os.getpriority(os.PRIO_PROCESS, 0) + rebuild.NICENESS)


def test_the_reload_child_runs_at_a_lower_priority(tmp_path: Path) -> None:
    missing = tmp_path / "absent"  # the child fails at once: its priority is set before
    command = [sys.executable, "-m", "bot.rebuild", str(missing), str(missing), str(tmp_path)]
    assert rebuild.NICENESS >= 10
    assert _niceness_at_exit(command) == _expected()


def test_the_picture_process_runs_at_a_lower_priority() -> None:
    # its input is closed at once: it warms matplotlib up, reads nothing and ends
    assert worker.NICENESS >= 10
    nice = _niceness_at_exit([sys.executable, "-m", "bot.image.worker"])
    assert nice == min(19, os.getpriority(os.PRIO_PROCESS, 0) + worker.NICENESS)
