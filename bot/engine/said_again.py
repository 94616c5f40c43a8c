"""A follow-up asking a new detail never gets the previous answer again.

« signé quand exactement ? », « et qui était là ? », « ok et le contenu ? » after an answer ask
a new detail of its subject; an answer showing only the quotes just shown, the top one first,
adds nothing (issue 22, task i22zk, phone readers of the twelfth blind set: XX02, XX39, WW09).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.content.model import Agreement, Event, Fact
from bot.content.schema import Evidence
from bot.engine.index import Index
from bot.engine.passage import carries
from bot.engine.reply import Block, Button, Para, Quote, QuoteGroup, Reply

Entry = Event | Agreement | Fact

KEY_CHARACTERS = 80
"""The start of a quote that identifies it (a quote shown cut « … » keeps its start)."""
OWN = "¶"
"""Marks a quote shown as a block of its own (open, or folded under its line), not in a
list page's folded group."""


def shown_quotes(reply: Reply) -> tuple[str, ...]:
    """The start of each quote the reply shows, in order, once each; a quote shown as a block
    of its own marked ``OWN``."""
    found: dict[str, None] = {}
    for block in reply.blocks:
        if isinstance(block, Quote):
            found.setdefault(OWN + _key(block.text))
        elif isinstance(block, QuoteGroup):
            for _, quote in block.quotes:
                found.setdefault(_key(quote.text))
    return tuple(found)


def _key(text: str) -> str:
    return " ".join(text.split())[:KEY_CHARACTERS]


def says_again(before: tuple[str, ...], reply: Reply) -> bool:
    """Whether ``reply`` shows the same quotes of their own as ``before``, in the same order,
    and no other quote: a sentence opened that the previous answer only listed is new."""
    now = shown_quotes(reply)
    own_now = [key for key in now if key.startswith(OWN)]
    own_before = [key for key in before if key.startswith(OWN)]
    seen = {key.removeprefix(OWN) for key in before}
    return (
        bool(own_now)
        and own_now == own_before
        and all(key.removeprefix(OWN) in seen for key in now)
    )


def adds_nothing(before: tuple[str, ...], reply: Reply) -> bool:
    """Whether every quote ``reply`` shows was shown by the answer ``before``."""
    seen = {key.removeprefix(OWN) for key in before}
    return all(key.removeprefix(OWN) in seen for key in shown_quotes(reply))


def nothing_more(question: str) -> str:
    """The line said under a follow-up's « Compris » line when its answer can only show again
    what was shown: it says so, in the question's words, and leaves the articles' silence
    unclaimed (only the subject's sentences were read)."""
    asked = " ".join(question.split()).rstrip(" ?") + " ?"
    return (
        f"Sur « {asked} » : les phrases de ce sujet n'en disent pas plus que celles déjà montrées :"
    )


UNSHOWN_WORDS = 2
"""Content words of a follow-up that an unshown sentence of its subject must hold to be what
it asks (« sur quels sujets ont porté les pourparlers qui ont précédé la cérémonie ? »:
« La cérémonie … a été précédée de plusieurs heures de pourparlers … sur la sécurité
régionale, l'énergie … »)."""


def unshown_evidence(
    index: Index,
    question: str,
    evidence: Sequence[Evidence],
    before: tuple[str, ...],
    nearby: Sequence[Evidence] = (),
    kind: str = "",
) -> Evidence | None:
    """The sentence of the subject's ``evidence`` not shown ``before`` that holds the most of
    the follow-up's words (at least ``UNSHOWN_WORDS``), or None: while one exists, « the
    sentences of this subject say no more » would be a false « not said » (fourteenth blind
    set's fidelity reader, AC02). A sentence of the subject's neighbours in its article
    (``nearby``: « De là, le pétrole sera pompé … vers Novorossiysk ») counts too when it
    carries the ``kind`` of detail asked (a place for « où ») and holds a word of the
    question (« et ce pétrole il part où ensuite ? », fifteenth set, AH51)."""
    asked = set(index.tokens(question))
    seen = {key.removeprefix(OWN) for key in before}
    known = set(index.tokens(" ".join(seen)))  # words shown already: a tie goes to the newer
    best: tuple[int, int, Evidence] | None = None
    rows = [(item, UNSHOWN_WORDS) for item in evidence]
    if kind in SLOT_KINDS:
        rows += [(item, 1) for item in nearby if carries(kind, item.quote)]
    for item, least in rows:
        if _key(item.quote) in seen:
            continue
        words = set(index.tokens(item.quote))
        held, fresh = len(asked & words), -len(words & known)
        if held >= least and (best is None or (held, fresh) > best[:2]):
            best = (held, fresh, item)
    return best[2] if best is not None else None


def quoting_entries(index: Index, before: tuple[str, ...]) -> list[Entry]:
    """The entries whose own quotes the answer ``before`` showed (``shown_quotes``): the
    subject of a follow-up to an answer that listed no line (« combien de tonnes ? » shows
    its quotes alone). Read only on that path."""
    seen = {key.removeprefix(OWN) for key in before}
    if not seen:
        return []
    return [
        entry
        for entry in index.base.entries()
        if any(_key(item.quote) in seen for item in entry.evidence)
    ]


SLOT_KINDS = ("ou",)
"""Details a neighbour's sentence answers by carrying them: a place (``passage.carries``).
Never a name (a neighbour naming Aliyev answers no « qui côté américain ? »), nor a date or
a figure, which the subject's own sentences give."""


_MORE = re.compile(r"\+ (\d+) autres? résultats? \(bouton 🔎\)\.")
ALL_RESULTS = "🔎 Tous les résultats"


def more_on_button(blocks: tuple[Block, ...], button: Button) -> tuple[tuple[Block, ...], Button]:
    """« + 42 autres résultats (bouton 🔎). » said by the button itself (« 🔎 + 42 autres
    résultats ») when it runs the whole search: the first bubble loses a line, nothing is
    hidden unsaid. A button searching fewer words (« 🔎 Chercher « … » ») keeps the line."""
    if button.label != ALL_RESULTS:
        return blocks, button
    for at, block in enumerate(blocks):
        if isinstance(block, Para) and (more := _MORE.fullmatch(block.text)):
            number = int(more.group(1))
            plural = "s" if number > 1 else ""
            label = f"🔎 + {number} autre{plural} résultat{plural}"
            return (*blocks[:at], *blocks[at + 1 :]), Button(label, button.data)
    return blocks, button
