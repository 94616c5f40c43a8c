"""Pieces every answer shares: how a source is cited, how a date is shown, quotes."""

from __future__ import annotations

import re
import unicodedata

from bot.content.model import (
    DEFAULT_ROLES,
    Actor,
    Agreement,
    Event,
    Evidence,
    Fact,
    FactBase,
    Source,
)
from bot.dates import MONTHS_FR, Precision
from bot.engine import routes
from bot.engine.own_evidence import own_key_evidence
from bot.engine.reply import Button, Item, Quote, QuoteGroup
from bot.text import fold, short_label

MAX_ARGUMENT = 300
"""Longest argument a command accepts, in characters."""


def outlet_text(source: Source) -> str:
    """The outlet as shown: marked when the curator gave it or the address showed it. The
    source an article credits (``relayed_from``) is named after it by ``attribution``, never
    put in its place: « Lire la suite sur RFI » and « rapporte le site Trend … » read alike in
    the base, and only the first is a copy of the whole text."""
    if source.outlet is None:
        return "média non indiqué"
    if source.outlet_basis == "curateur":
        return f"{source.outlet} (média indiqué par le curateur)"
    if source.outlet_basis == "adresse":
        return f"{source.outlet} (média lu dans l'adresse)"
    return source.outlet


def published_text(source: Source) -> str:
    """« article du 9 décembre 2020 », with the basis of a date the article does not write
    (« article du 5 avril 2019 (date indiquée par le curateur) »), or « article non daté »."""
    if source.published is None:
        return "article non daté"
    label = source.published.label()
    if source.published.precision in (Precision.MONTH, Precision.YEAR):
        # « article d'août 2025 », « article de 2025 »: a month or a year, no day
        when = f"article d'{label}" if label[:1] in "aeiouéèh" else f"article de {label}"
    else:
        when = f"article du {label}"
    if source.published_basis == "curateur":
        return f"{when} (date indiquée par le curateur)"
    if source.published_basis == "adresse":
        return f"{when} (date lue dans l'adresse)"
    if source.published_basis == "ligne d'agence":
        return f"{when} (date de la ligne d'agence, année indiquée par le curateur)"
    return when


def attribution(source: Source) -> str:
    """Who published a quote and when, saying plainly what the article does not give.

    A title is shown in « » only when the article has one (it is then its own words); an
    untitled article is named by its editors' label in brackets, never as a title. The source
    an article credits says its name (« The Belgium Times (source citée : europeantimes.news),
    article non daté »: the page ends with « Source: europeantimes.news »; « Lagazette (source
    citée : Caliber.Az) » cites the embassy « citée par Caliber.Az »): « repris de » would say
    the whole article is a reprint, which only some are.
    """
    when = published_text(source)
    outlet = outlet_text(source)
    if source.relayed_from:
        outlet = f"{outlet} (source citée : {source.relayed_from})"
    if source.title:
        return f"{outlet}, {when}"
    return f"{outlet}, {when} [sans titre ; réf. : {source.label}]"


def quote_of(base: FactBase, evidence: Evidence) -> Quote:
    """A Quote block for one piece of evidence."""
    return Quote(evidence.quote, attribution(base.sources[evidence.source]), evidence.source)


def key_quotes(base: FactBase, entry: Event | Agreement | Fact) -> list[Quote]:
    """The quotes a summary rests on, shown with it in every view: its own, never another
    entry's sentence (``own_evidence``)."""
    return [quote_of(base, evidence) for evidence in own_key_evidence(base, entry)]


TENSE_MARKS = {
    "futur": "au futur dans l'article",
    "conditionnel": "au conditionnel dans l'article",
}


def claim(entry: Event | Agreement | Fact) -> str:
    """The summary as every view shows it: with its attribution and, for a forecast, its tense."""
    return marked(entry, entry.summary)


def marked(entry: Event | Agreement | Fact, text: str) -> str:
    """``text`` (the summary, or the pictures' short label) with the entry's attribution
    before it when it does not say it, and its tense mark after it: one wording for every view."""
    if entry.hedge and fold(entry.hedge) not in fold(text):
        text = f"{entry.hedge[:1].upper()}{entry.hedge[1:]} : {text}"
    mark = tense_mark(entry)
    return f"{text} ({mark})" if mark else text


