"""All configuration, read from the environment in one place; bad values fail fast in French."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.paths import PROJECT_ROOT
from bot.redact import register_secrets

DEFAULT_API_URL = "https://api.telegram.org"
DEFAULT_TIMEZONE = "Europe/Paris"
DEFAULT_STATE_PATH = PROJECT_ROOT / "data" / "etat.sqlite3"
DEFAULT_LISTEN = "0.0.0.0"
WEEKDAYS = {
    "lundi": 0,
    "mardi": 1,
    "mercredi": 2,
    "jeudi": 3,
    "vendredi": 4,
    "samedi": 5,
    "dimanche": 6,
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}
"""Day names to ISO weekday numbers minus one (Monday is 0, as ``date.weekday()``)."""
_TOKEN = re.compile(r"^\d+:[A-Za-z0-9_-]{20,}$")
_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")


class ConfigError(Exception):
    """The environment is not usable; the message says which variable and why, in French."""


class TokenRejectedError(Exception):
    """Telegram refused TELEGRAM_BOT_TOKEN (revoked or mistyped); the token is never shown."""


@dataclass(frozen=True, slots=True)
class DigestSchedule:
    """When the digest goes out: every day, or one day a week, at a local time."""

    weekday: int | None
    """0 for Monday … 6 for Sunday; None for every day."""
    hour: int
    minute: int

    def describe(self) -> str:
        """The schedule in French: "chaque lundi à 09:00"."""
        names = [name for name, number in WEEKDAYS.items() if number == self.weekday]
        when = f"chaque {names[0]}" if names else "chaque jour"
        return f"{when} à {self.hour:02d}:{self.minute:02d}"


def parse_schedule(text: str) -> DigestSchedule | None:
    """ "lundi 09:00", "quotidien 18:30", "off" → a schedule, or None when off."""
    words = re.sub(r"(\d)h(\d)", r"\1:\2", text.strip().lower()).split()
    if not words or words[0] in ("off", "non", "aucun", "désactivé", "desactive"):
        return None
    if len(words) != 2 or not re.fullmatch(r"\d{1,2}:\d{2}", words[1]):
        raise ConfigError(
            f"DIGEST_SCHEDULE « {text} » : attendu « lundi 09:00 », « quotidien 18:30 » ou « off »."
        )
    hour, minute = (int(part) for part in words[1].split(":"))
    if hour > 23 or minute > 59:
        raise ConfigError(f"DIGEST_SCHEDULE « {text} » : heure invalide.")
    if words[0] in ("quotidien", "chaque-jour", "daily", "jour"):
        return DigestSchedule(None, hour, minute)
    if words[0] not in WEEKDAYS:
        raise ConfigError(f"DIGEST_SCHEDULE « {text} » : jour « {words[0]} » inconnu.")
    return DigestSchedule(WEEKDAYS[words[0]], hour, minute)


class SecretStr:
    """A secret (the token, the webhook secret) that no repr, str or format can show."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def get_secret_value(self) -> str:
        """The secret itself, for the one place that needs it."""
        return self._value

    def __repr__(self) -> str:
        return "SecretStr('**********')"

    def __str__(self) -> str:
        return "**********" if self._value else ""

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)

    def __bool__(self) -> bool:
        return bool(self._value)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, SecretStr) and other._value == self._value

    def __hash__(self) -> int:
        return hash(self._value)


