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
    # the README states floors (« plus de 300 ») and « aucun » / « chacune »: claims that hold
    # on the shipped base, checked here, and that a new article does not make stale
    found = re.search(
        r"des plus de (\d+) pays absents des articles, chacun écrit avec une faute de frappe,"
        r" aucun ne reçoit de fiche ni de suggestion ; chacune des plus de (\d+) fautes de"
        r" frappe des noms de la base mène au bon nom",
        _flat(README),
    )
    assert found is not None, "le README doit donner les chiffres des fautes de frappe"
    wrong, absent = misspelt_absent_countries(index)
    right, wrong_names, silent = misspelt_names(index, base)
    floor_absent, floor_names = (int(group) for group in found.groups())
    assert absent > floor_absent and right + wrong_names + silent > floor_names, (
        f"README : plus de {floor_absent} et {floor_names} ; base livrée : {absent} et "
        f"{right + wrong_names + silent}"
    )
    assert wrong == []  # « aucun ne reçoit de fiche ni de suggestion »
    assert wrong_names == 0 and silent == 0  # « chacune … mène au bon nom »


def test_the_readme_card_footer_example_is_what_that_card_shows(shipped):
    _base, index = shipped
    found = re.search(r"\(`(/pays [^`]+)` : « (Sous les boutons : [^»]+\)) »", _flat(README))
    assert found is not None, "le README doit citer le pied d'une fiche, avec sa commande"
    command, footer = found.groups()
    # the example's wording, its counts being whatever the card counts today (a new article
    # about Turkey adds to them; tests/computed.py checks each count against its button)
    # and its nouns in the singular or plural as the count asks (« 1 accord », « 2 accords »)
    shown = _singular(_flat(render_text(respond(index, command, TODAY))))
    shape = r"\d+".join(re.escape(part) for part in re.split(r"\d+", _singular(footer)))
    assert re.search(shape, shown), footer


def _singular(text: str) -> str:
    """``text`` with each noun after a number in the singular (« 2 accords » → « 2 accord »)."""
    return re.sub(r"(\d+ \w+?)s\b", r"\1", text)


def test_the_documentation_does_not_pin_how_many_articles_ship():
    # « les cinq articles » goes stale with the next article: the README says « les articles »
    # and /sources and /start give the count, computed.
    for name, text in documentation_files().items():
        assert not re.search(r"\b(?:les|des) (?:cinq|5) articles\b", _flat(text)), name
