"""French phrases whose noun names nothing: « avoir lieu » (take place), « sur le plan
militaire » (militarily).

« quand a eu lieu l'exercice ? » asks a date: its « lieu » is no place to look for, no word
to search and no word to set aside. The phrase keeps its verb and loses the noun, before any
reader sees the question (question type, filter, search). Likewise « qu'est-ce qui lie Bakou
et Ankara sur le plan militaire ? » asks about military ties: its « plan » is no plan of
cooperation (« le plan de défense avec le Royaume-Uni »), and the phrase reads « militaire ».
"""

from __future__ import annotations

import re

_TAKES_PLACE = re.compile(
    r"\b((?:a|ont|aura|auront|avait|avaient|avoir|aurait|auraient|aurai)"
    r"(?:-t-(?:il|elle|ils|elles|on))?(?:\s+(?:bien|déjà|deja|vraiment|eu))*)\s+lieu\b",
    re.IGNORECASE,
)


_ON_THE_LEVEL = re.compile(
    r"\b(?:sur|au|du) (?:le )?plan (?=(?:militaire|économique|economique|politique|"
    r"diplomatique|sécuritaire|securitaire|énergétique|energetique|stratégique|strategique"
    r"|technologique|commercial|international|régional|regional)s?\b)",
    re.IGNORECASE,
)


_ALL_ALONG = re.compile(
    r"\b(?:depuis le (?:tout )?début|jusqu['’ ]?(?:à|a) (?:aujourd['’ ]?hui|maintenant|nos jours"
    r"|ce jour|présent|present)|à ce jour|a ce jour)\b",
    re.IGNORECASE,
)
"""« depuis le début jusqu'à aujourd'hui »: the whole span, which a chronology shows anyway."""
_POLITE_ASK = re.compile(
    r"\b(?:tu peux|tu pourrais|vous pouvez|vous pourriez|peux-tu|pourrais-tu|pouvez-vous"
    r"|pourriez-vous)(?: me| nous)? (?:faire|donner|sortir|montrer|préparer|preparer)\b"
    r"|\bfais(?:-| )moi\b",
    re.IGNORECASE,
)
"""« tu peux me faire une chronologie … ? »: the request itself, no word to search."""


_LATELY = re.compile(
    r"\b(?:ces derniers temps|ces dernier temps|ces temps[- ]ci|derni[èe]rement)\b", re.IGNORECASE
)
"""« ces derniers temps », « ces temps-ci »: recently — its « temps » is no word to search."""


_Q = r"(?:que |qu['’]\s*)"
_HEARSAY = re.compile(
    r"(?:,\s*)?\b(?:"
    r"(?:d['’]\s*après|selon) ce (?:que |qu['’]\s*)(?:j['’]\s*ai|je|on m['’]\s*a|on)"
    r" (?:lu|entendu|compris|vu|sais|crois savoir|retenu|dit)"
    r"|si je (?:me souviens|me rappelle|ne me trompe|ne m['’]\s*abuse)(?: bien| pas)?"
    r"|si j['’]\s*ai bien (?:compris|lu|suivi|retenu)"
    rf"|on m['’]\s*a (?:dit|raconté|raconte|expliqué|explique|assuré|assure) {_Q}"
    rf"|j['’]\s*ai (?:lu|entendu(?: dire)?|cru comprendre|vu passer) {_Q}"
    rf"|il me semble(?: bien)? {_Q}|il paraît {_Q}|il parait {_Q}|paraît-il|parait-il"
    rf"|je (?:crois|pense) (?:savoir )?{_Q}"
    # an afterthought: « …, il me semble. », « …, je crois ? » (nothing follows but punctuation)
    r"|(?:il me semble(?: bien)?|me semble-t-il|je crois|je pense|je suppose)(?=\s*[.?!…]*\s*$)"
    r"|sauf erreur(?: de ma part)?|à ma connaissance|a ma connaissance|de mémoire"
    r"|à ce que je sache|a ce que je sache|en bonne et due forme"
    r")(?:\s*,)?",
    re.IGNORECASE,
)
"""« d'après ce que j'ai lu », « si je me souviens bien », « on m'a dit que » : how the asker
knows or remembers, no word of what is asked (never searched, never set aside)."""


