"""What became of a Bot API request that raised: refused, never sent, or unknown.

``sendMessage`` has no idempotency key, so a request is sent again only when it provably
did not reach Telegram (no connection was made) or Telegram answered with an error status.
A read timeout or a connection dropped after the request was written is *unknown*: Telegram
may have posted the message.
"""

from __future__ import annotations

from enum import Enum

import httpx
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Conflict,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TelegramError,
    TimedOut,
)

from bot.redact import redact

_NEVER_LEFT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)


class Fate(Enum):
    """How a failed request ended."""

    REFUSED = "refusé"
    """Telegram answered no for good (400, 403, 401/404, chat migrated): retrying is useless."""
    RATE_LIMITED = "limite de débit"
    """Telegram answered 429 (the rate limiter already waited and retried)."""
    NOT_SENT = "non envoyé"
    """Provably not processed: no connection, or a 5xx/other error answer. Safe to retry."""
    UNKNOWN = "sort inconnu"
    """The request may have been processed (timeout, dropped connection): never re-send."""


def fate(error: BaseException) -> Fate:
    """Classify an exception raised by a Bot API call."""
    if isinstance(error, RetryAfter):
        return Fate.RATE_LIMITED
    if isinstance(error, BadRequest | Forbidden | InvalidToken | ChatMigrated | Conflict):
        return Fate.REFUSED
    cause = error.__cause__
    if isinstance(cause, _NEVER_LEFT):
        return Fate.NOT_SENT
    if isinstance(cause, RuntimeError) and "not initialized" in str(cause):
        return Fate.NOT_SENT  # PTB's HTTP client was already closed: no request was made
    if isinstance(error, TimedOut):
        return Fate.UNKNOWN
    if isinstance(error, NetworkError) and (cause is None or isinstance(cause, TelegramError)):
        return Fate.NOT_SENT  # Telegram answered with an error status: nothing was posted
    return Fate.UNKNOWN


def describe(error: BaseException) -> str:
    """A short French description of the failure, for admins and the state file."""
    kind = fate(error)
    text = redact(str(error))[:200]
    if kind is Fate.UNKNOWN:
        return f"réponse perdue ({type(error).__name__}: {text}) : publication peut-être faite"
    return f"{kind.value} ({type(error).__name__}: {text})"
