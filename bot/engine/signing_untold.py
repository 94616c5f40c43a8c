"""« quand a été signée la déclaration de Choucha ? » of an agreement the articles never say was
signed (the base notes it with no act done — no signature, approval or adhesion): the
answer opens by saying the articles give no signing date, then what they do give
(« au plus tard le 16 juin 2021 (rapporté : dépêche …) »), instead of a date that reads as the
signing's. Also « … a-t-elle été signée ? »: no « Oui » over a line the base notes no signing of.

Said only after the articles themselves are read: when a sentence of the agreement's own
articles holds a word of the act (« sign… ») with a word of its title, nothing is said — an
act the curation missed must never become a false « not signed ».
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import replace
from functools import partial
from types import MappingProxyType

from bot.content.model import Agreement
from bot.engine.acts_asked import acts_asked
from bot.engine.cards import agreement_card
from bot.engine.common import IN_FORCE_ACTS, when
from bot.engine.french import folded_stem, is_stop
from bot.engine.index import Index
from bot.engine.kept_tables import kept_table
from bot.engine.reply import Para, Reply
from bot.text import fold

_ASKS_WHEN = re.compile(r"\b(?:quand|quelle date|a quelle date|en quelle annee|le combien|qd)\b")
_SENTENCE = re.compile(r"(?<=[.!?»])\s+|\n+")
SHORTEST_TITLE_WORD = 5
"""Title words shorter than this (« long », « plan ») never make a question name an agreement."""


def _stems(index: Index, text: str, shortest: int = 1) -> set[str]:
    """Stems of the words of ``text`` (stop words aside) at least ``shortest`` letters long."""
    return {
        folded_stem(word)
        for word in index.tokens(text)
        if not is_stop(word) and len(word) >= shortest
    }


def _actor_stems(index: Index) -> set[str]:
    def build() -> set[str]:
        names: set[str] = set()
        for actor in index.base.actors.values():
            for name in (actor.name, actor.name_en or "", *actor.aliases):
                names |= _stems(index, name)
        return names

    return index.memo("signing_untold: actor stems", build)


def named_agreement(index: Index, question: str) -> Agreement | None:
    """The one agreement whose title the question names best: a word of its title that is no
    actor's name (« partenariat stratégique », « déclaration de Choucha »), with at least one
    more title word or one of its parties named by any of its names (« avec Londres »); None
    when no agreement, or more than one, fits that well.

    Only the agreements holding one of the question's stems in their title are read (the
    title-stem postings, built once per index): an agreement without one never fits."""
    asked = _stems(index, question)
    named = _actors_named(index, asked)
    postings = _title_postings(index)
    agreements = index.base.agreements
    candidates = sorted({at for stem in asked for at in postings.get(stem, ())})
    scored: list[tuple[int, Agreement]] = []
    for at in candidates:
        agreement = agreements[at]
        words = len(asked & _title_stems(index, agreement))
        parties = len(named & set(agreement.parties))
        if words >= 1 and words + parties >= 2:
            scored.append((words + parties, agreement))
    scored.sort(key=lambda pair: -pair[0])
    if not scored or (len(scored) > 1 and scored[1][0] == scored[0][0]):
        return None
    return scored[0][1]


def _actors_named(index: Index, asked: set[str]) -> set[str]:
    """The actors one of whose names (« Royaume-Uni », « Londres », « UK ») has every stem
    among ``asked``: only the names filed under a stem asked are read (each name is filed
    under its smallest stem, which it must hold to have them all)."""

    def build() -> Mapping[str, tuple[tuple[str, frozenset[str]], ...]]:
        names: dict[str, list[tuple[str, frozenset[str]]]] = {}
        for actor in index.base.actors.values():
            for name in (actor.name, actor.name_en or "", *actor.aliases):
                stems = frozenset(_stems(index, name))
                if stems:
                    names.setdefault(min(stems), []).append((actor.id, stems))
        return MappingProxyType({first: tuple(found) for first, found in names.items()})

    table = index.memo("signing_untold: actor names by stem", build)
    return {actor for stem in asked for actor, stems in table.get(stem, ()) if stems <= asked}


def _title_stems(index: Index, agreement: Agreement) -> set[str]:
    """The stems of the title's words that no actor's name holds (« choucha », « partenari »)."""
    table: dict[str, frozenset[str]] = index.memo("signing_untold: title stems", dict)
    if agreement.id not in table:
        stems = _stems(index, agreement.title, SHORTEST_TITLE_WORD) - _actor_stems(index)
        table[agreement.id] = frozenset(stems)
    return set(table[agreement.id])


def _title_postings(index: Index) -> Mapping[str, tuple[int, ...]]:
    """Title stem (``_title_stems``) → the positions in the base of the agreements whose
    title holds it, built once per index (at start-up: see :func:`prepare`)."""

    def build() -> Mapping[str, tuple[int, ...]]:
        found: dict[str, list[int]] = {}
        for at, agreement in enumerate(index.base.agreements):
            for stem in _title_stems(index, agreement):
                found.setdefault(stem, []).append(at)
        return MappingProxyType({stem: tuple(ats) for stem, ats in found.items()})

    return index.memo("signing_untold: title postings", build)


_TABLES = (
    "signing_untold: actor stems",
    "signing_untold: actor names by stem",
    "signing_untold: title stems",
    "signing_untold: title postings",
)
"""The index memos :func:`prepare` builds, kept together (:func:`_inputs`)."""


def _inputs(index: Index) -> Iterator[str]:
    """Every string the tables of :data:`_TABLES` are drawn from, in order, each list led by
    its length: the stop words (``index.tokens``), each actor's id and names, each
    agreement's id and title. The same strings give the same tables."""
    stop = sorted(index.fulltext.stop_words)
    yield str(len(stop))
    yield from stop
    actors = index.base.actors
    yield str(len(actors))
    for actor in actors.values():
        yield from (actor.id, actor.name, actor.name_en or "", str(len(actor.aliases)))
        yield from actor.aliases
    agreements = index.base.agreements
    yield str(len(agreements))
    for agreement in agreements:
        yield from (agreement.id, agreement.title)


