"""A second sentence about the event, speech or meeting of a first, joined to it or giving it
its actors (issue 23, the nineteenth newcomer's classes).

Its passes, each for a class:

- the announced end of a visit whose arrival day is told just before (« est arrivé en
  Azerbaïdjan le 10 août. La visite durera jusqu'au 12 août. »): one visit, from the one day
  to the other;
- the same event named again (« La cérémonie inaugurale … s'est tenue récemment » …
  « La cérémonie du 8 juillet s'est également déroulée en présence de … »): one event, dated
  by the day the second sentence gives when the first only said « récemment »;
- a named speaker's announcement and what he says next (« Le ministre …, Mevlut Cavusoglu, a
  annoncé que … » … « Cavusoglu a indiqué … »): one declaration, dated the day of the article
  that reports it;
- an ordinal meeting of a series (« la première réunion a été organisée à Bakou en 2017 »)
  is a meeting of the format the article tells: its participants;
- an event the draft could not type: a visit is a ``reunion``, an inauguration a
  ``fondation``;
- a standfirst fragment without a verb (« Lors d'une conférence de presse conjointe tenue avec
  ses homologues … à Islamabad. ») is no fact.

Each pass works on the draft's candidates after the grouping of :mod:`bot.draft.build`.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.draft.actors import Resolved
from bot.draft.analyse import ActorHit
from bot.draft.frdates import FoundDate

if TYPE_CHECKING:
    from bot.draft.article import Sentence
    from bot.draft.build import Candidate

_ARRIVAL = re.compile(
    r"\b(?:(?:est|sont)\s+arrivée?s?|(?:a|ont)\s+entamé\s+une\s+visite|"
    r"(?:est|sont)\s+en\s+visite|(?:s['’]est|se\s+sont)\s+rendue?s?)\b",
    re.IGNORECASE,
)
"""An arrival or the start of a visit (« est arrivé en Azerbaïdjan le 10 août »)."""
_VISIT_END = re.compile(
    r"^(?:La|Cette|Sa|Leur)\s+(?:visite|séjour|tournée)\b[^.;]{0,60}?\b(?:durera|"
    r"se\s+poursuivra|se\s+terminera|prendra\s+fin|s['’]achèvera)\s+(?:jusqu['’]au|le)\s",
    re.IGNORECASE,
)
"""« La visite durera jusqu'au 12 août » : the end of the visit just told."""
VISIT_END = "fin annoncée de la visite dont l'arrivée est datée juste avant : une seule visite"


def _day(candidate: Candidate) -> FoundDate | None:
    days = [found for found in candidate.dates if found.iso and found.precision == "jour"]
    return days[0] if len(days) == 1 else None


def visit_end(candidates: list[Candidate]) -> list[Candidate]:
    """The announced end of a visit joins the arrival told in the sentence before; the visit
    spans from the arrival's day to the end's, inferred as they are. Its end is said in the
    future: the entry is, and the guide says so."""
    kept: list[Candidate] = []
    for item in candidates:
        arrival = kept[-1] if kept else None
        end = _day(item)
        if (
            arrival is not None
            and item.kind == "event"
            and not item.more
            and end is not None
            and _VISIT_END.match(item.sentence.text)
            and arrival.kind == "event"
            and _ARRIVAL.search(arrival.sentence.text)
            and arrival.position + 1 == item.position
        ):
            start = _day(arrival)
            if start is not None and start.iso and end.iso and start.iso < end.iso:
                arrival.more.append(item.sentence)
                arrival.grouped_why.append(VISIT_END)
                arrival.position = item.position
                arrival.dates = [
                    replace(
                        start,
                        iso=f"{start.iso}/{end.iso}",
                        precision="intervalle",
                        note=f"de « {start.text} » à « {end.text} »"
                        + (f" ; {start.note}" if start.note else ""),
                    )
                ]
                arrival.subtype = arrival.subtype or "reunion"
                arrival.tense = "futur"
                continue
        kept.append(item)
    return kept


