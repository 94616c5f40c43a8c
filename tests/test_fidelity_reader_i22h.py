"""Issue 22, four MAJOR findings of an outside fidelity reader, on the frozen five-article base
(``tests/fixtures/five``), with questions of our own:

1. a question naming an agreement (its title words) whose act the base lacks is about THAT
   agreement: the articles give no date of that act, then its own card — never the card of
   another agreement the act would have picked; the guard reads which agreement a signing
   sentence signs (« ont signé le plan … au sein du partenariat » signs the plan, « Cette
   signature … » points back to it).
"""

from __future__ import annotations

from datetime import date

from bot.content.model import Agreement, FactBase
from bot.engine.index import Index
from bot.engine.questions import respond
from bot.engine.reply import Para, Quote, Reply
from bot.engine.signing_untold import _act_about, _articles_tell_act, _title_stems
from bot.render.text import render_text
from tests.chat import chat as _chat
from tests.conftest import FIVE  # noqa: F401  (the base the fixtures load)

TODAY = date(2026, 12, 6)


def _titles(reply: Reply) -> list[str]:
    return [b.text for b in reply.blocks if isinstance(b, Para) and b.style == "title"]


def _open_quotes(reply: Reply) -> list[str]:
    return [block.text for block in reply.blocks if isinstance(block, Quote) and block.open]


# 1. the agreement named, not another one's card


def test_when_signed_of_a_named_partnership_opens_on_it_not_the_plan(five_base: FactBase) -> None:
    index = Index(five_base)
    for question in (
        "quand a été signé le partenariat stratégique de long terme avec le Royaume-Uni ?",
        "le partenariat stratégique avec Londres, signé quand ?",
    ):
        reply = respond(index, question, TODAY)
        first = reply.blocks[0]
        assert isinstance(first, Para), question
        assert first.text.startswith(
            "Les articles ne donnent pas de date de signature pour : Partenariat stratégique"
        ), question
        titles = _titles(reply)
        assert titles and all(t.startswith("Partenariat stratégique") for t in titles), question
        text = render_text(reply)
        assert "30 octobre 2025" not in text, question  # the plan's date, never shown as its
        quotes = [b.text for b in reply.blocks if isinstance(b, Quote)]
        assert any("s'inscrit dans le cadre du partenariat stratégique" in q for q in quotes)


def test_the_guard_reads_which_agreement_a_signing_sentence_signs(five_base: FactBase) -> None:
    index = Index(five_base)
    partnership = index.entries["partenariat-strategique-az-gb"]
    assert isinstance(partnership, Agreement)
    own = _title_stems(index, partnership)
    plan = index.entries["plan-defense-az-gb-2026-2027"]
    assert isinstance(plan, Agreement)
    others = _title_stems(index, plan) - own
    starts = ("sign",)
    said = (
        "fier de son rôle au sein du partenariat stratégique ; "
        "ils ont signé le plan de coopération bilatérale"
    )
    assert _act_about(index, said, starts, own, others) == "other"
    signed = "Les deux pays ont signé hier le partenariat stratégique de long terme"
    assert _act_about(index, signed, starts, own, others) == "own"
    passive = "Le partenariat stratégique de long terme a été signé à Londres"
    assert _act_about(index, passive, starts, own, others) == "own"
    assert (
        _act_about(index, "Cette signature marque la poursuite", starts, own, others) == "nothing"
    )
    # the article: the plan is signed, « Cette signature » points back to it: nothing of this one
    assert not _articles_tell_act(index, partnership, "signe")
    assert _articles_tell_act(index, plan, "signe")


def test_a_follow_up_continues_the_named_agreement(five_base: FactBase) -> None:
    _, again = _chat(
        five_base,
        "quand a été signé le partenariat stratégique de long terme avec le Royaume-Uni ?",
        "et la période ?",
    )
    assert "Partenariat stratégique" in render_text(again)


# 2. « signé par qui ? » opens on the sentence whose subject signs


def test_signed_by_whom_after_a_search_opens_on_the_signatories(five_base: FactBase) -> None:
    for first in (
        "plan de défense avec Londres, pour quelle période ?",
        "partenariat stratégique avec Londres",
    ):
        _, who = _chat(five_base, first, "signé par qui ? un ministre ou quelqu'un d'autre ?")
        quotes = [b.text for b in who.blocks if isinstance(b, Quote)]
        assert quotes, first
        assert "ont signé" in quotes[0], (first, quotes[0])  # the signatories, first
        assert not quotes[0].startswith("Selon l'ambassade"), first


# 3. the noun asked outweighs a shared adverb


def test_an_adverb_shared_never_outweighs_the_noun_asked(five_base: FactBase) -> None:
    index = Index(five_base)
    for question in (
        "Bakou importe encore du pétrole russe ?",
        "l'Azerbaïdjan achète toujours du pétrole russe ?",
    ):
        reply = respond(index, question, TODAY)
        quotes = [b.text for b in reply.blocks if isinstance(b, Quote)]
        assert quotes, question
        assert "a arrêté ses importations de pétrole russe" in quotes[0], (question, quotes[0])


# 4. a word absent whose near synonym the articles use


def test_a_word_absent_is_read_as_its_near_synonym_the_articles_use(five_base: FactBase) -> None:
    index = Index(five_base)
    for question in ("l'oléoduc depuis le Daghestan va jusqu'où ?",):
        reply = respond(index, question, TODAY)
        text = " ".join(getattr(b, "text", "") for b in reply.blocks)
        assert "mot absent" not in text, question
        assert "lu « pipeline »" in text, question  # said, never silent
        quotes = [b.text for b in reply.blocks if isinstance(b, Quote)]
        assert quotes and "pipeline vers Novorossiysk" in quotes[0], (question, quotes[:1])
        assert "Géorgie" not in quotes[0], question


def test_a_gas_pipeline_is_never_read_as_the_oil_pipeline_of_the_articles(
    five_base: FactBase,
) -> None:
    # an outside reader: « gazoduc » read « pipeline » answered with Lukoil's oil pipeline
    from bot.engine.near_words import with_near_words

    index = Index(five_base)
    assert with_near_words(index, "le gazoduc passe par où ?")[1] == ()
    reply = respond(index, "le gazoduc passe par où ?", TODAY)
    text = " ".join(getattr(b, "text", "") for b in reply.blocks)
    assert "lu « pipeline »" not in text and "lu « oléoduc »" not in text


def test_a_word_the_articles_hold_is_searched_as_asked(five_base: FactBase) -> None:
    from bot.engine.near_words import with_near_words

    index = Index(five_base)
    assert with_near_words(index, "le pipeline vers Novorossiysk ?") == (
        "le pipeline vers Novorossiysk ?",
        (),
    )
    text, read = with_near_words(index, "l'Oléoduc ?")
    assert read == (("Oléoduc", "pipeline"),) and "pipeline" in text


def test_a_word_no_index_word_starts_with_ranks_by_its_family(five_base: FactBase) -> None:
    # « majoritairement » is in no article; « majorité » is: the entry holding it is found
    index = Index(five_base)
    assert not index.fulltext.expand_word("majoritairement")
    assert "majorite" in index.fulltext.family("majoritairement")
    found = [entry.id for entry, _ in index.fulltext.search("majoritairement")]
    assert "armements-origine" in found
