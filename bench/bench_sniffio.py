"""What httpcore pays, on every request, to learn it runs under asyncio.

    .tools/bin/uv run python bench/bench_sniffio.py

httpcore's ``current_async_library()`` does ``import sniffio`` each time it sets up a lock,
an event or a semaphore; when sniffio is not installed (recent anyio no longer pulls it in)
that import fails after searching every ``sys.path`` entry, on every call. sniffio is
therefore a direct dependency of the bot. This prints the cost of one call and the calls per
HTTP request, against the local fake Bot API server.
"""

from __future__ import annotations

import asyncio
import importlib.util
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import httpcore._synchronization as synchronization
import httpx

from tests.fake_bot_api import FakeBotApi

REQUESTS = 200


async def main() -> None:
    real = synchronization.current_async_library
    calls = 0

    def counted() -> str:
        nonlocal calls
        calls += 1
        return real()

    rounds = 20_000
    start = time.perf_counter()
    for _ in range(rounds):
        real()
    per_call = (time.perf_counter() - start) / rounds * 1e6
    synchronization.current_async_library = counted
    api = FakeBotApi(validate=False)
    await api.start()
    try:
        async with httpx.AsyncClient() as client:
            for _ in range(REQUESTS):
                await client.post(
                    f"{api.url}/bot{api.token}/sendMessage", json={"chat_id": 1, "text": "x"}
                )
    finally:
        await api.stop()
    installed = importlib.util.find_spec("sniffio") is not None
    per_request = calls / REQUESTS
    print(f"sniffio installé : {'oui' if installed else 'non'}")
    print(f"current_async_library() : {per_call:.1f} µs par appel")
    print(
        f"appels par requête httpx : {per_request:.1f} → {per_call * per_request:.0f} µs "
        "de CPU par requête"
    )


if __name__ == "__main__":
    asyncio.run(main())
