"""Text helpers shared by the core: typographic normalisation and folding for matching."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_TYPOGRAPHY = (
    ("\u2019", "'"),  # right single quotation mark
    ("\u2018", "'"),  # left single quotation mark
    ("\u02bc", "'"),  # modifier letter apostrophe
    ("\u00b4", "'"),  # acute accent used as apostrophe
    ("\u00ab", '"'),  # «
    ("\u00bb", '"'),  # »
    ("\u201c", '"'),  # “
    ("\u201d", '"'),  # ”
    ("\u201e", '"'),  # „
    ("\u2013", "-"),  # en dash
    ("\u2014", "-"),  # em dash
    ("\u2011", "-"),  # non-breaking hyphen
    ("\u2212", "-"),  # minus sign
    ("\u00a0", " "),  # no-break space
    ("\u202f", " "),  # narrow no-break space
    ("\u2009", " "),  # thin space
    ("\u2026", "..."),  # ellipsis
)
"""Typographic variants and their plain form. Each replacement is plain ASCII, never one of
the variants, so replacing them one after the other is a one-pass translation; ``in`` and
``str.replace`` scan in C, where ``str.translate`` with a table looks up every character of a
non-ASCII text (the articles) in a dict, ~10 times slower on a long text."""
_QUOTE_PADDING = re.compile(r' ?" ?')


def normalise_typography(text: str) -> str:
    """Return ``text`` with only typographic variants unified.

    Apostrophes, quotation marks, dashes, ellipses and every kind of space are made
    plain; runs of whitespace become one space, and spaces around quotation marks
    (French puts them inside « guillemets ») are dropped. Letters, accents and
    punctuation are left alone, so a quote that matches after this is still the
    article's own words.
    """
    text = unicodedata.normalize("NFC", text)
    if not text.isascii():
        for variant, plain in _TYPOGRAPHY:
            if variant in text:
                text = text.replace(variant, plain)
    text = " ".join(text.split())  # runs of whitespace (str.isspace, as re's \s) → one space
    return _QUOTE_PADDING.sub('"', text) if '"' in text else text


_FOLD_EXTRA = (
    ("œ", "oe"),
    ("æ", "ae"),
    ("ß", "ss"),
    ("ı", "i"),
    ("ø", "o"),
    ("đ", "d"),
    ("ł", "l"),
    ("ə", "a"),  # Azerbaijani schwa: « Azərbaycan » → azarbaycan
)
_WORD = re.compile(r"[0-9a-z]+")
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+")


def fold(text: str) -> str:
    """Fold ``text`` for comparison: no accents, no case, punctuation as single spaces.

    ``fold("États-Unis")`` is ``"etats unis"``; ``fold("Türkiye")`` is ``"turkiye"``. Short
    texts (words, names, questions: folded hundreds of times per answer) are kept folded.
    """
    if len(text) <= _KEPT_LONGEST:
        return _fold_kept(text)
    if len(text) <= _KEPT_SENTENCE:
        return _fold_sentence(text)
    return _fold(text)


_KEPT_LONGEST = 120
"""Longest text whose folding is kept (a name, a word, a question; never an article)."""
_KEPT_SENTENCE = 1200
"""Longest text whose folding is kept in a smaller table (a quote, a sentence of an article:
the same passages are read for each question)."""


@lru_cache(maxsize=8192)
def _fold_kept(text: str) -> str:
    return _fold(text)


@lru_cache(maxsize=512)
def _fold_sentence(text: str) -> str:
    return _fold(text)


def _fold(text: str) -> str:
    text = text.casefold()
    if not text.isascii():
        for letter, replacement in _FOLD_EXTRA:  # str.replace is much faster than translate
            if letter in text:
                text = text.replace(letter, replacement)
        text = _COMBINING.sub("", unicodedata.normalize("NFKD", text))
    return " ".join(_WORD.findall(text))  # as re.sub(r"[^0-9a-z]+", " ", text).strip()


_VOWEL_START = "aàâäeéèêëiîïoôöuùûüy"


def of_word(word: str) -> str:
    """« de drones », « d'avions », « d'Aliyev »: « de » elided before a vowel, as French
    writes it (a mute or aspirated h is left as « de h… »: it cannot be told from spelling)."""
    return f"d'{word}" if word[:1].casefold() in _VOWEL_START else f"de {word}"


def count(number: int, singular: str, plural: str | None = None) -> str:
    """A count with its noun agreed: « 1 événement », « 2 événements », « 0 accord »; thousands
    apart as French writes them: « 5 000 articles » (a narrow no-break space)."""
    noun = singular if number < 2 else (plural or singular + "s")
    return f"{number:,} {noun}".replace(",", "\u202f")


def of_articles(number: int) -> str:
    """« des 5 articles », « de l'article » (a base of one): after « le texte intégral »."""
    return "de l'article" if number == 1 else f"des {count(number, 'article')}"


