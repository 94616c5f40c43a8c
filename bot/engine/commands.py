"""Command dispatch: "/pays@Bot Turquie" or a button's data → the Reply of the right answer."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date

from rapidfuzz import fuzz, process

from bot.content.model import Event
from bot.engine import routes
from bot.engine.cards import (
    accord,
    actor_card,
    agreement_card,
    agreements_of,
    all_agreements,
    event_card,
    facts_page,
    listing,
    org,
    pays,
)
from bot.engine.common import MAX_ARGUMENT, clean_argument
from bot.engine.filters import TimelineFilter
from bot.engine.index import Index
from bot.engine.pictures import caption_only
from bot.engine.reply import Block, Button, Item, Para, Reply
from bot.engine.search import cherche, sources
from bot.engine.timeline import timeline, timeline_page
from bot.engine.whole_clauses import with_whole_clauses
from bot.text import count, fold

Answer = Callable[[Index, str, date | None], Reply]


@dataclass(frozen=True, slots=True)
class Command:
    """A command as users see it: name, aliases, what it does and an example."""

    name: str
    summary: str
    example: str
    answer: Answer
    aliases: tuple[str, ...] = ()


def start(index: Index, argument: str = "", today: date | None = None) -> Reply:
    """Answer /start and /aide: what the bot knows and every command with an example."""
    counts = index.links.counts
    blocks: list[Block] = [
        Para("Partenariats de sécurité de l'Azerbaïdjan", "title"),
        Para(
            f"Je réponds à partir de {count(counts['sources'], 'article')} de presse "
            f"({count(counts['événements'], 'événement')}, {count(counts['accords'], 'accord')}, "
            f"{count(counts['pays'], 'pays', 'pays')}, "
            f"{count(counts['organisations'], 'organisation')}) : chaque fait "
            "vient avec la citation exacte de l'article et sa source (média et date, ou « non "
            "indiqué »)."
        ),
    ]
    for c in COMMANDS:  # one screen: an example only when it says more than the name
        if c.name not in ("start", "aide"):
            first = c.example.split(" · ")[0]
            example = f" — ex. {first}" if first != f"/{c.name}" else ""
            blocks.append(Item(f"/{c.name}", f"{c.summary}{example}"))
    blocks.append(Para(FOLLOW_HELP, "note"))  # issue #16: subscriptions live in Telegram
    blocks.append(
        Para(
            "Posez aussi vos questions en toutes lettres. Noms avec ou sans accents, en "
            "français ou en anglais, fautes légères tolérées. /aide ou /start : cette aide.",
            "note",
        )
    )
    return Reply(tuple(blocks))


FOLLOW_HELP = (
    "Sur Telegram, recevez les faits nouveaux : /suivre Turquie (un pays, une organisation ou "
    "un thème), /suivis, /arreter Turquie, /oublier."
)
COMMANDS: tuple[Command, ...] = (
    Command("start", "présentation du bot", "/start", start),
    Command("aide", "cette aide", "/aide", start, ("help",)),
    Command(
        "timeline",
        "chronologie, filtrable par année, période, mois, pays, organisation ou thème",
        "/timeline 2025 · /timeline depuis 2024 Turquie · /timeline août 2025",
        timeline,
        ("chronologie", "chrono"),
    ),
    Command("pays", "fiche d'un pays (sans nom : la liste)", "/pays Turquie", pays, ("country",)),
    Command(
        "org",
        "fiche d'une organisation (sans nom : la liste)",
        "/org OTAN",
        org,
        ("organisation", "orgs"),
    ),
    Command(
        "accord",
        "accords, plans et partenariats (par pays, thème ou mot)",
        "/accord Royaume-Uni · /accord paix",
        accord,
        ("accords", "agreement"),
    ),
    Command(
        "cherche",
        "recherche plein texte dans les faits et citations",
        "/cherche drones",
        cherche,
        ("recherche", "search"),
    ),
    Command("sources", "les articles, leur média, leur date et leur apport", "/sources", sources),
    # Pictures: Telegram and the console send the image; a text answer gives its caption.
    Command(
        "carte",
        "carte des pays liés à l'Azerbaïdjan, colorés par relation (filtrable)",
        "/carte · /carte 2025 · /carte défense",
        caption_only("carte"),
        ("map",),
    ),
    Command(
        "frise",
        "frise chronologique en image, filtrable comme /timeline",
        "/frise · /frise 2025 · /frise Turquie",
        caption_only("frise"),
    ),
)
PICTURE_COMMANDS = frozenset({"carte", "frise"})
"""Commands whose answer is an image (see bot.engine.pictures)."""
_BY_NAME = {name: c for c in COMMANDS for name in (c.name, *c.aliases)}


_COMMAND = re.compile(r"/(\S*)\s*(.*)", re.DOTALL)
"""A command and its argument, split at any whitespace: space, tab, line break, no-break."""


def parse_command(text: str) -> tuple[str, str] | None:
    """Split "/pays@NomDuBot Turquie" into ("pays", "Turquie"); None when not a command.

    The argument starts after any whitespace: "/pays⏎Turquie" and "/pays\u00a0Turquie" too.
    """
    match = _COMMAND.fullmatch(text.strip())
    if match is None:
        return None
    name = match.group(1).split("@", 1)[0]
    return fold(name).replace(" ", ""), match.group(2)


def command_argument(text: str) -> str:
    """The argument of a command message ("/publier@Bot pays Turquie" → "pays Turquie"),
    without control, bidi or invisible marks: it may be echoed back."""
    parsed = parse_command(text)
    return clean_argument(parsed[1]) if parsed is not None else ""


def picture_command(text: str) -> tuple[str, str] | None:
    """("carte", "2025") when ``text`` asks for a picture (aliases resolved), else None."""
    parsed = parse_command(text)
    if parsed is None:
        return None
    command = _BY_NAME.get(parsed[0])
    if command is None or command.name not in PICTURE_COMMANDS:
        return None
    return command.name, clean_argument(parsed[1])


def answer(index: Index, text: str, today: date | None = None) -> Reply:
    """The reply to a command message (``today`` in BOT_TIMEZONE reads relative dates)."""
    parsed = parse_command(text)
    if parsed is None:
        return Reply(
            (Para("Tapez une commande, par exemple /pays Turquie, ou /aide pour la liste."),),
            found=False,
        )
    name, raw_argument = parsed
    command = _BY_NAME.get(name)
    if command is None:
        return _unknown_command(name)
    if command.name == "start" and clean_argument(raw_argument):
        return deep_link(index, clean_argument(raw_argument))
    if len(raw_argument) > MAX_ARGUMENT:
        return Reply(
            (
                Para(
                    f"Votre demande est trop longue ({len(raw_argument)} caractères ; "
                    f"{MAX_ARGUMENT} au plus). Raccourcissez-la, par exemple /{command.name} "
                    "Turquie."
                ),
            ),
            found=False,
        )
    argument = clean_argument(raw_argument)  # quotes end where their sentence ends
    return with_whole_clauses(index, command.answer(index, argument, today), argument)


TELEGRAM_ONLY = frozenset(
    {"suivre", "suivis", "arreter", "oublier", "publier", "envois", "recharger", "brouillon"}
)
"""Commands that need a Telegram chat (subscriptions, channel, drafts)."""


def _unknown_command(name: str) -> Reply:
    if name in TELEGRAM_ONLY:
        return Reply(
            (
                Para(
                    f"La commande /{name} n'existe que sur Telegram (elle a besoin d'une "
                    "conversation) ; voir /aide."
                ),
            ),
            found=False,
        )
    names = list(_BY_NAME)
    best = process.extractOne(name, names, scorer=fuzz.ratio, score_cutoff=60) if name else None
    text = f"Je ne connais pas la commande /{name[:40]}." if name else "Commande vide."
    blocks: list[Block] = [Para(text)]
    if best is not None:
        blocks.append(Para(f"Vouliez-vous dire /{_BY_NAME[best[0]].name} ?"))
    blocks.append(Para("Tapez /aide pour la liste des commandes.", "note"))
    return Reply(tuple(blocks), found=False)


def _linked(index: Index, route: routes.Route, values: tuple[str, ...]) -> Reply | None:
    """The answer a deep link's route and fields stand for, or None when it leads nowhere."""
    value = values[0] if values else ""
    if route in (routes.LINK_COUNTRY, routes.LINK_ORGANISATION):
        finder = pays if route is routes.LINK_COUNTRY else org
        return finder(index, routes.link_words(value))
    if route is routes.LINK_AGREEMENT and value in index.deals.by_id:
        return agreement_card(index, index.deals.by_id[value])
    if route is routes.LINK_TIMELINE:
        return timeline(index, routes.link_words(value))
    event = index.entries.get(value) if route is routes.LINK_EVENT else None
    if isinstance(event, Event):
        return event_card(index, event)
    if route is routes.LINK_INLINE:  # « Ouvrir le bot » under an inline query that found nothing
        return start(index)
    return None