_EVENT_NOUNS = (
    "cérémonie|visite|réunion|rencontre|conférence|sommet|forum|session|inauguration|"
    "exercices?|manœuvres"
)
_NAMED_AGAIN = re.compile(
    rf"^(?:La|Le|Les|L['’])\s*(?P<noun>{_EVENT_NOUNS})\b[^,;]{{0,40}}?\s"
    r"(?:s['’]est|se\s+sont|a|ont)\s+(?:également|aussi)\s",
    re.IGNORECASE,
)
"""« La cérémonie du 8 juillet s'est également déroulée en présence de … » : the event just
told, named again to say more of it."""
SAME_EVENT = "le même événement, nommé de nouveau (« {words} ») : une seule entrée"
SAME_EVENT_REACH = 3
"""How many sentences after the event its naming again may come."""


def _opens_with(candidate: Candidate, noun: str) -> bool:
    return bool(
        re.match(rf"^(?:La|Le|Les|L['’])\s*{noun}\b", candidate.sentence.text, re.IGNORECASE)
    )


def same_event_again(candidates: list[Candidate], index: dict[int, int]) -> list[Candidate]:
    """An event named again with « également » or « aussi » joins the event of the same noun
    told up to three sentences before, when they share an actor (or it names none) and no
    two different days date them; a day it gives dates the first if that one only said
    « récemment »."""
    kept: list[Candidate] = []
    for item in candidates:
        match = _NAMED_AGAIN.match(item.sentence.text)
        first = next(
            (
                other
                for other in reversed(kept)
                if match is not None
                and other.kind == "event"
                and _opens_with(other, match.group("noun"))
                and index[item.sentence.start] - other.position <= SAME_EVENT_REACH
            ),
            None,
        )
        if match is None or item.kind != "event" or item.more or first is None:
            kept.append(item)
            continue
        mine = {hit.id for hit in item.actors}
        theirs = {hit.id for hit in first.actors}
        day, their_day = _day(item), _day(first)
        relative = [found for found in first.dates if found.precision == "relatif"]
        if (mine and theirs and not mine & theirs) or (
            day is not None and their_day is not None and day.iso != their_day.iso
        ):
            kept.append(item)
            continue
        first.more.append(item.sentence)
        first.grouped_why.append(SAME_EVENT.format(words=match.group(0).strip()))
        first.position = index[item.sentence.start]
        first.actors += [hit for hit in item.actors if hit.id not in theirs]
        first.unknown += [name for name in item.unknown if name not in first.unknown]
        first.numbers += item.numbers
        first.resolved += item.resolved
        if day is not None and their_day is None:
            first.dates = [day, *(f for f in first.dates if f not in relative)]
        first.subtype = first.subtype or item.subtype
    return kept


_SPEECH = (
    r"(?:a|avait)\s+(?:annoncé|indiqué|déclaré|affirmé|souligné|précisé|ajouté|expliqué|"
    r"fait\s+savoir|estimé)"
)
_NAMED_SPEAKER = re.compile(
    rf"(?P<name>[A-ZÀ-Þ][\w-]+)(?:,\s[^,;]{{0,80}},|,)?\s+{_SPEECH}\s+(?:qu|que|avoir|d['’])",
)
"""« Mevlut Cavusoglu, a annoncé qu'… », « Cavusoglu a indiqué avoir … » : who speaks, by his
surname."""
SAME_SPEAKER = "la suite des propos de {name}, nommé de nouveau : une seule déclaration"
SPEAKER_REACH = 3


def _speaker(candidate: Candidate) -> str | None:
    match = _NAMED_SPEAKER.search(candidate.sentence.text)
    return match.group("name") if match is not None else None


_QUOTED_SAID = re.compile(
    rf"^[«\"“][^»\"”]+[»\"”],?\s+(?:{_SPEECH}|a-t-il\s+\w+)\b",
)
"""« « Nous avons décidé … », a fait savoir le chef de la diplomatie turque » : his words."""


def _opens_speech(sentence: Sentence, name: str) -> bool:
    return bool(re.match(rf"{re.escape(name)}\s+{_SPEECH}\b", sentence.text))


def _take(first: Candidate, item: Candidate, name: str) -> None:
    first.more += [item.sentence, *item.more]
    first.grouped_why.append(SAME_SPEAKER.format(name=name))
    first.position = max(first.position, item.position)
    seen = {hit.id for hit in first.actors}
    first.actors += [hit for hit in item.actors if hit.id not in seen]
    first.resolved += item.resolved


