"""Shared state built once at start-up; handlers read it as ``context.services``."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from bot.config import Settings
from bot.engine.index import Index
from bot.engine.thread import Threads
from bot.guard import FloodGuard
from bot.image.drawer import Drawer
from bot.paths import CONTENT_DIR, SEEDS_DIR
from bot.push.claims import process_name
from bot.telegram.alerts import AlertPusher
from bot.telegram.pusher import Pusher

PRIVATE_LIMIT = 20
"""Commands per 30 s one person may send in a private chat before the flood guard steps in."""
BUSY_LIMIT = 2
"""Commands per 30 s answered to one person while updates pile up (a flood is being worked
through): everyone else's question is answered within seconds, not after the flood."""


@dataclass
class Services:
    """What every handler needs. ``index`` is swapped whole on a successful reload."""

    index: Index
    settings: Settings
    pusher: Pusher | None = None
    """Present when a channel is configured (TELEGRAM_CHANNEL_ID) and its state file opened."""
    publishing_off: str | None = None
    """Why publishing is off although a channel is configured (state file unusable)."""
    guard: FloodGuard = field(default_factory=FloodGuard)
    """Groups: 5 commands in 30 s per person, then one notice and a minute of silence."""
    private_guard: FloodGuard = field(default_factory=lambda: FloodGuard(limit=PRIVATE_LIMIT))
    """Private chats: more generous (a reader browses), but one person cannot hog the bot."""
    busy_guard: FloodGuard = field(
        default_factory=lambda: FloodGuard(limit=BUSY_LIMIT, silence=30.0)
    )
    """Any chat, while the update queue is congested (issue 24): a flood is shed early."""
    content_dir: Path = CONTENT_DIR
    seeds_dir: Path = SEEDS_DIR
    alerts: AlertPusher | None = None
    """Subscriptions and their alerts (/suivre), with or without a channel (issue #16)."""
    alerts_off: str | None = None
    """Why subscriptions are off (state file unusable)."""
    threads: Threads = field(default_factory=Threads)
    """Each person's last question in each chat, for follow-ups (« et en 2025 ? »)."""
    instance: str = field(default_factory=process_name)
    """This process's name in the state (claims, the sender role): host, pid, random part."""
    sender: bool = False
    """Whether this instance holds the sender role (issue 27), renewed every few seconds."""
    state_down: str | None = None
    """Why the state (file or database) cannot be used right now; None when it can."""
    drawer: Drawer = field(default_factory=Drawer)
    """The picture process (/carte, /frise), started on the first picture (issue 25)."""
