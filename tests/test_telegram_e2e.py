"""End to end over real HTTP: the real Application against the local fake Bot API server."""

from __future__ import annotations

import asyncio
import html
import logging
import signal
import socket
import time
from collections.abc import AsyncIterator

import httpx
import pytest

from bot.config import Settings
from bot.engine.commands import callback
from bot.engine.common import line_text
from bot.engine.index import Index
from bot.render.html import render_html
from bot.telegram.app import build_application
from bot.telegram.errors import APOLOGY
from bot.telegram.replying import STALE_BUTTON
from bot.telegram.webhook import SECRET_HEADER, listen, webhook_server
from tests.fake_bot_api import ApiError, FakeBotApi
from tests.harness import bot_env, spawn_bot
from tests.harness import polling as running


def settings_for(api: FakeBotApi, **extra: object) -> Settings:
    return Settings(token=api.token, api_url=api.url, **extra)  # type: ignore[arg-type]


@pytest.fixture
async def polling(api: FakeBotApi, base) -> AsyncIterator[FakeBotApi]:
    """The real Application, long polling the fake server."""
    async with running(build_application(settings_for(api), Index(base))):
        yield api


def messages_of(base, text: str) -> int:
    """How many Telegram messages the answer to ``text`` takes (a long card takes several)."""
    from bot.engine.questions import respond
    from bot.render.html import render_html

    return len(render_html(respond(Index(base), text)))


async def quiet(api: FakeBotApi, seconds: float = 0.6) -> None:
    """Give the bot time to (not) answer."""
    await asyncio.sleep(seconds)


async def test_private_command_gets_the_card_with_a_quote(polling, base):
    api = polling
    await api.push(api.message_update("/pays Turquie"))
    parts = await api.wait_for("sendMessage", messages_of(base, "/pays Turquie"))
    sent = parts[0]
    assert int(sent["chat_id"]) == 42
    assert "Turquie" in sent["text"] and "<blockquote" in sent["text"]
    assert sent["parse_mode"] == "HTML"
    assert sent["link_preview_options"] == {"is_disabled": True}
    assert "reply_parameters" not in sent  # no quote of the asker in a private chat
    last = parts[-1]  # the buttons come with the last message of the answer
    buttons = [b["callback_data"] for row in last["reply_markup"]["inline_keyboard"] for b in row]
    assert "ac:TR" in buttons


async def test_menu_is_set_for_private_and_group_chats(polling):
    calls = await polling.wait_for("setMyCommands", 2)
    scopes = {call["scope"]["type"] for call in calls}
    assert scopes == {"all_private_chats", "all_group_chats"}
    names = {command["command"] for command in calls[0]["commands"]}
    assert {"timeline", "pays", "org", "accord", "cherche", "sources", "aide"} <= names


async def test_group_command_with_suffix_quotes_the_asker(polling):
    api = polling
    asked = await api.push(
        api.message_update(
            f"/timeline@{api.username} 2025", chat_id=-100500, chat_type="supergroup"
        )
    )
    sent = (await api.wait_for("sendMessage"))[0]
    assert int(sent["chat_id"]) == -100500
    assert sent["reply_parameters"]["message_id"] == asked["message"]["message_id"]
    assert "Chronologie" in sent["text"] and "2025" in sent["text"]


async def test_commands_for_another_bot_and_plain_group_text_are_ignored(polling):
    api = polling
    await api.push(
        api.message_update("/pays@AutreBot Turquie", chat_id=-1007, chat_type="supergroup")
    )
    await api.push(api.message_update("bonjour à tous", chat_id=-1007, chat_type="supergroup"))
    await api.push(api.message_update("/inconnue", chat_id=-1007, chat_type="supergroup"))
    await api.push(api.message_update("/aide", chat_id=-1007, chat_type="supergroup"))
    sent = await api.wait_for("sendMessage")
    await quiet(api)
    assert len(api.sent()) == 1 and "Partenariats de sécurité" in sent[0]["text"]


async def test_forum_topic_reply_stays_in_the_topic(polling):
    api = polling
    await api.push(
        api.message_update("/org OTAN", chat_id=-100900, chat_type="supergroup", thread_id=77)
    )
    sent = (await api.wait_for("sendMessage"))[0]
    assert int(sent["message_thread_id"]) == 77
    assert "OTAN" in sent["text"]


