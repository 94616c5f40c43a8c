"""The support check catches a planted example of each way a displayed text can overstate.

Each test edits a copy of the frozen five-article base (tests/fixtures/five, not the shipped
content: a curator's new quote that supports « signé » must not turn a test red) the way a
careless curator would and expects ``check`` to name the file, the entry and the field.

The rule tests check only what the edit changed: the entries of the edited copy that differ
from the shipped ones (plus the entries a new exception names), with every actor, source and
seed kept. The support check reads an entry with the sources and actors only, never another
entry, and ``test_shipped_content_is_fully_supported`` proves the unchanged entries add no
issue; checking all 61 entries again after each one-line edit cost ~0.4 s of CPU per test.
The tests of ``run_check`` still check the whole edited copy.
"""

import dataclasses
import functools
import io
import shutil
from pathlib import Path

import pytest

from bot.check import run_check
from bot.content.loader import load_factbase
from bot.content.model import FactBase
from bot.content.support import check_support
from tests.conftest import FIVE, ContentCopy


@functools.cache
def shipped() -> FactBase:
    """The base the edits start from: the frozen five articles."""
    return load_factbase(FIVE / "content", FIVE / "seeds")


@pytest.fixture
def copy(tmp_path: Path) -> ContentCopy:
    """A throwaway copy of the frozen five-article base that a test edits."""
    shutil.copytree(FIVE / "content", tmp_path / "content")
    shutil.copytree(FIVE / "seeds", tmp_path / "seeds")
    return ContentCopy(tmp_path / "content", tmp_path / "seeds")


def edited_part(edited: FactBase, original: FactBase) -> FactBase:
    """``edited`` reduced to its entries that differ from ``original`` (or that a new
    exception names) and to the exceptions of what is kept."""
    before = {entry.id: entry for entry in original.entries()}
    kept = {entry.id for entry in edited.entries() if before.get(entry.id) != entry}
    kept |= {e.entry for e in edited.exceptions if e not in original.exceptions}
    assert kept, "la modification n'a changé aucune entrée"
    return dataclasses.replace(
        edited,
        events=tuple(e for e in edited.events if e.id in kept),
        agreements=tuple(a for a in edited.agreements if a.id in kept),
        facts=tuple(f for f in edited.facts if f.id in kept),
        exceptions=tuple(
            e for e in edited.exceptions if e.entry in kept or e.entry in edited.actors
        ),
    )


def support_issues(copy):
    return check_support(edited_part(copy.load(), shipped()))


def only(copy):
    issues = support_issues(copy)
    assert len(issues) == 1, [str(issue) for issue in issues]
    return issues[0]


def where(issue):
    return (issue.file, issue.entry, issue.field)


def test_shipped_content_is_fully_supported(base):
    assert check_support(base) == []


def test_forecast_told_as_done_is_caught(copy):
    # « Lukoil cessera » became « Lukoil cesse »
    copy.edit(
        "events.yaml",
        "Lukoil cessera de fournir du pétrole à l'Azerbaïdjan et le redirigera",
        "Lukoil cesse de fournir du pétrole à l'Azerbaïdjan et le redirige",
    )
    issues = support_issues(copy)
    assert {where(issue) for issue in issues} == {
        ("content/events.yaml", "lukoil-novembre-2025", "summary")
    }
    messages = " ".join(issue.message for issue in issues)
    assert "« cesse »" in messages and "« cessera »" in messages
    assert "« redirige »" in messages


def test_future_quote_without_a_future_tense_is_caught(copy):
    copy.edit(
        "events.yaml",
        "    tense: futur\n    hedge: selon la presse\n    summary: >-\n"
        "      Selon la presse, la société (Lukoil) livrera environ 30 000 tonnes",
        "    hedge: selon la presse\n    summary: >-\n"
        "      Selon la presse, la société (Lukoil) a livré environ 30 000 tonnes",
    )
    issue = only(copy)
    assert where(issue) == ("content/events.yaml", "lukoil-30000-tonnes-novembre", "summary")
    assert "« livrera »" in issue.message


