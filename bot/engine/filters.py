"""Timeline filters in French: years, ranges, months, seasons, "depuis"/"avant", actors, topics."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from bot.content.model import Actor
from bot.dates import MONTHS_FR
from bot.engine.french import folded_stem, is_stop
from bot.engine.index import Index
from bot.engine.name_words import a_word_not_a_name
from bot.engine.per_index import PerIndex
from bot.text import fold, normalise_typography, plural_phrase

MAX_PHRASE = 5
"""Longest run of words tried as one actor or topic name."""
_MONTHS = {fold(name): number for number, name in enumerate(MONTHS_FR, start=1)}
_MONTHS.update({"fevr": 2, "janv": 1, "sept": 9, "oct": 10, "nov": 11, "dec": 12, "aout": 8})
_SEASONS = {"printemps": (3, 5), "ete": (6, 8), "automne": (9, 11)}
_WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_YEAR = r"(1[89]\d\d|20\d\d|2100)"
_DAY = r"(\d{1,2})(?:er)?"
"""A day of the month, « 1er » included."""
_POINT = rf"(?:(?:le )?{_DAY} )?(?:({_MONTH}) )?{_YEAR}"
"""A day, a month or a year: « le 1er janvier 2020 », « mars 2025 », « 2026 »."""
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "between",
        re.compile(rf"\b(?:(?:du|de|entre) )?{_POINT} (?:au|a|et|jusqu au) {_POINT}\b"),
    ),
    ("range", re.compile(rf"\b(?:de |entre )?{_YEAR} (?:(?:a|et|au) )?{_YEAR}\b")),
    (
        "since",
        re.compile(rf"\b(?:depuis|apres|a partir de|des) {_POINT}\b"),
    ),
    (
        "before",
        re.compile(rf"\b(?:avant|jusqu en|jusqu a|jusque) {_POINT}\b"),
    ),
    ("day", re.compile(rf"\b{_DAY} ({_MONTH}) {_YEAR}\b")),
    ("month", re.compile(rf"\b({_MONTH}) {_YEAR}\b")),
    ("season", re.compile(rf"\b(printemps|ete|automne|hiver) {_YEAR}\b")),
    ("year", re.compile(rf"\b(?:en )?{_YEAR}\b")),
)


@dataclass(frozen=True, slots=True)
class TimelineFilter:
    """What a /timeline asks for; every part optional, all parts must hold."""

    start: date | None = None
    end: date | None = None
    actors: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    """Event types or agreement kinds (« accord » keeps every agreement); any one matches."""
    acts: tuple[str, ...] = ()
    """Acts asked (« proposé »): only the lines that are one of them (``acted.has_act``)."""

    def encode(self) -> str:
        """A compact form for callback data: "20240101-20261231/TR.otan/cyber/accord", with
        "/propose" after the kinds when an act is asked."""
        start = self.start.strftime("%Y%m%d") if self.start else ""
        end = self.end.strftime("%Y%m%d") if self.end else ""
        text = f"{start}-{end}/{'.'.join(self.actors)}/{'.'.join(self.topics)}"
        if self.acts:
            return f"{text}/{'.'.join(self.kinds)}/{'.'.join(self.acts)}"
        return f"{text}/{'.'.join(self.kinds)}" if self.kinds else text

    @classmethod
    def decode(cls, text: str) -> TimelineFilter | None:
        """The filter ``encode`` produced, or None when ``text`` is not one."""
        match = re.fullmatch(
            r"(\d{8})?-(\d{8})?/([A-Za-z0-9.-]*)/([a-z0-9.-]*)"
            r"(?:/([a-z0-9.-]*)(?:/([a-z0-9.-]*))?)?",
            text,
        )
        if match is None:
            return None
        try:
            start = _from_compact(match.group(1))
            end = _from_compact(match.group(2))
        except ValueError:
            return None
        actors = tuple(part for part in match.group(3).split(".") if part)
        topics = tuple(part for part in match.group(4).split(".") if part)
        kinds = tuple(part for part in (match.group(5) or "").split(".") if part)
        acts = tuple(part for part in (match.group(6) or "").split(".") if part)
        return cls(start, end, actors, topics, kinds, acts)

    def is_empty(self) -> bool:
        """True when the filter keeps everything."""
        return self == TimelineFilter()


def _from_compact(text: str | None) -> date | None:
    if not text:
        return None
    return date(int(text[:4]), int(text[4:6]), int(text[6:]))


@dataclass(frozen=True, slots=True)
class FilterProblem:
    """Words of a filter that named nothing, in the user's own spelling."""

    unknown: tuple[str, ...]


