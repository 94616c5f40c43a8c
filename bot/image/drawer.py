"""Pictures seen from the bot: drawn in a separate process, so that matplotlib's memory and
CPU never weigh on the answers.

The process (:mod:`bot.image.worker`) is started on the first picture asked for and draws one
picture at a time. It is bounded three ways: a draw that takes longer than ``timeout`` seconds
kills it; it is retired after ``max_draws`` pictures (matplotlib's caches only grow) and after
``idle`` seconds without a request (its memory goes back to the system). A crash or a time-out
raises :class:`PictureError`, whose message is French and meant for the user; the next picture
starts a fresh process. The bot keeps each PNG in a small cache (bounded in bytes) under the
digest of everything it shows. This module never imports matplotlib.
"""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import logging
import os
import pickle
import sys
from collections import OrderedDict
from collections.abc import Sequence
from pathlib import Path

from bot.engine.pictures import MapSpec, TimelineSpec
from bot.image.render import key
from bot.image.worker import ERROR, HEADER, OK, frame

log = logging.getLogger(__name__)

PACKAGE_ROOT = Path(__file__).resolve().parent.parent.parent
"""The folder holding the ``bot`` package: the picture process starts there."""
COMMAND = (sys.executable, "-m", "bot.image.worker")
TIMEOUT = 30.0
"""Seconds a picture may take, the process's start included (~1 s: matplotlib's import)."""
MAX_DRAWS = 40
"""Pictures drawn by one process before it is replaced by a fresh one."""
IDLE = 120.0
"""Seconds without a picture after which the process is stopped."""
CACHE_BYTES = 512 * 1024
"""PNGs kept in the bot's memory (a map is ~370 Kio, a timeline page ~250 Kio): the last
one or two, so that a picture asked twice in a row, or forwarded, is not drawn again, while
the bot's memory stays under its 60 Mio (1 Mio kept ~0.9 Mio more after pictures)."""
SECRET_VARIABLES = ("TELEGRAM_BOT_TOKEN", "DATABASE_URL")
"""Left out of the picture process's environment: it needs neither."""

TIMEOUT_MESSAGE = (
    "L'image a pris trop de temps à dessiner et a été abandonnée. Réessayez dans un instant ; "
    "les commandes en texte (/pays, /timeline…) donnent les mêmes faits."
)
CRASH_MESSAGE = (
    "L'image n'a pas pu être dessinée (le dessin s'est interrompu). Réessayez : la suivante "
    "repart de zéro ; les commandes en texte (/pays, /timeline…) donnent les mêmes faits."
)

Spec = MapSpec | TimelineSpec


class PictureError(Exception):
    """A picture could not be drawn; ``str(error)`` is the French message for the user."""


class PictureTimeoutError(PictureError):
    """The picture took longer than the time limit: the process was killed."""


class PictureCrashError(PictureError):
    """The picture process died, or its drawing raised."""


def release_memory() -> None:
    """Give the memory freed by a picture back to the system (glibc keeps freed blocks of a
    few hundred kilobytes in its heap otherwise); nothing elsewhere."""
    try:
        libc = ctypes.CDLL("libc.so.6")
    except OSError:
        return
    libc.malloc_trim(0)


CHUNK = 64 * 1024
"""Bytes read from the picture process at a time (asyncio's stream limit)."""


async def read_in_chunks(stream: asyncio.StreamReader, length: int) -> bytes:
    """Exactly ``length`` bytes of ``stream``, read :data:`CHUNK` at a time: the stream's
    own buffer then never holds more than a chunk or two. ``readexactly`` of a whole PNG would
    grow that buffer to the PNG's size, and the buffer keeps its capacity for as long as the
    picture process lives (~0.4 – 1 Mio of the bot's memory at rest)."""
    parts: list[bytes] = []
    left = length
    while left:
        part = await stream.read(min(left, CHUNK))
        if not part:
            raise asyncio.IncompleteReadError(b"".join(parts), length)
        parts.append(part)
        left -= len(part)
    return b"".join(parts)


