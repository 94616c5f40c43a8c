"""Links from a candidate to what the base already holds: same fact, or contradiction.

A candidate is « probablement le même fait » as an entry when they share actors (two, or the
candidate's only one) and either overlapping dates or at least three distinctive words
(word starts that few entries of the base use). Sharing actors and distinctive words but
giving another date, or another figure for the same unit, is a contradiction to review.

Words of one kind count as one (exercice ≈ manœuvres, accord ≈ plan ≈ mémorandum ≈ traité);
the actor the whole base is about (Azerbaïdjan) is not a shared actor by itself when both
sides name partners: they must share a partner. Every link says why, in French.
"""

from __future__ import annotations

import gc
import math
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import cast

from bot.content.model import Agreement, Event, Evidence, Fact, FactBase
from bot.dates import MONTHS_FR, DateSpan, parse_date
from bot.draft.actors import Resolved
from bot.draft.analyse import ActorFinder
from bot.engine.index import Index
from bot.text import fold, normalise_typography

STEM = 6
MIN_DISTINCTIVE = 2
STRONG_DISTINCTIVE = 3
REPORT_WINDOW = timedelta(days=31)
"""An undated past act reported by a dated article happened at most this long before it."""
_NUMBER = re.compile(r"(?<![\w.,-])(\d+(?:[.,]\d+)?)\s+(millions?|milliards?|[a-zà-ÿ]{3,})")


KIND_SYNONYMS: dict[str, str] = {
    "manoeu": "exerci",
    "entrai": "exerci",
    "memora": "accord",
    "memorandum": "accord",
    "plan": "accord",
    "plans": "accord",
    "traite": "accord",
    "protoc": "accord",
    "charte": "accord",
    "feuill": "accord",
    "guerre": "confli",
    "hostil": "confli",
}
"""Word starts (folded) of one kind, read as one word when comparing: « manœuvres » is an
« exercice », a « plan », a « mémorandum » or a « traité » is an « accord », a « guerre » a
« conflit »."""
KIND_NAMES = {
    "exerci": "exercice ≈ manœuvres",
    "accord": "accord ≈ plan ≈ mémorandum",
    "confli": "conflit ≈ guerre",
}


_MONTHS = frozenset(fold(month) for month in MONTHS_FR)


_STEM_OF: dict[str, str] = {}
"""Folded word → its word start (« » when it has none): each word is looked at once."""


def _stem(word: str) -> str:
    found = _STEM_OF.get(word)
    if found is None:
        if len(word) < 4 or word.isdigit() or word in _MONTHS:
            found = ""
        else:
            start = word[:STEM]
            found = KIND_SYNONYMS.get(word, KIND_SYNONYMS.get(start, start))
        _STEM_OF[word] = found
    return found


def stop_words(base: FactBase) -> frozenset[str]:
    """The base's stop words (vocabulary ``stop_words``), folded: never a word start."""
    return frozenset(fold(word) for word in base.vocabulary.stop_words)


def _stems_of_words(words: set[str], stop: frozenset[str]) -> set[str]:
    words = words - stop
    found: set[str | None] = set(map(_STEM_OF.get, words))
    if None in found:  # words never seen before
        found.discard(None)
        found.update(_stem(word) for word in words if word not in _STEM_OF)
    found.discard("")
    return cast("set[str]", found)


def stems(text: str, stop: frozenset[str]) -> set[str]:
    """Word starts of ``text`` (folded, no stop words, no month names: dates are compared as
    dates; at least four letters), kinds unified."""
    return _stems_of_words(set(fold(text).split()), stop)


def _kind_words(text: str) -> set[str]:
    """The raw kind words of ``text`` (« manoeu », « exerci »…), before unification."""
    return {
        word[:STEM]
        for word in fold(text).split()
        if word[:STEM] in KIND_SYNONYMS or word[:STEM] in KIND_NAMES or word in KIND_SYNONYMS
    }


def figures(text: str) -> dict[str, str]:
    """Unit (folded) → number, for the figures of ``text``."""
    return {fold(unit): value.replace(",", ".") for value, unit in _NUMBER.findall(text)}


@dataclass(frozen=True, slots=True)
class Link:
    """A relation between a candidate and an existing entry, with its reason in French."""

    entry_id: str
    relation: str
    """« même fait » or « contradiction »."""
    reason: str


