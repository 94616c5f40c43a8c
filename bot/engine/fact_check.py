"""Fact-checks: « c'est vrai que X ? », « mon collègue écrit X, c'est juste ? », « je peux
laisser ? » read as the yes/no question X, and a frank « Non : d'après l'article, … » on top
when the quote shown states another value of the slot the claim fills (issue 22, phone
readers of the seventh blind set).

A « Non » is a claim about the articles: it is said only when the quote under it gives, for
the same subject (the question's other words held by the quote or its line), a different
place (« à Bakou » for « à Washington »), month or year (« En août » for « en juillet »), count
of the same kind (« plus de 80 » for « plus de 100 ») or membership (« membre du programme
… » for « membre de l'OTAN »). The value said is taken from the quote, in its words. Anything
else keeps the careful wording (``verdicts.otherwise``) or none.
"""

from __future__ import annotations

import re

from bot.dates import MONTHS_FR
from bot.engine.french import LIGHT_WORDS, folded_stem, is_stop, words
from bot.engine.verdicts import ROUGHLY
from bot.engine.yesno import ASKING
from bot.text import fold

_FRAMING_BEFORE = re.compile(
    r"^\s*(?:[^:,?]{1,30}:\s*)?"  # « Petite vérification : »
    r"(?:(?:dans|sur|d'après) (?:le|la|l'|mon|ma|ce|cette|un|une|notre) ?"
    r"[\w-]+(?: [\w-]+){0,2}\s*,?\s*)?"
    r"(?:(?:c'est|c'était|il est|on a|j'ai) (?:écrit|lu|noté|marqué|dit)"
    r"|(?:mon|ma|mes|notre|nos|un|une) [\w-]+ (?:m'a |nous a |a |m'|me |nous )?"
    r"(?:écrit|écrivent|dit|disent|affirme|affirment|prétend|prétendent|assure|assurent"
    r"|explique|expliquent|raconte|racontent"
    r"|soutient|soutiennent)"
    r"|(?:est-ce|est-il|c'est|c'était|il est) (?:bien |vraiment )?(?:vrai|exact|juste|correct)"
    r"|(?:il paraît|on dit|on m'a dit|j'ai lu|j'ai entendu|on affirme|on prétend|on écrit"
    r"|on raconte|on lit|il me semble|il semblerait|j'ai l'impression|je crois savoir"
    r"|(?:je lis|je viens de lire|j'ai cru lire|j'ai vu)"
    r"(?: (?:dans|sur) (?:le|la|l'|un|une|mon|ma|notre|ce|cette) ?[\w-]+(?: [\w-]+){0,2})?)"
    r"|quelqu'un(?: [\w'-]+){0,4}? (?:m'|me |nous |n')?(?:a )?(?:affirme|dit|écrit|assure)"
    r"|(?:peut-on|peut-t-on|puis-je|pourrait-on|pourrais-je|on peut|je peux|est-ce qu'on peut"
    r"|est-ce que je peux) (?:bien |vraiment )?(?:écrire|ecrire|dire|affirmer|titrer|mettre)"
    r"|(?:le|la|l'|les|notre|nos|ce|cette) ?(?:brouillon|papier|draft|copie|dépêche|depeche"
    r"|chapeau|encadré|encadre|légende|legende|note|texte|article|titre|résumé|resume)s?"
    r"(?: [\w'-]+){0,3}? (?:dit|disent|écrit|ecrit|affirme|indique|indiquent|mentionne"
    r"|précise|precise|avance|annonce))"
    r"\s+(?:que\s*,?\s*|qu')",
    re.IGNORECASE,
)
"""A claim's frame before it: « c'est vrai que », « mon collègue écrit que », « dans le papier
c'est écrit que », « il paraît que »; a writer's own check (issue 22, task i22zj): « peut-on
écrire que », « je peux dire que », « le brouillon dit que », « notre papier indique que »."""
_FRAMING_AFTER = re.compile(
    r"(?:[\s,.;:?!]*(?:c'est|c'était|est-ce|ce serait|ça serait) (?:bien |vraiment |donc )?"
    r"(?:vrai|juste|exact|correct|bon|ça|confirmé)"
    r"|[\s,.;:?!]*(?:je|on) (?:peux|peut|pourrais|pourrait|dois|doit) (?:le |la |l')?"
    r"(?:laisser|garder|écrire|publier|mettre|maintenir|citer)"
    r"|[\s,.;:?!]+(?:mon|ma|mes|notre|nos|un|une) [\w-]+ (?:m'a |nous a |a )?"
    r"(?:écrit|dit|affirme|prétend|assure|soutient)\b[^?]*"
    r"|[\s,.;:?!]*(?:vrai|exact|juste|correct) ou (?:faux|pas)"
    r"|\s*[,;:]\s*(?:c'est |ce serait )?(?:bien )?(?:vrai|exact|juste|correct|ça|ca|cela)"
    r"(?= ?\?)"
    r"|\s*[,;:]\s*(?:non|hein|n'est-ce pas|pas vrai|right)(?= ?\?)"
    r"|\s+(?:right|hein)(?= ?\?)"
    r"|[\s,;:.?!]+(?:je|tu|vous|on) (?:confirme|confirmes|confirmez|me trompe|se trompe"
    r"|valide|valides|validez)(?: pas)?(?= ?\?)"
    r"|[\s,;:.?!]+on est d'accord(?= ?\?)"
    r"|[\s,;:.?!]+(?:c'est|est-ce) (?:bien |vraiment )?ce que (?:disent|dit) (?:nos|les|vos|tes)"
    r" (?:sources|articles|textes)(?= ?\?)"
    r"|[\s,;:.?!]+c'est (?:bien )?(?:ca|cela)(?: ou (?:pas|non))?(?= ?\?)"
    r"|[\s,.;:]+(?:correct|exact|juste|vrai|confirmé|confirme|c'est ça|ok)"  # « …, correct ? »
    r"|[\s,;:.?!]*(?:je|on) (?:peux|peut|pourrais|pourrait) (?:l'|le |la )?écrire"
    r"|[\s,;:.?!]+(?:l'article|les articles|le texte|la source|les sources|vos sources)"
    r" (?:le |la |l')?(?:confirme|confirment)(?:-t-il|-t-elle|-ils|-elles)?"
    r"|[\s,;:.?!]+(?:pouvez-vous|pourriez-vous|peux-tu|pourrais-tu|vous pouvez|tu peux)"
    r" (?:me |nous )?(?:le |la |l')?(?:confirmer|vérifier|verifier)(?: [\w'-]+){0,4}?)"
    r"[\s?!.]*$",
    re.IGNORECASE,
)
"""A frame after the claim: « …, c'est juste ? », « … Je peux laisser ? », « … ? mon
collègue écrit 100 »; a check put in one word or two at the end (issue 22, phone readers of
the tenth blind set): « …, correct ? », « …, non ? », « …, je confirme ? », « … Tu
confirmes ? », « …, c'est bien ca ? » typed without its cedilla, « … Je peux l'écrire ? »."""