def _same(table: object) -> object:
    return table


def prepare(index: Index) -> None:
    """Build the title-stem postings now (start-up; the snapshot keeps them), not on the
    first question that may name an agreement (1.1 s at ×1000). Kept in the index's parts
    folder under the strings they are drawn from (:mod:`bot.engine.kept_tables`): a reload
    that changes no actor's name, no agreement's title and no stop word reads them back
    (0.3 s of each reload at ×1000). An index read from a snapshot holds them already: it
    reads nothing (the serving process, receiving a reload's base)."""
    if all(map(index.memoized, _TABLES)):
        return

    def build() -> tuple[object, ...]:
        _actor_stems(index)
        _title_postings(index)
        _actors_named(index, set())
        return tuple(index.memo(name, dict) for name in _TABLES)

    kept = kept_table(index.parts, "signing-untold", _inputs(index), tuple, build)
    for name, table in zip(_TABLES, kept, strict=True):
        index.memo(name, partial(_same, table))


def _articles_tell_act(index: Index, agreement: Agreement, act: str) -> bool:
    """True when a sentence of one of the agreement's articles may say THIS agreement was
    done: it holds a word starting with one of the act's stems (« sign ») whose object is
    this agreement (``_act_about``). A sentence where another agreement is the one signed
    (« ont signé le plan de coopération », even « au sein du partenariat stratégique »), or
    that points back to such a signing (« Cette signature marque … »), is set aside; one that
    names no agreement and points back to none (« elles l'ont signée ») may be about it."""
    term = next((t for t in index.base.vocabulary.acts if t.id == act), None)
    starts = tuple(fold(stem) for stem in (term.stems if term else ()))
    if not starts:
        return True  # an act the vocabulary cannot look for: nothing is claimed
    own = _title_stems(index, agreement)
    sources = dict.fromkeys(evidence.source for evidence in agreement.evidence)
    others: set[str] = set()
    for other in index.base.agreements:
        if other.id != agreement.id and any(e.source in sources for e in other.evidence):
            others |= _title_stems(index, other)
    others -= own
    for source in sources:
        last: str | None = None  # what the article's last signing sentence was about
        for sentence in _SENTENCE.split(index.base.seeds.get(source, "")):
            about = _act_about(index, sentence, starts, own, others)
            if about is None:
                continue
            if about == "nothing":  # « Cette signature … », « l'ont signée »: the last one
                about = last or "own"
            if about == "own":
                return True
            last = about
    return False


