"""Render a Reply as Telegram HTML messages, each within Telegram's 4096-character limit.

Phone-first: the first quote of a message shows in full, the others are folded
(``<blockquote expandable>``, a tap opens them) unless marked ``open`` (one that carries the
answer); each source is attributed once per message,
in a footer, with a mark (①, ②…) after its quotes when the message cites several. Messages
break between sections (a bold title starts one), never inside one unless a section alone is
too long; a message that continues a section says so, so every message stands on its own.
"""

from __future__ import annotations

import html
import re
from dataclasses import replace

from bot.engine.reply import Block, Item, Para, Quote, QuoteGroup, Reply, cut_text, numbered

MESSAGE_LIMIT = 4096
MARKS = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_TAG = re.compile(r"<[^>]+>")


def _esc(text: str) -> str:
    return html.escape(text, quote=False)


FOLDED_SHOWN = 150
"""Characters a folded quote shows before it is tapped open: about three lines on a phone."""
_FOLDED = re.compile(r"<blockquote expandable>(.*?)</blockquote>", re.DOTALL)


def visible_length(message: str) -> int:
    """How many characters a reader sees on opening the message: the HTML without its tags,
    entities decoded, each folded quote counted for what it shows until tapped."""
    folded = 0

    def fold_quote(match: re.Match[str]) -> str:
        nonlocal folded
        folded += min(len(html.unescape(match.group(1))), FOLDED_SHOWN)
        return ""

    rest = _FOLDED.sub(fold_quote, message)
    return len(html.unescape(_TAG.sub("", rest))) + folded


def _sources(blocks: list[Block]) -> dict[str, str]:
    """Each distinct source of the message's quotes (by id, else attribution) → attribution."""
    found: dict[str, str] = {}
    for block in blocks:
        for quote in _quotes_of(block):
            found.setdefault(quote.source or quote.attribution, quote.attribution)
    return found


def _quotes_of(block: Block) -> list[Quote]:
    """The quotes a block shows: itself, a group's, or none."""
    if isinstance(block, Quote):
        return [block]
    if isinstance(block, QuoteGroup):
        return [quote for _, quote in block.quotes]
    return []


def mark_of(position: int) -> str:
    """The mark of a message's ``position``-th source: ①, ②… then (21), (22)…"""
    return MARKS[position] if position < len(MARKS) else f"({position + 1})"


def _group_html(group: QuoteGroup, keys: list[str], footer: str = "") -> str:
    """A list page's quotes in one folded block, each after the number of its line and,
    when the message cites several sources, before its source's mark; ``footer`` (who said
    them) closes the block when the message has no other quote."""
    lines = []
    for numbers, quote in numbered(group):
        mark = f" {mark_of(keys.index(quote.source or quote.attribution))}" if len(keys) > 1 else ""
        lines.append(f"{numbers}. « {_esc(cut_text(quote))} »{mark}")
    if footer:
        lines.append(footer)
    return "<blockquote expandable>" + "\n".join(lines) + "</blockquote>"


def _footer(sources: dict[str, str]) -> str:
    """Who said the quoted words: one line naming each source once, marked when several."""
    if len(sources) > 1:
        cited = " ; ".join(
            f"{mark_of(n)} {attribution}" for n, attribution in enumerate(sources.values())
        )
        return f"<i>Sources des citations : {_esc(cited)}</i>"
    return f"<i>Source des citations : {_esc(next(iter(sources.values())))}</i>"


def _block_html(block: Para | Item | Quote, text: str, folded: bool, mark: str) -> str:
    """One block's HTML for ``text`` (the block's text or a piece of it)."""
    if isinstance(block, Para):
        if block.style == "title":
            return f"\n<b>{_esc(text)}</b>"
        if block.style == "note":
            return f"<i>{_esc(text)}</i>"
        return _esc(text)
    if isinstance(block, Item):
        bullet = f"{block.ref}." if block.ref else "•"
        if block.label == "•":
            return f"{bullet} {_esc(text)}"
        return f"{bullet} <b>{_esc(block.label)}</b> — {_esc(text)}"
    if block.cut_before or block.cut_after:
        text = cut_text(replace(block, text=text))
    tag = "<blockquote expandable>" if folded else "<blockquote>"
    suffix = f" <i>{mark}</i>" if mark else ""
    return f"{tag}{_esc(text)}</blockquote>{suffix}"


