"""Issue 25, reload after one changed file (tenth pass): what the reading process no longer
pays for — an import it never uses, the articles read and hashed again when the snapshot's
manifest says they did not change. The base it hands over is still a full build's."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.paths import PROJECT_ROOT
from tests.conftest import ContentCopy


@pytest.mark.e2e  # a real reading process
def test_the_reading_process_never_imports_asyncio(copy: ContentCopy, tmp_path: Path) -> None:
    """asyncio (~35 ms of imports) serves only the bot's side of a reload: the reading
    process, which validates, builds and writes a whole base, never loads it."""
    env = {**os.environ, "SNAPSHOT_DIR": str(tmp_path / "cache")}
    command = [sys.executable, "-X", "importtime", "-m", "bot.rebuild"]
    done = subprocess.run(
        [*command, str(copy.content), str(copy.seeds), str(tmp_path)],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    imported = {
        line.rsplit("|", 1)[-1].strip()
        for line in done.stderr.splitlines()
        if line.startswith("import time:")
    }
    assert "bot.content.loader" in imported  # it did read the base
    assert "asyncio" not in imported
