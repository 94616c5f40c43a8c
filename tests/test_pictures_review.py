"""Issue 26, second pass: what an outside reader (phone size) and a fact-checker found in /carte
and /frise — pages the console could not turn, a first page of background, a « latest fact »
that ignored the filter, notes left in the caption only, the period overlap note missing from
the pictures, a proposal drawn as a fact, colours that read as the shape key."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from bot.cli import main
from bot.console import run_console
from bot.engine.filters import TimelineFilter, parse_filter
from bot.engine.index import Index
from bot.engine.pictures import (
    LOOSE_MARK,
    PLANNED,
    SUBJECT,
    UNDATED_THREATS,
    MapSpec,
    Picture,
    TimelineSpec,
    date_parts,
    picture,
    planned,
)
from bot.engine.relations import CATEGORIES, relations
from bot.engine.timeline import OVERLAP_WORDS, is_loose, select
from bot.image.carte import ZOOMED, render_map
from bot.image.frise import BASIS_LEGEND, MARKERS, render_timeline
from bot.image.style import INK, MAP_CATEGORIES, MUTED, TIMELINE_CATEGORIES
from bot.render.html import render_html
from bot.text import fold


@pytest.fixture(scope="module")
def index(base) -> Index:
    return Index(base)


def _picture(index: Index, kind: str, argument: str, page: int = 1) -> Picture:
    found = picture(index, kind, argument, page) if page > 1 else picture(index, kind, argument)
    assert isinstance(found, Picture), argument
    return found


def _caption(found: Picture) -> str:
    return " ".join(render_html(found.caption))


# --- 1. pages turn in the console and on the command line ----------------------------------


def test_the_console_turns_the_timeline_pages(base, tmp_path, monkeypatch):
    monkeypatch.setattr("bot.image.files.DEFAULT_DIR", tmp_path)
    index = Index(base)
    first = _picture(index, "frise", "")
    assert isinstance(first.spec, TimelineSpec) and first.spec.pages > 1
    data = [button.data for row in first.caption.buttons for button in row]
    older = next(n for n, d in enumerate(data, start=1) if d.startswith("fr:2:"))
    lines = iter(["/frise", str(older), "1", "/quitter"])  # then « ◀ Plus récentes »
    out = io.StringIO()
    assert run_console(index, lambda prompt: next(lines), out) == 0
    text = out.getvalue()
    assert "plus valable" not in text
    assert f"page 2/{first.spec.pages}" in text and f"page 1/{first.spec.pages}" in text
    assert (tmp_path / "frise-p2.png").is_file() and (tmp_path / "frise.png").is_file()


def test_the_image_command_writes_any_timeline_page(tmp_path, capsys):
    one, two = tmp_path / "p1.png", tmp_path / "p2.png"
    assert main(["image", "frise", "-o", str(one)]) == 0
    assert main(["image", "frise", "--page", "2", "-o", str(two)]) == 0
    assert one.read_bytes() != two.read_bytes()
    assert main(["image", "carte", "--page", "2", "-o", str(tmp_path / "x.png")]) == 2
    assert "--page" in capsys.readouterr().err
    # a page past the last is refused, never answered with the last page
    past = tmp_path / "p99.png"
    assert main(["image", "frise", "--page", "99", "-o", str(past)]) == 2
    assert not past.exists() and "page" in capsys.readouterr().err


# --- 2. page 1 is what matters most, and the title names the subject ------------------------


@pytest.mark.parametrize("argument", ["", "2025", "Turquie"])
def test_the_first_page_holds_the_newest_entries_and_names_azerbaijan(index, argument):
    wanted = parse_filter(index, argument)
    assert isinstance(wanted, TimelineFilter)
    items = select(index, wanted)
    first = _picture(index, "frise", argument)
    spec = first.spec
    assert isinstance(spec, TimelineSpec)
    assert spec.title.startswith(SUBJECT)
    newest = [date_parts(index, item.entry)[0] for item in items[-len(spec.marks) :]]
    assert [mark.when.split(" [")[0].removeprefix(f"{LOOSE_MARK} ") for mark in spec.marks] == [
        when.split(" [")[0] for when in newest
    ]
    if spec.pages > 1:
        assert "les plus récentes" in spec.title
        buttons = [b.label for row in first.caption.buttons for b in row]
        assert "Plus anciennes ▶" in buttons


def test_the_map_title_names_the_subject_and_does_not_call_every_country_linked(index):
    for argument in ("", "2025", "Turquie"):
        spec = _picture(index, "carte", argument).spec
        assert isinstance(spec, MapSpec)
        assert spec.title.startswith(SUBJECT) and "liés" not in spec.title


# --- 3. the latest date is the picture's, not the base's ------------------------------------


def test_the_latest_date_is_that_of_what_the_picture_shows(index):
    seen = set()
    for kind, argument in (
        ("frise", "2025"),
        ("frise", "septembre 2025"),
        ("frise", "Turquie"),
        ("carte", "octobre 2025"),
        ("carte", "Turquie"),
        ("carte", ""),
    ):
        found = _picture(index, kind, argument)
        spec = found.spec
        if isinstance(spec, TimelineSpec):
            head = spec.footer.split(" · ")[0]
            dates = {m.when.split(" [")[0].removeprefix(f"{LOOSE_MARK} ") for m in spec.marks}
            if head.startswith("Fait daté le plus récent ici : "):  # a date the article gives
                dated = head.removeprefix("Fait daté le plus récent ici : ")
                assert any(m.basis == "texte" for m in spec.marks if dated in m.when)
                assert dated in dates
            else:  # only forecasts, proposals or inferred dates: said with their origin
                assert head.startswith("Date la plus récente ici : ")
        assert "ici" in spec.footer
        seen.add(spec.footer.split(" · ")[0])
    assert len(seen) > 2  # not the same date on every filtered picture


# --- 4. and 5. what a forwarded map says without its caption --------------------------------


def _drawn(spec: MapSpec) -> str:
    return " ".join(text.text.replace("\n", " ") for text in render_map(spec).texts)


def test_a_date_filter_says_on_the_map_that_threats_are_left_out(index):
    dated = _picture(index, "carte", "2025").spec
    assert isinstance(dated, MapSpec)
    assert "menace" not in {category for _, category in dated.countries}
    assert UNDATED_THREATS in _drawn(dated)
    whole = _picture(index, "carte", "").spec
    assert isinstance(whole, MapSpec) and UNDATED_THREATS not in _drawn(whole)


def test_a_filtered_map_says_what_the_filter_kept(index):
    spec = _picture(index, "carte", "Turquie").spec
    assert isinstance(spec, MapSpec)
    drawn = _drawn(spec)
    assert "qui citent" in spec.title and "Turquie" in spec.title
    assert "ces seules entrées" in drawn and spec.subtitle in drawn


# --- 6. colours and the Caucasus zoom -------------------------------------------------------


def _rgb(colour: str) -> tuple[int, int, int]:
    return (int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16))


def test_no_category_is_drawn_in_the_black_of_the_shape_key():
    for category in (*MAP_CATEGORIES.values(), *TIMELINE_CATEGORIES.values()):
        for ink in (INK, MUTED, "#000000"):
            distance = sum(
                (a - b) ** 2 for a, b in zip(_rgb(category.colour), _rgb(ink), strict=True)
            )
            assert distance**0.5 > 60, category.label


def test_hollow_markers_get_a_dark_ring_that_shows_a_light_colour(index):
    found = _picture(index, "frise", "")
    spec = found.spec
    assert isinstance(spec, TimelineSpec)
    hollow = [m for m in spec.marks if not MARKERS[m.basis][1]]
    assert hollow  # the newest page shows inferred or planned dates
    drawn = render_timeline(spec)
    image = Image.open(io.BytesIO(drawn.png)).convert("RGB")
    dates = [t for t in drawn.texts if t.role == "date"]
    from bot.image.frise import AXIS_X

    for mark, text in zip(spec.marks, dates, strict=True):
        if MARKERS[mark.basis][1]:
            continue
        column = range(int(text.box[1]) - 10, int(text.box[3]) + 10)
        dark = sum(sum(image.getpixel((AXIS_X, y))) < 3 * 80 for y in column)
        assert dark >= 2, mark.label  # the ring's two crossings of the axis column


def test_the_zoom_names_every_small_country_drawn(index):
    for argument in ("", "Turquie"):
        spec = _picture(index, "carte", argument).spec
        assert isinstance(spec, MapSpec)
        drawn = render_map(spec)
        names = dict(spec.labels)
        labels = " ".join(t.text.replace("\n", " ") for t in drawn.texts if t.role == "label")
        for code, _ in spec.countries:
            if code in ZOOMED:
                assert names[code].split(" (")[0] in labels, (argument, code)


# --- 7. a period's pictures carry the text views' overlap note and mark ---------------------


@pytest.mark.parametrize("argument", ["septembre 2025", "octobre 2025", "2025"])
def test_a_period_timeline_marks_and_notes_entries_it_may_not_hold(index, argument):
    wanted = parse_filter(index, argument)
    assert isinstance(wanted, TimelineFilter)
    found = _picture(index, "frise", argument)
    spec = found.spec
    assert isinstance(spec, TimelineSpec)
    page = [item for item in select(index, wanted)][-len(spec.marks) :]
    loose = [is_loose(item.entry, wanted) for item in page]
    assert [m.when.startswith(LOOSE_MARK) for m in spec.marks] == loose
    drawn = " ".join(t.text.replace("\n", " ") for t in render_timeline(spec).texts)
    if any(loose):
        assert OVERLAP_WORDS in drawn
        assert OVERLAP_WORDS in _caption(found)
    else:
        assert OVERLAP_WORDS not in drawn


def test_a_period_map_marks_a_colour_it_may_not_hold(five_base):
    index = Index(five_base)  # the frozen articles: a grown base may date a Turkish deal 2024
    wanted = parse_filter(index, "octobre 2025")  # « récemment » of 6 November: may be October
    assert isinstance(wanted, TimelineFilter)
    spec = _picture(index, "carte", "octobre 2025").spec
    assert isinstance(spec, MapSpec)
    memo = index.entries["memorandum-az-tr-securite"]
    assert dict(spec.countries).get("TR") == "accord" and is_loose(memo, wanted)  # type: ignore[arg-type]
    assert LOOSE_MARK in dict(spec.labels)["TR"]
    assert any(OVERLAP_WORDS in note for note in spec.notes)
    assert OVERLAP_WORDS in _drawn(spec)
    whole = _picture(index, "carte", "").spec
    assert isinstance(whole, MapSpec) and all(LOOSE_MARK not in n for _, n in whole.labels)


# --- 9., 11., 13. legend wording and proposals -----------------------------------------------


def test_legend_and_caption_say_a_category_the_same_way_and_keep_the_hedge():
    for category, wording in CATEGORIES:
        if category != "mention":
            assert MAP_CATEGORIES[category].label == wording
    assert "selon" in fold(MAP_CATEGORIES["menace"].label)


def test_a_proposal_dated_at_what_it_proposes_is_drawn_apart(index):
    wanted = parse_filter(index, "2026")
    assert isinstance(wanted, TimelineFilter)
    proposed = [item.entry for item in select(index, wanted) if planned(item.entry)]
    assert proposed  # « manœuvres … proposées pour 2026 »
    spec = _picture(index, "frise", "2026").spec
    assert isinstance(spec, TimelineSpec)
    marks = [m for m in spec.marks if m.basis == PLANNED]
    assert len(marks) == len(proposed)
    assert MARKERS[PLANNED] != MARKERS["texte"]
    drawn = " ".join(t.text.replace("\n", " ") for t in render_timeline(spec).texts)
    assert BASIS_LEGEND[PLANNED] in drawn
    # the proposal made in October 2025 is a dated fact, drawn as such
    made = index.entries["proposition-manoeuvres-ots"]
    assert not planned(made)  # type: ignore[arg-type]


# --- 8. and 12. labels never cut a quotation; the map keeps an attribution -------------------


def test_a_label_quotes_only_whole_quotations_of_its_key_quotes(base):
    """« … » in a short label is a quotation the key quotes hold whole, between the same
    guillemets: never a piece cut out of a longer one."""
    import re

    from bot.content.model import Agreement, Event

    for entry in (*base.events, *base.agreements):
        assert isinstance(entry, Event | Agreement)
        if not entry.label:
            continue
        whole = {
            " ".join(part.split())
            for evidence in entry.key_evidence()
            for part in re.findall(r"«\s*(.*?)\s*»", evidence.quote)
        }
        for cited in re.findall(r"«\s*(.*?)\s*»", entry.label):
            assert " ".join(cited.split()) in whole, (entry.id, cited)


def test_the_map_keeps_the_attribution_of_what_colours_a_country(index):
    spec = _picture(index, "carte", "").spec
    assert isinstance(spec, MapSpec)
    for code, category in spec.countries:
        if category not in ("accord", "mediateur"):
            continue
        relation = next(r for r in relations(index, TimelineFilter()) if r.code == code)
        backing = [index.entries[e] for e in dict(relation.backing)[category]]
        hedges = {getattr(e, "hedge", None) for e in backing}
        if len(hedges) == 1 and None not in hedges:
            hedge = hedges.pop()
            assert any(relation.name in n and hedge in n for n in spec.notes), code
            assert hedge in _drawn(spec)
    assert any("selon l'ambassade britannique" in note for note in spec.notes)


def test_a_small_coloured_country_shows_at_phone_size(index):
    """Each coloured country of the main map shows at least 400 pixels of its colour around
    its point (≈ 50 square points at 390 px): Israel is no invisible sliver."""
    spec = _picture(index, "carte", "").spec
    assert isinstance(spec, MapSpec)
    drawn = render_map(spec)
    image = Image.open(io.BytesIO(drawn.png)).convert("RGB")
    colours = {code: _rgb(MAP_CATEGORIES[k].colour) for code, k in spec.countries}
    labels = " ".join(t.text.replace("\n", " ") for t in drawn.texts if t.role == "label")
    shown = {code for code, name in spec.labels if name.split(" (")[0] in labels}
    assert "IL" in drawn.points
    for code, (x, y) in drawn.points.items():
        if code in ZOOMED or code not in colours or code in shown:
            continue  # a named country: its label may sit on its point
        window = [
            image.getpixel((i, j))
            for i in range(max(0, x - 30), min(image.width, x + 31))
            for j in range(max(0, y - 30), min(image.height, y + 31))
        ]
        assert sum(pixel == colours[code] for pixel in window) >= 400, code


def test_the_header_date_of_a_forwarded_picture_is_a_dated_fact_or_says_its_origin(index):
    """An outside check found « Date la plus récente ici : à partir de décembre 2025 » on the
    2025 map: a forecast's year inferred, unmarked on an image that travels alone."""
    from bot.engine.pictures import latest_shown

    for entry in [*index.base.events, *index.base.agreements]:
        if entry.date is None:
            continue
        head = latest_shown(index, {entry.id})
        if entry.date_basis != "texte" or getattr(entry, "tense", "") == "futur":
            assert not head.startswith("Fait daté"), entry.id
        if head.startswith("Date la plus récente ici") and entry.date_basis != "texte":
            assert "(" in head, (entry.id, head)  # the origin of an inferred date is said
