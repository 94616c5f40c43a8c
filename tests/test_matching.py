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
    match = index.names.find_actor(query)
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
    match = index.names.find_actor(query)
    assert match is not None and match.actor.id == expected
    assert not match.exact


@pytest.mark.parametrize("query", ["suedee", "ukrain", "ue x", "uk1", "Bel", "xyzzy", "France2025"])
def test_traps_never_hit_a_short_alias(index, query):
    match = index.names.find_actor(query)
    assert match is None or match.actor.id not in {"ue", "GB", "US", "union-africaine"}


@pytest.mark.parametrize("query", ["", "   ", "Atlantide", "zzzz", "12345", "<b>Turquie</b>x"])
def test_unknown_names_match_nothing(index, query):
    assert index.names.find_actor(query) is None


def test_short_queries_are_exact_only(index):
    assert index.names.find_actor("tur") is None
    assert index.names.find_actor("ue").actor.id == "ue"


def test_suggestions_offer_the_closest_names(index):
    suggestions = [actor.id for actor in index.names.suggest_actors("Turkmenistanne")]
    assert suggestions and suggestions[0] == "TM"


def _typos(word: str, rng) -> list[str]:
    """Five one-letter slips of ``word``: a letter dropped, swapped or replaced."""
    found = []
    for _ in range(5):
        letters = list(word)
        i = rng.randrange(1, len(letters) - 1)
        slip = rng.choice("dsr")
        if slip == "d":
            del letters[i]
        elif slip == "s":
            letters[i], letters[i + 1] = letters[i + 1], letters[i]
        else:
            letters[i] = rng.choice("aeioulnrst")
        found.append("".join(letters))
    return found


def misspelt_names(index, base) -> tuple[int, int, int]:
    """Five typos of each actor name of six letters or more: (right, wrong, silent)."""
    import random

    from bot.text import fold

    rng = random.Random(7)
    right = wrong = silent = 0
    for actor in base.actors.values():
        if len(fold(actor.name)) < 6:
            continue
        for query in _typos(actor.name, rng):
            match = index.names.find_actor(query)
            guess = (
                match.actor.id
                if match
                else next((a.id for a in index.names.suggest_actors(query)), None)
            )
            if guess is None:
                silent += 1
            elif guess == actor.id:
                right += 1
            else:
                wrong += 1
    return right, wrong, silent


def misspelt_absent_countries(index) -> tuple[list[tuple[str, str | None]], int]:
    """One typo of each real country the articles do not name: (wrong answers, how many)."""
    import random

    from bot.content.countries import all_country_names
    from bot.text import fold

    rng = random.Random(11)
    absent = sorted(
        {n for n in all_country_names() if index.names.is_other_country(n) and len(fold(n)) >= 6}
    )
    wrong = []
    for name in absent:
        query = _typos(name, rng)[0]
        match = index.names.find_actor(query)
        if match is not None or index.names.suggest_actors(query):
            wrong.append((query, match.actor.id if match else None))
    return wrong, len(absent)


def test_misspelt_names_find_their_actor_or_nothing_never_another(index, base):
    right, wrong, silent = misspelt_names(index, base)
    print(f"fautes de frappe : {right} justes, {wrong} fausses, {silent} sans réponse")
    assert wrong == 0 and right >= 0.9 * (right + silent)


def test_misspelt_countries_absent_from_the_articles_get_no_wrong_card(index):
    wrong, absent = misspelt_absent_countries(index)
    assert absent > 150
    print(f"pays absents mal orthographiés : {len(wrong)} réponses fausses sur {absent}")
    assert wrong == []


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("américain", "US"),
        ("turc", "TR"),
        ("britanniques", "GB"),
        ("russe", "RU"),
        ("iranien", "IR"),
        ("arménienne", "AM"),
        ("Azərbaycan", "AZ"),
        ("Bakou", "AZ"),
        ("Ankara", "TR"),
    ],
)
def test_demonyms_capitals_and_local_spellings(index, query, expected):
    match = index.names.find_actor(query)
    assert match is not None and match.actor.id == expected and match.exact


def test_angleterre_leads_to_the_united_kingdom_with_a_note(index):
    for name in ("Angleterre", "England"):
        match = index.names.find_actor(name)
        assert match is not None and match.actor.id == "GB"
        assert match.note and "Royaume-Uni" in match.note


def test_suggestions_stay_quiet_for_unrelated_words(index):
    for word in ("signés", "licorne", "paix", "Lettonie", "bonjour"):
        assert index.names.suggest_actors(word) == [], word
