"""Issue 22, task i22zk (phone readers of the twelfth blind set): a follow-up asking a new
detail of the same subject (when, who, where, what it holds, how many) never gets the previous
bubble again; « + N autres résultats » is said by the 🔎 button, not a line; a follow-up's
« Compris » line names the previous question in its own spelling; an inferred date is said
once. Questions of our own on the frozen five-article base."""

from __future__ import annotations

import itertools
import re

import pytest

from bot.content.model import FactBase
from bot.engine.index import Index
from bot.engine.questions import respond_in_thread
from bot.engine.reply import Para, Quote, QuoteGroup, Reply
from bot.engine.said_again import adds_nothing, says_again, shown_quotes
from bot.render.html import render_html
from bot.render.text import render_text
from tests.chat import TODAY

OPENINGS = (
    "Avec Ankara, qu'est-ce qui a été signé récemment pour la sécurité ?",
    "Que prévoit l'accord stratégique conclu avec Washington ?",
    "le plan de défense signé avec Londres",
    "le forum de sécurité de Bakou",
    "le projet de corridor de Zanguezour",
)
FOLLOW_UPS = (
    "signé quand exactement ?",
    "et qui était là ?",
    "où ça ?",
    "et le contenu ?",
    "combien ?",
)
SAYS_SO = ("n'en disent pas plus", "Les articles ne ", "ne donne pas", "ne nomment pas")


@pytest.fixture(scope="module")
def five_index(five_base: FactBase) -> Index:
    return Index(five_base)


def _asked(index: Index, *questions: str) -> list[tuple[Reply, tuple[str, ...]]]:
    previous = None
    said: list[tuple[Reply, tuple[str, ...]]] = []
    for question in questions:
        reply, previous = respond_in_thread(index, question, TODAY, previous)
        said.append((reply, previous.quotes if previous else ()))
    return said


@pytest.mark.parametrize(("opening", "follow"), list(itertools.product(OPENINGS, FOLLOW_UPS)))
def test_a_detail_follow_up_never_sends_the_previous_bubble_again(
    five_index: Index, opening: str, follow: str
) -> None:
    (first, before), (then, _) = _asked(five_index, opening, follow)
    assert render_html(then)[0] != render_html(first)[0]
    if before and says_again(before, then):  # the same sentences: said plainly why
        assert any(marker in render_text(then) for marker in SAYS_SO), render_text(then)


def test_the_same_sentences_again_come_under_a_line_that_says_so(five_index: Index) -> None:
    """A sentence shown, then a detail asked that none of the subject's sentences gives: the
    answer says so in the question's words, under its « Compris » line, never alone."""
    found = 0
    for opening, follow in itertools.product(OPENINGS, FOLLOW_UPS):
        (_, before), (then, _) = _asked(five_index, opening, follow)
        paras = [b.text for b in then.blocks if isinstance(b, Para)]
        said = [text for text in paras if "n'en disent pas plus" in text]
        if said:
            found += 1
            assert f"« {follow} »" in said[0]  # as typed
            assert adds_nothing(before, then)  # only ever over the sentences already shown
            assert paras[0].startswith("Compris : suite de")
    assert found  # the case is met on these questions


def test_shown_quotes_tell_an_opened_sentence_from_a_listed_one() -> None:
    top = Quote("Le pays a signé un mémorandum.", "src")
    other = Quote("Moscou et Téhéran sont contre ce projet.", "src")
    listed = Reply((Para("Compris : x"), top, QuoteGroup(((1, other),))))
    opened = Reply((Para("Compris : x"), top, other))
    assert says_again(shown_quotes(listed), listed)
    assert not says_again(shown_quotes(listed), opened)  # opened now: new to the reader
    assert adds_nothing(shown_quotes(listed), opened)
    assert not says_again((), listed)


def test_more_results_are_said_by_the_search_button(five_index: Index) -> None:
    """« + N autres résultats » is the 🔎 button's label when it runs the whole search; the
    line stays only when the button searches fewer words (it says which)."""
    index = five_index
    seen = 0
    for question in (*OPENINGS, "exercices avec l'OTAN", "drones turcs", "pétrole russe"):
        reply, _ = respond_in_thread(index, question, TODAY, None)
        labels = [button.label for row in reply.buttons for button in row]
        lines = [b.text for b in reply.blocks if isinstance(b, Para)]
        counted = [
            label for label in labels if re.fullmatch(r"🔎 \+ \d+ autres? résultats?", label)
        ]
        if counted:
            seen += 1
            assert not any(re.match(r"\+ \d+ autres? résultat", line) for line in lines)
        if any(re.match(r"\+ \d+ autres? résultat", line) for line in lines):
            assert any(label.startswith("🔎 Chercher") for label in labels)
    assert seen


def test_a_follow_up_names_the_previous_search_in_its_own_spelling(five_index: Index) -> None:
    """« suite de « … » » says the previous question's words as typed (accents kept), never
    the folded words the index compares (« strategique », « securite »)."""
    for opening in OPENINGS:
        _, (then, _) = _asked(five_index, opening, "signé quand exactement ?")
        line = next(b.text for b in then.blocks if isinstance(b, Para) and "Compris" in b.text)
        thread = re.search(r"suite de « (.*?) »", line)
        if thread is None:
            continue
        for word in re.findall(r"\w+", thread.group(1)):
            typed = {w.casefold() for w in re.findall(r"\w+", opening)}
            folded = {w for w in typed if w != _fold(w)}
            assert word.casefold() not in {_fold(w) for w in folded}, line


def _fold(word: str) -> str:
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))
