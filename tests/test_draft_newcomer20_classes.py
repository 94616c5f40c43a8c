"""The classes a twentieth newcomer corrected by hand (issue 23), each on a short article of
our own, drafted against the fixture base (tests/fixtures/draft_base/) — never the shipped
content nor the bench articles."""

from __future__ import annotations

import shutil
from pathlib import Path

from bot.content.loader import load_factbase
from bot.content.support import check_support
from bot.draft.analyse import agreement_kind
from tests.draft_helpers import FIXTURE, draft_yaml, drafted_entries, entry_holding, small_base

# -- kind: a phone call is a meeting; a welcome a declaration; a protocol an accord -------------


def test_a_phone_call_is_a_meeting_with_what_was_discussed_in_it() -> None:
    data = draft_yaml(
        "# Date : 2024-03-06\n"
        "Un entretien téléphonique a eu lieu ce mardi entre le ministre turc de la Défense et "
        "son homologue kazakh, a indiqué le ministère.\n\n"
        "Le ministre kazakh a salué les relations entre les deux pays.\n\n"
        "Au cours de la conversation, les parties ont discuté de la formation des officiers.\n",
        small_base(),
    )
    call = next(e for e in drafted_entries(data) if "téléphonique" in e["evidence"][0]["quote"])
    assert call["type"] == "reunion"
    assert any("Au cours de la conversation" in item["quote"] for item in call["evidence"])


def test_relations_it_entertains_are_no_meeting_and_a_welcome_is_a_declaration() -> None:
    data = draft_yaml(
        "# Date : 2024-03-06\n"
        "En décembre, la Turquie s'était félicitée de l'ouverture prochaine à Astana d'un "
        "consulat du Kazakhstan, pays avec lequel Ankara entretient des relations étroites.\n",
        small_base(),
    )
    welcome = entry_holding(data, "s'était félicitée")
    assert welcome["type"] == "declaration"


def test_a_protocol_is_an_accord_and_a_protocol_of_agreement_a_memorandum() -> None:
    assert agreement_kind("Les deux ministres ont signé un protocole de coopération.") == "accord"
    assert agreement_kind("Ils ont signé un protocole d'accord sur la formation.") == "memorandum"
    assert agreement_kind("Ils ont signé un mémorandum sur la formation.") == "memorandum"


# -- grouping: a comment, a claim and « dans ce cas » ------------------------------------------


def test_what_the_writer_says_the_partners_do_now_never_joins_the_agreement() -> None:
    data = draft_yaml(
        "# Date : 2024-05-10\n"
        "Selon le ministère, les deux ministres de la Turquie et du Kazakhstan ont signé un "
        "protocole de coopération dans le domaine de la santé militaire.\n\n"
        "Fermant les yeux sur tout le reste, la Turquie qui, rappelons-le, achète le blé "
        "kazakh, soutient donc Astana sans réserve.\n",
        small_base(),
    )
    protocol = entry_holding(data, "protocole de coopération")
    assert protocol["kind"] == "accord"
    assert not any("Fermant les yeux" in item["quote"] for item in protocol["evidence"])


def test_a_named_speakers_claim_after_an_intention_is_a_fact_apart() -> None:
    data = draft_yaml(
        "Le 3 mars à Astana, la Turquie et le Kazakhstan ont réaffirmé leur intention de "
        "renforcer leur coopération navale lors d'une rencontre entre Yasar Guler et son "
        "homologue kazakh.\n\n"
        "Guler a indiqué que la coopération entre Ankara et Astana se poursuit dans le cadre "
        "de l'Organisation des États turciques (OTS).\n\n"
        "Il a ajouté qu'ils « travaillaient à de nouveaux exercices ».\n",
        small_base(),
    )
    claim = entry_holding(data, "Guler a indiqué")
    assert not any("réaffirmé leur intention" in item["quote"] for item in claim["evidence"])
    assert "ots" in claim["actors"]  # named in its key quote
    assert any("Il a ajouté" in item["quote"] for item in claim["evidence"])


def test_a_sentence_that_means_something_only_with_the_one_before_joins_it() -> None:
    data = draft_yaml(
        "Le Royaume-Uni ferme les yeux sur les livraisons d'armes à l'Arménie.\n\n"
        "Mais il est vrai que le Royaume-Uni n'est pas le seul pays de l'OTS dans ce cas.\n",
        small_base(),
    )
    entry = entry_holding(data, "dans ce cas")
    assert any("ferme les yeux" in item["quote"] for item in entry["evidence"])


# -- metadata: a timestamp in the address, the page's own name, a lead, a dateline's year ------