IN_FORCE_ACTS = frozenset({"signe", "approuve", "adhesion"})
"""Acts after which an agreement exists: a future in it is its clauses', not its own."""


def tense_mark(entry: Event | Agreement | Fact) -> str | None:
    """The tense mark of an entry (« au futur dans l'article »), saying what is future: for
    an agreement that exists — its act is done, or the article reports it at the latest on a
    day (« ../2021-06-16 ») — only its clauses are (« ses dispositions au futur dans
    l'article »), never the agreement itself."""
    mark = TENSE_MARKS.get(entry.tense)
    if mark is None or not isinstance(entry, Agreement):
        return mark
    exists = entry.act in IN_FORCE_ACTS or (entry.date is not None and entry.date.open)
    return f"ses dispositions {mark}" if exists else mark


def when(base: FactBase, entry: Event | Agreement) -> str:
    """The date as every view shows it, with a visible mark and its origin when inferred.

    « 21 septembre 2025 » when the article says so; « août 2025 (déduit : « En août » dans
    l'article du 6 novembre 2025) »; « avant le 6 novembre 2025 (l'article du 6 novembre 2025
    dit « récemment ») »; « rapporté le 6 novembre 2025 (date de l'article ; l'événement
    n'y est pas daté) »; « 8 juin (année non précisée dans l'article) » for a day the base
    cannot place (``undated``); « date non indiquée ».
    """
    span = entry.date
    if span is None:
        return undated(entry.date_text)
    label = entry.date_label or span.label()
    if entry.date_basis == "texte":
        return label
    anchor = base.sources.get(entry.date_anchor) if entry.date_anchor else None
    dated = anchor.published.label() if anchor and anchor.published else None
    words = f"« {entry.date_text} »" if entry.date_text else None
    if entry.date_basis == "déduit":
        return f"{label} ({deduced_origin(base, entry)})"
    if dated and words:
        return f"{label} (l'article du {dated} dit {words})"
    if dated:
        return f"{label} ({reported_only(label, dated)})"
    return f"{label} (rapporté : {entry.date_reason})"


def reported_only(label: str, dated: str) -> str:
    """The one wording of a date that is only the reporting article's (issue 22, fidelity
    finding 2: « non daté ; date de l'article du … » read as dated and undated at once):
    « date de l'article ; l'événement n'y est pas daté », the article's day named when the
    label does not already show it."""
    article = "date de l'article" if dated in label else f"date de l'article du {dated}"
    return f"{article} ; l'événement n'y est pas daté"


def deduced_origin(base: FactBase, entry: Event | Agreement) -> str:
    """The one wording of an inferred date's origin, in every view — cards, timelines,
    answers, headings, buttons (issue 22, fidelity findings 1 and 7): « déduit : « En août »
    dans l'article du 6 novembre 2025 »; with the curator's reason when the words are not
    the article's own (« déduit : « Hier », dans un message de l'ambassade britannique sur X,
    cité le 31 octobre 2025 » — never « article du 31 octobre » as if the article said
    « Hier » of its own day)."""
    anchor = base.sources.get(entry.date_anchor) if entry.date_anchor else None
    dated = anchor.published.label() if anchor and anchor.published else None
    words = f"« {entry.date_text} »" if entry.date_text else None
    if words and entry.date_reason:
        origin = f"{words}, {entry.date_reason}"
    elif words and dated:
        origin = f"{words} dans l'article du {dated}"
    else:
        origin = entry.date_reason or (f"article du {dated}" if dated else "")
    return f"déduit : {origin}" if origin else BRIEF_MARKS["déduit"]


_MONTH_WORDS = frozenset(fold(month) for month in MONTHS_FR)


def undated(words: str | None) -> str:
    """The date line of an entry the base cannot place in time: the article's own words when
    they give a day or a month without its year (« 8 juin (année non précisée dans
    l'article) ») — never « date non indiquée » when the article gives a day (issue 22, class
    5) — else « date non indiquée »."""
    if words and not _YEAR.search(words) and _MONTH_WORDS & set(fold(words).split()):
        return f"{words} (année non précisée dans l'article)"
    return "date non indiquée"