def signed_by_whom_untold(index: Index, agreement: Agreement) -> bool:
    """True when the base notes ``agreement`` with no signing (or approval, adhesion…) and
    no sentence of its articles says THIS agreement was signed: « signé par qui ? » has no
    signatory to show (a sentence signing another agreement of the same article is not one)."""
    return agreement.act not in IN_FORCE_ACTS and not _articles_tell_act(index, agreement, "signe")


def signs_this(index: Index, agreement: Agreement, sentence: str) -> bool:
    """True unless ``sentence``'s signing verb is said of another agreement than ``agreement``
    (« ont signé le plan … au sein du partenariat » signs the plan, not the partnership)."""
    term = next((t for t in index.base.vocabulary.acts if t.id == "signe"), None)
    starts = tuple(fold(stem) for stem in (term.stems if term else ()))
    if not starts:
        return True
    own = _title_stems(index, agreement)
    others: set[str] = set()
    for other in index.base.agreements:
        if other.id != agreement.id:
            others |= _title_stems(index, other)
    return _act_about(index, sentence, starts, own, others - own) != "other"


def _act_about(
    index: Index, sentence: str, starts: tuple[str, ...], own: set[str], others: set[str]
) -> str | None:
    """Which agreement the act word of ``sentence`` is said of: « own », « other », or
    « nothing » when it names no agreement; None when the sentence holds no act word. The
    title word nearest after the act word is its object (« ont signé le plan … au sein du
    partenariat » signs the plan); with none after, the nearest before (« le partenariat
    … a été signé »)."""
    words = [word for word in index.tokens(sentence) if not is_stop(word)]
    acts = [n for n, word in enumerate(words) if word.startswith(starts)]
    if not acts:
        return None
    stems = [folded_stem(word) for word in words]
    verdict = "nothing"
    for at in acts:
        after = [s for s in stems[at + 1 :] if s in own or s in others]
        before = [s for s in reversed(stems[:at]) if s in own or s in others]
        nearest = after or before
        if nearest and nearest[0] in own:
            return "own"
        if nearest:
            verdict = "other"
    return verdict


def signing_untold(index: Index, question: str, reply: Reply) -> Reply:
    """``reply``, opened by what the articles do not say of the act the question asks of one
    agreement it names, when the base notes that agreement with no such act and its articles
    hold no sentence saying it; ``reply`` unchanged otherwise."""
    acts = acts_asked(index, question)
    if len(acts) != 1 or acts[0] not in IN_FORCE_ACTS:  # « annoncé sur quel réseau ? » asks
        return reply  # how a signed plan was made known, not whether it was done
    agreement = named_agreement(index, question)
    if agreement is None or agreement.act in IN_FORCE_ACTS:  # done: whatever act, it exists
        return reply
    if _articles_tell_act(index, agreement, acts[0]):
        return reply
    term = next(t for t in index.base.vocabulary.acts if t.id == acts[0])
    noun = (term.noun or "").lower()
    if not noun:
        return reply
    label = "" if agreement.act is None else _act_label(index, agreement)
    # the state the articles give it, unless its title already says it (« … (en cours de
    # finalisation) »): never « la base le note », the team's word, not the reader's
    noted = (
        f" (d'après les articles : {label})"
        if label and fold(label) not in fold(agreement.title)
        else ""
    )
    if _ASKS_WHEN.search(f" {fold(question)} "):
        given = (
            f"Ce qu'ils en donnent : {when(index.base, agreement)}."
            if agreement.date is not None
            else "Ils ne lui donnent aucune date."
        )
        said = f"Les articles ne donnent pas de date de {noun} pour : {agreement.title}{noted}."
        text = f"{said} {given}"
    else:
        text = f"Les articles ne rapportent aucune {noun} de : {agreement.title}{noted}."
    # the answer is about the agreement named: its own card (what the articles give of it),
    # never the card of another agreement that the act asked would have picked
    card = agreement_card(index, agreement)
    understood = Para(f"Compris : la {noun} de l'accord nommé — {agreement.title}", "note")
    return replace(card, blocks=(Para(text), understood, *card.blocks))


def _act_label(index: Index, agreement: Agreement) -> str:
    return next((t.label for t in index.base.vocabulary.acts if t.id == agreement.act), "")