SAME_WORDS = 0.7
"""Share of a candidate's word starts found in one quote of an entry for « mêmes mots »."""
LONG_QUOTE = 40
"""A quote at least this long, found whole in a sentence (or holding it), is « la même phrase »."""


SAME_SENTENCE = "la même phrase figure dans ses citations"


def _same_quote(
    plain: str, mine: set[str], quotes: tuple[tuple[str, frozenset[str]], ...]
) -> str | None:
    """Why a sentence (``plain``: normalised, casefolded; ``mine``: its word starts) repeats
    one of ``quotes`` (verbatim, or nearly word for word), or None."""
    for quote, theirs in quotes:
        if len(quote) >= LONG_QUOTE and (quote in plain or plain in quote):
            return SAME_SENTENCE
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


def _shared_needed(size: int) -> int:
    """The fewest shared word starts that make ``size`` of them « presque les mêmes mots »."""
    needed = 0
    while needed < SAME_WORDS * size:
        needed += 1
    return needed


@dataclass(frozen=True, slots=True)
class _Source:
    """What the linker keeps of a known item from its one pass over the base."""

    id: str
    actors: frozenset[str]
    text: str
    evidence: tuple[Evidence, ...]
    span: DateSpan | None
    explicit: bool
    kinds: frozenset[str]


_PROPER_NAME = re.compile(
    r"[A-ZÀ-Þ][\w-]*(?:(?:\s+(?:de|du|des|et|pour|sur)\s+(?:la\s+|l['’])?|\s+d['’]|\s+)"
    r"[A-ZÀ-Þ][\w-]*)+"
)
"""A capitalised name of several words (« Plan d'Action de Partenariat Individuel »)."""
NAME_WORDS = 3
"""The fewest word starts a name needs to name one agreement of the base by itself."""
_ACRONYM = re.compile(r"\([A-Z]{2,6}\)")
"""« Partenariat pour la paix (PPP) » : a name with its own acronym is a proper name even of two
word starts — « le Partenariat pour la Paix » names it in another article (issue 23)."""


def name_key(name: str) -> frozenset[str]:
    """The word starts of an agreement's name, whatever their order and case: « Plan
    d'Action de Partenariat Individuel » and « Plan d'action individuel de partenariat » are
    one name (the acronym in brackets, IPAP or PAIP, is left out)."""
    head = re.split(r"\s*[(–—:]", name, maxsplit=1)[0]
    words = [word for word in re.findall(r"\w+", fold(head)) if word not in _NAME_GLUE]
    return frozenset(filter(None, (_stem(word) for word in words)))


_NAME_GLUE = frozenset(
    ("pour", "avec", "entre", "dans", "sous", "contre", "vers", "sans", "chez", "leur", "leurs")
)
"""Words of four letters or more that join a name's words (« Plan … pour 2026 »)."""


@dataclass(frozen=True, slots=True)
class Named:
    """An agreement of the base as its title names it."""

    id: str
    actors: frozenset[str]
    span: DateSpan | None


def agreement_names(base: FactBase) -> dict[frozenset[str], list[Named]]:
    """The base's agreements by the word starts of their title's name (3 words at least)."""
    named: dict[frozenset[str], list[Named]] = {}
    for agreement in base.agreements:
        key = name_key(agreement.title) if agreement.title else frozenset()
        acronym = bool(agreement.title and _ACRONYM.search(agreement.title))
        if len(key) >= NAME_WORDS or (acronym and len(key) >= NAME_WORDS - 1):
            named.setdefault(key, []).append(
                Named(agreement.id, _actors(agreement), agreement.date)
            )
    return named


def named_links(
    text: str,
    mine: frozenset[str],
    span: DateSpan | None,
    named: dict[frozenset[str], list[Named]],
    linked: set[str],
) -> list[tuple[float, Link]]:
    """« même fait » with an agreement the sentence names by its title, word order, case and
    acronym aside (« Plan d'Action de Partenariat Individuel (IPAP) » is the base's « Plan
    d'action individuel de partenariat (PAIP) »), when they share actors as the word links ask
    and their dates, if both have one, overlap; ``linked`` already linked, skipped."""
    found: list[tuple[float, Link]] = []
    for whole in _PROPER_NAME.findall(text):
        words = whole.split()  # « Plan de Coopération Militaire de l'Azerbaïdjan »: its head
        heads = (" ".join(words[:end]) for end in range(1, len(words) + 1))
        name = next((head for head in heads if name_key(head) in named), whole)
        for item in named.get(name_key(name), ()):
            shared = mine & item.actors
            if item.id in linked or not shared or (len(shared) < 2 and len(mine) > 1):
                continue  # the same name between other partners: another agreement
            if (
                span is not None
                and item.span is not None
                and not item.span.overlaps(span.start, span.end)
            ):
                continue
            linked.add(item.id)
            reason = (
                f"même accord nommé (« {name} », titre de {item.id}) ; acteurs communs "
                f"({', '.join(sorted(shared))})"
            )
            found.append((500.0, Link(item.id, "même fait", reason)))
    return found


