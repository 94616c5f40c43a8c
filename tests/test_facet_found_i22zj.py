"""A word missing from the articles is not a fact missing (issue 22, task i22zj): an absence
line resting on a word is taken off an open question's answer when its first passage is about
the asked subject and gives the asked facet; kept for yes/no questions, for questions of no
facet, and over a passage about something else. On the five frozen articles."""

from __future__ import annotations

from datetime import date

from bot.content.model import FactBase
from bot.engine.facet_found import facet_first
from bot.engine.index import Index
from bot.engine.questions import respond
from bot.engine.reply import Para, Quote, Reply
from bot.render.text import render_text

TODAY = date(2026, 12, 6)
PLACE = (
    "À partir du 20 novembre, Lukoil cessera de fournir du pétrole à l'Azerbaïdjan et le "
    "redirigera vers Makhatchala, capitale de la République du Daghestan."
)
OTHER = (
    "Des démonstrations ont mis en avant les dernières avancées dans l'intelligence artificielle."
)


def _reply(banner: str, quote: str) -> Reply:
    return Reply(
        (
            Para(banner, "note"),
            Para("Compris : « où ? » — Lukoil pétrole", "note"),
            Quote(quote, "", open=True),
        )
    )


BANNER = "Les articles ne disent pas où part le brut (aucun n'emploie « brut ») ; au plus proche :"


def test_a_missing_word_over_a_passage_giving_the_place_is_no_absence(five_base: FactBase):
    index = Index(five_base)
    asked = "Le brut de Lukoil, il part vers où maintenant que l'Azerbaïdjan ne le reçoit plus ?"
    out = facet_first(index, _reply(BANNER, PLACE), asked, yes_no=False)
    text = render_text(out)
    assert "ne disent pas" not in text
    assert "aucun article n'emploie : brut" in text  # what was not found is still said
    assert "Makhatchala" in text


def test_the_line_stays_for_a_check_another_subject_or_no_facet(five_base: FactBase):
    index = Index(five_base)
    asked = "Le brut de Lukoil, il part vers où maintenant que l'Azerbaïdjan ne le reçoit plus ?"
    kept = [
        facet_first(index, _reply(BANNER, PLACE), asked, yes_no=True),  # a claim checked
        facet_first(index, _reply(BANNER, OTHER), asked, yes_no=False),  # not its subject
        facet_first(  # « quel montant ? »: the missing word may be what is asked
            index, _reply(BANNER, PLACE), "le montant du brut de Lukoil livré ?", yes_no=False
        ),
        facet_first(  # the subject is there, the place is not
            index,
            _reply(BANNER, "Lukoil cessera de fournir du pétrole à partir du 20 novembre."),
            "le brut de Lukoil part vers où ?",
            yes_no=False,
        ),
    ]
    for out in kept:
        assert "ne disent pas où" in render_text(out)


def test_an_imprecise_date_the_question_gives_is_not_the_date_asked(five_base: FactBase):
    index = Index(five_base)
    banner = "Les articles ne donnent pas de date précise : ils disent « début octobre » (2025)."
    quote = (
        "… début octobre, le président azéri a proposé que les pays membres de l'Organisation "
        "des États turciques (OTS) mènent des manoeuvres militaires conjointes en 2026."
    )
    given = "Les manœuvres proposées début octobre par Aliyev, c'est pour quand ?"
    assert "date précise" not in render_text(
        facet_first(index, _reply(banner, quote), given, False)
    )
    other = "Aliyev a proposé les manœuvres quand ?"  # the date asked is the one not given
    assert "date précise" in render_text(facet_first(index, _reply(banner, quote), other, False))


def test_whole_answers_on_the_five_articles(five_base: FactBase):
    index = Index(five_base)
    text = render_text(respond(index, "Le brut Lukoil part désormais vers où ?", TODAY))
    assert "Makhatch" in text
    assert "ne disent pas" not in text
    assert "Laissé de côté : « brut »" in text  # said neutrally, after the answer (i22zm)
    text = render_text(respond(index, "pourquoi Bakou a signé ce plan avec les Anglais ?", TODAY))
    assert "ne nomment pas" not in text
    assert "diversifier" in text
    text = render_text(
        respond(index, "Les manœuvres proposées début octobre par Aliyev, pour quand ?", TODAY)
    )
    assert "2026" in text
    assert "date précise" not in text


def test_a_missing_word_that_picks_the_instance_keeps_the_line(five_base: FactBase):
    index = Index(five_base)
    banner = (
        "Les articles ne disent pas quand la prochaine réunion a lieu (aucun n'emploie "
        "« prochaine ») ; au plus proche :"
    )
    quote = "Le 21 septembre 2025, Bakou a ouvert les portes de son 3ᵉ Forum international."
    asked = "la prochaine édition du forum de Bakou, c'est quand ?"
    assert "ne disent pas" in render_text(facet_first(index, _reply(banner, quote), asked, False))


def test_besides_and_together_are_no_concepts_to_find(five_base: FactBase):
    # « Le pays et l'Alliance ont également mené un entraînement conjoint »: « à part ça »
    # and « ensemble » are how the question is put, never words a sentence must hold
    index = Index(five_base)
    asked = "À part ça, l'Azerbaïdjan a fait autre chose ensemble avec l'Alliance ?"
    assert "Aucune phrase des articles" not in render_text(respond(index, asked, TODAY))


def test_what_the_text_does_is_never_said_absent(five_base: FactBase):
    index = Index(five_base)
    for verb in ("mentionnés", "évoqués"):
        asked = f"Dans l'accord avec Washington, quels secteurs sont {verb} ?"
        assert f"« {verb} »" not in render_text(respond(index, asked, TODAY)), verb