_POINTER = (
    r"\b(?:selon|d['’]\s*apr[eè]s|dans) (?:l['’]\s*|l |les |cet |ces |ton |tes |vos |votre |ta )"
    r"(?:article|articles|auteur|auteurs|autrice|texte|textes|papier|papiers|sources?)\b"
)
_SOURCE_POINTER = re.compile(
    rf"(?:,\s*)?{_POINTER}(?: (?:sur|consacr[ée]e? [àa]|au sujet d[eu]s?) [^?!.,;:]{{1,40}})?"
    r"(?=\s*[?!.]*\s*$)"
    rf"|(?:,\s*)?{_POINTER}(?:\s*,)?",
    re.IGNORECASE,
)
"""« selon les articles », « d'après l'auteur », « … selon l'article sur l'OTS ? » : which text
the asker means, no word of what is asked (the answers quote the articles anyway). At the end
of the question, the article's own subject goes with it (« sur l'OTS » names the article, not
the menaces asked: searched, it ranked the OTS's manoeuvres first)."""


_EMPHASIS = re.compile(
    r"(?:,\s*)?\b(?:au juste|quand m[êe]me|tout de m[êe]me)\b(?:\s*,)?", re.IGNORECASE
)
"""« c'est qui lui, au juste ? », « un texte a quand même été adopté ? »: insistence, no word
of what is asked (as « exactement »); « quand même » asks no date."""


_MADE_PUBLIC = re.compile(
    r"\b(?:rendu|rendue|rendus|rendues|rendre|rend|rendent|rendait)"
    r"(?P<object>(?: (?:cette|ce|cet|ces|la|le|les|l'|son|sa|ses) ?\w+)?) publi(?:c|cs|que|ques)\b"
    r"|\bfait savoir\b",
    re.IGNORECASE,
)
"""« qui a rendu publique la signature … ? », « qui a rendu cette signature publique ? », « qui
l'a fait savoir ? »: who announced it (the object kept: « annoncé cette signature ») —
read « annoncé », the verb the articles use (« a annoncé le président … »)."""


_SETS_UP = re.compile(
    r"\b((?:met|mettent|mettre|mis|mise|mises|mettra|mettront|mettait|mettaient)"
    r"(?:-(?:il|elle|ils|elles))?)\s+en\s+(?:place|œuvre|oeuvre)\b",
    re.IGNORECASE,
)
"""« l'accord met-il en place des rencontres ? »: a verb (set up), whose « place » is no place
and no word to search — the verb alone is kept."""


def without_idioms(text: str) -> str:
    """``text`` with « lieu » of « avoir lieu » taken out (« a eu lieu » → « a eu ») and
    « sur le plan » before an adjective (« sur le plan militaire » → « militaire »); « depuis
    le début jusqu'à aujourd'hui » and « tu peux me faire … » taken out; « ces derniers
    temps » read « récemment » ; the asker's own « si je me souviens bien », « on m'a dit
    que », « selon l'article (sur …) » taken out; « rendu public » read « annoncé »; « met en
    place » read « met »."""
    text = _ON_THE_LEVEL.sub("", _TAKES_PLACE.sub(r"\1", text))
    text = _SETS_UP.sub(r"\1", text)
    text = _POLITE_ASK.sub(" ", _ALL_ALONG.sub(" ", text))
    text = _LATELY.sub("récemment", text)
    text = _HEARSAY.sub(" ", text)
    text = _SOURCE_POINTER.sub(" ", text)
    text = _EMPHASIS.sub(" ", text)
    text = _MADE_PUBLIC.sub(lambda m: f"annoncé{m.group('object') or ''}", text)
    return re.sub(r"\s{2,}", " ", text).strip()
