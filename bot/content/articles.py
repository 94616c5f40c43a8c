"""The articles' texts kept between loads, by the hash of each article file's bytes: a load
under the per-file cache reads one record instead of every file of ``seeds/``.

At ×1000 a load read 5,000 article files (37.5 MB) and hashed every text again for the check
marks (:mod:`bot.content.checkcache`): ~0.3 s of each reload after ONE changed content file.
The record (``articles.texts`` in the validation folder) holds, for each article file read,
the SHA-256 of its bytes, its text (decoded as ``Path.read_text`` does: UTF-8, universal
newlines) and the SHA-256 of that text. A kept text is taken only when the snapshot's
manifest (:func:`bot.content.snapshot.seed_hashes`, the rule that keys the snapshot itself:
same ``stat`` signature, outside the racy window) vouches for that file with the very hash
the record holds; any other file — new, edited, racy, or with no manifest at all — is read
and hashed from its bytes, as read, and the record rewritten. The record is written
atomically, with its digest checked on reading and the code's key as its key: a stale,
damaged or foreign record is ignored (every file read), never trusted.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from bot.content.snapshot import code_key, read_snapshot, seed_hashes, write_snapshot

RECORD = "articles.texts"
"""Name of the record in the validation folder."""

Kept = tuple[str, str, str]
"""(SHA-256 of the file's bytes, its text, SHA-256 of the text's UTF-8)."""


def decode(data: bytes) -> str:
    """An article's text as ``Path.read_text(encoding="utf-8")`` gives it (universal
    newlines: « \\r\\n » and a lone « \\r » each become « \\n »)."""
    return data.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")


class KeptArticles:
    """The articles of one load, under ``folder`` (the validation folder, whose parent holds
    the snapshot's manifest)."""

    def __init__(self, folder: Path, content_dir: Path, seeds_dir: Path) -> None:
        self.folder = folder
        self.vouched = seed_hashes(folder.parent, content_dir, seeds_dir)
        found = read_snapshot(folder, code_key(), dict, name=RECORD) if self.vouched else None
        self.kept: dict[str, Kept] = found if found is not None else {}
        self.used: dict[str, Kept] = {}
        self.read_files = 0
        """Files read from disk by this load (none when every article was kept)."""

    def text(self, name: str, path: Path) -> str:
        """The text of the article file ``name`` (at ``path``): kept, or read and kept."""
        found = self.kept.get(name)
        if found is None or self.vouched.get(name) != found[0]:
            data = path.read_bytes()
            text = decode(data)
            found = (hashlib.sha256(data).hexdigest(), text, _text_hash(text))
            self.read_files += 1
        self.used[name] = found
        return found[1]

    def text_hash(self, name: str) -> str:
        """The SHA-256 of the text :meth:`text` gave for ``name``."""
        return self.used[name][2]

    def save(self) -> None:
        """Keep the texts of this load (only when they differ from the record read)."""
        if self.read_files or self.used.keys() != self.kept.keys():
            write_snapshot(self.folder, code_key(), self.used, name=RECORD)


def _text_hash(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()
