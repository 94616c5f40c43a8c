"""Command line: turns arguments into calls of the core and errors into French messages."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from bot.check import run_check
from bot.paths import CONTENT_DIR, SEEDS_DIR


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bot",
        description="Bot des partenariats de sécurité de l'Azerbaïdjan.",
    )
    parser.add_argument("--content", type=Path, default=CONTENT_DIR, help="dossier du contenu YAML")
    parser.add_argument(
        "--seeds", type=Path, default=SEEDS_DIR, help="dossier des articles sources"
    )
    commands = parser.add_subparsers(dest="command")
    check = commands.add_parser("check", help="valide le contenu et rapporte sa couverture")
    check.add_argument(
        "-v", "--verbose", action="store_true", help="montre aussi les phrases écartées"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the process exit status."""
    args = _parser().parse_args(argv)
    if args.command == "check":
        return run_check(args.content, args.seeds, sys.stdout, verbose=args.verbose)
    _parser().print_help()
    return 0
