"""One pagination helper for every paged view: which slice a page shows, and its ◀ ▶ row."""

from __future__ import annotations

from collections.abc import Callable

from bot.engine.reply import Button

EARLIER = "◀ Précédent"
LATER = "Suivant ▶"


def window(total: int, per_page: int, page: int) -> tuple[int, int, int, int]:
    """``(page, start, stop, pages)``: ``page`` brought within 1..pages (one page at least),
    and the slice of the ``total`` items it shows."""
    pages = max(1, -(-total // per_page))
    page = min(max(page, 1), pages)
    start = (page - 1) * per_page
    return page, start, min(total, start + per_page), pages


def turns(
    page: int, pages: int, data: Callable[[int], str | None], later: str = LATER
) -> tuple[Button, ...] | None:
    """The ◀ ▶ buttons to the pages around ``page`` (``data(n)`` is page n's data), or None
    when one of them cannot fit Telegram's limit (the view then says how to see the rest)."""
    wanted = [(EARLIER, page - 1)] if page > 1 else []
    wanted += [(later, page + 1)] if page < pages else []
    buttons = []
    for label, number in wanted:
        found = data(number)
        if found is None:
            return None
        buttons.append(Button(label, found))
    return tuple(buttons)