def plural_phrase(label: str) -> str:
    """« exercice militaire » → « exercices militaires »; « plan de coopération » → « plans de
    coopération » (words after « de » keep their number)."""
    words = label.split(" ")
    for position, word in enumerate(words):
        if word in ("de", "du", "des") or word.startswith(("d'", "d’")):
            break
        if not word.endswith(("s", "x", "z")):
            words[position] = word + ("x" if word.endswith(("au", "eu")) else "s")
    return " ".join(words)


def french_list(items: list[str]) -> str:
    """« a », « a et b », « a, b et c »."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " et " + items[-1]


MODALS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("Proposition", re.compile(r"\bpropos")),
    ("Annonce", re.compile(r"\bannon")),
    ("Prévision", re.compile(r"\bprevu|\bprevision")),
    ("En finalisation", re.compile(r"\bfinalis")),
    ("Intention", re.compile(r"\bintention\b")),
    ("Au futur", re.compile(r"\bau futur\b")),
    ("Au conditionnel", re.compile(r"\bau conditionnel\b")),
)
"""Words (folded) that make a claim less than a done fact, with the lead a shortened text
puts first when its cut would drop them; « selon … » is kept with its own words. Each lead
matches its own pattern (« Prévision » is « prévu » said): a text that puts it first keeps it."""
TENSE_LEADS = frozenset({"Au futur", "Au conditionnel"})
"""Leads of ``MODALS`` that say a tense: a shortened text puts them after its cut."""
_SELON = re.compile(
    r"\b[Ss]elon\s+(?!(?:ses|son|sa|leurs?|nos|notre|vos|votre|mes|mon|ma|ce|cet|cette)\s)"
    r"(?!(?:lequel|laquelle|lesquels|lesquelles|quoi|que|qu['’])(?:\W|$))"
)
"""« selon » naming who says it (« selon la presse », « selon lui »), not « selon ses normes »
nor a relative « selon lequel » (« un plan, selon lequel sont organisés… »): that one names
no one and is no attribution to put first."""
_TRAILING = frozenset(
    [
        "de",
        "du",
        "des",
        "d'",
        "d’",
        "la",
        "le",
        "les",
        "l'",
        "l’",
        "un",
        "une",
        "à",
        "au",
        "aux",
        "en",
        "et",
        "ou",
        "par",
        "pour",
        "sur",
        "avec",
        "dans",
        "chez",
    ]
)
"""Words a cut attribution never ends on: « Selon un communiqué du » is a cut clause."""
_CLAUSE_END = re.compile(r"[,;:()«»]|$")


def _attribution(text: str) -> str | None:
    """« Selon la presse », « Selon lui »: the first « selon … » of ``text`` up to the end of
    its clause (at most seven words; three when the clause runs on)."""
    found = _SELON.search(text)
    if found is None:
        return None
    rest = text[found.end() :]
    end = _CLAUSE_END.search(rest)
    clause = rest[: end.start() if end else len(rest)].split()
    if clause and clause[0].lower() in ("lui", "elle", "eux", "elles"):
        clause = clause[:1]
    for position, word in enumerate(clause):  # a sentence's end, not « M. »
        if word.endswith(".") and len(word) > 3:
            clause = [*clause[:position], word.rstrip(".")]
            break
    words = clause if len(clause) <= 7 else clause[:3]
    while words and words[-1].lower() in _TRAILING:  # never a cut clause: « Selon un communiqué »
        words = words[:-1]
    return "Selon " + " ".join(words) if words else None


def modal_words(text: str, scope: str | None = None) -> list[str]:
    """The modality leads ``text`` carries: « Proposition », « Selon la presse »… (the
    first attribution only: it is the one a shortened text must keep); the attribution is
    looked for in ``scope`` (a beginning of ``text``) when given."""
    folded = f" {fold(text)} "
    first = _attribution(text if scope is None else scope)
    found = [first] if first else []
    found += [lead for lead, pattern in MODALS if pattern.search(folded)]
    return list(dict.fromkeys(found))


def keeps_modality(full: str, short: str, scope: str | None = None) -> bool:
    """True when ``short`` says every modality ``full`` says (compared folded); an attribution
    counts only within ``scope``, by default the sentences of ``full`` that ``short`` shows."""
    kept = {fold(lead) for lead in modal_words(short)}
    scope = _scope(full, short) if scope is None else scope
    return all(fold(lead) in kept for lead in modal_words(full, scope))


_SENTENCE_STOP = re.compile(r"[.;!?](?=\s|$)")


def _scope(text: str, cut: str) -> str:
    """``text`` up to the end of the sentence a shortened ``cut`` of it stops in: a « selon
    Leonardo » of a later sentence is that sentence's, which the cut drops whole, never an
    attribution of what the cut shows (« Contrat avec Leonardo… » is not « Selon Leonardo »)."""
    shown = cut.rstrip("…").rstrip()
    tail = shown[-24:]  # where the cut stops in ``text`` (``cut`` may carry a lead before it)
    found = text.find(tail) if tail else -1
    end = found + len(tail) if found >= 0 else len(shown)
    stop = _SENTENCE_STOP.search(text, max(end - 1, 0))
    return text[: stop.end()] if stop else text


def _cut(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:–-")
    return (cut or text[: limit - 1]) + "…"


def whole_words(text: str, limit: int) -> str:
    """``text``, or its first whole words and « … » within ``limit`` characters: a button
    built from the question's words never ends on a piece of one (« …signé er »)."""
    return _cut(text, limit)


