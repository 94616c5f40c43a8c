"""A line the articles give no date for, in the answer to a question that asks no date: shown
without its « date non indiquée » label (issue 22, phone readers of the tenth blind set: a
label that says nothing, read as noise on a phone). A question asking when keeps it: there the
missing date is the answer."""

from __future__ import annotations

from dataclasses import replace

from bot.engine.common import undated
from bot.engine.reply import Item, Reply

NO_DATE = undated(None)
"""The label of a line whose date the articles do not give (« date non indiquée »)."""


def without_undated_labels(reply: Reply, asks_when: bool) -> Reply:
    """``reply`` whose lines labelled ``NO_DATE`` show their text alone (« 2. Partenariat
    … »), unless the question ``asks_when``."""
    if asks_when or not any(isinstance(b, Item) and b.label == NO_DATE for b in reply.blocks):
        return reply
    blocks = tuple(
        replace(block, label="•") if isinstance(block, Item) and block.label == NO_DATE else block
        for block in reply.blocks
    )
    return replace(reply, blocks=blocks)
