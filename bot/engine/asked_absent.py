"""A yes/no question whose asked thing no sentence of the articles holds: « Aucune phrase des
articles … ne réunit « a », « b » et « c » : ils peuvent le dire en d'autres mots. Au plus
proche : » on top, then the nearest passages; when one sentence holds it all and the answer
quotes none, that sentence on top (issue 22, classes 1 to 3).

The line says what was verified — no sentence holds these words together — never « the
articles do not say it »: words are not meaning, and an outside reader found « Lukoil
arrête-t-il ses livraisons par Bakou ? » answered « Les articles ne le disent pas » over
« Lukoil cessera de fournir du pétrole à l'Azerbaïdjan » (7 December). The nearest passages,
right under it, let the reader judge.

« la Russie a encore une base militaire en Azerbaïdjan ? », « l'Azerbaïdjan a-t-il demandé à
devenir membre de l'OTAN ? »: each word is in the articles, so no word is « absent », yet no
article says it. The asked thing is the question's concepts taken together — each actor named
(by any of its names or demonyms, or an organisation of that country) and each content word (by
its stem's first letters, so « importe » finds « importations »). The full text of every article
is cut into sentences; when no sentence holds every concept, the answer opens by saying so and
names the words searched. Never a false « absent »:

- only for yes/no questions, whose asked thing is the whole question, and only when at least two
  concepts are searched (one word alone is always somewhere);
- a word no article holds (« stop », a typo, a synonym) is left out of the search: a sentence may
  say it in other words, so its absence alone proves nothing (``unsaid`` reports it as a word);
- an actor named in every article (the base's subject) is left out: its sentences call it « le
  pays » or « la république »; dates are left out (the article's own date stands for them);
- words only asking (question words, « vraiment », « encore », « exactement ») are left out;
- words match generously: a sentence holding a word that starts like the asked one counts, so
  the search errs towards « found », never towards « absent »;
- an answer that already gives a verdict (« Oui », « Pas d'après les articles », « Les articles
  ne … ») is left as it is.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date

from bot.content.model import Agreement
from bot.dates import MONTHS_FR
from bot.engine.french import folded_stem
from bot.engine.index import Index
from bot.engine.reply import Para, Quote, Reply, texts
from bot.engine.unsaid import not_a_key_word, verb_form
from bot.engine.verdicts import VERDICT_OPENINGS
from bot.engine.yesno import ASKING as _ASKING
from bot.text import count, fold

_SENTENCE = re.compile(r"(?<=[.!?…;])\s+|\n+")
_WORD = re.compile(r"[a-z0-9]+")
_LETTERS = re.compile(r"[^\W\d_]+")
PREFIX = 5
"""Letters of a stem that a sentence's word must start with (fewer for short stems)."""
SHORTEST = 3
"""Shorter words are never searched (« vu », « a »)."""
FILLERS = frozenset(
    " ".join(
        (
            "oui non vrai faux ou pas bien alors donc aussi encore deja toujours jamais vraiment",
            "reellement effectivement exactement precisement officiellement officiel officielle",
            "officiels officielles actuellement maintenant aujourd hui desormais enfin chose",
            "choses quelque quelqu quoi qui que quand comment pourquoi combien quel quelle",
            "quels quelles lequel laquelle lesquels lesquelles est ce cela ca il elle ils elles",
            "etait etaient sera seront serait ete avait avaient eu fait font faire",
            "selon article articles presse journal dit disent dans avec pour sans sous chez vers",
            "comme entre aupres depuis pendant lors egalement seulement agit agir existe",
            "existent constitue constituent matiere niveau exemple formellement genre vraie",
            "va vont veut veulent peut peuvent doit doivent faut analyse analyses texte textes",
            "source sources pense pensent position positions avis reaction reactions reagit",
            "reagissent voit voient juge jugent percoit",
            # participles typed without accents (« signe par trump »), never searched as verbs
            "signe signes propose proposes annonce annonces decide decides approuve approuves",
            "adopte adoptes valide valides conclu conclus",
            # a date's qualifier (« fin 2025 », « début octobre »): the date is no word either
            "fin debut mi courant",
            # how far a text runs (« le plan court jusqu'en 2030 ? »): its period is what is asked
            "court courent couvre couvrent dure durent etend etendent",
            # « à part ça, … ensemble ? »: besides, together — how an act is shared, said in
            # many ways (« conjoint », « commun », « avec »), never a concept to find
            "part ensemble",
        )
    ).split()
)
"""Words that ask, hedge or point rather than name what is asked: never searched."""


