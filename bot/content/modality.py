"""How a sentence puts an act: done, or only wished, intended, planned, owed, proposed,
expected (« volonté de signer », « entend », « devaient », « propose », « prévoit »,
« pourrait ») or only before a body that has not decided (« projet de loi », « à l'ordre du
jour », « recommandé pour », « soumis à », « examine le texte »). Read by the draft tool
(never draft such an act as done) and by the support check (refuse an entry whose act is done
when its key quotes only say it this way)."""

from __future__ import annotations

import re
from dataclasses import dataclass

MODALITY_LABELS = {
    "souhait": "un souhait",
    "intention": "une intention",
    "projet": "un projet",
    "obligation": "une obligation",
    "proposition": "une proposition",
    "attente": "une attente ou une possibilité",
    "but": "un but",
    "futur": "un futur",
    "examen": "un texte à l'examen (projet de loi, ordre du jour, recommandé, soumis)",
}


@dataclass(frozen=True, slots=True)
class Modality:
    """How a sentence puts its act: a wish, an intention, a plan, an obligation, a proposal
    or an expectation — never an act already done."""

    kind: str
    """souhait, intention, projet, obligation, proposition, attente, but, futur, examen."""
    words: str
    """The article's words that say it (« volonté de signer »)."""


_MODAL_MARKERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "souhait",
        re.compile(
            r"\b(?:volontés?|souhait\w*|désir\w*|désireu\w*|esp[èé]r\w*|aspir\w*|appel\w* à)\b",
            re.I,
        ),
    ),
    (
        "intention",
        re.compile(
            r"\b(?:entend(?:ent)?|intentions?|veu(?:t|lent)|voulai\w*|"
            # « compte signer » (intends to), never the noun (« sur son compte Twitter », « en
            # compte ») nor « compte 2 000 soldats »
            r"(?<!\bson )(?<!\bun )(?<!\ble )(?<!\bmon )(?<!\bce )(?<!\bleur )(?<!\bdu )"
            r"(?<!\bau )(?<!\bses )(?<!\bdes )(?<!\bles )(?<!\ben )(?<!\bleurs )"
            r"compt(?:e|ent)(?!\s+(?:\d|parmi|sur|environ|près|plus|entre|au\s+nombre))|"
            r"cherch\w* à|vis\w* à|envisag\w*|s['’]appr[êe]t\w*|en vue d[e'’]|"
            r"(?:se )?(?:sont |est )?engag\w* à|déterminé\w* à|prête?s? à)",
            re.I,
        ),
    ),
    (
        "projet",
        re.compile(r"\b(?:prévoi\w*|prévu\w*|planifi\w*|projett\w*|projet\w* d[e'’])", re.I),
    ),
    ("futur", re.compile(r"\b(?:sera|seront|va|vont|aura|auront)\b", re.I)),
    ("obligation", re.compile(r"\b(?:devai(?:t|ent)|doi(?:t|vent)|tenue?s? d[e'’])", re.I)),
    ("proposition", re.compile(r"\b(?:propos\w*|suggér\w*|invit\w* à)", re.I)),
    (
        "attente",
        re.compile(
            r"\b(?:pourr\w*|devr(?:a|ait|aient|ont)|attendu\w*|s['’]attend\w*|"
            r"possibilité|éventuel\w*)\b",
            re.I,
        ),
    ),
)
_ACT_WORD = re.compile(
    r"\b(?:sign\w*|paraph\w*|conclu\w*|adopt\w*|approuv\w*|approbations?|ratifi\w*|adh[ée]r\w*|adhésion|"
    r"rejoin\w*|livr\w*|men(?:é|ée|és|ées|er|era\w*|erai\w*)|organis\w*|t(?:enir|enu\w*)|"
    r"exercices?|manœuvres?|manoeuvres?|rencontr\w*|retrouv\w*|réuni\w*|visite\w*|"
    r"recevoir|acheter|achèter\w*|acquérir|acquisitions?|vendre|"
    r"(?:recevr|vendr|acquerr)(?:a|as|ai|ons|ez|ont|ais|ait|ions|iez|aient))\b",
    re.I,
)
"""Words of an act or of an event that can be done — or only wished, planned, proposed."""
_UNDONE_FORM = re.compile(
    r"^(?:\w+(?:er|ir|re)|\w+(?:era|eront|erait|eraient|ira|iront|irait|iraient))$", re.I
)
_IRREGULAR_FUTURE = re.compile(r"^(?:recevr|vendr|acquerr)(?!e$)\w+$", re.I)
"""« recevra », « vendront », « acquerrait » : futures and conditionals the endings miss
(« vendre », the infinitive, is none)."""
_NOUN_FORM = re.compile(
    r"^(?:\w+(?:ure|ures|ion|ions|aison|aisons)|exercices?|man\w+|membres?)$", re.I
)
_PURPOSE = re.compile(
    r"\b(?:pour|afin\s+d(?:e\s+|['’]\s*))\s*(?:(?:y|en|le|la|les|se|ne|pas)\s+|[ls]['’]\s*)*$",
    re.I,
)
"""A purpose just before a bare infinitive (« venu pour signer », « afin de l'adopter »):
what someone came for, not what was done."""
_PENDING = re.compile(
    r"\b(?:projets?\s+de\s+loi|(?:à|a)\s+l['’]ordre\s+du\s+jour|inscrits?\w*\s+à\s+l['’]ordre|"
    r"recommandé\w*\s+(?:pour|à|au|aux)|soumis\w*\s+(?:à|au|aux|pour)|"
    r"examin\w*(?:\s+[\w’']+){0,3}?\s+(?:projets?|textes?|accords?|protocoles?|traités?|"
    r"mémorandums?|documents?|conventions?))\b",
    re.IGNORECASE,
)
"""A text before a body that has not yet decided (« le projet de loi sur la ratification »,
« figuraient à l'ordre du jour », « recommandés pour discussion », « soumis au Parlement »,
« a examiné le projet ») : its ratification, approval or signing is not done."""
MODAL_WINDOW = 6
"""Words before an act's word within which a marker governs it (« volonté de signer »)."""


