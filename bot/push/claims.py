"""Who holds a claim on an outbox message, and whether that holder can still be sending.

Shared by every store of the outbox (SQLite or PostgreSQL): a claim records its owner's name and a
lease; a live sender renews the lease while its request is in flight (see
:func:`renewal_interval`), so only a dead or frozen sender's claim ever runs out.

An owner's name is ``host:pid:random:start`` — ``start`` is the process's start time (clock
ticks since boot, from /proc) when the system tells it. A claim whose process no longer runs,
whose pid now belongs to a process started at another time, or which carries this process's
pid without having been made by this process (an earlier run with the same pid, as PID 1 in
a container after a restart) is held by nobody.
"""

from __future__ import annotations

import os
import socket
import uuid

LEASE = 120.0
"""Seconds a claim stays valid unless renewed; the sender renews it while it sends."""
RENEWALS_PER_LEASE = 4
"""How many times a lease is renewed within its length (a missed renewal or two is harmless)."""

_MINE: set[str] = set()
"""Every owner name made in this process."""


def _start_ticks(pid: int | str) -> str:
    """When process ``pid`` started (clock ticks since boot), or "" when unknown."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as stat:
            fields = stat.read().rpartition(")")[2].split()
    except OSError:
        return ""
    return fields[19] if len(fields) > 19 else ""  # field 22 of stat, after pid and comm


def process_name(machine: str | None = None) -> str:
    """A new claimer's name for this process (see the module's docstring); ``machine``
    (BOT_INSTANCE_NAME) replaces the host name: a name whose host is not this host's is
    judged by its lease only, as a process of another machine."""
    host = machine or socket.gethostname()
    name = f"{host}:{os.getpid()}:{uuid.uuid4().hex[:8]}:{_start_ticks('self')}"
    _MINE.add(name)
    return name


def owner_is_dead(owner: str | None) -> bool:
    """True when ``owner`` was a process on this host that can no longer be sending."""
    if not owner:
        return True
    host, pid_text, _random, start = [*owner.split(":"), "", "", ""][:4]
    if host != socket.gethostname() or not pid_text.isdigit():
        return False  # another machine: only its lease can tell
    if int(pid_text) == os.getpid():
        return owner not in _MINE  # our pid, not our claim: an earlier run with the same pid
    try:
        os.kill(int(pid_text), 0)
    except ProcessLookupError:
        return True
    except PermissionError:  # alive, under another user
        pass
    now = _start_ticks(pid_text)
    return bool(start and now and now != start)  # the pid was reused by a later process


def renewal_interval(lease: float) -> float:
    """Seconds between two renewals of a claim whose lease is ``lease`` seconds."""
    return lease / RENEWALS_PER_LEASE
