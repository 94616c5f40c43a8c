"""The last command reply kept, so that a question builds the reply of its command once.

A question's reading tries the command it understood (« is anything found? ») and its answer
then shows that same reply.

At ×1000, « qu'a signé le Royaume-Uni ? » lists about a thousand agreements: building that
list twice was a third of the question's time. Only the very last reply is kept, for the
same index (held weakly: a reload lets the old one go), the same command text and the same
given day; a reply is immutable, so handing it out twice changes nothing."""

from __future__ import annotations

import weakref
from datetime import date

from bot.engine.commands import answer
from bot.engine.index import Index
from bot.engine.reply import Reply

_last: tuple[weakref.ref[Index], str, date, Reply] | None = None


def command_answer(index: Index, text: str, today: date | None) -> Reply:
    """``answer(index, text, today)``, the same reply object when it was the last one asked
    (never kept without a given day: the command would then read the clock)."""
    global _last
    last = _last
    if today is not None and last is not None:
        ref, asked, day, reply = last
        if ref() is index and asked == text and day == today:
            return reply
    reply = answer(index, text, today)
    if today is not None:
        _last = (weakref.ref(index), text, today, reply)
    return reply
