"""Send subscribers' alerts: the outbox's alert lane, paced, never before a user's answer.

Alerts go out through the application's own Bot, in the limiter's alert lane
(:class:`bot.telegram.limiter.PriorityRateLimiter`): an alert takes only the capacity users'
answers leave, never a slot an answer waits for, within Telegram's limits (about 30 messages a
second for the bot, 20 a minute per group). One alert in flight at a time, and one message a
second per chat. A chat that blocked the bot (403) loses its
subscriptions and its unsent alerts, with a log line. Uncertain or refused alerts are
logged, never re-sent, never reported to the admins one by one.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, LinkPreviewOptions, Message
from telegram.constants import ParseMode
from telegram.error import Forbidden

from bot.config import Settings
from bot.engine.index import Index
from bot.push.alert_outbox import AlertOutbox
from bot.push.follow import alert_buttons, alert_reply, candidates
from bot.push.outbox import Item
from bot.render.html import render_html
from bot.telegram.limiter import Ticket, alert_lane
from bot.telegram.pusher import Pusher

log = logging.getLogger(__name__)


def alert_interval(settings: Settings) -> float:
    """Least seconds between two alerts: never faster than the bot's whole limit (0 when the
    limiter is off, for benchmarks). How much of it alerts get is the limiter's business:
    whatever the answers leave (:mod:`bot.telegram.limiter`)."""
    if settings.rate_limit <= 0:
        return 0.0
    return 1.0 / max(1.0, float(settings.rate_limit))


class AlertPusher(Pusher):
    """The alert lane's sender; ``index`` gives the base in service (for the buttons)."""

    def __init__(
        self,
        outbox: AlertOutbox,
        bot: Bot,
        settings: Settings,
        index: Callable[[], Index],
        *,
        interval: float | None = None,
    ) -> None:
        super().__init__(outbox, bot, settings, backoff=settings.push_backoff)
        self.alerts = outbox
        self.index = index
        self.interval = alert_interval(settings) if interval is None else interval
        self._task: asyncio.Task[None] | None = None
        self._next_at = 0.0
        self._ticket: Ticket | None = None
        """The alert in flight's place in the limiter's lane (one alert in flight at a time)."""

    async def run(self, index: Index) -> int:
        """Queue the alerts for entries new since the last pass, then send them in the
        background. Returns how many alerts were queued (0 on the first pass: the baseline).
        The candidates are listed in a thread: at ×1000 (28,000 entries) that walk takes
        0.1 – 0.2 s of pure Python, which in the event loop stopped every answer right after
        a reload's swap (the loop keeps its turn between a thread's bytecodes)."""
        targets = await asyncio.to_thread(candidates, index)

        def compose(entries: list[str], hit: list[str]) -> list[str]:
            return render_html(alert_reply(index, entries, hit), screen=None)

        queued = await self.store.run(self.alerts.record_alerts, targets, compose)
        if queued:
            log.info("%d alerte(s) d'abonnés mise(s) en file", queued)
        self.kick()
        return queued

    def kick(self) -> None:
        """Drain the alert lane in the background (one drain at a time)."""
        if self._task is None or self._task.done():
            self._task = asyncio.get_running_loop().create_task(self._drain_all())

    async def _drain_all(self) -> None:
        try:
            while not self._stopping.is_set():
                await self.drain()
                if await self.store.run(self.alerts.next_wait) is None:
                    return
        except Exception:
            log.exception("Envoi des alertes interrompu ; reprise au prochain passage")

    async def close(self) -> None:
        self.stop()
        if self._task is not None:
            await asyncio.wait({self._task}, timeout=5)
        await super().close()

    # --- sending ----------------------------------------------------------------------

    async def _send(self, item: Item) -> None:
        """One alert every :attr:`interval` seconds, counted from one send's start to the
        next (the claim's round trips to the state fall inside the interval)."""
        rest = self._next_at - time.monotonic()
        if rest > 0:
            await self._pause(rest)
        self._next_at = time.monotonic() + self.interval
        self._ticket = None
        await super()._send(item)

    async def _interrupted(self, item: Item) -> None:
        """Stopped while ``item`` still waited in the limiter's lane: its request was never
        made, so it goes back to the queue (sent by the next run); else it is uncertain."""
        if self._ticket is not None and not self._ticket.started:
            log.info("Alerte %s remise en file : arrêt avant son envoi", item.id)
            await self.store.run(self.outbox.unclaim, item.id)
            return
        await super()._interrupted(item)

    async def _request(self, item: Item, photo: bytes | None = None) -> Message:
        """An alert is text only (``photo`` is never set for one), sent in the alert lane."""
        markup = await self._markup(item)
        with alert_lane() as self._ticket:
            return await self.bot.send_message(
                chat_id=int(item.chat_id) if item.chat_id.lstrip("-").isdigit() else item.chat_id,
                text=item.text,
                parse_mode=ParseMode.HTML,
                link_preview_options=LinkPreviewOptions(is_disabled=True),
                reply_markup=markup,
            )

    async def _markup(self, item: Item) -> InlineKeyboardMarkup | None:
        """One button per entry, to its card, under the alert's last part."""
        if not await self.store.run(self.alerts.is_last_part, item.post, item.part):
            return None
        entries = await self.store.run(self.alerts.entries_of, item.post)
        rows = alert_buttons(self.index(), entries)
        if not rows:
            return None
        return InlineKeyboardMarkup(
            [[InlineKeyboardButton(b.label, callback_data=b.data) for b in row] for row in rows]
        )

    async def _settle(self, item: Item, error: Exception) -> None:
        if isinstance(error, Forbidden):
            reason = str(error)[:200]
            await self.store.run(self.alerts.mark_failed, item.id, f"bloqué ({reason})")
            removed = await self.store.run(self.alerts.blocked, item.chat_id)
            log.warning(
                "Conversation %s : le bot y est bloqué (%s) ; %d abonnement(s) supprimé(s)",
                item.chat_id,
                reason,
                removed,
            )
            return
        await super()._settle(item, error)

    async def _tell_admins(self) -> None:
        """Alerts are logged, not reported to the admins one by one (thousands of chats)."""
