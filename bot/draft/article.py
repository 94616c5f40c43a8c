"""A pasted article split into page furniture, metadata lines and sentences of prose.

Positions always point into the text as given, so every sentence is a verbatim slice of it.
Leading lines starting with ``#`` are the curator's own notes (« # URL : … », « # Média : … »,
« # Date : … »): read as metadata *given by the curator*, never as the article's words. So is
what ``draft --url/--date/--outlet`` gives, and what an address says (a date in the path):
each is recorded with its basis (``curateur``, ``adresse``), and every date built on it is
marked inferred from that basis.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime

from rapidfuzz import fuzz

from bot.dates import MONTHS_FR
from bot.draft.frdates import FoundDate, find_dates
from bot.draft.lexicon import (
    BYLINE_PREFIXES,
    NOISE_PREFIXES,
    PUBLISHED_PREFIXES,
    RUBRICS,
    SOURCE_PREFIXES,
    UPDATED_PREFIXES,
)
from bot.text import fold, normalise_typography

_SENTENCE_END = re.compile(r"(?<=[.!?…»)])\s+(?=[«\"“(A-ZÀ-ÖØ-Þ0-9])")
_ABBREVIATIONS = re.compile(
    r"(?:\b(?:M|MM|Mme|Mmes|Dr|Pr|St|Ste|av|apr|J\.-C|etc|cf|p|vol|n°|No|art|Gal|Gén|[A-Z]))\.$"
)
_OPEN_QUOTE = re.compile(r"«[^»]*$")
_CUT_PROSE = re.compile(r"^(?:\S+\s+){4,}[^,]*\S,\s+\S+(?:\s+\S+){0,2}$")
"""The copy's last line: four words or more closed by a comma, then one to three words and no
final punctuation — prose the copy cut mid-sentence (« …entretiennent des relations étroites,
notamme »), never a heading (a heading has nothing after its comma cut off)."""
_GLOSS = re.compile(r"[^.!?…\s]\s*[»”]$")
"""A name in quotation marks with no full stop before its closing mark: a parenthesis right
after it is its translation or gloss, the same sentence — never a sentence of its own."""
TITLE_MAX = 200
_MONTHS = "|".join([*MONTHS_FR, "fevrier", "aout", "decembre"])
_MONTH_ABBREVIATIONS = {
    "janv": "janvier",
    "févr": "février",
    "fév": "février",
    "fevr": "février",
    "fev": "février",
    "avr": "avril",
    "juil": "juillet",
    "sept": "septembre",
    "oct": "octobre",
    "nov": "novembre",
    "déc": "décembre",
    "dec": "décembre",
}
"""A dispatch's dateline may abbreviate its month (« Bakou, 9 déc 2020 (AFP) »)."""
_DATELINE_MONTHS = _MONTHS + "|" + "|".join(rf"{short}\.?" for short in _MONTH_ABBREVIATIONS)
_DATELINE = re.compile(
    r"^(?P<open>\(\s*)?(?:(?P<place>[A-ZÀ-Þ][\w’'.-]*(?:[ -][A-ZÀ-Þ][\w’'.-]*){0,3})\s*,\s*)?"
    rf"(?:le\s+)?(?P<day>1er|[0-3]?\d)\s+(?P<month>(?i:{_DATELINE_MONTHS}))(?:\s+(?P<year>(?:19|20)\d\d))?"
    r"\s*(?:,\s*(?P<agency>[A-Z][A-Z&.-]{1,}(?:\s[A-Z][A-Z&.-]+){0,2}|"
    r"(?:Reuters|Trend|Report|Interfax|Anadolu|Xinhua|Belga|Sputnik|Ria Novosti))|"
    r"\(\s*(?P<agency2>[A-ZÀ-Þ][^()]{1,40}?)\s*\)|"
    r"\s*[-–—]\s*(?P<agency3>[A-ZÀ-Þ][\w.-]*(?:\s[A-ZÀ-Þ][\w.-]*){0,2})\.(?=\s|$)|"
    r"\s*[,–—-]\s*(?P<agency4>[A-ZÀ-Þ][\w&-]+)\.?(?=\s*$)|"
    r"\.?\s*/\s*(?P<agency5>[A-ZÀ-Þ][\w&.-]*(?:\s[A-ZÀ-Þ][\w&.-]*){0,2}?)\s*/\.?|"
    r"(?(open)\)\.?|(?!)))"
    r"(?:\s*[-–—:]\s*|\s*$|\s+(?=[A-ZÀ-Þ«]))"
)
"""An agency dateline opening a dispatch: « Bakou, 18 octobre, AZERTAC », « 23 octobre
(Reuters) - », « (Rome, 04 octobre 2021). », « BAKOU, 9 avril - RIA Novosti. », « BAKOU, le 18
juin. / TASS/. » (TASS's own form). Place, day,
month (and year), outlet; never a sentence of the article."""
_KICKER = re.compile(r"^[A-ZÀ-Þ][\w’'-]+(?:\s[\w’'-]+)?\s:\s+\S")
"""A kicker (surtitre) opening the copy: « Realpolitik : Comment … » — a rubric word and a
colon, the page's framing of the article, never one of its facts."""
_ADDRESS = re.compile(
    r"^(?:(?:source|lien|url|adresse)\s*:\s*)?(?P<url>(?:https?://|www\.)\S+)$", re.IGNORECASE
)
_URL_DATE = re.compile(
    r"(?<!\d)(?P<year>20\d\d)(?P<sep>[/-]?)(?P<month>0[1-9]|1[0-2])(?P=sep)"
    r"(?P<day>0[1-9]|[12]\d|3[01])(?!\d)"
    r"|/(?P<y2>(?:19|20)\d\d)/(?P<m2>1[0-2]|0?[1-9])/(?P<d2>3[01]|[12]\d|0?[1-9])/"
    r"|/(?P<y3>(?:19|20)\d\d)(?P<m3>0[1-9]|1[0-2])/(?P<d3>0[1-9]|[12]\d|3[01])/"
)
"""« 2025-10-23 », « 20251023 », « /2025/10/23/ » and, as path segments only, unpadded
« /2016/10/8/ » (french.presstv.com/Detail/2016/10/8/…) and « /202104/08/ » (lapresse.ca)."""
_CREDIT = re.compile(
    r"^\([^()]*\b(?:version française|traduction|traduit|reportage|rédaction|édité par|"
    r"édition|avec la contribution)\b[^()]*\)\.?$"
    r"|^(?:version française|traduit par|traduction\s*:|édité par|édition\s*:)[^.]{0,80}$",
    re.IGNORECASE,
)
"""« (Reportage X, version française Y) »: a credit of the agency's staff, not a fact."""
_CAPTION = re.compile(
    r"\((?:[^()]{0,40}\s)?photos?(?:\s[^()]{0,60})?\)\.?\s*$"
    r"|\((?:crédits?\s+photos?|©)[^()]{0,60}\)\.?\s*$",
    re.IGNORECASE,
)
"""A picture's caption, ending on its credit (« … (AFP photo) », « … (Photo d'archives) »):
the page's picture, not the article's words — whatever it shows, it is no fact to draft."""
_WEATHER = re.compile(r"[-+−]?\d{1,2}\s?°\s?[CF]?\b|[☀☁☂☔⛅⛈❄🌤🌥🌦🌧🌨🌩]")
"""A temperature or a weather sign: a site's weather widget, never a headline or a fact."""
_PHOTO_CREDIT = re.compile(r"^(?:PHOTO|PHOTOS|CRÉDIT PHOTO|CREDIT PHOTO)\b[^a-z]{0,120}$")
"""« PHOTO ADEM ALTAN, ARCHIVES AGENCE FRANCE-PRESSE » : a picture's credit line, in capitals."""