def test_a_unix_timestamp_in_the_address_dates_the_article_as_read_from_the_address() -> None:
    data = draft_yaml(
        "# URL : https://www.exemple-actu.tv/fr/defense/1709683200-le-ministre-turc-a-bakou\n"
        "Le ministre turc de la Défense a rencontré mardi son homologue kazakh à Astana.\n",
        small_base(),
    )
    source = data["sources"][0]
    assert source["published"] == "2024-03-06"  # 1709683200 is 6 March 2024, 00:00 UTC
    assert source["published_basis"] == "adresse"
    assert "1709683200" in source["draft"]["published"]["note"]
    meeting = entry_holding(data, "a rencontré mardi")
    assert meeting["date"] == "2024-03-05"
    assert meeting["date_basis"] == "déduit"
    assert meeting["date_note"].startswith("jour déduit")  # the day, not only its year


def test_an_id_in_the_address_is_no_timestamp() -> None:
    from bot.draft.article import url_date

    assert url_date("https://azertag.az/fr/xeber/plan_pour_2026-3836107") is None
    assert url_date("https://exemple.com/article/1709683200") is None  # no slug after it


def test_the_outlet_the_page_names_is_read_from_the_page_not_the_address() -> None:
    data = draft_yaml(
        "# URL : https://www.kavkazpost.com/news/la-turquie-et-le-kazakhstan\n"
        "La Turquie et le Kazakhstan ont signé un plan de coopération militaire le 3 mars "
        "2024, rapporte Kavkaz Post.\n",
        small_base(),
    )
    source = data["sources"][0]
    assert source["outlet"] == "Kavkaz Post"
    assert source.get("outlet_basis") in (None, "texte")


def test_a_first_line_that_repeats_part_of_the_body_is_flagged_as_a_possible_lead() -> None:
    data = draft_yaml(
        "Le ministre kazakh s'est dit confiant que les liens militaires entre les deux pays "
        "se renforceront encore\n\n"
        "Le ministre turc a reçu le 4 mars 2024 son homologue kazakh, qui s'est dit confiant "
        "que les liens militaires entre les deux pays se renforceront encore.\n",
        small_base(),
    )
    title = data["sources"][0]["draft"]["title"]
    assert "chapeau" in title["note"]
    assert "title: null" in title["note"]


def test_a_headline_the_first_sentence_repeats_whole_is_no_lead() -> None:
    data = draft_yaml(
        "Les ministres de la Défense turc et kazakh se sont réunis à Astana en mars 2024\n\n"
        "Les ministres de la Défense turc et kazakh se sont réunis à Astana en mars 2024, a "
        "indiqué le ministère.\n",
        small_base(),
    )
    assert not data["sources"][0]["draft"]["title"]["note"]


def test_a_dateline_without_a_year_says_what_the_curator_must_give() -> None:
    from bot.draft.build import draft_article, summary_text

    text = (
        "Astana, 31 octobre, AZERTAC\n\n"
        "Le ministre turc de la Défense a rencontré le 31 octobre son homologue kazakh.\n"
    )
    summary = summary_text(draft_article(text, "essai.txt", small_base()))
    assert "# Date : AAAA-MM" in summary


def test_a_signature_at_the_foot_is_a_byline() -> None:
    data = draft_yaml(
        "La Turquie et le Kazakhstan ont signé un plan de coopération militaire le 3 mars "
        "2024.\n\nAyse KARAKAYA\n",
        small_base(),
    )
    noise = data["sources"][0]["draft"]["noise"]
    assert {"kind": "byline", "text": "Ayse KARAKAYA"} in noise


# -- check: a person a label names that the entry's quotes do not --------------------------------


def _labelled_fact(tmp_path: Path, label: str) -> list[tuple[str | None, str, str]]:
    shutil.copytree(FIXTURE / "content", tmp_path / "content")
    shutil.copytree(FIXTURE / "seeds", tmp_path / "seeds")
    seed = tmp_path / "seeds" / "manoeuvres-ots-2025.txt"
    seed.write_text(
        seed.read_text(encoding="utf-8")
        + "Le ministre turc de la Défense, Yasar Guler, a salué cette volonté.\n",
        encoding="utf-8",
    )
    facts = tmp_path / "content" / "facts.yaml"
    text = facts.read_text(encoding="utf-8")
    facts.write_text(
        text.replace("    topics: [paix]\n", f"    topics: [paix]\n    label: {label}\n", 1),
        encoding="utf-8",
    )
    base = load_factbase(tmp_path / "content", tmp_path / "seeds")
    return [(issue.entry, issue.field, issue.message) for issue in check_support(base)]


