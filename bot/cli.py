"""Command line: turns arguments into calls of the core and errors into French messages."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from bot.content.errors import ContentError
from bot.engine.index import Index
from bot.paths import CONTENT_DIR, SEEDS_DIR
from bot.startup import answered, ready_index
from bot.text import count as plural

if TYPE_CHECKING:
    from bot.config import Settings
    from bot.push.compose import Post
    from bot.push.outbox import Outbox


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
    check.add_argument(
        "--drafts",
        nargs="?",
        const="",
        metavar="DOSSIER",
        help="valide les brouillons (content/drafts/ par défaut) sans les charger dans la base",
    )
    draft = commands.add_parser("draft", help="brouillon d'entrées à partir d'un nouvel article")
    draft.add_argument("article", type=Path, nargs="?", help="l'article, en texte UTF-8 (.txt)")
    draft.add_argument(
        "--promote",
        type=Path,
        metavar="BROUILLON",
        help="déplace un brouillon relu dans content/ (et son article dans seeds/) si la base "
        "avec lui passe `check` ; sinon n'écrit rien",
    )
    draft.add_argument(
        "--out", type=Path, help="dossier où écrire le brouillon (défaut : content/drafts/)"
    )
    draft.add_argument("--url", help="adresse de l'article, quand le texte ne la donne pas")
    draft.add_argument(
        "--date",
        help="date de publication (2025-10-23 ou « 23 octobre 2025 », ou un mois, 2025-10, "
        "quand la ligne d'agence donne le jour) quand le texte ne la donne pas ; les dates "
        "qui en dépendent sont marquées déduites",
    )
    draft.add_argument("--outlet", help="nom du média, quand le texte ne le donne pas")
    commands.add_parser("console", help="console interactive, mêmes commandes que Telegram")
    commands.add_parser("run", help="lance le bot Telegram (TELEGRAM_BOT_TOKEN requis)")
    ask = commands.add_parser("ask", help="une réponse, en texte (ou en HTML Telegram)")
    ask.add_argument("question", nargs="?", help='par exemple "/pays Turquie"')
    ask.add_argument(
        "--conversation",
        action="store_true",
        help="lit une question par ligne sur l'entrée standard, posées par une même personne "
        "dans une même conversation (« et en 2025 ? » continue la précédente)",
    )
    ask.add_argument("--html", action="store_true", help="affiche le HTML envoyé à Telegram")
    image = commands.add_parser("image", help="écrit la carte ou la frise en PNG")
    image.add_argument("kind", choices=("carte", "frise"), help="carte ou frise")
    image.add_argument("filter", nargs="*", help="filtre facultatif : 2025, Turquie, énergie…")
    image.add_argument("-o", "--output", type=Path, help="fichier PNG à écrire")
    image.add_argument(
        "--page", type=int, default=1, help="page de la frise (1 : les plus récentes)"
    )
    push = commands.add_parser("push", help="publie dans le canal (cron), avec la même file")
    push.add_argument(
        "request", nargs="*", help="timeline [filtre] | pays <nom> | accord <terme> | nouveautés"
    )
    push.add_argument(
        "--dry-run", action="store_true", help="affiche la publication sans l'envoyer"
    )
    push.add_argument(
        "--status", action="store_true", help="la file d'envoi : en attente, incertain, en échec"
    )
    push.add_argument("--retry", type=int, metavar="N", help="republie la publication n° N")
    push.add_argument("--drop", type=int, metavar="N", help="abandonne la publication n° N")
    state = commands.add_parser("state", help="l'état du bot (file d'envoi, abonnements)")
    state_commands = state.add_subparsers(dest="state_command")
    move = state_commands.add_parser(
        "migrate", help="copie le fichier d'état SQLite dans PostgreSQL (deux fois sans risque)"
    )
    move.add_argument("--to", required=True, metavar="URL", help="postgres://… (DATABASE_URL)")
    move.add_argument(
        "--from",
        dest="source",
        type=Path,
        metavar="FICHIER",
        help="le fichier d'état (défaut : BOT_STATE_PATH ou data/etat.sqlite3)",
    )
    return parser


def _index(args: argparse.Namespace, *, after_answer: bool = False) -> Index | None:
    try:
        index = ready_index(args.content, args.seeds, serve_first=True, after_answer=after_answer)
    except ContentError as error:
        print(f"Impossible de charger la base de faits.\n{error}", file=sys.stderr)
        print("Lancez « python -m bot check » pour le détail.", file=sys.stderr)
        return None
    return index


REJECTED = (
    "TELEGRAM_BOT_TOKEN refusé par Telegram (jeton révoqué ou mal copié) : "
    "demandez-en un à @BotFather."
)


def without_webhook_server() -> None:
    """Long polling needs no web server: keep python-telegram-bot from importing tornado.

    python-telegram-bot imports its webhook server (tornado) whenever tornado is installed, and
    merely marks webhooks unavailable when that import fails; our own webhook server
    (:mod:`bot.telegram.webhook`) is imported only in webhook mode. A ``None`` in
    ``sys.modules`` makes ``import tornado`` fail, so a polling bot does not hold tornado's
    ~2.8 MiB for nothing. Call before ``telegram.ext`` is first imported."""
    sys.modules.setdefault("tornado", None)  # type: ignore[arg-type]


def _run_telegram(args: argparse.Namespace) -> int:
    from bot.config import ConfigError, load_settings
    from bot.logs import setup_logging

    try:
        settings = load_settings()
    except ConfigError as error:
        print(f"Configuration invalide : {error}", file=sys.stderr)
        return 2
    setup_logging(settings.log_level, settings.secrets())
    if not settings.webhook_url:
        without_webhook_server()
    index = _index(args)
    if index is None:
        return 1
    from bot.config import TokenRejectedError
    from bot.telegram.app import build_application, run

    try:
        run(build_application(settings, index, args.content, args.seeds), settings)
    except TokenRejectedError:
        print(REJECTED, file=sys.stderr)
        return 2
    return 0


def _queue_command(args: argparse.Namespace, outbox: Outbox) -> int:
    """push --status, --retry N, --drop N: read or decide, nothing sent here."""
    from bot.push.status import queue_report

    if args.retry is not None:
        count = outbox.retry(args.retry)
        print(
            f"N° {args.retry} : {plural(count, 'message remis', 'messages remis')} en file ; "
            "ils partiront au prochain envoi."
            if count
            else f"N° {args.retry} : rien à republier (déjà publiée, abandonnée ou inconnue)."
        )
        return 0 if count else 1
    if args.drop is not None:
        count = outbox.drop(args.drop)
        print(
            f"N° {args.drop} : publication abandonnée ({plural(count, 'message')})."
            if count
            else f"N° {args.drop} : rien à abandonner (déjà publiée ou inconnue)."
        )
        return 0 if count else 1
    items = outbox.open_items()
    print(queue_report(items))
    return 1 if any(item.status in ("uncertain", "failed") for item in items) else 0


def _open_outbox(location: Path | str) -> Outbox | None:
    from bot.push.database import problem
    from bot.push.migrations import OPEN_ERRORS
    from bot.push.outbox import Outbox

    try:
        return Outbox(location)
    except OPEN_ERRORS as error:
        print(f"{problem(location, error)}.", file=sys.stderr)
        return None


def _state_exists(location: Path | str) -> bool:
    from bot.push.database import is_database_url

    return is_database_url(location) or Path(location).exists()


def _run_state(args: argparse.Namespace) -> int:
    """state migrate --to URL [--from FILE]: the SQLite state copied into PostgreSQL."""
    from bot.config import DEFAULT_STATE_PATH
    from bot.push.copy_state import CopyError, copy_state
    from bot.push.database import describe, is_database_url, problem
    from bot.push.migrations import OPEN_ERRORS

    if args.state_command != "migrate":
        print("Usage : python -m bot state migrate --to postgres://…", file=sys.stderr)
        return 2
    target = str(args.to).strip()
    if not is_database_url(target):
        print("--to doit être une URL postgres:// ou postgresql://.", file=sys.stderr)
        return 2
    env_path = os.environ.get("BOT_STATE_PATH", "").strip()
    source = args.source or (Path(env_path) if env_path else DEFAULT_STATE_PATH)
    try:
        report = copy_state(source, target)
    except CopyError as error:
        print(f"Copie impossible : {error}.", file=sys.stderr)
        return 2
    except OPEN_ERRORS as error:
        print(f"Copie impossible : {problem(target, error)}.", file=sys.stderr)
        return 2
    print(f"Copie de {source} vers {describe(target)} :")
    for table in report:
        mark = "ok" if table.complete else "MANQUE"
        print(
            f"  {table.table} : {table.source} ligne(s) dans le fichier, {table.added} ajoutée(s),"
            f" {table.found} retrouvée(s) dans PostgreSQL ({table.target} au total) — {mark}"
        )
    missing = [table.table for table in report if not table.complete]
    if missing:
        print(f"Copie incomplète : {', '.join(missing)}.", file=sys.stderr)
        return 1
    print("Copie vérifiée : chaque ligne du fichier est dans PostgreSQL. Définissez DATABASE_URL.")
    return 0


def _run_push(args: argparse.Namespace) -> int:
    from bot.clock import today
    from bot.config import ConfigError, load_settings
    from bot.logs import setup_logging
    from bot.push.compose import NothingToPostError, compose
    from bot.render.html import render_html
    from bot.render.text import render_text

    managing = args.status or args.retry is not None or args.drop is not None
    try:
        settings = load_settings(require_token=not (args.dry_run or managing))
    except ConfigError as error:
        print(f"Configuration invalide : {error}", file=sys.stderr)
        return 2
    setup_logging(settings.log_level if not args.dry_run else "WARNING", settings.secrets())
    if managing:
        if not _state_exists(settings.state):
            print(f"Aucune file d'envoi ({settings.state_path} n'existe pas).")
            return 0
        found = _open_outbox(settings.state)
        if found is None:
            return 2
        try:
            return _queue_command(args, found)
        finally:
            found.close()
    if not args.request:
        print("Que publier ? timeline [filtre], pays <nom>, accord <terme>, nouveautés.")
        return 2
    index = _index(args)
    if index is None:
        return 1
    request = " ".join(args.request)
    exists = _state_exists(settings.state)
    outbox = _open_outbox(settings.state) if exists or not args.dry_run else None
    if outbox is None and not args.dry_run:
        return 2
    announced = outbox.announced() if outbox is not None else set()
    try:
        post = compose(index, request, today(settings.timezone), announced)
    except NothingToPostError as reason:
        print(f"Rien à publier : {reason}.", file=sys.stderr)
        return 1
    if args.dry_run:
        print(render_text(post.reply))
        count = len(render_html(post.reply, screen=None))
        print(f"\n(aperçu : {plural(count, 'message')} Telegram, rien n'a été envoyé)")
        return 0
    if settings.channel_id is None:
        print("TELEGRAM_CHANNEL_ID n'est pas défini : pas de canal où publier.", file=sys.stderr)
        return 2
    assert outbox is not None
    return _publish(settings, outbox, post, request)


def _publish(settings: Settings, outbox: Outbox, post: Post, request: str) -> int:
    import asyncio
    import uuid

    from bot.config import TokenRejectedError
    from bot.push.outbox import post_key
    from bot.telegram.push_bot import publish_once

    key = post_key("push", request, uuid.uuid4().hex)
    try:
        outcome = asyncio.run(publish_once(settings, outbox, post, key))
    except TokenRejectedError:
        print(REJECTED, file=sys.stderr)
        print("Rien n'a été enregistré ni envoyé.", file=sys.stderr)
        return 2
    finally:
        outbox.close()
    if outcome.sent:
        print(f"Publié ({plural(len(outcome.message_ids), 'message')}).")
        return 0
    messages = {
        "uncertain": "Publication incertaine (peut-être faite) : vérifiez le canal, puis "
        "« push --retry N » si elle n'y est pas (N : voir « push --status »).",
        "failed": "Publication en échec ; voir « push --status ».",
        "sending": "Enregistrée ; un autre processus est en train de l'envoyer.",
    }
    text = messages.get(outcome.status, "Enregistrée, pas encore envoyée ; sera retentée.")
    print(f"{text} Raison : {outcome.error}", file=sys.stderr)
    return 1


def _write_image(index: Index, kind: str, argument: str, output: Path | None, page: int = 1) -> int:
    """python -m bot image carte|frise [filtre] [--page N] [-o fichier.png]: write the PNG,
    say where."""
    from bot.engine.pictures import Picture, picture
    from bot.render.text import render_text

    if page < 1 or (page > 1 and kind != "frise"):
        print("--page : un nombre à partir de 1, pour la frise seulement.", file=sys.stderr)
        return 2
    found = picture(index, kind, argument, page)
    if not isinstance(found, Picture):
        print(render_text(found), file=sys.stderr)
        return 1
    pages = getattr(found.spec, "pages", 1)
    if page > pages:  # never another page than the one asked for
        print(f"--page : cette frise n'a que {pages} page(s).", file=sys.stderr)
        return 2
    from bot.image.files import write_picture

    try:
        path = write_picture(found, output)
    except OSError as error:
        print(f"Impossible d'écrire l'image : {error}", file=sys.stderr)
        return 1
    print(f"Image écrite dans {path}")
    return 0


def _run_draft(args: argparse.Namespace) -> int:
    """draft ARTICLE [--out DIR]: write a draft next to nothing the live base loads."""
    from bot.draft.build import summary_text
    from bot.draft.files import drafts_dir, write_draft
    from bot.draft.intake import ArticleError, decode_article, given_of
    from bot.draft.links import linker_of

    if args.promote is not None:
        from bot.draft.promote import promote

        if args.article is not None:
            print("--promote prend un brouillon, pas un article.", file=sys.stderr)
            return 2
        status, text = promote(args.promote, Path(args.content), Path(args.seeds))
        print(text, file=sys.stdout if status == 0 else sys.stderr)
        return status
    if args.article is None:
        print("Donner l'article (draft ARTICLE.txt) ou --promote BROUILLON.yaml.", file=sys.stderr)
        return 2
    try:
        given = given_of(args.url, args.date, args.outlet)
    except ArticleError as error:
        print(f"{error}.", file=sys.stderr)
        return 2
    path: Path = args.article
    try:
        data = path.read_bytes()
    except OSError as error:
        print(f"Impossible de lire {path} : {error.strerror or error}.", file=sys.stderr)
        return 2
    try:
        intake = decode_article(data)
    except ArticleError as error:
        print(f"{path} : {error}.", file=sys.stderr)
        return 2
    index = _index(args)
    if index is None:
        return 1
    out_dir = args.out if args.out is not None else drafts_dir(args.content)
    if out_dir.resolve() == Path(args.content).resolve():
        print(
            f"Refusé : {out_dir} est le dossier de la base vivante (chargé au démarrage) ; "
            "écrire le brouillon dans content/drafts/ (par défaut) ou un autre dossier.",
            file=sys.stderr,
        )
        return 2
    try:
        draft, target, replaced = write_draft(
            intake.text, path, index.base, out_dir, given, linker_of(index)
        )
    except OSError as error:
        print(f"Impossible d'écrire dans {out_dir} : {error.strerror or error}.", file=sys.stderr)
        return 2
    if intake.note:
        print(f"Attention : {intake.note}.")
    print(summary_text(draft))
    print(f"Brouillon écrit : {target}{' (remplace le précédent)' if replaced else ''}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the process exit status. Everything it prints passes
    through the one redaction (bot/redact.py): no secret reaches the terminal or cron's mail."""
    from bot.redact import redacting

    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = redacting(sys.stdout), redacting(sys.stderr)
    try:
        return _main(argv)
    finally:
        sys.stdout, sys.stderr = saved


