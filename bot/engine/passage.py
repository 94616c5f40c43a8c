"""A plain question answered by a search: the one passage of the articles that answers it, on
top and unfolded, then a short « Aussi : » list.

The list of /cherche (three long lines, their quotes folded) made a phone reader open a fold
to find the date, the number or the name asked. Here the question's type (when, how many,
who, where: ``asked_type``) and its words pick, among the best search hits, the entry and the
sentence of its quotes that carry both; that sentence is shown whole, verbatim, under the
entry's line, and the entry's key quotes stay in one folded group with the neighbours'. When
the chosen passage does not carry what the type asks (no date, no figure, no name), the
answer says so on top, about that passage — never about the articles.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from bot.content.model import Agreement, Event, Fact
from bot.dates import MONTHS_FR
from bot.engine import routes
from bot.engine.amounts import asks_amount, gives_amount
from bot.engine.article_subject import about_actors
from bot.engine.cards import card_button, visible
from bot.engine.common import brief_when, entry_button, line_text, other_article, quote_of
from bot.engine.counting import NUMBER_WORDS, gives_figure
from bot.engine.discourse import is_filler
from bot.engine.filters import TimelineFilter
from bot.engine.french import LIGHT_WORDS, folded_stem, is_stop, lightness, spelled_stem
from bot.engine.french import words as french_words
from bot.engine.index import Index
from bot.engine.own_evidence import is_foreign, names_any, own_key_evidence, subjects
from bot.engine.parties_first import of_other_parties, parties_first
from bot.engine.per_index import PerIndex
from bot.engine.reasons import REASON_WORDS, gives_reason
from bot.engine.relations import entry_actors
from bot.engine.reply import Block, Button, Item, Para, Quote, QuoteGroup, Reply
from bot.engine.search import matching_quotes
from bot.engine.seedtext import sources_holding
from bot.engine.subject_first import holds_actor, named_actors, side_actors, ties_asked
from bot.engine.timeline import select
from bot.engine.yesno import uncleft
from bot.text import count, fold, short_label

Entry = Event | Agreement | Fact

CANDIDATES = 8
"""Best search hits among which the answering entry is chosen."""
NEIGHBOURS = 1
"""Entries listed under « Aussi : » for a plain question."""
LISTED = 3
"""Entries listed under « Aussi : » for a question asking several things (« quelles
régions », « les 3 menaces »), and for a search whose results are that few in all."""
FIRST_LINE = 150
"""Longest line of the answering entry (its full text is on its card)."""
NEIGHBOUR_LINE = 90
"""Longest line of a neighbour."""
LISTED_LINE = 130
"""Longest line of a neighbour when the question asks for several things."""
WHOLE_QUOTE = 300
"""A quote this short is shown whole rather than cut to its best sentence."""
WITH_ANTECEDENT = 520
"""Longest pair of sentences shown whole when the answering one refers back to the other."""
LINE_SHARE = 0.5
"""How much the query words an entry's own line holds add (an entry about the meeting asked
of, not one whose quote merely mentions it)."""
TYPE_BONUS = 2.5
DATED_BONUS = 0.5
"""An event or agreement (dated, with a card) goes before a context entry quoting the same."""
ANSWERS_FACTOR = 1.5
"""How much more an entry counts when its passage carries what the question's type asks."""
SUBJECT_FACTOR = 2.0
"""How much more an entry counts, for a follow-up without a subject, when it holds the passage
the previous answer showed: the thread's subject."""
ANSWER_SCREEN = 900
"""Visible characters (``cards.visible``, folded quotes counted short) past which a passage
answer drops its « Aussi » lines (they stay one 🔎 tap away), unless the question asks for
several things (« les 3 menaces »: the lines are the answer): with the « Compris » line and
the buttons, its first message then stays near 1,000 (issue 22 B.8; the rule is 1,200)."""
CLOSE = 0.75
"""A neighbour is listed only when it scores this share of the answer at least."""
SUBJECT_CLOSE = 0.8
"""The entries naming the actor the question names go before those that do not (on top and
as neighbours) when the best of them scores this share of the best hit at least: near-equal
scores made of common words (« quelque », « récemment ») are decided by the question's
subject (``subject_first``); a far better hit without it (its rare words) stays on top."""
SIDE_CLOSE = 0.4
"""An entry naming the side a question asks (« côté russe ») goes before a best hit that
lacks it when it scores this share of it (a side lacking, the best hit answers another side)."""
"""What a sentence carrying the asked thing (a date, a figure, a name, a place) adds."""

_TYPES: tuple[tuple[str, str], ...] = (
    (
        "rang",
        r"\b(?:combientieme|combien-?ieme|quantieme|quelle edition|quel numero|quel rang)\b",
    ),
    (
        "combien",
        r"\b(?:combien|nombre|chiffre|volumes?|montant|quantite|tonnes?|pourcentage)\b",
    ),
    (
        "quand",
        r"\b(?:quand|date|dates|quel jour|quelle annee|en quelle annee|periode|duree"
        r"|quel(?:le)?s? (?:annees?|jours|mois|epoques?|periodes?|echeances?)"
        r"|depuis quand|a quel moment)\b",
    ),
    (
        "qui",
        r"(?:^|[,;:] )(?:qui|ki)\b|(?<!ce )\bqui (?:a|ont|est|sont|etait|dirige|dirigeait)\b"
        r"|\b(?:nom|noms|signataire|signataires|fonction|poste)\b"
        r"|\b(?:par|avec|vu|rencontre|recu) qui\b|\bqui (?:du )?cote\b",
    ),
    (
        "media",
        r"\b(?:quel(?:le)?s? (?:media|medias|journal|journaux|agence|agences|site|sites"
        r"|quotidien|chaine|organe)|(?:media|medias|agence|journal|site) (?:\w+ )?(?:a|ont) "
        r"(?:relaye|repris|cite|rapporte|publie))\b",
    ),
    (
        "ou",
        r"\b(?:lieu|endroit|ville|destination|ou exactement)\b|^ou\b|\bou (?:se|a|ont)\b"
        r"|\b(?:quand|date) et ou\b"
        r"|\b(?:vers|d|par) ou\b|\bjusqu'? ?ou\b"
        r"|\bquel(?:le)?s? (?:port|ports|ville|villes|region|regions)\b",
    ),
)
_SEVERAL = re.compile(
    r"\b(?:quels|quelles|lesquels|lesquelles|liste|autres)\b|\bles (?:\d+|deux|trois|quatre|cinq)\b"
)
"""A question asking for several things: its neighbours are listed."""
"""Question types a search answer can check its passage against, most specific first."""

_MONTHS = frozenset(fold(month) for month in MONTHS_FR)
_WHEN_WORDS = frozenset(
    ["hier", "aujourd", "demain", "recemment", "ete", "hiver", "printemps", "automne"]
)
_ROLES = [
    "president",
    "presidente",
    "ministre",
    "ambassadeur",
    "ambassade",
    "secretaire",
    "vice",
    "chef",
    "representant",
    "representants",
    "commandant",
    "directeur",
    "porte",
    "parole",
    "general",
    "depute",
]
_SENTENCE = re.compile(r"(?<=[.!?…])\s+(?=[«A-ZÀ-Ý\"])")
_CAPITAL = re.compile(r"(?:(?<=[^.!?\s] )|(?<=\b[dlDL]['’]))[A-ZÀ-Ý][\w-]+")
"""A capitalised word inside a sentence (not its first word): a name."""
_PERSON = re.compile(r"\b[A-ZÀ-Ý][\w.-]+ [A-ZÀ-Ý][\w-]+")
"""Two capitalised words in a row: a person's name (« Konstantin Zatulin », « JD Vance »)."""
_FOOTNOTE = re.compile(r"\(\d+\)")
"""An article's footnote call (« paix(2) »): no figure."""
_PLACE = re.compile(r"\b(?:à|au|en|vers|depuis|de) [A-ZÀ-Ý][\w'’-]+")

SAID = {
    "quand": "de date",
    "qui": "de nom",
    "ou": "de lieu",
    "media": "de média",
    "rang": "de rang ni de numéro d'édition",
}
"""What a passage lacks, by question type, as the answer says it."""


_NAME = re.compile(r"\b(?:son nom|leur nom|leurs noms|le nom|les noms|nom|noms|s'appel\w*)\b")
_OFFICE = re.compile(
    r"\bqui (?:a |ont |l'a |les a )?(?:preside|presidait|dirige|dirigeait|dirigent|conduit"
    r"|conduisait|mene|menait|represente|representait|organise|organisait|ouvert|ouvre"
    r"|ouvrait|inaugure|inaugurait|cloture|cloturait)\b"
    r"|\ben personne\b"
)


def asks_someone(question: str) -> str:
    """« nom » when the question asks a person's name (« son nom ? », « comment s'appelle »),
    « personne » when it asks who held an office (« qui a présidé … ? »), else ""."""
    folded = fold(question).replace("’", "'")
    if _NAME.search(folded):
        return "nom"
    return "personne" if _OFFICE.search(folded) else ""


def names_asked(someone: str, sentence: str) -> bool:
    """True when ``sentence`` gives what ``asks_someone`` found asked: a person's name for
    « nom » (two capitalised words in a row), a person or an office for « personne »."""
    if not someone:
        return True
    person = any(found.start() > 0 for found in _PERSON.finditer(sentence))  # not « Plusieurs
    if someone == "nom" or person:  # États » opening the sentence
        return person
    return any(word in _ROLES for word in re.findall(r"\w+", fold(sentence)))


def asked_type(question: str) -> str:
    """« rang », « quand », « combien », « qui » or « ou » when the question asks that, else
    ""."""
    folded = uncleft(fold(question))
    for name, pattern in _TYPES:
        if re.search(pattern, folded):
            return name
    return ""


def asked_types(question: str) -> list[str]:
    """Every type the question asks (« quand et où … ? »: « quand » and « ou »)."""
    folded = uncleft(fold(question))
    return [name for name, pattern in _TYPES if re.search(pattern, folded)]


