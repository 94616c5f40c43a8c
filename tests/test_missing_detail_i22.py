"""Issue 22 B.6: when the subject is covered but the detail asked (a name, a date, a place) is
in none of the articles' sentences about it, the answer says so frankly on top — « Les
articles ne le disent pas : … » — then what they do say; only once a full-text search of the
seeds proves it (a capitalised word naming no actor may be a name: then nothing is claimed)."""

from __future__ import annotations

import re
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
    asked = tuple(index.tokens(question))  # the sentences about the question: computed
    if not said_in_articles(index, "memorandum", "qui", asked):
        assert paras[1].startswith("Les articles ne le disent pas"), paras[:2]
        assert "texte intégral" in paras[1]
    else:
        assert not any(p.startswith("Les articles ne le disent pas") for p in paras)


def test_the_rarest_word_alone_does_not_prove_an_absence(base):
    """« depuis quelle année … avec l'OTAN ? »: no sentence holding « année » gives a date, but
    one holding two other words of the question does (« … relations avec l'OTAN en 1992 »):
    nothing is claimed of the articles (a false « ne le disent pas » was shown)."""
    index = Index(base)
    sentences = [
        s for seed in base.seeds.values() for s in re.split(r"(?<=[.!?])\s+|\n+", seed) if s
    ]
    dated = [s for s in sentences if re.search(r"\b(?:19|20)\d\d\b", s)]
    words = sorted({w for s in sentences for w in index.tokens(s) if len(w) >= 6})
    undated = [w for w in words if not said_in_articles(index, w, "quand")]
    assert undated, "some word of the articles stands only in sentences without a date"
    pair = next(
        (a, b)
        for s in dated
        for a in index.tokens(s)
        for b in index.tokens(s)
        if a < b and len(a) >= 5 and len(b) >= 5
    )
    subject = undated[0]
    assert not said_in_articles(index, subject, "quand")  # the old proof: one word
    assert said_in_articles(index, subject, "quand", (subject, *pair))  # two others: said


def test_a_place_is_not_claimed_missing_when_a_sentence_names_a_people(base):
    """« d'où proviennent … les armements ? » is answered by « … d'origine russe » — a people,
    not a place word: a sentence naming an actor or its people may give the place."""
    index = Index(base)
    sentences = [
        s for seed in base.seeds.values() for s in re.split(r"(?<=[.!?])\s+|\n+", seed) if s
    ]
    demonyms = {fold(d) for actor in base.actors.values() for d in actor.demonyms}
    with_people = next(
        s for s in sentences if any(w in demonyms for w in index.tokens(s)) and len(s) > 40
    )
    words = [w for w in index.tokens(with_people) if len(w) >= 5 and w not in demonyms]
    assert len(words) >= 3
    assert said_in_articles(index, words[0], "ou", tuple(words))


def test_the_other_words_find_their_articles_by_their_own_stem(five_base):
    """On articles of the test's own: the subject stands in one article without a date, two
    other words of the question in a dated sentence of another. That article is read — found
    by the words' own stems, not by their first PREFIX letters (« obser » is the stem of no
    word: a false « les articles ne le disent pas » was shown on the grown base)."""
    from dataclasses import replace

    first, second, *rest = five_base.seeds
    seeds = {source: "Rien ici." for source in rest} | {
        first: "Le ministre Abdousalom a reçu la délégation.",
        second: "Il a fait observer que la première réunion a été organisée à Bakou en 2017.",
    }
    index = Index(replace(five_base, seeds=seeds))
    assert not said_in_articles(index, "abdousalom", "quand")  # its own article gives no date
    asked = ("abdousalom", "observer", "premiere")
    assert said_in_articles(index, "abdousalom", "quand", asked)  # the other article does