def speaker_sequel(
    candidates: list[Candidate], index: dict[int, int], reported: FoundDate | None
) -> list[Candidate]:
    """A fact saying what a named speaker announced (« Mevlut Cavusoglu, a annoncé que … »),
    and, up to three sentences on, what opens with his surname and a verb of speech
    (« Cavusoglu a indiqué … », even if grouped with a meeting for his name) with the
    quotation said in the sentence right after it: one ``declaration``, dated the day of the
    article that reports it (never the day of what it announces)."""
    taken: set[int] = set()
    for item in candidates:
        name = _speaker(item) if item.kind == "fact" else None
        if name is None or item.modality is not None or any(f.iso for f in item.dates):
            continue
        here = index[item.sentence.start]
        for other in candidates:
            own = [s for s in (other.sentence, *other.more) if _opens_speech(s, name)]
            said = [s for s in own if 0 < index[s.start] - here <= SPEAKER_REACH]
            if other is item or id(other) in taken or not said or other.modality is not None:
                continue
            if said[0] is other.sentence:
                if other.kind != "fact":
                    continue
                _take(item, other, name)
                taken.add(id(other))
            else:
                other.more = [s for s in other.more if s not in said]
                other.grouped_why = [w for w in other.grouped_why if f"« {name} »" not in w]
                item.more += said
                item.grouped_why.append(SAME_SPEAKER.format(name=name))
            after = index[said[-1].start] + 1
            quoted = next(
                (
                    c
                    for c in candidates
                    if index[c.sentence.start] == after
                    and c.kind == "fact"
                    and id(c) not in taken
                    and _QUOTED_SAID.match(c.sentence.text)
                    and {h.id for h in c.actors} <= {h.id for h in item.actors}
                ),
                None,
            )
            if quoted is not None:
                _take(item, quoted, name)
                taken.add(id(quoted))
            item.kind, item.subtype, item.act = "event", "declaration", None
            item.dates = [reported] if reported is not None else []
            break
    return [c for c in candidates if id(c) not in taken]


_ORDINAL_MEETING = re.compile(
    r"\b(?:la|sa|leur)\s+(?:première|prochaine|dernière|précédente|deuxième|troisième)\s+"
    r"(?:réunion|rencontre|session)\b",
    re.IGNORECASE,
)
"""« la première réunion a été organisée à Bakou en 2017 » : one meeting of the series."""
SERIES_NOTE = "« {words} » : une réunion du même format que celle de l'article ({ids}) — à vérifier"


def series_meeting(candidates: list[Candidate]) -> None:
    """An ordinal meeting (« la première réunion ») takes the participants of the meeting of
    the format the article told before it, noted in ``resolved`` to check."""
    for index, item in enumerate(candidates):
        match = _ORDINAL_MEETING.search(item.sentence.text)
        if match is None or item.kind == "agreement":
            continue
        meeting = next(
            (c for c in reversed(candidates[:index]) if c.subtype == "reunion" and c.actors),
            None,
        )
        if meeting is None:
            continue
        ids = [hit.id for hit in meeting.actors]
        note = SERIES_NOTE.format(words=match.group(0), ids=", ".join(ids))
        mine = {hit.id for hit in item.actors}
        for hit in meeting.actors:
            if hit.id not in mine:
                item.actors.append(ActorHit(hit.id, match.group(0), hit.known))
                item.resolved.append(Resolved(match.group(0), hit.id, note))


_INAUGURATION = re.compile(r"\b(?:inaugur\w*|cérémonie\s+d['’]ouverture)\b", re.IGNORECASE)


_STATEMENT = re.compile(
    r"\b(?:(?:s['’](?:est|était)|se\s+sont|se\s+étaient)\s+(?:\w+\s+)?(?:félicitée?s?|"
    r"réjouie?s?|prononcée?s?|dite?s?)|(?:a|ont|avait|avaient)\s+(?:\w+\s+)?(?:salué|"
    r"déclaré|affirmé|annoncé|condamné|dénoncé|exprimé|appelé|souligné))\b",
    re.IGNORECASE,
)
"""A statement (« Israël s'était félicité de l'ouverture à venir … d'une ambassade », « a
salué la décision ») : with no meeting in the sentence, a ``declaration``."""