def test_dropped_attribution_is_caught(copy):
    copy.edit(
        "events.yaml",
        "    hedge: selon la presse\n    summary: >-\n"
        "      Selon la presse, la société (Lukoil) livrera",
        "    summary: >-\n      La société (Lukoil) livrera",
    )
    issue = only(copy)
    assert where(issue) == ("content/events.yaml", "lukoil-30000-tonnes-novembre", "summary")
    assert "selon" in issue.message


def test_aim_told_as_done_is_caught(copy):
    copy.edit(
        "facts.yaml",
        "l'Azerbaïdjan cherche à\n      consolider sa position",
        "l'Azerbaïdjan\n      consolide sa position",
    )
    issue = only(copy)
    assert where(issue) == ("content/facts.yaml", "az-position-carrefour", "summary")
    assert "intention" in issue.message


def test_changed_number_is_caught(copy):
    copy.edit("events.yaml", "soit quelque 130 000 tonnes", "soit quelque 150 000 tonnes")
    issue = only(copy)
    assert where(issue) == ("content/events.yaml", "lukoil-decembre-2025", "summary")
    assert "150000" in issue.message


def test_over_precise_day_is_caught(copy):
    # a day where only the forum's opening is dated
    copy.edit(
        "agreements.yaml",
        "    date_label: pendant le forum ouvert le 21 septembre 2025\n",
        "    date_label: 23 septembre 2025\n",
    )
    issue = only(copy)
    assert where(issue) == ("content/agreements.yaml", "feuille-de-route-cyber-bakou", "date_label")


def test_unnamed_person_is_caught(copy):
    # the press conference partner the article does not name
    copy.edit(
        "facts.yaml",
        "Lors de la conférence de presse commune, Aliyev (le chef de l'État)",
        "Lors de la conférence de presse commune avec JD Vance, Aliyev (le chef de l'État)",
    )
    messages = [issue.message for issue in support_issues(copy)]
    assert any("« JD »" in message for message in messages)
    assert any("« Vance »" in message for message in messages)


def test_actor_the_quotes_do_not_name_is_caught(copy):
    copy.edit(
        "facts.yaml",
        "les plus actifs en\n      Azerbaïdjan, dans",
        "les plus actifs en\n      Azerbaïdjan et en Turquie, dans",
    )
    issue = only(copy)
    assert where(issue) == ("content/facts.yaml", "royaume-uni-partenaire-actif", "summary")
    assert "Turquie" in issue.message


def test_words_in_guillemets_must_be_the_quotes(copy):
    copy.edit(
        "events.yaml",
        "« une armée et un commandement communs, une alliance\n      militaro-politique »",
        "« une armée commune »",
    )
    issue = only(copy)
    assert where(issue) == ("content/events.yaml", "reaction-douma-zatulin", "summary")
    assert "entre guillemets" in issue.message


def test_template_verb_is_caught(copy):
    # the Partnership for Peace was joined, not signed
    copy.edit(
        "agreements.yaml",
        "    act: adhesion\n    parties: [AZ]\n",
        "    act: signe\n    parties: [AZ]\n",
    )
    issues = support_issues(copy)
    fields = {(issue.entry, issue.field) for issue in issues}
    assert ("partenariat-pour-la-paix", "act") in fields
    assert ("partenariat-pour-la-paix", "roles.AZ") in fields


def test_mediator_shown_as_signatory_is_caught(copy):
    copy.edit(
        "agreements.yaml",
        "    parties: [AZ, AM]\n    mediators: [US]\n",
        "    parties: [AZ, AM, US]\n",
    )
    issue = only(copy)
    assert where(issue) == ("content/agreements.yaml", "accord-paix-az-am-2025", "roles.US")
    assert "médiat" in issue.message


