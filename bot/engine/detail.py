"""One detail asked of a subject: « signé qd ? », « objet ? », « combien ? », « et la date ? »,
« qui côté américain ? », « et les pays présents ? », « il a dit quoi d'autre ? », « combien ça
coûte ? » (issue 22, fifth pass).

After an answer, such a follow-up asks one thing of the entries that answer just showed (its
subject). Showing that answer again, or searching the follow-up's lone word across the whole
base, answers something else. Here the detail is looked for in the subject's own quotes, then
in the full text of the subject's articles; the answer opens with the sentence that gives it,
unfolded under its entry's line, or — when neither gives it — with a frank « Les articles ne
donnent pas … » that says what was searched, then what they do say, with its quotes.

A question that names its subject itself (« combien coûte l'accord avec les États-Unis ? »,
« quels pays étaient présents au forum de Bakou ? ») is answered the same way, its subject
being the entries its own words find.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, replace

from bot.content.model import Agreement, Event, Fact
from bot.dates import MONTHS_FR, Precision
from bot.engine.amounts import gives_amount
from bot.engine.cards import visible
from bot.engine.common import (
    IN_FORCE_ACTS,
    actor_name,
    attribution,
    brief_origin,
    brief_when,
    entry_button,
    line_text,
    party_role,
    quote_of,
)
from bot.engine.counting import NUMBER_WORDS, entries_by_source
from bot.engine.french import folded_stem
from bot.engine.index import Index
from bot.engine.next_named import naming_neighbour
from bot.engine.own_evidence import is_foreign, names_any, own_key_evidence, subjects
from bot.engine.repeats import content_words
from bot.engine.reply import Block, Item, Para, Quote, Reply
from bot.engine.seedtext import sources_holding
from bot.engine.signing_untold import signed_by_whom_untold, signs_this
from bot.engine.thread_said import thread_said
from bot.text import fold, of_word, short_label

Entry = Event | Agreement | Fact

MOST_SUBJECT = 3
"""Entries of the previous answer taken as its subject (its first lines)."""
MOST_SHOWN = 3
"""Sentences an answer shows at most (one screen)."""
QUOTED_AT_MOST = 650
"""Characters of open sentences a detail answer shows at most past its first (with its lines
and its « Compris » line, the first message stays near 1,000 visible characters)."""
LINE = 110
"""Longest entry line in a detail answer: the sentence under it is the answer."""
SUBJECT_LABEL = 55
"""Longest subject line in a « Compris » line."""
MOST_SOURCES = 12
"""Articles read at most for what one person said (the subject's first)."""
MOST_SAID = 2 * MOST_SHOWN
"""Sentences of one person gathered at most (the articles past that are not read)."""
LISTED_COUNTRIES = 3
"""A sentence naming this many countries lists who was there."""

_COST = re.compile(
    r"\b(?:cout\w*|coute\w*|couter|budget\w*|montant\w*|prix|financ\w*|somme(?! toute)|tarif\w*"
    r"|combien (?:\w+ ){0,3}invest\w*|invest\w* (?:\w+ ){0,3}combien"
    r"|combien (?:ca|cela|ils|il|elle) (?:a )?(?:coute|vaut|paye)|valeur)\b"
)
_COST_WORDS = re.compile(
    r"\b(?:cout\w*|couter|budget\w*|montant\w*|prix|financement\w*|finance[rs]?|financee?s?"
    r"|milliards?|millions?|dollars?|euros?|manats?)(?![\w-])"
)
"""How an article would give a cost (folded): searched before saying it doesn't."""
_PRESENT = re.compile(
    r"\b(?:(?:quels?|quelles?|les|des|liste des?) (?:pays|etats(?! unis)|nations|delegations"
    r"|participants)"
    r"(?: \w+){0,3} (?:presents?|presentes?|representes?|representees?|participants?|particip\w*"
    r"|assist\w*|venus?|la)|(?:pays|etats|nations) (?:presents?|participants?|representes?)"
    r"|qui (?:etait|etaient) (?:la|present\w*)|qui (?:y )?(?:a|ont) particip\w*|participants)\b"
)
_MEMBERS = re.compile(
    r"\b(?:qui|quels?|quelles?|c) (?:en )?(?:sont |est |c'est |etaient )?(?:les |ses |leurs )?"
    r"(?:membres|pays membres|etats membres)\b|\bliste des membres\b"
)
"""« c qui les membres ? », « quels sont ses membres ? »: who belongs to the organisation."""
_MEMBERSHIP = re.compile(r"\b(?:membres?|reunit|regroupe|rassemble|compte|comprend)\b")
_SAID_MORE = re.compile(
    r"\b(?:(?:a|ont|avait) (?:dit|declare|ajoute|affirme|souligne|annonce)"
    r"|dit|declare)\b.*\b(?:d[' ]autre|autre chose|encore|de plus)\b"
    r"|\bquoi d[' ]autre\b|\bd[' ]autres (?:declarations|propos)\b"
)
_VERBATIM = re.compile(
    r"\b(?:mot pour mot|mot a mot|textuellement|verbatim|ses (?:propres )?mots|mots exacts"
    r"|termes exacts|citation exacte|entre guillemets|ses propres termes)\b"
)
"""« il a dit quoi mot pour mot ? »: the words the article puts in quotation marks (folded)."""
_IN_MARKS = re.compile(r"«\s*([^«»]+?)\s*»")
_SAYS_ABOUT = re.compile(
    r"\b(?:il|elle|ils|elles|lui) (?:(?:en )?(?:a |ont |avait )?(?:dit|disait|dise|pense|pensait"
    r"|declare|affirme|raconte)) (?:quoi|qqch|quelque chose) "
    r"(?:sur|de|du|des|a propos d[eu']|au sujet d[eu'])\s*(.+)$"
    r"|\bqu[' ](?:est[- ]ce qu[' ])?(?:il|elle)s? (?:a |ont )?(?:dit|pense|declare)\w* "
    r"(?:sur|de|du|des|a propos d[eu' ]|au sujet d[eu' ])\s*(.+)$"
    r"|\bqu[' ](?:a|ont|avait|avaient)[- ](?:t[- ])?(?:il|elle|ils|elles) (?:dit|pense|declare)"
    r"\w* (?:sur|de|du|des|a propos d[eu' ]|au sujet d[eu' ])\s*(.+)$"
)
"""« il dit quoi sur l'Azerbaïdjan et la Turquie ? », « qu'a-t-il dit du lien … ? »: what the
person just shown says of a topic (folded); group 1, 2 or 3 is the topic."""
_WHY = re.compile(r"\b(?:pourquoi|raison\w*|motif\w*)\b")
_DAY = re.compile(r"\b(?:quel jour|jour exact|date (?:exacte|precise)|le combien|a quelle date)\b")
_WHEN = re.compile(
    r"\b(?:quand|qd|date|dates|quel jour|quelle annee|en quelle annee|depuis quand"
    r"|a quel moment)\b"
)
_OFFICE = re.compile(
    r"\bqui (?:l'|l |le |la |les )?(?:a |ont |avait |avaient )?"
    r"(?P<verb>preside\w*|presidai\w*|dirige\w*|dirigeai\w*)\b"
)
"""« qui présidait le forum ? »: who held an office there — a person, never any name (who
organised or hosted it may be a city or a state: « Bakou a ouvert son forum »; not asked here)."""
_OFFICE_WORDS = re.compile(
    r"\b(?:preside|presidee|presidait|presidaient|presidera|copreside\w*|dirige|dirigee"
    r"|dirigeait|dirigeaient|organise|organisee|organisait|organisaient|anime|animait"
    r"|modere|moderait|sous la presidence|sous l'egide|sous la direction)\b"
)
"""How an article says who held an office (folded): searched before saying it doesn't."""
_OFFICE_LABEL = {"presid": "présidait", "dirig": "dirigeait"}
_RANK = re.compile(
    r"\b(?:combientieme|combien-?ieme|quantieme|quelle edition|quel numero|quel rang"
    r"|combien d'editions|combien d editions)\b"
)
"""« c'est le combientième ? », « quelle édition ? »: a rank (« 3ᵉ Forum »), not a count."""
_ORDINAL = re.compile(
    r"\b\d+(?:ᵉ|e|è|er|re|ème|eme|ieme)(?!\w)|\b(?:premier|première|premiere|deuxième"
    r"|deuxieme|troisième|troisieme|quatrième|quatrieme|cinquième|cinquieme|sixième|sixieme"
    r"|second|seconde)\b",
    re.IGNORECASE,
)
_NEXT = re.compile(r"\b(?:prochain|prochaine|prochains|prochaines|suivant|suivante)\b")
"""« et le prochain forum, il est prévu quand ? »: the next one, not the one shown."""
_NEXT_SAID = re.compile(
    r"\b(?:prochain|prochaine|prochains|prochaines|suivant|suivante|se tiendra|aura lieu"
    r"|sera organise\w*|se deroulera|l'an prochain|l'annee prochaine)\b"
)
"""How an article would speak of a next edition (folded): searched before saying it doesn't."""
_FOOTNOTE_LINE = re.compile(r"^\s*\(\d+\)")
"""An article's footnote (« (2) Voir : … »): a reference, never an answer."""
_HOW_MANY = re.compile(r"\b(?:combien|nombre|nb|nbre|effectifs?)\b")
_WHO = re.compile(r"\b(?:qui|nom|noms|signataires?|cote (?:\w+))\b")
_CALLED = re.compile(r"\bcomment (?:s appell\w*|ils s appellent|elle s appelle|il s appelle)")
"""« comment s'appellent-ils ? »: a name asked (folded)."""
_WHERE = re.compile(
    r"\b(?:ou|lieu|endroit|ville)\b|\bpays hote\b"
    r"|\b(?:dans|en|au|a) quel(?:le)?s? (?:pays|ville|region|capitale|endroit)\b"
)
"""« où ? », « quel lieu ? », and a place asked by its kind: « ça s'est passé dans quel pays ? »,
« un pays hôte ? » (folded)."""
_ACTS = {
    "propos": "propos",
    "sign": "sign",
    "annonc": "annon[cç]",
    "decid": "d[ée]cid",
    "approuv": "approuv",
    "adopt": "adopt",
    "ratifi": "ratifi",
}
"""Acts a « when » may ask the date of (folded stem → the pattern of its written forms)."""
_ACT_ASKED = re.compile(r"\b(" + "|".join(_ACTS) + r")\w*")
_DATE_START = re.compile(
    r"\b(?:(?:début|fin|mi-|courant|le \d{1,2}(?:er)?|en|dès) ?)?(?:"
    + "|".join(MONTHS_FR)
    + r")\b(?: \d{4})?|\b(?:hier|récemment|cet été|cet automne|cet hiver)\b|\ben (?:19|20)\d\d\b",
    re.IGNORECASE,
)
"""Where a date phrase starts in a sentence (« début octobre », « le 3 mars 2025 », « hier »)."""
_PROVIDES = re.compile(
    r"\b(?:prevoi\w*|prevoy\w*|porte sur|portent sur|portant sur|vise a|visent a|visant a"
    r"|a pour (?:objet|but|objectif)|ont pour (?:objet|but|objectif)|couvre|couvrent"
    r"|travailleront|cooperer(?:ont)? dans)\b"
)
"""How an article says what an agreement provides for or bears on (lower case, no accents):
« L'accord prévoit l'établissement d'un dialogue … », « … travailleront ensemble … »."""
_FUNCTION = re.compile(
    r"\b(?:fonction|fonctions|poste|qualite)\b"
    r"|\b(?:c est qui|qui c est|qui est|qui etait|c etait qui) (?:donc )?(?:lui|elle|celui ci"
    r"|celui la|celle ci|celle la|ce monsieur|cette dame|ce type|ce gars|cette personne|ce mec)\b"
    r"|\bqui (?:est|etait)[ -](?:il|elle)\b"
)
"""« et sa fonction ? », « il occupe quel poste ? », « c'est qui lui ? », « qui est-il ? »: the
office of the person just shown (who he is, as the articles say it)."""
_AFTER = re.compile(
    r"\b(?:apres|au-dela d[eu']|au dela d[eu']|passe par)\s*(?:l'|la |le )?(\w{4,})"
)
"""« et après Makhatchkala, ça part où ? »: the place a route goes on from (folded)."""
_ONWARD = re.compile(r"\b(?:à|au|aux|en|vers|jusqu'à|via) [A-ZÀ-Ý]")
"""A sentence sending something on to a place (« … par un pipeline vers Novorossiysk »)."""
_WHAT = re.compile(
    r"\b(?:objet|objectifs?|contenu|teneur|but|buts|sujet|porte sur|portait sur|prevoit|quoi"
    r"|domaines?|themes?|secteurs?|priorites?|mecanismes?|volets?)\b"
)
_TOPICS_SAID = re.compile(
    r"\b(?:ont porte|a porte|portaient|portait|porteront|porte egalement|ont egalement porte)"
    r" sur\b|\bl'un des themes\b|\bthemes? centra"
)
"""A sentence saying what talks or an agreement bore on (lower case, no accents)."""
_NAMED_DETAIL = re.compile(r"\b(domaines?|themes?|secteurs?|priorites?|mecanismes?|volets?)\b")
"""A detail the question names with its own noun: a sentence holding that noun gives it."""
_SIDE = re.compile(r"\bcote (\w+)")
_ROLE = re.compile(
    r"\b(?:ministres?|ministeres?|president|presidente|vice-president\w*|ambassad\w+"
    r"|representants?|chefs? d'etat|premier ministre|delegations?)\b"
)
"""Someone named by an office or an institution (« les ministères de la Défense »)."""
_COUNT_OF_COUNTRIES = re.compile(
    r"\b(?:(?:plus|moins|pres) de |environ )?(?:(?!(?:19|20)\d\d\b)\d+|plusieurs"
    r"|une? \w+aine de|des dizaines de)\s+(?:pays|nations|etats|delegations)\b"
)
_PERSON = re.compile(r"\b[A-ZÀ-Ý][\w.-]+ [A-ZÀ-Ý][\w-]+")
_SENTENCE = re.compile(r"(?<=[.!?…»])(?<! [A-Z]\.)\s+(?=[A-ZÀ-Ý«(])|\n+")
_MONTHS = [
    "janvier",
    "fevrier",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "aout",
    "septembre",
    "octobre",
    "novembre",
    "decembre",
]


@dataclass(frozen=True, slots=True)
class Detail:
    """What one question asks of its subject."""

    kind: str
    """« cout », « presents », « dit », « pourquoi », « jour », « quand », « combien »,
    « qui », « ou » or « objet »."""
    what: str
    """The detail in words, as the answer names it (« le coût », « la date »)."""
    noun: str = ""
    """For « objet »: the noun the question names (« domaines », « thème »); for « qui »: the
    side asked (« américain »)."""
    signed: bool = False
    """For « qui »: the question asks who signed (« signée par qui ? »)."""
    after: str = ""
    """For « ou »: the place the question asks what comes after (« et après Makhatchkala, ça
    part où ? »: « makhatchkala », folded)."""
    act: str = ""
    """For « quand »: the act whose date is asked (« proposé quand ? »: « propos »), not the
    date of what it bears on (manoeuvres proposed for 2026)."""
    named: bool = False
    """For « qui »: a person's name is asked (« les noms des ministres ? », « comment
    s'appellent-ils ? »): an office or an institution (« les ministères de la Défense ») gives
    none, and the answer says so first."""


def asked_detail(text: str) -> Detail | None:
    """The one detail ``text`` asks, or None when it asks none of these."""
    folded = f" {fold(text).replace('’', chr(39))} "
    if _COST.search(folded):
        return Detail("cout", "le coût (ni budget ni montant)")
    if _MEMBERS.search(folded) and not _HOW_MANY.search(folded):  # « c qui les membres ? »
        return Detail("membres", "la liste de ses membres")
    side = _SIDE.search(folded)
    if side and re.search(r"\bqui\b", folded):  # « qui était (là) côté américain ? »: a
        # person of that side, never the list of countries present (issue 22, AA12)
        spelled = {fold(word): word for word in re.findall(r"\w+", text)}
        named_side = spelled.get(side.group(1), str(side.group(1)))
        return Detail("qui", "de nom", named_side, signed=bool(re.search(r"\bsign", folded)))
    if _PRESENT.search(folded) and not _HOW_MANY.search(folded):  # « nombre de participants »
        return Detail("presents", "la liste des pays présents")
    office = _OFFICE.search(folded)
    if office is not None:
        typed = office.group("verb")
        verb = next((v for k, v in _OFFICE_LABEL.items() if typed.startswith(k)), "présidait")
        return Detail("office", f"qui {verb}", verb)
    if _RANK.search(folded):
        return Detail("rang", "le rang (quelle édition)")
    if _NEXT.search(folded) and _WHEN.search(folded):
        return Detail("prochain", "de date pour une prochaine édition")
    if _VERBATIM.search(folded):  # « il a dit quoi mot pour mot ? »
        return Detail("verbatim", "ses propres mots")
    about = _SAYS_ABOUT.search(folded)
    if about is not None:  # « il dit quoi sur l'Azerbaïdjan et la Turquie ? »
        topic = (about.group(1) or about.group(2) or about.group(3) or "").strip(" ?!.")
        return Detail("dit_sur", "ce qu'il en dit", topic)
    if _SAID_MORE.search(folded):
        return Detail("dit", "ce qu'il a dit d'autre")
    if _WHY.search(folded):
        return Detail("pourquoi", "la raison")
    if _DAY.search(folded):
        return Detail("jour", "le jour exact")
    if _WHEN.search(folded):
        act = _ACT_ASKED.search(folded)
        return Detail("quand", "la date", act=act.group(1) if act else "")
    if _HOW_MANY.search(folded):
        return Detail("combien", "de chiffre")
    if _FUNCTION.search(folded):  # « il a quelle fonction, ce monsieur ? »
        return Detail("fonction", "sa fonction")
    named = _NAMED_DETAIL.search(folded)
    if named is not None:
        typed = {fold(word): word for word in re.findall(r"\w+", text)}
        word = typed.get(named.group(1), str(named.group(1)))
        return Detail("objet", f"le détail demandé (« {word} »)", word)
    side = _SIDE.search(folded)
    if _WHO.search(folded) or _CALLED.search(folded):
        typed = {fold(word): word for word in re.findall(r"\w+", text)}
        noun = typed.get(side.group(1), str(side.group(1))) if side else ""
        signed = bool(re.search(r"\bsign", folded))
        by_name = bool(re.search(r"\bnoms?\b", folded) or _CALLED.search(folded))
        return Detail("qui", "de nom", noun, signed=signed, named=by_name)
    if _WHERE.search(folded):
        after = _AFTER.search(folded)
        return Detail("ou", "le lieu", after=after.group(1) if after else "")
    if _WHAT.search(folded):
        return Detail("objet", "l'objet")
    return None


def sentences(text: str) -> list[str]:
    """The sentences of ``text``, each a verbatim slice of it."""
    return [part.strip() for part in _SENTENCE.split(text) if part and part.strip()]


def _lower(text: str) -> str:
    """Lower case without accents, hyphens kept (« euro-atlantique » is no « euro »)."""
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


def names_noun(noun: str, sentence: str) -> bool:
    """True when ``sentence`` holds ``noun`` itself, singular or plural (« thème », « thèmes »;
    not « domaine » for « domaines » only when the question says the plural)."""
    wanted = fold(noun)
    forms = {wanted, wanted.rstrip("s"), f"{wanted.rstrip('s')}s"}
    if wanted.endswith("s"):  # « domaines » asked: « le domaine de la défense » is no list
        forms = {wanted}
    return bool(forms & set(_words(sentence)))


def _seed_run(text: str) -> list[str]:
    """An article's sentences, apostrophes and spaces made plain as the quotes' are (the
    quote check compares them after ``normalise_typography``)."""
    plain = text.replace("\u2019", "'").replace("\u00a0", " ").replace("\u202f", " ")
    return [re.sub(r"[ \t]+", " ", sentence) for sentence in sentences(plain)]


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", fold(text))


def _has_figure(sentence: str) -> bool:
    words = _words(re.sub(r"\(\d+\)", " ", sentence))
    for at, word in enumerate(words):
        if word in NUMBER_WORDS:
            return True
        if not word.isdigit():
            continue
        if len(word) == 4 and 1900 <= int(word) <= 2100:
            continue  # a year
        if at + 1 < len(words) and words[at + 1] in _MONTHS:
            continue  # a day of a month
        return True
    return False


def _has_date(sentence: str) -> bool:
    words = _words(sentence)
    return any((w.isdigit() and len(w) == 4) or w in _MONTHS for w in words) or any(
        phrase in fold(sentence)
        for phrase in ("hier", "recemment", "cet ete", "debut ", "fin ", "ans plus tard")
    )


def _holds_start(sentence: str, starts: Iterable[str]) -> bool:
    words = _words(sentence)
    return any(word.startswith(start) for start in starts for word in words)


def _stem(word: str) -> str:
    return fold(word)[:5]


SHORTEST_NAME = 4
"""Shorter country names and aliases (« IL », « se ») are not looked for in a sentence."""


def _country_names(index: Index) -> tuple[re.Pattern[str], dict[str, str]]:
    """One pattern matching any country's name or alias (but the base's home, and names shorter
    than ``SHORTEST_NAME``) in a flat sentence, and each flat name's actor; built once."""

    def build() -> tuple[re.Pattern[str], dict[str, str]]:
        home = index.base.vocabulary.home
        owner: dict[str, str] = {}
        for actor in index.base.actors.values():
            if not actor.is_country or actor.id == home:
                continue
            for name in actor.names():
                flat = " ".join(_words(name))
                if len(flat) >= SHORTEST_NAME:
                    owner.setdefault(flat, actor.id)
        names = sorted(owner, key=len, reverse=True)
        alternatives = "|".join(re.escape(name) for name in names) or "(?!)"
        return re.compile(rf"(?<![\w])(?:{alternatives})(?![\w])"), owner

    return index.memo("detail: country names", build)


def _countries_named(index: Index, sentence: str) -> int:
    """How many countries but the base's home ``sentence`` names, by name or alias."""
    pattern, owner = _country_names(index)
    flat = " ".join(_words(sentence))
    return len({owner[found] for found in pattern.findall(flat)})


def _gives(index: Index, detail: Detail, sentence: str) -> bool:
    """True when ``sentence`` gives the detail asked."""
    kind = detail.kind
    if kind == "cout":
        return bool(_COST_WORDS.search(_lower(sentence)))
    if kind == "presents":
        return _countries_named(index, sentence) >= LISTED_COUNTRIES
    if kind == "pourquoi":
        return bool(
            re.search(
                r"\b(?:parce que|car|en raison|afin de|pour (?:repondre|renforcer))\b",
                fold(sentence),
            )
        )
    if kind in ("quand", "jour"):
        return _has_date(sentence)
    if kind == "combien":
        return _has_figure(sentence)
    if _FOOTNOTE_LINE.match(sentence):
        return False
    if kind == "rang":
        return bool(_ORDINAL.search(sentence))
    if kind == "membres":  # a sentence listing countries as members (« réunit … dont la
        # Turquie, le Kazakhstan, la Kirghizie et l'Ouzbékistan »)
        listed = _countries_named(index, sentence) >= LISTED_COUNTRIES
        return listed and bool(_MEMBERSHIP.search(_lower(sentence)))
    if kind == "prochain":
        return bool(_NEXT_SAID.search(_lower(sentence)))
    if kind == "office":  # a person and the office's own verb (« président » is no « présidait »)
        return bool(_OFFICE_WORDS.search(_lower(sentence))) and bool(_person(index, sentence))
    if kind == "qui":
        if detail.noun and not _names_side(index, detail.noun, sentence):
            return False  # « côté américain »: a sentence naming that side
        if detail.named:  # « les noms des ministres ? »: « les ministères » names nobody
            return bool(_person(index, sentence))
        return bool(_person(index, sentence)) or bool(_ROLE.search(_lower(sentence)))
    if kind == "ou":  # « à Bakou », « au Palais présidentiel », « la capitale … Bakou »
        return bool(
            re.search(r"\b(?:à|au|aux|en|vers) [A-ZÀ-Ý]|\b(?:capitale|palais|siège)\b", sentence)
        )
    if kind == "objet" and detail.noun:
        return _holds_start(sentence, [_stem(detail.noun)])
    return kind == "objet"


def _names_side(index: Index, side: str, sentence: str) -> bool:
    """True when ``sentence`` names the side asked (« côté américain », « côté us », « côté
    UK »): the word itself, or any name, alias or adjective of the actor it names
    (« vice-président américain », « États-Unis » for « us »)."""
    if _holds_start(sentence, [_stem(side)]):
        return True
    match = index.names.find_actor(side, fuzzy=False)
    return match is not None and names_any(index.base, (match.actor.id,), sentence)


@dataclass(frozen=True, slots=True)
class Found:
    """A sentence that gives the detail, and where it stands."""

    sentence: str
    source: str
    entry: Entry | None


def says_provided(index: Index, entry: Entry) -> bool:
    """True when one of ``entry``'s own quotes says what it provides for or bears on
    (« L'accord prévoit … »)."""
    return any(_PROVIDES.search(_lower(f.sentence)) for f in _own_sentences(index, [entry]))


def _own_sentences(index: Index, subject: list[Entry]) -> list[Found]:
    out: list[Found] = []
    for entry in subject:
        key = own_key_evidence(index.base, entry)
        ordered = [*key, *(item for item in entry.evidence if item not in key)]
        for item in ordered:
            if is_foreign(index.base, entry, item.quote):
                continue  # another entry's proof: never shown under this line
            out.extend(Found(s, item.source, entry) for s in sentences(item.quote))
    return out


def _own_proofs(index: Index, source: str) -> list[tuple[str, Entry]]:
    """Each sentence of the base's quotes from ``source`` and the entry whose own proof it is
    (never an entry it is foreign to: the forum's « plus de 80 pays » is not shown under the
    EU–India line); read once per article, when first asked (a base of thousands of articles
    reads only those a question reaches)."""
    cache = index.memo("detail: own proofs", dict[str, list[tuple[str, Entry]]])
    if source not in cache:
        rows: list[tuple[str, Entry]] = []
        for entry in entries_by_source(index).get(source, []):
            for item in entry.evidence:
                if item.source == source and not is_foreign(index.base, entry, item.quote):
                    rows.extend((sentence, entry) for sentence in sentences(item.quote))
        cache[source] = rows
    return cache[source]


def _run(index: Index, source: str) -> list[str]:
    """An article's sentences (``_seed_run``), split once, when first asked."""
    cache = index.memo("detail: seed sentences", dict[str, list[str]])
    if source not in cache:
        cache[source] = _seed_run(index.base.seeds.get(source, ""))
    return cache[source]


def article_sentences(index: Index, source: str) -> list[str]:
    """The sentences of the article ``source``, apostrophes and spaces made plain (read once)."""
    return _run(index, source)


def _folded_run(index: Index, source: str) -> list[str]:
    """``_run`` folded (``fold``), for quick look-ups of a word."""
    cache = index.memo("detail: folded seed sentences", dict[str, list[str]])
    if source not in cache:
        cache[source] = [fold(sentence) for sentence in _run(index, source)]
    return cache[source]


def _quoted_by(index: Index, source: str, sentence: str, first: list[Entry]) -> Entry | None:
    """The entry whose own quote from ``source`` holds ``sentence``: one of ``first`` when it
    does, else the first in base order; None when no entry quotes it."""
    rows = _own_proofs(index, source)
    held = [entry for text, entry in rows if sentence == text or sentence in text]
    return next((entry for entry in held if entry in first), held[0] if held else None)


def _ranks_one_of(sentence: str, named: set[str]) -> bool:
    """True when an ordinal of ``sentence`` ranks a thing whose word's first five letters are
    in ``named`` (« son 3ᵉ Forum international » ranks « forum »)."""
    for match in _ORDINAL.finditer(sentence):
        after = _words(sentence[match.end() :])[:1]
        if after and after[0][:5] in named:
            return True
    return False


def _seed_sentences(index: Index, subject: list[Entry]) -> list[Found]:
    """Every sentence of the subject's articles, with the entry that quotes it when one does
    (the subject's entries first)."""
    sources = list(dict.fromkeys(item.source for entry in subject for item in entry.evidence))
    return [
        Found(sentence, source, _quoted_by(index, source, sentence, subject))
        for source in sources
        for sentence in _run(index, source)
    ]


def _subject_label(index: Index, entry: Entry) -> str:
    """The subject in a few words for the « Compris » line: its line, and its date with a
    short mark when the article does not give it. The line is the bot's own words: never
    between « », which a reader takes for the article's (issue 22, fidelity finding 5)."""
    text = short_label(line_text(index.base, entry), SUBJECT_LABEL)
    if isinstance(entry, Fact) or entry.date is None:
        return text
    label = entry.date_label or entry.date.label()
    if entry.date_basis == "texte":
        return f"{text} ({label})"
    return f"{text} ({label}, {brief_origin(index.base, entry)})"


def _before(index: Index, sentence: str, source: str) -> str:
    """The sentence just before ``sentence`` in its article (``source``) when ``sentence``
    opens on a pronoun that refers back (« Il a souligné que … »), else ""."""
    if not sentence or not re.match(r"(?:Il|Elle|Ils|Elles|Le président|Selon lui)\b", sentence):
        return ""
    run = _run(index, source)
    for at, here in enumerate(run):
        if at and (here == sentence or sentence in here):
            return run[at - 1]
    return ""


def _line(index: Index, entry: Entry) -> Item:
    label = "Contexte" if isinstance(entry, Fact) else brief_when(index.base, entry, 60)
    return Item(label, short_label(line_text(index.base, entry), LINE), 0, entry.id)


def _function_reply(index: Index, subject: list[Entry], shown: str, about: str) -> Reply | None:
    """« et sa fonction ? »: the person the subject names (in the sentence just shown, its
    line, then its quotes), and the sentence of its passages — its own quotes first, then its
    articles — naming that person with an office (« Konstantin Zatulin, premier vice-président
    de la commission de la CEI »); the frank absence when none does. None without a person."""
    top = subject[0]
    said = [shown, line_text(index.base, top), *(item.quote for item in top.evidence)]
    surname = next((name for text in said if (name := _person(index, text))), "")
    if not surname:
        return None
    line = Para(f"Compris : {about} — la fonction {of_word(surname)}", "note")
    for found in (*_own_sentences(index, subject), *_seed_sentences(index, subject)):
        if surname in found.sentence and _ROLE.search(_lower(found.sentence)):
            shown_found = [*_quoted_before(found), found]  # « La Douma d'État a réagi … »:
            # the institution the office belongs to, said by the same quote just before
            return _reply(index, [line, *_shown_blocks(index, shown_found)], shown_found, subject)
    absent = Para(
        f"Les articles ne disent pas quelle fonction occupe {surname}. Ce qu'ils en disent :"
    )
    return _reply(index, [line, absent, *_what_they_say(index, subject[:1])], [], subject)


def _quoted_before(found: Found) -> list[Found]:
    """The sentence that ``found``'s own quote puts right before it (one entry's quote is
    read as a whole), or [] when it opens the quote or stands in none."""
    if found.entry is None:
        return []
    for item in found.entry.evidence:
        run = sentences(item.quote)
        if found.sentence in run and run.index(found.sentence) > 0:
            return [Found(run[run.index(found.sentence) - 1], item.source, found.entry)]
    return []


def _said_about_reply(index: Index, topic: str, subject: list[Entry], about: str) -> Reply | None:
    """« il dit quoi sur l'Azerbaïdjan et la Turquie ? »: the subject's own quotes naming the
    topic's actors (every one but the base's home country, when others are named) or its
    words, the most named first; the frank absence over what they say when none does."""
    from bot.engine.filters import read_filter  # it imports this module

    home = index.base.vocabulary.home
    actors = [index.base.actors[a] for a in read_filter(index, topic).filter.actors]
    named = [a for a in actors if a.id != home] or actors
    forms = [{w for name in a.names() for w in _words(name) if len(w) > 3} for a in named]
    if not forms:
        forms = [{w} for w in _words(topic) if len(w) > 3]
    if not forms:
        return None

    def hits(sentence: str) -> int:
        held = set(_words(sentence))
        return sum(1 for names in forms if names & held)

    own = [f for f in _own_sentences(index, subject) if hits(f.sentence)]
    topic_said = ", ".join(a.name for a in actors) or topic
    said_by = _same_speaker(index, subject) if not own else []
    if said_by:  # « il dit quoi de … ? »: the speaker's other entries before any absence
        own = [f for f in _own_sentences(index, said_by) if hits(f.sentence)]
        subject = [*said_by, *subject] if own else subject
    own.sort(key=lambda f: -hits(f.sentence))
    line = Para(f"Compris : {about} — ce qui y est dit sur {topic_said}", "note")
    if own:
        return _reply(index, [line, *_shown_blocks(index, _distinct(own))], own, subject)
    absent = Para(f"Les citations de ce sujet ne parlent pas de « {topic_said} ». Les voici :")
    return _reply(index, [line, absent, *_what_they_say(index, subject[:1])], [], subject)


def _same_speaker(index: Index, subject: list[Entry]) -> list[Entry]:
    """The other entries put in the words of the subject's speaker (the same ``hedge``:
    « selon Konstantin Zatulin »): what a person said may be split over several entries, one
    claim each, and « il dit quoi de … ? » asks them all before saying the subject is
    silent (issue 22, fidelity: never a false « ne parlent pas »)."""
    hedges = {fold(e.hedge) for e in subject[:1] if e.hedge}
    return [
        entry
        for entry in index.entries.values()
        if entry.hedge and fold(entry.hedge) in hedges and entry not in subject
    ]


def _verbatim_reply(index: Index, subject: list[Entry], about: str) -> Reply:
    """« il a dit quoi mot pour mot ? »: the subject's own quotes holding a speaker's words in
    quotation marks (``_speaks``), whole; a paraphrase is never shown as his words — when no
    quote holds them, said so over what the articles report."""
    line = Para(f"Compris : {about} — ses mots exacts (entre guillemets dans l'article)", "note")
    quoted = [
        Found(item.quote, item.source, entry)
        for entry in subject
        for item in entry.evidence
        if not is_foreign(index.base, entry, item.quote) and _speaks(item.quote)
    ]
    if quoted:
        told = Para("Ses mots, entre guillemets dans l'article :")
        return _reply(
            index,  # his words only: the paraphrase the line rests on is not among them
            [line, told, *_shown_blocks(index, _distinct(quoted), supported=False)],
            quoted,
            subject,
        )
    absent = Para(
        "L'article ne cite pas ses mots entre guillemets : il rapporte ses propos. "
        "Ce qu'il en dit :"
    )
    return _reply(index, [line, absent, *_what_they_say(index, subject[:1])], [], subject)


_FIRST_PERSON = frozenset({"je", "j", "nous", "notre", "nos", "mon", "ma", "mes", "moi"})


def _speaks(quote: str) -> bool:
    """True when ``quote`` holds someone's own words in quotation marks: a span in « » in
    the first person (« Nous déconseillons … »), or of eight words or more — not a name or a
    term in marks (« nouvelle unité spéciale de surveillance »)."""
    for match in _IN_MARKS.finditer(quote.replace("’", "'")):
        said = re.findall(r"\w+", fold(match.group(1).replace("'", " ")))
        if len(said) >= 8 or (len(said) >= 3 and _FIRST_PERSON & set(said)):
            return True
    return False


def _onward(index: Index, detail: Detail, subject: list[Entry]) -> Found | None:
    """Where a route goes after the place ``detail.after``: in the subject's articles, the
    sentence right after one naming that place (its first six letters: « Makhatchala »,
    « Makhatchkala »), when it sends something on to another place; None else."""
    if detail.kind != "ou" or not detail.after:
        return None
    start = detail.after[:6]
    sources = list(dict.fromkeys(item.source for entry in subject for item in entry.evidence))
    for source in sources:
        run = _run(index, source)
        for at, sentence in enumerate(run[:-1]):
            if not any(word.startswith(start) for word in _words(sentence)):
                continue
            after = run[at + 1]
            if _ONWARD.search(after) and not any(w.startswith(start) for w in _words(after)):
                return Found(after, source, _quoted_by(index, source, after, subject))
    return None


def _shown_blocks(index: Index, found: list[Found], supported: bool = True) -> list[Block]:
    """Each sentence unfolded under its entry's line (one line per entry), a sentence no entry
    quotes under « Dans le même article : »; with ``supported``, a line the sentences do not
    support gets its key quotes, folded (``_key_folded``)."""
    blocks: list[Block] = []
    last: Entry | None = None
    under: list[str] = []  # the sentences shown under the current line
    shown = 0
    for item in found[:MOST_SHOWN]:
        if shown and shown + len(item.sentence) > QUOTED_AT_MOST:
            break  # the first screen holds the answer: the next sentences stay behind 📎
        shown += len(item.sentence)
        source = index.base.sources[item.source]
        quote = Quote(item.sentence, attribution(source), item.source, open=True)
        if item.entry is None or not any(item.sentence in e.quote for e in item.entry.evidence):
            blocks += _key_folded(index, last, under) if supported else []
            blocks.append(Para("Dans le même article :", "note"))
            last, under = None, []
        elif item.entry is not last:
            blocks += _key_folded(index, last, under) if supported else []
            blocks.append(_line(index, item.entry))
            last, under = item.entry, []
        under.append(item.sentence)
        blocks.append(quote)
    return blocks + (_key_folded(index, last, under) if supported else [])


SUPPORTED = 0.5
"""Share of a line's content words the sentences under it must hold to support it."""


def _key_folded(index: Index, entry: Entry | None, under: list[str]) -> list[Block]:
    """The entry's key quotes that best support its line, folded, when the sentences shown
    under the line (matched for the detail asked) hold less than half of the line's words:
    the line's title rests on a quote shown with it, not on a sentence that says something
    else (issue 22, fidelity class 5: « … ont exprimé la volonté de… » over two sentences on
    the talks' topics), added while they bring its words in; [] when the sentences shown
    support it."""
    if entry is None or not under:
        return []
    line = content_words(index, _line(index, entry).text.rstrip("…"))
    held = set().union(*(content_words(index, sentence) for sentence in under))
    if not line or len(line & held) >= SUPPORTED * len(line):
        return []
    keys = [k for k in own_key_evidence(index.base, entry) if k.quote not in under]
    added: list[Block] = []
    while keys and len(line & held) < SUPPORTED * len(line):  # the key quotes that add most
        best = max(keys, key=lambda k: len((line & content_words(index, k.quote)) - held))
        more = (line & content_words(index, best.quote)) - held
        if not more:
            break
        held |= more
        keys.remove(best)
        quote = quote_of(index.base, best)
        added.append(Quote(quote.text, quote.attribution, quote.source))
    return added


def _what_they_say(index: Index, subject: list[Entry]) -> list[Block]:
    """The subject's lines with their first own quote, open: what the articles do say."""
    blocks: list[Block] = []
    for entry in subject[:2]:
        blocks.append(_line(index, entry))
        for item in own_key_evidence(index.base, entry)[:1]:
            quote = quote_of(index.base, item)
            blocks.append(Quote(quote.text, quote.attribution, quote.source, open=True))
    return blocks


def _named_actors(index: Index, subject: list[Entry]) -> str:
    """The countries and organisations of the subject's first entry that its key quotes name,
    each with its role in an agreement (« 🇺🇸 États-Unis (médiateur) »): « qui était le
    médiateur ? » is answered by a country, never by « ne nomment personne »; "" when the
    quotes name none."""
    if not subject or isinstance(subject[0], Fact):
        return ""
    entry = subject[0]
    base = index.base
    said = fold(" ".join(item.quote for item in entry.evidence if item.key))
    ids = (*entry.mediators, *entry.parties) if isinstance(entry, Agreement) else entry.actors
    labels: list[str] = []
    for actor_id in dict.fromkeys(ids):
        actor = base.actors.get(actor_id)
        if actor is None or not any(
            re.search(rf"\b{re.escape(fold(name))}\b", said) for name in actor.names() if name
        ):
            continue
        role = party_role(entry, actor_id) if isinstance(entry, Agreement) else None
        shown = actor_name(actor)
        labels.append(f"{shown} ({role})" if role else shown)
    if len(labels) <= 1:
        return "".join(labels)
    return ", ".join(labels[:-1]) + " et " + labels[-1]


def _with_said(index: Index, head: list[Block], subject: list[Entry]) -> list[Block]:
    """``head`` then what the articles say of the subject (``_what_they_say``): its first line
    always, the next only when the first message still fits ``SCREEN``."""
    blocks = [*head, *_what_they_say(index, subject[:1])]
    fuller = [*head, *_what_they_say(index, subject)]
    return fuller if visible(fuller) <= SCREEN else blocks


_NOT_A_FIRST_NAME = frozenset(
    [
        "le",
        "la",
        "les",
        "l",
        "selon",
        "president",
        "presidente",
        "ministre",
        "vice",
        "m",
        "chef",
        "etat",
    ]
)


def _actor_names(index: Index) -> frozenset[str]:
    """Every actor's names, aliases and demonyms, flat (built once per index)."""
    return index.memo(
        "detail: actor names",
        lambda: frozenset(
            " ".join(_words(name))
            for actor in index.base.actors.values()
            for name in (*actor.names(), *actor.demonyms)
            if len(_words(name)) > 0
        ),
    )


def _person(index: Index, text: str) -> str:
    """The surname of the first person ``text`` names (« Zatulin », « Aliyev »): two
    capitalised words in a row that are no actor's name, or ""."""
    words = re.findall(r"[\w.-]+", text)
    names = _actor_names(index)
    for first, second in itertools.pairwise(words):
        if not (first[:1].isupper() and second[:1].isupper()):
            continue
        if fold(first).strip(".") in _NOT_A_FIRST_NAME:
            continue
        pair = " ".join(_words(f"{first} {second}"))
        if pair in names or any(word in names for word in pair.split()):
            continue  # an actor (« Royaume-Uni », « Turquie ») is no person
        return str(second)
    return ""


_SPEECH = re.compile(
    r"\b(?:a|avait|ont|aurait) (?:\w+ )?(?:souligne|ajoute|annonce|declare|affirme|reconnu|indique"
    r"|averti|estime|precise|rappele|insiste)|\bselon (?:m |lui|le president)|\bavertit\b"
    r"|\bannonca\b|\bpour (?:le president )?\w+ \w+, il\b"
)
"""A sentence reporting what someone said."""


def _said_by(index: Index, surname: str, seen: str, first: str = "") -> list[Found]:
    """The sentences of the articles that quote ``surname``, and the next ones that go on
    with what that person said (« Il a souligné … », « Le vice-président a toutefois … »)."""
    key = fold(surname)
    out: list[Found] = []
    holding = sources_holding(index, folded_stem(key))  # the articles naming them, the
    ordered = sorted(holding, key=lambda source: source != first)  # subject's first
    for source in ordered[:MOST_SOURCES]:
        if len(out) >= MOST_SAID:
            break  # enough for one screen: the other articles are not read
        run = _run(index, source)
        naming = ""
        for sentence, flat in zip(run, _folded_run(index, source), strict=True):
            if not naming and key not in flat:
                continue  # most sentences: no word read
            words = _words(sentence)
            if key in words:
                naming = sentence
            elif (naming and words[:1] in (["il"], ["elle"])) or (
                naming
                and len(words) > 1
                and words[0] in ("le", "la")
                and words[1] in _words(naming)
            ):
                pass
            else:
                naming = ""
                continue
            if (seen and (sentence in seen or seen in sentence)) or not (
                _SPEECH.search(fold(sentence)) or "«" in sentence
            ):
                continue
            out.append(Found(sentence, source, _quoted_by(index, source, sentence, [])))
    return out


def detail_reply(
    index: Index,
    detail: Detail,
    subject: list[Entry],
    shown: str = "",
    previous: str = "",
    typed: str = "",
    question: str = "",
) -> Reply | None:
    """The answer to ``detail`` asked of ``subject`` (the entries of the previous answer, or
    those the question's own words find): the sentences that give it, or the frank absence
    and what the articles say; None when there is no subject to ask it of. The subject's
    date is said once: on its line when the answer shows it, else in the « Compris » line.
    ``typed``: the previous question as typed; ``question``: this one (an aspect it names,
    ``_aspect_sentences``)."""
    reply = _detail_reply(index, detail, subject, shown, previous, typed, question)
    if reply is None or not subject:
        return reply
    top = subject[0]
    dated = _subject_label(index, top)
    plain = short_label(line_text(index.base, top), SUBJECT_LABEL)  # the bot's words: no « »
    if dated == plain or not any(
        isinstance(b, Item) and b.entry == top.id and b.label != "Contexte" for b in reply.blocks
    ):
        return reply
    blocks = tuple(
        replace(b, text=b.text.replace(dated, plain, 1))
        if isinstance(b, Para) and b.text.startswith("Compris")
        else b
        for b in reply.blocks
    )
    return replace(reply, blocks=blocks)


def _detail_reply(
    index: Index,
    detail: Detail,
    subject: list[Entry],
    shown: str,
    previous: str,
    typed: str,
    question: str = "",
) -> Reply | None:
    """``detail_reply`` before the subject's date is said once."""
    if not subject:
        return None
    if detail.kind == "cout" and not (previous or shown):  # asked alone (« quelle est la
        # valeur du contrat avec Israël ? »): the entries whose quotes give a sum come first,
        # before one the question's words found whose quote only counts (« des centaines »)
        subject = sorted(subject, key=lambda e: not any(gives_amount(i.quote) for i in e.evidence))
    subject = subject[:MOST_SUBJECT]
    if detail.kind == "qui" and detail.signed:  # « signé par qui ? » after a list whose first
        # agreement no article says signed: a signed one of the list answers, under its own line
        # or the signed agreement whose sentence the previous answer showed (« Les
        # ministères … ont signé un plan … » shown under the partnership's line)
        first = subject[0]
        if isinstance(first, Agreement) and signed_by_whom_untold(index, first):
            signed = [
                a
                for a in (*subject, *index.base.agreements)
                if isinstance(a, Agreement)
                and a.act in IN_FORCE_ACTS
                and (a in subject or (shown and any(shown in i.quote for i in a.evidence)))
            ]
            signed = [a for n, a in enumerate(signed) if all(a is not b for b in signed[:n])]
            rest = [e for e in subject if all(e is not a for a in signed)]
            subject = [*signed, *rest][:MOST_SUBJECT]
    top = subject[0]
    about = _subject_label(index, top)
    if previous:  # a follow-up: which question it continues, and that the subject stays
        about = f"{thread_said(index, previous, typed)}, même sujet — {about}"
    if detail.kind == "fonction":
        return _function_reply(index, subject, shown, about)
    if detail.kind == "verbatim":
        return _verbatim_reply(index, subject, about)
    if detail.kind == "dit_sur":
        return _said_about_reply(index, detail.noun, subject, about)
    if detail.kind == "dit":
        sources = [item.source for item in top.evidence if shown and shown in item.quote]
        before = _before(index, shown, sources[0]) if sources else ""
        said = [shown, before, line_text(index.base, top)]
        said += [item.quote for item in top.evidence]
        surname = next((name for text in said if (name := _person(index, text))), "")
        if not surname:
            return None
        found = _said_by(index, surname, shown, top.evidence[0].source)
        thread = f"{thread_said(index, previous, typed)} — " if previous else ""
        line = Para(f"Compris : {thread}ce que {surname} a dit d'autre", "note")
        if not found:
            blocks: list[Block] = [
                line,
                Para(f"Les articles ne citent rien d'autre {of_word(surname)} que ce passage :"),
                *_what_they_say(index, subject[:1]),
            ]
        else:
            blocks = [line, *_shown_blocks(index, found)]
        return _reply(index, blocks, found, subject)
    line = Para(f"Compris : {about} — {_asked_words(detail)}", "note")
    onward = _onward(index, detail, subject)
    if onward is not None:  # « et après Makhatchkala ? »: the article's next step, verbatim
        return _reply(index, [line, *_shown_blocks(index, [onward])], [onward], subject)
    own = [f for f in _own_sentences(index, subject) if _gives(index, detail, f.sentence)]
    if detail.kind == "qui" and not own:  # « Il a souligné que … » : who « il » is, from
        for f in _own_sentences(index, subject):  # the sentence before it, under its entry
            before = _before(index, f.sentence, f.source)
            if before and _gives(index, detail, before):
                own = [Found(before, f.source, _quoted_by(index, f.source, before, subject)), f]
                break
    if detail.kind == "qui" and detail.signed:  # « signé par qui ? »: the sentence whose
        # subject signs (« Les ministères … ont signé »), never one naming only who spoke of
        # it (« Selon l'ambassade … s'inscrit »); else the one of its articles that does —
        # never a sentence signing another agreement (the plan signed « au sein du
        # partenariat » is no signatory of the partnership: an outside reader saw it shown so)
        agreement = top if isinstance(top, Agreement) else None
        if agreement is not None and signed_by_whom_untold(index, agreement):
            absent = Para(
                "Les articles ne disent pas qui l'a signé : ils ne rapportent pas sa signature. "
                "Ce qu'ils en disent :",
                "note",
            )
            return _reply(index, _with_said(index, [absent, line], subject), [], subject)
        own = [f for f in own if _SIGNS.search(fold(f.sentence))] or [
            f
            for f in _seed_sentences(index, subject)
            if _SIGNS.search(fold(f.sentence)) and _gives(index, detail, f.sentence)
        ]
        if agreement is not None:
            own = [f for f in own if signs_this(index, agreement, f.sentence)]
    if detail.kind == "presents":
        return _present_reply(index, detail, subject, line, own)
    if detail.kind in ("quand", "jour"):
        return _when_reply(index, detail, subject, line, own)
    aspect = _aspect_sentences(index, subject, question) if detail.kind == "objet" else []
    if aspect and not detail.noun:  # « c'est quoi la partie technologique ? »: the subject's
        # sentences on that aspect (« L'aspect technologique de l'accord … »), never only the
        # one saying what it provides in general
        return _reply(index, [line, *_shown_blocks(index, aspect)], aspect, subject)
    if detail.kind == "objet" and not detail.noun:  # « l'accord prévoit quoi ? »: its own
        # sentences saying what it provides for or bears on, else what the articles say of it
        provides = [
            f for f in own if f.entry is subject[0] and _PROVIDES.search(_lower(f.sentence))
        ]
        if provides:
            return _reply(index, [line, *_shown_blocks(index, provides)], provides, subject)
        return _reply(index, _with_said(index, [line], subject), [], subject)
    if shown:  # asked again of the passage just shown: something new, if there is
        fresh = [f for f in own if f.sentence not in shown]
        if detail.kind == "qui" and not any(_person(index, f.sentence) for f in fresh):
            fresh = []  # « c'est qui, ce Zatulin ? »: a new sentence naming nobody is no
            # answer; the shown one that names him is
        own = fresh or own
    line_words = {word[:5] for word in _words(line_text(index.base, top)) if len(word) > 3}
    own.sort(key=lambda f: -len(line_words & {w[:5] for w in _words(f.sentence)}))
    if detail.kind == "qui" and detail.signed:  # « signé par qui ? »: who signed, first
        own.sort(key=lambda f: not re.search(r"\bsign", fold(f.sentence)))
    elif detail.kind == "qui":  # « c'est qui, ce Zatulin ? »: a sentence naming a person
        # before one giving only a title (« Le vice-président a toutefois souligné … »)
        own.sort(key=lambda f: not _person(index, f.sentence))
    if detail.kind == "objet" and detail.noun:  # « domaines » before « le domaine de la défense »
        exact = [
            f
            for f in [*own, *_seed_sentences(index, subject)]
            if names_noun(detail.noun, f.sentence)
        ]
        if exact and fold(detail.noun).endswith("s"):  # « quels domaines ? »: a list asked,
            # the sentences that say what the talks bore on follow the one naming the noun
            seen = {f.sentence for f in exact}
            exact += [
                f
                for f in _seed_sentences(index, subject)
                if f.sentence not in seen and _TOPICS_SAID.search(_lower(f.sentence))
            ]
        own = exact or own
    if own:
        return _reply(index, [line, *_shown_blocks(index, _distinct(own))], own, subject)
    in_text = [f for f in _seed_sentences(index, subject) if _gives(index, detail, f.sentence)]
    if detail.kind in ("qui", "ou") and not detail.noun:
        in_text = []  # any name or place of the article: no answer about this subject
    if detail.kind == "combien":
        in_text = []  # a figure elsewhere in the article is another subject's
    if detail.kind == "rang":  # a rank elsewhere in the article is another thing's, unless it
        # ranks a thing the subject's line names (« son 3ᵉ Forum » for a line on the forum)
        named = {w[:5] for e in subject for w in _words(line_text(index.base, e)) if len(w) > 3}
        in_text = [f for f in in_text if _ranks_one_of(f.sentence, named)]
    if detail.kind == "pourquoi":  # a reason needs no « parce que »: never said missing
        if shown or not previous:
            return None  # after a search, the next passage may hold it: the earlier reading
        context = _context_before(index, subject[0])
        if context:  # what the article writes just before: read by the reader, never called
            # the reason (« Pour répondre aux demandes de sanctions … » before Lukoil's stop)
            told = Para("Ce que l'article écrit juste avant, pour le contexte :")
            blocks = [line, told, *_shown_blocks(index, context)]
            with_subject = [*blocks, *_what_they_say(index, subject[:1])]
            if visible(with_subject) <= SCREEN:  # the subject the previous answer just showed
                blocks = with_subject  # comes again only when the screen holds it
            return _reply(index, blocks, context, subject)
        told = Para(  # after a card or a list: its sentences, said as what was found
            "Je ne trouve pas de phrase qui dise pourquoi parmi celles de ce sujet ; les voici :"
        )
        return _reply(index, _with_said(index, [line, told], subject), [], subject)
    if detail.kind == "cout":  # a sum another entry quotes is that entry's, not the subject's
        other = [f for f in in_text if f.entry is not None and f.entry not in subject]
        in_text = [f for f in in_text if f.entry is None or f.entry in subject]
        if other and not in_text:
            absent = Para(
                f"Les articles ne donnent pas {detail.what} de ce sujet ; ce qu'ils en disent :",
                "note",
            )
            elsewhere = Para(
                "Un article sur ce sujet cite un montant, à propos d'une autre entrée :"
            )
            blocks = [
                absent,
                line,
                *_what_they_say(index, subject[:1]),
                elsewhere,
                *_shown_blocks(index, _distinct(other)[:1]),
            ]
            return _reply(index, blocks, other[:1], subject)
    if in_text and detail.kind != "pourquoi":
        blocks = [line, *_shown_blocks(index, _distinct(in_text))]
        return _reply(index, blocks, in_text, subject)
    if detail.kind == "qui" and detail.signed and not _speaks_of_signing(index, subject):
        # « signée par qui ? » of a text the articles never say signed (« approuvée »): no
        # signatory to name, said so; never when they say it signed (« les deux pays ont signé »)
        absent = Para(
            "Les articles ne donnent pas de signataire : aucune de leurs phrases sur ce sujet "
            "ne parle de signature. Ce qu'ils en disent :",
            "note",
        )
        return _reply(index, _with_said(index, [absent, line], subject), [], subject)
    if detail.kind == "qui" and detail.named:  # « les noms des ministres, on les a ? »: no
        # sentence of the subject names a person: said first, then what they say
        absent = Para(
            "Les articles ne donnent pas de nom de personne pour ce sujet ; ce qu'ils en disent :",
            "note",
        )
        return _reply(index, _with_said(index, [absent, line], subject), [], subject)
    if detail.kind == "qui" and not detail.noun:  # « qui est pour ? »: a country, a party
        # may answer it without a person's name; no absence is said, the subject is shown
        naming = _named_actors(index, subject)
        if naming:  # a country or an organisation is someone for « qui » (issue 22, class 6)
            told = Para(f"Les phrases de ce sujet nomment : {naming} ; ce qu'elles disent :")
        else:
            told = Para("Les phrases de ce sujet ne nomment personne ; ce qu'elles disent :")
        neighbour = None if naming else naming_neighbour(index, subject[0])
        if neighbour is not None:  # « Moscou et Téhéran … contre ce projet », the next one
            where, names, quote = neighbour
            told = Para(f"La phrase {where} de l'article nomme : {names} ; la voici :")
            return _reply(index, [told, quote, *_with_said(index, [line], subject)], [], subject)
        return _reply(index, _with_said(index, [line, told], subject), [], subject)
    verb = "disent" if detail.kind == "office" else "donnent"  # « ne disent pas qui présidait »
    absent = Para(
        f"Les articles ne {verb} pas {detail.what} : {_searched(index, detail, subject)}. "
        "Ce qu'ils en disent :",
        "note",
    )
    return _reply(index, _with_said(index, [absent, line], subject), [], subject)


SCREEN = 1000
"""Visible characters a detail answer aims at (the rule is 1,200)."""
CONTEXT_BEFORE = 2
"""Sentences of the article shown before a subject asked « pourquoi ? »."""
CONTEXT_LENGTH = 420
"""Characters those sentences may take at most (a phone screen with the subject's line)."""


def _context_before(index: Index, entry: Entry) -> list[Found]:
    """The sentences of the article just before ``entry``'s first own sentence (at most
    ``CONTEXT_BEFORE``, within ``CONTEXT_LENGTH``, nearest kept), each with the entry quoting
    it; [] when the sentence opens its article or cannot be found."""
    own = _own_sentences(index, [entry])
    if not own:
        return []
    first = own[0]
    run = _run(index, first.source)
    at = next((n for n, text in enumerate(run) if first.sentence in text), -1)
    found: list[Found] = []
    length = 0
    for text in reversed(run[max(at - CONTEXT_BEFORE, 0) : max(at, 0)]):
        if _FOOTNOTE_LINE.match(text) or length + len(text) > CONTEXT_LENGTH:
            break
        length += len(text)
        found.insert(0, Found(text, first.source, _quoted_by(index, first.source, text, [])))
    return found


_SIGNS = re.compile(r"\bsign(?:e|es|ee|ees|ent|er|a|ait|aient|erent|eront|era)\b")
"""A verb of signing (« ont signé », « signent »), not the noun (« cette signature »)."""


def _speaks_of_signing(index: Index, subject: list[Entry]) -> bool:
    """True when a sentence of the subject, or of its articles, speaks of a signature."""
    found = [*_own_sentences(index, subject), *_seed_sentences(index, subject)]
    return any(re.search(r"\bsign", fold(f.sentence)) for f in found if f.entry in subject)


def _asked_words(detail: Detail) -> str:
    return {
        "cout": "son coût",
        "presents": "qui y était",
        "pourquoi": "pourquoi",
        "jour": "le jour exact",
        "quand": "quand",
        "combien": "combien",
        "rang": "son rang (quelle édition)",
        "membres": "ses membres",
        "prochain": "la date du prochain",
        "office": f"qui {detail.noun}",
        "qui": f"qui (côté {detail.noun})" if detail.noun else "qui",
        "fonction": "sa fonction",
        "ou": f"où après « {detail.after.capitalize()} »" if detail.after else "où",
        "objet": f"ses {detail.noun}"
        if detail.noun.endswith("s")
        else (f"son {detail.noun}" if detail.noun else "son objet"),
    }.get(detail.kind, detail.what)


def _searched(index: Index, detail: Detail, subject: list[Entry]) -> str:
    sources = {item.source for entry in subject for item in entry.evidence}
    where = (
        "du texte intégral de l'article"
        if len(sources) == 1
        else (f"du texte intégral des {len(sources)} articles qui en parlent")
    )
    if detail.kind == "cout":
        return f"aucune phrase {where} ne parle de coût, de budget, de montant ni de prix"
    if detail.kind == "pourquoi":
        return f"aucune phrase {where} n'en donne la raison"
    if detail.kind == "qui":
        side = f" côté {detail.noun}" if detail.noun else ""
        return f"aucune de leurs phrases sur ce sujet ne nomme de personne{side}"
    if detail.kind == "combien":
        return "aucune de leurs phrases sur ce sujet ne donne de chiffre"
    if detail.kind == "rang":
        return "aucune de leurs phrases sur ce sujet ne donne de rang ni de numéro d'édition"
    if detail.kind == "membres":
        return f"aucune phrase {where} n'énumère de pays membres"
    if detail.kind == "prochain":
        return (
            f"aucune phrase {where} ne parle d'une prochaine édition ni de ce qui « se "
            "tiendra » ou « aura lieu »"
        )
    if detail.kind == "office":
        return (
            f"aucune phrase {where} ne dit qui présidait ou dirigeait, ni « sous la "
            "présidence de », « sous la direction de »"
        )
    if detail.kind == "ou":
        return "aucune de leurs phrases sur ce sujet ne nomme de lieu"
    if detail.kind == "objet" and detail.noun:
        return f"aucune phrase {where} ne cite de « {detail.noun} » à ce sujet"
    return f"aucune de leurs phrases sur ce sujet ne le dit ; lu {where}"


_AIM_ASKED = re.compile(
    r"\b(?:objet|objectifs?|buts?|porte sur|portait sur|sur quoi|prevoi\w*|vise\w*|designe\w*)\b"
)
"""A question asking what a subject provides for or aims at (folded): its own sentences saying
so answer it, not an aspect named in passing."""


def _topic_word(index: Index, word: str) -> bool:
    """True when the folded ``word`` names a topic of the vocabulary: it starts with one of a
    topic's one-word stems (« technologique »: « technolog »; « énergie »: « energ »)."""
    stems = index.memo(
        "detail: topic stems",
        lambda: tuple(
            stem for term in index.base.vocabulary.topics for stem in term.stems if " " not in stem
        ),
    )
    return word.startswith(stems)


def _aspect_sentences(index: Index, subject: list[Entry], typed: str) -> list[Found]:
    """« Dans l'accord avec les USA, c'est quoi la partie technologique ? », « et l'énergie
    dans l'accord, ça dit quoi ? »: the question's words that name a topic of the vocabulary
    (``_topic_word``) and that the subject's lines (its first entry's, its dated entries')
    lack name an aspect of it, unless the question asks what it provides or aims at. Of the
    sentences of its own quotes, then of its articles (the entry quoting it, when one does):
    the first that names one near its start (``ASPECT_LEAD``), with the article's next
    sentence when it only announces it. [] when the question names no such word or no
    sentence is about it."""
    if not subject or not typed or _AIM_ASKED.search(fold(typed).replace("’", "'")):
        return []  # « sur quoi porte ce plan ? », « quel objectif … ? »: what it provides
    lines = [
        line_text(index.base, e) for e in subject if e is subject[0] or not isinstance(e, Fact)
    ]
    named = content_words(index, " ".join(lines))  # « le plan de défense »: its name
    asked = {
        folded_stem(word)[:5] for word in index.tokens(typed) if _topic_word(index, word)
    } - named
    if not asked:
        return []
    found = [*_own_sentences(index, subject), *_seed_sentences(index, subject)]
    held = [(_aspect_place(index, asked, f.sentence), n, f) for n, f in enumerate(found)]
    held = [row for row in held if row[0] < ASPECT_LEAD]
    held.sort(key=lambda row: (row[0], row[1]))
    kept = _distinct([f for _, _, f in held])[:1]
    if kept and len(kept[0].sentence) < ASPECT_SHORT:  # « L'aspect technologique de l'accord
        # illustre … »: the article's next sentence says what it is (« La coopération dans les
        # domaines de … »)
        run = _run(index, kept[0].source)
        at = run.index(kept[0].sentence) if kept[0].sentence in run else -1
        if 0 <= at < len(run) - 1:
            after = run[at + 1]
            kept.append(
                Found(after, kept[0].source, _quoted_by(index, kept[0].source, after, subject))
            )
    return kept


ASPECT_LEAD = 8
"""Words from a sentence's start within which it names the aspect asked: a sentence about it
(« L'aspect technologique de l'accord … »), not one listing it among others at its end."""
ASPECT_SHORT = 120
"""A sentence naming the aspect shorter than this announces it: the next one says it."""


def _aspect_place(index: Index, asked: set[str], sentence: str) -> int:
    """The position of the first word of ``sentence`` among ``asked`` (stems' first five
    letters), or ``ASPECT_LEAD`` when none is within reach."""
    for at, word in enumerate(index.tokens(sentence)[:ASPECT_LEAD]):
        if folded_stem(word)[:5] in asked:
            return at
    return ASPECT_LEAD


def _distinct(found: list[Found]) -> list[Found]:
    """``found`` without a sentence already kept (or held in, or holding, one kept), grouped
    by entry in the order of first appearance: one line per entry."""
    kept: list[Found] = []
    for item in found:
        if any(item.sentence in k.sentence or k.sentence in item.sentence for k in kept):
            continue
        kept.append(item)
    order = list(dict.fromkeys(id(k.entry) for k in kept))
    return sorted(kept, key=lambda k: order.index(id(k.entry)))


def _present_reply(
    index: Index, detail: Detail, subject: list[Entry], line: Para, own: list[Found]
) -> Reply:
    """Who was there: the sentence of the subject's article that lists the countries present;
    when the article gives only a count (« plus de 80 nations »), that the list is not given,
    with the count — never another event's attendees."""
    own = [f for f in own if f.entry is subject[0]]
    listed = own or [
        f
        for f in _seed_sentences(index, subject[:1])
        if _gives(index, detail, f.sentence)
        and re.search(r"\b(?:present|particip|assist|represent)", fold(f.sentence))
        and _same_occasion(index, subject, f)
    ]
    if listed:
        line = _said_of(index, line, listed[0], subject)
        return _reply(index, [line, *_shown_blocks(index, listed[:1])], listed[:1], subject)
    elsewhere = _listed_elsewhere(index, detail, subject)
    if elsewhere:  # « présents à la réunion ? » taken as a context sentence naming « la
        # réunion »: the meeting whose article lists those present answers, never « not given »
        line = _said_of(index, line, elsewhere, subject)
        return _reply(index, [line, *_shown_blocks(index, [elsewhere])], [elsewhere], [])
    counted = [
        f
        for f in [*_own_sentences(index, subject), *_seed_sentences(index, subject[:1])]
        if _COUNT_OF_COUNTRIES.search(fold(f.sentence))
        and (f.entry in subject or _same_occasion(index, subject, f))
    ]
    counted = _distinct(counted)
    if counted:
        figure = _COUNT_OF_COUNTRIES.search(fold(counted[0].sentence))
        said = f" : ils disent « {_verbatim(counted[0].sentence, figure)} »" if figure else ""
        absent = Para(f"Les articles ne donnent pas la liste des pays présents{said}.", "note")
        line = _said_of(index, line, counted[0], subject)
        return _reply(index, [absent, line, *_shown_blocks(index, counted[:1])], counted, subject)
    absent = Para(
        "Les articles ne donnent pas la liste des pays présents (aucune phrase des articles "
        "qui en parlent ne les énumère) ; ce qu'ils en disent :",
        "note",
    )
    return _reply(index, _with_said(index, [absent, line], subject), [], subject)


_PRESENCE = re.compile(r"\b(?:present|particip|assist|represent)")
"""Words of a sentence that lists those present (folded)."""


def _listed_elsewhere(index: Index, detail: Detail, subject: list[Entry]) -> Found | None:
    """The first sentence listing the countries present, of the subject's kind of occasion
    (``_same_occasion``), held by one of the subject's other entries (what the question's
    words found besides its first) or by another entry quoting its first's article: when that
    first is a context sentence (no date of its own), any of them; for a dated subject, only
    those on its own date (another meeting's attendees are not its own); None when none."""
    top = subject[0]
    dated = not isinstance(top, Fact) and top.date is not None
    sources = list(dict.fromkeys(item.source for item in top.evidence))
    table = entries_by_source(index)
    near = [entry for source in sources for entry in table.get(source, [])]
    ids = {top.id}
    for entry in [*subject[1:], *near]:  # the subject's other entries first
        if entry.id in ids or isinstance(entry, Fact):
            continue
        ids.add(entry.id)
        if dated and not (not isinstance(top, Fact) and entry.date == top.date):
            continue
        for item in entry.evidence:
            if not _PRESENCE.search(fold(item.quote)) or is_foreign(index.base, entry, item.quote):
                continue
            for sentence in sentences(item.quote):
                said = Found(sentence, item.source, entry)
                if (
                    _PRESENCE.search(fold(sentence))
                    and _gives(index, detail, sentence)
                    and _same_occasion(index, subject, said)
                ):
                    return said
    return None


def _said_of(index: Index, line: Para, found: Found, subject: list[Entry]) -> Para:
    """The « Compris » line naming the entry whose sentence answers, when it is not the
    subject's first (a question's own words found several entries about one occasion)."""
    if found.entry is None or found.entry is subject[0] or "suite de" in line.text:
        return line
    if isinstance(found.entry, Fact) and not isinstance(subject[0], Fact):
        return line  # the occasion's dated line names it better than a context fact
    return Para(f"Compris : {_subject_label(index, found.entry)} — qui y était", "note")


def _verbatim(sentence: str, match: re.Match[str]) -> str:
    """The article's own words for a folded match (same length once folded letter by letter)."""
    folded = fold(sentence)
    if len(folded) == len(sentence):
        return sentence[match.start() : match.end()]
    return match.group(0)


def _same_occasion(index: Index, subject: list[Entry], found: Found) -> bool:
    """True when ``found`` is about the subject's occasion: the entry that quotes it shares
    the subject's date and article, or its sentence names the subject's kind of meeting."""
    words = set(_words(found.sentence))
    entry = subject[0]
    text = set(
        _words(f"{line_text(index.base, entry)} {' '.join(e.quote for e in entry.evidence)}")
    )
    return any(words & group and text & group for group in _OCCASIONS)


_OCCASIONS = (
    frozenset({"reunion", "rencontre", "entretien", "entretiens"}),
    frozenset({"forum"}),
    frozenset({"sommet"}),
    frozenset({"conference"}),
    frozenset({"exercice", "manoeuvres"}),
    frozenset({"ceremonie"}),
)
"""Words naming one kind of occasion: a list of those present is about the subject's only when
both name the same kind."""


def _when_reply(
    index: Index, detail: Detail, subject: list[Entry], line: Para, own: list[Found]
) -> Reply:
    """When: each dated line of the subject with the sentence that dates it; the exact day
    said missing when the articles give only a window (« récemment », « début octobre »)."""
    dated = [entry for entry in subject if not isinstance(entry, Fact) and entry.date is not None]
    blocks: list[Block] = []
    loose = [
        entry
        for entry in dated
        if entry.date is not None and entry.date.precision is not Precision.DAY
    ]
    act_dated = _act_dated(detail, [_whole_dated(index, f) for f in own])
    own_words = [fold(said) for e in dated if (said := getattr(e, "date_text", None))]
    if any(said in fold(act_dated) for said in own_words):
        act_dated = ""  # the line's own date is the act's (« Hier, … ont signé »): said there
    if act_dated:  # « proposé quand ? »: the act's own date, not its object's (2026)
        blocks.append(Para(f"D'après l'article : « {act_dated} ».", "note"))
    elif dated and len(loose) == len(dated):
        words = [
            f"« {entry.date_text} »" if entry.date_text else brief_when(index.base, entry, 40)
            for entry in loose[:1]  # the subject's own words (the next lines show theirs)
        ]
        blocks.append(
            Para(
                f"Les articles ne donnent pas le jour exact : ils disent {' et '.join(words)}.",
                "note",
            )
        )
    elif loose and dated[0] is loose[0] and dated[0] is subject[0]:  # the line asked first
        first = loose[0]  # (« ce mémorandum ») is known to a window only; the others are not
        said = f"« {first.date_text} »" if first.date_text else brief_when(index.base, first, 40)
        label = short_label(line_text(index.base, first), 70)
        blocks.append(
            Para(
                f"Les articles ne donnent pas le jour exact de : {label} ; ils disent {said}.",
                "note",
            )
        )
    blocks.append(line)
    shown: list[Found] = []
    for entry in dated[:MOST_SUBJECT] or subject[:1]:
        mine = [f for f in own if f.entry is entry]
        said = fold(getattr(entry, "date_text", "") or "")
        best = next((f for f in mine if said and said in fold(f.sentence)), None)
        best = best or (mine[0] if mine else None)
        best = _whole_dated(index, best) if best is not None else None
        blocks.append(_line(index, entry))
        if best is not None:
            source = index.base.sources[best.source]
            blocks.append(Quote(best.sentence, attribution(source), best.source, open=True))
            shown.append(best)
        if len(shown) >= 2:
            break
    if not dated:  # a context fact: its own sentence that dates something, else none
        dating = [f for f in own if f.entry is subject[0]]
        if dating:
            blocks.append(_shown_blocks(index, dating[:1], supported=False)[-1])
            shown.extend(dating[:1])
        else:
            blocks.insert(
                0,
                Para(
                    "Les articles ne donnent pas de date pour ce sujet : aucune de ses phrases "
                    "n'en donne. Ce qu'ils en disent :",
                    "note",
                ),
            )
    return _reply(index, blocks, shown, subject)


def _act_dated(detail: Detail, own: list[Found]) -> str:
    """« début octobre, le président azéri a proposé »: the words of the subject's sentence
    from a date phrase to the act asked (``detail.act``) in the same clause, verbatim; "" when
    no sentence dates that act."""
    if not detail.act:
        return ""
    verb = re.compile(
        rf"\b(?:a|ont|avait|avaient|aurait|auraient) (?:\w+ )?{_ACTS[detail.act]}\w*",
        re.IGNORECASE,
    )
    for found in own:
        sentence = found.sentence
        acted = verb.search(sentence)
        if acted is None:
            continue
        clause_start = max(sentence.rfind(mark, 0, acted.start()) for mark in (".", ";", "?"))
        clause = sentence[clause_start + 1 : acted.start()]
        dated = _DATE_START.search(clause)
        if dated is not None:
            start = clause_start + 1 + dated.start()
            return sentence[start : acted.end()].strip()
    return ""


WHOLE_SENTENCE = 400
"""Longest article sentence shown in place of a quote cut before its date."""
_WHEN_WORDS = frozenset(["hier", "recemment", "debut", "fin", "mi", "ete", "hiver", "automne"])


def _date_words(text: str) -> set[str]:
    """The words of ``text`` that date something: a year, a month, « hier », « début »…"""
    found = set()
    for word in _words(text):
        if (word.isdigit() and len(word) == 4) or word in _MONTHS or word in _WHEN_WORDS:
            found.add(word)
    return found


def _whole_dated(index: Index, found: Found) -> Found:
    """``found``, or the whole article sentence it was cut from when that sentence dates
    something the cut does not (« Notamment, début octobre, le président azéri a proposé que
    … » quoted from « le président azéri »): asked « quand ? », the date of the act itself is
    the answer. The sentence is verbatim from the article and holds the quote whole."""
    for sentence in _run(index, found.source):
        if found.sentence not in sentence or sentence == found.sentence:
            continue
        if len(sentence) <= WHOLE_SENTENCE and _date_words(sentence) - _date_words(found.sentence):
            return Found(sentence, found.source, found.entry)
        break
    return found


def whole_dated_quote(index: Index, quote: Quote) -> Quote:
    """``quote``, or the article's whole sentence it was cut from when that sentence dates
    something the cut does not (``_whole_dated``), shown open."""
    found = _whole_dated(index, Found(quote.text, quote.source, None))
    if found.sentence == quote.text:
        return quote
    return replace(quote, text=found.sentence, open=True)


def _reply(index: Index, blocks: list[Block], found: list[Found], subject: list[Entry]) -> Reply:
    entries = [f.entry for f in found if f.entry is not None] + list(subject)
    unique = list({entry.id: entry for entry in entries}.values())
    buttons = [b for entry in unique if (b := entry_button(entry))]
    return Reply(tuple(blocks), tuple((button,) for button in buttons[:2]))


def subject_entries(index: Index, ids: Iterable[str]) -> list[Entry]:
    """The entries of ``ids`` still in the base, in order."""
    return [index.entries[i] for i in ids if i in index.entries]


def subject_actors(index: Index, subject: list[Entry]) -> set[str]:
    """The actors of the subject's entries (but the base's home country)."""
    home = index.base.vocabulary.home
    return {actor for entry in subject for actor in subjects(entry, home)}
