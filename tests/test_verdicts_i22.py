"""Issue 22 B.7: a yes/no question the quote on top answers otherwise opens on « Pas d'après
les articles : … » with what differs (another figure, another place, proposed not done), the
quote under it; never a bare « non » (a « Non : d'après l'article, … » only with another value of
the same slot, ``fact_check``), and nothing said when the quote does not plainly differ
(« 100 pays ? » over « plus de 80 pays » may be right)."""

from __future__ import annotations

from datetime import date

from bot.engine.fact_check import contradicted
from bot.engine.index import Index
from bot.engine.questions import _first_quote, respond
from bot.engine.reply import Para
from bot.engine.verdicts import otherwise

TODAY = date(2026, 11, 23)
FORUM = "Le 12 mai 2024, la conférence de Tbilissi 2024 a réuni plus de 60 délégations (2)."


def test_another_figure_is_said_with_the_article_s_words():
    said = otherwise("la conférence a réuni une vingtaine de délégations ?", FORUM)
    assert said == "ils donnent un autre chiffre : « plus de 60 délégations »"
    assert otherwise("la conférence a réuni 60 délégations ?", FORUM) == ""
    assert otherwise("la conférence a réuni 70 délégations ?", FORUM) == ""  # « plus de 60 »
    assert otherwise("elle s'est tenue le 12 mai ?", FORUM) == ""  # a day, a year: no count


def test_another_place_and_proposed_not_done():
    signed = "Le 3 mars, à Ankara, les deux ministres ont signé le protocole."
    assert otherwise("le protocole a été signé à Tbilissi ?", signed) == (
        "ils disent « à Ankara », non « à Tbilissi »"
    )
    assert otherwise("le protocole a été signé à Ankara ?", signed) == ""
    proposed = "Le ministre a proposé que les deux armées mènent un exercice commun."
    assert "proposé" in otherwise("l'exercice commun a-t-il été décidé ?", proposed)
    assert otherwise("l'exercice a-t-il été proposé ?", proposed) == ""


def test_a_yes_no_answer_opens_on_what_the_quote_says_otherwise(base):
    index = Index(base)
    fired = 0
    for question in (
        "le forum de Bakou a réuni une cinquantaine de pays ?",
        "l'accord avec les États-Unis a été signé à Washington ?",
        "les manœuvres de l'OTS en 2026 sont-elles confirmées ?",
    ):
        reply = respond(index, question, TODAY)
        why = otherwise(question, _first_quote(reply))
        frank = contradicted(question, _first_quote(reply))  # another value of the same slot
        top = reply.blocks[0]
        if frank:  # a « Non » only with the value the quote gives (issue 22, i22w)
            assert isinstance(top, Para) and top.text == frank
            fired += 1
        elif why:  # computed on the quote the answer shows
            assert isinstance(top, Para) and top.text.startswith("Pas d'après les articles :")
            assert why in top.text
            fired += 1
        nos = [b.text for b in reply.blocks if isinstance(b, Para) and b.text.startswith("Non")]
        assert all(text.startswith("Non : d'après l'article, « ") for text in nos)  # never bare
    assert fired  # the articles say otherwise for at least one of these (computed above)
