"""The core never imports telegram: only bot/telegram/ (the adapter) and the CLI's lazy imports."""

import ast

from bot.paths import PROJECT_ROOT


def test_core_modules_do_not_import_telegram():
    offenders = []
    for path in (PROJECT_ROOT / "bot").rglob("*.py"):
        relative = path.relative_to(PROJECT_ROOT).as_posix()
        if relative.startswith("bot/telegram/"):
            continue
        text = path.read_text(encoding="utf-8")
        if "telegram" not in text:
            continue  # no import of it can be written without the word
        tree = ast.parse(text)
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            else:
                continue
            if any(name == "telegram" or name.startswith("telegram.") for name in names):
                offenders.append(relative)
    assert offenders == []
