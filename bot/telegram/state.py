"""The state file's two services — channel publishing and subscriptions — opened at start and
reopened by themselves when the file was unusable (locked, corrupt, missing folder…).

While a service is off, users read a short French « indisponible », never a path nor a
library's message (those go to the log and to the admins); every :data:`RETRY` seconds the
bot tries the file again, turns the services back on and tells the admins.
"""

from __future__ import annotations

import logging

from bot.config import Settings
from bot.push.database import STATE_ERRORS, is_database_url, problem
from bot.push.migrations import OPEN_ERRORS
from bot.redact import redact
from bot.telegram import jobs, sender
from bot.telegram.alert_jobs import open_alerts
from bot.telegram.context import App, BotContext
from bot.telegram.push_bot import open_pusher
from bot.telegram.services import Services

log = logging.getLogger(__name__)
RETRY = 30.0
"""Seconds between two attempts to open an unusable state file again."""
SUBSCRIPTIONS_UNAVAILABLE = (
    "Abonnements indisponibles pour l'instant. Réessayez dans quelques minutes ; "
    "les réponses aux questions, elles, fonctionnent."
)
SUBSCRIPTIONS_BUSY = (
    "Abonnements momentanément indisponibles (fichier d'état occupé). Réessayez dans un instant."
)


def unavailable_reason(settings: Settings) -> str:
    """What users may read of why the state is unusable: the setting, no path, no host, no
    library message (those are for the log and the admins)."""
    if is_database_url(settings.state):
        return "la base de données (DATABASE_URL) ne répond pas"
    return "fichier d'état inutilisable"


def subscriptions_busy(settings: Settings) -> str:
    """The answer when a subscription command's state call failed just now."""
    if not is_database_url(settings.state):
        return SUBSCRIPTIONS_BUSY
    return (
        f"Abonnements momentanément indisponibles ({unavailable_reason(settings)}). "
        "Réessayez dans un instant."
    )


def subscriptions_unavailable(settings: Settings) -> str:
    """/suivre's answer while subscriptions are off or the state is away."""
    if not is_database_url(settings.state):
        return SUBSCRIPTIONS_UNAVAILABLE
    return (
        f"Abonnements indisponibles pour l'instant : {unavailable_reason(settings)}. "
        "Réessayez dans quelques minutes ; les réponses aux questions, elles, fonctionnent."
    )


async def tell_admins(application: App, found: Services, text: str) -> None:
    """A plain-text notice to every admin; one who never opened the bot is skipped."""
    for admin in sorted(found.settings.admin_ids):
        try:
            await application.bot.send_message(admin, redact(text), parse_mode=None)
        except Exception as error:  # an admin who never opened the bot cannot be told
            log.warning("Impossible de prévenir l'administrateur %s (%s)", admin, error)


async def open_channel(application: App, found: Services) -> bool:
    """Open the channel's pusher and schedule its jobs; False (and the reason kept) when the
    state file is unusable. Nothing to do without a channel."""
    settings = found.settings
    if settings.channel_id is None or found.pusher is not None:
        return True
    try:
        found.pusher = await open_pusher(settings, found.instance)
    except OPEN_ERRORS as error:
        found.publishing_off = problem(settings.state, error)
        log.error("Publication dans le canal désactivée : %s", found.publishing_off)
        return False
    found.publishing_off = None
    found.pusher.follow_index = lambda: found.index  # channel posts offer to follow actors
    if application.job_queue is not None:
        jobs.schedule(application.job_queue, settings)
    return True


async def open_state(application: App, found: Services) -> None:
    """At start: both services, and the job that reopens whichever could not be opened."""
    channel = await open_channel(application, found)
    await open_alerts(found, application.bot, application.job_queue)
    if application.job_queue is not None:
        application.job_queue.run_repeating(_reopen, interval=RETRY, first=RETRY, name="etat")
    if not channel:
        await tell_admins(
            application,
            found,
            f"⚠️ Publication dans le canal désactivée : {found.publishing_off}. Le bot continue "
            f"de répondre et réessaie toutes les {RETRY:g} s ; il vous préviendra à la reprise.",
        )


async def _reopen(context: BotContext) -> None:
    """Try the state file again for whatever is off; tell the admins what came back."""
    found = context.services
    application: App = context.application
    back: list[str] = []
    if found.settings.channel_id is not None and found.publishing_off is not None:
        if found.pusher is None:
            if await open_channel(application, found):
                back.append("publication dans le canal")
        elif await _usable(found):  # a runtime fault (lock…) that has passed
            found.publishing_off = None
            back.append("publication dans le canal")
    if found.alerts is None and await open_alerts(found, application.bot, application.job_queue):
        back.append("abonnements")
    sender.attach(found)  # a store opened again sends only while this instance holds the role
    if back:
        log.info("État de nouveau utilisable : %s", ", ".join(back))
        await tell_admins(
            application,
            found,
            f"✅ État de nouveau utilisable : {' et '.join(back)} rétablis.",
        )


async def _usable(found: Services) -> bool:
    pusher = found.pusher
    if pusher is None:
        return False
    try:
        await pusher.store.run(pusher.outbox.next_wait)
    except STATE_ERRORS:
        return False
    return True
