"""No negative head over a passage that answers (issue 22, task i22zq, phone readers of the
fourteenth blind set, AC50): « Le passage le plus proche ne donne pas de lieu » was written
over the sentence naming the corridor of Zanguezour, the Nakhitchevan and « au sud de
l'Arménie », because only the sentence holding the question's words was read, not the one
shown open above it (what « ce projet » is). Questions written here, on the frozen base."""

from __future__ import annotations

from bot.content.model import FactBase
from bot.render.text import render_text
from tests.chat import chat


def test_a_place_in_the_sentence_shown_above_is_no_missing_place(five_base: FactBase) -> None:
    text = render_text(
        chat(five_base, "dans quelle région Moscou et Téhéran refusent-ils ce projet ?")[0]
    )
    assert "Nakhitchevan" in text
    assert "ne donne pas" not in text, text
    assert "ne disent pas" not in text, text


def test_what_the_article_says_is_no_stance_to_join(five_base: FactBase) -> None:
    """« Que dit le texte de … ? » asks what the article writes, not an actor's stance: no
    « Aucune phrase … ne réunit » over the sentence that answers (AC55)."""
    text = render_text(
        chat(
            five_base,
            "Que dit le texte du rapprochement de la Géorgie avec Moscou, et qu'en conclut-il "
            "pour l'entourage régional de Bakou ?",
        )[0]
    )
    assert "ne réunit" not in text, text
    assert "entouré que par des pays hostiles" in text
