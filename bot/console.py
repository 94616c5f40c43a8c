"""The console adapter: the same answers as Telegram, rendered as terminal text."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from datetime import date
from typing import TextIO

from bot.engine import routes
from bot.engine.commands import STALE, callback, picture_command
from bot.engine.index import Index
from bot.engine.pictures import Picture, picture, timeline_turn
from bot.engine.questions import respond, respond_in_thread
from bot.engine.reply import Reply
from bot.engine.thread import Threads
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
    if not routes.FRIEZE.owns(data):
        return None
    turn = routes.FRIEZE.parse(data)
    found = timeline_turn(index, int(turn[0]), turn[1]) if turn is not None else None
    if found is None:
        return STALE, ""
    from bot.image.files import write_picture

    path = write_picture(found)
    return found.caption, f"Image écrite dans {path}"


NEXT_MESSAGE = "\n\n--- message suivant ---\n\n"
"""Between two messages of one answer (``--html``)."""
CONSOLE_CHAT = 0
"""The console is one chat with one person, for follow-ups."""


def ask(
    index: Index,
    question: str,
    as_html: bool = False,
    today: date | None = None,
    threads: Threads | None = None,
) -> str:
    """One answer (a command, a plain question or a picture), as terminal text or HTML;
    with ``threads``, a follow-up (« et en 2025 ? ») continues the previous question."""
    drawn = picture_answer(index, question)
    reply = drawn[0] if drawn else _respond(index, question, today, threads)
    if drawn and drawn[1]:
        text = NEXT_MESSAGE.join(render_html(reply)) if as_html else render_text(reply)
        return f"{text}\n\n{drawn[1]}"
    if as_html:
        return NEXT_MESSAGE.join(render_html(reply))
    return render_text(reply)


def _respond(index: Index, text: str, today: date | None, threads: Threads | None) -> Reply:
    if threads is None:
        return respond(index, text, today)
    now = time.monotonic()
    previous = threads.recall(CONSOLE_CHAT, CONSOLE_CHAT, now)
    reply, asked = respond_in_thread(index, text, today, previous)
    threads.remember(CONSOLE_CHAT, CONSOLE_CHAT, now, asked)
    return reply


def conversation(
    index: Index,
    lines: Iterable[str],
    out: TextIO,
    as_html: bool = False,
    today: date | None = None,
) -> int:
    """One question a line, asked as one person in one chat (follow-ups continue the previous
    question); each answer after a marker line « ===== question N : … ===== »."""
    threads = Threads()
    number = 0
    for line in lines:
        question = line.strip()
        if not question:
            continue
        number += 1
        print(f"===== question {number} : {question} =====", file=out)
        print(ask(index, question, as_html, today, threads), file=out)
        print(file=out)
    return 0


def run_console(
    index: Index, read: Callable[[str], str], out: TextIO, today: date | None = None
) -> int:
    """Read commands until end of input; a number presses a button of the last reply."""
    print("Console du bot — tapez /aide, un numéro pour un bouton, Ctrl-D pour quitter.", file=out)
    last: Reply | None = None
    threads = Threads()
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
            last = _respond(index, line, today, threads)
        print(render_text(last), file=out)
        print(file=out)
