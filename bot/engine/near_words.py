"""Near synonyms a reader uses for what the articles name otherwise: « oléoduc » asked where
they write « pipeline ». A word of the question that no article holds, whose near synonym one
does, is read as that synonym (and said so in the « Compris » line), so that the search finds
the passage on it instead of one that only shares the question's little words.

Only a word absent from every article is replaced: when the articles hold it, it is searched as
asked.
"""

from __future__ import annotations

import re
from collections import Counter

from bot.engine.french import is_stop, stem, words
from bot.engine.index import Index
from bot.engine.passage import question_verbs
from bot.engine.seedtext import seed_holds
from bot.text import fold

NEAR: dict[str, tuple[str, ...]] = {
    "oleoduc": ("pipeline",),
    "oleoducs": ("pipeline",),
    "pipeline": ("oleoduc",),
    "pipelines": ("oleoduc",),
    "tanker": ("petrolier",),
    "tankers": ("petrolier",),
    "petrolier": ("tanker",),
    "petroliers": ("tanker",),
    "bosser": ("travailler",),
    "bosse": ("travailler",),
    "bossent": ("travailler",),
    "bossera": ("travailler",),
    "bosseront": ("travailler",),
    # adopting, validating, endorsing a text is approving it (« la feuille de route … a été
    # approuvée »): asked « adopté », « validé », the forum's roadmap answers
    # (« ratifié » is not: a ratification is another act, said absent when no article has it)
    **{
        f"{stem}{end}": ("approuvée", "approuvé")
        for stem in ("adopt", "valid", "enterin")
        for end in ("e", "ee", "es", "ees", "er")
    },
    # a stance: « qui s'oppose / bloque / freine ? » asks who is against (« Moscou et Téhéran
    # sont arqueboutés contre ce projet »), « qui soutient ? » who is for it (« soutenu par »)
    **{
        f"{stem}{end}": ("contre",)
        for stem in ("oppos", "bloqu", "frein")
        for end in ("e", "ent", "es", "er", "ee", "ees", "ait", "aient")
    },
    **{f"{word}": ("soutenu",) for word in ("soutient", "soutiennent", "soutenir", "appuie")},
    # beginning: « a commencé / démarré avec l'OTAN » is what the articles put as « ont débuté
    # en 1992 » (« le début de la coopération » also, but « début octobre » is a date: the verb
    # first), never the latest exercise found on the question's other words
    **{
        f"{stem}{end}": ("débuté", "débutée", "débutés")
        for stem in ("commenc", "demarr")
        for end in ("e", "ee", "es", "ees", "er", "ent", "ait", "aient")
    },
    # a country's arsenal is its weapons (« La grande majorité des armements azéris … »)
    "arsenal": ("armements", "armement", "armes", "matériels", "matériel"),
    "arsenaux": ("armements", "armement", "armes", "matériels", "matériel"),
    "matos": ("matériel",),  # familiar for « matériel » (« du matériel israélien »)
    "stop": ("arrêté",),
    "stoppe": ("arrêté",),
    "stopper": ("arrêté",),
    "stoppee": ("arrêté",),
    "stoppes": ("arrêté",),
    "stoppees": ("arrêté",),
}
"""Folded word → the words the articles may use for the same thing, nearest first (« stoppé »
is « arrêté »). Only words that name the same thing or act: a gas pipeline (« gazoduc ») is
not an oil pipeline, so it is never read as « pipeline » or « oléoduc » (an outside reader saw
« gazoduc » answered with Lukoil's oil pipeline to Novorossiysk)."""

_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def with_near_words(index: Index, text: str) -> tuple[str, tuple[tuple[str, str], ...]]:
    """``text`` with each word no article holds replaced by its first near synonym that one
    does, and the pairs (word asked, word read) replaced; ``text`` unchanged and () when
    there is none."""
    read: list[tuple[str, str]] = []

    def swap(match: re.Match[str]) -> str:
        word = match.group(0)
        near = NEAR.get(fold(word))
        if not near or seed_holds(index, word):
            return word
        held = next((other for other in near if seed_holds(index, other)), None)
        if held is None or not _used_so(index, held, _others(index, text, word)):
            return word
        read.append((word, held))
        return held

    changed = _WORD.sub(swap, text)
    return (changed, tuple(read)) if read else (text, ())


_SENTENCE = re.compile(r"(?<=[.!?…])\s+|\n+")
SHORTEST_OTHER = 4
"""Shorter words of the question (« UE », « va ») never show the sense a synonym is used in."""


