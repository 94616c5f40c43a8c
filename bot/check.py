"""``python -m bot check``: validate the content and report how well it covers the seeds."""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from bot.answer_checks import answer_issues
from bot.content.coverage import SeedCoverage, seed_coverage
from bot.content.errors import ContentError
from bot.content.fidelity import write_report
from bot.content.loader import load_factbase
from bot.content.reserved import clash, clash_message
from bot.content.support import check_support
from bot.text import count as plural


def _excerpt(text: str, limit: int = 160) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _report_seed(seed: SeedCoverage, verbose: bool, out: TextIO) -> None:
    uncovered = seed.uncovered
    mark = "✓" if not uncovered else "✗"
    print(
        f"  {mark} seeds/{seed.seed} ({seed.source_id}) : {len(seed.statuses)} phrases — "
        f"{seed.covered} reprises, {len(seed.skipped)} écartées, {len(uncovered)} non traitées",
        file=out,
    )
    for status in uncovered:
        print(f"      NON TRAITÉE : « {_excerpt(status.sentence.text)} »", file=out)
        if status.missing:
            missing = ", ".join(f"{signal.kind} « {signal.text} »" for signal in status.missing)
            print(f"        sans citation pour : {missing}", file=out)
        else:
            print(f"        citée à {status.share:.0%} seulement", file=out)
    if verbose:
        for status in seed.skipped:
            assert status.skip is not None
            print(f"      écartée : « {_excerpt(status.sentence.text, 80)} »", file=out)
            print(f"        raison : {status.skip.reason}", file=out)
    for skip in seed.unused_skips:
        print(
            f"      avertissement : l'écart « {_excerpt(skip.sentence, 60)} » ne sert plus "
            "(la phrase est couverte ou sans fait) ; le retirer de coverage_skips",
            file=out,
        )


def run_check(
    content_dir: Path,
    seeds_dir: Path,
    out: TextIO,
    verbose: bool = False,
    fidelity: bool = False,
) -> int:
    """Validate, check support, print counts and coverage; return the exit status."""
    try:
        base = load_factbase(content_dir, seeds_dir)
    except ContentError as error:
        print(f"✗ Contenu invalide — {plural(len(error.issues), 'erreur')} :", file=out)
        for issue in error.issues:
            print(f"  - {issue}", file=out)
        return 1
    taken = [
        clash_message(source.id, where)
        for source in base.sources.values()
        if (where := clash(source.id, source.seed)) is not None
    ]
    if taken:
        print(f"✗ {plural(len(taken), 'source')} sous un identifiant déjà pris :", file=out)
        for line in taken:
            print(f"  - {line}", file=out)
        return 1
    unsupported = check_support(base)
    if fidelity:
        write_report(base, unsupported, out)
        return 1 if unsupported else 0
    if unsupported:
        print(
            f"✗ {plural(len(unsupported), 'texte affiché', 'textes affichés')} sans appui dans les "
            "citations montrées :",
            file=out,
        )
        for issue in unsupported:
            print(f"  - {issue}", file=out)
        return 1
    shown = answer_issues(base)
    if shown:
        print(
            f"✗ {plural(len(shown), 'réponse affichée', 'réponses affichées')} à corriger "
            "(texte raccourci sans sa modalité, ou période sans la note de recoupement) :",
            file=out,
        )
        for line in shown:
            print(f"  - {line}", file=out)
        return 1
    print("✓ Contenu valide ; chaque texte affiché est appuyé par ses citations.", file=out)
    print(
        "✓ Textes raccourcis avec leur modalité ; réponses par période avec la note de "
        "recoupement.",
        file=out,
    )
    for kind, count in base.counts().items():
        print(f"  {kind:<18} {count:>4}", file=out)
    print("Couverture des articles :", file=out)
    report = seed_coverage(base)
    for seed in report:
        _report_seed(seed, verbose, out)
    missing = sum(len(seed.uncovered) for seed in report)
    if missing:
        print(
            f"✗ {plural(missing, 'phrase non traitée', 'phrases non traitées')} : la reprendre "
            "dans une entrée (citation et texte affiché), ou l'écarter dans coverage_skips "
            "avec une raison.",
            file=out,
        )
        return 1
    print("✓ Chaque phrase des articles est reprise ou écartée avec une raison.", file=out)
    return 0
