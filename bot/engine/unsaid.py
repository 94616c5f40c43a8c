"""What a question asks that the articles never say: named first, after a full-text search.

« montant des investissements américains ? » — no article holds « montant »: the answer opens
by saying so (« Les articles ne mentionnent pas « montant » (recherche dans le texte intégral
des 5 articles…) »), then shows what they do say. A word is said absent only when all of these
hold, so the statement is always true and never noise:

- the full-text search of the articles (``seedtext``) finds no word of the same Snowball stem,
  nor a longer or shorter word sharing a stem of five letters or more (« ouverture » is not
  said absent from articles that say « ouvert »);
- the fact base holds neither the word, a word it starts, nor a close typo of it (a misspelt
  « investisements » is read as « investissements », never said absent);
- the question reader does not read the word as something (an actor, a date, a kind, a theme),
  alone or as part of the question (« semaine » in « la semaine dernière »);
- it is a content word: not a stop word, not a question word, not a word naming only the kind
  of answer wanted (« date », « lieu », « nom », « nombre »…: the answer may be there without
  the word).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from datetime import date

from bot.content.model import Agreement
from bot.engine.discourse import is_filler
from bot.engine.french import STOP_WORDS, folded_stem, is_stop
from bot.engine.index import Dated, Index
from bot.engine.reply import Para
from bot.engine.seedtext import seed_holds, seed_word_starts, sorted_seed_stems
from bot.text import count, fold

ANSWER_KIND_WORDS = frozenset(
    " ".join(
        (
            "lieu lieux endroit ville date dates jour jours annee annees nom noms nombre nombres",
            "total totale chiffre chiffres fonction fonctions poste titre role quantite",
            "exactement precisement precis precise vite besoin genre svp stp merci",
            "pourriez pourrais pouvez indiquer preciser dire savoir",
            "sert servent servir joue jouer retenu retenue retenus retenues",
            "objet objets contenu teneur",
            # what the text does with it (« quels domaines sont mentionnés ? »): the answer is
            # the text's own words, never a sentence holding « mentionné »
            "mentionne mentionnes mentionnee mentionnees cite cites citee citees evoque evoques",
            "evoquee evoquees",
        )
    ).split()
)
"""Words that name the kind of answer wanted, or only politeness and haste: never said absent."""

STOP_FOLDED = tuple(sorted({fold(word) for word in STOP_WORDS if len(word) >= 4}))
"""Stop and question words long enough for a typo of them to look like a content word."""
SHORTEST = 4
"""Shorter words are never said absent (abbreviations such as « aze », typos of little
words)."""
RELATED = 5
"""Two words whose stems share this many first letters (one stem starting the other) are the
same word for the absence rule."""


def _related_in_seeds(index: Index, stem: str) -> bool:
    """True when an article holds a word whose stem starts ``stem`` or that ``stem`` starts."""
    sorted_stems = sorted_seed_stems(index)
    for size in range(RELATED, len(stem)):
        if _stem_exact(index, stem[:size]):
            return True
    if len(stem) < RELATED:
        return False
    position = bisect_left(sorted_stems, stem)
    return position < len(sorted_stems) and sorted_stems[position].startswith(stem)


def _starts_a_seed_word(index: Index, word: str) -> bool:
    """True when an article holds a word that ``word`` starts (its stem does too)."""
    stems = sorted_seed_stems(index)
    position = bisect_left(stems, word)
    return position < len(stems) and stems[position].startswith(word)


SHORT_STEM = 3
"""A stem this many letters shorter than its word (« montant » → « mont ») is shared by
unrelated words (« monté »): the articles must hold the word's own start to hold it."""


def _holds_word(index: Index, word: str) -> bool:
    """True when an article holds ``word`` (folded) by its stem, and, when that stem is much
    shorter than the word, by the word's own start too (« montant » is not held by « est
    monté en tête » though both stem to « mont »)."""
    if not seed_holds(index, word):
        return False
    if len(word) - len(folded_stem(word)) < SHORT_STEM:
        return True
    return seed_word_starts(index, word[:-2])  # a word of an article starts so


def _little_word_typo(word: str) -> bool:
    """True when ``word`` is a typo of a stop or question word (one letter off or swapped)."""
    from rapidfuzz import fuzz, process

    return process.extractOne(word, STOP_FOLDED, scorer=fuzz.ratio, score_cutoff=80) is not None


