"""The classes an eleventh newcomer met (issue 23), each on a short article of our own, drafted
against the fixture base (tests/fixtures/draft_base/), never the shipped content."""

from __future__ import annotations

import pytest

from bot.content.model import FactBase
from tests.draft_helpers import draft_yaml, small_base
from tests.draft_helpers import entry_holding as _holding


@pytest.fixture(scope="module")
def small() -> FactBase:
    return small_base()


DATED = "# URL : https://exemple.org/article-1\n# Date : 2022-06-10\n"


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        (
            "\"Aujourd'hui, tant pour la Turquie que pour nous, il est parfaitement évident que "
            "notre pays n'y est pas prêt\", a relevé le ministre géorgien.",
            "il est parfaitement évident",
        ),
        (
            "\"Je ne voudrais pas assigner à la Géorgie et à la Turquie un objectif qui n'est pas "
            "réalisable aujourd'hui\", a dit le ministre géorgien.",
            "réalisable aujourd'hui",
        ),
    ],
)
def test_a_general_aujourdhui_dates_nothing(small: FactBase, sentence: str, words: str) -> None:
    entry = _holding(draft_yaml(DATED + sentence + "\n", small), words)
    assert entry.get("date") is None
    assert all(item["text"].casefold() != "aujourd'hui" for item in entry["draft"]["dates"])


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ("Aujourd'hui, le ministre turc est arrivé à Tbilissi pour une visite.", "est arrivé"),
        (
            '"Aujourd\'hui, nous avons signé avec la Turquie un accord qui est important", a dit '
            "le ministre géorgien.",
            "nous avons signé",
        ),
    ],
)
def test_aujourdhui_with_something_done_that_day_still_dates_it(
    small: FactBase, sentence: str, words: str
) -> None:
    entry = _holding(draft_yaml(DATED + sentence + "\n", small), words)
    assert entry["date"] == "2022-06-10"


def test_the_bracketed_country_of_a_medium_is_no_party(small: FactBase) -> None:
    text = DATED + (
        "La Géorgie n'est pas encore prête à adhérer à l'OTSC, a déclaré le président géorgien "
        "dans une interview à la Deutsche Welle (Allemagne) publiée mercredi.\n\n"
        '"Quand les deux parties seront prêtes, cela se fera", a-t-il ajouté.\n'
    )
    data = draft_yaml(text, small)
    first = _holding(data, "pas encore prête")
    assert "DE" not in (first.get("actors") or [])
    assert "GE" in (first.get("actors") or [])
    second = _holding(data, "les deux parties")
    assert "DE" not in (second.get("actors") or [])


def test_a_country_named_in_brackets_after_a_country_stays_a_party(small: FactBase) -> None:
    text = DATED + "La Turquie (Ankara) a livré des drones à la Géorgie le 2 juin.\n"
    entry = _holding(draft_yaml(text, small), "a livré des drones")
    assert {"TR", "GE"} <= set(entry.get("actors") or entry.get("parties") or [])


def test_a_quotation_opened_straight_and_closed_curly_is_one_candidate(small: FactBase) -> None:
    text = DATED + (
        "Le ministre turc a souligné que la victoire avait une place importante dans "
        "l’histoire du Caucase.\n\n"
        '"Pour couronner cette victoire, il est important d’ouvrir la route entre Zougdidi et '
        "Senaki le plus tôt possible.\n\n"
        "Je pense qu’il est très important que la Turquie et la Géorgie se connectent "
        "physiquement”, a-t-il souligné.\n"
    )
    data = draft_yaml(text, small)
    opening = _holding(data, "Pour couronner cette victoire")
    closing = _holding(data, "se connectent physiquement")
    assert opening is closing


def test_the_minister_of_the_articles_pair_keeps_his_country_beside_the_other(
    small: FactBase,
) -> None:
    text = DATED + (
        "Le ministre turc de la Défense Hulusi Akar a été reçu par le président géorgien à "
        "Tbilissi, capitale de la Géorgie.\n\n"
        "Hulusi Akar a exprimé sa conviction qu’avec les investissements que la Géorgie fera "
        "dans ses terres, la région deviendra un centre d’attraction.\n"
    )
    entry = _holding(draft_yaml(text, small), "les investissements que la Géorgie fera")
    assert set(entry.get("actors") or []) == {"TR", "GE"}


