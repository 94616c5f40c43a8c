"""The growth test: the shipped base plus the articles of tests/growth/, curated by following
the README, must pass ``check``, the whole test suite and the question development set.

    python -m tests.growth            # check + the whole suite + the questions on the grown copy
    python -m tests.growth --keep D   # the same, building the copy in folder D (kept afterwards)
    python -m tests.growth --no-suite # check and the questions only (quick, while curating)

Steps: copy content/ and seeds/ to a temporary folder; add, set after set (tests/growth,
then tests/growth/newcomer3 … newcomer6, newcomer15 … newcomer22, newcomer25), its
content/*.yaml (the curated entries, files of their own) and its articles/*.txt as seeds (the
leading « # » source lines removed, as the README says); run ``python -m bot check`` on the
copy; run pytest with BOT_CONTENT_DIR / BOT_SEEDS_DIR pointing at the copy; read every question of
tests/questions.yaml on the shipped base and on the copy, and list those whose reading changed.
Exit status 0 only if everything passed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent.parent
GROWTH = Path(__file__).resolve().parent
SETS = (
    GROWTH,
    GROWTH / "newcomer3",
    GROWTH / "newcomer4",
    GROWTH / "newcomer5",
    GROWTH / "newcomer6",
    GROWTH / "newcomer15",
    GROWTH / "newcomer16",
    GROWTH / "newcomer17",
    GROWTH / "newcomer18",
    GROWTH / "newcomer19",
    GROWTH / "newcomer20",
    GROWTH / "newcomer21",
    GROWTH / "newcomer22",
    GROWTH / "newcomer25",
)
"""The growth sets, added to the copy one after the other as the base grows: each holds
``articles/`` (the articles with their « # » source lines), ``content/`` (the curated entries,
files of their own) and, optionally, ``evidence.yaml`` (quotes added to entries already in
the base). The first set is tests/growth itself (five articles); the second, newcomer3, the
three articles a third newcomer curated from the README alone; the third, newcomer4, the three
a fourth newcomer curated (AZERTAC, insider-news.press, radio-plus.be), reviewed after; the
fourth, newcomer5, the three a fifth newcomer curated (RIA Novosti 2009, The Times of Israël,
Yourtopia 2020), reviewed after; the fifth, newcomer6, the three a sixth newcomer curated
(AZERTAC 2018, Le Journal de l'Aviation, armenianclub.com 2010), reviewed after; the sixth,
newcomer15, the three the fifteenth newcomer curated (AZERTAC 2019, Press TV 2024, Armenews/AFP
2020), with one quote added to an entry already in the base (its evidence.yaml); the seventh,
newcomer16, the three the sixteenth newcomer curated (AZERTAC 2024, TASS via fr.news-pravda.com
2024, IsraelValley/Radio J 2023); the eighth, newcomer17, the three the seventeenth newcomer
curated (AZERTAC 2022, ccn-media.com ADEX-2024, La Gazette 2025), with two country cards (the
Pakistan card left out, the first set has one); the ninth, newcomer18, the three the eighteenth
newcomer curated (AZERTAC 2019, LaPresse 2023, armenews.com 2021), without the sentences they
added to the roles of the Turkey card and of the EU (the format adds no role text); the tenth,
newcomer19, the three the nineteenth newcomer curated (AZERTAC 2020, NSPA 2014, AA 2021), with
the outlets they corrected by hand in the YAML as « # Média » lines and the Serbia card (their
Pakistan card left out, the first set has one); the eleventh, newcomer20, the three the
twentieth newcomer curated (AZERTAC 2025, i24NEWS 2023, Nor Haratch), with their Italy card and
the outlet they corrected by hand in the YAML as a « # Média » line, without the sentences they
added to the roles of the Israel and Kazakhstan cards (the format adds no role text); the
twelfth, newcomer21, the three the twenty-first newcomer curated (AZERTAC 2022, RFI via Yahoo
2024, Sputnik Afrique 2021), with the dates they gave as « # Date » lines and the three Sputnik
quotes they added to two RFI entries of the same set (its evidence.yaml, added to a file written
in yaml.safe_dump's list style); the thirteenth, newcomer22, the three the twenty-second newcomer
curated (AZERTAC 2020, Bénin Web TV, News-Front 2020), with the month and outlet they gave as
« # Date » / « # Média » lines, the AZERTAC source id they renamed (it collided with
newcomer4's) and the Myanmar card (their Pakistan card left out, the first set has one); the
fourteenth, newcomer25, the three the twenty-fifth newcomer curated (AZERTAC 2020 with a
page-store « date 2020-09 » stamp before its dateline, Yeni Şafak 2025, Azvision 2020), with
the outlet they wrote by hand in the YAML as a « # Média » line, their Somalia card and the
sets' first organisations (CEI, Milli Madjlis), without the two actors their text replacement
added by mistake to existing entries (« actors: [AZ] » matched the first such line of
events.yaml)."""
QUESTIONS = ROOT / "tests" / "questions.yaml"
TODAY = date(2026, 11, 23)  # the reference day of tests/test_questions.py


def seed_text(article: Path) -> str:
    """The article as the seed holds it: without the curator's leading « # » lines."""
    lines = article.read_text(encoding="utf-8").splitlines(keepends=True)
    while lines and (lines[0].startswith("#") or not lines[0].strip()):
        lines.pop(0)
    return "".join(lines)


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def add_evidence(content: Path, entry_id: str, evidence: list[dict[str, object]]) -> None:
    """Append ``evidence`` items at the end of the evidence list of entry ``entry_id``, in
    whichever content/*.yaml file holds it, leaving every other line of the file as it is."""
    for path in sorted(content.glob("*.yaml")):
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        starts = [i for i, line in enumerate(lines) if line.strip() in (f"- id: {entry_id}",)]
        if not starts:
            continue
        start = starts[0]
        indent = len(lines[start]) - len(lines[start].lstrip()) + 2  # the entry's keys
        end = next(
            (
                i
                for i in range(start + 1, len(lines))
                if lines[i].strip() and len(lines[i]) - len(lines[i].lstrip()) < indent
            ),
            len(lines),
        )
        key = next(i for i in range(start, end) if lines[i].startswith(" " * indent + "evidence:"))
        # the items under « evidence: » are indented (the base's style) or written at its own
        # indent (yaml.safe_dump's style, a growth file of the same set): the list ends at the
        # first line less indented than its items, or as indented but not a new item
        first = next(i for i in range(key + 1, end) if lines[i].strip())
        item = len(lines[first]) - len(lines[first].lstrip())
        last = next(
            (
                i
                for i in range(key + 1, end)
                if lines[i].strip()
                and (
                    len(lines[i]) - len(lines[i].lstrip()) < item
                    or (
                        len(lines[i]) - len(lines[i].lstrip()) == item
                        and not lines[i].lstrip().startswith("- ")
                    )
                )
            ),
            end,
        )
        while last > key + 1 and not lines[last - 1].strip():
            last -= 1
        pad = " " * item
        new = []
        for item in evidence:
            new.append(f"{pad}- source: {item['source']}\n")
            if item.get("key"):
                new.append(f"{pad}  key: true\n")
            new.append(f"{pad}  quote: {_quoted(str(item['quote']))}\n")
        path.write_text("".join(lines[:last] + new + lines[last:]), encoding="utf-8")
        return
    raise SystemExit(
        f"tests/growth/evidence.yaml : entrée « {entry_id} » introuvable dans content/"
    )


def _drop_known_countries(content: Path, added: Path) -> None:
    """Country cards of ``added`` that another file of ``content`` already has are left out:
    once a curator ships Pakistan's card, the growth set's own card for it must not turn the
    growth test red (« pays défini deux fois »)."""
    data = yaml.safe_load(added.read_text(encoding="utf-8")) or {}
    cards = data.get("countries") or []
    if not cards:
        return
    known: set[str] = set()
    for path in content.glob("*.yaml"):
        if path != added:
            other = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
            known |= {str(card.get("code")) for card in other.get("countries") or []}
    kept = [card for card in cards if str(card.get("code")) not in known]
    if len(kept) == len(cards):
        return
    if kept:
        data["countries"] = kept
    else:
        data.pop("countries")
    added.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def build_copy(folder: Path) -> tuple[Path, Path]:
    """content/ and seeds/ of the shipped base plus the growth overlay, in ``folder``."""
    content, seeds = folder / "content", folder / "seeds"
    shutil.copytree(ROOT / "content", content, ignore=shutil.ignore_patterns("drafts"))
    shutil.copytree(ROOT / "seeds", seeds)
    for growth_set in SETS:
        for path in sorted((growth_set / "content").glob("*.yaml")):
            target = content / path.name
            if target.exists():
                raise SystemExit(f"{path.name} existe déjà dans content/ : renommer le fichier")
            shutil.copy(path, target)
            _drop_known_countries(content, target)
        extra = growth_set / "evidence.yaml"
        additions = yaml.safe_load(extra.read_text(encoding="utf-8")) if extra.exists() else {}
        for addition in (additions or {}).get("additions", []):
            add_evidence(content, addition["entry"], addition["evidence"])
        for article in sorted((growth_set / "articles").glob("*.txt")):
            target = seeds / article.name
            if target.exists():
                raise SystemExit(f"seeds/{article.name} existe déjà : renommer l'article")
            target.write_text(seed_text(article), encoding="utf-8")
    return content, seeds


def growth_articles() -> list[Path]:
    """Every article of every growth set."""
    return sorted(path for growth_set in SETS for path in (growth_set / "articles").glob("*.txt"))


def readings(content: Path, seeds: Path) -> dict[str, str | None]:
    """How each question of the development set is read on the base in these folders."""
    from bot.content.loader import load_factbase
    from bot.engine.index import Index
    from bot.engine.questions import understand

    index = Index(load_factbase(content, seeds))
    items = yaml.safe_load(QUESTIONS.read_text(encoding="utf-8"))["questions"]
    found: dict[str, str | None] = {}
    for item in items:
        reading = understand(index, item["q"], TODAY)
        found[item["q"]] = reading.data if reading else None
    return found


def changed_readings(content: Path, seeds: Path) -> list[tuple[str, str | None, str | None]]:
    """(question, reading on the shipped base, reading on the grown copy) where they differ."""
    before = readings(ROOT / "content", ROOT / "seeds")
    after = readings(content, seeds)
    return [(q, before[q], after[q]) for q in before if before[q] != after[q]]


def show_answers(content: Path, seeds: Path, full: bool) -> None:
    """What users would see change: the answers of tests/golden/answers.txt on the copy."""
    from tests.golden import GOLDEN, changed_answers, diff, render_all

    expected = GOLDEN.read_text(encoding="utf-8")
    actual = render_all(content, seeds)
    changed = changed_answers(expected, actual)
    print(f"== réponses de référence qui changent (tests/golden/answers.txt) : {len(changed)}")
    for asked in changed:
        print(f"  {asked}")
    if full and changed:
        print(diff(expected, actual, limit=100_000))
    elif changed:
        print("  (le diff complet : python -m tests.growth --no-suite --diff)", flush=True)


DEV_SETS = tuple(sorted(path.name for path in (ROOT / "tests").glob("questions_dev*.yaml")))
"""The outside development sets of tests/test_questions_dev_floors.py."""
ASKED_ON = date(2026, 12, 6)  # the day those sets are asked on


def dev_changes(content: Path, seeds: Path) -> dict[str, tuple[list[str], list[str]]]:
    """Per development set: the questions right on the shipped base and wrong on the copy,
    and those wrong on the shipped base and right on the copy (the scorer's own reading)."""
    from bench.score_questions import answer_all, load

    found: dict[str, tuple[list[str], list[str]]] = {}
    for name in DEV_SETS:
        right: list[set[str]] = []
        for folders in ((ROOT / "content", ROOT / "seeds"), (content, seeds)):
            questions = load([ROOT / "tests" / name])
            answer_all(questions, ASKED_ON, *folders)
            right.append({q.id for q in questions if q.right()})
        found[name] = (sorted(right[0] - right[1]), sorted(right[1] - right[0]))
    return found


def show_dev_changes(content: Path, seeds: Path) -> None:
    """The development questions whose answer turns right or wrong on the copy: listed for
    review (a new, better answer is the base growing; a word-only match drowning the right
    one is a ranking bug to fix)."""
    print("== questions de développement dont la réponse change (tests/questions_dev*.yaml)")
    for name, (lost, gained) in dev_changes(content, seeds).items():
        lost_text, gained_text = ", ".join(lost) or "—", ", ".join(gained) or "—"
        print(f"  {name} : fausses sur la copie {lost_text} ; justes sur la copie {gained_text}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.growth", description=__doc__)
    parser.add_argument("--keep", type=Path, help="dossier où construire la copie (gardé)")
    parser.add_argument("--no-suite", action="store_true", help="sans la suite de tests")
    parser.add_argument(
        "--diff", action="store_true", help="affiche le diff complet des réponses de référence"
    )
    parser.add_argument("pytest_args", nargs="*", help="arguments passés à pytest")
    args = parser.parse_args(argv)
    if args.keep:
        folder = args.keep.resolve()
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir(parents=True)
    else:
        folder = Path(tempfile.mkdtemp(prefix="azsec-growth-"))
    try:
        content, seeds = build_copy(folder)
        added = len(growth_articles())
        print(f"== copie de la base avec {added} articles de plus : {folder}", flush=True)
        env = {**os.environ, "BOT_CONTENT_DIR": str(content), "BOT_SEEDS_DIR": str(seeds)}
        status = 0
        print("== python -m bot check (copie)", flush=True)
        if subprocess.run([sys.executable, "-m", "bot", "check"], cwd=ROOT, env=env).returncode:
            status = 1
        print("== questions dont la lecture change (tests/questions.yaml)", flush=True)
        if status == 0:
            changes = changed_readings(content, seeds)
            for question, before, after in changes:
                print(f"  « {question} » : {before} → {after}")
            print(f"  {len(changes)} question(s) lue(s) autrement", flush=True)
        else:
            print("  (non calculé : la copie ne passe pas check)", flush=True)
        if status == 0:
            show_answers(content, seeds, full=args.diff)
            show_dev_changes(content, seeds)
        if not args.no_suite:
            print("== toute la suite de tests, le bot lisant la copie", flush=True)
            command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"]
            if subprocess.run([*command, *args.pytest_args], cwd=ROOT, env=env).returncode:
                status = 1
        print("== croissance : " + ("ÉCHEC" if status else "réussie"), flush=True)
        return status
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
