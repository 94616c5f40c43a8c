"""« ça s'est passé à Washington ? » right after the answer on the accord signed in Bakou: a
yes/no follow-up pointing back (« ça », « cela », « il », « elle »…) that asks a place is asked
of the subject just shown, from its own quotes — never read as a new question on the place's
country (the United States' chronology, outside readers of the fourteenth blind set, AE03).

Only what the subject's quotes write is said: a quote that puts it « à X » (« à, au, aux, en »
and the asked name or any name of its actor) gives « Oui, d'après l'article : »; quotes that
put it at other places (« à Bakou », « au Palais présidentiel ») and never « à X » give « Pas
d'après l'article : il le situe « à Bakou » … », the quote open under it. Quotes that name no
place leave the question to the other readers (none is said absent here).
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.content.model import Evidence
from bot.engine.common import entry_text, quote_of
from bot.engine.index import Index
from bot.engine.own_evidence import subjects
from bot.engine.reply import Para, Reply
from bot.engine.subject_first import named_actors
from bot.engine.thread import Asked
from bot.engine.yes_on_top import points_back
from bot.text import fold

_CAPITAL = r"[A-ZÀ-ÖØ-Ý][\w’'-]*[\w](?:[ -][A-ZÀ-ÖØ-Ý][\w’'-]*)*"
_PLACE_ASKED = re.compile(rf"(?:^|\s)(?:à|au|aux|en)\s+({_CAPITAL})")
"""« à Washington », « au Kazakhstan », « en Turquie »: a capitalised name after a preposition
of place, in the question as typed."""
_PLACE_SAID = re.compile(
    r"(?:^|[\s,(])(?:à|au|aux|en)\s+((?:[Pp]alais|[Cc]entre|[Ss]iège) [a-zéèê]+"
    rf"|(?:l['’])?{_CAPITAL})"
)
"""A place a quote gives: « à Bakou », « au Palais présidentiel », « en Arménie »."""
_PRONOUN = re.compile(r"\b(?:ca|cela|c)\b")
"""« ça », « cela », « c' » as the subject of a follow-up (folded): it points back too."""


def asks_place_back(question: str) -> str:
    """The place a yes/no follow-up pointing back asks (« Washington »), or ""."""
    folded = fold(question.casefold().replace("’", "'").replace("'", " "))
    if not (points_back(question) or _PRONOUN.search(folded)):
        return ""
    found = _PLACE_ASKED.search(question.replace("’", "'"))
    return found.group(1) if found else ""


def place_of_pointed(
    index: Index, question: str, previous: Asked | None, thread: str
) -> Reply | None:
    """The subject's own answer to « ça s'est passé à X ? » (see the module), its « Compris »
    line saying ``thread``; None when the question asks no place of the subject shown (it names
    an actor the subject lacks: « et la Turquie, elle a signé à Ankara ? »), or the subject's
    quotes name no place."""
    place = asks_place_back(question)
    if previous is None or not previous.lines or not place:
        return None
    entry = index.entries.get(previous.lines[0])
    if entry is None:
        return None
    home = index.base.vocabulary.home
    named = set(named_actors(index, _PLACE_ASKED.sub(" ", question)))
    if named - set(subjects(entry, home)) - {home}:
        return None
    names = _names_of(index, place)
    said: list[tuple[str, Evidence]] = []
    for evidence in entry.evidence:
        for match in _PLACE_SAID.finditer(evidence.quote):
            said.append((match.group(0).strip(" ,("), evidence))
    if not said:
        return None
    title = str(getattr(entry, "title", "") or entry_text(index.base, entry))
    same = [(at, ev) for at, ev in said if any(f" {n} " in _words(at) for n in names)]
    if same:
        head = Para("Oui, d'après l'article :", "note")
        evidence = same[0][1]
    else:
        where = " ; ".join(dict.fromkeys(f"« {at} »" for at, _ in said))
        said_so = f"il le situe {where}, jamais « à {place} »"
        head = Para(f"Pas d'après l'article : {said_so} — sur « {title} » :", "note")
        evidence = said[0][1]
    quote = quote_of(index.base, evidence)
    line = Para(f"Compris : {thread}, même sujet — où", "note")
    return Reply((line, head, replace(quote, open=True)))


def _names_of(index: Index, place: str) -> set[str]:
    """The folded names a place answers to: itself, and every name of the actor it names."""
    names = {
        place,
        *(found.actor.names() if (found := index.names.find_actor(place, False)) else ()),
    }
    return {_words(name).strip() for name in names}


def _words(text: str) -> str:
    """``text`` folded, hyphens and apostrophes as spaces, for a name's look-up."""
    return " " + re.sub(r"[-'’]", " ", fold(text)) + " "
