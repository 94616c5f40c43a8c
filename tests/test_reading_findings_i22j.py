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
