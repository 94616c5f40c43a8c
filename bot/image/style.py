"""Colours and sizes shared by the map and the timeline chart (one legend convention)."""

from __future__ import annotations

CATEGORY_COLOURS = {
    "home": "#f2b705",
    "accord": "#1f5fa8",
    "organisation": "#1e8f5a",
    "mediateur": "#7d3c98",
    "menace": "#c8102e",
    "mention": "#d6b98c",
}
"""Relation category → fill colour (distinct for the common colour-vision deficiencies)."""
LAND = "#e6e6e6"
SEA = "#dceaf6"
BORDER = "#ffffff"
INK = "#1f1f1f"
MUTED = "#555555"
WIDTH_PX = 1280
"""Both pictures are 1,280 pixels wide: readable on a phone once opened."""
DPI = 100
TITLE_SIZE = 28
TEXT_SIZE = 18
SMALL_SIZE = 16
KIND_COLOURS = (
    "#1f5fa8",
    "#c8102e",
    "#1e8f5a",
    "#e07b00",
    "#7d3c98",
    "#00838f",
    "#8d6e63",
    "#ad1457",
    "#546e7a",
    "#827717",
    "#283593",
    "#4e342e",
)
"""One colour per kind of entry on the timeline, in order of first appearance."""