_INCISE = re.compile(
    r"\s*,\s*(?:si je ne me trompe pas|si je ne m'abuse|sauf erreur(?: de ma part)?"
    r"|si j'ai bien (?:compris|lu)|d'après ce que j'ai lu)\s*,\s*",
    re.IGNORECASE,
)
"""A check put as an aside within the claim (« La Hongrie, si je ne me trompe pas, est membre
… ? »): its negation is the speaker's, never the claim's."""


_ASIDE_AT_ENDS = re.compile(
    r"^\s*(?:si je (?:comprends|lis) bien|si j'ai bien (?:compris|lu)|si je ne m'abuse"
    r"|si je ne me trompe pas|sauf erreur(?: de ma part)?)\s*,?\s*(?=\S)"
    r"|\s*,\s*(?:si je ne me trompe pas|si je ne m'abuse|sauf erreur(?: de ma part)?)"
    r"(?=\s*[?!.]*\s*$)",
    re.IGNORECASE,
)
"""The same check put before the claim or after it (« Si je comprends bien, l'arsenal … ? »,
« … sous médiation russe, si je ne me trompe pas ? »)."""


_FOR_THE_RECORD = re.compile(
    r"^\s*pour (?:la|ma|mon|notre|nos|mes|le|info|mémoire|memoire)(?: [\w-]+)?\s*:\s*",
    re.IGNORECASE,
)
"""What the claim is for, before a colon (« pour la note : », « pour mon papier : »): the
speaker's purpose, never the claim's subject."""


