"""Courtesy around a question: « Bonjour, pourriez-vous me dire à quelle date … ? », « Merci.
Combien de pays y ont participé, s'il vous plaît ? ». Greetings, thanks, « s'il vous plaît »
and « pourriez-vous me dire » ask nothing: taken out before any reader sees the question, so
that none is searched (« plaît ») and a follow-up stays short enough to continue the thread.
A message that is only courtesy (« merci ! ») is left as it is (the greeting answers it)."""

from __future__ import annotations

import re

from bot.engine.french import words

_OPENING = re.compile(
    r"^\s*(?:(?:bonjour|bonsoir|salut|hello|coucou|merci(?: beaucoup| bien)?|ok|d'accord|parfait"
    r"|super|très bien|tres bien|au passage|passons|bref|tiens|dites-moi|dis-moi"
    r"|madame|monsieur|mesdames|messieurs|madame,? monsieur|chers? (?:amis?|collègues?)"
    r"|chère (?:amie|collègue)"
    r"|(?:(?:une|petite|autre) )?(?:petite |autre )?(?:question|vérification|verification"
    r"|précision|precision)(?: annexe| rapide)?|truc curieux|chose curieuse|autre chose)"
    r"(?:\s+(?:à (?:vous|tous)|encore))?\s*[,.!;:]+\s*)+",
    re.IGNORECASE,
)
"""Greetings, thanks or a conversational opener (« Au passage, », « Petite question : »,
« Truc curieux : ») opening a message, closed by a punctuation mark (« Merci. »): none says
what is asked, and a follow-up behind one stays short enough to continue the thread."""
_PLEASE = re.compile(
    r"[,\s]*\b(?:s'il vous pla[iî]t|s'il te pla[iî]t|svp|stp)\b[,\s]*", re.IGNORECASE
)
_TELL_ME = re.compile(
    r"\b(?:pourriez-vous|pouvez-vous|pourrais-tu|peux-tu|vous pourriez|vous pouvez|tu pourrais"
    r"|tu peux)\s+(?:me|nous)\s+(?:dire|indiquer|préciser|preciser|rappeler)\s*(?:si\s+)?"
    r"|\b(?:je voudrais|j'aimerais|je souhaiterais|je veux)\s+savoir\s*(?:si\s+)?"
    r"|\b(?:auriez|auraient|aurais|aurez)-(?:vous|tu)\s+(?:la\s+(?:bonté|amabilité|gentillesse)"
    r"|l'(?:obligeance|amabilité))\s+de\s+(?:bien\s+vouloir\s+)?(?:m'en\s+|nous\s+en\s+|me\s+|nous\s+)?"
    r"(?:dire|indiquer|préciser|preciser|rappeler|donner|confirmer)?\s*(?:si\s+)?",
    re.IGNORECASE,
)
"""« pourriez-vous me dire à quelle date … » asks « à quelle date … », as « auriez-vous
l'obligeance de me rappeler quelle … » asks « quelle … » (a formal letter's courtesy)."""

_SPOKEN = re.compile(
    r"(?:^\s*|[,\s]+)(?:du coup|au juste|en fait|au fait|en gros|en vrai)\b(?=\s*(?:[?!.,;:]|$))",
    re.IGNORECASE,
)
"""Spoken connectives closing a clause (« ça s'est passé à Washington du coup ? », « signé quand
au juste ? », « En fait, … »): they tie the question to the talk and ask nothing, so « coup »
is never searched nor said absent (outside readers of the fourteenth blind set). Followed by a
word they are words of the sentence (« la Hongrie en fait partie ? », « du coup d'État »)."""


_ANSWER_FORM = re.compile(
    r"\b(?:explique|expliquez|explique-moi|expliquez-moi|explique-nous|expliquez-nous"
    r"|résume-moi|resume-moi|résumez-moi|resumez-moi)\b(?:-(?:moi|nous)\b)?\s*"
    r"|\b(?:(?:peux|pourrais)-tu|(?:pouvez|pourriez)-vous)\s+(?:m'|nous\s+)"
    r"(?:expliquer|résumer|resumer)\b\s*"
    r"|[,\s]*\ben (?:une|deux|trois|quatre|cinq|quelques|peu de|\d+) (?:phrases?|mots|lignes?)\b"
    r"|[,\s]*\ben (?:bref|résumé|resume|deux mots|un mot)\b(?!\s+(?:de|du|des)\b)"
    r"|(?<=\bquoi) (?:ce|ces) (?:truc|trucs|machin|machins|bidule)\b",
    re.IGNORECASE,
)
"""What asks for the form of the answer, never for a fact (« Explique-moi l'OTS en deux
phrases, c'est quoi ce truc ? » asks « l'OTS, c'est quoi ? »): « deux », « phrases » or
« explique » are no words of the articles to search (outside readers, thirteenth set)."""


def without_courtesy(text: str) -> str:
    """``text`` without its greetings, thanks, « s'il vous plaît », « pourriez-vous me
    dire », spoken connectives (« du coup ») and what asks the answer's form (« explique-moi »,
    « en deux phrases »); unchanged
    when nothing of two words or more would be left (one, after an answer's form)."""
    plain = text.replace("\u2019", "'")
    left, opened = _OPENING.subn("", plain)
    left, pleased = _PLEASE.subn(" ", left)
    left, told = _TELL_ME.subn("", left)
    left, formed = _ANSWER_FORM.subn("", left)
    left, spoken = _SPOKEN.subn("", left)
    if not (opened or pleased or told or formed or spoken):
        return text
    left = re.sub(r"\s+([?!.,])", r" \1", re.sub(r"\s{2,}", " ", left)).strip(" ,;:")
    if len(words(left)) < (1 if formed else 2):  # « l'OTS en quelques mots ? »: « l'OTS ? »
        return text
    return left[0].upper() + left[1:] if left[:1].islower() and text[:1].isupper() else left