_FINITE = re.compile(
    r"\b(?:a|ont|avait|avaient|est|sont|était|étaient|sera|seront|serait|seraient|doit|"
    r"doivent|peut|peuvent|va|vont|fait|font)\b|\b\w{3,}(?:ait|aient)\b",
    re.IGNORECASE,
)


def _caption_like(text: str) -> bool:
    """One short sentence with no finite verb, as a picture's caption is (« Le drone turc Anka,
    montré à … »); « Un exercice … avait déjà eu lieu en février » after a credit line is the
    article's prose (kept: a fact wrongly kept is seen, one wrongly dropped is not)."""
    body = text.rstrip().rstrip(".")
    return len(text) <= 200 and not re.search(r"[.!?]\s", body) and not _FINITE.search(body)


_BREADCRUMB = re.compile(
    r"^[^.!?«»>›]{1,60}(?:(?:\s[>›|/]\s|\s*(?:>>|››|»»)\s*)[^.!?«»>›]{1,60}){1,8}$"
)
_ENDS_WITH_NAME = re.compile(r"\s«\s?[^«».!?]{1,40}?\s?»\s*$")
"""A headline ending on a short quoted name (« … « Lagune 2019 » »), not a quotation."""
_AGENCY_DATE = re.compile(r"^(?P<name>[A-ZÀ-Þ][^|\d]{1,40}?)\s*\|\s*\d")
"""« Xinhua | 16.05.2016 08h26 »: the dispatch's outlet, then its date and time."""
"""« Accueil > Monde > Caucase »: navigation, not text."""


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
    basis: str = "texte"
    """texte (the article says it), curateur (given by the curator), adresse (read off the
    page's address), ligne d'agence (the dispatch's dateline)."""


@dataclass(frozen=True, slots=True)
class Given:
    """What the curator gives for what the text lacks (``draft --url --date --outlet``)."""

    url: str | None = None
    date: date | None = None
    outlet: str | None = None
    month: str | None = None
    """A month without its day (« 2023-02 », « février 2023 »): with the dateline's day and
    month it gives the publication date (deduced); alone it resolves nothing, and says so."""
    unread: str | None = None
    """A « # Date : » value that is no date: said in the draft, never silently dropped."""
    month_line: str | None = None
    """The line of the copy the month was read from (« date 2023-02 »), when not the curator's
    --date or « # Date : »."""


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
    url: Metadata = field(default_factory=lambda: Metadata(None, None))
    dateline: Metadata = field(default_factory=lambda: Metadata(None, None))
    credits: list[Sentence] = field(default_factory=list)
    """Sentences of prose that are staff credits (« (Reportage …, version française …) »)."""
    tails: list[Sentence] = field(default_factory=list)
    """An aggregator's link text glued to the end of a sentence (« publié sur site 1997: le
    roi de France (The King of France) »), cut off the sentence: no fact of the article."""
    dateline_day: FoundDate | None = None
    """The day and month of the dispatch's dateline (« Tachkent, 12 octobre, AZERTAC »), its
    year only if the dateline writes one."""
    date_clash: str | None = None
    """Said when the dateline's day (« BAKOU, 19 septembre ») is not the day the curator or the
    address gives (20070920): the draft keeps that day but never resolves the clash silently."""

    @property
    def anchor(self) -> date | None:
        """The date relative days (« en décembre dernier ») are resolved from: the publication
        date, else the page's update date (« Mise à jour : 21/01/2014 ») — the article is no
        later than it — each date built on the latter marked as such (anchor_basis)."""
        if self.published_date is not None:
            return self.published_date
        if self.updated.value:
            return date.fromisoformat(self.updated.value)
        return None

    @property
    def anchor_basis(self) -> str | None:
        """Where the date relative days are resolved from comes from, when not the text."""
        if self.published_date is None and self.updated.value:
            return (
                f"date de mise à jour de la page, « {self.updated.read_from} », pas de "
                "publication : à vérifier"
            )
        if self.published_date is None or self.published.basis == "texte":
            return None
        basis = {
            "curateur": "date donnée par le curateur, pas par l'article",
            "ligne d'agence": (
                "jour de la ligne d'agence, mois et année donnés par le curateur, pas par l'article"
            ),
            "adresse": "date lue dans l'adresse de la page, pas dans l'article",
        }.get(self.published.basis, self.published.basis)
        return f"{basis} ; {self.date_clash}" if self.date_clash else basis

    def noise(self) -> list[Line]:
        """Lines left out of the prose: furniture, bylines, dates, repeated headlines."""
        return [line for line in self.lines if line.kind not in ("prose", "title")]


_HEADER_FIELD = re.compile(r"^#\s*(?P<key>url|adresse|média|media|date)\s*:\s*(?P<value>.+)$", re.I)


def _header(text: str) -> dict[str, str]:
    """The curator's « # URL : … », « # Média : … », « # Date : … » lines, by key."""
    found: dict[str, str] = {}
    for raw in text.splitlines():
        stripped = raw.strip()
        if not stripped:
            continue
        if not stripped.startswith("#"):
            break
        match = _HEADER_FIELD.match(stripped)
        if match:
            key = fold_key(match.group("key"))
            found.setdefault(key, match.group("value").strip())
    return found


def fold_key(key: str) -> str:
    """« URL », « adresse » → url ; « Média » → media ; « Date » → date."""
    key = key.casefold()
    return {"adresse": "url", "média": "media"}.get(key, key)


_WRAP_LIST = (
    "et ou de du des la le les l' d' à au aux en un une par pour avec sur sous dans entre vers "
    "que qu' qui dont son sa ses leur leurs ce cet cette ces nos notre votre mais"
)
_WRAP_WORDS = frozenset(_WRAP_LIST.split())
"""Words a sentence does not end on: a line ending on one was cut (« entre Bakou et »)."""
_SENTENCE_CLOSERS = (".", "!", "?", "…", ":", ";")


def _wrapped(line: str, following: str) -> bool:
    """True when ``line`` is cut mid-sentence and ``following`` (the next line, no blank line
    between) carries on: the next line opens in lower case (« la visite du » / « ministre »),
    or the line ends on a comma or a word no sentence ends on (« et », « du », « la »)."""
    if not following or line.endswith(_SENTENCE_CLOSERS) or _ADDRESS.match(following):
        return False
    if following.casefold().startswith(("http", "www.")) or _noise(line):
        return False
    if following[0].islower():
        return True
    if not (following[0].isalpha() or following[0] in '«"“'):
        return False
    last = line.split()[-1].casefold().replace("’", "'")
    return line.endswith(",") or last in _WRAP_WORDS or last.endswith(("l'", "d'", "qu'"))


def _cut_before_blank(line: str, following: str) -> bool:
    """True when a copy that puts a blank line after every line of the page (« est arrivé »,
    blank line, « mercredi à Bakou … ») cut ``line`` mid-sentence: no sentence ends on it
    (a title « M. » is no end) and ``following`` opens in lower case, or ``line`` ends on a
    word no sentence ends on (« aux », blank line, « Arméniens »)."""
    if not following or _ADDRESS.match(following) or _noise(line):
        return False
    if line.endswith(_SENTENCE_CLOSERS) and not _ABBREVIATIONS.search(line):
        return False
    if line.endswith((":", ";")) or not following[0].isalpha():
        return False
    last = line.split()[-1].casefold().replace("’", "'")
    return (
        following[0].islower()
        or last in _WRAP_WORDS
        or last.endswith(("l'", "d'", "qu'"))
        or bool(_ABBREVIATIONS.search(line))
    )


