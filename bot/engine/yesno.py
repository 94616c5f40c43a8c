"""Yes/no questions (« est-ce que … ? », « … ? oui/non », « vrai ou faux : … »): their verdict
words set aside, and « Oui » said only when the quote on top states what was asked.

A « Oui » is a claim: it is said only when every content word of the question (by Snowball
stem) is in the quote shown under it, neither the quote nor the question holds a negation or
calls the thing needless (« superflu », « inutile »), and the quote does not merely report the
question (« on lui a demandé si … »). A « Non » only when a quote plainly denies what is asked
(``denies``): that a quote does not state something proves nothing.
"""

from __future__ import annotations

import re

from bot.engine.french import folded_stem, is_stop, words
from bot.text import fold

_VERDICT = re.compile(
    r"\bvrai ou faux\b\s*[:?]?|\boui ou non\b\s*\??|\boui\s*/\s*non\b\s*\??"
    r"|\binfo ou intox\b\s*\??|(?<![’'\w])est[- ]ce qu(?:e\b|['’])"
    r"|\byes\s*(?:/|or|ou)\s*no\b\s*\??|\boui\s*(?:/|ou|or)\s*no\b\s*\??"
    r"|\boui\s+non\s*\??\s*$"
    # a tag at the end (« c'était la première édition, non ? », « …, hein ? », « …, n'est-ce
    # pas ? »): yes or no asked, no word to search
    r"|(?:,\s*)?(?<!\bou )\b(?:non|hein|n['’]est-ce pas|pas vrai)\s*\?\s*$"
    # the same tag inside the sentence, before what the asker adds (« c'était petit non, genre
    # une vingtaine de pays ? »): after a word, never « ou non, », nor « Non, » that opens
    r"|(?<=\w)\s*,?\s+(?<!\bou )\bnon\s*,(?=\s*\w)",
    re.IGNORECASE,
)
_INVERTED = re.compile(r"\w-t-(?:il|elle|ils|elles|on)\b|\b(?:est|sont|a|ont)-(?:il|elle)s?\b")
_INTERROGATIVE = re.compile(
    r"(?<![\w-])(?:qui|que|quoi|quand|quel|quelle|quels|quelles|combien|comment|pourquoi"
    r"|lequel|laquelle|lesquels|lesquelles|où|qu')(?![\w-])|(?<![\w-])qu'"
    r"|^\s*ou\b|\b(?:vers|par|d'|jusqu'|jusqu'a|jusqu'à) ?ou\b"
)
"""An interrogative word before the inverted verb or « est-ce que » (« à quel exercice
l'armée a-t-elle participé ? », « quand est-ce que … ? »; « où » typed « ou » after « vers »,
« par », « d' » or opening the question: « vers ou sera-t-il redirigé ? »): a which/what
question, not yes/no."""
_NEGATION = frozenset(
    [
        "ne",
        "n",
        "pas",
        "jamais",
        "aucun",
        "aucune",
        "non",
        "sans",
        "ni",
        "nullement",
        "plus",
        "guere",
        "superflu",
        "superflue",
        "superflus",
        "superflues",
        "inutile",
        "inutiles",
    ]
)
_NEEDLESS = frozenset(["besoin", "necessaire", "necessaires", "utile", "utiles", "indispensable"])
"""Words asking whether something is needed: a quote calling it « superflu » or « inutile »
answers them, so they are not sought in it."""
_ASKED_BACK = re.compile(r"\b(?:demand|interroge|savoir|question)\w* s(?:i|il|ils)\b")
"""A quote that reports the question (folded: « on lui a demandé si la Turquie avait besoin
… », « interrogé sur la question de savoir s'il … »): it holds the words asked, affirms none."""
_NEEDLESS_SAID = re.compile(
    r"\bsuperflu\w*|\binutiles?\b|\b(?:pas|plus|aucun|nul) besoin\b"
    r"|\bn (?:est|etait|sera|serait) (?:pas|plus|nullement) (?:necessaire|utile|indispensable)"
)
"""A folded quote calling the thing needless: « rend superflue », « inutile », « pas besoin »,
« n'est pas nécessaire ». It denies a question asking for a need (``_NEEDLESS``), not one
asking whether the thing exists or was done."""
_NEGATED_VERB = re.compile(
    r"\bne? (?:(?:s|se|l|le|la|les|y|en|lui|leur) )*(\w+) (?:pas|jamais|plus|nullement)\b"
    r"(?: (?:encore |ete |eu )?(\w+))?"
)
"""« ne VERBE pas » / « n'AUXILIAIRE pas PARTICIPE » in a folded quote (« n'a pas signé »,
« ne s'est jamais tenu »): group 1 the verb, group 2 the word after the negation."""
_AUXILIARY = frozenset(
    [
        "a",
        "ont",
        "est",
        "sont",
        "avait",
        "avaient",
        "etait",
        "etaient",
        "sera",
        "seront",
        "serait",
        "va",
        "vont",
        "peut",
        "peuvent",
        "doit",
        "doivent",
        "fait",
        "font",
    ]
)
_NONE_OF = re.compile(r"\baucune? (?:d )?(\w+)")
"""« aucun camp », « aucune d'elles »: the word the quote says none of."""
_NOT_DENIAL = re.compile(r"\bnon seulement\b|\bpas (?:seulement|uniquement|que)\b|\bne \w+ que\b")
"""Negations that affirm (« non seulement », « pas seulement », « ne … que »)."""


