"""The picture process (issue 25): the bot never imports matplotlib; one process at a time,
started on demand, recycled after a number of pictures or when idle; a crash or a time-out
gives the user a French message and the next picture still comes."""

from __future__ import annotations

import asyncio
import io
import os
import signal
import subprocess
import sys
from collections.abc import AsyncIterator
from typing import Any

import pytest
from PIL import Image

from bot.config import Settings
from bot.engine.index import Index
from bot.engine.pictures import Picture, picture
from bot.image.drawer import (
    COMMAND,
    CRASH_MESSAGE,
    TIMEOUT_MESSAGE,
    Drawer,
    PictureCrashError,
    PictureTimeoutError,
)
from bot.paths import PROJECT_ROOT
from bot.telegram.app import build_application
from bot.telegram.services import Services
from tests.fake_bot_api import FakeBotApi
from tests.harness import polling as running

SILENT_CHILD = (sys.executable, "-c", "import sys; sys.stdin.buffer.read()")
"""A picture process that never answers (reads until its input closes)."""
DYING_CHILD = (sys.executable, "-c", "import sys; sys.stdin.buffer.read(1); sys.exit(3)")
"""A picture process that dies on its first request."""
LIGHT = (sys.executable, "-m", "tests.light_worker")
"""A picture process that speaks the real frames but answers a tiny PNG without drawing
(tests/light_worker.py): for the tests of the Drawer's mechanics, which start several
processes (~1.2 s of CPU each for the real one, which imports matplotlib). The real process
is started by the test of pictures asked at once and by the bot's own process below."""


def _spec(index: Index, kind: str, argument: str = "") -> Any:
    found = picture(index, kind, argument)
    assert isinstance(found, Picture)
    return found.spec


def _is_png(data: bytes) -> bool:
    image = Image.open(io.BytesIO(data))
    return image.format == "PNG" and image.size[0] == 1080


async def _gone(drawer: Drawer, pid: int) -> bool:
    """True once ``pid`` has ended (polled for up to 20 s: the machine may be loaded)."""
    for _ in range(400):
        if drawer.pid != pid and not os.path.exists(f"/proc/{pid}"):
            return True
        await asyncio.sleep(0.05)
    return False


@pytest.fixture
def index(base) -> Index:
    return Index(base)


async def test_the_process_is_recycled_after_its_quota_of_pictures(index):
    drawer = Drawer(max_draws=2, command=LIGHT)
    try:
        first = await drawer.draw(_spec(index, "carte"))
        pid = drawer.pid
        assert pid is not None and _is_png(first)
        assert _is_png(await drawer.draw(_spec(index, "frise", "2025")))
        assert await _gone(drawer, pid)  # two pictures: retired at once
        assert _is_png(await drawer.draw(_spec(index, "carte", "2025")))
        assert drawer.started == 2 and drawer.pid not in (None, pid)
    finally:
        await drawer.close()


async def test_pictures_asked_at_once_are_drawn_one_at_a_time_by_one_process(index):
    drawer = Drawer()
    try:
        specs = [
            _spec(index, "carte"),
            _spec(index, "frise", "2025"),
            _spec(index, "carte", "2025"),
        ]
        drawn = await asyncio.gather(*(drawer.draw(spec) for spec in specs))
        assert drawer.command == COMMAND  # the real picture process: it draws
        assert all(_is_png(data) for data in drawn) and len(set(drawn)) == 3
        assert drawer.started == 1 and drawer.draws == 3
    finally:
        await drawer.close()


async def test_an_idle_process_is_stopped_and_the_next_picture_starts_another(index):
    drawer = Drawer(idle=0.2, command=LIGHT)
    try:
        await drawer.draw(_spec(index, "frise", "Turquie"))
        pid = drawer.pid
        assert pid is not None
        assert await _gone(drawer, pid)
        assert drawer.pid is None
        assert _is_png(await drawer.draw(_spec(index, "frise", "Turquie")))
        assert drawer.started == 2
    finally:
        await drawer.close()


async def test_a_picture_over_the_time_limit_is_abandoned_and_the_next_one_comes(index):
    drawer = Drawer(timeout=1.0, command=SILENT_CHILD)
    try:
        with pytest.raises(PictureTimeoutError) as failed:
            await drawer.draw(_spec(index, "carte"))
        assert str(failed.value) == TIMEOUT_MESSAGE and "trop de temps" in TIMEOUT_MESSAGE
        assert drawer.pid is None  # killed
        drawer.command, drawer.timeout = LIGHT, 120.0
        assert _is_png(await drawer.draw(_spec(index, "carte")))
    finally:
        await drawer.close()


async def test_a_process_killed_while_drawing_gives_a_french_message_then_recovers(index):
    drawer = Drawer(command=SILENT_CHILD)  # it never answers: killed while it "draws"
    try:
        drawing = asyncio.create_task(drawer.draw(_spec(index, "carte")))
        while drawer.pid is None:  # the process starts
            await asyncio.sleep(0.001)
        os.kill(drawer.pid, signal.SIGKILL)
        with pytest.raises(PictureCrashError) as failed:
            await drawing
        assert str(failed.value) == CRASH_MESSAGE and "n'a pas pu être dessinée" in CRASH_MESSAGE
        drawer.command = LIGHT
        assert _is_png(await drawer.draw(_spec(index, "carte")))
        assert drawer.started == 2
    finally:
        await drawer.close()


