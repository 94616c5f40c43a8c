"""Issue 28, points 1–2: button data and deep-link payloads are written and read by the route
table only. Every button an answer can carry (the golden questions, the dev question sets and
one level of buttons behind them) reads back through the table into the data it came from;
data a button cannot have sent (forged, over-long) gets the stale-button message; the engine
is handed the table's reading, never raw data; no engine or adapter module writes a prefix,
cuts at 64 or splits data by hand."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.content.yamlread import read_yaml
from bot.engine import routes
from bot.engine.commands import STALE, answer, button_reply, callback
from bot.engine.index import Index
from bot.engine.pictures import timeline_turn
from bot.engine.questions import respond
from bot.engine.reply import Reply
from tests.golden import ASKED, TODAY

ROOT = Path(__file__).resolve().parent.parent
DEV_SETS = ("questions_dev2.yaml", "questions_dev3.yaml", "questions_dev4.yaml")
ADAPTERS = (routes.FRIEZE, routes.FOLLOW, routes.OUTBOX, routes.PREVIEW)


@pytest.fixture(scope="module")
def index(base) -> Index:
    return Index(base)


def _asked() -> list[str]:
    asked = list(ASKED)
    for name in DEV_SETS:
        loaded = read_yaml((ROOT / "tests" / name).read_text(encoding="utf-8"))
        asked += [str(question["q"]) for question in loaded["questions"]]
    return asked


def _data(reply: Reply) -> list[str]:
    return [button.data for row in reply.buttons for button in row]


def _rebuilt(parsed: routes.Parsed) -> str:
    """The data the route table writes for what it read (the « replace » mark kept; an
    absent optional field may come back empty: ``ac:TR`` is written ``ac:TR:``)."""
    data = parsed.route.build(*parsed.values)
    return routes.EDIT + data if parsed.edit else data


@pytest.mark.slow  # a whole question set
def test_every_button_any_answer_carries_reads_back_through_the_route_table(index):
    seen: set[str] = set()
    replies = [respond(index, asked, TODAY) for asked in _asked()]
    behind: list[Reply] = []
    for depth, queue in enumerate((replies, behind)):
        for reply in queue:
            for data in _data(reply):
                if data in seen:
                    continue
                seen.add(data)
                parsed = routes.parse(data)
                assert isinstance(parsed, routes.Parsed), data
                assert routes.fits(data) and routes.parse(_rebuilt(parsed)) == parsed, data
                if depth == 0 and parsed.route not in ADAPTERS:
                    behind.append(button_reply(index, parsed))
    assert len(seen) > 50  # the walk reached the answers' buttons
    prefixes = {routes.parse(data).route.prefix for data in seen}  # type: ignore[union-attr]
    assert {"c", "a", "e"} <= prefixes  # question, agreement and event buttons were walked


@pytest.mark.parametrize(
    "data",
    [
        "a:" + "x" * 63,  # 65 bytes: more than Telegram sends
        "~sr:1:" + "a" * 70,
        "c:/cherche " + "x" * 60,
        "c:/cherche sécurité",  # not ASCII
        "sr:1:petrole..lukoil",
        "lp:-1",
        "a:inconnu-de-la-base",
        "zz:1",
        "",
    ],
)
def test_forged_or_over_long_data_gets_the_stale_message(index, data):
    assert button_reply(index, routes.parse(data)) is STALE
    assert callback(index, data) is STALE


def test_the_engine_is_handed_the_route_tables_reading(index):
    parsed = routes.parse(routes.COMMAND.build("/pays Turquie"))
    assert isinstance(parsed, routes.Parsed)
    assert button_reply(index, parsed) == answer(index, "/pays Turquie")
    assert button_reply(index, routes.Stale("a:x")) is STALE
    frieze = routes.FRIEZE.parse(routes.FRIEZE.build(1, "-///"))
    assert frieze is not None
    assert timeline_turn(index, int(frieze[0]), frieze[1]) is not None


@pytest.mark.parametrize(
    ("payload", "route", "values"),
    [
        ("inline", routes.LINK_INLINE, ()),
        ("timeline", routes.LINK_TIMELINE, ("",)),
        ("timeline-2025", routes.LINK_TIMELINE, ("2025",)),
        ("suivre", routes.LINK_FOLLOW, ("", "")),
        ("suivre-a-TR", routes.LINK_FOLLOW, ("a", "TR")),
        ("pays-royaume-uni", routes.LINK_COUNTRY, ("royaume-uni",)),
    ],
)
def test_every_deep_link_payload_is_one_route(payload, route, values):
    assert routes.parse_link(payload) == routes.Parsed(route, values)


def test_deep_link_answers_follow_the_route_table(index):
    assert answer(index, "/start inline") == answer(index, "/start")
    assert answer(index, "/start timeline") == answer(index, "/timeline")
    assert answer(index, "/start pays-turquie") == answer(index, "/pays turquie")
    for unknown in ("pays", "pays-", "suivre-a-TR", "x" * 70, "pays-" + "t" * 70):
        reply = answer(index, f"/start {unknown}")
        assert not reply.found and "aucune fiche connue" in reply.blocks[0].text, unknown


def test_a_payload_the_table_cannot_write_is_none_not_cut():
    assert routes.LINK_AGREEMENT.build_or_none("x" * 60) is None  # 67 characters
    assert routes.LINK_AGREEMENT.build_or_none("a.b") is None  # a dot: not a payload
    assert routes.LINK_AGREEMENT.build_or_none("x" * 57) == "accord-" + "x" * 57


_BY_HAND = (
    re.compile(r"""f?["'](?:~?[a-z]{1,3}):(?:/|\{)"""),  # f"a:{id}", "c:/aide"
    re.compile(r"""["'][a-z]{1,3}:[0-9]["']"""),  # "al:1"
    re.compile(r"\[:\s*64\]|<=\s*64\b|==\s*64\b"),  # the limit restated
    re.compile(r"""\.partition\(["']-["']\)"""),  # a payload split by hand
)
_EXEMPT = {"bot/engine/routes.py"}
_NOT_OURS = ("bot/draft/", "bot/rebuild.py", "bot/startup.py", "bot/content/snapshot.py")


