"""The alert lane's life cycle: opened at start (or again later by :mod:`bot.telegram.state`),
its jobs (the alerts left by the previous run, then a look every minute), closed at stop."""

from __future__ import annotations

import asyncio
import logging

from telegram import Bot
from telegram.ext import JobQueue

from bot.push.alert_outbox import AlertOutbox
from bot.push.database import STATE_ERRORS, problem
from bot.push.migrations import OPEN_ERRORS
from bot.telegram.alerts import AlertPusher
from bot.telegram.context import BotContext
from bot.telegram.services import Services

log = logging.getLogger(__name__)

RESUME_INTERVAL = 60.0
"""Seconds between two looks at the alert lane (back-offs over, another process gone)."""


async def open_alerts(found: Services, bot: Bot, jobs: JobQueue[BotContext] | None) -> bool:
    """Open the alert lane of the state file (with or without a channel) and its jobs.

    An unusable state file turns subscriptions off (``found.alerts_off``, for the logs and
    the admins; users only read that they are unavailable) and returns False; answers go
    on, and :mod:`bot.telegram.state` tries again later.
    """
    try:
        outbox = await open_alert_store(found)
    except OPEN_ERRORS as error:
        found.alerts_off = problem(found.settings.state, error)
        log.error("Abonnements désactivés : %s", found.alerts_off)
        return False
    found.alerts_off = None
    found.alerts = AlertPusher(outbox, bot, found.settings, lambda: found.index)
    if jobs is not None:
        jobs.run_once(_alerts_at_start, when=0, name="alertes-au-demarrage")
        jobs.run_repeating(
            _resume_alerts, interval=RESUME_INTERVAL, first=RESUME_INTERVAL, name="reprise-alertes"
        )
    return True


async def open_alert_store(found: Services) -> AlertOutbox:
    """The alert lane of the state, opened in a thread, under this instance's name."""
    return await asyncio.to_thread(AlertOutbox, found.settings.state, found.instance)


async def close_alerts(found: Services) -> None:
    if found.alerts is not None:
        await found.alerts.close()


async def _alerts_at_start(context: BotContext) -> None:
    """Resume the alerts left by the previous run, then alert for entries new since then."""
    found = context.services
    if found.alerts is None:
        return
    try:
        await found.alerts.run(found.index)
    except STATE_ERRORS as error:
        log.error("Alertes des abonnés impossibles au démarrage : %s", error)


async def _resume_alerts(context: BotContext) -> None:
    found = context.services
    if found.alerts is not None:
        found.alerts.kick()
