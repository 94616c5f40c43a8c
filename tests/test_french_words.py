"""The French dictionary that keeps real words from being « corrected » (issue 22, typos) is
held as a compact table of hashes (issue 25: the bot's memory at rest): the same words as the
dictionary's own, about 2 MiB instead of 29 MiB."""

from __future__ import annotations

from bot.engine.misspelt import FrenchWords, french_words
from bot.text import fold


def test_the_compact_table_holds_exactly_the_dictionarys_words():
    from spellchecker import SpellChecker

    words = {fold(word) for word in SpellChecker(language="fr").word_frequency.dictionary}
    compact = french_words()
    assert len(compact) == len(words)
    assert all(word in compact for word in words)
    assert not any(typo in compact for typo in ("qand", "accrod", "memebre", "otna", "forom"))


def test_the_table_grows_past_its_first_size_and_keeps_every_word():
    many = [f"mot{number}" for number in range(200_000)]  # past 70 % of the first 262,144
    table = FrenchWords(many)
    assert len(table) == len(many)
    assert all(word in table for word in many)
    assert "mot200000" not in table and "" not in table and 3 not in table


def test_a_word_given_twice_counts_once():
    assert len(FrenchWords(["coup", "coup", "vendre"])) == 2


def test_a_first_typo_question_reads_no_article_again(five_base, monkeypatch):
    # issue 25 at ×1000: the typo reader counted every article's words on the first question
    # (4.3 s); the counts now come from the articles' stem table, prepared at start-up
    from datetime import date

    from bot.engine import misspelt
    from bot.engine.index import Index
    from bot.engine.questions import respond
    from bot.engine.seedtext import prepare_seed_search

    index = Index(five_base)
    prepare_seed_search(index)
    longest = max(len(text) for text in five_base.seeds.values())
    folded: list[int] = []

    def counted(text: str) -> str:
        folded.append(len(text))
        return fold(text)

    monkeypatch.setattr(misspelt, "fold", counted)
    reply = respond(index, "qand l'acrod avec les americains a ete signe ?", date(2026, 12, 6))
    assert "Lu :" in " ".join(getattr(block, "text", "") for block in reply.blocks)
    assert folded and max(folded) < longest / 4  # words, never a whole article
