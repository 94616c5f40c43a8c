"""The golden file of rendered answers: what users see, for a fixed list of commands and
questions, rendered as the console shows them from the shipped base (content/, seeds/).

    python -m tests.golden --write     # regenerate tests/golden/answers.txt after a change
    python -m tests.golden             # show the diff between the file and today's answers
    python -m tests.golden --content D --seeds S   # the same for another base (a copy)

tests/test_golden.py fails with the diff when the answers change; adding an article, or a
change to the code that shapes answers, is then reviewed as that diff and committed with the
regenerated file.
"""

from __future__ import annotations

import argparse
import difflib
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "golden" / "answers.txt"
REGENERATE = ".tools/bin/uv run python -m tests.golden --write"
TODAY = date(2026, 11, 23)
"""The reference day of relative questions (the same as tests/test_questions.py)."""

ASKED: tuple[str, ...] = (
    "/start",
    "/sources",
    "/pays",
    "/pays Turquie",
    "/pays Royaume-Uni",
    "/pays États-Unis",
    "/pays Arménie",
    "/pays Russie",
    "/pays Iran",
    "/pays Israël",
    "/pays Grèce",
    "/pays Pakistan",
    "/org",
    "/org OTAN",
    "/org OTS",
    "/accord",
    "/accord Royaume-Uni",
    "/accord 2025",
    "/accord signés",
    "/accord paix",
    "/timeline",
    "/timeline récent",
    "/timeline 2025",
    "/timeline Turquie",
    "/timeline exercices",
    "/timeline novembre 2025",
    "/cherche drones",
    "/cherche pétrole Lukoil",
    "qu'a signé le Royaume-Uni ?",
    "qu'est-ce qui lie Bakou et Ankara ?",
    "que s'est-il passé en 2025 ?",
    "c'est quoi l'OTS",
    "turquie otan",
    "accords 2025",
    "la semaine dernière",
    "drones",
    "exercices militaires",
    "armenie turquie",
    "recette de la tarte aux pommes",
)
"""Commands and questions whose answers the golden file keeps (pictures are left out: their
captions are checked by the picture tests, their pixels are not text)."""

HEADER = (
    "# Réponses rendues de la base livrée, telles que la console les affiche "
    f"(questions lues au {TODAY.isoformat()}).\n"
    f"# Fichier produit par `{REGENERATE}` : ne pas l'éditer à la main.\n"
)


def render_all(content: Path | None = None, seeds: Path | None = None) -> str:
    """Every answer of ASKED, rendered, one section each, from the base in these folders."""
    from bot.content.loader import load_factbase
    from bot.engine.index import Index
    from bot.engine.questions import respond
    from bot.render.text import render_text

    index = Index(load_factbase(content or ROOT / "content", seeds or ROOT / "seeds"))
    parts = [HEADER]
    for asked in ASKED:
        text = render_text(respond(index, asked, TODAY))
        parts.append(f"\n======== {asked}\n{text}\n")
    return "".join(parts)


def diff(expected: str, actual: str, limit: int = 200) -> str:
    """A unified diff of the golden file and today's answers, cut to ``limit`` lines."""
    lines = list(
        difflib.unified_diff(
            expected.splitlines(),
            actual.splitlines(),
            "tests/golden/answers.txt",
            "réponses d'aujourd'hui",
            lineterm="",
            n=2,
        )
    )
    more = f"\n… et {len(lines) - limit} lignes de plus" if len(lines) > limit else ""
    return "\n".join(lines[:limit]) + more


def changed_answers(expected: str, actual: str) -> list[str]:
    """The commands and questions whose answer differs between the two renderings."""

    def sections(text: str) -> dict[str, str]:
        found: dict[str, str] = {}
        for part in text.split("\n======== ")[1:]:
            asked, _, body = part.partition("\n")
            found[asked] = body
        return found

    before, after = sections(expected), sections(actual)
    return [asked for asked in after if before.get(asked) != after[asked]]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.golden", description=__doc__)
    parser.add_argument("--write", action="store_true", help="réécrit tests/golden/answers.txt")
    parser.add_argument("--content", type=Path, help="dossier du contenu (défaut : content/)")
    parser.add_argument("--seeds", type=Path, help="dossier des articles (défaut : seeds/)")
    args = parser.parse_args(argv)
    actual = render_all(args.content, args.seeds)
    if args.write:
        GOLDEN.parent.mkdir(parents=True, exist_ok=True)
        GOLDEN.write_text(actual, encoding="utf-8")
        print(f"{GOLDEN.relative_to(ROOT)} réécrit ({len(ASKED)} réponses) : relire `git diff`.")
        return 0
    expected = GOLDEN.read_text(encoding="utf-8") if GOLDEN.exists() else ""
    if expected == actual:
        print(f"Les {len(ASKED)} réponses sont celles de {GOLDEN.relative_to(ROOT)}.")
        return 0
    changed = changed_answers(expected, actual)
    print(f"{len(changed)} réponse(s) changent : " + ", ".join(changed))
    print(diff(expected, actual, limit=10_000))
    return 1


if __name__ == "__main__":
    sys.exit(main())