_TOKEN = re.compile(r"[\w.’'-]+")
_TITLES = frozenset(("président", "présidente", "ministre", "M.", "Mme"))
_OFFICES = frozenset(("Défense", "Intérieur", "Justice"))
"""A ministry's capitalised word right before a first name: « le ministre de la Défense Zakir
Hasanov » names Hasanov, as « le ministre Zakir Hasanov » would."""
_NAME_PAIR = re.compile(
    r"(?:[A-ZÀ-Þ][\w.’'-]*|président|présidente|ministre)\s+[A-ZÀ-Þ][a-zà-ÿ]{3}"
)


def people_named(text: str) -> list[tuple[str, str]]:
    """The people ``text`` names — a surname after a first name that follows a lowercase word
    (« le président Ilham Aliyev », « Favorable …, Ilham Aliev a … »; never the capitalised
    opening of a sentence, « Les Parties ») or after a title (« du président Aliev ») — as
    (the words, the surname)."""
    if _NAME_PAIR.search(text) is None:
        return []  # most quotes: no two capitalised words in a row, no title before one
    tokens = [match.group(0) for match in _TOKEN.finditer(text)]
    found: list[tuple[str, str]] = []
    for at in range(1, len(tokens)):
        word, before = tokens[at], tokens[at - 1]
        if len(word) < 4 or not word[0].isupper() or not word[1:].replace("-", "").islower():
            continue
        first_name = (
            before[0].isupper()
            and at >= 2
            and (tokens[at - 2][0].islower() or tokens[at - 2] in _OFFICES)
        )
        if before in _TITLES or first_name:
            found.append((f"{before} {word}", word))
    return found


PERSON_ENTRIES = 2
"""The fewest entries of the base that must quote a surname for it to give a country."""


def person_key(surname: str) -> str:
    """A surname whatever its transliteration: « Aliyev » and « Aliev » are one."""
    key = fold(surname).replace("y", "i")
    return re.sub(r"(.)\1+", r"\1", key)


_NO_KINDS: frozenset[str] = frozenset()
PROBE_POSTINGS = 1_000_000
"""How many postings « presque les mêmes mots » reads to narrow its candidates: more words
counted, fewer items whose quotes are compared."""


def _quote_start(quote: str) -> str:
    """The first LONG_QUOTE characters of ``quote`` normalised and casefolded, or « » for a
    shorter quote; only the quote's beginning is normalised when that settles it."""
    head = normalise_typography(quote[: 3 * LONG_QUOTE]).casefold()
    if len(head) <= LONG_QUOTE + 10:  # near the cut, spaces and marks may still merge
        head = normalise_typography(quote).casefold()
        if len(head) < LONG_QUOTE:
            return ""
    return head[:LONG_QUOTE]


