"""Issue 22 B.6: when the subject is covered but the detail asked (a name, a date, a place) is
in none of the articles' sentences about it, the answer says so frankly on top — « Les
articles ne le disent pas : … » — then what they do say; only once a full-text search of the
seeds proves it (a capitalised word naming no actor may be a name: then nothing is claimed)."""

from __future__ import annotations

from datetime import date

from bot.engine.index import Index
from bot.engine.passage import said_in_articles
from bot.engine.questions import respond
from bot.engine.reply import Para
from bot.text import fold

TODAY = date(2026, 11, 23)


def _sentences_with(base, word: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [
        s
        for seed in base.seeds.values()
        for s in seed.replace("\n", " ").split(". ")
        if word in fold(s)
    ]


def test_an_absence_is_claimed_only_when_no_sentence_may_give_it(base):
    index = Index(base)
    assert _sentences_with(base, "zatulin")  # the Douma's vice-president is named
    assert said_in_articles(index, "zatulin", "qui")
    assert said_in_articles(index, "forum", "quand")  # « Le 21 septembre 2025 … forum »
    assert said_in_articles(index, "absentissime", "qui")  # nothing holds it: nothing claimed


def test_a_name_no_sentence_gives_is_said_missing_frankly_on_top(base):
    index = Index(base)
    question = "qui a signé le mémorandum avec la Turquie côté turc ?"
    reply = respond(index, question, TODAY)
    paras = [b.text for b in reply.blocks if isinstance(b, Para)]
    if not said_in_articles(index, "memorandum", "qui"):  # computed on the seeds
        assert paras[1].startswith("Les articles ne le disent pas"), paras[:2]
        assert "texte intégral" in paras[1]
    else:
        assert not any(p.startswith("Les articles ne le disent pas") for p in paras)
