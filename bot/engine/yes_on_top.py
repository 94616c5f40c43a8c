"""A yes/no question answered by a list or a card: « Oui, d'après l'article : » on top, over
the quote that states what was asked, opened under its own line (issue 22, sixth pass).

The search answer had its « Oui » (``questions._verdict``); a question read as a list or a card
(« la Grèce était présente à la réunion avec l'OTAN ? ») showed the quote, often folded, and
left the reader to conclude. The same rule as the search's holds (``yesno.states``): « Oui » only
when the quote holds every content word of the question and neither side has a negation; only
the first line's quotes are read (the answer goes on top); never a « Non ».

A follow-up pointing back (« et la France, elle y était ? », « ils ont signé leurs accords à
Bakou ? ») asks of the subject just shown: its « Oui » needs a quote of that subject's own
articles (``scope``), never another event's quote holding the same words (issue 22, i22zp);
nor is it said over a list that had to leave some of the question's filter aside.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.engine.cards import visible
from bot.engine.reply import Block, Item, Para, Quote, QuoteGroup, Reply
from bot.engine.verdicts import VERDICT_OPENINGS, otherwise
from bot.engine.yesno import states
from bot.text import fold

YES = "Oui, d'après l'article :"
SCREEN = 1000
"""Visible characters the answer may reach with the stating quote opened (the rule is 1,200)."""
VERDICT_WORDS = frozenset(
    {"oui", "non", "vrai", "faux", "bien", "vraiment", "alors", "donc", "aussi"}
    | {"c", "ce", "ca", "cela", "t", "il", "elle", "ils", "elles"}
)
"""The only words of a yes/no question a quote need not hold: every other one (« membre »,
« signé », « prévu ») is what is asked, and a « Oui » over a quote lacking it would be false."""
_MODAL = re.compile(
    r"\b(?:propos\w*|prevu\w*|prevoi\w*|envisag\w*|pourrai\w*|pourront|devrai\w*|devront"
    r"|souhait\w*|entend\w*|intention|projet\w*|selon|aurai\w*|serai\w*|sera|seront"
    r"|cesser\w*|va|vont|espere\w*|compte\w*|veut|veulent|appel\w*)\b"
)
"""A quote's plan, wish, forecast, condition or attribution (folded): a « Oui » over it would
turn it into a plain fact, unless the question asks in the same words."""
_REVERSAL = re.compile(
    r"\b(?:arret\w*|cess\w*|interdi\w*|suspend\w*|stopp\w*|renonc\w*|annul\w*|romp\w*"
    r"|rompu\w*|quitt\w*|retir\w*|refus\w*|gel\w*|mis fin|met fin|ne plus)\b"
)
"""A quote that stops, bans or refuses (folded): it may say the opposite of what the question
asks in the same words (« importe encore du pétrole russe ? » over « a arrêté ses importations
de pétrole russe »); no « Oui » over it unless the question says the same."""


RELAXED = "Aucune entrée ne réunit tout ce filtre"
"""How a list says it left part of the question aside: its lines answer less than asked."""
_INVERTED = re.compile(r"-(?:t-)?(?:il|elle|ils|elles|on)\b")
"""An inverted subject pronoun (« a-t-il », « était-elle »): the question names its subject."""
_IMPERSONAL = re.compile(
    r"\b(?:il y (?:a|avait|aura|aurait|eut)|y (?:a|avait|aura|aurait|eut)-t-il|il (?:s[’']agit"
    r"|faut|fallait|est vrai|était vrai|semble|paraît))\b"
)
_POINTING = re.compile(r"\b(?:y|il|elle|ils|elles|leurs?|eux|lui)\b")
"""Words of a question pointing back to the subject just shown (folded, once the impersonal
« il y a » and the inverted « a-t-il » are set aside)."""


def points_back(question: str) -> bool:
    """True when ``question`` asks of a subject it does not name (« elle y était ? »)."""
    folded = fold(_INVERTED.sub(" ", _IMPERSONAL.sub(" ", question.casefold())))
    return _POINTING.search(folded) is not None


def yes_on_top(reply: Reply, question: str, scope: frozenset[str] = frozenset()) -> Reply:
    """``reply`` opened by « Oui, d'après l'article : » right above the first line whose quote
    states ``question`` (every content word but ``VERDICT_WORDS``), that quote open under it;
    unchanged when a verdict is already said, no quote of the first line states it, the list
    left part of its filter aside, or the stating quote is of a source outside ``scope`` (the
    sources of the subject a follow-up points back to; empty: any source)."""
    blocks = list(reply.blocks)
    if any(isinstance(b, Para) and b.text.startswith(VERDICT_OPENINGS) for b in blocks):
        return reply
    if any(isinstance(b, Para) and b.text.startswith(RELAXED) for b in blocks):
        return reply
    items = [at for at, block in enumerate(blocks) if isinstance(block, Item)]
    first = items[0] if items else None
    end = items[1] if len(items) > 1 else len(blocks)
    for at in range(len(blocks) if first is None else end):  # quotes shown under the first line
        block = blocks[at]
        if isinstance(block, Quote) and _settles(block.text, question) and _kept(block, scope):
            line = first if first is not None and first < at else at
            before = blocks[line - 1] if line else None
            if isinstance(before, Para) and before.text == "D'après l'article :":
                del blocks[line - 1]  # « Oui, d'après l'article : » says it
                line, at = line - 1, at - 1
            said = [*blocks[:line], Para(YES, "note"), *blocks[line:]]
            blocks[at] = replace(block, open=True)
            new = [*blocks[:line], Para(YES, "note"), *blocks[line:]]
            if visible(new) <= SCREEN:
                return replace(reply, blocks=tuple(new), fold_quotes=False)
            return replace(reply, blocks=tuple(said))  # the quote as it was shown
    if first is None:
        return reply
    item = blocks[first]
    assert isinstance(item, Item)
    for at, block in enumerate(blocks):
        if not isinstance(block, QuoteGroup):
            continue
        for position, (number, quote) in enumerate(block.quotes):
            if number != item.ref or not _settles(quote.text, question) or not _kept(quote, scope):
                continue
            rest = tuple(pair for n, pair in enumerate(block.quotes) if n != position)
            group: list[Block] = [QuoteGroup(rest)] if rest else []
            new = [*blocks[:at], *group, *blocks[at + 1 :]]
            opened = Quote(quote.text, quote.attribution, quote.source, open=True)
            new[first : first + 1] = [Para(YES, "note"), item, opened]
            if visible(new) <= SCREEN:
                return replace(reply, blocks=tuple(new), fold_quotes=False)
            # too long to open: said over the line, the quote staying in its fold below
            named = Para(f"Oui, d'après la citation de la ligne {number} ci-dessous :", "note")
            return replace(reply, blocks=(*blocks[:first], named, *blocks[first:]))
    return reply


def _kept(quote: Quote, scope: frozenset[str]) -> bool:
    """True when ``quote`` may answer: any quote without a scope, else one of its sources."""
    return not scope or quote.source in scope


def _settles(quote: str, question: str) -> bool:
    """True when ``quote`` states ``question`` as a plain fact: every word asked, nothing said
    otherwise (``verdicts.otherwise``), no plan, hedge or attribution the question lacks, no
    stop, ban or refusal it does not ask about."""
    if not states(quote, question, VERDICT_WORDS) or otherwise(question, quote):
        return False
    asked = {m.group(0)[:6] for m in _MODAL.finditer(fold(question))}
    if not all(m.group(0)[:6] in asked for m in _MODAL.finditer(fold(quote))):
        return False
    stopped = {m.group(0)[:5] for m in _REVERSAL.finditer(fold(question))}
    return all(m.group(0)[:5] in stopped for m in _REVERSAL.finditer(fold(quote)))
