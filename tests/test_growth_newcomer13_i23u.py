"""Issue 23, the thirteenth newcomer (branch i23u): four bugs a correct new article showed, each
checked on the five frozen articles plus made-up entries of our own, never on the shipped base.

1. a paged list of agreements (``/accord 2025``, ``/accord signés``) always offers its next page;
2. the map's label placer names every country, off every other coloured country;
3. (tests that pinned shipped facts now compute them: see ``test_pictures``);
4. a short line cut from a summary is never a cut clause, and an open-start date does not claim
   every period before its end.
"""

from __future__ import annotations

from dataclasses import replace

from matplotlib.path import Path
from matplotlib.transforms import Bbox

from bot.content.model import Actor, Event, FactBase
from bot.dates import parse_date
from bot.engine import routes
from bot.engine.commands import answer, callback
from bot.engine.common import entry_button
from bot.engine.filters import TimelineFilter
from bot.engine.index import Index
from bot.engine.pictures import MapSpec, picture
from bot.engine.reply import Item, Para, Reply
from bot.engine.timeline import OVERLAP_WORDS, timeline_page
from bot.image.carte import render_map
from bot.render.text import render_text
from bot.text import keeps_modality, modal_words, short_label


def _pages(index: Index, reply: Reply) -> list[Reply]:
    """The reply and every page after it, by « Suivant ▶ »."""
    found = [reply]
    while turn := [
        b.data for row in found[-1].buttons for b in row if b.label.startswith("Suivant")
    ]:
        found.append(callback(index, turn[0]))
        assert len(found) < 30, "des pages sans fin"
    return found


def _many_signed(base: FactBase, n: int = 9) -> Index:
    """The five frozen articles plus ``n`` made-up copies of a signed agreement, each dated a
    month of 2025: more than a screen of agreements signed in 2025."""
    model = next(a for a in base.agreements if a.act == "signe")
    made = tuple(
        replace(
            model,
            id=f"accord-fictif-{k:02d}",
            title=f"Accord fictif numéro {k}",
            date=parse_date(f"2025-{k + 1:02d}"),
            date_text=None,
            date_basis="texte",
            date_label=None,
            date_note=None,
            date_anchor=None,
        )
        for k in range(n)
    )
    return Index(replace(base, agreements=(*base.agreements, *made)))


def _opened(pages: list[Reply]) -> list[str]:
    return [
        b.data.removeprefix(routes.AGREEMENT.prefix + ":")
        for reply in pages
        for row in reply.buttons
        for b in row
        if routes.parse(b.data) != routes.Stale(b.data)
        and b.data.startswith(routes.AGREEMENT.prefix + ":")
    ]


def test_a_filtered_agreement_list_turns_to_every_page(five_base):
    index = _many_signed(five_base)
    for words in ("2025", "signés", "signés en 2025"):
        first = answer(index, f"/accord {words}")
        assert first.page is not None and first.page.total > 1, words
        pages = _pages(index, first)
        assert len(pages) == first.page.total, words
        for reply in pages:
            notes = [b.text for b in reply.blocks if isinstance(b, Para)]
            assert not any("Précisez" in text for text in notes), words
        opened = _opened(pages)
        assert len(opened) == len(set(opened)), words  # nothing shown twice
        assert {f"accord-fictif-{k:02d}" for k in range(9)} <= set(opened), words


def test_a_page_turn_reads_the_filter_back_as_typed(five_base):
    index = _many_signed(five_base)
    first = answer(index, "/accord signés")
    turn = next(b.data for row in first.buttons for b in row if b.label.startswith("Suivant"))
    parsed = routes.parse(turn)
    assert isinstance(parsed, routes.Parsed) and parsed.route is routes.FOUND_AGREEMENTS
    assert routes.field_filter(parsed.values[1]) == "signés"
    second = callback(index, turn)

    def title(reply: Reply) -> str:
        return next(b.text for b in reply.blocks if isinstance(b, Para)).split(" (")[0]

    assert second.page is not None and second.page.number == 2
    assert title(second) == title(first)  # the same list, read from the same words


def test_a_timeline_whose_filter_cannot_fit_a_button_says_how_to_see_the_rest(five_base):
    index = Index(five_base)
    kinds = tuple(sorted({event.type for event in five_base.events}))
    wanted = TimelineFilter(kinds=kinds)
    assert len(wanted.encode()) > routes.LIMIT  # no button can carry it
    reply = timeline_page(index, wanted, 1)  # no traceback from a group's button
    assert reply.page is not None and reply.page.total > 1
    turns = [b for row in reply.buttons for b in row if b.label.startswith("Suivant")]
    notes = [b.text for b in reply.blocks if isinstance(b, Para)]
    assert not turns and any("Précisez votre recherche" in text for text in notes)
    for row in reply.buttons:
        for button in row:
            assert routes.fits(button.data)


def test_every_paged_view_of_a_grown_base_offers_its_next_page(five_base):
    index = _many_signed(five_base)
    for command in ("/accord", "/accord 2025", "/timeline", "/timeline 2025", "/pays", "/sources"):
        first = answer(index, command)
        if first.page is None:
            continue
        pages = _pages(index, first)
        assert len(pages) == first.page.total, command
        assert [p.page.number for p in pages if p.page] == list(range(1, len(pages) + 1))


# --- 2. the map names every country off every other country ------------------------------


