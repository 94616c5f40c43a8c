"""One speaker, one meeting, one statement: the sentences that go on with them join them
(issue 23, the twenty-second newcomer's classes).

A dispatch tells a meeting or a statement in several sentences whose subject is the same
speaker, « la réunion », « le communiqué » or a pronoun; the grouping of
:mod:`bot.draft.build` cut them where the actors changed. This pass, run after it, joins to
the latest such group, within ``REACH`` sentences:

- a sentence whose subject is the meeting just told (« La réunion s'est penchée sur … »,
  « Les entretiens ont porté sur … ») or opens on what was discussed at it (« Abordant la
  situation …, le ministre a remercié … »);
- a sentence going on with the statement (« Dans le communiqué, Bakou souligne … »), one that
  names its speaker again — by his title (« Ayhan Hajizade, porte-parole du ministère …, a
  exprimé » after « Le porte-parole du ministère … a insisté ») or his surname (« Hajizade a
  exhorté … ») — and one that answers it (« … n'ont pas encore réagi à cette déclaration »);
- a sentence taking up a decision just told (« New Delhi a notifié la décision à Moscou »
  after « avait confirmé son refus »), with the countries it names;
- a country's declaration said again (the lead « L'Azerbaïdjan ne participera pas aux
  exercices Caucase-2020 » and the ministry's words quoted further on): one declaration, when
  both name the same thing (« Caucase-2020 ») on the same date;
- the course of a ceremony just told (« Les hymnes nationaux … ont retenti », « Les
  intervenants ont souligné … » after « Lors de la cérémonie de clôture … »): the event's;
- the participants of the event just named (« Il est prévu que des groupes de plusieurs pays y
  participent, dont l'Iran … », « y » being the exercise): its actors.

Never an agreement, a dated sentence, nor a sentence naming a new act with new actors. The
countries a speaker or a meeting speaks of (« le conflit entre l'Arménie et l'Azerbaïdjan »)
are what was said, no party: a joined sentence adds no actor, except a decision's addressee
and an event's participants.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.draft.analyse import ActorHit
    from bot.draft.build import Candidate
    from bot.draft.frdates import FoundDate

REACH = 4
"""A sentence goes on with a meeting or statement told at most this many sentences before."""
_MEETING_SUBJECT = re.compile(
    r"^(?:La|Cette|Leur)\s+(?:réunion|rencontre|entrevue|séance)\s+(?:s['’]est|a|avait)\s"
    r"|^(?:L['’]|Cet\s+|Leur\s+)(?:entretien|entrevue)\s+(?:s['’]est|a|avait)\s"
    r"|^(?:Les|Ces|Leurs)\s+(?:entretiens|discussions|pourparlers|échanges)\s+(?:se\s+sont|ont)\s",
)
"""« La réunion s'est penchée sur … », « L'entretien a porté sur … » : the meeting told."""
_DISCUSSING = re.compile(
    r"^(?:Abordant|Évoquant|Evoquant|Commentant|Examinant|S['’]agissant|Parlant|"
    r"S['’]exprimant\s+sur)\b[^.;]{0,200}?,\s+(?:le|la|les|l['’])\s?"
    r"(?:ministre|président|chef|général|colonel|secrétaire|délégation|parties|deux)",
)
"""« Abordant la situation …, le ministre de la Défense a évoqué … » : said at the meeting."""
_IN_STATEMENT = re.compile(
    r"^(?:Dans|Selon)\s+(?:le|ce|son|leur|sa|cette)\s+(?:communiqué|déclaration|texte|message)\b"
    r"|^(?:Le|Ce)\s+communiqué\s+(?:a|souligne|précise|ajoute|indique|dit|affirme|note|dénonce)\b",
)
"""« Dans le communiqué, Bakou souligne … » : the statement told, going on."""
_ANSWERS_IT = re.compile(
    r"\b(?:à|a)\s+(?:cette|ces)\s+(?:déclarations?|propos|accusations?|critiques?)\b"
    r"|\b(?:à|au)\s+ce\s+communiqué\b"
)
"""« … n'ont pas encore réagi à cette déclaration » : said of the statement told."""
_SAYING = (
    r"(?:a|avait|ont)\s+(?:\w+\s+){0,2}?(?:souligné|déclaré|dit|indiqué|affirmé|noté|ajouté|"
    r"précisé|rappelé|estimé|assuré|expliqué|insisté|exprimé|exhorté|appelé|condamné|dénoncé|"
    r"qualifié|averti|remercié|salué|réitéré|plaidé|demandé|désapprouvé|critiqué|fustigé)\b"
)
_TITLED = re.compile(
    r"^(?:(?:Le|La|L['’])\s?|[A-ZÀ-Þ][\w’'-]+\s+[A-ZÀ-Þ][\w’'-]+,\s+)"
    r"(?P<title>porte-parole|(?:vice-)?ministre|président|secrétaire\s+général|ambassadeur|"
    r"chef\s+de\s+la\s+diplomatie|général|commandant)\b[^.;]{0,120}?,?\s" + _SAYING
)
"""« Le porte-parole du ministère … a insisté », « Ayhan Hajizade, porte-parole du
ministère …, a exprimé » : a speaker named by his title."""
_ANOTHER_POINT = re.compile(r"\b(?:a|avait|ont)\s+(?:aussi|également|en\s+outre|par\s+ailleurs)\s")
"""« a aussi ajouté », « a également souligné » : the same speaker on another point."""
_SURNAME_SAYS = re.compile(r"^(?:M\.\s+)?(?P<name>[A-ZÀ-Þ][\w’'-]{3,})\s+" + _SAYING)
"""« Hajizade a exhorté … » : a speaker named again by his surname."""
_DECISION = re.compile(r"\b(?:la|cette|sa|leur)\s+décision\b|\bce\s+refus\b", re.IGNORECASE)
"""« a notifié la décision à Moscou » : the decision just told."""
_DECIDED = re.compile(r"\b(?:refus|décid\w+|renonc\w+|retir\w+)\b", re.IGNORECASE)
_THERE = re.compile(
    r"\by\s+(?:participe(?:nt|ront|ra|r)?|prendr(?:a|ont)\s+part|prennent\s+part|"
    r"assister(?:a|ont)|assistent)\b"
)
"""« … que des groupes de plusieurs pays y participent » : the event just named."""
_CEREMONY = re.compile(r"\bcérémonies?\b", re.IGNORECASE)
_CEREMONY_DETAIL = re.compile(
    r"^(?:Les|La|Le|Une|Un|L['’])\s?(?:hymnes?|drapeaux?|intervenants|orateurs|participants|"
    r"invités|minute\s+de\s+silence|gerbes?|défilé)\b"
)
"""« Les hymnes nationaux … ont retenti », « Les intervenants ont souligné … » : the ceremony
just told, its course."""
_NAMED_THING = re.compile(r"\b[A-ZÀ-Þ][\w’'-]*\d[\w-]*")
"""A named exercise, plan or event with its year or number (« Caucase-2020 », « ADEX-2024 »)."""


