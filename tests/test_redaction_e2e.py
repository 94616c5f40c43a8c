"""One redaction for every text that leaves the process or is stored (issue 24, point 1).

The Bot API (or a proxy in front of it) answers with an HTML error page that echoes the
request path, token included. The token must reach none of: the bot's and `push`'s output,
the admins' notice, the /publier answer, /envois, `push --status`, the state file.
"""

from __future__ import annotations

import asyncio
import json
import signal

from bot.redact import REDACTED, redact
from tests.fake_bot_api import FakeBotApi, HtmlPage
from tests.harness import bot_env, confirm_preview, spawn_bot

CHANNEL = -1001234567890
ADMIN = 42


def _page(api: FakeBotApi, method: str = "sendMessage") -> HtmlPage:
    return HtmlPage(
        400, f"<html><body><pre>Cannot POST /bot{api.token}/{method}</pre></body></html>"
    )


def _everything_sent(api: FakeBotApi) -> str:
    return json.dumps([call.params for call in api.calls], ensure_ascii=False, default=str)


async def _said_to_admin(api: FakeBotApi, words: str, timeout: float = 20) -> str:
    for _ in range(int(timeout / 0.05)):
        for params in api.sent():
            if int(params["chat_id"]) == ADMIN and words in params.get("text", ""):
                return str(params["text"])
        await asyncio.sleep(0.05)
    raise AssertionError(f"rien reçu contenant « {words} »")


async def test_a_token_echoed_by_an_error_page_reaches_no_output_and_no_file(api, tmp_path):
    state = tmp_path / "etat.sqlite3"
    secret = api.token.split(":", 1)[1]
    env = bot_env(
        api, TELEGRAM_CHANNEL_ID=str(CHANNEL), BOT_STATE_PATH=str(state), BOT_ADMIN_IDS=str(ADMIN)
    )
    # 1. the bot: /publier, the channel answers with the page; the notice; /envois
    api.fail_in(CHANNEL, "sendMessage", _page(api))
    bot = await spawn_bot("run", env=env)
    try:
        await api.push(api.message_update("/publier pays Turquie", user_id=ADMIN))
        await confirm_preview(api, ADMIN)
        answer = await _said_to_admin(api, "échec")
        notice = await _said_to_admin(api, "Raison")
        await api.push(api.message_update("/envois", user_id=ADMIN))
        listing = await _said_to_admin(api, "File d'envoi")
    finally:
        bot.send_signal(signal.SIGTERM)
        bot_out, bot_err = await asyncio.wait_for(bot.communicate(), 30)
    # 2. push from cron meets the same page, then an operator reads the queue
    api.fail_in(CHANNEL, "sendMessage", _page(api))
    push = await spawn_bot("push", "accord", "paix", env=env)
    push_out, push_err = await asyncio.wait_for(push.communicate(), 60)
    status = await spawn_bot("push", "--status", env=env)
    status_out, status_err = await asyncio.wait_for(status.communicate(), 60)

    outputs = {
        "réponse à /publier": answer,
        "avis aux administrateurs": notice,
        "/envois": listing,
        "tout ce que le bot a envoyé": _everything_sent(api),
        "sortie du bot": (bot_out + bot_err).decode(),
        "sortie de push": (push_out + push_err).decode(),
        "push --status": (status_out + status_err).decode(),
    }
    for path in tmp_path.glob("etat.sqlite3*"):
        outputs[path.name] = path.read_bytes().decode("utf-8", "replace")
    for name, text in outputs.items():
        assert secret not in text, name
    # the failure itself is still explained, with the secret masked
    assert "Cannot POST" in notice and REDACTED in notice
    assert "Cannot POST" in listing and "Cannot POST" in outputs["push --status"]
    assert "Cannot POST" in outputs["etat.sqlite3"]


def test_redact_masks_registered_secrets_and_any_token_shaped_text():
    from bot.redact import register_secrets

    register_secrets(["webhook-secret-xyz"])
    text = redact("a 987654321:AAH-abcdefghijklmnopqrstuvwxyz0123456 b webhook-secret-xyz c")
    assert text == f"a {REDACTED} b {REDACTED} c"
    assert redact("Publication n° 12 : 500 Internal Server Error") == (
        "Publication n° 12 : 500 Internal Server Error"
    )
