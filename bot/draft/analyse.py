"""What one sentence carries: actors, unknown names, numbers, act, kind, tense and hedge.

Actors are found by the fact base's own names (aliases, demonyms, folded), then by CLDR
country names, the demonyms and capitals of ``lexicon``; anything capitalised that is none
of these is listed for the curator, never guessed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache

from rapidfuzz.distance import Levenshtein

from bot.content.clauses import main_clauses
from bot.content.countries import is_country_code
from bot.content.modality import Modality, modality_of
from bot.content.model import Actor
from bot.dates import MONTHS_FR
from bot.draft.lexicon import (
    CAPITALS,
    COMBINING_FORMS,
    DEMONYMS,
    FUNCTION_WORDS,
    TITLES,
    inflections,
)
from bot.text import fold

MAX_NGRAM = 6
__all__ = ["Modality", "modality_of"]


@dataclass(frozen=True, slots=True)
class ActorHit:
    """An actor named in a sentence: known id, or a new country's ISO code."""

    id: str
    text: str
    """The article's words for it."""
    known: bool


@dataclass(frozen=True, slots=True)
class Number:
    """A number with what it counts or measures, as the article writes it."""

    text: str
    value: str
    unit: str | None


NEAR_MIN = 8
"""A name is read through a one-letter typo only from this length on (« Azerbaïdjian »)."""


class ActorFinder:
    """Folded-name look-up of the base's actors and of every other CLDR country."""

    def __init__(
        self, actors: Mapping[str, Actor], article_names: Iterable[tuple[str, str]] = ()
    ) -> None:
        names: dict[str, str] = {}
        for given, actor_id in article_names:  # « l'Alliance »: capitalised, never an adjective
            if actor_id in actors:
                names.setdefault(fold(given), actor_id)
        adjectives: set[str] = set()  # demonyms: lowercase in prose; other names capitalised
        exact: dict[str, str] = {}
        for actor in actors.values():
            for name in (actor.name, actor.name_en, actor.full_name, *actor.aliases):
                if not name:
                    continue
                if name.isupper() and len(name) <= 5:
                    exact[name] = actor.id  # « UE », « OTS » only in capitals
                    if len(name) >= 4 and name.isalpha():
                        exact[name.capitalize()] = actor.id  # « Otan », as AFP writes « OTAN »
                else:
                    names.setdefault(fold(name), actor.id)
            for demonym in actor.demonyms:
                names.setdefault(fold(demonym), actor.id)
                adjectives.add(fold(demonym))
        self.known = frozenset(actors)
        for code, demonyms in DEMONYMS.items():
            for demonym in demonyms:
                for form in inflections(demonym):
                    names.setdefault(fold(form), code)
                    adjectives.add(fold(form))
        for capital, code in CAPITALS.items():
            names.setdefault(fold(capital), code)
        for name, code in _cldr_names().items():
            names.setdefault(name, code)
        self._names = names
        spellings: dict[str, set[str]] = {}  # folded name → how the names write it
        for actor in actors.values():
            for name in (actor.name, actor.name_en, actor.full_name, *actor.aliases):
                if name:
                    spellings.setdefault(fold(name), set()).add(name)
        for name in _cldr_spellings():
            spellings.setdefault(fold(name), set()).add(name)
        self._spellings = spellings
        self._adjectives = frozenset(adjectives)
        self._near = {
            key: actor_id
            for key, actor_id in names.items()
            if actor_id in self.known
            and " " not in key
            and len(key) >= NEAR_MIN
            and key not in adjectives
        }
        """One-word names of the base's actors a typo may spell (« Azerbaïdjian »)."""
        self._exact = exact
        self._exact_pattern = (
            re.compile(
                r"(?<![\w-])("
                + "|".join(map(re.escape, sorted(exact, key=len)[::-1]))
                + r")(?![\w-])"
            )
            if exact
            else None
        )

    def _near_name(self, word: str, folded: str) -> str | None:
        """The base's actor whose one-word name ``word`` misspells by one letter
        (« l'Azerbaïdjian » → AZ); None for a word in lower case, a short one or no such name."""
        bare = re.sub(r"^(?:l|d|qu)['’]", "", word, flags=re.IGNORECASE)
        key = re.sub(r"^(?:l|d|qu) ", "", folded)
        if len(key) < NEAR_MIN or not bare[:1].isupper() or key in self._names:
            return None
        near = [
            actor_id
            for name, actor_id in self._near.items()
            if abs(len(name) - len(key)) <= 1 and Levenshtein.distance(name, key) <= 1
        ]
        return near[0] if len(set(near)) == 1 else None

    def find(self, text: str) -> list[ActorHit]:
        """Actors named in ``text``, in order of first mention, each once."""
        hits: dict[str, ActorHit] = {}
        words = [(m.group(0), m.start(), m.end()) for m in re.finditer(r"[\w’']+", text)]
        folded = [fold(word) for word, _, _ in words]
        index = 0
        found: list[tuple[int, ActorHit]] = []
        while index < len(words):
            matched = 0
            for size in range(min(MAX_NGRAM, len(words) - index), 0, -1):
                key = " ".join(folded[index : index + size])
                key = re.sub(r"^(?:l|d|qu) ", "", key)  # « l'Azerbaïdjan », « d'Israël »
                actor_id = self._names.get(key)
                if actor_id is None:
                    continue
                start, end = words[index][1], words[index + size - 1][2]
                surface = text[start:end]
                if key not in self._adjectives and not _capitalised(surface):
                    continue  # « réunion » is a meeting, not La Réunion
                if not _cased_as_a_name(surface, self._spellings.get(key, set())):
                    continue  # « La réunion s'est penchée » (a sentence's first word): a meeting
                if _PLACE_NOUN_BEFORE.search(text[:start]):
                    continue  # « l'océan Indien », « le golfe d'Oman » : a place, not a country
                surface = re.sub(r"^(?:l|d|qu)['’]", "", surface, flags=re.IGNORECASE)
                found.append((start, ActorHit(actor_id, surface, actor_id in self.known)))
                matched = size
                break
            if not matched:
                near = self._near_name(words[index][0], folded[index])
                if near is not None:
                    start, end = words[index][1], words[index][2]
                    surface = re.sub(r"^(?:l|d|qu)['’]", "", text[start:end], flags=re.IGNORECASE)
                    found.append((start, ActorHit(near, surface, True)))
            index += matched or 1
        for position, (word, start, end) in enumerate(words[:-1]):
            code = _COMBINING.get(folded[position])
            if code is not None and text[end : end + 1] in "-‑" and text[end : end + 1]:
                following = folded[position + 1]
                if following in self._adjectives:  # « sino-pakistanais »: China too
                    found.append((start, ActorHit(code, word, code in self.known)))
        if self._exact_pattern is not None:
            for match in self._exact_pattern.finditer(text):
                actor_id = self._exact[match.group(1)]
                found.append((match.start(), ActorHit(actor_id, match.group(1), True)))
        for _, hit in sorted(found, key=lambda pair: pair[0]):
            hits.setdefault(hit.id, hit)
        return list(hits.values())


