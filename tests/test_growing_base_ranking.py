"""A new article must not drown the answer a question had on words only (issue 23, fifth
newcomer): the verb of a question is not its subject (« qui a ouvert le forum ? » is not
answered by « X a ouvert une ambassade »), and a question word that shares only a short stem
with an article's word (« montant » and « monté ») is still said absent.
Runs on a small base of its own (tests/fixtures/draft_base/ plus one article written here)."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from bot.content.loader import load_factbase
from bot.engine.index import Index
from bot.engine.questions import respond
from bot.render.text import render_text

FIXTURES = Path(__file__).parent / "fixtures" / "draft_base"
TODAY = date(2026, 12, 6)
FORUM = "Le 21 septembre 2025, Bakou a ouvert les portes de son forum de sécurité."
EMBASSY = (
    "En mars, le ministre azerbaïdjanais Jeyhun Bayramov a ouvert la première ambassade "
    "de Bakou au Kazakhstan."
)
RANKING = "Selon les chiffres, l'Azerbaïdjan est monté en tête des acheteurs d'armes turcs."


def _base(tmp_path: Path, sentences: dict[str, str]) -> Index:
    """The fixture base plus one article holding ``sentences`` (entry id → its sentence),
    each a fact of its own quoting it."""
    content, seeds = tmp_path / "content", tmp_path / "seeds"
    shutil.copytree(FIXTURES / "content", content)
    shutil.copytree(FIXTURES / "seeds", seeds)
    (seeds / "ajout.txt").write_text("\n".join(sentences.values()) + "\n", encoding="utf-8")
    with (content / "sources.yaml").open("a", encoding="utf-8") as out:
        out.write(
            "  - id: ajout\n    label: Un article ajouté\n    outlet: null\n    title: null\n"
            '    published: "2025-10-01"\n    published_text: null\n    seed: ajout.txt\n'
        )
    with (content / "facts.yaml").open("a", encoding="utf-8") as out:
        for entry_id, sentence in sentences.items():
            out.write(
                f"  - id: {entry_id}\n    actors: [AZ]\n    topics: []\n"
                f'    summary: "{sentence}"\n    evidence:\n      - source: ajout\n'
                f'        quote: "{sentence}"\n        key: true\n'
            )
    return Index(load_factbase(content, seeds))


def _first_lines(index: Index, question: str) -> str:
    return "\n".join(render_text(respond(index, question, TODAY)).splitlines()[:6])


@pytest.mark.parametrize(
    "question", ["qui a ouvert le forum de bakou ?", "qui a ouvert le forum ?"]
)
def test_the_verb_of_a_who_question_is_not_its_subject(tmp_path: Path, question: str) -> None:
    more = {  # the forum is much written about: « forum » is a common word, « ouvert » a rare one
        f"forum-{n}": f"Le forum de sécurité a débattu à Bakou de {topic}."
        for n, topic in enumerate(("cybersécurité", "énergie", "terrorisme", "paix"))
    }
    index = _base(tmp_path, {"forum-ouvert": FORUM, **more, "ambassade-ouverte": EMBASSY})
    top = _first_lines(index, question)
    after = top[top.index("D'après l'article") :]
    opening = after[after.index("«") :].split("»", 1)[0]  # the passage on top, unfolded
    assert "forum de sécurité" in opening, top
    assert "Bayramov" not in opening, top


def test_a_word_sharing_only_a_short_stem_with_the_articles_is_said_absent(
    tmp_path: Path,
) -> None:
    index = _base(tmp_path, {"classement": RANKING})
    top = _first_lines(index, "quel est le montant des achats de l'Azerbaïdjan ?")
    assert "« montant »" in top, top  # « monté » is not « montant »
    kept = _first_lines(index, "l'Azerbaïdjan est-il monté en tête des acheteurs ?")
    assert "« monté »" not in kept, kept  # the word the article holds is never said absent
