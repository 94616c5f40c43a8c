"""Checks a writer puts (issue 22, task i22zj): « peut-on écrire que … ? », « le brouillon dit
que … est-ce exact ? » are claims to check, asked yes or no; a « Non » corrects every part of
the claim it can read (the place and the month, the count and the edition's rank) and a span
of years (« 2025-2026 » for « 2026/27 »). On the five frozen articles and on quotes made
here."""

from __future__ import annotations

from datetime import date

from bot.content.model import FactBase
from bot.engine.fact_check import contradicted, fact_check_set_aside
from bot.engine.index import Index
from bot.engine.questions import respond
from bot.render.text import render_text

TODAY = date(2026, 12, 6)


def test_a_writers_check_is_a_claim():
    for framed, claim in (
        ("Peut-on écrire que la Grèce a signé un accord ?", "La Grèce a signé un accord ?"),
        ("Je peux dire qu'Aliyev a reçu l'OTAN ?", "Aliyev a reçu l'OTAN ?"),
        (
            "Notre papier indique que le forum a réuni 80 pays. Exact ?",
            "Le forum a réuni 80 pays ?",
        ),
        (
            "Peut-on écrire que, selon Aliyev, X et Y sont alliés ?",
            "Selon Aliyev, X et Y sont alliés ?",
        ),
    ):
        assert fact_check_set_aside(framed) == (claim, True), framed
    # a speaker of the articles is no frame: what he says stays his
    assert not fact_check_set_aside("Le président dit que la Turquie est alliée ?")[1]


def test_a_no_corrects_every_part_it_reads():
    quote = "Le 3 mars 2026, à Bakou, le Kazakhstan et l'Azerbaïdjan ont signé un protocole."
    said = contradicted("Le protocole a été signé à Astana en avril 2026 ?", quote)
    assert "« à Bakou », pas « à Astana »" in said and "pas en avril 2026" in said
    quote = "Bakou a ouvert la 5ᵉ édition de son Forum, qui réunit plus de 60 pays."
    said = contradicted("La première édition du Forum a réuni plus de 20 pays ?", quote)
    assert "« plus de 60 pays », pas plus de 20 pays" in said and "« 5ᵉ », pas première" in said


def test_a_span_of_years_is_checked_whole():
    quote = "Les ministres ont signé le plan de coopération en matière de défense pour 2031/32."
    said = contradicted("Le plan de coopération en matière de défense porte sur 2030-2031 ?", quote)
    assert said == "Non : d'après l'article, « pour 2031/32 », pas 2030-2031."
    assert not contradicted(
        "Le plan de coopération en matière de défense porte sur 2031-2032 ?", quote
    )


def test_whole_answers_on_the_five_articles(five_base: FactBase):
    index = Index(five_base)
    text = render_text(
        respond(
            index,
            "Notre papier dit que le plan de défense avec Londres couvre 2024-2025. Exact ?",
            TODAY,
        )
    )
    assert text.startswith("(Non : d'après l'article, « pour ")
    assert "2026" in text.split(")")[0] and "pas 2024-2025" in text.split(")")[0]
    text = render_text(
        respond(
            index,
            "Peut-on écrire qu'un traité de paix a été signé entre l'Arménie et l'Azerbaïdjan ?",
            TODAY,
        )
    )
    assert text.startswith("(Non")


def test_the_reading_line_never_repeats_the_premise_denied():
    from bot.engine.fact_check import unechoed

    verdict = "Non : d'après l'article, « à Bakou », pas « à Astana » ; « 3ᵉ », pas première."
    line = "Compris : 🇰🇿 Astana, première édition, forum (aucun article n'emploie : modeste)"
    assert unechoed(verdict, line) == "Compris : édition, forum (aucun article n'emploie : modeste)"
    kept = "Compris : « combien de pays ? » — forum"
    assert unechoed("Non : d'après l'article, « 80 pays », pas 20 pays.", kept) == kept