_CLEFT = re.compile(
    r"\b(?:c'est|c est|c'etait|c'était|c etait|ce sont|ce serait|ce n'est pas|ce n est pas) "
    r"((?:(?!(?:quoi|quel|quels|quelle|quelles|lequel|laquelle|qui)\b)[\w'-]+ ){1,5})qui\b"
)
"""« C'est Aliyev qui a prononcé … ? »: a cleft sentence, whose « qui » is a relative pronoun
(a closed question), never « qui ? » (« c'est qui qui … », « c'est quoi le pays qui … » ask)."""


def uncleft(folded: str) -> str:
    """``folded`` with the « qui » of a cleft sentence taken out (``_CLEFT``)."""
    return _CLEFT.sub(lambda found: f"{found.group(0)[: -len('qui')]}", folded).replace("  ", " ")


def verdict_set_aside(text: str) -> tuple[str, bool]:
    """``text`` without its yes/no words (« vrai ou faux : », « oui/non », « est-ce que »),
    and whether it asks yes or no (those words, or an inverted verb: « a-t-il signé ? »), never
    when an interrogative word comes before them (« à quel exercice a-t-elle participé ? »)."""
    stripped = _VERDICT.sub(" ", text)
    stripped = re.sub(r"\s{2,}", " ", stripped).strip(" :")
    marker = _VERDICT.search(text) or _INVERTED.search(text.casefold())
    asked = marker is not None and not _INTERROGATIVE.search(
        uncleft(text[: marker.start()].casefold().replace("’", "'"))  # « c'est Moscou qui … »
    )
    if not stripped.strip(" ?!.,;:"):
        return text, False
    return stripped, asked


ASKING = re.compile(
    r"\b(?:qui|quoi|quand|quel|quelle|quels|quelles|combien|combienti\w*|quanti[eè]me|comment"
    r"|pourquoi|lequel|laquelle"
    r"|lesquels|lesquelles|qu['’]|que|ki|koi|qd|cb|cmb|pq|pk)\b|où|^ou\b|\bd['’]ou\b"
    r"|\bjusqu['’ ]?ou\b|\bpar ou\b|\bvers ou\b"
)
_FINITE = re.compile(
    r"(?<![\w'’-])(?:ont|est|sont|était|étaient|etait|etaient|sera|seront|serait|va|vont|avait|avaient"
    r"|aura|auront|fait|font|peut|peuvent|doit|doivent)(?![\w'’-])"
    r"|(?<![\w-])c['’](?:est|était|etait)(?![\w'’-])"
    r"|(?<![\w'’-])ce (?:sont|seront|serait)(?![\w'’-])"
    r"|(?<![\w'’-])a (?:\w+ment |bien |déjà |deja |toujours |encore |jamais |enfin )?"
    r"(?:été|ete|eu|\w+(?:é|ée|és|ées|i|is|it|u|us|ert|int))(?![\w'’-])"
)
"""A finite verb; « a » only before a past participle (« a signé », « a été »), an adverb
between them kept (« a vraiment signé », « a bien eu lieu »): typed for « à » it is no verb
(« et a partir de décembre ? »). « c'est », « c'était », « ce sont » are verbs too (« le forum,
c'était une trentaine de pays ? » states a count to check)."""


