"""`check` on a topic spelled otherwise than the vocabulary's id (issue 23, point 2 d): it is
refused, and its French message names the file, the entry, the field and the id to write. Run
on a copy of the fixture base (tests/fixtures/draft_base/), never the shipped content."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.content.errors import ContentError
from bot.content.loader import load_factbase

FIXTURE = Path(__file__).parent / "fixtures" / "draft_base"
TERRITORY = (
    "    - {id: territoire, label: territoire, aliases: [Karabakh, Haut-Karabakh], "
    "stems: [karabakh]}\n"
)


def _check_with_topic(tmp_path: Path, topic: str) -> str:
    """The message `check` gives when the fixture's first fact is filed under ``topic``."""
    content, seeds = tmp_path / "content", tmp_path / "seeds"
    shutil.copytree(FIXTURE / "content", content)
    shutil.copytree(FIXTURE / "seeds", seeds)
    vocabulary = content / "vocabulary.yaml"
    text = vocabulary.read_text(encoding="utf-8")
    vocabulary.write_text(text.replace("  stop_words:", TERRITORY + "  stop_words:", 1), "utf-8")
    facts = content / "facts.yaml"
    text = facts.read_text(encoding="utf-8")
    facts.write_text(text.replace("topics: [paix]", f"topics: [{topic}]", 1), "utf-8")
    with pytest.raises(ContentError) as raised:
        load_factbase(content, seeds)
    return str(raised.value)


def test_a_place_name_spelled_otherwise_points_to_its_topic(tmp_path: Path) -> None:
    message = _check_with_topic(tmp_path, "Haut-Karabagh")
    assert "facts.yaml" in message and "volonte-traite-paix" in message
    assert "topics[0]" in message
    assert "« Haut-Karabagh » n'est pas dans le vocabulaire topics" in message
    assert "« territoire »" in message and "Haut-Karabakh" in message


def test_a_label_written_for_an_id_names_the_id(tmp_path: Path) -> None:
    message = _check_with_topic(tmp_path, "Paix")
    assert "écrire « paix »" in message


def test_a_word_far_from_every_topic_gets_no_guess(tmp_path: Path) -> None:
    message = _check_with_topic(tmp_path, "football")
    assert "« football » n'est pas dans le vocabulaire topics" in message
    assert "écrire" not in message


def test_check_drafts_names_the_topic_to_write_too(tmp_path: Path) -> None:
    import io

    from bot.draft.build import draft_article, render_draft
    from bot.draft.check_drafts import run_check_drafts

    content, seeds = tmp_path / "content", tmp_path / "seeds"
    shutil.copytree(FIXTURE / "content", content)
    shutil.copytree(FIXTURE / "seeds", seeds)
    vocabulary = content / "vocabulary.yaml"
    text = vocabulary.read_text(encoding="utf-8")
    vocabulary.write_text(text.replace("  stop_words:", TERRITORY + "  stop_words:", 1), "utf-8")
    article = seeds / "essai-karabagh.txt"
    article.write_text(
        "# URL : https://exemple.org/karabagh\n# Date : 2022-06-10\n"
        "L'Azerbaïdjan et l'Arménie ont manifesté leur volonté de signer un traité de paix.\n",
        encoding="utf-8",
    )
    base = load_factbase(content, seeds)
    rendered = render_draft(draft_article(article.read_text("utf-8"), article.name, base), "a")
    assert "  topics: []\n" in rendered or "  topics:\n" in rendered
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    (drafts / "essai.yaml").write_text(
        rendered.replace("  topics: []\n", "  topics: [Haut-Karabagh]\n", 1), encoding="utf-8"
    )
    report = io.StringIO()
    run_check_drafts(drafts, content, seeds, report)
    assert "« Haut-Karabagh » n'est pas dans le vocabulaire topics" in report.getvalue()
    assert "« territoire »" in report.getvalue(), report.getvalue()