_PARTICIPLE = re.compile(r"^[A-ZÀ-Þ][\w’'-]+ant\b[^,;]{0,200},\s+")
"""« Appréciant hautement la position de l'OTAN …, » : the clause before the subject."""
_SUBJECT = re.compile(
    r"^(?:(?:Le|La)\s+(?:[a-zà-ÿ-]+\s+){0,2}?)?"
    r"(?P<name>(?:[A-ZÀ-Þ][\w’'-]+\s+|[A-Z]\.\s+){0,3}[A-ZÀ-Þ][\w’'-]{3,})"
    r"(?:,[^,;]{0,160},)?\s+(?:a|avait|s['’]est|s['’]était)\s"
)
"""« Le général Curtis M. Scaparrotti a souligné », « Zakir Hassanov, ministre …, a
rencontré » : the person the sentence is about, by name."""
_NOT_NAMES = frozenset({"Elle", "Cela", "Ceci", "Celui", "Celle", "Lors", "Dans", "Selon"})
_DISCUSSED = re.compile(
    r"\b(?:a|ont)\s+(?:\w+\s+)?(?:abordé|évoqué|discuté|passé\s+en\s+revue|examiné)\b"
)


def subject_name(text: str) -> str | None:
    """The surname of the person ``text`` opens on as its subject, if it names one."""
    opening = _PARTICIPLE.match(text)
    found = _SUBJECT.match(text[opening.end() :] if opening is not None else text)
    if found is None:
        return None
    surname = found.group("name").split()[-1]
    if surname in _NOT_NAMES or re.search(r"['’]", surname):
        return None  # « L'Azerbaïdjan a vivement réagi » : a country, no person
    return surname


