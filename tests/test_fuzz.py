"""Property-based fuzzing of every entry point: never an exception, always sendable output."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from bot.engine.commands import COMMANDS, answer, callback
from bot.engine.index import Index
from bot.engine.inline import INLINE_LIMIT, inline_offers
from bot.push.compose import NothingToPostError, compose
from bot.render.html import MESSAGE_LIMIT, render_html
from tests.harness import assert_sendable
from tests.telegram_html import html_errors

TRICKY = [
    "\u202e",
    "\u200b",
    "\u200f",
    "\u2066",
    "\ufeff",
    "<b>",
    "</b>",
    "<a href='x'>",
    "&",
    "&amp;",
    "&lt;",
    "**",
    "__",
    "`",
    "```",
    "[x](y)",
    "~~",
    "||",
    "🇹🇷",
    "👨‍👩‍👧",
    "ﷺ",
    "שלום",
    "مرحبا",
    "Ω",
    "\x00",
    "\n",
    "\t",
    "é",
    "Ü",
    "ß",
    "İ",
    "Turquie",
    "OTAN",
    "2025",
    "/",
    "@",
    "#",
    "-",
    ":",
]
hostile = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(TRICKY), max_size=60).map("".join),
    st.builds(  # 9,000 to 10,000 characters
        lambda piece, size: (piece * (size // len(piece) + 1))[:size],
        st.one_of(
            st.sampled_from(TRICKY),
            st.lists(st.sampled_from(TRICKY), min_size=1, max_size=8).map("".join),
        ),
        st.integers(9_000, 10_000),
    ),
)
relaxed = settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@pytest.fixture(scope="module")
def index(base):
    return Index(base)


@relaxed
@given(command=st.sampled_from([c.name for c in COMMANDS] + ["inconnue", ""]), argument=hostile)
def test_commands(index, command, argument):
    assert_sendable(answer(index, f"/{command} {argument}"))
    assert_sendable(answer(index, f"/{command}@AzSecBot {argument}"))


@relaxed
@given(text=hostile)
def test_plain_text_and_deep_links(index, text):
    assert_sendable(answer(index, text))
    assert_sendable(answer(index, f"/start {text}"))


@relaxed
@given(
    prefix=st.sampled_from(["tl:", "tl:1:", "p:", "o:", "a:", "ac:", "al:", "so:", "e:", ""]),
    rest=hostile,
)
def test_callbacks(index, prefix, rest):
    assert_sendable(callback(index, (prefix + rest)[:64]))


@relaxed
@given(query=hostile)
def test_inline_queries(index, query):
    offers = inline_offers(index, query)
    assert len(offers) <= INLINE_LIMIT
    assert len({offer.id for offer in offers}) == len(offers)
    for offer in offers:
        assert 1 <= len(offer.id.encode("utf-8")) <= 64
        message = render_html(offer.reply)[0]
        assert len(message) <= MESSAGE_LIMIT and html_errors(message) == []


@relaxed
@given(
    kind=st.sampled_from(["timeline", "pays", "accord", "nouveautés", "digest", "x"]), arg=hostile
)
@example(kind="accord", arg=("\u202eOTAN" * 2250)[:9000])  # was 11 messages, most > 4096
def test_channel_posts(index, kind, arg):
    try:
        post = compose(index, f"{kind} {arg}", date(2025, 11, 6), set())
    except NothingToPostError as reason:
        assert str(reason)
        return
    assert_sendable(post.reply)