@dataclass(frozen=True, slots=True)
class Sentences:
    """Every sentence of the articles, as posting lists: seed stem → sentence numbers."""

    stems: tuple[str, ...]
    """Every stem of the articles, sorted (for prefix look-ups)."""
    postings: dict[str, frozenset[int]]
    folded: tuple[str, ...]
    """Each sentence folded, padded with spaces (for actor names of several words)."""
    articles: tuple[str, ...]
    """The source id of each passage of an article; "" for an entry's."""
    origins: tuple[tuple[str, str], ...]
    """The first passages' source id and verbatim sentence (the articles'); past them, the
    entries' passages, which are no article's words."""
    proper: frozenset[str]
    """The words (folded) the articles always write with a capital, sentence starts aside:
    names of people and places (« Aliyev », « Vance »), which their sentences often replace
    by a title or a pronoun, so never a concept to search."""


def _sentences(index: Index) -> Sentences:
    def build() -> Sentences:
        postings: dict[str, set[int]] = defaultdict(set)
        folded: list[str] = []
        stems: dict[str, str] = {}
        capital: set[str] = set()
        lower: set[str] = set()
        origins = [
            (source_id, sentence.strip())
            for source_id, text in index.base.seeds.items()
            for sentence in _SENTENCE.split(text)
            if fold(sentence).strip()
        ]
        for _, sentence in origins:  # names: always capitalised, sentence starts aside
            first, *rest = _LETTERS.findall(sentence) or [""]
            for word in rest:
                (lower if word[:1].islower() else capital).add(word)
            if first[:1].islower():
                lower.add(first)
        passages = [sentence for _, sentence in origins]
        passages.extend(_entry_texts(index))
        for passage in passages:
            number = len(folded)
            words = _WORD.findall(fold(passage))
            folded.append(f" {' '.join(words)} ")
            for word in set(words):
                stem = stems.get(word)
                if stem is None:
                    stem = stems[word] = folded_stem(word)
                postings[stem].add(number)
        names = {fold(word) for word in capital} - {fold(word) for word in lower}
        return Sentences(
            tuple(sorted(postings)),
            {stem: frozenset(numbers) for stem, numbers in postings.items()},
            tuple(folded),
            tuple([source_id for source_id, _ in origins] + [""] * (len(folded) - len(origins))),
            tuple(origins),
            frozenset(names),
        )

    return index.memo("asked_absent sentences", build)


def _entry_texts(index: Index) -> list[str]:
    """Each entry and actor of the base as one passage: what the curators read in the articles
    (its summary, title, quotes, role) with the names of every actor it ties, so that a fact
    the articles spread over sentences (« cette organisation … la Hongrie ») is found."""
    base = index.base
    texts: list[str] = []

    def names(ids: tuple[str, ...]) -> str:
        return " ".join(base.actors[i].name for i in ids if i in base.actors)

    for entry in base.entries():
        ids: tuple[str, ...] = ()
        title = ""
        if isinstance(entry, Agreement):
            ids = (*entry.parties, *entry.mediators, *entry.related)
            title = entry.title
        else:
            ids = tuple(entry.actors)
        quotes = " ".join(item.quote for item in entry.evidence)
        texts.append(f"{title} {entry.summary} {entry.label or ''} {quotes} {names(ids)}")
    for actor in base.actors.values():
        quotes = " ".join(item.quote for item in actor.evidence)
        ties = (*actor.members, *actor.observers, *((actor.country,) if actor.country else ()))
        texts.append(f"{actor.name} {actor.role or ''} {quotes} {names(ties)}")
    return texts


