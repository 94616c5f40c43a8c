"""Dates in French news prose, with their precision and how sure the year is.

Only what the words say: « 10 février 2026 » is explicit; « le 9 février » has no year and
gets one only when the article's own date makes the closest reading clear (then it is
*déduit*, with the anchor); « hier », « cet été », « récemment » are resolved only against a
known article date. Nothing else is ever given a year.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from bot.dates import MONTH_PARTS, MONTHS_FR

_MONTH_ALT = "|".join([*MONTHS_FR, "fevrier", "aout", "decembre"])
_MONTH_INDEX = {name: number for number, name in enumerate(MONTHS_FR, start=1)} | {
    "fevrier": 2,
    "aout": 8,
    "decembre": 12,
}
_WEEKDAY = r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)"
_DAY_MONTH_YEAR = re.compile(
    rf"\b(?:({_WEEKDAY})\s*)?(1er|[0-3]?\d)\s+({_MONTH_ALT})(?:\s+((?:19|20)\d\d))?(?![\w-])",
    re.IGNORECASE,
)
_NUMERIC = re.compile(r"(?<![\d.])([0-3]?\d)[./]([01]?\d)[./]((?:19|20)\d\d)(?![\d.])")
_PART_MONTH_YEAR = re.compile(
    rf"\b(?:(début|fin|mi|courant)(?:\s+|-)(?:de\s+|d['’])?)?({_MONTH_ALT})\s+((?:19|20)\d\d)\b",
    re.IGNORECASE,
)
_MONTH_ALONE = re.compile(
    rf"\b((?:en|d[eè]s|depuis|fin|début|mi|courant|au\s+mois|du\s+mois|le\s+mois)(?:\s+|-)"
    rf"(?:de\s+|d['’])?)({_MONTH_ALT})\b"
    r"(?!\s+(?:19|20)\d\d)",
    re.IGNORECASE,
)
_NAME_BEFORE_YEAR = re.compile(r"[«“\"]\s*[A-ZÀ-Þ][^«»“”\".!?]{0,40}?[\s–—-]*$")
_NAME_AFTER_YEAR = re.compile(r"\s*[»”\"]")
"""« Trois Frères – 2021 », « Anatolian Eagle 2023 »: a year that ends a quoted name."""
_YEAR = re.compile(
    r"(?:\b(?:en|depuis|dès|avant|après)\s+)?(?<![\d./-])((?:19|20)\d\d)(?![\d/]|-\d)",
    re.IGNORECASE,
)
"""A year, with the preposition before it kept as the article's wording (« en 2003 »)."""
_PERIOD = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*[-/–]\s*((?:19|20)?\d\d)(?!\d)")
_BETWEEN = re.compile(
    r"\b(?:entre|de)\s+((?:19|20)\d\d)\s+(?:et|à)\s+((?:19|20)\d\d)(?!\d)", re.IGNORECASE
)
"""« entre 2011 et 2012 », « de 2011 à 2013 »: a span of years, never its first year alone."""
_EVENT_NOUN_BEFORE = re.compile(
    r"\b(?:exercices?|manœuvres?|manoeuvres?|salon|forum|sommet|édition|opération)"
    r"(?:\s+[a-zà-ÿ]+){0,2}\s+$",
    re.IGNORECASE,
)
_NAME_AFTER = re.compile(r"\s*[«“\"]\s*(?P<name>[A-ZÀ-Þ][^«»“”\"]{0,40}?)\s*[»”\"]")
"""« un exercice militaire 2021 « Indestructible Brotherhood » »: the year of the exercise's
name, written before it; the exercise's own day is told elsewhere (« débutera demain »)."""
_ACRONYM_YEAR = re.compile(r"(?<![\w-])[A-Z][A-Z0-9]{2,}[-–]((?:19|20)\d\d)(?![\d/-])")
"""« ADEX-2024 », « IDEF-2023 »: a fair's name ending with its year, which dates it (deduced)."""
_EDITION = re.compile(r"\b(?:l['’]\s*|d['’]\s*)?édition\s+$", re.IGNORECASE)
"""« l'édition 2021 des jeux navals Sea Cup »: the year names an edition, not the fact's date."""
_RELATIVE = re.compile(
    r"\b(avant-hier|hier|aujourd['’]hui|demain|récemment|dernièrement|cet été|cet hiver|"
    r"ce printemps|cet automne|cette année|l['’]an dernier|l['’]année dernière|"
    r"l['’]an prochain|l['’]année prochaine|le mois dernier|le mois prochain|"
    r"la semaine dernière|la semaine prochaine|ce mois-ci|il y a un an)\b",
    re.IGNORECASE,
)
_JUST_NOW = re.compile(
    r"\b(?:vien(?:t|nent)|venai(?:t|ent))\s+(?:de\s+|d['’]\s*)(?=[a-zà-ÿ]+(?:er|ir|re)\b)",
    re.IGNORECASE,
)
"""« vient de passer une commande », « viennent d'acquérir » : just before the article, like
« récemment » (« vient de Moscou », a place, is no time). Read only for an agreement or event
that has no date of its own (:func:`just_now`), never to split a fact."""
_SIDE_AFTER = re.compile(r"\s+(dernier|prochain)\b", re.IGNORECASE)
"""« en février dernier », « en mai prochain »: which side of the article's date."""
_SEASON_SIDE = re.compile(
    r"\b(?:l['’]\s?(été|automne|hiver)|(?:le|au)\s+(printemps))\s+(dernier|prochain)\b",
    re.IGNORECASE,
)
"""« à l'automne dernier », « au printemps prochain »: the season before (after) the article's
date — the last one already over (the next one not yet begun)."""
_SEASON_BARE = re.compile(
    r"\b(?:à\s+l['’]\s?(été|automne|hiver)|au\s+(printemps)|en\s+(été|automne|hiver))\b"
    r"(?!\s+(?:dernier|prochain|de\s+|d['’]|(?:19|20)\d\d))",
    re.IGNORECASE,
)
"""« lors de sa guerre à l'automne » with neither « dernier » nor a year: the season of the
article's year when it had begun by the article's date (like « cet automne »); else unread."""
_DAY_PAIR = re.compile(
    rf"\bles\s+(1er|[0-3]?\d)\s*(?:[-–]|et)\s*([0-3]?\d)\s+({_MONTH_ALT})"
    r"(?:\s+((?:19|20)\d\d))?(?![\w-])",
    re.IGNORECASE,
)
"""« les 3-4 avril », « les 9 et 10 décembre 2020 »: two days, one span (never the last day
alone); without a year, the year the article's date gives the last day, deduced."""
_SEASON_YEAR = re.compile(
    r"(?:\b(?:depuis|dès)\s+)?(?:\b[àÀ]\s+)?\b(?:l['’]\s?(été|automne|hiver)|(?:le|au)\s+"
    r"(printemps)|en\s+(été|automne|hiver))\s+(?:de\s+)?((?:19|20)\d\d)(?![\d/-])",
    re.IGNORECASE,
)
"""« À l'automne 2020 », « depuis l'été 2023 »: the season's months of that year by the
guide's convention (autumn is September to November), deduced — the article names a season."""
_SEASON_MONTHS = {"printemps": (3, 5), "été": (6, 8), "automne": (9, 11), "hiver": (1, 2)}
"""The guide's convention for a season's months (« été 2025 » is 2025-06/2025-08)."""
_YEAR_SHIFT = {
    "cette année": 0,
    "l'an dernier": -1,
    "l'année dernière": -1,
    "il y a un an": -1,
    "l'an prochain": 1,
    "l'année prochaine": 1,
}
"""Relative words that name a year, whatever the day of the article."""