class Linker:
    """The base's entries prepared for comparison with new candidates.

    Built once per base (``linker_of``), in one pass: each item's word starts go into an
    index by word start, its kind words and actors are kept, and each long quote is indexed
    by its first characters. ``links`` then compares a candidate only with the items that
    can pass a test (see ``_narrow``), and prepares an item's quotes word by word or its
    figures the first time a candidate needs them: it gives exactly what comparing the
    candidate with every item would give (tested against the linker that did).
    """

    def __init__(self, base: FactBase) -> None:
        enabled = gc.isenabled()
        gc.disable()  # millions of small long-lived objects: no collection pass while made
        try:
            self._build(base)
        finally:
            if enabled:
                gc.enable()

    def _build(self, base: FactBase) -> None:
        self._stop = stop_words(base)
        sources: list[_Source] = []
        postings: dict[str, list[int]] = {}
        starts: dict[str, list[int]] = {}
        involvement: Counter[str] = Counter()
        items: list[tuple[str, frozenset[str], str, tuple[Evidence, ...], DateSpan | None, bool]]
        items = []
        for entry in base.entries():
            span = entry.date if isinstance(entry, (Event, Agreement)) else None
            explicit = isinstance(entry, (Event, Agreement)) and entry.date_basis == "texte"
            items.append((entry.id, _actors(entry), _words(entry), entry.evidence, span, explicit))
        for actor in base.actors.values():  # an actor's role rests on quotes too
            if actor.evidence:
                text = " ".join(item.quote for item in actor.evidence)
                items.append((actor.id, frozenset({actor.id}), text, actor.evidence, None, False))
        for position, (item_id, actors, text, evidence, span, explicit) in enumerate(items):
            words = set(fold(text).split())
            found = _stems_of_words(words, self._stop)
            for word in found:
                postings.setdefault(word, []).append(position)
            kinds = (
                frozenset(word[:STEM] for word in words if _stem(word) in KIND_NAMES)
                if not found.isdisjoint(KIND_NAMES)
                else _NO_KINDS
            )
            sources.append(_Source(item_id, actors, text, evidence, span, explicit, kinds))
            for item in evidence:
                if len(item.quote) >= LONG_QUOTE:
                    start = _quote_start(item.quote)
                    if start:
                        holders = starts.setdefault(start, [])
                        if not holders or holders[-1] != position:
                            holders.append(position)
            involvement.update(actors)
        self._sources = sources
        self._postings = postings
        self._starts = starts
        self._quotes: dict[int, tuple[tuple[str, frozenset[str]], ...]] = {}
        self._plain: dict[int, tuple[str, ...]] = {}
        self._figures: dict[int, dict[str, str]] = {}
        total = max(len(sources), 1)
        self._idf = {word: math.log(total / len(held)) for word, held in postings.items()}
        self._rare = max(2, total // 20)
        self._actor_words = actor_words(base)
        self._named = agreement_names(base)
        self._people: dict[str, dict[int, str]] = {}
        """A surname (``person_key``) → the entries quoting it, with its spelling there."""
        for position, source in enumerate(sources[: len(base.entries())]):
            for item in source.evidence:
                for spelled, surname in people_named(item.quote):
                    held = self._people.setdefault(person_key(surname), {})
                    held.setdefault(position, spelled)
        self._hub = involvement.most_common(1)[0][0] if involvement else None
        """The actor most entries name (the Azerbaïdjan): shared by nearly everything."""

    def people_in(self, text: str, finder: ActorFinder) -> list[Resolved]:
        """People ``text`` names (« Ilham Aliev ») whose surname, in any transliteration, the
        base quotes in several entries that all name one same country and no other: that
        country, with a note saying it comes from the base, not the article."""
        found: list[Resolved] = []
        for words, surname in people_named(text):
            if finder.find(words):
                continue  # a name the base knows as an actor (« Nations Unies »)
            held = self._people.get(person_key(surname), {})
            if len(held) < PERSON_ENTRIES:
                continue
            countries = frozenset.intersection(
                *(
                    frozenset(a for a in self._sources[p].actors if len(a) == 2 and a.isupper())
                    for p in held
                )
            )
            if len(countries) != 1:
                continue
            country = next(iter(countries))
            spelled = next(iter(held.values()))
            note = (
                f"« {spelled} » est nommé dans {len(held)} entrées de la base, toutes avec "
                f"{country} et sans autre pays commun : pays déduit de la base, pas de "
                "l'article — à vérifier"
            )
            found.append(Resolved(words, country, note))
        return found

    def _frequency(self, word: str) -> int:
        return len(self._postings.get(word, ()))

    def _quotes_of(self, position: int) -> tuple[tuple[str, frozenset[str]], ...]:
        quotes = self._quotes.get(position)
        if quotes is None:
            quotes = self._quotes[position] = _quotes(self._sources[position].evidence, self._stop)
        return quotes

    def _plain_quotes_of(self, position: int) -> tuple[str, ...]:
        quotes = self._plain.get(position)
        if quotes is None:
            known = self._quotes.get(position)
            quotes = self._plain[position] = (
                tuple(quote for quote, _ in known)
                if known is not None
                else tuple(
                    normalise_typography(item.quote).casefold()
                    for item in self._sources[position].evidence
                )
            )
        return quotes

    def _figures_of(self, position: int) -> dict[str, str]:
        found = self._figures.get(position)
        if found is None:
            found = self._figures[position] = figures(self._sources[position].text)
        return found

    @staticmethod
    def _genre(text: str, kinds: frozenset[str]) -> str:
        """« ; même genre (exercice ≈ manœuvres) » when the two say one kind in two words."""
        return genre_of(text, kinds)

    def _narrow(
        self, plain: str, words: set[str], mine: frozenset[str]
    ) -> tuple[set[int], set[int], dict[int, list[str]]]:
        """The items a long quote of which may hold or be held by the sentence, those whose
        quotes may repeat most of its words, and those sharing at least two distinctive word
        starts with it (with those words); no other item passes a test.

        - a long quote inside the sentence starts at one of its characters (``_starts``);
        - a long quote holding the sentence holds each whole word inside it: the items
          holding the rarest of its inner word starts, then each of the others;
        - « presque les mêmes mots » needs ``needed`` of the sentence's n word starts in one
          quote: of any set S of them, the item holds at least |S| − (n − needed);
        - shared actors need two distinctive (rare) word starts in common.
        """
        verbatim: set[int] = set()
        for at in range(len(plain) - LONG_QUOTE + 1):
            holders = self._starts.get(plain[at : at + LONG_QUOTE])
            if holders is not None:
                verbatim.update(holders)
        inner = sorted(
            stems(" ".join(fold(plain).split()[1:-1]), self._stop),
            key=lambda word: (self._frequency(word), word),
        )
        if not inner:  # no whole word to look a holding quote up by: every item
            verbatim = set(range(len(self._sources)))
        else:
            holding = self._postings.get(inner[0], [])
            for word in inner[1:]:
                if not holding:
                    break
                others = self._postings[word]
                holding = [item for item in holding if _holds(others, item)]
            verbatim.update(holding)
        wording: set[int] = set()
        rarest_first = sorted(words, key=lambda word: (self._frequency(word), word))
        rare = [word for word in rarest_first if 0 < self._frequency(word) <= self._rare]
        held: Counter[int] = Counter()
        for word in rare:
            held.update(self._postings.get(word, ()))
        if len(words) >= 5:
            missing = len(words) - _shared_needed(len(words))
            absent = sum(1 for word in words if word not in self._postings)
            chosen = absent + len(rare)
            counts = held.copy()
            read = sum(self._frequency(word) for word in rare)
            for word in rarest_first[chosen:]:
                if chosen > missing and read + self._frequency(word) > PROBE_POSTINGS:
                    break
                counts.update(self._postings[word])
                read += self._frequency(word)
                chosen += 1
            wording.update(item for item, times in counts.items() if times >= chosen - missing)
        sharing: dict[int, list[str]] = {}
        if mine:
            for item, times in held.items():
                if times >= MIN_DISTINCTIVE:
                    sharing[item] = [w for w in rare if _holds(self._postings[w], item)]
        return verbatim, wording, sharing

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
        kinds_here = {KIND_SYNONYMS.get(w, w) for w in _kind_words(text)}
        partners = mine - {self._hub}
        verbatim, wording, sharing = self._narrow(plain, words, mine)
        scored: list[tuple[float, Link]] = []
        for position in sorted(verbatim | wording | sharing.keys()):
            item = self._sources[position]
            repeated = None
            if position in wording:
                repeated = _same_quote(plain, words, self._quotes_of(position))
            elif position in verbatim and any(
                len(quote) >= LONG_QUOTE and (quote in plain or plain in quote)
                for quote in self._plain_quotes_of(position)
            ):
                repeated = SAME_SENTENCE
            theirs = item.actors - {self._hub}
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
                genre = self._genre(text, item.kinds)
                scored.append((1000.0, Link(item.id, "même fait", f"{repeated}{extra}{genre}")))
                continue
            distinctive = sharing.get(position)
            if distinctive is None:
                continue  # fewer than two distinctive words in common
            shared = mine & item.actors
            if not shared or (len(shared) < 2 and len(mine) > 1):
                continue
            if other_partners:
                continue  # only the hub in common: the Kazakh plan is not the British one
            kinds_there = {KIND_SYNONYMS.get(w, w) for w in item.kinds}
            if kinds_here and kinds_there and not kinds_here & kinds_there:
                continue  # a plan is not an exercise
            single = len(shared) < 2
            distinctive = sorted(distinctive)
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
                theirs_figures = self._figures_of(position)
                for unit, value in numbers.items():
                    other = theirs_figures.get(unit)
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
                genre = self._genre(text, item.kinds)
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
                (item.id, item.actors, item.span, item.kinds, item.text)
                for item in self._sources
                if item.id not in seen
            ),
            self._actor_words,
            self._stop,
        )
        scored += named_links(text, mine, span, self._named, {link.entry_id for _, link in scored})
        scored.sort(key=lambda pair: -pair[0])
        return [link for _, link in scored[:limit]]


