"""A follow-up whose answer can only show again what was shown names the detail it asks:
given (« Le 10 février 2026 »), given only roughly (« pas de nombre exact, l'article dit « des
centaines de drones » »), or absent — never « les phrases de ce sujet n'en disent pas plus »,
read as « not found » over the answer itself (issue 22, task i22zq, phone readers of the
fourteenth blind set: AD02, AD41, AE02, AE22). Questions written here, on the frozen base."""

from __future__ import annotations

from bot.content.model import FactBase
from bot.engine.detail_head import detail_head
from bot.engine.index import Index
from bot.render.text import render_text
from tests.chat import chat

SIGNED = (
    "Le 10 février 2026, à Bakou, Azerbaïdjan et le États-Unis a officiellement signé un accord "
    "de partenariat stratégique à l'issue d'une visite de haut niveau marquée par une rencontre "
    "entre le Président Ilham Aliyev et vice-président américain JD Vance."
)
DRONES = (
    "La grande majorité des armements azéris sont encore d'origine russe même si des "
    "matériels israéliens et turcs, dont des centaines de drones de combat, ont été acquis."
)


def test_the_value_a_shown_quote_gives_is_said(five_base: FactBase) -> None:
    index = Index(five_base)
    when = detail_head(index, "et ça s'est passé à quelle date ?", [SIGNED])
    assert when == (
        "Sur « et ça s'est passé à quelle date ? » : « Le 10 février 2026 », dans la citation "
        "déjà montrée :"
    )
    who = detail_head(index, "et il a vu qui, Aliyev, côté américain ?", [SIGNED])
    assert "« vice-président américain JD Vance »" in who, who
    assert "Ilham" not in who  # the question's own person is no answer
    # a person of another side than the one asked, or of no side asked, is no answer
    assert "Aliyev" not in detail_head(index, "paraphé par qui ? à quel niveau ?", [SIGNED])


def test_an_order_of_size_or_a_vague_time_is_no_value(five_base: FactBase) -> None:
    index = Index(five_base)
    many = detail_head(index, "combien précisément ?", [DRONES])
    assert many.endswith(
        "pas de nombre exact, l'article dit « des centaines de drones de combat » :"
    )
    recent = "les deux pays ont récemment signé un mémorandum d'entente"
    when = detail_head(index, "à quelle date exactement ?", [recent])
    assert when.endswith("pas de date exacte, l'article dit « récemment » :"), when


def test_a_follow_up_never_reads_nothing_more(five_base: FactBase) -> None:
    replies = chat(
        five_base,
        "d'où vient l'armement de l'armée azérie ?",
        "et les drones ?",
        "ils en possèdent combien au juste, de ces drones ?",
    )
    text = render_text(replies[-1])
    assert "n'en disent pas plus" not in text
    assert "pas de nombre exact" in text, text


def test_the_date_said_is_the_one_of_the_subject_asked(five_base: FactBase) -> None:
    quote = (
        "Cette organisation réunit depuis 2009 des pays de langue turcique dont la Turquie. La "
        "Hongrie en est devenue membre observateur en 2018 et le Turkménistan en 2022."
    )
    said = detail_head(Index(five_base), "et la Hongrie, observatrice depuis quand ?", [quote])
    assert "« en 2018 »" in said, said