def deep_link(index: Index, payload: str) -> Reply:
    """/start with a payload ("pays-turquie", "org-otan", "accord-<id>", "timeline-2025"),
    read by the route table; a payload no route reads says the link leads nowhere."""
    link = routes.parse_link(payload)
    found = _linked(index, link.route, link.values) if isinstance(link, routes.Parsed) else None
    if found is not None:  # its quotes as a command's: whole where short (``answer``)
        return with_whole_clauses(index, found, "")
    return Reply(
        (
            Para(
                f"Ce lien ne mène à aucune fiche connue (« {payload[: routes.LIMIT]} ») : la base "
                "a peut-être changé, ou le lien a été mal copié."
            ),
            Para("Posez votre question en toutes lettres, ou tapez /aide.", "note"),
        ),
        (
            (
                Button("❓ Aide", routes.COMMAND.build("/aide")),
                Button("📄 Accords", routes.ALL_AGREEMENTS.build(1)),
            ),
        ),
        found=False,
    )


STALE = Reply(
    (Para("Ce bouton n'est plus valable (la base a peut-être changé). Relancez la commande."),),
    found=False,
)


def callback(index: Index, data: str) -> Reply:
    """The reply to a button's raw data (console, tests): read by the route table, then
    answered by :func:`button_reply`."""
    return button_reply(index, routes.parse(data))