_CONCLUDED = re.compile(r"^\s*(?:donc|du coup|bref|autrement dit)\s*,?\s+(?=\S)", re.IGNORECASE)
"""A conclusion the speaker draws and puts to the bot (« Donc le plan court jusqu'en 2030 ? »,
« donc aze membre de l'otan depuis 1994 ? »): a claim to check, asked yes or no."""


def fact_check_set_aside(text: str) -> tuple[str, bool]:
    """``text`` without the frame of a fact-check (« c'est vrai que », « mon collègue écrit
    que », « …, c'est juste ? », « je peux laisser ? »), ending with « ? », and whether one
    was found: the claim left is asked yes or no. Unchanged when no frame is found or
    nothing would be left."""
    plain = text.replace("\u2019", "'")
    plain, aside = _INCISE.subn(" ", plain)
    plain, at_ends = _ASIDE_AT_ENDS.subn("", plain)
    aside += at_ends
    plain = _FOR_THE_RECORD.sub("", plain)
    plain, concluded = _CONCLUDED.subn("", plain)
    stripped, after = _FRAMING_AFTER.subn("", plain)
    stripped, before = _FRAMING_BEFORE.subn("", stripped)
    claim = stripped.strip(" ,.;:?!")
    if not (before or after or aside or concluded) or len(words(claim)) < 2:
        return text, False
    return f"{claim[0].upper()}{claim[1:]} ?", True