_GREETING = re.compile(
    r"\bsouhait\w*\s+(?:(?:aussi|également|chaleureusement)\s+)?(?:la\s+|une\s+|un\s+|de\s+)?"
    r"(?:bienvenue|(?:bon|bonne|joyeux|joyeuse|plein|pleins|heureux|heureuse)s?\s+[\w-]+|"
    r"succès|réussite|santé)\b",
    re.IGNORECASE,
)
"""« souhaitant la bienvenue », « a souhaité un bon anniversaire », « souhaite plein succès » :
a courtesy formula, no wish that governs an act."""


def _courtesy_blanked(text: str) -> str:
    """``text`` with its courtesy formulas blanked out, every offset kept."""
    return _GREETING.sub(lambda match: " " * len(match.group(0)), text)


def _marker_before(text: str, position: int, end: int) -> tuple[str, str] | None:
    original = text
    text = _courtesy_blanked(text)
    words = list(re.finditer(r"[\w’']+", text[:position]))
    window_start = words[-MODAL_WINDOW].start() if len(words) >= MODAL_WINDOW else 0
    clause = max(text.rfind(mark, 0, position) for mark in (",", ";", ":", "«", "(", "."))
    window_start = max(window_start, clause + 1)
    window = text[window_start:position]
    best: tuple[int, str, str] | None = None
    for kind, pattern in _MODAL_MARKERS:
        for match in pattern.finditer(window):
            if best is None or match.start() > best[0]:
                best = (match.start(), kind, match.group(0))
    if best is None:
        return None
    return best[1], original[window_start + best[0] : end].strip()


