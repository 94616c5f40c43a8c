"""Command line: turns arguments into calls of the core and errors into French messages."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from bot.check import run_check
from bot.content.errors import ContentError
from bot.engine.index import Index
from bot.paths import CONTENT_DIR, SEEDS_DIR
from bot.startup import ready_index


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
    check.add_argument("-v", "--verbose", action="store_true", help="montre les phrases écartées")
    check.add_argument(
        "--fidelity",
        action="store_true",
        help="rapport de relecture : chaque texte affiché à côté des citations qui l'appuient",
    )
    commands.add_parser("console", help="console interactive, mêmes commandes que Telegram")
    commands.add_parser("run", help="lance le bot Telegram (TELEGRAM_BOT_TOKEN requis)")
    ask = commands.add_parser("ask", help="une réponse, en texte (ou en HTML Telegram)")
    ask.add_argument("question", help='par exemple "/pays Turquie"')
    ask.add_argument("--html", action="store_true", help="affiche le HTML envoyé à Telegram")
    push = commands.add_parser("push", help="publie dans le canal (cron), avec la même file")
    push.add_argument(
        "request", nargs="+", help="timeline [filtre] | pays <nom> | accord <terme> | nouveautés"
    )
    push.add_argument(
        "--dry-run", action="store_true", help="affiche la publication sans l'envoyer"
    )
    return parser


def _index(args: argparse.Namespace) -> Index | None:
    try:
        index = ready_index(args.content, args.seeds)
    except ContentError as error:
        print(f"Impossible de charger la base de faits.\n{error}", file=sys.stderr)
        print("Lancez « python -m bot check » pour le détail.", file=sys.stderr)
        return None
    return index


def _run_telegram(args: argparse.Namespace) -> int:
    from bot.config import ConfigError, load_settings
    from bot.logs import setup_logging

    try:
        settings = load_settings()
    except ConfigError as error:
        print(f"Configuration invalide : {error}", file=sys.stderr)
        return 2
    setup_logging(settings.log_level, settings.secrets())
    index = _index(args)
    if index is None:
        return 1
    from bot.telegram.app import build_application, run

    run(build_application(settings, index, args.content, args.seeds), settings)
    return 0


def _run_push(args: argparse.Namespace) -> int:
    from datetime import date

    from bot.config import ConfigError, load_settings
    from bot.logs import setup_logging
    from bot.push.compose import NothingToPostError, compose
    from bot.push.outbox import Outbox
    from bot.render.html import render_html
    from bot.render.text import render_text

    try:
        settings = load_settings(require_token=not args.dry_run)
    except ConfigError as error:
        print(f"Configuration invalide : {error}", file=sys.stderr)
        return 2
    setup_logging(settings.log_level if not args.dry_run else "WARNING", settings.secrets())
    index = _index(args)
    if index is None:
        return 1
    request = " ".join(args.request)
    exists = settings.state_path.exists()
    outbox = Outbox(settings.state_path) if exists or not args.dry_run else None
    announced = outbox.announced() if outbox is not None else set()
    try:
        post = compose(index, request, date.today(), announced)
    except NothingToPostError as reason:
        print(f"Rien à publier : {reason}.", file=sys.stderr)
        return 1
    if args.dry_run:
        print(render_text(post.reply))
        count = len(render_html(post.reply))
        print(f"\n(aperçu : {count} message(s) Telegram, rien n'a été envoyé)")
        return 0
    if settings.channel_id is None:
        print("TELEGRAM_CHANNEL_ID n'est pas défini : pas de canal où publier.", file=sys.stderr)
        return 2
    assert outbox is not None
    import asyncio
    import uuid

    from bot.push.outbox import post_key
    from bot.telegram.push_bot import publish_once

    key = post_key("push", request, uuid.uuid4().hex)
    outcome = asyncio.run(publish_once(settings, outbox, post, key))
    outbox.close()
    if outcome.sent:
        print(f"Publié ({len(outcome.message_ids)} message(s)).")
        return 0
    print(f"Enregistré, pas encore envoyé : {outcome.error}. Sera retenté.", file=sys.stderr)
    return 1


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the process exit status."""
    args = _parser().parse_args(argv)
    command = args.command
    if command == "check":
        return run_check(
            args.content, args.seeds, sys.stdout, verbose=args.verbose, fidelity=args.fidelity
        )
    if command == "run" or (command is None and os.environ.get("TELEGRAM_BOT_TOKEN")):
        return _run_telegram(args)
    if command == "push":
        return _run_push(args)
    index = _index(args)
    if index is None:
        return 1
    if command == "ask":
        from bot.console import ask as ask_once

        print(ask_once(index, args.question, as_html=args.html))
        return 0
    from bot.console import run_console

    return run_console(index, input, sys.stdout)