BRIEF_MARKS = {"déduit": "date déduite", "rapporté": "date de l'article, non de l'événement"}
"""The short mark of a date's basis when nothing shorter says where it comes from."""
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")


def brief_when(base: FactBase, entry: Event | Agreement, limit: int = 120) -> str:
    """``when()`` when it fits ``limit``, else the date with a short mark of its basis (never
    cut inside its origin): « novembre 2025 (année déduite ; l'article dit « en novembre ») »."""
    full = when(base, entry)
    if len(full) <= limit or entry.date is None or entry.date_basis == "texte":
        return full
    label = entry.date_label or entry.date.label()
    return f"{label} ({brief_origin(base, entry)})"


def brief_origin(base: FactBase, entry: Event | Agreement) -> str:
    """Where an inferred or reported date comes from, in a few words: an inferred date in
    the one wording of :func:`deduced_origin` (never a shorter second one, issue 22 fidelity
    finding 7); « l'article dit « récemment » » for a bound from « récemment »; « date de
    l'article » (or which article) for a reported one."""
    if entry.date_basis == "rapporté":
        if entry.date_text:
            return f"l'article dit « {entry.date_text} »"
        anchor = base.sources.get(entry.date_anchor) if entry.date_anchor else None
        return _reported_mark(entry, anchor)
    return deduced_origin(base, entry)


def other_article(base: FactBase, entry: Event | Agreement | Fact, source_id: str) -> str:
    """The note between an entry's dated line and a quote from another article than the one
    that dates it (issue 22, fidelity finding 4: a line carries its own entry's date and
    source, never another article's): « Phrase d'un autre article (non daté ; réf. :
    L'Azerbaïdjan, l'OTAN et l'OTS) : » — the reference is the bot's name for the article,
    never between « » (fidelity finding 5); "" when the quote comes from the dating article."""
    if isinstance(entry, Fact) or not entry.date_anchor or source_id == entry.date_anchor:
        return ""
    source = base.sources.get(source_id)
    if source is None:
        return ""
    dated = f"daté du {source.published.label()}" if source.published else "non daté"
    return f"Phrase d'un autre article ({dated} ; réf. : {source.label}) :"


def _reported_mark(entry: Event | Agreement, anchor: Source | None) -> str:
    """« date de l'article » when every quote of the entry comes from the article that dates
    it; else the dating article named, since a quote shown with the entry may come from an
    undated one (issue 22, fidelity class 3): « date de l'article réf. : Aliyev et la
    délégation de l'OTAN, non de l'événement » — never read as the date of what is reported
    (a phone reader of the twelfth set took it for the meeting's)."""
    sources = {item.source for item in entry.evidence}
    if anchor is None or sources <= {anchor.id}:
        return BRIEF_MARKS["rapporté"]
    return f"date de l'article réf. : {anchor.label}, non de l'événement"


_ABSENCE = re.compile(r"^(?:l')?ann[ée]e (?:absente|non (?:précisée|indiquée|donnée))", re.I)


def year_basis(base: FactBase, entry: Event | Agreement) -> str:
    """What an inferred date rests on, in the curator's words, without the clause that only
    says the year is missing: « l'article non daté renvoie à des articles de juillet à
    septembre 2025 »; else the dating article (« « En août » dans l'article du 6 novembre
    2025 »); "" when the
    base gives neither (issue 22, fidelity class 1: never « année déduite » with no basis)."""
    clauses = [part.strip() for part in (entry.date_reason or "").split(" ; ")]
    kept = [part for part in clauses if part and not _ABSENCE.match(part)]
    if kept:
        return " ; ".join(kept)
    anchor = base.sources.get(entry.date_anchor) if entry.date_anchor else None
    if anchor is not None and anchor.published is not None:
        words = f"« {entry.date_text} » dans l'" if entry.date_text else "l'"
        return f"{words}article du {anchor.published.label()}"
    return ""


def actor_name(actor: Actor) -> str:
    """The actor's name with its flag when it is a country."""
    return f"{actor.flag} {actor.name}" if actor.flag else actor.name


