"""The Telegram adapter: thin handlers over the engine, built into one Application."""

import os

# Opt in to PTB's coming behaviour (durations as timedelta), which the code already handles,
# so that RetryAfter.retry_after does not warn on every rate limit.
os.environ.setdefault("PTB_TIMEDELTA", "1")