class Drawer:
    """The bot's picture process, started on demand; one per bot (see :class:`Services`)."""

    def __init__(
        self,
        *,
        timeout: float = TIMEOUT,
        max_draws: int = MAX_DRAWS,
        idle: float = IDLE,
        command: Sequence[str] = COMMAND,
        cache_bytes: int = CACHE_BYTES,
    ) -> None:
        self.timeout = timeout
        self.max_draws = max_draws
        self.idle = idle
        self.command = tuple(command)
        self.cache_bytes = cache_bytes
        self.started = 0
        """Processes started so far (tests and benchmarks)."""
        self.draws = 0
        """Pictures drawn by the current process."""
        self._process: asyncio.subprocess.Process | None = None
        self._lock: asyncio.Lock | None = None
        self._idle_task: asyncio.Task[None] | None = None
        self._retiring: set[asyncio.Task[None]] = set()
        self._cache: OrderedDict[str, bytes] = OrderedDict()
        self._cached_bytes = 0

    @property
    def pid(self) -> int | None:
        """The picture process's id while one runs."""
        process = self._process
        return process.pid if process is not None and process.returncode is None else None

    def cached(self, spec: Spec) -> bool:
        """True when ``spec``'s PNG is in the bot's cache."""
        return key(spec) in self._cache

    async def png(self, spec: Spec, digest: str | None = None) -> bytes:
        """``spec``'s PNG, from the cache or drawn by the picture process (``digest``: its
        :func:`key`, when the caller has it already)."""
        digest = key(spec) if digest is None else digest
        found = self._cache.get(digest)
        if found is not None:
            self._cache.move_to_end(digest)
            return found
        data = await self.draw(spec)
        if digest not in self._cache and len(data) <= self.cache_bytes:
            self._cache[digest] = data
            self._cached_bytes += len(data)
            while self._cached_bytes > self.cache_bytes:
                _, dropped = self._cache.popitem(last=False)
                self._cached_bytes -= len(dropped)
        return data

    async def draw(self, spec: Spec) -> bytes:
        """Draw ``spec`` now (no cache), one picture at a time, within the time limit."""
        if self._lock is None:
            self._lock = asyncio.Lock()
        async with self._lock:
            if self._idle_task is not None:
                self._idle_task.cancel()
            try:
                return await asyncio.wait_for(self._exchange(pickle.dumps(spec)), self.timeout)
            except TimeoutError:
                log.error(
                    "Image abandonnée après %.0f s : processus de dessin arrêté", self.timeout
                )
                await self._kill()
                raise PictureTimeoutError(TIMEOUT_MESSAGE) from None
            except (asyncio.IncompleteReadError, ConnectionError, OSError) as error:
                log.error("Processus de dessin interrompu (%s) ; relancé à l'image suivante", error)
                await self._kill()
                raise PictureCrashError(CRASH_MESSAGE) from None
            finally:
                if self._process is not None and self.draws >= self.max_draws:
                    self._retire()
                if self._process is not None:
                    self._idle_task = asyncio.get_running_loop().create_task(self._stop_idle())

    async def close(self) -> None:
        """Stop the picture process (the bot is stopping)."""
        if self._idle_task is not None:
            self._idle_task.cancel()
        if self._process is not None:
            self._retire()
        if self._retiring:
            await asyncio.wait(set(self._retiring), timeout=5)

    # --- the process ------------------------------------------------------------------

    async def _exchange(self, request: bytes) -> bytes:
        process = await self._running()
        assert process.stdin is not None and process.stdout is not None
        process.stdin.write(frame(request))
        await process.stdin.drain()
        (length,) = HEADER.unpack(await process.stdout.readexactly(HEADER.size))
        answer = await read_in_chunks(process.stdout, length)
        self.draws += 1
        if answer[:1] == OK:
            return answer[1:]
        text = answer[1:].decode("utf-8", "replace") if answer[:1] == ERROR else "réponse illisible"
        log.error("Le dessin d'une image a échoué dans le processus de dessin : %s", text)
        raise PictureCrashError(CRASH_MESSAGE)

    async def _running(self) -> asyncio.subprocess.Process:
        if self._process is not None and self._process.returncode is None:
            return self._process
        self._process = None
        env = {k: v for k, v in os.environ.items() if k not in SECRET_VARIABLES}
        self._process = await asyncio.create_subprocess_exec(
            *self.command,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            cwd=PACKAGE_ROOT,
            env=env,
        )
        self.started += 1
        self.draws = 0
        log.info("Processus de dessin démarré (pid %d)", self._process.pid)
        return self._process

    async def _kill(self) -> None:
        process, self._process = self._process, None
        if process is None:
            return
        with contextlib.suppress(ProcessLookupError):
            process.kill()
        with contextlib.suppress(Exception):
            await asyncio.wait_for(process.wait(), 5)

    def _retire(self) -> None:
        """Let the process end on its own (its input closed) without waiting for it."""
        process, self._process = self._process, None
        if process is None:
            return

        async def end() -> None:
            if process.stdin is not None:
                process.stdin.close()
            try:
                await asyncio.wait_for(process.wait(), 5)
            except TimeoutError:
                with contextlib.suppress(ProcessLookupError):
                    process.kill()
                await process.wait()

        task = asyncio.get_running_loop().create_task(end())
        self._retiring.add(task)
        task.add_done_callback(self._retiring.discard)

    async def _stop_idle(self) -> None:
        await asyncio.sleep(self.idle)
        assert self._lock is not None
        async with self._lock:
            if self._process is not None:
                log.info("Processus de dessin arrêté après %.0f s sans image", self.idle)
                self._retire()
