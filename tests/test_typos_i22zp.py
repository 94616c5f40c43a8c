"""Issue 22, task i22zp: an organisation's acronym typed with its elided article glued and no
apostrophe, right after a preposition (« qui est dans lots ? »), is read « l'OTS » and said so
in the « Compris » line, even though « lots » is a French word; never after an article (« des
lots de munitions »). Questions of our own on the frozen five-article base."""

from __future__ import annotations

from bot.content.model import FactBase
from bot.engine.reply import Para, Quote
from tests.chat import chat, reply_text


def test_a_glued_acronym_after_a_preposition_is_read(five_base: FactBase) -> None:
    reply = chat(five_base, "à part la Turquie, qui est dans lots ?")[0]
    compris = next(b.text for b in reply.blocks if isinstance(b, Para))
    assert "l'OTS (pour « lots »)" in compris
    quotes = " ".join(b.text for b in reply.blocks if isinstance(b, Quote))
    assert "Kazakhstan" in quotes


def test_a_french_word_after_an_article_is_kept(five_base: FactBase) -> None:
    assert "l'OTS" not in reply_text(chat(five_base, "des lots de munitions ont été livrés ?")[0])
