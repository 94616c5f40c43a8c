"""A claim naming who held a role and a quote naming another for the same role: « Non » on
top (issue 22, task i22zq, phone readers of the fourteenth blind set).

« … conclu sous médiation russe ? », « c'est Moscou qui a fait la médiation ? » over « avec la
médiation des États-Unis »: the answer opens « Non : d'après l'article, « la médiation des
États-Unis », pas « médiation russe ». ». A « Non » is a claim about the articles, so it is
said only when all of these hold:

- the claim ties an actor A to a noun R by a noun's complement: « R A-adjectif » (« médiation
  russe »), « R de A » (« la médiation de Moscou »), or « c'est A qui … R » with at most
  ``CLEFT_WORDS`` content words between them;
- the quote ties the same noun (by stem) to another actor B the same way, right after it
  (« la médiation des États-Unis », « d'origine russe »), and names A within ``NEAR_ROLE``
  words after none of its occurrences (« permanents de la Turquie … permanents adjoints des
  États-Unis »: no « Non » to « les représentants permanents des États-Unis »);
- B is named nowhere in the claim (« la Russie a-t-elle critiqué la médiation américaine ? »
  names both: no verdict);
- at least half the claim's other content words are held by the quote or its line (``HELD_SHARE``):
  the quote is about the claim's subject.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.engine.french import LIGHT_WORDS, folded_stem, is_stop
from bot.engine.index import Index
from bot.text import fold

_TOKEN = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_OF = frozenset({"de", "du", "des", "d"})
_ARTICLES = frozenset({"la", "le", "l", "les"})
CLEFT_WORDS = 2
"""Content words allowed between the actor and the noun in « c'est A qui a fait la R »."""
HELD_SHARE = 0.5
"""Share of the claim's other content words the quote and its line must hold."""


@dataclass(frozen=True)
class _Token:
    folded: str
    start: int
    end: int