_COMBINING = {fold(form): code for form, code in COMBINING_FORMS.items()}
_PLACE_NOUN_BEFORE = re.compile(
    r"\b(?:océans?|mers?|golfes?|détroits?|baies?|lacs?|fleuves?|monts?|péninsules?)\s+"
    r"(?:de\s+la\s+|de\s+l['’]|de\s+|du\s+|des\s+|d['’])?$",
    re.IGNORECASE,
)
"""A geographic noun just before a name makes it part of a place's name: « l'océan Indien »,
« la mer de Chine », « le golfe d'Oman » name no country."""


def _capitalised(surface: str) -> bool:
    """True when the name's first letter (after « l' », « d' ») is a capital."""
    word = re.sub(r"^(?:l|d|qu)['’]", "", surface, flags=re.IGNORECASE)
    return word[:1].isupper()


def _cased_as_a_name(surface: str, spellings: set[str]) -> bool:
    """True when ``surface`` writes with a capital every word some spelling of the name
    writes with one (« La Réunion », not « La réunion »; « Arabie saoudite » as the name has
    it), or when it is all capitals (a headline) or no spelling is known."""
    if not spellings or surface.isupper():
        return True
    words = re.findall(r"[\w’']+", surface)
    for spelling in spellings:
        written = re.findall(r"[\w’']+", spelling)
        if len(written) != len(words):
            return True  # not comparable word by word: the first-letter rule alone decides
        if all(
            not _capitalised(name) or _capitalised(word)
            for name, word in zip(written, words, strict=True)
        ):
            return True
    return False


@cache
def _cldr_spellings() -> tuple[str, ...]:
    """The French and English CLDR country names as written (with their capitals)."""
    from babel import Locale

    found: list[str] = []
    for locale in ("fr", "en"):
        for name in Locale.parse(locale).territories.values():
            found.append(name)
            for pair in _PARENTHESISED.findall(name):
                found.extend(pair)
    return tuple(found)


@cache
def _cldr_names() -> dict[str, str]:
    """Folded French and English CLDR names → ISO code, for every real country (« Nations
    Unies », « Union européenne » are organisations, never countries)."""
    from babel import Locale

    found: dict[str, str] = {}
    for locale in ("fr", "en"):
        for code, name in Locale.parse(locale).territories.items():
            if not is_country_code(code):
                continue
            parts = [form for pair in _PARENTHESISED.findall(name) for form in pair]
            for form in (name, *parts):  # « Myanmar (Birmanie) »
                if len(fold(form)) > 3:
                    found.setdefault(fold(form), code)
    return found


_PARENTHESISED = re.compile(r"^([^()]+?)\s+\(([^()]+)\)$")
"""« Myanmar (Birmanie) » : the article writes « le Myanmar » or « la Birmanie »."""


