"""The detail a question asks (who, where, how many, when) that no sentence on its subject
gives: said plainly on top, with what was searched (issue 22, task i22zo).

« qui conduisait la délégation de l'OTAN ? » (no article names its head), « où se tiendraient
ces manœuvres de l'OTS ? » (no place given), « qui a prononcé le discours d'ouverture du
forum ? » (no speaker named): the answer opens with « Les articles ne disent pas qui conduisait
la délégation de l'OTAN (cherché dans les phrases des articles qui parlent de « délégation »
et « OTAN ») ; au plus proche : », then the nearest passages.

Never a false « not said »; the line is written only when all of these hold:

- the question asks « qui », « où », « combien » or « quand » and is no yes/no question;
- its subject is found: the first word of the question (its asked verb aside) that the
  articles hold, the head, and the sentences of the articles' full text holding the head and,
  when the question has other key words the articles hold, at least one of them;
- no such sentence, and no quote the answer shows that holds the head, gives the slot, read
  generously: for « où » a place (« à Bakou », « en Turquie », any « de » + name); for
  « quand » a year, a month, a season or a period (« 2026-2027 »); for « combien » any figure
  or number word (« plus de 80 nations »), a sum when the question asks money; for « qui » a
  person or an office (« le vice-président américain JD Vance ») in a sentence that tells the
  asked act (its verb) or holds the head other than as the one met or received (« lors d'une
  rencontre avec une délégation de l'OTAN »: the president meets it, he does not lead it);
- for « qui », the question names the asked act by a verb (« qui conduisait … »): « qui est le
  partenaire … ? » may be answered by any name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from bot.engine.amounts import asks_amount, gives_amount
from bot.engine.detail_untold import _indirect, asking_part
from bot.engine.french import is_stop
from bot.engine.index import Index
from bot.engine.passage import carries, names_asked
from bot.engine.reply import Item, Para, Quote, QuoteGroup, Reply
from bot.engine.unsaid import verb_form
from bot.text import fold

ASKED = ("qui", "ou", "combien", "quand")
"""The question types whose missing slot is said first."""
_QUESTION_WORDS = frozenset(
    " ".join(
        (
            "qui ki quand combien ou quel quelle quels quelles lequel laquelle nom noms",
            "fonction poste lieu endroit ville pays date dates jour annee mois nombre",
            "chiffre montant quantite exactement precisement sait savez connait",
            "connaissez indiquer dire preciser amabilite auriez pourriez pouvez",
            "est etait sont ont avait haut responsable combien exact exacte depuis partir",
            "jusqu jusque entre apres avant maintenant aujourd actuellement",
        )
    ).split()
)
"""Words that ask, never the subject whose sentences are searched."""
_VERB_AFTER_QUI = re.compile(
    r"\bqui (?:l'|les |lui |leur )?(?:a |ont |avait |avaient |aura |auront |est |sont "
    r"|etait |etaient )?(?:ete )?([a-z]{4,})\b"
)
"""« qui conduisait », « qui a prononcé », « qui l'a signé »: the asked act's verb (folded)."""
_NOT_VERBS = frozenset(
    [
        "etait",
        "sont",
        "etaient",
        "avait",
        "avaient",
        "aura",
        "auront",
        "parmi",
        "cote",
        "dans",
        "entre",
        "pour",
    ]
)
_MET = re.compile(
    r"\b(?:(?:rencontre|entretien|reunion|entretenu|entretenue) avec|recu|recue|recus|recues"
    r"|recevant|rencontre|rencontree|accueilli|accueillie|aupres)\s+"
    r"(?:(?:un|une|la|le|les|des|du|de|l|d|cette|ce|ces)\s+){0,2}$"
)
"""Words before the head by which the sentence's person meets it, not leads it (folded)."""
_LEADING = ("condui", "dirig", "mena", "mene", "meno", "presid", "guid")
"""Asked acts of leading the head (« qui conduisait la délégation ? »): the one who met it
(« lors d'une rencontre avec une délégation ») is no answer; for any other act, he may be."""
_WORD = re.compile(r"[a-z0-9]+")
_LISTED = re.compile(r"(?:,| et) (?:(?:la|le|les|l['’])\s?)?[A-ZÀ-Ý]")
"""A name after a comma or « et »: two make a list of names, which a count may read."""
_DURATION = re.compile(r"\bcombien de (?:temps|jours|mois|annees|ans|semaines)\b|\bduree\b")
"""« combien de temps »: a duration, which two dates may give (never said missing)."""
_BODIES = frozenset(
    " ".join(
        (
            "ministere ministeres gouvernement gouvernements armee armees commandement etat",
            "etats organisation alliance otan centre agence service services parlement",
            "presidence delegation delegations ambassade autorites pays",
        )
    ).split()
)
"""Institutions that may be the agent of an act (« le ministère de la Défense a signé »)."""
_KIND = {
    "qui": "le nom demandé",
    "ou": "le lieu demandé",
    "combien": "le nombre demandé",
    "quand": "la date demandée",
}


