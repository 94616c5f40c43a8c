"""Issue 22, three reading findings of an outside fidelity reader, on the frozen five-article
base: each test fails on the code before its fix."""

from __future__ import annotations

from bot.content.model import FactBase
from bot.engine.index import Index
from bot.engine.passage import derived_words
from tests.chat import chat, reply_text


def test_asked_noun_matches_its_derived_word_and_its_sentence_opens(five_base: FactBase) -> None:
    """« armes » matches « armements » (same family) and weighs as the noun asked: the
    sentence holding it and « russe » opens the answer, not Zatulin's « intérêts russes »."""
    (reply,) = chat(five_base, "l'Azerbaïdjan achète-t-il toujours des armes russes ?")
    text = reply_text(reply)
    sentence = "La grande majorité des armements azéris sont encore d'origine russe"
    assert sentence in text
    assert "indépendance des intérêts russes" not in text.split(sentence)[0]


def test_derived_family_keeps_accents_apart(five_base: FactBase) -> None:
    """« armements » derives from « armes »; « arménienne » (stem « arménien ») never does."""
    index = Index(five_base)
    family = derived_words(index, "armes")
    assert "armements" in family
    assert not any(word.startswith("armen") for word in family)
    assert not derived_words(index, "armée")


def test_side_signatory_unnamed_is_said_with_what_the_articles_say(five_base: FactBase) -> None:
    """« … et qui a paraphé cet accord avec Aliyev côté américain ? »: the articles name no
    US signatory (only a meeting with JD Vance): said plainly, the sentence naming Vance shown
    verbatim, never the agreement's card again nor a line reading as his signature."""
    _, reply = chat(
        five_base,
        "accord de partenariat stratégique avec Washington",
        "et qui a paraphé cet accord avec Aliyev côté américain ?",
    )
    text = reply_text(reply)
    assert text.startswith("Les articles ne nomment pas de signataire américain")
    assert "rencontre entre le Président Ilham Aliyev et vice-président américain JD Vance" in text
    assert "(signataire)" not in text
    assert "Vance a signé" not in text and "signé par" not in text


def test_a_named_signing_body_is_never_said_unnamed(five_base: FactBase) -> None:
    """The plan with London was signed by « les ministères de la Défense »: its articles name
    who signed, so no « ne nomment pas » is said of it, whatever the side asked."""
    from bot.engine.signer_untold import signer_untold

    index = Index(five_base)
    plan = next(a for a in five_base.agreements if a.id == "plan-defense-az-gb-2026-2027")
    assert signer_untold(index, "qui a signé ce plan ?", plan) is None
    assert signer_untold(index, "qui a signé ce plan côté britannique ?", plan) is None
    us = next(a for a in five_base.agreements if a.id == "partenariat-strategique-az-us")
    assert signer_untold(index, "qui a signé cet accord côté américain ?", us) is not None


def test_period_question_naming_the_plan_opens_on_its_period(five_base: FactBase) -> None:
    """« plan de défense avec Londres, pour quelle période ? » names the plan by its title's
    words: the answer opens on the plan and its period with the quote giving « 2026-2027 »,
    not on the long-term partnership (« date non indiquée »)."""
    (reply,) = chat(five_base, "plan de défense avec Londres, pour quelle période ?")
    first = reply_text(reply)[:400]
    assert first.startswith("Période : 2026")
    assert "Plan de coopération bilatérale en matière de défense" in first
    assert "pour la période 2026-2027" in first
    assert "date non indiquée" not in first
    assert "Partenariat stratégique de long terme" not in first
