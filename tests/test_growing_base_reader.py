"""What the reader must still do once the base grows (issue 23 point 6, fourth newcomer): on a
fixture base — the frozen copy plus one article of two verbatim sentences from the newcomer's
Radio Plus article — a two-part question keeps both parts' passages, and « signé le combien ? »
of a view of several lines dated to the month says the day is missing for each."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from bot.engine.filters import read_filter
from bot.engine.index import Index
from bot.engine.passage import without_kind_words
from bot.engine.questions import respond
from bot.engine.reply import Quote, QuoteGroup
from bot.engine.unsaid import undated_para
from tests.conftest import FIVE, ContentCopy

TODAY = date(2026, 11, 23)
KARABAKH = (
    "Après trente ans de conflit entre l’Arménie et l’Azerbaïdjan, qui s’est achevé par la "
    "récupération du Karabakh par Bakou et la réédition des séparatistes pro-arméniens l’année "
    "dernière, le Caucase-Sud, cherche une voie constructive vers la paix et le développement."
)
CEASEFIRE = (
    "L’Union européenne et l’Organisation du Traité de l’Atlantique-Nord (OTAN), cherchent "
    "depuis des années à peser dans cette région du Caucase-Sud, où la Russie a cherché à "
    "reprendre pied à la faveur du cessez-le-feu signé en novembre 2020, entre l’Arménie et "
    "l’Azerbaïdjan sous l’égide de Moscou."
)


def _append(copy: ContentCopy, file: str, text: str) -> None:
    path = copy.content / file
    path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + "\n" + text, encoding="utf-8")


@pytest.fixture
def frozen(tmp_path: Path) -> ContentCopy:
    """A copy of the frozen five-article base (tests/fixtures/five), not of content/: a
    curator's new article (a France–Armenia contract dated to the day) must not change what
    these tests grow from."""
    content, seeds = tmp_path / "content", tmp_path / "seeds"
    shutil.copytree(FIVE / "content", content)
    shutil.copytree(FIVE / "seeds", seeds)
    return ContentCopy(content, seeds)


def _grown(copy: ContentCopy) -> Index:
    """The frozen copy plus the fixture article, its source, a 2023 Karabakh line holding
    « Bakou » and « paix », and the November 2020 cease-fire agreement with Armenia."""
    (copy.seeds / "fixture-radioplus.txt").write_text(f"{KARABAKH}\n{CEASEFIRE}\n", "utf-8")
    _append(
        copy,
        "sources.yaml",
        "  - id: fixture-radioplus\n"
        "    label: 'Radio Plus : Stoltenberg à Bakou'\n"
        "    outlet: null\n"
        "    title: null\n"
        "    published: '2024-03-19'\n"
        "    published_text: null\n"
        "    seed: fixture-radioplus.txt\n",
    )
    _append(
        copy,
        "events.yaml",
        "  - id: fixture-karabakh-2023\n"
        '    date: "2023"\n'
        "    date_text: l’année dernière\n"
        "    date_basis: déduit\n"
        "    date_reason: date de l'article (2024-03-19)\n"
        "    date_note: l'article du 19 mars 2024\n"
        "    type: conflit\n"
        "    actors: [AM, AZ]\n"
        "    topics: [paix]\n"
        "    summary: Selon l'article, le conflit s'est achevé l'année dernière par la "
        "récupération du Karabakh par Bakou.\n"
        "    label: 'Fin du conflit : récupération du Karabakh par Bakou'\n"
        "    evidence:\n"
        "      - source: fixture-radioplus\n"
        "        key: true\n"
        f'        quote: "{KARABAKH}"\n',
    )
    _append(
        copy,
        "agreements.yaml",
        "  - id: fixture-cessez-le-feu-2020\n"
        "    title: Cessez-le-feu entre l’Arménie et l’Azerbaïdjan\n"
        "    kind: accord\n"
        "    act: signe\n"
        "    parties: [AM, AZ]\n"
        '    date: "2020-11"\n'
        "    date_text: novembre 2020\n"
        "    topics: []\n"
        "    summary: Le cessez-le-feu a été signé en novembre 2020 sous l’égide de Moscou.\n"
        "    label: Cessez-le-feu Arménie–Azerbaïdjan sous l’égide de Moscou\n"
        "    evidence:\n"
        "      - source: fixture-radioplus\n"
        "        key: true\n"
        f'        quote: "{CEASEFIRE}"\n',
    )
    return Index(copy.load())


def _top_quotes(reply) -> list[str]:  # type: ignore[no-untyped-def]
    return [b.text for b in reply.blocks if isinstance(b, Quote) and not isinstance(b, QuoteGroup)]


def test_a_line_holding_a_common_word_of_each_part_does_not_push_out_a_part(frozen):
    index = _grown(frozen)
    question = "en quelle année Bakou a rejoint le NCCA, et le Partenariat pour la paix ?"
    quotes = _top_quotes(respond(index, question, TODAY))
    assert any("NCCA" in q and "1992" in q for q in quotes), quotes
    assert any("Partenariat pour la paix" in q and "1994" in q for q in quotes), quotes
    assert not any("Karabakh" in q for q in quotes), quotes  # « Bakou » and « paix » only


def test_the_day_asked_of_several_lines_dated_to_the_month_is_said_missing_for_each(frozen):
    index = _grown(frozen)
    para = undated_para(index, "signé le combien exactement ?", "Arménie", TODAY, True)
    assert para is not None
    assert para.text.startswith("Les articles ne donnent pas le jour exact")
    assert "novembre 2020" in para.text and "août 2025" in para.text


def test_a_word_naming_the_place_asked_is_no_search_word():
    class _Tokens:  # the index's tokenizer is all without_kind_words needs
        @staticmethod
        def tokens(text: str) -> list[str]:
            return text.split()

    index = _Tokens()
    assert without_kind_words(index, "lieu manoeuvres ots", "ou") == "manoeuvres ots"  # type: ignore[arg-type]
    assert without_kind_words(index, "lieu", "ou") == "lieu"  # type: ignore[arg-type]
    assert without_kind_words(index, "lieu manoeuvres", "qui") == "lieu manoeuvres"  # type: ignore[arg-type]


def test_a_code_that_is_a_french_little_word_names_its_actor_in_capitals(base):
    index = Index(base)
    assert read_filter(index, "AZ IL").filter.actors == ("AZ", "IL")  # « il » is a stop word
    assert "IL" not in read_filter(index, "il a signé").filter.actors


def test_figures_that_do_not_say_the_year_asked_are_said_not_to_give_it(base):
    from bot.render.text import render_text

    index = Index(base)
    question = "combien de drones turcs l'Azerbaïdjan a-t-il achetés en 2025 ?"
    text = render_text(respond(index, question, TODAY))
    assert "Ces citations ne donnent pas ce nombre pour 2025." in text
    assert "centaines de drones" in text  # what they do say is still shown
    said = render_text(respond(index, "combien de pays au forum de Bakou 2025 ?", TODAY))
    assert "80 pays" in said and "ne donnent pas ce nombre" not in said  # the quote says 2025
