"""A pasted article split into page furniture, metadata lines and sentences of prose.

Positions always point into the text as given, so every sentence is a verbatim slice of it.
Leading lines starting with ``#`` are the curator's own notes (URL, outlet) and are skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from bot.draft.frdates import FoundDate, find_dates
from bot.draft.lexicon import (
    BYLINE_PREFIXES,
    NOISE_PREFIXES,
    PUBLISHED_PREFIXES,
    SOURCE_PREFIXES,
    UPDATED_PREFIXES,
)
from bot.text import normalise_typography

_SENTENCE_END = re.compile(r"(?<=[.!?…»)])\s+(?=[«\"“A-ZÀ-ÖØ-Þ0-9])")
_ABBREVIATIONS = re.compile(
    r"(?:\b(?:M|MM|Mme|Mmes|Dr|Pr|St|Ste|av|apr|J\.-C|etc|cf|p|vol|n°|No|art|Gal|Gén|[A-Z]))\.$"
)
_OPEN_QUOTE = re.compile(r"«[^»]*$")
TITLE_MAX = 200


@dataclass(frozen=True, slots=True)
class Line:
    """One non-empty line of the article, with where it starts in the text."""

    start: int
    text: str
    kind: str
    """prose, title, outlet, heading, noise, byline, published, updated, source, repeated."""


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of prose: a verbatim slice ``text[start:end]`` of the article."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Metadata:
    """A field of the source stub and the article's words it was read from (or None)."""

    value: str | None
    read_from: str | None
    note: str | None = None


@dataclass
class Article:
    """The article as read: its lines by kind, its stub metadata and its prose sentences."""

    text: str
    lines: list[Line]
    title: Metadata
    outlet: Metadata
    published: Metadata
    published_date: date | None
    updated: Metadata
    relayed_from: Metadata
    sentences: list[Sentence] = field(default_factory=list)

    def noise(self) -> list[Line]:
        """Lines left out of the prose: furniture, bylines, dates, repeated headlines."""
        return [line for line in self.lines if line.kind not in ("prose", "title")]


def _lines(text: str) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    offset = 0
    header = True
    for raw in text.splitlines(keepends=True):
        stripped = raw.strip()
        if header and stripped.startswith("#"):
            offset += len(raw)
            continue
        if stripped:
            header = False
            lead = len(raw) - len(raw.lstrip())
            found.append((offset + lead, stripped))
        offset += len(raw)
    return found


def _starts(line: str, prefixes: tuple[str, ...]) -> bool:
    folded = normalise_typography(line).casefold()
    return folded.startswith(prefixes)


def _is_date_line(line: str) -> bool:
    """A short line that is mostly a date (« 11.02.2026 », « 31 Octobre 2025 15:57 … »)."""
    if len(line) > 60:
        return False
    dates = [d for d in find_dates(line, None) if d.basis == "texte" and d.precision == "jour"]
    return bool(dates)


_TAGLINE = re.compile(
    r"^(?P<name>[^–|—-]{2,40}?)\s+[–|—-]\s+.*\b(?:journal|quotidien|magazine|hebdomadaire|"
    r"média|actualités?|information|news|info)\b",
    re.IGNORECASE,
)


def _outlet_of(text: str, following: int) -> str | None:
    """The site's name when the first line is one (« Lagazette », « X – Journal … »)."""
    if following == 0 or _starts(text, NOISE_PREFIXES) or _is_date_line(text):
        return None
    tagline = _TAGLINE.match(text)
    if tagline:
        return tagline.group("name").strip()
    words = text.split()
    if len(words) <= 3 and not text.rstrip().endswith((".", "!", "?", ":", "»", "]")):
        return text
    return None


def _classify(text: str, seen: set[str]) -> str:
    key = normalise_typography(text).casefold()
    if key in seen:
        return "repeated"
    if _starts(text, NOISE_PREFIXES):
        return "noise"
    if _starts(text, UPDATED_PREFIXES):
        return "updated"
    if _starts(text, SOURCE_PREFIXES):
        return "source"
    if _starts(text, BYLINE_PREFIXES) and len(text) < 80:
        return "byline"
    if _starts(text, PUBLISHED_PREFIXES) and _is_date_line(text):
        return "published"
    if _is_date_line(text):
        return "published"
    ends_like_prose = text.rstrip().endswith((".", "!", "?", "…", "»", ":", ";", '"'))
    if text.isupper() and len(text) <= TITLE_MAX:
        return "heading"  # a headline in capitals, never prose
    if not ends_like_prose and len(text.split()) <= 14:
        return "heading"
    if len(text.split()) <= 2:
        return "noise"
    return "prose"