_NOT_PARTICIPLES = frozenset(
    {"Pendant", "Durant", "Cependant", "Avant", "Maintenant", "Néanmoins", "Auparavant"}
)


def participant_remarks(group: Candidate, item: Candidate) -> bool:
    """« Appréciant hautement la position de l'OTAN …, Zakir Hassanov s'est dit convaincu … »
    after the meeting Hassanov held: a participle opening a participant's words — the one rule
    of « Évoquant …, le ministre … a mis en valeur »: the meeting's, never a fact apart."""
    opening = _PARTICIPLE.match(item.sentence.text)
    if opening is None or opening.group(0).split()[0] in _NOT_PARTICIPLES:
        return False
    name = subject_name(item.sentence.text)
    return name is not None and name in _subjects(group) and not another_speaker(group, item)


def other_subject(group: Candidate, item: Candidate) -> bool:
    """A participant's words at a meeting of several parties about a country the meeting does
    not hold, naming at most one of its parties (« Prenant la parole lors de la réunion, le
    ministre a souligné que le conflit entre l'Arménie et l'Azerbaïdjan … » at a council in
    Moscow): his declaration, not the meeting's subject. Words naming the counterpart (« a
    remercié le Pakistan … » after meeting the Pakistani general) stay the meeting's."""
    text = item.sentence.text
    if re.search(_SAYING, text) is None and _DISCUSSING.match(text) is None:
        return False
    mine = _ids(group) | {hit.id for hit in group.places}  # the host: « en Turquie »
    theirs = _ids(item)
    return len(mine) >= 2 and bool(theirs - mine) and len(theirs & mine) <= 1


def speaks(text: str, name: str) -> bool:
    """``name`` is the subject of ``text`` and speaks in it (« Le général Curtis M.
    Scaparrotti a souligné … », « Scaparrotti a remercié … »)."""
    return subject_name(text) == name and re.search(_SAYING, text) is not None


def _subjects(candidate: Candidate) -> set[str]:
    names = (subject_name(s.text) for s in (candidate.sentence, *candidate.more))
    return {name for name in names if name is not None}


def another_speaker(group: Candidate, item: Candidate) -> bool:
    """« Le général Curtis M. Scaparrotti a souligné que … » after what Zakir Hassanov did and
    said: another person speaking, his own declaration — never the same entry as the first's."""
    said = re.search(_SAYING, item.sentence.text)
    name = subject_name(item.sentence.text)
    mine = _subjects(group) - {hit.text.split()[-1] for hit in group.actors}
    titled = _TITLED.match(item.sentence.text)
    if titled is not None and " ".join(titled.group("title").split()) in _titles(group):
        return False  # « Ayhan Hajizade, porte-parole … » after « Le porte-parole … »
    return said is not None and name is not None and bool(mine) and name not in mine


def host_discussed(group: Candidate, item: Candidate) -> str | None:
    """« Zakir Hassanov a abordé la coopération … » right after « Zakir Hassanov … a rencontré
    … »: the meeting's host on what it discussed — the meeting, its subject."""
    name = subject_name(item.sentence.text)
    if (
        group.kind == "event"
        and group.subtype in ("reunion", "visite")
        and not group.more
        and name is not None
        and name in _subjects(group)
        and _DISCUSSED.search(item.sentence.text)
    ):
        return f"« {name} a abordé » : ce dont la rencontre a parlé"
    return None


_IN_VISIT = re.compile(
    r"^(?:Dans\s+le\s+cadre\s+de|Lors\s+de|Au\s+cours\s+de|Pendant)\s+(?:la|cette|sa)\s+"
    r"visite\b[^,]{0,40},\s+(?P<who>[^.;]{0,200}?)\s+(?:a|ont|s['’]est|se\s+sont)\s"
)
"""« Dans le cadre de la visite, le ministre … a rencontré … » : the visit just told."""
_VISIT_TOLD = re.compile(
    r"\ben\s+visite\b|\bvisite\s+(?:officielle|de\s+travail|d['’]État)\b|\bs['’]est\s+rendue?\b|"
    r"\best\s+arrivée?\b",
    re.IGNORECASE,
)
_OFFICIAL_TITLE = re.compile(
    r"\b(?:vice-ministre|vice-président|vice-premier\s+ministre|directeur(?:\s+général)?|"
    r"adjoint|sous-secrétaire|secrétaire\s+d['’]État|chef\s+d['’]état-major)\b",
    re.IGNORECASE,
)


