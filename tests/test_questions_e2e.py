"""Through Telegram: questions in private chats and groups (mention or reply), hints for
anything else, sections as new messages, explicit deep-link errors, and only the updates the
bot handles."""

import asyncio
from collections.abc import AsyncIterator

import pytest

from bot.config import Settings
from bot.engine.index import Index
from bot.telegram.answers import NON_TEXT_HINT
from bot.telegram.app import build_application, run
from bot.telegram.updates import ALLOWED_UPDATES
from tests.fake_bot_api import FakeBotApi
from tests.harness import polling as running

GROUP = -1001


@pytest.fixture
async def bot(api: FakeBotApi, base) -> AsyncIterator[FakeBotApi]:
    async with running(build_application(Settings(token=api.token, api_url=api.url), Index(base))):
        yield api


def texts_to(api: FakeBotApi, chat: int) -> list[str]:
    return [p["text"] for p in api.sent() if int(p["chat_id"]) == chat]


async def until(predicate, timeout: float = 10.0) -> None:
    for _ in range(int(timeout / 0.05)):
        if predicate():
            return
        await asyncio.sleep(0.05)
    raise AssertionError("condition jamais remplie")


async def test_a_private_question_is_answered_with_what_was_understood(bot):
    api = bot
    await api.push(api.message_update("qu'a signé le Royaume-Uni ?"))
    await until(lambda: texts_to(api, 42))
    first = api.sent()[0]
    assert first["text"].startswith("<i>Compris : accords — 🇬🇧 Royaume-Uni · signé</i>")
    await until(lambda: "reply_markup" in api.sent()[-1])  # on the last message of the answer
    last = api.sent()[-1]
    data = [b["callback_data"] for row in last["reply_markup"]["inline_keyboard"] for b in row]
    assert "c:/accord GB signe" in data


async def test_in_a_group_only_a_mention_or_a_reply_to_the_bot_is_a_question(bot):
    api = bot
    await api.push(api.message_update("turquie otan", chat_id=GROUP, chat_type="supergroup"))
    await asyncio.sleep(0.5)
    assert texts_to(api, GROUP) == []  # the group's own conversation is left alone
    await api.push(
        api.message_update(f"@{api.username} turquie otan", chat_id=GROUP, chat_type="supergroup")
    )
    await until(lambda: texts_to(api, GROUP))
    answer = api.sent()[0]
    assert "Compris : chronologie" in answer["text"] and "reply_parameters" in answer
    reply = api.message_update("et la Russie ?", chat_id=GROUP, chat_type="supergroup")
    reply["message"]["reply_to_message"] = {
        "message_id": 5,
        "date": 0,
        "chat": {"id": GROUP, "type": "supergroup"},
        "from": {"id": api.bot_id, "is_bot": True, "first_name": "AzSec"},
        "text": "…",
    }
    await api.push(reply)
    await until(lambda: any("RUSSIE" in t.upper() for t in texts_to(api, GROUP)[1:]))


async def test_a_sticker_in_a_private_chat_gets_a_hint(bot):
    api = bot
    update = api.message_update("x")
    del update["message"]["text"]
    update["message"]["sticker"] = {
        "file_id": "s1",
        "file_unique_id": "u1",
        "type": "regular",
        "width": 512,
        "height": 512,
        "is_animated": False,
        "is_video": False,
    }
    await api.push(update)
    await until(lambda: texts_to(api, 42))
    assert texts_to(api, 42) == [NON_TEXT_HINT]


async def test_an_unknown_deep_link_says_so(bot):
    api = bot
    await api.push(api.message_update("/start pays-atlantide"))
    await until(lambda: texts_to(api, 42))
    assert "Je ne connais aucun pays nommé « atlantide »" in texts_to(api, 42)[0]
    await api.push(api.message_update("/start zzz-123"))
    await until(lambda: len(texts_to(api, 42)) == 2)
    assert "Ce lien ne mène à aucune fiche connue (« zzz-123 »)" in texts_to(api, 42)[1]


async def test_a_section_button_sends_a_new_message_and_a_page_button_edits(bot):
    api = bot
    shown = {"message_id": 77, "date": 0, "chat": {"id": 42, "type": "private"}, "text": "x"}
    await api.push(api.callback_update("tl:1:-/TR/", message=shown))
    await until(lambda: texts_to(api, 42))
    assert api.sent("editMessageText") == []  # the card the button was under stays
    await api.push(api.callback_update("~tl:2:-//", message=shown))
    await until(lambda: api.sent("editMessageText"))
    assert int(api.sent("editMessageText")[0]["message_id"]) == 77


async def test_publier_cancelled_sends_nothing_to_the_channel(api, base, tmp_path):
    from tests.harness import confirm_preview

    settings = Settings(
        token=api.token,
        api_url=api.url,
        admin_ids=frozenset({42}),
        channel_id=-100123,
        state_path=tmp_path / "s.db",
    )
    async with running(build_application(settings, Index(base))):
        await asyncio.sleep(0.3)
        await api.push(api.message_update("/publier pays Turquie", user_id=42))
        await confirm_preview(api, 42, choice="no")
        await until(lambda: api.sent("editMessageText"))
        await asyncio.sleep(0.3)
    assert "annulée" in api.sent("editMessageText")[-1]["text"]
    assert texts_to(api, -100123) == []


def test_only_handled_updates_are_asked_for(monkeypatch, base):
    asked: dict[str, object] = {}

    def fake_polling(self, **kwargs):
        asked.update(kwargs)

    application = build_application(Settings(token="1:x"), Index(base))
    monkeypatch.setattr(type(application), "run_polling", fake_polling)
    run(application, Settings(token="1:x"))
    assert asked["allowed_updates"] == ALLOWED_UPDATES
    assert set(ALLOWED_UPDATES) == {"message", "edited_message", "callback_query", "inline_query"}


async def test_a_follow_up_continues_the_same_persons_question_in_the_same_chat(bot):
    api = bot
    await api.push(api.message_update("/pays Turquie"))
    await until(lambda: texts_to(api, 42))
    await api.push(api.message_update("et en 2025 ?"))
    await until(lambda: any("suite de" in text for text in texts_to(api, 42)))
    await api.push(api.message_update("et en 2025 ?", user_id=43))  # someone else: alone
    await until(lambda: texts_to(api, 43))
    assert not any("suite de" in text for text in texts_to(api, 43))
    followed = next(text for text in texts_to(api, 42) if "suite de" in text)
    assert "chronologie — 2025 · 🇹🇷 Turquie" in followed
