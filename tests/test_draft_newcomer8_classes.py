"""The classes an eighth newcomer met (issue 23), each on a short article or entry of our own:
`check` accepting « venu pour signer » (an aim) under act: signé. Runs on the fixture base
(tests/fixtures/draft_base/), never on the shipped content; an update line taken as the
publication date, a view counter kept in it, the site's own « Sources : » footer taken as a
relay."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest

from bot.check import run_check
from bot.content.modality import modality_of
from bot.content.model import FactBase
from bot.content.support import undone_act
from tests.draft_helpers import draft_yaml, drafted_entries, small_base
from tests.draft_helpers import entry_holding as _holding

FIXTURE = Path(__file__).parent / "fixtures" / "draft_base"


@pytest.fixture(scope="module")
def small() -> FactBase:
    return small_base()


VISIT = (
    "Visite du ministre\n\n"
    "Le ministre turc est venu à Bakou pour signer un accord de coopération militaire.\n\n"
    "Le ministre turc et son homologue azerbaïdjanais ont signé un mémorandum sur la "
    "formation.\n"
)
AIM = "Le ministre turc est venu à Bakou pour signer un accord de coopération militaire."
DONE = "Le ministre turc et son homologue azerbaïdjanais ont signé un mémorandum sur la formation."


def _base_with(tmp_path: Path, quote: str, entry_id: str) -> Path:
    """A copy of the fixture base with a made-up article and one agreement said signed on
    ``quote``."""
    base = tmp_path / "base"
    shutil.copytree(FIXTURE, base)
    (base / "seeds" / "visite-ministre.txt").write_text(VISIT, encoding="utf-8")
    sources = base / "content" / "sources.yaml"
    sources.write_text(
        sources.read_text(encoding="utf-8")
        + """\
  - id: visite-ministre
    label: Visite du ministre
    outlet: null
    title: Visite du ministre
    published: null
    published_text: null
    seed: visite-ministre.txt
""",
        encoding="utf-8",
    )
    agreements = base / "content" / "agreements.yaml"
    agreements.write_text(
        agreements.read_text(encoding="utf-8")
        + f"""\
  - id: {entry_id}
    title: Accord de coopération militaire
    kind: accord
    act: signe
    parties: [AZ, TR]
    date: null
    summary: Un accord de coopération militaire.
    evidence:
      - source: visite-ministre
        quote: "{quote}"
        key: true
""",
        encoding="utf-8",
    )
    return base


def _check(base: Path) -> tuple[int, str]:
    out = io.StringIO()
    status = run_check(base / "content", base / "seeds", out)
    return status, out.getvalue()


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        (AIM, "pour signer"),
        ("La délégation est arrivée afin de signer le plan.", "afin de signer"),
        ("Le ministre est venu pour le signer.", "pour le signer"),
        ("Les ministres se sont retrouvés afin d'adopter la feuille de route.", "afin d'adopter"),
    ],
)
def test_a_purpose_before_a_bare_infinitive_is_an_aim(sentence: str, words: str) -> None:
    import re

    acts = re.compile(r"\b(?:sign|adopt)\w*", re.IGNORECASE)
    modality = modality_of(sentence, acts)
    assert modality is not None and modality.kind == "but"
    assert modality.words == words


def test_check_refuses_a_signed_act_whose_key_quote_only_says_pour_signer(
    tmp_path: Path,
) -> None:
    status, out = _check(_base_with(tmp_path, AIM, "accord-venu-signer"))
    assert status == 1
    where = "content/agreements.yaml › entrée « accord-venu-signer » › champ « act »"
    line = next(row for row in out.splitlines() if where in row)
    assert "« pour signer » (un but)" in line
    assert "ne le disent pas accompli" in line


def test_check_accepts_the_same_act_when_the_key_quote_says_it_done(tmp_path: Path) -> None:
    assert undone_act([DONE], ["sign"], "passé") == []
    _, out = _check(_base_with(tmp_path, DONE, "memorandum-signe"))
    assert "entrée « memorandum-signe » › champ « act »" not in out


# --- source metadata: an update line, a view counter, the site's own « Sources : » ---------

UPDATED_PAGE = """\
# URL : https://archives.exemple.gouv.fr/emb/actualite/visite-du-ministre.html
Accueil | EMB | Actualité | Visite du ministre azerbaïdjanais

Visite du ministre azerbaïdjanais

Mise à jour  : 20/03/2015

Le 12 mars 2015, le chef d'état-major turc a rencontré le ministre azerbaïdjanais de la Défense.

Un dialogue entre états-majors s'était tenu à Bakou en février dernier.


