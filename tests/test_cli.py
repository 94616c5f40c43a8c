"""The command line: check, ask, console, and the default run without a token."""

import io
import os
import subprocess
import sys

from bot.cli import main
from bot.console import run_console
from bot.engine.index import Index
from bot.paths import PROJECT_ROOT


def run(*args, env_extra=None, stdin=""):
    env = {k: v for k, v in os.environ.items() if k != "TELEGRAM_BOT_TOKEN"}
    env.update(env_extra or {})
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        input=stdin,
        env=env,
        timeout=60,
    )


def test_ask_prints_the_card_with_a_quote():
    result = run("ask", "/pays turquie")
    assert result.returncode == 0, result.stderr
    assert "TURQUIE" in result.stdout and "« " in result.stdout and "— " in result.stdout


def test_ask_html_prints_telegram_html():
    result = run("ask", "--html", "/pays turquie")
    assert "<blockquote" in result.stdout and "<b>" in result.stdout


def test_no_token_starts_the_console():
    result = run(stdin="/pays UK\n1\n")
    assert result.returncode == 0, result.stderr
    assert "Console du bot" in result.stdout and "ROYAUME-UNI" in result.stdout
    assert "chronologie — 🇬🇧 royaume-uni" in result.stdout.lower()  # button 1 pressed


def test_check_subcommand_exit_status():
    assert run("check").returncode == 0


def test_broken_content_is_reported_not_raised(tmp_path, capsys):
    (tmp_path / "x.yaml").write_text("events: 3\n", encoding="utf-8")
    assert main(["--content", str(tmp_path), "ask", "/aide"]) == 1
    assert "Impossible de charger la base de faits" in capsys.readouterr().err


def test_console_handles_numbers_plain_text_and_end_of_input(five_base):
    # the frozen five articles: what « drones » opens is the question reader's to test
    # (tests/test_theme_alias_i23x.py), not something a curator's article may change here
    lines = iter(["/timeline", "99", "1", "drones", "/quitter"])
    out = io.StringIO()
    assert run_console(Index(five_base), lambda prompt: next(lines), out) == 0
    text = out.getvalue()
    assert "Choisissez un numéro entre 1 et " in text
    assert "Page 1/" in text and "Compris : drones" in text
    searched = text.split("Compris : drones", 1)[1].lower()
    assert "« " in searched and "drone" in searched  # a quote about drones answers it