def _span(day: str | None, month: str | None, year: str) -> tuple[date, date]:
    y = int(year)
    if month is None:
        return date(y, 1, 1), date(y, 12, 31)
    m = _MONTHS[month]
    if day is None:
        return date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1])
    d = min(max(int(day), 1), calendar.monthrange(y, m)[1])
    return date(y, m, d), date(y, m, d)


def _dates(kind: str, groups: tuple[str | None, ...]) -> tuple[date | None, date | None]:
    if kind == "between":
        begin = _span(groups[0], groups[1], groups[2] or "")
        finish = _span(groups[3], groups[4], groups[5] or "")
        return min(begin[0], finish[0]), max(begin[1], finish[1])
    if kind == "range":
        first, last = sorted((int(groups[0] or 0), int(groups[1] or 0)))
        return date(first, 1, 1), date(last, 12, 31)
    if kind == "since":
        return _span(groups[0], groups[1], groups[2] or "")[0], None
    if kind == "before":
        start, _ = _span(groups[0], groups[1], groups[2] or "")
        return None, date.fromordinal(start.toordinal() - 1)
    if kind == "day":
        return _span(groups[0], groups[1], groups[2] or "")
    if kind == "month":
        return _span(None, groups[0], groups[1] or "")
    if kind == "season":
        year = int(groups[1] or 0)
        if groups[0] == "hiver":
            return date(year - 1, 12, 1), date(year, 2, calendar.monthrange(year, 2)[1])
        first, last = _SEASONS[groups[0] or ""]
        return date(year, first, 1), date(year, last, calendar.monthrange(year, last)[1])
    return _span(None, None, groups[0] or "")


def _intersect(
    current: tuple[date | None, date | None], new: tuple[date | None, date | None]
) -> tuple[date | None, date | None]:
    starts = [d for d in (current[0], new[0]) if d]
    ends = [d for d in (current[1], new[1]) if d]
    return (max(starts) if starts else None, min(ends) if ends else None)


@dataclass(frozen=True, slots=True)
class Reading:
    """What a French filter says: the filter, and how each part was read or left aside."""

    filter: TimelineFilter
    ignored: tuple[str, ...] = ()
    """Words that named nothing, in the user's spelling (the rest of the filter still holds)."""
    notes: tuple[str, ...] = ()
    """How an ambiguous part was read: « janvier » → « janvier 2026, le plus récent »."""
    latest: bool = False
    """« récent », « dernières »: start at the latest entries."""
    acts: tuple[str, ...] = ()
    """Agreement acts asked for (signé, proposé…), for /accord."""

    def understood(self) -> bool:
        """True when at least one word was read as something."""
        return not self.filter.is_empty() or self.latest or bool(self.acts)


_RELATIVE_WORDS = {
    "recent": "latest",
    "recents": "latest",
    "recentes": "latest",
    "recemment": "latest",
    "dernieres": "latest",
    "derniers": "latest",
    "latest": "latest",
}
_NUMERIC = (
    (re.compile(r"\b(1[89]\d\d|20\d\d)-(\d{1,2})-(\d{1,2})\b"), (3, 2, 1)),
    (re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.](1[89]\d\d|20\d\d)\b"), (1, 2, 3)),
    (re.compile(r"\b(1[89]\d\d|20\d\d)[-/](\d{1,2})\b"), (0, 2, 1)),
    (re.compile(r"\b(\d{1,2})[/.-](1[89]\d\d|20\d\d)\b"), (0, 1, 2)),
)
"""« 2025-11-03 », « 3/11/2025 », « 2025-11 », « 11/2025 »: (day, month, year) groups."""