def test_topic_the_quotes_do_not_mention_is_caught(copy):
    # `sanctions` on Lukoil: no quote of the entry speaks of sanctions
    copy.edit(
        "events.yaml",
        "    actors: [lukoil, RU, AZ]\n    topics: [energie]\n    tense: futur\n"
        "    summary: >-\n      Lukoil cessera",
        "    actors: [lukoil, RU, AZ]\n    topics: [energie, sanctions]\n    tense: futur\n"
        "    summary: >-\n      Lukoil cessera",
    )
    issue = only(copy)
    assert where(issue) == ("content/events.yaml", "lukoil-novembre-2025", "topics[1]")


def test_a_listed_exception_silences_one_word_and_an_unused_one_is_reported(copy):
    copy.edit(
        "facts.yaml",
        "Lors de la conférence de presse commune, Aliyev (le chef de l'État)",
        "Lors de la conférence de presse commune, Aliyev (le chef de l'État azerbaïdjanais)",
    )
    assert support_issues(copy) == []  # « Aliyev » and AZ are in the quotes
    path = copy.content / "exceptions.yaml"
    path.write_text(
        path.read_text(encoding="utf-8")
        + "  - entry: az-position-carrefour\n    field: summary\n    text: Ankara\n"
        "    reason: exemple d'exception devenue inutile\n",
        encoding="utf-8",
    )
    issue = only(copy)
    assert where(issue) == ("content/facts.yaml", "az-position-carrefour", "summary")
    assert "inutile" in issue.message


def test_check_fails_on_unsupported_text_and_names_file_entry_field(copy):
    copy.edit("events.yaml", "soit quelque 130 000 tonnes", "soit quelque 150 000 tonnes")
    out = io.StringIO()
    assert run_check(copy.content, copy.seeds, out) == 1
    assert (
        "content/events.yaml › entrée « lukoil-decembre-2025 » › champ « summary »"
        in out.getvalue()
    )


def test_fidelity_report_shows_every_text_with_its_quotes(base):
    from bot.paths import CONTENT_DIR, SEEDS_DIR

    out = io.StringIO()
    assert run_check(CONTENT_DIR, SEEDS_DIR, out, fidelity=True) == 0
    report = out.getvalue()
    for entry in base.entries():
        assert f"› {entry.id}\n" in report
    assert "summary : Selon la presse, la société (Lukoil) livrera environ 30 000 tonnes" in report
    assert "« Selon la presse, en novembre, la société livrera environ 30.000 tonnes" in report
    assert report.rstrip().endswith("✓ Aucun problème de support.")


def test_fidelity_report_exits_non_zero_and_marks_the_problem(copy):
    copy.edit("events.yaml", "soit quelque 130 000 tonnes", "soit quelque 150 000 tonnes")
    out = io.StringIO()
    assert run_check(copy.content, copy.seeds, out, fidelity=True) == 1
    assert "    ✗ le nombre 150000 n'est dans aucune citation" in out.getvalue()


def _one_fact_saying(base: FactBase, quote: str, summary: str) -> FactBase:
    """``base`` reduced to one of its facts, its key quote and summary replaced."""
    fact = next(f for f in base.facts if f.evidence)
    evidence = (dataclasses.replace(fact.evidence[0], quote=quote),)
    changed = dataclasses.replace(fact, evidence=evidence, summary=summary, tense=None, hedge=None)
    return dataclasses.replace(base, events=(), agreements=(), facts=(changed,), exceptions=())


def _future_said(base: FactBase) -> list[str]:
    return [issue.message for issue in check_support(base) if "futur" in issue.message]


def test_a_present_in_erons_is_not_read_as_a_future(five_base):
    # issue 23, eleventh newcomer: « espérons », « coopérons » (present of -érer verbs) end in
    # « -erons » once their accents are folded away, and check asked for tense: futur
    present = _one_fact_saying(
        five_base,
        "Nous espérons que nous coopérons et opérons ensemble.",
        "Le ministre espère que les deux pays coopèrent et opèrent ensemble.",
    )
    assert _future_said(present) == []
    future = _one_fact_saying(
        five_base,
        "Nous coopérerons ensemble.",
        "Le ministre dit que les deux pays coopèrent ensemble.",
    )
    assert any("au futur (« coopérerons »)" in message for message in _future_said(future))
