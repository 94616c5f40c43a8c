"""The first-screen rule, computed: every answer's first message fits a phone screen and holds
the answer (issue #22, point 3). Shared by tests/test_first_screen.py and
``python -m tests.first_screen`` (which prints the answers over the limit).

Nothing here pins the shipped content: the forms are enumerated from the base (every actor,
agreement, year and month with facts, the base's frequent words, every list page) and from
every ``tests/questions*.yaml`` file.
"""

from __future__ import annotations

import html
import re
import sys
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from bot.content.yamlread import read_yaml
from bot.engine.commands import callback
from bot.engine.index import Index
from bot.engine.questions import respond
from bot.engine.reply import Item, Para, Quote, Reply
from bot.render.html import render_html, visible_length

SCREEN = 1200
"""Visible characters of a first message (a folded quote counted as 150)."""
TODAY = date(2026, 11, 23)
"""The questions' reference date (tests/questions.yaml says so)."""
QUESTIONS_DIR = Path(__file__).parent
FREQUENT_WORDS = 25


@dataclass(frozen=True)
class Asked:
    """One form to answer: what was typed (or the button pressed) and whether it is a question."""

    text: str
    question: bool = False
    button: bool = False

    def reply(self, index: Index) -> Reply:
        if self.button:
            return callback(index, self.text)
        return respond(index, self.text, TODAY)


def question_files(folder: Path = QUESTIONS_DIR) -> list[Path]:
    """Every question set: tests/questions.yaml and any tests/questions_*.yaml added later."""
    return sorted(folder.glob("questions*.yaml"))


def questions(folder: Path = QUESTIONS_DIR) -> list[str]:
    """The text of every question of every set (entries are mappings with ``q``; a bare
    string is a question too; other keys are ignored)."""
    found: list[str] = []
    for path in question_files(folder):
        data: Any = read_yaml(path.read_text(encoding="utf-8"))
        items = data.get("questions", []) if isinstance(data, dict) else data
        for item in items or []:
            text = item.get("q") or item.get("question") if isinstance(item, dict) else item
            if isinstance(text, str) and text.strip():
                found.append(text)
    return found


def frequent_words(index: Index, limit: int = FREQUENT_WORDS) -> list[str]:
    """The base's most frequent words of four letters or more (by entries holding them)."""
    postings = index.fulltext.postings
    ranked = sorted(
        (word for word in postings if len(word) >= 4 and word.isalpha()),
        key=lambda word: (-len(postings[word]), word),
    )
    return ranked[:limit]


def periods(index: Index) -> list[str]:
    """Every year and month (``2025-08``) an entry of the timeline is dated in, exactly."""
    found: set[str] = set()
    for item in index.timeline.dated:
        span = item.span
        found.add(str(span.start.year))
        if (span.start.year, span.start.month) == (span.end.year, span.end.month):
            found.add(f"{span.start.year}-{span.start.month:02d}")
    return sorted(found)


def command_forms(index: Index) -> list[Asked]:
    """Every command form the shipped base allows, plus every page of its lists."""
    base = index.base
    forms = [Asked(f"/{name}") for name in ("start", "aide", "pays", "org", "accord", "timeline")]
    forms += [Asked(f"/{name}") for name in ("sources", "timeline recent")]
    for actor in base.actors.values():
        command = "pays" if actor.is_country else "org"
        forms.append(Asked(f"/{command} {actor.name}"))
        forms.append(Asked(f"/accord {actor.name}"))
        forms.append(Asked(f"/timeline {actor.name}"))
    forms += [Asked(f"a:{agreement.id}", button=True) for agreement in base.agreements]
    forms += [Asked(f"e:{event.id}", button=True) for event in base.events]
    forms += [Asked(f"/timeline {period}") for period in periods(index)]
    forms += [Asked(f"/accord {period}") for period in periods(index) if len(period) == 4]
    forms += [Asked(f"/cherche {word}") for word in frequent_words(index)]
    return forms


def list_pages(index: Index, forms: list[Asked]) -> list[Asked]:
    """Every further page of the lists the forms open (◀ ▶ buttons), followed to the end."""
    pages: list[Asked] = []
    seen: set[str] = set()
    queue = [form.reply(index) for form in forms if not form.question]
    while queue:
        reply = queue.pop()
        for row in reply.buttons:
            for button in row:
                turn = button.data.startswith("~") and "Fiche" not in button.label
                if turn and button.data not in seen:
                    seen.add(button.data)
                    pages.append(Asked(button.data, button=True))
                    queue.append(callback(index, button.data))
    return pages


