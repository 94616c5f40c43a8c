"""Draw one page of the timeline (matplotlib, Agg), read top to bottom on a phone: a vertical
line with one marker per entry (colour: its category; shape: how its date is known), the date
in bold, the label under it, then the footnotes saying where inferred dates come from and a
legend of only what the page shows."""

from __future__ import annotations

from dataclasses import dataclass

from bot.engine.pictures import TimelineSpec
from bot.image.layout import Drawn, Sheet
from bot.image.style import (
    INK,
    LINE,
    MUTED,
    TEXT_SIZE,
    TIMELINE_CATEGORIES,
    TITLE_SIZE,
    WIDTH_PX,
)

MARGIN = 44
"""Pixels left blank on each side and at the top and bottom."""
AXIS_X = MARGIN + 22
"""Where the vertical line and the markers are."""
TEXT_X = AXIS_X + 44
"""Where dates and labels start."""
ROW_GAP = 34
"""Pixels between two entries."""
MARKERS = {
    "texte": ("o", True),
    "déduit": ("o", False),
    "rapporté": ("D", True),
    "prévu": ("s", False),
}
"""Date basis → marker shape and whether it is filled."""
BASIS_LEGEND = {
    "texte": "date donnée par l'article",
    "déduit": "date déduite (origine en note)",
    "rapporté": "date de l'article qui le rapporte",
    "prévu": "prévu ou proposé pour cette date, pas un fait",
}


@dataclass(frozen=True, slots=True)
class RenderedTimeline:
    """The PNG, its size, and every text drawn (with its size and box)."""

    png: bytes
    size: tuple[int, int]
    texts: tuple[Drawn, ...]


def render_timeline(spec: TimelineSpec) -> RenderedTimeline:
    """Draw ``spec`` as a 1,080-pixel-wide PNG as tall as its content."""
    sheet = Sheet()
    width = WIDTH_PX - TEXT_X - MARGIN
    y = float(MARGIN)
    y += sheet.text(
        MARGIN, y, spec.title, TITLE_SIZE, WIDTH_PX - 2 * MARGIN, weight="bold", role="title"
    )
    y += 8
    y += sheet.text(
        MARGIN, y, spec.footer, TEXT_SIZE, WIDTH_PX - 2 * MARGIN, colour=MUTED, role="footer"
    )
    y += ROW_GAP
    first_marker = last_marker = y
    for number, mark in enumerate(spec.marks):
        category = TIMELINE_CATEGORIES.get(mark.kind, TIMELINE_CATEGORIES["autre"])
        centre = y + TEXT_SIZE * LINE / 2
        if number == 0:
            first_marker = centre
        last_marker = centre
        shape, filled = MARKERS.get(mark.basis, ("o", True))
        sheet.mark(AXIS_X, centre, shape, filled, category.colour)
        y += sheet.text(TEXT_X, y, mark.when, TEXT_SIZE, width, weight="bold", role="date")
        y += sheet.text(TEXT_X, y, mark.label, TEXT_SIZE, width, role="label")
        y += ROW_GAP
    sheet.line(AXIS_X, first_marker, AXIS_X, last_marker, colour=MUTED, width=3)
    if spec.notes:
        sheet.line(MARGIN, y, WIDTH_PX - MARGIN, y, colour=MUTED, width=1.5)
        y += 16
        for note in spec.notes:
            y += sheet.text(
                MARGIN, y, note, TEXT_SIZE, WIDTH_PX - 2 * MARGIN, colour=MUTED, role="note"
            )
        y += ROW_GAP
    y = _legend(sheet, spec, y)
    height = int(y + MARGIN)
    figure = sheet.figure(height)
    png, texts = sheet.draw(figure)
    return RenderedTimeline(png, (WIDTH_PX, height), texts)


def _legend(sheet: Sheet, spec: TimelineSpec, y: float) -> float:
    """Only the categories and date kinds this page shows, in the scheme's fixed order."""
    kinds = {mark.kind for mark in spec.marks}
    bases = {mark.basis for mark in spec.marks}
    width = WIDTH_PX - TEXT_X - MARGIN
    row = TEXT_SIZE * LINE
    for kind, category in TIMELINE_CATEGORIES.items():
        if kind not in kinds:
            continue
        sheet.mark(AXIS_X, y + row / 2, "s", True, category.colour, size=30)
        y += sheet.text(TEXT_X, y, category.label, TEXT_SIZE, width, role="legend")
    for basis, text in BASIS_LEGEND.items():
        if basis not in bases:
            continue
        shape, filled = MARKERS[basis]
        sheet.mark(AXIS_X, y + row / 2, shape, filled, INK)
        y += sheet.text(TEXT_X, y, text, TEXT_SIZE, width, role="legend")
    return y