def names(base: FactBase, ids: tuple[str, ...]) -> str:
    """Actor names joined in French: "Azerbaïdjan, Turquie et OTAN"."""
    labels = [actor_name(base.actors[actor_id]) for actor_id in ids if actor_id in base.actors]
    if len(labels) <= 1:
        return "".join(labels)
    return ", ".join(labels[:-1]) + " et " + labels[-1]


def clean_argument(text: str) -> str:
    """Drop control, format (bidi, zero-width, soft hyphen, tags…) and private-use characters
    and surrounding space from user input; any run of spaces becomes one space."""
    kept = [char for char in text if char.isspace() or _shown(char)]
    return " ".join("".join(kept).split())


def _shown(char: str) -> bool:
    """Printable for our purpose: everything but controls (Cc), formats (Cf: RTL marks,
    isolates, zero-width joiners, BOM…), surrogates and private-use characters."""
    return unicodedata.category(char) not in ("Cc", "Cf", "Cs", "Co", "Cn")


def party_role(agreement: Agreement, actor_id: str) -> str | None:
    """What ``actor_id`` does in the agreement: signataire, membre, médiateur…, if known."""
    if actor_id in agreement.mediators:
        return "médiateur"
    if actor_id in agreement.roles:
        return agreement.roles[actor_id]
    if actor_id in agreement.parties and agreement.act is not None:
        return DEFAULT_ROLES.get(agreement.act)
    return None


def parties_text(base: FactBase, agreement: Agreement) -> str:
    """The parties with their roles: « Azerbaïdjan (membre) et OTAN (organisateur) »."""
    labels = []
    for actor_id in agreement.parties:
        role = party_role(agreement, actor_id)
        name = actor_name(base.actors[actor_id])
        labels.append(f"{name} ({role})" if role else name)
    if not labels:
        return agreement.parties_note or "parties non indiquées"
    text = labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " et " + labels[-1]
    if agreement.mediators:
        text += f", médiation : {names(base, agreement.mediators)}"
    return text


def act_date(base: FactBase, agreement: Agreement) -> str:
    """The act and its date: « Signature : 30 octobre 2025 (déduit : …) », « Adhésion : 1994 »."""
    noun = "Date"
    for term in base.vocabulary.acts:
        if term.id == agreement.act and term.noun:
            noun = term.noun
    return f"{noun} : {when(base, agreement)}"


def line_text(base: FactBase, entry: Event | Agreement | Fact) -> str:
    """The short line an overview shows: the curated ``label`` with the marks every view
    gives (:func:`marked`, as the pictures do), else the list line (:func:`entry_text`)."""
    return marked(entry, entry.label) if entry.label else entry_text(base, entry)


def overview(
    base: FactBase, entries: list[Event | Agreement]
) -> tuple[list[Item], QuoteGroup | None]:
    """An overview's lines, one per entry (its full date, its short text), and their key
    quotes in one group, each numbered by its line."""
    quotes = tuple(
        (number, quote)
        for number, entry in enumerate(entries, 1)
        for quote in key_quotes(base, entry)
    )
    lines = [  # each line shows its number when quotes follow: a quote reads as its own line's
        Item(when(base, entry), line_text(base, entry), number if quotes else 0, entry.id)
        for number, entry in enumerate(entries, 1)
    ]
    return lines, QuoteGroup(quotes) if quotes else None


def entry_text(base: FactBase, entry: Event | Agreement | Fact) -> str:
    """The one line an entry shows in lists: its claim; an agreement's title and act too."""
    if isinstance(entry, Agreement):
        return f"{entry.title} : {claim(entry)}"
    return claim(entry)


def entry_button(entry: Event | Agreement | Fact) -> Button | None:
    """The button that opens a dated line's card: an agreement's by its title, an event's by
    its label (« 📅 … », marked when planned or hedged); None for a fact, which has no card."""
    if isinstance(entry, Agreement):
        return Button(short_label(entry.title), routes.AGREEMENT.build(entry.id))
    if isinstance(entry, Event):
        label = short_label(f"📅 {marked(entry, entry.label or entry.summary)}")
        return Button(label, routes.EVENT.build(entry.id))
    return None