def _stem_exact(index: Index, stem: str) -> bool:
    """True when ``stem`` is itself a stem of a word of the articles."""
    stems = sorted_seed_stems(index)
    position = bisect_left(stems, stem)
    return position < len(stems) and stems[position] == stem


def unsaid_words(
    index: Index, question: str, skip: frozenset[str] = frozenset(), today: date | None = None
) -> list[str]:
    """The content words of ``question`` that no article holds (see the module's rules), in
    the user's spelling, in question order; ``skip`` holds folded words never to report."""
    from bot.engine.filters import TimelineFilter, read_filter  # it imports the index too

    spelled: dict[str, str] = {}
    for raw in re.split(r"[\s?!.,;:«»\"()/]+", question):
        bare = re.split(r"['’]", raw)[-1]
        key = fold(bare)
        if key and " " not in key:
            spelled.setdefault(key, bare)
    out: list[str] = []
    whole: TimelineFilter | None = None
    for word in dict.fromkeys(index.tokens(question)):
        if (
            not_a_key_word(word, skip)
            or _holds_word(index, word)
            or index.fulltext.expand_word(word)
        ):
            continue
        if _related_in_seeds(index, folded_stem(word)) or _starts_a_seed_word(index, word):
            continue  # an abbreviation (« azer » for « azerbaïdjanais ») is not an absence
        if _little_word_typo(word):
            continue  # « combein », « quelle » misspelt: a question word, not a content word
        if read_filter(index, word, today).understood():
            continue
        if whole is None:
            whole = read_filter(index, question, today).filter
        without = " ".join(w for w in question.split() if fold(w) != word)
        if read_filter(index, without, today).filter != whole:
            continue  # part of something read whole (« la semaine dernière »)
        out.append(spelled.get(word, word))
    return out


MOST_WITHOUT_EFFECT = 3
"""Most words the « Compris » line lists as without effect; past them, « … »."""


def absent_words(
    index: Index, words: tuple[str, ...], aside: frozenset[str] = frozenset(), said: str = ""
) -> str:
    """For the end of the « Compris » line: the question's words no article holds, briefly
    (« (aucun article n'emploie : budget, licornes, télex…) », at most
    ``MOST_WITHOUT_EFFECT``), never a
    conversational one nor one of a clause off the subject (``aside``, folded); or nothing.
    Nor a word the line already quotes (``said``: « Laissé de côté : « instance » » says it
    there, ``with_absent_said``)."""
    quoted = {fold(w) for w in re.findall(r"« ([^»]+?) »", said)}
    kept = [
        word
        for word in words
        if not is_filler(word) and fold(word) not in aside and fold(word) not in quoted
    ]
    if not kept:
        return ""
    more = "…" if len(kept) > MOST_WITHOUT_EFFECT else ""
    return f" (aucun article n'emploie : {', '.join(kept[:MOST_WITHOUT_EFFECT])}{more})"


def with_absent_said(said: str, words: tuple[str, ...], aside: frozenset[str] = frozenset()) -> str:
    """``said`` (a « Compris » line's reading) where each word it quotes (« Laissé de côté :
    « prononce » ») that no article holds is said so once, right there: « « prononce » (aucun
    article ne l'emploie) », never again in a list after the line (phone readers of the
    eleventh blind set: « Laissé de côté : « instance » … (aucun article n'emploie :
    instance) »)."""
    absent = {fold(word) for word in words if not is_filler(word) and fold(word) not in aside}

    def annotated(match: re.Match[str]) -> str:
        if fold(match.group(1)) not in absent:
            return match.group(0)
        absent.discard(fold(match.group(1)))  # once
        return f"{match.group(0)} (aucun article ne l'emploie)"

    return re.sub(r"« ([^»]+?) »", annotated, said)


def unsaid_para(
    index: Index,
    words: list[str],
    no_figure: str = "",
    measure: str = "chiffre",
    about: str = "",
) -> Para:
    """The opening line: which words the articles never mention, which noun they give no
    figure of — named as asked: « pas de budget pour « plan » », « … de « soldats » sur
    « Agile Spirit » » when only the articles on that subject were read — and what was
    searched."""
    said: list[str] = []
    if words:
        named = " ni ".join(f"« {word} »" for word in words)
        said.append(f"Les articles ne mentionnent pas {named}")
    if no_figure:
        said.append(
            f"{'ils' if said else 'Les articles'} ne donnent pas de {measure or 'chiffre'}"
            f" {'de' if (measure or 'chiffre') == 'chiffre' else 'pour'} « {no_figure} »"
            + (f" sur « {about} »" if about else "")
        )
    total = count(len(index.base.seeds), "article")
    return Para(
        f"{' ; '.join(said)} (recherche dans le texte intégral des {total}) ; au plus proche :",
        "note",  # a note, so that the answer itself still opens the first message
    )


