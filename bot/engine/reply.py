"""Replies as plain data: blocks of text, quotes, buttons and page information."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from bot.engine.routes import LIMIT, fits


@dataclass(frozen=True, slots=True)
class Para:
    """A paragraph: a title, plain text, or a muted note."""

    text: str
    style: Literal["title", "plain", "note"] = "plain"


@dataclass(frozen=True, slots=True)
class Item:
    """A bullet with a bold label, e.g. a date and what happened then."""

    label: str
    text: str
    ref: int = 0
    """The number shown before the line when a folded group of quotes after it refers to it
    (« 2. » on the line and on its quotes): a quote never reads as its neighbour's."""
    entry: str = ""
    """The id of the entry the line states (not shown): the quotes under the line, or under
    its ``ref``, are that entry's evidence (``tests/quote_lines.py`` checks it)."""


@dataclass(frozen=True, slots=True)
class Quote:
    """An article's own words and where they come from."""

    text: str
    attribution: str
    source: str = ""
    """The source's id: quotes of one source share one attribution in a message."""
    open: bool = False
    """Shown in full even when it is not the message's first quote: it carries the answer
    (« … contre ce projet » under the sentence naming the project)."""
    cut_before: bool = False
    """The article's sentence starts before the quote: shown after « … »."""
    cut_after: bool = False
    """The article's sentence goes on after the quote: shown before « … »."""


def cut_text(quote: Quote) -> str:
    """The quote's words as shown: « … » where the article's sentence was cut."""
    before = "… " if quote.cut_before else ""
    after = " …" if quote.cut_after else ""
    return f"{before}{quote.text}{after}"


@dataclass(frozen=True, slots=True)
class QuoteGroup:
    """A list page's key quotes gathered in one folded block at the end of the message,
    each with the number of the line (1 for the page's first) it supports."""

    quotes: tuple[tuple[int, Quote], ...]


Block = Para | Item | Quote | QuoteGroup


def numbered(group: QuoteGroup) -> list[tuple[str, Quote]]:
    """A group's quotes as shown: each sentence once, after the numbers of every line it
    supports (« 1, 2. « … » » for a sentence key to two lines), where it first comes; a quote
    that is a piece of a longer one of the group is shown within it (issue 22, fidelity class
    2: the same sentence never twice in one block)."""
    keys = [(quote.source, " ".join(quote.text.split())) for _, quote in group.quotes]

    def whole(key: tuple[str, str]) -> tuple[str, str]:  # the longest of its source holding it
        return max((o for o in keys if o[0] == key[0] and key[1] in o[1]), key=lambda o: len(o[1]))

    numbers: dict[tuple[str, str], list[int]] = {}  # in the order the quotes first come
    for (number, _), key in zip(group.quotes, keys, strict=True):
        found = numbers.setdefault(whole(key), [])
        if number not in found:
            found.append(number)
    quotes = {key: quote for (_, quote), key in zip(group.quotes, keys, strict=True)}
    return [(", ".join(map(str, sorted(found))), quotes[key]) for key, found in numbers.items()]


def texts(block: Block) -> list[str]:
    """The texts a block shows: its own, or each quote of a group."""
    if isinstance(block, QuoteGroup):
        return [quote.text for _, quote in block.quotes]
    return [block.text]


@dataclass(frozen=True, slots=True)
class Button:
    """A button: its label and the short callback data it sends back."""

    label: str
    data: str

    def __post_init__(self) -> None:
        if not fits(self.data):  # routes.Route.build says it first
            raise ValueError(f"callback data over {LIMIT} bytes or not ASCII: {self.data!r}")


@dataclass(frozen=True, slots=True)
class Page:
    """Which page of how many a paginated reply shows."""

    number: int
    total: int


@dataclass(frozen=True, slots=True)
class Reply:
    """One answer: blocks to show, rows of buttons, and its page when paginated."""

    blocks: tuple[Block, ...]
    buttons: tuple[tuple[Button, ...], ...] = ()
    page: Page | None = None
    found: bool = True
    """False when the question matched nothing (the reply then says so)."""
    fold_quotes: bool = False
    """Fold every quote, the first one too (a card whose key quotes alone fill a screen)."""
    edit: bool = False
    """True for a page turned by ◀ ▶ (or « ◀ Fiche »): it replaces the message it came from;
    every other button's answer arrives as a new message."""
    follow: str | None = None
    """What the card is about, as a subscription id (``acteur:TR``): « 🔔 Suivre » button."""
    quotes: int = field(init=False, default=0)

    def __post_init__(self) -> None:
        shown = sum(
            1 if isinstance(b, Quote) else len(b.quotes) if isinstance(b, QuoteGroup) else 0
            for b in self.blocks
        )
        object.__setattr__(self, "quotes", shown)
        object.__setattr__(self, "buttons", distinct_buttons(self.buttons))


def distinct_buttons(rows: tuple[tuple[Button, ...], ...]) -> tuple[tuple[Button, ...], ...]:
    """The rows with no two buttons alike on screen: a button that repeats an earlier one
    (same label, same data) is dropped, and a label that an earlier button with other data
    already bears gets its rank (« … (2) »), so a reader never sees two buttons they cannot
    tell apart. Empty rows are dropped."""
    seen: dict[str, set[str]] = {}
    kept_rows: list[tuple[Button, ...]] = []
    for row in rows:
        kept: list[Button] = []
        for button in row:
            datas = seen.setdefault(button.label, set())
            if button.data in datas:
                continue
            label = button.label if not datas else f"{button.label} ({len(datas) + 1})"
            datas.add(button.data)
            kept.append(button if label == button.label else Button(label, button.data))
        if kept:
            kept_rows.append(tuple(kept))
    return tuple(kept_rows)
