"""Sending a reply to a message, and retrying a Bot API call that provably never left:
shared by every feature module of the adapter (commands, pictures, subscriptions)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import TypeVar

from telegram import Message
from telegram.constants import ChatType
from telegram.error import NetworkError

from bot.engine.reply import Reply
from bot.telegram.fate import Fate, fate
from bot.telegram.send import messages

log = logging.getLogger(__name__)
T = TypeVar("T")
STALE_BUTTON = "Ce bouton n'est plus valable : relancez la commande."


async def retrying(call: Callable[[], Awaitable[T]], attempts: int = 3, delay: float = 0.5) -> T:
    """Call the Bot API again only when the request provably never reached Telegram.

    A refused connection or an error answer (5xx) is retried; a timeout or a connection
    dropped after sending is not (the message may already be there: no blind re-send); 429s
    belong to the rate limiter; refusals (400, 403) would fail the same way.
    """
    for attempt in range(attempts):
        try:
            return await call()
        except NetworkError as error:
            if attempt == attempts - 1 or fate(error) is not Fate.NOT_SENT:
                raise
            log.warning("Appel à l'API Bot échoué, nouvel essai (%d/%d)", attempt + 2, attempts)
            await asyncio.sleep(delay * 2**attempt)
    raise AssertionError("unreachable")


async def send_reply(message: Message, reply: Reply) -> None:
    """Reply to ``message``; in groups quote it. reply_text keeps the forum topic."""
    in_group = message.chat.type != ChatType.PRIVATE
    for text, markup in messages(reply):
        await retrying(
            lambda text=text, markup=markup: message.reply_text(  # type: ignore[misc]
                text, reply_markup=markup, do_quote=in_group
            )
        )
