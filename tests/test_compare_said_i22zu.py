"""Two dated things compared: the verdict names both with their dates, the time between them
when asked, and an order that an article's date alone cannot settle is said so (issue 22,
task i22zu: « la ligne 1 est postérieure » over a meeting dated only by its article). On the
five frozen articles, with phrasings of our own."""

from __future__ import annotations

from bot.content.model import FactBase
from bot.engine.reply import Para, Reply
from tests.chat import chat


def _verdict(reply: Reply) -> str:
    return [b.text for b in reply.blocks if isinstance(b, Para)][1]  # under « Compris »


def test_the_time_between_two_dated_entries_is_computed_on_top(five_base: FactBase) -> None:
    (reply,) = chat(
        five_base,
        "il s'est passé combien de temps entre le forum de sécurité de Bakou et l'accord signé "
        "avec Washington ?",
    )
    verdict = _verdict(reply)
    assert verdict.startswith("Écart : 142 jours, environ 4 mois et demi")
    assert "21 septembre 2025" in verdict and "10 février 2026" in verdict
    assert "la ligne" not in verdict


def test_the_order_is_said_with_names_and_dates(five_base: FactBase) -> None:
    (reply,) = chat(
        five_base,
        "entre l'accord signé avec Washington et le forum de sécurité de Bakou, lequel est le "
        "plus ancien ?",
    )
    verdict = _verdict(reply)
    assert verdict.startswith("Vient en premier : « Bakou ouvre son 3ᵉ Forum")
    assert verdict.index("21 septembre 2025") < verdict.index("10 février 2026")


def test_an_article_s_date_alone_settles_no_order(five_base: FactBase) -> None:
    (reply,) = chat(
        five_base,
        "entre le plan de défense signé avec Londres et la visite de la délégation de l'OTAN "
        "chez Aliyev, lequel est venu en premier ?",
    )
    verdict = _verdict(reply)
    assert verdict.startswith("Les articles ne permettent pas de trancher")
    assert "seule date connue : celle de l'article" in verdict
    assert "Vient en premier" not in verdict
