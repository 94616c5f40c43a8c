"""The « Compris » line of a question answered by a search: what it asks, then the subject
words that steer the answer, in the question's own spelling and grouped as it puts them
(« Compris : « qui ? » — présidé forum Bakou », « Compris : « quels domaines ? » — accord
🇺🇸 États-Unis, volet technologique »), never the folded words the index compares nor the
conversation around them (« on m'a dit », « je crois »: ``discourse``)."""

from __future__ import annotations

import re

from bot.engine.discourse import is_filler
from bot.engine.french import is_stop
from bot.engine.index import Index
from bot.engine.passage import asked_type
from bot.engine.premise import periods_spoken
from bot.engine.unsaid import ANSWER_KIND_WORDS
from bot.text import fold

ASKED = {"qui": "qui", "quand": "quand", "ou": "où", "combien": "combien", "media": "quel média"}
"""What a question of each type asks, as the reading line says it."""
_WORD = re.compile(r"[\w’'-]+")
_PRONOUN = re.compile(r"-(?:t-)?(?:il|elle|ils|elles|on|vous|nous|je|tu)$", re.IGNORECASE)
"""« prévoit-il », « Pourriez-vous »: the verb without its pronoun."""
_ELISION = re.compile(r"^(?:[ldjmnst]|qu|jusqu|lorsqu|puisqu)['’]", re.IGNORECASE)


def spelled(index: Index, question: str, words: str) -> str:
    """``words`` (folded search words) each in the spelling the question gives it (accents,
    capitals, « Royaume-Uni » once for « royaume uni », « prévoit » for « prévoit-il »); an
    actor's code carried over from the previous question (« az ») is said by its name; any
    other word the question does not hold as such stays as searched."""
    typed = [_PRONOUN.sub("", _ELISION.sub("", word)) for word in _WORD.findall(question)]
    if typed and typed[0][1:].islower():  # capitalised only as the sentence's first word
        typed[0] = typed[0].lower()
    actors = index.base.actors
    shown: list[str] = []
    for word in words.split():
        original = next((t for t in typed if word in index.tokens(t)), "")
        code = word.upper()
        if code in actors and original in ("", code):  # an actor's code (« AZ »): its name
            original = actors[code].name
        original = original or word
        if not shown or shown[-1] != original:
            shown.append(original)
    return " ".join(shown)


MOST_SUBJECT_WORDS = 6
"""Most subject words a « Compris » line names (the rarest in the articles, actors always)."""


def _actor_said(index: Index, said: str) -> str | None:
    """An actor named by ``said`` (an exact name, alias or code) with its flag, in the
    question's words (« 🇺🇸 USA », « 🇦🇿 Bakou »); a code by the actor's name."""
    match = index.names.find_actor(said, fuzzy=False)
    if match is None or not match.exact:
        return None
    actor = match.actor
    shown = actor.name if said.upper() == actor.id or fold(said) == fold(actor.name) else said
    return f"{actor.flag} {shown}" if actor.flag else shown


def subject_words(
    index: Index, question: str, words: str, aside: frozenset[str] = frozenset()
) -> list[str]:
    """The folded search words that steer the answer: an actor's code, or a word the
    articles' index holds that is no conversational filler (``discourse``), no word naming
    only the kind of answer (« date », « nom ») and none of ``aside`` (the folded words of a
    clause off the subject: « mon collègue écrit que … », ``questions.off_subject_words``)."""
    actors = index.base.actors
    kept: list[str] = []
    for word in dict.fromkeys(words.split()):
        if word.upper() in actors:
            kept.append(word)
            continue
        if is_stop(word) or is_filler(word) or word in ANSWER_KIND_WORDS:
            continue
        if not index.fulltext.expand_word(word):
            continue  # no entry holds it: said among the words without effect, if at all
        if word not in aside:
            kept.append(word)
    if len(kept) > MOST_SUBJECT_WORDS:
        postings = index.fulltext.postings
        rare = sorted(
            (w for w in kept if w.upper() not in actors), key=lambda w: len(postings.get(w, ()))
        )
        room = MOST_SUBJECT_WORDS - sum(1 for w in kept if w.upper() in actors)
        dropped = set(rare[max(room, 0) :])
        kept = [w for w in kept if w not in dropped]
    return kept