def _main(argv: Sequence[str] | None) -> int:
    args = _parser().parse_args(argv)
    command = args.command
    if command == "check" and args.drafts is not None:
        from bot.draft.check_drafts import run_check_drafts
        from bot.draft.files import drafts_dir

        folder = Path(args.drafts) if args.drafts else drafts_dir(args.content)
        return run_check_drafts(folder, args.content, args.seeds, sys.stdout)
    if command == "draft":
        return _run_draft(args)
    if command == "check":
        from bot.check import run_check  # the checks' code is not loaded to answer

        return run_check(
            args.content, args.seeds, sys.stdout, verbose=args.verbose, fidelity=args.fidelity
        )
    if command == "run" or (command is None and os.environ.get("TELEGRAM_BOT_TOKEN")):
        return _run_telegram(args)
    if command == "push":
        return _run_push(args)
    if command == "state":
        return _run_state(args)
    one_shot = command == "ask" and not args.conversation and bool(args.question)
    index = _index(args, after_answer=one_shot)
    if index is None:
        return 1
    try:
        return _serve(args, command, index)
    finally:
        answered()  # a one-shot answer is out (or failed): the remaining tables may be built


def _serve(args: argparse.Namespace, command: str | None, index: Index) -> int:
    """Answer the local commands (image, ask, console) from ``index``."""
    if command == "image":
        return _write_image(index, args.kind, " ".join(args.filter), args.output, args.page)
    if command == "ask":
        from bot.console import ask as ask_once

        if args.conversation:
            from bot.console import conversation

            return conversation(index, sys.stdin, sys.stdout, args.html, _today())
        if not args.question:
            print(
                "Donnez une question, ou --conversation pour les lire sur l'entrée.",
                file=sys.stderr,
            )
            return 2
        # flushed now: the snapshot may still be written (ready_index) before the exit
        print(ask_once(index, args.question, as_html=args.html, today=_today()), flush=True)
        return 0
    from bot.console import run_console

    return run_console(index, input, sys.stdout, _today())


def _today() -> date:
    """Today in BOT_TIMEZONE (Europe/Paris when unset or unknown), for relative dates."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    from bot.clock import today
    from bot.config import DEFAULT_TIMEZONE

    zone = os.environ.get("BOT_TIMEZONE", "").strip() or DEFAULT_TIMEZONE
    try:
        ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        print(f"BOT_TIMEZONE « {zone} » inconnu : {DEFAULT_TIMEZONE} utilisé.", file=sys.stderr)
        zone = DEFAULT_TIMEZONE
    return today(zone)