def asked_as_statement(text: str) -> bool:
    """True for a yes/no question put as a statement with a question mark (« l'accord avec
    les USA a été signé en 2025 ? »): it ends with « ? », holds a finite verb (an auxiliary
    or a common verb, accents kept: « à » is no « a ») and no question word."""
    stripped = text.strip()
    if not stripped.endswith("?"):
        return False
    lowered = stripped.casefold().replace("’", "'")
    return bool(_FINITE.search(lowered)) and not ASKING.search(lowered)


_PRONOUN_AFTER = re.compile(r"(?:-t)?-(?:il|elle|ils|elles|on)\b", re.IGNORECASE)
"""The subject pronoun of an inverted verb (« a-t-il », « sont-elles »)."""


def _stems(text: str) -> set[str]:
    return {folded_stem(fold(word)) for word in words(text)}


def _negated(text: str) -> bool:
    return any(fold(word) in _NEGATION for word in re.findall(r"\w+", text))


def states(quote: str, question: str, skip: frozenset[str] = frozenset()) -> bool:
    """True when ``quote`` says what the yes/no ``question`` asks: every content word of the
    question (not a stop word, not in ``skip``, folded) has its stem in the quote, and no
    negation on either side."""
    if _negated(quote) or _negated(question) or _ASKED_BACK.search(fold(quote)):
        return False
    question = _PRONOUN_AFTER.sub("", question)  # « entre-t-il » asks of « entre »
    wanted = {
        folded_stem(fold(word))
        for word in words(question)
        if not is_stop(word) and fold(word) not in skip and len(word) > 2
    }
    return bool(wanted) and wanted <= _stems(quote)


def _negated_stems(folded: str) -> set[str]:
    """Stems of the words a folded quote negates: the verb of « ne … pas » (the participle
    after an auxiliary) and the noun after « aucun »."""
    negated: set[str] = set()
    for match in _NEGATED_VERB.finditer(folded):
        verb, after = match.group(1), match.group(2)
        negated.add(folded_stem(verb))
        if after and verb in _AUXILIARY:
            negated.add(folded_stem(after))
    negated.update(folded_stem(match.group(1)) for match in _NONE_OF.finditer(folded))
    return negated


def denies(quote: str, question: str, skip: frozenset[str] = frozenset()) -> bool:
    """True when ``quote`` plainly denies what the yes/no ``question`` asks: it negates a
    word asked (« n'a pas signé » for « a-t-il signé ? », « aucun camp » for « un camp ? »), or
    calls the thing needless (« superflu », « inutile ») when a need is asked (« besoin »);
    and it holds at least two and half of the question's other content words. Never over a
    negated question, a quote reporting the question, or a negation that affirms (« non
    seulement »)."""
    folded = fold(quote)
    if _negated(question) or _ASKED_BACK.search(folded) or _NOT_DENIAL.search(folded):
        return False
    question = _PRONOUN_AFTER.sub("", question)
    asked = [
        fold(word)
        for word in words(question)
        if not is_stop(word) and fold(word) not in skip and len(word) > 2
    ]
    wanted = {folded_stem(word) for word in asked if word not in _NEEDLESS}
    need = any(word in _NEEDLESS for word in asked)
    if not ((need and _NEEDLESS_SAID.search(folded)) or wanted & _negated_stems(folded)):
        return False
    shared = wanted & _stems(quote)
    return len(shared) >= 2 and len(shared) * 2 >= len(wanted)
