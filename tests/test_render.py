"""Renderers: valid Telegram HTML within limits, whatever the input; readable terminal text."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.engine.commands import COMMANDS, answer, callback
from bot.engine.index import Index
from bot.engine.reply import Button, Item, Para, Quote, Reply
from bot.render.html import MESSAGE_LIMIT, render_html
from bot.render.text import render_text
from tests.harness import assert_sendable
from tests.telegram_html import html_errors


@pytest.fixture(scope="module")
def index(base):
    return Index(base)


def test_dynamic_text_is_escaped():
    reply = Reply((Para("<b>x</b> & y"), Item("<i>", "a<b"), Quote("1 < 2", "A&B")))
    html = render_html(reply)[0]
    assert "&lt;b&gt;x&lt;/b&gt; &amp; y" in html
    assert "<blockquote>1 &lt; 2</blockquote>" in html and "A&amp;B" in html
    assert html_errors(html) == []


def test_long_replies_split_between_blocks_within_the_limit():
    blocks = tuple(Item(f"{n}", "mot " * 50) for n in range(200))
    messages = render_html(Reply(blocks))
    assert len(messages) > 1
    assert all(len(m) <= MESSAGE_LIMIT and html_errors(m) == [] for m in messages)
    assert sum(m.count("• <b>") for m in messages) == 200  # no block lost or cut


def test_a_single_huge_block_is_cut_into_valid_pieces():
    reply = Reply((Quote("é<&" * 3000 + " fin", "source"),))
    messages = render_html(reply, limit=1000)
    assert len(messages) > 1
    assert all(len(m) <= 1000 and html_errors(m) == [] for m in messages)


def test_button_data_over_64_bytes_is_refused():
    with pytest.raises(ValueError):
        Button("x", "é" * 40)


def test_every_shipped_answer_is_sendable(index, base):
    questions = [f"/{command.name}" for command in COMMANDS]
    questions += [f"/pays {actor.name}" for actor in base.actors.values()]
    questions += [f"/accord {agreement.title}" for agreement in base.agreements]
    questions += ["/timeline 2025", "/timeline Turquie énergie", "/cherche OTAN"]
    for question in questions:
        reply = answer(index, question)
        assert_sendable(reply)
        for row in reply.buttons:
            for button in row:
                assert_sendable(callback(index, button.data))


hostile = st.one_of(
    st.text(max_size=400),
    st.text(alphabet="<>&\"'/bi\u200b\u202e\u05d0\u0627*_`[]()~ 🇹🇷é", max_size=400),
    st.sampled_from(["<b>", "</blockquote>", "&amp;", "**gras**", "[lien](http://x)", "\u202e"]),
)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(command=st.sampled_from([c.name for c in COMMANDS]), argument=hostile)
def test_any_argument_gives_a_sendable_reply(index, command, argument):
    assert_sendable(answer(index, f"/{command} {argument}"))


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.text(max_size=80))
def test_any_callback_data_gives_a_sendable_reply(index, data):
    assert_sendable(callback(index, data))


def test_terminal_text_numbers_buttons(index):
    reply = answer(index, "/pays Turquie")
    text = render_text(reply)
    labels = [button.label for row in reply.buttons for button in row]
    assert labels[0].startswith("📅 Chronologie (") and labels[1].startswith("📄 Accords (")
    for number, label in enumerate(labels, start=1):  # each button, numbered in order
        assert f"  [{number}] {label}" in text.splitlines()
    assert "<" not in text.replace("«", "")
