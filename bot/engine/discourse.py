"""Conversational filler: the words of a question that speak about the conversation, not its
subject (« on m'a dit », « je crois », « petite vérification », « passons », « truc curieux »,
« mon rédacteur en chef veut », « stp »).

No well-kept French library lists discourse markers: Snowball's stop words (``french``) are
function words only. So this is a short list, kept small on purpose: verbs of saying, reading,
believing and remembering put in the first or second person, words that manage the exchange,
and evaluative or politeness words. A word here is still searched (the ranking is the
reader's business), but it never steers what the reader is told: it is not shown in the
« Compris » line, not listed among the words without effect, not named in a « the articles
don't mention » or « no sentence unites » line, and not put in a search button's label
(issue 22, phone readers of the ninth blind set).
"""

from __future__ import annotations

from bot.engine.french import LIGHT_WORDS
from bot.text import fold

FILLER_WORDS = frozenset(
    fold(word)
    for word in " ".join(
        (
            # the exchange itself: opening, moving on, coming back, asking again
            "passons passe revenons reviens revenir question questions petite petit annexe",
            "verification verifier verifie truc trucs curieux curieuse curieusement bref bon",
            "ok voila passage parenthese rapide rapidement simple simplement aparte",
            # the speaker and what they read, heard, believe or remember
            "crois croyais cru pense pensais semble semblait souviens rappelle souvenir",
            "confonds confondre trompe tromper lu entendu raconte racontait demandais",
            "comprendre compris comprends suppose imagine sauf erreur sais savais suis resté",
            "quelque faut disent disait disaient jusqu chez",
            "redacteur redaction papier collegue collegues patron lecteurs veut voulait",
            # evaluation and politeness
            "interesse interesserait interessant interessante curieux juste belles beaux",
            "indulgent indulgents indulgente soyez excuse excusez pardon stp svp merci",
            "plait bonjour salut article articles",
        )
    ).split()
)
"""Folded words that manage the exchange, speak of the speaker or only evaluate."""


def is_filler(word: str) -> bool:
    """True for a word (any spelling) that is conversation, not subject: ``FILLER_WORDS`` and
    the adverbs of time and degree (``french.LIGHT_WORDS``: « surtout », « encore »)."""
    folded = fold(word)
    return folded in FILLER_WORDS or folded in LIGHT_WORDS
