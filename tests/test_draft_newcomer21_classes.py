"""The classes a twenty-first newcomer corrected by hand (issue 23), each on a short article of
our own, drafted against the fixture base (tests/fixtures/draft_base/) — never the shipped
content."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from bot.content.loader import load_factbase
from bot.draft.frdates import find_dates
from tests.draft_helpers import draft_yaml, entry_holding, small_base

FIXTURES = Path(__file__).parent / "fixtures"

WAR = (
    "# Date : 2021-09-10\n"
    "Le Karabakh a été à l'automne 2020 le théâtre d'un conflit opposant l'Arménie à "
    "l'Azerbaïdjan.\n"
)


def test_a_mediator_is_no_party_of_the_pair_it_mediates_between() -> None:
    text = WAR + (
        "La Turquie, qui assurait la médiation entre les deux pays, a parrainé la signature "
        "d'un accord de cessez-le-feu le 10 novembre 2020.\n"
    )
    entry = entry_holding(draft_yaml(text, small_base()), "assurait la médiation")
    assert sorted(entry["parties"]) == ["AM", "AZ"] and entry["mediators"] == ["TR"], entry
    resolved = {item["actor"] for item in entry["draft"]["resolved"]}
    assert resolved == {"AZ", "AM"}  # « les deux pays » never holds the mediator


def test_separatists_of_a_nationality_are_not_that_state() -> None:
    text = (
        "# Date : 2024-04-17\n"
        "L'Azerbaïdjan a repris en septembre 2023 l'enclave contrôlée pendant trois décennies "
        "par des séparatistes arméniens.\n"
    )
    entry = entry_holding(draft_yaml(text, small_base()), "séparatistes arméniens")
    assert (entry.get("actors") or entry.get("parties")) == ["AZ"], entry


def test_a_season_with_its_year_is_its_months_by_convention_deduced() -> None:
    [found] = find_dates("À l'automne 2020, une guerre de six semaines a eu lieu.", None)
    assert (found.iso, found.basis, found.text) == ("2020-09/2020-11", "déduit", "À l'automne 2020")
    [summer] = find_dates("Les troupes sont là depuis l'été 2019.", date(2021, 1, 5))
    assert summer.iso == "2019-06/2019-08" and summer.basis == "déduit"
    entry = entry_holding(draft_yaml(WAR, small_base()), "théâtre d'un conflit")
    assert entry["date"] == "2020-09/2020-11" and entry["date_basis"] == "déduit", entry


def test_a_since_date_gives_way_to_the_day_of_the_act() -> None:
    text = (
        "# Date : 2024-04-17\n"
        "Les militaires turcs déployés en Azerbaïdjan depuis l'automne 2020 ont amorcé leur "
        "retrait, a annoncé ce mercredi 17 avril le ministère turc.\n"
    )
    entry = entry_holding(draft_yaml(text, small_base()), "ont amorcé leur retrait")
    assert entry["date"] == "2024-04-17", entry
    alone = (
        "# Date : 2024-04-17\n"
        "Les militaires turcs sont déployés en Azerbaïdjan depuis l'automne 2020.\n"
    )
    entry = entry_holding(draft_yaml(alone, small_base()), "sont déployés")
    assert entry.get("date") in (None, "2020-09/2020-11"), entry  # the only date stays


def test_a_long_attribution_to_a_tweet_is_the_hedge() -> None:
    from bot.draft.analyse import hedge_of

    text = (
        "Les avions turcs sont présents dans les exercices conjoints, selon un tweet publié "
        "par le ministère azerbaïdjanais de la Défense."
    )
    assert hedge_of(text) == ("selon un tweet publié par le ministère azerbaïdjanais de la Défense")


PRESENT_DISPATCH = (
    "# Date : 2022-12\n"
    "Bakou, 6 décembre, AZERTAC\n\n"
    "Les avions de l'armée turque sont présents dans les exercices militaires conjoints "
    "azerbaïdjano-turcs, selon le ministère azerbaïdjanais de la Défense.\n\n"
    "Les exercices se déroulent dans la ville de Bakou et dans la région d'Astara.\n"
)


def test_a_dispatch_lead_in_the_present_is_reported_on_its_day_without_the_dateline() -> None:
    entry = entry_holding(draft_yaml(PRESENT_DISPATCH, small_base()), "sont présents")
    assert (entry["date"], entry["date_basis"]) == ("2022-12-06", "rapporté"), entry
    assert entry.get("tense") == "présent"
    quotes = [item["quote"] for item in entry["evidence"]]
    assert "Bakou, 6 décembre, AZERTAC" not in quotes  # the dateline is the page's, no quote
    past = PRESENT_DISPATCH.replace("sont présents dans", "ont participé aux").replace(
        "les exercices militaires", "exercices militaires"
    )
    entry = entry_holding(draft_yaml(past, small_base()), "ont participé")
    assert entry["date_basis"] == "déduit" and "Bakou, 6 décembre, AZERTAC" in str(entry)


def test_read_more_on_a_medium_at_the_foot_is_the_original_outlet() -> None:
    from bot.draft.article import read_article

    text = (
        "# URL : https://fr.news.example.com/karabakh-retrait-124018654.html\n"
        "Karabakh : la Turquie annonce un retrait\n\n"
        "Les militaires turcs ont amorcé leur retrait d'Azerbaïdjan, a annoncé le ministère.\n\n"
        "Lire la suite sur RFI\n"
    )
    article = read_article(text)
    assert article.relayed_from.value == "RFI"
    assert "Lire la suite sur RFI" in (article.relayed_from.read_from or "")
    plain = read_article(text.replace("Lire la suite sur RFI\n", ""))
    assert plain.relayed_from.value is None


def test_a_twitter_account_is_no_intention_and_compter_plus_infinitive_is() -> None:
    from bot.content.modality import modality_of

    said = (
        "Sur son compte Twitter, le ministre s'est déclaré heureux d'annoncer la signature "
        "d'un accord."
    )
    assert modality_of(said) is None
    meant = modality_of("Bakou compte signer un accord avec Ankara.")
    assert meant is not None and meant.kind == "intention" and "compte" in meant.words
    assert modality_of("Le pays compte 2 000 soldats et a organisé des exercices.") is None


SPEAKER = (
    "# Date : 2021-09-10\n"
    "La Turquie est disposée à octroyer 400.000 euros à l'Azerbaïdjan pour le déminage, a "
    "fait savoir l'ambassadeur turc à Bakou.\n"
    "Il a souligné qu'une vaste partie du territoire devait encore être déminée.\n"
)


def test_his_words_after_a_speaker_join_what_he_said_as_a_key_quote() -> None:
    data = draft_yaml(SPEAKER, small_base())
    entry = entry_holding(data, "Il a souligné")
    said = {item["quote"][:12]: item.get("key") for item in entry["evidence"]}
    assert said == {"La Turquie e": True, "Il a soulign": True}, entry["evidence"]
    assert not data["draft"]["skipped"]
    alone = draft_yaml(
        "# Date : 2021-09-10\nLa Turquie a livré des drones à l'Azerbaïdjan en 2020.\n"
        "Il a souligné qu'une vaste partie du territoire devait encore être déminée.\n",
        small_base(),
    )  # nobody spoke before: « Il » is nobody the tool can name
    assert [item["sentence"][:12] for item in alone["draft"]["skipped"]] == ["Il a soulign"]


WAR_ARTICLE = (
    "À l'automne 2020, une guerre de six semaines avait opposé l'Azerbaïdjan et l'Arménie "
    "pour le contrôle du Karabakh.\n"
)
WAR_ENTRY = """
sources:
  - id: guerre-2020
    label: Guerre de 2020
    outlet: null
    title: null
    published: "2024-04-17"
    published_text: null
    published_basis: curateur
    note: date de publication donnée par le curateur
    seed: guerre-2020.txt
