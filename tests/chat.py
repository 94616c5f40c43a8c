"""Questions asked in turn by one person in one chat, for the tests of follow-ups."""

from __future__ import annotations

from datetime import date

from bot.content.model import FactBase
from bot.engine.index import Index
from bot.engine.questions import respond_in_thread
from bot.engine.reply import Reply

TODAY = date(2026, 12, 6)


def chat(base: FactBase, *questions: str) -> list[Reply]:
    """Each question asked in turn by one person in one chat."""
    index = Index(base)
    replies: list[Reply] = []
    previous = None
    for question in questions:
        reply, previous = respond_in_thread(index, question, TODAY, previous)
        replies.append(reply)
    return replies


def reply_text(reply: Reply) -> str:
    """Every block's text of ``reply``, in one line."""
    return " ".join(getattr(block, "text", "") for block in reply.blocks)
