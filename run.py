"""Quickstart: install what the bot needs, then run ``python -m bot`` with the given arguments.

Needs only Python >= 3.11 with pip and venv. On the first run it creates ``.tools/`` (a virtual
environment holding uv, installed from PyPI with pip) and uv then creates ``.venv/`` with the
locked dependencies of ``uv.lock``; later runs reuse both. Nothing is written outside the project
except the download caches of pip and uv. Uninstall: ``rm -rf .tools .venv``.

    python3 run.py                      # Telegram if TELEGRAM_BOT_TOKEN is set, else the console
    python3 run.py ask "/pays Turquie"  # any argument of ``python -m bot``
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
TOOLS = ROOT / ".tools"
BIN = TOOLS / ("Scripts" if os.name == "nt" else "bin")
UV = BIN / ("uv.exe" if os.name == "nt" else "uv")
UV_REQUIREMENT = "uv>=0.5"


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def ensure_uv() -> Path:
    """Return the path of the project's own uv, installing it into ``.tools/`` if needed."""
    if UV.exists():
        return UV
    if sys.version_info < (3, 11):  # noqa: UP036  (run.py may be started by an older python3)
        _say(f"Python 3.11 ou plus récent est nécessaire (celui-ci : {sys.version.split()[0]}).")
        raise SystemExit(2)
    _say("Première installation : uv dans .tools/ (pip), puis les dépendances dans .venv/ (uv)…")
    venv.EnvBuilder(with_pip=True, clear=True).create(TOOLS)
    python = BIN / ("python.exe" if os.name == "nt" else "python")
    command = [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    result = subprocess.run([*command, UV_REQUIREMENT], check=False)
    if result.returncode != 0 or not UV.exists():
        _say("L'installation de uv par pip a échoué (voir ci-dessus) ; relancez quand PyPI répond.")
        raise SystemExit(result.returncode or 1)
    return UV


def main(argv: list[str]) -> int:
    """Install if needed, then hand over to ``uv run python -m bot`` (same stdin and status)."""
    uv = ensure_uv()
    # UV_COMPILE_BYTECODE: dependencies are byte-compiled when uv installs them, so a start
    # does not compile them again (~1.3 s instead of ~0.4 s where .venv/ is read-only).
    env = dict(os.environ, UV_PYTHON_DOWNLOADS="never", UV_COMPILE_BYTECODE="1")
    command = [str(uv), "run", "--quiet", "--project", str(ROOT), "python", "-m", "bot", *argv]
    sys.stdout.flush()
    if os.name == "nt":
        return subprocess.run(command, env=env, check=False).returncode
    os.execve(command[0], command, env)  # replaces this process: signals and stdin go to the bot


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
