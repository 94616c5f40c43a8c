"""Bytecode warmed once before pytest-xdist starts its workers.

On a fresh clone (what CI runs) no ``bot/`` module is compiled yet and no test module has its
asserts rewritten: each of the six workers then compiled all of ``bot/`` and rewrote all of
``tests/`` at the same moment, about 4.5 s of CPU each, 27 s in all on two cores. The
controller does it once instead, before the workers start (~4 s of CPU; nothing when warm):
``compileall`` for the packages, and pytest's own assert rewriting, cached where pytest reads it,
for the test modules and conftest. Every step is an optimisation only: when pytest's rewriting
helpers are missing or a file cannot be rewritten, the worker that imports it does it as before.
"""

from __future__ import annotations

import compileall
import sys
from pathlib import Path

import pytest

PACKAGES = ("bot", "tests")


def warm(config: pytest.Config, root: Path) -> int:
    """Compile the packages under ``root`` and cache the rewritten test modules; returns how many
    test modules were rewritten now (0 when the cache was already warm)."""
    if sys.dont_write_bytecode:
        return 0
    for package in PACKAGES:
        compileall.compile_dir(root / package, quiet=1, workers=1)
    return _rewrite_tests(config, root / "tests")


def _rewrite_tests(config: pytest.Config, folder: Path) -> int:
    try:
        from _pytest.assertion import rewrite
    except ImportError:  # pragma: no cover - a pytest without these helpers
        return 0
    helpers = ("assertstate_key", "get_cache_dir", "try_makedirs", "_read_pyc", "_rewrite_test")
    if not all(hasattr(rewrite, name) for name in (*helpers, "_write_pyc", "PYC_TAIL")):
        return 0  # pragma: no cover - another pytest: the workers rewrite as before
    state = config.stash.get(rewrite.assertstate_key, None)
    if state is None:  # assert rewriting is off (--assert=plain)
        return 0
    rewritten = 0
    for source in sorted([*folder.glob("test_*.py"), folder / "conftest.py"]):
        cache_dir = rewrite.get_cache_dir(source)
        if not rewrite.try_makedirs(cache_dir):
            return rewritten
        pyc = cache_dir / (source.name[:-3] + rewrite.PYC_TAIL)
        if rewrite._read_pyc(source, pyc, state.trace) is not None:
            continue
        try:
            source_hash, code = rewrite._rewrite_test(source, config)
        except (SyntaxError, OSError):
            continue  # the worker that imports it reports the error as usual
        rewrite._write_pyc(state, code, source_hash, pyc)
        rewritten += 1
    return rewritten
