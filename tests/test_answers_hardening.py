"""Answers that used to be misread, cut, doubled or crash: each case from issue 12."""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime

import pytest

from bot.clock import today
from bot.config import Settings
from bot.engine.commands import STALE, answer, callback
from bot.engine.filters import TimelineFilter, parse_filter
from bot.engine.index import Index
from bot.render.html import render_html
from bot.telegram.answers import EDITED_NOTE
from bot.telegram.app import build_application
from bot.telegram.gates import FLOOD_NOTICE
from bot.telegram.replying import STALE_BUTTON
from bot.telegram.send import CUT_MARKER
from bot.text import fold
from tests.harness import confirm_preview, polling

ADMIN = 42
CHANNEL = -1001234567890


@pytest.fixture(scope="module")
def index(base) -> Index:
    return Index(base)


@pytest.mark.parametrize("space", ["\n", "\t", "\u00a0", "\u202f", " \n "])
def test_any_whitespace_after_the_command_starts_the_argument(index, space):
    first = render_html(answer(index, f"/pays{space}Turquie"))[0]
    assert "Turquie" in first.split("\n")[0]


@pytest.mark.parametrize(
    "data", ["al:²", "al:¹²", "tl:²:-//", "ac:TR:³", "cx:TR:²", "p:TR" + "x" * 80, "e:"]
)
def test_forged_button_data_gets_the_stale_answer(index, data):
    assert callback(index, data) == STALE


def test_a_range_written_with_days_is_read_in_order(index):
    found = parse_filter(index, "du 1 janvier 2020 au 31 décembre 2026")
    assert found == TimelineFilter(date(2020, 1, 1), date(2026, 12, 31))
    found = parse_filter(index, "entre le 1er mars 2025 et le 15 juin 2025")
    assert found == TimelineFilter(date(2025, 3, 1), date(2025, 6, 15))


def test_premier_is_understood(index):
    assert parse_filter(index, "1er janvier 2025") == TimelineFilter(
        date(2025, 1, 1), date(2025, 1, 1)
    )
    assert parse_filter(index, "depuis le 1er mars 2025") == TimelineFilter(date(2025, 3, 1))


def test_schwa_folds_to_a(copy):
    assert fold("Azərbaycan") == "azarbaycan" and fold("ƏLİYEV") == "aliyev"
    # with the endonym as an alias (a content decision), every spelling finds it
    copy.edit("actors.yaml", "aliases: [Azerbaidjan,", "aliases: [Azərbaycan, Azerbaidjan,")
    index = Index(copy.load())
    for spelling in ("Azərbaycan", "AZƏRBAYCAN", "Azarbaycan"):
        found = index.names.find_actor(spelling)
        assert found is not None and found.actor.id == "AZ", spelling


def test_today_is_computed_in_the_bot_timezone():
    late = datetime(2026, 1, 1, 22, 30, tzinfo=UTC)
    assert today("Asia/Baku", late) == date(2026, 1, 2)
    assert today("America/New_York", late) == date(2026, 1, 1)


async def test_flood_guard_applies_to_private_chats(api, base):
    application = build_application(Settings(token=api.token, api_url=api.url), Index(base))
    async with polling(application):
        for _ in range(25):
            await api.push(api.message_update("/aide", user_id=9))
        await api.wait_for("sendMessage", 21)
        await api.push(api.message_update("/aide", user_id=10))  # someone else
        await api.wait_for("sendMessage", 22)
        await asyncio.sleep(0.3)
    to_9 = [p["text"] for p in api.sent() if int(p["chat_id"]) == 9]
    assert to_9.count(FLOOD_NOTICE) == 1 and len(to_9) == 21


async def until(predicate, timeout: float = 15.0) -> None:
    """Wait until ``predicate()`` holds (the bot's messages arrive asynchronously)."""
    for _ in range(int(timeout / 0.05)):
        if predicate():
            return
        await asyncio.sleep(0.05)
    raise AssertionError("condition jamais remplie")