async def test_a_drawing_error_is_a_french_message_and_the_process_goes_on(shared_drawing, index):
    drawer = Drawer()
    try:
        await drawer.draw(_spec(index, "frise", "2025"))
        pid = drawer.pid
        with pytest.raises(PictureCrashError):
            await drawer.draw("pas une image")  # type: ignore[arg-type]
        assert drawer.pid == pid
        assert _is_png(await drawer.draw(_spec(index, "frise", "Turquie")))
    finally:
        await drawer.close()


async def test_the_cache_is_bounded_in_bytes(shared_drawing, index):
    drawer = Drawer(cache_bytes=1)  # nothing fits: every picture is drawn again
    try:
        spec = _spec(index, "frise", "Turquie")
        await drawer.png(spec)
        assert not drawer.cached(spec)
        drawer.cache_bytes = 10**8
        data = await drawer.png(spec)
        assert drawer.cached(spec) and await drawer.png(spec) is data
    finally:
        await drawer.close()


@pytest.fixture
async def bot(api: FakeBotApi, base) -> AsyncIterator[tuple[FakeBotApi, Services]]:
    settings = Settings(token=api.token, api_url=api.url)  # type: ignore[call-arg]
    application = build_application(settings, Index(base))
    async with running(application):
        found = application.bot_data.services
        assert isinstance(found, Services)
        yield api, found


async def test_a_crashed_picture_tells_the_user_in_french_and_the_next_one_is_sent(bot):
    api, found = bot
    found.drawer.command = DYING_CHILD
    await api.push(api.message_update("/carte"))
    text = (await api.wait_for("sendMessage"))[0]["text"]
    assert text == CRASH_MESSAGE
    assert api.sent("sendPhoto") == []
    found.drawer.command = LIGHT
    await api.push(api.message_update("/carte"))
    sent = (await api.wait_for("sendPhoto"))[0]
    assert _is_png(sent["photo"])


async def test_a_timed_out_page_turn_tells_the_user_in_french(shared_drawing, bot):
    api, found = bot
    await api.push(api.message_update("/frise"))
    sent = (await api.wait_for("sendPhoto"))[0]
    buttons = [b["callback_data"] for row in sent["reply_markup"]["inline_keyboard"] for b in row]
    turn = next(data for data in buttons if data.startswith("fr:2:"))
    found.drawer.command, found.drawer.timeout = SILENT_CHILD, 1.0
    await found.drawer.close()  # the next picture starts the silent process
    message = {
        "message_id": 1,
        "date": 0,
        "chat": {"id": int(sent["chat_id"]), "type": "private"},
        "caption": sent["caption"],
        "photo": [{"file_id": "p", "file_unique_id": "p", "width": 1, "height": 1}],
    }
    await api.push(api.callback_update(turn, message=message))
    text = (await api.wait_for("sendMessage"))[-1]["text"]
    assert text == TIMEOUT_MESSAGE
    assert api.sent("editMessageMedia") == []


SCRIPT = """
import asyncio, sys
from bot.config import Settings
from bot.engine.index import Index
from bot.paths import CONTENT_DIR, SEEDS_DIR
from bot.startup import ready_index
from bot.telegram.app import build_application
from tests.fake_bot_api import FakeBotApi
from tests.harness import polling

async def main():
    api = FakeBotApi()
    await api.start()
    settings = Settings(token=api.token, api_url=api.url)
    application = build_application(settings, ready_index(CONTENT_DIR, SEEDS_DIR))
    async with polling(application):
        application.bot_data.services.drawer.timeout = 240.0  # a cold first draw under load
        for command in ("/carte", "/frise 2025"):
            await api.push(api.message_update(command))
        photos = await api.wait_for("sendPhoto", 2, timeout=240)  # a cold start under load
        drawer = application.bot_data.services.drawer
        print(len(photos), drawer.started, "matplotlib" in sys.modules)
    await api.stop()

asyncio.run(main())
"""


def test_the_bot_draws_pictures_without_ever_importing_matplotlib():
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    assert result.stdout.split() == ["2", "1", "False"]


async def test_a_png_is_read_from_the_picture_process_in_bounded_chunks():
    from bot.image.drawer import CHUNK, read_in_chunks

    stream = asyncio.StreamReader()
    payload = bytes(range(256)) * (3 * CHUNK // 256 + 7)
    stream.feed_data(payload + b"next frame")
    assert await read_in_chunks(stream, len(payload)) == payload  # exactly, nothing more
    assert await stream.read(10) == b"next frame"
    cut = asyncio.StreamReader()
    cut.feed_data(payload[:100])
    cut.feed_eof()
    with pytest.raises(asyncio.IncompleteReadError):  # the process died mid-picture
        await read_in_chunks(cut, len(payload))
