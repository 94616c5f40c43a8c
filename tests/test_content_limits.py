"""Content is read under limits that cannot crash the process (issue 24, point 2): nesting in
any YAML style, aliases, sizes per file and in all, entries; a reload that breaks them is
refused with a French message naming the file, and the old base keeps serving."""

from __future__ import annotations

import asyncio
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from bot.content.errors import ContentError
from bot.content.limits import MB, ContentLimits
from bot.content.loader import load_factbase
from bot.paths import PROJECT_ROOT
from tests.conftest import ContentCopy
from tests.harness import bot_env, spawn_bot

ADMIN = 42
DEEP = 60_000
SHAPES = {
    "crochets": "events: " + "[" * DEEP + "]" * DEEP + "\n",
    "tirets": "events:\n  - " + "- " * DEEP + "x\n",
    "cles": "events:\n" + "".join(" " * (i + 1) + f"k{i}:\n" for i in range(3_000)),
    "accolades": "events: " + "{a: " * DEEP + "b" + "}" * DEEP + "\n",
}
BOMB = "".join(
    [
        "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n",
        *(f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 10)}]\n" for n in range(1, 9)),
        "events: *a8\n",
    ]
)


def _load_in_a_child(content: Path, seeds: Path) -> subprocess.CompletedProcess[str]:
    """load_factbase in a process of its own: a crash there must not take pytest with it."""
    script = (
        "import sys; from pathlib import Path\n"
        "from bot.content.errors import ContentError\n"
        "from bot.content.loader import load_factbase\n"
        "try:\n"
        f"    load_factbase(Path({str(content)!r}), Path({str(seeds)!r}))\n"
        "except ContentError as error:\n"
        "    print('\\n'.join(str(issue) for issue in error.issues))\n"
    )
    return subprocess.run(
        [sys.executable, "-c", script],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_no_nesting_style_nor_alias_bomb_can_crash_the_loader(copy: ContentCopy) -> None:
    for name, text in SHAPES.items():
        (copy.content / f"zz-{name}.yaml").write_text(text, encoding="utf-8")
    (copy.content / "zz-bombe.yaml").write_text(BOMB, encoding="utf-8")
    done = _load_in_a_child(copy.content, copy.seeds)
    assert done.returncode == 0, (done.returncode, done.stderr[-500:])
    issues = done.stdout.splitlines()
    for name in SHAPES:
        assert f"content/zz-{name}.yaml : imbrication trop profonde (plus de 64 niveaux)" in issues
    assert any(
        line.startswith("content/zz-bombe.yaml : trop d'éléments YAML") for line in issues
    ), issues


def _refused(copy: ContentCopy, limits: ContentLimits) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_factbase(copy.content, copy.seeds, limits)
    return [str(issue) for issue in caught.value.issues]


def test_sizes_and_entries_are_bounded_per_file_and_in_all(copy: ContentCopy) -> None:
    sizes = {path.name: path.stat().st_size for path in copy.content.glob("*.yaml")}
    biggest = max(sizes, key=lambda name: sizes[name])
    load_factbase(copy.content, copy.seeds, ContentLimits())  # the shipped base fits
    per_file = ContentLimits(file_bytes=sizes[biggest] - 1)
    assert f"content/{biggest} : fichier trop gros" in _refused(copy, per_file)[0]
    total = ContentLimits(total_bytes=sum(sizes.values()) - 1)
    last = sorted(sizes)[-1]
    assert _refused(copy, total)[0].startswith(f"content/{last} : contenu trop gros")
    few = _refused(copy, ContentLimits(entries=10))
    assert any("trop d'entrées avec ce fichier" in line for line in few)


def test_limits_can_be_raised_from_the_environment() -> None:
    limits = ContentLimits.from_env({"CONTENT_MAX_FILE_MB": "200", "CONTENT_MAX_ENTRIES": "x"})
    assert limits.file_bytes == 200 * MB and limits.entries == ContentLimits().entries


async def test_a_reload_of_a_crashing_file_is_refused_and_the_bot_keeps_serving(api, copy):
    env = bot_env(api, BOT_ADMIN_IDS=str(ADMIN))
    process = await spawn_bot(
        "--content", str(copy.content), "--seeds", str(copy.seeds), "run", env=env
    )
    try:
        await api.wait_for("setMyCommands", timeout=30)
        (copy.content / "zz-piege.yaml").write_text(SHAPES["tirets"], encoding="utf-8")
        await api.push(api.message_update("/recharger", user_id=ADMIN))
        report = (await api.wait_for("sendMessage", timeout=60))[0]["text"]
        await api.push(api.message_update("/pays Turquie", user_id=43))
        answer = (await api.wait_for("sendMessage", 2, timeout=30))[1]["text"]
    finally:
        process.send_signal(signal.SIGTERM)
        _out, err = await asyncio.wait_for(process.communicate(), 30)
    assert process.returncode == 0, err.decode()[-800:]
    assert "Rechargement refusé" in report and "ancienne base" in report
    assert "zz-piege.yaml" in report and "imbrication trop profonde" in report
    assert "Turquie" in answer