_MEASURE = re.compile(
    r"^(?:Adoptée?s?|Votée?s?|Promulguée?s?)\b|\b(?:a|ont|avait|avaient)\s+(?:\w+\s+)?(?:accordé|"
    r"adopté|voté|promulgué|suspendu|levé|imposé|instauré|abrogé|prolongé|renouvelé)\b"
    r"[^.;]{0,80}?\b(?:pouvoir|loi|amendement|décret|sanctions?|embargo|restrictions?|aide)\b"
)
"""« Adopté en 1992, l'amendement 907 limitait … », « En 2001, le Congrès américain a accordé
au président le pouvoir de suspendre … » : a law or a measure taken — a ``mesure``."""


def untyped_events(candidates: list[Candidate]) -> None:
    """An event without a type: a visit (an arrival, « en visite ») is a ``reunion``, an
    inauguration (« La cérémonie inaugurale de la phase II ») a ``fondation``, a statement
    (« s'était félicité de … », « a salué … ») a ``declaration``, a law or measure taken
    (« Adopté en 1992, l'amendement … ») a ``mesure``."""
    for item in candidates:
        if item.kind != "event" or item.subtype is not None:
            continue
        if _INAUGURATION.search(item.sentence.text):
            item.subtype = "fondation"
        elif _ARRIVAL.search(item.sentence.text):
            item.subtype = "reunion"
        elif _STATEMENT.search(item.sentence.text):
            item.subtype = "declaration"
        elif _MEASURE.search(item.sentence.text):
            item.subtype = "mesure"


LEAD_PARTIES_NOTE = (
    "acteurs de l'entrée qui ouvre l'article ({ids}) : la phrase ne nomme personne — à "
    "vérifier, retirer celui qui n'est pas partie de ce fait"
)


def lead_parties(candidates: list[Candidate], home: str) -> None:
    """In an article about no foreign country (a NATO agency's project in Azerbaijan), a fact
    whose sentences name no actor takes the actors of the first entry naming the home
    country with another — the article's parties — each noted as such, to check."""
    lead = next(
        (
            c
            for c in candidates
            if c.kind != "agreement"
            and home in {hit.id for hit in c.actors}
            and len({hit.id for hit in c.actors}) >= 2
        ),
        None,
    )
    if lead is None:
        return
    ids = list(dict.fromkeys(hit.id for hit in lead.actors))
    note = LEAD_PARTIES_NOTE.format(ids=", ".join(ids))
    for item in candidates:
        if item.actors or item.kind != "fact":
            continue
        for hit in lead.actors:
            if hit.id not in {h.id for h in item.actors}:
                item.actors.append(ActorHit(hit.id, "", hit.known))
                item.resolved.append(Resolved("(parties de l'article)", hit.id, note))


_FRAGMENT = re.compile(
    r"^(?:Lors|Au\s+cours|À\s+l['’]occasion|En\s+marge|À\s+l['’]issue|Pendant)\b", re.IGNORECASE
)
_FINITE = re.compile(
    r"\b(?:a|ont|est|sont|était|étaient|sera|seront|avait|avaient|fut|furent|va|vont|"
    r"\w+(?:ait|aient|era|eront|ra|ront))\b|\b\w+(?:ent|ons|ez)\b(?<!ment)",
    re.IGNORECASE,
)
FRAGMENT = "chapeau sans verbe (« {words}… ») : le fait est dit dans la phrase qui suit"


def verbless(
    candidates: list[Candidate], skipped: list[Sentence], reasons: dict[int, str]
) -> list[Candidate]:
    """A standfirst fragment (« Lors d'une conférence de presse conjointe tenue avec ses
    homologues … à Islamabad. »), a circumstance without any finite verb, is set aside with
    its reason: what happened there is told by the next sentences."""
    kept: list[Candidate] = []
    for item in candidates:
        text = item.sentence.text
        if not item.more and _FRAGMENT.match(text) and not _FINITE.search(text):
            skipped.append(item.sentence)
            reasons[item.sentence.start] = FRAGMENT.format(words=" ".join(text.split()[:4]))
            continue
        kept.append(item)
    return kept