_PLACE_NAMED = re.compile(
    r"\b(?:à|au|aux|dans|près\s+de|près\s+d['’]|non\s+loin\s+de)\s*([A-ZÀ-Þ][\w’'-]{2,})"
)
"""« à Gabala », « près de Bakou » : where the sentence puts what it tells."""


def genre_of(text: str, kinds: Iterable[str]) -> str:
    """« ; même genre (exercice ≈ manœuvres) » when the two say one kind in two words."""
    mine = _kind_words(text)
    for name, label in KIND_NAMES.items():
        said = {word for word in mine if KIND_SYNONYMS.get(word, word) == name}
        other = {word for word in kinds if KIND_SYNONYMS.get(word, word) == name}
        if said and other and said != other:
            return f" ; même genre ({label})"
    return ""


def same_event_links(
    text: str,
    mine: frozenset[str],
    span: DateSpan | None,
    hub: str | None,
    items: Iterable[tuple[str, frozenset[str], DateSpan | None, frozenset[str], str]],
    actor_words: frozenset[str],
    stop: frozenset[str],
) -> list[tuple[float, Link]]:
    """« même fait » without rare words in common: the same partners (two actors, one of them
    not the hub), overlapping dates and one kind (exercice ≈ manœuvres) — the event the base
    holds, told again in other words; never when the sentence puts it in a place the entry
    does not name (« à Gabala »: another exercise). ``items``: (id, actors, date, kind words,
    its text) of each entry not linked yet."""
    partners = mine - {hub}
    kinds_here = {KIND_SYNONYMS.get(w, w) for w in _kind_words(text)}
    if span is None or not kinds_here or not partners or len(mine) < 2:
        return []
    places = stems(" ".join(_PLACE_NAMED.findall(text)), stop) - actor_words
    found: list[tuple[float, Link]] = []
    for item_id, actors, item_span, kinds, words in items:
        shared = mine & actors
        if item_span is None or len(shared) < 2 or not partners & actors:
            continue
        if not kinds_here & {KIND_SYNONYMS.get(w, w) for w in kinds}:
            continue
        if not item_span.overlaps(span.start, span.end):
            continue
        if places and not places <= stems(words, stop):
            continue  # another place: another event of the same kind
        genre = genre_of(text, kinds) or " ; même genre"
        reason = (
            f"acteurs communs ({', '.join(sorted(shared))}), dates compatibles "
            f"({span.label()} / {item_span.label()}){genre}"
        )
        found.append((0.5, Link(item_id, "même fait", reason)))
    return found