@dataclass(frozen=True, slots=True)
class Settings:
    """The bot's configuration (see the README for each variable)."""

    token: SecretStr
    """The bot token; ``str(settings)`` and ``repr(settings)`` show it masked."""
    api_url: str = DEFAULT_API_URL
    webhook_url: str | None = None
    webhook_secret: SecretStr | None = None
    port: int = 8080
    listen: str = DEFAULT_LISTEN
    """Address the webhook server listens on."""
    admin_ids: frozenset[int] = field(default_factory=frozenset)
    log_level: str = "INFO"
    timezone: str = DEFAULT_TIMEZONE
    channel_id: int | str | None = None
    channel_thread_id: int | None = None
    digest: DigestSchedule | None = None
    state_path: Path = DEFAULT_STATE_PATH
    announce_existing: bool = False
    rate_limit: int = 30
    """Messages per second for the whole bot (Telegram allows about 30); 0 turns the limiter off."""
    push_backoff: float = 1.0
    """First pause, in seconds, before retrying a channel post after a network error."""
    database_url: SecretStr | None = None
    """DATABASE_URL: the state in PostgreSQL instead of the file at ``state_path``."""
    instance_name: str | None = None
    """BOT_INSTANCE_NAME: this instance's name in the state (default: the host name)."""
    sender_lease: float = 15.0
    """BOT_SENDER_LEASE: seconds the sender role outlives an instance that stopped renewing it
    (renewed every third of it); the other instance takes over within about 4/3 of it."""

    def __post_init__(self) -> None:
        # Plain strings (tests, benchmarks) are wrapped so that no repr can show them.
        if not isinstance(self.token, SecretStr):
            object.__setattr__(self, "token", SecretStr(str(self.token)))
        if self.webhook_secret is not None and not isinstance(self.webhook_secret, SecretStr):
            object.__setattr__(self, "webhook_secret", SecretStr(str(self.webhook_secret)))
        if self.database_url is not None and not isinstance(self.database_url, SecretStr):
            object.__setattr__(self, "database_url", SecretStr(str(self.database_url)))
        register_secrets(self.secrets())  # masked in every text this process writes

    @property
    def state(self) -> Path | str:
        """Where the state lives: DATABASE_URL when set, else the SQLite file."""
        if self.database_url:
            return self.database_url.get_secret_value()
        return self.state_path

    @property
    def state_label(self) -> str:
        """The state named for messages, never with a password."""
        from bot.push.database import describe

        return describe(self.state)

    @property
    def webhook_path(self) -> str:
        """The path part of WEBHOOK_URL, where the local webhook server listens."""
        return urlparse(self.webhook_url or "").path.lstrip("/")

    def secrets(self) -> tuple[str, ...]:
        """Strings that must never appear in a log line."""
        found = (self.token, self.webhook_secret, self.database_url)
        values = [s.get_secret_value() for s in found if s and s.get_secret_value()]
        if self.database_url:
            from bot.push.database import password_of

            password = password_of(self.database_url.get_secret_value())
            if password:
                values.append(password)
        return tuple(values)


def _url(name: str, value: str) -> str:
    parsed = urlparse(value)
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise ConfigError(f"{name} doit être une URL http(s) complète, pas « {value} ».")
    return value.rstrip("/")


def _channel(env: Mapping[str, str]) -> tuple[int | str | None, int | None]:
    channel_text = env.get("TELEGRAM_CHANNEL_ID", "").strip()
    channel: int | str | None = None
    if channel_text:
        if re.fullmatch(r"-?\d+", channel_text):
            channel = int(channel_text)
        elif re.fullmatch(r"@[A-Za-z][A-Za-z0-9_]{3,31}", channel_text):
            channel = channel_text
        else:
            raise ConfigError(
                f"TELEGRAM_CHANNEL_ID « {channel_text} » : un identifiant numérique "
                "(-100…) ou un @nom de canal."
            )
    thread_text = env.get("TELEGRAM_CHANNEL_THREAD_ID", "").strip()
    if thread_text and not re.fullmatch(r"[0-9]{1,12}", thread_text):
        raise ConfigError(f"TELEGRAM_CHANNEL_THREAD_ID « {thread_text} » n'est pas un nombre.")
    return channel, int(thread_text) if thread_text else None


