"""Issue 25 (what remained), point 2: a warm drawing does less — each line of text is
rasterised once per picture process and drawn from memory, looking as matplotlib draws it;
the maps' panels are drawn without matplotlib's Axes. Speed is measured by
bench/bench_images.py, never here: these tests check what is (not) done, and how it looks."""

from __future__ import annotations

import io

import numpy as np
import pytest
from matplotlib.axes import Axes
from matplotlib.backends import backend_agg
from matplotlib.backends.backend_agg import FigureCanvasAgg
from PIL import Image

from bot.content.model import FactBase
from bot.engine.index import Index
from bot.engine.pictures import Picture, picture
from bot.image import glyphs, layout
from bot.image.carte import render_map
from bot.image.frise import render_timeline


@pytest.fixture(scope="module")
def index(base: FactBase) -> Index:
    return Index(base)


def _spec(index: Index, kind: str, argument: str = "") -> Picture:
    found = picture(index, kind, argument)
    assert isinstance(found, Picture)
    return found


def _grey(data: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(data)).convert("L")).astype(int)


@pytest.mark.parametrize("kind", ["frise", "carte"])
def test_a_picture_drawn_again_rasterises_no_text_again(
    index: Index, kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    spec = _spec(index, kind, "2025").spec
    draw = render_map if kind == "carte" else render_timeline
    draw(spec)  # type: ignore[arg-type]
    fonts = []
    original = backend_agg.RendererAgg._prepare_font

    def counted(self: backend_agg.RendererAgg, prop: object) -> object:
        fonts.append(prop)
        return original(self, prop)  # type: ignore[no-untyped-call]

    monkeypatch.setattr(backend_agg.RendererAgg, "_prepare_font", counted)
    again = draw(spec)  # type: ignore[arg-type]
    assert again.texts, "the picture has texts"
    assert fonts == []  # neither measured nor rasterised: every line came from memory


def test_a_new_line_is_rasterised_once(index: Index, monkeypatch: pytest.MonkeyPatch) -> None:
    spec = _spec(index, "frise").spec
    glyphs._lines.clear()
    monkeypatch.setattr(glyphs, "_kept", 0)
    render_timeline(spec)
    kept = len(glyphs._lines)
    render_timeline(spec)
    assert kept > 10 and len(glyphs._lines) == kept


def test_lines_from_memory_look_as_matplotlib_draws_them(
    index: Index, monkeypatch: pytest.MonkeyPatch
) -> None:
    spec = _spec(index, "frise").spec
    ours = render_timeline(spec)
    monkeypatch.setattr(layout, "line_canvas", FigureCanvasAgg)  # matplotlib's own text
    theirs = render_timeline(spec)
    assert ours.texts == theirs.texts  # same words, sizes and boxes
    a, b = _grey(ours.png), _grey(theirs.png)
    assert a.shape == b.shape
    height, width = a.shape

    def differing(dx: int, dy: int) -> float:
        moved = a[4 + dy : height - 4 + dy, 4 + dx : width - 4 + dx]
        return float((np.abs(moved - b[4 : height - 4, 4 : width - 4]) > 40).mean())

    # the same letters in the same places: at most a few anti-aliased edge pixels differ
    # (a line is placed on the whole pixel), and no shift of the picture matches better
    assert differing(0, 0) < 0.03
    assert all(
        differing(dx, dy) > 2 * differing(0, 0)
        for dx in (-2, -1, 0, 1, 2)
        for dy in (-2, -1, 0, 1, 2)
        if (dx, dy) != (0, 0)
    )


def test_the_lines_kept_are_bounded_in_bytes(index: Index, monkeypatch: pytest.MonkeyPatch) -> None:
    glyphs._lines.clear()
    monkeypatch.setattr(glyphs, "_kept", 0)
    monkeypatch.setattr(glyphs, "KEPT_BYTES", 300_000)
    for argument in ("", "2025", "Turquie"):
        render_timeline(_spec(index, "frise", argument).spec)
    assert 0 < glyphs._kept <= 300_000
    assert glyphs._kept == sum(line[0].nbytes for line in glyphs._lines.values())
    glyphs._lines.clear()
    monkeypatch.setattr(glyphs, "_kept", 0)


def test_a_map_makes_no_matplotlib_axes(index: Index, monkeypatch: pytest.MonkeyPatch) -> None:
    made = []
    original = Axes.__init__

    def counted(self: Axes, *args: object, **kwargs: object) -> None:
        made.append(self)
        original(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Axes, "__init__", counted)
    rendered = render_map(_spec(index, "carte").spec)  # the United States' inset included
    assert made == []
    assert "US" in dict(_spec(index, "carte").spec.countries)  # type: ignore[union-attr]
    assert rendered.points and rendered.texts
