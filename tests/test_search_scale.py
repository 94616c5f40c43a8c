"""/cherche's score groups and typo look-up on a base larger than the shipped one: the same
scores, ranking, totals and typos as the plain scans they replace."""

from __future__ import annotations

import random
from collections import defaultdict

import pytest
from rapidfuzz import fuzz, process

from bench.synthetic import write_synthetic
from bot.content.loader import load_factbase
from bot.engine.fulltext import STEM_FALLBACK
from bot.engine.index import Index, set_bits
from bot.engine.typos import TYPO_CUTOFF

FACTOR = 3


@pytest.fixture(scope="module")
def large(tmp_path_factory: pytest.TempPathFactory) -> Index:
    root = tmp_path_factory.mktemp("synthetic")
    write_synthetic(root, FACTOR)
    return Index(load_factbase(root / "content", root / "seeds")).prepare()


def _plain_typos(index: Index, word: str) -> set[str]:
    vocabulary = index.fulltext.vocabulary
    found = process.extract(word, vocabulary, scorer=fuzz.ratio, score_cutoff=85, limit=3)
    return {candidate for candidate, _score, _position in found}


def _plain_scores(index: Index, query: str) -> dict[str, float]:
    """The loop /cherche ran before: every posting of every matching word, in Python. A word
    matches itself, the words it starts and its close typos, else (none of those) its family
    (the words sharing its first STEM_FALLBACK letters)."""
    postings, fulltext = index.fulltext.postings, index.fulltext
    scores: dict[str, float] = defaultdict(float)
    for word in dict.fromkeys(index.tokens(query)):
        best: dict[str, float] = {}
        for candidate in fulltext.expand_word(word) or fulltext.family(word):
            if candidate == word:
                best.update(dict.fromkeys(postings[candidate], 1.0))
                continue
            for entry_id in postings[candidate]:
                best.setdefault(entry_id, 0.7)
        exact = sum(1 for share in best.values() if share == 1.0)
        weight = index.fulltext.word_weight(exact or len(best))
        for entry_id, share in best.items():
            scores[entry_id] += share * weight
    return dict(scores)


def _misspell(word: str, rng: random.Random) -> str:
    """A realistic typo: a letter dropped, doubled, swapped with the next, or replaced."""
    at = rng.randrange(len(word) - 1)
    kind = rng.randrange(4)
    if kind == 0:
        return word[:at] + word[at + 1 :]
    if kind == 1:
        return word[:at] + word[at] + word[at:]
    if kind == 2:
        return word[:at] + word[at + 1] + word[at] + word[at + 2 :]
    return word[:at] + rng.choice("aeiourstnl") + word[at + 1 :]


def test_typos_by_length_are_the_plain_scan(large: Index) -> None:
    rng = random.Random(7)
    vocabulary = large.fulltext.vocabulary
    words = [w for w in vocabulary if len(w) >= 5]
    typos = [_misspell(rng.choice(words), rng) for _ in range(300)]
    typos += ["cyberataques", "accrd", "defnse", "xyzzy", "azerbaidjn", "ministere", "ottan"]
    for typo in typos:
        assert set(large.fulltext.typos(typo)) == _plain_typos(large, typo), typo
    # the candidates found have a length the bound allows, and the bound is never too tight
    for size in range(1, 30):
        for other in range(1, 60):
            best = 200 * min(size, other) / (size + other)
            if best >= TYPO_CUTOFF:
                assert other in range(*_bounds(size)), (size, other)


def _bounds(size: int) -> tuple[int, int]:
    from bot.engine.typos import compatible_lengths

    lengths = compatible_lengths(size, TYPO_CUTOFF)
    return lengths.start, lengths.stop


@pytest.mark.parametrize(
    "query",
    [
        "drones",
        "accord",
        "petrole Lukoil",
        "cyberataques",
        "defense aerienne",
        "ministre defense",
        "otan turquie exercice militaire",
        "accord accord defense",
        "azerbaidjan",
        "xyzzy",
        "minist",
    ],
)
def test_score_groups_give_the_plain_scores_ranking_and_total(large: Index, query: str) -> None:
    plain = _plain_scores(large, query)
    hits = large.fulltext.search_hits(query)
    assert hits.total == len(plain)
    assert {entry_id: score for score, ids in hits.buckets for entry_id in ids} == plain
    full = sorted(plain.items(), key=lambda item: (-item[1], item[0]))
    for start, stop in [
        (0, 1),
        (0, 4),
        (4, 8),
        (8, 12),
        (0, len(full)),
        (len(full) - 4, len(full)),
    ]:
        shown = [
            (entry.id, score)
            for entry, score in large.fulltext.ranked_hits(hits, max(start, 0), stop)
        ]
        assert shown == full[max(start, 0) : stop]
    assert [(e.id, s) for e, s in large.fulltext.ranked_hits(hits, 0, 10)] == full[:10]


def test_a_word_found_only_by_its_family_counts_as_in_the_plain_scan(large: Index) -> None:
    """A query word no index word starts with and no typo reaches (« aérienne » where the
    base only says « aériens ») is scored by its family: the groups and the total agree with
    the plain scan. The word is computed from the base, so the case holds on any base."""
    fulltext = large.fulltext
    words = [w for w in fulltext.vocabulary if len(w) > STEM_FALLBACK + 1 and w.isalpha()]
    unknown = (w[: STEM_FALLBACK + 1] + "qxq" for w in words)
    word = next(w for w in unknown if not fulltext.expand_word(w) and fulltext.family(w))
    for query in (word, "defense " + word):
        plain = _plain_scores(large, query)
        hits = fulltext.search_hits(query)
        assert plain and hits.total == len(plain)
        assert {entry_id: score for score, ids in hits.buckets for entry_id in ids} == plain


def test_set_bits_reads_the_ranks_asked_lowest_first() -> None:
    rng = random.Random(3)
    for size in (1, 3, 40, 900, 2500, 4999):
        positions = sorted(rng.sample(range(100_000), size))
        bits = sum(1 << position for position in positions)
        for start, stop in [(0, 4), (size // 2, size // 2 + 4), (size - 4, size), (0, size)]:
            start = max(start, 0)
            assert set_bits(bits, start, stop) == positions[start:stop]
        assert set_bits(bits) == positions


def test_the_shared_bigram_bound_never_leaves_a_close_word_out() -> None:
    """Every pair of words whose ratio reaches the cutoff shares at least the bigram keys the
    bound asks for (random words and random edits of them, close and far)."""
    from collections import Counter

    from bot.engine.typos import bigram_keys, shared_bigrams_needed

    rng = random.Random(11)
    letters = "aeioustrnlmcdp"
    checked = 0
    for _ in range(20_000):
        word = "".join(rng.choice(letters) for _ in range(rng.randint(5, 14)))
        other = word
        for _edit in range(rng.randint(0, 4)):
            other = _misspell(other, rng) if len(other) > 2 else other
        if fuzz.ratio(word, other) < TYPO_CUTOFF:
            continue
        checked += 1
        shared = sum((Counter(bigram_keys(word)) & Counter(bigram_keys(other))).values())
        assert shared >= shared_bigrams_needed(len(word), len(other), TYPO_CUTOFF), (word, other)
    assert checked > 2_000  # enough close pairs were tried