def _message(blocks: list[Block], fold_all: bool = False) -> str:
    """One message's HTML: its blocks, then who said the quoted words."""
    sources = _sources(blocks)
    keys = list(sources)
    several = len(keys) > 1
    parts: list[str] = []
    quotes = 0
    groups = [block for block in blocks if isinstance(block, QuoteGroup)]
    # a list page whose quotes are all folded names their sources inside the fold, after them
    inside = bool(groups) and not any(isinstance(block, Quote) for block in blocks)
    for block in blocks:
        if isinstance(block, QuoteGroup):
            last = inside and block is groups[-1]
            parts.append(_group_html(block, keys, _footer(sources) if last else ""))
            continue
        mark = ""
        if isinstance(block, Quote) and several:
            position = keys.index(block.source or block.attribution)
            mark = MARKS[position] if position < len(MARKS) else f"({position + 1})"
        opened = isinstance(block, Quote) and block.open and not fold_all
        parts.append(_block_html(block, block.text, not opened and (fold_all or quotes > 0), mark))
        quotes += isinstance(block, Quote)
    if sources and not inside:
        parts.append(_footer(sources))
    return "\n".join(parts).strip()


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


def _pieces(block: Block, limit: int) -> list[Block]:
    """The block, or copies of it holding consecutive pieces of its text, each one fitting
    (a group of quotes: groups of whole quotes, a quote too long alone cut in pieces)."""
    if len(_message([block])) <= limit:
        return [block]
    if isinstance(block, QuoteGroup):
        return _group_pieces(block, limit)
    overhead = len(_message([_with_text(block, "")]))
    budget = max(limit - overhead - 8, 16)
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
    return [_with_text(block, chunk) for chunk in chunks]


def _group_pieces(group: QuoteGroup, limit: int) -> list[Block]:
    """Consecutive groups of the quotes, each fitting ``limit``; a quote too long alone is
    cut in pieces, each still after the number of its line."""
    found: list[Block] = []
    current: list[tuple[int, Quote]] = []
    for number, quote in group.quotes:
        if current and len(_message([QuoteGroup((*current, (number, quote)))])) > limit:
            found.append(QuoteGroup(tuple(current)))
            current = []
        if len(_message([QuoteGroup(((number, quote),))])) > limit:
            for piece in _pieces(quote, limit - 40):
                if isinstance(piece, Quote):
                    found.append(QuoteGroup(((number, piece),)))
            continue
        current.append((number, quote))
    if current:
        found.append(QuoteGroup(tuple(current)))
    return found


def _with_text(block: Block, text: str) -> Block:
    if isinstance(block, QuoteGroup):
        return block
    if isinstance(block, Para):
        return Para(text, block.style)
    if isinstance(block, Item):
        return replace(block, text=text)
    return replace(block, text=text)


def sections(blocks: tuple[Block, ...]) -> list[list[Block]]:
    """The blocks cut before each title: a reply's sections, in order."""
    found: list[list[Block]] = []
    for block in blocks:
        if not found or (isinstance(block, Para) and block.style == "title"):
            found.append([])
        found[-1].append(block)
    return found


def _title(section: list[Block]) -> str | None:
    first = section[0]
    return first.text if isinstance(first, Para) and first.style == "title" else None


def _units(section: list[Block]) -> list[list[Block]]:
    """The section's blocks grouped as each line with the quotes that follow it."""
    units: list[list[Block]] = []
    for block in section:
        if isinstance(block, Quote) and units:
            units[-1].append(block)
        else:
            units.append([block])
    return units


