"""Render a Reply as plain terminal text (the console, ``ask``, and debugging)."""

from __future__ import annotations

import textwrap

from bot.engine.reply import Item, Para, Quote, QuoteGroup, Reply, cut_text, numbered
from bot.render.html import mark_of

WIDTH = 100


def render_text(reply: Reply, width: int = WIDTH) -> str:
    """The reply as readable text; buttons become numbered choices."""
    lines: list[str] = []
    sources: dict[str, str] = {}
    for block in reply.blocks:
        quotes = [block] if isinstance(block, Quote) else []
        if isinstance(block, QuoteGroup):
            quotes = [quote for _, quote in block.quotes]
        for quote in quotes:
            sources.setdefault(quote.source or quote.attribution, quote.attribution)
    keys = list(sources)
    for block in reply.blocks:
        if isinstance(block, Para):
            if block.style == "title":
                lines += ["", block.text.upper() if len(block.text) < 60 else block.text]
            elif block.style == "note":
                lines += textwrap.wrap(f"({block.text})", width) or [""]
            else:
                lines += textwrap.wrap(block.text, width) or [""]
        elif isinstance(block, QuoteGroup):  # a list page's quotes, after its lines
            lines += ["", "Citations (par ligne) :"]
            for numbers, quote in numbered(block):
                key = quote.source or quote.attribution
                mark = f" {mark_of(keys.index(key))}" if len(keys) > 1 else ""
                lines += textwrap.wrap(
                    f"{numbers}. « {cut_text(quote)} »{mark}",
                    width,
                    initial_indent="  ",
                    subsequent_indent="     ",
                )
        elif isinstance(block, Item):
            bullet = f"{block.ref}." if block.ref else "•"
            head = f"{bullet} " if block.label == "•" else f"{bullet} {block.label} — "
            lines += textwrap.wrap(head + block.text, width, subsequent_indent="    ") or [head]
        else:
            position = keys.index(block.source or block.attribution)
            mark = f" {mark_of(position)}" if len(keys) > 1 else ""
            lines += textwrap.wrap(
                f"« {cut_text(block)} »{mark}",
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
                f"{mark_of(position)} {sources[key]}",
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
