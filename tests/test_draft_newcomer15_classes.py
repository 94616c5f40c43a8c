"""The classes a fifteenth newcomer corrected by hand (issue 23), each on a short article of
our own modelled on agency copy, drafted against the fixture base (tests/fixtures/draft_base/)
— never the shipped content."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import yaml

from bot.content.errors import ContentError
from bot.content.loader import load_factbase
from bot.content.yamlread import read_yaml
from bot.draft.article import read_article
from bot.engine.common import attribution
from tests.draft_helpers import FIXTURE, draft_yaml, drafted_entries, small_base

# -- a copy with a blank line after every line of the page -------------------------------------

WRAPPED = (
    "Tbilissi, 14 nov 2019 (Reuters) - Le ministre géorgien de la Défense est arrivé\n\n"
    "jeudi à Bakou pour des entretiens avec son homologue azerbaïdjanais sur la\n\n"
    "sécurité des oléoducs.\n\n"
    "Les deux ministres ont signé un plan de coopération militaire pour 2020, selon\n\n"
    "l'agence Trend. Le plan prévoit des exercices conjoints auxquels M.\n\n"
    "Hassanov assistera.\n\n"
    "La Géorgie et l'Azerbaïdjan coopèrent depuis 1996 dans le cadre du corridor\n\n"
    "énergétique.\n"
)


def test_lines_cut_before_a_blank_line_are_rejoined_into_their_sentences() -> None:
    article = read_article(WRAPPED)
    texts = [sentence.text for sentence in article.sentences]
    assert (
        "Le ministre géorgien de la Défense est arrivé jeudi à Bakou pour des entretiens avec "
        "son homologue azerbaïdjanais sur la sécurité des oléoducs." in texts
    )
    assert "Le plan prévoit des exercices conjoints auxquels M. Hassanov assistera." in texts
    assert not any(line.kind == "heading" for line in article.lines)
    assert article.title.value is None  # the dateline's line is no headline


def test_a_paragraph_end_before_a_blank_line_stays_an_end() -> None:
    text = "Le ministre est arrivé à Bakou.\n\nLes deux pays ont signé un plan.\n"
    article = read_article(text)
    assert [s.text for s in article.sentences] == [
        "Le ministre est arrivé à Bakou.",
        "Les deux pays ont signé un plan.",
    ]


def test_a_headline_before_a_blank_line_is_not_joined_to_the_lead() -> None:
    text = "Plan de coopération militaire\n\nLes deux pays ont signé un plan, selon Trend.\n"
    article = read_article(text)
    assert article.title.value == "Plan de coopération militaire"


def test_the_wrapped_copy_drafts_whole_sentences_only() -> None:
    data = draft_yaml(WRAPPED, small_base())
    quotes = [item["quote"] for entry in drafted_entries(data) for item in entry["evidence"]]
    assert quotes
    assert all(quote[0].isupper() or quote[0] in "«" for quote in quotes)
    assert all("  " not in quote for quote in quotes)


# -- a dateline with an abbreviated month and its agency in brackets ----------------------------


def test_an_abbreviated_month_in_the_dateline_dates_the_dispatch() -> None:
    article = read_article(WRAPPED)
    assert article.dateline.value == "Tbilissi, 14 nov 2019 (Reuters)"
    assert article.published_date == date(2019, 11, 14)
    assert article.published.basis == "texte"


def test_the_dateline_agency_is_the_relayed_outlet_of_the_site_the_curator_names() -> None:
    article = read_article("# Média : Armenews\n" + WRAPPED)
    assert article.outlet.value == "Armenews"
    assert article.relayed_from.value == "Reuters"
    alone = read_article(WRAPPED)
    assert alone.outlet.value == "Reuters"
    assert alone.relayed_from.value is None


def test_sept_as_a_number_is_no_month() -> None:
    article = read_article("Bakou, 7 sept pays ont signé un plan de coopération militaire.\n")
    assert article.published_date is None


# -- actors: an acronym as agency copy writes it -------------------------------------------------


def test_a_four_letter_acronym_in_title_case_names_its_organisation() -> None:
    from dataclasses import replace

    from bot.draft.analyse import ActorFinder

    ots = small_base().actors["ots"]
    actors = {"otan": replace(ots, id="otan", name="OTAN", full_name="Alliance atlantique")}
    actors |= {"ots": ots}
    finder = ActorFinder(actors)
    assert "otan" in [hit.id for hit in finder.find("Le secrétaire général de l'Otan a parlé.")]
    assert "otan" in [hit.id for hit in finder.find("Le secrétaire général de l'OTAN a parlé.")]
    assert "ots" not in [hit.id for hit in finder.find("Les Ots ont parlé.")]  # three letters


# -- dates ----------------------------------------------------------------------------------------


def test_two_days_joined_by_a_dash_are_one_span() -> None:
    from bot.draft.frdates import find_dates

    found = find_dates(
        "Les ministres se sont réunis, les 3-4 avril, à Washington.", date(2019, 4, 5)
    )
    assert [(item.iso, item.basis) for item in found] == [("2019-04-03/2019-04-04", "déduit")]
    written = find_dates("Ils se sont réunis les 9 et 10 décembre 2020 à Bakou.", None)
    assert [(item.iso, item.basis) for item in written] == [("2020-12-09/2020-12-10", "texte")]


def test_a_bare_season_is_the_article_year_s_once_begun() -> None:
    from bot.draft.frdates import find_dates

    text = "La Turquie a soutenu l'Azerbaïdjan lors de sa guerre à l'automne."
    found = find_dates(text, date(2020, 12, 9))
    assert [(item.iso, item.basis) for item in found] == [("2020-09/2020-11", "déduit")]
    assert find_dates(text, date(2020, 6, 9)) == []  # not begun: last year's or this year's?
    assert find_dates(text, None) == []


# -- actors: places, routes, the side a celebrated victory beat ---------------------------------


def _aside(text: str) -> set[str]:
    from bot.draft.actors import nationals, places
    from bot.draft.analyse import ActorFinder

    finder = ActorFinder(small_base().actors)
    found = finder.find(text)
    return {hit.id for hit in places(text, finder, found) + nationals(text, finder, found)}


def test_a_place_after_a_date_and_a_route_s_ends_are_no_parties() -> None:
    assert "US" in _aside("Les ministres se sont réunis, les 3-4 avril, à Washington.")
    assert "AF" in _aside(
        "Les pays utilisaient la voie pour les transports vers et depuis l'Afghanistan."
    )
    assert "RU" in _aside(
        "La Turquie aide les exportations vers l'Europe en contournant la Russie."
    )
    assert "AZ" not in _aside("Israël a repris ses livraisons d'armes vers l'Azerbaïdjan.")


def test_the_side_a_celebrated_victory_beat_is_no_party_but_a_war_s_sides_are() -> None:
    assert "AM" in _aside(
        "Erdogan est arrivé à Bakou pour prendre part aux célébrations de la victoire face aux "
        "forces arméniennes."
    )
    assert "AM" in _aside("L'armée a fait défiler des armes capturées aux Arméniens.")
    assert "AM" not in _aside(
        "L'Azerbaïdjan a remporté une large victoire militaire face à l'Arménie."
    )


def test_forces_siding_with_a_country_are_not_that_country() -> None:
    assert "AM" in _aside("L'opération a contraint les forces pro-arméniennes à se rendre.")
    assert "AM" not in _aside("L'opération a contraint les forces arméniennes à se rendre.")


# -- a publication date given by the curator or read off the address -----------------------------


def _with_source(tmp_path: Path, **fields: object) -> Path:
    if not (tmp_path / "content").exists():
        shutil.copytree(FIXTURE / "content", tmp_path / "content")
        shutil.copytree(FIXTURE / "seeds", tmp_path / "seeds")
    path = tmp_path / "content" / "sources.yaml"
    data = read_yaml(path.read_text(encoding="utf-8"))
    data["sources"][0].update(fields)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return tmp_path


def _issues(root: Path) -> list[str]:
    try:
        load_factbase(root / "content", root / "seeds")
    except ContentError as error:
        return [str(issue) for issue in error.issues]
    return []


def test_a_date_the_curator_gives_is_shown_with_its_basis_not_as_undated(tmp_path: Path) -> None:
    root = _with_source(
        tmp_path, published="2019-04-05", published_basis="curateur", published_text=None
    )
    assert any("« note »" in issue and "curateur" in issue for issue in _issues(root))
    _with_source(root, note="date de publication 2019-04-05 donnée par le curateur")
    assert _issues(root) == []
    source = load_factbase(root / "content", root / "seeds").sources["manoeuvres-ots"]
    shown = attribution(source)
    assert "article du 5 avril 2019 (date indiquée par le curateur)" in shown
    assert "non daté" not in shown


def test_a_date_read_off_the_address_needs_the_address_and_no_words_of_the_article(
    tmp_path: Path,
) -> None:
    note = "date lue dans l'adresse"
    root = _with_source(tmp_path, published="2024-06-12", published_basis="adresse", note=note)
    assert any("« url »" in issue for issue in _issues(root))
    _with_source(root, url="https://exemple.az/2024/06/12/exercice", published_text="12 juin")
    assert any("« published_text »" in issue for issue in _issues(root))
    _with_source(root, published_text=None)
    assert _issues(root) == []
    source = load_factbase(root / "content", root / "seeds").sources["manoeuvres-ots"]
    assert "article du 12 juin 2024 (date lue dans l'adresse)" in attribution(source)


def test_the_draft_records_a_date_from_the_address_with_its_basis() -> None:
    text = (
        "# URL : https://exemple.az/Detail/2024/06/12/727315/exercice\n"
        "Les divisions iraniennes et azerbaïdjanaises effectueront un exercice mercredi.\n"
    )
    source = draft_yaml(text, small_base())["sources"][0]
    assert source["published"] == "2024-06-12" and source["published_basis"] == "adresse"
    assert source["published_text"] is None
    assert "lue dans l'adresse" in source["note"]


# -- tense: an imperfect in reported speech is past --------------------------------------------


def test_an_imperfect_of_a_verb_in_rer_is_past_not_conditional() -> None:
    from bot.draft.analyse import tense_of

    said = (
        "Le secrétaire général a souligné que l'Azerbaïdjan était un partenaire proche et "
        "coopérait étroitement avec l'Alliance."
    )
    assert tense_of(said) == "passé"
    assert tense_of("Il a souligné que le pays assurait et déclarait sa part.") == "passé"
    assert tense_of("Le pays coopérerait davantage selon lui.") == "conditionnel"
    assert tense_of("Les deux armées devraient effectuer un exercice.") == "conditionnel"
    assert tense_of("Sans cette voie, le transit serait impossible.") == "conditionnel"


# -- grouping: sentences that take up the one before --------------------------------------------


def _quotes_of(text: str) -> list[list[str]]:
    data = draft_yaml(text, small_base())
    return [[item["quote"] for item in entry["evidence"]] for entry in drafted_entries(data)]


def test_the_fighting_after_a_war_and_a_because_sentence_stay_with_what_they_take_up() -> None:
    war = (
        "Bakou, 9 décembre 2020 (AFP) - La Turquie a fermement soutenu l'Azerbaïdjan lors de sa "
        "guerre à l'automne contre les forces arméniennes. Les combats ont débouché sur un "
        "accord de cessation des hostilités négocié sous l'égide de Moscou.\n"
    )
    [together] = [q for q in _quotes_of(war) if any("Les combats" in quote for quote in q)]
    assert any("fermement soutenu" in quote for quote in together)
    because = (
        "Bakou, 5 avril 2019 (AZERTAC) - Depuis 2003, l'Azerbaïdjan contribue aux opérations "
        "de paix au Kosovo. Car, un groupe de militaires des Forces armées de l'Azerbaïdjan "
        "participe à la mission.\n"
    )
    [together] = [q for q in _quotes_of(because) if any("Car," in quote for quote in q)]
    assert any("Depuis 2003" in quote for quote in together)


def test_what_is_planned_during_a_visit_is_part_of_the_visit() -> None:
    visit = (
        "Bakou, 9 décembre 2020 (AFP) - Le président turc Recep Tayyip Erdogan est arrivé "
        "mercredi à Bakou. Le vice-Premier ministre l'a salué à l'aéroport. Lors de ce voyage "
        "officiel de deux jours, M. Erdogan doit aussi s'entretenir avec son homologue Ilham "
        "Aliev.\n"
    )
    [together] = [q for q in _quotes_of(visit) if any("Lors de ce voyage" in quote for quote in q)]
    assert any("est arrivé" in quote for quote in together)


# -- kind and type ------------------------------------------------------------------------------


def test_an_agreement_to_hold_an_exercise_is_an_agreement_not_the_exercise() -> None:
    from bot.draft.analyse import event_type

    agreed = (
        "Début octobre 2023, des responsables militaires azerbaïdjanais et iraniens sont "
        "parvenus à un accord sur la tenue d'un exercice naval conjoint en mer Caspienne."
    )
    assert event_type(agreed, None) == "accord"
    assert event_type("Les deux armées ont mené un exercice naval conjoint.", None) == "exercice"
    assert event_type("Ils se sont mis d'accord pour organiser des manœuvres.", None) == "accord"


def test_a_military_operation_is_a_conflict_and_a_line_put_in_service_a_foundation() -> None:
    from bot.draft.analyse import event_type

    taken = (
        "L'Azerbaïdjan a pris le contrôle de la région en septembre à la suite d'une opération "
        "militaire de 24 heures."
    )
    assert event_type(taken, None) == "conflit"
    opened = "La voie ferroviaire Bakou-Tbilissi-Kars a été mise en service le 30 octobre 2017."
    assert event_type(opened, None) == "fondation"


# -- links: a programme named by its two-word name -------------------------------------------------


def test_a_programme_with_an_acronym_is_named_by_its_two_words_in_another_article() -> None:
    from dataclasses import replace

    from bot.dates import parse_date
    from bot.draft.links import agreement_names, named_links

    base = small_base()
    [plan] = base.agreements
    ppp = replace(
        plan,
        id="partenariat-pour-la-paix",
        title="Partenariat pour la paix (PPP) de l'OTAN",
        parties=("AZ", "GB"),
        date=parse_date("1994"),
    )
    named = agreement_names(replace(base, agreements=(ppp,)))
    text = (
        "Le partenariat a été établi par la signature du document-cadre relatif au Partenariat "
        "pour la Paix le 4 mai 1994."
    )
    found = named_links(text, frozenset({"AZ", "GB"}), parse_date("1994-05-04"), named, set())
    assert [(link.entry_id, link.relation) for _, link in found] == [
        ("partenariat-pour-la-paix", "même fait")
    ]
    bare = replace(ppp, title="Partenariat pour la paix")  # two words, no acronym: too common
    assert agreement_names(replace(base, agreements=(bare,))) == {}


def test_a_quotation_then_its_speaker_is_a_statement_whatever_the_quote_names() -> None:
    from bot.draft.analyse import event_type

    said = (
        "« La visite est l'occasion de célébrer ensemble la glorieuse victoire » de "
        "l'Azerbaïdjan, s'était félicité mardi la présidence turque dans un communiqué."
    )
    assert event_type(said, None) == "declaration"
    assert event_type("Le ministre est arrivé à Bakou pour une visite.", None) == "reunion"
