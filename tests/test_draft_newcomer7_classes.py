"""The draft on short articles of our own, one per class a seventh newcomer met (issue 23):
« prêtes à être livrées » drafted as a delivery. Runs on the fixture base
(tests/fixtures/draft_base/), never on the shipped content."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from bot.content.modality import modality_of
from bot.content.model import FactBase
from bot.text import fold
from tests.draft_helpers import draft_yaml, drafted_entries, small_base


@pytest.fixture(scope="module")
def small() -> FactBase:
    return small_base()


_entries = drafted_entries


def _holding(data: dict[str, Any], words: str) -> dict[str, Any]:
    found = [
        entry
        for entry in _entries(data)
        if any(words in item["quote"] for item in entry["evidence"])
    ]
    assert len(found) == 1, [entry["evidence"] for entry in _entries(data)]
    return found[0]


DONE = {"signe", "adhesion", "approuve", "livre", "achat"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Un député géorgien a déclaré que les radars turcs étaient prêts à être livrés.",
        "Un député géorgien a déclaré que les batteries turques étaient prêtes à être livrées.",
        "Selon un député géorgien, la batterie turque est prête à être livrée.",
        "Les batteries turques devraient être livrées à la Géorgie.",
        "Les batteries turques pourraient être livrées à la Géorgie.",
        "Les batteries turques doivent être livrées à la Géorgie.",
    ],
)
def test_ready_to_be_delivered_is_never_drafted_as_delivered(
    small: FactBase, sentence: str
) -> None:
    text = f"# Date : 2024-03-05\nRadars pour Tbilissi\n\n{sentence}\n"
    entry = _holding(draft_yaml(text, small), "livr")
    acts = {fold(entry.get("act") or ""), fold(entry["draft"].get("act") or "")}
    assert not acts & DONE, entry
    assert entry["draft"]["modality"] is not None, entry
    assert "livr" in entry["draft"]["modality"]["words"]


def test_a_delivery_said_done_stays_done(small: FactBase) -> None:
    sentence = "Les radars turcs ont été livrés à la Géorgie."
    text = f"# Date : 2024-03-05\nRadars pour Tbilissi\n\n{sentence}\n"
    assert modality_of(sentence) is None
    entry = _holding(draft_yaml(text, small), "livr")
    assert entry["draft"]["modality"] is None
    assert "livr" in fold(entry.get("act") or entry["draft"].get("act") or "")


def test_check_refuses_a_delivery_whose_quote_is_only_ready() -> None:
    from bot.content.support import undone_act

    quote = "Un député a déclaré que les batteries étaient prêtes à être livrées."
    said = undone_act([quote], ["livr"], "passé")
    assert said and "prêtes à être livrées" in said[0]
    assert undone_act(["Les batteries ont été livrées."], ["livr"], "passé") == []


CAPTIONS = (
    "# Date : 2024-03-05\n"
    "La Géorgie et la Turquie ont signé un contrat de radars\n"
    "\n"
    "Senator Jane Roe talks with reporters in Washington, DC, on March 8, 2019. (AFP photo)\n"
    "Tbilissi a signé un contrat avec Ankara sur des radars. (Photo d'archives)\n"
    "\n"
    "La Géorgie et la Turquie ont signé lundi un contrat sur des radars de courte portée.\n"
)


def test_a_picture_caption_is_no_fact(small: FactBase) -> None:
    data = draft_yaml(CAPTIONS, small)
    quotes = [item["quote"] for entry in _entries(data) for item in entry["evidence"]]
    assert not any("Jane Roe" in quote or "2019" in quote for quote in quotes), quotes
    assert not any("Photo d'archives" in quote or "Tbilissi a signé" in quote for quote in quotes)
    assert any(quote.startswith("La Géorgie et la Turquie ont signé lundi") for quote in quotes)
    noise = [item["text"] for item in data["sources"][0]["draft"]["noise"]]
    assert any("(AFP photo)" in text for text in noise), noise
    assert any("(Photo d'archives)" in text for text in noise), noise


RECENTLY = (
    "# Date : 2024-03-05\n"
    "Tbilissi et Ankara\n"
    "\n"
    "La Géorgie et la Turquie ont récemment signé un accord de coopération militaire.\n"
)


def test_recently_drafts_the_open_span_check_asks_for(small: FactBase) -> None:
    from bot.dates import parse_date, wording_problem

    entry = _holding(draft_yaml(RECENTLY, small), "récemment")
    assert entry["date"] == "../2024-03-05"
    assert entry["date_basis"] == "rapporté"
    assert wording_problem(entry["date_text"], parse_date(entry["date"])) is None


def test_a_source_footer_naming_the_site_itself_is_no_relay() -> None:
    from bot.draft.article import read_article

    page = (
        "# URL : https://fr.exemple-tv.com/Detail/2024/3/5/1/radars\n"
        "# Média : Exemple TV\n"
        "La Géorgie et la Turquie ont signé lundi un contrat sur des radars.\n"
        "\n"
        "SOURCE: FRENCH EXEMPLE TV\n"
    )
    assert read_article(page).relayed_from.value is None
    relayed = page.replace("SOURCE: FRENCH EXEMPLE TV", "SOURCE: AGENCE ANADOLU")
    assert read_article(relayed).relayed_from.value == "AGENCE ANADOLU"
    no_outlet = page.replace("# Média : Exemple TV\n", "")  # the address alone names it
    assert read_article(no_outlet).relayed_from.value is None


PAIR = (
    "# Date : 2024-03-05\n"
    "Tbilissi et Ankara\n"
    "\n"
    "La Géorgie est le premier client des radars de la Turquie depuis dix ans.\n"
    "\n"
    "Les deux pays ont signé un contrat en février 2012 sur la vente de radars.\n"
)


def test_the_sentence_naming_the_two_countries_is_a_key_quote_of_the_pair(
    small: FactBase,
) -> None:
    data = draft_yaml(PAIR, small)
    signed = _holding(data, "Les deux pays ont signé")
    assert set(signed.get("parties") or signed.get("actors") or []) == {"GE", "TR"}
    keys = [item["quote"] for item in signed["evidence"] if item["key"]]
    naming = "La Géorgie est le premier client des radars de la Turquie depuis dix ans."
    assert naming in keys, signed["evidence"]
    assert signed["draft"]["named_in"] == [naming]


RESERVE = (
    "# Date : 2024-03-05\n"
    "Radars pour Tbilissi\n"
    "\n"
    "Un député géorgien a déclaré que les radars turcs étaient prêts à être livrés.\n"
    'Cependant, "il n\'y avait aucune indication du moment où ils devaient arriver".\n'
)


def test_a_reserve_opening_on_cependant_stays_with_what_it_qualifies(small: FactBase) -> None:
    data = draft_yaml(RESERVE, small)
    entry = _holding(data, "prêts à être livrés")
    quotes = [item["quote"] for item in entry["evidence"]]
    assert any(quote.startswith("Cependant") for quote in quotes), quotes
    skipped = [item["sentence"] for item in data["draft"]["skipped"]]
    assert not any(sentence.startswith("Cependant") for sentence in skipped)


UNDATED = (
    "La cérémonie d'inauguration du Centre conjoint géorgien et turc de surveillance a eu lieu "
    "le 30 janvier.\n"
    "\n"
    "Il est à noter que le 11 novembre 2020, les ministres de la Défense géorgien et turc "
    "avaient signé un mémorandum sur la création du Centre conjoint.\n"
    "\n"
    "La trêve entre la Géorgie et la Turquie avait été signée le 10 novembre dernier.\n"
)


def test_a_day_without_year_in_an_undated_article_follows_its_latest_date(
    small: FactBase,
) -> None:
    data = draft_yaml(UNDATED, small)
    opening = _holding(data, "cérémonie d'inauguration")
    assert opening["date"] == "2021-01-30"
    assert opening["date_basis"] == "déduit"
    assert "11 novembre 2020" in opening["date_reason"]
    assert opening["type"] == "fondation"
    # « novembre dernier » counts from the article's own date, which it does not give
    truce = _holding(data, "10 novembre dernier")
    assert truce.get("date") is None


def test_a_day_without_year_stays_unknown_when_the_articles_years_differ(
    small: FactBase,
) -> None:
    text = UNDATED.replace("11 novembre 2020", "11 novembre 2020 (puis le 3 mai 2019)")
    opening = _holding(draft_yaml(text, small), "cérémonie d'inauguration")
    assert opening.get("date") is None


CEREMONY = (
    "# Date : 2021-02-01\n"
    "Un centre à Tbilissi\n"
    "\n"
    "La cérémonie d'inauguration du Centre conjoint turc de surveillance a eu lieu lundi à "
    "Tbilissi.\n"
    "\n"
    "Le centre surveille la mise en œuvre de l'accord de cessez-le-feu signé par la Géorgie.\n"
    "\n"
    "Le ministre géorgien de la Défense et le vice-ministre turc de la Défense ont été présents "
    "à la cérémonie d'inauguration.\n"
)


def test_who_attended_the_ceremony_joins_the_ceremony_over_a_sentence_between(
    small: FactBase,
) -> None:
    data = draft_yaml(CEREMONY, small)
    opening = _holding(data, "ont été présents")
    quotes = [item["quote"] for item in opening["evidence"]]
    assert quotes[0].startswith("La cérémonie d'inauguration"), quotes
    assert {"GE", "TR"} <= set(opening["actors"])
    assert opening["date"] == "2021-02-01"


def test_an_unpadded_date_in_the_address_path_is_read_as_the_address_date() -> None:
    from bot.draft.article import read_article, url_date

    assert url_date("https://french.presstv.com/Detail/2016/10/8/488197/Bakou") == date(2016, 10, 8)
    assert url_date("https://exemple.com/article/2016/10/488197") is None  # no day: nothing
    page = (
        "# URL : https://fr.exemple-tv.com/Detail/2016/10/8/488197/radars\n"
        "La Géorgie et la Turquie ont signé mardi un contrat sur des radars.\n"
    )
    article = read_article(page)
    assert article.published.value == "2016-10-08"
    assert article.published.basis == "adresse"  # never as the article's words


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        ("Boursier.com (dépêche Reuters)", "Boursier.com (dépêche Reuters)"),
        ("Nouvelles d'Arménie (armenews.com)", "Nouvelles d'Arménie"),
        ("exemple.be ; pas de ligne de date", "exemple.be"),
    ],
)
def test_the_curators_outlet_keeps_the_agency_whose_dispatch_it_carries(
    line: str, outlet: str
) -> None:
    from bot.draft.article import read_article

    page = (
        f"# Média : {line}\nLa Géorgie et la Turquie ont signé mardi un contrat sur des radars.\n"
    )
    article = read_article(page)
    assert article.outlet.value == outlet
    assert article.outlet.basis == "curateur"


def test_a_possible_sale_dated_by_its_reports_is_a_declaration_never_a_sale(
    small: FactBase,
) -> None:
    text = (
        "# Date : 2024-03-08\n"
        "Radars pour Tbilissi\n"
        "\n"
        "La Turquie pourrait vendre des radars à la Géorgie, selon des informations non "
        "confirmées, publiées mardi dans les médias géorgiens.\n"
    )
    entry = _holding(draft_yaml(text, small), "pourrait vendre")
    assert entry["type"] == "declaration"
    assert entry["date"] == "2024-03-05" and entry["date_basis"] == "déduit"
    assert not {fold(entry["draft"].get("act") or "")} & DONE


def test_a_date_opening_a_statement_dates_the_statement_not_the_purchase(
    small: FactBase,
) -> None:
    text = (
        "# Date : 2016-10-08\n"
        "Radars pour Tbilissi\n"
        "\n"
        "Plus tôt cette année, un ancien commandant géorgien avait déclaré que la Géorgie avait "
        "déjà acheté quatre radars à la Turquie.\n"
    )
    entry = _holding(draft_yaml(text, small), "avait déjà acheté")
    assert entry["type"] == "declaration"
    assert entry["date"] == "2016" and entry["date_basis"] == "déduit"
    assert not {fold(entry["draft"].get("act") or "")} & DONE


def test_an_act_dated_by_its_meeting_is_anchored_to_the_article_that_dates_it(small):
    """Eighth newcomer: « Lors de la réunion, … ont signé un plan » takes the meeting's date;
    when that date's year is the article's own printed date, the entry is anchored to the
    article (as every date built on it), not left with a reason alone."""
    text = (
        "Publié le 21 janvier 2020\n\n"
        "Le ministre azerbaïdjanais de la Défense a rencontré le 21 janvier à Tbilissi son "
        "homologue géorgien.\n\n"
        "Lors de la réunion, les ministères de la Défense des deux pays ont signé un plan de "
        "coopération bilatérale pour 2020.\n"
    )
    data = draft_yaml(text, small)
    [plan] = [e for e in drafted_entries(data) if "Lors de la réunion" in e["evidence"][0]["quote"]]
    assert plan["date"] == "2020-01-21" and plan["date_basis"] == "déduit"
    assert plan["date_anchor"] == data["sources"][0]["id"]
    assert "rencontre" in plan["date_reason"]


def test_a_visit_made_to_sign_is_never_drafted_as_signed(small):
    """Eighth newcomer: « venu à Paris pour signer l'accord » says what the visit was for,
    not that the agreement was signed; « ont signé » in the next sentence is an act."""
    aim = (
        "Le ministre de la Défense de l'Azerbaïdjan, venu à Paris pour signer l'accord de "
        "coopération entre la France et l'Azerbaïdjan, a rencontré le chef d'état-major."
    )
    [entry] = drafted_entries(draft_yaml(f"Publié le 14 janvier 2014\n\n{aim}\n", small))
    assert entry.get("act") != "signe", entry
    done = "Le 14 janvier, la France et l'Azerbaïdjan ont signé un accord de coopération."
    [signed] = drafted_entries(draft_yaml(f"Publié le 14 janvier 2014\n\n{done}\n", small))
    assert signed.get("act") == "signe", signed
