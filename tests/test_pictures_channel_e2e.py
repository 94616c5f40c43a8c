"""/publier carte and /publier frise 2025: one photo message through the persisted outbox."""

from __future__ import annotations

import asyncio
import io
import sqlite3

import pytest
from PIL import Image

from bot.engine.index import Index
from bot.push.migrations import LATEST
from bot.push.outbox import Outbox
from tests.fake_bot_api import ApiError, FakeBotApi
from tests.harness import confirm_preview, press_preview, wait_for_preview
from tests.test_push_e2e import ADMIN, CHANNEL, running, settings_for

# The photos come from one warm picture process shared by the tests (tests/drawing_server.py):
# these tests check what the bot sends, not the process's life (test_pictures_process does).
pytestmark = pytest.mark.usefixtures("shared_drawing")


async def published(api: FakeBotApi) -> dict:
    """The admin's « Publié » answer, once the confirmed post has gone out."""
    for _ in range(300):
        done = [p for p in api.sent() if int(p["chat_id"]) == ADMIN and "Publié" in p["text"]]
        if done:
            return done[-1]
        await asyncio.sleep(0.05)
    raise AssertionError("pas de réponse « Publié »")


def channel_photos(api: FakeBotApi) -> list[dict]:
    return [p for p in api.sent("sendPhoto") if int(p["chat_id"]) == CHANNEL]


async def test_publier_carte_posts_one_photo_with_its_caption(api, base, tmp_path):
    async with running(settings_for(api, tmp_path / "s.db"), Index(base)):
        await api.push(api.message_update("/publier carte", user_id=ADMIN))
        preview = await wait_for_preview(api, ADMIN)
        assert channel_photos(api) == []  # the admin sees the photo first, the channel nothing
        assert [int(p["chat_id"]) for p in api.sent("sendPhoto")] == [ADMIN]
        await press_preview(api, ADMIN, preview)
        answer = await published(api)
    photos = channel_photos(api)
    assert len(photos) == 1
    assert Image.open(io.BytesIO(photos[0]["photo"])).size[0] == 1080
    caption = photos[0]["caption"]
    assert len(caption) <= 1024 and "pays cités" in caption
    # the post carries the quotes: one key quote per category, in the caption itself
    assert "<blockquote" in caption and "Accord signé ou approuvé" in caption
    rest = [p["text"] for p in api.sent() if int(p["chat_id"]) == CHANNEL]
    assert all("(suite)" in text for text in rest)  # what did not fit follows, never cut
    assert int(answer["chat_id"]) == ADMIN and "https://t.me/c/1234567890/" in answer["text"]


async def test_publier_frise_2025_posts_the_filtered_timeline(api, base, tmp_path):
    async with running(settings_for(api, tmp_path / "s.db"), Index(base)):
        await api.push(api.message_update("/publier frise 2025", user_id=ADMIN))
        await confirm_preview(api, ADMIN)
        await published(api)
    photos = channel_photos(api)
    assert len(photos) == 1 and "frise chronologique — 2025" in photos[0]["caption"]


async def test_refused_photo_falls_back_to_the_caption_as_text(api, base, tmp_path):
    async with running(settings_for(api, tmp_path / "s.db"), Index(base)):
        await api.push(api.message_update("/publier carte 2025", user_id=ADMIN))
        preview = await wait_for_preview(api, ADMIN)
        api.fail("sendPhoto", ApiError(400, "Bad Request: IMAGE_PROCESS_FAILED"))
        await press_preview(api, ADMIN, preview)
        for _ in range(200):
            if [p for p in api.sent() if int(p["chat_id"]) == CHANNEL]:
                break
            await asyncio.sleep(0.05)
    texts = [p["text"] for p in api.sent() if int(p["chat_id"]) == CHANNEL]
    assert texts and "Azerbaïdjan : pays cités dans les entrées de 2025" in texts[0]
    assert all("(suite)" in text for text in texts[1:])
    assert channel_photos(api) == []


async def test_unknown_filter_posts_nothing(api, base, tmp_path):
    async with running(settings_for(api, tmp_path / "s.db"), Index(base)):
        await api.push(api.message_update("/publier frise zorglub", user_id=ADMIN))
        answer = (await api.wait_for("sendMessage"))[0]
    assert "« zorglub »" in answer["text"]
    assert channel_photos(api) == [] and api.sent("sendPhoto") == []


async def test_a_recorded_photo_is_sent_after_a_restart(api, base, tmp_path):
    settings = settings_for(api, tmp_path / "s.db")
    outbox = Outbox(settings.state_path)
    assert outbox.version() == LATEST
    png = b"\x89PNG\r\n\x1a\n" + b"0" * 64
    outbox.record_photo("publier:crash", CHANNEL, None, ["<b>Carte</b>"], png)
    outbox.close()  # the process "dies" before sending
    async with running(settings, Index(base)):
        await api.wait_for("sendPhoto")
    photos = channel_photos(api)
    assert len(photos) == 1 and photos[0]["photo"] == png
    assert photos[0]["caption"] == "<b>Carte</b>"


def test_photo_table_comes_with_the_migration(tmp_path):
    path = tmp_path / "s.db"
    Outbox(path).close()
    tables = {row[0] for row in sqlite3.connect(path).execute("SELECT name FROM sqlite_master")}
    assert "outbox_photos" in tables


def test_the_same_photo_post_is_recorded_once(tmp_path):
    outbox = Outbox(tmp_path / "s.db")
    png = b"\x89PNG\r\n\x1a\n" + b"1" * 16
    assert outbox.record_photo("publier:1:2", CHANNEL, None, ["légende", "suite"], png)
    assert not outbox.record_photo("publier:1:2", CHANNEL, None, ["autre"], png)
    items = outbox.of_post("publier:1:2")
    assert [item.text for item in items] == ["légende", "suite"]
    assert outbox.photo(items[0].id) == png and outbox.photo(items[1].id) is None
