"""/carte and /frise: relations derived from the data, valid PNGs, colours, labels, messages."""

from __future__ import annotations

import subprocess
import sys

import pytest
from PIL import Image

from bot.engine.commands import answer
from bot.engine.filters import TimelineFilter, parse_filter
from bot.engine.index import Index
from bot.engine.pictures import CAPTION_LIMIT, MapSpec, Picture, TimelineSpec, picture
from bot.engine.relations import relations
from bot.image.render import cached, png
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


def test_categories_come_from_the_entries(five_base):
    """On the five frozen articles (a grown base may give Kazakhstan an agreement, or Russia
    one it signed): what these articles say of each country, coloured by the rule."""
    index = Index(five_base)
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
    # Russia is a threat in the articles; it is drawn as one unless an agreement it signed
    # with Azerbaijan comes first (a grown base may hold one: then it must be among its entries)
    assert "menace" in found["RU"].categories
    assert found["RU"].main == "menace" or (
        found["RU"].main == "accord"
        and any(agreement.id in found["RU"].entries for agreement in index.base.agreements)
    )
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


def test_each_shipped_country_is_coloured_by_its_own_entries(index):
    """The shipped base, computed, never pinned: a country party with Azerbaijan to a signed
    or joined agreement is coloured « accord »; one whose only entries merely name it is
    « mention »; every category rests on entries that name the country and carry quotes."""
    base = index.base
    found = {r.code: r for r in relations(index, TimelineFilter())}
    assert found and "AZ" not in found
    for agreement in base.agreements:
        if agreement.act in ("signe", "adhesion") and "AZ" in agreement.parties:
            for code in agreement.parties:
                if code in found:
                    assert found[code].main == "accord", (code, agreement.id)
                    assert agreement.id in found[code].entries
    for code, relation in found.items():
        assert relation.entries, code
        for entry_id in relation.entries:
            entry = index.entries.get(entry_id)
            if entry is not None:
                assert entry.evidence, entry_id
        if relation.main == "mention":
            assert relation.categories == ("mention",), code


def test_a_filter_narrows_the_relations(five_base):
    index = Index(five_base)  # the frozen articles: a grown base may sign with the US in 2025
    wanted = parse_filter(index, "2025")
    assert isinstance(wanted, TimelineFilter)
    found = {r.code: r for r in relations(index, wanted)}
    assert found["US"].categories == ("mediateur",)  # the 2026 partnership is out
    assert "IR" not in found  # threats are undated constats


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