def test_a_quotation_said_by_il_goes_with_the_speaker_who_relevait_just_before(
    small: FactBase,
) -> None:
    text = DATED + (
        '"Pour la Turquie comme pour nous, il est évident que notre pays n\'est pas prêt", a '
        "relevé le ministre géorgien.\n\n"
        '"Aussi devons-nous poursuivre notre coopération en tant que partenaires", a-t-il '
        "repris.\n"
    )
    data = draft_yaml(text, small)
    assert _holding(data, "Aussi devons-nous") is _holding(data, "n'est pas prêt")


def test_the_opening_of_a_quotation_without_actor_stays_with_its_sequel(small: FactBase) -> None:
    text = DATED + (
        "Le ministre géorgien a reçu son homologue turc à Tbilissi le 8 juin.\n\n"
        '"Je ne voudrais pas faire de prévisions hâtives. Nous devons baser notre politique sur '
        "des réalités. Quand les deux parties seront prêtes, cela ne manquera pas de se "
        'produire", a estimé en conclusion le ministre géorgien.\n'
    )
    data = draft_yaml(text, small)
    entry = _holding(data, "Quand les deux parties")
    quotes = [item["quote"] for item in entry["evidence"]]
    assert quotes[0].startswith('"Je ne voudrais pas')
    assert "Nous devons baser notre politique sur des réalités." in quotes
    assert all(item["key"] for item in entry["evidence"][:2])
    skipped = [item["sentence"] for item in data["draft"].get("skipped") or []]
    assert not any("prévisions" in sentence for sentence in skipped)


def test_a_visit_a_speech_dates_is_apart_from_the_state_it_spoke_of_before(
    small: FactBase,
) -> None:
    text = DATED + (
        '"Depuis de longues années, nous coopérons avec la Turquie dans de nombreux '
        "programmes. Au mois de mars dernier, j'ai visité le ministère turc de la Défense où "
        "j'ai eu des négociations très constructives\", a indiqué le ministre géorgien.\n"
    )
    data = draft_yaml(text, small)
    visit = _holding(data, "j'ai visité le ministère")
    assert visit is not _holding(data, "Depuis de longues années")
    assert visit["date"] == "2022-03"
    assert visit["date_basis"] == "déduit"
    assert visit["type"] == "reunion"


def test_the_two_sides_are_the_country_and_the_organisation_the_article_opened_with(
    small: FactBase,
) -> None:
    text = DATED + (
        "La Géorgie n'est pas encore prête à adhérer à l'OTS, a déclaré le ministre géorgien "
        "mercredi.\n\n"
        '"Nous espérons que cette coopération se poursuivra", a ajouté le ministre, tout en '
        "faisant remarquer que la participation devait être concertée des deux côtés.\n\n"
        '"Quand les deux parties seront prêtes, cela ne manquera pas de se produire", a '
        "estimé en conclusion le ministre géorgien.\n"
    )
    data = draft_yaml(text, small)
    assert set(_holding(data, "des deux côtés").get("actors") or []) == {"GE", "ots"}
    assert set(_holding(data, "les deux parties").get("actors") or []) == {"GE", "ots"}


def test_nous_in_a_quotation_is_the_country_of_the_speaker_its_attribution_names(
    small: FactBase,
) -> None:
    text = DATED + (
        "Le président géorgien Irakli Kobakhidzé a accordé une interview à la presse.\n\n"
        "\"Depuis de longues années, nous coopérons avec l'OTS à commencer par le programme "
        '"Routes de la soie" jusqu\'au plan de partenariat. '
        "Au mois de mars dernier, j'ai visité le siège de l'OTS où j'ai eu des négociations "
        'très constructives", a indiqué M. Kobakhidzé.\n'
    )
    entry = _holding(draft_yaml(text, small), "nous coopérons avec l'OTS")
    assert {"GE", "ots"} <= set(entry.get("actors") or [])


def test_a_statement_denying_again_what_a_declaration_denied_joins_it(small: FactBase) -> None:
    text = DATED + (
        "La Géorgie n'est pas encore prête à adhérer à l'OTS, a déclaré le ministre géorgien "
        "mercredi.\n\n"
        '"Nous espérons que cette coopération se poursuivra", a ajouté le ministre géorgien.\n\n'
        "\"Pour l'OTS comme pour nous, il est évident que la Géorgie n'y est pas prête\", a "
        "relevé le ministre géorgien.\n"
    )
    data = draft_yaml(text, small)
    declaration = _holding(data, "pas encore prête à adhérer")
    assert _holding(data, "n'y est pas prête") is declaration
    assert _holding(data, "Nous espérons") is not declaration