def _lines(text: str) -> list[tuple[int, str]]:
    """The non-blank lines of ``text`` (after the curator's « # » lines) with their offsets; a
    line a pasted copy cut mid-sentence is joined to the next one (the newline becomes a space,
    so every offset stays that of the text)."""
    found: list[tuple[int, str]] = []
    offset = 0
    header = True
    joinable = False
    blanks = 0
    for raw in text.splitlines(keepends=True):
        stripped = raw.strip()
        if header and stripped.startswith("#"):
            offset += len(raw)
            continue
        if stripped:
            header = False
            lead = len(raw) - len(raw.lstrip())
            if found and (
                (joinable and _wrapped(found[-1][1], stripped))
                or (blanks == 1 and _cut_before_blank(found[-1][1], stripped))
            ):
                start, before = found[-1]
                gap = offset + lead - (start + len(before))
                found[-1] = (start, before + " " * gap + stripped)
            else:
                found.append((offset + lead, stripped))
            joinable = True
            blanks = 0
        else:
            joinable = False
            blanks += 1
        offset += len(raw)
    return found


_PAR_LOCUTION = re.compile(
    r"^par\s+(?:exemple|ailleurs|conséquent|contre|comparaison|contraste|la suite|suite|"
    r"rapport|ricochet|endroits|moments|principe|définition|précaution|chance|hasard)\b",
    re.IGNORECASE,
)
"""« Par exemple, … », « Par ailleurs, … »: a French locution opening a sentence, not a byline."""


def _byline(text: str) -> bool:
    return _starts(text, BYLINE_PREFIXES) and len(text) < 80 and not _PAR_LOCUTION.match(text)


def _noise(line: str) -> bool:
    """A line of the page's furniture by its first words, after any dash or bullet before them
    (« - Publicité- », « • Lire aussi »)."""
    return _starts(line.lstrip("-–—•*·| \u00a0"), NOISE_PREFIXES)


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
    if following == 0 or _noise(text) or _is_date_line(text):
        return None
    if text.isupper() and all(word.casefold() in RUBRICS for word in text.split()):
        return None  # « ARMEE », « POLITIQUE » : the site's rubric
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
    if _ADDRESS.match(text):
        return "address"
    if _WEATHER.search(text) and len(text.split()) <= 5:
        return "noise"  # the site's weather widget (« Munich 5°C », « Bakou ☀ +12°C »)
    if _CREDIT.match(text) and len(text) < 200:
        return "byline"
    if _byline(text):
        return "byline"
    if _noise(text) or _BREADCRUMB.match(text) or _CAPTION.search(text):
        return "noise"
    if _DATELINE.match(text) and not _DATELINE.sub("", text, count=1).strip():
        return "dateline"
    if _MONTH_STAMP.match(text) or _DAY_STAMP.match(text):
        return "stamp"  # « date 2023-02 », « date 2025-10-30 » : metadata, no headline, no fact
    if (
        _starts(text, ("publié", "mis en ligne", "date de publication"))
        and len(text) <= 160
        and [d for d in find_dates(text, None) if d.basis == "texte" and d.precision == "jour"]
    ):
        return "published"
    if _starts(text, UPDATED_PREFIXES):
        return "updated"
    if _starts(text, SOURCE_PREFIXES):
        return "source"
    if _byline(text):
        return "byline"
    if _starts(text, PUBLISHED_PREFIXES) and _is_date_line(text):
        return "published"
    if _is_date_line(text):
        return "published"
    ends_like_prose = text.rstrip().endswith((".", "!", "?", "…", "»", ":", ";", '"'))
    if text.isupper() and all(word.casefold() in RUBRICS for word in text.split()):
        return "noise"  # a rubric (« ARMEE », « POLITIQUE »), never the headline
    if text.isupper() and len(text) <= TITLE_MAX:
        return "heading"  # a headline in capitals, never prose
    if not ends_like_prose and len(text.split()) <= 14:
        return "heading"
    if len(text.split()) <= 2:
        return "noise"
    return "prose"


NO_YEAR_HINT = (
    "ajouter en tête « # Date : AAAA-MM » (l'année et le mois de la dépêche ; le jour vient "
    "de la ligne d'agence) ou « # Date : AAAA-MM-JJ » (ou --date) — sans elle, aucune date "
    "de l'article n'est résolue"
)
"""What the curator must give when the dispatch's dateline has no year."""
_SIGNATURE = re.compile(
    r"^[A-ZÀ-Þ][a-zà-ÿ’'-]+(?:\s+[A-ZÀ-Þ][a-zà-ÿ’'-]+)?\s+[A-ZÀ-Þ]{2,}(?:[-\s][A-ZÀ-Þ]{2,})?$"
)
"""« Sahak SUKIASYAN » : a first name then a surname in capitals, the writer's signature."""


def _repeated_below(text: str, below: list[Line]) -> str | None:
    """The ten words or more (a run) of a later line of prose that the headline candidate says
    again word for word, without being that sentence's opening repeated whole: perhaps a
    standfirst (« Le ministre azéri s'est dit "convaincu" que … se développera » before « Le
    colonel azéri … s'est dit "convaincu" que … se développera »), perhaps a headline that
    paraphrases (« La coopération avec l'OTAN tient une place particulière … ») — the
    curator decides, the draft says it. None when nothing is repeated."""
    shown = text.strip(" .…").split()
    words = [_plain(word) for word in shown]
    if len(words) < 12:
        return None
    key = " ".join(words)
    for line in below:
        if line.kind != "prose":
            continue
        body = " ".join(_plain(word) for word in line.text.split())
        if key in body:
            return None
        found = [i for i in range(len(words) - 9) if " ".join(words[i : i + 10]) in body]
        if found:
            start = end = found[0]
            while end < len(words) and " ".join(words[start : end + 1]) in body:
                end += 1
            return " ".join(shown[start:end])
    return None


def _plain(word: str) -> str:
    """A word compared case and typography aside (’ and ', « » and ")."""
    return word.casefold().replace("’", "'").replace("«", '"').replace("»", '"')


_GENERIC_HOST_LABELS = frozenset({"www", "french", "france", "news", "info", "actu", "media"})
"""Labels of an address that name no outlet (french.presstv.com: « presstv » names it)."""


def _squeezed(text: str) -> str:
    return re.sub(r"[^0-9a-z]", "", fold(text))


def _names_the_site(
    name: str, outlet: str | None, url: str | None, lines: list[Line] | None = None
) -> bool:
    """True when a « SOURCE: FRENCH PRESS TV » footer names the site that published the page
    (its outlet, or a label of its address such as « presstv » in french.presstv.com), or one
    of the site's own sections: a folder of the page's address or an item of its breadcrumb
    (« Sources : EMA » under archives.defense.gouv.fr/ema/… and « Accueil | EMA | … »)."""
    squeezed = _squeezed(name)
    if not squeezed:
        return False
    own = [_squeezed(outlet)] if outlet else []
    sections: set[str] = set()
    if url:
        address = re.sub(r"^[a-z]+://", "", url.casefold())
        host = address.split("/")[0]
        own += [_squeezed(label) for label in host.split(".") if label not in _GENERIC_HOST_LABELS]
        sections |= {_squeezed(folder) for folder in address.split("/")[1:-1]}
    for line in lines or []:
        if line.kind == "noise" and _BREADCRUMB.match(line.text):
            sections |= {_squeezed(item) for item in re.split(r"[>›|/]", line.text)}
    if squeezed in sections - {""}:
        return True
    return any(len(label) >= 4 and (label in squeezed or squeezed in label) for label in own)


