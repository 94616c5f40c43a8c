"""The draft linker as it was before issue 25 (every known entry scanned for every candidate),
kept only as the reference the indexed linker (bot/draft/links.py) must agree with.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from bot.content.model import Agreement, Event, Evidence, Fact, FactBase
from bot.dates import DateSpan
from bot.draft.links import (
    KIND_NAMES,
    KIND_SYNONYMS,
    MIN_DISTINCTIVE,
    STRONG_DISTINCTIVE,
    Link,
    _kind_words,
    actor_words,
    agreement_names,
    figures,
    name_stems,
    named_links,
    same_event_links,
    stems,
    stop_words,
)
from bot.text import normalise_typography


@dataclass(frozen=True, slots=True)
class _Known:
    id: str
    actors: frozenset[str]
    stems: frozenset[str]
    kinds: frozenset[str]
    span: DateSpan | None
    explicit: bool
    figures: dict[str, str]
    quotes: tuple[tuple[str, frozenset[str]], ...]
    """The entry's quotes, typography normalised and casefolded, with their word starts."""


SAME_WORDS = 0.7
"""Share of a candidate's word starts found in one quote of an entry for « mêmes mots »."""


def _same_quote(
    plain: str, mine: set[str], quotes: tuple[tuple[str, frozenset[str]], ...]
) -> str | None:
    """Why a sentence (``plain``: normalised, casefolded; ``mine``: its word starts) repeats
    one of ``quotes`` (verbatim, or nearly word for word), or None."""
    for quote, theirs in quotes:
        if len(quote) >= 40 and (quote in plain or plain in quote):
            return "la même phrase figure dans ses citations"
        if len(mine) >= 5:
            shared = len(mine & theirs)
            if shared >= SAME_WORDS * len(mine):
                return (
                    f"presque les mêmes mots que l'une de ses citations ({shared} sur {len(mine)})"
                )
    return None


def _quotes(
    evidence: Iterable[Evidence], stop: frozenset[str]
) -> tuple[tuple[str, frozenset[str]], ...]:
    return tuple(
        (normalise_typography(item.quote).casefold(), frozenset(stems(item.quote, stop)))
        for item in evidence
    )


def _actors(entry: Event | Agreement | Fact) -> frozenset[str]:
    if isinstance(entry, Agreement):
        return frozenset((*entry.parties, *entry.mediators, *entry.related))
    return frozenset(entry.actors)


def _words(entry: Event | Agreement | Fact) -> str:
    parts = [entry.summary, *(item.quote for item in entry.evidence)]
    if isinstance(entry, Agreement):
        parts.append(entry.title)
    return " ".join(parts)