def _numeric_dates(text: str) -> str:
    """Numeric dates spelled out in French words, so one grammar reads them all."""
    for pattern, (day, month, year) in _NUMERIC:

        def spell(
            match: re.Match[str], day: int = day, month: int = month, year: int = year
        ) -> str:
            number = int(match.group(month))
            if not 1 <= number <= 12:
                return match.group(0)
            words = f"{MONTHS_FR[number - 1]} {match.group(year)}"
            return f"{int(match.group(day))} {words}" if day else words

        text = pattern.sub(spell, text)
    return text


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


_WEEKDAY_ASKED = re.compile(r"\b(?:un|quel|quel jour|quel jour de la semaine|etait ce)\s*$")
"""What comes before a weekday that asks it rather than names a day (« c'était un lundi ? »,
« quel jour : mardi ? »)."""


def asks_weekday(text: str) -> bool:
    """True when the question asks which day of the week something fell on (« c'était un
    lundi ? », « quel jour de la semaine ? »)."""
    folded = fold(text)
    if re.search(r"\bquel jour de la semaine\b", folded):
        return True
    return any(
        _weekday_asked(folded[: found.start()])
        for found in re.finditer(rf"\b(?:{'|'.join(_WEEKDAYS)})\b", folded)
    )


def _weekday_asked(before: str) -> bool:
    """True when the words before a weekday ask which day of the week a fact fell on."""
    return bool(_WEEKDAY_ASKED.search(before.rstrip()))


_DONE_TODAY = re.compile(
    r"\b(?:neuf|nouveau|nouvelles?|actu\w*|passe|arrive)\b"
    r"|\b(?:ai|as|avons|avez|ont|est|sont|s est|se sont|a)\s+(?:\w+ment\s+|deja\s+|bien\s+)?"
    r"\w{2,}(?:e|ee|es|ees|i|ie|is|it|u|ue|us)\b"
)
"""What was done or is new on a day (folded): « signé aujourd'hui », « quoi de neuf ? »."""


def _asks_the_day(folded: str) -> bool:
    """True when « aujourd'hui » in a question names the day: something done or new then
    (« qu'est-ce qui s'est passé aujourd'hui ? », « quoi de neuf aujourd'hui ? », or the word
    alone). Otherwise it means « nowadays » (« d'où viennent les armes aujourd'hui ? »): a
    state now, which no filter on today's date answers (the base ends before today)."""
    rest = re.sub(r"\baujourd hui\b", " ", folded).split()
    return len(rest) <= 1 or bool(_DONE_TODAY.search(folded))


