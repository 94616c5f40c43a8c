"""The route table (bot.engine.routes): every button's data and deep-link payload is built and
read in one place, never longer than Telegram accepts, and anything else reads as stale."""

from __future__ import annotations

import pytest

from bot.engine import paging, routes
from bot.engine.commands import STALE, answer, callback
from bot.engine.filters import TimelineFilter
from bot.engine.index import Index
from bot.engine.reply import Reply
from tests.golden import ASKED

SAMPLES: dict[routes.Route, tuple[str, ...]] = {
    routes.COMMAND: ("/cherche drones",),
    routes.TIMELINE: ("2", "20250101-20251231/TR.GB/defense"),
    routes.COUNTRY: ("TR",),
    routes.ORGANISATION: ("NATO",),
    routes.AGREEMENTS_OF: ("TR", "3"),
    routes.CONTEXT: ("GB", "1"),
    routes.SEARCH: ("2", "petrole.lukoil"),
    routes.COUNTRIES: ("4",),
    routes.ORGANISATIONS: ("1",),
    routes.ALL_AGREEMENTS: ("12",),
    routes.FOUND_AGREEMENTS: ("2", "sign%C3%A9s en 2025"),
    routes.SOURCES: ("2",),
    routes.AGREEMENT: ("gb-az-2025",),
    routes.AGREEMENT_FULL: ("gb-az-2025",),
    routes.EVENT: ("evt-1",),
    routes.EVENT_FULL: ("evt-1",),
    routes.FRIEZE: ("3", "-/TR//"),
    routes.FOLLOW: ("f", "acteur:TR"),
    routes.OUTBOX: ("r", "42"),
    routes.PREVIEW: ("ok", "-1001234.7"),
    routes.LINK_COUNTRY: ("turquie",),
    routes.LINK_ORGANISATION: ("otan",),
    routes.LINK_AGREEMENT: ("gb-az-2025",),
    routes.LINK_TIMELINE: ("2025",),
    routes.LINK_EVENT: ("evt-1",),
    routes.LINK_INLINE: (),
    routes.LINK_FOLLOW: ("a", "TR"),
}


@pytest.fixture(scope="module")
def index(base) -> Index:
    return Index(base)


def test_every_route_has_a_sample_and_distinct_prefixes():
    assert set(SAMPLES) == set(routes.BUTTONS) | set(routes.LINKS)
    prefixes = [route.prefix for route in routes.BUTTONS]
    assert len(prefixes) == len(set(prefixes))


@pytest.mark.parametrize("route", list(SAMPLES), ids=lambda route: route.prefix)
def test_every_route_round_trips(route):
    values = SAMPLES[route]
    data = route.build(*values)
    assert routes.fits(data)
    read = routes.parse_link(data) if route in routes.LINKS else routes.parse(data)
    assert read == routes.Parsed(route, values)
    if route in routes.BUTTONS:
        assert routes.parse(routes.EDIT + data) == routes.Parsed(route, values, edit=True)


def test_data_that_cannot_fit_is_refused_not_cut():
    with pytest.raises(routes.TooLongError):
        routes.AGREEMENT.build("x" * 70)
    assert routes.AGREEMENT.build_or_none("x" * 70) is None
    assert routes.AGREEMENT.build_or_none("x" * 62) == "a:" + "x" * 62
    assert routes.AGREEMENT.turn("x" * 62) is None  # the page-turn mark ~ makes it 65 bytes
    assert routes.AGREEMENT.turn("x" * 61) == "~a:" + "x" * 61
    with pytest.raises(routes.TooLongError):  # an accent is two bytes, and not ASCII
        routes.COMMAND.build("/cherche sécurité")
    with pytest.raises(ValueError):  # a value its own route cannot read back
        routes.ALL_AGREEMENTS.build("deux")


