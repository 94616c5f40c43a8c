"""Read, validate and index the content in a child process, for a reload (/recharger, SIGHUP).

The serving process never parses YAML while it answers: the child does, under the content
limits (:mod:`bot.content.limits`), and hands back the built index as a snapshot file. Whatever
happens to the child — invalid content, a crash, memory exhausted, a parse that never ends —
the serving process keeps its base and gets a French reason naming the file being read.

Run as ``python -m bot.content.rebuild CONTENT SEEDS FOLDER`` (by :func:`rebuild_index` only).
"""

from __future__ import annotations

import asyncio
import hashlib
import os
import pickle
import sys
import tempfile
from pathlib import Path

from bot.content.errors import ContentError, ContentIssue
from bot.content.snapshot import read_snapshot, write_snapshot
from bot.engine.index import Index
from bot.paths import PROJECT_ROOT
from bot.startup import build_index

TIMEOUT = 900.0
"""Seconds a rebuild may take before the child is stopped (×1000 takes about 30 s)."""
READING = "fichier : "
"""Prefix of the child's progress lines on stderr: the file it is reading."""
KEY = hashlib.sha256(b"rechargement").hexdigest()
"""The snapshot key between parent and child (a digest, as snapshot keys are)."""
_ISSUES = "issues.pickle"
_INVALID = 3


class RebuildError(Exception):
    """The content could not be read at all (not merely invalid); the message is French."""


async def rebuild_index(content_dir: Path, seeds_dir: Path) -> Index:
    """The validated, fully built index of the content, built in a child process.

    Raises ContentError when the content is invalid, RebuildError when the child failed.
    """
    with tempfile.TemporaryDirectory(prefix="azsec-rechargement-") as folder:
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bot.content.rebuild",
            str(content_dir),
            str(seeds_dir),
            folder,
            cwd=PROJECT_ROOT,
            stdin=asyncio.subprocess.DEVNULL,
            stdout=asyncio.subprocess.DEVNULL,
            stderr=asyncio.subprocess.PIPE,
        )
        try:
            _out, err = await asyncio.wait_for(process.communicate(), TIMEOUT)
        except TimeoutError:
            process.kill()
            await process.wait()
            raise RebuildError(f"lecture du contenu trop longue (plus de {TIMEOUT:g} s)") from None
        except BaseException:  # cancelled (the bot stops): the child goes too
            if process.returncode is None:
                process.kill()
                await process.wait()
            raise
        if process.returncode == 0:
            index = await asyncio.to_thread(read_snapshot, Path(folder), KEY, Index)
            if index is None:
                raise RebuildError("la base relue n'a pas pu être transmise")
            return await asyncio.to_thread(build_index, index)
        if process.returncode == _INVALID:
            issues = await asyncio.to_thread(_read_issues, Path(folder) / _ISSUES)
            raise ContentError(issues)
        raise RebuildError(_crash_reason(process.returncode, err.decode("utf-8", "replace")))


def _read_issues(path: Path) -> list[ContentIssue]:
    with path.open("rb") as file:
        found = pickle.load(file)  # written by our own child, in our own temporary folder
    return [issue for issue in found if isinstance(issue, ContentIssue)]


def _crash_reason(code: int | None, stderr: str) -> str:
    files = [line[len(READING) :] for line in stderr.splitlines() if line.startswith(READING)]
    where = f"pendant la lecture de {files[-1]}" if files else "avant la lecture des fichiers"
    how = f"signal {-code}" if code is not None and code < 0 else f"code {code}"
    return f"la lecture du contenu s'est arrêtée {where} ({how})"


def _child(content_dir: Path, seeds_dir: Path, folder: Path) -> int:
    from bot.content.loader import load_factbase

    def reading(name: str) -> None:
        print(f"{READING}{name}", file=sys.stderr, flush=True)

    try:
        index = build_index(Index(load_factbase(content_dir, seeds_dir, on_file=reading)))
    except ContentError as error:
        with (folder / _ISSUES).open("wb") as file:
            pickle.dump(list(error.issues), file)
        return _INVALID
    return 0 if write_snapshot(folder, KEY, index) else 4


if __name__ == "__main__":
    arguments = [Path(value) for value in sys.argv[1:4]]
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 2000))
    os._exit(_child(*arguments) if len(arguments) == 3 else 2)
