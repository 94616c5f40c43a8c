"""Updates the library cannot read, and updates Telegram delivers twice (issue 24, points 3
and 7): skipped once with their id only, never answered twice, and the bot goes on."""

from __future__ import annotations

import asyncio
import logging

import httpx

from bot.config import Settings
from bot.engine.index import Index
from bot.telegram.app import build_application
from bot.telegram.webhook import SECRET_HEADER, listen, webhook_server
from tests.fake_bot_api import FakeBotApi
from tests.harness import polling


def _poison(api: FakeBotApi) -> dict:
    """A message the library cannot read (its chat has no type), with personal data in it."""
    update = api.message_update("/pays Turquie mon secret", user_id=77)
    update["message"]["chat"] = {"id": 77, "first_name": "Zoé Personne", "username": "zoe_p"}
    return update


def _leaks(caplog, api: FakeBotApi) -> list[str]:
    words = ("Zoé", "zoe_p", "mon secret")
    return [
        r.getMessage()
        for r in caplog.records
        if r.levelno > logging.DEBUG
        and any(w in r.getMessage() + (r.exc_text or "") for w in words)
    ]


async def test_an_unreadable_update_is_skipped_once_and_polling_moves_on(api, five_base, caplog):
    caplog.set_level(logging.DEBUG)
    poison = await api.push(_poison(api))
    await api.push(api.message_update("/pays Géorgie", user_id=78))
    application = build_application(Settings(token=api.token, api_url=api.url), Index(five_base))
    async with polling(application):
        await api.wait_for("sendMessage", 1, timeout=20)
        polls_before = len([c for c in api.arrived if c.method == "getUpdates"])
        await api.push(_poison(api))  # another one, last of its page this time
        await asyncio.sleep(1.0)
        await api.push(api.message_update("/pays Grèce", user_id=79))
        await api.wait_for("sendMessage", 2, timeout=20)
    answered = [int(p["chat_id"]) for p in api.sent()]
    assert answered == [78, 79]  # both readable updates answered, once each
    skipped = [r.getMessage() for r in caplog.records if "illisible" in r.getMessage()]
    assert skipped == [
        f"Mise à jour {poison['update_id']} illisible (TypeError) : ignorée",
        f"Mise à jour {poison['update_id'] + 2} illisible (TypeError) : ignorée",
    ]
    assert _leaks(caplog, api) == []
    assert api.updates == [] or all(u["update_id"] > poison["update_id"] + 3 for u in api.updates)
    assert polls_before < 50  # no tight loop over the same page


async def test_a_webhook_update_delivered_twice_is_answered_once(api, five_base, caplog):
    settings = Settings(  # type: ignore[call-arg]
        token=api.token, api_url=api.url, webhook_url="http://127.0.0.1/hook", webhook_secret="k"
    )
    application = build_application(settings, Index(five_base))
    await application.initialize()
    assert application.post_init is not None
    await application.post_init(application)
    await application.start()
    server = webhook_server("hook", "k", application)
    port = listen(server, "127.0.0.1", 0)
    update = api.message_update("/pays Turquie", user_id=80)
    poison = _poison(api)
    try:
        async with httpx.AsyncClient() as client:
            post = f"http://127.0.0.1:{port}/hook"
            codes = [
                (await client.post(post, json=body, headers={SECRET_HEADER: "k"})).status_code
                for body in (update, update, poison, poison, update)
            ]
        await api.wait_for("sendMessage", 1)
        await asyncio.sleep(0.8)  # time for a second answer to show up
    finally:
        server.stop()
        await application.stop()
        await application.shutdown()
    assert codes == [200] * 5  # Telegram is never asked to send any of them again
    assert [int(p["chat_id"]) for p in api.sent()] == [80]
    assert [r.getMessage() for r in caplog.records if "illisible" in r.getMessage()] == [
        f"Mise à jour {poison['update_id']} illisible (TypeError) : ignorée"
    ]
    assert _leaks(caplog, api) == []
