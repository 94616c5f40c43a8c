"""Score a question set written from the articles alone (the blind set) against the bot's answers.

    python -m bench.score_questions tests/blind/*.yaml [--show] [--json OUT]

Each file holds questions with ``expect_all`` / ``expect_any`` fragments taken verbatim from the
articles. A covered question is right when its answer (the messages a person sees, at most the
first two) shows every ``expect_all`` fragment and at least one ``expect_any`` fragment, compared
without case and accents. A question the articles do not cover is right when the first message
says, above the first entry it lists, that the articles don't give it (an entry's own words
such as « l'article ne dit pas qu'elles ont été décidées » don't count). Follow-ups
(``follow_up_of``) are asked right after their question, as the same person in the same chat.
"""

from __future__ import annotations

import argparse
import html
import io
import json
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from bot.content.yamlread import read_yaml

NOT_FOUND = (
    "ne correspond",
    "n'apparait dans aucun",
    "ne disent pas",
    "ne dit pas",
    "ne le disent",
    "ne le dit",
    "ne donnent pas",
    "ne donne pas",
    "ne precisent pas",
    "ne precise pas",
    "ne mentionnent pas",
    "ne mentionne pas",
    "aucun resultat",
    "rien trouve",
    "ne trouve rien",
    "je ne trouve",
    "pas compris",
    "n'en parlent pas",
    "n'en parle pas",
    "aucun article",
    "aucune entree",
    "aucun fait",
    "aucun evenement",
    "aucun accord",
    "absent du texte",
    "absents du texte",
    "aucune phrase des articles",
    "ne nomment pas",
    "ne nomme pas",
)
"""Phrases by which an answer says the articles hold nothing on what was asked (folded)."""


def fold(text: str) -> str:
    """Lower case, no accents, one kind of apostrophe and of space."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("’", "'").replace("\u202f", " ").replace("\xa0", " ")
    text = text.replace("œ", "oe").replace("ᵉ", "e")
    return re.sub(r"\s+", " ", text.casefold())


def visible(message_html: str) -> str:
    """What a person reads of one Telegram HTML message."""
    return html.unescape(re.sub(r"<[^>]+>", "", message_html))


@dataclass
class Question:
    """One question of a set, with what its right answer shows."""

    id: str
    q: str
    covered: bool
    expect_all: list[str]
    expect_any: list[str]
    follow_up_of: str | None
    kind: str
    messages: list[str] = field(default_factory=list)

    def right(self) -> bool:
        """Whether the first two messages hold the expected fragments (or a « nothing found »)."""
        seen = fold(" ".join(self.messages[:2]))
        if not self.covered:  # said by the bot itself, above the first entry it lists
            first = self.messages[0] if self.messages else ""
            head = fold(re.split(r"^\s*(?:•|\d+\. «)", first, maxsplit=1, flags=re.M)[0])
            return any(marker in head for marker in NOT_FOUND)
        if not all(fold(part) in seen for part in self.expect_all):
            return False
        return not self.expect_any or any(fold(part) in seen for part in self.expect_any)


def load(paths: list[Path]) -> list[Question]:
    """Every question of the files, in file order."""
    questions: list[Question] = []
    for path in paths:
        data: dict[str, Any] = read_yaml(path.read_text(encoding="utf-8"))
        for item in data["questions"]:
            questions.append(
                Question(
                    id=str(item["id"]),
                    q=str(item["q"]),
                    covered=bool(item.get("covered", True)),
                    expect_all=[str(x) for x in item.get("expect_all") or []],
                    expect_any=[str(x) for x in item.get("expect_any") or []],
                    follow_up_of=item.get("follow_up_of"),
                    kind=str(item.get("type", "other")),
                )
            )
    return questions


def conversations(questions: list[Question]) -> list[list[Question]]:
    """Each question that follows no other starts a chat; its follow-ups come right after it."""
    by_id = {question.id: question for question in questions}
    chains: dict[str, list[Question]] = {}
    order: list[str] = []
    for question in questions:
        root = question
        while root.follow_up_of and root.follow_up_of in by_id:
            root = by_id[root.follow_up_of]
        if root.id not in chains:
            chains[root.id] = []
            order.append(root.id)
        chains[root.id].append(question)
    return [chains[root] for root in order]


def answer_all(
    questions: list[Question], today: date, content: Path | None = None, seeds: Path | None = None
) -> None:
    """Ask every chat through the console's conversation mode, in HTML, and keep the messages.

    The base is ``content`` / ``seeds`` when given, else the one the bot serves: content/ and
    seeds/ of the project, or BOT_CONTENT_DIR / BOT_SEEDS_DIR (never a path relative to the
    folder the command was started from)."""
    import bot.console as console
    from bot.paths import CONTENT_DIR, SEEDS_DIR
    from bot.startup import validated_index

    index = validated_index(content or CONTENT_DIR, seeds or SEEDS_DIR)
    between = "--- message suivant ---"
    if not hasattr(console, "conversation"):  # an earlier version: each question on its own
        for question in questions:
            answer = console.ask(index, question.q, as_html=True, today=today)
            question.messages = [visible(m) for m in answer.split(between)]
        return
    marker = re.compile(r"^===== question \d+ : .* =====$", re.M)
    for chat in conversations(questions):
        out = io.StringIO()
        console.conversation(index, [q.q.replace("\n", " ") for q in chat], out, True, today)
        answers = [part.strip() for part in marker.split(out.getvalue())[1:]]
        for question, answer in zip(chat, answers, strict=True):
            question.messages = [visible(m) for m in answer.split(between)]


def main() -> int:
    """Score the given files and print the figures (and each miss with --show)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--show", action="store_true", help="print every miss with its answer")
    parser.add_argument("--json", type=Path, help="write every question and answer there")
    parser.add_argument("--today", default="2026-12-06", help="the date the questions are asked")
    args = parser.parse_args()
    questions = load(args.files)
    answer_all(questions, date.fromisoformat(args.today))
    right = [q for q in questions if q.right()]
    print(f"{len(right)}/{len(questions)} right ({100 * len(right) / len(questions):.1f} %)")
    for label, subset in (
        ("covered", [q for q in questions if q.covered]),
        ("not covered", [q for q in questions if not q.covered]),
        ("follow-ups", [q for q in questions if q.follow_up_of]),
    ):
        ok = sum(q.right() for q in subset)
        print(f"  {label}: {ok}/{len(subset)}")
    if args.show:
        for question in questions:
            if not question.right():
                wanted = question.expect_all + [f"({x}?)" for x in question.expect_any]
                print(f"\n✗ {question.id} {question.q!r} → wants {wanted or 'nothing found'}")
                print("  " + " ⏎ ".join(question.messages[:2])[:900])
    if args.json:
        rows = [
            {"id": q.id, "q": q.q, "right": q.right(), "messages": q.messages} for q in questions
        ]
        args.json.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