def is_credit(sentence: str) -> bool:
    """True for a staff credit: « (Reportage Jane Doe, version française Jean Dupont) »."""
    return bool(_CREDIT.match(sentence.strip())) and len(sentence) < 200


_AGGREGATOR_TAIL = re.compile(
    r"\s+((?i:publié|paru|lu)\s+(?i:sur)\s+(?:(?i:le)\s+)?(?i:site)\b[^.!?:]{0,40}:[^.!?]{1,120})$"
)
"""« …, a déclaré dans un communiqué publié sur site 1997: le roi de France (The King of
France) » : an aggregator's link to another page glued to the sentence, which ends without its
period — never one of the article's facts (« publié sur le site du ministère. » is prose)."""


_THEN_FUTURE = re.compile(
    r",\s+(?:soulignant|ajoutant|précisant|indiquant|annonçant|notant)\s+(?:que\s|qu['’])"
)
_PAST_HERE = re.compile(
    r"\b(?:a|ont|avait|avaient)\s+été\s+\w+(?:ée?s?)\b|\b(?:a|ont)\s+(?:eu\s+lieu|\w+é(?:e?s?))\b"
    r".*\b(?:en\s+)?(?:19|20)\d\d\b",
    re.IGNORECASE,
)
_FUTURE_HERE = re.compile(
    r"\b(?:se\s+)?(?:tiendra|tiendront|sera|seront|aura|auront|aura\s+lieu|\w+(?:era|eront))\b",
    re.IGNORECASE,
)


def two_facts(sentence: Sentence) -> list[Sentence]:
    """A sentence holding a past fact and a future one joined by a participle of speech
    (« Il a fait observer que la première réunion a été organisée à Bakou en 2017,
    soulignant que la prochaine réunion se tiendra en Turquie. ») is cut in two verbatim
    fragments, each a fact of its own at its own tense: the past one with its year, before the
    comma; the future one from the participle on. Any other sentence is kept whole."""
    text = sentence.text
    cut = _THEN_FUTURE.search(text)
    if cut is None:
        return [sentence]
    before, after = text[: cut.start()], text[cut.start() + 1 :].lstrip()
    if not _PAST_HERE.search(before) or _FUTURE_HERE.search(before):
        return [sentence]
    if not _FUTURE_HERE.search(after):
        return [sentence]
    second_start = sentence.end - len(after)
    return [
        Sentence(sentence.start, sentence.start + len(before), before),
        Sentence(second_start, sentence.end, after),
    ]


_RUN_ON = re.compile(r"(?<=[a-zà-ÿ]) (?=(?:Le|La|Les)\s+[a-zà-ÿ]{3,})")
"""« … un exercice mené par les forces turques et azerbaïdjanaises Le ministre azerbaïdjanais …
a déclaré » : a sentence's last word, then the next one's capitalised article — a full stop the
copy lost (never « Le Monde », « La Haye »: a name follows)."""
_RUN_ON_MIN = 20


def run_on(sentence: Sentence) -> list[Sentence]:
    """A line that runs two sentences together without their full stop is cut in two verbatim
    fragments at the capitalised article that opens the second; outside quotation marks only."""
    text = sentence.text
    for match in _RUN_ON.finditer(text):
        before, after = text[: match.start()], text[match.end() :]
        if before.count("«") != before.count("»") or before.count("“") != before.count("”"):
            continue
        if len(before) < _RUN_ON_MIN or len(after) < _RUN_ON_MIN:
            continue
        second = Sentence(sentence.end - len(after), sentence.end, after)
        return [Sentence(sentence.start, sentence.start + len(before), before), *run_on(second)]
    return [sentence]


def _split(text: str, start: int) -> list[Sentence]:
    sentences: list[Sentence] = []
    begin = 0
    for match in _SENTENCE_END.finditer(text):
        before = text[begin : match.start()]
        if _ABBREVIATIONS.search(before) or _OPEN_QUOTE.search(before):
            continue
        if _GLOSS.search(before) and text.startswith("(", match.end()):
            continue  # « Altyn Kyran – 2024 » (« Aigle royal – 2024 »). : a name and its gloss
        if before.strip():
            sentences.append(Sentence(start + begin, start + match.start(), _one_space(before)))
        begin = match.end()
    rest = text[begin:].rstrip()
    if rest:
        sentences.append(Sentence(start + begin, start + begin + len(rest), _one_space(rest)))
    return sentences


def _one_space(text: str) -> str:
    """A sentence a copy cut over lines (a blank line after each) joined: its words one space
    apart, as the page shows them — still the article's words, spaces aside."""
    return re.sub(r" {2,}", " ", text)


_COUNTER = re.compile(
    r"\s+(?:lu|vu|vues?|lectures?|affichages?|consultations?)\s*:?\s*\d[\d\s.]*$", re.IGNORECASE
)
"""A page's view counter after its date (« 21 Janvier 2020    Lu: 1080 »): no part of it."""


def _published_in_text(lines: list[Line]) -> tuple[Metadata, date | None]:
    for line in lines:
        stamped = _DAY_STAMP.match(line.text) if line.kind == "stamp" else None
        if stamped is not None:  # « date 2025-10-30 » : the day the page store read on the page
            try:
                day = date.fromisoformat(stamped.group("day"))
            except ValueError:
                continue
            return Metadata(
                day.isoformat(),
                line.text,
                "ligne de date de la copie (« date AAAA-MM-JJ », celle de la page) : la date "
                "de publication que la copie écrit, en published_text",
            ), day
        if line.kind not in ("published", "byline"):
            continue
        for found in find_dates(line.text, None):
            if found.basis == "texte" and found.precision == "jour" and found.iso:
                words = _COUNTER.sub("", line.text).rstrip()
                return Metadata(found.iso, words), date.fromisoformat(found.iso)
        relative = [d for d in find_dates(line.text, None) if d.precision == "relatif"]
        if relative:
            return (
                Metadata(
                    None,
                    line.text,
                    f"« {relative[0].text} » : date relative à la consultation de la page, "
                    "inconnue ; ne pas deviner (donner --date si le média la publie)",
                ),
                None,
            )
    return Metadata(None, None, "l'article ne donne pas de date de publication"), None


_URL_STAMP = re.compile(r"/(?P<stamp>1\d{9})-[a-z]", re.IGNORECASE)
"""A Unix timestamp opening a path segment before its slug (i24news.tv:
« …/1675251443-entretien-telephonique-… », 1 February 2023 UTC)."""


def url_stamp(url: str) -> str | None:
    """The Unix timestamp an address's path opens a slug with, as written, or None."""
    match = _URL_STAMP.search(url)
    return match.group("stamp") if match else None


def url_date(url: str) -> date | None:
    """A full date written in an address's path (« /2025/10/18/ », « -20251018- »), or the
    day (UTC) of a Unix timestamp that opens a slug (« /1675251443-… »)."""
    stamp = url_stamp(url)
    if stamp is not None:
        return datetime.fromtimestamp(int(stamp), tz=UTC).date()
    for match in _URL_DATE.finditer(url):
        try:
            if match.group("year"):
                return date(
                    int(match.group("year")), int(match.group("month")), int(match.group("day"))
                )
            if match.group("y2"):
                return date(int(match.group("y2")), int(match.group("m2")), int(match.group("d2")))
            return date(int(match.group("y3")), int(match.group("m3")), int(match.group("d3")))
        except ValueError:
            continue
    return None