def load_settings(env: Mapping[str, str] | None = None, require_token: bool = True) -> Settings:
    """Read the settings from ``env`` (the process environment by default)."""
    env = os.environ if env is None else env
    token = env.get("TELEGRAM_BOT_TOKEN", "").strip()
    if not token and require_token:
        raise ConfigError("TELEGRAM_BOT_TOKEN n'est pas défini (le jeton donné par @BotFather).")
    if token and not _TOKEN.match(token):
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
    if not re.fullmatch(r"[0-9]{1,5}", port_text) or not 0 < int(port_text) < 65536:
        raise ConfigError(f"PORT doit être un numéro de port (1-65535), pas « {port_text} ».")
    admins: set[int] = set()
    for part in env.get("BOT_ADMIN_IDS", "").replace(";", ",").split(","):
        part = part.strip()
        if not part:
            continue
        if not re.fullmatch(r"-?[0-9]+", part):
            raise ConfigError(f"BOT_ADMIN_IDS : « {part} » n'est pas un identifiant numérique.")
        admins.add(int(part))
    level = (env.get("LOG_LEVEL", "").strip() or "INFO").upper()
    if level not in _LEVELS:
        raise ConfigError(f"LOG_LEVEL doit valoir {', '.join(_LEVELS)}, pas « {level} ».")
    rate_text = env.get("TELEGRAM_RATE_LIMIT", "").strip() or "30"
    if not re.fullmatch(r"[0-9]{1,6}", rate_text):
        raise ConfigError(
            f"TELEGRAM_RATE_LIMIT « {rate_text} » : un nombre de messages par seconde."
        )
    channel, thread = _channel(env)
    zone = env.get("BOT_TIMEZONE", "").strip() or DEFAULT_TIMEZONE
    try:
        ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(
            f"BOT_TIMEZONE « {zone} » : fuseau inconnu (exemple : Europe/Paris, Asia/Baku)."
        ) from None
    listen = env.get("WEBHOOK_LISTEN", "").strip() or DEFAULT_LISTEN
    if not re.fullmatch(r"[0-9A-Za-z.:\[\]-]{1,64}", listen):
        raise ConfigError(f"WEBHOOK_LISTEN « {listen} » : une adresse IP (0.0.0.0, 127.0.0.1).")
    state_text = env.get("BOT_STATE_PATH", "").strip()
    announce = env.get("ANNOUNCE_EXISTING", "").strip().lower()
    if announce not in ("", "0", "1", "true", "false", "oui", "non"):
        raise ConfigError(f"ANNOUNCE_EXISTING « {announce} » : oui ou non.")
    database = env.get("DATABASE_URL", "").strip()
    if database and database.split("://", 1)[0].lower() not in ("postgres", "postgresql"):
        raise ConfigError(
            "DATABASE_URL doit commencer par postgres:// ou postgresql:// "
            "(laissez-la vide pour le fichier d'état SQLite)."
        )
    instance = env.get("BOT_INSTANCE_NAME", "").strip() or env.get("DYNO", "").strip() or None
    if instance is not None and not re.fullmatch(r"[A-Za-z0-9._-]{1,40}", instance):
        raise ConfigError(
            f"BOT_INSTANCE_NAME « {instance[:40]} » : 1 à 40 caractères parmi A-Z, a-z, 0-9, . _ -."
        )
    lease_text = env.get("BOT_SENDER_LEASE", "").strip() or "15"
    if not re.fullmatch(r"[0-9]{1,4}", lease_text) or not 3 <= int(lease_text) <= 3600:
        raise ConfigError(
            f"BOT_SENDER_LEASE « {lease_text[:20]} » : un nombre de secondes entre 3 et 3600."
        )
    return Settings(
        token=SecretStr(token),
        sender_lease=float(lease_text),
        database_url=SecretStr(database) if database else None,
        instance_name=instance,
        channel_id=channel,
        channel_thread_id=thread,
        digest=parse_schedule(env.get("DIGEST_SCHEDULE", "")),
        state_path=Path(state_text) if state_text else DEFAULT_STATE_PATH,
        announce_existing=announce in ("1", "true", "oui"),
        rate_limit=int(rate_text),
        api_url=api_url,
        webhook_url=webhook_url,
        webhook_secret=SecretStr(secret) if secret else None,
        port=int(port_text),
        listen=listen,
        admin_ids=frozenset(admins),
        log_level=level,
        timezone=zone,
    )