_NAME = re.compile(
    r"[A-ZÀ-ÖØ-Þ][\w’'.-]*(?:\s+(?:(?:de|du|des|d’|d'|al|el|ben|bin|van|von)\s+)?"
    r"[A-ZÀ-ÖØ-Þ][\w’'.-]*)*"
)
_MONTH_WORDS = frozenset(fold(month) for month in MONTHS_FR)
_WEEKDAYS = frozenset(["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"])


def unknown_names(text: str, finder: ActorFinder, hits: Iterable[ActorHit]) -> list[str]:
    """Capitalised names of ``text`` that are neither actors nor ordinary words."""
    known_surfaces = {fold(hit.text) for hit in hits}
    found: dict[str, None] = {}
    for match in _NAME.finditer(text):
        before = text[: match.start()].rstrip()
        if " " not in match.group(0) and (not before or before[-1] in '.!?«»"“:'):
            continue  # a capitalised first word is not a name by itself
        words = match.group(0).rstrip(".’'-").split()
        while words and (
            fold(words[0]) in FUNCTION_WORDS
            or fold(words[0]).rstrip(" ") in TITLES
            or (
                fold(words[0].split("’")[0].split("'")[0]) in ("l", "d", "qu")
                and not words[0][2:3].isupper()
            )
        ):
            words = words[1:]
        if not words:
            continue
        name = " ".join(words).strip(".,;:")
        key = fold(name)
        if not key or key in _MONTH_WORDS or key in _WEEKDAYS or key in FUNCTION_WORDS:
            continue
        if key in known_surfaces or finder.find(name):
            continue
        if len(name) < 2:
            continue
        found.setdefault(name, None)
    return list(found)


_SPELLED = {
    "deux": "2",
    "trois": "3",
    "quatre": "4",
    "cinq": "5",
    "six": "6",
    "sept": "7",
    "huit": "8",
    "neuf": "9",
    "dix": "10",
    "douze": "12",
    "quinze": "15",
    "vingt": "20",
    "trente": "30",
    "cent": "100",
    "mille": "1000",
}
_NUMBER = re.compile(
    r"(?<![\w.,-])(\d+(?:[ \u00a0\u202f]\d{3})*(?:[.,]\d+)?|"
    + "|".join(_SPELLED)
    + r")(?:\s+(millions?|milliards?|mille))?"
    r"(?:\s*(%)|\s+(pour cent|(?:de\s+|d['’])?[a-zà-öø-ÿ]{3,}(?:\s+(?:de|d['’])\s*[a-zà-öø-ÿ]+)?))?"
    r"(?![\w-])",
    re.IGNORECASE,
)
_UNIT_STOP = frozenset(
    [
        "et",
        "ou",
        "de",
        "des",
        "du",
        "la",
        "le",
        "les",
        "à",
        "au",
        "aux",
        "en",
        "par",
        "pour",
        "sur",
        "dans",
        "avec",
        "qui",
        "que",
        "dont",
        "est",
        "sont",
        "a",
        "ont",
        "premiers",
        "premières",
        "derniers",
        "autres",
    ]
)


def numbers(text: str, dates: Iterable[tuple[int, int]]) -> list[Number]:
    """Numbers and amounts of ``text`` with their unit, dates excluded."""
    spans = list(dates)
    found: list[Number] = []
    for match in _NUMBER.finditer(text):
        if any(match.start() < b and a < match.end(1) for a, b in spans):
            continue
        raw, magnitude = match.group(1), match.group(2)
        unit = match.group(3) or match.group(4)
        if raw.isdigit() and len(raw) == 4 and raw.startswith(("19", "20")) and not unit:
            continue
        value = _SPELLED.get(raw.casefold(), raw)
        if unit and fold(unit.split()[0]) in _UNIT_STOP and not unit.startswith(("de ", "d'")):
            unit = None
        if raw.casefold() in _SPELLED and not unit:
            continue
        if unit and unit.casefold().startswith(("de ", "d'", "d’")):
            unit = unit.split(None, 1)[-1] if " " in unit else unit[2:]
        measure = " ".join(part for part in (magnitude, unit) if part) or None
        found.append(Number(match.group(0).strip(), value, measure))
    return found


_ACTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "signe",
        re.compile(
            r"\b(?:sign(?:é|ée|és|ées|er|ent|era\w*|ait|aient|ant|ature|atures)|paraph\w*|"
            r"conclu|conclue|conclus)\b",
            re.IGNORECASE,
        ),
    ),
    ("adhesion", re.compile(r"\b(?:adh[ée]r\w*|adhésion|rejoin\w*|rejoint)\b", re.IGNORECASE)),
    ("approuve", re.compile(r"\b(?:approuv\w*|adopt\w*|ratifi\w*)\b", re.IGNORECASE)),
    ("propose", re.compile(r"\b(?:propos[ée]\w*|propose\w*)\b", re.IGNORECASE)),
    (
        "livre",
        re.compile(
            r"\b(?:livr[ée]\w*|livraison\w*|réceptionn\w*|reçu\w*|reçoi(?:t|vent)|"
            r"recevr\w*|recevoir|fourni(?:e|s|es)?)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "achat",
        re.compile(
            r"\b(?:achet\w*|achèt\w*|achats?|acqu(?:is|ise|ises|iert|ièrent|érir|err\w*)|"
            r"acquisitions?|vend(?:u|ue|us|ues|re|ra|rait|raient|ront|ait|aient|ent)|"
            r"ventes?)\b",
            re.IGNORECASE,
        ),
    ),
    ("annonce", re.compile(r"\bannonc\w*", re.IGNORECASE)),  # « a déclaré » is no « annoncé »
)
ACT_LABELS = {
    "signe": "signé",
    "adhesion": "adhésion",
    "approuve": "approuvé",
    "propose": "proposé",
    "livre": "livré",
    "achat": "acheté ou vendu",
    "annonce": "annoncé",
}
EVENT_ONLY_ACTS = ("livre", "achat")
"""Acts an event's type says (a delivery, a purchase or sale: type « mesure »); never an
agreement's act: a sale contract is an agreement signed (kind accord), the goods changing
hands an event."""
_AGREEMENT_NOUN = re.compile(
    r"\b(accord|charte|mémorandum|memorandum|traité|plan|contrat|protocole|feuille de route|"
    r"partenariat)s?\b",
    re.IGNORECASE,
)
_AGREEMENT_KIND = {
    "accord": "accord",
    "charte": "partenariat",
    "mémorandum": "memorandum",
    "memorandum": "memorandum",
    "traité": "accord",
    "plan": "plan",
    "contrat": "accord",
    "protocole": "accord",
    "feuille de route": "feuille-de-route",
    "partenariat": "partenariat",
}
_EVENT_TYPES = (
    ("exercice", re.compile(r"\b(?:exercice|manœuvre|manoeuvre)s?\b", re.IGNORECASE)),
    (
        "reunion",
        re.compile(
            r"\b(?:rencontr\w*|visite|s['’]est rendu|se sont rendus|réuni\w*|entretiens?\b|"
            r"(?:conversation|appel|échange|communication)s?\s+téléphoniques?|"
            r"(?:au|par)\s+téléphone|visioconférence|"
            r"(?:ai|a|avons|ont)\s+(?:\w+\s+)?visité|"
            r"s['’]entret\w*|s['’]est\s+(?:\w+\s+)?entretenue?\b|se\s+sont\s+entretenus|retrouv\w*|pourparlers|(?:est|sont)\s+(?:\w+\s+)?arrivée?s?\s+à|"
            r"reçu\w*(?:\s+[\w'’-]+){0,4}?\s+(?:une|la|le|son|sa|les|l['’])\s?(?:délégation|"
            r"ministre|homologue|"
            r"ambassadeur|vice-ministre|chef|président|commandant))",
            re.I,
        ),
    ),
    (
        "fondation",
        re.compile(
            r"\b(?i:établissement|établi\w*|nou(?:é|ée|és|ées|ent|èrent|er))\s+"
            r"(?i:de\s+|des\s+|d['’]|leurs\s+|les\s+|ses\s+|ces\s+)*"
            r"(?i:relations\s+diplomatiques)\b"
            r"|\b(?i:création|fondation)\s+(?i:de\s+|du\s+|d['’]|des\s+)(?i:l['’]|la\s+|le\s+)?"
            r"(?:[A-ZÀ-Þ][\w-]+|(?i:organisation|alliance|conseil|commission|comité|agence)s?\b)"
            r"|\b(?i:inauguration)\s+(?i:du|des|de\s+la|de\s+l['’])\s*[A-ZÀ-Þ]"
            r"|\b(?i:mise?s?\s+en\s+service)\b"
        ),
    ),
    ("forum", re.compile(r"\b(?:forum|sommet|conférence)\b", re.IGNORECASE)),
    ("sanction", re.compile(r"\b(?:sanction\w*|embargo)\b", re.IGNORECASE)),
    (
        "conflit",
        re.compile(
            r"\b(?:guerre|hostilités|conflit|offensive|combats|affrontements|opération\s+militaire|"
            r"victoire\s+(?:\w+\s+)?militaire|"
            r"crise(?!\s+(?:diplomatique|politique|économique|financière|humanitaire|"
            r"énergétique|sanitaire|migratoire)))\b",
            re.I,
        ),
    ),
    (
        "declaration",
        re.compile(
            r"\b(?:a|ont)\s+(?:accusé|dénoncé|condamné|déclaré|affirmé|averti|souligné|"
            r"fait\s+savoir)\b|\b(?:son|sa|leur)\s+(?:intervention|discours|allocution)\b",
            re.I,
        ),
    ),
)
_FUTURE = re.compile(
    r"\b(?:[a-zà-ÿ]{2,}(?:erai|eras|era|erons|erez|eront|irai|ira|irons|iront|"
    r"drons|rrons|vrons|urons|ront)|"
    r"serons|sera|seront|aurons|aura|auront|ferons|fera|feront|ira|iront|"
    r"(?:recevr|vendr|acquerr)(?:a|as|ai|ons|ez|ont)|"
    r"[a-zà-ÿ]*(?:tiendr|viendr)(?:a|as|ai|ons|ez|ont)|"
    r"vont\s+\w+(?:er|ir|re)|va\s+\w+(?:er|ir|re))\b"
)
_PRESENT_IN_RONS = re.compile(r"(?:[tsvdp]irons|[aos]urons|ouvrons|œuvrons|ivrons|lirons)$")
"""Present forms the future's endings would catch: « tirons », « assurons », « ouvrons »
(verbs in -irer, -urer, -vrir); « aurons », « pourrons » stay future by their stem."""
_FUTURE_STEMS = re.compile(r"(?:au|pour|dev|sau|vou|fau|ser)(?:rons|ront)$")
_CONDITIONAL = re.compile(
    r"\b(?![a-zà-ÿ]*(?:[éao]|[^a]u)r(?:ait|aient|ais)\b)"
    r"(?!(?:re|ex|por|at|abs|dis|sous)?traits?\b)(?:[a-zà-ÿ]{2,}(?:rait|raient|rais))\b"
)
"""« serait », « pourrait », « aurait » ; never an imperfect whose stem ends in r
(« coopérait », « déclarait », « ignorait », « assurait », « demeurait ») — a conditional
in -rait after é, a, o or u is « -érerait », « -arerait »…, and after u only « aurait »,
« saurait » ; never a noun in -trait (« le retrait de 173 mines », « un extrait », « le
portrait ») — « mettrait », « permettrait » stay conditional."""
_HEDGE = re.compile(r"\b((?:[Ss]elon|[Dd]['’]après)\s+[^,.;:]{2,100}?)(?=,|\.|;|:| que | qu['’]|$)")