def other_officials(group: Candidate, item: Candidate) -> bool:
    """« Lors de la visite officielle, le vice-ministre … et le directeur général … ont
    discuté … » after the minister's meeting: other people's talks, their own entry — a title
    the group's sentences never gave."""
    found = _IN_VISIT.match(item.sentence.text)
    if found is None:
        return False
    who = found.group("who")
    told = group.text.casefold()
    return any(title.group(0).casefold() not in told for title in _OFFICIAL_TITLE.finditer(who))


def in_the_visit(group: Candidate, item: Candidate) -> str | None:
    """« Dans le cadre de la visite, le ministre … a rencontré … » right after « La direction du
    ministère … est en visite officielle à Tel Aviv »: the meeting belongs to the visit."""
    if (
        _IN_VISIT.match(item.sentence.text)
        and _VISIT_TOLD.search(group.text)
        and not any(found.iso for found in item.dates)
        and not other_officials(group, item)
    ):
        return "« dans le cadre de la visite » : la visite d'avant, sa rencontre"
    return None


_STAGE = re.compile(r"^(?:En|Au|Aux|À)\s+(?P<where>[A-ZÀ-Þ][\w’'-]+(?:\s+[\w’'-]+){0,2}?),\s")
"""« En Azerbaïdjan, il s'est entretenu avec … » : one country of a visit told just before."""


def visit_stage(group: Candidate, item: Candidate) -> str | None:
    """« En Arménie, M. Colomina a rencontré … », « En Azerbaïdjan, il s'est entretenu … »
    after « … s'est rendu en Arménie et en Azerbaïdjan »: the visit's meetings, country by
    country — one entry with the visit, no actor beyond its own."""
    found = _STAGE.match(item.sentence.text)
    if (
        found is None
        or group.kind == "agreement"
        or not _VISIT_TOLD.search(group.sentence.text)
        or not _MEETING_VERB.search(item.sentence.text)
        or any(found_date.iso for found_date in item.dates)
    ):
        return None
    # before the visit's hosts are read (``_visit_hosts``), its countries are still places
    visited = _ids(group) | {hit.id for hit in group.places}
    where = {hit.id for hit in (*item.actors, *item.places) if hit.text in found.group("where")}
    if not where or not where <= visited or not _ids(item) <= visited:
        return None
    return f"« {found.group(0).strip(', ')} » : une étape de la visite d'avant"


_ANOTHER_TOPIC = re.compile(
    r"^(?:M\.\s+)?(?P<name>[A-ZÀ-Þ][\w’'-]{3,})\b[^.;]{0,60}?\s(?:a|ont)\s+(?:également|aussi|"
    r"par\s+ailleurs|en\s+outre)\s+(?:abordé|évoqué|discuté|examiné|insisté|souligné)\b"
)
"""« M. Colomina et ses interlocuteurs ont également abordé … le corridor de Latchine » : the
visitor on another topic of his talks."""


def another_topic(group: Candidate, item: Candidate) -> list[ActorHit] | None:
    """The actors of « M. Colomina et ses interlocuteurs ont également abordé … » (a sentence
    naming no actor, the visitor named in ``group`` on another topic): the visit's — its own
    fact, never set aside as naming nothing, nor one with the visit."""
    found = _ANOTHER_TOPIC.match(item.sentence.text)
    if found is None or found.group("name") not in group.text or group.kind == "agreement":
        return None
    hits = {hit.id: hit for hit in (*group.actors, *group.places) if len(hit.id) > 1}
    return list(hits.values()) or None


_TITLE_AGAIN = re.compile(
    r"^(?:Le|La)\s+(?P<title>(?:représentant|représentante|envoyé|envoyée|émissaire|secrétaire|"
    r"commandant|ministre|président|ambassadeur)(?:\s+(?:spécial|spéciale|général|adjoint))?)\s+"
    + _SAYING
)


def title_again(told: str, item: Candidate) -> str | None:
    """« Le représentant spécial a insisté sur … » when the article (``told``) gave that title
    to its speaker (« le représentant spécial du secrétaire général de l'OTAN … Javier
    Colomina »): the same person, going on — never set aside as naming nobody."""
    found = _TITLE_AGAIN.match(item.sentence.text)
    if found is None or f"le {found.group('title')} " not in told.casefold():
        return None
    return f"« le {found.group('title')} » : le même orateur, nommé par son titre"


