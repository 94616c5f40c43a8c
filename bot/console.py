"""The console adapter: the same answers as Telegram, rendered as terminal text."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TextIO

from bot.engine.commands import STALE, callback, picture_command
from bot.engine.index import Index
from bot.engine.pictures import Picture, picture, timeline_turn
from bot.engine.questions import respond
from bot.engine.reply import Reply
from bot.render.html import render_html
from bot.render.text import render_text


def picture_answer(index: Index, text: str) -> tuple[Reply, str] | None:
    """For /carte and /frise: the caption and where the PNG was written; None otherwise.

    matplotlib is imported only here, when a picture is asked for.
    """
    asked = picture_command(text)
    if asked is None:
        return None
    found = picture(index, *asked)
    if not isinstance(found, Picture):
        return found, ""
    from bot.image.files import write_picture

    path = write_picture(found)
    return found.caption, f"Image écrite dans {path}"


def turn_answer(index: Index, data: str) -> tuple[Reply, str] | None:
    """A « fr:<page>:<filtre> » button (◀ ▶ under /frise): that page's caption and where its
    PNG was written, as Telegram edits the photo; None for other buttons."""
    if not data.startswith("fr:"):
        return None
    found = timeline_turn(index, data)
    if found is None:
        return STALE, ""
    from bot.image.files import write_picture

    path = write_picture(found)
    return found.caption, f"Image écrite dans {path}"


def ask(index: Index, question: str, as_html: bool = False, today: date | None = None) -> str:
    """One answer (a command, a plain question or a picture), as terminal text or HTML."""
    drawn = picture_answer(index, question)
    reply = drawn[0] if drawn else respond(index, question, today)
    if drawn and drawn[1]:
        text = (
            "\n\n--- message suivant ---\n\n".join(render_html(reply))
            if as_html
            else render_text(reply)
        )
        return f"{text}\n\n{drawn[1]}"
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
            data = buttons[choice - 1].data
            if turned := turn_answer(index, data):  # ◀ ▶ under /frise: another picture
                last, where = turned
                if where:
                    print(where, file=out)
            else:
                last = callback(index, data)
        elif drawn := picture_answer(index, line):
            last, where = drawn
            if where:
                print(where, file=out)
        else:
            last = respond(index, line, today)
        print(render_text(last), file=out)
        print(file=out)