Sources : EMB
Droits : Ministère
"""


def test_an_update_line_is_no_publication_date_and_dates_built_on_it_say_so(
    small: FactBase,
) -> None:
    data = draft_yaml(UPDATED_PAGE, small)
    source = data["sources"][0]
    assert source["published"] is None and source["published_text"] is None
    assert source["draft"]["updated"]["value"] == "2015-03-20"
    dialogue = _holding(data, "février dernier")
    assert dialogue["date"] == "2015-02" and dialogue["date_basis"] == "déduit"
    assert "date_anchor" not in dialogue  # the article's date is unknown: no anchor on it
    assert "mise à jour" in dialogue["date_reason"]
    assert "dans l'article du" not in dialogue["date_note"]


def test_a_sources_footer_naming_the_sites_own_section_is_no_relay(small: FactBase) -> None:
    data = draft_yaml(UPDATED_PAGE, small)
    source = data["sources"][0]
    assert "relayed_from" not in source
    assert source["draft"]["relayed_from"]["read_from"] == "Sources : EMB"
    elsewhere = UPDATED_PAGE.replace("Sources : EMB", "Sources : Trend")
    assert draft_yaml(elsewhere, small)["sources"][0]["relayed_from"] == "Trend"


def test_a_view_counter_is_no_part_of_the_publication_line(small: FactBase) -> None:
    text = (
        "Le ministre turc à Bakou\n\n  21 Janvier 2020    Lu: 1080\n\n"
        "Le ministre turc de la Défense a rencontré le 21 janvier son homologue azerbaïdjanais.\n"
    )
    source = draft_yaml(text, small)["sources"][0]
    assert source["published"] == "2020-01-21"
    assert source["published_text"] == "21 Janvier 2020"


# --- a year read off « l'édition 2021 » is inferred, and says from where ------------------

EDITION = """\
Au début du mois de mars, des navires turcs et azerbaïdjanais prendront part à des exercices \
conjoints en mer Noire, a fait savoir un amiral turc.

Les manœuvres se dérouleront à l'issue de l'édition 2019 des jeux navals Coupe du Bosphore \
organisée actuellement en Turquie.

Ainsi en février dernier, des navires turcs avaient pris part à des exercices kazakhs dans le \
nord de la Caspienne.
"""


def test_an_editions_year_is_inferred_never_the_articles_words() -> None:
    from bot.draft.frdates import find_dates

    found = find_dates("à l'issue de l'édition 2019 des jeux navals Coupe du Bosphore", None)
    year = next(item for item in found if item.iso == "2019")
    assert year.basis == "déduit"
    assert year.reason is not None and "édition 2019 des jeux navals" in year.reason
    plain = find_dates("Les jeux navals ont eu lieu en 2019.", None)
    assert [item.basis for item in plain if item.iso == "2019"] == ["texte"]


def test_an_undated_article_written_during_an_edition_dates_its_months_in_that_year(
    small: FactBase,
) -> None:
    data = draft_yaml(EDITION, small)
    exercise = _holding(data, "Au début du mois de mars")
    assert exercise["date"] == "2019-03-01/2019-03-10" and exercise["date_basis"] == "déduit"
    assert "du 1er au 10" in exercise["date_note"]
    assert "édition 2019" in exercise["date_reason"]
    assert "date_anchor" not in exercise
    assert any("l'édition 2019" in item["quote"] for item in exercise["evidence"])
    earlier = _holding(data, "février dernier")
    assert earlier["date"] == "2019-02" and earlier["date_basis"] == "déduit"
    for entry in drafted_entries(data):  # no entry dated by the edition's year as written
        assert not (entry.get("date") == "2019" and entry.get("date_basis") is None), entry


# --- a country's name inside a place's name is not the country ----------------------------


@pytest.mark.parametrize(
    ("sentence", "absent"),
    [
        ("Des navires turcs ont pris part à des exercices dans le nord de l'océan Indien.", "IN"),
        ("Des navires turcs ont pris part à des exercices en mer de Chine méridionale.", "CN"),
        ("Des navires turcs ont pris part à des exercices dans le golfe d'Oman.", "OM"),
    ],
)
def test_a_country_name_inside_a_place_name_is_no_actor(
    small: FactBase, sentence: str, absent: str
) -> None:
    from bot.draft.analyse import ActorFinder

    finder = ActorFinder(small.actors)
    ids = [hit.id for hit in finder.find(sentence)]
    assert absent not in ids and "TR" in ids
    assert "IN" in [hit.id for hit in finder.find("Des navires indiens et turcs sont arrivés.")]
    entry = _holding(
        draft_yaml(f"# Date : 2021-03-05\nExercices\n\n{sentence}\n", small), "exercices"
    )
    assert absent not in (entry.get("actors") or entry.get("parties") or [])


# --- the talks and the press conference around a meeting are part of it -------------------

MEETING = """\
# Date : 2020-01-21
Le ministre turc rencontre son homologue azerbaïdjanais

Le ministre turc de la Défense, en visite officielle en Azerbaïdjan, s'est entretenu avec son \
homologue azerbaïdjanais le 21 janvier.

La cérémonie d'accueil officiel de la délégation turque a eu lieu au Ministère azerbaïdjanais de \
la Défense.

Au cours de la réunion, les ministres ont procédé à un échange de vues sur la coopération \
militaire.

Lors de la réunion, un plan de coopération bilatérale pour 2020 a été signé entre les ministères \
de la défense de la Turquie et de l'Azerbaïdjan. Le document prévoit des visites mutuelles \
d'experts.

