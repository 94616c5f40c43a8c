"""Operators act on the outbox: ``push --status/--retry/--drop`` and /envois with its buttons."""

from __future__ import annotations

from bot.config import Settings
from bot.engine.index import Index
from bot.push.outbox import Outbox
from bot.telegram.app import build_application
from bot.telegram.gates import REFUSAL
from tests.harness import bot_env, polling, spawn_bot

ADMIN = 42
CHANNEL = -1001234567890


def failed_and_uncertain(state) -> tuple[int, int]:
    outbox = Outbox(state, owner="test:1:a")
    outbox.record("a", CHANNEL, None, ["Publication refusée"])
    outbox.record("b", CHANNEL, None, ["Publication incertaine"])
    first = outbox.claim()
    assert first is not None
    outbox.mark_failed(first.id, "Forbidden: bot is not a member of the channel chat")
    second = outbox.claim()
    assert second is not None
    outbox.mark_uncertain(second.id, "réponse perdue : publication peut-être faite")
    outbox.close()
    return first.id, second.id


async def test_push_status_retry_and_drop(api, tmp_path):
    state = tmp_path / "etat.sqlite3"
    failed, uncertain = failed_and_uncertain(state)
    env = bot_env(api, TELEGRAM_CHANNEL_ID=str(CHANNEL), BOT_STATE_PATH=str(state))
    status = await spawn_bot("push", "--status", env=env)
    out, _err = await status.communicate()
    report = out.decode()
    assert status.returncode == 1  # something needs an operator
    assert "1 incertaine, 1 en échec" in report and "bot is not a member" in report
    assert f"n° {failed} [en échec]" in report and f"n° {uncertain} [incertaine]" in report
    dropped = await spawn_bot("push", "--drop", str(uncertain), env=env)
    assert "abandonnée" in (await dropped.communicate())[0].decode()
    retried = await spawn_bot("push", "--retry", str(failed), env=env)
    assert "remis en file" in (await retried.communicate())[0].decode()
    assert [(i.id, i.status) for i in Outbox(state).open_items()] == [(failed, "pending")]
    assert api.sent() == []  # nothing was sent by these commands


async def test_envois_lists_the_queue_and_its_buttons_act_for_admins_only(api, base, tmp_path):
    state = tmp_path / "etat.sqlite3"
    failed, uncertain = failed_and_uncertain(state)
    settings = Settings(
        token=api.token,
        api_url=api.url,
        channel_id=CHANNEL,
        admin_ids=frozenset({ADMIN}),
        state_path=state,
        push_backoff=0.05,
    )
    async with polling(build_application(settings, Index(base))):
        await api.wait_for("sendMessage", 2)  # at start-up: one notice per problem post
        notices = [p["text"] for p in api.sent()]
        assert any("incertaine" in t for t in notices) and any("en échec" in t for t in notices)
        await api.push(api.message_update("/envois", user_id=ADMIN))
        listing = (await api.wait_for("sendMessage", 3))[2]
        rows = listing["reply_markup"]["inline_keyboard"]
        assert [b["callback_data"] for b in rows[0]] == [f"ob:r:{failed}", f"ob:d:{failed}"]
        message = {
            "message_id": 9,
            "date": 0,
            "chat": {"id": ADMIN, "type": "private"},
            "text": "File d'envoi",
        }
        await api.push(api.callback_update(f"ob:r:{failed}", message=message, user_id=43))
        assert (await api.wait_for("answerCallbackQuery"))[0]["text"] == REFUSAL
        await api.push(api.callback_update(f"ob:r:{failed}", message=message, user_id=ADMIN))
        await api.wait_for("answerCallbackQuery", 2)
        await api.push(api.message_update(f"/envois abandonner {uncertain}", user_id=ADMIN))
        await api.push(api.message_update("/envois n'importe quoi", user_id=ADMIN))
        await api.wait_for("sendMessage", 7)
    posts = [p["text"] for p in api.sent() if int(p["chat_id"]) == CHANNEL]
    assert posts == ["Publication refusée"]  # republished once, by the admin's button
    to_admin = [p["text"] for p in api.sent() if int(p["chat_id"]) == ADMIN]
    assert any("republication demandée" in t for t in to_admin)
    assert any("abandonnée" in t for t in to_admin)
    assert any(t.startswith("Usage : /envois") for t in to_admin)
    assert Outbox(state).open_items() == []
