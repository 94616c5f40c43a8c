"""Job queue: channel announcements at start, retries of the outbox, the scheduled digest.

Jobs are not persisted by PTB, so they are created anew at every start. A job that cannot
use the state file logs it and tells the admins; it never stops the bot.
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from collections.abc import Awaitable, Callable
from datetime import time
from zoneinfo import ZoneInfo

from telegram.ext import JobQueue

from bot.clock import today
from bot.config import Settings
from bot.push.database import STATE_ERRORS, problem
from bot.telegram.context import BotContext
from bot.telegram.pusher import Pusher
from bot.telegram.services import Services

log = logging.getLogger(__name__)
LOCK_PAUSE = 2.0
"""Seconds before a job tries again once when the state file was locked (a busy machine,
another process's long transaction): a passing lock turns nothing off."""
RETRY_INTERVAL = 60.0
"""Seconds between two looks at the outbox for posts waiting for a retry."""


async def _guarded(found: Services, work: Callable[[Pusher], Awaitable[None]]) -> None:
    """Run ``work`` with the pusher; a state-file failure turns publishing off, loudly."""
    pusher = found.pusher
    if pusher is None:
        return
    try:
        try:
            await work(pusher)
        except sqlite3.OperationalError as error:  # a lock held past busy_timeout: once more
            if "locked" not in str(error) and "busy" not in str(error):
                raise
            log.warning("Fichier d'état occupé (%s) : nouvel essai dans %g s", error, LOCK_PAUSE)
            await asyncio.sleep(LOCK_PAUSE)
            await work(pusher)
    except STATE_ERRORS as error:
        reason = problem(found.settings.state, error)
        log.error("Publication dans le canal suspendue : %s", reason)
        if found.state_down is None:  # the sender role's tick says when it is back
            found.state_down = reason
            await pusher.tell_admins(f"⚠️ Publication dans le canal suspendue : {reason}.")


async def push_at_start(context: BotContext) -> None:
    """Resume the outbox left by the previous run, then announce entries new since then."""
    found = context.services

    async def work(pusher: Pusher) -> None:
        await pusher.drain()
        count = await pusher.announce_new(found.index, today(found.settings.timezone))
        if count:
            log.info("%d annonce(s) de nouveaux faits publiée(s)", count)

    await _guarded(found, work)


async def retry_outbox(context: BotContext) -> None:
    """Try again what is waiting (back-offs over, another process gone)."""
    found = context.services

    async def work(pusher: Pusher) -> None:
        if await pusher.store.run(pusher.outbox.next_wait) is not None:
            await pusher.drain()

    await _guarded(found, work)


async def send_digest(context: BotContext) -> None:
    """The scheduled digest (off unless DIGEST_SCHEDULE is set)."""
    found = context.services

    async def work(pusher: Pusher) -> None:
        if found.sender:  # issue 27: the instance holding the sender role posts it
            await pusher.digest(found.index, today(found.settings.timezone))

    await _guarded(found, work)


def schedule(jobs: JobQueue[BotContext], settings: Settings) -> None:
    """Create the push jobs (called at every start)."""
    jobs.run_once(push_at_start, when=0, name="annonces-au-demarrage")
    jobs.run_repeating(retry_outbox, interval=RETRY_INTERVAL, first=RETRY_INTERVAL, name="reprise")
    digest = settings.digest
    if digest is None:
        return
    at = time(digest.hour, digest.minute, tzinfo=ZoneInfo(settings.timezone))
    # PTB numbers days 0 = Sunday … 6 = Saturday; ours are 0 = Monday … 6 = Sunday.
    days = tuple(range(7)) if digest.weekday is None else ((digest.weekday + 1) % 7,)
    jobs.run_daily(send_digest, time=at, days=days, name="digest")
    log.info("Point programmé %s", digest.describe())