def _crowded_east(base: FactBase) -> Index:
    """The five frozen articles plus made-up entries: agreements signed with Kazakhstan and
    Pakistan, and a fact naming India and China (grey). Kazakhstan, placed first, took the
    only free place near Pakistan with its long leader line: Pakistan was named over India."""
    kazakhstan = base.actors["KZ"]

    def country(code: str, name: str) -> Actor:
        return replace(
            kazakhstan, id=code, name=name, name_en=name, full_name=None, aliases=(), demonyms=()
        )

    model = next(a for a in base.agreements if a.act == "signe")
    made = tuple(
        replace(
            model,
            id=f"accord-fictif-{code}",
            title=f"Accord fictif {code}",
            parties=("AZ", code),
            mediators=(),
            related=(),
            roles={},
        )
        for code in ("KZ", "PK")
    )
    fact = replace(base.facts[0], id="constat-fictif-inde-chine", actors=("IN", "CN"))
    actors = {
        **base.actors,
        "PK": country("PK", "Pakistan"),
        "IN": country("IN", "Inde"),
        "CN": country("CN", "Chine"),
    }
    grown = replace(
        base,
        actors=actors,
        agreements=(*base.agreements, *made),
        facts=(*base.facts, fact),
    )
    return Index(grown)


def test_a_crowded_map_names_each_country_off_every_other_country(five_base):
    spec = picture(_crowded_east(five_base), "carte", "").spec
    assert isinstance(spec, MapSpec) and ("PK", "accord") in spec.countries
    drawn = render_map(spec)
    assert drawn.unplaced == ()
    names = {" ".join(name.split()): code for code, name in spec.labels}
    labels = [t for t in drawn.texts if t.role == "label"]
    assert "PK" in {names[" ".join(t.text.split())] for t in labels}
    for text in labels:
        code = names[" ".join(text.text.split())]
        box = Bbox(((text.box[0], text.box[1]), (text.box[2], text.box[3])))
        for other, rings in drawn.shapes.items():
            if other != code:
                for ring in rings:
                    path = Path([*ring, ring[0]], closed=True)
                    assert not path.intersects_bbox(box, filled=True), (code, other)


# --- 4. a short line from a summary: never a cut clause ------------------------------------

RELATIVE = (
    "Les ministères de la Défense de l'Azerbaïdjan et du Kazakhstan ont signé un plan "
    "commun, selon lequel sont organisés des exercices conjoints."
)
OPENING = (
    "Selon un communiqué du bureau de la présidence azerbaïdjanaise, les deux parties ont "
    "discuté des possibilités de coopération sécuritaire."
)
CLOSING = (
    "Les deux parties ont discuté de coopération, selon un communiqué du bureau de la "
    "présidence azerbaïdjanaise."
)
_FUNCTION_WORDS = {"de", "du", "des", "d'", "la", "le", "les", "l'", "un", "une", "à", "au"}


def _unlabelled(base: FactBase, summary: str) -> Event:
    """A made-up event of the frozen base with no ``label``: its short lines come from its
    summary."""
    return replace(base.events[0], id="fait-fictif", label=None, summary=summary, hedge=None)


def _lead(text: str) -> str | None:
    """The lead a short line puts before « : », if any."""
    head, colon, _rest = text.partition(" : ")
    return head if colon else None


def test_a_relative_selon_lequel_is_no_attribution_to_put_first(five_base):
    event = _unlabelled(five_base, RELATIVE)
    for text in (entry_button(event).label, short_label(RELATIVE), short_label(RELATIVE, 64)):
        assert "lequel" not in text, text
        assert _lead(text) is None, text  # nobody is quoted: no lead at all
    assert modal_words(RELATIVE) == []


def test_a_long_attribution_is_put_first_whole_never_cut_on_a_function_word(five_base):
    for summary in (OPENING, CLOSING):
        event = _unlabelled(five_base, summary)
        for text in (entry_button(event).label, short_label(summary), short_label(summary, 64)):
            lead = _lead(text)
            assert lead is not None and lead.startswith("Selon "), text  # the hedge is kept
            assert lead.split()[-1].lower() not in _FUNCTION_WORDS, text
            assert lead.lower() in summary.lower(), text  # the article's words, never others
            body = text.partition(" : ")[2]
            assert not body.removeprefix("📅 ").startswith("Selon"), text  # not said twice
        assert keeps_modality(summary, short_label(summary))


# --- 4. an open-start date does not claim every earlier period -----------------------------


def _at_the_latest(base: FactBase) -> Index:
    """The frozen base plus a made-up agreement dated « juin 2025 au plus tard »."""
    model = next(a for a in base.agreements if a.act == "signe")
    made = replace(
        model,
        id="achat-fictif",
        title="Accord d'achat fictif",
        date=parse_date("../2025-06-30"),
        date_text=None,
        date_basis="déduit",
        date_label=None,
        date_anchor=None,
        date_reason="« vient de » : juin 2025 au plus tard",
    )
    return Index(replace(base, agreements=(*base.agreements, made)))


def _lists(index: Index, command: str) -> bool:
    reply = answer(index, command)
    pages = _pages(index, reply)
    listed = {b.entry for page in pages for b in page.blocks if isinstance(b, Item)}
    opened = {b.data for page in pages for row in page.buttons for b in row}
    return "achat-fictif" in listed or routes.AGREEMENT.build("achat-fictif") in opened


def test_an_open_start_date_answers_its_month_and_the_one_before_never_a_year_earlier(
    five_base,
):
    index = _at_the_latest(five_base)
    for command in ("/timeline juin 2025", "/timeline mai 2025", "/timeline 2025"):
        assert _lists(index, command), command
        assert OVERLAP_WORDS in render_text(answer(index, command)), command  # said « may »
    for command in ("/timeline août 2024", "/timeline 2024", "/timeline avril 2025"):
        assert not _lists(index, command), command
    assert not _lists(index, "/accord 2024")
