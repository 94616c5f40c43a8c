"""Which sentences of each seed the fact base states, and which it leaves out on purpose.

Every sentence counts, not only those with a date, a number or an actor's name. A sentence
is *stated* when the quotes of the base (each shown with an entry whose text makes that
claim) cover at least ``STATED_SHARE`` of its letters and every date, number and actor name
in it; otherwise it must be listed in ``coverage_skips`` with a one-line reason (sub-heading,
page furniture, the author's rhetoric…).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from bot.content.model import Actor, Agreement, FactBase
from bot.content.schema import CoverageSkip
from bot.dates import MONTHS_FR
from bot.text import normalise_typography

STATED_SHARE = 0.6
"""Share of a sentence's letters that quotes must cover for it to count as stated."""

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"«(A-ZÀ-ÖØ-Þ0-9])")
_ABBREVIATIONS = ("M.", "Mme.", "Dr.", "St.", "av.", "J.-C.")
_YEAR = re.compile(r"\b(?:1[89]\d\d|20\d\d)\b")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_DATE_WORDS = re.compile(
    r"\b(?:"
    + "|".join([*MONTHS_FR, "hier", "aujourd'hui", "demain", "récemment", "cet été"])
    + r")\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Signal:
    """A date, a number or an actor's name found in a sentence."""

    kind: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of a seed, positions in its line-preserving normalised text."""

    start: int
    end: int
    text: str
    signals: tuple[Signal, ...]


@dataclass(frozen=True, slots=True)
class SentenceStatus:
    """What the fact base does with one sentence."""

    sentence: Sentence
    missing: tuple[Signal, ...]
    """Signals no quote covers."""
    skip: CoverageSkip | None
    share: float = 1.0
    """Share of the sentence's letters inside quotes."""

    @property
    def stated(self) -> bool:
        """True when the quotes cover the sentence's signals and most of its words."""
        return not self.missing and self.share >= STATED_SHARE


@dataclass(frozen=True, slots=True)
class SeedCoverage:
    """Coverage of one seed article."""

    source_id: str
    seed: str
    sentences: int
    statuses: tuple[SentenceStatus, ...]
    unused_skips: tuple[CoverageSkip, ...]

    @property
    def covered(self) -> int:
        """Sentences the base states with its quotes."""
        return sum(1 for status in self.statuses if status.stated)

    @property
    def skipped(self) -> tuple[SentenceStatus, ...]:
        """Sentences not stated and deliberately left out."""
        return tuple(s for s in self.statuses if not s.stated and s.skip is not None)

    @property
    def uncovered(self) -> tuple[SentenceStatus, ...]:
        """Sentences neither stated nor accounted for: these fail the check."""
        return tuple(s for s in self.statuses if not s.stated and s.skip is None)


def normalise_lines(text: str) -> str:
    """Normalise each line's typography but keep the line breaks (sentences never span them)."""
    return "\n".join(normalise_typography(line) for line in text.splitlines())


def _loose(text: str) -> str:
    """Same-length folding: lowercase, accents dropped, non-alphanumerics as spaces."""
    out = []
    for char in text:
        base = unicodedata.normalize("NFKD", char.lower()[:1])[:1]
        out.append(base if base.isalnum() and base.isascii() else " ")
    return "".join(out)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Spans of the sentences of ``text`` (already line-normalised), line by line."""
    spans: list[tuple[int, int]] = []
    offset = 0
    for line in text.split("\n"):
        start = 0
        for match in _SENTENCE_END.finditer(line):
            before = line[start : match.start()]
            if before.endswith(_ABBREVIATIONS):
                continue
            spans.append((offset + start, offset + match.start()))
            start = match.end()
        if line[start:].strip():
            spans.append((offset + start, offset + len(line.rstrip())))
        offset += len(line) + 1
    return [(a, b) for a, b in spans if b > a]


@cache
def _name_pattern(names: tuple[str, ...], exact: bool) -> re.Pattern[str] | None:
    if not names:
        return None
    alternatives = sorted((re.escape(name) for name in names), key=len, reverse=True)
    flags = 0 if exact else re.IGNORECASE
    return re.compile(r"(?<![0-9A-Za-z])(?:" + "|".join(alternatives) + r")(?![0-9A-Za-z])", flags)


def actor_patterns(base: FactBase) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """Patterns finding actor names in prose: acronyms exactly, other names loosely.

    ISO codes are left out (they are for queries, not prose); short all-caps names such as
    "UE" or "OTS" must match in capitals so that "au" never reads as "AU".
    """
    exact: set[str] = set()
    loose: set[str] = set()
    for actor in base.actors.values():
        for name in (actor.name, actor.name_en, actor.full_name, *actor.aliases):
            if not name:
                continue
            if name.isupper() and len(name) <= 5:
                exact.add(name)
            else:
                loose.add(" ".join(_loose(name).split()))
    return _name_pattern(tuple(sorted(exact)), True), _name_pattern(tuple(sorted(loose)), False)


def find_signals(
    text: str, start: int, end: int, patterns: tuple[re.Pattern[str] | None, re.Pattern[str] | None]
) -> tuple[Signal, ...]:
    """Dates, numbers and actor names in ``text[start:end]``."""
    chunk = text[start:end]
    exact, loose = patterns
    searches: list[tuple[str, re.Pattern[str] | None, str]] = [
        ("date", _YEAR, chunk),
        ("date", _DATE_WORDS, chunk),
        ("nombre", _NUMBER, chunk),
        ("acteur", exact, chunk),
        ("acteur", loose, _loose(chunk)),  # same length as chunk, so positions carry over
    ]
    found: dict[int, Signal] = {}
    for kind, pattern, haystack in searches:
        if pattern is None:
            continue
        for match in pattern.finditer(haystack):
            a, b = match.start(), match.end()
            found.setdefault(a, Signal(kind, start + a, start + b, chunk[a:b]))
    return tuple(found[key] for key in sorted(found))


def quote_spans(text: str, quotes: Iterable[str]) -> list[tuple[int, int]]:
    """Every place each quote occurs in ``text`` (line breaks read as spaces).

    A source's own metadata (its date as written, its title, its outlet) counts as a quote
    where it appears verbatim.
    """
    flat = text.replace("\n", " ")
    spans: list[tuple[int, int]] = []
    for quote in quotes:
        needle = normalise_typography(quote)
        position = flat.find(needle)
        while position != -1:
            spans.append((position, position + len(needle)))
            position = flat.find(needle, position + 1)
    return spans


def _share(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> float:
    """Share of the letters of ``text[start:end]`` that lie inside one of ``spans``."""
    letters = [i for i in range(start, end) if text[i].isalnum()]
    if not letters:
        return 1.0
    inside = [False] * (end - start)
    for a, b in spans:
        for i in range(max(a, start), min(b, end)):
            inside[i - start] = True
    return sum(1 for i in letters if inside[i - start]) / len(letters)


def _quotes_by_source(base: FactBase) -> dict[str, list[str]]:
    """The quotes whose claim some displayed text makes, by source.

    An event's or a fact's summary rests on its key quotes only (its other quotes appear in
    its full card without a text of their own); an agreement's scope and an actor's role rest
    on all their quotes. A source's own metadata (date as written, title, outlet) counts too.
    """
    quotes: dict[str, list[str]] = {
        source_id: [text for text in (source.published_text, source.title, source.outlet) if text]
        for source_id, source in base.sources.items()
    }
    for claim in (*base.events, *base.facts):
        for evidence in claim.key_evidence():
            quotes[evidence.source].append(evidence.quote)
    holders: list[Agreement | Actor] = [*base.agreements, *base.actors.values()]
    for holder in holders:
        for evidence in holder.evidence:
            quotes[evidence.source].append(evidence.quote)
    return quotes


SHORT_SKIP = 12
"""A skip shorter than this (« A », a font-size button) sets aside only a sentence equal to
it: inside a longer one (« Bakou, 10 septembre, AZERTAC ») it would hide that one's own skip."""


def _skip_for(sentence: str, skips: list[CoverageSkip]) -> int | None:
    """The index of the skip that sets ``sentence`` aside: one equal to it first, then one it
    holds (a skip of at least SHORT_SKIP characters); None without one."""
    folded = sentence.strip()
    texts = [normalise_typography(skip.sentence).strip() for skip in skips]
    for index, text in enumerate(texts):
        if text == folded:
            return index
    for index, text in enumerate(texts):
        if len(text) >= SHORT_SKIP and text in sentence:
            return index
    return None


def seed_coverage(base: FactBase) -> list[SeedCoverage]:
    """The coverage of every seed by the base's quotes and skips."""
    patterns = actor_patterns(base)
    quotes = _quotes_by_source(base)
    report: list[SeedCoverage] = []
    for source_id, source in base.sources.items():
        text = normalise_lines(base.seeds[source_id])
        spans = quote_spans(text, quotes[source_id])
        skips = [skip for skip in base.skips if skip.source == source_id]
        used: set[int] = set()
        statuses: list[SentenceStatus] = []
        sentences = split_sentences(text)
        for start, end in sentences:
            if not any(char.isalnum() for char in text[start:end]):
                continue
            signals = find_signals(text, start, end, patterns)
            sentence = Sentence(start, end, text[start:end], signals)
            missing = tuple(
                signal
                for signal in signals
                if not any(a <= signal.start and signal.end <= b for a, b in spans)
            )
            share = _share(text, start, end, spans)
            skip = None
            if missing or share < STATED_SHARE:
                index = _skip_for(sentence.text, skips)
                if index is not None:
                    skip = skips[index]
                    used.add(index)
            statuses.append(SentenceStatus(sentence, missing, skip, share))
        unused = tuple(skip for index, skip in enumerate(skips) if index not in used)
        report.append(SeedCoverage(source_id, source.seed, len(sentences), tuple(statuses), unused))
    return report