def asked_verb(question: str) -> str:
    """The folded verb of « qui <verb> … » (« conduisait »), else ""."""
    found = _VERB_AFTER_QUI.search(fold(question).replace("’", "'"))
    if found is None or found.group(1) in _NOT_VERBS:
        return ""
    return found.group(1)


_AUXILIARY = re.compile(
    r"\b(?:a|ont|avait|avaient|aura|auront|sera|seront|est|sont|ete|va|vont|doit|doivent)(?:-t)?(?:-(?:il|elle|ils"
    r"|elles|on))? ([a-z]{3,})\b"
)
"""The word after an auxiliary (« a-t-il reçu », « ont signé »): the act asked, a verb."""


def _verbs(question: str) -> set[str]:
    return {found.group(1) for found in _AUXILIARY.finditer(fold(question).replace("’", "'"))}


def _key_words(index: Index, question: str, verb: str) -> list[str]:
    """The question's words the articles' sentences are searched with, in order: no asking
    word, no stop word, not the asked verb, no figure."""
    verbs = _verbs(question) | {verb}
    return [
        word
        for word in index.tokens(asking_part(question))
        if word not in _QUESTION_WORDS
        and word not in verbs
        and not is_stop(word)
        and len(word) > 2
        and not word.isdigit()
    ]


def _head_in(sentence: str, head: str) -> list[int]:
    """Where in ``sentence`` (folded words) the head appears (by its first five letters)."""
    words = _WORD.findall(fold(sentence).replace("’", "'"))
    return [at for at, word in enumerate(words) if word.startswith(head[:5])]


def _agent_told(sentence: str, head: str, verb: str) -> bool:
    """True when ``sentence`` names a person or an office who may be the agent of the act:
    the sentence tells the act (its verb's first five letters), or holds the head other than
    as the one met or received."""
    folded = fold(sentence).replace("’", "'")
    words = _WORD.findall(folded)
    someone = names_asked("personne", sentence) or carries("qui", sentence)
    if not (someone or any(w in _BODIES for w in words)):  # « la médiation des États-Unis »
        return False
    if verb and any(word.startswith(verb[:5]) for word in words):
        return True
    if not verb.startswith(_LEADING):  # « qui a reçu / parlé devant la délégation ? »: the
        return True  # one who met it answers; only who led it is not the one met
    places = _head_in(sentence, head)
    if not places:  # the head by its stem only (« signé » for « signature »): no position
        return True
    return any(not _MET.search(" ".join(words[max(0, at - 4) : at]) + " ") for at in places)


_ORIGIN = re.compile(r"\bd'ou\b|\bd ou\b|\b(?:provien\w*|provenance|origine|viennent|vient)\b")
"""A question asking where from (« d'où viennent les drones ? »): a demonym answers it."""


