"""The draft tool on real French articles (tests/articles/) not among the five seeds."""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from bot.content.loader import load_factbase
from bot.content.model import FactBase
from bot.content.yamlread import read_yaml
from bot.draft.article import read_article
from bot.draft.build import draft_article, render_draft, summary_text
from bot.draft.check_drafts import run_check_drafts
from bot.draft.frdates import find_dates
from bot.draft.intake import MAX_ARTICLE_BYTES, ArticleError, decode_article
from bot.paths import CONTENT_DIR, PROJECT_ROOT, SEEDS_DIR
from bot.text import normalise_typography

ARTICLES = sorted((Path(__file__).parent / "articles").glob("*.txt"))
CHARTE = Path(__file__).parent / "articles" / "courrier-am-charte-etats-unis.txt"
JF17C = Path(__file__).parent / "articles" / "gagadget-jf17c-pakistan.txt"
MOPAYS = Path(__file__).parent / "articles" / "mopays-armes-israeliennes.txt"


def _draft(path: Path, base: FactBase) -> dict[str, object]:
    text = path.read_text(encoding="utf-8")
    data = read_yaml(render_draft(draft_article(text, path.name, base), str(path)))
    assert isinstance(data, dict)
    return data


def _entries(data: dict[str, object]) -> list[dict[str, object]]:
    found: list[dict[str, object]] = []
    for section in ("events", "agreements", "facts"):
        found += data.get(section) or []  # type: ignore[operator]
    return found


