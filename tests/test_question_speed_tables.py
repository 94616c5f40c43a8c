"""The tables that make a plain question scale with its answer (issue 22, point 7) give what
the scans they replace gave: every candidate the old scan could keep is still read.

Each test compares the table-backed look-up with the plain scan over the shipped base, on
inputs drawn from the base itself (titles, names, words), so a table that drops a candidate
turns it red; speed itself is measured by bench/bench_engine.py, never here."""

from __future__ import annotations

import itertools

import pytest
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from bot.engine import misspelt, signing_untold
from bot.engine.index import Index
from bot.engine.names import FUZZY_CUTOFF
from bot.engine.typos import compatible_lengths
from bot.startup import build_index


@pytest.fixture(scope="module")
def index(base):
    return Index(base)


def _named_by_scan(index: Index, question: str) -> object:
    """named_agreement as it read every agreement of the base."""
    asked = signing_untold._stems(index, question)
    named = signing_untold._actors_named(index, asked)
    scored = []
    for agreement in index.base.agreements:
        words = len(asked & signing_untold._title_stems(index, agreement))
        parties = len(named & set(agreement.parties))
        if words >= 1 and words + parties >= 2:
            scored.append((words + parties, agreement))
    scored.sort(key=lambda pair: -pair[0])
    if not scored or (len(scored) > 1 and scored[1][0] == scored[0][0]):
        return None
    return scored[0][1]


def _actors_by_scan(index: Index, asked: set[str]) -> set[str]:
    found = set()
    for actor in index.base.actors.values():
        for name in (actor.name, actor.name_en or "", *actor.aliases):
            stems = signing_untold._stems(index, name)
            if stems and stems <= asked:
                found.add(actor.id)
    return found


def _questions(index: Index) -> list[str]:
    """Questions naming each agreement by its title, part of it, or with a party's name."""
    questions = []
    for agreement in index.base.agreements:
        words = agreement.title.split()
        party = index.base.actors[agreement.parties[0]].name if agreement.parties else ""
        questions += [
            f"quand a été signé {agreement.title} ?",
            f"{' '.join(words[:2])} avec {party} signé ?",
            f"qui a signé {words[-1]} ?",
        ]
    return questions


def test_named_agreement_reads_only_titles_holding_a_stem_and_finds_what_the_scan_found(
    index: Index,
) -> None:
    questions = _questions(index)
    found = [signing_untold.named_agreement(index, q) for q in questions]
    assert found == [_named_by_scan(index, q) for q in questions]
    assert any(agreement is not None for agreement in found)  # the questions do name some


def test_actors_named_through_their_smallest_stem_are_every_actor_the_scan_names(
    index: Index,
) -> None:
    for actor in index.base.actors.values():
        for name in (actor.name, actor.name_en or "", *actor.aliases):
            asked = signing_untold._stems(index, f"{name} et la France")
            assert signing_untold._actors_named(index, asked) == _actors_by_scan(index, asked)
            stems = signing_untold._stems(index, name)
            assert not stems or actor.id in signing_untold._actors_named(index, asked)


def test_title_postings_are_built_at_start_up(base) -> None:
    index = build_index(Index(base))
    assert "signing_untold: title postings" in index._memo  # kept by the snapshot


def _typos(word: str) -> list[str]:
    """One or two edits of ``word``: a letter dropped, doubled, changed, two swapped."""
    out = {word[:1] + word[2:], word + word[-1], word[:-1] + "x", word[1] + word[0] + word[2:]}
    out |= {word[:3] + word[4:6] + "q" + word[6:]}
    return sorted(w for w in out if len(w) >= misspelt.SHORTEST and w.isalpha())


def test_misspelt_candidates_are_every_base_word_the_full_scan_finds_near(index: Index) -> None:
    counts = misspelt._base_words(index)
    sample = [w for w in sorted(counts) if len(w) >= misspelt.SHORTEST][::37][:150]
    checked = 0
    for word in itertools.chain.from_iterable(_typos(w) for w in sample):
        cutoff = misspelt._edits(word)
        full = {
            choice
            for choice, _d, _at in process.extract(
                word, list(counts), scorer=OSA.distance, score_cutoff=cutoff, limit=None
            )
            if misspelt._same_start(word, choice)
        }
        reachable = misspelt._reachable(index, word)
        assert full <= set(reachable), word
        assert len(reachable) == len(set(reachable)), word  # each word once
        checked += bool(full)
    assert checked > 100  # most of the typos are near a word of the base


def _closest_by_scan(index: Index, key: str) -> tuple[float, int] | None:
    names = index.names.fuzzy[0]
    best: tuple[float, int] | None = None
    for size in compatible_lengths(len(key), FUZZY_CUTOFF):
        positions = [at for at, name in enumerate(names) if len(name) == size]
        found = process.extractOne(
            key, [names[at] for at in positions], scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF
        )
        if found is not None:
            candidate = (float(found[1]), positions[found[2]])
            if best is None or (candidate[0], -candidate[1]) > (best[0], -best[1]):
                best = candidate
    return best


def test_fuzzy_names_read_by_shared_bigrams_match_the_scan_of_every_name(index: Index) -> None:
    keys = sorted({typo for name in index.names.fuzzy[0] for typo in _typos(name)})
    keys += ["tarte", "pommes", "recette", "bruxelles", "reunion", "mediateur"]
    found = [index.names._closest_name(key) for key in keys]
    assert found == [_closest_by_scan(index, key) for key in keys]
    assert sum(match is not None for match in found) > len(keys) // 3


def test_agreements_matching_words_keep_the_base_order(index: Index) -> None:
    vocabulary = index.deals.vocabulary
    for words in ([w] for w in vocabulary[::5]):
        hits = index.deals.matching(words)
        ids = {a.id for a in hits}
        assert hits == [a for a in index.base.agreements if a.id in ids]
        assert hits


def test_a_question_builds_its_command_reply_once_and_only_for_the_same_index_and_day(
    base, monkeypatch: pytest.MonkeyPatch
) -> None:
    from datetime import date

    from bot.engine import last_answer
    from bot.engine.questions import respond

    built: list[str] = []
    real = last_answer.answer

    def counted(index: Index, text: str, today: date | None = None) -> object:
        built.append(text)
        return real(index, text, today)

    monkeypatch.setattr(last_answer, "answer", counted)
    first, second = Index(base), Index(base)
    day = date(2026, 11, 23)
    respond(first, "qu'a signé le Royaume-Uni ?", day)
    assert len(built) == 1  # understood (« found? ») and shown: one build
    kept = last_answer.command_answer(first, built[0], day)
    assert len(built) == 1
    assert last_answer.command_answer(second, built[0], day) == kept  # same content…
    assert len(built) == 2  # …built again for another index (a reload)
    last_answer.command_answer(second, built[0], date(2026, 11, 24))
    last_answer.command_answer(second, built[0], None)
    last_answer.command_answer(second, built[0], None)
    assert len(built) == 5  # another day, and no given day, are never taken from the last