def test_no_module_writes_or_splits_button_data_by_hand():
    found = []
    for path in sorted((ROOT / "bot").rglob("*.py")):
        name = path.relative_to(ROOT).as_posix()
        if name in _EXEMPT or name.startswith(_NOT_OURS):
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if any(pattern.search(line) for pattern in _BY_HAND):
                found.append(f"{name}:{number}: {line.strip()}")
    assert not found, "\n".join(found)


def test_the_route_has_no_second_pattern():
    """Handlers take their pattern from bot.telegram.button_patterns only."""
    assert not hasattr(routes.Route, "pattern")


def test_a_button_checks_the_limit_with_the_route_table():
    """Short data that no route could write (not ASCII) is refused like over-long data."""
    from bot.engine.reply import Button

    with pytest.raises(ValueError):
        Button("x", "a:é")
    assert Button("x", routes.AGREEMENT.build("gb-az-2025")).data == "a:gb-az-2025"


def test_the_adapters_payloads_are_the_route_tables(index):
    """« Ouvrir le bot » (inline) and « 🔔 Suivre » (channel posts) write and read their
    payloads with the table: they open what they promise."""
    from bot.push.follow import ACTOR
    from bot.telegram.follow_links import payload_of, target_of_payload
    from bot.telegram.inline import OPEN_BOT

    assert answer(index, f"/start {OPEN_BOT}") == answer(index, "/start")
    target = f"{ACTOR}:TR"
    payload = payload_of(target)
    assert payload == "suivre-a-TR" and target_of_payload(payload) == target
    assert payload_of(f"{ACTOR}:" + "T" * 60) is None  # over 64 characters: no link, not cut
    for other in ("suivre", "suivre-a-", "suivre-x-TR", "pays-turquie", "suivre-a-é"):
        assert target_of_payload(other) is None, other
