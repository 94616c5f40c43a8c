"""A covered subject asked for a detail no article gives: said first, in the question's terms.

« combien de soldats azerbaïdjanais ont participé à Agile Spirit 2025 ? », « quand aura lieu la
prochaine réunion entre l'Azerbaïdjan et l'OTAN ? »: the articles speak of the subject (the
exercise, the meetings) but never of the detail asked (soldiers, a next meeting). The answer
opens with « Les articles ne disent pas combien de soldats azerbaïdjanais ont participé à Agile
Spirit 2025 (aucun n'emploie « soldats ») ; au plus proche : », then the nearest passages, instead
of a note about a word or a chronology that reads as the answer.

Never a false « not said »; the line is written only when all of these hold:

- the question asks when, where or how many, and is no yes/no question (« qui » aside: an
  institution or a role answers « who » without the word asked);
- a word of the question is absent from every article by the strict rules of ``unsaid`` (full
  text, stems, typos, the reader's own readings), and it names the detail asked
  (``focus_words``): the counted noun of « combien de … » (never a duration, « combien de
  temps »), or a word qualifying a noun the articles hold (« la prochaine réunion »,
  « prochain forum … ? »); never a verb (« a été paraphé »), a locution (« pris la suite du »),
  nor a word around the question (« pour ma note de synthèse : … »);
- for « combien », no sentence of the articles that holds the question's other key words holds a
  figure (a number other than a year, or a number word): « 500 militaires » would answer
  « combien de soldats » without the word;
- those sentences name at most one date: a subject told at two dates (« début octobre, … des
  manœuvres en 2026 ») may hold the next one, or the one asked, without the word (« prochaines
  manœuvres prévues quand ? » is answered by « en 2026 »).

The verdict is the question itself turned indirect (« Savez-vous quand aura lieu … ? » → « quand
aura lieu … »; « le prochain forum … est prévu quand ? » → « quand le prochain forum … est
prévu »), or, when it cannot be turned cleanly, what is asked named by its kind (« le nombre de
soldats », « la date demandée »); it says which word no article holds, so it says what was
verified.
"""

from __future__ import annotations

import re

from bot.dates import MONTHS_FR
from bot.engine.french import is_stop
from bot.engine.index import Index
from bot.engine.reply import Para
from bot.text import fold, of_word

