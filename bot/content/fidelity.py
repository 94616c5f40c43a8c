"""The reviewer's report: each displayed string that is not a quote, beside the quotes it rests on.

One pass over it lets a person who did not write the entries read the whole base against the
articles: each entry, each string the bot shows for it, the quotes shown with that string,
and any problem the support check found.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TextIO

from bot.content.errors import ContentIssue
from bot.content.model import FactBase
from bot.content.support import Shown, displayed
from bot.text import count


def _quote_line(base: FactBase, source_id: str, quote: str) -> str:
    source = base.sources[source_id]
    return f"      « {quote} » — {source.label}"


def write_report(base: FactBase, issues: list[ContentIssue], out: TextIO) -> None:
    """Print every displayed string grouped by file and entry, with its quotes and problems."""
    by_entry: dict[tuple[str, str], list[Shown]] = defaultdict(list)
    for shown in displayed(base):
        by_entry[(shown.file, shown.entry)].append(shown)
    problems: dict[tuple[str | None, str | None], list[ContentIssue]] = defaultdict(list)
    for issue in issues:
        problems[(issue.entry, issue.field)].append(issue)
    claims = {entry.id: entry for entry in base.entries()}
    print("Rapport de fidélité : chaque texte affiché qui n'est pas une citation,", file=out)
    print("suivi des citations affichées avec lui.", file=out)
    for (file, entry_id), strings in sorted(by_entry.items()):
        print(f"\n■ {file} › {entry_id}", file=out)
        entry = claims.get(entry_id)
        if entry is not None:
            detail = f"temps : {entry.tense}"
            if entry.hedge:
                detail += f" ; attribution : {entry.hedge}"
            basis = getattr(entry, "date_basis", None)
            if basis and getattr(entry, "date", None) is not None:
                detail += f" ; date : {basis}"
            print(f"  ({detail} ; thèmes : {', '.join(entry.topics) or 'aucun'})", file=out)
        for shown in strings:
            print(f"  {shown.field} : {shown.text}", file=out)
            for evidence in shown.quotes:
                print(_quote_line(base, evidence.source, evidence.quote), file=out)
            if shown.anchors:
                print(f"      + ancre : {' ; '.join(shown.anchors)}", file=out)
            for issue in problems.pop((entry_id, shown.field), []):
                print(f"    ✗ {issue.message}", file=out)
        for (issue_entry, _field), found in list(problems.items()):
            if issue_entry == entry_id:
                for issue in found:
                    print(f"    ✗ {issue.field} : {issue.message}", file=out)
                del problems[(issue_entry, _field)]
    for found in problems.values():
        for issue in found:
            print(f"✗ {issue}", file=out)
    verdict = (
        "✓ Aucun problème de support." if not issues else f"✗ {count(len(issues), 'problème')}."
    )
    print(f"\n{verdict}", file=out)
