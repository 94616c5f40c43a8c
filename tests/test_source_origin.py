"""A source's address and an outlet the curator gives (issue 23 point 1, newcomer's findings 1,
2, 5 and 7): on a copy of tests/fixtures/draft_base/, never on the shipped content."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from bot.content.errors import ContentError
from bot.content.field_limits import field_limits, guide_table, limits_table
from bot.content.loader import load_factbase
from bot.content.yamlread import read_yaml
from bot.draft.build import draft_article, draft_data
from bot.draft.cards import new_country_cards
from bot.draft.intake import given_of
from bot.engine.common import attribution
from bot.engine.index import Index
from bot.engine.reply import Para
from bot.engine.search import sources
from bot.render.text import render_text

FIXTURE = Path(__file__).parent / "fixtures" / "draft_base"
GUIDE = Path(__file__).parents[1] / "docs" / "curation.md"


@pytest.fixture
def base(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURE / "content", tmp_path / "content")
    shutil.copytree(FIXTURE / "seeds", tmp_path / "seeds")
    return tmp_path


def _set_source(root: Path, **fields: object) -> None:
    path = root / "content" / "sources.yaml"
    data = read_yaml(path.read_text(encoding="utf-8"))
    data["sources"][0].update(fields)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _issues(root: Path) -> list[str]:
    try:
        load_factbase(root / "content", root / "seeds")
    except ContentError as error:
        return [str(issue) for issue in error.issues]
    return []


def test_a_source_address_is_validated_and_shown_in_sources(base: Path) -> None:
    _set_source(base, url="https://exemple.az/fr/manoeuvres-ots")
    loaded = load_factbase(base / "content", base / "seeds")
    blocks = sources(Index(loaded)).blocks
    notes = [block.text for block in blocks if isinstance(block, Para)]
    assert any(note.endswith("Adresse : https://exemple.az/fr/manoeuvres-ots") for note in notes)
    _set_source(base, url="exemple.az/sans-protocole")
    issues = _issues(base)
    assert any("sources.yaml" in i and "manoeuvres-ots" in i and "url" in i for i in issues)


def test_an_outlet_given_by_the_curator_is_shown_as_the_curators(base: Path) -> None:
    _set_source(base, outlet="Agence fictive")  # not in the article: refused as its words
    assert any("outlet" in issue and "mot pour mot" in issue for issue in _issues(base))
    _set_source(base, outlet_basis="curateur")  # said to be the curator's, without a note
    assert any("« note »" in issue and "curateur" in issue for issue in _issues(base))
    _set_source(base, note="média Agence fictive donné par le curateur")
    loaded = load_factbase(base / "content", base / "seeds")
    source = loaded.sources["manoeuvres-ots"]
    assert attribution(source).startswith("Agence fictive (média indiqué par le curateur), ")
    shown = " ".join(render_text(sources(Index(loaded))).split())
    assert "média non indiqué" not in shown and "Agence fictive (média indiqué par" in shown


def test_a_curator_basis_without_an_outlet_is_refused(base: Path) -> None:
    _set_source(base, outlet_basis="curateur", note="rien")
    assert any("« outlet »" in issue and "exige un média" in issue for issue in _issues(base))


def test_an_outlet_read_off_the_address_needs_the_address(base: Path) -> None:
    _set_source(base, outlet="exemple.az", outlet_basis="adresse", note="lu dans l'adresse")
    assert any("« url »" in issue and "adresse" in issue for issue in _issues(base))
    _set_source(base, url="https://exemple.az/fr/article")
    assert _issues(base) == []
    source = load_factbase(base / "content", base / "seeds").sources["manoeuvres-ots"]
    assert attribution(source).startswith("exemple.az (média lu dans l'adresse), ")


def test_a_copy_that_names_its_original_outlet_names_it_as_the_cited_source(base: Path) -> None:
    """« Lire la suite sur RFI » on a site read off the address: the footer names RFI as the
    source cited, after the site — never RFI as the outlet of the whole text, which an article
    that only credits another outlet for a sentence (« rapporte le site Trend ») is not."""
    _set_source(
        base,
        outlet="exemple.az",
        outlet_basis="adresse",
        note="lu dans l'adresse",
        url="https://exemple.az/fr/article",
        relayed_from="RFI",
    )
    assert _issues(base) == []
    source = load_factbase(base / "content", base / "seeds").sources["manoeuvres-ots"]
    assert attribution(source).startswith(
        "exemple.az (média lu dans l'adresse) (source citée : RFI), "
    )


def test_draft_records_the_given_outlet_and_address_as_the_curators(base: Path) -> None:
    text = (
        "Bakou reçoit une délégation kazakhe\n"
        "Le ministre azerbaïdjanais de la Défense a reçu lundi une délégation kazakhe à Bakou.\n"
    )
    loaded = load_factbase(base / "content", base / "seeds")
    given = given_of("https://exemple.az/2025/03/14/delegation", "2025-03-14", "Agence fictive")
    data = draft_data(draft_article(text, "delegation.txt", loaded, given=given), "x.txt")
    source = data["sources"][0]
    assert source["outlet"] == "Agence fictive" and source["outlet_basis"] == "curateur"
    assert source["url"] == "https://exemple.az/2025/03/14/delegation"
    assert source["published_text"] is None  # a date the curator gives is never the article's
    assert source["published"] == "2025-03-14" and source["published_basis"] == "curateur"
    assert "donné par le curateur" in source["note"]


def test_new_country_cards_keep_the_articles_adjectives_not_prefixes_or_names() -> None:
    cards = new_country_cards(
        {"PK": ["Pakistan", "pakistanais", "pakistanais"], "CN": ["sino", "chinois"]},
        {"PK": "Pakistan", "CN": "Chine"},
    )
    assert cards == [
        {"code": "PK", "demonyms": ["pakistanais"]},
        {"code": "CN", "demonyms": ["chinois"]},
    ]


def test_the_guide_states_every_field_limit_of_the_schema() -> None:
    guide = GUIDE.read_text(encoding="utf-8")
    assert guide_table(guide) == limits_table(), (
        "docs/curation.md : tableau des limites périmé ; lancer "
        "`python -m bot.content.field_limits --write`"
    )
    rows = field_limits()
    assert ("sources", "label", "de 3 à 60 caractères") in rows
    assert any(row[1] == "date_reason" and "90" in row[2] for row in rows)


def test_the_guide_says_a_hedge_must_be_in_the_key_quotes() -> None:
    guide = " ".join(GUIDE.read_text(encoding="utf-8").split())
    assert "Le `hedge` reprend mot pour mot les mots d'une citation clé" in guide
