"""Shared state built once at start-up and read through one typed accessor."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from telegram.ext import CallbackContext

from bot.config import Settings
from bot.engine.index import Index
from bot.telegram.pusher import Pusher

SERVICES_KEY = "services"


@dataclass(frozen=True, slots=True)
class Services:
    """What every handler needs: the fact base index and the settings."""

    index: Index
    settings: Settings
    pusher: Pusher | None = None
    """Present when a channel is configured (TELEGRAM_CHANNEL_ID)."""


def services(context: CallbackContext[Any, Any, Any, Any]) -> Services:
    """The services stored in ``bot_data`` at start-up."""
    found = context.bot_data.get(SERVICES_KEY)
    if not isinstance(found, Services):
        raise RuntimeError("services absents de bot_data : post_init n'a pas tourné")
    return found
