"""The test suite (imported before ``tests/conftest.py`` and every test module).

Compiled bytecode: ``PYTHONDONTWRITEBYTECODE=1`` (set on the development machine) made every
pytest worker compile the project and rewrite the asserts of every test module again at each
run, and every bot subprocess compile ``bot/`` again. Under pytest the variable is lifted, for
pytest and the processes it starts: bytecode goes to the usual ``__pycache__`` folders (ignored
by git), and the dependencies' bytecode, compiled when ``python3 run.py`` installed them, is
read from the environment. (A cache of its own outside the tree, tried before, ignored that
installed bytecode: every worker compiled python-telegram-bot, matplotlib and the rest again on
each fresh clone.) The controller of a parallel run compiles the project once before its
workers start (:mod:`tests.bytecode`). Without the variable, or outside pytest
(``python -m tests.golden``…), nothing changes.
"""

from __future__ import annotations

import os
import sys

if sys.dont_write_bytecode and "pytest" in sys.modules:
    sys.dont_write_bytecode = False
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