def test_check_flags_a_person_opening_a_label_that_the_quotes_do_not_name(tmp_path: Path) -> None:
    issues = _labelled_fact(tmp_path, "Guler et la volonté de paix")
    assert any(field == "label" and "Guler" in message for _e, field, message in issues), issues


def test_check_flags_a_person_after_a_dash_in_a_label(tmp_path: Path) -> None:
    issues = _labelled_fact(tmp_path, "Volonté de paix – Guler")
    assert any(field == "label" and "Guler" in message for _e, field, message in issues), issues


def test_check_accepts_a_french_word_opening_a_label(tmp_path: Path) -> None:
    issues = _labelled_fact(tmp_path, "Volonté de paix entre Bakou et Erevan")
    assert not [i for i in issues if i[1] == "label" and "Volonté" in i[2]], issues


# -- « les deux pays » : the sentence naming exactly the pair, context when it tells a wish ------


def test_the_two_countries_are_shown_by_the_sentence_naming_exactly_them() -> None:
    data = draft_yaml(
        "Le 3 mars à Astana, la Turquie et le Kazakhstan ont réaffirmé leur intention de "
        "renforcer leur coopération navale.\n\n"
        "Le ministre turc a indiqué que la coopération entre Ankara et Astana se poursuit "
        "dans le cadre de l'OTS.\n\n"
        "Selon le communiqué, les deux ministres ont signé un protocole de coopération entre "
        "les deux pays.\n",
        small_base(),
    )
    protocol = entry_holding(data, "protocole de coopération")
    context = protocol["draft"]["named_in"]
    assert context == [next(q for q in context if "réaffirmé leur intention" in q)]
    wish = next(i for i in protocol["evidence"] if "réaffirmé leur intention" in i["quote"])
    assert wish["key"] is False  # a wish is never a key quote of what was signed


# -- left from earlier curators: a past fact and a future one in one sentence --------------------


def test_a_past_fact_and_a_future_one_in_one_sentence_are_two_fragments() -> None:
    data = draft_yaml(
        "# Date : 2024-03-06\n"
        "Le ministre turc a rencontré le 5 mars 2024 à Astana ses homologues kazakh et "
        "azerbaïdjanais.\n\n"
        "Il a rappelé que la première réunion a eu lieu à Ankara en 2019, ajoutant que la "
        "prochaine réunion se tiendra à Bakou.\n",
        small_base(),
    )
    past = entry_holding(data, "la première réunion a eu lieu")
    future = entry_holding(data, "la prochaine réunion se tiendra")
    assert past is not future
    assert future.get("tense") == "futur"
    assert all("ajoutant que" not in item["quote"] for item in past["evidence"])


def test_a_sentence_with_one_fact_is_never_cut() -> None:
    from bot.draft.article import Sentence, two_facts

    text = "Il a rappelé que la réunion a eu lieu à Ankara en 2019, ajoutant qu'elle fut utile."
    assert two_facts(Sentence(0, len(text), text)) == [Sentence(0, len(text), text)]


def test_a_label_may_quote_what_the_article_puts_between_straight_quotes(tmp_path: Path) -> None:
    shutil.copytree(FIXTURE / "content", tmp_path / "content")
    shutil.copytree(FIXTURE / "seeds", tmp_path / "seeds")
    seed = tmp_path / "seeds" / "manoeuvres-ots-2025.txt"
    seed.write_text(
        seed.read_text(encoding="utf-8").replace("leur volonté", 'leur "volonté"'),
        encoding="utf-8",
    )
    facts = tmp_path / "content" / "facts.yaml"
    text = facts.read_text(encoding="utf-8")
    start = text.index("  - id: volonte-traite-paix")
    end = text.index("\n  - id:", start + 1) if "\n  - id:" in text[start + 1 :] else len(text)
    entry = (
        "  - id: volonte-traite-paix\n"
        "    actors: [AZ, AM]\n"
        "    topics: [paix]\n"
        "    label: Une « volonté » de paix\n"
        "    summary: >-\n"
        "      L'Azerbaïdjan et l'Arménie ont manifesté leur « volonté » de signer un traité de\n"
        "      paix.\n"
        "    evidence:\n"
        "      - source: manoeuvres-ots\n"
        "        quote: >-\n"
        "          L'Azerbaïdjan et l'Arménie ont manifesté leur \"volonté\" de signer un traité\n"
        "          de paix.\n"
    )
    facts.write_text(text[:start] + entry + text[end:], encoding="utf-8")
    base = load_factbase(tmp_path / "content", tmp_path / "seeds")
    issues = [(i.entry, i.field, i.message) for i in check_support(base)]
    assert not [i for i in issues if i[1] == "label"], issues
