"""Which failed requests may be sent again: only those that provably never reached Telegram."""

from __future__ import annotations

import httpx
import pytest
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TimedOut

from bot.telegram.fate import Fate, fate


def caused(error: Exception, cause: BaseException) -> Exception:
    error.__cause__ = cause
    return error


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (caused(NetworkError("httpx.ConnectError"), httpx.ConnectError("refused")), Fate.NOT_SENT),
        (caused(TimedOut(), httpx.ConnectTimeout("connect")), Fate.NOT_SENT),
        (caused(TimedOut("Pool timeout"), httpx.PoolTimeout("pool")), Fate.NOT_SENT),
        (NetworkError("Internal Server Error (500)"), Fate.NOT_SENT),  # an answer: not posted
        (caused(TimedOut(), httpx.ReadTimeout("read")), Fate.UNKNOWN),  # maybe posted
        (caused(TimedOut(), httpx.WriteTimeout("write")), Fate.UNKNOWN),
        (
            caused(NetworkError("httpx.RemoteProtocolError"), httpx.RemoteProtocolError("gone")),
            Fate.UNKNOWN,
        ),
        (  # PTB's HTTP client already closed (the bot shutting down): no request was made
            caused(
                NetworkError("Unknown error in HTTP implementation"),
                RuntimeError("This HTTPXRequest is not initialized!"),
            ),
            Fate.NOT_SENT,
        ),
        (caused(NetworkError("Unknown error"), RuntimeError("boom")), Fate.UNKNOWN),
        (BadRequest("Chat not found"), Fate.REFUSED),
        (Forbidden("bot was blocked"), Fate.REFUSED),
        (RetryAfter(3), Fate.RATE_LIMITED),
    ],
)
def test_fate_of_a_failed_request(error, expected):
    assert fate(error) is expected