_ASPECTS: tuple[tuple[str, str], ...] = (
    (
        "canal",
        r"\b(?:canal|canaux|quel moyen|par quel biais|sur quel (?:reseau|site|media|compte)"
        r"|plateforme|comment (?:l'|l )?a-t-(?:il|elle) annonce)\b",
    ),
    ("titre", r"\b(?:titre|statut|en quelle qualite|quelle qualite|comme quoi)\b"),
    (
        "objet",
        r"\b(?:objet|dans quel but|quel but|son but|leur but|vise quoi|vise a quoi"
        r"|a quoi (?:sert|servait|servira)|sert a quoi)\b",
    ),
)
"""Aspects a question may ask of what it names, besides a date, a name, a place or a figure
(« sur quel canal ? », « à quel titre ? », « objet du mémorandum ? »): a sentence carrying
one is opened on top of a list or a card; an aspect is never said missing on its own (the
articles may give a purpose or a status in words no pattern knows)."""
_CHANNEL = re.compile(
    r"\b(?:réseau social|réseaux sociaux|communiqué|conférence de presse|sur (?:X|Twitter"
    r"|Facebook|Telegram|Instagram)\b|a indiqué|a annoncé|a déclaré)",
    re.IGNORECASE,
)
_STATUS = re.compile(
    r"\b(?:observateur|observatrice|observateurs|membre|membres|en tant que|en qualité de"
    r"|partenaire|statut)\b",
    re.IGNORECASE,
)
_PURPOSE = re.compile(
    r"\b(?:visant|vise|visent|viser|afin de|afin d|dans le but|pour objectif|destiné"
    r"|destinée|porte sur|portant sur|a pour)\b",
    re.IGNORECASE,
)


def asked_aspects(question: str) -> list[str]:
    """The aspects (``_ASPECTS``) the question asks: « canal », « titre », « objet »."""
    folded = fold(question).replace("’", "'")
    return [name for name, pattern in _ASPECTS if re.search(pattern, folded)]


ORDINAL = re.compile(
    r"\b\d+(?:ᵉ|e|è|er|re|ème|eme|ieme)(?!\w)|\b(?:premier|première|premiere|deuxième"
    r"|deuxieme|troisième|troisieme|quatrième|quatrieme|cinquième|cinquieme|sixième|sixieme"
    r"|second|seconde)\b",
    re.IGNORECASE,
)
"""An ordinal as an article writes it (« 3ᵉ », « troisième »)."""


def carries(kind: str, sentence: str, asked: frozenset[str] = frozenset()) -> bool:
    """True when ``sentence`` holds what a question of ``kind`` asks (for « qui », a name the
    question does not already give: ``asked`` holds its folded words)."""
    if not kind:
        return True
    words = re.findall(r"\w+", fold(_FOOTNOTE.sub(" ", sentence)))
    if kind == "combien":  # a figure, not a day or a year (« le 20 novembre », « 2025 »)
        return any(
            (w.isdigit() and not _a_date(words, at)) or w in NUMBER_WORDS
            for at, w in enumerate(words)
        )
    if kind == "rang":  # « le combientième ? »: an ordinal (« son 3ᵉ Forum »)
        return bool(ORDINAL.search(sentence))
    if kind == "quand":
        return any((w.isdigit() and len(w) == 4) or w in _MONTHS or w in _WHEN_WORDS for w in words)
    if kind == "qui":
        if headline(sentence):  # a title in capitals: every word looks like a name
            return False
        names = [fold(name) for name in _CAPITAL.findall(sentence)]
        new = [n for n in names if not any(n.startswith(w[:5]) for w in asked)]
        return bool(new) or any(w in _ROLES for w in words)
    if kind == "media":
        return bool(_MEDIUM.search(sentence))
    if kind == "canal":
        return bool(_CHANNEL.search(sentence) or _MEDIUM.search(sentence))
    if kind == "titre":
        return bool(_STATUS.search(sentence))
    if kind == "objet":
        return bool(_PURPOSE.search(sentence))
    return bool(_PLACE.search(sentence))


_MEDIUM = re.compile(
    r"\b(?:cit[ée]e?s? par|rapport[ée]e?s? par|relay[ée]e?s? par|selon (?:le site|l'agence|le "
    r"journal|le quotidien|la chaîne|les médias)|agence de presse)\b|\b[A-Z][\w-]+\.[A-Z][a-z]+\b"
)
"""A sentence naming the medium that carried a statement (« citée par Caliber.Az »)."""


def _names_someone(sentence: str) -> bool:
    """True when ``sentence`` names a person, or someone by their office."""
    words = re.findall(r"\w+", fold(sentence))
    return bool(_PERSON.search(sentence)) or any(w in _ROLES for w in words)


def _gives(kind: str, sentence: str, asked: frozenset[str]) -> bool:
    """True when ``sentence`` plainly gives what ``kind`` asks (for « qui », a person or an
    office, not any capitalised word): « qui ? » after « le président azéri a proposé … » is
    answered by that sentence again."""
    return carries(kind, sentence, asked) and (kind != "qui" or _names_someone(sentence))


def gives(kind: str, sentence: str, asked: frozenset[str] = frozenset()) -> bool:
    """True when ``sentence`` plainly gives what ``kind`` asks (``_gives``)."""
    return _gives(kind, sentence, asked)


def _a_date(words: list[str], at: int) -> bool:
    """True when the number ``words[at]`` is a year or a day of a month."""
    word = words[at]
    if len(word) == 4 and 1900 <= int(word) <= 2100:
        return True
    return at + 1 < len(words) and words[at + 1] in _MONTHS


def _sentences(index: Index, quote: str) -> list[tuple[str, frozenset[str]]]:
    """The quote whole when short, else its sentences (each verbatim in the quote), each with
    the prefixes of its words (``_prefixes``); once per quote and index."""
    table: dict[str, list[tuple[str, frozenset[str]]]] = index.memo("passage sentences", dict)
    found = table.get(quote)
    if found is None:
        found = table[quote] = [  # a footnote call « (3) » is no word « 3 » of the sentence
            (part, _prefixes(index, _FOOTNOTE.sub(" ", part))) for part in _split(quote)
        ]
    return found


def _split(quote: str) -> list[str]:
    if len(quote) <= WHOLE_QUOTE:
        return [quote]
    parts = [part.strip() for part in _SENTENCE.split(quote) if part.strip()]
    merged: list[str] = []
    for part in parts:  # a very short sentence goes with the one before it
        if merged and len(part) < 40 and f"{merged[-1]} {part}" in quote:
            merged[-1] = f"{merged[-1]} {part}"
        else:
            merged.append(part)
    return [part for part in merged if part in quote] or [quote]


PREFIX = 5
"""A query word matches a word of a passage that starts with its first PREFIX letters."""
MOST_WEIGHTS = 4096
"""Query words whose weight an index keeps (then it starts afresh)."""


DERIVED = 3
"""Letters a word's stem has beyond a query word's stem to be derived from it (« armements »,
stem « armement », from « armes », stem « arme »); an equal stem is the same word, and a
stem longer by one or two letters is another word (« armée », stem « arme », is no « arme »
derivative: its stem is equal, and « armes » matches it neither way)."""
ROOT = "~"
"""Marks a stem root among a passage's prefixes (``_roots``), never a word's prefix."""


def _roots(word: str) -> list[str]:
    """The roots a word in its own (accented) spelling derives from: each beginning of its
    stem of 4 letters or more that leaves at least DERIVED letters, marked with ROOT
    (« armements » → « ~arme », « ~armem »; « arménienne » → « ~armé », never « ~arme »)."""
    stem = spelled_stem(word)
    return [ROOT + stem[:n] for n in range(4, len(stem) - DERIVED + 1)]


def _root(word: str) -> str:
    """The root key a query word matches its derived words by (« armes » → « ~arme »): only a
    stem ending in a mute « e » (a noun or verb base a suffix attaches to: « arme »,
    « engage »); a stem cut before its ending (« part » of « partie », « petrol ») would
    take in unrelated words (« partenariat »)."""
    stem = folded_stem(word)
    return ROOT + stem if len(stem) >= 4 and stem.endswith("e") else ""


_KEPT_PREFIXES: PerIndex[frozenset[str]] = PerIndex(1024)
"""Each sentence's prefixes, per served index: the same passages are weighed for each question."""


def _prefixes(index: Index, text: str) -> frozenset[str]:
    """The first 1 to PREFIX letters of each word of ``text``: a query word ``w`` matches a
    word starting with ``w[:PREFIX]`` when ``w[:PREFIX]`` is among them; and the roots of each
    word (``_roots``): a query word matches a word derived from it (« armes »: « armements »).
    Kept per sentence while ``index`` is served."""
    return _KEPT_PREFIXES.get(index, text, lambda: _built_prefixes(index, text))


def _built_prefixes(index: Index, text: str) -> frozenset[str]:
    tokens = index.tokens(text)
    found = {word[:n] for word in tokens for n in range(1, PREFIX + 1)}
    found.update(root for word in french_words(text) for root in _roots(word))
    found.update(_other_names(index, tokens))
    return frozenset(found)


def _other_names(index: Index, tokens: list[str]) -> set[str]:
    """The word prefixes of the other one-word names of each actor but the home country that
    ``tokens`` name by a one-word name or alias (« Téhéran » names Iran: « iran »; « Moscou »:
    « russi »): a question naming an actor one way meets a sentence naming it another."""
    table = index.names.one_word_names
    found: set[str] = set()
    for token in tokens:
        found.update(name[:PREFIX] for name in table.get(token, ()))
    return found


def _spellings(index: Index) -> dict[str, set[str]]:
    """Each folded word of the entries' quotes and summaries, with its own spellings."""
    table: dict[str, set[str]] = {}
    for entry in index.base.entries():
        texts = [entry.summary, *(item.quote for item in entry.evidence)]
        for word in french_words(" ".join(text for text in texts if text)):
            table.setdefault(fold(word.casefold()), set()).add(word)
    return table


def derived_words(index: Index, word: str) -> set[str]:
    """Index words derived from ``word`` (in the question's own spelling), in their own
    spelling (``_roots``: « armes » → « armements », never « arménienne »; « armée »: none)."""
    stem = spelled_stem(word)  # « armée » (stem « armé ») derives no « armements »
    root = ROOT + stem if len(stem) >= 4 and stem.endswith("e") else ""
    if not root:
        return set()
    spellings = index.memo("passage spellings", lambda: _spellings(index))
    start, vocabulary, found = fold(stem), index.fulltext.vocabulary, set()
    position = bisect_left(vocabulary, start)
    while position < len(vocabulary) and vocabulary[position].startswith(start):
        candidate = vocabulary[position]
        if any(root in _roots(spelling) for spelling in spellings.get(candidate, ())):
            found.add(candidate)
        position += 1
    return found


