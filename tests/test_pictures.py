"""/carte and /frise: relations derived from the data, valid PNGs, colours, labels, messages."""

from __future__ import annotations

import io
import itertools
import subprocess
import sys

import pytest
from PIL import Image

from bot.engine.commands import answer
from bot.engine.filters import TimelineFilter, parse_filter
from bot.engine.index import Index
from bot.engine.pictures import CAPTION_LIMIT, MapSpec, Picture, TimelineSpec, picture
from bot.engine.relations import relations
from bot.image.carte import render_map
from bot.image.frise import render_timeline, stretches
from bot.image.render import cached, png
from bot.image.style import CATEGORY_COLOURS, WIDTH_PX
from bot.paths import PROJECT_ROOT
from bot.render.html import render_html


@pytest.fixture(scope="module")
def index(base) -> Index:
    return Index(base)


def _map(index: Index, argument: str = "") -> Picture:
    found = picture(index, "carte", argument)
    assert isinstance(found, Picture) and isinstance(found.spec, MapSpec)
    return found


def _timeline(index: Index, argument: str = "") -> Picture:
    found = picture(index, "frise", argument)
    assert isinstance(found, Picture) and isinstance(found.spec, TimelineSpec)
    return found


def test_categories_come_from_the_entries(index):
    found = {r.code: r for r in relations(index, TimelineFilter())}
    # signed agreements with Azerbaijan as a party
    for code, agreement in (
        ("US", "partenariat-strategique-az-us"),
        ("GB", "plan-defense-az-gb-2026-2027"),
        ("TR", "memorandum-az-tr-securite"),
        ("AM", "accord-paix-az-am-2025"),
    ):
        assert found[code].main == "accord"
        assert agreement in found[code].entries
    assert "mediateur" in found["US"].categories  # the peace accord's mediator
    assert found["IR"].main == "menace" and "menace-iran" in found["IR"].entries
    assert found["RU"].main == "menace"
    # the article's threat is « une partie importante de la population arménienne », not the
    # Armenian state: Armenia is never coloured as a threat
    assert "menace" not in found["AM"].categories
    # Israel and the United States are named in threat constats without being the threat
    assert "menace" not in found["IL"].categories
    assert "menace" not in found["US"].categories
    assert found["KZ"].main == "mention"
    assert "AZ" not in found
    for relation in found.values():
        for entry_id in relation.entries:
            assert index.entries[entry_id].evidence  # every category rests on quotes


def test_a_filter_narrows_the_relations(index):
    wanted = parse_filter(index, "2025")
    assert isinstance(wanted, TimelineFilter)
    found = {r.code: r for r in relations(index, wanted)}
    assert found["US"].categories == ("mediateur",)  # the 2026 partnership is out
    assert "IR" not in found  # threats are undated constats


def test_map_png_size_and_country_colours(index):
    spec = _map(index).spec
    assert isinstance(spec, MapSpec)
    drawn = render_map(spec)
    image = Image.open(io.BytesIO(drawn.png))
    assert image.format == "PNG"
    assert image.size == drawn.size == (WIDTH_PX, 1000)
    rgb = image.convert("RGB")
    expected = dict(spec.countries)
    sampled = set(drawn.points)
    # every coloured country is sampled: Europe to India on the map, the US in its inset
    assert sampled == set(expected), set(expected) - sampled
    for code, (x, y) in drawn.points.items():
        colour = CATEGORY_COLOURS[expected[code]]
        wanted = tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))
        assert rgb.getpixel((x, y)) == wanted, code


def test_map_caption_fits_and_buttons_open_cards(index):
    found = _map(index)
    parts = render_html(found.caption, CAPTION_LIMIT)
    assert len(parts) == 1 and len(parts[0]) <= CAPTION_LIMIT
    assert "Sources : 5 articles" in parts[0]
    assert "Base du 10 février 2026" in parts[0]
    data = [button.data for row in found.caption.buttons for button in row]
    assert "p:US" in data and "p:IR" in data and "p:AZ" not in data