def _without_opening_attribution(text: str) -> str:
    """``text`` without the « Selon …, » clause it opens with (after a mark such as « 📅 »),
    which a shortened text puts first as its lead: « Selon un communiqué : 📅 Les deux… »,
    never « Selon un communiqué : 📅 Selon un… » (the same words twice, the second cut)."""
    found = _SELON.search(text)
    if found is None or any(char.isalnum() for char in text[: found.start()]):
        return text
    end = _CLAUSE_END.search(text, found.end())
    if end is None or text[end.start() : end.start() + 1] != ",":
        return text
    rest = text[end.start() + 1 :].lstrip()
    if not rest:
        return text
    return text[: found.start()] + rest[:1].upper() + rest[1:]


def short_label(text: str, limit: int = 40) -> str:
    """A shortened text (a button, an inline title): the text, or its first words and « … »
    (never cut inside a word). A modality the cut would drop (proposed, announced, future,
    « selon … ») is put first: « Proposition : Manœuvres militaires… »."""
    cut = _cut(text, limit)
    scope = _scope(text, cut)
    if cut == text or keeps_modality(text, cut, scope):
        return cut
    kept = {fold(lead) for lead in modal_words(cut)}
    leads = modal_words(text, scope)
    body = _without_opening_attribution(text)
    for chosen in ([lead for lead in leads if fold(lead) not in kept], leads):
        # a tense goes after the cut, as the full text says it (« … (au futur) »): put first,
        # it read as the tense of the shown words (« Au futur : Comme la Géorgie se
        # rapproche… », a present; phone readers of the eleventh blind set)
        tenses = [lead.lower() for lead in chosen if lead in TENSE_LEADS]
        front = [lead for lead in chosen if lead not in TENSE_LEADS]
        tail = f" ({', '.join(tenses)})" if tenses else ""
        joined = " ; ".join(front[:1] + [word[:1].lower() + word[1:] for word in front[1:]])
        shortened = _cut(f"{joined} : {body}" if joined else body, limit - len(tail)) + tail
        if keeps_modality(text, shortened, scope):
            break
    return shortened