def _matches(word: str, prefixes: frozenset[str]) -> bool:
    """Whether a passage with ``prefixes`` holds ``word`` or a word derived from it."""
    if word[:PREFIX] in prefixes:
        return True
    root = _root(word)
    return bool(root) and root in prefixes


def _weights(index: Index, words: list[str]) -> dict[str, float]:
    """Each query word's BM25 weight (rare words count more); kept per index."""
    table: dict[str, float] = index.memo("passage weights", dict)
    postings = index.fulltext.postings
    found: dict[str, float] = {}
    for word in words:
        if word not in table:
            if len(table) >= MOST_WEIGHTS:
                table.clear()
            holders: set[str] = set()
            # a word no index word starts with weighs as its family (« majoritairement »:
            # « majorité »), so the sentence holding it is not outranked by one that lacks it
            candidates = index.fulltext.ranking_words(word)
            for candidate in candidates:
                holders.update(postings.get(candidate, ()))
            weight = index.fulltext.word_weight(len(holders)) if holders else 0.0
            table[word] = weight * lightness(word)  # « encore » never outweighs « pétrole »
        if table[word]:
            found[word] = table[word]
    return found


def _score(prefixes: frozenset[str], weights: dict[str, float]) -> float:
    return sum(weight for word, weight in weights.items() if _matches(word, prefixes))


def word_weights(index: Index, words: list[str]) -> dict[str, float]:
    """Each word's BM25 weight in the base (rare words count more); 0-weight words left out."""
    return _weights(index, words)


def word_prefixes(index: Index, text: str) -> frozenset[str]:
    """The prefixes a query word is matched by in ``text`` (``PREFIX``)."""
    return _prefixes(index, text)


def held_weight(prefixes: frozenset[str], weights: dict[str, float]) -> float:
    """The weight of the query words ``prefixes`` hold."""
    return _score(prefixes, weights)


def sentences_of(quote: str) -> list[str]:
    """The quote whole when short, else its sentences, each verbatim in it."""
    return _split(quote)


INHERITED = 0.9
"""What a word of the sentence before counts for a sentence that refers back to it (« Moscou
et Téhéran sont arqueboutés contre ce projet » after the sentence naming the corridor): a bit
less than its own words, so that the sentence naming the thing wins a tie."""
ANAPHOR_WORDS = 8
"""A sentence refers back when a demonstrative stands among its first words."""
_ANAPHOR = re.compile(
    r"\b(?:ce|cet|cette|ces)\s+(?!qu|dont\b|(?:été|hiver|printemps|automne|année|années|an"
    r"|mois|jour|jours|matin|soir|semaine|semaines|fois|moment|siècle|époque|dernier|dernière"
    r"|derniers|dernières)\b)[a-zà-ÿ]"
)
"""A demonstrative pointing back (« ce projet »), not a time (« cet été », « cette année »)."""


_PRONOUN_START = re.compile(
    r"^\W*(?:il|elle|ils|elles|ce dernier|cette dernière|ces derniers|ces dernières"
    r"|celui-ci|celle-ci|ceux-ci|celles-ci)\b(?!\s+(?:y\s+a|faut|s'agit|semble|paraît)\b)",
    re.IGNORECASE,
)
"""A sentence opening on a pronoun that stands for what the text named before (« Il a
souligné … », « Ce dernier … »), not an impersonal « il y a », « il faut »."""
_GOES_ON = re.compile(r"^\W*(?:de là|de ce fait|à cet égard|ensuite|puis)\b", re.IGNORECASE)
"""A sentence that goes on from the one before it (« De là, le pétrole sera pompé … »): it
follows its passage (``following``), the passage staying on top."""


def refers_back(sentence: str) -> bool:
    """True when ``sentence`` opens on a demonstrative that points at the sentence before
    (« Cette organisation réunit… », « … contre ce projet soutenu par Washington ») or on a
    pronoun standing for what it named (« Il a souligné … », « Ce dernier … »)."""
    head = " ".join(sentence.split()[:ANAPHOR_WORDS])
    return bool(_ANAPHOR.search(head.casefold()) or _PRONOUN_START.search(sentence))


Row = tuple[str, frozenset[str], frozenset[str], str]
"""A sentence of an entry's quotes, its word prefixes, and — when it refers back to the
sentence just before it in the article — that sentence's prefixes and text (else empty)."""


def _folded_seed(index: Index, source: str) -> str:
    table: dict[str, str] = index.memo("passage folded seeds", dict)
    if source not in table:
        table[source] = " ".join(fold(index.base.seeds.get(source, "")).split())
    return table[source]


def _follows(index: Index, source: str, before: str, sentence: str) -> bool:
    """True when ``sentence`` comes right after ``before`` in the article ``source``."""
    pair = " ".join(fold(f"{before} {sentence}").split())
    return pair in _folded_seed(index, source)


ANTECEDENT_BACK = 3
"""Sentences at most between a sentence that refers back and the earlier sentence of the same
entry that names what it refers to (« Selon Maariv, cet accord incluent … » two sentences
after the one on the sale it means)."""


def _precedes(index: Index, source: str, before: str, sentence: str) -> bool:
    """True when ``before`` comes shortly before ``sentence`` in the article ``source`` (at
    most ``ANTECEDENT_BACK`` sentence ends between them)."""
    text = _folded_seed(index, source)
    first = " ".join(fold(before).split())
    then = " ".join(fold(sentence).split())
    start, end = text.find(first), text.find(then)
    if start < 0 or end < 0 or end <= start:
        return False
    between = text[start + len(first) : end]
    return len(re.findall(r"[.!?]\s", between)) <= ANTECEDENT_BACK


def _entry_sentences(index: Index, entry: Entry) -> list[Row]:
    """Every sentence of the entry's quotes in order (``Row``); once per entry and index. A
    sentence refers back only to the one right before it in the article, when that one is
    among the entry's quotes too (in the same quote, or in another quote of that article)."""
    table: dict[str, list[Row]] = index.memo("passage entry sentences", dict)
    found = table.get(entry.id)
    if found is not None:
        return found
    held = [
        (sentence, prefixes, evidence.source, number)
        for number, evidence in enumerate(entry.evidence)
        for sentence, prefixes in _sentences(index, evidence.quote)
    ]
    rows: list[Row] = []
    for at, (sentence, prefixes, source, number) in enumerate(held):
        before: frozenset[str] = frozenset()
        text = ""
        if refers_back(sentence):
            for other, other_prefixes, other_source, other_number in held:
                if other == sentence or other_source != source:
                    continue
                right_before = at > 0 and held[at - 1][0] == other and other_number == number
                if right_before or _follows(index, source, other, sentence):
                    before, text = other_prefixes, other
                    break
            if not text:  # not right before it: the entry's nearest earlier sentence of the
                # article, a few sentences up (what « cet accord » is, when the curator quoted
                # it), shown before it; not counted for its ranking (it may be farther off)
                earlier = [
                    (other, other_prefixes)
                    for other, other_prefixes, other_source, _number in held
                    if other != sentence
                    and other_source == source
                    and _precedes(index, source, other, sentence)
                ]
                if earlier:
                    text = earlier[-1][0]
        rows.append((sentence, prefixes, before, text))
    table[entry.id] = rows
    return rows


def _foreign(index: Index, entry: Entry, sentence: str) -> bool:
    """True when every quote of ``entry`` holding ``sentence`` is another entry's
    (``own_evidence``): the sentence is that entry's proof, not this one's."""
    held = [item.quote for item in entry.evidence if sentence in item.quote]
    return bool(held) and all(is_foreign(index.base, entry, quote) for quote in held)


STATES_SHARE = 3
"""A line takes the passage from a context entry on top when it states 1/STATES_SHARE of
the passage's words (« Bakou ouvre son 3ᵉ Forum » of the forum's opening sentence)."""


def _words_of(index: Index, text: str) -> frozenset[str]:
    return frozenset(word[:PREFIX] for word in index.tokens(text))


