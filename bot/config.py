"""All configuration, read from the environment in one place; bad values fail fast in French."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import urlparse

DEFAULT_API_URL = "https://api.telegram.org"
DEFAULT_TIMEZONE = "Europe/Paris"
_TOKEN = re.compile(r"^\d+:[A-Za-z0-9_-]{20,}$")
_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")


class ConfigError(Exception):
    """The environment is not usable; the message says which variable and why, in French."""


@dataclass(frozen=True, slots=True)
class Settings:
    """The bot's configuration (see the README for each variable)."""

    token: str
    api_url: str = DEFAULT_API_URL
    webhook_url: str | None = None
    webhook_secret: str | None = None
    port: int = 8080
    admin_ids: frozenset[int] = field(default_factory=frozenset)
    log_level: str = "INFO"
    timezone: str = DEFAULT_TIMEZONE

    @property
    def webhook_path(self) -> str:
        """The path part of WEBHOOK_URL, where the local webhook server listens."""
        return urlparse(self.webhook_url or "").path.lstrip("/")

    def secrets(self) -> tuple[str, ...]:
        """Strings that must never appear in a log line."""
        return tuple(s for s in (self.token, self.webhook_secret) if s)


def _url(name: str, value: str) -> str:
    parsed = urlparse(value)
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise ConfigError(f"{name} doit être une URL http(s) complète, pas « {value} ».")
    return value.rstrip("/")


def load_settings(env: Mapping[str, str] | None = None) -> Settings:
    """Read the settings from ``env`` (the process environment by default)."""
    env = os.environ if env is None else env
    token = env.get("TELEGRAM_BOT_TOKEN", "").strip()
    if not token:
        raise ConfigError("TELEGRAM_BOT_TOKEN n'est pas défini (le jeton donné par @BotFather).")
    if not _TOKEN.match(token):
        raise ConfigError("TELEGRAM_BOT_TOKEN n'a pas la forme d'un jeton (123456:ABC…).")
    api_url = _url("TELEGRAM_API_URL", env.get("TELEGRAM_API_URL", "").strip() or DEFAULT_API_URL)
    webhook_url = env.get("WEBHOOK_URL", "").strip() or None
    if webhook_url is not None:
        webhook_url = _url("WEBHOOK_URL", webhook_url)
    secret = env.get("WEBHOOK_SECRET", "").strip() or None
    if secret is not None and not re.fullmatch(r"[A-Za-z0-9_-]{1,256}", secret):
        raise ConfigError("WEBHOOK_SECRET : 1 à 256 caractères parmi A-Z, a-z, 0-9, _ et -.")
    if webhook_url is not None and secret is None:
        raise ConfigError("WEBHOOK_SECRET est obligatoire en mode webhook (WEBHOOK_URL défini).")
    port_text = env.get("PORT", "").strip() or "8080"
    if not port_text.isdigit() or not 0 < int(port_text) < 65536:
        raise ConfigError(f"PORT doit être un numéro de port (1-65535), pas « {port_text} ».")
    admins: set[int] = set()
    for part in env.get("BOT_ADMIN_IDS", "").replace(";", ",").split(","):
        part = part.strip()
        if not part:
            continue
        if not part.lstrip("-").isdigit():
            raise ConfigError(f"BOT_ADMIN_IDS : « {part} » n'est pas un identifiant numérique.")
        admins.add(int(part))
    level = (env.get("LOG_LEVEL", "").strip() or "INFO").upper()
    if level not in _LEVELS:
        raise ConfigError(f"LOG_LEVEL doit valoir {', '.join(_LEVELS)}, pas « {level} ».")
    return Settings(
        token=token,
        api_url=api_url,
        webhook_url=webhook_url,
        webhook_secret=secret,
        port=int(port_text),
        admin_ids=frozenset(admins),
        log_level=level,
        timezone=env.get("BOT_TIMEZONE", "").strip() or DEFAULT_TIMEZONE,
    )
