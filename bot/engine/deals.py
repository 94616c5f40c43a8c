"""The agreements table: by id, latest first, by act, topic and actor, by date, by word."""

from __future__ import annotations

import hashlib
import logging
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from functools import cached_property
from pathlib import Path
from types import MappingProxyType
from typing import cast

from bot.content.model import Agreement, FactBase
from bot.engine.chronology import Chronology
from bot.engine.file_parts import part_key
from bot.engine.tables import Table, group_by

log = logging.getLogger(__name__)


KEPT_PARTS = ("words", "postings", "vocabulary")
"""The table's parts kept whole as a snapshot piece under :meth:`Deals.state_key`: strings
only (no agreement object), so that the piece never copies the base's agreements."""

WORDS_SUFFIX = ".deals"
"""Name ending of a content file's part of the agreements' words, in the parts folder."""


def _prune(parts: Path, used: set[str]) -> None:
    """Remove the parts of the agreements' words this build did not use."""
    try:
        for path in parts.glob("*" + WORDS_SUFFIX):
            if path.name[: -len(WORDS_SUFFIX)] not in used:
                path.unlink(missing_ok=True)
    except OSError as error:
        log.warning("Parties des mots des accords non nettoyées (%s)", error)


def parties_of(agreement: Agreement) -> tuple[str, ...]:
    """The actors an agreement involves: parties, mediators, related (each once)."""
    return tuple(dict.fromkeys((*agreement.parties, *agreement.mediators, *agreement.related)))