def _others(index: Index, text: str, word: str) -> frozenset[str]:
    """The stems of ``text``'s other content words that show a sense: no stop word, nor
    ``word`` itself, nor the noun a question word asks (« quelles raisons », « quelle
    année »), nor a word of more than one sentence in ten (« Azerbaïdjan »)."""
    mine = stem(word)
    asked = {stem(m.group(1) or m.group(2)) for m in _ASKED_NOUN.finditer(text.casefold())}
    verbs = {stem(v) for v in question_verbs(text)} | {
        stem(m.group(1)) for m in _INFINITIVE.finditer(fold(text))
    }
    common = _common_stems(index)
    return frozenset(
        stem(other)
        for whole in words(text)
        for other in whole.split("-")  # « a-t-il », « est-il »: no word of sense
        if len(other) >= SHORTEST_OTHER
        and stem(other) not in verbs
        and not is_stop(other)
        and stem(other) not in (mine, *asked)
        and stem(other) not in common
        and fold(other) not in NEAR
    )


_INFINITIVE = re.compile(r"\b(?:a|de|d')\s*([a-z]{3,}(?:er|ir|re))\b")
"""« a commencé à travailler avec … »: a verb after « à » or « de », no word of sense."""
_ASKED_NOUN = re.compile(r"\bquel(?:le)?s?\s+(\w+)|\bcombien\s+d[e']\s*(\w+)")
COMMON_SHARE = 0.1
"""A stem in more than this share of the articles' sentences shows no sense (« Azerbaïdjan »)."""


def _sentences(index: Index) -> tuple[frozenset[str], ...]:
    """The stems of each sentence of the articles, in order."""
    return tuple(stems for stems, _ in _sourced(index))


def _sourced(index: Index) -> tuple[tuple[frozenset[str], str], ...]:
    """The stems of each sentence of the articles, in order, with its source's id."""

    def build() -> tuple[tuple[frozenset[str], str], ...]:
        return tuple(
            (frozenset(stem(w) for w in words(sentence)), source)
            for source, text in index.base.seeds.items()
            for sentence in _SENTENCE.split(text)
            if sentence.strip()
        )

    return index.unkept("near words sentences", build)


def _titled(index: Index, source: str) -> frozenset[str]:
    """The stems of the words of a source's label and title that name no actor (« Forum de
    Bakou 2025 »: « forum »): what every sentence of that article is about."""
    found = index.base.sources.get(source)
    text = f"{getattr(found, 'label', '')} {getattr(found, 'title', '') or ''}"
    return frozenset(
        stem(word)
        for word in words(text)
        if not is_stop(word) and index.names.find_actor(word, fuzzy=False) is None
    )


def _common_stems(index: Index) -> frozenset[str]:
    """The stems of more than ``COMMON_SHARE`` of the articles' sentences."""

    def build() -> frozenset[str]:
        sentences = _sentences(index)
        counts = Counter(s for stems in sentences for s in stems)
        return frozenset(s for s, n in counts.items() if n > COMMON_SHARE * len(sentences))

    return index.unkept("near words common stems", build)


def _used_so(index: Index, held: str, others: frozenset[str]) -> bool:
    """True when an article writes ``held`` in a sentence that, with the sentences on either
    side and its article's label or title (but actors' names), holds another content word of
    the question (« le forum a-t-il adopté un document ? »: « approuvée » in the forum's
    article): « s'est opposé à la proposition … de
    manœuvres » is not read « contre » when the articles write « contre » only of other
    subjects (Moscow and Tehran against the corridor, named the sentence before: outside
    readers of the fourteenth blind set, AC48). A question with no other content word takes
    the synonym as it is."""
    if not others:
        return True
    wanted = stem(held)
    sourced = _sourced(index)
    for at, (stems, source) in enumerate(sourced):
        if wanted in stems:
            near = [around for around, _ in sourced[max(0, at - 1) : at + 2]]
            if any(_shares(others, around) for around in (*near, _titled(index, source))):
                return True
    return False


def _shares(others: frozenset[str], stems: frozenset[str]) -> bool:
    """True when a sentence's ``stems`` hold one of ``others``, or a word it starts (« cyber »
    for « cyberattaques »)."""
    return bool(others & stems) or any(s.startswith(o) for o in others for s in stems)


def read_as(pairs: tuple[tuple[str, str], ...]) -> str:
    """For the « Compris » line: « « oléoduc » lu « pipeline », le mot employé par les
    articles »."""
    return " ; ".join(
        f"« {asked} » lu « {held} », le mot employé par les articles" for asked, held in pairs
    )
