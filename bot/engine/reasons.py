"""« pourquoi … ? », « dans quel but ? », « quel objectif … poursuit-il ? », « qu'est-ce qui
motive … ? », « c'est quoi l'idée ? »: a question asking a reason or an aim is answered by the
sentence that gives one (« parce que », « afin de », « en raison de », « par crainte de »,
« visant à », « s'inscrit dans une stratégie », « cherche à »), not by
a side fact that only shares the question's words (issue 22, eleventh blind set, pass i22zg).

Both tests read folded text (accents, case, apostrophes and hyphens aside): they hold for
questions and articles nobody here wrote, as long as French puts a reason the usual ways.
"""

from __future__ import annotations

import re

from bot.text import fold

_ASKS = re.compile(
    r"\b(?:pourquoi|pk|pq|pkoi|pour quelles? raisons?|pour quel motif|dans quel but"
    r"|a quelle fin|a quoi (?:ca |cela )?(?:sert|servait|servira|bon)"
    r"|qu est ce qui (?:motive|pousse|explique|justifie)"
    r"|(?:quel|quels|quelle|quelles) (?:est |sont )?(?:l |les |le |la )?"
    r"(?:objectifs?|buts?|motivations?|motifs?|raisons?|finalites?|interets?|idees?|logique"
    r"|enjeux?|ambitions?|visees?)"
    r"|(?:c est|c) quoi (?:l |le |la |les )?(?:objectif|but|idee|logique|interet|enjeu|raison)"
    r"|l idee (?:c est|derriere)|vise(?:nt)?(?: t (?:il|elle|ils|elles))? quoi)\b"
)
"""A question asking why, or to what end (folded: apostrophes and hyphens are spaces)."""

_GIVES = re.compile(
    r"\b(?:parce qu\w*|car|puisqu\w*|afin (?:de|d|qu\w*)|pour que|en raison d\w*"
    r"|a cause d\w*|du fait d\w*|grace a|crain\w*|de peur|raisons?|motiv\w*"
    r"|vis(?:ant|e|ent|er) a|dans le but|objectifs?|but de|strategie|s inscri\w*"
    r"|cherch\w* a|c est pourquoi|expliqu\w*)\b"
)
"""A sentence giving a reason or an aim (folded): a cause (« parce que »,
« en raison de », « a toujours craint »), an end (« afin de », « visant à », « dans le
but »), a strategy it serves (« s'inscrit dans une stratégie », « cherche à »). Not « pour »
before a verb nor « entend »: too common in news prose to tell a reason."""


_NAMES_OF_REASON = (
    "objectif objectifs but buts motivation motivations motif motifs raison raisons finalite"
    " finalites idee idees logique enjeu enjeux ambition ambitions visee visees"
)
REASON_WORDS = frozenset(_NAMES_OF_REASON.split())
"""The folded words by which a question names the reason or aim it asks (« quel objectif »):
what is asked, not its subject — never searched for (``passage.without_kind_words``)."""


def asks_reason(question: str) -> bool:
    """True when ``question`` asks why, or to what end."""
    return bool(_ASKS.search(fold(question)))


def gives_reason(sentence: str) -> bool:
    """True when ``sentence`` gives a reason or an aim."""
    return bool(_GIVES.search(fold(sentence)))
