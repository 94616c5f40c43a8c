"""The console adapter: the same answers as Telegram, rendered as terminal text."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TextIO

from bot.engine.commands import callback
from bot.engine.index import Index
from bot.engine.questions import respond
from bot.engine.reply import Reply
from bot.render.html import render_html
from bot.render.text import render_text


def ask(index: Index, question: str, as_html: bool = False, today: date | None = None) -> str:
    """One answer (a command or a plain question), as terminal text or Telegram HTML."""
    reply = respond(index, question, today)
    if as_html:
        return "\n\n--- message suivant ---\n\n".join(render_html(reply))
    return render_text(reply)


def run_console(
    index: Index, read: Callable[[str], str], out: TextIO, today: date | None = None
) -> int:
    """Read commands until end of input; a number presses a button of the last reply."""
    print("Console du bot — tapez /aide, un numéro pour un bouton, Ctrl-D pour quitter.", file=out)
    last: Reply | None = None
    while True:
        try:
            line = read("> ").strip()
        except (EOFError, KeyboardInterrupt):
            print(file=out)
            return 0
        if not line:
            continue
        if line in ("/quit", "/quitter", "/exit"):
            return 0
        buttons = [button for row in last.buttons for button in row] if last else []
        if line.isdigit() and buttons:
            choice = int(line)
            if not 1 <= choice <= len(buttons):
                print(f"Choisissez un numéro entre 1 et {len(buttons)}.", file=out)
                continue
            last = callback(index, buttons[choice - 1].data)
        else:
            last = respond(index, line, today)
        print(render_text(last), file=out)
        print(file=out)
