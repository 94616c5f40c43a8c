"""Render a Reply as plain terminal text (the console, ``ask``, and debugging)."""

from __future__ import annotations

import textwrap

from bot.engine.reply import Item, Para, Reply

WIDTH = 100


def render_text(reply: Reply, width: int = WIDTH) -> str:
    """The reply as readable text; buttons become numbered choices."""
    lines: list[str] = []
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
            lines += textwrap.wrap(
                f"« {block.text} »", width, initial_indent="    ", subsequent_indent="      "
            )
            lines.append(f"      — {block.attribution}")
    number = 0
    for row in reply.buttons:
        for button in row:
            number += 1
            lines.append(f"  [{number}] {button.label}")
    return "\n".join(lines).strip("\n")
