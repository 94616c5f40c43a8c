"""Each way to break the content makes the check fail with file, entry and field named."""

import io

import pytest

from bot.check import run_check
from bot.content.errors import ContentError


def issues_of(copy):
    with pytest.raises(ContentError) as caught:
        copy.load()
    return caught.value.issues


def only_issue(copy):
    issues = issues_of(copy)
    assert len(issues) == 1, issues
    return issues[0]


def test_changing_one_word_of_a_quote_fails(copy):
    copy.edit(
        "events.yaml", "a ouvert les portes de son 3ᵉ Forum", "a ouvert les portes de son 4ᵉ Forum"
    )
    issue = only_issue(copy)
    assert (issue.file, issue.entry, issue.field) == (
        "content/events.yaml",
        "forum-securite-bakou-2025",
        "evidence[0].quote",
    )
    assert "introuvable" in issue.message and "forum-securite-bakou-2025.txt" in issue.message
    assert "concorde jusqu'à" in issue.message


def test_changing_one_word_of_an_actor_quote_fails(copy):
    copy.edit(
        "actors.yaml",
        'quote: "Comme la Géorgie est en train de se rapprocher de Moscou"',
        'quote: "Comme la Géorgie est en train de s\'éloigner de Moscou"',
    )
    issue = only_issue(copy)
    assert (issue.file, issue.entry, issue.field) == (
        "content/actors.yaml",
        "GE",
        "evidence[0].quote",
    )


def test_removing_a_required_field_fails(copy):
    copy.edit("agreements.yaml", "    act: approuve\n", "")
    issue = only_issue(copy)
    assert (issue.file, issue.entry, issue.field) == (
        "content/agreements.yaml",
        "feuille-de-route-cyber-bakou",
        "act",
    )
    assert "obligatoire" in issue.message


def test_removing_a_nullable_field_still_fails(copy):
    copy.edit("sources.yaml", "    outlet: null\n", "")
    issue = issues_of(copy)[0]
    assert (issue.file, issue.entry, issue.field) == (
        "content/sources.yaml",
        "forum-bakou",
        "outlet",
    )


def test_duplicating_an_id_fails(copy):
    copy.edit("facts.yaml", "  - id: kremlin-irrite\n", "  - id: menace-iran\n")
    issue = only_issue(copy)
    assert (issue.file, issue.entry, issue.field) == ("content/facts.yaml", "menace-iran", "id")
    assert "double" in issue.message


def test_duplicating_an_id_across_kinds_fails(copy):
    copy.edit("facts.yaml", "  - id: kremlin-irrite\n", "  - id: agile-spirit-2025\n")
    issue = only_issue(copy)
    assert issue.entry == "agile-spirit-2025" and "double" in issue.message


def test_referencing_an_unknown_actor_fails(copy):
    copy.edit("events.yaml", "    actors: [HU, ots]\n", "    actors: [HU, otsx]\n")
    issue = only_issue(copy)
    assert (issue.file, issue.entry, issue.field) == (
        "content/events.yaml",
        "hongrie-observateur-ots",
        "actors[1]",
    )
    assert "otsx" in issue.message


def test_unknown_evidence_source_fails(copy):
    copy.edit("facts.yaml", "      - source: lagazette\n", "      - source: lagazete\n")
    issue = only_issue(copy)
    assert issue.field is not None and issue.field.endswith(".source")


def test_unquoted_date_is_refused(copy):
    copy.edit("events.yaml", '    date: "2018"\n', "    date: 2018\n")
    issue = only_issue(copy)
    assert (issue.entry, issue.field) == ("hongrie-observateur-ots", "date")
    assert "guillemets" in issue.message


def test_impossible_date_is_refused(copy):
    copy.edit("events.yaml", '    date: "2025-09-21"\n', '    date: "2025-09-31"\n')
    issue = only_issue(copy)
    assert (issue.entry, issue.field) == ("forum-securite-bakou-2025", "date")


def test_inferred_date_needs_a_note(copy):
    copy.edit(
        "events.yaml",
        "    date_note: La réaction n'est pas datée ; l'article qui la rapporte est daté du "
        "6 novembre 2025.\n",
        "",
    )
    issue = only_issue(copy)
    assert (issue.entry, issue.field) == ("reaction-douma-zatulin", "date_note")


def test_inferred_date_needs_an_anchor_or_a_reason(copy):
    copy.edit("events.yaml", "    date_anchor: otan-delegation\n", "")  # the first: Agile Spirit
    issue = only_issue(copy)
    assert (issue.entry, issue.field) == ("agile-spirit-2025", "date_anchor")


