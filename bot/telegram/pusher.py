"""Send the outbox to the channel: claim, send, record; never send twice, never jam.

One retry layer per kind of failure: the Bot's AIORateLimiter waits out 429s; this module
retries (after a back-off, a bounded number of times) only sends that provably did not reach
Telegram. A send whose fate is unknown becomes *uncertain* and the admins get a one-tap
« Republier » button; a refusal becomes *failed* and later posts go on.
"""

from __future__ import annotations

import asyncio
import contextlib
import html
import logging
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, LinkPreviewOptions, Message
from telegram.constants import ParseMode
from telegram.error import RetryAfter

from bot.config import Settings
from bot.engine import routes
from bot.engine.index import Index
from bot.push.claims import LEASE, renewal_interval
from bot.push.compose import Post, announceable, announcement_posts, digest_post, entry_id
from bot.push.database import STATE_ERRORS
from bot.push.follow import channel_offers, short_label
from bot.push.outbox import MAX_ATTEMPTS, Item, Outbox, post_key
from bot.push.threaded import ThreadedOutbox
from bot.redact import redact
from bot.render.html import render_html
from bot.telegram.fate import Fate, describe, fate
from bot.telegram.follow_links import follow_link_markup

log = logging.getLogger(__name__)
STOP_GRACE = 3.0
"""Seconds a send in flight may still take once the bot is stopping."""
SENDER_POLL = 0.25
"""Seconds between two looks at a post another instance is sending."""
PATIENCE = 30.0
"""Seconds one drain may wait (back-offs, another process sending) before leaving the rest
to the next drain."""


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of a post: its message ids, its state and, unless sent, why."""

    message_ids: tuple[int, ...]
    status: str
    """sent, pending, sending, uncertain, failed or dropped."""
    error: str | None

    @property
    def sent(self) -> bool:
        return self.status == "sent"


def outcome_of(items: list[Item]) -> Outcome:
    """The state of a post from the states of its messages."""
    ids = tuple(item.message_id for item in items if item.message_id)
    if items and all(item.status == "sent" for item in items):
        return Outcome(ids, "sent", None)
    for status in ("failed", "uncertain", "sending", "pending", "dropped"):
        for item in items:
            if item.status == status:
                return Outcome(ids, status, item.last_error)
    return Outcome(ids, "pending", "aucune tentative")


def _chat(value: str) -> int | str:
    return int(value) if value.lstrip("-").isdigit() else value


def admin_buttons(item_id: int) -> InlineKeyboardMarkup:
    """« Republier » and « Abandonner » for the post holding ``item_id``."""
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton("Republier", callback_data=routes.OUTBOX.build("r", item_id)),
                InlineKeyboardButton("Abandonner", callback_data=routes.OUTBOX.build("d", item_id)),
            ]
        ]
    )


class Pusher:
    """Everything that reaches the channel goes through here."""

    def __init__(
        self,
        outbox: Outbox,
        bot: Bot,
        settings: Settings,
        *,
        backoff: float = 1.0,
        attempts: int = MAX_ATTEMPTS,
        patience: float = PATIENCE,
        lease: float = LEASE,
    ) -> None:
        self.store = ThreadedOutbox(outbox)
        self.bot = bot
        self.settings = settings
        self.backoff = backoff
        self.attempts = attempts
        self.patience = patience
        self.lease = lease
        """Seconds a claim lasts unless renewed; renewed while its request is in flight."""
        self._lock = asyncio.Lock()
        self._stopping = asyncio.Event()
        self.follow_index: Callable[[], Index] | None = None
        """The base in service, to offer « 🔔 Suivre » the actors a post announces."""
        self.may_send: Callable[[], bool] | None = None
        """In the bot, whether this instance holds the sender role (issue 27): only then does
        it send; another instance records, and the sender sends. None: always (``push``)."""
        self._background: asyncio.Task[None] | None = None

    @property
    def outbox(self) -> Outbox:
        return self.store.outbox

    @property
    def channel(self) -> int | str:
        if self.settings.channel_id is None:
            raise RuntimeError("TELEGRAM_CHANNEL_ID n'est pas configuré")
        return self.settings.channel_id

    def stop(self) -> None:
        """Stop every drain at its next step (back-offs are cut short)."""
        self._stopping.set()

    async def close(self) -> None:
        self.stop()
        if self._background is not None:
            await asyncio.wait({self._background}, timeout=STOP_GRACE + 2)
        async with self._lock:  # the drain in progress ends its current send first
            await self.store.close()

    @property
    def sender(self) -> bool:
        """True when this process may send (it holds the sender role, or no role is kept)."""
        return self.may_send is None or self.may_send()

    async def publish(self, post: Post, key: str, patience: float | None = None) -> Outcome:
        """Record the post (once per key), then send what is pending, in order."""
        await self.store.run(
            self.outbox.record,
            key,
            self.channel,
            self.settings.channel_thread_id,
            render_html(post.reply, screen=None),  # a post: Telegram's limit, as recorded
            post.entries,
        )
        return await self._settled(key, patience)

    async def _settled(self, key: str, patience: float | None) -> Outcome:
        """Send (as the sender) or wait for the sender to send, up to ``patience`` seconds;
        the post's outcome then."""
        budget = self.patience if patience is None else patience
        if self.sender:
            await self.drain(budget)
            return outcome_of(await self.store.run(self.outbox.of_post, key))
        deadline = asyncio.get_running_loop().time() + budget
        while True:  # another instance holds the sender role: it sends, we watch
            outcome = outcome_of(await self.store.run(self.outbox.of_post, key))
            if outcome.status not in ("pending", "sending") or self._stopping.is_set():
                return outcome
            left = deadline - asyncio.get_running_loop().time()
            if left <= 0:
                return outcome
            await self._pause(min(SENDER_POLL, left))

    def kick(self) -> None:
        """Drain in the background (one at a time): the sender role's ticks never wait."""
        if self._background is None or self._background.done():
            self._background = asyncio.get_running_loop().create_task(self._drain_quietly())

    async def _drain_quietly(self) -> None:
        try:
            await self.drain()
        except STATE_ERRORS as error:
            log.error("Envoi interrompu : %s", error)

    async def publish_photo(
        self, texts: list[str], png: bytes, key: str, patience: float | None = None
    ) -> Outcome:
        """Like :meth:`publish`, the first message being a photo captioned ``texts[0]``."""
        await self.store.run(
            self.outbox.record_photo,
            key,
            self.channel,
            self.settings.channel_thread_id,
            texts,
            png,
        )
        return await self._settled(key, patience)

    async def drain(self, patience: float | None = None) -> None:
        """Send what may be sent, oldest first; wait out back-offs up to ``patience`` s."""
        budget = self.patience if patience is None else patience
        if not self.sender:
            return
        async with self._lock:
            try:
                while not self._stopping.is_set() and self.sender:
                    item = await self.store.run(self.outbox.claim, self.lease)
                    if item is not None:
                        await self._send(item)
                        continue
                    wait = await self.store.run(self.outbox.next_wait)
                    if wait is None or wait > budget:
                        break
                    budget -= wait
                    await self._pause(wait)
            finally:
                await self._tell_admins()

    async def _pause(self, seconds: float) -> None:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._stopping.wait(), timeout=seconds)

    async def _send(self, item: Item) -> None:
        if self._stopping.is_set():
            await self.store.run(self.outbox.unclaim, item.id)
            return
        photo = await self.store.run(self.outbox.photo, item.id)
        request = asyncio.ensure_future(self._request(item, photo))
        stopping = asyncio.ensure_future(self._stopping.wait())
        renewing = asyncio.ensure_future(self._keep_claim(item))
        interrupted = False
        try:
            await asyncio.wait({request, stopping}, return_when=asyncio.FIRST_COMPLETED)
            if not request.done():  # stopping: the request in flight gets a short grace
                await asyncio.wait({request}, timeout=STOP_GRACE)
        except asyncio.CancelledError:  # the drain itself is cancelled (shutdown)
            interrupted = True
            raise
        finally:
            stopping.cancel()
            if not request.done():
                request.cancel()
            # the claim is kept until the request has really ended (cancelled included)
            await asyncio.wait({request})
            renewing.cancel()
            await asyncio.wait({renewing})
            if interrupted:
                await self._conclude(item, photo, request)
        await self._conclude(item, photo, request)

    async def _conclude(
        self, item: Item, photo: bytes | None, request: asyncio.Future[Message]
    ) -> None:
        """Record what became of ``item``'s finished (or cancelled) request."""
        if request.cancelled():
            await self._interrupted(item)
            return
        error = request.exception()
        if error is None:
            await self.store.run(self.outbox.mark_sent, item.id, request.result().message_id)
        elif isinstance(error, Exception):
            if photo is not None and fate(error) is Fate.REFUSED:  # issue 15: text fallback
                log.warning("Photo %s refusée (%s) : légende envoyée en texte", item.id, error)
                await self.store.run(self.outbox.without_photo, item.id, describe(error))
                return
            await self._settle(item, error)
        else:
            raise error

    async def _interrupted(self, item: Item) -> None:
        """The bot stopped while ``item`` was in flight: it may have been posted."""
        log.error("Publication %s incertaine : %s", item.id, _STOPPED)
        await self.store.run(self.outbox.mark_uncertain, item.id, _STOPPED)

    async def _keep_claim(self, item: Item) -> None:
        """Renew the claim on ``item`` while its request is in flight (rate-limit waits and
        timeouts can outlast a lease): no other process may take it for a dead sender's."""
        every = renewal_interval(self.lease)
        while True:
            await asyncio.sleep(every)
            try:
                kept = await self.store.run(
                    self.outbox.renew_claim, item.id, self.outbox.owner, time.time() + self.lease
                )
            except STATE_ERRORS as error:  # busy or away: the next renewal comes well before expiry
                log.warning("Bail de l'envoi %s non renouvelé (%s)", item.id, error)
                continue
            if not kept:
                log.error("Envoi %s : la réservation a été perdue pendant l'envoi", item.id)
                return

    async def _request(self, item: Item, photo: bytes | None = None) -> Message:
        """The Bot API call that sends ``item`` (``photo`` with the text as its caption when
        the post has one); the last part of a post gets its buttons."""
        if photo is not None:
            return await self.bot.send_photo(
                chat_id=_chat(item.chat_id),
                photo=photo,
                caption=item.text,
                message_thread_id=item.thread_id,
                parse_mode=ParseMode.HTML,
                reply_markup=await self._markup(item),
            )
        return await self.bot.send_message(
            chat_id=_chat(item.chat_id),
            text=item.text,
            message_thread_id=item.thread_id,
            parse_mode=ParseMode.HTML,
            link_preview_options=LinkPreviewOptions(is_disabled=True),
            reply_markup=await self._markup(item),
        )

    async def _markup(self, item: Item) -> InlineKeyboardMarkup | None:
        """Channel posts: « 🔔 Suivre » links to the bot under the last part — one per actor
        an announcement is about, or one that explains /suivre."""
        parts = await self.store.run(self.outbox.of_post, item.post)
        if parts and parts[-1].part != item.part:
            return None
        offers: list[tuple[str, str]] = []
        if self.follow_index is not None:
            index = self.follow_index()
            entries = await self.store.run(self.outbox.entries_of_post, item.post)
            offers = [(short_label(index, t), t) for t in channel_offers(index, entries)]
        return follow_link_markup(self.bot.username, offers)

    async def _settle(self, item: Item, error: Exception) -> None:
        kind = fate(error)
        reason = describe(error)
        if kind is Fate.REFUSED:
            log.error("Publication %s refusée par Telegram : %s", item.id, reason)
            await self.store.run(self.outbox.mark_failed, item.id, reason)
        elif kind is Fate.UNKNOWN:
            log.error("Publication %s incertaine : %s", item.id, reason)
            await self.store.run(self.outbox.mark_uncertain, item.id, reason)
        else:
            delay = self.backoff * 2 ** min(item.attempts, 10)
            if isinstance(error, RetryAfter):
                wait = error.retry_after
                delay = wait.total_seconds() if isinstance(wait, timedelta) else float(wait)
            status = await self.store.run(
                self.outbox.release, item.id, reason, delay, self.attempts
            )
            log.warning("Publication %s non envoyée (%s) : %s", item.id, status, reason)

    # --- admins ------------------------------------------------------------------------

    async def _tell_admins(self) -> None:
        """Tell the admins, once per error, of every uncertain or failed post."""
        try:
            items = await self.store.run(self.outbox.to_notify)
        except STATE_ERRORS:
            log.exception("File d'envoi illisible")
            return
        for item in items:  # claimed first: two processes never tell the same error twice
            if await self.store.run(self.outbox.claim_notice, item.id, item.last_error or ""):
                await self.tell_admins(_notice(item), admin_buttons(item.id))

    async def tell_admins(self, text: str, markup: InlineKeyboardMarkup | None = None) -> None:
        """A plain-text message to every admin; one who never opened the bot is skipped."""
        for admin in sorted(self.settings.admin_ids):
            try:
                await self.bot.send_message(
                    chat_id=admin, text=redact(text), parse_mode=None, reply_markup=markup
                )
            except Exception as error:
                log.warning("Impossible de prévenir l'administrateur %s (%s)", admin, error)

    # --- announcements and digests -----------------------------------------------------

    async def announce_new(self, index: Index, today: date) -> int:
        """Post entries never announced; on first use the base is the baseline (unless asked)."""
        if await self.store.run(self.outbox.get_meta, "baseline") is None:
            if self.settings.announce_existing:
                await self.store.run(self.outbox.take_baseline, today.isoformat(), ())
            else:
                ids = await asyncio.to_thread(_announceable_ids, index)
                if await self.store.run(self.outbox.take_baseline, today.isoformat(), ids):
                    log.info(
                        "Première mise en service : %d faits pris comme base, rien publié",
                        len(ids),
                    )
                    return 0
        announced = await self.store.run(self.outbox.announced)
        # in a thread, as the alerts' candidates: a walk of the whole base (×1000: 28,000
        # entries) must not stop the answers in the event loop right after a reload's swap
        posts = await asyncio.to_thread(announcement_posts, index, announced)
        for post in posts:
            await self.store.run(
                self.outbox.record,
                post_key("annonce", *post.entries),
                self.channel,
                self.settings.channel_thread_id,
                render_html(post.reply, screen=None),  # a post: Telegram's limit, as recorded
                post.entries,
            )
        await self.drain()
        return len(posts)

    async def digest(self, index: Index, today: date) -> Outcome | None:
        """The scheduled digest, at most once per day."""
        announced = await self.store.run(self.outbox.announced)
        post = await asyncio.to_thread(digest_post, index, today, announced)  # off the loop
        if post is None:
            return None
        return await self.publish(post, f"digest:{today.isoformat()}")


def _announceable_ids(index: Index) -> list[str]:
    """The ids of every entry the channel may announce (the first baseline)."""
    return [entry_id(item) for item in announceable(index)]


_STOPPED = "arrêt du bot pendant l'envoi : publication peut-être faite"


def _notice(item: Item) -> str:
    """The admins' message about an uncertain or failed post."""
    preview = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", item.text)).split())[:120]
    if item.status == "uncertain":
        head = (
            f"❓ Publication n° {item.id} incertaine : Telegram l'a peut-être reçue "
            "(réponse perdue). Vérifiez le canal : si elle n'y est pas, touchez « Republier »."
        )
    else:
        head = (
            f"⚠️ Publication n° {item.id} en échec ; les suivantes continuent. Corrigez la cause "
            "(le bot est-il administrateur du canal ?) puis touchez « Republier »."
        )
    return redact(f"{head}\nRaison : {item.last_error}\nDébut : {preview}")
