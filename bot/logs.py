"""Logging set-up: one format, chatty libraries quietened, secrets redacted in every handler."""

from __future__ import annotations

import logging
from collections.abc import Iterable

from bot.redact import REDACTED, redact, register_secrets

__all__ = ["REDACTED", "RedactSecrets", "protect", "setup_logging"]


class RedactSecrets(logging.Filter):
    """Mask every secret (the bot token, the webhook secret, anything shaped like a token) in
    a record's final text and traceback: :func:`bot.redact.redact`."""

    def __init__(self, secrets: Iterable[str]) -> None:
        super().__init__()
        self.secrets = tuple(secret for secret in secrets if secret)
        register_secrets(self.secrets)

    def _clean(self, text: str) -> str:
        for secret in self.secrets:  # short ones too: in a log line, masking is always right
            text = text.replace(secret, REDACTED)
        return redact(text)

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = self._clean(message)
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self._clean(record.exc_text)
        if cleaned != message or record.args:
            record.msg, record.args = cleaned, None
        return True


def setup_logging(level: str, secrets: Iterable[str]) -> None:
    """Log to stderr at ``level``; httpx's URL lines (which hold the token) only from WARNING."""
    root = logging.getLogger()
    if not root.handlers:
        logging.basicConfig(format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    root.setLevel(level)
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
    protect(secrets)


def protect(secrets: Iterable[str]) -> None:
    """Attach the redacting filter to every handler of the root logger."""
    redact = RedactSecrets(secrets)
    for handler in logging.getLogger().handlers:
        handler.addFilter(redact)
