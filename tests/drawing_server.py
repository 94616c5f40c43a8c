"""One warm picture process shared by the tests that do not test the process's own life.

A real picture process (``python -m bot.image.worker``) costs ~1.2 s of CPU to start: it imports
matplotlib and projects the basemap before its first picture. The end-to-end picture tests
started one per test (~15 s of CPU in all) although what they check is the bot's side: the
photo sent, its caption, its buttons, the fallback to text. Here one server process imports
and warms matplotlib once per pytest worker and listens on a Unix socket; for each connection it
forks a copy of itself that runs the worker's own :func:`bot.image.worker.serve` on that
connection, so that every drawing starts from the same fresh, warm state and nothing drawn
for one test is seen by the next.

The bot's :class:`bot.image.drawer.Drawer` is left as it is: it still starts a process of its
own per "picture process" (a relay, ``RELAY``: standard input to the socket, the socket to
standard output, ~20 ms of CPU), talks to it through the same frames, and sees it end when its
input closes or when it is killed. Only the tests of the process's life (start on demand,
quota, idle stop, time limit, crash, the bot never importing matplotlib) keep starting the
real ``python -m bot.image.worker``; they do not use this module.

    python -m tests.drawing_server SOCKET    # what :func:`shared_drawing_process` starts
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from bot.paths import PROJECT_ROOT

RELAY_CODE = """
import socket, sys, threading
link = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
link.connect(sys.argv[1])
def requests():
    try:
        while data := sys.stdin.buffer.raw.read(65536):
            link.sendall(data)
        link.shutdown(socket.SHUT_WR)
    except OSError:
        pass
threading.Thread(target=requests, daemon=True).start()
try:
    while data := link.recv(65536):
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
except OSError:
    pass
"""
"""The relay the Drawer starts instead of the picture process (standard library only)."""


def relay_command(path: Path) -> tuple[str, ...]:
    """The command a Drawer runs to reach the shared server listening on ``path``."""
    return (sys.executable, "-I", "-S", "-c", RELAY_CODE, str(path))


def _serve_one(connection: socket.socket) -> int:
    from bot.image.worker import serve

    try:
        with connection.makefile("rb") as requests, connection.makefile("wb") as answers:
            serve(requests, answers)  # type: ignore[arg-type]
    except OSError:  # the relay was killed while a picture was drawn
        return 1
    return 0


def serve_forever(path: Path, parent: int) -> None:
    """Warm matplotlib once, then fork one drawing copy per connection until SIGTERM, or
    until the process ``parent`` (the pytest process that started this one) has ended."""
    from bot.image.render import warm

    # Not at the real picture process's nice 10 (tests/test_background_priority.py checks
    # that one): here the other xdist workers are the « busy machine », and a map of the
    # grown base (41 more articles: three drawings, ~2 s of CPU) starved behind them went past
    # the 30 s limit in the growth run (a false failure: what these tests check is the
    # bot's side — the photo, its caption, its buttons).
    warm()
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(str(path))
    listener.listen(16)
    listener.settimeout(1.0)  # to notice, once a second, a pytest process that died
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    children: set[int] = set()
    try:
        while os.getppid() == parent:  # never left running after its pytest process
            try:
                connection, _ = listener.accept()  # a blocking socket (no default timeout)
            except TimeoutError:
                connection = None
            if connection is not None:
                pid = os.fork()
                if pid == 0:
                    signal.signal(signal.SIGTERM, signal.SIG_DFL)
                    listener.close()
                    os._exit(_serve_one(connection))
                connection.close()
                children.add(pid)
            while children and (ended := os.waitpid(-1, os.WNOHANG)[0]):
                children.discard(ended)
    finally:
        with contextlib.suppress(OSError):
            path.unlink()
        for pid in children:  # copies still drawing when the tests end
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
            with contextlib.suppress(ChildProcessError):
                os.waitpid(pid, 0)  # waited for: their CPU counts in the benches


@contextlib.contextmanager
def shared_drawing_process() -> Iterator[tuple[str, ...]]:
    """Start the server; yield the relay command for ``Drawer(command=…)``; stop it."""
    with tempfile.TemporaryDirectory(prefix="azsec-dessin-") as folder:
        path = Path(folder) / "dessin.sock"
        server = subprocess.Popen(
            [sys.executable, "-m", "tests.drawing_server", str(path)], cwd=PROJECT_ROOT
        )
        try:
            for _ in range(1200):  # matplotlib's import first: up to 60 s on a loaded machine
                if path.exists() or server.poll() is not None:
                    break
                with contextlib.suppress(subprocess.TimeoutExpired):
                    server.wait(0.05)
            if not path.exists():
                raise RuntimeError("le processus de dessin partagé n'a pas démarré")
            yield relay_command(path)
        finally:
            server.terminate()
            try:
                server.wait(10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()


if __name__ == "__main__":
    serve_forever(Path(sys.argv[1]), os.getppid())