async def test_timeline_page_button_edits_in_place(polling, base):
    api = polling
    await api.push(api.message_update("/timeline"))
    parts = messages_of(base, "/timeline")  # the keyboard is on the last one
    first = (await api.wait_for("sendMessage", parts))[parts - 1]
    data = next(
        b["callback_data"]
        for row in first["reply_markup"]["inline_keyboard"]
        for b in row
        if b["text"].startswith("Suivant")
    )
    shown = {
        "message_id": 555,
        "date": int(time.time()),
        "chat": {"id": 42, "type": "private"},
        "text": "page 1",
    }
    await api.push(api.callback_update(data, message=shown))
    edit = (await api.wait_for("editMessageText"))[0]
    page = len(render_html(callback(Index(base), data)))  # what does not fit follows it
    sent = await api.wait_for("sendMessage", parts + page - 1)
    texts = [edit["text"]] + [message["text"] for message in sent[parts:]]
    assert int(edit["message_id"]) == 555 and "Page 2/" in "".join(texts)
    answered = await api.wait_for("answerCallbackQuery")
    assert "text" not in answered[0]
    assert len(api.sent()) == parts + page - 1  # edited, not sent anew


async def test_card_buttons_send_a_new_message(polling, base):
    api = polling
    shown = {
        "message_id": 556,
        "date": int(time.time()),
        "chat": {"id": 42, "type": "private"},
        "text": "carte",
    }
    await api.push(api.callback_update("ac:GB", message=shown))
    sent = (await api.wait_for("sendMessage"))[0]
    plan = next(a for a in base.agreements if a.id == "plan-defense-az-gb-2026-2027")
    assert line_text(base, plan) in html.unescape(sent["text"])  # the list's line for it
    await api.wait_for("answerCallbackQuery")


async def test_stale_button_gets_a_polite_answer(polling):
    api = polling
    shown = {
        "message_id": 557,
        "date": int(time.time()),
        "chat": {"id": 42, "type": "private"},
        "text": "vieux",
    }
    await api.push(api.callback_update("p:ZZ", message=shown))
    answered = (await api.wait_for("answerCallbackQuery"))[0]
    assert answered["text"] == STALE_BUTTON
    await quiet(api)
    assert api.sent() == [] and api.sent("editMessageText") == []


async def test_inline_query_offers_cards(polling):
    api = polling
    await api.push(api.inline_update("turquie"))
    answer = (await api.wait_for("answerInlineQuery"))[0]
    results = answer["results"]
    assert 1 <= len(results) <= 50
    assert results[0]["id"] == "p:TR"
    assert "Turquie" in results[0]["input_message_content"]["message_text"]
    assert "<blockquote" in results[0]["input_message_content"]["message_text"]


async def test_empty_inline_query_offers_the_agreements(polling, base):
    api = polling
    await api.push(api.inline_update(""))
    results = (await api.wait_for("answerInlineQuery"))[0]["results"]
    assert {f"a:{a.id}" for a in base.agreements} <= {r["id"] for r in results}


async def test_deep_link_opens_the_card(polling):
    api = polling
    await api.push(api.message_update("/start pays-royaume-uni"))
    sent = (await api.wait_for("sendMessage"))[0]
    assert "Royaume-Uni" in sent["text"] and "<blockquote>" in sent["text"]
    await api.push(api.message_update("/start accord-plan-defense-az-gb-2026-2027"))
    sent = (await api.wait_for("sendMessage", 2))[1]
    assert "Période" in sent["text"]


async def test_private_plain_text_and_unknown_commands_get_help(polling, base):
    api = polling
    await api.push(api.message_update("Turquie"))
    parts = messages_of(base, "Turquie")
    card = (await api.wait_for("sendMessage", parts))[0]
    assert "Turquie" in card["text"] and "<blockquote" in card["text"]
    await api.push(api.message_update("/timline 2025"))
    hint = (await api.wait_for("sendMessage", parts + 1))[parts]
    assert "/timeline" in hint["text"]
    await api.push(api.message_update("bonjour"))
    help_text = (await api.wait_for("sendMessage", parts + 2))[parts + 1]
    assert "/aide" in help_text["text"]


async def test_errors_are_logged_and_the_user_gets_an_apology(polling, caplog):
    api = polling
    api.fail("sendMessage", ApiError(400, "Bad Request: chat not found"))
    with caplog.at_level(logging.ERROR):
        await api.push(api.message_update("/pays Turquie"))
        apology = (await api.wait_for("sendMessage"))[0]
    assert apology["text"] == APOLOGY
    assert any("Échec du traitement" in record.getMessage() for record in caplog.records)


