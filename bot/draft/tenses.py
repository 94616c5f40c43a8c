"""Tense readings the draft adds to the verb forms (issue 23, task i23zc): a conditional that
reports what someone announced (« a annoncé que des unités participeraient ») is a future told
in the past, not a hedge; a state told in the present (« reste modeste », « dispose d'une
armée », « Depuis 2015, … forme ») is a present, not a past; a year that names what a speaker
talks of (« les accords de 2020 ») is not the date of what is said.

Pure text tests: ``bot.draft.build`` decides the candidate's tense with them.
"""

from __future__ import annotations

import re

from bot.dates import MONTHS_FR

_REPORTING_THAT = re.compile(
    r"\b(?:(?:a|ont|avait|avaient)\s+(?:\w+\s+)?(?:annoncé|précisé|indiqué|déclaré|affirmé|"
    r"assuré|expliqué|ajouté|confirmé|fait\s+savoir|promis)|annonçant|précisant|indiquant|"
    r"affirmant|assurant|expliquant|ajoutant|confirmant)(?:\s+[\w’'-]+){0,3}?,?\s+"
    r"qu(?:e\b|['’])",
    re.IGNORECASE,
)
"""A reporting verb and its « que » : what follows is reported speech."""
_MODAL_CONDITIONAL = re.compile(r"^(?:pourr|devr|voudr|faudr|aur|sembler)\w*$", re.IGNORECASE)
"""« pourrait », « devrait », « voudrait », « faudrait », « aurait (accepté) » keep their own
reading (possibility, obligation, hearsay)."""
_CONDITIONAL_WORD = re.compile(r"\b[a-zà-ÿ]{2,}(?:rait|raient)\b")


def reported_future(text: str) -> bool:
    """Every conditional of the sentence stands after a reporting verb and its « que »
    (« a annoncé que des unités turques participeraient aux manœuvres »), and none is a modal
    or a hearsay past: the future of what was announced, told in the past."""
    said = _REPORTING_THAT.search(text)
    if said is None:
        return False
    words = list(_CONDITIONAL_WORD.finditer(text))
    if not words:
        return False
    for word in words:
        if word.start() < said.end() or _MODAL_CONDITIONAL.match(word.group(0)):
            return False
        if re.match(r"\s+(?:été|eu)\b", text[word.end() :]):
            return False
    return True


_PRESENT_STATE = re.compile(
    r"\b(?:reste|restent|demeure|demeurent|dispose|disposent|possède|possèdent|compte|"
    r"comptent|constitue|constituent|représente|représentent|entretient|entretiennent|"
    r"maintient|maintiennent|contribue|contribuent|participe|participent|forme|forment|"
    r"poursuit|poursuivent|considère|considèrent|coopère|coopèrent|fournit|fournissent|"
    r"accueille|accueillent|abrite|abritent|occupe|occupent|figure|figurent|détient|"
    r"détiennent|dépend|dépendent|partage|partagent|étudient|étudie|est|sont)\b"
)
"""A verb in the present that tells a state or a standing practice."""
_PAST_FORM = re.compile(
    r"\b(?:a|ont|avait|avaient|aura|auront|eut|eurent|est|sont|était|étaient|s['’]est|"
    r"se\s+sont|fut|furent)\s+(?:\w+\s+){0,2}?[a-zà-ÿ]+(?:é|ée|és|ées|i|is|ie|ies|it|u|us|ue|"
    r"ues|ert|erts|ort)\b"
    r"|\b[a-zà-ÿ]{2,}(?:ait|aient)\b",
    re.IGNORECASE,
)
"""A compound past, a passive or an imperfect: the sentence tells something done or past."""


def present_state(text: str) -> bool:
    """The sentence's verb is a present that tells a state (« Cette coopération reste
    modeste », « L'Azerbaïdjan dispose d'une des armées … », « Depuis 2015, l'Azerbaïdjan
    forme des officiers »), with no past form anywhere in it."""
    return _PRESENT_STATE.search(text) is not None and _PAST_FORM.search(text) is None


_PRESENT_MEANING = re.compile(
    r"\b(?:signifie|signifient|implique|impliquent|s['’]agit|s['’]applique|s['’]appliquent)\b"
)
"""« Cela signifie que la restriction ne s'applique pas », « il ne s'agit pas d'une
annulation » : what a thing means or is, told in the present."""


def present_tense(text: str) -> bool:
    """A state (``present_state``) or what a thing means or is (« Cela signifie que … »), in
    the present with no past form: the tense a constat of such sentences keeps."""
    return present_state(text) or (
        _PRESENT_MEANING.search(text) is not None and _PAST_FORM.search(text) is None
    )


def tells_no_past(text: str) -> bool:
    """No compound past, passive or imperfect anywhere in the sentence: it tells the present
    (« l'Italie … ferme donc les yeux sur … et prend le parti d'ignorer … »)."""
    return _PAST_FORM.search(text) is None


_UNDER_WAY = re.compile(
    r"\b(?:se\s+déroulen?t|se\s+tien(?:nen)?t|se\s+poursui(?:ven)?t|(?:a|ont)\s+lieu)\b"
)


def under_way(text: str) -> bool:
    """A present that tells a state or something going on as the article is written (« sont
    présents dans les exercices », « les exercices se déroulent à Bakou »), no past form."""
    return present_state(text) or (
        _UNDER_WAY.search(text) is not None and _PAST_FORM.search(text) is None
    )


_SINCE_HERE = re.compile(r"(?:[Dd]epuis|[Dd]ès)\b")
_SINCE = re.compile(r"\b(?:[Dd]epuis|[Dd]ès)\s+(?:l['’]an(?:née)?\s+)?$")


def standing_since(text: str, starts: list[int]) -> bool:
    """Each date of the sentence opens a state it still tells in the present (« Depuis 2015,
    l'Azerbaïdjan forme des officiers géorgiens ») : a constat, not an event of that year."""
    return (
        bool(starts)
        and all(_SINCE.search(text[:start]) or _SINCE_HERE.match(text[start:]) for start in starts)
        and present_state(text)
    )


_TIME_NOUNS = (
    "fin",
    "début",
    "mi",
    "courant",
    "printemps",
    "été",
    "automne",
    "hiver",
    "moitié",
    "semestre",
    "trimestre",
    "mois",
    "année",
    "an",
    "cours",
    *MONTHS_FR,
)
_OF_YEAR = re.compile(r"\b(?P<noun>[a-zà-ÿ]{2,})\s+(?:de|du|des)\s*$", re.IGNORECASE)


def year_of_thing(text: str, start: int, said_end: int) -> bool:
    """A year that names what a speaker talks about (« a affirmé que la Russie restait
    attachée aux accords de 2020 »), after the verb of saying: the year of the accords, not
    of the statement. « à la fin de 2020 », « en mars de 2021 » still date."""
    if start < said_end:
        return False
    found = _OF_YEAR.search(text[:start])
    return found is not None and found.group("noun").casefold() not in _TIME_NOUNS


def said_end(text: str) -> int | None:
    """Where the verb of saying and its « que » end, or None."""
    found = _REPORTING_THAT.search(text)
    return found.end() if found else None