def _relative(folded: str, today: date) -> tuple[str, list[tuple[date, date, str]]]:
    """Relative periods (« la semaine dernière », « ce mois-ci »…) as dates, against today."""
    found: list[tuple[date, date, str]] = []
    monday = today - timedelta(days=today.weekday())
    first = today.replace(day=1)
    last_month_end = first - timedelta(days=1)
    rules: tuple[tuple[str, date, date], ...] = (
        (
            r"(?:la )?semaine (?:derniere|passee)",
            monday - timedelta(days=7),
            monday - timedelta(days=1),
        ),
        (r"cette semaine", monday, today),
        (r"(?:le )?mois (?:dernier|passe)", last_month_end.replace(day=1), last_month_end),
        (r"ce mois(?: ci)?", first, _month_end(today.year, today.month)),
        (
            r"(?:l )?(?:an|annee) (?:derniere|dernier|passee|passe)",
            date(today.year - 1, 1, 1),
            date(today.year - 1, 12, 31),
        ),
        (r"cette annee", date(today.year, 1, 1), date(today.year, 12, 31)),
        (r"aujourd hui", today, today),
        (r"hier", today - timedelta(days=1), today - timedelta(days=1)),
    )
    for words, start, end in rules:
        match = re.search(rf"\b{words}\b", folded)
        if match is not None:
            if words != r"aujourd hui" or _asks_the_day(folded):
                found.append((start, end, match.group(0)))
            folded = folded[: match.start()] + " " + folded[match.end() :]
    weekday = re.search(rf"\b(?:(?:ce|le) )?({'|'.join(_WEEKDAYS)})(?: (dernier|passe))?\b", folded)
    if weekday is not None and _weekday_asked(folded[: weekday.start()]):
        # « c'était un lundi ? » asks the day of the week of a fact: no filter, no search word
        folded = folded[: weekday.start()] + " " + folded[weekday.end() :]
        weekday = None
    if weekday is not None:  # the latest such day up to today (before today if « dernier »)
        back = (today.weekday() - _WEEKDAYS.index(weekday.group(1))) % 7
        if back == 0 and weekday.group(2):
            back = 7
        day = today - timedelta(days=back)
        found.append((day, day, weekday.group(0)))
        folded = folded[: weekday.start()] + " " + folded[weekday.end() :]
    span = re.search(
        r"\b(?:(?:les|des) )?(\d{1,2}) (derniers mois|dernieres annees|derniers jours)\b", folded
    )
    if span is not None:
        number = int(span.group(1))
        unit = span.group(2)
        if unit.endswith("jours"):
            start = today - timedelta(days=number)
        elif unit.endswith("mois"):
            months = today.year * 12 + today.month - 1 - number
            start = date(months // 12, months % 12 + 1, 1)
        else:
            start = date(today.year - number, 1, 1)
        found.append((start, today, span.group(0)))
        folded = folded[: span.start()] + " " + folded[span.end() :]
    return folded, found


def _latest_with_entries(index: Index, year: int, first: int, last: int) -> int | None:
    """The latest year, from ``year`` back, whose months ``first``–``last`` hold a dated entry
    of the base (dated to three months or better); ``year`` itself when none does."""
    earliest = index.timeline.dated[0].span.start.year if index.timeline.dated else year
    months = _months_dated(index)
    for candidate in range(year, earliest - 1, -1):
        for start, end in months.get(candidate, ()):
            if first <= start and end <= last:  # dated within those months
                return candidate
    return None


def _months_dated(index: Index) -> dict[int, frozenset[tuple[int, int]]]:
    """Year → the (first month, last month) of each dated entry lying within that year;
    built once, so a month without its year costs a few look-ups, not a walk of the base."""

    def build() -> dict[int, frozenset[tuple[int, int]]]:
        found: dict[int, set[tuple[int, int]]] = {}
        for item in index.timeline.dated:
            span = item.span
            if span.start.year == span.end.year:
                found.setdefault(span.start.year, set()).add((span.start.month, span.end.month))
        return {year: frozenset(pairs) for year, pairs in found.items()}

    return index.memo("months dated", build)


def _bare_month(
    index: Index, folded: str, today: date
) -> tuple[str, list[tuple[date, date, str, bool]]]:
    """A month or season without a year: the latest one the base has entries for, up to
    today (else the latest up to today), said in a note."""
    found: list[tuple[date, date, str, bool]] = []
    month = re.search(rf"\b(?:(?:le )?{_DAY} )?({_MONTH})\b", folded)
    if month is not None:  # one rule for a day and a month: the latest such up to today
        number = _MONTHS[month.group(2)]  # in a year the base has facts for that month
        day_text = month.group(1)
        year = today.year
        if date(year, number, min(int(day_text or 1), 28)) > today:
            year -= 1
        known = _latest_with_entries(index, year, number, number)
        year = known or year
        if day_text:
            day = min(int(day_text), calendar.monthrange(year, number)[1])
            start = end = date(year, number, day)
        else:
            start, end = date(year, number, 1), _month_end(year, number)
        found.append((start, end, month.group(0), known is not None))
        folded = folded[: month.start()] + " " + folded[month.end() :]
    season = re.search(r"\b(?:cet |ce |l )?(printemps|ete|automne)\b", folded)
    if season is not None:
        first_month, last_month = _SEASONS[season.group(1)]
        year = today.year if first_month <= today.month else today.year - 1
        known = _latest_with_entries(index, year, first_month, last_month)
        year = known or year
        start, end = date(year, first_month, 1), _month_end(year, last_month)
        found.append((start, end, season.group(0), known is not None))
        folded = folded[: season.start()] + " " + folded[season.end() :]
    return folded, found


def _kind_names(index: Index) -> dict[str, str]:
    """Folded names of event types and agreement kinds, plural forms included → kind id."""
    names: dict[str, str] = {}
    vocabulary = index.base.vocabulary
    for term in (*vocabulary.event_types, *vocabulary.agreement_kinds):
        for name in (term.id, term.label, *term.aliases):
            key = fold(name)
            names.setdefault(key, term.id)
            names.setdefault(fold(plural_phrase(name)), term.id)
    return names


def act_names(index: Index) -> dict[str, str]:
    """Folded acts and their agreed forms (« signé », « signés », « signées ») → act id."""
    names: dict[str, str] = {}
    for term in index.base.vocabulary.acts:
        key = fold(term.label)
        names.setdefault(fold(term.id), term.id)
        for form in (key, key + "e", key + "s", key + "es"):
            names.setdefault(form, term.id)
    names.setdefault("en cours", "en-finalisation")
    return names


def _a_little_word(actor: Actor, phrase: str, text: str) -> bool:
    """True when ``phrase`` is a French little word (« me », « se », « si ») that only the
    actor's code spells (ME, SE, SI): it names the actor only typed in capitals."""
    if not is_stop(phrase) or phrase != fold(actor.id):
        return False
    if any(fold(name or "") == phrase for name in (actor.name, actor.name_en, *actor.aliases)):
        return False
    return not re.search(rf"(?<!\w){re.escape(actor.id)}(?!\w)", text)


def _a_code_in_capitals(index: Index, word: str, text: str) -> bool:
    """True when the little word ``word`` (« il ») is an actor's code typed in capitals in
    ``text`` (« /timeline AZ IL »): it names the actor, it is not left out as a stop word."""
    named = index.names.find_actor(word, fuzzy=False)
    if named is None or fold(named.actor.id) != word:
        return False
    return re.search(rf"(?<!\w){re.escape(named.actor.id)}(?!\w)", text) is not None


_KEPT_READINGS: PerIndex[Reading] = PerIndex(1024)
"""Each text's reading, per served index and day: a question's reader, its search and its
absence check read the same words several times."""


def read_filter(index: Index, text: str, today: date | None = None) -> Reading:
    """Read a French filter as far as it goes; say what was left aside instead of refusing.

    ``today`` (in BOT_TIMEZONE) anchors relative periods and months given without a year;
    without it those words are left aside. Kept per text and day while ``index`` is served.
    """
    return _KEPT_READINGS.get(index, f"{today}|{text}", lambda: _read_filter(index, text, today))


def _read_filter(index: Index, text: str, today: date | None) -> Reading:
    folded = f" {fold(_numeric_dates(normalise_typography(text)))} "
    folded, named_first = _long_names_first(index, folded)
    window: tuple[date | None, date | None] = (None, None)
    notes: list[str] = []
    if today is not None:
        folded, relative = _relative(folded, today)
        for first, last, said in relative:
            window = _intersect(window, (first, last))
            notes.append(f"« {said} » : {_period_words(first, last)}")
    for kind, pattern in _PATTERNS:
        while (match := pattern.search(folded)) is not None:
            window = _intersect(window, _dates(kind, match.groups()))
            folded = folded[: match.start()] + " " + folded[match.end() :]
    if today is not None:
        folded, bare = _bare_month(index, folded, today)
        for first, last, said, known in bare:
            window = _intersect(window, (first, last))
            which = "le plus récent dont la base a des faits" if known else "le plus récent"
            notes.append(f"« {said} » sans année : {_period_words(first, last)}, {which}")
    stop = index.fulltext.stop_words
    words = [w for w in folded.split() if w not in stop or _a_code_in_capitals(index, w, text)]
    kinds_by_name = index.memo("kind names", lambda: _kind_names(index))
    acts_by_name = index.memo("act names", lambda: act_names(index))
    actors: list[str] = named_first
    topics: list[str] = []
    kinds: list[str] = []
    acts: list[str] = []
    unknown: list[str] = []
    latest = False
    position = 0
    while position < len(words):
        if _RELATIVE_WORDS.get(words[position]) == "latest":
            latest = True
            position += 1
            continue
        for end in range(min(len(words), position + MAX_PHRASE), position, -1):
            phrase = " ".join(words[position:end])
            topic = index.names.find_topic(phrase)
            sort = kinds_by_name.get(phrase) if topic is None else None
            act = acts_by_name.get(phrase) if topic is None and sort is None else None
            single = end - position == 1  # a run of words counts only when named exactly
            named = (
                index.names.find_actor(phrase, fuzzy=single)
                if topic is None and sort is None and act is None
                else None
            )
            if topic is not None:
                _add(topics, topic)
            elif sort is not None:
                _add(kinds, sort)
            elif act is not None:
                _add(acts, act)
            elif named is not None and (named.exact or single):
                if _a_little_word(named.actor, phrase, text):
                    continue  # « peux-tu me lister » names no Montenegro (ME)
                if not named.exact and a_word_not_a_name(index, named.actor, phrase, text):
                    continue  # « a succédé » names no Sweden (name_words)
                _add(actors, named.actor.id)
            else:
                continue
            position = end
            break
        else:
            word = words[position]
            slot = None if is_stop(word) else _by_stem(index).get(folded_stem(word))
            if slot is None:
                unknown.append(words[position])
            else:
                _add(
                    {"topic": topics, "kind": kinds, "act": acts, "actor": actors}[slot[0]],
                    slot[1],
                )
            position += 1
    wanted = TimelineFilter(window[0], window[1], tuple(actors), tuple(topics), tuple(kinds))
    return Reading(wanted, tuple(unknown), tuple(notes), latest, tuple(acts))


def _by_stem(index: Index) -> dict[str, tuple[str, str]]:
    """Snowball stem of each one-word name of a theme, a kind or an act, and of each actor's
    demonyms → (slot, id): so « militaires », « diplomatique », « signatures » or « iraniennes »
    reach what their stem names. Built once."""

    def build() -> dict[str, tuple[str, str]]:
        found: dict[str, tuple[str, str]] = {}
        vocabulary = index.base.vocabulary
        named: list[tuple[str, str, str]] = []
        for term in vocabulary.topics:
            named += [("topic", term.id, name) for name in (term.id, term.label, *term.aliases)]
        for term in (*vocabulary.event_types, *vocabulary.agreement_kinds):
            named += [("kind", term.id, name) for name in (term.id, term.label, *term.aliases)]
        for term in vocabulary.acts:
            named += [("act", term.id, name) for name in (term.label, getattr(term, "noun", ""))]
        for actor in index.base.actors.values():  # « iraniennes » is « iranien »
            named += [("actor", actor.id, name) for name in actor.demonyms]
        for slot, term_id, name in named:
            words = fold(name or "").split()
            if len(words) == 1 and len(words[0]) >= 4:
                found.setdefault(folded_stem(words[0]), (slot, term_id))
        return found

    return index.memo("slot stems", build)


def _long_names_first(index: Index, folded: str) -> tuple[str, list[str]]:
    """Actors named by three words or more (« partenariat pour la paix »), longest first,
    read before stopwords are dropped; each is taken out of ``folded``."""
    named: list[str] = []
    after = -1
    while (found := index.names.first_long_name(folded, after)) is not None:
        after, key, actor_id = found
        _add(named, actor_id)
        folded = folded.replace(f" {key} ", " ")
    return folded, named


def _add(found: list[str], item: str) -> None:
    if item not in found:
        found.append(item)


def _period_words(start: date, end: date) -> str:
    """A period in a few French words, for notes: « janvier 2026 », « du 3 au 9 nov. 2025 »."""
    if start == end:
        return f"{start.day} {MONTHS_FR[start.month - 1]} {start.year}"
    if start.day == 1 and end == _month_end(end.year, end.month) and start.month == end.month:
        return f"{MONTHS_FR[start.month - 1]} {start.year}"
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
        return str(start.year)
    return (
        f"du {start.day} {MONTHS_FR[start.month - 1]} {start.year} "
        f"au {end.day} {MONTHS_FR[end.month - 1]} {end.year}"
    )


def parse_filter(index: Index, text: str) -> TimelineFilter | FilterProblem:
    """Read a French filter strictly: any word that names nothing makes it a problem."""
    reading = read_filter(index, text)
    if reading.ignored:
        return FilterProblem(reading.ignored)
    return reading.filter