async def test_a_failing_button_is_still_answered(polling):
    api = polling
    api.fail("editMessageText", ApiError(400, "Bad Request: message to edit not found"))
    shown = {
        "message_id": 558,
        "date": int(time.time()),
        "chat": {"id": 42, "type": "private"},
        "text": "page",
    }
    await api.push(api.callback_update("~tl:2:-//", message=shown))
    await api.wait_for("answerCallbackQuery")  # the spinner stops at once
    apology = (await api.wait_for("sendMessage"))[0]  # the failure is then told in the chat
    assert apology["text"] == APOLOGY and int(apology["chat_id"]) == 42


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def _raw_post(port: int, headers: dict[str, str]) -> bytes:
    """Send only the request line and headers (no body) and return what the server says."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    lines = ["POST /hook HTTP/1.1", "Host: 127.0.0.1"] + [f"{k}: {v}" for k, v in headers.items()]
    writer.write(("\r\n".join(lines) + "\r\n\r\n").encode())
    await writer.drain()
    try:
        return await asyncio.wait_for(reader.readline(), 20)
    finally:
        writer.close()


async def test_webhook_checks_the_secret_before_the_body_and_caps_its_size(api, base):
    settings = settings_for(api, webhook_url="http://127.0.0.1/hook", webhook_secret="s3cret-hook")
    application = build_application(settings, Index(base))
    await application.initialize()
    assert application.post_init is not None
    await application.post_init(application)
    await application.start()
    server = webhook_server("hook", "s3cret-hook", application)
    port = listen(server, "127.0.0.1", 0)
    url = f"http://127.0.0.1:{port}/hook"
    try:
        # 50 MB announced, nothing sent: the wrong secret is refused from the headers alone
        huge = {"Content-Type": "application/json", "Content-Length": "50000000"}
        status = await _raw_post(port, {**huge, SECRET_HEADER: "nope"})
        assert status.startswith(b"HTTP/1.1 403")
        status = await _raw_post(port, {**huge, SECRET_HEADER: "s3cret-hook"})
        assert status.startswith(b"HTTP/1.1 413")
        update = api.message_update("/pays UK")
        async with httpx.AsyncClient() as client:
            refused = await client.post(url, json=update)
            wrong = await client.post(url, json=update, headers={SECRET_HEADER: "nope"})
            garbage = await client.post(
                url, content=b"{pas du json", headers={SECRET_HEADER: "s3cret-hook"}
            )
            accepted = await client.post(url, json=update, headers={SECRET_HEADER: "s3cret-hook"})
        assert refused.status_code == 403 and wrong.status_code == 403
        assert garbage.status_code == 400 and accepted.status_code == 200
        sent = (await api.wait_for("sendMessage"))[0]
        assert "Royaume-Uni" in sent["text"]
        await quiet(api, 0.3)
        assert len(api.sent()) == 1  # the refused posts were not handled
    finally:
        server.stop()
        await application.stop()
        await application.shutdown()


async def test_webhook_mode_runs_on_the_configured_address_and_stops_on_sigterm(api):
    port = free_port()
    env = bot_env(
        api,
        WEBHOOK_URL=f"http://127.0.0.1:{port}/hook",
        WEBHOOK_SECRET="s3cret-hook",
        WEBHOOK_LISTEN="127.0.0.1",
        PORT=str(port),
    )
    process = await spawn_bot("run", env=env)
    try:
        await api.wait_for("setWebhook", timeout=30)
        assert api.webhook["secret_token"] == "s3cret-hook"
        update = api.message_update("/pays UK")
        async with httpx.AsyncClient() as client:
            accepted = await client.post(
                f"http://127.0.0.1:{port}/hook", json=update, headers={SECRET_HEADER: "s3cret-hook"}
            )
        assert accepted.status_code == 200
        assert "Royaume-Uni" in (await api.wait_for("sendMessage"))[0]["text"]
    finally:
        process.send_signal(signal.SIGTERM)
        _out, err = await asyncio.wait_for(process.communicate(), 30)
    assert process.returncode == 0, err.decode()
    assert "never awaited" not in err.decode() and "Traceback" not in err.decode()


async def test_unknown_methods_are_refused_by_the_fake_server(api):
    async with httpx.AsyncClient() as client:
        response = await client.post(f"{api.url}/bot{api.token}/sendTelepathy", data={})
        wrong_token = await client.post(f"{api.url}/bot1:bad/getMe", data={})
        too_long = await client.post(
            f"{api.url}/bot{api.token}/sendMessage", data={"chat_id": 1, "text": "x" * 4097}
        )
        bad_html = await client.post(
            f"{api.url}/bot{api.token}/sendMessage",
            data={"chat_id": 1, "text": "<b>x", "parse_mode": "HTML"},
        )
    assert response.status_code == 404 and wrong_token.status_code == 401
    assert too_long.status_code == 400 and bad_html.status_code == 400


async def test_a_button_whose_answer_is_empty_sends_that_answer_not_a_stale_notice(polling):
    api = polling
    shown = {
        "message_id": 558,
        "date": int(time.time()),
        "chat": {"id": 42, "type": "private"},
        "text": "question",
    }
    await api.push(api.callback_update("c:/cherche zzqqxxw", message=shown))
    sent = (await api.wait_for("sendMessage"))[0]
    assert "Rien trouvé" in sent["text"]
    answered = (await api.wait_for("answerCallbackQuery"))[0]
    assert answered.get("text") != STALE_BUTTON