_MEETING_VERB = re.compile(
    r"\b(?:a|ont)\s+(?:\w+\s+)?rencontré\b|\best\s+en\s+visite\b|\bs['’]est\s+rendue?\b|"
    r"\b(?:s['’]est|se\s+sont)\s+entretenue?s?\b|\bont\s+(?:\w+\s+)?discuté\b"
)


def reported_kinds(candidates: list[Candidate], reported: FoundDate | None) -> None:
    """An undated constat of a dated article that tells a meeting or a visit (« a rencontré »,
    « ont discuté ») or a named person's words (« Le général … a souligné que … ») is an event
    — a ``reunion``, a ``declaration`` — reported on the article's day (« rapporté »): the one
    rule for what a dispatch tells without a date of its own."""
    if reported is None:
        return
    for candidate in candidates:
        if (
            candidate.kind != "fact"
            or candidate.modality is not None
            or candidate.tense == "futur"
            or any(found.iso for found in candidate.dates)
        ):
            continue
        first = candidate.sentence.text
        if any(_MEETING_VERB.search(s.text) for s in (candidate.sentence, *candidate.more)):
            subtype = "reunion"
        elif subject_name(first) is not None and re.search(_SAYING, first):
            subtype = "declaration"
        else:
            continue
        candidate.kind, candidate.subtype, candidate.act = "event", subtype, None
        candidate.dates = [*candidate.dates, reported]


def one_speaker(candidates: list[Candidate], positions: dict[int, int]) -> list[Candidate]:
    """In a dated dispatch, « Curtis M. Scaparrotti a remercié … » right after the declaration
    « Le général Curtis M. Scaparrotti a souligné … Il a hautement apprécié … » (both reported
    on the article's day): the same speaker named again by his full name — one declaration,
    with the countries each of his sentences names. Only declarations of one same day, within
    two sentences, with no other candidate between."""
    kept: list[Candidate] = []
    for item in candidates:
        group = kept[-1] if kept else None
        name = subject_name(item.sentence.text)
        if (
            group is not None
            and name is not None
            and group.subtype == item.subtype == "declaration"
            and {d.iso for d in group.dates if d.iso} == {d.iso for d in item.dates if d.iso}
            and speaks(item.sentence.text, name)
            and speaks(group.sentence.text, name)
            and positions.get(item.sentence.start, 0) - group.position <= 2
        ):
            known = _ids(group)
            group.more += [item.sentence, *item.more]
            group.carrying |= {sentence.start for sentence in (item.sentence, *item.more)}
            group.actors += [hit for hit in item.actors if hit.id not in known]
            group.resolved += item.resolved
            group.grouped_why += [
                f"« {name} » : le même orateur, nommé de nouveau",
                *item.grouped_why,
            ]
            group.position = max(group.position, item.position)
            continue
        kept.append(item)
    return kept


def _same_days(group: Candidate, item: Candidate) -> bool:
    """Both undated, the second undated, or dated by one same date (« en septembre »)."""
    mine = {found.iso for found in group.dates if found.iso}
    theirs = {found.iso for found in item.dates if found.iso}
    return not theirs or bool(mine & theirs)


def _named_things(text: str) -> set[str]:
    return set(_NAMED_THING.findall(text))


DONE_ACTS = ("signe", "adhesion", "approuve", "livre", "achat", "vente")


def _ids(candidate: Candidate) -> set[str]:
    return {hit.id for hit in candidate.actors}


def _titles(candidate: Candidate) -> set[str]:
    found = set()
    for sentence in (candidate.sentence, *candidate.more):
        titled = _TITLED.match(sentence.text)
        if titled is not None:
            found.add(" ".join(titled.group("title").casefold().split()))
    return found


def _spoke(group: Candidate, name: str) -> bool:
    """``name`` speaks in one of ``group``'s sentences (« Ayhan Hajizade, porte-parole …, a
    exprimé », « Hajizade a exhorté »), not only met someone or was named."""
    for sentence in (group.sentence, *group.more):
        said = _TITLED.match(sentence.text) or _SURNAME_SAYS.match(sentence.text)
        if said is not None and re.search(rf"\b{re.escape(name)}\b", said.group(0)):
            return True
    return False