def subject_said(
    index: Index, question: str, words: str, aside: frozenset[str] = frozenset()
) -> str:
    """The subject words (``subject_words``) in the question's spelling, grouped as the
    question puts them (words only parted by little words, « accord avec les États-Unis »,
    make one group), groups parted by commas, an actor by its flag and name: « accord
    🇺🇸 États-Unis, volet technologique, gaz »; "" when no word steers the answer."""
    typed = [_PRONOUN.sub("", _ELISION.sub("", word)) for word in _WORD.findall(question)]
    if typed and typed[0][1:].islower():
        typed[0] = typed[0].lower()
    actors = index.base.actors
    placed: list[tuple[int, str]] = []
    unplaced: list[str] = []
    for word in subject_words(index, question, words, aside):
        at = next((n for n, t in enumerate(typed) if word in index.tokens(t)), -1)
        code = word.upper()
        if code in actors and (at < 0 or typed[at] == code):
            placed.append((at, _actor_said(index, code) or actors[code].name))
        elif at >= 0 and all(at != n for n, _ in placed):
            placed.append((at, typed[at]))
        elif at < 0:  # a name searched as the base writes it (« Américains »: « etats unis »)
            unplaced.append(word)
    if unplaced:
        run = " ".join(unplaced)
        placed.append((-1, _actor_said(index, run) or run))
    placed.sort(key=lambda pair: pair[0])
    groups: list[list[str]] = []
    last = -2
    for at, shown in placed:
        joined = at >= 0 and last >= 0 and all(is_stop(t) for t in typed[last + 1 : at])
        if groups and joined:
            pair = f"{groups[-1][-1]} {shown}"  # « Union africaine »: one actor of two words
            named = _actor_said(index, pair) if " " not in groups[-1][-1] else None
            if named is not None:
                groups[-1][-1] = named
            else:
                groups[-1].append(_actor_said(index, shown) or shown)
        else:
            groups.append([_actor_said(index, shown) or shown])
        last = at
    return ", ".join(" ".join(group) for group in groups)


def search_said(
    index: Index, question: str, words: str, aside: frozenset[str] = frozenset()
) -> str:
    """How a question read as a search is said: what it asks, then the words that steer the
    answer (« « qui ? » — forum Bakou, 🇺🇸 États-Unis »); the words searched as typed
    when none does."""
    kind = asked_type(question)
    head = f"« {ASKED[kind]} ? » — " if kind in ASKED else _which(question)
    asked = {fold(word) for word in head.split()}
    kept = " ".join(w for w in words.split() if w not in asked)
    subject = subject_said(index, question, kept, aside)
    if subject:
        return f"{head}{subject}"
    return f"{head}une recherche de « {spelled(index, question, words)} »"


_WHICH = re.compile(r"\b(quel(?:le)?s?)\s+([^\W\d_]{3,})", re.IGNORECASE)


def _which(question: str) -> str:
    """« quels domaines ? » for a question asking « quels domaines … », else ""."""
    found = _WHICH.search(question)
    if found is None or is_stop(found.group(2)) or fold(found.group(2)) in _VERBS:
        return ""
    return f"« {found.group(1).lower()} {found.group(2).lower()} ? » — "


_VERBS = frozenset(["sont", "etait", "etaient", "sera", "seront", "serait", "furent", "fut"])
"""What « quel » may be followed by that is no noun (« quel est … », « quelles étaient »)."""


def command_said(index: Index, command: str, typed: str = "") -> str:
    """A previous question's command as a « Compris » line says it: a search by the words
    that steered it (« /cherche cote otan crois … » → « côté OTAN, Aliyev reçu délégation »),
    in the spelling of the question ``typed`` when given, any other command as typed
    (« /accord Royaume-Uni »)."""
    if not command.startswith("/cherche "):
        return periods_spoken(command)  # « depuis 1992 », never « depuis 1992-01-01 »
    words = command.split(" ", 1)[1]
    return subject_said(index, typed or words, words) or words


SUBJECT_PREFIX = 5
"""Letters a quote's word must share with a subject word to hold it (« livraisons » holds
« livrer »'s « livr… »; shorter words whole)."""


def answers_most(index: Index, words: str, unsaid: tuple[str, ...], quote: str) -> bool:
    """True when ``quote`` (the answer's first) holds more than half of the question's subject
    words — those that steer its search (``subject_words``: actors by any of their names) and
    those no article holds (``unsaid``). Then the answer speaks of what is asked in other
    words: a « the articles don't mention » line goes at the end of the « Compris » line,
    never on top of it (issue 22)."""
    steering = subject_words(index, words, words)
    total = len(steering) + len(unsaid)
    if not total:
        return False
    tokens = index.tokens(quote)
    actors = index.base.actors
    held = 0
    for word in steering:
        code = word.upper()
        if code in actors:
            names = {fold(actor_name) for actor_name in (actors[code].name, code)}
            held += any(name in fold(quote) for name in names) or any(
                (found := index.names.find_actor(token, fuzzy=False)) is not None
                and found.actor.id == code
                for token in tokens
            )
        else:
            start = word[:SUBJECT_PREFIX]
            held += any(token.startswith(start) for token in tokens)
    return held * 2 > total