def modality_of(text: str, act_words: re.Pattern[str] = _ACT_WORD) -> Modality | None:
    """The modality governing a sentence's act, or None when the act is said as done.

    Every word of an act (signer, adopter, livrer, mener, organiser, an exercise…) is read:
    an infinitive, a future, a conditional or a noun governed by a marker (« volonté de »,
    « entend », « devaient », « propose », « prévoit », « pourrait ») is not done. The act is
    done as soon as one of its words is a past or present form with no marker before it."""
    undone: list[Modality] = []
    for match in act_words.finditer(text):
        word = match.group(0)
        before = text[: match.start()].rstrip()
        if re.search(r"\b(?:a|ont|avait|avaient|eut|ayant|été)$", before, re.I) and not re.search(
            r"\bêtre\s+été$|\b(?:pourrait|pourraient|devait|devaient|doit|doivent)\s+(?:avoir|être)"
            r"(?:\s+été)?$",
            before,
            re.I,
        ):
            return None  # « ont signé », « a été adopté »: done
        marker = _marker_before(text, match.start(), match.end())
        if marker is not None:
            kind, words = marker
            undone.append(Modality(kind, words))
            continue
        if _IRREGULAR_FUTURE.match(word):
            kind = "attente" if re.search(r"(?:ait|aient)$", word, re.I) else "futur"
            undone.append(Modality(kind, word))
            continue
        if _UNDONE_FORM.match(word) and not _NOUN_FORM.match(word):
            if re.search(r"(?:era|eront|ira|iront)$", word, re.I):
                undone.append(Modality("futur", word))
            elif re.search(r"(?:rait|raient)$", word, re.I):
                undone.append(Modality("attente", word))
            else:
                purpose = _PURPOSE.search(text[: match.start()])
                if purpose is not None:
                    undone.append(Modality("but", text[purpose.start() : match.end()]))
            continue  # a bare infinitive (« pour signer ») says nothing done
        if _NOUN_FORM.match(word):
            continue  # « l'exercice », « la signature » alone: neither done nor undone
        return None  # « ont signé », « a adopté », « menés »: done
    modal = [item for item in undone if item.kind != "futur"]
    if modal or undone:
        return modal[0] if modal else undone[0]
    governed = _governed_verb(text)
    if governed is not None or act_words.search(text) is None:
        return governed
    pending = _PENDING.search(text)
    return Modality("examen", pending.group(0)) if pending else None


_INFINITIVE_AFTER = re.compile(
    r"^(?:\s+(?:aussi|également|encore|bien|toujours|désormais|ne|pas|se|s['’]))*"
    r"\s*(?:de\s+|d['’]|à\s+)?(?:se\s+|s['’])?(?P<verb>\w+(?:er|ir|re))\b",
    re.IGNORECASE,
)


def _governed_verb(text: str) -> Modality | None:
    """A marker directly followed by an infinitive (« entendent aussi rouvrir »)."""
    blanked = _courtesy_blanked(text)
    for kind, pattern in _MODAL_MARKERS:
        if kind in ("futur", "attente"):
            continue
        for match in pattern.finditer(blanked):
            after = _INFINITIVE_AFTER.match(text[match.end() :])
            if after is not None:
                return Modality(kind, text[match.start() : match.end() + after.end()].strip())
    return None


_QUOTED = re.compile(r"«[^»]*(?:»|$)|“[^”]*(?:”|$)")
_HEARSAY = re.compile(
    r"\b(?:aurai(?:t|ent)|serai(?:t|ent))\s+(?:(?:également|déjà|aussi|bien|été|notamment)\s+)*"
    r"[a-zà-ÿ]+(?:é|i|u|is|it|ert)e?s?\b",
    re.IGNORECASE,
)


def hearsay(text: str) -> str | None:
    """« Moscou aurait accepté », « ils auraient été livrés » : a past in the conditional
    outside any quotation — what the article reports without establishing it (inside a
    quotation it is the speaker's; « pourrait être », « contribuerait » are not pasts)."""
    found = _HEARSAY.search(_QUOTED.sub(lambda m: " " * len(m.group(0)), text))
    return found.group(0) if found else None
