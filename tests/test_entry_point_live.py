"""`python -m bot` with a token, against the fake Bot API on loopback, as a real process."""

from __future__ import annotations

import asyncio
import signal

from tests.harness import bot_env, spawn_bot


async def test_the_entry_point_answers_and_never_logs_the_token(api, tmp_path):
    env = bot_env(api, LOG_LEVEL="DEBUG")
    process = await spawn_bot(env=env)
    try:
        await api.push(api.message_update("/pays Turquie"))
        await api.push(
            api.message_update(
                f"/timeline@{api.username} 2025", chat_id=-100321, chat_type="supergroup"
            )
        )
        count = 2  # a long card may take several messages: wait until both chats are answered
        sent = await api.wait_for("sendMessage", count, timeout=30)
        while {int(s["chat_id"]) for s in sent} != {42, -100321}:
            count += 1
            sent = await api.wait_for("sendMessage", count, timeout=30)
    finally:
        process.send_signal(signal.SIGINT)
        stdout, stderr = await asyncio.wait_for(process.communicate(), 30)
    private = next(s for s in sent if int(s["chat_id"]) == 42)
    group = next(s for s in sent if int(s["chat_id"]) == -100321)
    assert "Turquie" in private["text"] and "<blockquote" in private["text"]
    assert "Chronologie" in group["text"] and "reply_parameters" in group
    output = stdout.decode() + stderr.decode()
    assert "DEBUG" in output  # the debug lines were really there
    token_secret = api.token.split(":", 1)[1]
    assert api.token not in output and token_secret not in output
    assert process.returncode == 0, output[-2000:]
