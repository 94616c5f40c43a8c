"""Job queue: channel announcements at start, retries of the outbox, the scheduled digest.

Jobs are not persisted by PTB, so they are created anew at every start.
"""

from __future__ import annotations

import logging
from datetime import datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from telegram.ext import CallbackContext, JobQueue

from bot.config import Settings
from bot.telegram.services import services

log = logging.getLogger(__name__)
RETRY_INTERVAL = 300.0
"""Seconds between two attempts to empty the outbox when something is stuck."""

Job = CallbackContext[Any, Any, Any, Any]


async def push_at_start(context: Job) -> None:
    """Resume the outbox left by the previous run, then announce entries new since then."""
    found = services(context)
    if found.pusher is None:
        return
    await found.pusher.drain()
    count = await found.pusher.announce_new(found.index)
    if count:
        log.info("%d annonce(s) de nouveaux faits publiée(s)", count)


async def retry_outbox(context: Job) -> None:
    """Try again what could not be sent."""
    found = services(context)
    if found.pusher is not None and found.pusher.outbox.pending():
        await found.pusher.drain()


async def send_digest(context: Job) -> None:
    """The scheduled digest (off unless DIGEST_SCHEDULE is set)."""
    found = services(context)
    if found.pusher is None:
        return
    today = datetime.now(ZoneInfo(found.settings.timezone)).date()
    await found.pusher.digest(found.index, today)


def schedule(jobs: JobQueue[Any], settings: Settings) -> None:
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