def _tokens(text: str) -> list[_Token]:
    return [_Token(fold(m.group(0)), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def _actor_forms(index: Index) -> list[tuple[str, tuple[str, ...], bool]]:
    """(actor id, folded form split in words, whether the form is an adjective)."""
    forms: list[tuple[str, tuple[str, ...], bool]] = []
    for actor in index.base.actors.values():
        for name in actor.names():
            if len(name) > 2:
                forms.append((actor.id, tuple(t.folded for t in _tokens(name)), False))
        for adjective in actor.demonyms:
            forms.append((actor.id, tuple(t.folded for t in _tokens(adjective)), True))
    return [form for form in forms if form[1]]


def _actor_at(
    tokens: list[_Token], at: int, forms: list[tuple[str, tuple[str, ...], bool]]
) -> tuple[str, int, bool] | None:
    """The actor named from token ``at``: (id, tokens it spans, adjective), longest form."""
    best: tuple[str, int, bool] | None = None
    for actor, form, adjective in forms:
        size = len(form)
        if tuple(t.folded for t in tokens[at : at + size]) == form and (
            best is None or size > best[1]
        ):
            best = (actor, size, adjective)
    return best


def _named(tokens: list[_Token], forms: list[tuple[str, tuple[str, ...], bool]]) -> set[str]:
    return {found[0] for at in range(len(tokens)) if (found := _actor_at(tokens, at, forms))}


def _tied_after(
    tokens: list[_Token], at: int, forms: list[tuple[str, tuple[str, ...], bool]]
) -> tuple[str, int] | None:
    """The actor the noun at ``at`` is tied to by « R A-adjectif » or « R de (la) A »: its
    id and the index of its last token."""
    nxt = at + 1
    found = _actor_at(tokens, nxt, forms)
    if found is not None and found[2]:
        return found[0], nxt + found[1] - 1
    if nxt < len(tokens) and tokens[nxt].folded in _OF:
        nxt += 1
        if nxt < len(tokens) and tokens[nxt].folded in _ARTICLES:
            nxt += 1
        found = _actor_at(tokens, nxt, forms)
        if found is not None and not found[2]:
            return found[0], nxt + found[1] - 1
    return None


_CLEFT = re.compile(r"\bc'(?:est|était)\s+(?:la |le |l')?$", re.IGNORECASE)


def _claimed_roles(
    claim: str, tokens: list[_Token], forms: list[tuple[str, tuple[str, ...], bool]]
) -> list[tuple[str, str, str]]:
    """(noun stem, actor id, the claim's words for them) the claim ties together."""
    found: list[tuple[str, str, str]] = []
    for at, token in enumerate(tokens):
        if is_stop(token.folded) or len(token.folded) < 5:
            continue
        tied = _tied_after(tokens, at, forms)
        if tied is not None:
            said = claim[token.start : tokens[tied[1]].end]
            found.append((folded_stem(token.folded), tied[0], said))
    for at, token in enumerate(tokens):
        actor = _actor_at(tokens, at, forms)
        if actor is None or actor[2] or not _CLEFT.search(claim[: token.start]):
            continue
        after = tokens[at + actor[1] :]
        if not after or after[0].folded != "qui":
            continue
        content = [t for t in after[1:] if not is_stop(t.folded)][: CLEFT_WORDS + 1]
        for noun in content:
            if len(noun.folded) >= 5:
                said = claim[token.start : token.end]
                found.append((folded_stem(noun.folded), actor[0], said))
    return found


NEAR_ROLE = 4
"""Words after the role's noun in the quote within which the claim's own actor, named, holds
the role too (« les représentants permanents adjoints des États-Unis »)."""


def _near_the_role(
    tokens: list[_Token], stem: str, actor: str, forms: list[tuple[str, tuple[str, ...], bool]]
) -> bool:
    """True when the quote names ``actor`` within ``NEAR_ROLE`` words after any of its
    occurrences of the role's noun."""
    for at, token in enumerate(tokens):
        if folded_stem(token.folded) != stem:
            continue
        for later in range(at + 1, min(len(tokens), at + 1 + NEAR_ROLE)):
            found = _actor_at(tokens, later, forms)
            if found is not None and found[0] == actor:
                return True
    return False


def other_actor(index: Index, claim: str, quote: str, line: str = "") -> str:
    """« Non : d'après l'article, « la médiation des États-Unis », pas « médiation russe ». »
    when ``claim`` ties an actor to a noun and ``quote`` ties another actor to it; "" else."""
    claim = claim.replace("’", "'")
    quote_text = quote.replace("’", "'")
    forms = _actor_forms(index)
    claim_tokens = _tokens(claim)
    roles = _claimed_roles(claim, claim_tokens, forms)
    if not roles:
        return ""
    named_in_claim = _named(claim_tokens, forms)
    quote_tokens = _tokens(quote_text)
    context = {folded_stem(t.folded) for t in _tokens(f"{line} {quote_text}".replace("-", " "))}
    for stem, actor, said in roles:
        for at, token in enumerate(quote_tokens):
            if folded_stem(token.folded) != stem:
                continue
            tied = _tied_after(quote_tokens, at, forms)
            if tied is None or tied[0] == actor or tied[0] in named_in_claim:
                continue
            if _near_the_role(quote_tokens, stem, actor, forms):
                return ""  # « représentants permanents adjoints des États-Unis »: A has it too
            if not _about_the_same(claim, said, context):
                return ""
            start = at - 1 if at and quote_tokens[at - 1].folded in _ARTICLES else at
            begin = quote_tokens[start].start
            written = quote_text[begin : quote_tokens[tied[1]].end]
            return f"Non : d'après l'article, « {written} », pas « {said} »."
    return ""


def _about_the_same(claim: str, said: str, context: set[str]) -> bool:
    """True when the claim's content words outside ``said`` are mostly in ``context``."""
    rest = _tokens(claim.replace(said, " ").replace("-", " "))  # « Arménie-Azerbaïdjan »
    wanted = {
        folded_stem(t.folded)
        for t in rest
        if not is_stop(t.folded) and len(t.folded) > 2 and t.folded not in LIGHT_WORDS
    }
    held = wanted & context
    return len(held) >= 2 and len(held) >= HELD_SHARE * len(wanted)
