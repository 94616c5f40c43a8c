"""A real PostgreSQL server for the tests: TEST_DATABASE_URL when CI set one (.ci/run starts a
throwaway cluster), or a throwaway cluster of our own when the server's binaries are here.

Each test gets a database of its own (``CREATE DATABASE``), dropped afterwards. The URL holds a
password (the cluster trusts loopback, so any password works): tests check it never leaks.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg

BIN_DIRS = [Path(p) for p in ("/usr/lib/postgresql/15/bin", "/usr/lib/postgresql/16/bin")]
PASSWORD = "mot-de-passe-secret-7Hq"


def binaries() -> Path | None:
    """The directory holding initdb and pg_ctl, or None."""
    for directory in BIN_DIRS:
        if (directory / "initdb").exists() and (directory / "pg_ctl").exists():
            return directory
    found = shutil.which("initdb")
    return Path(found).parent if found else None


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _as_postgres(command: list[str]) -> list[str]:
    """initdb refuses root: run the server's tools as the postgres user when we are root."""
    if os.geteuid() == 0:
        runuser = shutil.which("runuser", path="/usr/sbin:/sbin:/usr/bin:/bin") or "runuser"
        return [runuser, "-u", "postgres", "--", *command]
    return command


def start_cluster() -> tuple[str, Path]:
    """Create and start a cluster on 127.0.0.1; its URL and the directory to give stop_cluster."""
    bin_dir = binaries()
    if bin_dir is None:
        raise RuntimeError("no PostgreSQL binaries")
    work = Path(tempfile.mkdtemp(prefix="azsec-pg-"))
    data = work / "data"
    if os.geteuid() == 0:
        shutil.chown(work, "postgres", "postgres")
    port = free_port()
    subprocess.run(
        _as_postgres(
            [
                str(bin_dir / "initdb"),
                "-D",
                str(data),
                "-U",
                "postgres",
                "--auth=trust",
                "-E",
                "UTF8",
            ]
        ),
        check=True,
        capture_output=True,
    )
    options = (
        f"-p {port} -k {work} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200"
    )
    subprocess.run(
        _as_postgres(
            [
                str(bin_dir / "pg_ctl"),
                "-D",
                str(data),
                "-o",
                options,
                "-l",
                str(work / "log"),
                "-w",
                "start",
            ]
        ),
        check=True,
        capture_output=True,
    )
    return f"postgresql://postgres:{PASSWORD}@127.0.0.1:{port}/postgres", work


def stop_cluster(work: Path) -> None:
    """Stop the cluster start_cluster made in ``work`` and remove it."""
    bin_dir = binaries()
    if bin_dir is not None:
        subprocess.run(
            _as_postgres(
                [str(bin_dir / "pg_ctl"), "-D", str(work / "data"), "-m", "immediate", "stop"]
            ),
            capture_output=True,
        )
    shutil.rmtree(work, ignore_errors=True)


@contextlib.contextmanager
def throwaway_cluster() -> Iterator[str]:
    """Create, start and finally stop and remove a cluster on 127.0.0.1; yield its URL."""
    url, work = start_cluster()
    try:
        yield url
    finally:
        stop_cluster(work)


SHARED_RECORD = "cluster.json"


def shared_cluster(shared: Path) -> str:
    """The URL of the one cluster of a pytest-xdist session: the first worker that needs it
    starts it and writes it down in ``shared`` (under a lock), the others read it; the
    controller stops it when the session ends (stop_shared_cluster). Each test still gets a
    database of its own (fresh_database), so workers never see each other's data."""
    record = shared / SHARED_RECORD
    with open(shared / "cluster.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if record.exists():
            return str(json.loads(record.read_text(encoding="utf-8"))["url"])
        url, work = start_cluster()
        record.write_text(json.dumps({"url": url, "work": str(work)}), encoding="utf-8")
        return url


def stop_shared_cluster(shared: Path) -> None:
    """Stop the cluster shared_cluster started in ``shared``, if any, and remove ``shared``."""
    record = shared / SHARED_RECORD
    if record.exists():
        stop_cluster(Path(json.loads(record.read_text(encoding="utf-8"))["work"]))
    shutil.rmtree(shared, ignore_errors=True)


def with_database(url: str, name: str) -> str:
    """``url`` pointed at database ``name``."""
    head, _, _old = url.rpartition("/")
    return f"{head}/{name}"


def create_database(server: str, name: str) -> None:
    """CREATE DATABASE, retried while another test's CREATE holds the template (parallel runs)."""
    for attempt in range(50):
        try:
            with psycopg.connect(server, autocommit=True) as admin:
                admin.execute(f'CREATE DATABASE "{name}"')
            return
        except psycopg.errors.ObjectInUse:
            if attempt == 49:
                raise
            time.sleep(0.1)


@contextlib.contextmanager
def fresh_database(server: str) -> Iterator[str]:
    """A new, empty database on ``server``; its URL (``postgres://`` as platforms write it)."""
    name = f"t_{uuid.uuid4().hex[:12]}"
    create_database(server, name)
    url = with_database(server, name)
    try:
        yield url.replace("postgresql://", "postgres://", 1)
    finally:
        with psycopg.connect(server, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
