"""Issue 23 (newcomer 6): the classes a sixth newcomer's correct articles exposed, each on a
small article of its own written into a throwaway copy of the frozen five-article base
(tests/fixtures/five), so that the shipped content growing leaves them unchanged."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from bot.engine.commands import answer
from bot.engine.index import Index
from bot.engine.pictures import MapSpec
from bot.render.html import render_html
from tests.conftest import FIVE, ContentCopy
from tests.first_screen import Asked, has_fact, problems

if TYPE_CHECKING:
    from bot.image.carte import RenderedMap


@pytest.fixture
def copy(tmp_path: Path) -> ContentCopy:
    """A throwaway copy of the frozen five-article base (not of the shipped content)."""
    shutil.copytree(FIVE / "content", tmp_path / "content")
    shutil.copytree(FIVE / "seeds", tmp_path / "seeds")
    return ContentCopy(tmp_path / "content", tmp_path / "seeds")


CONTRACT = (
    "L'Azerbaïdjan a signé un contrat avec le constructeur italien Fincantieri le 3 mars pour "
    "deux patrouilleurs.\n"
)
QUOTE = "L'Azerbaïdjan a signé un contrat avec le constructeur italien Fincantieri le 3 mars"


def _only_an_undated_contract(copy) -> str:
    """A country the base does not hold yet, in the copy only a party of one undated contract:
    no role, no fact, no date; its code."""
    held = set(copy.load().actors)
    code = next(c for c in ("IS", "MT", "LU", "EE", "LV", "IE", "FI", "DK") if c not in held)
    (copy.seeds / "fixture-contrat.txt").write_text(CONTRACT, encoding="utf-8")
    sources = copy.content / "sources.yaml"
    sources.write_text(
        sources.read_text(encoding="utf-8")
        + "  - id: fixture-contrat\n    label: Contrat (essai)\n    outlet: null\n    title: null\n"
        "    published: null\n    published_text: null\n    seed: fixture-contrat.txt\n",
        encoding="utf-8",
    )
    copy.edit("actors.yaml", "\norganisations:\n", f"  - code: {code}\n\norganisations:\n")
    agreements = copy.content / "agreements.yaml"
    agreements.write_text(
        agreements.read_text(encoding="utf-8") + "  - id: fixture-contrat-1\n"
        "    title: Contrat pour deux patrouilleurs\n"
        "    kind: accord\n"
        "    act: signe\n"
        f"    parties: [AZ, {code}]\n"
        "    date: null\n"
        "    date_text: 3 mars\n"
        "    summary: L'Azerbaïdjan a signé un contrat avec Fincantieri pour deux patrouilleurs.\n"
        "    evidence:\n"
        "      - source: fixture-contrat\n"
        f'        quote: "{QUOTE}"\n'
        "        key: true\n",
        encoding="utf-8",
    )
    return code


def test_a_card_whose_actor_is_only_party_to_an_undated_agreement_shows_it_with_its_quote(copy):
    """2. « /pays Italie »: a country known only as a party of an undated contract shows that
    contract and its quote on the first screen (not « cité sans rôle ») — and no button
    repeating the one agreement the card holds whole."""
    code = _only_an_undated_contract(copy)
    index = Index(copy.load())
    assert has_fact(index, code)
    asked = f"/pays {index.base.actors[code].name}"
    reply = answer(index, asked)
    first = render_html(reply)[0]
    assert reply.follow == f"acteur:{code}"
    assert problems(index, Asked(asked), reply) == []
    assert "sans lui donner de rôle" not in first
    assert QUOTE in first and "Contrat pour deux patrouilleurs" in first
    assert "3 mars (année non précisée dans l'article)" in first  # the day, never « non indiquée »
    assert not any("Accords" in button.text for row in reply.buttons for button in row)


# --- 3. a crowded map names every country, or says which one it could not place -------------

_ACCORDS = ("AM", "US", "IL", "IT", "MA", "UZ", "PK", "GB", "RU", "TR")
_GREY = ("CN", "ES", "FR", "GE", "GR", "HU", "IN", "KZ", "KG", "MK", "ME", "NO", "OM", "NL")
_NAMES = {"UZ": "Ouzbékistan", "GB": "Royaume-Uni", "AM": "Arménie", "TR": "Turquie"}


def _crowded() -> MapSpec:
    """Newcomer 6's map: Uzbekistan coloured among grey Central Asian neighbours (Kazakhstan,
    Kirghizstan, Turkménistan) in a base that already colours China, India and Pakistan."""
    countries = (
        ("AZ", "home"),
        *((code, "accord") for code in _ACCORDS),
        ("IR", "menace"),
        *((code, "mention") for code in (*_GREY, "PT", "SK", "SI", "SE", "CZ", "TM", "UA")),
    )
    labels = tuple((code, _NAMES.get(code, code)) for code, _ in countries)
    return MapSpec("Carte", countries, labels, "Sources : essai")


def _covered(drawn: RenderedMap, spec: MapSpec) -> list[tuple[str, str]]:
    """(label, country) for each label box that overlaps another country of the map, grey
    mentions included: a label hides what it covers and reads as naming it."""
    from matplotlib.path import Path as Outline
    from matplotlib.transforms import Bbox

    found = []
    for text in drawn.texts:
        if text.role != "label":
            continue
        owner = next(code for code, name in spec.labels if name == text.text)
        box = Bbox(((text.box[0], text.box[1]), (text.box[2], text.box[3])))
        for other, rings in drawn.shapes.items():
            if other != owner and any(
                Outline([*ring, ring[0]], closed=True).intersects_bbox(box, filled=True)
                for ring in rings
            ):
                found.append((text.text, other))
    return found


@pytest.mark.slow  # a map laid out
def test_a_country_ringed_by_grey_neighbours_is_still_named_on_the_map():
    """3. Uzbekistan (placeable: its outline is in shapes/countries.json) was left unnamed: no
    box beside it avoided every grey neighbour. Its name then lay over grey Turkmenistan,
    Kazakhstan and China (hiding them, and reading as their name): a label covers no other
    country of the map, grey or not; when no place is free around the country, the label
    goes wherever the map is free, with a leader line (over Arabia here)."""
    from bot.image.carte import render_map

    spec = _crowded()
    drawn = render_map(spec)
    assert drawn.unplaced == ()
    uzbek = next(text for text in drawn.texts if text.text == "Ouzbékistan")
    assert not any(text.role == "unplaced" for text in drawn.texts)
    assert _covered(drawn, spec) == []
    px, py = drawn.points["UZ"]
    x0, y0, x1, y1 = uzbek.box
    ends = {(ax, ay, bx, by) for ax, ay, bx, by in drawn.leaders if (ax, ay) == (px, py)}
    assert len(ends) == 1  # a leader line from Uzbekistan to its name
    bx, by = ends.pop()[2:]
    assert x0 - 5 <= bx <= x1 + 5 and y0 - 5 <= by <= y1 + 5


@pytest.mark.slow  # a map laid out
def test_a_neighbour_the_crowded_main_map_cannot_name_is_named_in_the_zoom(monkeypatch):
    """3. On the grown base Uzbekistan's leader line crosses Iran where Iran's name would go:
    Iran, drawn in the zoom too (same colours, same picture), is named there, and is not
    said « non placé »."""
    import bot.image.carte as carte

    spot, anywhere = carte._spot, carte._anywhere

    def main_map_full(name):  # no place for Iran on the main map (above the zoom)
        real = {"spot": spot, "anywhere": anywhere}[name]

        def find(px, py, width, tall, code, paths, placed, area):
            if code == "IR" and area.y0 < 400:
                return None
            return real(px, py, width, tall, code, paths, placed, area)

        return find

    monkeypatch.setattr(carte, "_spot", main_map_full("spot"))
    monkeypatch.setattr(carte, "_anywhere", main_map_full("anywhere"))
    drawn = carte.render_map(_crowded())
    assert drawn.unplaced == ()
    assert not any(text.role == "unplaced" for text in drawn.texts)
    irans = [text for text in drawn.texts if text.role == "label" and text.text == "IR"]
    assert len(irans) == 1 and irans[0].box[1] > drawn.points["GB"][1] + 400  # in the zoom


def test_every_country_the_region_s_articles_may_name_has_an_outline_to_place():
    """3. Central Asia, the Caucasus, the Middle East and Europe: each has an outline, or the
    map could not place it (the microstates are named by the caption only)."""
    from bot.image.geometry import DATA

    outlines = set(json.loads(DATA.read_text(encoding="utf-8"))["countries"])
    region = {
        *("KZ", "KG", "TJ", "TM", "UZ", "AF", "MN"),
        *("AM", "AZ", "GE", "RU", "TR", "IR"),
        *("IQ", "SY", "LB", "IL", "PS", "JO", "SA", "YE", "OM", "AE", "QA", "KW", "EG", "CY"),
        *("PK", "IN", "CN", "UA", "BY", "MD", "RO", "BG", "GR", "RS", "HR", "BA", "ME", "MK"),
        *("AL", "SI", "HU", "SK", "CZ", "PL", "LT", "LV", "EE", "FI", "SE", "NO", "DK", "DE"),
        *("NL", "BE", "LU", "FR", "CH", "AT", "IT", "ES", "PT", "GB", "IE", "IS"),
    }
    assert region - outlines == set()


@pytest.mark.slow  # a map laid out
def test_a_country_the_map_cannot_name_is_said_on_the_map_never_dropped(monkeypatch):
    """3. When no place is left for a label, the picture itself says which country it could
    not name (a forwarded map has no caption), and ``unplaced`` lists it."""
    import bot.image.carte as carte

    monkeypatch.setattr(carte, "_spot", lambda *args, **kwargs: None)
    monkeypatch.setattr(carte, "_anywhere", lambda *args, **kwargs: None)  # the last resort
    drawn = carte.render_map(_crowded())
    assert "UZ" in drawn.unplaced and "GB" in drawn.unplaced
    notes = [text.text.replace("\n", " ") for text in drawn.texts if text.role == "unplaced"]
    assert len(notes) == 1 and notes[0].startswith("Pays non placés sur la carte : ")
    assert "Ouzbékistan" in notes[0] and "Royaume-Uni" in notes[0]


# --- 4. a word of another article only is said absent from the lines that answer ---------------


def _add_seed(copy, source_id: str, text: str) -> None:
    (copy.seeds / f"{source_id}.txt").write_text(text, encoding="utf-8")
    sources = copy.content / "sources.yaml"
    sources.write_text(
        sources.read_text(encoding="utf-8")
        + f"  - id: {source_id}\n    label: Essai\n    outlet: null\n    title: null\n"
        f"    published: null\n    published_text: null\n    seed: {source_id}.txt\n",
        encoding="utf-8",
    )


def test_a_word_only_another_article_holds_is_said_absent_from_the_lines_shown(copy):
    """4. « quel jour exactement le forum de Bakou s'est-il terminé ? »: once a new article says
    « s'est terminée » of another meeting, the question still reads as « when » (« quel jour »)
    on the forum's line, and leaves « terminé » aside (said after the answer) — not a
    full-text search whose first hit is about something else."""
    from bot.engine.questions import respond

    _add_seed(copy, "fixture-rencontre", "La rencontre s'est terminée par un plan commun.\n")
    facts = copy.content / "facts.yaml"
    facts.write_text(
        facts.read_text(encoding="utf-8")
        + "  - id: fixture-rencontre-1\n    actors: [AZ]\n    topics: []\n    tense: passé\n"
        "    summary: La rencontre s'est terminée par un plan commun.\n    evidence:\n"
        "      - source: fixture-rencontre\n        key: true\n"
        '        quote: "La rencontre s\'est terminée par un plan commun."\n',
        encoding="utf-8",
    )
    index = Index(copy.load())
    question = "quel jour exactement le forum de Bakou s'est-il terminé ?"
    first = render_html(respond(index, question))[0]
    assert "Chronologie" in first and "Forum" in first
    # said neutrally after the answer (i22zm: « n'emploie pas » read as « the articles don't
    # say it »), never as a full-text search's hit about something else
    assert "Laissé de côté : « termine »" in first
    assert "n'emploie pas" not in first


# --- draft classes: a printed date glued to its weekday ---------------------------------------


def test_a_printed_date_glued_to_its_weekday_is_read_to_the_day():
    """« samedi15 mai 2010, par … » (a page's date line without its space) is the 15 May 2010,
    to the day, as the article prints it — not only « mai 2010 »."""
    from bot.draft.frdates import find_dates

    found = find_dates("vendredi3 juin 2022, par la rédaction", None)
    assert [(f.iso, f.precision, f.basis) for f in found] == [("2022-06-03", "jour", "texte")]
    assert found[0].text == "vendredi3 juin 2022"
