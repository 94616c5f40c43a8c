"""The figures the README gives about the shipped base are recomputed from it (content/ and
seeds/ of the project, whatever BOT_CONTENT_DIR says): a README that no longer matches the
shipped base fails here, naming the figure."""

from __future__ import annotations

import re
from datetime import date

import pytest

from bot.content.loader import load_factbase
from bot.engine.index import Index
from bot.engine.questions import respond
from bot.paths import PROJECT_ROOT
from bot.render.text import render_text
from tests.docs import documentation_files
from tests.test_matching import misspelt_absent_countries, misspelt_names

README = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
TODAY = date(2026, 11, 23)


@pytest.fixture(scope="module")
def shipped():
    base = load_factbase(PROJECT_ROOT / "content", PROJECT_ROOT / "seeds")
    return base, Index(base)


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_the_readme_typo_figures_are_those_measured_on_the_shipped_base(shipped):
    base, index = shipped
    found = re.search(
        r"sur (\d+) pays absents des articles, chacun avec une faute de frappe, aucun ne reçoit"
        r" de fiche ni de suggestion ; sur (\d+) fautes de frappe des noms de la base, (\d+)"
        r" mènent au bon nom",
        _flat(README),
    )
    assert found is not None, "le README doit donner les chiffres des fautes de frappe"
    wrong, absent = misspelt_absent_countries(index)
    right, wrong_names, silent = misspelt_names(index, base)
    stated = tuple(int(group) for group in found.groups())
    assert stated == (absent, right + wrong_names + silent, right), (
        f"README : {stated} ; base livrée : {(absent, right + wrong_names + silent, right)}"
    )
    assert wrong == [] and wrong_names == 0  # « aucun ne reçoit de fiche »


def test_the_readme_card_footer_example_is_what_that_card_shows(shipped):
    _base, index = shipped
    found = re.search(r"\(`(/pays [^`]+)` : « (Sous les boutons : [^»]+\)) »", _flat(README))
    assert found is not None, "le README doit citer le pied d'une fiche, avec sa commande"
    command, footer = found.groups()
    assert footer in _flat(render_text(respond(index, command, TODAY)))


def test_the_documentation_does_not_pin_how_many_articles_ship():
    # « les cinq articles » goes stale with the next article: the README says « les articles »
    # and /sources and /start give the count, computed.
    for name, text in documentation_files().items():
        assert not re.search(r"\b(?:les|des) (?:cinq|5) articles\b", _flat(text)), name