async def test_an_edited_command_gets_a_note_never_a_second_answer_nor_post(api, base, tmp_path):
    settings = Settings(
        token=api.token,
        api_url=api.url,
        channel_id=CHANNEL,
        admin_ids=frozenset({ADMIN}),
        state_path=tmp_path / "s.db",
    )
    index = Index(base)
    answer_parts = len(render_html(answer(index, "/pays Turquie")))

    def to(chat: int) -> list[str]:
        return [p["text"] for p in api.sent() if int(p["chat_id"]) == chat]

    async with polling(build_application(settings, index)):
        asked = await api.push(api.message_update("/pays Turquie", user_id=7))
        await until(lambda: len(to(7)) == answer_parts)
        await api.push(api.edited_update(asked, "/pays Grèce"))
        await until(lambda: EDITED_NOTE in to(7))
        order = await api.push(api.message_update("/publier accord paix", user_id=ADMIN))
        await confirm_preview(api, ADMIN)
        await until(lambda: any("Publié" in t for t in to(ADMIN)))
        await api.push(api.edited_update(order, "/publier pays Turquie"))
        await until(lambda: EDITED_NOTE in to(ADMIN))
        await asyncio.sleep(0.3)  # time for a wrong second answer or post to show up
    assert len(to(7)) == answer_parts + 1 and to(7)[-1] == EDITED_NOTE
    assert not any("GRÈCE" in t.upper().split("\n")[0] for t in to(7))
    posts = to(CHANNEL)
    assert posts and not any("Turquie" in t.split("\n")[0] for t in posts)
    assert to(ADMIN)[-1] == EDITED_NOTE and sum("Publié" in t for t in to(ADMIN)) == 1


async def test_a_forged_button_gets_the_stale_answer_end_to_end(api, base):
    application = build_application(Settings(token=api.token, api_url=api.url), Index(base))
    shown = {"message_id": 77, "date": 0, "chat": {"id": 42, "type": "private"}, "text": "x"}
    async with polling(application):
        await api.push(api.callback_update("al:²", message=shown))
        answered = (await api.wait_for("answerCallbackQuery"))[0]
    assert answered["text"] == STALE_BUTTON


async def test_inline_results_fit_one_message_and_link_the_full_card(api, base):
    index = Index(base)
    application = build_application(Settings(token=api.token, api_url=api.url), index)
    async with polling(application):
        await api.push(api.inline_update("Russie"))
        results = (await api.wait_for("answerInlineQuery"))[0]["results"]
        await api.push(api.inline_update("licornes roses"))
        empty = (await api.wait_for("answerInlineQuery", 2))[1]
    assert results
    for result in results:
        text = result["input_message_content"]["message_text"]
        assert len(text) <= 4096 and CUT_MARKER not in text  # compact: never cut
        if result["id"] == "q":  # a question's answer, not a card
            continue
        button = result["reply_markup"]["inline_keyboard"][0][0]
        assert button["url"].startswith(f"https://t.me/{api.username}?start=")
    assert empty["results"] == []
    assert empty["button"] == {"text": "Ouvrir le bot", "start_parameter": "inline"}


async def test_any_reload_failure_is_reported_even_a_recursion_error(copy, base):
    from bot.telegram.reload import reload_content
    from bot.telegram.services import Services

    events = copy.content / "events.yaml"
    events.write_text("events: " + "[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")
    found = Services(Index(base), Settings(token="1:x"), content_dir=copy.content)
    found.seeds_dir = copy.seeds
    before = found.index
    ok, report = await reload_content(found)
    assert not ok and "❌" in report and "ancienne base" in report
    assert found.index is before  # the old base keeps serving


def test_a_page_too_long_for_one_message_continues_in_the_next_one():
    from bot.engine.reply import Para, Reply
    from bot.telegram.send import PAGE_MARKER, one_message, page_messages

    words = [f"mot{n}" for n in range(1600)]
    reply = Reply(
        (Para("Titre", "title"), Para(" ".join(words[:800])), Para(" ".join(words[800:])))
    )
    parts = page_messages(reply)
    assert len(parts) >= 2 and parts[0].endswith(PAGE_MARKER)
    assert all(len(part) <= 4096 for part in parts)
    joined = " ".join(parts)
    assert all(word in joined for word in ("mot0", "mot799", "mot800", "mot1599"))
    text, cut = one_message(reply)
    assert cut and text.endswith(CUT_MARKER) and len(text) <= 4096
    assert one_message(Reply((Para("court"),))) == ("court", False)
