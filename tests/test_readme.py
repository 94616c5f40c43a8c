"""The README documents every command, starts with the two quickstart lines, and CI runs them."""

import re
import shutil
import subprocess
import sys

import pytest

from bot.engine.commands import COMMANDS
from bot.paths import PROJECT_ROOT

README = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
CI = (PROJECT_ROOT / ".ci" / "run").read_text(encoding="utf-8")
LINE_1 = "python3 run.py"
LINE_2 = ".tools/bin/uv run pytest"


def _shell_blocks() -> list[list[str]]:
    blocks = re.findall(r"```sh\n(.*?)```", README, flags=re.DOTALL)
    return [
        [line.split("  #")[0].strip() for line in block.strip().splitlines()] for block in blocks
    ]


def test_readme_lists_every_command_with_an_example():
    for command in COMMANDS:
        assert f"`/{command.name}" in README, f"/{command.name} manque dans le README"


def test_readme_starts_with_the_two_quickstart_commands():
    assert _shell_blocks()[0] == [LINE_1, LINE_2]


def test_ci_runs_the_readme_quickstart_lines_as_written():
    lines = [line.strip() for line in CI.splitlines()]
    assert LINE_2 in lines, "la CI doit lancer la ligne 2 du README telle quelle"
    assert any(line.startswith(f"printf '/pays Turquie\\n' | {LINE_1}") for line in lines)
    assert 'export PATH="$work/python/bin:/usr/bin:/bin"' in lines  # no uv on that PATH


def test_every_readme_command_works_without_uv_on_the_path():
    allowed = (
        "python3 run.py",
        ".tools/bin/uv run ",
        ".tools/bin/uv sync ",
        "bash .ci/run",
        "export ",
        "kill ",
        "git ",
    )
    for block in _shell_blocks():
        for line in block:
            if line and not line.startswith(
                ("#", "seeds/", "content/", "bot/", "bench/", "tests/")
            ):
                assert line.startswith(allowed), f"commande du README qui suppose uv : {line}"
    assert "`uv run" not in README


@pytest.mark.e2e  # a real process
def test_run_py_hands_arguments_and_stdin_to_the_project_uv(tmp_path):
    shutil.copy(PROJECT_ROOT / "run.py", tmp_path / "run.py")
    fake_uv = tmp_path / ".tools" / "bin" / "uv"
    fake_uv.parent.mkdir(parents=True)
    fake_uv.write_text('#!/bin/sh\necho "args: $*"\ncat\nexit 3\n', encoding="utf-8")
    fake_uv.chmod(0o755)
    done = subprocess.run(
        [sys.executable, str(tmp_path / "run.py"), "ask", "/pays Turquie"],
        input="ligne lue\n",
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 3  # the bot's own exit status
    assert f"args: run --quiet --project {tmp_path} python -m bot ask /pays Turquie" in done.stdout
    assert "ligne lue" in done.stdout


def test_readme_documents_admin_commands_and_every_setting():
    for command in ("`/publier", "`/recharger`"):
        assert command in README
    source = (PROJECT_ROOT / "bot" / "config.py").read_text(encoding="utf-8")
    variables = set(re.findall(r'env\.get\("([A-Z_]+)"', source))
    assert variables, "config.py reads no variable?"
    for variable in variables:
        assert f"`{variable}`" in README, f"{variable} manque dans le README"


def test_every_contributor_document_is_linked_from_the_readme_and_every_link_resolves():
    docs = sorted(path.name for path in (PROJECT_ROOT / "docs").glob("*.md"))
    assert docs, "docs/ holds the contributors' documentation"
    # a document is reached from the README, directly or through one it links (the curation
    # journal, docs/curation-journal.md, through the guide docs/curation.md)
    linked = {name for name in docs if f"](docs/{name})" in README}
    for name in sorted(linked):
        text = (PROJECT_ROOT / "docs" / name).read_text(encoding="utf-8")
        for target in re.findall(r"\]\(([\w.-]+\.md)(?:#[^)]*)?\)", text):
            assert (PROJECT_ROOT / "docs" / target).is_file(), f"lien mort dans {name} : {target}"
            linked.add(target)
    for name in docs:
        assert name in linked, f"docs/{name} n'est pas lié depuis le README"
    for target in re.findall(r"\]\((docs/[^)#]+)\)", README):
        assert (PROJECT_ROOT / target).is_file(), f"lien mort dans le README : {target}"