_DETERMINERS = frozenset(["le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "au", "aux"])
"""Words after which a word of the question is a noun or a noun's first adjective."""
_ASKING = ("quand", "combien", "ou")
"""The question types whose missing detail is said first (« qui » aside: an institution or a
role answers « who » without the word asked, « le ministère de la Défense » for « signataire »)."""
_COUNTING = frozenset(["combien", "nombre", "nb", "nbre"])
"""Words after which « de » opens the counted noun."""
_DURATION = frozenset(["temps", "duree", "longtemps", "periode"])
"""Counted nouns that ask a duration: the answer is dates, which no absent word rules out."""
_INTERROGATIVE = re.compile(
    r"^(?:quand|combien|qui|o[uù]|quel(?:le)?s?|à quel(?:le)?s?|a quel(?:le)?s?|en quelle)\b",
    re.IGNORECASE,
)
_TRAILING = re.compile(r"^(.*\S)\s+(quand|o[uù]|combien)$", re.IGNORECASE)
_ASKING_LEAD = re.compile(
    r"^(?:(?:est-ce que|est-ce qu'|savez-vous|sais-tu|pouvez-vous|pourriez-vous|peux-tu"
    r"|dites-moi|dis-moi|dites|je voudrais savoir|j'aimerais savoir|on sait)\s*"
    r"(?:me |nous )?(?:dire |indiquer |préciser |preciser )?)+",
    re.IGNORECASE,
)
_INVERSION = re.compile(r"-t-(?:il|elle|ils|elles|on)\b|-(?:il|elle|ils|elles|on)\b", re.I)
_KIND = {
    "quand": "la date demandée",
    "combien": "le nombre demandé",
    "qui": "le nom demandé",
    "ou": "le lieu demandé",
}
_KIND_OF = {"quand": "la date", "combien": "le nombre", "qui": "le nom", "ou": "le lieu"}
_YEAR = re.compile(r"^(?:1[89]|20)\d\d$")
_NUMBER_WORDS = frozenset(
    " ".join(
        (
            "deux trois quatre cinq six sept huit neuf dix onze douze quinze vingt trente",
            "quarante cinquante soixante cent cents mille millier milliers million millions",
            "milliard milliards dizaine dizaines centaine centaines douzaine douzaines",
        )
    ).split()
)
"""Words that give a count without digits."""
_SENTENCE = re.compile(r"(?<=[.!?…;])\s+|\n+")
_WORDS = re.compile(r"[^\W_]+(?:['’])?", re.UNICODE)


def _tokens(text: str) -> list[str]:
    """The question's words in order, elided articles kept as « l », « d »."""
    return [fold(word.rstrip("'’")) for word in _WORDS.findall(text)]


def focus_words(text: str, unsaid: tuple[str, ...], kind: str = "quand") -> list[str]:
    """The words of ``unsaid`` (absent from every article) that name the detail asked:

    - for « combien »: the counted noun, right after « combien de » or « nombre de » (« combien
      de soldats »), and the nouns chained to it by « de » (« de milliards de dollars »); never
      a word naming a duration (« combien de temps »: the articles may give both years);
    - for « quand » and « où »: a word qualifying a noun the articles hold, right after an
      article or opening the question (« la prochaine réunion », « prochain forum … ? »): the
      subject is covered, the instance asked is not. A word followed by a little word or by the
      end (« pris la suite du … », « ma note de synthèse : … ») is no such qualifier.
    """
    tokens = _tokens(asking_part(text))
    absent = {fold(word) for word in unsaid}

    def spelled(token: str) -> str:
        return next(w for w in unsaid if fold(w) == token)

    out: list[str] = []
    if kind == "combien":
        for at, token in enumerate(tokens):
            if at < 2 or token not in absent or token in _DURATION:
                continue
            before, counted = tokens[at - 1], tokens[at - 2]
            if before in ("de", "d") and (counted in _COUNTING or fold(counted) in map(fold, out)):
                out.append(spelled(token))
        return list(dict.fromkeys(out))
    if kind not in ("quand", "ou"):
        return []
    for at, token in enumerate(tokens):
        if token not in absent or at + 1 >= len(tokens):
            continue
        head = tokens[at + 1]
        if head in absent or is_stop(head) or head in _DETERMINERS or len(head) < 3:
            continue
        if at == 0 or tokens[at - 1] in _DETERMINERS - {"de", "d"}:
            out.append(spelled(token))
    return list(dict.fromkeys(out))


_ASKS = re.compile(r"\b(?:quand|combien|o[uù]|quel(?:le)?s?|en quelle)\b", re.IGNORECASE)


def asking_part(text: str) -> str:
    """The question up to its first « ? » when that part asks (« en quelle année … a-t-il
    rejoint le NCCA ? »): a tag after it (« Juste après la chute de l'URSS, non ? ») is the
    asker's guess, not the detail asked (issue 22, fidelity class 6); else ``text``."""
    head, mark, _tail = text.partition("?")
    return head + mark if mark and _ASKS.search(head) else text


def _figure(sentence: str) -> bool:
    for word in re.findall(r"\w+", fold(sentence)):
        if word.isdigit() and not _YEAR.match(word):
            return True
        if word in _NUMBER_WORDS:
            return True
    return False


def _subject_sentences(index: Index, text: str, focus: list[str]) -> list[str]:
    """The sentences of the articles holding every other key word of ``text`` (a word whose
    stem starts like it, ``asked_absent``'s sentence table): where the detail could be told in
    other words."""
    from bot.engine.asked_absent import _sentences, _word_sentences  # its table, built once

    skip = {fold(word) for word in focus} | set(_ASKING) | {"nombre", "nb"}
    words = [
        word
        for word in index.tokens(text)
        if word not in skip and not is_stop(word) and len(word) > 2 and not word.isdigit()
    ]
    table = _sentences(index)
    found: set[int] = set(range(len(table.origins)))
    for word in words:
        found &= _word_sentences(index, table, word)
        if not found:
            return []
    return [table.origins[n][1] for n in sorted(found)]


_DATE = re.compile(
    r"\b(?:\d{1,2} )?(?:" + "|".join(fold(month) for month in MONTHS_FR) + r")(?: \d{4})?\b"
    r"|\b(?:19|20)\d\d\b"
)


def _dates(sentences: list[str]) -> set[str]:
    """The distinct times the sentences name: a year (« 21 septembre 2025 » and « 2025 » are
    one), or a month said without its year (« début octobre »)."""
    out: set[str] = set()
    for sentence in sentences:
        for match in _DATE.finditer(fold(sentence)):
            year = re.search(r"\d{4}", match.group(0))
            out.add(year.group(0) if year else match.group(0).split()[-1])
    return out


def _head_sentences(index: Index, text: str, focus: list[str]) -> list[str]:
    """The sentences of the articles holding the noun the first missing word qualifies
    (« forum » in « le prochain forum de Bakou … ») and every actor the question names (the
    base's subject aside): the subject itself, whatever else the question says."""
    from bot.engine.asked_absent import (  # its sentence table, built once per index
        _actor_sentences,
        _in_every_article,
        _sentences,
        _word_sentences,
    )
    from bot.engine.filters import read_filter  # it imports the index too

    tokens = _tokens(text)
    first = fold(focus[0])
    if first not in tokens:
        return []
    at = tokens.index(first)
    head = tokens[at + 1] if at + 1 < len(tokens) else ""
    if not head or is_stop(head) or head in _DETERMINERS or len(head) < 3:
        return []
    table = _sentences(index)
    found = set(_word_sentences(index, table, head))
    anchored = False  # the sentences hold an actor the question names: the subject's own
    for actor in read_filter(index, text).filter.actors:
        if not _in_every_article(index, actor):
            found &= _actor_sentences(index, table, actor)
            anchored = True
    skip = {first, head, *_ASKING}  # and one of the question's other key words: « ce forum »
    others = [  # of 1997 (another one) is not the forum of Bakou asked about
        _word_sentences(index, table, word)
        for word in index.tokens(text)
        if word not in skip and not is_stop(word) and len(word) > 2 and not word.isdigit()
    ]
    held = [n for n in found if anchored or not others or any(n in w for w in others)]
    return [table.origins[n][1] for n in sorted(held) if n < len(table.origins)]


def _indirect(text: str) -> str:
    """``text`` turned into an indirect question (« quand aura lieu … »), or "" when it does
    not turn cleanly (no question word at its start or end of a clause opened by an article)."""
    clause = text.strip().rstrip("?!. ").strip()
    clause = _ASKING_LEAD.sub("", clause).strip()
    clause = clause.split(",")[0].strip() if "," in clause else clause
    clause = re.sub(r"\s*\?.*$", "", clause)
    if _INTERROGATIVE.match(clause):
        clause = _INVERSION.sub("", clause)
        clause = re.sub(r"\best-ce qu(?:e |')", "", clause, flags=re.I)
        return clause[0].lower() + clause[1:]
    trailing = _TRAILING.match(clause)
    if trailing and fold(trailing.group(1).split()[0].rstrip("'’")) in _DETERMINERS - {"de", "d"}:
        body = trailing.group(1)
        return f"{trailing.group(2).lower()} {body[0].lower()}{body[1:]}"
    return ""


def _named(text: str, kind: str, focus: list[str]) -> str:
    """What is asked, named by its kind: « le nombre de soldats », « la date demandée pour
    « prochain forum » », else « la date demandée »."""
    tokens = re.findall(r"[^\W_]+(?:['’])?", text)
    folded = [fold(t.rstrip("'’")) for t in tokens]
    first = fold(focus[0])
    if first in folded:
        at = folded.index(first)
        if at and folded[at - 1] in ("de", "d"):
            return f"{_KIND_OF[kind]} {of_word(tokens[at])}"
        after = folded[at + 1] if at + 1 < len(folded) else ""
        if after and not is_stop(after) and after not in _ASKING:  # « prochain forum »
            return f"{_KIND[kind]} pour « {tokens[at]} {tokens[at + 1].rstrip(chr(39))} »"
    return _KIND[kind]


def untold_detail(
    index: Index, text: str, kind: str, unsaid: tuple[str, ...], yes_no: bool
) -> Para | None:
    """The opening line saying the detail asked is given by no article (module rules), or
    None when any rule fails."""
    if yes_no or kind not in _ASKING or not unsaid:
        return None
    focus = focus_words(text, unsaid, kind)
    if not focus:
        return None
    sentences = _subject_sentences(index, text, focus)
    if kind == "combien" and any(_figure(sentence) for sentence in sentences):
        return None  # « 300 militaires » may answer « combien de soldats »
    subject = sentences + _head_sentences(index, text, focus)
    if kind != "combien" and len(_dates(subject)) > 1:  # the subject told at two dates
        return None  # (« début octobre », « en 2026 »): a next one may be told without the word
    indirect = _indirect(text)
    said = (
        f"ne disent pas {indirect}" if indirect else f"ne donnent pas {_named(text, kind, focus)}"
    )
    words = " ni ".join(f"« {word} »" for word in focus)
    return Para(f"Les articles {said} (aucun n'emploie {words}) ; au plus proche :", "note")