def _prefix(stem: str, word: str) -> str:
    """What a sentence's stem must start with to hold the word: its first letters, one fewer
    than the stem (« adhes » → « adhe », so « adhérer » counts), at most ``PREFIX``; for a
    stem of three letters, the word's own first four (« base » is not the « bas » of
    « Pays-Bas »)."""
    if len(stem) <= SHORTEST:
        return word[: SHORTEST + 1]
    return stem[: min(PREFIX, max(SHORTEST + 1, len(stem) - 1))]


def _word_sentences(index: Index, table: Sentences, word: str) -> frozenset[int]:
    """The sentences holding a word whose stem starts with the prefix of ``word``'s stem, or
    whose stem (of four letters or more) starts it (« signé » for « signature »); built once
    per word and index."""

    def build() -> frozenset[int]:
        stem = folded_stem(word)
        start = _prefix(stem, word)
        found: set[int] = set()
        for size in range(SHORTEST + 1, len(stem)):
            found |= table.postings.get(stem[:size], frozenset())
        at = bisect_left(table.stems, start)
        while at < len(table.stems) and table.stems[at].startswith(start):
            found |= table.postings[table.stems[at]]
            at += 1
        return frozenset(found)

    return index.memo(f"asked_absent word {word}", build)


def _actor_names(index: Index, actor_id: str) -> list[str]:
    """Every folded name and demonym of the actor and of the organisations of its country."""
    names: list[str] = []
    for actor in index.base.actors.values():
        if actor.id == actor_id or actor.country == actor_id:
            for name in (*actor.names(), *actor.demonyms):
                folded = " ".join(_WORD.findall(fold(name)))
                if folded:
                    names.append(folded)
    return names


def _actor_sentences(index: Index, table: Sentences, actor_id: str) -> frozenset[int]:
    """The passages naming the actor, built once per actor and index."""

    def build() -> frozenset[int]:
        names = [f" {name}" for name in _actor_names(index, actor_id)]
        return frozenset(
            number
            for number, sentence in enumerate(table.folded)
            if any(name in sentence for name in names)  # a name's start: « russes »
        )

    return index.memo(f"asked_absent actor {actor_id}", build)


def _in_every_article(index: Index, actor_id: str) -> bool:
    """True when every article names the actor: it is the base's subject."""
    table = _sentences(index)
    named = {table.articles[n] for n in _actor_sentences(index, table, actor_id)}
    return set(index.base.seeds) <= named


@dataclass(frozen=True, slots=True)
class Searched:
    """What was searched for a question, and whether one sentence holds it all."""

    said: tuple[str, ...]
    """The concepts searched, as the user wrote or the base names them."""
    found: bool
    holding: tuple[int, ...] = ()
    """The sentences of the articles holding every concept, each alone (numbers of
    ``Sentences.origins``)."""


MOST_TEXT = 5_000_000
"""Characters of articles past which the sentence table is not built (over 200 times the
five shipped articles): its memory and its one-time build (seconds) would outweigh it, so a
base that large concludes nothing here — never a doubtful « absent »."""


def _too_large(index: Index) -> bool:
    total = index.memo(
        "asked_absent text size", lambda: sum(len(text) for text in index.base.seeds.values())
    )
    return total > MOST_TEXT


def search_asked(index: Index, question: str, today: date | None = None) -> Searched | None:
    """The question's concepts and whether one sentence of the articles holds them all; None
    when fewer than two concepts are left to search (nothing can be concluded). A question of
    alternatives (« signé ou encore en projet ? ») is searched one alternative at a time, each
    with the actors of the whole question: one found is enough, and one that cannot be
    concluded on makes the whole inconclusive."""
    if _too_large(index):
        return None
    plain = re.sub(r"\bou (?:pas|non)\b", " ", question, flags=re.IGNORECASE)
    parts = re.split(r"\s(?:ou|or)\s", plain, flags=re.IGNORECASE)
    if len(parts) == 1:
        return _search_one(index, question, question, today)
    said: list[str] = []
    for part in parts:
        one = _search_one(index, question, part, today)
        if one is None or one.found:
            return one
        said.extend(word for word in one.said if word not in said)
    return Searched(tuple(said), False)


