"""Content hot reload (/recharger, SIGHUP): validate first, swap only when all is well."""

from __future__ import annotations

import asyncio
import html
import logging

from bot.clock import today
from bot.content.errors import ContentError
from bot.engine.index import Index
from bot.push.database import STATE_ERRORS
from bot.rebuild import RebuildError, rebuild_index, release_index
from bot.telegram.services import Services
from bot.text import count

log = logging.getLogger(__name__)
MAX_LISTED = 15


async def reload_content(found: Services) -> tuple[bool, str]:
    """Load and validate the content again; on success replace the index, announce what's new.

    Returns whether it worked and a French report (HTML-escaped) for the admin.
    """
    try:
        # in a child process; the served index itself when nothing changed since it was read
        index = await rebuild_index(found.content_dir, found.seeds_dir, found.index)
    except ContentError as error:
        listed = [f"• {html.escape(str(issue))}" for issue in error.issues[:MAX_LISTED]]
        if len(error.issues) > MAX_LISTED:
            listed.append(f"… et {count(len(error.issues) - MAX_LISTED, 'autre')}.")
        log.error("Rechargement refusé : %d erreur(s) dans le contenu", len(error.issues))
        report = (
            f"❌ Rechargement refusé ({count(len(error.issues), 'erreur')}) ; "
            "l'ancienne base reste en service.\n" + "\n".join(listed)
        )
        return False, report
    except RebuildError as error:  # the child crashed, ran out of time or memory
        log.error("Rechargement impossible : %s", error)
        return False, (
            f"❌ Rechargement impossible : {html.escape(str(error))} ; "
            "l'ancienne base reste en service."
        )
    except Exception as error:  # the child could not even start (OSError…)
        log.error("Rechargement impossible : %s", type(error).__name__, exc_info=True)
        return False, (
            f"❌ Rechargement impossible ({type(error).__name__}) ; "
            "l'ancienne base reste en service."
        )
    replaced = [found.index]
    found.index = index  # one assignment: every later update reads the new base
    await asyncio.to_thread(release_index, replaced)  # the old one freed piece by piece
    announced = 0
    if found.pusher is not None:
        try:
            announced = await found.pusher.announce_new(index, today(found.settings.timezone))
        except STATE_ERRORS as error:
            log.error("Annonce des nouveaux faits impossible : %s", error)
    alerted = await _alert_subscribers(found, index)  # issue #16
    counts = await asyncio.to_thread(index.base.counts)  # ×1000: ~40 ms, off the loop
    log.info("Base rechargée (%d événements, %d accords)", counts["événements"], counts["accords"])
    return True, (
        f"✅ Base rechargée : {count(counts['événements'], 'événement')}, "
        f"{count(counts['accords'], 'accord')}, {counts['pays']} pays, "
        f"{count(counts['organisations'], 'organisation')} ; "
        f"{count(announced, 'annonce')} de nouveaux faits{alerted}."
    )


async def _alert_subscribers(found: Services, index: Index) -> str:
    """Queue the subscribers' alerts for what is new; the report's words about them."""
    if found.alerts is None:
        return ""
    try:
        queued = await found.alerts.run(index)
    except STATE_ERRORS as error:
        log.error("Alertes des abonnés impossibles : %s", error)
        return " ; alertes des abonnés impossibles (fichier d'état)"
    return f" ; {count(queued, 'alerte')} d'abonnés en file"
