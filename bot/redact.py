"""One redaction for every text that leaves the process or is stored.

Log records, error texts kept in the outbox, notices to admins, answers to /publier and
/envois, and the command line's output all pass through :func:`redact`. It masks the secrets
this process knows (the bot token, the webhook secret: registered when the settings are made)
and anything shaped like a Bot API token (``123456:AA…``), wherever it appears — an error page
echoing the request path (``Cannot POST /bot<token>/sendMessage``) included.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TextIO, cast

REDACTED = "[secret masqué]"
_TOKEN_SHAPE = re.compile(r"\d{5,}:[A-Za-z0-9_-]{30,}")
"""A Bot API token: the bot's numeric id, a colon, 35 or so URL-safe characters."""
_SECRETS: set[str] = set()


MIN_SECRET = 8
"""Shorter secrets are masked in log lines only (bot.logs): masking a 3-letter webhook secret
in every text would mangle ordinary words."""


def register_secrets(secrets: Iterable[str]) -> None:
    """Mask these strings from now on, in this process (those of MIN_SECRET characters or
    more: a bot token always is)."""
    _SECRETS.update(secret for secret in secrets if len(secret) >= MIN_SECRET)


def redact(text: str) -> str:
    """``text`` with every known secret and every token-shaped string masked."""
    for secret in sorted(_SECRETS, key=len, reverse=True):
        if secret in text:
            text = text.replace(secret, REDACTED)
    return _TOKEN_SHAPE.sub(REDACTED, text)


class RedactingStream:
    """A text stream (stdout, stderr) whose every write is redacted first."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(redact(text))
        return len(text)

    def flush(self) -> None:
        self._stream.flush()

    def __getattr__(self, name: str) -> object:
        return getattr(self._stream, name)


def redacting(stream: TextIO) -> TextIO:
    """``stream`` with every write redacted (once: an already redacting stream is kept)."""
    if isinstance(stream, RedactingStream):
        return stream
    return cast(TextIO, RedactingStream(stream))
