"""Event frames of a dispatch: a meeting told by its verb (« a rencontré », « s'est entretenu
avec ») and its counterpart opens a frame; what was discussed in it (« Les deux ministres ont
abordé … », « Au cours de la rencontre … ») belongs to that frame, even after a sentence of
another kind; a second meeting verb with its own counterpart opens a second frame. A
statement's frame (« Cela a été annoncé par le ministère … », « a déclaré le communiqué »)
gathers the sentences that one speaker says.

Pure text tests: the grouping of ``bot.draft.build`` decides with them.
"""

from __future__ import annotations

import re

_MEETING_HEAD = re.compile(
    r"\b(?:a|ont|avait|avaient)\s+(?:\w+\s+){0,2}?rencontré\b"
    r"|\bs['’]est\s+(?:\w+\s+)?entretenue?\s+(?:[\w’'-]+\s+){0,3}?avec\b"
    r"|\bse\s+sont\s+(?:\w+\s+)?entretenus\b"
    r"|\b(?:a|ont)\s+(?:\w+\s+)?eu\s+(?:un|des|une)\s+(?:entretiens?|entrevue|rencontre|"
    r"(?:conversation|échange|appel)s?\s+téléphoniques?)\s+avec\b"
    r"|\b(?:entretien|entrevue|rencontre|(?:conversation|échange|appel|entretien)s?\s+"
    r"téléphoniques?)\s+(?:a|ont)\s+eu\s+lieu\b[^.;]{0,60}?\bentre\b"
    r"|\bs['’]est\s+réunie?\s+avec\b"
    r"|\b(?:a|ont)\s+(?:\w+\s+)?reçu\s+(?:son|sa|leur|le|la|les|l['’])\s?"
    r"(?:homologue|ministre|président|vice-ministre|chef|délégation|ambassadeur|commandant)",
    re.IGNORECASE,
)
"""The verb of a meeting with someone: « a rencontré », « s'est entretenu ce mardi avec »,
« a reçu son homologue », « Une conversation téléphonique a eu lieu ce mercredi entre … » (a
call is a meeting held at a distance)."""
_MEETING_PART = re.compile(
    r"^(?:Au\s+cours|Lors|Pendant|Durant)\s+(?:de\s+la|de\s+cette|de\s+leur|du|de\s+l['’]|des)\s*"
    r"(?:rencontre|réunion|entretiens?|entrevue|discussions?|pourparlers|échanges?|"
    r"conversations?|appel|visioconférence)\b"
    r"|^(?:Les\s+deux\s+(?:ministres|dirigeants|présidents|chefs|responsables|homologues|"
    r"parties|délégations|hommes|côtés)|Les\s+parties|Les\s+interlocuteurs|"
    r"(?:Leurs|Les|Ces)\s+(?:discussions|entretiens|échanges|pourparlers|conversations))\b"
    r"[^.;]*?\b(?:ont|a)\s+(?:\w+\s+){0,2}?(?:abordé|discuté|évoqué|porté|examiné|échangé|"
    r"passé\s+en\s+revue|procédé\s+à\s+un\s+échange|fait\s+le\s+point|insisté|souligné)\b"
)
"""« Au cours de la rencontre, … », « Au cours de la conversation téléphonique, … », « Les
deux ministres ont abordé … », « Leurs discussions ont principalement porté sur … » : what the
meeting told before talked about."""
_ARRIVAL = re.compile(
    r"\b(?:est|sont)\s+(?:\w+\s+)?arrivée?s?\b|\bs['’]est\s+(?:\w+\s+)?rendue?\b|"
    r"\bse\s+sont\s+(?:\w+\s+)?rendus\b|\ben\s+visite\b|\beffectu\w*\s+une\s+visite\b",
    re.IGNORECASE,
)
"""A visit told by its arrival: the meetings held during it are part of it."""
_STATEMENT_BY = re.compile(
    r"^(?:Cela|Ceci|C['’]est\s+ce\s+qu['’])\s*(?:a\s+été|qu['’]a)?\s*(?:annoncé|déclaré|"
    r"indiqué|affirmé|souligné|rapporté)e?\s+(?:par\s+)?(?P<who>(?:le|la|l['’])\s?[^,.;]{3,80})",
    re.IGNORECASE,
)
"""« Cela a été annoncé par le ministère azerbaïdjanais de la défense, … » : the sentence before
is that speaker's statement (reported speech without its verb)."""
_BODY = r"(?:ministère|ministre|porte-parole|présidence|gouvernement|communiqué|diplomatie)"
_SAYS_AGAIN = re.compile(
    rf"[\"”»]\s*,\s*a\s+(?:déclaré|indiqué|affirmé|souligné|ajouté|précisé)\s+"
    rf"(?:dans\s+(?:un|le|son)\s+communiqué|(?:le|la|l['’])\s?{_BODY})"
    rf"|^(?:Le|La|L['’])\s?{_BODY}\b[^,.;]{{0,60}}?\s+a\s+(?:\w+\s+)?(?:accusé|déclaré|dénoncé|"
    r"condamné|affirmé|estimé|rappelé|souligné|ajouté|qualifié|averti|indiqué|jugé)\b",
    re.IGNORECASE,
)
"""« …", a déclaré dans un communiqué … », « Le ministère … a accusé Paris … » : the same body
speaking on, in the statement told just before."""