def button_reply(index: Index, parsed: routes.Parsed | routes.Stale) -> Reply:
    """The reply to a button the route table has read; stale or forged data gets a polite
    message."""
    if isinstance(parsed, routes.Stale):
        return STALE
    reply = with_whole_clauses(index, _callback(index, parsed.route, parsed.values), "")
    if parsed.edit and reply is not STALE:  # ◀ ▶ and « ◀ Fiche »: the answer replaces the message
        return replace(reply, edit=True)
    return reply


def _callback(index: Index, route: routes.Route, values: tuple[str, ...]) -> Reply:
    base = index.base
    first = values[0]
    if route is routes.COMMAND:  # the exact command a question stood for
        return answer(index, first)
    if route is routes.TIMELINE:
        wanted = TimelineFilter.decode(values[1])
        if wanted is None or any(actor not in base.actors for actor in wanted.actors):
            return STALE
        if any(topic not in index.topic_labels for topic in wanted.topics):
            return STALE
        return timeline_page(index, wanted, int(first))
    if route in (routes.COUNTRY, routes.ORGANISATION) and first in base.actors:
        return actor_card(index, base.actors[first])
    if route is routes.AGREEMENTS_OF and first in base.actors:
        return agreements_of(index, first, int(values[1] or 1))
    if route is routes.CONTEXT and first in base.actors:
        return facts_page(index, first, int(values[1]))
    if route is routes.SEARCH:  # pages of /cherche: the folded query words travel in the data
        return cherche(index, routes.field_words(values[1]), page=int(first))
    if route in (routes.COUNTRIES, routes.ORGANISATIONS):
        return listing(index, route is routes.COUNTRIES, int(first))
    if route is routes.ALL_AGREEMENTS:
        return all_agreements(index, int(first))
    if route is routes.FOUND_AGREEMENTS:  # a page of /accord <filtre>, the filter as typed
        return accord(index, routes.field_filter(values[1]), page=int(first))
    if route is routes.SOURCES:
        return sources(index, page=int(first))
    if route in (routes.AGREEMENT, routes.AGREEMENT_FULL) and first in index.deals.by_id:
        # « Détails »: everything, as a new message
        return agreement_card(index, index.deals.by_id[first], full=route is routes.AGREEMENT_FULL)
    event = index.entries.get(first) if route in (routes.EVENT, routes.EVENT_FULL) else None
    if isinstance(event, Event):
        return event_card(index, event, full=route is routes.EVENT_FULL)
    return STALE
