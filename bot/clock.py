"""« Today » for the bot: one function, in BOT_TIMEZONE, whatever the host's zone."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo


def today(timezone: str, now: datetime | None = None) -> date:
    """The current day in ``timezone`` (``now``, an aware datetime, for tests)."""
    moment = now if now is not None else datetime.now(ZoneInfo(timezone))
    return moment.astimezone(ZoneInfo(timezone)).date()