_ASKS_DATE = re.compile(r"\b(?:quand|date|en quelle annee|quel jour|depuis quand)\b")
_ASKS_DAY = re.compile(
    r"\b(?:quel jour|jour exact|date (?:exacte|precise)|a quelle date|le combien)\b"
)
"""A question asking the day itself, not only when."""


FEW_UNDAYED = 3
"""« signé le combien exactement ? » of a view of at most this many lines, none dated to the
day: the answer opens by saying so for each."""


def _no_day_of_any(chosen: list[Dated]) -> Para | None:
    """« Les articles ne donnent le jour exact d'aucune de ces lignes : … » when no line of
    ``chosen`` is dated to the day, each with the articles' own words; None otherwise."""
    given: list[str] = []
    for line in chosen:
        if line.span.open or line.span.start == line.span.end:
            return None  # a line dated to the day (or open-ended): it may answer
        entry = line.entry
        said = entry.date_label or line.span.label()
        words = entry.date_text or ""
        given.append(f"« {words} »" if words and fold(said) in fold(words) else said)
    return Para(
        "Les articles ne donnent pas le jour exact de ces lignes : ils disent "
        + ", ".join(given[:-1])
        + " et "
        + given[-1]
        + ".",
        "note",
    )


def undated_para(
    index: Index,
    question: str,
    content: str,
    today: date | None = None,
    agreements: bool = False,
) -> Para | None:
    """:func:`undated_lines` without the lines it speaks of."""
    return undated_lines(index, question, content, today, agreements)[0]


def undated_lines(
    index: Index,
    question: str,
    content: str,
    today: date | None = None,
    agreements: bool = False,
) -> tuple[Para | None, tuple[str, ...]]:
    """« memorandum turquie-azerbaïdjan : date de signature ? »: when the question asks a date
    and its words select exactly one dated line whose date the article gives only in words
    without a figure (« récemment », « cet été ») and not to the day, the answer opens by
    saying the articles give no precise date, with their own words; None otherwise.
    ``content`` is the question without its question words (what the filter reads). The
    ids of the lines the note speaks of come with it: the answer says it only over them.
    The act asked (« proposé ») selects as the view does: a line that took place is never
    the one a date of « proposé » is said of."""
    from dataclasses import replace

    from bot.engine.filters import read_filter
    from bot.engine.timeline import select

    asked = f" {fold(question)} "
    if not (_ASKS_DATE.search(asked) or _ASKS_DAY.search(asked)):
        return None, ()
    reading = read_filter(index, content, today)
    if reading.filter.is_empty():
        return None, ()
    chosen = select(index, replace(reading.filter, acts=reading.acts))
    if agreements:  # the subject is an /accord view: its lines only
        chosen = [line for line in chosen if isinstance(line.entry, Agreement)]
    about = tuple(line.entry.id for line in chosen)
    if 1 < len(chosen) <= FEW_UNDAYED and _ASKS_DAY.search(asked):
        return _no_day_of_any(chosen), about
    if len(chosen) != 1:
        return None, ()
    line = chosen[0]
    entry = line.entry
    words = entry.date_text or ""
    said = entry.date_label or line.span.label()
    if not line.span.open and line.span.start != line.span.end and _ASKS_DAY.search(asked):
        # « quel jour exactement … ? » of a line dated « en août 2025 »: the day is not given
        given = f"« {words} »" if words else said
        if words and fold(said) not in fold(words):
            given += f" ({said})"
        note = Para(f"Les articles ne donnent pas le jour exact : ils disent {given}.", "note")
        return note, about
    if line.span.start == line.span.end or not words or any(c.isdigit() for c in words):
        return None, ()
    if entry.date_basis == "texte":
        return None, ()
    if entry.date_basis == "déduit":  # the year the article does not give is marked here too
        said = f"{said}, déduit"
    return Para(
        f"Les articles ne donnent pas de date précise : ils disent « {words} » ({said}).",
        "note",
    ), about