SCREEN = 1200
"""Visible characters of an answer's first message: one phone screen (issue #22)."""


def _substance(blocks: list[Block]) -> bool:
    """True when ``blocks`` hold more than headings and notes: a line, an item or a quote."""
    return any(not (isinstance(b, Para) and b.style != "plain") for b in blocks)


def _first_fits(blocks: list[Block], limit: int, screen: int, fold_all: bool) -> bool:
    """True when ``blocks`` fit the first message: one screen once its quotes are folded
    (they are, when the first one open would not fit), and Telegram's limit."""
    text = _message(blocks, True)
    return len(text) <= limit and visible_length(text) <= screen


def split_blocks(
    reply: Reply, limit: int = MESSAGE_LIMIT, screen: int | None = SCREEN
) -> list[list[Block]]:
    """The reply's blocks grouped into messages: the first fits one phone screen
    (``screen`` visible characters), the others Telegram's ``limit``, whole sections when
    they fit. A message is never only headings and notes: a lone « Compris » line or a last
    message holding only a page number is joined to its neighbour."""
    groups: list[list[Block]] = []

    def fits(blocks: list[Block]) -> bool:
        if not groups and screen is not None:
            return _first_fits(blocks, limit, screen, reply.fold_quotes)
        return len(_message(blocks)) <= limit

    current: list[Block] = []
    for section in sections(reply.blocks):
        if fits(current + section):
            current += section
            continue
        if current and _substance(current):
            groups.append(current)
            current = []
            if fits(section):
                current = list(section)
                continue
        title = _title(section)
        for unit in _units(section):  # a line and its quotes stay in one message
            if current and _substance(current) and not fits([*current, *unit]):
                groups.append(current)
                current = [Para(f"{title} (suite)", "title")] if title else []
            if fits([*current, *unit]):
                current.extend(unit)
                continue
            for block in unit:  # a unit too long for any message: cut, and say so
                room = limit - 200 if groups or screen is None else min(limit - 200, screen - 200)
                for piece in _pieces(block, room):
                    if not current or fits([*current, piece]):
                        current.append(piece)
                        continue
                    groups.append(current)
                    current = [Para(f"{title} (suite)", "title")] if title else []
                    current.append(piece)
    if current:
        groups.append(current)
    groups = _no_bare_tail(groups, limit)
    return groups or [[Para("…")]]


def _no_bare_tail(groups: list[list[Block]], limit: int) -> list[list[Block]]:
    """A last message of notes only (« Page 2/5 », « Sous les boutons… ») joins the message
    before it when that is not the first (whose screen is full), else takes the first's last
    line with it — or, when that line is all the first holds, its last quote."""
    while len(groups) > 1 and not _substance(groups[-1]):
        previous, tail = groups[-2], groups[-1]
        if len(groups) > 2 and len(_message(previous + tail)) <= limit:
            groups[-2:] = [previous + tail]
            continue
        moved = _units(previous)[-1]
        if not _substance(previous[: len(previous) - len(moved)]):
            if len(moved) < 2 or not isinstance(moved[-1], Quote):
                break
            moved = moved[-1:]
        groups[-2] = previous[: len(previous) - len(moved)]
        head = 1 if tail and _title(tail) else 0  # a « (suite) » title stays on top
        groups[-1] = tail[:head] + moved + tail[head:]
    return groups


def render_html(reply: Reply, limit: int = MESSAGE_LIMIT, screen: int | None = SCREEN) -> list[str]:
    """The reply's messages in Telegram HTML, split between sections, never inside a tag;
    the first one fits a phone screen, its quotes folded when the first one open would not."""
    messages: list[str] = []
    for position, group in enumerate(split_blocks(reply, limit, screen)):
        text = _message(group, reply.fold_quotes)
        if position == 0 and screen is not None and visible_length(text) > screen:
            text = _message(group, True)
        messages.append(text)
    return messages