def _why(group: Candidate, item: Candidate, gap: int) -> tuple[str, bool] | None:
    """Why ``item`` goes on with ``group`` (``gap`` sentences after its last one), and whether
    its countries join the actors."""
    text = item.sentence.text
    told = group.text
    meeting = group.kind == "event" and group.subtype in ("reunion", "forum")
    if meeting and other_subject(group, item):
        return None
    if (
        not meeting
        and _DISCUSSING.match(text)
        and _ids(item) <= _ids(group)
        and any(re.search(_SAYING, s.text) for s in (group.sentence, *group.more))
    ):
        return "« Évoquant …, le ministre … » : l'orateur d'avant poursuit", False
    if meeting and _MEETING_SUBJECT.match(text):
        return "« la réunion » : la rencontre d'avant, son sujet", False
    if meeting and _DISCUSSING.match(text):
        return "ce qui a été abordé à la rencontre d'avant", False
    if meeting and participant_remarks(group, item):
        return "un participant, sur ce dont la rencontre a parlé (« Appréciant …, X … »)", False
    if _IN_STATEMENT.match(text) and (_titles(group) or _SURNAME_SAYS.match(group.sentence.text)):
        return "« dans le communiqué » : la suite de la même déclaration", False
    if (
        group.kind == "event"
        and gap <= 2
        and _CEREMONY.search(told)
        and _CEREMONY_DETAIL.match(text)
        and _ids(item) <= _ids(group)
    ):
        return "« les hymnes », « les intervenants » : le déroulement de la cérémonie", False
    if _ANOTHER_POINT.search(text):
        return None  # « Le président a aussi ajouté qu'il … » : another point, its own fact
    titled = _TITLED.match(text)
    if titled is not None:
        title = " ".join(titled.group("title").casefold().split())
        other = any(
            hit.text in titled.group(0) and hit.id not in _ids(group) for hit in item.actors
        )
        if title in _titles(group) and not other:  # « Le ministre turc » is another minister
            return f"« {title} » : le même orateur", False
    named = _SURNAME_SAYS.match(text)
    if named is not None and _spoke(group, named.group("name")):
        return f"« {named.group('name')} » : le même orateur, nommé de nouveau", False
    if _ANSWERS_IT.search(text) and (_titles(group) or "communiqué" in told):
        return "« cette déclaration » : la réaction à la déclaration d'avant", False
    if _DECISION.search(text) and _DECIDED.search(told) and gap <= 2 and _ids(item) & _ids(group):
        return "« la décision » : celle de la phrase d'avant", True
    if (
        group.subtype == "declaration"
        and (item.subtype == "declaration" or (item.kind == "fact" and re.search(_SAYING, text)))
        and _ids(group) == _ids(item)
        and _named_things(group.text) & _named_things(text)
        and _same_days(group, item)
    ):
        shared = sorted(_named_things(group.text) & _named_things(text))[0]
        return f"« {shared} » : la même déclaration du même pays, redite", False
    if (
        _THERE.search(text)
        and group.kind == "event"
        and gap == 1
        and not re.search(_SAYING, text)
        and not item.numbers
    ):  # « … a déclaré que 500 militaires y participent » : the ministry's own statement
        return "« y » : l'événement nommé juste avant, ses participants", True
    return None


def goes_on(candidates: list[Candidate], positions: dict[int, int]) -> list[Candidate]:
    """Join each candidate to the latest group it goes on with (see the module's rules);
    ``positions`` gives each sentence's index in the article by its start."""
    kept: list[Candidate] = []
    for item in candidates:
        target = None
        if (
            item.kind != "agreement"
            and not any(found.iso for found in item.dates if found.basis == "texte")
            and not (item.act in DONE_ACTS and not _ids(item) <= _ids(kept[-1] if kept else item))
        ):
            for group in reversed(kept):
                if item.sentence.start < group.sentence.start:
                    continue
                gap = positions[item.sentence.start] - group.position
                if gap > REACH or group.kind == "agreement":
                    continue
                found = _why(group, item, gap)
                if found is not None:
                    target = (group, found)
                    break
        if target is None:
            kept.append(item)
            continue
        group, (why, with_actors) = target
        group.more += [item.sentence, *item.more]
        group.carrying |= {sentence.start for sentence in (item.sentence, *item.more)}
        group.grouped_why += [why, *item.grouped_why]
        group.position = max(group.position, item.position)
        if with_actors:
            known = _ids(group)
            group.actors += [hit for hit in item.actors if hit.id not in known]
        group.resolved += [r for r in item.resolved if r.actor in _ids(group)]
    return kept