_UNCERTAIN = re.compile(
    r"\b(?:a pu|ont pu|aurait pu|auraient pu|présumée?s?|supposée?s?|semble(?:nt)?|"
    r"probablement|peut-être|hypothèses?|rumeurs?|indiquant que|affirme(?:nt)?|"
    r"(?:accusée?s?|soupçonnée?s?|suspectée?s?)\s+d['’]\s*(?:avoir|être)|"
    r"dément(?:ent)?|démenti\w*|nie(?:nt)?|conteste(?:nt)?)\b",
    re.IGNORECASE,
)
_ACCUSED_BEFORE = re.compile(
    r"\b(?:accus\w*|soupçonn\w*|suspect\w*|reproch\w*)\s+(?:\w+\s+)?d(?:e\s+|['’]\s*)"
    r"(?:(?:avoir|être)\s+)?(?:été\s+)?(?:[\w'’]+\s+){0,2}$",
    re.IGNORECASE,
)
"""« la Turquie a été accusée d'avoir fourni … » : what someone is accused of is no act done."""
_REACTED_BEFORE = re.compile(
    r"\b(?:désapprobation|désapprouv\w*|condamn\w*|dénonc\w*|protest\w*|critiqu\w*|"
    r"inquiétude|préoccupation|réagi|s['’]oppos\w*|opposition)\b[^.;]{0,80}$",
    re.IGNORECASE,
)
"""« a exprimé la ferme désapprobation de son pays à l'égard de la vente d'armes par la France »:
a sale the speaker condemns is what he speaks of, not an act of his (the speaker is no party)."""
_DENIED = re.compile(
    r"\b(?:ce\s+qu(?:e\s+|['’]\s*)[^,;.]{1,40}?\s+(?:dément|démentent|nie|nient|conteste|"
    r"contestent|réfute|réfutent)|(?:a|ont)\s+démenti|démentant|niant)\b",
    re.IGNORECASE,
)
"""« …, ce qu'Ankara dément », « a démenti » : an act the sentence says is denied."""


def uncertainty_of(text: str) -> list[str]:
    """Words that make a claim uncertain or someone's assertion (« a pu », « présumés »)."""
    return list(dict.fromkeys(match.group(0) for match in _UNCERTAIN.finditer(text)))


_RECEIVED_VISITORS = re.compile(
    r"\breçu\w*(?:\s+[\w'’-]+){0,4}?\s+(?:une|la|le|son|sa|les|l['’])\s?(?:délégation|"
    r"ministre|homologue|ambassadeur|"
    r"vice-ministre|chef|président|commandant)"
    r"|\breçue?s?\s+(?:\w+\s+){0,2}?par\s+(?:le|la|l['’]|son|sa|leur)\s?(?:[\w'’-]+\s+){0,2}?"
    r"(?:premier\s+ministre|ministre|homologue|président|chef|roi|émir|secrétaire|commandant|"
    r"ambassadeur|vice-président)"
    r"|\breçue?s?\s+en\s+audience\b",
    re.IGNORECASE,
)
"""« a reçu une délégation », « a été reçu par le Premier ministre pakistanais », « reçu en
audience » : a meeting, not a delivery."""


