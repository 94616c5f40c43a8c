"""A bare Bot (no Application) for ``python -m bot push``: same API root, same rate limiter."""

from __future__ import annotations

from telegram.ext import AIORateLimiter, ExtBot

from bot.config import Settings
from bot.push.compose import Post
from bot.push.outbox import Outbox
from bot.telegram.pusher import Outcome, Pusher


def make_bot(settings: Settings) -> ExtBot[int]:
    """A Bot pointed at the configured Bot API server, under Telegram's rate limits."""
    return ExtBot(
        settings.token,
        base_url=f"{settings.api_url}/bot",
        base_file_url=f"{settings.api_url}/file/bot",
        rate_limiter=AIORateLimiter(overall_max_rate=max(settings.rate_limit, 1), max_retries=3),
    )


async def publish_once(settings: Settings, outbox: Outbox, post: Post, key: str) -> Outcome:
    """Record and send one post, after whatever the outbox still held."""
    async with make_bot(settings) as bot:
        return await Pusher(outbox, bot, settings, backoff=settings.push_backoff).publish(post, key)
