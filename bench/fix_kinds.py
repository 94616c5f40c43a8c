"""Count the kinds of fix curators made to the draft (issue 23: what generalises).

    .tools/bin/uv run python bench/fix_kinds.py [--now] [RAW.yaml …]

Each newcomer kept the raw draft the tool gave them (/work/newcomer*/out/*.yaml) and the
entries they kept after review (bench/<set>/content). For every raw draft whose seed is one
of a reviewed set's articles, each candidate is compared with the curated units as
bench/score_draft.py does, and every difference is counted as the fix it asked for:
- juste: kept as drafted;
- supprimer: the candidate touches no unit (invented);
- scinder: it touches several units;
- regrouper: a unit's key quote sits in another candidate (merge two candidates);
- date, acteurs + (a party missing), acteurs − (one too many), acte/genre (act, type or section);
- ajouter: a unit no candidate touches (a missed fact).
With --now the current tool drafts the same articles instead of the raw drafts (the figures
after the fixes the sets taught it).
"""

from __future__ import annotations

import argparse
import glob
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.score_draft import SECTIONS, SETS, Unit, _touched, curated, judge  # noqa: E402
from bot.content.yamlread import read_yaml  # noqa: E402

KINDS = (
    "candidats",
    "juste",
    "supprimer",
    "scinder",
    "regrouper",
    "date",
    "acteurs +",
    "acteurs −",
    "acte/genre",
    "ajouter",
)


def _fixes(entry: dict[str, Any], section: str, unit: Unit) -> list[str]:
    """The fixes one candidate touching one unit asked for."""
    wrong = judge(entry, section, unit)
    kinds: list[str] = []
    actors = frozenset(entry.get("actors") or entry.get("parties") or [])
    for item in wrong:
        if item.startswith(("genre", "acte/type", "pas relié")):
            kinds.append("acte/genre")
        elif item.startswith("date"):
            kinds.append("date")
        elif item.startswith("acteurs"):
            if unit.actors - actors:
                kinds.append("acteurs +")
            if actors - unit.actors:
                kinds.append("acteurs −")
        elif "regrouper" in item:
            kinds.append("regrouper")
    return sorted(set(kinds))


def count(data: dict[str, Any], units: list[Unit]) -> Counter[str]:
    """The fixes one draft asked for against its article's reviewed units."""
    found: Counter[str] = Counter()
    for unit in units:
        unit.touched_by = []
    dateline = ((data["sources"][0].get("draft") or {}).get("dateline") or {}).get("read_from")
    for section in SECTIONS:
        for entry in data.get(section) or []:
            entry.setdefault("draft", {})
            found["candidats"] += 1
            touched = _touched(entry, section, units, dateline)
            for unit in touched:
                unit.touched_by.append(entry["id"])
            if not touched:
                found["supprimer"] += 1
            elif len(touched) > 1:
                found["scinder"] += 1
            else:
                fixes = _fixes(entry, section, touched[0])
                found.update(fixes or ["juste"])
    found["ajouter"] += sum(not unit.touched_by for unit in units)
    return found


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--now", action="store_true", help="le brouillon de l'outil actuel")
    parser.add_argument("raw", nargs="*", help="brouillons bruts (défaut : /work/newcomer*/out)")
    args = parser.parse_args()
    seeds: dict[str, tuple[str, list[Unit]]] = {}
    for name, root in SETS.items():
        units, _ = curated(root)
        for seed, mine in units.items():
            seeds[seed] = (name, mine)
    per_set: dict[str, Counter[str]] = {}
    done: set[str] = set()
    if args.now:
        from bot.content.loader import load_factbase
        from bot.draft.build import draft_article, draft_data
        from bot.draft.links import Linker
        from bot.paths import CONTENT_DIR, SEEDS_DIR

        base = load_factbase(CONTENT_DIR, SEEDS_DIR)
        linker = Linker(base)
        for name, root in SETS.items():
            units, _ = curated(root)
            for path in sorted((root / "articles").glob("*.txt")):
                draft = draft_article(
                    path.read_text(encoding="utf-8"), path.name, base, linker=linker
                )
                data = draft_data(draft, str(path))
                per_set.setdefault(name, Counter()).update(count(data, units.get(path.name, [])))
    else:
        paths = args.raw or sorted(glob.glob("/work/newcomer*/out/*.yaml"))
        for raw in paths:
            try:
                data = read_yaml(Path(raw).read_text(encoding="utf-8")) or {}
            except Exception:
                continue
            sources = data.get("sources") if isinstance(data, dict) else None
            if not sources:
                continue
            seed = sources[0].get("seed")
            if seed not in seeds or seed in done:  # the first draft of an article only
                continue
            done.add(seed)
            name, first = seeds[seed]
            per_set.setdefault(name, Counter()).update(count(data, first))
    print("| jeu | " + " | ".join(KINDS) + " |")
    print("|---" * (len(KINDS) + 1) + "|")
    total: Counter[str] = Counter()
    for name in SETS:
        if name in per_set:
            total.update(per_set[name])
            print(f"| {name} | " + " | ".join(str(per_set[name][k]) for k in KINDS) + " |")
    print("| **total** | " + " | ".join(str(total[k]) for k in KINDS) + " |")


if __name__ == "__main__":
    main()