_URL_MONTH = re.compile(r"/((?:19|20)\d\d)/(0[1-9]|1[0-2])/(?!\d)")


def url_month(url: str) -> str | None:
    """The month an address files its page under without a day (« /2025/06/slug »): « 2025-06 »."""
    if url_date(url) is not None:
        return None
    match = _URL_MONTH.search(url)
    return f"{match.group(1)}-{match.group(2)}" if match else None


def _host(url: str) -> str | None:
    match = re.match(r"^(?:https?://)?(?:www\.)?([^/\s?#]+)", url, re.IGNORECASE)
    return match.group(1).casefold() if match else None


def _host_names(name: str, url: str) -> bool:
    """True when a label of the address names ``name``, spelling aside (« AZERTAC » on
    azertag.az, « Sputnik » on sputniknews.com): the agency's own site, not a site relaying it."""
    squeezed = _squeezed(name)
    host = _host(url) or ""
    for label in host.split("."):
        if label in _GENERIC_HOST_LABELS or len(label) < 3:
            continue
        label = _squeezed(label)
        if squeezed in label or label in squeezed or fuzz.ratio(squeezed, label) >= 80:
            return True
    return False


_MEDIUM_CREDIT = re.compile(
    r"^(?P<name>(?i:radio|télé|tv|chaîne|agence)\s+[\w’'&-]{1,20}(?:\s[\w’'&-]{1,20})?|"
    r"AFP|TASS|REUTERS|Reuters|ANADOLU|Anadolu|XINHUA|Xinhua|SPUTNIK|Sputnik|RIA NOVOSTI|"
    r"Ria Novosti|BELGA|Belga|INTERFAX|Interfax)\.?$"
)
"""« RADIO J. », « AFP » alone on a line after the last paragraph: the medium whose copy the
page carries, credited at its foot."""


_READ_ON = re.compile(
    r"^(?i:lire\s+(?:la\s+suite|l['’]\s?article(?:\s+(?:complet|entier|original))?|"
    r"l['’]\s?intégralité(?:\s+de\s+l['’]\s?article)?)\s+sur)\s+"
    r"(?P<name>[A-ZÀ-Þ][\w’'&.-]{1,30}(?:\s[A-ZÀ-Þ0-9][\w’'&.-]{0,30}){0,2})\s*\.?$"
)
"""« Lire la suite sur RFI » at the foot of a page: a syndicated copy (Yahoo, MSN) of that
medium's article — the medium whose text it is."""


_COPYRIGHT = re.compile(
    r"^©\s*(?:(?i:copyright)\s+)?(?:(?:19|20)\d\d\s+)?(?P<name>[A-ZÀ-Þ][\w’'&.-]{1,30}"
    r"(?:\s[A-ZÀ-Þ][\w’'&.-]{1,30})?)\s*(?:(?:19|20)\d\d)?\.?$"
)
"""« © Copyright LaPresse », « © 2023 Le Monde » : the page's own copyright line."""


def _copyright(lines: list[Line]) -> tuple[str, str] | None:
    """The name a copyright line gives (« © Copyright LaPresse » → « LaPresse ») or a footer
    inviting to follow the site (« Rejoignez News-Front sur Facebook … »), and that line;
    None without one."""
    for line in lines:
        found = _COPYRIGHT.match(line.text.strip()) or _FOLLOW_US.match(line.text.strip())
        if found is not None:
            return found.group("name").rstrip("."), line.text
    return None


_FOLLOW_US = re.compile(
    r"^(?i:rejoignez|suivez|retrouvez|abonnez-vous\s+à)\s+(?P<name>[A-ZÀ-Þ][\w’'&.-]{1,30}"
    r"(?:\s[A-ZÀ-Þ][\w’'&.-]{1,30})?)\s+(?i:sur)\s+(?i:facebook|twitter|x|telegram|vkontakte|"
    r"instagram|youtube|les\s+réseaux\s+sociaux)\b"
)
"""« Rejoignez News-Front sur Facebook et Vkontakte … » : the site names itself in its footer
(taken only when the address spells that name: the page's own outlet, in its text)."""


_TOLD_BY = re.compile(
    r"\b(?:rapporte|rapportait|indique|écrit|annonce|précise)\s+(?P<what>(?:le\s+site|l['’]agence|"
    r"le\s+journal|le\s+quotidien|la\s+chaîne|le\s+média|le\s+portail)\s+(?:[a-zà-ÿ-]+\s+)?"
    r"(?P<name>[A-ZÀ-Þ][\w’'&-]+(?:\s[A-ZÀ-Þ][\w’'&-]+)?))"
    r"(?:[^.;]*?\ben\s+se\s+référant\s+(?P<to>(?:à\s+la|à\s+l['’]|au|aux)\s*[^,.;]{3,80}))?"
)
"""« …, rapporte le site azerbaïdjanais Trend le 7 septembre en se référant au ministère
azerbaïdjanais de la Défense » : the medium whose report the article relays, credited in its
text (and whom that medium cites)."""


def _told_by(lines: list[Line]) -> tuple[str, str] | None:
    """The medium the article's lead credits for what it tells (« Trend (se référant au
    ministère azerbaïdjanais de la Défense) ») and the words it was read from; a medium
    quoted further down (« indique l'agence …, citant M. Azimov ») gives one quote, not the
    article."""
    lead = next((line for line in lines if line.kind == "prose"), None)
    found = _TOLD_BY.search(lead.text) if lead is not None else None
    if found is None:
        return None
    name = found.group("name")
    if found.group("to"):
        name += f" (se référant {' '.join(found.group('to').split())})"
    return name, found.group(0)


def _closing_credit(lines: list[Line]) -> tuple[str, str] | None:
    """The medium a line after the article's last paragraph credits (« RADIO J. » → « Radio
    J »), and that line; None without one."""
    last_prose = max((n for n, line in enumerate(lines) if line.kind == "prose"), default=None)
    if last_prose is None:
        return None
    for line in lines[last_prose + 1 :]:
        read_on = _READ_ON.match(line.text.strip())
        if read_on is not None:
            return read_on.group("name"), line.text
        found = _MEDIUM_CREDIT.match(line.text.strip())
        if found is not None:
            words = found.group("name").split()
            name = " ".join(word.capitalize() if len(word) > 4 else word for word in words)
            return name, line.text
    return None


def _dateline_of(lines: list[Line]) -> tuple[Metadata, FoundDate | None, str | None]:
    """The dispatch's dateline, its date (year only if written) and its agency."""
    for line in lines:
        if line.kind != "dateline":
            continue
        match = _DATELINE.match(line.text)
        if match is None:
            continue
        agency = (
            match.group("agency")
            or match.group("agency2")
            or match.group("agency3")
            or match.group("agency4")
            or match.group("agency5")
            or ""
        ).strip()
        if agency.endswith(".") and agency.count(".") == 1:
            agency = agency[:-1]  # « AZERTAC. » closing the line: the name, not its period
        agency = agency or None
        month = match.group("month")
        month = _MONTH_ABBREVIATIONS.get(month.rstrip(".").casefold(), month)
        words = f"{match.group('day')} {month}" + (
            f" {match.group('year')}" if match.group("year") else ""
        )
        found = find_dates(words, None)
        place = match.group("place")
        note = "ligne d'agence : " + ", ".join(
            part
            for part in (
                f"lieu {place}" if place else None,
                f"jour {words}",
                f"agence {agency}" if agency else None,
            )
            if part
        )
        return (
            Metadata(line.text.strip(" -–—:"), line.text, note, "texte"),
            (found[0] if found else None),
            agency,
        )
    return Metadata(None, None), None, None


