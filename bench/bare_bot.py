"""The least a bot can do: long-poll getUpdates with httpx and send canned answers.

    python bench/bare_bot.py API_URL TOKEN ANSWERS.json

The end-to-end bench runs it on the same fake server, in the same run, as the real bot:
what the real bot adds is its time minus this one's, and the ratio between them. ANSWERS
maps a message text to the list of messages to send back, in order (the real bot's own
rendered answers, so both send the same bytes); an unknown text gets no answer.
"""

from __future__ import annotations

import asyncio
import json
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import httpx


async def _answer(
    client: httpx.AsyncClient,
    base: str,
    update: Mapping[str, Any],
    answers: Mapping[str, Sequence[str]],
    pause: float,
) -> None:
    message = update.get("message") or {}
    replies = answers.get(str(message.get("text", "")), ())
    for position, text in enumerate(replies):
        if position and pause:
            await asyncio.sleep(pause)
        response = await client.post(
            f"{base}/sendMessage",
            json={"chat_id": message["chat"]["id"], "text": text, "parse_mode": "HTML"},
        )
        response.raise_for_status()


async def serve(
    api_url: str,
    token: str,
    answers: Mapping[str, Sequence[str]],
    *,
    pause: float = 0.0,
    concurrency: int = 4,
) -> None:
    """Answer updates until cancelled; ``pause`` s between two messages of one answer."""
    base = f"{api_url}/bot{token}"
    limits = httpx.Limits(max_connections=concurrency + 1)
    async with httpx.AsyncClient(timeout=30, limits=limits) as client:
        gate = asyncio.Semaphore(concurrency)
        running: set[asyncio.Task[None]] = set()

        async def handle(update: Mapping[str, Any]) -> None:
            async with gate:
                await _answer(client, base, update, answers, pause)

        offset = 0
        try:
            while True:
                response = await client.post(
                    f"{base}/getUpdates", json={"offset": offset, "timeout": 10}
                )
                for update in response.json()["result"]:
                    offset = max(offset, int(update["update_id"]) + 1)
                    task = asyncio.create_task(handle(update))
                    running.add(task)
                    task.add_done_callback(running.discard)
        finally:  # stopped: answers in flight end with it, not as orphaned errors
            for task in list(running):
                task.cancel()
            await asyncio.gather(*running, return_exceptions=True)


def main() -> None:
    api_url, token, answers_file = sys.argv[1:4]
    answers = json.loads(Path(answers_file).read_text(encoding="utf-8"))
    asyncio.run(serve(api_url, token, answers))


if __name__ == "__main__":
    main()
