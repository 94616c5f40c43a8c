"""One colour scheme and one type scale for every picture (map and timeline).

Colours: Paul Tol's « muted » qualitative scheme (designed to stay distinct for the common
colour-vision deficiencies), plus the yellow of his « high-contrast » scheme and greys; never black,
which the shape key (● ○ ◆ □) uses. Each category id has one colour and one
legend label, wherever it is drawn; no colour is used for two categories.

Sizes: every picture is ``WIDTH_PX`` wide and drawn at 72 dpi, so a font of N points is N
pixels tall (its em). Opened on a phone, the picture fills the screen's width: a 390-point-wide
screen (iPhone 12 to 15) shows it at 390 / ``WIDTH_PX`` points per pixel. The smallest text is
chosen so that it shows at ``PHONE_MIN_POINTS`` on that screen (see :func:`phone_points`).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Category:
    """A category as every legend shows it: its colour and its French label."""

    colour: str
    label: str


MAP_CATEGORIES: dict[str, Category] = {
    "home": Category("#DDCC77", "Azerbaïdjan"),
    "accord": Category("#332288", "Accord signé ou approuvé"),
    "organisation": Category("#44AA99", "Membre d'une organisation commune"),
    "mediateur": Category("#AA4499", "Médiateur d'un accord de l'Azerbaïdjan"),
    "menace": Category("#CC6677", "Menace selon un article"),
    "mention": Category("#BBBBBB", "Autre mention (voir le message)"),
}
"""The map's categories (same ids and wording as :data:`bot.engine.relations.CATEGORIES`)."""
TIMELINE_CATEGORIES: dict[str, Category] = {
    "accord": MAP_CATEGORIES["accord"],
    "adhesion": Category("#117733", "Adhésion, organisation"),
    "conflit": Category("#882255", "Conflit armé, sanction"),
    "parole": Category("#88CCEE", "Déclaration, proposition"),
    "rencontre": Category("#999933", "Rencontre, forum, exercice"),
    "mesure": Category("#DDAA33", "Mesure économique"),
    "autre": Category("#777777", "Autre événement"),
}
"""The timeline's categories; « accord » is the map's, colour and label."""
LAND = "#F1F1F1"
SEA = "#E4EEF5"
BORDER = "#FFFFFF"
INK = "#1F1F1F"
MUTED = "#4A4A4A"
WIDTH_PX = 1080
"""Every picture is 1,080 pixels wide (a phone screen's pixel width)."""
DPI = 72
"""At 72 dpi a font size in points is its height in pixels."""
PHONE_WIDTH_POINTS = 390
"""The phone screen the pictures are designed for: 390 points wide."""
PHONE_MIN_POINTS = 16.0
"""Smallest text on that screen: Telegram's body text (16 on Android, 17 on iOS by default);
the lower of the two, since a picture is read as a whole, not in running lines."""
TEXT_SIZE = 45
"""Body text of the pictures, in pixels: 45 × 390 / 1,080 = 16.25 points on the phone."""
TITLE_SIZE = 54
LINE = 1.22
"""Line spacing of wrapped text."""


def phone_points(font_pixels: float, width_px: int = WIDTH_PX) -> float:
    """How tall a font of ``font_pixels`` (em) looks, in points, on the 390-point screen."""
    return font_pixels * PHONE_WIDTH_POINTS / width_px


def font_pixels(size_points: float, dpi: float = DPI) -> float:
    """A matplotlib font size (points) as pixels in a picture drawn at ``dpi``."""
    return size_points * dpi / 72