def _published(
    lines: list[Line], given: Given, url: str | None, dateline_date: FoundDate | None
) -> tuple[Metadata, date | None]:
    """The publication date: the text's date line, the dateline with its year, then what the
    curator gives, then the address — each recorded with where it comes from."""
    in_text, day = _published_in_text(lines)
    if day is not None:
        return in_text, day
    if dateline_date is not None and dateline_date.iso and dateline_date.basis == "texte":
        return Metadata(
            dateline_date.iso, dateline_date.text, "ligne d'agence"
        ), date.fromisoformat(dateline_date.iso)
    if given.date is None and given.month is not None:
        return _published_in_month(given.month, dateline_date, given.month_line)
    if given.date is None and given.unread is not None:
        return (
            Metadata(
                None,
                None,
                f"« # Date : {given.unread} » illisible : écrire un jour entier (2025-10-23 ou "
                "« 23 octobre 2025 ») ou un mois (2025-10) ; aucune date n'en est tirée",
            ),
            None,
        )
    if given.date is not None:
        return (
            Metadata(
                given.date.isoformat(),
                None,
                "donnée par le curateur (--date ou « # Date : »), pas par l'article : écrite "
                "avec published_basis: curateur, sans published_text ; les dates qui en "
                "dépendent sont déduites",
                "curateur",
            ),
            given.date,
        )
    from_url = url_date(url) if url else None
    if from_url is not None:
        stamp = url_stamp(url or "")
        how = (
            f"lue dans l'horodatage Unix {stamp} de l'adresse (jour UTC), pas dans l'article"
            if stamp
            else "lue dans l'adresse de la page, pas dans l'article"
        )
        return (
            Metadata(
                from_url.isoformat(),
                url,
                f"{how} : écrite avec published_basis: adresse, sans published_text ; les "
                "dates qui en dépendent sont déduites",
                "adresse",
            ),
            from_url,
        )
    if dateline_date is not None:
        return (
            Metadata(
                None,
                dateline_date.text,
                f"ligne d'agence « {dateline_date.text} » sans année : {NO_YEAR_HINT}",
            ),
            None,
        )
    return in_text, None


def _published_in_month(
    month: str, dateline_date: FoundDate | None, line: str | None = None
) -> tuple[Metadata, date | None]:
    """The publication date from a month the curator gives (« 2023-02 ») and the dispatch's
    dateline without its year (« Munich, 18 février, AZERTAC »): that day of that month,
    deduced — or, with no such dateline, nothing, and a note saying why."""
    year, number = (int(part) for part in month.split("-"))
    if dateline_date is not None and not dateline_date.iso:
        found = [
            d
            for d in find_dates(f"{dateline_date.text} {year}", None)
            if d.precision == "jour" and d.iso
        ]
        if found and found[0].iso and int(found[0].iso[5:7]) == number:
            day = date.fromisoformat(found[0].iso)
            return (
                Metadata(
                    day.isoformat(),
                    None,
                    f"{_month_from(month, line)}, jour de la ligne d'agence "
                    f"« {dateline_date.text} » : écrite avec published_basis: ligne d'agence, "
                    "sans published_text ; les dates qui en dépendent sont déduites",
                    "ligne d'agence",
                ),
                day,
            )
    if dateline_date is not None:  # a dateline in another month: the curator decides
        return (
            Metadata(
                None,
                None,
                f"{_month_from(month, line)} sans jour que l'article confirme (la ligne "
                f"d'agence « {dateline_date.text} » dit un autre mois) : aucune date de "
                f"publication n'en est tirée ; donner le jour (--date ou « # Date : » "
                f"{month}-JJ)",
            ),
            None,
        )
    return (
        Metadata(
            month,
            None,
            f"{_month_from(month, line)} : mois de publication, écrit avec published_basis: "
            "curateur, sans published_text ; un jour sans année (« le 26 août ») en prend "
            "l'année, marquée déduite ; les jours relatifs (« samedi », « hier ») restent sans "
            f"date — donner le jour (--date ou « # Date : » {month}-JJ) pour les résoudre",
            "curateur",
        ),
        None,
    )


def _month_from(month: str, line: str | None) -> str:
    if line is not None:
        return f"mois lu en tête de la copie (« {line} »)"
    return f"mois donné par le curateur ({month})"


def _date_clash(
    dateline_date: FoundDate | None, published: Metadata, published_date: date | None
) -> str | None:
    """What to say when a dateline without its year (« BAKOU, 19 septembre - RIA Novosti. »)
    names another day than the curator's date or the address (20070920)."""
    if dateline_date is None or published_date is None or published.basis == "texte":
        return None
    if dateline_date.iso and dateline_date.basis == "texte":
        return None  # a dateline with its year is the publication date itself
    days = [d for d in find_dates(dateline_date.text, published_date) if d.iso]
    if not days or days[0].precision != "jour" or days[0].iso == published_date.isoformat():
        return None
    where = "donnée par le curateur" if published.basis == "curateur" else "lue dans l'adresse"
    return (
        f"la ligne d'agence dit « {dateline_date.text} », la date {where} "
        f"{published_date.isoformat()} : elles ne concordent pas, à trancher"
    )


_SLASH_DATELINE = re.compile(r"^([A-Z]{2,8})\s*/\s*[A-ZÀ-Ý][\w’' -]{1,40}$")
"""« AA/ Islamabad » : an agency's dateline, its acronym then the city."""
_ACRONYM = re.compile(r"(?<![\w.-])([A-Z]{2,8})(?![\w.-])")


def _site_acronym(lines: list[Line], host: str) -> tuple[str, str] | None:
    """The acronym a label of the address spells that the page writes in capitals (« NSPA »
    on nspa.nato.int, « AA/ Islamabad » on aa.com.tr), or the name of one to three words that
    spells a label of five letters or more (« i24NEWS » on i24news.tv, « Nor Haratch » on
    norharatch.com), with the first line that writes it: the page names its outlet, the
    address only confirms it."""
    labels = {
        label
        for label in host.split(".")[:-1]
        if label not in _GENERIC_HOST_LABELS and label not in ("com", "org", "net", "gov", "co")
    }
    for line in lines:
        for match in _ACRONYM.finditer(line.text):
            if match.group(1).casefold() in labels:
                return match.group(1), line.text
    long_labels = {label for label in labels if len(label) >= 5}
    for line in lines:  # « i24NEWS », « Nor Haratch » written by the page: its own name
        for match in _SITE_NAME.finditer(line.text):
            if _squeezed(match.group(0)) in long_labels:
                return match.group(0), line.text
    for line in lines:  # « Azvision.az » alone on its line: the site signs its own page
        own = _OWN_DOMAIN.fullmatch(line.text.strip())
        if own is not None and own.group(1).casefold() in long_labels:
            return own.group(0), line.text
    return None


_OWN_DOMAIN = re.compile(r"([\w-]{2,30})\.[a-z]{2,4}", re.IGNORECASE)
"""A line that is only a site's name as its address writes it (« Azvision.az »): the byline
a page signs itself with."""