def _search_one(index: Index, question: str, part: str, today: date | None) -> Searched | None:
    """``search_asked`` of one alternative ``part`` of ``question``."""
    from bot.engine.filters import read_filter  # it imports the index too

    table = _sentences(index)
    reading = read_filter(index, question, today)
    actors = [
        actor_id
        for actor_id in reading.filter.actors
        if actor_id in index.base.actors and not _in_every_article(index, actor_id)
    ]
    named = {
        word
        for actor_id in reading.filter.actors
        if actor_id in index.base.actors
        for name in _actor_names(index, actor_id)
        for word in name.split()
    }
    said: list[str] = [index.base.actors[actor_id].name for actor_id in actors]
    sets = [_actor_sentences(index, table, actor_id) for actor_id in actors]
    raw = {fold(word): word.casefold() for word in re.findall(r"[^\W\d_]+", part)}
    aside = {m.group(m.lastindex or 0) for m in _SPEAKER_OR_DATE.finditer(fold(part))}
    for word in dict.fromkeys(_WORD.findall(fold(part))):
        if word in aside:
            continue  # « je cherche un angle », « fin novembre »: the talk, or a date's word
        if not_a_key_word(word, FILLERS | named, SHORTEST) or folded_stem(word) in {
            folded_stem(name) for name in named
        }:
            continue
        if verb_form(raw.get(word, word)):
            continue  # « signé », « adoptée », « devenir »: said in many ways, never searched
        if word in table.proper:
            continue  # « Aliyev » is « le président azéri » in the next sentence
        one = read_filter(index, word, today)
        if one.filter.actors or one.filter.start or one.filter.end:
            continue  # an actor named otherwise (fuzzy) or a date: not a word to search
        found = _word_sentences(index, table, word)
        if not found:
            continue  # a word no article holds proves nothing alone (a synonym may say it)
        said.append(raw.get(word, word))
        sets.append(found)
    if len(sets) < 2:
        return None
    holds, holding = _evaluate(table, sets)
    return Searched(tuple(said), holds, holding)


_SPEAKER_OR_DATE = re.compile(
    r"\b(?:je|j|tu|vous|on) (?:(?:ne|n|me|m|te|t|le|l|la|les|vous|nous) )*([a-z]+)"
    r"|\b(fin|debut|mi|courant|milieu) (?:de |d )?(?:(?:19|20)\d\d|"
    + "|".join(fold(month) for month in MONTHS_FR)
    + r")\b"
    r"|\b(?:articles?|textes?|sources?|papiers?) (?:\w+ )?(parl\w*|evoqu\w*|mention\w*|cit\w*)"
)
"""Words never searched as the asked thing (issue 22, tenth blind set): the verb of the
speaker or the one addressed (« je cherche un angle », « tu confirmes »: the conversation,
not its subject), the articles' own verb (« l'un des articles parle de … ») and the word
placing a date (« fin novembre », « début 2025 »: the date is left out, so is its
qualifier). Leaving a word out only makes « absent » rarer."""


MOST_CANDIDATES = 3000
"""Passages of the rarest concept read at most: past that, every concept is so common that
nothing is concluded (the search counts as found: never a doubtful « absent »)."""


