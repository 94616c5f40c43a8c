"""The detail a follow-up asks, said on top when its answer can only show again what was
shown: the value when a shown quote gives it, « pas de nombre exact » or « pas de date
exacte » with the article's own words when it gives only those, the detail said absent when
no sentence on the subject gives it (issue 22, task i22zq, phone readers of the fourteenth
blind set).

« les phrases de ce sujet n'en disent pas plus que celles déjà montrées » was read as « not
found » even when the date asked was right under it (AD02, AE02), and said nothing of what
was missing (« combien exactement, des drones ? » over « des centaines de drones », AD41). The
line now names the asked detail:

- « quand » — the date a shown quote writes nearest a word of the question (« Le 10 février
  2026 »; « en 2018 » by « La Hongrie », not the organisation's « depuis 2009 »); else a word of
  time that is no date (« récemment », « hier », « cet été », « début octobre ») as « pas de
  date exacte : l'article dit « récemment » »;
- « combien » — an order of size (« des centaines de drones ») as « pas de nombre exact »; an
  exact figure as the value;
- « qui » — a person's name the question does not give, whose title shares a word with the
  question (« vice-président américain JD Vance » for « côté américain, c'était qui ? »);
- « où » — a place after « à / au / en / dans » the question does not give.

When no shown quote gives it, the detail is said absent only by ``slot_untold`` (a full-text
search of every sentence on the subject); else the neutral line of ``said_again`` stays.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.dates import MONTHS_FR
from bot.engine.french import is_stop
from bot.engine.index import Index
from bot.engine.passage import asked_type, names_asked
from bot.engine.slot_untold import slot_untold
from bot.text import fold

_MONTHS = "|".join(MONTHS_FR)
_DATE = re.compile(
    rf"\b(?:(?:le |du )?\d{{1,2}}(?:er)? (?:{_MONTHS})(?: (?:19|20)\d\d)?"
    rf"|(?:en |début |fin |mi-)?(?:{_MONTHS}) (?:19|20)\d\d"
    r"|(?:pour |en |depuis |de )?(?:la période )?(?:19|20)\d\d(?:\s?[-/–]\s?(?:19|20)?\d\d)?)\b",
    re.IGNORECASE,
)
"""A date a quote writes: a day, a month of a year, a year or a span of years."""
_VAGUE_TIME = re.compile(
    rf"\b(?:récemment|hier|avant-hier|prochainement|bientôt|cet été|cet hiver|cet automne"
    rf"|ce printemps|l'an dernier|l'année dernière|la semaine dernière"
    rf"|(?:début|fin|mi-|courant) (?:{_MONTHS})|en (?:{_MONTHS}))\b",
    re.IGNORECASE,
)
"""A time a quote gives that is no date (« récemment », « Cet été », « début octobre »)."""
_ROUGH = re.compile(
    r"\b(?:des|plusieurs|quelques) (?:dizaines|centaines|milliers|millions) (?:de |d')[\w-]+"
    r"(?: (?:de |d')[\w-]+)?"
    r"|\b(?:plus|moins|près) de \d[\d  .]*(?: [\w-]+)?",
    re.IGNORECASE,
)
"""An order of size (« des centaines de drones de combat », « plus de 80 nations »)."""
_FIGURE = re.compile(r"(?<![\w.,])\d{1,3}(?:[  .]\d{3})*(?![\w.,]\d)(?: [\w-]+)?")
_PERSON = re.compile(
    r"(?:\b(?:[Ll]e |[Ll]a )?(?:[Pp]résidente?|[Vv]ice-président|[Mm]inistre|[Aa]mbassadeur)"
    r"(?: [a-zéèêàç-]+)? )?([A-ZÀ-Ý][\w.-]+(?: [A-ZÀ-Ý][\w.-]+)+)"
)
"""A person's name (two capitalised words or more), with the title written before it."""
_PLACE = re.compile(r"\b(?:à|au|aux|en|dans) (?:l['’]|la |le )?[A-ZÀ-Ý][\w'’-]+")