_SITE_NAME = re.compile(
    r"(?<![\w.-])(?=[\w’'-]*[A-Z])[\w’'-]{2,20}(?:\s[A-ZÀ-Þ][\w’'-]{1,20}){0,2}(?![\w-]|\.\w)"
)
"""A name of one to three words, with a capital, as a page writes its outlet (« i24NEWS »,
« Nor Haratch »)."""


def _outlet(
    lines: list[Line], outlet_name: str | None, given: Given, agency: str | None, url: str | None
) -> Metadata:
    if given.outlet and outlet_name and fold(outlet_name) == fold(given.outlet):
        first = next(item.text for item in lines if item.kind == "outlet")
        return Metadata(  # the page prints it: the article's words, not the curator's
            outlet_name, first, "première ligne de la page (le curateur donne le même nom)"
        )
    if given.outlet and not (agency and fold(agency) == fold(given.outlet)):
        return Metadata(given.outlet, None, "donné par le curateur", "curateur")
    if agency and given.outlet:  # the text prints it: the article's words, not the curator's
        return Metadata(
            agency,
            agency,
            "l'agence de la ligne d'agence (le curateur donne le même nom)",
            "ligne d'agence",
        )
    if agency:
        return Metadata(agency, agency, "l'agence de la ligne d'agence", "ligne d'agence")
    for line in lines:
        agency_date = _AGENCY_DATE.match(line.text) if line.kind == "published" else None
        if agency_date is not None:
            name = agency_date.group("name").strip()
            return Metadata(
                name, line.text, "le nom de la ligne « média | date »", "ligne d'agence"
            )
    outlet_line = next((line for line in lines if line.kind == "outlet"), None)
    slash = _SLASH_DATELINE.match(outlet_line.text) if outlet_line is not None else None
    if outlet_line is not None and slash is not None:
        return Metadata(
            slash.group(1),
            outlet_line.text,
            "l'agence de la ligne « AGENCE/ Ville »",
            "ligne d'agence",
        )
    if outlet_line is not None:
        return Metadata(
            outlet_name,
            outlet_line.text,
            "première ligne courte, avant le titre : probablement le nom du média ; à confirmer",
        )
    host = _host(url) if url else None
    named = _site_acronym(lines, host) if host else None
    if named is not None:
        acronym, line_text = named
        return Metadata(
            acronym,
            line_text,
            f"sigle du site de l'adresse ({host}) que la page écrit elle-même",
        )
    if host:
        return Metadata(host, url, "nom du site lu dans l'adresse : à confirmer", "adresse")
    return Metadata(
        None, None, "le texte ne nomme pas le média qui le publie : à remplir s'il le nomme"
    )


_STAMP = re.compile(
    r"^(?:date\s*:?\s*)?(?P<stamp>(?:19|20)\d\d-[01]\d(?:-[0-3]\d)?|[0-3]?\d[./-][01]?\d[./-]"
    r"(?:19|20)\d\d)(?:\s+[0-2]?\d[:h][0-5]\d)?(?:\s*[-–—|]\s*|\s+)",
    re.IGNORECASE,
)
"""A date stamp before a dateline on one line (« date 2023-02 Munich, 18 février, AZERTAC »,
« 18.02.2023 Munich, … »): a line of its own, never part of the headline."""
_MONTH_STAMP = re.compile(r"^(?:date\s*:?\s*)?(?P<month>(?:19|20)\d\d-[01]\d)$", re.IGNORECASE)
_DAY_STAMP = re.compile(r"^date\s*:?\s*(?P<day>(?:19|20)\d\d-[01]\d-[0-3]\d)$", re.IGNORECASE)
"""« date 2025-10-30 » alone: the line a page store leaves at the top of a copy (metadata)."""
_WORD_STAMP = re.compile(r"^date\s*:?\s*(?:19|20)\d\d-[01]\d(?:-[0-3]\d)?\s+(?=[A-ZÀ-Þ«])")
"""« date 2021-02 Alors qu'il était … » : the page store's line run into the first sentence."""


def _split_dateline(start: int, content: str) -> list[tuple[int, str]]:
    """A line opening with a dateline becomes the dateline and the prose after it; a date
    stamp before the dateline (« 2023-02 Munich, 18 février, AZERTAC ») a line of its own."""
    match = _DATELINE.match(content)
    stamp = _STAMP.match(content) if match is None else None
    if stamp is not None and (
        _DATELINE.match(content[stamp.end() :]) or _WORD_STAMP.match(content)
    ):
        rest = content[stamp.end() :]
        return [
            (start, content[: stamp.end()].rstrip(" -–—|")),
            *_split_dateline(start + stamp.end(), rest),
        ]
    if match is None:
        return [(start, content)]
    rest = content[match.end() :]
    if not rest.strip():
        return [(start, content)]
    lead = len(rest) - len(rest.lstrip())
    return [(start, content[: match.end()].rstrip()), (start + match.end() + lead, rest.strip())]


_ISO_DAY = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})\b")


_ISO_MONTH = re.compile(r"^\s*((?:19|20)\d\d)-(0[1-9]|1[0-2])\s*$")


def header_month(text: str) -> str | None:
    """The month a date without its day gives (« 2023-02 », « février 2023 »), as YYYY-MM."""
    iso = _ISO_MONTH.match(text)
    if iso is not None:
        return f"{iso[1]}-{iso[2]}"
    found = [d for d in find_dates(text, None) if d.precision == "mois" and d.iso]
    if found and found[0].iso and len(text.split()) <= 3:
        return found[0].iso[:7]
    return None


def header_day(text: str) -> date | None:
    """The day a « # Date : » line gives: ISO (« 2025-11-06 ») or French (« 6 novembre 2025 »)."""
    iso = _ISO_DAY.match(text)
    if iso is not None:
        try:
            return date(int(iso[1]), int(iso[2]), int(iso[3]))
        except ValueError:
            return None
    found = [d for d in find_dates(text, None) if d.precision == "jour" and d.iso]
    return date.fromisoformat(found[0].iso) if found and found[0].iso else None


_DISPATCH_OF = re.compile(
    r"^(?P<name>[^(;]+?)\s+(?P<relay>\(dépêches?\s+[A-ZÀ-Þ][\w.&-]*(?:\s+[A-ZÀ-Þ][\w.&-]*)?\))"
)
"""« Boursier.com (dépêche Reuters) »: the site and the agency whose dispatch it carries."""


def _given_outlet(value: str) -> str:
    """The outlet of a « # Média : » line: the name before the curator's notes in brackets
    (« Nouvelles d'Arménie (armenews.com) » → « Nouvelles d'Arménie »), except the agency
    whose dispatch the site carries, which is part of it (« Boursier.com (dépêche Reuters) »)."""
    dispatch = _DISPATCH_OF.match(value)
    if dispatch is not None:
        return f"{dispatch.group('name').strip()} {dispatch.group('relay')}"
    return re.split(r"\s+\(|\s*;", value)[0].strip()