events:
  - id: guerre-karabakh-2020
    label: Guerre de six semaines
    date: "2020-09/2020-11"
    date_text: À l'automne 2020
    date_basis: déduit
    date_reason: mois de « automne » par convention (9 à 11)
    date_note: L'article dit « À l'automne 2020 » ; septembre à novembre par convention.
    type: conflit
    actors: [AZ, AM]
    topics: [defense]
    summary: À l'automne 2020, une guerre de six semaines avait opposé l'Azerbaïdjan et l'Arménie.
    evidence:
      - source: guerre-2020
        quote: >-
          À l'automne 2020, une guerre de six semaines avait opposé l'Azerbaïdjan et
          l'Arménie pour le contrôle du Karabakh.
"""


def test_the_same_war_in_other_words_is_offered_as_an_addition(tmp_path: Path) -> None:
    """A base entry of the same partners, kind (conflit ≈ guerre) and period: « même fait »,
    with ``draft.addition`` ready for the ``additions:`` section."""
    shutil.copytree(FIXTURES / "draft_base" / "content", tmp_path / "content")
    shutil.copytree(FIXTURES / "draft_base" / "seeds", tmp_path / "seeds")
    (tmp_path / "seeds" / "guerre-2020.txt").write_text(WAR_ARTICLE, encoding="utf-8")
    (tmp_path / "content" / "zz-guerre.yaml").write_text(WAR_ENTRY, encoding="utf-8")
    vocabulary = tmp_path / "content" / "vocabulary.yaml"
    vocabulary.write_text(
        vocabulary.read_text(encoding="utf-8").replace(
            "  event_types:\n",
            "  event_types:\n    - {id: conflit, label: conflit armé, aliases: [guerre]}\n",
        ),
        encoding="utf-8",
    )
    base = load_factbase(tmp_path / "content", tmp_path / "seeds")
    data = draft_yaml(WAR, base)
    entry = entry_holding(data, "théâtre d'un conflit")
    [link] = entry["draft"]["links"]
    assert (link["entry"], link["relation"]) == ("guerre-karabakh-2020", "même fait"), link
    assert "conflit ≈ guerre" in link["reason"]
    assert entry["draft"]["addition"]["entry"] == "guerre-karabakh-2020"
    other = WAR.replace("à l'automne 2020", "en 1994")
    entry = entry_holding(draft_yaml(other, base), "théâtre d'un conflit")
    assert not entry["draft"]["links"]  # another period: another war


def test_a_titled_speakers_undated_words_are_his_declaration_reported_with_his_next_words() -> None:
    text = SPEAKER.replace(
        "Il a souligné",
        "Sur son compte Twitter, le diplomate s'est déclaré « heureux d'annoncer » le "
        "prochain transfert du montant à l'agence azerbaïdjanaise de déminage.\nIl a souligné",
    )
    data = draft_yaml(text, small_base())
    entry = entry_holding(data, "a fait savoir l'ambassadeur turc")
    assert entry["type"] == "declaration" and entry["date_basis"] == "rapporté", entry
    assert entry["date"] == "2021-09-10"
    said = [(item["quote"][:20], item.get("key")) for item in entry["evidence"]]
    assert said == [
        ("La Turquie est dispo", True),
        ("Sur son compte Twitt", True),
        ("Il a souligné qu'une", True),
    ], said
    assert sorted(entry["actors"]) == ["AZ", "TR"]
    dated = SPEAKER.replace("à octroyer", "à octroyer le 3 septembre 2021")
    entry = entry_holding(draft_yaml(dated, small_base()), "a fait savoir")
    assert entry.get("date") != "2021-09-10" or entry.get("date_basis") != "rapporté"