def stating_first(
    index: Index, entry: Entry, sentence: str, others: list[Entry]
) -> tuple[Entry, list[Entry]]:
    """The entry the passage goes under, and the neighbours: of ``entry`` and the neighbours
    that hold ``sentence`` as their own proof (not context entries), the one whose line
    states most of its words
    (« Bakou a ouvert les portes de son 3ᵉ Forum » under « Bakou ouvre son 3ᵉ Forum », not
    under the roadmap approved there that quotes it for its date); ``entry`` on a tie."""
    said = _words_of(index, sentence)

    def stated(candidate: Entry) -> int:
        return len(_words_of(index, line_text(index.base, candidate)) & said)

    # a context entry on top shows the passage with no line (« D'après l'article : »): a line
    # takes it only when it states a good share of its words
    best, most = entry, (len(said) // STATES_SHARE if isinstance(entry, Fact) else stated(entry))
    for other in others:
        if isinstance(other, Fact):
            continue  # no line to state it
        holds = any(sentence in item.quote for item in other.evidence)
        if not holds or _foreign(index, other, sentence):
            continue
        if (value := stated(other)) > most:
            best, most = other, value
    if best is entry:
        return entry, others
    return best, [entry if other is best else other for other in others]


def antecedent(index: Index, entry: Entry, sentence: str) -> str:
    """The sentence just before ``sentence`` in the article when ``sentence`` refers back to
    it and both are among ``entry``'s quotes, else ""."""
    return next((row[3] for row in _entry_sentences(index, entry) if row[0] == sentence), "")


HEADLINE_FACTOR = 0.5
"""What a headline in capitals counts for as an answering sentence, against the body's."""
HEADLINE_LETTERS = 20
"""Fewest letters of a headline (« OTAN », « UE » are names, not titles)."""


@lru_cache(maxsize=4096)
def headline(sentence: str) -> bool:
    """True for a title written in capitals (« L'AZERBAÏDJAN ET LE ROYAUME-UNI SIGNENT UN
    PLAN … ») : nearly all its letters upper case. Kept per sentence: the same passages are
    weighed for each question."""
    letters = [c for c in sentence if c.isalpha()]
    upper = sum(c.isupper() for c in letters)
    return len(letters) >= HEADLINE_LETTERS and upper >= 0.8 * len(letters)


FOLLOWING_SHARE = 0.25
"""The article's next sentence comes with the passage when it holds at least this share of the
question's word weight that the passage lacks (« c koi les domaines ? » of the sentence on the
« aspect technologique », followed by « La coopération dans les domaines de … »)."""


def following(index: Index, entry: Entry, sentence: str, kind: str, query: str) -> str:
    """The sentence right after ``sentence`` in its article, when ``entry`` quotes it too (as its
    own evidence) and it goes on with what was asked: it refers back to ``sentence`` or goes
    on from it (« Moscou et Téhéran sont arqueboutés contre ce projet … », « De là, le pétrole
    … »), or it carries the asked slot ``kind`` (a name, a date, a figure, a place) that
    ``sentence`` lacks, or it holds a good share of
    the question's words that ``sentence`` lacks (issue 22, phone readers of the tenth blind
    set: the lead sentence shown, the one that answers left folded). "" otherwise."""
    asked = frozenset(index.tokens(query))
    weights = _weights(index, index.tokens(query))
    held = _prefixes(index, sentence)
    total = sum(weights.values())
    for evidence in entry.evidence:
        for other, prefixes in _sentences(index, evidence.quote):
            if other == sentence or other in sentence or _foreign(index, entry, other):
                continue
            if not _follows(index, evidence.source, sentence, other):
                continue
            slot = bool(kind) and not carries(kind, sentence, asked) and carries(kind, other, asked)
            gained = _score(prefixes - held, weights)
            goes_on = refers_back(other) or bool(_GOES_ON.search(other))
            if goes_on or slot or (total and gained >= FOLLOWING_SHARE * total):
                return other
    return ""


def _line_prefixes(index: Index, entry: Entry) -> frozenset[str]:
    table: dict[str, frozenset[str]] = index.memo("passage lines", dict)
    if entry.id not in table:
        table[entry.id] = _prefixes(index, line_text(index.base, entry))
    return table[entry.id]


def _line(index: Index, entry: Entry) -> str:
    return line_text(index.base, entry)


def _shown(index: Index, row: tuple[float, int, Entry, str, bool]) -> str:
    """What a scored row shows: its sentence, and its line unless a context entry's."""
    return row[3] if isinstance(row[2], Fact) else f"{row[3]} {_line(index, row[2])}"


def _dated(entry: Entry) -> bool:
    return not isinstance(entry, Fact) and entry.date is not None


KIND_WORDS = {
    "ou": frozenset({"lieu", "endroit", "port", "ports", "ville", "villes", "region", "regions"}),
    "quand": frozenset({"date"}),
    "pourquoi": REASON_WORDS,
}
"""Words that name the kind of answer asked (« lieu des manœuvres ? », « par quel port ? »),
not its subject: a passage is not ranked for holding them (« a eu lieu à Bakou » says nothing
of manœuvres; « le port de Bakou » is not where the oil is exported from)."""


def without_kind_words(index: Index, query: str, kind: str) -> str:
    """``query`` without the words naming what ``kind`` asks, unless nothing else is left."""
    dropped = KIND_WORDS.get(kind, frozenset())
    kept = [word for word in index.tokens(query) if word not in dropped]
    return " ".join(kept) if kept and len(kept) < len(index.tokens(query)) else query


def _part_share(index: Index, parts: tuple[str, ...], prefixes: frozenset[str]) -> float:
    """The largest share of one part's word weight that ``prefixes`` hold (0 to 1)."""
    shares = [0.0]
    for part in parts:
        weights = _weights(index, index.tokens(part))
        if total := sum(weights.values()):
            shares.append(_score(prefixes, weights) / total)
    return max(shares)


SUBJECT_SHARE = 0.3
"""A query word is the question's subject when it weighs this share of all its words."""


_AUXILIARY_VERB = re.compile(
    r"\b(?:a|ont|avait|avaient|aura|auront|est|sont|etait|etaient)(?:-t-(?:il|elle|ils|elles))?"
    r"\s+([a-z]+)"
)
"""« qui a ouvert … », « a-t-il signé … »: the verb after the auxiliary (folded question)."""
_PRONOUN_VERB = re.compile(
    r"(?<!\bt )\b(?:il|elle|ils|elles|on)\s+(?:ne\s+|n[' ])?(?:se\s+|s[' ]|y\s+|en\s+|le\s+|la\s+"
    r"|les\s+|l[' ]|lui\s+|leur\s+)?([a-z]{2,})\b"
)
_AGENT_VERB = re.compile(r"\b([a-z]{3,}) par (?:qui|quel|quelle|quels|quelles)\b")
"""« délégation menée par qui ? »: the participle before the agent asked is the act asked."""
_INVERTED_VERB = re.compile(r"\b([^\W\d_]{2,})-(?:t-)?(?:il|elle|ils|elles|on)\b")
"""« il couvre quelles années ? »: the verb a subject pronoun goes with (folded question), a
verb whatever its tense, never the subject asked of; after an inverted auxiliary (« a-t-il
conclu ») the auxiliary's own reading stands."""


SIDE_WORDS = frozenset({"cote"})
"""« côté US », « côté turc »: which side is asked, never the question's subject."""


def question_verbs(question: str) -> frozenset[str]:
    """The verbs of a question said after an auxiliary or a subject pronoun: what is asked of
    the subject (« ouvert » in « qui a ouvert le forum de Bakou ? », « couvre » in « il couvre
    quelles années ? »), never its subject."""
    folded = fold(question).replace("’", "'")
    found = {match.group(1) for match in _AUXILIARY_VERB.finditer(folded)}
    lowered = question.casefold()
    found.update(fold(match.group(1)) for match in _INVERTED_VERB.finditer(lowered))
    upright = fold(_INVERTED_VERB.sub(r"\1", lowered)).replace("’", "'")  # « est-il membre »:
    found.update(match.group(1) for match in _PRONOUN_VERB.finditer(upright))  # no « il membre »
    found.update(match.group(1) for match in _AGENT_VERB.finditer(folded))
    return frozenset(found)


def _subject_word(weights: dict[str, float], verbs: frozenset[str] = frozenset()) -> str:
    """The rarest query word when it outweighs the others by far (« mémorandum » in « qui a
    signé le mémorandum avec la Turquie côté turc ? »), else "": an entry whose passage and
    line lack it answers the type (a name, a date) of another subject. The verb of the
    question (« ouvert » in « qui a ouvert le forum ? ») is no subject: a new article saying
    « a ouvert une ambassade » with a name must not answer who opened the forum."""
    nouns = {word: weight for word, weight in weights.items() if word not in verbs | SIDE_WORDS}
    total = sum(nouns.values())  # the verbs weigh in neither the subject nor its share
    if len(weights) < 2 or not total:
        return ""
    word = max(nouns, key=lambda w: nouns[w])
    return word if nouns[word] >= SUBJECT_SHARE * total else ""


def best_passage(
    index: Index,
    query: str,
    kind: str,
    several: bool = False,
    noun: str = "",
    shown: str = "",
    parts: tuple[str, ...] = (),
    verbs: frozenset[str] = frozenset(),
    amount: bool = False,
    reason: bool = False,
) -> tuple[Entry, str, bool, list[Entry], int] | None:
    """The entry and verbatim sentence that best answer ``query`` for a question of ``kind``,
    whether that sentence (or the entry's date) carries what ``kind`` asks, the next best
    entries (``LISTED`` when the question asks ``several`` things, else ``NEIGHBOURS`` close
    enough), and how many entries the search found; None when nothing matches. ``shown`` is
    a sentence the reader was just given: a follow-up (« qui est contre ? ») is about the
    entries that hold it, and when it asks a who/when/how many/where, not that sentence again.
    For a question in two ``parts``, an entry counts more the more of one part it holds
    (« …le NCCA, et le Partenariat pour la paix ? »: a sentence saying « Bakou » and « paix »
    answers neither part, and must not come before the one naming the Partenariat).
    ``verbs``: the question's verbs (``question_verbs``), never its subject word. ``amount``:
    a « combien » that asks a sum even when its money word is no longer in ``query``.
    ``reason``: the question asks why or to what end (``reasons``): a sentence giving a reason
    or an aim counts as one carrying what is asked."""
    # « payé », « coûté »: a sum (« 1,6 milliard de dollars »), never a count, answers
    amount = kind == "combien" and (amount or asks_amount(query))
    query = without_kind_words(index, query, "pourquoi" if reason and not kind else kind)
    derived = {d for word in french_words(query) for d in derived_words(index, word)}
    hits = index.fulltext.search_hits(" ".join([query, *sorted(derived)]))
    if not hits.total:
        return None
    ranked = index.fulltext.ranked_hits(hits, 0, CANDIDATES)
    weights = _weights(index, index.tokens(query))
    asked = frozenset(index.tokens(query))
    subject = _subject_word(weights, verbs)
    order = [word for word in dict.fromkeys(index.tokens(query)) if word in weights]
    origin = kind == "ou" and bool(_ORIGIN_ASKED.search(fold(query)))
    # « pourquoi … ? »: the reason must be about the subject word, unless that word is a name
    # (the actors asked are weighed by ``subject_first``)
    topic = "" if subject in index.names.exact else subject
    scored: list[tuple[float, int, Entry, str, bool]] = []
    slotted: set[str] = set()  # entries whose passage holds the slot asked, of the subject
    held_words: dict[str, float] = {}  # the question's word weight each passage holds
    for position, (entry, score) in enumerate(ranked):
        best: tuple[float, str, bool, int] | None = None
        asks_about = (kind == "qui" or (reason and not kind)) and subject
        line_held = _line_prefixes(index, entry) if asks_about else frozenset()
        for sentence, prefixes, before, _text in _entry_sentences(index, entry):
            if kind and shown and sentence in shown and not _gives(kind, sentence, asked):
                continue  # asked again of a sentence that did not give it: something new
            if _foreign(index, entry, sentence):
                continue  # another entry's sentence: shown under that entry, never this one
            if amount:  # « combien a coûté … ? »: « 1,6 milliard de dollars », never
                answers = gives_amount(sentence)  # « des centaines de drones »
            elif kind == "combien" and noun:  # a number of the thing counted
                answers = gives_figure(index, sentence, noun)
            else:
                answers = carries(kind, sentence, asked) or (kind == "quand" and _dated(entry))
            if kind == "ou" and not answers and origin:  # « d'où viennent les armes ? »: an
                answers = bool(_ORIGIN.search(sentence.replace("’", "'").lower()))  # origin
                # told in words (« d'origine russe »)
            about = (
                kind != "qui"
                or not subject
                or subject[:PREFIX] in prefixes | (before or frozenset()) | line_held
            )
            # a name in a sentence about another subject (neither it nor its line holds
            # the subject word) answers no « qui »
            value = _score(prefixes, weights) + (TYPE_BONUS if answers and about else 0.0)
            held = prefixes | (before or frozenset()) | line_held
            if reason and not kind and gives_reason(sentence) and _about(topic, held):
                value += TYPE_BONUS  # « pourquoi … ? »: the sentence giving a reason or an
                # aim (``reasons``) about the question's subject, not one of another fact
            if before:  # what it refers back to counts for it, a bit less
                value += INHERITED * _score(before - prefixes, weights)
            if headline(sentence):  # a title in capitals tells no who, when or how: a body
                value *= HEADLINE_FACTOR  # sentence saying as much goes first
            # a tie goes to the sentence holding the word asked first (« l'oléoduc depuis le
            # Daghestan … ? »: the pipeline's sentence, not the Daghestan's): the subject
            first = next((n for n, w in enumerate(order) if w[:PREFIX] in prefixes), len(order))
            if best is None or value > best[0] or (value == best[0] and first < best[3]):
                best = (value, sentence, answers, first)
        if best is not None:
            line = _score(_line_prefixes(index, entry), weights) * LINE_SHARE
            line += 0.0 if isinstance(entry, Fact) else DATED_BONUS
            total = score + line + best[0]
            if shown and any(shown in item.quote or item.quote in shown for item in entry.evidence):
                total *= SUBJECT_FACTOR  # a follow-up: the entries of the passage just shown
            if len(parts) > 1:
                held = _prefixes(index, best[1]) | _line_prefixes(index, entry)
                total *= 1.0 + PART_WEIGHT * _part_share(index, parts, held)
            strict = best[2] and (kind != "qui" or _names_someone(best[1]))
            if strict and subject:  # a name, a date, a figure about another subject: no answer
                held = _prefixes(index, best[1]) | _line_prefixes(index, entry)
                strict = subject[:PREFIX] in held or _holds_named(index, entry, best[1], subject)
            # it answers what is asked (« pourquoi … ? »: a reason or an aim, ``reasons``):
            # ahead of closer wording
            reasoned = reason and not kind and gives_reason(best[1])
            if reasoned and topic:  # a reason of another subject gives no answer
                reasoned = _about(topic, _prefixes(index, best[1]) | _line_prefixes(index, entry))
            if (kind and strict) or reasoned:
                total *= ANSWERS_FACTOR
            if headline(best[1]):  # an entry answering by its title alone: after the others
                total *= HEADLINE_FACTOR
            if kind in SLOT_KINDS and strict and carries(kind, best[1], asked):
                slotted.add(entry.id)  # the sentence itself, not only the entry's date
            held_words[entry.id] = _held_words(index, entry, best[1], weights)
            scored.append((total, -position, entry, best[1], best[2]))
    if not scored:
        return None
    scored.sort(key=lambda row: (row[0], row[1]), reverse=True)
    scored = _slot_first(scored, slotted, held_words)
    actors = named_actors(index, query)
    if actors:  # the actor the question names: close entries about it go first (subject_first)
        # how many of them each entry names: with two actors asked (« Moscou … le rapprochement
        # Bakou–OTAN »), the entry naming both goes before one naming only Moscou
        counts = [
            sum(holds_actor(index, r[2], r[3], _line(index, r[2]), (a,)) for a in actors)
            for r in scored
        ]
        most = max(counts)
        naming = [number == most and most > 0 for number in counts]
        lead = next((n for n, yes in enumerate(naming) if yes), None)
        # a reason asked (« pourquoi … ? »): a best hit giving one stays ahead of an entry
        # that only names more of the actors
        keeps_reason = reason and not kind and gives_reason(scored[0][3])
        if (
            lead  # neither None nor 0: the best hit lacks it, another has it
            and not (keeps_reason and lead is not None and not gives_reason(scored[lead][3]))
            and scored[lead][0] >= _closeness(index, query, counts, lead) * scored[0][0]
            and (
                ties_asked(index, scored[lead][2], _shown(index, scored[lead]), query, actors)
                or not _untold_with(index, query, [index.base.actors[a].name for a in actors])
            )
        ):  # (when neither it nor any sentence ties the actor to the question's words, the
            # subject may be uncovered: the best hit stays, and the answer says so)
            pairs = list(zip(scored, naming, strict=True))
            scored = [r for r, yes in pairs if yes] + [r for r, yes in pairs if not yes]
    scored = parties_first(index, query, scored)  # « l'accord entre l'Arménie et
    # l'Azerbaïdjan »: theirs, never a France–Armenia accord that shares « conclu »
    value, _position, entry, sentence, answers = scored[0]
    if hits.total <= 1 + LISTED:  # so few results: all of them
        others = [row[2] for row in scored[1:]]
    else:
        wanted = LISTED if several else NEIGHBOURS
        others = [row[2] for row in scored[1 : 1 + wanted] if row[0] >= CLOSE * value]
    return entry, sentence, answers, others, hits.total


def _holds_named(index: Index, entry: Entry, sentence: str, subject: str) -> bool:
    """True when the question's subject word is an actor's name (« Londres ») and the entry
    shows that actor another way (« britannique », « Royaume-Uni », or as a party): a date of
    the plan signed by the United Kingdom is about « Londres »."""
    actors = named_actors(index, subject)
    return bool(actors) and holds_actor(index, entry, sentence, _line(index, entry), actors)


SLOT_KINDS = frozenset({"quand", "combien", "rang"})
"""Types whose slot a sentence plainly holds or not (a date, a figure, an ordinal); a name
(« qui ») is any capitalised word or office, too loose to reorder entries by."""
SLOT_CLOSE = 0.6
"""A question of a type (when, who, how many, where): an entry whose passage holds the slot
asked, about the question's subject, goes before a best hit whose passage does not when it
scores this share of it at least — a sentence sharing the question's common words (« depuis
plusieurs années » for « quelles années ? ») never beats the one holding the period."""


Scored = tuple[float, int, Entry, str, bool]


def _held_words(index: Index, entry: Entry, sentence: str, weights: dict[str, float]) -> float:
    """The weight of the question's words that ``sentence`` and its entry's line hold, an
    actor's name counting when the entry shows that actor another way (``_holds_named``)."""
    held = _prefixes(index, sentence) | _line_prefixes(index, entry)
    return sum(
        weight
        for word, weight in weights.items()
        if _matches(word, held) or _holds_named(index, entry, sentence, word)
    )


def _slot_first(
    scored: list[Scored], slotted: set[str], held_words: dict[str, float]
) -> list[Scored]:
    """``scored`` with the best entry holding the asked slot (``slotted``) first, when the best
    hit lacks it and that entry scores ``SLOT_CLOSE`` of it at least, in all and in the
    question's words its passage holds (``held_words``: « les portes » of a forum, dated,
    shares « port » and « Bakou » only with a question on the oil tankers banned from the
    port of Baku)."""
    if not scored or scored[0][2].id in slotted:
        return scored
    top, words = scored[0][0], held_words.get(scored[0][2].id, 0.0)
    for at, row in enumerate(scored):
        if (
            row[2].id in slotted
            and row[0] >= SLOT_CLOSE * top
            and held_words.get(row[2].id, 0.0) >= SLOT_CLOSE * words
        ):
            return [row, *scored[:at], *scored[at + 1 :]]
    return scored


def _about(subject: str, held: frozenset[str]) -> bool:
    """True when the question has no subject word or ``held`` (a sentence's prefixes) holds it."""
    return not subject or subject[:PREFIX] in held


def _closeness(index: Index, query: str, counts: list[int], lead: int) -> float:
    """How close to the best hit an entry naming more of the question's actors must score to
    go first: ``SUBJECT_CLOSE``, or ``SIDE_CLOSE`` when the question names a side (« côté
    russe, qui a commenté … ? ») that the best hit lacks and that entry holds."""
    sides = side_actors(index, query)
    if not sides or counts[lead] <= counts[0]:
        return SUBJECT_CLOSE
    return SIDE_CLOSE


PART_WEIGHT = 1.0
"""For a two-part question, an entry's score grows by this share times the largest share of
one part's words (by weight) its passage and line hold: whole parts first."""
PART_MISSING = 0.5
"""A part of a two-part question (« …, et le Partenariat pour la paix ? ») is answered on its
own when the passage on top lacks this share of its words' weight."""
PART_HIT = 0.5
"""The entry answering the other part scores at least this share of the best hit."""


def other_part(
    index: Index,
    query: str,
    kind: str,
    parts: tuple[str, ...],
    entry: Entry,
    sentence: str,
) -> tuple[Entry, str] | None:
    """For a question in two parts (``parts``: each part's search words), the entry and
    verbatim sentence that answer the part the passage on top (``entry``, ``sentence``)
    leaves out, among the best hits of the whole ``query``; None when each part is there."""
    if len(parts) < 2:
        return None
    held = _prefixes(index, sentence) | _line_prefixes(index, entry)
    hits = index.fulltext.search_hits(query)
    ranked = index.fulltext.ranked_hits(hits, 0, CANDIDATES) if hits.total else []
    if ranked:  # a hit far below the best answers no part: a word shared by chance
        ranked = [(hit, score) for hit, score in ranked if score >= PART_HIT * ranked[0][1]]
    asked = frozenset(index.tokens(query))
    for part in parts:
        weights = _weights(index, index.tokens(part))
        total = sum(weights.values())
        missing = {w: v for w, v in weights.items() if w[:PREFIX] not in held}
        if not total or sum(missing.values()) < PART_MISSING * total:
            continue
        best: tuple[float, Entry, str] | None = None
        for other, _hit in [*ranked, *_part_hits(index, part)]:
            for candidate, prefixes, before, _text in _entry_sentences(index, other):
                if candidate == sentence or _foreign(index, other, candidate):
                    continue
                value = _score(prefixes, missing)
                if before:
                    value += INHERITED * _score(before - prefixes, missing)
                if not value:
                    continue  # it must hold a word the top passage lacks
                value += _score(prefixes, weights)
                value += TYPE_BONUS if carries(kind, candidate, asked) else 0.0
                if best is None or value > best[0]:
                    best = (value, other, candidate)
        if best is not None:
            return best[1], best[2]
    return None


def _part_hits(index: Index, part: str) -> list[tuple[Entry, float]]:
    """The best hits of one part's own words: as the base grows, the entry answering a part
    may fall out of the whole question's first hits (« NCCA » among many « partenariat »)."""
    hits = index.fulltext.search_hits(part)
    ranked = index.fulltext.ranked_hits(hits, 0, CANDIDATES) if hits.total else []
    return [(hit, score) for hit, score in ranked if score >= PART_HIT * ranked[0][1]]


def _kind_of(entry: Entry) -> str:
    if isinstance(entry, Event):
        return entry.type
    return entry.kind if isinstance(entry, Agreement) else ""


def _topics_meet(entry: Entry, other: Entry) -> bool:
    """True unless both entries have themes and share none (the gas corridor's energy under
    the Zanguezour corridor's territory: one actor in common is not one subject)."""
    mine, theirs = set(entry.topics), set(other.topics)
    return not mine or not theirs or bool(mine & theirs)


def same_subject(index: Index, entry: Entry, other: Entry, parts: tuple[str, ...] = ()) -> bool:
    """True when ``other`` may be shown « Aussi » under the answer ``entry``: they share half
    of the answer's actors (Azerbaïdjan aside), or one of its many actors and a theme (or one
    has none, or the question's ``parts`` name that actor), or a kind, or the question's
    ``parts`` name one of its actors; an answer naming no actor but Azerbaïdjan goes with an
    entry naming none either when one article holds both. A sentence on the US accord is no
    « Aussi » to a question on OTS manœuvres, nor the EU–India accords to one on who chaired
    the forum, nor the gas corridors to the Zanguezour corridor (issue 22, class 3)."""
    if other is entry:
        return True
    home = index.base.vocabulary.home
    mine, theirs = subjects(entry, home), subjects(other, home)
    shared = tuple(set(mine) & set(theirs))
    if shared and (
        2 * len(shared) >= len(mine)  # the answer's own subject, not one of its many actors
        or _topics_meet(entry, other)
        or any(names_any(index.base, shared, part) for part in parts)
    ):
        return True
    if _kind_of(entry) and _kind_of(entry) == _kind_of(other):
        return True
    if theirs and any(names_any(index.base, theirs, part) for part in parts):
        return True
    if theirs:  # actors the answer does not name: another subject
        return False
    sources = {item.source for item in entry.evidence}
    return any(item.source in sources for item in other.evidence)


MISSING_SHARE = 0.3
"""The top sentence (with its line) lacks this share of the question's word weight at least
before another sentence is shown open under it (``complement``)."""
MISSING_MORE = 0.4
"""When the top passage holds the question's subject word (or it has none), it lacks this
share of the question's word weight at least before another sentence is shown under it, one
holding the heaviest word it lacks and HALF of that weight (and only when the question's type
is not already answered on top)."""
HALF = 0.5
COMPLEMENT_LONGEST = 400
"""Longest sentence shown open under the top one: a phone shows it whole."""


def complement(
    index: Index,
    query: str,
    kind: str,
    entry: Entry,
    sentence: str,
    candidates: list[Entry],
    verbs: frozenset[str] = frozenset(),
) -> tuple[Entry, str] | None:
    """The entry and verbatim sentence (among ``candidates``' own quotes) that say what the
    question asks and the passage on top leaves out: its subject word (« le thème » under the
    sentence opening the forum) when the top passage lacks it and MISSING_SHARE of the
    question's weight; else, when it lacks MISSING_MORE and its type is not answered on top,
    the heaviest word it lacks with HALF of that weight. Shown open under the top passage
    (issue 22, class 1: the answer is never left in a fold or under « Aussi »); None when the
    top passage says it, or no sentence does."""
    weights = _weights(index, index.tokens(without_kind_words(index, query, kind)))
    total = sum(weights.values())
    if not total:
        return None
    shown = _prefixes(index, sentence) | _line_prefixes(index, entry)
    before = antecedent(index, entry, sentence)
    if before:
        shown |= _prefixes(index, before)
    missing = {
        word: weight
        for word, weight in weights.items()
        if word[:PREFIX] not in shown and not _holds_named(index, entry, sentence, word)
    }  # « Londres » asked, « britannique » written: the actor is there
    lacking = sum(missing.values())
    if lacking < MISSING_SHARE * total:
        return None
    asked = frozenset(index.tokens(query))
    subject = _subject_word(weights, verbs)
    least = 0.0  # what a sentence must hold of the words the top lacks, past the one needed
    if subject not in missing:  # the top holds the subject: only when it lacks much more
        if lacking < MISSING_MORE * total or (kind and carries(kind, sentence, asked)):
            return None
        subject = max(missing, key=lambda word: missing[word])
        least = HALF * lacking
    best: tuple[float, int, Entry, str] | None = None
    for rank, candidate in enumerate(candidates):
        if of_other_parties(index, query, entry, candidate):
            continue  # another pair's agreement completes nothing of the one asked
        for text, prefixes, _before, _text in _entry_sentences(index, candidate):
            if text == sentence or len(text) > COMPLEMENT_LONGEST or text in before:
                continue
            if _foreign(index, candidate, text):
                continue
            held = _score(prefixes, missing)
            if subject[:PREFIX] not in prefixes or held < least:
                continue
            if kind and carries(kind, text, asked) and not carries(kind, sentence, asked):
                held += TYPE_BONUS
            if best is None or (held, -rank) > (best[0], best[1]):
                best = (held, -rank, candidate, text)
    return None if best is None else (best[2], best[3])


MOST_SEEDS_READ = 50
"""Articles read sentence by sentence at most to prove a detail absent; past that, nothing is
claimed of the articles."""
_SEED_SENTENCE = re.compile(r"(?<=[.!?…])\s+|\n+")


_SaidKey = tuple[str, str, tuple[str, ...]]


def said_in_articles(index: Index, word: str, kind: str, others: tuple[str, ...] = ()) -> bool:
    """True unless a full-text search proves that no sentence of the articles about the
    question gives what ``kind`` asks: a date, a place, a name or an office (issue 22 B.6:
    « the articles don't say » only once proved). A sentence is about the question when it
    holds ``word`` (its subject, by its first PREFIX letters) or two of its ``others`` words:
    the rarest word is not always the subject (« depuis quelle année … l'OTAN ? » is answered by
    « … ses relations avec l'OTAN en 1992 », which has no « année »). For a place, a sentence
    naming a country or its people may give it (« d'origine russe »): nothing is claimed then.
    The articles to read are found by each word's own stem, never by its PREFIX letters (the
    stem of « obser » is in no article: « Il a fait observer … en 2017 » went unread)."""
    table: dict[tuple[str, str, tuple[str, ...]], bool] = index.memo(
        "passage said in articles", dict
    )
    words = sorted({other for other in others if other[:PREFIX] != word[:PREFIX]})
    rest = tuple(sorted({other[:PREFIX] for other in words}))
    key = (word, kind, tuple(words))
    if key not in table:
        sources = set(sources_holding(index, folded_stem(word)))
        if len(rest) >= 2:
            for other in words:
                sources |= set(sources_holding(index, folded_stem(other)))
        if len(sources) > MOST_SEEDS_READ:  # too many to read: nothing is claimed
            table[key] = True
            return True
        holding = []
        for source in sorted(sources):
            for sentence in _SEED_SENTENCE.split(index.base.seeds[source]):
                prefixes = _prefixes(index, sentence)
                if word[:PREFIX] in prefixes or sum(other in prefixes for other in rest) >= 2:
                    holding.append(sentence)
        if kind == "qui":  # a person, an office, or a capitalised word naming no actor
            table[key] = not holding or any(_may_name(index, s) for s in holding)
        elif kind == "ou":
            table[key] = not holding or any(
                carries(kind, s) or _names_actor(index, s) for s in holding
            )
        else:
            table[key] = not holding or any(carries(kind, s) for s in holding)
    return table[key]


_ORIGIN = re.compile(r"\b(?:d'origine|de provenance|en provenance d[eu']?|importes? d[eu']?)\s*\w+")
"""An origin told in words (« d'origine russe », « en provenance d'Israël »)."""
_ORIGIN_ASKED = re.compile(
    r"\b(?:vien\w*|provien\w*|provenance|origines?|import\w*|achet\w*|fourni\w*|d ou)\b"
)
"""A question asking where something comes from (folded): « viennent d'où ? »."""


def tells_origin(index: Index, query: str, sentence: str) -> bool:
    """True when ``sentence`` tells where something comes from, which answers a « d'où ? »:
    « d'origine X », or a country or its people (« russe », « israéliens ») the question does
    not name itself, when ``query`` asks an origin (« viennent », « provenance »). A passage
    doing so is never said to give no place (issue 22, AA47)."""
    if not _ORIGIN_ASKED.search(fold(query)):  # « où ? » of an event: a place, not a people
        return False
    if _ORIGIN.search(sentence.replace("’", "'").lower()):
        return True
    actors = index.names.exact
    named = {actors[word] for word in index.tokens(query) if word in actors}
    return any(word in actors and actors[word] not in named for word in index.tokens(sentence))


def _untold_with(index: Index, query: str, unnamed: list[str]) -> str:
    """The words of ``query`` besides actors' names (those of the articles, longer than three
    letters, no adverb), said as « a », « b » et « c », when no sentence of the articles names
    one of the ``unnamed`` actors (by a name, an alias or an adjective) together with any of
    them, nor holds one of them in an article about such an actor (``about_actors``); "" when
    one does, or when there is no such word."""
    exact = index.names.exact
    named = {exact[w] for w in index.tokens(query) if w in exact} - {index.base.vocabulary.home}
    if len(named) > 1:  # « point commun entre l'accord avec Londres et celui avec Washington »:
        return ""  # a comparison, which no sentence need word with both
    weights = _weights(index, [w for w in index.tokens(query) if w not in exact])
    nouns = [w for w in weights if len(w) > 3 and w not in LIGHT_WORDS and not w.isdigit()]
    if not nouns:
        return ""
    actors = [a for a in index.base.actors.values() if a.name in unnamed]
    names = {fold(n) for a in actors for n in (*a.names(), *a.demonyms) if n}
    ids = tuple(a.id for a in actors)
    for source, text in index.base.seeds.items():
        about = about_actors(index, source, ids)  # an article about the actor: each of its
        for sentence in _SEED_SENTENCE.split(text):  # sentences is about it, named or not
            folded = f" {' '.join(index.tokens(sentence))} "
            if not about and not any(f" {name} " in folded for name in names):
                continue
            prefixes = _prefixes(index, sentence)
            if any(_matches(word, prefixes) for word in nouns):
                return ""
    return " », « ".join(nouns)


def unnamed_actors(index: Index, query: str, entry: Entry, article: str) -> list[str]:
    """The actors ``query`` names that neither ``entry`` (its actors, parties, mediators) nor
    the ``article`` its passage comes from (by a name, an alias or an adjective) is about: a
    passage shown for them is about something else, and the answer says so (issue 22, C28:
    « cybersécurité avec l'OTAN » answered by a sentence of an article on the US accord that
    never names NATO)."""
    said = f" {fold(article)} "
    own = set(entry_actors(entry))
    missing: dict[str, str] = {}
    exact = index.names.exact
    words = fold(query).split()
    most = index.names.most_words
    runs = (
        " ".join(words[start : start + size])
        for start in range(len(words))
        for size in range(1, min(most, len(words) - start) + 1)
    )  # every run of words a name may be, in the question's order: no scan of the names
    for name in runs:
        actor_id = exact.get(name)
        if actor_id is None or len(name) < 2 or actor_id in own:
            continue
        names = [
            fold(n)
            for n in (*index.base.actors[actor_id].names(), *index.base.actors[actor_id].demonyms)
        ]
        if not any(f" {n} " in said for n in names if n):
            missing.setdefault(actor_id, index.base.actors[actor_id].name)
    return list(missing.values())


def _names_actor(index: Index, sentence: str) -> bool:
    """True when ``sentence`` names a country or an organisation of the base, or its people
    (« russe », « israéliens »): it may say where something comes from or takes place."""
    actors = index.names.exact
    return any(word in actors for word in index.tokens(sentence))


def _may_name(index: Index, sentence: str) -> bool:
    """True when ``sentence`` may name someone: a person, an office, or a capitalised word
    inside it that names no country or organisation of the base (« Aliyev a signé »)."""
    if _names_someone(sentence):
        return True
    actors = index.names.exact
    return any(
        fold(word) not in actors and fold(word) not in _MONTHS
        for word in _CAPITAL.findall(sentence)
    )


def _label(index: Index, entry: Entry, limit: int) -> str:
    return "Contexte" if isinstance(entry, Fact) else brief_when(index.base, entry, limit)


_ANNOUNCED = re.compile(
    r"\b(?:[2-9]|10|deux|trois|quatre|cinq|six|sept|huit|neuf|dix)\s+(?:[\w'’-]+\s+){0,2}?"
    r"[\w'’-]+[sx]\s*[:.;]?\s*$",
    re.IGNORECASE,
)
"""A sentence ending on the announcement of a list, which comes next (« … à trois principales
menaces », « … comporte deux volets : »); « les deux pays ont signé » announces none."""


def enumerating(index: Index, entry: Entry, sentence: str) -> list[Entry]:
    """When ``sentence`` announces a list of N things (« trois principales menaces »), the
    entries (``entry`` too) that quote it as their own and say one of them each, in the order
    the article gives them (at most N; an entry holding every item comes only when too few
    hold one each); [] when it announces none or no entry enumerates it."""
    found = _ANNOUNCED.search(sentence)
    if found is None:
        return []
    word = fold(found.group(0).split()[0])
    most = int(word) if word.isdigit() else _SMALL_NUMBERS.index(word) + 2
    source = next((e.source for e in entry.evidence if sentence in e.quote), "")
    article = fold(index.base.seeds.get(source, ""))
    placed: list[tuple[int, str, Entry]] = []
    hits = index.fulltext.search_hits(sentence)  # those quoting it rank first: no full scan
    ranked = index.fulltext.ranked_hits(hits, 0, CANDIDATES) if hits.total else []
    singles: list[tuple[int, str, Entry]] = []
    for other, _score in [(entry, 0.0), *ranked]:
        if other is entry and placed:
            continue  # the top entry is read first, never twice
        # the same article only: never a list pieced from two articles
        holding = [
            e for e in other.evidence if e.source == source and _announces(e.quote, sentence)
        ]
        if not holding:
            continue
        rest = [e for e in other.evidence if e.source == source and e not in holding]
        if not rest:
            continue
        at = article.find(fold(rest[0].quote)[:60])
        row = (at if at >= 0 else len(article), other.id, other)
        placed.append(row)
        if len(rest) == 1:  # one item each; an entry holding them all sums the list up
            singles.append(row)
    chosen = singles if len(singles) >= 2 else placed
    chosen.sort(key=lambda row: (row[0], row[1]))
    return [row[2] for row in chosen[:most]] if len(chosen) >= 2 else []


LISTING_LINE = 240
"""Longest line of an item of a list the article announces (« trois principales menaces »):
each item is the answer, never cut before what it names."""
_COUNT_ASKED = re.compile(
    r"\b(?:[2-9]|10|deux|trois|quatre|cinq|six|sept|huit|neuf|dix)\s+(?:[\w'-]+\s+)?[\w'-]+[sx]\b"
)


def _counts_asked(query: str) -> bool:
    """True when the question asks for a number of things (« les 3 grosses menaces »)."""
    return _COUNT_ASKED.search(fold(query).replace("’", "'")) is not None


def _listed_header(listing: list[Entry], top_listed: bool) -> str:
    """The line over the items of a list the article announces, or « Aussi : »."""
    if not listing:
        return "Aussi :"
    return (
        "Les autres, dans l'ordre de l'article :" if top_listed else "Dans l'ordre de l'article :"
    )


def announced(sentence: str) -> bool:
    """True when ``sentence`` ends on the announcement of a list (« … trois principales
    menaces »)."""
    return _ANNOUNCED.search(sentence) is not None


def _announces(quote: str, sentence: str) -> bool:
    """True when ``quote`` is the announcing ``sentence``, or the part of it that announces."""
    return sentence in quote or (quote in sentence and _ANNOUNCED.search(quote) is not None)


_SMALL_NUMBERS = ("deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix")


def asks_several(question: str) -> bool:
    """True when the question asks for several things (« quelles régions ? »)."""
    return bool(_SEVERAL.search(fold(question)))


def passage_reply(
    index: Index,
    query: str,
    kind: str,
    said: bool = False,
    several: bool = False,
    noun: str = "",
    shown: str = "",
    parts: tuple[str, ...] = (),
    someone: str = "",
    neighbours: bool = True,
    verbs: frozenset[str] = frozenset(),
    forced: tuple[Entry, str] | None = None,
    reason: bool = False,
) -> Reply | None:
    """The answer to a plain question read as a search for ``query``: the answering passage
    on top, unfolded, under its entry's line; for a question in two ``parts`` whose second
    part the passage leaves out, that part's passage unfolded under it; the neighbours in an
    « Aussi : » list; every line's key quotes in one folded group (an entry's line is its
    claim: its quotes go with it; a context entry shows its quote alone). When the passage on
    top lacks the question's subject, the sentence holding it comes open under it
    (``complement``), or alone (``forced``) when both would not fit a phone screen."""
    found = best_passage(index, query, kind, several, noun, shown, parts, verbs, reason=reason)
    if found is None:
        return None
    entry, sentence, answers, others, total = found
    if forced is not None:  # the sentence holding the question's subject, alone on top
        entry, sentence = forced
        answers, others = carries(kind, sentence, frozenset(index.tokens(query))), []
    others = [other for other in others if same_subject(index, entry, other, (*parts, query))]
    if forced is None:  # the passage sits under the line it states, never a neighbour's
        entry, others = stating_first(index, entry, sentence, others)
    if not neighbours:  # the answer alone fits a phone screen better: they stay behind 🔎
        others = []
    second = other_part(index, query, kind, parts, entry, sentence)
    if second is not None and not same_subject(index, entry, second[0], (*parts, query)):
        second = None  # another event's sentence: no answer to a part of this question
    completed = False
    if second is None and forced is None:  # the words the top sentence lacks, said by another
        second = complement(index, query, kind, entry, sentence, [entry, *others], verbs)
        completed = second is not None
    if second is not None:  # each part answered: the second takes the neighbours' place
        others = [] if second[0] is entry or isinstance(second[0], Fact) else [second[0]]
    listing = enumerating(index, entry, sentence) if second is None else []
    if not listing and second is None and not reason and _counts_asked(query):  # « les 3
        # menaces ? » on one of them (« la Russie qui refuse … »): the list its entry
        # announces, all of it; never for « et l'Iran, pourquoi ? », which asks that one
        announcing = next((e.quote for e in entry.evidence if announced(e.quote)), "")
        listing = enumerating(index, entry, announcing) if announcing else []
    if listing:  # « trois principales menaces »: the lines that name them, in the article's order
        others = [other for other in listing if other is not entry]
        if forced is None:  # and the passage under the one of them that states it
            entry, others = stating_first(index, entry, sentence, others)
    top_listed = entry in listing  # the entry on top names the first item itself
    base = index.base
    blocks: list[Block] = []
    # « combien »: whether the articles give a figure is proved on the full text
    # (``counting.figure_in_articles``) and said by the question reader, not here
    holding = [item for item in entry.evidence if sentence in item.quote]
    evidence = next(
        (item for item in holding if not is_foreign(base, entry, item.quote)), holding[0]
    )
    source = quote_of(base, evidence)
    before = antecedent(index, entry, sentence)
    if before and _foreign(index, entry, before):
        before = ""  # another entry's sentence (its date, its act): never under this line
    after = "" if before or second is not None else following(index, entry, sentence, kind, query)
    if len(sentence) + len(after) > WITH_ANTECEDENT:
        after = ""
    shown_with = (
        [  # the sentence shown open above it, which says what « ce projet » is: a
            # head says missing only what neither holds (another sentence's place, « l'ambassade
            # britannique à Bakou », is no place of the act asked)
            before
        ]
        if before and len(before) + len(sentence) <= WITH_ANTECEDENT
        else []
    )
    asked = frozenset(index.tokens(query))
    answers = answers or any(carries(kind, text, asked) for text in shown_with)
    if someone and not said and not any(names_asked(someone, t) for t in (sentence, *shown_with)):
        what = "de nom de personne" if someone == "nom" else "de nom ni de fonction"
        blocks.append(Para(f"Le passage le plus proche ne donne pas {what} ; le voici :"))
    elif (
        not answers
        and not said
        and kind != "combien"
        and not (kind == "ou" and tells_origin(index, query, sentence))
    ):
        subject = _subject_word(_weights(index, index.tokens(query)), verbs)
        asked_words = tuple(index.tokens(query))
        # proved on the full text
        if subject and not said_in_articles(index, subject, kind, asked_words):
            total_seeds = count(len(base.seeds), "article")
            blocks.append(
                Para(
                    f"Les articles ne le disent pas : aucune de leurs phrases qui citent "
                    f"« {subject} » ne donne {SAID[kind]} (recherche dans le texte intégral "
                    f"des {total_seeds}) ; ce qu'ils en disent :"
                )
            )
        else:
            blocks.append(
                Para(
                    f"Le passage le plus proche ne donne pas {SAID[kind]} ; le voici, "
                    "avec les entrées voisines :"
                )
            )
    words = index.tokens(query)
    # lines are numbered from 1; a context entry on top has no line (its quote alone): from 0
    top = 0 if isinstance(entry, Fact) else 1
    group = [
        (number, quote_of(base, evidence))
        for number, shown in enumerate([entry, *others], top)
        for evidence in (
            own_key_evidence(base, shown)
            if shown is entry
            else matching_quotes(index, shown, words)
        )
        if not (shown is entry and (evidence.quote in (sentence, before, after) or top == 0))
        and not (second is not None and evidence.quote == second[1])
        and not (shown is not entry and evidence.quote == sentence)  # open right above
    ]
    referred = {number for number, _ in group}  # lines the folded group refers to by number
    unnamed = unnamed_actors(index, query, entry, base.seeds.get(evidence.source, sentence))
    if unnamed:  # « cybersécurité avec l'OTAN »: a passage about another subject is said so
        names = " ni ".join(f"« {name} »" for name in unnamed)  # never « de OTAN »
        untold = _untold_with(index, query, unnamed)
        if untold:  # proved on the full text: no sentence names the actor with the subject
            blocks.append(
                Para(
                    f"Les articles ne le disent pas : aucune de leurs phrases ne nomme {names} "
                    f"avec « {untold} » (recherche dans le texte intégral des "
                    f"{count(len(base.seeds), 'article')}). Ce passage, le plus proche, ne "
                    f"nomme pas {names} ; le voici :",
                    "note",
                )
            )
        else:
            blocks.append(
                Para(f"Ce passage, le plus proche, ne nomme pas {names} ; le voici :", "note")
            )
    if isinstance(entry, Fact):  # its line would say the quote again: the quote alone
        blocks.append(Para("D'après l'article :", "note"))
    else:
        line = short_label(line_text(base, entry), FIRST_LINE)
        blocks.append(Item(_label(index, entry, 60), line, 1 if 1 in referred else 0, entry.id))
        elsewhere = other_article(base, entry, evidence.source)
        if elsewhere:  # the line's date comes from another article than the quote under it
            blocks.append(Para(elsewhere, "note"))
    if before and len(before) + len(sentence) <= WITH_ANTECEDENT:  # what « ce projet » is
        held = next(item for item in entry.evidence if before in item.quote)
        first = quote_of(base, held)
        blocks.append(Quote(before, first.attribution, first.source))
    blocks.append(Quote(sentence, source.attribution, source.source, open=bool(before)))
    if after:  # the article's next sentence, which goes on with what was asked: open under it
        blocks.append(Quote(after, source.attribution, source.source, open=True))
    if top_listed and isinstance(entry, Fact):  # its item, said by its own quote (no line)
        for item in own_key_evidence(base, entry):
            if item.source == evidence.source and not _announces(item.quote, sentence):
                told = quote_of(base, item)
                blocks.append(Quote(item.quote, told.attribution, told.source, open=True))
    if second is not None:
        other_entry, other_sentence = second
        if other_entry is not entry and not isinstance(other_entry, Fact):
            line = short_label(line_text(base, other_entry), FIRST_LINE)
            ref = top + 1 if top + 1 in referred and others and others[0] is other_entry else 0
            blocks.append(Item(_label(index, other_entry, 60), line, ref, other_entry.id))
        elif other_entry is not entry:  # another article's context: alone, never under the
            blocks.append(Para("Aussi, d'après l'article :", "note"))  # line above
        held = next(item for item in other_entry.evidence if other_sentence in item.quote)
        other_source = quote_of(base, held)
        blocks.append(
            Quote(other_sentence, other_source.attribution, other_source.source, open=True)
        )
    if others and second is None:
        blocks.append(Para(_listed_header(listing, top_listed), "note"))
        for number, other in enumerate(others, top + 1):
            width = LISTING_LINE if listing else LISTED_LINE if several else NEIGHBOUR_LINE
            line = short_label(line_text(base, other), width)
            ref = number if number in referred else 0
            blocks.append(Item(_label(index, other, 60), line, ref, other.id))
    if group:
        blocks.append(QuoteGroup(tuple(group)))
    more = total - 1 - len(others)
    if more > 0:
        more_text = count(more, "autre résultat", "autres résultats")
        blocks.append(Para(f"+ {more_text} (bouton 🔎).", "note"))
    rows = tuple((button,) for button in next_taps(index, [entry, *others], query))
    # both do not fit one screen: the sentence holding the question's subject leads alone
    overflow = completed and second is not None and second[0] is not entry
    if overflow and second is not None and visible(blocks) > ANSWER_SCREEN:
        return passage_reply(
            index,
            query,
            kind,
            said,
            several,
            noun,
            shown,
            parts,
            someone,
            True,
            verbs,
            second,
            reason,
        )
    if (
        others
        and second is None
        and not several
        and not listing
        and visible(blocks) > ANSWER_SCREEN
    ):
        return passage_reply(
            index,
            query,
            kind,
            said,
            several,
            noun,
            shown,
            parts,
            someone,
            neighbours=False,
            reason=reason,
        )
    return Reply(tuple(blocks), rows)


def next_taps(index: Index, entries: list[Entry], query: str) -> list[Button]:
    """At most two buttons that go on from the answer, besides the search behind it: the
    cards of its dated lines; else, for context entries, the cards of the actors they are
    about (those the question names first); else the card of the dated entry of the same
    article whose line holds most of the question (the forum's opening under a fact of the
    forum); else the card of the article's one event when the question names none of their
    themes; else the chronology of their theme, one the question names first. Never only
    « run the same search again » (issue 22, class 3); never a theme off the question when
    the article's own event is there (phone readers, seventh blind set)."""
    buttons = [button for shown in entries if (button := entry_button(shown))]
    if buttons:
        return buttons[:2]
    base = index.base
    actors: list[str] = []
    for shown in entries:
        actors += [a for a in subjects(shown, base.vocabulary.home) if a not in actors]
    named = [actor for actor in actors if names_any(base, (actor,), query)]
    ordered = [*named, *(actor for actor in actors if actor not in named)]
    if ordered:
        return [card_button(base.actors[actor]) for actor in ordered[:2]]
    sources = {item.source for shown in entries for item in shown.evidence}
    weights = _weights(index, index.tokens(query))
    pool: list[Event | Agreement] = [*base.events, *base.agreements]
    dated = [
        (_score(_line_prefixes(index, other), weights), -at, other)
        for at, other in enumerate(pool)
        if any(item.source in sources for item in other.evidence)
    ]
    if dated and (best := max(dated, key=lambda row: (row[0], row[1])))[0] > 0:
        return [button] if (button := entry_button(best[2])) else []  # the article's event
    labels = {term.id: term.label for term in base.vocabulary.topics}
    asked = {word[:5] for word in index.tokens(query) if not is_stop(word)}
    topics = [topic for shown in entries for topic in shown.topics]
    said = [t for t in topics if {w[:5] for w in index.tokens(labels.get(t, t))} & asked]
    events = [other for _, _, other in dated if isinstance(other, Event)]
    if not said and len(events) == 1 and (button := entry_button(events[0])):
        return [button]  # the one event of the article (the forum), not a theme not asked
    for topic in dict.fromkeys([*said, *topics]):  # a theme the question names first
        wanted = TimelineFilter(topics=(topic,))
        if select(index, wanted):
            label = f"📅 Chronologie : {labels.get(topic, topic)}"
            return [Button(short_label(label), routes.TIMELINE.build(1, wanted.encode()))]
    return []


SEARCH_LABEL = 30
"""Characters of the searched words a button's label shows."""


def search_button(index: Index, query: str) -> Button:
    """« 🔎 Tous les résultats » (« 🔎 + N autres résultats », ``said_again``): the search
    behind the passage; a query too long for a button's data (the route table says) keeps
    its rarest subject words (no conversational filler, no word no entry holds), in their
    order, and the label says which."""
    data = routes.COMMAND.build_or_none(f"/cherche {query}")
    if data is not None:
        return Button("🔎 Tous les résultats", data)
    words = [word for word in dict.fromkeys(index.tokens(query)) if word.isascii()]
    subject = [  # the subject words only: never the conversation (« redacteur chef veut »)
        word
        for word in words
        if not is_filler(word)
        and (word.upper() in index.base.actors or index.fulltext.expand_word(word))
    ]
    words = subject or words
    weights = _weights(index, words)
    kept: set[str] = set()
    for word in sorted(words, key=lambda w: -weights.get(w, 0.0)):
        trial = " ".join(w for w in words if w in kept | {word})
        if routes.COMMAND.build_or_none(f"/cherche {trial}") is not None:
            kept.add(word)
    short = " ".join(w for w in words if w in kept)
    shown = short if len(short) <= SEARCH_LABEL else short[:SEARCH_LABEL].rsplit(" ", 1)[0] + "…"
    # the label names the searched words (no claim: cut plainly, no modality to keep)
    return Button(f"🔎 Chercher « {shown} »", routes.COMMAND.build(f"/cherche {short}"))