Ensuite, une conférence de presse des ministres de la défense des deux pays a été organisée pour \
les médias.
"""


def test_the_ceremony_talks_and_press_conference_of_a_meeting_are_one_candidate(
    small: FactBase,
) -> None:
    data = draft_yaml(MEETING, small)
    meeting = _holding(data, "s'est entretenu avec son homologue")
    quotes = " ".join(item["quote"] for item in meeting["evidence"])
    assert "cérémonie d'accueil" in quotes
    assert "échange de vues" in quotes
    assert "conférence de presse" in quotes
    plan = _holding(data, "un plan de coopération bilatérale")
    assert plan["act"] == "signe"
    assert not any("conférence de presse" in item["quote"] for item in plan["evidence"])
    assert len(drafted_entries(data)) == 2, [e["evidence"] for e in drafted_entries(data)]


# --- « Ces derniers mois » is a time, not a pointer back to the sentence before ----------

EXAMPLE = """\
# Date : 2019-08-20
Manœuvres en Caspienne

Les jeux navals réunissent des corvettes de quatre pays. La partie turque y est \
représentée par deux bâtiments, Anadolu et Marmara.

Ces derniers mois, plusieurs exercices impliquant des navires turcs et kazakhs ont eu lieu dans \
la région caspienne. Ainsi en mars 2019, une corvette turque avait pris part aux exercices \
réalisés par les forces navales du Kazakhstan.
"""


def test_ces_derniers_mois_points_nowhere_and_its_example_joins_it(
    small: FactBase,
) -> None:
    data = draft_yaml(EXAMPLE, small)
    exercise = _holding(data, "Ainsi en mars 2019")
    quotes = [item["quote"] for item in exercise["evidence"]]
    assert any(quote.startswith("Ces derniers mois") for quote in quotes)
    assert exercise["date"] == "2019-03"
    assert not any("Anadolu" in quote for quote in quotes)


@pytest.mark.parametrize(
    ("opening", "points_back"),
    [
        ("Ces derniers mois, plusieurs exercices ont eu lieu.", False),
        ("Cette année, la marine a reçu deux corvettes.", False),
        ("Ce matin, le ministre est arrivé.", False),
        ("Ce jour-là, les ministres ont aussi signé un plan.", True),
        ("Ces exercices ont duré trois jours.", True),
        ("Cette visite confirme le dynamisme de la relation.", True),
    ],
)
def test_a_time_phrase_is_no_anaphora(opening: str, points_back: bool) -> None:
    from bot.draft.build import _ANAPHORA

    assert bool(_ANAPHORA.match(opening)) is points_back


# --- « il y a un an », and « alors » ties a sentence to the time just told -----------------

A_YEAR_AGO = """\
Des navires turcs participeront à l'issue de l'édition 2019 des jeux navals Coupe du Bosphore \
organisée actuellement en Turquie à des manœuvres en Caspienne.

Il y a un an, Ankara et Astana avaient signé un accord de coopération portant sur leur \
partenariat militaire. Les deux pays ont alors également évoqué des exercices conjoints en \
Caspienne.
"""


def test_il_y_a_un_an_is_the_year_before_and_alors_joins_what_it_dates(
    small: FactBase,
) -> None:
    from datetime import date

    from bot.draft.frdates import find_dates

    found = [d for d in find_dates("Il y a un an, ils avaient signé.", date(2021, 8, 20))]
    assert [(d.iso, d.basis) for d in found] == [("2020", "déduit")]
    undated = find_dates("Il y a un an, ils avaient signé.", None)
    assert [d.iso for d in undated] == [None]
    data = draft_yaml(A_YEAR_AGO, small)
    agreement = _holding(data, "Il y a un an")
    assert agreement["date"] == "2018" and agreement["date_basis"] == "déduit"
    assert "édition 2019" in agreement["date_reason"]
    assert any("ont alors également" in item["quote"] for item in agreement["evidence"])


@pytest.mark.parametrize(
    ("words", "iso"),
    [
        ("début octobre 2025", "2025-10-01/2025-10-10"),
        ("mi-mars 2024", "2024-03-11/2024-03-20"),
        ("fin février 2024", "2024-02-21/2024-02-29"),
    ],
)
def test_a_part_of_a_month_is_drafted_as_the_span_check_asks(words: str, iso: str) -> None:
    from bot.dates import parse_date, wording_problem
    from bot.draft.frdates import find_dates

    found = find_dates(f"Les exercices auront lieu {words}.", None)
    assert [(item.iso, item.basis) for item in found] == [(iso, "texte")]
    assert wording_problem(words, parse_date(iso)) is None
    assert wording_problem(words, parse_date(iso[:7])) is not None  # the month alone: refused


def test_a_part_of_a_month_without_its_year_is_the_same_span_in_a_dated_article() -> None:
    from datetime import date

    from bot.draft.frdates import find_dates

    found = find_dates("Les exercices auront lieu début octobre.", date(2025, 9, 20))
    assert [(item.iso, item.basis) for item in found] == [("2025-10-01/2025-10-10", "déduit")]
    assert "du 1er au 10" in str(found[0].note)
    plain = find_dates("Les exercices auront lieu en octobre.", date(2025, 9, 20))
    assert [item.iso for item in plain] == ["2025-10"]