def places_of(index: Index) -> frozenset[str]:
    """Folded words that tell a place or an origin: the countries' names and demonyms
    (« des drones turcs et israéliens » says where they come from)."""

    def build() -> frozenset[str]:
        words: set[str] = {"origine", "provenance"}
        for actor in index.base.actors.values():
            if actor.is_country:
                for name in (*actor.names(), *actor.demonyms):
                    words.update(_WORD.findall(fold(name)))
        return frozenset(word for word in words if len(word) > 3)

    return index.memo("slot_untold places", build)


def _gives_slot(
    kind: str,
    sentence: str,
    head: str,
    verb: str,
    money: bool,
    places: frozenset[str] = frozenset(),
) -> bool:
    if kind == "ou" and places:  # asked where from: a country or its demonym answers
        folded = _WORD.findall(fold(sentence).replace("’", "'"))
        if any(word in places or word.rstrip("s") in places for word in folded):
            return True
    if kind == "qui":
        return _agent_told(sentence, head, verb)
    if kind == "combien" and money:
        return gives_amount(sentence)
    if kind == "combien" and len(_LISTED.findall(sentence)) >= 2:  # « dont la Turquie, le
        return True  # Kazakhstan, la Kirghizie et l'Ouzbékistan »: a list may be counted
    if kind == "ou":
        return carries("ou", sentence) or bool(
            re.search(r"\b(?:à|au|aux|en|dans) (?:l['’])?[A-ZÀ-Ý]", sentence)
        )
    if kind == "quand":
        return carries("quand", sentence) or bool(re.search(r"\b(?:19|20)\d\d\b", sentence))
    return carries(kind, sentence)


COMMON = 0.1
"""A key word held by more than this share of the articles' sentences (« Azerbaïdjan ») names
no subject: its sentences are not searched, unless it is the question's only key word."""


def subject_sentences(
    index: Index, question: str, verb: str
) -> tuple[list[str], list[str], list[str]]:
    """The key words of the question the articles hold (the head, the first of them, first;
    words held by most sentences aside) and every sentence of the articles' full text that
    holds any of them: the search is wide, a slot told in any sentence of the subject (« elle
    redirigera … soit quelques 130 000 tonnes ») is found."""
    from bot.engine.asked_absent import (  # its sentence table, built once
        _actor_sentences,
        _sentences,
        _word_sentences,
    )

    table = _sentences(index)
    seeds = len(table.origins)
    held = [
        (word, found)
        for word in _key_words(index, question, verb)
        if (found := frozenset(n for n in _word_sentences(index, table, word) if n < seeds))
    ]
    from bot.engine.filters import read_filter  # it imports the index too

    for actor in read_filter(index, question).filter.actors:  # « l'OTS »: every sentence
        found = frozenset(n for n in _actor_sentences(index, table, actor) if n < seeds)
        if found:  # naming it (« l'Organisation des États turciques », its demonyms)
            held.append((index.base.actors[actor].name, found))
    rare = [(word, found) for word, found in held if len(found) <= COMMON * seeds] or held[:1]
    if not rare:
        return [], [], []
    chosen: set[int] = set()
    for _word, found in rare:
        chosen |= found
    head = set(rare[0][1])  # for « qui »: the head's sentences (by stem: « signé » for
    if verb:  # « signature »), and the asked verb's
        head |= {n for n in _word_sentences(index, table, verb) if n < seeds}
    return (
        [word for word, _ in rare],
        [table.origins[n][1] for n in sorted(chosen)],
        [table.origins[n][1] for n in sorted(head)],
    )


