"""Issue 22, phone readers of the tenth blind set (pass i22zd): what a phone reader sees first.
A check put in a word or two (« …, correct ? », « …, non ? », « je confirme ? ») gets the
frank « Non » its quote proves, and never one the quote does not (class 2). Cases of our own on
the frozen five-article base (``tests/fixtures/five``)."""

from __future__ import annotations

from bot.content.model import FactBase
from bot.engine.fact_check import contradicted, fact_check_set_aside
from bot.engine.reply import Para, Reply
from tests.chat import chat


def _top(reply: Reply) -> str:
    first = reply.blocks[0]
    return first.text if isinstance(first, Para) else ""


def test_a_check_put_in_a_word_or_two_is_set_aside_and_asked_yes_or_no() -> None:
    for typed, claim in (
        ("le sommet a réuni 40 pays, correct ?", "Le sommet a réuni 40 pays ?"),
        ("le traité court jusqu'en 2031, c'est bien ca ?", "Le traité court jusqu'en 2031 ?"),
        ("l'armée est surtout équipée en France, non ?", "L'armée est surtout équipée en France ?"),
        ("le sommet = une trentaine de pays, je confirme ?", "Le sommet = une trentaine de pays ?"),
        ("J'ai lu que le port ferme. Tu confirmes ?", "Le port ferme ?"),
        ("La Lettonie, si je ne me trompe pas, a signé en 2019 ?", "La Lettonie a signé en 2019 ?"),
    ):
        assert fact_check_set_aside(typed) == (claim, True), typed
    # « oui ou non », « ou non » and a question word are no check of a claim
    assert fact_check_set_aside("il a signé ou non ?")[1] is False
    assert fact_check_set_aside("et ça ?")[1] is False


def test_a_rough_count_a_status_and_a_span_are_contradicted_only_for_the_same_subject() -> None:
    quote = "Le sommet de Riga réunit plus de 80 pays pour aborder la sécurité."
    said = contradicted("Le sommet de Riga = une quarantaine de pays ?", quote)
    assert said.startswith("Non : d'après l'article, « plus de 80 pays »")
    assert contradicted("Le sommet de Riga = une quatre-vingtaine de pays ?", quote) == ""
    assert contradicted("Le sommet de Vilnius = une quarantaine de pays ?", quote) == ""
    assert contradicted("Le sommet de Riga = une quarantaine de villes ?", quote) == ""
    member = "La Lettonie en est devenue membre observateur en 2018."
    assert "« membre observateur »" in contradicted(
        "La Lettonie est membre à part entière depuis 2009 ?", member
    )
    assert contradicted("L'Estonie est membre à part entière ?", member) == ""
    assert contradicted("La Lettonie est membre observateur ?", member) == ""
    plan = "Les deux ministères ont signé un plan de coopération pour la période 2026-2027."
    said = contradicted(
        "Le plan de coopération court jusqu'en 2030 ?", plan, "", True, frozenset({"court"})
    )
    assert said == "Non : d'après l'article, « pour la période 2026-2027 », pas jusqu'en 2030."


def test_a_wrong_premise_checked_in_a_word_gets_a_frank_non_on_top(five_base: FactBase) -> None:
    (count,) = chat(five_base, "forum secu bakou 2025 = une quarantaine de pays, je confirme ?")
    assert _top(count).startswith("Non : d'après l'article, « plus de 80 pays »")
    (status,) = chat(
        five_base,
        "Le Turkménistan est membre à part entière de l'OTS depuis sa création, c'est ça ?",
    )
    assert (
        _top(status)
        == "Non : d'après l'article, « membre observateur », pas membre à part entière."
    )
    assert not any(
        isinstance(b, Para) and b.text.startswith("Aucune phrase") for b in status.blocks
    )  # the verdict is said once, never under a « nothing found »
    (span,) = chat(five_base, "le plan defense uk-aze court jusqu'en 2030, c'est bien ca ?")
    assert _top(span).startswith("Non : d'après l'article, « pour 2026")
    assert _top(span).endswith("pas jusqu'en 2030.")


def test_no_non_when_the_claim_holds_or_the_quotes_are_about_another_subject(
    five_base: FactBase,
) -> None:
    (true,) = chat(five_base, "Le Turkménistan est membre observateur de l'OTS, c'est ça ?")
    assert not _top(true).startswith("Non")
    (other,) = chat(five_base, "La France est membre à part entière de l'OTS, c'est ça ?")
    assert not _top(other).startswith("Non")
