"""Render a Reply as Telegram HTML messages, each within Telegram's 4096-character limit."""

from __future__ import annotations

import html

from bot.engine.reply import Block, Item, Para, Reply

MESSAGE_LIMIT = 4096


def _esc(text: str) -> str:
    return html.escape(text, quote=False)


def _wrap(block: Block, text: str) -> str:
    """One block's HTML for ``text`` (the block's text or a piece of it)."""
    if isinstance(block, Para):
        if block.style == "title":
            return f"\n<b>{_esc(text)}</b>"
        if block.style == "note":
            return f"<i>{_esc(text)}</i>"
        return _esc(text)
    if isinstance(block, Item):
        if block.label == "•":
            return f"• {_esc(text)}"
        return f"• <b>{_esc(block.label)}</b> — {_esc(text)}"
    return f"<blockquote>{_esc(text)}</blockquote>\n<i>— {_esc(block.attribution)}</i>"


def _words(text: str, budget: int) -> list[str]:
    """Words of ``text``; a word too long for ``budget`` once escaped is cut in parts."""
    words: list[str] = []
    for word in text.split(" "):
        while len(_esc(word)) > budget:
            cut = budget // 6  # "&amp;" is the longest escape: 5 characters for 1
            words.append(word[:cut])
            word = word[cut:]
        words.append(word)
    return words


def _pieces(block: Block, limit: int) -> list[str]:
    """The block as one or more HTML chunks each within ``limit`` characters."""
    whole = _wrap(block, block.text)
    if len(whole) <= limit:
        return [whole]
    budget = limit - len(_wrap(block, "")) - 8
    chunks: list[str] = []
    current = ""
    for word in _words(block.text, budget):
        candidate = f"{current} {word}" if current else word
        if current and len(_esc(candidate)) > budget:
            chunks.append(current)
            current = word
        else:
            current = candidate
    if current:
        chunks.append(current)
    return [_wrap(block, chunk) for chunk in chunks]


def render_html(reply: Reply, limit: int = MESSAGE_LIMIT) -> list[str]:
    """The reply's messages in Telegram HTML, split between blocks, never inside a tag."""
    messages: list[str] = []
    current = ""
    for block in reply.blocks:
        for piece in _pieces(block, limit):
            candidate = f"{current}\n{piece}" if current else piece
            if len(candidate.strip()) <= limit:
                current = candidate
            else:
                messages.append(current.strip())
                current = piece
    if current.strip():
        messages.append(current.strip())
    return messages or ["…"]