def month_part(part: str, year: int, month: int) -> tuple[str, str]:
    """« début / mi / fin <mois> <année> » as the span `check` asks for that part of the
    month (début = 1er–10, mi = 11–20, fin = 21–dernier jour), and the note that says so."""
    first, last = MONTH_PARTS[part.casefold()]
    last = min(last, calendar.monthrange(year, month)[1])
    iso = f"{year}-{month:02d}-{first:02d}/{year}-{month:02d}-{last:02d}"
    first_text = "1er" if first == 1 else str(first)
    return iso, f"{part.casefold()} du mois : du {first_text} au {last} (convention)"


def relative_year(word: str, year: int) -> str | None:
    """The year a year-level relative word (« il y a un an », « l'an dernier ») names in an
    article written in ``year``; None for a word that needs the article's day."""
    shift = _YEAR_SHIFT.get(word.casefold().replace("’", "'"))
    return None if shift is None else str(year + shift)


_DECADE = re.compile(
    r"\b(?:(?:(?:au\s+)?(?:tout\s+)?(?:début|milieu|fin)\s+)?des|"
    r"(?:(?:dans|durant|pendant|depuis)\s+)?les)\s+années\s+((?:19|20)\d0)\b",
    re.IGNORECASE,
)
"""« dans les années 1990 », « au début des années 1990 »: the decade, 1990/1999 — never the
year 1990 alone (the guide's rule: the part of the decade stays in the article's words)."""
_DAY_RANGE = re.compile(
    rf"\b(?:du|entre\s+le)\s+(1er|[0-3]?\d)(?:\s+({_MONTH_ALT}))?(?:\s+((?:19|20)\d\d))?"
    rf"\s+(?:au|et\s+le)\s+(1er|[0-3]?\d)\s+({_MONTH_ALT})\s+((?:19|20)\d\d)(?![\w-])",
    re.IGNORECASE,
)
"""« du 30 mars au 3 avril 1918 », « du 3 au 5 avril 2021 »: one span whose year is written
at its end — the first day takes that year (the year before when its month comes later),
never the article's."""
_DAY_RANGE_NO_YEAR = re.compile(
    rf"\b(?:du|entre\s+le)\s+(1er|[0-3]?\d)(?:\s+({_MONTH_ALT}))?"
    rf"\s+(?:au|et\s+le)\s+(1er|[0-3]?\d)\s+({_MONTH_ALT})(?!\s+(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
"""« Du 20 au 23 août » with no year: its year is the one a name in the same sentence gives
(« “Altyn Kyran – 2024” »), inferred and said so, or none."""
_COUNTS = ("deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze")
_FIRST_MONTHS = re.compile(
    rf"\b({'|'.join(_COUNTS)}|\d{{1,2}})\s+premiers\s+mois\s+(?:de\s+(?:l['’]année\s+)?)?"
    r"((?:19|20)\d\d)\b",
    re.IGNORECASE,
)
"""« les neuf premiers mois de 2019 »: January to September 2019, not the whole year."""
_STATE_BEFORE = re.compile(
    r"\b(?:peu[tx]|peuvent|pouvons|pourrait|pourraient|est|sont|reste\w*|demeure\w*|doit|"
    r"doivent|faut|compte\w*|n['’]est|n['’]a)\s+(?:pas\s+|plus\s+|encore\s+)?$",
    re.IGNORECASE,
)
_STATE_AFTER = re.compile(r"^\s*(?:encore|même)\b", re.IGNORECASE)


_STATE_ADJECTIVE_BEFORE = re.compile(
    r"\bn['’](?:y\s+)?(?:est|sont)\s+(?:pas|plus)\s+(?:encore\s+)?[a-zà-ÿ]+\s+$",
    re.IGNORECASE,
)
"""« un objectif qui n'est pas réalisable aujourd'hui » : a state the words deny, now (a plain
« est composée aujourd'hui de » is left to the other rules)."""
_CLAUSE_OPENER = re.compile(r"(?:^|[.!?«“\"]\s*)$")
_STATE_VERB = re.compile(r"\b(?:est|sont|n['’]est|n['’]y\s+est|reste|restent)\b", re.IGNORECASE)
_DONE_VERB = re.compile(
    r"\b(?:ai|as|a|avons|avez|ont|avait|avaient|suis|est|sommes|sont|s['’]est|se\s+sont|"
    r"sera|seront)\s+"
    r"(?:(?:[a-zà-ÿ]+ment|déjà|été|bien)\s+)?[a-zà-ÿ]{2,}(?:é|ée|és|ées|i|ie|is|it|u|ue|us)\b",
    re.IGNORECASE,
)
"""« a signé », « est arrivé », « sera reçu » : something done (or to be done) that day."""


def _nowadays(text: str, start: int, end: int) -> bool:
    """« aujourd'hui » meaning « nowadays » in a general statement (« ne peut aujourd'hui
    adhérer », « est aujourd'hui un partenaire », « aujourd'hui encore », « n'est pas réalisable
    aujourd'hui », « Aujourd'hui, il est évident que notre pays n'y est pas prêt ») : no day of
    its own. A sentence opened by « Aujourd'hui, » is general when what follows, up to its end,
    only states (est, sont, reste) and tells nothing done."""
    if text[start:end].casefold().replace("’", "'") != "aujourd'hui":
        return False
    if _STATE_BEFORE.search(text[:start]) or _STATE_AFTER.match(text[end:]):
        return True
    if _STATE_ADJECTIVE_BEFORE.search(text[:start]):
        return True
    if _CLAUSE_OPENER.search(text[:start]) and text[end:].lstrip().startswith(","):
        # up to the sentence's end or the closing quotation mark (« a relevé M. X » after it
        # tells who spoke, not what was done)
        rest = re.split(r"[.!?](?:\s|$)|[\"”»]", text[end:], maxsplit=1)[0]
        return bool(_STATE_VERB.search(rest)) and not _DONE_VERB.search(rest)
    return False


_WEEKDAY_ALONE = re.compile(
    rf"\b(?:(ce|le)\s+)?({_WEEKDAY})(?:\s+(dernier|passé|prochain))?\b(?!\s+(?:1er|\d))",
    re.IGNORECASE,
)
"""« samedi », « lundi dernier », « ce mardi », « vendredi prochain » without a day number."""
_FUTURE_HINT = re.compile(
    r"\b(?:\w+(?:era|eront|ira|iront)|sera|seront|aura|auront|tiendra|tiendront|"
    r"doit|doivent|devrait|devraient|prévue?s?|va|vont)\b",
    re.IGNORECASE,
)
"""Verb forms that turn a bare weekday towards the days after the article."""
_PAST_VERB_BEFORE = re.compile(
    r"\b(?:a|ont|avait|avaient|est|sont)\s+(?:(?:été|déjà|également|aussi)\s+)?"
    r"[a-zà-ÿ]{2,}(?:é|ée|és|ées|i|ie|is|it|u|ue|us|ert|eint)\s+(?:(?:ce|le)\s+)?$",
    re.IGNORECASE,
)
"""« … a déclaré dimanche », « se sont réunis mardi »: the weekday dates a past verb, so it
is the day before the article even when the sentence reports a future event."""

DEDUCTION_WINDOW = timedelta(days=92)
"""A day or month without a year takes the article's year (or the one before or after)
only when that reading lies within this distance of the article's date: the other readings
are then at least nine months away."""


@dataclass(frozen=True, slots=True)
class FoundDate:
    """A date expression of the article, and what can honestly be said of it."""

    text: str
    """The article's words, verbatim."""
    start: int
    end: int
    iso: str | None
    """Reduced-precision ISO date or interval, or None when the year is unknown."""
    precision: str
    """jour, mois, année, intervalle, relatif."""
    basis: str
    """texte (explicit), déduit (year or day from the article's date), inconnu (no year)."""
    note: str | None = None
    event: str | None = None
    """For a date taken from the meeting or visit the sentence names (« à l'issue de la
    rencontre »): that meeting's own date words (« ce mardi »)."""
    reason: str | None = None
    """For a date inferred from something else than the article's date (the year of a name):
    where it comes from, in a few words (the entry's ``date_reason``; no ``date_anchor``)."""
    dateline: str | None = None
    """For the date of a dispatch's lead taken from its dateline: the dateline as written, a
    key quote of the entry (its words are the date's)."""


WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
CALENDAR_YEARS = range(2015, 2031)
"""Years the calendar hint looks at when an undated « mercredi 25 septembre » is read."""


def _weekday_years(weekday: str | None, month: int, day: int) -> str:
    """« ; un mercredi en 2019, 2024, 2030 » — a calendar fact for the curator, not a date."""
    if not weekday:
        return ""
    years = []
    for year in CALENDAR_YEARS:
        try:
            if WEEKDAYS[date(year, month, day).weekday()] == weekday.casefold():
                years.append(str(year))
        except ValueError:
            continue
    if not years:
        return f" ; ce jour n'est jamais un {weekday.casefold()} entre 2015 et 2030"
    return f" ; le calendrier seul (pas l'article) : un {weekday.casefold()} en {', '.join(years)}"


def _month(name: str) -> int:
    return _MONTH_INDEX[name.casefold()]


def _closest(month: int, day: int | None, anchor: date) -> date | None:
    """The reading of day/month nearest the anchor, if within the deduction window."""
    best: date | None = None
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            candidate = date(year, month, day or 15)
        except ValueError:
            continue
        if best is None or abs(candidate - anchor) < abs(best - anchor):
            best = candidate
    if best is None:
        return None
    window = DEDUCTION_WINDOW if day is not None else DEDUCTION_WINDOW + timedelta(days=15)
    return best if abs(best - anchor) <= window else None


_PAST_VERB = re.compile(
    r"\b(?:a|ont|est|sont)\s+(?:(?:été|déjà|également|aussi|\w+-ci)\s+)?"
    r"[a-zà-ÿ]{2,}(?:é|ée|és|ées|i|ie|is|it|u|ue|us|ert|eint)\b",
    re.IGNORECASE,
)
"""A compound past (« a rencontré », « s'est rendu ») : what the sentence tells is done."""


_FUTURE_DRA = re.compile(r"\b\w{2,}(?:dra|dront)\b", re.IGNORECASE)
"""« se rendra », « viendront » : futures the forms of ``_FUTURE_HINT`` miss."""


def _by_tense(text: str, month: int, day: int, anchor: date) -> tuple[date, str] | None:
    """A day without a year too far from the article's date for the nearest reading: a
    sentence told in the past only (« a rencontré le 12 novembre », in an article of June)
    means the last such day before the article, one told in the future only (« se rendra
    le 12 novembre ») the first after it; a sentence that mixes both, none."""
    past = _PAST_VERB.search(text) is not None
    future = _FUTURE_HINT.search(text) is not None or _FUTURE_DRA.search(text) is not None
    if past == future:
        return None
    for year in (anchor.year, anchor.year - 1) if past else (anchor.year, anchor.year + 1):
        try:
            when = date(year, month, day)
        except ValueError:
            return None
        if (when <= anchor) if past else (when > anchor):
            return when, (
                "au passé : le dernier qui précède" if past else "au futur : le premier qui suit"
            )
    return None


def _label(day: date) -> str:
    first = "1er" if day.day == 1 else str(day.day)
    return f"{first} {MONTHS_FR[day.month - 1]} {day.year}"


def _season(word: str, year: int) -> str:
    return {
        "cet été": f"{year}-06/{year}-08",
        "ce printemps": f"{year}-03/{year}-05",
        "cet automne": f"{year}-09/{year}-11",
        "cet hiver": f"{year}-01/{year}-02",
    }[word]


def _relative(word: str, anchor: date | None, month: str | None = None) -> FoundDate:
    key = word.casefold().replace("’", "'")
    recent = key in ("récemment", "dernièrement") or key.startswith(("vien", "venai"))
    if anchor is None and month is not None and recent:
        # the address files the page under a month (« /2025/06/ »), no day: the fact is
        # that month at the latest — the month inferred from the address, never the text
        filed_year, filed_month = month.split("-")
        label = f"{MONTHS_FR[int(filed_month) - 1]} {filed_year}"
        days = calendar.monthrange(int(filed_year), int(filed_month))[1]
        last = date(int(filed_year), int(filed_month), days)
        filed = f"{filed_year}/{filed_month}"
        note = (
            f"au plus tard le {_label(last)} (l'article dit « {word} » ; son adresse le range "
            f"en {label}, {filed} — pas l'article, qui ne dit pas le jour)"
        )
        reason = f"mois de l'article lu dans son adresse ({filed}), pas dans l'article"
        return FoundDate(word, 0, 0, last.isoformat(), "relatif", "rapporté", note, reason=reason)
    if anchor is None:
        return FoundDate(
            word, 0, 0, None, "relatif", "inconnu", "article non daté : date relative non résolue"
        )
    shift = {"avant-hier": -2, "hier": -1, "aujourd'hui": 0, "demain": 1}
    label = _label(anchor)
    if key in shift:
        day = anchor + timedelta(days=shift[key])
        iso = day.isoformat()
        note = f"jour déduit : « {word} » dans l'article du {label}"
        return FoundDate(word, 0, 0, iso, "jour", "déduit", note)
    if recent:
        return FoundDate(
            word,
            0,
            0,
            anchor.isoformat(),
            "relatif",
            "rapporté",
            f"avant le {label} (l'article du {label} dit « {word} »)",
        )
    year = anchor.year
    if key in ("cet été", "ce printemps", "cet automne", "cet hiver"):
        return FoundDate(
            word, 0, 0, _season(key, year), "intervalle", "déduit", f"l'article du {label}"
        )
    if key in ("cette année",):
        return FoundDate(word, 0, 0, str(year), "année", "déduit", f"l'article du {label}")
    if key in ("l'an dernier", "l'année dernière"):
        return FoundDate(word, 0, 0, str(year - 1), "année", "déduit", f"l'article du {label}")
    if key == "il y a un an":
        note = f"« {word} » : environ un an avant l'article du {label}"
        return FoundDate(word, 0, 0, str(year - 1), "année", "déduit", note)
    if key in ("l'an prochain", "l'année prochaine"):
        return FoundDate(word, 0, 0, str(year + 1), "année", "déduit", f"l'article du {label}")
    if key in ("le mois dernier", "le mois prochain", "ce mois-ci"):
        step = {"le mois dernier": -1, "le mois prochain": 1, "ce mois-ci": 0}[key]
        month_index = anchor.year * 12 + anchor.month - 1 + step
        iso = f"{month_index // 12}-{month_index % 12 + 1:02d}"
        return FoundDate(word, 0, 0, iso, "mois", "déduit", f"l'article du {label}")
    # la semaine dernière / prochaine: the calendar week (Monday to Sunday) before or after
    # the article's, never a day (« la semaine dernière » on Monday 20 is the 13th to the 19th)
    sign = -1 if "dernière" in key else 1
    first = anchor - timedelta(days=anchor.weekday()) + timedelta(days=7 * sign)
    last = first + timedelta(days=6)
    iso = f"{first.isoformat()}/{last.isoformat()}"
    note = f"l'article du {label} : semaine du lundi {first.day} au dimanche {last.day}"
    return FoundDate(word, 0, 0, iso, "intervalle", "déduit", note)


def _weekday(words: str, name: str, when: str | None, future: bool, anchor: date) -> FoundDate:
    """A weekday without a day number, resolved as the closest such day before the article
    (or after it, for « prochain » or a sentence in the future)."""
    target = WEEKDAYS.index(name.casefold())
    label = _label(anchor)
    direction = (when or "").casefold()
    if direction == "prochain" or (not direction and future):
        shift = (target - anchor.weekday()) % 7 or 7
        day = anchor + timedelta(days=shift)
        side = "le premier qui suit"
    else:
        shift = (anchor.weekday() - target) % 7
        if direction in ("dernier", "passé") and shift == 0:
            shift = 7
        day = anchor - timedelta(days=shift)
        side = "le jour même" if shift == 0 else "le dernier qui précède"
    note = (  # the day itself is inferred, not only its year (« ce mercredi »)
        f"jour déduit : « {words} » dans l'article du {label} : {side} ({_label(day)}) ; à vérifier"
    )
    return FoundDate(words, 0, 0, day.isoformat(), "jour", "déduit", note)


def _year_beside(text: str, weekday: str | None, month: int, day: int) -> tuple[date, str] | None:
    """« a ratifié vendredi 10 janvier la loi …, signé le 30 octobre 2024 » in an undated
    article: the one year within a year of a full date of the same sentence in which that
    day falls on that weekday (10 January is a Friday in 2025, not in 2023 or 2024)."""
    if weekday is None:
        return None
    for other in _DAY_MONTH_YEAR.finditer(text):
        if other.group(4) is None:
            continue
        year = int(other.group(4))
        fits = []
        for candidate in (year - 1, year, year + 1):
            try:
                reading = date(candidate, month, day)
            except ValueError:
                continue
            if WEEKDAYS[reading.weekday()] == weekday.casefold():
                fits.append(reading)
        if len(fits) == 1:
            return fits[0], other.group(0)
    return None


def _day(text: str) -> int:
    return 1 if text.casefold() == "1er" else int(text)


def _day_range(match: re.Match[str]) -> str | None:
    """The ISO span of a « du … au … AAAA » match, or None when it is no calendar span."""
    first_day, first_month, first_year, last_day, last_month, last_year = match.groups()
    end_month = _month(last_month)
    month = _month(first_month) if first_month else end_month
    year = int(first_year) if first_year else int(last_year) - (month > end_month)
    try:
        first = date(year, month, _day(first_day))
        last = date(int(last_year), end_month, _day(last_day))
    except ValueError:
        return None
    return f"{first.isoformat()}/{last.isoformat()}" if first < last else None


def _day_pair(match: re.Match[str], anchor: date | None, text: str) -> FoundDate | None:
    """The span of « les 3-4 avril (2019) »: the year written, else the one the article's date
    gives the last day, as for « le 4 avril » (deduced); None when neither is known or the
    days are no span."""
    first_text, last_text, month_text, year_text = match.groups()
    month, words = _month(month_text), match.group(0)
    last_read: date | None = None
    if year_text:
        last_read = date(int(year_text), month, 1)
    elif anchor is not None and 1 <= int(last_text) <= 31:
        last_read = _closest(month, int(last_text), anchor)
        if last_read is None and (told := _by_tense(text, month, int(last_text), anchor)):
            last_read = told[0]
    if last_read is None:
        return None
    try:
        first = date(last_read.year, month, _day(first_text))
        last = date(last_read.year, month, int(last_text))
    except ValueError:
        return None
    if first >= last:
        return None
    iso = f"{first.isoformat()}/{last.isoformat()}"
    if year_text:
        return FoundDate(words, match.start(), match.end(), iso, "intervalle", "texte")
    assert anchor is not None
    note = f"année déduite : « {words} » dans l'article du {_label(anchor)}"
    return FoundDate(words, match.start(), match.end(), iso, "intervalle", "déduit", note)


def _days_in_named_year(text: str, found: list[FoundDate]) -> list[FoundDate]:
    """« Du 20 au 23 août aura lieu l'exercice “Altyn Kyran – 2024” » : the days take the year
    of the name the sentence gives — an inferred span whose reason names both."""
    named = next(
        (
            item
            for item in found
            if item.iso and item.reason and item.reason.startswith("année lue dans le nom")
        ),
        None,
    )
    if named is None or named.iso is None or named.reason is None:
        return found
    year = int(named.iso[:4])
    for match in _DAY_RANGE_NO_YEAR.finditer(text):
        first_day, first_month, last_day, last_month = match.groups()
        end_month = _month(last_month)
        month = _month(first_month) if first_month else end_month
        try:
            first = date(year, month, _day(first_day))
            last = date(year, end_month, _day(last_day))
        except ValueError:
            continue
        if first >= last:
            continue
        words = match.group(0)
        span = FoundDate(
            words,
            match.start(),
            match.end(),
            f"{first.isoformat()}/{last.isoformat()}",
            "intervalle",
            "déduit",
            f"« {words} » sans année ; {year} lu dans le nom : déduit, pas une date du texte",
            reason=f"{named.reason}, jours « {words} »",
        )
        found = [item for item in found if item.end <= match.start() or item.start >= match.end()]
        found.append(span)
    return sorted(found, key=lambda item: item.start)


def _deduced_year(match: re.Match[str], note: str, reason: str) -> FoundDate:
    """The year of ``match`` (group 1) as a date the draft deduced, with its note and reason:
    a year read in a name (« Forum 2025 »), an edition's year… never the article's words."""
    return FoundDate(
        match.group(0),
        match.start(),
        match.end(),
        match.group(1),
        "année",
        "déduit",
        note,
        reason=reason,
    )


def find_dates(text: str, anchor: date | None, anchor_basis: str | None = None) -> list[FoundDate]:
    """Every date expression of ``text``, left to right; ``anchor`` is the article's date.

    ``anchor_basis`` says where the anchor comes from when the article does not say it
    (« date donnée par le curateur ») : every date built on it says so in its note."""
    found: list[FoundDate] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= a or start >= b for a, b in taken)

    def add(item: FoundDate) -> None:
        found.append(item)
        taken.append((item.start, item.end))

    for match in _DECADE.finditer(text):  # « dans les années 1990 »: 1990 to 1999
        decade = int(match.group(1))
        iso = f"{decade}/{decade + 9}"
        add(FoundDate(match.group(0), match.start(), match.end(), iso, "intervalle", "texte"))
    for match in _DAY_RANGE.finditer(text):  # « du 30 mars au 3 avril 1918 »
        span = _day_range(match)
        if span is not None:
            add(FoundDate(match.group(0), match.start(), match.end(), span, "intervalle", "texte"))
    for match in _FIRST_MONTHS.finditer(text):  # « neuf premiers mois de 2019 »
        count, year_text = match.group(1).casefold(), match.group(2)
        months = int(count) if count.isdigit() else _COUNTS.index(count) + 2
        if not 2 <= months <= 12:
            continue
        iso = f"{year_text}-01/{year_text}-{months:02d}"
        add(FoundDate(match.group(0), match.start(), match.end(), iso, "intervalle", "texte"))
    for match in _DAY_PAIR.finditer(text):
        pair = _day_pair(match, anchor, text)
        if pair is not None:
            add(pair)
    for match in _NUMERIC.finditer(text):
        day, month, year = int(match.group(1)), int(match.group(2)), int(match.group(3))
        try:
            iso = date(year, month, day).isoformat()
        except ValueError:
            continue
        add(FoundDate(match.group(0), match.start(), match.end(), iso, "jour", "texte"))
    for match in _DAY_MONTH_YEAR.finditer(text):
        if not free(match.start(), match.end()):
            continue
        weekday, day_text, month_text, year_text = match.groups()
        day = 1 if day_text.casefold() == "1er" else int(day_text)
        month = _month(month_text)
        if year_text:
            try:
                iso = date(int(year_text), month, day).isoformat()
            except ValueError:
                continue
            add(FoundDate(match.group(0), match.start(), match.end(), iso, "jour", "texte"))
            continue
        words = match.group(0)
        calendar_hint = _weekday_years(weekday, month, day)
        beside = _year_beside(text, weekday, month, day) if anchor is None else None
        if beside is not None:
            fit, known = beside
            note = (
                f"année déduite : « {words} » tombe un {weekday.casefold()} en {fit.year} "
                f"seulement, à un an près de la date « {known} » que donne la même phrase"
            )
            add(
                FoundDate(
                    words,
                    match.start(),
                    match.end(),
                    fit.isoformat(),
                    "jour",
                    "déduit",
                    note,
                    reason=f"{weekday.casefold()} en {fit.year}, près du « {known} »",
                )
            )
            continue
        if anchor is None:
            note = "année inconnue : l'article ne la donne pas et n'est pas daté" + calendar_hint
            add(FoundDate(words, match.start(), match.end(), None, "jour", "inconnu", note))
            continue
        reading = _closest(month, day, anchor)
        if reading is not None and weekday and WEEKDAYS[reading.weekday()] != weekday.casefold():
            note = (
                f"année inconnue : en {reading.year}, le {_label(reading)} n'est pas un "
                f"{weekday.casefold()}{calendar_hint}"
            )
            add(FoundDate(words, match.start(), match.end(), None, "jour", "inconnu", note))
        elif reading is None and (told := _by_tense(text, month, day, anchor)) is not None:
            when, how = told
            note = (
                f"année déduite : « {words} » dans l'article du {_label(anchor)}, phrase "
                f"{how} ({_label(when)}) ; à vérifier"
            )
            add(
                FoundDate(
                    words, match.start(), match.end(), when.isoformat(), "jour", "déduit", note
                )
            )
        elif reading is None:
            note = f"année inconnue : trop loin de la date de l'article ({_label(anchor)})"
            add(FoundDate(words, match.start(), match.end(), None, "jour", "inconnu", note))
        else:
            note = f"année déduite : « {words} » dans l'article du {_label(anchor)}"
            add(
                FoundDate(
                    words, match.start(), match.end(), reading.isoformat(), "jour", "déduit", note
                )
            )
    for match in _PART_MONTH_YEAR.finditer(text):
        if not free(match.start(), match.end()):
            continue
        part, month_text, year_text = match.groups()
        iso = f"{year_text}-{_month(month_text):02d}"
        part_note = f"{part.casefold()} du mois" if part else None
        if part and part.casefold() in MONTH_PARTS:
            iso, part_note = month_part(part, int(year_text), _month(month_text))
            add(
                FoundDate(
                    match.group(0),
                    match.start(),
                    match.end(),
                    iso,
                    "intervalle",
                    "texte",
                    part_note,
                )
            )
            continue
        add(FoundDate(match.group(0), match.start(), match.end(), iso, "mois", "texte", part_note))
    for match in _MONTH_ALONE.finditer(text):
        if not free(match.start(), match.end()):
            continue
        words = text[match.start() : match.end()]
        month = _month(match.group(2))
        reading = _closest(month, None, anchor) if anchor is not None else None
        side = _SIDE_AFTER.match(text, match.end())
        if side is not None and anchor is not None:
            # « en février dernier »: the last February before the article, however far;
            # « en mai prochain »: the next May after it — never the closest of the two
            words, end = text[match.start() : side.end()], side.end()
            if side.group(1).casefold() == "dernier":
                year = anchor.year if month < anchor.month else anchor.year - 1
            else:
                year = anchor.year if month > anchor.month else anchor.year + 1
            note = f"année déduite : « {words} » dans l'article du {_label(anchor)}"
            add(FoundDate(words, match.start(), end, f"{year}-{month:02d}", "mois", "déduit", note))
            continue
        if reading is None:
            why = "l'article n'est pas daté" if anchor is None else "trop loin de la date"
            end = side.end() if side is not None else match.end()
            words = text[match.start() : end]  # « en octobre dernier », never cut
            add(
                FoundDate(
                    words,
                    match.start(),
                    end,
                    None,
                    "mois",
                    "inconnu",
                    f"année inconnue ({why})",
                )
            )
        else:
            assert anchor is not None
            iso, precision = f"{reading.year}-{month:02d}", "mois"
            note = f"année déduite : « {words} » dans l'article du {_label(anchor)}"
            part = re.match(r"(début|mi|fin)\b", match.group(1), re.IGNORECASE)
            if part is not None:  # « début octobre »: the part of the month check asks for
                iso, part_note = month_part(part.group(1), reading.year, month)
                precision, note = "intervalle", f"{note} ; {part_note}"
            add(FoundDate(words, match.start(), match.end(), iso, precision, "déduit", note))
    for match in _BETWEEN.finditer(text):
        if not free(match.start(), match.end()) or int(match.group(2)) <= int(match.group(1)):
            continue
        iso = f"{match.group(1)}/{match.group(2)}"
        add(FoundDate(match.group(0), match.start(), match.end(), iso, "intervalle", "texte"))
    for match in _PERIOD.finditer(text):
        if not free(match.start(), match.end()):
            continue
        first, last = match.group(1), match.group(2)
        if len(last) == 2:
            last = first[:2] + last
        if int(last) <= int(first):
            continue
        add(
            FoundDate(
                match.group(0), match.start(), match.end(), f"{first}/{last}", "intervalle", "texte"
            )
        )
    for match in _ACRONYM_YEAR.finditer(text):  # « ADEX-2024 » : the fair's year, deduced
        if free(match.start(), match.end()):
            words = match.group(0)
            add(
                _deduced_year(
                    match,
                    f"année lue dans le nom « {words} » : déduite, pas une date du texte",
                    f"année lue dans le nom « {words} »",
                )
            )
    for match in _SEASON_YEAR.finditer(text):
        if not free(match.start(), match.end()):
            continue
        season = (match.group(1) or match.group(2) or match.group(3)).casefold()
        first, last = _SEASON_MONTHS[season]
        season_year = match.group(4)
        note = (
            f"« {match.group(0)} » : {season} {season_year}, mois {first} à {last} par convention "
            "(l'article nomme une saison, pas des mois)"
        )
        iso = f"{season_year}-{first:02d}/{season_year}-{last:02d}"
        add(
            FoundDate(
                match.group(0),
                match.start(),
                match.end(),
                iso,
                "intervalle",
                "déduit",
                note,
                reason=f"mois de « {season} » par convention ({first} à {last})",
            )
        )
    for match in _YEAR.finditer(text):
        if not free(match.start(), match.end()):
            continue
        name = _NAME_BEFORE_YEAR.search(text[: match.start()])
        bare = match.group(0) == match.group(1)  # « en 2024 » is a date, never a name's year
        after = _NAME_AFTER.match(text[match.end() :])
        if bare and after is not None and _EVENT_NOUN_BEFORE.search(text[: match.start()]):
            words = f"{match.group(1)} « {after.group('name')} »"
            add(
                _deduced_year(
                    match,
                    f"année lue dans le nom « {words} » : déduite, pas une date du texte",
                    f"année lue dans le nom « {words[:50]} »",
                )
            )
            continue
        if bare and name is not None and _NAME_AFTER_YEAR.match(text[match.end() :]):
            words = name.group(0).lstrip('«“" ').strip()
            note = (
                f"année lue dans le nom « {words} {match.group(1)} » : "
                "déduite, pas une date du texte"
            )
            add(
                _deduced_year(
                    match, note, f"année lue dans le nom « {words[:50]} {match.group(1)} »"
                )
            )
            continue
        edition = _EDITION.search(text[: match.start()]) if bare else None
        if edition is not None:
            tail = re.match(r"[^,;.()«»]{0,40}", text[match.end() :])
            words = (text[edition.start() : match.end()] + (tail.group(0) if tail else "")).strip()
            add(
                _deduced_year(
                    match,
                    f"année de « {words} » : l'édition d'un événement, pas la date du fait "
                    "que la phrase raconte ; déduite",
                    f"année de « {words[:60]} »",
                )
            )
            continue
        add(FoundDate(match.group(0), match.start(), match.end(), match.group(1), "année", "texte"))
    for match in _SEASON_BARE.finditer(text):
        season = (match.group(1) or match.group(2) or match.group(3)).casefold()
        first, last = _SEASON_MONTHS[season]
        if anchor is None or first > anchor.month or not free(match.start(), match.end()):
            continue
        words = match.group(0)
        note = (
            f"« {words} » dans l'article du {_label(anchor)} : {season} {anchor.year}, la "
            f"saison de l'année de l'article (mois {first} à {last} par convention)"
        )
        iso = f"{anchor.year}-{first:02d}/{anchor.year}-{last:02d}"
        add(FoundDate(words, match.start(), match.end(), iso, "intervalle", "déduit", note))
    for match in _SEASON_SIDE.finditer(text):
        if not free(match.start(), match.end()):
            continue
        season = (match.group(1) or match.group(2)).casefold()
        first, last = _SEASON_MONTHS[season]
        words = match.group(0)
        if anchor is None:
            note = "article non daté : date relative non résolue"
            add(FoundDate(words, match.start(), match.end(), None, "relatif", "inconnu", note))
            continue
        if match.group(3).casefold() == "dernier":
            year = anchor.year if last < anchor.month else anchor.year - 1
        else:
            year = anchor.year if first > anchor.month else anchor.year + 1
        iso = f"{year}-{first:02d}/{year}-{last:02d}"
        note = (
            f"« {words} » dans l'article du {_label(anchor)} : {season} {year} "
            f"(mois {first} à {last} par convention)"
        )
        add(FoundDate(words, match.start(), match.end(), iso, "intervalle", "déduit", note))
    for match in _RELATIVE.finditer(text):
        if not free(match.start(), match.end()):
            continue
        if _nowadays(text, match.start(), match.end()):
            continue
        resolved = _relative(match.group(0), anchor)
        add(
            FoundDate(
                match.group(0),
                match.start(),
                match.end(),
                resolved.iso,
                resolved.precision,
                resolved.basis,
                resolved.note,
            )
        )
    for match in _WEEKDAY_ALONE.finditer(text):
        if not free(match.start(), match.end()):
            continue
        words = match.group(0)
        if anchor is None:
            note = "jour de la semaine sans date : article non daté, jour non résolu"
            add(FoundDate(words, match.start(), match.end(), None, "jour", "inconnu", note))
            continue
        future = bool(_FUTURE_HINT.search(text)) and not _PAST_VERB_BEFORE.search(
            text[max(0, match.start() - 60) : match.start()]
        )
        resolved = _weekday(words, match.group(2), match.group(3), future, anchor)
        add(
            FoundDate(
                words,
                match.start(),
                match.end(),
                resolved.iso,
                resolved.precision,
                resolved.basis,
                resolved.note,
            )
        )
    found = _days_in_named_year(text, found)
    if anchor_basis:
        found = [
            replace(
                item,
                note=f"{item.note} ({anchor_basis})" if item.note else f"({anchor_basis})",
            )
            if item.basis in ("déduit", "rapporté") and item.iso is not None
            else item
            for item in found
        ]
    return sorted(found, key=lambda item: item.start)


def just_now(
    text: str, anchor: date | None, anchor_basis: str | None = None, month: str | None = None
) -> FoundDate | None:
    """« vient de signer » in ``text``: the article's day (or the month its address gives) at
    the latest, as « récemment » is; None without either, or without the words."""
    match = _JUST_NOW.search(text)
    if match is None:
        return None
    words = match.group(0).strip()
    resolved = _relative(words, anchor, month)
    if resolved.iso is None:
        return None
    note = resolved.note
    if anchor is not None and anchor_basis:
        note = f"{note} ({anchor_basis})" if note else f"({anchor_basis})"
    return replace(resolved, start=match.start(), end=match.start() + len(words), note=note)