def meeting_head(text: str) -> str | None:
    """The meeting verb of a sentence that tells a meeting with someone, not what was said in
    one (« Au cours de la rencontre, … a souligné » is a part)."""
    if _MEETING_PART.match(text):
        return None
    found = _MEETING_HEAD.search(text)
    return found.group(0) if found else None


def meeting_part(text: str) -> str | None:
    """The words that make a sentence part of the meeting just told, or None."""
    found = _MEETING_PART.match(text)
    return " ".join(found.group(0).split()[:4]) if found else None


def arrival(text: str) -> bool:
    """The sentence tells a visit by its arrival (« est arrivé à Bakou », « s'est rendu »)."""
    return _ARRIVAL.search(text) is not None and not _MEETING_HEAD.search(text)


def statement_by(text: str) -> str | None:
    """Who « Cela a été annoncé par … » names: the sentence before is their statement."""
    found = _STATEMENT_BY.match(text)
    return found.group("who").strip() if found else None


def says_again(text: str) -> str | None:
    """The words by which a sentence gives more of a body's statement (« a déclaré dans un
    communiqué », « Le ministère … a accusé »), or None."""
    found = _SAYS_AGAIN.search(text)
    return " ".join(found.group(0).split()[:6]) if found else None


_SAYING = (
    r"(?:souligné|déclaré|dit|indiqué|affirmé|noté|ajouté|précisé|rappelé|estimé|assuré|"
    r"expliqué|insisté|porté\s+à\s+l['’]attention|fait\s+savoir)"
)
_TITLE = (
    r"(?P<title>(?:vice-)?(?:secrétaire\s+général|ministre|président|porte-parole|chef|"
    r"ambassadeur|commandant|directeur|représentant))"
)
_TITLED_SPEAKER = (
    re.compile(
        rf"^(?:Le|La|L['’])\s?{_TITLE}\b[^.;«»\"]{{0,80}}?\s(?:a|avait)\s+(?:\w+\s+){{0,2}}?"
        rf"{_SAYING}\b",
        re.IGNORECASE,
    ),
    re.compile(
        rf"[»\"”]\s*,\s*a\s+(?:\w+\s+)?{_SAYING}\s+(?:le|la|l['’])\s?{_TITLE}\b"
        r"(?:\s+[\w’'-]+){0,3}",
        re.IGNORECASE,
    ),
)
"""« Le secrétaire général de l'Otan … a souligné », « …, a précisé le secrétaire général » :
a speaker named by his title."""
_HE_SAYS = re.compile(rf"^(?:Il|Elle)\s+a\s+(?:\w+\s+){{0,2}}?{_SAYING}\b")
"""« Il a souligné en particulier que … » : the speaker just named, speaking on."""


def speaker(text: str) -> str | None:
    """The title of the speaker a sentence's words are (« secrétaire général »), « il » for a
    pronoun speaking on, else None."""
    for pattern in _TITLED_SPEAKER:
        titled = pattern.search(text)
        if titled is not None:
            return " ".join(titled.group("title").casefold().split())
    return "il" if _HE_SAYS.match(text) else None