_NEGATED_BEFORE = re.compile(
    r"(?:\b(?:n['’]|ne\s+)[\w'’]+(?:\s+[\w'’]+)?\s+(?:pas|jamais|plus|point)\b"
    r"|\bne\s+(?:peu[tv]\w*|pouv\w+|saur\w+)\b|\bsans\b)"
    r"[^,;.:!?]{0,60}$",
    re.IGNORECASE,
)
"""A negation governing the act word that follows in its clause: « n'ait pas encore défini sa
position sur l'adhésion », « ne peut aujourd'hui adhérer », « sans signer » — nothing done."""


def act_of(text: str) -> str | None:
    """The act a sentence reports (signé, adhésion, livré…), by the first verb found that no
    negation governs (« n'a pas encore défini sa position sur l'adhésion » reports no act)."""
    for act, pattern in _ACTS:
        plain = _RECEIVED_VISITORS.sub("", text) if act == "livre" else text
        for match in pattern.finditer(plain):
            if _PURPOSE_BEFORE.search(plain[: match.start()]) and _INFINITIVE.match(match.group(0)):
                continue  # « venu à Paris pour signer l'accord »: the aim, not the act
            if act in ("livre", "achat") and _REACTED_BEFORE.search(plain[: match.start()]):
                continue  # a sale or delivery condemned: the statement's subject, no act
            if _ACCUSED_BEFORE.search(plain[: match.start()]) or (
                act in ("livre", "achat", "signe") and _DENIED.search(plain)
            ):
                continue  # an accusation, or a denied act: never drafted as done
            if not _NEGATED_BEFORE.search(plain[: match.start()]):
                return act
    return None


_PURPOSE_BEFORE = re.compile(r"\b(?:pour|afin\s+de|afin\s+d['’]|en\s+vue\s+de)\s*$", re.I)
"""A purpose just before an infinitive (« pour signer ») says what a visit was for."""
_INFINITIVE = re.compile(r"^\w+(?:er|ir|re)$", re.I)


_SIGNED_NOUN = re.compile(
    r"\b(?:signatures?|sign\w+|conclu\w*|paraph\w+)\s+(?:(?:d['’]|de\s+|du\s+)?"
    r"(?:un|une|le|la|l['’]|les|des|ce|cet|cette|deux|trois|nouvel|nouveau|nouvelle)\s*)?"
    r"(?:[\w-]+\s+){0,2}?"
    r"(accord|charte|mémorandum|memorandum|traité|plan|contrat|protocole|feuille de route|"
    r"partenariat)s?\b",
    re.IGNORECASE,
)
"""« la signature d'un accord », « ont signé un contrat » : the noun of what is signed."""


def agreement_kind(text: str) -> str | None:
    """The agreement noun of a sentence, as a vocabulary kind (accord, plan, mémorandum…):
    the noun of what is signed when the sentence says it (« renforcent leur partenariat avec
    la signature d'un accord comprenant la vente… » is an accord, not a partenariat), else
    the first agreement noun other than « partenariat », which is only the kind when the
    sentence names no other (a sale contract is an accord)."""
    signed = _SIGNED_NOUN.search(text)
    if signed is not None:
        return _noun_kind(signed, text)
    nouns = [match for match in _AGREEMENT_NOUN.finditer(text)]
    precise = [noun for noun in nouns if noun.group(1).casefold() != "partenariat"]
    if precise:
        return _noun_kind(precise[0], text)
    return _noun_kind(nouns[0], text) if nouns else None


_OF_AGREEMENT = re.compile(r"s?\s+d['’]\s?(?:accord|entente)\b", re.IGNORECASE)


def _noun_kind(match: re.Match[str], text: str) -> str:
    """The vocabulary kind of an agreement noun: the article's own word's class — « un
    protocole de coopération » is an accord like « un accord », only « un protocole
    d'accord » (« d'entente ») is a memorandum of understanding."""
    noun = match.group(1).casefold()
    if noun == "protocole" and _OF_AGREEMENT.match(text, match.end(1)):
        return "memorandum"
    return _AGREEMENT_KIND[noun]


_SECOND_AGREEMENT = re.compile(
    r"(?:,\s*)?\b(?:ainsi\s+qu['’]|et\s+)(?:un|une|le|la|l['’]|les|des|deux)\s*"
    # « et le projet de loi « sur l'approbation du protocole … » » : a second bill, its text
    r"(?:projets?\s+de\s+loi\s*[«“\"]?\s*(?:sur|relatif\s+à)\s+(?:la\s+ratification|"
    r"l['’]approbation)\s+(?:de\s+l['’]|du\s+|de\s+la\s+|des\s+))?"
    r"(?:\w+\s+){0,2}?(accord|charte|mémorandum|memorandum|traité|plan|contrat|protocole|"
    r"feuille de route)s?\b",
    re.IGNORECASE,
)


