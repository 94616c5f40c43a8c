"""Two instances, one sender; a state that comes back by itself (issue 27).

Every instance answers users. Exactly one holds the *sender role* — channel posts, the digest,
alerts, retries — through a lease row in the state (:meth:`Outbox.hold_role`), renewed every
:data:`TICK` seconds for :data:`LEASE` seconds (``BOT_SENDER_LEASE`` sets the lease, the tick is a
third of it). When the sender dies (``kill -9``), its lease runs
out and the next tick of another instance takes the role: within ``LEASE + TICK`` seconds; its
sends in flight become *uncertain* in the same transaction and are told to the admins once. A
clean stop gives the role up at once.

The same tick watches the state: when it cannot be reached, publishing and subscriptions say
« indisponible » (``Services.state_down``) and come back by themselves when it answers again;
a store that could not be opened at start is opened again by :mod:`bot.telegram.state`.
"""

from __future__ import annotations

import logging

from telegram.ext import JobQueue

from bot.push.database import problem
from bot.push.migrations import OPEN_ERRORS
from bot.telegram.context import BotContext
from bot.telegram.pusher import Pusher
from bot.telegram.services import Services

log = logging.getLogger(__name__)
LEASE = 15.0
"""Seconds the sender role stays with an instance that stopped renewing it (the default of
``Settings.sender_lease``)."""
TICK = LEASE / 3
"""Seconds between two renewals (and, for the others, two looks at the role): a third of the
lease."""


def _store(found: Services) -> Pusher | None:
    """The store the role is kept in: the channel's, else the alerts'."""
    return found.pusher if found.pusher is not None else found.alerts


def attach(found: Services) -> None:
    """Make the pushers send only while this instance holds the role."""
    for pusher in (found.pusher, found.alerts):
        if pusher is not None:
            pusher.may_send = lambda: found.sender


async def tick(found: Services, *, kick: bool = True) -> None:
    """Take or renew the role, note whether the state answers, and (``kick``) resume sending
    when the role is held. (Stores that could not be opened: :mod:`bot.telegram.state`.)"""
    store = _store(found)
    if store is None:
        return
    try:
        held, previous = await store.store.run(store.outbox.hold_role, found.settings.sender_lease)
    except OPEN_ERRORS as error:
        reason = problem(found.settings.state, error)
        if found.state_down is None:
            log.error("État indisponible : %s", reason)
        found.state_down = reason
        found.sender = False
        return
    if found.state_down is not None:
        log.info("État de nouveau disponible : publication et abonnements reprennent")
        found.state_down = None
    was, found.sender = found.sender, held
    if held and not was:
        after = f" (reprise après {previous})" if previous else ""
        log.info("Rôle d'expéditeur pris par l'instance %s%s", found.instance, after)
    elif was and not held:
        log.warning("Rôle d'expéditeur perdu par l'instance %s", found.instance)
    if held and kick:
        for pusher in (found.pusher, found.alerts):
            if pusher is not None:
                pusher.kick()


async def _tick_job(context: BotContext) -> None:
    await tick(context.services)


def schedule(jobs: JobQueue[BotContext], lease: float = LEASE) -> None:
    every = lease / 3  # TICK for the default lease
    jobs.run_repeating(_tick_job, interval=every, first=every, name="role-expediteur")


async def resign(found: Services) -> None:
    """A clean stop: give the role up so another instance takes it at its next tick."""
    store = _store(found)
    if store is None or not found.sender:
        return
    found.sender = False
    try:
        await store.store.run(store.outbox.resign_role)
    except OPEN_ERRORS as error:
        log.warning("Rôle d'expéditeur non rendu : %s", problem(found.settings.state, error))


async def describe_role(found: Services) -> str:
    """Who sends, for /envois."""
    store = _store(found)
    if store is None:
        return "Expéditeur : inconnu (état indisponible)."
    holder = await store.store.run(store.outbox.role_holder)
    if holder is None:
        return "Expéditeur : aucune instance pour l'instant (la première à passer le prendra)."
    name, _until, _since = holder
    if name == found.instance:
        return f"Expéditeur : cette instance ({name})."
    return (
        f"Expéditeur : une autre instance ({name}) ; celle-ci ({found.instance}) répond seulement."
    )
