"""« Pourquoi … ? » answered by a search passage that states the fact, not its reason: the
article's next sentence, when it gives a reason, shown right after it « pour le contexte »
(issue 22, sixth pass).

« pourquoi le Kremlin est irrité par le rapprochement avec l'OTAN ? » found « Ces signes de
rapprochements … irritent au plus haut point le Kremlin. » and stopped there, while the
article goes on « Il convient de rappeler que Moscou a toujours mis en avant l'intégration
possible de l'Ukraine à l'Alliance atlantique comme la raison principale … ». That sentence,
verbatim, is shown under « Ce que l'article écrit juste après, pour le contexte : » — never
called the answer — only when it carries a reason word and the first message still fits.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.engine.cards import visible
from bot.engine.detail import article_sentences
from bot.engine.index import Index
from bot.engine.reply import Para, Quote, Reply
from bot.text import fold

SCREEN = 1000
"""Visible characters the first message may reach with the sentence added (the rule is 1,200)."""
LONGEST = 400
"""Longest sentence added."""
_WHY = re.compile(r"\b(?:pourquoi|pour quelle raison|raison|raisons|motif|motifs)\b")
_REASON = re.compile(
    r"\b(?:raison|raisons|parce qu|car|en raison|afin d|c'est pourquoi|puisqu|du fait|a cause"
    r"|en effet|rappeler que|explique)\b"
)
"""A sentence giving a reason (folded, apostrophes plain)."""


def _folded(text: str) -> str:
    return fold(text).replace("’", "'")


def with_reason_after(index: Index, reply: Reply, question: str) -> Reply:
    """``reply`` with, right after its first quote, the article's next sentence when the
    question asks why, the quote gives no reason and that sentence does; unchanged else."""
    if not _WHY.search(_folded(question)):
        return reply
    at = next((n for n, block in enumerate(reply.blocks) if isinstance(block, Quote)), -1)
    if at < 0:
        return reply
    quote = reply.blocks[at]
    assert isinstance(quote, Quote)
    if _REASON.search(_folded(quote.text)) or not quote.source:
        return reply
    run = article_sentences(index, quote.source)
    plain = quote.text.replace("\u2019", "'")
    holding = [n for n, sentence in enumerate(run) if plain.rstrip(" .") in sentence]
    if not holding or holding[0] + 1 >= len(run):
        return reply
    following = run[holding[0] + 1]
    if len(following) > LONGEST or not _REASON.search(_folded(following)):
        return reply
    if any(isinstance(b, Quote) and following in b.text for b in reply.blocks):
        return reply  # already shown
    added = (
        Para("Ce que l'article écrit juste après, pour le contexte :", "note"),
        Quote(following, quote.attribution, quote.source, open=True),
    )
    blocks = (*reply.blocks[: at + 1], *added, *reply.blocks[at + 1 :])
    if visible(list(blocks)) > SCREEN:
        return reply
    return replace(reply, blocks=blocks)