class Deals(Table):
    """The base's agreements, ordered and grouped once."""

    def __init__(
        self,
        base: FactBase,
        timeline: Chronology,
        tokens: Callable[[str], list[str]],
        parts: Path | None = None,
    ) -> None:
        self.base = base
        self.timeline = timeline
        self.tokens = tokens
        self.parts = parts
        """Where each content file's part of ``words`` is kept (None: nowhere)."""

    def state_key(self) -> str:
        """A SHA-256 of everything :data:`KEPT_PARTS` read: the code and the libraries'
        versions (:func:`bot.content.snapshot.code_key`: folding), the vocabulary's stop words
        (``tokens`` is the full text's, which drops them), its agreement kinds' and topics'
        ids and labels, and each agreement's id, title, summary, scope, kind and topics, in
        the base's order. The same key gives the same parts: a reload after a change that
        touches no agreement and none of those labels takes them as they are (issue 25,
        i25n). Computed once per table (kept with it in the snapshot)."""
        found = vars(self).get("_state_key")
        if found is None:
            from bot.content.snapshot import code_key

            digest = hashlib.sha256(f"deals\0{code_key()}\0".encode())
            vocabulary = self.base.vocabulary
            labels = [
                sorted(vocabulary.stop_words),
                [(term.id, term.label) for term in vocabulary.agreement_kinds],
                [(term.id, term.label) for term in vocabulary.topics],
            ]
            digest.update(f"{labels!r}\1".encode())
            said = [
                (a.id, a.title, a.summary, a.scope, a.kind, a.topics) for a in self.base.agreements
            ]
            digest.update(repr(said).encode())
            found = vars(self)["_state_key"] = digest.hexdigest()
        return found

    def built(self) -> bool:
        """Whether every kept part is built (a snapshot never builds one)."""
        return "_state" in vars(self) or vars(self).keys() >= set(KEPT_PARTS)

    def state(self) -> MappingProxyType[str, object]:
        """The kept parts (built now if need be), one read-only mapping: the snapshot keeps
        it as a piece under :meth:`state_key`, and the serving process takes its own for the
        same key instead of decoding it again."""
        found = vars(self).get("_state")
        if found is None:
            found = MappingProxyType({name: getattr(self, name) for name in KEPT_PARTS})
            vars(self)["_state"] = found
        return found

    def take_state(self, state: object, key: str) -> bool:
        """Take ``state`` (a :meth:`state` kept under ``key``, this table's own key) as the
        kept parts; False, nothing taken, when it is not one."""
        if not (isinstance(state, MappingProxyType) and tuple(state) == KEPT_PARTS):
            return False
        if key != self.state_key():
            return False
        vars(self).update(state)
        vars(self)["_state"] = state
        return True

    def __reduce__(self) -> tuple[object, ...]:
        # the kept parts as one mapping (the piece the snapshot keeps under its key), its
        # key with it; the other parts as attributes
        fields = dict(vars(self))
        state = fields.pop("_state", None)
        key = fields.pop("_state_key", None)
        if state is not None:
            for name in KEPT_PARTS:
                fields.pop(name, None)
        return _restored, (fields, key, state)

    @cached_property
    def by_id(self) -> Mapping[str, Agreement]:
        """Agreement id → agreement."""
        return MappingProxyType({agreement.id: agreement for agreement in self.base.agreements})

    @cached_property
    def position(self) -> Mapping[str, int]:
        """Agreement id → its position in the base (its first, should two share an id)."""
        found: dict[str, int] = {}
        for at, agreement in enumerate(self.base.agreements):
            found.setdefault(agreement.id, at)
        return MappingProxyType(found)

    @cached_property
    def newest(self) -> tuple[Agreement, ...]:
        """Every agreement by date, the latest first (ties by id, descending); undated ones
        last, in the base's order."""
        agreements = self.base.agreements
        dated = sorted(
            (a for a in agreements if a.date is not None),
            key=lambda a: (a.date.end if a.date else date.min, a.id),
            reverse=True,
        )
        return (*dated, *(a for a in agreements if a.date is None))

    @cached_property
    def rank(self) -> Mapping[str, int]:
        """Agreement id → its position in ``newest``."""
        return MappingProxyType({agreement.id: n for n, agreement in enumerate(self.newest)})

    def newest_first(self, agreements: Iterable[Agreement]) -> list[Agreement]:
        """``agreements`` (the base's) in the order of ``newest``."""
        rank = self.rank
        return sorted(agreements, key=lambda agreement: rank[agreement.id])

    @cached_property
    def of_actor(self) -> Mapping[str, tuple[Agreement, ...]]:
        """Actor id → the agreements it is party to, mediates or is related to, in the base's
        order."""
        return group_by(self.base.agreements, parties_of)

    def of(self, actor_id: str) -> tuple[Agreement, ...]:
        """The agreements ``actor_id`` is party to, mediates or is related to (base order)."""
        return self.of_actor.get(actor_id, ())

    @cached_property
    def involving_actor(self) -> Mapping[str, tuple[Agreement, ...]]:
        """Actor id → its agreements, the latest first."""
        return MappingProxyType(
            {key: tuple(self.newest_first(found)) for key, found in self.of_actor.items()}
        )

    def involving(self, actor_id: str) -> tuple[Agreement, ...]:
        """The agreements of ``actor_id``, the latest first."""
        return self.involving_actor.get(actor_id, ())

    @cached_property
    def by_topic(self) -> Mapping[str, tuple[Agreement, ...]]:
        """Topic id → its agreements, the latest first."""
        return group_by(self.newest, lambda agreement: agreement.topics)

    def about(self, topic: str) -> tuple[Agreement, ...]:
        """The agreements on ``topic``, the latest first."""
        return self.by_topic.get(topic, ())

    @cached_property
    def by_act(self) -> Mapping[str, tuple[Agreement, ...]]:
        """Act (signé, proposé…) → its agreements, the latest first."""
        return group_by(
            self.newest, lambda agreement: () if agreement.act is None else (agreement.act,)
        )

    def at_act(self, act: str) -> tuple[Agreement, ...]:
        """The agreements at ``act``, the latest first."""
        return self.by_act.get(act, ())

    def dated_in(self, low: date, high: date) -> list[Agreement]:
        """The agreements whose date meets [low, high], the latest first (by bisection)."""
        found = self.timeline.agreement_spans.overlapping(low, high)
        return self.newest_first(cast(Agreement, item.entry) for item in found)

    @cached_property
    def words(self) -> Mapping[str, frozenset[str]]:
        """Agreement id → the words of its title, summary, scope, kind and topics' labels.
        With a parts folder, each content file's agreements' words are kept there under the
        key of that file's validation record, their ids and the fingerprint of the base's
        labels and stop words (:mod:`bot.engine.file_parts`), and read back while it holds."""
        agreements = self.base.agreements
        if self.parts is None:
            return MappingProxyType(self._words(agreements))
        files = self.base.files or {}
        by_file: dict[str, list[Agreement]] = defaultdict(list)
        for agreement in agreements:
            by_file[files.get(agreement.id, "")].append(agreement)
        found: dict[str, frozenset[str]] = {}
        used: set[str] = set()
        for name in sorted(by_file):
            found.update(self._kept_words(by_file[name], self.parts, used))
        _prune(self.parts, used)
        return MappingProxyType({a.id: found[a.id] for a in agreements})

    def _kept_words(
        self, agreements: list[Agreement], parts: Path, used: set[str]
    ) -> dict[str, frozenset[str]]:
        """One content file's part of ``words``: read back under its key, else built (and
        kept when it has one)."""
        from bot.content.snapshot import code_key, read_snapshot, write_snapshot

        key = part_key(self.base, "deals", code_key(), agreements)
        if key is None:
            return self._words(agreements)
        used.add(key)
        kept = read_snapshot(parts, key, dict, name=key + WORDS_SUFFIX)
        if kept is not None:
            return kept
        built = self._words(agreements)
        write_snapshot(parts, key, built, name=key + WORDS_SUFFIX)
        return built

    def _words(self, agreements: Iterable[Agreement]) -> dict[str, frozenset[str]]:
        vocabulary = self.base.vocabulary
        kinds = {term.id: term.label for term in vocabulary.agreement_kinds}
        labels = {term.id: term.label for term in vocabulary.topics}
        tokens = self.tokens
        return {
            a.id: frozenset(
                tokens(" ".join([a.title, a.summary, a.scope or "", kinds.get(a.kind, "")]))
                + tokens(" ".join(labels.get(t, t) for t in a.topics))
            )
            for a in agreements
        }

    @cached_property
    def postings(self) -> Mapping[str, frozenset[str]]:
        """Word → the ids of the agreements whose ``words`` hold it."""
        found: dict[str, list[str]] = defaultdict(list)
        for agreement_id, words in self.words.items():
            for word in words:
                found[word].append(agreement_id)
        return MappingProxyType({word: frozenset(ids) for word, ids in found.items()})

    @cached_property
    def vocabulary(self) -> tuple[str, ...]:
        """The words of ``postings``, sorted."""
        return tuple(sorted(self.postings))

    def matching(self, words: list[str]) -> list[Agreement]:
        """Agreements whose title, scope, kind or topics hold every word (4+ letters: prefix)."""
        found: set[str] | None = None
        postings, vocabulary = self.postings, self.vocabulary
        for word in words:
            hits: set[str] = set(postings.get(word, ()))
            if len(word) >= 4:
                position = bisect_left(vocabulary, word)
                while position < len(vocabulary) and vocabulary[position].startswith(word):
                    hits |= postings[vocabulary[position]]
                    position += 1
            found = hits if found is None else found & hits
            if not found:
                return []
        if found is None:
            return []
        agreements, placed = self.base.agreements, self.position
        return [agreements[at] for at in sorted(placed[found_id] for found_id in found)]


def _restored(
    fields: dict[str, object], key: str | None, state: Mapping[str, object] | None
) -> Deals:
    """An agreements table as :meth:`Deals.__reduce__` wrote it."""
    table = Deals.__new__(Deals)
    vars(table).update(fields)
    if state is not None:
        vars(table).update(state)
        vars(table)["_state"] = state
    if key is not None:
        vars(table)["_state_key"] = key
    return table
