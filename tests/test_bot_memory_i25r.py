"""What the bot keeps in memory for good: no system type tables after a picture, no draft
modules before a draft (issue #25, the bot's RSS at rest after pictures)."""

from __future__ import annotations

import mimetypes
import subprocess
import sys

import pytest

from bot.telegram.pictures import png_file


def test_png_upload_says_its_type_without_guessing(monkeypatch: pytest.MonkeyPatch) -> None:
    def guessed(*_: object, **__: object) -> tuple[str, None]:
        raise AssertionError("mimetypes consulted: its first guess reads the system's tables")

    monkeypatch.setattr(mimetypes, "guess_type", guessed)
    sent = png_file(b"\x89PNG...", "carte-2025")
    assert (sent.mimetype, sent.filename, sent.attach_name) == ("image/png", "carte-2025.png", None)
    assert sent.field_tuple == ("carte-2025.png", b"\x89PNG...", "image/png")
    edited = png_file(b"\x89PNG...", "frise", attach=True)
    assert edited.attach_name is not None and edited.attach_uri == f"attach://{edited.attach_name}"


@pytest.mark.e2e
def test_the_bot_imports_no_draft_module_before_a_draft() -> None:
    code = (
        "import sys; import bot.telegram.app; "
        "print(sorted(m for m in sys.modules if m.startswith('bot.draft.')))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert done.stdout.strip() == "['bot.draft.intake']"