def _split(text: str, start: int) -> list[Sentence]:
    sentences: list[Sentence] = []
    begin = 0
    for match in _SENTENCE_END.finditer(text):
        before = text[begin : match.start()]
        if _ABBREVIATIONS.search(before) or _OPEN_QUOTE.search(before):
            continue
        if before.strip():
            sentences.append(Sentence(start + begin, start + match.start(), before))
        begin = match.end()
    rest = text[begin:].rstrip()
    if rest:
        sentences.append(Sentence(start + begin, start + begin + len(rest), rest))
    return sentences


def _published(lines: list[Line]) -> tuple[Metadata, date | None]:
    for line in lines:
        if line.kind not in ("published", "byline"):
            continue
        for found in find_dates(line.text, None):
            if found.basis == "texte" and found.precision == "jour" and found.iso:
                return Metadata(found.iso, line.text), date.fromisoformat(found.iso)
        relative = [d for d in find_dates(line.text, None) if d.precision == "relatif"]
        if relative:
            return (
                Metadata(
                    None,
                    line.text,
                    f"« {relative[0].text} » : date relative à la consultation de la page, "
                    "inconnue ; ne pas deviner",
                ),
                None,
            )
    return Metadata(None, None, "l'article ne donne pas de date de publication"), None


def read_article(text: str) -> Article:
    """Split ``text`` into classified lines, the source stub and prose sentences."""
    lines: list[Line] = []
    seen: set[str] = set()
    raw_lines = _lines(text)
    outlet_name: str | None = None
    for position, (start, content) in enumerate(raw_lines):
        found = _outlet_of(content, len(raw_lines) - 1) if position == 0 else None
        if found is not None:
            outlet_name = found
            kind = "outlet"
        else:
            kind = _classify(content, seen)
        lines.append(Line(start, content, kind))
        seen.add(normalise_typography(content).casefold())
    for position, line in enumerate(lines):  # the headline: before any prose, no final period
        if line.kind == "prose" and line.text.rstrip().endswith((".", "!", "?", "»")):
            break
        if line.kind in ("heading", "prose") and len(line.text) <= TITLE_MAX:
            lines[position] = Line(line.start, line.text, "title")
            break
    title_line = next((line for line in lines if line.kind == "title"), None)
    title = (
        Metadata(title_line.text, title_line.text)
        if title_line
        else Metadata(None, None, "pas de titre reconnaissable en tête de l'article")
    )
    published, published_date = _published(lines)
    updated_line = next((line for line in lines if line.kind == "updated"), None)
    updated = Metadata(None, None)
    if updated_line is not None:
        dates = [d for d in find_dates(updated_line.text, None) if d.iso and d.basis == "texte"]
        updated = Metadata(dates[0].iso if dates else None, updated_line.text)
    source_line = next((line for line in lines if line.kind == "source"), None)
    relayed = Metadata(None, None)
    if source_line is not None:
        name = source_line.text.split(":", 1)[1].strip() if ":" in source_line.text else None
        relayed = Metadata(name or None, source_line.text, "reprise : le média d'origine")
    outlet_line = next((line for line in lines if line.kind == "outlet"), None)
    outlet = (
        Metadata(
            outlet_name,
            outlet_line.text,
            "première ligne courte, avant le titre : probablement le nom du média ; à confirmer",
        )
        if outlet_line is not None
        else Metadata(
            None, None, "le texte ne nomme pas le média qui le publie : à remplir s'il le nomme"
        )
    )
    sentences: list[Sentence] = []
    for line in lines:
        if line.kind == "prose":
            sentences.extend(_split(line.text, line.start))
    return Article(
        text=text,
        lines=lines,
        title=title,
        outlet=outlet,
        published=published,
        published_date=published_date,
        updated=updated,
        relayed_from=relayed,
        sentences=sentences,
    )


def dates_in(sentence: Sentence, anchor: date | None) -> list[FoundDate]:
    """The dates of one sentence, resolved against the article's date when known."""
    return find_dates(sentence.text, anchor)
