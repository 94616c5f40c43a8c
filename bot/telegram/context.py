"""The typed context every handler and job receives: ``context.services`` and ``bot_data``.

PTB builds a :class:`BotContext` for each update and job (``ContextTypes``); its ``bot_data``
is a :class:`BotData`, not a dictionary, so the services and the pending previews are
attributes with their types, never string keys.
"""

from __future__ import annotations

from typing import Any

from telegram.ext import Application, CallbackContext, ContextTypes, ExtBot

from bot.telegram.pending import Pending
from bot.telegram.services import Services


class BotData:
    """What the whole bot shares between updates, built empty by PTB at start."""

    __slots__ = ("_services", "crashes_told", "previews")

    def __init__(self) -> None:
        self._services: Services | None = None
        self.previews: dict[str, Pending] = {}
        """Posts shown to an admin by /publier and not yet confirmed (token → preview)."""
        self.crashes_told: set[str] = set()
        """Kinds of crash (exception type and place) already told to the admins, in memory:
        a restart tells each kind once again."""

    @property
    def services(self) -> Services:
        """The services set at start-up (post_init), before any update is handled."""
        if self._services is None:
            raise RuntimeError("services absents : post_init n'a pas tourné")
        return self._services

    @services.setter
    def services(self, found: Services) -> None:
        self._services = found

    @property
    def started(self) -> Services | None:
        """The services, or None before post_init (for shutdown and signals)."""
        return self._services


class BotContext(CallbackContext[ExtBot[Any], dict[Any, Any], dict[Any, Any], BotData]):
    """PTB's callback context with the bot's services typed."""

    @property
    def services(self) -> Services:
        """Shorthand for ``context.bot_data.services``."""
        return self.bot_data.services


CONTEXT_TYPES = ContextTypes(context=BotContext, bot_data=BotData)
"""Handed to the application builder: every callback gets a :class:`BotContext`."""

App = Application[ExtBot[Any], Any, dict[Any, Any], dict[Any, Any], BotData, Any]
"""The application as built by :func:`bot.telegram.app.build_application` (its ``bot_data``
typed; the context and job queue types left open, as ``context.application`` gives them)."""