@pytest.mark.parametrize(
    "data",
    [
        "",
        "~",
        "zz:1",
        "p",
        "al:",
        "al:²",
        "sr:1:",
        "sr:1:a..b",
        "c:cherche",
        "tl:x:-//",
        "cx:TR",
        "ac:TR:3:4",
        "ob:x:1",
        "pv:ok:abc",
        "sv:f:Acteur:TR",
        "é:1",
        "a:" + "x" * 70,
    ],
)
def test_unknown_or_forged_data_reads_as_stale(data):
    assert routes.parse(data) == routes.Stale(data)


@pytest.mark.parametrize("payload", ["", "inconnu-x", "pays", "pays turquie", "x" * 65, "é"])
def test_unknown_payload_reads_as_stale(payload):
    assert routes.parse_link(payload) == routes.Stale(payload)


def test_longest_shipped_ids_fit_or_are_refused(base, index):
    """On the shipped base, each route's longest realistic data fits, or build says it cannot."""
    longest_actor = max(base.actors, key=len)
    longest_agreement = max(index.deals.by_id, key=len)
    longest_entry = max(index.entries, key=len)
    every = TimelineFilter(actors=tuple(sorted(base.actors))[:3]).encode()
    cases = [
        (routes.COUNTRY, (longest_actor,)),
        (routes.ORGANISATION, (longest_actor,)),
        (routes.AGREEMENTS_OF, (longest_actor, "999")),
        (routes.CONTEXT, (longest_actor, "999")),
        (routes.AGREEMENT, (longest_agreement,)),
        (routes.AGREEMENT_FULL, (longest_agreement,)),
        (routes.EVENT, (longest_entry,)),
        (routes.EVENT_FULL, (longest_entry,)),
        (routes.TIMELINE, ("999", every)),
        (routes.FRIEZE, ("999", every)),
        (routes.LINK_AGREEMENT, (longest_agreement,)),
        (routes.LINK_EVENT, (longest_entry,)),
    ]
    for route, values in cases:
        try:
            data = route.build(*values)
        except routes.TooLongError:
            continue
        assert routes.fits(data), data
        assert route.parse(data) == values


def _buttons(reply: Reply) -> list[str]:
    return [button.data for row in reply.buttons for button in row]


def test_every_button_the_shipped_answers_show_is_a_route_that_answers(index):
    """Two levels of buttons under the golden commands: each parses, and none is stale."""
    seen: set[str] = set()
    queue = [answer(index, asked) for asked in ASKED if asked.startswith("/")]
    for _depth in range(2):
        following: list[Reply] = []
        for reply in queue:
            for data in _buttons(reply):
                if data in seen:
                    continue
                seen.add(data)
                parsed = routes.parse(data)
                assert isinstance(parsed, routes.Parsed), data
                if parsed.route.prefix in ("fr", "sv", "ob", "pv"):
                    continue  # answered by adapters, not by the engine
                behind = callback(index, data)
                assert behind is not STALE, data
                following.append(behind)
        queue = following
    assert seen


def test_stale_route_data_gets_the_stale_answer(index):
    for data in ("zz:1", "~zz:1", "~", "a:nope", "p:ZZ", "tl:1:-/ZZ/"):
        assert callback(index, data) == STALE


def test_one_pagination_helper_clamps_and_refuses_what_cannot_fit():
    assert paging.window(0, 8, 1) == (1, 0, 0, 1)
    assert paging.window(17, 8, 3) == (3, 16, 17, 3)
    assert paging.window(17, 8, 9) == (3, 16, 17, 3)  # a page past the end shows the last
    assert paging.window(17, 8, 0) == (1, 0, 8, 3)
    middle = paging.turns(2, 3, routes.SOURCES.turn)
    assert middle is not None and [b.data for b in middle] == ["~so:1", "~so:3"]
    assert paging.turns(1, 1, routes.SOURCES.turn) == ()
    assert paging.turns(1, 2, lambda n: routes.SEARCH.turn(n, "x" * 70)) is None