def read_article(text: str, given: Given | None = None) -> Article:
    """Split ``text`` into classified lines, the source stub and prose sentences."""
    header = _header(text)
    given = given or Given()
    if given.url is None and "url" in header:
        given = replace(given, url=header["url"])
    if given.outlet is None and "media" in header:
        given = replace(given, outlet=_given_outlet(header["media"]))
    if given.date is None and given.month is None and "date" in header:
        day = header_day(header["date"])
        month = header_month(header["date"]) if day is None else None
        unread = header["date"] if day is None and month is None else None
        given = replace(given, date=day, month=month, unread=unread)
    lines: list[Line] = []
    seen: set[str] = set()
    raw_lines: list[tuple[int, str]] = []
    for start, content in _lines(text):
        if not raw_lines or len(raw_lines) < 12:  # a dateline opens the dispatch
            raw_lines.extend(_split_dateline(start, content))
        else:
            raw_lines.append((start, content))
    outlet_name: str | None = None
    for position, (start, content) in enumerate(raw_lines):
        found_outlet = _outlet_of(content, len(raw_lines) - 1) if position == 0 else None
        if (
            found_outlet is not None
            and not _ADDRESS.match(content)
            and not _DATELINE.match(content)
            and not _MONTH_STAMP.match(content)
            and not _DAY_STAMP.match(content)
            and not _WEATHER.search(content)
        ):
            outlet_name = found_outlet
            kind = "outlet"
        else:
            kind = _classify(content, seen)
        if (
            kind == "prose"
            and lines
            and _PHOTO_CREDIT.match(lines[-1].text)
            and _caption_like(content)
        ):
            kind = "noise"  # the caption under a picture's credit line: the page's, no fact
        if (
            kind == "prose"
            and not any(line.kind in ("prose", "title") for line in lines)
            and _KICKER.match(content)
            and len(content.split()) <= 16
        ):
            kind = "kicker"
        if kind == "heading" and position == len(raw_lines) - 1 and _SIGNATURE.match(content):
            kind = "byline"  # « Sahak SUKIASYAN » alone at the foot: the writer's signature
        if kind == "heading" and position == len(raw_lines) - 1 and _CUT_PROSE.search(content):
            kind = (
                "prose"  # « L'Azerbaïdjan et Israël entretiennent …, notamme » : cut, not a title
            )
        lines.append(Line(start, content, kind))
        seen.add(normalise_typography(content).casefold())
    for position, line in enumerate(lines):  # the headline: before any prose, no final period
        if line.kind in ("dateline", "kicker"):
            break  # what follows a dateline or a kicker is the lead, not the headline
        ends = line.text.rstrip().endswith((".", "!", "?", "»", ":"))
        if line.kind == "prose" and ends and not _ENDS_WITH_NAME.search(line.text):
            break
        if line.kind in ("heading", "prose") and len(line.text) <= TITLE_MAX:
            if len(line.text.split()) < 2:
                continue  # « Munich » alone: a place or a rubric of the page, not the headline
            lines[position] = Line(line.start, line.text, "title")
            break
    title_line = next((line for line in lines if line.kind == "title"), None)
    lead = (
        _repeated_below(title_line.text, lines[lines.index(title_line) + 1 :])
        if title_line
        else None
    )
    title = (
        Metadata(
            title_line.text,
            title_line.text,
            None
            if lead is None
            else f"à vérifier : la ligne reprend mot pour mot « {lead} » du texte — un chapeau "
            "plutôt qu'un titre ? Si la copie n'a pas de titre, écrire title: null (la ligne "
            "va dans coverage_skips)",
        )
        if title_line
        else Metadata(None, None, "pas de titre reconnaissable en tête de l'article")
    )
    address_line = next((line for line in lines if line.kind == "address"), None)
    url_meta = Metadata(None, None)
    if given.url:
        url_meta = Metadata(given.url, None, "adresse donnée par le curateur", "curateur")
    elif address_line is not None:
        match = _ADDRESS.match(address_line.text)
        url_meta = Metadata(match.group("url") if match else address_line.text, address_line.text)
    stamp = next((line for line in lines if line.kind == "stamp"), None)
    stamped = _MONTH_STAMP.match(stamp.text) if stamp is not None else None
    if stamped is not None and given.date is None and given.month is None:
        given = replace(given, month=stamped.group("month"), month_line=stamped.group(0))
    dateline, dateline_date, agency = _dateline_of(lines)
    published, published_date = _published(lines, given, url_meta.value, dateline_date)
    clash = _date_clash(dateline_date, published, published_date)
    if clash is not None:
        published = Metadata(
            published.value,
            published.read_from,
            f"{published.note} ; {clash}" if published.note else clash,
            published.basis,
        )
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
    outlet = _outlet(lines, outlet_name, given, agency, url_meta.value)
    if (
        relayed.value is None
        and agency
        and outlet.value
        and outlet.basis == "curateur"
        and fold(agency) not in fold(outlet.value)
    ):
        relayed = Metadata(  # « Bakou, 9 déc 2020 (AFP) » on Armenews: the agency's dispatch
            agency,
            dateline.read_from,
            "l'agence de la ligne d'agence, dont le média reprend la dépêche",
        )
    if (
        relayed.value is None
        and agency
        and outlet.basis == "ligne d'agence"
        and given.outlet is None
        and url_meta.value
        and not _host_names(agency, url_meta.value)
    ):  # « BAKOU, le 18 juin. / TASS/. » on fr.news-pravda.com: the site carries TASS's copy
        host = _host(url_meta.value)
        outlet = Metadata(
            host,
            url_meta.value,
            "nom du site lu dans l'adresse : à confirmer (la ligne d'agence nomme l'agence dont il "
            "reprend la dépêche)",
            "adresse",
        )
        relayed = Metadata(
            agency,
            dateline.read_from,
            "l'agence de la ligne d'agence, dont le site reprend la dépêche",
        )
    copyright_line = _copyright(lines)
    if copyright_line is not None and outlet.basis == "adresse":
        name, words = copyright_line
        if url_meta.value is None or _host_names(name, url_meta.value):
            how = (
                "le média que nomme le pied de page (« Rejoignez … sur … »)"
                if _FOLLOW_US.match(words.strip())
                else "le média de la ligne de crédit « © … »"
            )
            outlet = Metadata(name, words, how)
    told_by = _told_by(lines)
    if (
        relayed.value is None
        and told_by is not None
        and fold(told_by[0]) != fold(outlet.value or "")
    ):
        relayed = Metadata(
            told_by[0], told_by[1], "le média que le texte crédite (« rapporte le site … »)"
        )
    credit = _closing_credit(lines)
    if relayed.value is None and credit is not None:
        how = (
            f"« {credit[1].strip()} » en pied : copie de l'article de ce média"
            if _READ_ON.match(credit[1].strip())
            else "crédit du média d'origine en fin d'article (« RADIO J. »)"
        )
        relayed = Metadata(credit[0], credit[1], how)
    if relayed.value and _names_the_site(relayed.value, outlet.value, url_meta.value, lines):
        relayed = Metadata(
            None,
            relayed.read_from,
            "« SOURCE » nomme le site lui-même (son pied de page), pas un média d'origine",
        )
    sentences: list[Sentence] = []
    credits: list[Sentence] = []
    tails: list[Sentence] = []
    for line in lines:
        if line.kind == "prose":
            for sentence in _split(line.text, line.start):
                tail = _AGGREGATOR_TAIL.search(sentence.text)
                if tail is not None and not is_credit(sentence.text):
                    kept = sentence.text[: tail.start()].rstrip()
                    tails.append(
                        Sentence(sentence.start + tail.start(), sentence.end, tail.group(1))
                    )
                    sentence = Sentence(sentence.start, sentence.start + len(kept), kept)
                if is_credit(sentence.text):
                    credits.append(sentence)
                else:
                    sentences += [part for one in run_on(sentence) for part in two_facts(one)]
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
        url=url_meta,
        dateline=dateline,
        credits=credits,
        tails=tails,
        dateline_day=dateline_date,
        date_clash=clash,
    )