_CAPITALISED = re.compile(r"(?<=[\s(’'])([A-ZÀ-Þ][\w’'-]{2,})")
"""A capitalised word inside a sentence (not its first word): a place or a name."""


def name_stems(text: str, actor_words: frozenset[str], stop: frozenset[str]) -> set[str]:
    """Word starts of the places and names a text writes (« Gabala », « Trois Frères »),
    without the base's actor names: those are the shared actors, not a shared place."""
    return stems(" ".join(_CAPITALISED.findall(text)), stop) - actor_words


def actor_words(base: FactBase) -> frozenset[str]:
    """Word starts of every actor's names, aliases and demonyms."""
    names: list[str] = []
    for actor in base.actors.values():
        names += [actor.name, actor.name_en or "", actor.full_name or "", *actor.aliases]
        names += list(actor.demonyms)
    return frozenset(stems(" ".join(names), stop_words(base)))


def _holds(positions: list[int], item: int) -> bool:
    """Whether the sorted ``positions`` hold ``item``."""
    at = bisect_left(positions, item)
    return at < len(positions) and positions[at] == item


def linker_of(index: Index) -> Linker:
    """The linker of ``index``'s base, built on its first draft and kept with the index (a
    reload builds a new index, hence a new linker)."""
    return index.memo("draft-linker", lambda: Linker(index.base))


def reported_span(published: date) -> DateSpan:
    """The window an undated past act reported on ``published`` falls in."""
    first = published - REPORT_WINDOW
    return parse_date(f"{first.isoformat()}/{published.isoformat()}")