def _evaluate(table: Sentences, sets: list[frozenset[int]]) -> tuple[bool, tuple[int, ...]]:
    """Whether two sentences in a row of one article (or one entry) hold every concept but
    the few tolerated — one word in three may be said in other words (« donne appui » for
    « fournissant un appui »), never the rarest one (« base » in « une base militaire
    américaine ? »: what is asked) —, and the article sentences holding every concept alone.
    Only the passages of the rarest concept and their neighbours are read."""
    rarest = min(sets, key=len)
    if len(rarest) > MOST_CANDIDATES:
        return True, ()
    tolerated = (len(sets) - 1) // 3
    articles = table.articles
    last = len(articles) - 1
    found = False
    holding: list[int] = []
    for n in sorted(rarest):
        if n < len(table.origins) and all(n in one for one in sets):
            holding.append(n)
        if found:
            continue
        for m in (n - 1, n):
            paired = 0 <= m < last and bool(articles[m]) and articles[m] == articles[m + 1]
            if m != n and not paired:
                continue
            pair = (m, m + 1) if paired else (m,)
            held = sum(1 for one in sets if any(p in one for p in pair))
            if held >= len(sets) - tolerated:
                found = True
                break
    return found, tuple(holding)


LONGEST = 400
"""Longest sentence of an article put on top of an answer (a phone shows it whole)."""
SCREEN = 1000
"""Visible characters the answer may reach with that sentence on top (the rule is 1,200)."""
FEWEST_WORDS = 6
"""A shorter « sentence » is a heading or a dateline, no answer."""


def answering_sentence_on_top(
    index: Index, reply: Reply, question: str, today: date | None = None
) -> Reply:
    """``reply`` to the yes/no ``question`` with, under its reading line, the sentence of the
    articles that holds every concept asked (« Bakou importe-t-il encore du pétrole russe ? »:
    « … a arrêté ses importations de pétrole russe »), verbatim with its source, when no quote
    of the answer holds it: the quote on top answers the question, not a neighbour of it.
    Unchanged when a verdict is said, when no single sentence holds it all, when a quote shown
    holds it, or when it would not fit the first screen. The « Oui » rule (``yes_on_top``)
    then reads it like any quote."""
    from bot.engine.cards import visible
    from bot.engine.common import attribution

    blocks = reply.blocks
    if not reply.found or any(
        isinstance(block, Para) and block.text.startswith(VERDICT_OPENINGS) for block in blocks
    ):
        return reply
    searched = search_asked(index, question, today)
    if searched is None or not searched.holding:
        return reply
    table = _sentences(index)
    shown = [fold(text) for block in blocks for text in texts(block) if not isinstance(block, Para)]
    candidates = []
    for number in searched.holding:
        source_id, sentence = table.origins[number]
        folded = fold(sentence)
        if any(folded in quote or quote in folded for quote in shown if quote):
            return reply  # the answer already quotes it
        if len(sentence) <= LONGEST and len(sentence.split()) >= FEWEST_WORDS:
            candidates.append((len(sentence), number, source_id, sentence))
    if not candidates:
        return reply
    _, _, source_id, sentence = min(candidates)
    source = index.base.sources.get(source_id)
    if source is None:
        return reply
    quote = Quote(sentence, attribution(source), source_id, open=True)
    at = 1 if blocks and isinstance(blocks[0], Para) and blocks[0].text.startswith("Compris") else 0
    rest = tuple(
        Para("Aussi, d'après l'article :", "note")
        if isinstance(block, Para) and block.text == "D'après l'article :"
        else block
        for block in blocks[at:]
    )
    new = (*blocks[:at], Para("D'après l'article :", "note"), quote, *rest)
    if visible(new) > SCREEN:
        return reply
    return replace(reply, blocks=new, fold_quotes=False)


_OR_NOT = re.compile(r"\bou (?:pas|non)\s*[?!.]*\s*$", re.IGNORECASE)


_HAS = re.compile(
    r"(?<![\w'’-])(?:a|ont) (?:un|une|des|encore|toujours|deja|déjà|bien|vraiment)(?![\w'’-])",
    re.IGNORECASE,
)
"""« la Russie a encore une base … ? »: « avoir » before a determiner or an adverb, a verb the
yes/no reader (``yesno.asked_as_statement``) does not take « a » for without a participle."""


