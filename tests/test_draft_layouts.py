"""Dispatch layouts the draft reads (issue 23, newcomers' class 1), on articles written here."""

from __future__ import annotations

from bot.draft.article import read_article

_PORTAL = """Dernière mise à jour à 11h05 le 03/02

Accueil>>Monde

La Serbie et la Hongrie organisent une patrouille aérienne commune

Tanjug | 03.02.2019 10h47

La Serbie et la Hongrie ont organisé samedi une patrouille aérienne commune au-dessus du Danube,
a indiqué le ministère serbe de la Défense.
"""

_RUBRIC = """DEFENSE

Le Chili et le Pérou signent une feuille de route navale

Lima, 12 mars, AGENCIA

Le Chili et le Pérou ont signé une feuille de route navale à Lima.
"""

_NAMED = """Le Ghana et le Togo lancent la patrouille conjointe « Lagune 2019 »
La patrouille a commencé lundi sur la côte.
"""


def test_portal_clutter_is_never_the_title_and_the_agency_line_gives_outlet_and_date():
    article = read_article(_PORTAL)
    assert (
        article.title.value == "La Serbie et la Hongrie organisent une patrouille aérienne commune"
    )
    assert article.outlet.value == "Tanjug"
    assert article.published.value == "2019-02-03"
    kinds = {line.text: line.kind for line in article.lines}
    assert kinds["Dernière mise à jour à 11h05 le 03/02"] == "updated"
    assert kinds["Accueil>>Monde"] == "noise"
    assert all("Accueil" not in s.text and "Tanjug" not in s.text for s in article.sentences)


def test_an_all_caps_rubric_is_neither_outlet_nor_title():
    article = read_article(_RUBRIC)
    assert article.title.value == "Le Chili et le Pérou signent une feuille de route navale"
    assert article.outlet.value == "AGENCIA"
    assert next(line for line in article.lines if line.text == "DEFENSE").kind == "noise"


def test_a_headline_ending_on_a_quoted_name_is_the_title_not_a_fact():
    article = read_article(_NAMED)
    assert (
        article.title.value == "Le Ghana et le Togo lancent la patrouille conjointe « Lagune 2019 »"
    )
    assert [s.text for s in article.sentences] == ["La patrouille a commencé lundi sur la côte."]


def test_present_in_ons_is_not_future_and_future_or_conditional_is_marked():
    from bot.draft.analyse import tense_of

    assert (
        tense_of("« Nous considérons qu'il est utile de coopérer », a dit le ministre.") == "passé"
    )
    assert (
        tense_of("« Nous déclarons notre soutien et nous assurons la relève », a-t-il dit.")
        == "passé"
    )
    assert tense_of("Les drones seront au centre des manœuvres.") == "futur"
    assert tense_of("Nous aurons des exercices et nous pourrons les mener.") == "futur"
    assert tense_of("Cet accord contribuerait à la stabilité.") == "conditionnel"


def test_a_weekday_tied_to_a_past_verb_dates_the_declaration_not_the_future_event():
    from datetime import date

    from bot.draft.frdates import find_dates

    text = "Les deux armées vont organiser des manœuvres, a annoncé samedi le ministre."
    found = find_dates(text, date(2019, 2, 4))  # a Monday
    assert [(d.text, d.iso, d.basis) for d in found] == [("samedi", "2019-02-02", "déduit")]
    ahead = find_dates("Les deux armées organiseront des manœuvres samedi.", date(2019, 2, 4))
    assert [d.iso for d in ahead] == ["2019-02-09"]


def test_same_fact_by_words_needs_compatible_dates_and_a_shared_place_or_name():
    from pathlib import Path

    from bot.content.loader import load_factbase
    from bot.dates import parse_date
    from bot.draft.links import Linker

    folder = Path(__file__).parent / "fixtures" / "draft_base"
    linker = Linker(load_factbase(folder / "content", folder / "seeds"))
    partners = ["AZ", "TR", "KZ"]
    elsewhere = (
        "Les armées de l'Azerbaïdjan, de la Turquie et du Kazakhstan ont tenu à Gabala "
        "des manœuvres militaires conjointes, a indiqué Bakou."
    )
    # same partners, same month, shared words — but no shared place or name: another meeting
    assert linker.links(elsewhere, partners, parse_date("2025-09"), True) == []
    retold = (
        "Les armées de l'Azerbaïdjan, de la Turquie et du Kazakhstan ont tenu des manœuvres "
        "militaires conjointes de l'Organisation des États turciques."
    )
    links = linker.links(retold, partners, parse_date("2025-09"), True)
    assert [(link.entry_id, link.relation) for link in links] == [
        ("exercice-ots-2025", "même fait")
    ]
    assert "acteurs communs" in links[0].reason


def test_a_year_that_ends_a_quoted_name_is_inferred_not_the_texts_date():
    from bot.draft.frdates import find_dates

    named = find_dates("Les patrouilles « Lagune – 2019 » ont commencé.", None)
    assert [(d.iso, d.basis) for d in named] == [("2019", "déduit")]
    assert "nom" in (named[0].note or "")
    said = find_dates("« Nous signerons en 2024 », a-t-il dit.", None)
    assert [(d.iso, d.basis) for d in said] == [("2024", "texte")]


def test_son_pays_said_by_a_named_official_is_his_country():
    from pathlib import Path

    from bot.content.loader import load_factbase
    from bot.draft.build import draft_article

    folder = Path(__file__).parent / "fixtures" / "draft_base"
    base = load_factbase(folder / "content", folder / "seeds")
    text = (
        "Le ministre turc de la Défense, Hulusi Akar, a rencontré à Ankara le ministre kazakh "
        "de la Défense, Rouslan Jaksylykov, le 3 mars 2025.\n\n"
        "Selon Akar, le Kazakhstan est un partenaire fiable et son pays veut renforcer "
        "leurs exercices communs.\n"
    )
    draft = draft_article(text, "rencontre-ankara.txt", base)
    said = next(c for c in draft.candidates if "son pays" in c.sentence.text)
    mine = [item.actor for item in said.resolved if item.words == "son pays"]
    assert mine == ["TR"]  # the speaker's country, not the Kazakhstan named before it