def every_form(index: Index) -> list[Asked]:
    forms = command_forms(index)
    forms += list_pages(index, forms)
    forms += [Asked(text, question=True) for text in questions()]
    return forms


def _plain(message: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", message)).strip()


def _substance(message: str) -> bool:
    """True when an HTML message holds more than bold headings and italic notes: a bullet,
    a quote or a plain line."""
    for line in message.splitlines():
        line = line.strip()
        if line and (
            line.startswith("•") or "<blockquote" in line or line[:3] not in ("<b>", "<i>")
        ):
            return True
    return False


def _message_of(reply: Reply) -> str:
    """The whole reply as one HTML text (to know whether it holds any line at all)."""
    return "\n".join(render_html(reply, screen=None))


def has_fact(index: Index, actor_id: str) -> bool:
    """True when the base holds a fact about the actor: a role, an entry, a membership."""
    actor = index.base.actors[actor_id]
    return bool(
        actor.role or index.links.entries_of(actor_id) or index.links.named_memberships(actor_id)
    )


def problems(
    index: Index, asked: Asked, reply: Reply | None = None, messages: list[str] | None = None
) -> list[str]:
    """What breaks the first-screen rule in the answer to ``asked`` (empty when none);
    ``reply`` and its rendered ``messages`` are computed unless given."""
    reply = reply if reply is not None else asked.reply(index)
    messages = messages if messages is not None else render_html(reply)
    first = messages[0]
    found: list[str] = []
    size = visible_length(first)
    if size > SCREEN:
        found.append(f"first message {size} > {SCREEN} visible characters")
    if asked.question and len(messages) > 2:
        found.append(f"{len(messages)} messages for a question")
    for n, message in enumerate(messages):
        lines = [line for line in _plain(message).splitlines() if line.strip()]
        if len(lines) == 1 and lines[0].startswith("Compris"):
            found.append(f"message {n + 1} is a lone « Compris » line")
        if not _substance(message) and (n or _substance(_message_of(reply))):
            found.append(f"message {n + 1} holds only headings and notes: {lines!r}")
    if reply.follow and reply.follow.startswith("acteur:"):
        actor_id = reply.follow.split(":", 1)[1]
        if actor_id in index.base.actors and has_fact(index, actor_id):
            if "<blockquote" not in first:
                found.append("a card whose actor has facts shows no quote in its first message")
            if not _shows_fact(reply, first):
                found.append("a card whose actor has facts shows none in its first message")
    return found


def _shows_fact(reply: Reply, first: str) -> bool:
    """True when a line of the first message is a fact (an item or the role) followed by a
    quote shown in the same message."""
    blocks = list(reply.blocks)
    text = _plain(first)
    for position, block in enumerate(blocks[:-1]):
        following = blocks[position + 1]
        line = isinstance(block, Item | Para) and isinstance(following, Quote)
        if line and block.text in text and following.text[:60] in text:
            return True
    return False


def report(index: Index) -> tuple[int, list[tuple[str, list[str]]]]:
    """How many forms were answered, and those breaking the rule with their problems."""
    forms = every_form(index)
    bad = [(form.text, found) for form in forms if (found := problems(index, form))]
    return len(forms), bad


def main() -> int:
    from bot.content.loader import load_factbase
    from bot.paths import CONTENT_DIR, SEEDS_DIR

    index = Index(load_factbase(CONTENT_DIR, SEEDS_DIR))
    total, bad = report(index)
    kinds = Counter(problem.split(" ")[0] for _, found in bad for problem in found)
    for text, found in bad:
        print(f"{text!r}: {'; '.join(found)}")
    print(f"{len(bad)} of {total} answers break the first-screen rule ({dict(kinds)})")
    over = sum(1 for _, found in bad if any(p.startswith("first message") for p in found))
    print(f"{over} of {total} first messages over {SCREEN} visible characters")
    forms = every_form(index)
    split = Counter(len(render_html(form.reply(index))) for form in forms)
    print(f"messages per answer: {dict(sorted(split.items()))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