VERB_ENDING = re.compile(r"(?:é|ée|és|ées|ee|ees|er|ir|ait|aient|ent|u|ue|ues|(?<!s)us|ie|ies)$")
"""A participle, an infinitive or a conjugated verb, as typed (accents or not): an act a
sentence may put in other words (« donne appui » for « fournissant un appui »). Nouns that
end so (« armée », « dossier ») are left out too: that only makes « absent » rarer."""


VERB_LETTERS = 5
"""Shortest verb form read as one (« vu », « dit » are too short to tell)."""


def verb_form(word: str) -> bool:
    """True for a participle, an infinitive or a conjugated verb (``VERB_ENDING``)."""
    return bool(VERB_ENDING.search(word)) and len(word) >= VERB_LETTERS


def all_key_words_unsaid(
    index: Index,
    question: str,
    unsaid: list[str],
    skip: frozenset[str] = frozenset(),
    today: date | None = None,
) -> bool:
    """True when every key word of ``question`` (a content word that no reader takes for an
    actor, a date or an act: what the question asks of them) is one no article holds.
    Then what is asked is absent from the articles, not only a word of it: the answer can say
    so first. False as soon as one key word is in the articles, a theme or a kind included
    (« budget de l'Azerbaïdjan ? » says « budget » absent on top; « les armes azéris viennent
    d'où ? » does not, « armes » is there)."""
    from bot.engine.filters import read_filter

    absent = {fold(word) for word in unsaid}
    if not absent or all(verb_form(word) for word in absent):
        return False  # « pourquoi Téhéran se méfie de Bakou ? »: an act or a feeling the
        # articles put in other words (« craint »); said in the « Compris » line only
    for word in dict.fromkeys(index.tokens(question)):
        if word in absent:
            continue
        if not_a_key_word(word, skip) or _little_word_typo(word):
            continue
        reading = read_filter(index, word, today)
        wanted = reading.filter
        if reading.understood() and not (wanted.topics or wanted.kinds):
            continue  # an actor, a date, an act: whom and when it is about, not what is asked
        return False  # a key word the articles hold (a theme or a kind is one)
    return True


def absent_para(index: Index, words: tuple[str, ...], nearest: bool = True) -> Para:
    """The opening line of an answer whose key words no article holds: said plainly, with what
    was searched, before the nearest entries."""
    named = " ni ".join(f"« {word} »" for word in words)
    searched = ", ".join(f"« {word} »" for word in words)
    total = count(len(index.base.seeds), "article")
    return Para(
        f"Les articles ne mentionnent pas {named} : j'ai cherché {searched} dans leur texte "
        f"intégral ({total}), sans le trouver.{' Au plus proche :' if nearest else ''}",
        "note",
    )


def not_a_key_word(word: str, skip: frozenset[str], shortest: int = SHORTEST) -> bool:
    """Too short (under ``shortest`` letters), a number, a stop word, a word that names the
    kind of answer (« quand », « combien »), conversational filler (``discourse``: « passons »,
    « crois », « juste »), or one the caller reads otherwise: never said
    absent (here), never searched as an asked concept (``asked_absent``)."""
    return (
        len(word) < shortest
        or any(ch.isdigit() for ch in word)
        or is_stop(word)
        or word in ANSWER_KIND_WORDS
        or is_filler(word)
        or word in skip
    )


_DESIGNATION = re.compile(r"(?<![\w+])(\d{1,2})\s*\+\s*(\d{1,2})(?![\w+])")
"""A format named by its numbers (« le format 3+3 », « 5+1 »)."""


def absent_designations(index: Index, question: str) -> list[str]:
    """The designations by numbers of ``question`` (« 3+3 ») that no article writes, spaces
    aside: what is named is absent, whatever its other words (« format ») are found with."""
    found = [f"{a}+{b}" for a, b in _DESIGNATION.findall(question)]
    if not found:  # most questions: the squeezed texts (2 s to fold at ×1000) never built
        return []
    table: dict[str, str] = index.memo("unsaid squeezed seeds", dict)
    if not table:
        table.update({k: re.sub(r"\s+", "", fold(t)) for k, t in index.base.seeds.items()})
    return [word for word in dict.fromkeys(found) if not any(word in t for t in table.values())]
