"""Send the outbox to the channel: retries with backoff, admins told of blocking errors."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date, timedelta

from telegram import Bot, LinkPreviewOptions
from telegram.constants import ParseMode
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
)

from bot.config import Settings
from bot.engine.index import Index
from bot.push.compose import (
    Post,
    announceable,
    announcement_posts,
    digest_post,
    entry_id,
)
from bot.push.outbox import Item, Outbox, post_key
from bot.render.html import render_html

log = logging.getLogger(__name__)
Sleep = Callable[[float], Awaitable[None]]
PERMANENT = (Forbidden, BadRequest, ChatMigrated, InvalidToken)


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of a post: its message ids once sent, or why it is still waiting."""

    message_ids: tuple[int, ...]
    error: str | None

    @property
    def sent(self) -> bool:
        return self.error is None and bool(self.message_ids)


def _chat(value: str) -> int | str:
    return int(value) if value.lstrip("-").isdigit() else value


class Pusher:
    """Everything that reaches the channel goes through here, one drain at a time."""

    def __init__(
        self,
        outbox: Outbox,
        bot: Bot,
        settings: Settings,
        *,
        backoff: float = 1.0,
        attempts: int = 6,
        sleep: Sleep = asyncio.sleep,
    ) -> None:
        self.outbox = outbox
        self.bot = bot
        self.settings = settings
        self.backoff = backoff
        self.attempts = attempts
        self.sleep = sleep
        self._lock = asyncio.Lock()

    @property
    def channel(self) -> int | str:
        if self.settings.channel_id is None:
            raise RuntimeError("TELEGRAM_CHANNEL_ID n'est pas configuré")
        return self.settings.channel_id

    async def publish(self, post: Post, key: str) -> Outcome:
        """Record the post (once per key), then send everything pending, in order."""
        self.outbox.record(
            key,
            self.channel,
            self.settings.channel_thread_id,
            render_html(post.reply),
            post.entries,
        )
        error = await self.drain()
        ids = tuple(item.message_id for item in self.outbox.sent(key) if item.message_id)
        pending = any(item.post == key for item in self.outbox.pending())
        return Outcome(ids, error if pending else None)

    async def drain(self) -> str | None:
        """Send pending messages oldest first; stop at the first that cannot go yet."""
        async with self._lock:
            for item in self.outbox.pending():
                error = await self._send(item)
                if error is not None:
                    return error
        return None

    async def _send(self, item: Item) -> str | None:
        delay = self.backoff
        error = "aucune tentative"
        for _attempt in range(self.attempts):
            try:
                message = await self.bot.send_message(
                    chat_id=_chat(item.chat_id),
                    text=item.text,
                    message_thread_id=item.thread_id,
                    parse_mode=ParseMode.HTML,
                    link_preview_options=LinkPreviewOptions(is_disabled=True),
                )
            except RetryAfter as exc:
                wait = exc.retry_after
                seconds = wait.total_seconds() if isinstance(wait, timedelta) else float(wait)
                error = f"limite de débit (attendre {seconds:g} s)"
                self.outbox.mark_failed(item.id, error)
                await self.sleep(seconds)
            except PERMANENT as exc:
                error = f"{type(exc).__name__}: {exc}"
                self.outbox.mark_failed(item.id, error)
                await self._notify_admins(item, error)
                return error
            except NetworkError as exc:  # timeouts, 5xx, dropped connections
                error = f"erreur réseau : {exc}"
                self.outbox.mark_failed(item.id, error)
                log.warning("Envoi au canal échoué (%s), nouvel essai dans %.1f s", exc, delay)
                await self.sleep(delay)
                delay *= 2
            else:
                self.outbox.mark_sent(item.id, message.message_id)
                return None
        return error

    async def _notify_admins(self, item: Item, error: str) -> None:
        if item.notified_error == error:
            return
        log.error("Publication bloquée sur le canal : %s", error)
        text = (
            f"⚠️ Publication bloquée sur le canal {item.chat_id} : {error}\n"
            "Elle reste en file d'attente et sera retentée (vérifiez que le bot est "
            "administrateur du canal)."
        )
        for admin in sorted(self.settings.admin_ids):
            try:
                await self.bot.send_message(chat_id=admin, text=text, parse_mode=None)
            except Exception:  # an admin who never started the bot cannot be told
                log.warning("Impossible de prévenir l'administrateur %s", admin, exc_info=True)
        self.outbox.mark_notified(item.id, error)

    # --- announcements and digests -----------------------------------------------------

    async def announce_new(self, index: Index) -> int:
        """Post entries never announced; on first use the base is the baseline (unless asked)."""
        if self.outbox.get_meta("baseline") is None:
            self.outbox.set_meta("baseline", date.today().isoformat())
            if not self.settings.announce_existing:
                ids = [entry_id(item) for item in announceable(index)]
                self.outbox.mark_announced(ids)
                log.info(
                    "Première mise en service : %d faits pris comme base, rien publié", len(ids)
                )
                return 0
        posts = announcement_posts(index, self.outbox.announced())
        for post in posts:
            self.outbox.record(
                post_key("annonce", *post.entries),
                self.channel,
                self.settings.channel_thread_id,
                render_html(post.reply),
                post.entries,
            )
        await self.drain()
        return len(posts)

    async def digest(self, index: Index, today: date) -> Outcome | None:
        """The scheduled digest, at most once per day."""
        post = digest_post(index, today, self.outbox.announced())
        if post is None:
            return None
        return await self.publish(post, f"digest:{today.isoformat()}")