def asks_or_not(text: str) -> bool:
    """True for a question ending « … ou pas ? » (« il a des garde-côtes ou pas ? »), or put
    as a statement with « avoir » (« la Russie a une base … ? ») and no question word: yes or
    no, whatever its verb."""
    stripped = text.strip()
    lowered = stripped.casefold().replace("’", "'")
    if _ASKING.search(lowered):
        return False  # « c'était quand, … ou pas ? » asks when
    return bool(_OR_NOT.search(stripped)) or (
        stripped.endswith("?") and bool(_HAS.search(stripped))
    )


def _listed(words: tuple[str, ...]) -> str:
    quoted = [f"« {word} »" for word in words]
    return quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} et {quoted[-1]}"


_STANCE = re.compile(
    r"\b(?:que|qu'en|qu en) (?:pense|pensent|dit|disent)\b"
    r"(?! (?:l'|le |la |les |cet |cette |ces )?(?:article|texte|source|presse|auteur|journal)s?\b)"
    r"|\bpositions?\b|\bavis\b"
    r"|\bcomment (?:voit|voient|juge|jugent|percoit|perçoit|reagit|réagit|reagissent|réagissent)\b",
    re.IGNORECASE,
)
"""An actor's stance asked (« que pense Moscou de … ? », « la position de l'Iran sur … »);
not « la réaction du Kremlin », often the subject of another question (« quel lien entre … »),
nor what the article itself says (« Que dit l'article de l'évolution de la Géorgie … ? »: an
open question, whose words no sentence need join)."""


def asks_stance(question: str) -> bool:
    """True when ``question`` asks what an actor thinks or says of something: like a yes/no
    question, its asked thing is the whole question (the actor with the subject), so a full
    text that never joins them is said first (« Aucune phrase … ne réunit »)."""
    return bool(_STANCE.search(question.replace("’", "'")))


MOST_SAID = 5
"""Most concepts a « Aucune phrase … ne réunit » line names: past that, a long question's
words rarely meet in one sentence whatever the articles say, and the line read as « not
found » above a passage that answers (issue 22, tenth blind set: eight words listed over « un
dialogue stratégique régulier entre les ministères »)."""


_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=\S)")


def asking_part(question: str) -> str:
    """The sentences of ``question`` that ask (ending with « ? ») when a statement comes before
    them: « Sur la cybercriminalité, le forum s'était contenté de grandes déclarations. Est-ce
    qu'un texte a été adopté ? » asks only the second (the first is what the asker heard, and
    no sentence of the articles need hold its words); the whole ``question`` otherwise."""
    parts = [part for part in _SENTENCE_END.split(question.strip()) if part]
    asking = [part for part in parts if part.rstrip().endswith("?")]
    if not asking or len(asking) == len(parts):
        return question
    return " ".join(asking)


def absent_asked(index: Index, reply: Reply, question: str, today: date | None = None) -> Reply:
    """``reply`` to the yes/no ``question`` opened by « Aucune phrase des articles … ne réunit
    « a », « b » et « c » : ils peuvent le dire en d'autres mots. Au plus proche : » when no
    sentence of the articles holds every concept asked (``search_asked``); unchanged
    otherwise."""
    opened = (b.text for b in reply.blocks if isinstance(b, Para))
    if any(text.startswith(VERDICT_OPENINGS) for text in opened):
        return reply
    searched = search_asked(index, asking_part(question), today)
    if searched is None or searched.found or len(searched.said) > MOST_SAID:
        return reply
    total = count(len(index.base.seeds), "article")
    nearest = " Au plus proche :" if reply.found else ""
    line = Para(
        f"Aucune phrase des articles (texte intégral, {total}) ne réunit "
        f"{_listed(searched.said)} : ils peuvent le dire en d'autres mots.{nearest}",
        "note",
    )
    return replace(reply, blocks=(line, *reply.blocks))
