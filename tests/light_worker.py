"""A stand-in picture process for the tests of the Drawer's own mechanics (start on demand,
quota, idle stop, time limit, crash): it reads and answers the frames of
:mod:`bot.image.worker` with that module's own functions, but answers a picture request with
a tiny PNG (1,080 pixels wide, one row whose grey comes from the request) instead of drawing
it. It imports neither matplotlib nor numpy: ~30 ms of CPU to start instead of ~1.2 s.

What it does not prove — that the real process draws what the bot asks — is proved by the
tests that start ``python -m bot.image.worker`` itself (tests/test_pictures_process.py) and by
the picture tests that draw through it (tests/drawing_server.py).

    python -m tests.light_worker        # what LIGHT_WORKER starts
"""

from __future__ import annotations

import hashlib
import struct
import sys
import zlib

from bot.image.worker import ERROR, OK, frame, read_frame

WIDTH = 1080
SPEC_MODULE = b"bot.engine.pictures"
"""A pickled MapSpec or TimelineSpec names its module; anything else is not a picture."""


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def tiny_png(request: bytes) -> bytes:
    """A valid grey PNG, WIDTH × 1, whose pixels differ from one request to another."""
    grey = hashlib.sha256(request).digest()[0]
    header = struct.pack(">IIBBBBB", WIDTH, 1, 8, 0, 0, 0, 0)
    row = b"\x00" + bytes([grey]) * WIDTH
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(row))
        + _chunk(b"IEND", b"")
    )


def main() -> None:
    answers = sys.stdout.buffer
    while (payload := read_frame(sys.stdin.buffer)) is not None:
        if SPEC_MODULE in payload:
            answer = OK + tiny_png(payload)
        else:
            answer = ERROR + b"TypeError: la demande n'est pas une image"
        answers.write(frame(answer))
        answers.flush()


if __name__ == "__main__":
    main()