def _asked(question: str) -> str:
    return " ".join(question.split()).rstrip(" ?") + " ?"


def _kind(question: str) -> str:
    kind = asked_type(question)
    if not kind and re.search(r"\bqui\b", fold(question)):
        return "qui"  # « c'était qui en face d'Aliyev ? »
    return kind


_TITLES = frozenset(
    ("president", "presidente", "vice-president", "ministre", "ambassadeur", "premier", "le", "la")
)


def _new_to(question: str, value: str) -> bool:
    """True when every capitalised word of ``value`` (titles aside) is one the question does
    not give: « JD Vance » for « qui en face d'Aliyev ? », never « Ilham Aliyev »."""
    asked = fold(question)
    named = [fold(w) for w in re.findall(r"\b[A-ZÀ-Ý][\w-]+", value) if fold(w) not in _TITLES]
    return len(named) >= 1 and all(word not in asked for word in named)


def _on_the_side(question: str, found: re.Match[str]) -> bool:
    """True when the title written before the name shares a word with the question other
    than the title itself (« vice-président américain JD Vance » for « côté américain, c'était
    qui ? »): a person is said only as the one of the side asked, never the first named (« le
    Président Ilham Aliyev » is no answer to « quel niveau côté américain ? »)."""
    title = found.group(0)[: found.start(1) - found.start(0)]
    said = {fold(w)[:5] for w in re.findall(r"[\w-]+", title) if fold(w) not in _TITLES}
    asked = {fold(w)[:5] for w in re.findall(r"[\w-]+", question) if len(w) > 3}
    return bool(said & asked)


def _nearest(question: str, quote: str, dates: list[re.Match[str]]) -> re.Match[str]:
    """The date of ``quote`` nearest a word of the question (« La Hongrie en est devenue
    membre observateur en 2018 » for « la Hongrie, observatrice depuis quand ? », never the
    « depuis 2009 » of the organisation in the same quote)."""
    asked = {fold(w)[:5] for w in re.findall(r"\w+", question) if len(w) > 3 and not is_stop(w)} - {
        "quand",
        "depui",
        "date",
    }
    spots = [m.start() for m in re.finditer(r"\w+", quote) if fold(m.group(0))[:5] in asked]
    if not spots:
        return dates[0]
    return min(dates, key=lambda d: min(abs(d.start() - spot) for spot in spots))


def _value(kind: str, question: str, quotes: Sequence[str]) -> str:
    """What a shown quote gives of the detail asked, in its words; "" when none does."""
    for quote in quotes:
        if kind == "quand" and (dates := list(_DATE.finditer(quote))):
            return _nearest(question, quote, dates).group(0).strip()
        if kind == "combien" and not _ROUGH.search(quote):
            figure = next(
                (m.group(0) for m in _FIGURE.finditer(quote) if not _DATE.fullmatch(m.group(0))),
                "",
            )
            if figure:
                return figure.strip()
        if kind == "qui" and names_asked("personne", quote):
            person = next(
                (
                    m.group(0)
                    for m in _PERSON.finditer(quote)
                    if _new_to(question, m.group(1)) and _on_the_side(question, m)
                ),
                "",
            )
            if person:
                return person
        if kind == "ou":
            place = next(
                (m.group(0) for m in _PLACE.finditer(quote) if _new_to(question, m.group(0))),
                "",
            )
            if place:
                return place
    return ""


def _short(text: str) -> str:
    return text.strip(" ,.;:")


