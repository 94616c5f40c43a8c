"""Issue 23 (a curator's three articles, « One article changed an unrelated answer »): a word
typed alone that is an alias of a theme (« drones » for « armement ») and a word of the
articles leads to the entries and passages that say it, not to every dated line of the theme.
Once a new article dates one line of the theme that says the word, the theme's chronology
would list the others too (a parade of captured arms for « drones ») and drop the best
passage. On the five frozen articles plus a made-up article of our own."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from bot.content.loader import load_factbase
from bot.engine.filters import TimelineFilter
from bot.engine.index import Index
from bot.engine.questions import respond, understand
from bot.engine.reply import Quote
from bot.engine.timeline import select
from tests.conftest import FIVE

TODAY = date(2026, 12, 6)
PARADE = "Le 3 mars 2024, l'armée azerbaïdjanaise a fait défiler à Bakou des armes lourdes."
EXERCISE = (
    "Le 5 mai 2024, l'Azerbaïdjan et la Turquie ont mené un exercice impliquant des drones "
    "de reconnaissance."
)
SOURCE = """
  - id: agence-defile
    label: Défilé et exercice (agence)
    outlet: null
    title: null
    published: null
    published_text: null
    seed: agence-defile.txt
"""


def _event(entry_id: str, day: str, said: str, label: str, quote: str) -> str:
    return f"""
  - id: {entry_id}
    label: "{label}"
    date: "{day}"
    date_text: {said}
    type: exercice
    actors: [AZ, TR]
    topics: [armement]
    summary: "{quote}"
    evidence:
      - source: agence-defile
        key: true
        quote: "{quote}"
"""


def _index(root: Path, sentences: list[str]) -> Index:
    content, seeds = root / "content", root / "seeds"
    shutil.copytree(FIVE / "content", content)
    shutil.copytree(FIVE / "seeds", seeds)
    (seeds / "agence-defile.txt").write_text(" ".join(sentences) + "\n", encoding="utf-8")
    events = "".join(
        _event(f"agence-defile-{n}", day, said, label, sentence)
        for n, (day, said, label, sentence) in enumerate(
            (
                ("2024-03-03", "Le 3 mars 2024", "Défilé d'armes à Bakou", PARADE),
                ("2024-05-05", "Le 5 mai 2024", "Exercice avec des drones", EXERCISE),
            )
        )
        if sentence in sentences
    )
    for name, added in (("sources.yaml", SOURCE), ("events.yaml", events)):
        path = content / name
        path.write_text(path.read_text(encoding="utf-8") + added, encoding="utf-8")
    return Index(load_factbase(content, seeds))


def test_an_alias_some_dated_line_of_its_theme_lacks_gives_the_search(tmp_path: Path) -> None:
    index = _index(tmp_path, [PARADE, EXERCISE])
    dated = select(index, TimelineFilter(topics=("armement",)))
    assert {item.entry.id for item in dated} == {"agence-defile-0", "agence-defile-1"}
    found = understand(index, "drones", TODAY)
    assert found is not None and found.data == "/cherche drones"
    reply = respond(index, "drones", TODAY)
    quotes = [block.text for block in reply.blocks if isinstance(block, Quote)]
    assert quotes and all("drone" in quote.lower() for quote in quotes[:2])
    assert not any("défiler" in quote for quote in quotes)  # the parade says nothing of drones
    found = understand(index, "armement", TODAY)  # the theme's own name: its chronology
    assert found is not None and found.data == "/timeline armement"


def test_an_alias_every_dated_line_of_its_theme_says_keeps_the_chronology(tmp_path: Path) -> None:
    index = _index(tmp_path, [EXERCISE])  # the theme's only dated line says « drones »
    found = understand(index, "drones", TODAY)
    assert found is not None and found.data == "/timeline armement"
