"""The picture process: draws pictures for the bot, which never imports matplotlib itself.

    python -m bot.image.worker

Reads requests on its standard input and answers each on its standard output, one at a time,
until its input closes (the bot stopped, or retired this process). A request is a frame (4-byte
big-endian length, then a pickled :class:`MapSpec` or :class:`TimelineSpec`); an answer is a
frame whose first byte says what follows: ``O`` the PNG, ``E`` the error's text. Anything else
written to file descriptor 1 (a library's warning) is sent to standard error, never mixed
with the answers. Only the bot writes requests, so unpickling them is safe. It runs at a lower
priority (``nice`` 10): on a busy machine, text answers get the processor first.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import struct
import sys
from typing import BinaryIO

HEADER = struct.Struct(">I")
OK = b"O"
ERROR = b"E"


def read_frame(stream: BinaryIO) -> bytes | None:
    """The next frame's payload; None when the input is closed (between two frames)."""
    head = stream.read(HEADER.size)
    if len(head) < HEADER.size:
        return None
    (length,) = HEADER.unpack(head)
    payload = stream.read(length)
    if len(payload) < length:
        return None
    return payload


def frame(payload: bytes) -> bytes:
    """``payload`` behind its length."""
    return HEADER.pack(len(payload)) + payload


def serve(requests: BinaryIO, answers: BinaryIO) -> int:
    """Answer requests until the input closes; returns how many were answered."""
    from bot.image.render import draw, warm

    warm()  # matplotlib, fonts and the projected basemap, before the first request is timed
    served = 0
    while (payload := read_frame(requests)) is not None:
        try:
            answer = OK + draw(pickle.loads(payload))
        except Exception as error:  # a drawing bug: said to the bot, the process goes on
            answer = ERROR + f"{type(error).__name__}: {error}".encode()
        answers.write(frame(answer))
        answers.flush()
        served += 1
    return served


NICENESS = 10
"""The picture process yields the processor to the bot's answers when both want it (its
weight is ~10 % of the bot's on a shared core). Not 19 (1.5 %): on a saturated machine
(load 10 on two cores) a picture then took up to 7.4 s and a process's start 13 s, close to
the 30 s time limit, for no gain measured on the answers."""


def main() -> None:
    with contextlib.suppress(OSError, AttributeError):  # not on every system
        os.nice(NICENESS)
    answers = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # stray output goes to standard error, not into the answers
    sys.stdout = sys.stderr
    serve(sys.stdin.buffer, answers)


if __name__ == "__main__":
    main()