_ROLE_WORDS = (
    r"(ministres?|ambassadeurs?|ambassadrices?|generaux|general|representants?|negociateurs?"
    r"|signataires?|diplomates?|officiers?|commandants?|porte parole|premiers? ministres?)"
)
_ROLE = re.compile(
    rf"\b(?:noms?|identite)\s+(?:du|de la|de l|des)\s+{_ROLE_WORDS}\b"
    rf"|\bquel(?:le)?s?\s+{_ROLE_WORDS}\b"
    rf"|\bqui (?:est|etait|sont|etaient|c est|c etait) (?:le|la|les|l)\s+{_ROLE_WORDS}\b"
)
"""A follow-up asking who holds an office (folded: « et le nom du ministre ? », « quel
ambassadeur ? », « qui était le négociateur ? »)."""


def role_untold(index: Index, question: str, quotes: Sequence[str]) -> str:
    """« Sur « … » : l'article n'en nomme aucun (« ministre » n'est pas dans son texte) »
    when the office asked is no word of any article the shown quotes come from; "" else (an
    article that writes the word may name the person elsewhere: no verdict)."""
    found = _ROLE.search(fold(question))
    if found is None or not quotes:
        return ""
    role = next(group for group in found.groups() if group)
    folded_seeds = index.memo(
        "folded seeds", lambda: {s: fold(t) for s, t in index.base.seeds.items()}
    )
    sources = {
        source
        for quote in quotes
        for source, text in folded_seeds.items()
        if fold(quote)[:60] in text
    }
    if not sources:
        return ""
    root = role.split()[-1].rstrip("s")
    if any(re.search(rf"\b{root}s?\b", folded_seeds[source]) for source in sources):
        return ""
    said = " ".join(question.split()).rstrip(" ?")
    role = next((w for w in re.findall(r"[\w-]+", question) if fold(w) == role), role)
    return (
        f"Sur « {said} ? » : l'article n'en nomme aucun — le mot « {role} » n'est pas dans "
        "son texte ; ce qu'il dit :"
    )


_LISTED_AFTER = re.compile(r"\b(?:dont|notamment|comme|tels? que|parmi lesquels) ([^.;:]+)")
"""The members a quote lists (« réunit depuis 2009 des pays … dont la Turquie, le
Kazakhstan, la Kirghizie et l'Ouzbékistan »): a list after « dont » may be partial."""


def members_head(question: str, quotes: Sequence[str]) -> str:
    """For « et qui en sont les membres ? »: the members a shown quote lists, said on top
    (with « dont » kept: the article may not name them all); "" when no quote lists any."""
    folded = fold(question).split()
    if "membres" not in folded or "combien" in folded:
        return ""
    for quote in quotes:
        found = _LISTED_AFTER.search(quote)
        if found is not None and found.group(1).count(",") + found.group(1).count(" et ") >= 1:
            listed, word = _short(found.group(1)), found.group(0).split()[0]
            return (
                f"Sur « {_asked(question)} » : l'article en nomme « {listed} » (après "
                f"« {word} » : pas forcément tous), dans la citation ci-dessous :"
            )
    return ""


def detail_head(index: Index, question: str, quotes: Sequence[str]) -> str:
    """The line over a follow-up's answer that shows again the ``quotes`` already shown: the
    detail asked, given, given only roughly, or absent (module rules); "" when none applies."""
    role = role_untold(index, question, quotes) or members_head(question, quotes)
    if role:
        return role
    kind = _kind(question)
    if kind not in ("quand", "combien", "qui", "ou"):
        return ""
    asked = _asked(question)
    if kind == "combien":
        rough = next((m.group(0) for q in quotes if (m := _ROUGH.search(q))), "")
        if rough and not _value(kind, question, quotes):
            return f"Sur « {asked} » : pas de nombre exact, l'article dit « {_short(rough)} » :"
    value = _value(kind, question, quotes)
    if value:
        return f"Sur « {asked} » : « {_short(value)} », dans la citation déjà montrée :"
    if kind == "quand":
        vague = next((m.group(0) for q in quotes if (m := _VAGUE_TIME.search(q))), "")
        if vague:
            return f"Sur « {asked} » : pas de date exacte, l'article dit « {vague} » :"
    untold = slot_untold(index, question, kind, quotes, False)
    return untold.text if untold is not None else ""