def second_agreement(text: str) -> tuple[str, str] | None:
    """« … ont signé un plan de coopération …, ainsi qu'un mémorandum entre les universités » :
    a second agreement signed in the same sentence, as (its words, its vocabulary kind)."""
    first = _AGREEMENT_NOUN.search(text)
    if first is None:
        return None
    found = _SECOND_AGREEMENT.search(text, first.end())
    if found is None:
        return None
    return found.group(0).strip(" ,"), _noun_kind(found, text)


_AGREED_ON = re.compile(
    r"\b(?:(?:parvenue?s?|abouti)\s+à\s+un\s+accord|mis\s+d['’]accord|convenu)\s+"
    r"(?:sur\s+(?:la\s+tenue|l['’]organisation|la\s+conduite)|pour\s+(?:organiser|tenir|mener)|"
    r"d['’]organiser|de\s+(?:tenir|mener))\b",
    re.IGNORECASE,
)
"""« sont parvenus à un accord sur la tenue d'un exercice naval conjoint » : what is dated is
the agreement to hold it, not the exercise (still to come)."""


_QUOTE_THEN_SPEAKER = re.compile(
    r"^\s*«[^»]{8,}»[^«»]*?,\s*(?:(?:a|ont|avait|avaient|s['’](?:est|était)|se\s+sont)\s+)?"
    r"(?:\w+\s+)?(?:déclaré|affirmé|félicitée?s?|souligné|indiqué|estimé|ajouté|précisé|"
    r"réjouie?s?|assuré|martelé|insisté|dit)\b"
)
"""« « La visite est l'occasion de célébrer … » …, s'était félicité mardi la présidence turque
dans un communiqué » : the sentence tells a statement, whatever its quoted words name."""


_MISSION_SENT = re.compile(
    r"\b(?:commencé\s+(?:\w+\s+)?à\s+déployer|déploie|a\s+déployé|lance|a\s+lancé|envoie|a\s+envoyé)\s+"
    r"(?:\w+\s+)?(?:une|sa|son|la)\s+(?:\w+\s+)?mission\b",
    re.IGNORECASE,
)
"""« a commencé à déployer une mission d'observation », « lance aujourd'hui une mission
civile » : a mission set up (fondation), even « à la frontière entre deux pays en conflit »."""


_NOT_TAKING_PART = re.compile(
    r"\bne\s+(?:(?:pas|plus|jamais)\s+)?(?:participer\w*|particip\w+|prendr\w+\s+(?:pas|plus)"
    r"\s+part|pren\w+\s+(?:pas|plus)\s+part)\b(?:\s+(?:pas|plus|jamais))?"
    r"|\brefus\w*\s+de\s+(?:participer|prendre\s+part)\b",
    re.IGNORECASE,
)
"""« ne participera pas aux exercices », « son refus de participer » : what a party says it
will not do — a declaration about the event, never the event with that party."""


def event_type(text: str, act: str | None) -> str | None:
    """A suggested event type from the vocabulary."""
    by_act = {
        "signe": "accord",
        "adhesion": "adhesion",
        "propose": "proposition",
        "annonce": "declaration",
        "livre": "mesure",
        "achat": "mesure",
        "approuve": "accord",
    }
    if _AGREED_ON.search(text):
        return "accord"  # « un accord sur la tenue d'un exercice naval » : the agreement
    if _QUOTE_THEN_SPEAKER.match(text):
        return "declaration"  # « « La visite est l'occasion … », s'était félicité … »
    if _MISSION_SENT.search(text):
        return "fondation"  # « a commencé à déployer une mission », never the conflict around
    if _NOT_TAKING_PART.search(text):
        return "declaration"  # « L'Azerbaïdjan ne participera pas aux exercices » : no exercise
    if _ANNOUNCED_PASSIVE.search(text) and not _DONE_HERE.search(text):
        return "declaration"  # « L'exercice avait été annoncé le 10 septembre par le ministère »
    for kind, pattern in _EVENT_TYPES:
        found = [
            match
            for match in pattern.finditer(text)
            if not (kind == "conflit" and act and _AS_TIME.search(text[: match.start()]))
        ]
        if not found:
            continue
        # the statement verb nearest the kind's noun
        said = next(reversed(list(_SAID_ABOUT.finditer(text[: found[0].start()]))), None)
        between = text[said.end() : found[0].start()] if said else ""
        quoted = _QUOTED_SPEECH.match(between) is not None
        if (
            kind not in ("reunion", "declaration")
            and said is not None
            and (quoted or (len(between.split()) <= 6 and not _CLAUSE_BREAK.search(between)))
            and not _DONE_HERE.search(text)
        ):
            return "declaration"  # « a souligné l'importance des manœuvres » : a statement
        return kind
    if act == "approuve" and agreement_kind(text) is None:
        return None  # « a adopté le modèle de l'armée turque » : no agreement, the curator's
    return by_act.get(act or "")