class Linker:
    """The base's entries prepared for comparison with new candidates."""

    def __init__(self, base: FactBase) -> None:
        self._named = agreement_names(base)  # issue 23: an agreement named by its title
        self._actor_words = actor_words(base)
        self._stop = stop = stop_words(base)
        known: list[_Known] = []
        self._texts: dict[str, str] = {}
        for entry in base.entries():
            span = entry.date if isinstance(entry, (Event, Agreement)) else None
            explicit = isinstance(entry, (Event, Agreement)) and entry.date_basis == "texte"
            text = _words(entry)
            self._texts[entry.id] = text
            quotes = _quotes(entry.evidence, stop)
            known.append(
                _Known(
                    entry.id,
                    _actors(entry),
                    frozenset(stems(text, stop)),
                    frozenset(_kind_words(text)),
                    span,
                    explicit,
                    figures(text),
                    quotes,
                )
            )
        for actor in base.actors.values():  # an actor's role rests on quotes too
            if actor.evidence:
                text = " ".join(item.quote for item in actor.evidence)
                quotes = _quotes(actor.evidence, stop)
                known.append(
                    _Known(
                        actor.id,
                        frozenset({actor.id}),
                        frozenset(stems(text, stop)),
                        frozenset(_kind_words(text)),
                        None,
                        False,
                        figures(text),
                        quotes,
                    )
                )
        self._known = known
        frequency: Counter[str] = Counter()
        for item in known:
            frequency.update(item.stems)
        total = max(len(known), 1)
        self._idf = {word: math.log(total / count) for word, count in frequency.items()}
        self._rare = max(2, total // 20)
        self._frequency = frequency
        involvement: Counter[str] = Counter()
        for item in known:
            involvement.update(item.actors)
        self._hub = involvement.most_common(1)[0][0] if involvement else None
        """The actor most entries name (the Azerbaïdjan): shared by nearly everything."""
        self._repeats: dict[str, list[str | None]] = {}
        """Per sentence, :func:`_same_quote` against each entry: a function of the text alone,
        kept so that the test asking one sentence with several actor sets and dates scans the
        quotes once (the links are unchanged; only the equivalence test got faster)."""

    def _repeated(self, text: str, plain: str, words: set[str]) -> list[str | None]:
        found = self._repeats.get(text)
        if found is None:
            found = [_same_quote(plain, words, item.quotes) for item in self._known]
            self._repeats[text] = found
        return found

    @staticmethod
    def _genre(text: str, item: _Known) -> str:
        """« ; même genre (exercice ≈ manœuvres) » when the two say one kind in two words."""
        mine, theirs = _kind_words(text), item.kinds
        for name, label in KIND_NAMES.items():
            said = {word for word in mine if KIND_SYNONYMS.get(word, word) == name}
            other = {word for word in theirs if KIND_SYNONYMS.get(word, word) == name}
            if said and other and said != other:
                return f" ; même genre ({label})"
        return ""

    def _distinctive(self, shared: Iterable[str]) -> list[str]:
        return sorted(word for word in shared if self._frequency[word] <= self._rare)

    def links(
        self,
        text: str,
        actors: Iterable[str],
        span: DateSpan | None,
        explicit: bool,
        limit: int = 2,
    ) -> list[Link]:
        """Probable duplicates and contradictions of a candidate, strongest first."""
        mine = frozenset(actors)
        words = stems(text, self._stop)
        plain = normalise_typography(text).casefold()
        numbers = figures(text)
        scored: list[tuple[float, Link]] = []
        kinds_here = {KIND_SYNONYMS.get(w, w) for w in _kind_words(text)}  # the text's alone
        for item, repeated in zip(self._known, self._repeated(text, plain, words), strict=True):
            partners, theirs = mine - {self._hub}, item.actors - {self._hub}
            other_partners = bool(partners and theirs and not partners & theirs)
            if repeated is not None and other_partners and not repeated.startswith("la même"):
                repeated = None  # the same wording about other partners: another fact
            if repeated is not None:
                if (
                    span is not None
                    and item.span is not None
                    and explicit
                    and item.explicit
                    and not item.span.overlaps(span.start, span.end)
                ):
                    reason = (
                        f"{repeated}, mais une autre date : {span.label()} ici, "
                        f"{item.span.label()} dans {item.id}"
                    )
                    scored.append((1000.0, Link(item.id, "contradiction", reason)))
                    continue
                shared_text = ", ".join(sorted(mine & item.actors))
                extra = f" ; acteurs communs ({shared_text})" if shared_text else ""
                genre = self._genre(text, item)
                scored.append((1000.0, Link(item.id, "même fait", f"{repeated}{extra}{genre}")))
                continue
            shared = mine & item.actors
            if not shared or (len(shared) < 2 and len(mine) > 1):
                continue
            if other_partners:
                continue  # only the hub in common: the Kazakh plan is not the British one
            kinds_there = {KIND_SYNONYMS.get(w, w) for w in item.kinds}
            if kinds_here and kinds_there and not kinds_here & kinds_there:
                continue  # a plan is not an exercise
            single = len(shared) < 2
            distinctive = self._distinctive(words & item.stems)
            if len(distinctive) < MIN_DISTINCTIVE:
                continue
            score = sum(self._idf.get(word, 0.0) for word in distinctive)
            overlap = (
                span is not None
                and item.span is not None
                and item.span.overlaps(span.start, span.end)
            )
            clash = span is not None and item.span is not None and not overlap
            shown = ", ".join(distinctive[:6])
            if clash and explicit and item.explicit and len(distinctive) >= STRONG_DISTINCTIVE:
                assert span is not None and item.span is not None
                reason = (
                    f"mêmes acteurs et mots ({shown}) mais une autre date : "
                    f"{span.label()} ici, {item.span.label()} dans {item.id}"
                )
                scored.append((score, Link(item.id, "contradiction", reason)))
                continue
            if clash:
                continue
            named = [
                word
                for word in distinctive
                if word in name_stems(text, self._actor_words, self._stop)
            ]
            if overlap and named and (len(distinctive) >= STRONG_DISTINCTIVE or not single):
                for unit, value in numbers.items():
                    other = item.figures.get(unit)
                    if other is not None and other != value.replace(",", "."):
                        reason = (
                            f"autre nombre pour « {unit} » : {value} ici, {other} dans {item.id}"
                        )
                        scored.append((score + 1, Link(item.id, "contradiction", reason)))
                why = (
                    f"dates compatibles ({span.label()} / {item.span.label()}), "
                    if overlap and span is not None and item.span is not None
                    else ""
                )
                actors_text = ", ".join(sorted(shared))
                genre = self._genre(text, item)
                reason = (
                    f"acteurs communs ({actors_text}), {why}même lieu ou nom "
                    f"({', '.join(named[:3])}), mots distinctifs : {shown}{genre}"
                )
                scored.append((score, Link(item.id, "même fait", reason)))
        seen = {link.entry_id for _, link in scored}
        scored += same_event_links(
            text,
            mine,
            span,
            self._hub,
            (
                (
                    item.id,
                    item.actors,
                    item.span,
                    item.kinds,
                    self._texts.get(item.id, ""),
                )
                for item in self._known
                if item.id not in seen
            ),
            self._actor_words,
            self._stop,
        )
        scored += named_links(text, mine, span, self._named, {link.entry_id for _, link in scored})
        scored.sort(key=lambda pair: -pair[0])
        return [link for _, link in scored[:limit]]