def test_timeline_png_and_labels_never_overlap(index):
    for argument in ("", "2025", "Turquie", "énergie"):
        spec = _timeline(index, argument).spec
        assert isinstance(spec, TimelineSpec)
        drawn = render_timeline(spec)
        image = Image.open(io.BytesIO(drawn.png))
        assert image.size == drawn.size and image.size[0] >= 1280
        assert len(drawn.boxes) == len(spec.marks)
        for a, b in itertools.combinations(drawn.boxes, 2):
            apart = a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1]
            assert apart, (argument, a, b)
        for x0, y0, x1, y1 in drawn.boxes:  # inside the picture: nothing cut at the edges
            assert 0 <= x0 < x1 <= image.size[0] and 0 <= y0 < y1 <= image.size[1]


def test_timeline_squeezes_long_empty_spans(index):
    spec = _timeline(index).spec
    assert isinstance(spec, TimelineSpec)
    found = stretches(spec.marks)
    assert len(found) >= 3  # 1992 … 2026 in separate stretches
    busy = max(found, key=lambda s: s.right - s.left)
    assert busy.start <= parse_date_ordinal("2025-11-06") <= busy.end
    assert busy.right - busy.left > (WIDTH_PX - 80) / 3  # the busy year gets room


def parse_date_ordinal(text: str) -> int:
    from datetime import date

    return date.fromisoformat(text).toordinal()


def test_timeline_marks_inferred_dates(index):
    spec = _timeline(index, "2025").spec
    assert isinstance(spec, TimelineSpec)
    bases = {mark.basis for mark in spec.marks}
    assert {"texte", "déduit", "rapporté"} <= bases
    for mark in spec.marks:
        if mark.basis == "déduit":
            assert "date déduite" in mark.when
        if mark.basis == "rapporté":
            assert "date de l'article" in mark.when


@pytest.mark.parametrize("command", ["/carte zorglub", "/frise zorglub 2025"])
def test_unknown_filter_gets_a_french_message(index, command):
    reply = answer(index, command)
    assert not reply.found
    assert "Je n'ai pas compris ce filtre : « zorglub »" in render_html(reply)[0]


def test_nothing_to_draw_is_said(index):
    reply = answer(index, "/frise 1950")
    assert not reply.found and "aucune image" in render_html(reply)[0]


def test_second_request_comes_from_the_cache(index):
    found = _timeline(index, "Turquie")
    first = png(found)
    assert cached(found)
    assert png(_timeline(index, "Turquie")) is first


def test_start_up_and_text_answers_do_not_import_matplotlib():
    code = (
        "import sys\n"
        "from bot.startup import ready_index\n"
        "from bot.paths import CONTENT_DIR, SEEDS_DIR\n"
        "import bot.telegram.app\n"
        "from bot.console import ask\n"
        "index = ready_index(CONTENT_DIR, SEEDS_DIR)\n"
        "ask(index, '/pays Turquie'); ask(index, '/timeline 2025'); ask(index, '/carte zorglub')\n"
        "print('matplotlib' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=PROJECT_ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_cli_writes_the_png(tmp_path):
    target = tmp_path / "frise.png"
    result = subprocess.run(
        [sys.executable, "-m", "bot", "image", "frise", "2025", "-o", str(target)],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert f"Image écrite dans {target}" in result.stdout
    assert Image.open(target).format == "PNG"
    refused = subprocess.run(
        [sys.executable, "-m", "bot", "image", "carte", "zorglub"],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
    )
    assert refused.returncode == 1 and "« zorglub »" in refused.stderr


def test_a_caption_too_long_for_telegram_continues_in_text_never_cut():
    from bot.engine.reply import Item, Para, Reply
    from bot.telegram.pictures import caption_and_rest

    long = Reply(
        (Para("Titre", "title"), *(Item(f"Catégorie {n}", "Pays " * 30) for n in range(12)))
    )
    caption, rest = caption_and_rest(long)
    assert len(caption) <= CAPTION_LIMIT and rest
    shown = " ".join([caption, *rest])
    assert all(f"Catégorie {n}" in shown for n in range(12))