def speaker_words(text: str) -> str:
    """The words that name the speaker of ``text`` (« Le ministre turc … a souligné », « », a
    précisé le ministre turc »), empty without a titled speaker."""
    for pattern in _TITLED_SPEAKER:
        titled = pattern.search(text)
        if titled is not None:
            return titled.group(0)
    return ""


_OPENING = re.compile(
    r"\b(?:cérémonie\s+d['’](?:ouverture|inauguration)|ouverture|inauguration)\b[^.;]{0,200}?"
    r"\b(?:a|ont)\s+eu\s+lieu\s+(?:à|au|aux|dans|en|sur)\b"
    r"|\b(?:a|ont)\s+(?:\w+\s+)?inauguré\s+(?:le|la|les|l['’]|un|une)"
    r"|\b(?:s['’]est|se\s+sont)\s+(?:\w+\s+)?ouverte?s?(?:\s+[\w’'-]+){0,3}?\s+"
    r"(?:à|au|aux|dans|en)\b"
    r"|\ba\s+ouvert\s+ses\s+portes\b",
    re.IGNORECASE,
)
"""« La cérémonie d'ouverture du salon … a eu lieu au Centre d'exposition de Bakou », « a
inauguré la base », « s'est ouvert (mercredi) à Bakou » : an opening held at a place, an event."""
_ATTENDS = re.compile(
    r"\b(?:ont|a)\s+(?:\w+\s+)?(?:pris\s+part|participé|assisté)\s+(?:à\s+la|à\s+l['’]|à\s+cette|"
    r"à\s+cet|au)\s*(?:cérémonie|événement|évènement|inauguration|ouverture|salon|exposition|"
    r"forum|manifestation)"
    r"|\b(?:a|ont)\s+(?:\w+\s+)?réuni\b"
    r"|\b(?:a|ont)\s+(?:\w+\s+)?pris\s+connaissance\s+(?:du|des|de\s+la|de\s+l['’]|d['’])"
    r"|\b(?:a|ont)\s+(?:\w+\s+)?visité\s+(?:le|la|les|l['’])\s?(?:salon|exposition|stands?|"
    r"pavillons?)"
    r"|\b(?:étaient|ont\s+été)\s+présents\b",
    re.IGNORECASE,
)
"""Who attended the opening just told (« ont pris part à la cérémonie d'ouverture », « ont
également participé à l'événement », « a réuni des délégations », « a pris connaissance du
salon »): part of that event, with the countries it names (foreign ministers included)."""
_SHOWN = re.compile(
    r"\b(?:présentée?s?|exposée?s?|démontrée?s?|présenten?t?|exposen?t?|présente|expose)\b"
    r"[^.;]{0,120}?\b(?:à|au|sur|lors\s+du|lors\s+de|pendant|durant|au\s+cours\s+du)\s+"
    r"(?:l['’]|le|la)\s?(?:exposition|salon|stand)"
    r"|^(?:L['’]exposition|Le\s+salon|Le\s+stand|Le\s+pavillon)\b[^.;]{0,40}?\b(?:fournit|présente|"
    r"montre|est\s+démontrée?|propose|expose)\b"
    r"|^(?:Étaient|Sont|Ont\s+été)\s+(?:présentée?s|exposée?s)\b",
    re.IGNORECASE,
)
"""What was shown at the fair just opened (« L'Azerbaïdjan présente 193 types d'armes à
l'exposition », « Étaient présentés à l'exposition … ») : one constat, not the event."""


def opening(text: str) -> bool:
    """The sentence tells an opening held at a place (a fair, a ceremony, an inauguration)."""
    return _OPENING.search(text) is not None


def attends(text: str) -> str | None:
    """The words by which a sentence says who attended the event just opened, or None."""
    found = _ATTENDS.search(text)
    return " ".join(found.group(0).split()[:6]) if found else None


def shown(text: str) -> bool:
    """The sentence tells what was shown at the fair (not who came)."""
    return _SHOWN.search(text) is not None and _ATTENDS.search(text) is None