_ANNOUNCED_PASSIVE = re.compile(
    r"\b(?:a|avait|ont|avaient|aura|auront)\s+été\s+(?:\w+\s+)?(?:annoncée?s?|dévoilée?s?|"
    r"rendue?s?\s+publique?s?)\b",
    re.IGNORECASE,
)
"""« L'exercice avait été annoncé le 10 septembre par le ministère » : what is dated is the
announcement, not the exercise it announces."""
_AS_TIME = re.compile(
    r"\b(?:après|avant|depuis|pendant|durant|lors|au\s+lendemain|à\s+l['’]issue|"
    r"depuis\s+la\s+fin)\s+(?:de\s+|d['’]\s?|du\s+|des\s+)?(?:la\s+|l['’]\s?|le\s+|les\s+)?"
    r"(?:\w+\s+)?$",
    re.IGNORECASE,
)
"""« après la guerre, l'armée a adopté … » : when the sentence tells an act of its own, the war
dates it, it is not the act."""
_SAID_ABOUT = re.compile(
    r"\b(?:(?:a|ont|avait|avaient)\s+(?:\w+\s+)?(?:souligné|déclaré|affirmé|salué|évoqué|"
    r"rappelé|insisté|estimé|noté|indiqué|exprimé|souhaité|qualifié|appelé|plaidé|"
    r"mis\s+l['’]accent|fait\s+savoir)|(?:soulignant|déclarant|affirmant|saluant|évoquant|"
    r"rappelant|estimant|insistant|qualifiant|plaidant)|"
    r"(?:discours|allocution|intervention|déclaration)\s+(?:\w+\s+)?(?:sur|consacrée?\s+à))\b",
    re.IGNORECASE,
)
"""A statement verb whose object is the kind's noun (« a salué les manœuvres ») : what is dated
is the statement about the event, not the event."""
_QUOTED_SPEECH = re.compile(r"^\s*(?:\w+\s+){0,3}:\s*[«\"“]")
"""« a déclaré mercredi : « Nos exercices … » » : the kind's noun inside the words quoted."""
_CLAUSE_BREAK = re.compile(r"\bqu(?:e\b|['’])|\bavoir\b|\bêtre\b|[,;:«»\"]", re.IGNORECASE)
_DONE_HERE = re.compile(
    r"\b(?:(?:a|ont|avait|avaient)\s+(?:\w+\s+)?(?:mené|organisé|tenu|lancé|conduit|"
    r"participé|pris\s+part|effectué|débuté|commencé|achevé|terminé|déclenché)|"
    r"(?:s['’]est|se\s+sont)\s+(?:\w+\s+)?(?:tenue?s?|déroulée?s?|ouverte?s?|achevée?s?))\b",
    re.IGNORECASE,
)
"""A verb that says the event itself took place: the kind noun is the act, not a topic."""


def tense_of(text: str) -> str:
    """futur, conditionnel or passé (the draft's default), from the verb forms; a future
    relative clause (« la réunion qui se tiendra à Tachkent ») in a done act's sentence does not
    make the act future."""
    text = main_clauses(text)
    if _CONDITIONAL.search(text):
        return "conditionnel"
    for match in _FUTURE.finditer(text):
        word = match.group(0).casefold()
        if " " in word or not _PRESENT_IN_RONS.search(word) or _FUTURE_STEMS.search(word):
            return "futur"
    return "passé"


_BY_DOCUMENT = re.compile(
    r"^(?:[Ss]elon|[Dd]['’]après)\s+(?:le|la|les|l['’]|un|une|ce|cet|cette|ces)\s*"
    r"(?:plans?|programmes?|calendriers?|accords?|traités?|protocoles?|mémorandums?|contrats?|"
    r"termes|conditions|dispositions|règlements?|règles|scénarios?|feuille de route|"
    r"résolutions?|statuts?)\b"
)
"""« Selon le plan commun, signé entre … sont organisés des exercices » : « selon » is « in
accordance with » a document, not someone who reports — no attribution."""
_AS_REPORTED = re.compile(
    r"\b([Cc]omme\s+l['’]\s*(?:a|avait|ont|avaient)\s+(?:rapporté|indiqué|annoncé|révélé|"
    r"écrit|signalé|affirmé)\s+[^,.;:]{2,60}?)(?=,|\.|;|:)"
)
"""« Comme l'a rapporté CNN, … » : the outlet the sentence takes its claim from."""


def hedge_of(text: str) -> str | None:
    """« selon … », « d'après … », « comme l'a rapporté … » as written, lowercased at the
    start; « selon le plan … » (in accordance with a document) is none."""
    for match in (*_HEDGE.finditer(text), *_AS_REPORTED.finditer(text)):
        if _BY_DOCUMENT.match(match.group(1)):
            continue
        hedge = match.group(1).strip()
        return hedge[0].lower() + hedge[1:]
    return None
