"""Which content files passed the checks that read the articles, kept per file: after one
changed file, only that file's quotes are searched in their articles again.

The checks of an entry against the articles (each quote found verbatim in its article; a
source's title, outlet and date wording in its article; a skipped sentence in its article; a
date's wording in the entry's key quotes and its anchor dated) depend on the entry itself and
on the sources it names — each source's fields and the text of its article — and on nothing
else. So a file that passed them passes them again as long as the file, the code and the
limits are the same (its validation record's key, :mod:`bot.content.filecache`) and every
source it cites, anchors on or defines is the same entry with the same article text. The
mark's key is a SHA-256 of exactly that: the record's key, then each of those source ids with
a fingerprint of the source entry (its ``repr``: every field) and of its article (its text's
SHA-256), « absent » when the source or its article is missing. Change a source, its article,
or remove it, and every file that names it is checked again; change a file, and its entries
are. The references between files (actors, agreements, vocabulary terms, unique ids, names)
are not marked: they are set look-ups, run on the whole base at every load.

A mark is written only after a load that found no problem at all; it is an empty file named
by its key in the validation folder, so a mark can be removed but never made to say
something else. Marks no longer used are removed after each load.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Iterable
from pathlib import Path

from bot.content.filecache import prune_unused

log = logging.getLogger(__name__)
SUFFIX = ".checked"
ABSENT = "absent"


class CheckMarks:
    """The marks of one load, under ``folder`` (the validation folder)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.used: set[str] = set()

    @staticmethod
    def key(record: str, sources: Iterable[str], fingerprint: Callable[[str], str]) -> str:
        """The mark of a file whose validation record is ``record`` and whose entries name
        ``sources``, each fingerprinted by ``fingerprint``."""
        digest = hashlib.sha256(f"{record}\0".encode())
        for source in sorted(set(sources)):
            digest.update(f"{source}\0{fingerprint(source)}\0".encode())
        return digest.hexdigest()

    def passed(self, key: str) -> bool:
        """Whether a file with the mark ``key`` passed the checks that read the articles."""
        self.used.add(key)
        try:
            return (self.folder / (key + SUFFIX)).is_file()
        except OSError:
            return False

    def mark(self, keys: Iterable[str]) -> None:
        """Note that the files of marks ``keys`` passed (a disk that refuses only costs the
        checks next time)."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            for key in keys:
                self.used.add(key)
                (self.folder / (key + SUFFIX)).touch()
        except OSError as error:
            log.warning("Contrôles non gardés (%s) : ils seront refaits", error)

    def prune(self) -> None:
        """Remove the marks this load did not use (content or sources since changed)."""
        prune_unused(self.folder, SUFFIX, self.used, "Marques de contrôle non nettoyées (%s)")


def source_fingerprint(
    source: object | None, article: str | None, text_hash: str | None = None
) -> str:
    """What the checks read of one source: the entry (every field, by ``repr``) and the text
    of its article, each « absent » when missing. ``text_hash``: the SHA-256 of ``article``'s
    UTF-8 when the caller has it already (:mod:`bot.content.articles`), not computed again."""
    entry = ABSENT if source is None else hashlib.sha256(repr(source).encode()).hexdigest()
    if article is None:
        text = ABSENT
    else:
        text = text_hash if text_hash is not None else hashlib.sha256(article.encode()).hexdigest()
    return f"{entry}:{text}"
