"""Issue 22, task i22zs: what the last passes left. A count or a greater share that the
articles contradict is denied on top, whatever the claim's verb (« c'était », a tag « non, »
inside the sentence); an arsenal is its weapons. Questions of our own on the frozen
five-article base."""

from __future__ import annotations

from bot.content.model import FactBase
from bot.engine.reply import Para
from bot.engine.yesno import asked_as_statement, verdict_set_aside
from tests.chat import chat


def _first(reply: object) -> str:
    return next(b.text for b in reply.blocks if isinstance(b, Para))  # type: ignore[attr-defined]


def test_a_count_put_with_c_etait_is_checked(five_base: FactBase) -> None:
    assert asked_as_statement("à ce forum, c'était une quinzaine de délégations ?")
    assert not asked_as_statement("c'était quand, ce forum ?")
    reply = chat(five_base, "à Bakou le forum de sécurité, c'était une trentaine de pays ?")[0]
    first = _first(reply)
    assert first.startswith("Pas d'après les articles")
    assert "80" in first


def test_a_tag_non_inside_the_sentence_asks_yes_or_no() -> None:
    text, asked = verdict_set_aside("le forum était modeste non, environ quinze pays ?")
    assert asked
    assert "non" not in text.split()
    assert not verdict_set_aside("signé ou non, cet accord compte ?")[1]


def test_a_greater_share_the_quote_gives_another_country_is_denied(
    five_base: FactBase,
) -> None:
    reply = chat(five_base, "l'arsenal de l'Azerbaïdjan est principalement israélien ?")[0]
    first = _first(reply)
    assert first.startswith("Pas d'après les articles")
    assert "d'origine russe" in first
    assert "« arsenal » lu « armements »" in " ".join(
        b.text for b in reply.blocks if isinstance(b, Para)
    )


def test_a_greater_share_the_quote_confirms_gets_no_denial(five_base: FactBase) -> None:
    reply = chat(five_base, "les armements de l'Azerbaïdjan sont surtout russes ?")[0]
    assert not _first(reply).startswith(("Pas d'après", "Non"))
