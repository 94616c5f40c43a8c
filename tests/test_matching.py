"""Names: exact folded aliases first, fuzzy only above a cutoff, traps refused."""

import pytest

from bot.engine.index import Index


@pytest.fixture(scope="module")
def index(base):
    return Index(base)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Turquie", "TR"),
        ("turquie", "TR"),
        ("TURQUIE", "TR"),
        ("Türkiye", "TR"),
        ("Turkey", "TR"),
        ("TR", "TR"),
        ("la Turquie", "TR"),
        ("Royaume-Uni", "GB"),
        ("royaume uni", "GB"),
        ("UK", "GB"),
        ("Grande-Bretagne", "GB"),
        ("United Kingdom", "GB"),
        ("États-Unis", "US"),
        ("Etats Unis", "US"),
        ("USA", "US"),
        ("Azerbaïdjan", "AZ"),
        ("azerbaidjan", "AZ"),
        ("République tchèque", "CZ"),
        ("Tchéquie", "CZ"),
        ("Kirghizie", "KG"),
        ("OTAN", "otan"),
        ("nato", "otan"),
        ("Organisation des États turciques", "ots"),
        ("UE", "ue"),
        ("Union européenne", "ue"),
        ("suede", "SE"),
        ("Suède", "SE"),
        ("ukraine", "UA"),
        ("Douma", "douma"),
        ("Armenie", "AM"),
    ],
)
def test_exact_names(index, query, expected):
    match = index.find_actor(query)
    assert match is not None and match.actor.id == expected
    assert match.exact


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Turqie", "TR"),
        ("Azerbajan", "AZ"),
        ("Royaume-Unii", "GB"),
        ("Kazakstan", "KZ"),
        ("Hongire", "HU"),
        ("Etats-Uni", "US"),
    ],
)
def test_typos_match_fuzzily(index, query, expected):
    match = index.find_actor(query)
    assert match is not None and match.actor.id == expected
    assert not match.exact


@pytest.mark.parametrize("query", ["suedee", "ukrain", "ue x", "uk1", "Bel", "xyzzy", "France2025"])
def test_traps_never_hit_a_short_alias(index, query):
    match = index.find_actor(query)
    assert match is None or match.actor.id not in {"ue", "GB", "US", "union-africaine"}


@pytest.mark.parametrize("query", ["", "   ", "Atlantide", "zzzz", "12345", "<b>Turquie</b>x"])
def test_unknown_names_match_nothing(index, query):
    assert index.find_actor(query) is None


def test_short_queries_are_exact_only(index):
    assert index.find_actor("tur") is None
    assert index.find_actor("ue").actor.id == "ue"


def test_suggestions_offer_the_closest_names(index):
    suggestions = [actor.id for actor in index.suggest_actors("Turkmenistanne")]
    assert suggestions and suggestions[0] == "TM"