def test_an_undated_article_cannot_anchor_a_date(copy):
    copy.edit("agreements.yaml", "    date_anchor: lagazette\n", "    date_anchor: otan-ots\n")
    issue = only_issue(copy)
    assert (issue.entry, issue.field) == ("plan-defense-az-gb-2026-2027", "date_anchor")
    assert "pas datée" in issue.message


def test_date_words_shown_in_guillemets_must_be_the_articles(copy):
    # the old bug: a date text that no article contains, shown as the article's words
    copy.edit(
        "agreements.yaml",
        "    date_text: Le 21 septembre 2025\n",
        "    date_text: au Forum de Bakou ouvert le 21 septembre 2025\n",
    )
    issue = only_issue(copy)
    assert (issue.entry, issue.field) == ("feuille-de-route-cyber-bakou", "date_text")
    assert "mot pour mot" in issue.message


def test_source_title_must_be_the_articles_own(copy):
    copy.edit(
        "sources.yaml",
        '    title: null\n    published: "2025-11-06"',
        '    title: Aliyev et la délégation de l\'OTAN\n    published: "2025-11-06"',
    )
    issue = only_issue(copy)
    assert (issue.entry, issue.field) == ("otan-delegation", "title")


def test_unknown_field_is_refused(copy):
    copy.edit("events.yaml", "    type: forum\n", "    type: forum\n    typo: oui\n")
    issue = only_issue(copy)
    assert (issue.entry, issue.field) == ("forum-securite-bakou-2025", "typo")


def test_term_outside_vocabulary_is_refused(copy):
    copy.edit("events.yaml", "    type: forum\n", "    type: festival\n")
    issue = only_issue(copy)
    assert (issue.entry, issue.field) == ("forum-securite-bakou-2025", "type")


def test_alias_given_to_two_actors_is_refused(copy):
    copy.edit(
        "actors.yaml",
        "aliases: [Georgia, Tbilissi, Tbilisi]",
        "aliases: [Georgia, Tbilissi, Bakou]",
    )
    issue = only_issue(copy)
    assert (issue.field, "Bakou" in issue.message) == ("aliases", True)


def test_unknown_country_code_is_refused(copy):
    copy.edit("actors.yaml", "  - code: ES\n", "  - code: XQ\n")
    issues = issues_of(copy)
    assert any(issue.entry == "XQ" and issue.field == "code" for issue in issues)


def test_missing_seed_file_is_reported(copy):
    (copy.seeds / "otan-ots-menaces.txt").unlink()
    issues = issues_of(copy)
    assert any(issue.entry == "otan-ots" and issue.field == "seed" for issue in issues)


def test_published_text_must_be_verbatim(copy):
    copy.edit(
        "sources.yaml",
        'published_text: "Date : 6 novembre 2025"',
        'published_text: "Date : 7 novembre 2025"',
    )
    issue = only_issue(copy)
    assert (issue.entry, issue.field) == ("otan-delegation", "published_text")


def test_skip_must_name_a_real_sentence(copy):
    copy.edit(
        "coverage.yaml", "Le choix de Bakou pour accueillir", "Le choix de Paris pour accueillir"
    )
    issue = only_issue(copy)
    assert (issue.file, issue.field) == ("content/coverage.yaml", "sentence")


def test_broken_yaml_names_the_line(copy):
    (copy.content / "facts.yaml").write_text(
        "facts:\n  - id: x\n    summary: a: b\n", encoding="utf-8"
    )
    issues = issues_of(copy)
    assert any(
        issue.file == "content/facts.yaml" and "ligne 3" in issue.message for issue in issues
    )


def test_check_exits_non_zero_and_prints_the_location(copy):
    copy.edit("events.yaml", "    actors: [HU, ots]\n", "    actors: [HU, otsx]\n")
    out = io.StringIO()
    assert run_check(copy.content, copy.seeds, out) == 1
    assert (
        "content/events.yaml › entrée « hongrie-observateur-ots » › champ « actors[1] »"
        in out.getvalue()
    )


def test_dropping_a_quote_leaves_a_sentence_uncovered_and_fails_check(copy):
    copy.edit(
        "facts.yaml",
        '      - source: forum-bakou\n        key: true\n        quote: "Au cœur des discussions, '
        'la menace terroriste est demeurée une préoccupation centrale."\n',
        "",
    )
    out = io.StringIO()
    assert run_check(copy.content, copy.seeds, out) == 1
    text = out.getvalue()
    assert "✓ Contenu valide" in text
    # a sentence with no date, number or actor name is still a claim the base must state
    assert "NON TRAITÉE : « Au cœur des discussions, la menace terroriste" in text
