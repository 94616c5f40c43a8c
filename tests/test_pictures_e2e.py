"""/carte and /frise through the real Application and the fake Bot API: photos with captions."""

from __future__ import annotations

import asyncio
import io
import re
from collections.abc import AsyncIterator

import pytest
from PIL import Image

from bot.config import Settings
from bot.engine.index import Index
from bot.engine.pictures import Picture, picture
from bot.render.text import render_text
from bot.telegram.app import build_application
from bot.telegram.pictures import REFUSED_NOTE
from tests.fake_bot_api import ApiError, FakeBotApi
from tests.harness import polling as running

# The photos come from one warm picture process shared by the tests (tests/drawing_server.py):
# these tests check what the bot sends, not the process's life (test_pictures_process does).
pytestmark = pytest.mark.usefixtures("shared_drawing")


@pytest.fixture
async def polling(api: FakeBotApi, base) -> AsyncIterator[FakeBotApi]:
    settings = Settings(token=api.token, api_url=api.url)  # type: ignore[call-arg]
    async with running(build_application(settings, Index(base))):
        yield api


async def test_carte_sends_a_photo_with_caption_and_card_buttons(polling, base):
    api = polling
    # the number of articles behind the map, as the engine computes it for this base
    drawn = picture(Index(base), "carte", "")
    assert isinstance(drawn, Picture)
    sources = re.search(r"Sources : \d+ articles?", render_text(drawn.caption))
    assert sources is not None
    await api.push(api.message_update("/carte"))
    sent = (await api.wait_for("sendPhoto"))[0]
    assert int(sent["chat_id"]) == 42
    image = Image.open(io.BytesIO(sent["photo"]))
    assert image.format == "PNG" and image.size[0] == 1080 and image.size[1] <= 2160
    caption = sent["caption"]
    assert 0 < len(caption) <= 1024
    assert sent["parse_mode"] == "HTML"
    assert "Accord signé ou approuvé" in caption and "<blockquote" in caption
    # what the caption cannot hold follows at once, with the buttons under the last part
    for _ in range(200):
        follow = [m for m in api.sent() if m.get("reply_markup")]
        if follow:
            break
        await asyncio.sleep(0.05)
    texts = [m["text"] for m in api.sent()]
    assert sources.group(0) in caption and all("(suite)" in text for text in texts)
    markup = follow[-1]["reply_markup"]
    buttons = [b["callback_data"] for row in markup["inline_keyboard"] for b in row]
    assert "p:TR" in buttons
    await api.push(api.callback_update("p:TR", message=sent_message(api)))
    card = (await api.wait_for("sendMessage", len(api.sent()) + 1))[-1]
    assert "Turquie" in card["text"] and "<blockquote" in card["text"]


def sent_message(api: FakeBotApi) -> dict:
    photo = api.sent("sendPhoto")[0]
    return {
        "message_id": 1,
        "date": 0,
        "chat": {"id": int(photo["chat_id"]), "type": "private"},
        "caption": photo["caption"],
    }


async def test_frise_with_a_filter_sends_a_phone_width_photo(polling):
    api = polling
    await api.push(api.message_update("/frise 2025"))
    sent = (await api.wait_for("sendPhoto"))[0]
    image = Image.open(io.BytesIO(sent["photo"]))
    assert image.size[0] == 1080 and image.size[1] <= 2 * 1080
    assert len(sent["caption"]) <= 1024 and "frise chronologique — 2025" in sent["caption"]


async def test_frise_pages_turn_in_the_same_message(polling):
    api = polling
    await api.push(api.message_update("/frise"))
    sent = (await api.wait_for("sendPhoto"))[0]
    assert "page 1/" in sent["caption"]
    buttons = [b["callback_data"] for row in sent["reply_markup"]["inline_keyboard"] for b in row]
    turn = next(data for data in buttons if data.startswith("fr:2:"))
    message = sent_message(api) | {"photo": [{"file_id": "p", "file_unique_id": "p",
                                               "width": 1, "height": 1}]}  # fmt: skip
    await api.push(api.callback_update(turn, message=message))
    edited = (await api.wait_for("editMessageMedia"))[0]
    assert "page 2/" in edited["caption"] and edited["photo"] != sent["photo"]
    back = [b["callback_data"] for row in edited["reply_markup"]["inline_keyboard"] for b in row]
    assert any(data.startswith("fr:1:") for data in back)
    assert api.sent("sendPhoto") == [sent]  # the same message, not a new photo
    await api.push(api.callback_update("fr:2:-/ZZ//", message=message))  # a forged filter
    answers = await api.wait_for("answerCallbackQuery", 2)
    assert "plus valable" in answers[-1]["text"]


async def test_unknown_filter_gets_a_clear_french_message(polling):
    api = polling
    await api.push(api.message_update("/carte zorglub"))
    text = (await api.wait_for("sendMessage"))[0]["text"]
    assert "Je n'ai pas compris ce filtre : « zorglub »" in text
    assert api.sent("sendPhoto") == []


async def test_a_refused_photo_falls_back_to_text(polling):
    api = polling
    api.fail("sendPhoto", ApiError(400, "Bad Request: IMAGE_PROCESS_FAILED"))
    await api.push(api.message_update("/frise Turquie"))
    texts = [m["text"] for m in await api.wait_for("sendMessage", 2)]
    assert texts[0] == REFUSED_NOTE
    assert "frise chronologique" in texts[1]


async def test_group_command_with_suffix_gets_the_photo_and_the_menu_lists_it(polling):
    api = polling
    await api.push(
        api.message_update(f"/frise@{api.username} 2025", chat_id=-100500, chat_type="supergroup")
    )
    sent = (await api.wait_for("sendPhoto"))[0]
    assert int(sent["chat_id"]) == -100500 and "reply_parameters" in sent  # quotes the asker
    menu = (await api.wait_for("setMyCommands"))[0]
    assert {"carte", "frise"} <= {command["command"] for command in menu["commands"]}
