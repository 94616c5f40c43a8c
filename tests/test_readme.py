"""The README documents every command and starts with the two quickstart commands."""

from bot.engine.commands import COMMANDS
from bot.paths import PROJECT_ROOT

README = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_lists_every_command_with_an_example():
    for command in COMMANDS:
        assert f"`/{command.name}" in README, f"/{command.name} manque dans le README"


def test_readme_starts_with_the_two_quickstart_commands():
    quickstart = README.split("```sh", 1)[1].split("```", 1)[0]
    lines = [line.split("#")[0].strip() for line in quickstart.strip().splitlines()]
    assert lines == ["uv run python -m bot", "uv run pytest"]


def test_ci_runs_the_readme_test_command():
    ci = (PROJECT_ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "uv run pytest" in ci and "uv run python -m bot check" in ci


def test_readme_documents_admin_commands_and_every_setting():
    for command in ("`/publier", "`/recharger`"):
        assert command in README
    from bot.config import load_settings  # noqa: F401  (the variables below are what it reads)

    source = (PROJECT_ROOT / "bot" / "config.py").read_text(encoding="utf-8")
    import re

    variables = set(re.findall(r'env\.get\("([A-Z_]+)"', source))
    assert variables, "config.py reads no variable?"
    for variable in variables:
        assert f"`{variable}`" in README, f"{variable} manque dans le README"