_MONTHS = tuple(fold(month) for month in MONTHS_FR)
_MONTH = re.compile(
    r"(?:\b(?:en|le|depuis|dès|début|mi|fin|courant)[\s-]+(?:d'|de )?)?"
    r"(?:\b\d{1,2}(?:er)? )?\b(" + "|".join(MONTHS_FR) + r")\b(?: \d{4})?",
    re.IGNORECASE,
)
_YEAR = re.compile(
    r"(?:\b(?:en|depuis|dès|de|jusqu'en|jusqu’en)\s+)?(?<![\w.,])((?:19|20)\d\d)(?!\w|[.,]\d)"
)
_SPAN = re.compile(
    r"(?:\b(?:en|depuis|dès|de|pour|jusqu'en|jusqu’en|JUSQU'EN|JUSQU’EN)\s+)?(?:la période )?"
    r"(?<![\w.,])(?:19|20)\d\d(?:\s?[-/–]\s?(?:(?:19|20)\d\d|\d\d)(?!\d))?(?!\w|[.,]\d)"
)
"""A year as a quote writes it, with its span when it gives one (« pour 2026/27 », « pour la
période 2026-2027 », « de 1994 »)."""
_PLACE = re.compile(r"(?:^|[\s,(])(?:à|a) ([A-ZÀ-Ý][\w'’-]+)")
_PLACE_ASKED = re.compile(
    r"(?:^|[\s,(])((?:à|a)(?: la | l'| les | )|aux? )([A-ZÀ-Ý][\w'’-]+(?: [A-ZÀ-Ý][\w'’-]+)*)"
)
"""A place a claim gives (« à Washington », « à la Maison Blanche », « au Kremlin »): the
words before it, and its name."""
_COUNT = re.compile(
    r"\b(plus de|moins de|près de|environ|au moins)? ?(?<![\w.,])(\d{1,3}(?:[ .\u202f]\d{3})+|\d+)"
    r"(?![\w.,]\d|\w) ?([^\W\d_]+)?"
)
_MEMBER = re.compile(
    r"\bmembres? (?:à part entière |permanents? |pleins? )?(d(?:e la|e l'|e|u|es)) ?"
    r"([^,.;:!?()]{2,80})",
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(r"\s(?:depuis|dès|en|au|aux|avec|pour|et|à|le|la|les)\s", re.IGNORECASE)
"""Where the organisation a membership question names ends (« de l'OTAN| depuis 1992 »)."""
_KINDS = (
    "traités?|pactes?|mémorandums?|memorandums?|protocoles?|conventions?|chartes?|plans?"
    "|feuilles? de route|déclarations?|accords?|contrats?"
)
_KIND = re.compile(
    rf"\b(?:(?:un|une|le|la|l'|ce|cet|cette|d'un|d'une|du|de la) ?)?({_KINDS})"
    r"(?: (?:d'|de |du |des |en )[\wÀ-ÿ'-]+(?: [\wÀ-ÿ-]+){0,3}?)?"
    r"(?=[\s,.;:!?»)]|$)",
    re.IGNORECASE,
)
"""An act named by its kind (« un traité d'alliance », « un mémorandum d'entente »)."""
_ACTED = re.compile(r"\b(?:sign\w*|conclu\w*|adopt\w*|approuv\w*|paraph\w*)", re.IGNORECASE)
_SPOKEN = frozenset({"dit", "declare", "affirme", "annonce", "annonca", "indique", "explique"})
"""Verbs of saying a quote may word otherwise (« a dit » asked, « annonça » quoted)."""


def _stems(text: str) -> set[str]:
    return {folded_stem(fold(word)) for word in words(text)}


_ASIDE = frozenset(
    {"fin", "debut", "mi", "courant", "contraire", "plutot"}
    | {"va", "vont", "allait", "allaient", "aller", "venait", "vient", "viennent"}
)
"""Words of a claim a quote need not hold: a date's qualifier (« fin novembre »), the
speaker's contrast (« au contraire ») and the auxiliaries of a near future or past (« va
augmenter », « vient de signer »: the tense is the quote's)."""


def _held(
    question: str,
    context: str,
    slot: str,
    lenient: bool = False,
    unheld: frozenset[str] = frozenset(),
) -> bool:
    """True when the question's words other than its ``slot`` (stop words, verbs of saying,
    adverbs of time, aspect and degree, one-letter words aside) are all held by ``context``
    (the quote and its line); ``lenient``: all but one of three or more (a place or a count
    of the same thing already ties the quote to the claim)."""
    rest = question.replace(slot, " ")
    wanted = {
        folded_stem(fold(word))
        for word in words(rest)
        if not is_stop(word)
        and len(word) > 1
        and fold(word) not in _SPOKEN
        and fold(word) not in LIGHT_WORDS  # « est bien entré » names the same subject
        and fold(word) not in unheld  # no article holds it: no quote could
        and fold(word) not in _ASIDE
    }
    wanted -= {folded_stem(month) for month in _MONTHS}
    if not wanted:
        return False
    missing = wanted - _stems(context)
    return not missing or (lenient and len(wanted) >= 3 and len(missing) == 1)


def _years(text: str) -> set[str]:
    return {match.group(1) for match in _YEAR.finditer(text)}


def _spanned_years(text: str) -> set[str]:
    """Every year ``text`` writes, a span's years between its ends included: « pour 2026/27 »
    holds 2027 too, so « valable en 2027 ? » is never told « Non » by it."""
    found = _years(text)
    for match in _SPAN.finditer(text):
        ends = re.findall(r"(?:19|20)\d\d|(?<=[-/–])\s?\d\d(?!\d)", match.group(0))
        if len(ends) != 2:
            continue
        first, last = int(ends[0]), int(ends[1].strip())
        if last < 100:
            last += first - first % 100
        found |= {str(year) for year in range(first, min(last, first + 50) + 1)}
    return found


def year_values(text: str) -> set[str]:
    """The years (1900-2099) written in ``text``."""
    return _years(text)


def _count(text: str) -> list[tuple[str, int, str, str]]:
    """Counts written in ``text``: (qualifier, value, noun stem, as written), years and days
    of a month left out."""
    found: list[tuple[str, int, str, str]] = []
    for match in _COUNT.finditer(text):
        value = int(re.sub(r"\D", "", match.group(2)))
        noun = match.group(3) or ""
        if 1900 <= value <= 2100 or fold(noun) in _MONTHS:
            continue
        said = match.group(0).strip()
        found.append((fold(match.group(1) or ""), value, folded_stem(fold(noun)), said))
    return found


def contradicted(
    question: str,
    quote: str,
    line: str = "",
    lenient: bool = True,
    unheld: frozenset[str] = frozenset(),
) -> str:
    """:func:`one_slot_contradicted`, with the edition's rank said too when the claim gives
    another (« pas une vingtaine de pays ; « 3ᵉ », pas première »): a « Non » corrects every
    part of the claim it can read, never one and leaves the other standing."""
    said = one_slot_contradicted(question, quote, line, lenient, unheld)
    rank = other_rank(question, quote) if said else ""
    return f"{said[:-1]} ; {rank}." if rank and rank not in said else said


def one_slot_contradicted(
    question: str,
    quote: str,
    line: str = "",
    lenient: bool = True,
    unheld: frozenset[str] = frozenset(),
) -> str:
    """« Non : d'après l'article, … » when ``quote`` (shown under ``line``) states another
    value of the slot the yes/no ``question`` fills — place, month, year, count of the same
    thing with the same qualifier, membership — for the same subject (``lenient``: a place or
    a count may leave one other word of the question unheld; ``unheld``: folded words of the
    question no article holds, never sought); "" otherwise."""
    context = f"{line} {quote}"
    folded_quote = fold(quote)
    asked_at = [m for m in _PLACE_ASKED.finditer(question) if fold(m.group(2)) not in folded_quote]
    places = [m.group(2) for m in asked_at]
    quoted = [p for p in _PLACE.findall(quote) if fold(p) not in fold(question)]
    slot = asked_at[0].group(0).strip(" ,(") if asked_at else ""  # « a Washington » typed
    # unaccented, « à la Maison Blanche »
    undated = _YEAR.sub(" ", question)  # a year is a value of its own, checked below
    month = _other_month(question, quote, context, unheld)
    if places and quoted and _held(undated, context, slot, lenient, unheld):
        asked = f"à{slot[1:]}" if slot.startswith("a ") else slot  # typed « a » for « à »
        month = month or _other_month(question.replace(slot, " "), quote, context, unheld, True)
        also = f" ; {month}" if month else ""  # « à Washington en janvier »: both said
        return f"Non : d'après l'article, « à {quoted[0]} », pas « {asked} »{also}."
    if month:
        return f"Non : d'après l'article, {month}."
    span = _other_span(question, quote, context, lenient, unheld)
    if span:
        return span
    asked_years, said_years = _years(question), _spanned_years(quote)
    if len(asked_years) == 1 and said_years and not asked_years & said_years:
        year = next(iter(asked_years))
        written = next(m for m in _SPAN.finditer(quote))
        if _held(question, context, year, lenient, unheld) and _MONTH.search(question) is None:
            typed = _YEAR.search(question)
            said_as = typed.group(0).strip() if typed is not None else year
            if not said_as.startswith(("jusqu", "dès", "depuis")):
                said_as = year  # « pas 2021 »; « pas jusqu'en 2030 » keeps its bound
            return f"Non : d'après l'article, « {written.group(0).strip()} », pas {said_as}."
    roughly = _roughly(question, quote, context, lenient, unheld)
    if roughly:
        return roughly
    status = _other_status(question, quote, context, lenient, unheld)
    if status:
        return status
    direction = _other_direction(question, quote, context, lenient, unheld)
    if direction:
        return direction
    for qualifier, value, noun, said in _count(question):
        for quote_qualifier, quote_value, quote_noun, quote_said in _count(quote):
            same = quote_qualifier == qualifier and quote_noun == noun and noun
            if same and quote_value != value and _held(question, context, said, lenient, unheld):
                return f"Non : d'après l'article, « {quote_said} », pas {said}."
    kind = _other_kind(question, quote, context, lenient, unheld)
    if kind:
        return kind
    beyond = _not_only(question, quote, context, unheld)
    if beyond:
        return beyond
    asked_member = _MEMBER.search(question)
    said_member = _MEMBER.search(quote)
    if asked_member and said_member:
        asked_of = [w for w in words(asked_member.group(2)) if not is_stop(w)]
        said_of = fold(said_member.group(2))
        other = asked_of and fold(asked_of[0]) not in said_of.split()[:1]
        if other and _held(question, context, asked_member.group(0), False, unheld):
            asked_said = _CLAUSE_END.split(asked_member.group(0))[0].strip()
            return f"Non : d'après l'article, « {said_member.group(0).strip()} », pas {asked_said}."
    return ""


def _other_month(
    question: str, quote: str, context: str, unheld: frozenset[str], lenient: bool = False
) -> str:
    """« « Le 10 février 2026 », pas en janvier 2026 » when the claim's month is another than
    the quote's, for the same subject; "" otherwise."""
    asked_month = _MONTH.search(question)
    said_month = _MONTH.search(quote)
    if not (asked_month and said_month) or fold(asked_month.group(1)) in fold(quote):
        return ""
    if not _held(question, context, asked_month.group(0), lenient, unheld):
        return ""
    return f"« {said_month.group(0).strip()} », pas {asked_month.group(0).strip()}"


def _other_span(
    question: str, quote: str, context: str, lenient: bool, unheld: frozenset[str]
) -> str:
    """« Non : d'après l'article, « pour 2026/27 », pas 2025-2026. » when the claim gives a
    span of years (« porte sur 2025-2026 ») and the quote another one, for the same subject;
    "" otherwise (issue 22, task i22zj: a draft's wrong period confirmed by a list's title)."""
    asked = [m for m in _SPAN.finditer(question) if re.search(r"\d\s?[-/–]\s?\d", m.group(0))]
    said = [m for m in _SPAN.finditer(quote) if re.search(r"\d\s?[-/–]\s?\d", m.group(0))]
    if not (asked and said):
        return ""
    if _spanned_years(asked[0].group(0)) == _spanned_years(said[0].group(0)):
        return ""
    typed = asked[0].group(0).strip()
    if not _held(_YEAR.sub(" ", question), context, typed, lenient, unheld):
        return ""
    return f"Non : d'après l'article, « {said[0].group(0).strip()} », pas {typed}."


_RANK_ASKED = re.compile(
    r"\b(?:\d+(?:ᵉ|e|è|er|re|ème|eme|ieme)|premier|première|premiere|deuxième|deuxieme"
    r"|troisième|troisieme|quatrième|quatrieme|cinquième|cinquieme|second|seconde)"
    r"(?= (?:édition|edition|forum|sommet|session|réunion|reunion|conférence|conference)\b)",
    re.IGNORECASE,
)
"""A rank the claim gives to an edition (« une première édition », « le 2e forum »)."""
_RANK_SAID = re.compile(r"\b\d+(?:ᵉ|e|è|er|re|ème|eme)(?= \w)|\b\w+ième\b", re.IGNORECASE)


def other_rank(question: str, quote: str) -> str:
    """« « 3ᵉ », pas première » when the claim ranks an edition and the quote gives another
    rank; "" otherwise."""
    asked = _RANK_ASKED.search(question)
    said = _RANK_SAID.search(quote)
    if asked is None or said is None or fold(asked.group(0)) == fold(said.group(0)):
        return ""
    return f"« {said.group(0)} », pas {asked.group(0)}"


def _kind_stem(kind: str) -> str:
    return fold(kind).split()[0].rstrip("s")


def _other_kind(
    question: str, quote: str, context: str, lenient: bool, unheld: frozenset[str] = frozenset()
) -> str:
    """« Non : d'après l'article, « un mémorandum d'entente », pas « un traité d'alliance » »
    when the question names an act of one kind (a treaty, a pact, a charter…; never the
    generic « accord ») and the quote, which tells the act done (signed, concluded, adopted),
    names it as another kind and never as the one asked."""
    asked = _KIND.search(question)
    if asked is None or _kind_stem(asked.group(1)) == "accord":
        return ""
    if not _ACTED.search(quote):
        return ""
    stem = _kind_stem(asked.group(1))
    if stem in {_kind_stem(word) for word in words(context)}:
        return ""  # the kind asked is in the quote or its line: no other kind to oppose
    said = next((m for m in _KIND.finditer(quote) if _kind_stem(m.group(1)) != stem), None)
    if said is None:
        return ""
    if not (_ACTED.search(question) or _held(question, context, asked.group(0), lenient, unheld)):
        return ""  # « ont signé un traité ? » read on the act found for the parties asked
    return (
        f"Non : d'après l'article, « {said.group(0).strip()} », pas « {asked.group(0).strip()} »."
    )


_ROUGH_ASKED = re.compile(
    r"(?<![\w-])(?:une? |d'une? )?(" + "|".join(sorted(ROUGHLY)) + r")s? (?:de |d')([^\W\d_]+)",
    re.IGNORECASE,
)
"""A count asked roughly (« une quarantaine de pays »): its word and the thing counted."""
ROUGH_MARGIN = 0.2
"""A count given in the quote says otherwise when it is off by more than this share."""


def _roughly(question: str, quote: str, context: str, lenient: bool, unheld: frozenset[str]) -> str:
    """« Non : d'après l'article, « plus de 80 pays », pas une quarantaine » when the question
    asks a rough count (« une quarantaine de pays ») and the quote counts the same thing
    (« plus de 80 pays »; « nations » for « pays » is another noun: no verdict) far from it."""
    asked = _ROUGH_ASKED.search(question)
    if asked is None:
        return ""
    value = ROUGHLY[fold(asked.group(1)).rstrip("s")]
    noun = folded_stem(fold(asked.group(2)))
    for _qualifier, quote_value, quote_noun, quote_said in _count(quote):
        far = abs(quote_value - value) > value * ROUGH_MARGIN
        if quote_noun == noun and far and _held(question, context, asked.group(0), lenient, unheld):
            return f"Non : d'après l'article, « {quote_said} », pas {asked.group(0).strip()}."
    return ""


_FULL_MEMBER = re.compile(
    r"\bmembres? (?:à part entière|a part entiere|de plein droit|plein|pleins|permanents?"
    r"|titulaires?)\b",
    re.IGNORECASE,
)
_OBSERVER = re.compile(
    r"\b(?:membres? observat(?:eur|rice)s?|observat(?:eur|rice)s?|statut d'observat\w+)",
    re.IGNORECASE,
)


def _other_status(
    question: str, quote: str, context: str, lenient: bool, unheld: frozenset[str]
) -> str:
    """« Non : d'après l'article, « membre observateur », pas membre à part entière »
    when the question asks a full membership and the quote gives an observer's status for
    the same subject (the question's other words held by the quote or its line)."""
    asked = _FULL_MEMBER.search(question)
    said = _OBSERVER.search(quote)
    if asked is None or said is None:
        return ""
    rest = _YEAR.sub(" ", question)  # « depuis 2009 »: the status is what is checked
    if not _held(rest, context, asked.group(0), lenient, unheld):
        return ""
    return f"Non : d'après l'article, « {said.group(0).strip()} », pas {asked.group(0).strip()}."


_MORE = re.compile(
    r"\b(?:augment\w*|accro[iî]\w*|intensifi\w*|reprend\w*|repris\w*|relanc\w*|poursui\w*"
    r"|continu\w*)",
    re.IGNORECASE,
)
"""A claim that something grows, resumes or goes on (« Lukoil allait augmenter ses
livraisons »)."""
_STOP = re.compile(
    r"\b(?:(?:a |ont |va |vont )?(?:cess\w*|arr[eê]t\w*|interromp\w*|suspend\w*|stopp\w*)"
    r"|(?:met|mettra|mettront|a mis|ont mis) fin)"
    r"(?: (?:de |d'|à |a )?[\w'’]+){0,3}",
    re.IGNORECASE,
)
"""A quote saying it stops (« Lukoil cessera de fournir du pétrole », « a arrêté ses
importations »), with the words it stops."""


def _other_direction(
    question: str, quote: str, context: str, lenient: bool, unheld: frozenset[str]
) -> str:
    """« Non : d'après l'article, « cessera de fournir du pétrole », pas augmenter » when the
    claim says a thing grows or goes on and the quote, on the same subject, that it stops;
    never when the claim is negated or itself says it stops."""
    asked = _MORE.search(question)
    said = _STOP.search(quote)
    if asked is None or said is None or _STOP.search(question) or _NEGATED.search(question):
        return ""
    if not _held(question, context, asked.group(0), lenient, unheld):
        return ""
    stopped = said.group(0).split()
    while len(stopped) > 1 and is_stop(stopped[-1]):
        stopped.pop()  # « cessera de fournir du pétrole », never « … fournir du »
    return f"Non : d'après l'article, « {' '.join(stopped)} », pas « {asked.group(0)} »."


_NEGATED = re.compile(r"\b(?:ne|n'|n’|pas|plus|jamais)\b", re.IGNORECASE)


_CORRECTED = re.compile(r", pas (?:« )?([^;».]+?)(?: »)?(?= ;|\.$|$)")


def unechoed(verdict: str, reading: str) -> str:
    """The « Compris » line ``reading`` without the words a « Non » ``verdict`` corrects
    (« Non : … « 3ᵉ », pas première » takes « première » out of « première édition »): the
    line never repeats the false premise the answer denies. Words the right value uses too
    (« pays » in « « plus de 80 pays », pas une vingtaine de pays ») stay."""
    denied = _CORRECTED.findall(verdict)
    wrong = {fold(w) for value in denied for w in words(value) if not is_stop(w)}
    right = re.findall(r"« ([^»]+) », pas", verdict)
    wrong -= {fold(w) for value in right for w in words(value)}
    if not wrong or not reading.startswith("Compris :"):
        return reading
    head, _, rest = reading.partition(":")
    outside, paren, inside = rest.partition(" (")

    def kept(match: re.Match[str]) -> str:
        return "" if fold(match.group(2)) in wrong else match.group(0)

    outside = re.sub(r"((?:[\U0001F1E6-\U0001F1FF]{2} )?)([^\W\d_]+)", kept, outside)
    outside = re.sub(r" {2,}", " ", outside)
    outside = re.sub(r"\s*,(?:\s*,)+", ",", re.sub(r"\s+,", ",", outside))
    outside = re.sub(r"^\s*,\s*", " ", outside).rstrip(" ,")
    return f"{head}:{outside}{paren}{inside}"


_ONLY = re.compile(
    r"\b(?:uniquement|seulement|exclusivement|purement|strictement|simplement)\b"
    r"|\bn(?:e\s|')(?:(?!\bpas\b)[^?.;])*?\bque\b(?!\s*(?:l'|la |le |les )?(?:article|texte))",
    re.IGNORECASE,
)
"""A claim that something is only one thing (« uniquement de coopération militaire », « n'est
présent que dans le domaine de la défense », « seulement un partenaire militaire »)."""
_NOT_ONLY_ASKED = re.compile(
    r"\b(?:pas|non|ou) (?:seulement|uniquement|simplement|que)\b", re.IGNORECASE
)
"""« pas seulement » claims more than one thing; « X, ou seulement Y ? » asks between two."""
_BEYOND = re.compile(
    r"\bnon seulement\b[^.;?!]*?\bmais (?:aussi|également|encore)\b[^.;?!]*"
    r"|\bdépass\w* (?:le cadre|la sphère|le domaine|le seul)[^.;?!]*"
    r"|\bau-delà (?:de|du|des)\b[^.;?!]*",
    re.IGNORECASE,
)
"""A quote saying it is more than one thing (« non seulement la défense, mais aussi
l'énergie », « dépassent le cadre militaire : … », « au-delà de la défense »)."""
BEYOND_CHARS = 160
"""Longest part of the quote a « Non » on exclusivity repeats, cut at a word."""
BEYOND_WORDS = 8
"""Words at the start of the quote's « more » that name what it goes beyond (« non seulement
dans le domaine de la défense »)."""
ONLY_WORDS = 4
"""Words after « uniquement » / « ne … que » naming what the claim says it is only."""


def _not_only(question: str, quote: str, context: str, unheld: frozenset[str]) -> str:
    """« Non : d'après l'article, « dépassent le cadre militaire : la coopération en matière de
    développement régional … » » when the claim says a thing is only one thing and the quote,
    on the same subject, that it is that and more; "" otherwise (issue 22, task i22zq)."""
    asked = _ONLY.search(question)
    said = _BEYOND.search(quote)
    if asked is None or said is None or _NOT_ONLY_ASKED.search(question):
        return ""
    after = [w for w in words(question[asked.end() :]) if not is_stop(w) and len(w) > 2]
    only = {folded_stem(fold(w)) for w in after[:ONLY_WORDS]}
    opening = " ".join(said.group(0).split()[:BEYOND_WORDS])  # « dépassent le cadre militaire »
    if not only & _stems(opening):
        return ""  # the quote's « more » is beyond something else than the claim's « only »
    rest = question[: asked.start()] + " " + " ".join(after[ONLY_WORDS:])
    wanted = {
        folded_stem(fold(w))
        for w in words(rest)
        if not is_stop(w) and len(w) > 2 and fold(w) not in unheld and fold(w) not in LIGHT_WORDS
    }
    held = wanted & _stems(context)
    if wanted and len(held) * 2 < len(wanted):
        return ""
    written = said.group(0).strip(" ,:")
    if len(written) > BEYOND_CHARS:
        written = written[:BEYOND_CHARS].rsplit(" ", 1)[0].rstrip(" ,:;") + " …"
    return f"Non : d'après l'article, « {written} »."


def asked_only(text: str) -> bool:
    """True for a claim of exclusivity put with a question mark and no question word (« Avec
    l'OTAN, Aliyev parle uniquement de coopération militaire ? »): a yes/no question, whatever
    its verb."""
    stripped = text.strip()
    if not stripped.endswith("?") or _NOT_ONLY_ASKED.search(stripped):
        return False
    plain = re.sub(r"\bqu(?:e\b|['’])", " ", stripped.casefold())  # « dit-il que … »: no
    return _ONLY.search(stripped) is not None and not ASKING.search(plain)  # question word
