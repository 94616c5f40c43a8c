"""Render a Reply as plain terminal text (the console, ``ask``, and debugging)."""

from __future__ import annotations

import textwrap

from bot.engine.reply import Item, Para, Quote, Reply
from bot.render.html import MARKS

WIDTH = 100


def render_text(reply: Reply, width: int = WIDTH) -> str:
    """The reply as readable text; buttons become numbered choices."""
    lines: list[str] = []
    sources: dict[str, str] = {}
    for block in reply.blocks:
        if isinstance(block, Quote):
            sources.setdefault(block.source or block.attribution, block.attribution)
    keys = list(sources)
    for block in reply.blocks:
        if isinstance(block, Para):
            if block.style == "title":
                lines += ["", block.text.upper() if len(block.text) < 60 else block.text]
            elif block.style == "note":
                lines += textwrap.wrap(f"({block.text})", width) or [""]
            else:
                lines += textwrap.wrap(block.text, width) or [""]
        elif isinstance(block, Item):
            head = "• " if block.label == "•" else f"• {block.label} — "
            lines += textwrap.wrap(head + block.text, width, subsequent_indent="    ") or [head]
        else:
            position = keys.index(block.source or block.attribution)
            mark = f" {_mark(position)}" if len(keys) > 1 else ""
            lines += textwrap.wrap(
                f"« {block.text} »{mark}",
                width,
                initial_indent="    ",
                subsequent_indent="      ",
            )
    if len(keys) == 1:
        lines += ["", *textwrap.wrap(f"Source des citations : {sources[keys[0]]}", width)]
    elif keys:
        lines += ["", "Sources des citations :"]
        for position, key in enumerate(keys):
            lines += textwrap.wrap(
                f"{_mark(position)} {sources[key]}",
                width,
                initial_indent="  ",
                subsequent_indent="    ",
            )
    number = 0
    for row in reply.buttons:
        for button in row:
            number += 1
            lines.append(f"  [{number}] {button.label}")
    return "\n".join(lines).strip("\n")


def _mark(position: int) -> str:
    return MARKS[position] if position < len(MARKS) else f"({position + 1})"
