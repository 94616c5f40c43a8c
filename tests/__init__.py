"""The test suite (imported before ``tests/conftest.py`` and every test module).

Compiled bytecode: under ``PYTHONDONTWRITEBYTECODE=1`` every pytest worker compiled the project
and rewrote the asserts of every test module again (about 3.5 s of CPU per worker, per run), and
every bot subprocess compiled ``bot/`` again. That variable is there to keep ``*.pyc`` out of
the tree, so a test run keeps its bytecode in a cache of its own *outside* the tree instead
(one folder per user, mirroring absolute paths, each file checked against its source's size and
time as usual), for pytest and the processes it starts. Without the variable, or outside
pytest (``python -m tests.golden``…), nothing changes.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

PYCACHE = Path(tempfile.gettempdir()) / f"azsec-pycache-{os.getuid()}"

if sys.dont_write_bytecode and "pytest" in sys.modules:
    sys.dont_write_bytecode = False
    sys.pycache_prefix = str(PYCACHE)
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    os.environ["PYTHONPYCACHEPREFIX"] = str(PYCACHE)
