"""The channel's own Bot: same API root, its own rate limiter.

A 429 makes AIORateLimiter halt every request of its Bot; with a Bot of its own, a rate limit
on the channel pauses channel posts only, never the answers to users.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal

from telegram.error import InvalidToken
from telegram.ext import AIORateLimiter, ExtBot

from bot.config import Settings, TokenRejectedError
from bot.push.compose import Post
from bot.push.outbox import Outbox
from bot.telegram.pusher import Outcome, Pusher

PUSH_RATE = 5
"""Messages per second for channel posts (Telegram allows 20 a minute per channel)."""


def make_bot(settings: Settings) -> ExtBot[int]:
    """A Bot pointed at the configured Bot API server; it retries 429s (and nothing else)."""
    return ExtBot(
        settings.token.get_secret_value(),
        base_url=f"{settings.api_url}/bot",
        base_file_url=f"{settings.api_url}/file/bot",
        rate_limiter=AIORateLimiter(overall_max_rate=PUSH_RATE, max_retries=2),
    )


async def open_pusher(settings: Settings, owner: str | None = None) -> Pusher:
    """The state opened (in a thread) and the channel's Bot initialised; ``owner`` names this
    instance in the state."""
    outbox = await asyncio.to_thread(Outbox, settings.state, owner)
    bot = make_bot(settings)
    try:
        await bot.initialize()
    except BaseException:
        await asyncio.to_thread(outbox.close)
        raise
    return Pusher(outbox, bot, settings, backoff=settings.push_backoff)


async def close_pusher(pusher: Pusher) -> None:
    await pusher.close()
    await pusher.bot.shutdown()


async def publish_once(settings: Settings, outbox: Outbox, post: Post, key: str) -> Outcome:
    """Record and send one post, after whatever the outbox still held.

    A token Telegram rejects raises TokenRejectedError before anything is recorded.
    """
    bot = make_bot(settings)
    try:
        await bot.initialize()
    except InvalidToken:
        raise TokenRejectedError("TELEGRAM_BOT_TOKEN refusé par Telegram") from None
    pusher = Pusher(outbox, bot, settings, backoff=settings.push_backoff)
    loop = asyncio.get_running_loop()
    with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
        # SIGTERM (cron's timeout, a shutdown): the send in flight ends as for the bot —
        # a short grace, then *uncertain*, the admins told before the process exits
        loop.add_signal_handler(signal.SIGTERM, pusher.stop)
    try:
        return await pusher.publish(post, key)
    finally:
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
            loop.remove_signal_handler(signal.SIGTERM)
        pusher.store.detach()
        await bot.shutdown()