def _hash_tree(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            digest.update(str(path.relative_to(folder)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def test_at_least_three_real_articles_with_their_url_and_outlet():
    assert len(ARTICLES) >= 3
    seeds = {path.read_bytes() for path in SEEDS_DIR.glob("*.txt")}
    for path in ARTICLES:
        text = path.read_text(encoding="utf-8")
        assert text.startswith("# URL : https://"), path.name
        assert "\n# Média : " in text, path.name
        assert path.read_bytes() not in seeds


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.name)
def test_every_quote_is_verbatim_in_its_article(path, base):
    text = path.read_text(encoding="utf-8")
    data = _draft(path, base)
    entries = _entries(data)
    assert entries, "aucune entrée candidate"
    for entry in entries:
        for item in entry["evidence"]:  # type: ignore[attr-defined]
            assert item["quote"] in text, item["quote"]  # byte for byte, not even normalised
        assert entry["summary"] is None  # never a summary written by the tool
    source = data["sources"][0]  # type: ignore[index]
    for field in ("title", "published_text", "outlet"):
        if source[field] is not None:
            assert normalise_typography(source[field]) in normalise_typography(text)


SEEDS = sorted(SEEDS_DIR.glob("*.txt"))


@pytest.mark.parametrize("path", ARTICLES + SEEDS, ids=lambda p: p.name)
def test_no_date_gets_a_year_the_article_does_not_support(path, base):
    """Every year the draft gives is in the article's words, or deduced from its own date, or
    (an undated article) from a full date the article writes, which the note quotes."""
    text = path.read_text(encoding="utf-8")
    data = _draft(path, base)
    source = data["sources"][0]  # type: ignore[index]
    published = source["published"]
    given = published or source["draft"]["published"]["value"]  # the article's or the curator's
    for entry in _entries(data):
        for found in entry["draft"]["dates"]:  # type: ignore[index]
            if found["iso"] is None:
                assert found["basis"] == "année inconnue"
                continue
            years = {int(year) for year in re.findall(r"(?:19|20)\d\d", found["iso"])}
            if found["basis"] == "texte":
                decade = re.search(r"années ((?:19|20)\d0)\b", found["text"])
                for year in years:  # « 2026/27 »: the century of the first year
                    if decade and 0 <= year - int(decade.group(1)) <= 9:
                        continue  # « dans les années 1990 »: 1990 to 1999
                    assert str(year) in found["text"] or f"/{str(year)[2:]}" in found["text"]
                continue
            if given is not None:
                anchors = {int(str(given)[:4])}
            else:  # a weekday's year: only from a full date the article writes, quoted,
                # or from the name of what it dates (« TurAz Falcon - 2021 »), said so
                named = re.findall(
                    r"lue? dans le nom « ([^»]+?) ?»", entry.get("date_reason") or ""
                )
                quoted = named if "dans le nom" in (found.get("note") or "") else []
                quoted = quoted or re.findall(
                    r"« ([^»]*(?:19|20)\d\d[^»]*) »", found.get("note") or ""
                )
                assert quoted, found  # nothing is resolved without a written date
                assert all(words in text for words in quoted), found
                anchors = {int(y) for words in quoted for y in re.findall(r"(?:19|20)\d\d", words)}
            near = {year + step for year in anchors for step in (-1, 0, 1)}
            assert years <= near, found
        if entry.get("date") is not None and entry.get("date_basis") in ("déduit", "rapporté"):
            assert entry["date_note"]
            named = re.match(r"année lue dans le nom « ([^»]+?) ?»", entry.get("date_reason") or "")
            if named:  # « Caspian Breeze - 2025 »: the name's words are the article's, no anchor
                assert named.group(1) in text and "date_anchor" not in entry
            else:
                _anchor_or_reason(source, entry)


WHERE = {"curateur": "curateur", "adresse": "adresse"}
"""The words a date_reason uses for a date built on a publication date that is not the
article's words (docs/curation.md: « une date_reason qui le dit »)."""


def _anchor_or_reason(source: dict[str, object], entry: dict[str, object]) -> None:
    """A deduced date built on the article's own date (its words: no published_basis) is
    anchored to it; on a date the curator, the address or the page's wrapping gave (any
    published_basis), or on no date at all, it anchors nothing and its reason says the basis."""
    basis = source.get("published_basis")
    if source["published"] is not None and basis is None:
        assert entry["date_anchor"] == source["id"], entry
        return
    assert "date_anchor" not in entry and entry["date_reason"], entry
    if source["published"] is not None and str(basis) in WHERE:
        assert WHERE[str(basis)] in str(entry["date_reason"]), entry


def test_day_and_month_without_year_stay_without_year(base):
    data = _draft(JF17C, base)
    assert data["sources"][0]["published"] is None  # « hier, 08:26 » is not a date  # type: ignore[index]
    found = [e for e in _entries(data) if "25 septembre" in e["evidence"][0]["quote"]]  # type: ignore[index]
    assert len(found) == 1
    entry = found[0]
    # a day without its year dates nothing: a constat, the words kept in the draft's notes
    assert entry in data["facts"] and "date" not in entry  # type: ignore[operator]
    notes = entry["draft"]["dates"][0]  # type: ignore[index]
    assert notes["text"] == "mercredi 25 septembre"
    assert notes["iso"] is None and notes["basis"] == "année inconnue"


def test_day_and_month_take_the_year_of_a_dated_article_as_deduced(base):
    data = _draft(CHARTE, base)
    source = data["sources"][0]  # type: ignore[index]
    assert source["published"] == "2026-02-11" and source["published_text"] == "11.02.2026"
    vance = next(e for e in _entries(data) if "9 février" in e["evidence"][0]["quote"])  # type: ignore[index]
    assert vance["date"] == "2026-02-09"
    assert vance["date_basis"] == "déduit" and vance["date_anchor"] == source["id"]
    assert "11 février 2026" in vance["date_note"]


def test_relative_words_are_resolved_only_against_a_known_date():
    assert find_dates("Il l'a annoncé hier.", None)[0].iso is None
    from datetime import date

    resolved = find_dates("Il l'a annoncé hier.", date(2025, 10, 31))[0]
    assert resolved.iso == "2025-10-30" and resolved.basis == "déduit"
    summer = find_dates("Les manœuvres de cet été.", date(2025, 11, 6))[0]
    assert summer.iso == "2025-06/2025-08"
    far = find_dates("le 25 juin", date(2026, 2, 11))[0]
    assert far.iso is None  # four months away: the year stays unknown


def test_a_country_the_base_lacks_is_detected_by_its_iso_code():
    # On the fixture base (AZ, TR, KZ, GB, AM, OTS), not the shipped one: adding Pakistan to
    # content/ must not turn this test red.
    fixture = Path(__file__).parent / "fixtures" / "draft_base"
    small = load_factbase(fixture / "content", fixture / "seeds")
    assert "PK" not in small.actors
    data = _draft(JF17C, small)
    new = {item["code"]: item for item in data["draft"]["new_countries"]}  # type: ignore[index]
    assert "PK" in new and new["PK"]["name"] == "Pakistan"
    assert any("pakistanais" in word for word in new["PK"]["read_from"])
    first = next(e for e in _entries(data) if "sino-pakistanaise" in e["evidence"][0]["quote"])  # type: ignore[index]
    # « sino-pakistanaise » : China and Pakistan, each a country the fixture base lacks
    assert first["actors"] == ["AZ", "CN", "PK"]
    assert "sino" in new["CN"]["read_from"]


def test_a_repeated_fact_points_at_the_existing_entry(base):
    text = CHARTE.read_text(encoding="utf-8")
    draft = draft_article(text, CHARTE.name, base)
    charter = next(c for c in draft.candidates if "ont signé à Bakou" in c.sentence.text)
    assert [link.entry_id for link in charter.duplicates] == ["partenariat-strategique-az-us"]
    assert "partenariat-strategique-az-us" in summary_text(draft)
    rendered = render_draft(draft, str(CHARTE))
    assert "probablement le même fait que partenariat-strategique-az-us" in rendered


def test_a_different_date_for_the_same_fact_is_a_contradiction(base):
    text = (
        "# test\n\nTitre\n\nLe 3 mars 2024, à Bakou, Azerbaïdjan et les États-Unis ont signé un "
        "accord de partenariat stratégique à l'issue d'une visite du vice-président américain "
        "JD Vance.\n"
    )
    draft = draft_article(text, "contradiction.txt", base)
    links = draft.candidates[0].contradictions
    assert links and links[0].entry_id == "partenariat-strategique-az-us"
    assert "3 mars 2024" in links[0].reason and "10 février 2026" in links[0].reason


def test_noise_is_kept_out_of_the_candidates():
    text = (
        "Bakou renforce ses liens avec Ankara\n"
        "Publié le 10 février 2026 à 09h00\n"
        "Mis à jour le 11 février 2026\n"
        "Par Jeanne Martin\n"
        "Bakou renforce ses liens avec Ankara\n"
        "Annonce publicitaire\n"
        "M. Aliyev a signé hier un accord de défense avec la Turquie, pour 1,5 milliard de "
        "dollars.\n"
        "Lire aussi : la Turquie et l'Azerbaïdjan, une alliance\n"
    )
    article = read_article(text)
    assert article.published.value == "2026-02-10"
    assert article.published.read_from == "Publié le 10 février 2026 à 09h00"
    assert article.updated.value == "2026-02-11"
    kinds = [line.kind for line in article.lines]
    assert kinds == [
        "title",
        "published",
        "updated",
        "byline",
        "repeated",
        "noise",
        "prose",
        "noise",
    ]
    assert [s.text for s in article.sentences] == [
        "M. Aliyev a signé hier un accord de défense avec la Turquie, pour 1,5 milliard de dollars."
    ]


def test_a_sentence_carries_its_numbers_act_tense_and_hedge(base):
    text = (
        "Titre\n\nSelon la presse turque, l'Azerbaïdjan achètera 40 avions pakistanais pour "
        "4,6 milliards de dollars.\n"
    )
    candidate = draft_article(text, "x.txt", base).candidates[0]
    assert candidate.tense == "futur"
    assert candidate.hedge == "selon la presse turque"
    assert [(n.value, n.unit) for n in candidate.numbers] == [
        ("40", "avions"),
        ("4,6", "milliards dollars"),
    ]
    # « la presse turque » says who reports, not a party (issue 23, fourteenth newcomer)
    assert {hit.id for hit in candidate.actors} == {"AZ", "PK"}
    assert [hit.id for hit in candidate.nationals] == ["TR"]


def test_intake_refuses_too_long_binary_and_short_and_reads_cp1252():
    with pytest.raises(ArticleError, match="trop long"):
        decode_article(b"a" * (MAX_ARTICLE_BYTES + 1))
    with pytest.raises(ArticleError, match="pas du texte"):
        decode_article(b"PK\x03\x04\x00\x00")
    with pytest.raises(ArticleError, match="trop court"):
        decode_article(b"Bakou.")
    latin = ("L'Azerbaïdjan et la Turquie ont signé un mémorandum de défense. " * 3).encode(
        "cp1252"
    )
    intake = decode_article(latin)
    assert "Azerbaïdjan" in intake.text and intake.note and "Windows-1252" in intake.note


def test_cli_draft_writes_only_into_out_and_leaves_the_live_base_untouched(tmp_path):
    before = _hash_tree(CONTENT_DIR)
    out = tmp_path / "brouillons"
    for path in ARTICLES:
        result = subprocess.run(
            [sys.executable, "-m", "bot", "draft", str(path), "--out", str(out)],
            cwd=PROJECT_ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        assert "Brouillon écrit" in result.stdout
    assert _hash_tree(CONTENT_DIR) == before
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{p.stem}.yaml" for p in ARTICLES)
    import io

    report = io.StringIO()
    assert run_check_drafts(out, CONTENT_DIR, SEEDS_DIR, report) == 0, report.getvalue()
    assert "à compléter" in report.getvalue()


def test_default_drafts_folder_is_never_loaded_by_the_live_base(copy, tmp_path):
    before = copy.load().counts()
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "bot",
            "--content",
            str(copy.content),
            "--seeds",
            str(copy.seeds),
            "draft",
            str(CHARTE),
        ],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    written = copy.content / "drafts" / "courrier-am-charte-etats-unis.yaml"
    assert written.is_file()
    assert load_factbase(copy.content, copy.seeds).counts() == before


def test_check_drafts_reports_a_quote_that_is_not_verbatim_and_an_unknown_field(tmp_path, base):
    text = MOPAYS.read_text(encoding="utf-8")
    rendered = render_draft(draft_article(text, MOPAYS.name, base), str(MOPAYS))
    broken = rendered.replace("L’Arménie a rappelé", "L’Arménie aurait rappelé", 1)
    broken = broken.replace("  topics: []\n", "  topics: []\n  sommaire: oups\n", 1)
    (tmp_path / "mopays.yaml").write_text(broken, encoding="utf-8")
    import io

    report = io.StringIO()
    assert run_check_drafts(tmp_path, CONTENT_DIR, SEEDS_DIR, report) == 1
    output = report.getvalue()
    assert "citation introuvable telle quelle" in output
    assert "sommaire : champ inconnu" in output


def test_cli_draft_refuses_a_missing_file_in_french(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "bot", "draft", str(tmp_path / "absent.txt")],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert "Impossible de lire" in result.stderr and "Traceback" not in result.stderr


def test_common_words_that_are_country_names_need_a_capital(base):
    text = (
        "Titre\n\nÀ l'issue de la réunion, Bakou et les autorités pakistanaises ont signé "
        "un accord.\n"
    )
    candidate = draft_article(text, "x.txt", base).candidates[0]
    assert [hit.id for hit in candidate.actors] == ["AZ", "PK"]  # never RE (La Réunion)


def test_a_weekday_that_does_not_fit_the_deduced_year_leaves_the_year_unknown():
    from datetime import date

    fits = find_dates("Le mercredi 25 septembre, à Bakou.", date(2024, 10, 2))[0]
    assert fits.iso == "2024-09-25" and fits.basis == "déduit"
    clash = find_dates("Le mercredi 25 septembre, à Bakou.", date(2025, 10, 2))[0]
    assert clash.iso is None and "n'est pas un mercredi" in (clash.note or "")
    undated = find_dates("Le mercredi 25 septembre, à Bakou.", None)[0]
    assert undated.iso is None and "2024" in (undated.note or "")  # a calendar hint only


def test_uncertain_wording_is_flagged_for_the_curator(base):
    data = _draft(MOPAYS, base)
    flagged = next(e for e in _entries(data) if "a pu livrer" in e["evidence"][0]["quote"])  # type: ignore[index]
    assert "a pu" in flagged["draft"]["uncertain"]  # type: ignore[index]
    assert flagged["draft"]["actors"][0]["text"] == "Israël"  # the elision « qu’ » dropped  # type: ignore[index]


@pytest.mark.parametrize(
    "source_id", ["forum-bakou", "belgium-times", "lagazette", "otan-delegation", "otan-ots"]
)
def test_drafting_a_seed_finds_the_curated_source_stub(source_id, base):
    """The five seeds were curated by hand: the tool reads the same outlet, title and date."""
    source = base.sources[source_id]
    article = read_article(base.seeds[source_id])
    for found, curated in (
        (article.outlet.value, source.outlet),
        (article.title.value, source.title),
        (article.published.value, source.published.raw if source.published else None),
    ):
        if curated is None:
            assert found is None
        else:
            assert found is not None
            assert normalise_typography(found) == normalise_typography(curated)


def test_drafting_a_seed_points_each_quoted_sentence_at_its_entry(base):
    """Every sentence of a seed is already in the base: its candidate links to an entry."""
    draft = draft_article(base.seeds["otan-delegation"], "otan-delegation.txt", base)
    assert draft.candidates
    for candidate in draft.candidates:
        assert candidate.duplicates, candidate.sentence.text
    plan = draft_article(base.seeds["lagazette"], "lagazette.txt", base)
    signed = next(c for c in plan.candidates if "période 2026-2027" in c.sentence.text)
    assert "plan-defense-az-gb-2026-2027" in [link.entry_id for link in signed.duplicates]


def test_a_reviewed_draft_entry_moves_into_content_with_only_the_curators_fields(tmp_path):
    """Drop `draft:`, write label, title and summary: the live loader accepts the entry.

    On a copy of the fixture base (tests/fixtures/draft_base), never the shipped one: the
    shipped base may already hold this article (the growth test adds it)."""
    from bot.content.support import check_support

    fixture = Path(__file__).parent / "fixtures" / "draft_base"
    shutil.copytree(fixture, tmp_path / "base")
    content, seeds = tmp_path / "base" / "content", tmp_path / "base" / "seeds"
    small = load_factbase(content, seeds)
    text = CHARTE.read_text(encoding="utf-8")
    data = _draft(CHARTE, small)
    new = [item["code"] for item in data["draft"]["new_countries"]]  # type: ignore[index]
    countries = {"countries": [{"code": code} for code in new]}  # README: new countries
    (content / "pays.yaml").write_text(yaml.safe_dump(countries), encoding="utf-8")
    source = {key: value for key, value in data["sources"][0].items() if key != "draft"}  # type: ignore[index]
    source["label"] = "Charte Azerbaïdjan – États-Unis"
    body = "".join(line for line in text.splitlines(keepends=True) if not line.startswith("#"))
    (seeds / source["seed"]).write_text(body.lstrip("\n"), encoding="utf-8")
    nuclear = next(a for a in data["agreements"] if "nucléaire" in a["evidence"][0]["quote"])  # type: ignore[index]
    entry = {key: value for key, value in nuclear.items() if key != "draft"}
    entry["title"] = "Accord de coopération dans le domaine de l'énergie nucléaire civile"
    entry["summary"] = (
        "Le vice-président américain Jay D. Vance signe en Arménie un accord de coopération "
        "dans le domaine de l'énergie nucléaire civile."
    )
    (content / "nouveau.yaml").write_text(
        yaml.safe_dump({"sources": [source], "agreements": [entry]}, allow_unicode=True),
        encoding="utf-8",
    )
    loaded = load_factbase(content, seeds)
    moved = next(a for a in loaded.agreements if a.id == entry["id"])
    assert moved.date is not None and moved.date.raw == "2026-02-09"
    assert moved.date_basis == "déduit" and moved.date_anchor == source["id"]
    assert check_support(loaded) == []


def test_cli_draft_refuses_to_write_into_the_live_content_folder(copy):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "bot",
            "--content",
            str(copy.content),
            "--seeds",
            str(copy.seeds),
            "draft",
            str(CHARTE),
            "--out",
            str(copy.content),
        ],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2 and "base vivante" in result.stderr
    assert not list(copy.content.glob("courrier*"))


CURATOR_SHAPES = {
    "tampon-et-ligne-d-agence": " date 2020-09 Bakou, 4 septembre, AZERTAC\n\n",
    "mois-du-curateur": "# Date : 2020-09\nBakou, 4 septembre, AZERTAC\n\n",
    "jour-du-curateur": "# Date : 2020-09-04\n",
    "adresse-datee": "# URL : https://exemple.fr/2020/09/04/reunion-defense\n",
    "date-du-texte": "Bakou, 4 septembre 2020 (AFP)\n\n",
    "sans-date": "",
}


@pytest.mark.parametrize("shape", sorted(CURATOR_SHAPES))
def test_a_deduced_date_anchors_only_on_the_article_own_date(shape, base, tmp_path):
    """Every shape a curator's copy can take (issue 23, twenty-fifth newcomer: a page-store
    « date 2020-09 » stamp before an agency dateline): a day without year is anchored to the
    article's date when the article writes it, and otherwise says its basis, never both."""
    body = (
        "Le ministre azerbaïdjanais de la Défense a participé le 2 septembre à la réunion "
        "des ministres de la défense de la CEI, tenue à Moscou.\n\n"
        "Les ministres de la Défense ont signé le 3 septembre une déclaration commune.\n\n"
        "Le ministre turc de la Défense a rencontré le 1er septembre à Ankara son homologue "
        "azerbaïdjanais.\n\n"
        "À l'issue de la rencontre, les deux ministres ont signé un accord de coopération "
        "militaire.\n"
    )
    path = tmp_path / f"{shape}.txt"
    path.write_text(CURATOR_SHAPES[shape] + body, encoding="utf-8")
    data = _draft(path, base)
    source = data["sources"][0]  # type: ignore[index]
    dated = [e for e in _entries(data) if e.get("date_basis") in ("déduit", "rapporté")]
    if shape != "sans-date":
        assert source["published"] is not None and dated, (source, _entries(data))
    for entry in dated:
        _anchor_or_reason(source, entry)