def slot_untold(
    index: Index,
    question: str,
    kind: str,
    shown: Iterable[str],
    yes_no: bool,
    dated: bool = False,
) -> Para | None:
    """The opening line saying no sentence on the question's subject gives the slot asked
    (module rules), or None."""
    if yes_no or kind not in ASKED:
        return None
    verb = asked_verb(question) if kind == "qui" else ""
    if kind == "qui" and not verb:
        return None
    if kind == "combien" and _DURATION.search(fold(question)):  # « depuis combien de temps »:
        return None  # dates answer it
    words, sentences, headed = subject_sentences(index, question, verb)
    if not sentences:
        return None
    head = words[0]
    money = kind == "combien" and asks_amount(question)
    if kind == "qui":  # the agent of the act: in a sentence telling the act or its head
        sentences = headed
    quotes = [quote for quote in shown if kind != "qui" or _head_in(quote, head)]
    if kind == "quand" and dated:  # a line shown with its date (« rapporté le … ») may be
        return None  # the date asked, told by the article's own date
    origin = kind == "ou" and bool(_ORIGIN.search(fold(question).replace("’", "'")))
    places = places_of(index) if origin else frozenset()
    texts = (*sentences, *quotes)
    if any(_gives_slot(kind, text, head, verb, money, places) for text in texts):
        return None
    indirect = _indirect(question)
    said = f"ne disent pas {indirect}" if indirect else f"ne donnent pas {_KIND[kind]}"
    named = [word for word in words if not verb_form(word)] or words  # « délégation », never
    spelled = ", ".join(f"« {_spelled(question, word)} »" for word in named[:3])  # « reçue »
    return Para(
        f"Les articles {said} (cherché dans les phrases des articles qui parlent de "
        f"{spelled}) ; au plus proche :",
        "note",
    )


def _spelled(question: str, word: str) -> str:
    """``word`` as the question writes it (accents, capitals), else as folded."""
    typed: list[str] = re.findall(r"[^\W_]+", question)
    return next((spelled for spelled in typed if fold(spelled) == word), word)


_ALREADY = (
    "ne disent pas",
    "ne dit pas",
    "ne le disent",
    "ne le dit",
    "ne donnent pas",
    "ne donne pas",
    "ne nomment pas",
    "ne nomme pas",
    "ne precisent pas",
    "aucune phrase",
    "aucun article",
    "ne correspond",
    "n'apparait dans aucun",
    "ne mentionnent pas",
    "ne mentionne pas",
    "n'en parlent pas",
    "sans le trouver",
)
"""What a line over the answer says when it already tells what the articles do not give."""


def _shown_quotes(reply: Reply) -> list[str]:
    out: list[str] = []
    for block in reply.blocks:
        if isinstance(block, Quote):
            out.append(block.text)
        elif isinstance(block, QuoteGroup):
            out.extend(quote.text for _, quote in block.quotes)
    return out


def _said_already(reply: Reply) -> bool:
    """True when a line above the answer's first entry or quote says something untold."""
    for block in reply.blocks:
        if not isinstance(block, Para):
            return False
        if block.text.startswith("Compris"):  # its words aside are no verdict on the subject
            continue
        if any(phrase in fold(block.text).replace("’", "'") for phrase in _ALREADY):
            return True
    return False


_PLACE_ASKED = re.compile(
    r"(?<![\w-])où(?![\w-])|\bdans quel(?:le)?s? (?:pays|ville|villes|région|régions|lieu)\b",
    re.IGNORECASE,
)
"""« on sait où elles se tiendraient ? », « dans quel pays … ? »: a place asked, which the
question reader may leave untyped (its « où » read only at the start or before a verb)."""


def _place_asked(question: str) -> str:
    return "ou" if _PLACE_ASKED.search(question.replace("’", "'")) else ""


def said_on_top(index: Index, reply: Reply, question: str, kind: str, yes_no: bool) -> Reply:
    """``reply`` opened by the line saying the slot asked is on no sentence of its subject
    (``slot_untold``), when no line above its answer says something untold already."""
    kind = kind or _place_asked(question)
    if yes_no or kind not in ASKED or not reply.blocks or _said_already(reply):
        return reply
    dated = any(
        isinstance(block, Item) and re.search(r"\b(?:19|20)\d\d\b", block.label)
        for block in reply.blocks
    )
    line = slot_untold(index, question, kind, _shown_quotes(reply), yes_no, dated)
    if line is None:
        return reply
    return replace(reply, blocks=(line, *reply.blocks))
