"""Assemble a draft from an article and the base, and write it as reviewable YAML.

The draft uses the content format (``sources``, ``events``, ``agreements``, ``facts`` with
``evidence: [{source, quote, key}]``, ``date``, ``date_text``, ``date_basis``…) so an entry
moves into ``content/`` with little editing; everything the tool only suggests sits under a
``draft:`` key of the entry (to delete when moving it). ``summary`` (and an agreement's
``title``, a source's ``label``) stay null: they are the curator's to write.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from bot.content.countries import country_name
from bot.content.modality import MODALITY_LABELS, hearsay
from bot.content.model import FactBase
from bot.content.reserved import clash
from bot.dates import MONTHS_FR, DateSpan, parse_date
from bot.draft.actors import (
    HEAD_TITLE,
    Resolved,
    bystanders,
    country_laws,
    head_meant,
    head_of_state,
    heads_of_state,
    lead_official,
    media,
    mediator,
    meets_counterparts,
    named_officials,
    names_a_pair,
    nationals,
    officials,
    organisation_officers,
    places,
    resolve,
    speaker_country,
    spoken_of,
    subject_country,
)
from bot.draft.analyse import (
    ACT_LABELS,
    EVENT_ONLY_ACTS,
    ActorFinder,
    ActorHit,
    Modality,
    Number,
    act_of,
    agreement_kind,
    event_type,
    hedge_of,
    modality_of,
    numbers,
    second_agreement,
    tense_of,
    uncertainty_of,
    unknown_names,
)
from bot.draft.article import Article, Given, Sentence, read_article, url_month
from bot.draft.cards import cards_to_review, new_country_cards
from bot.draft.frames import (
    arrival,
    attends,
    meeting_head,
    meeting_part,
    opening,
    says_again,
    shown,
    speaker,
    speaker_words,
    statement_by,
)
from bot.draft.frdates import WEEKDAYS, FoundDate, find_dates, just_now, relative_year
from bot.draft.lexicon import COUNTRY_LAWS, DEMONYMS, ORGANISATION_OFFICIALS, inflections
from bot.draft.links import Link, Linker, reported_span
from bot.draft.organisations import acting_in, new_organisations
from bot.draft.sequels import (
    lead_parties,
    same_event_again,
    series_meeting,
    speaker_sequel,
    untyped_events,
    verbless,
    visit_end,
)
from bot.draft.statements import (
    another_speaker,
    another_topic,
    goes_on,
    host_discussed,
    in_the_visit,
    one_speaker,
    other_officials,
    other_subject,
    reported_kinds,
    speaks,
    title_again,
    visit_stage,
)
from bot.draft.tenses import (
    present_state,
    present_tense,
    reported_future,
    said_end,
    standing_since,
    tells_no_past,
    under_way,
    year_of_thing,
)
from bot.draft.yaml_out import QuotedDumper
from bot.paths import PROJECT_ROOT
from bot.text import count, fold

TODO = "TODO curateur"
MIN_QUOTE = 12
"""Shortest quote the content schema accepts."""


@dataclass
class Candidate:
    """A sentence that carries a claim, and what the tool read in it."""

    id: str
    sentence: Sentence
    kind: str
    act: str | None
    subtype: str | None
    dates: list[FoundDate]
    actors: list[ActorHit]
    unknown: list[str]
    numbers: list[Number]
    tense: str
    hedge: str | None
    links: list[Link] = field(default_factory=list)
    modality: Modality | None = None
    period: FoundDate | None = None
    places: list[ActorHit] = field(default_factory=list)
    nationals: list[ActorHit] = field(default_factory=list)
    """Countries named only by the nationality of fighters or people (« miliciens syriens »)."""
    resolved: list[Resolved] = field(default_factory=list)
    more: list[Sentence] = field(default_factory=list)
    """Further sentences of the same event or agreement, grouped with the first."""
    position: int = 0
    """Index of the last grouped sentence among the article's sentences."""
    grouped_why: list[str] = field(default_factory=list)
    weak: bool = False
    """No actor, date, number or act of its own: kept only as the next sentence of an event."""
    in_quote: bool = False
    """The sentence starts inside a quotation opened by an earlier sentence."""
    said_by_pronoun: bool = False
    """The sentence opens a quotation attributed by a pronoun (« …», a-t-il dit)."""
    mediators: list[ActorHit] = field(default_factory=list)
    """Countries under whose aegis an agreement was signed (« sous l'égide de Moscou »)."""
    spoken: list[Sentence] = field(default_factory=list)
    """First-person sentences set aside as weak that the attribution's speaker said: key."""
    named_in: list[Sentence] = field(default_factory=list)
    """Earlier sentences naming the countries « les deux pays » stands for: key quotes, since
    the entry names them and its own sentence does not."""
    provisions: list[Sentence] = field(default_factory=list)
    """Sentences without actor of their own just before « Ces dispositions sont contenues dans
    la Déclaration … » : the provisions that document holds, key quotes before it."""
    opened_by: list[Sentence] = field(default_factory=list)
    """The sentences of the same quotation just before, set aside as weak (« "Je ne voudrais
    pas …. Nous devons … » before « Quand les deux parties … ») : its opening, key quotes."""
    said_in: Sentence | None = None
    """The later sentence of the paragraph that names who said it, without quotation marks
    (« Nous …, a souligné le président azerbaïdjanais Ilham Aliyev »): a key quote."""
    cut: str | None = None
    """Why a quote ends before its sentence does: the copy's last sentence, cut mid-way."""
    carrying: set[int] = field(default_factory=set)
    """Starts of the grouped sentences (``more``) that carry something of their own — an act,
    a figure, an actor, a place or a date: key quotes, whatever their position."""

    @property
    def text(self) -> str:
        """The grouped sentences, joined."""
        return " ".join([self.sentence.text, *(more.text for more in self.more)])

    @property
    def duplicates(self) -> list[Link]:
        """Links « probablement le même fait »."""
        return [link for link in self.links if link.relation == "même fait"]

    @property
    def contradictions(self) -> list[Link]:
        """Links that contradict an entry of the base."""
        return [link for link in self.links if link.relation == "contradiction"]


@dataclass
class Draft:
    """Everything the tool proposes for one article."""

    name: str
    source_id: str
    article: Article
    sha256: str
    candidates: list[Candidate]
    skipped: list[Sentence]
    new_countries: dict[str, list[str]]
    unknown: list[str]
    reasons: dict[int, str] = field(default_factory=dict)
    """Why a set-aside sentence (by its start) was set aside, when not the default reason."""
    known_names: tuple[str, ...] = ()
    """Every name of the base's actors: an organisation the article names among them is no
    new card."""


def slug(name: str, limit: int = 30) -> str:
    """An entry id made of ``name``: lowercase ASCII words joined by hyphens, cut after the
    last whole word that fits in ``limit`` characters (never inside a word)."""
    words = fold(Path(name).stem).split()
    text = "-".join(words)
    if len(text) > limit:
        cut = text[: limit + 1].rfind("-")
        text = text[:cut] if cut > 0 else text[:limit]  # one long word: cut it
    text = text.strip("-")
    if len(text) < 2:
        text = "article"
    return text if text[0].isalnum() else "a" + text


def free_slug(name: str, base: FactBase, root: Path = PROJECT_ROOT) -> str:
    """The source id of ``name`` (``slug``), unless the base or a reference set (growth test,
    benches) holds it for another article: then the same words with the file name's year kept
    at the end (« azertac-pakistan-nadeem-2020 »), numbered if need be; ``root``: the project
    folder holding the reference sets."""

    def taken(candidate: str) -> bool:
        held = base.sources.get(candidate)
        mine = held is not None and Path(held.seed).name != Path(name).name
        return mine or clash(candidate, name, root) is not None

    first = slug(name)
    if not taken(first):
        return first
    words = fold(Path(name).stem).split()
    years = [word for word in words if re.fullmatch(r"(?:19|20)\d\d", word)]
    if years:
        rest = " ".join(word for word in words if word != years[-1])
        first = f"{slug(rest, 29 - len(years[-1]))}-{years[-1]}"
    number = 2
    found = first
    while taken(found):
        found = f"{first[:36]}-{number}"
        number += 1
    return found


_FINER = {"année": ("mois", "jour", "intervalle"), "mois": ("jour",)}


def _month_run(dates: list[FoundDate]) -> FoundDate | None:
    """Several months of one year and no day (« au mois de juillet … au mois d'août … en
    septembre »): the period from the first to the last, read from its first month's words."""
    if any(found.precision == "jour" for found in dates):
        return None
    months = [found for found in dates if found.precision == "mois" and found.iso]
    years = {found.iso[:4] for found in months if found.iso}
    isos = sorted({found.iso for found in months if found.iso})
    if len(years) != 1 or len(isos) < 2:
        return None
    first = months[0]
    note = f"de « {first.text} » à « {months[-1].text} »" + (
        f" ; {first.note}" if first.note else ""
    )
    return replace(first, iso=f"{isos[0]}/{isos[-1]}", precision="intervalle", note=note)


_SINCE = re.compile(r"(?:depuis|dès)\b", re.IGNORECASE)


def _main_date(dates: list[FoundDate]) -> FoundDate | None:
    """The first resolved date; a year read in a name (« exercice 2021 « … » ») gives way to
    a finer date of the same year the sentence tells (« qui débutera demain »); a run of
    months of one year is the period they span."""
    run = _month_run(dates)
    if run is not None:
        return run
    since = [found for found in dates if _SINCE.match(found.text)]
    if since and len(since) < len(dates):
        # « déployés depuis l'automne 2020 ont amorcé leur retrait, a annoncé ce mercredi
        # 17 avril » : « depuis » dates the state the sentence starts from, not its act
        kept = [found for found in dates if found not in since]
        if any(found.iso is not None and found.precision != "relatif" for found in kept):
            dates = kept
    for found in dates:
        if found.iso is not None and found.precision != "relatif":
            if found.reason and found.reason.startswith("année lue dans le nom"):
                finer = [
                    other
                    for other in dates
                    if other.iso
                    and other.precision in _FINER.get(found.precision, ())
                    and other.iso.startswith(found.iso)
                    and (other.precision != "intervalle" or other.iso.startswith(found.iso + "-"))
                ]
                if finer:
                    return finer[0]
            return found
    return dates[0] if dates else None


def _span(found: FoundDate | None) -> DateSpan | None:
    if found is None or found.iso is None:
        return None
    try:
        return parse_date(found.iso)
    except ValueError:
        return None


_PERIOD_BEFORE = re.compile(
    r"\b(?:pour|durant|pendant|sur|au cours de)\s+(?:l['’]ann[ée]e|la période|les années|"
    r"l['’]exercice)?\s*$",
    re.IGNORECASE,
)
"""« pour l'année 2026 », « pour la période 2025-2027 »: the agreement's period, not its date."""


def _period(text: str, dates: list[FoundDate]) -> FoundDate | None:
    for found in dates:
        if found.precision in ("année", "intervalle") and _PERIOD_BEFORE.search(
            text[: found.start]
        ):
            return found
        if found.text.casefold().startswith("pour ") and found.precision == "année":
            return found
    return None


def _said_on(text: str, dates: list[FoundDate]) -> bool:
    """A date that dates the saying (« a déclaré dimanche », « a annoncé le 15 mai 2016 »),
    not what is said (« les exercices se tiendront en mai, a précisé le ministère »)."""
    for found in dates:
        before = text[: found.start].rstrip(" ,")
        for match in _SPEECH.finditer(before):
            if len(before[match.end() :].split()) <= 1:
                return True
        if _PUBLISHED_ON.search(before):
            return True
    return False


_PUBLISHED_ON = re.compile(
    r"\b(?:informations?|rapports?|articles?|dépêches?|révélations?)\b[^.;]{0,60}?"
    r"\b(?:publiée?s?|parue?s?|diffusée?s?)$",
    re.IGNORECASE,
)
"""« selon des informations non confirmées, publiées mardi »: the date is the report's."""


_THAT = re.compile(r"\s*,?\s*qu(?:e\b|['’])", re.IGNORECASE)


def dated_statement(text: str, dates: list[FoundDate]) -> bool:
    """« Vedomosti a déclaré mercredi 14 août 2013 que … contrats conclus », « le ministre a
    déclaré le 30 septembre que Téhéran avait le droit d'organiser des exercices » : the date
    is the statement's, and what follows « que » is what was said — a declaration, never the
    agreement or exercise it mentions."""
    for found in dates:
        if _opens_a_statement(text, found):
            return True
        before = text[: found.start].rstrip(" ,")
        if not _THAT.match(text[found.end :]):
            continue
        for match in _SPEECH.finditer(before):
            if len(before[match.end() :].split()) <= 1:
                return True
    return False


def _opens_a_statement(text: str, found: FoundDate) -> bool:
    """« Plus tôt cette année, un ancien commandant avait déclaré que … »: a date opening the
    sentence, then its speaker (a few words, no verb of its own), then « a déclaré que »."""
    if len(text[: found.start].split()) > 3:
        return False
    after = text[found.end :]
    if not after.startswith(","):
        return False
    match = _SPEECH.search(after)
    if match is None or not _THAT.match(after[match.end() :]):
        return False
    return len(after[1 : match.start()].split()) <= 8 and "," not in after[1 : match.start()]


_TALKED_OF = re.compile(
    r"\b(?:ont|a)\s+(?:\w+\s+){0,2}?(?:évoqué|discuté|abordé|examiné|passé\s+en\s+revue)\s+"
    r"(?:de\s+)?(?:la|le|les|l['’]|des|du)\s?(?:tenue|préparation|organisation|programme|"
    r"calendrier|déroulement|exercices?|manœuvres?)\b",
    re.IGNORECASE,
)
"""« les parties ont également évoqué la tenue de l'exercice « Caspian Breeze - 2024 » » : the
exercise is what was talked about, the name's year dates neither the talk nor it."""
NAME_YEAR = "année lue dans le nom"
"""How the reason of a year read from a name (« Caspian Breeze - 2025 ») starts."""
_TOLD_BY_TITLED = re.compile(
    r",\s+(?:a|ont)\s+(?:fait\s+savoir|annoncé|déclaré)\s+(?:le|la|l['’])\s?(?:vice-)?"
    r"(?:ambassadeur|ambassadrice|ministre|président|porte-parole|secrétaire|conseiller|"
    r"représentant|commandant)\b[^.;«»]*\.?$",
    re.IGNORECASE,
)
"""« …, a fait savoir l'ambassadeur français à Bakou, Zacharie Gross. » : a titled speaker's
words, closing the sentence."""
_ANNOUNCED = re.compile(
    r",\s*(?:a|ont)\s+(?:annoncé|indiqué|fait\s+savoir|rapporté|communiqué)\s+"
    r"(?:le|la|l['’]|les)\s?(?:ministère|ministre|service|porte-parole|présidence|gouvernement|"
    r"état-major|armée|agence|commandement)\b",
    re.IGNORECASE,
)
"""« …, a annoncé le ministère kazakh de la Défense » : the sentence is that body's
announcement."""


def _reported_on_article(article: Article, words: str) -> FoundDate | None:
    """The article's date for an announcement that has none of its own (« rapporté »)."""
    value = article.published.value
    if article.published_date is None or not value:
        return None
    precision = {10: "jour", 7: "mois"}.get(len(value), "année")
    note = (
        f"annonce sans date propre (« {words.strip(', ')} ») : datée du jour de l'article qui "
        f"la rapporte ({value}), pas de ce qu'elle annonce"
    )
    return FoundDate("", 0, 0, value, precision, "rapporté", note)


_SIGN_WORD = re.compile(r"\b(?:sign|paraph)", re.IGNORECASE)
"""The words of the act « signé » (vocabulary stems): « conclu » alone is not one of them."""


def _kind(
    text: str, act: str | None, dates: list[FoundDate], modality: Modality | None
) -> tuple[str, str | None]:
    if dates and dated_statement(text, dates):
        return "event", "declaration"
    agreement = agreement_kind(text)
    if agreement and act in ("signe", "adhesion", "approuve", "propose"):
        return "agreement", agreement
    if agreement and modality is not None and modality.kind == "examen" and act_of(text):
        return "agreement", agreement  # a bill to ratify an agreement: the agreement, act null
    if dates:
        if modality is not None and modality.kind == "proposition":
            return "event", "proposition"
        if modality is not None and modality.kind in ("souhait", "intention"):
            return "event", "declaration"
        if modality is not None and _said_on(text, dates):
            # « … vont procéder à des exercices, a déclaré dimanche le ministre » : what is
            # dated is the statement; the exercise has not taken place
            return "event", "declaration"
        return "event", event_type(text, act)
    return "fact", None


DONE_ACTS = ("signe", "adhesion", "approuve", "livre", "achat")
"""Acts that say a thing was done."""


_ABILITY = re.compile(
    r"\b(?:capacité|capable|aptitude|apte)s?\b[^,.;]{0,40}?\b(?:à|de|d['’])\s*"
    r"(?:vendre|acheter|acquérir|livrer|signer|exporter|fournir)\b",
    re.IGNORECASE,
)
"""« la capacité du pays à vendre ses produits » : what one is able to do, no act done."""


def _act(text: str, modality: Modality | None) -> str | None:
    """The act as the sentence says it: a wish, plan or proposal is never an act done."""
    act = act_of(text)
    if act is not None and _ABILITY.search(text):
        return None
    if modality is None or modality.kind == "futur":
        return act
    if modality.kind == "proposition" and act is not None:
        return "propose"
    return None if act in DONE_ACTS else act


_THEN = re.compile(
    r"\b(?:ont|a|avaient|avait|sont|est|étaient|était)\s+alors\b(?!\s+(?:que|même))",
    re.IGNORECASE,
)
"""« Les deux pays ont alors également évoqué … » : at the time the sentence before told."""
# « Ces derniers mois », « ce matin » say when, not which thing told before
_ANAPHORA = re.compile(
    r"^(?!(?:Ces|Ce|Cette|Cet)\s+(?:derni\w+\s+|même\s+)?(?:mois|jours?|semaines?|années?|"
    r"temps|matin|soir|nuit|week-end|an)\b(?!-là))"
    r"(?:Cet(?:te)?|Ces|Ce|Celui-ci|Celle-ci|Elle|Il(?!\s+(?:faut|fallait|faudra|faudrait|"
    r"y\s+a|y\s+avait|convient|importe|est\s+(?:à\s+noter|\w+\s+(?:de|d['’]|que))))|"
    r"Ils|Elles|Le document|"
    r"Le texte|L['’]accord|Le mémorandum|Le plan|Le traité|La charte|Lors de|À l['’]issue|"
    r"Au cours de|Durant|Pendant|Parmi|En outre|Selon le communiqué|Les parties|"
    r"Les ministres|Les deux ministres|Les deux parties|Les délégations|Depuis lors|"
    r"Depuis(?=\s*,))\b",
)
GROUP_DISTANCE = 2
"""A sentence joins a candidate at most this many sentences after its last one."""
# « Il faut souligner que … », « Il convient de … » : an impersonal « il » points back at
# nothing (« Il s'agit de deux satellites » does: the thing just told)
_NEW_TOPIC = re.compile(
    r"^(?:Parall[èée]lement|Par ailleurs|D['’]autre part|Sur un autre plan|"
    r"Du\s+côté\s+(?!de\b|des\b|du\b)\w+)\b"
)
"""« Parallèlement, on constate un rapprochement … », « Par ailleurs, le ministre a … », « Du
côté pakistanais, ce contrat … » : the article turns to another matter (or the other side) —
never the same fact as the sentence before."""


def _actor_ids(candidate: Candidate) -> set[str]:
    return {hit.id for hit in candidate.actors}


def _claim_after_meeting(group: Candidate, item: Candidate) -> bool:
    """« Hassanov a indiqué que … » right after the meeting where the two countries « ont
    réaffirmé leur intention de … », the speaker named again: his statement of what goes on, a
    fact apart from the intention told before unless the text ties them (« Au cours de la
    rencontre, … », « Lors de cette visite, … » join before this is asked). After a meeting
    told as done (« Une conversation a eu lieu … ») what a participant said stays with it."""
    return (
        _CLAIMS.search(item.sentence.text) is not None
        and group.modality is not None
        and item.modality is None
        and group.subtype != "declaration"
    )


def _named_opener(group: Candidate, item: Candidate) -> str | None:
    """« « Le pays » reprend … » when ``item`` opens on a phrase resolved to an actor of
    ``group`` (« Le pays vient d'acquérir… » after « l'Azerbaïdjan cherche… »), or None."""
    start = item.sentence.text.casefold()
    for found in item.resolved:
        words = found.words.casefold()
        if words.startswith("les "):
            continue  # « les deux pays » names a pair, not what the sentence before told
        if start.startswith(words) and found.actor in _actor_ids(group):
            return f"« {found.words} » reprend {found.actor} de la phrase d'avant"
    return None


_SAME_NOUN = re.compile(r"\b(?:ces|cet|cette|ce|(?:le|la|les)\s+mêmes?)\s+(\w{4,})", re.IGNORECASE)
"""A demonstrative or « le même » before a noun: « sur ces vols », « les mêmes avions »."""


def _group_text(group: Candidate) -> str:
    return fold(" ".join([group.sentence.text] + [s.text for s in group.more]))


def _same_noun(group: Candidate, item: Candidate) -> str | None:
    """« … n'a pas répondu à nos questions sur ces vols » right after the sentences that told
    of the flights: a demonstrative (or « le même ») before a noun those sentences used points
    back to them, whatever actors it adds. A date or modality of its own keeps it apart."""
    if item.position - group.position != 1:
        return None
    if item.modality is not None and group.modality is None and group.tense != "futur":
        return None  # what is only owed or planned, after what was done: apart
    if item.kind == "agreement" or item.dates:
        return None
    told = _group_text(group)
    for match in _SAME_NOUN.finditer(item.sentence.text):
        # the noun as the sentences before wrote it, number included: « ces régions » does
        # not point back at « cette région » (another, wider thing)
        if re.search(rf"\b{re.escape(fold(match.group(1)))}\b", told):
            return f"« {match.group(0)} » reprend ce que disent les phrases d'avant"
    return None


_PLUPERFECT = re.compile(r"\b(?:avait|avaient)\s+(?:\w+\s+)?\w+(?:é|i|u|is|it)e?s?\b")


def _background(group: Candidate, item: Candidate) -> str | None:
    """« Cette livraison s'inscrit dans une alliance entre A, B et C. Le Pakistan avait apporté
    un soutien à Bakou en 2020. » : a sentence in the pluperfect right after an undated constat,
    naming only its actors, tells the background of that constat (its own date stays in the
    annotations; the constat stays a constat)."""
    if item.position - group.position != 1 or group.kind != "fact" or group.dates:
        return None
    if item.modality is not None or item.kind == "agreement" or group.more:
        return None
    if item.kind == "event" and item.subtype in (*MEETINGS, "exercice"):
        return None  # « Un exercice … avait déjà eu lieu en février dernier » : its own event
    theirs = _actor_ids(item)
    if not theirs or not theirs <= _actor_ids(group):
        return None
    if _PLUPERFECT.search(item.sentence.text) is None:
        return None
    return "plus-que-parfait : le contexte du constat d'avant, mêmes acteurs"


_PRONOUN_SUBJECT = re.compile(r"^(?:Il|Elle)\s")


def _same_subject(group: Candidate, item: Candidate) -> str | None:
    """« Le JF-17 est un chasseur développé par … Il a volé pour la première fois en 2003. » :
    a sentence opening on « Il »/« Elle » right after an undated constat, naming none but its
    actors, with no act nor kind of event of its own, goes on describing the constat's subject;
    its date is that subject's history, and the constat stays a constat."""
    if item.position - group.position != 1 or group.kind != "fact" or group.dates:
        return None
    if item.modality is not None or item.act is not None or item.subtype is not None:
        return None
    if item.kind == "agreement" or not _actor_ids(item) <= _actor_ids(group):
        return None
    opener = _PRONOUN_SUBJECT.match(item.sentence.text)
    if opener is None:
        return None
    return f"« {opener.group(0).strip()} » reprend le sujet du constat d'avant"


_OPENING = "«“"
_CLOSING = "»”"


def _quotation_depths(texts: list[str]) -> list[tuple[bool, str]]:
    """For each sentence: does it start inside a quotation an earlier sentence opened, and,
    for a sentence that opens one, the words after the mark that closes it (its attribution:
    « , a-t-il dit »), found in this sentence or a later one."""
    inside: list[bool] = []
    depth = 0
    straight = False
    closers: list[tuple[int, int]] = []  # (sentence, offset after the closing mark)
    opened_at = 0
    for number, text in enumerate(texts):
        if not (depth > 0 or straight):
            opened_at = number
        inside.append(depth > 0 or straight)
        for offset, char in enumerate(text):
            if char in _OPENING:
                depth += 1
            elif char in _CLOSING and depth > 0:
                depth -= 1
                if depth == 0 and not straight:
                    closers.append((number, offset + 1))
            elif char in _CLOSING and straight:
                # « "Pour couronner … physiquement”, a-t-il souligné » : a copy that opens with
                # a straight mark and closes with a curly one still quotes one speech
                straight = False
                closers.append((number, offset + 1))
            elif char == '"':
                straight = not straight
                if not straight and depth == 0:
                    closers.append((number, offset + 1))
    if depth > 0 or straight:  # a mark never closed (a typo, a cut copy) opens nothing
        inside[opened_at:] = [False] * (len(texts) - opened_at)
    result: list[tuple[bool, str]] = []
    for number, text in enumerate(texts):
        opens = not inside[number] and text[:1] in _OPENING + '"'
        after = ""
        if opens:
            after = next(
                (texts[where][offset:] for where, offset in closers if where >= number), ""
            )
        result.append((inside[number], after))
    return result


_PRONOUN_SAID = re.compile(r"^\W*(?:a|ont|avait|avaient)-t?-?(?:il|elle|ils|elles)\b")
"""« …», a-t-il dit » : the quotation's speaker is named only by a pronoun."""
_SPEECH = re.compile(
    r"\b(?:a|ont|avait|avaient)\s+(?:\w+\s+)?(?:déclaré|dit|souligné|noté|ajouté|estimé|"
    r"indiqué|affirmé|fait savoir|expliqué|précisé|rappelé|assuré|insisté|martelé|"
    r"condamné|exprimé|salué|évoqué|déploré|appelé|plaidé|réaffirmé|confirmé|averti|"
    r"répondu|réitéré|annoncé|parlé|mis l['’]accent|remercié|dénoncé|estimé|relevé|"
    r"observé|repris|poursuivi|conclu|fait remarquer|fait observer)\b|"
    r"\bs['’]est dit\b",
    re.IGNORECASE,
)
"""A verb of saying: the sentence tells what a speaker said."""


_BETWEEN = re.compile(
    r"\b(?:sign[ée]e?s?|conclue?s?|accord|cessez-le-feu|traité)\b[^.;]{0,40}?\bentre\s+"
    r"(?P<one>[^,;.]{2,60}?)\s+et\s+(?P<other>[^,;.]{2,60})",
    re.IGNORECASE,
)
"""« le cessez-le-feu signé en novembre 2020, entre l'Arménie et l'Azerbaïdjan »: its parties."""
_AEGIS = re.compile(
    r"\bsous\s+l['’]égide\s+(?:de\s+la\s+|de\s+l['’]|d['’]|du\s+|des\s+|de\s+)"
    r"(?P<who>[^,;.]{2,40})",
    re.IGNORECASE,
)


def _parties_between(candidate: Candidate, finder: ActorFinder) -> None:
    """An agreement « signé … entre X et Y » has X and Y for parties, not every country of the
    sentence (« l'UE et l'OTAN cherchent à peser … où la Russie a cherché à reprendre pied »);
    « sous l'égide de Moscou » names its mediator."""
    text = candidate.sentence.text
    match = _BETWEEN.search(text)
    if match is None:
        return
    tail = match.group("other")
    aegis = _AEGIS.search(tail)
    if aegis is not None:
        tail = tail[: aegis.start()]
    named = [*finder.find(match.group("one")), *finder.find(tail)]
    ids = list(dict.fromkeys(hit.id for hit in named))
    if len(ids) != 2:
        return
    by_id = {hit.id: hit for hit in candidate.actors}
    if not all(actor in by_id for actor in ids):
        return
    candidate.actors = [by_id[actor] for actor in ids]
    found = _AEGIS.search(text[match.start() :])
    if found is not None:
        candidate.mediators = [hit for hit in finder.find(found.group("who")) if hit.id not in ids][
            :1
        ]


def _mediated(candidate: Candidate, finder: ActorFinder) -> None:
    """« La Russie, qui assurait la médiation entre les deux pays et parrainait la signature
    d'un accord de cessez-le-feu » : Russia is the mediator of what the two others agree,
    not one of its parties (the guide: a mediator is no party)."""
    if candidate.kind == "fact":
        return
    found = mediator(candidate.sentence.text, finder)
    hits = [hit for hit in candidate.actors if hit.id == found]
    others = {hit.id for hit in candidate.actors if hit.id != found}
    if found is None or not hits or len(others) < 2:
        return
    candidate.actors = [hit for hit in candidate.actors if hit.id != found]
    if found not in {hit.id for hit in candidate.mediators}:
        candidate.mediators = [*candidate.mediators, hits[0]]


_UNQUOTED_SAID = re.compile(
    r",\s+(?:a|ont|avait|avaient)\s+(?:\w+\s+)?(?:déclaré|dit|souligné|noté|ajouté|estimé|"
    r"indiqué|affirmé|expliqué|précisé|rappelé|assuré|insisté)\s+(?P<who>.+)$",
    re.IGNORECASE | re.DOTALL,
)
"""« Nous pensons que …, a souligné le président azerbaïdjanais Ilham Aliyev lors de … »:
words said without quotation marks, then who said them."""
_OUR = re.compile(r"^(?:Notre|Nos|Nous)\b")
"""A sentence opening in the first person plural: someone's words, not the article's."""
_FIRST_PERSON = re.compile(r"\b(?:nous|notre|nos|je|j['’]|mon|ma|mes)\b", re.IGNORECASE)
_MARKS = '«»"“”'


def _unquoted_speech(
    candidates: list[Candidate],
    skipped: list[Sentence],
    article: Article,
    finder: ActorFinder,
    reasons: dict[int, str],
) -> None:
    """A paragraph of speech without quotation marks ended by « …, a souligné le président
    azerbaïdjanais X »: the speaker's country is an actor of each first-person sentence of
    the paragraph before it, the attribution a key quote of each; a first-person sentence
    set aside just before the attribution (« En même temps, nous pensons à des exercices
    militaires conjoints. ») is what the speaker said: it joins the attribution's candidate."""
    for said in candidates:
        text = said.sentence.text
        match = _UNQUOTED_SAID.search(text)
        if match is None or any(mark in text for mark in _MARKS):
            continue
        if not _FIRST_PERSON.search(text[: match.start()]):
            continue
        speaker = [
            hit for hit in finder.find(match.group("who")) if len(hit.id) == 2 and hit.id.isupper()
        ][:1]
        if not speaker:
            continue
        paragraph = article.text.rfind("\n", 0, said.sentence.start) + 1
        starts = [c.sentence.start for c in candidates]
        before = [
            sentence
            for sentence in skipped
            if paragraph <= sentence.start < said.sentence.start and sentence.start not in reasons
        ]
        if (
            before
            and _FIRST_PERSON.search(before[-1].text)
            and not any(before[-1].start < start < said.sentence.start for start in starts)
        ):
            skipped.remove(before[-1])
            said.spoken.append(before[-1])
        for candidate in candidates:
            start = candidate.sentence.start
            if not paragraph <= start < said.sentence.start or candidate.in_quote:
                continue
            if any(mark in candidate.text for mark in _MARKS):
                continue
            if not _FIRST_PERSON.search(candidate.text):
                continue
            if speaker[0].id not in {hit.id for hit in candidate.actors}:
                candidate.actors.insert(0, speaker[0])
            candidate.said_in = said.sentence


def _titled_speaker(candidates: list[Candidate], article: Article, finder: ActorFinder) -> None:
    """« …», a dit le président de la République / a estimé le chef de l'État : the head of
    state the article named earlier with his nationality (« le président azerbaïdjanais Ilham
    Aliyev ») — his country is an actor of what he said, the sentence naming him a key quote
    (it is what shows who « le chef de l'État » is). Only when the article named one."""
    heads = [
        (sentence, country)
        for sentence in article.sentences
        if (country := head_of_state(sentence.text, finder)) is not None
    ]
    if len({country for _, country in heads}) != 1:
        return
    naming, country = heads[0]
    for candidate in candidates:
        sentences = [candidate.sentence, *candidate.more]
        if not any(HEAD_TITLE.search(sentence.text) for sentence in sentences):
            continue
        if candidate.sentence.start <= naming.start and not candidate.in_quote:
            continue  # the title before the name: not a reference back
        if country not in {hit.id for hit in candidate.actors}:
            candidate.actors.insert(0, ActorHit(country, "chef de l'État", country in finder.known))
            candidate.resolved.append(Resolved("le chef de l'État", country))
        named = naming in sentences or naming in candidate.spoken or candidate.said_in == naming
        if not named and candidate.said_in is None:
            candidate.said_in = naming


_AGREEMENT_SUBJECT = re.compile(
    r"^(?:L['’]accord|Le contrat|Le traité|Le mémorandum|Le plan|Le protocole|La charte|"
    r"Cet accord|Ce contrat|Ce traité|Ce mémorandum|Ce plan|Ce protocole|Cette charte)\b"
)


def _agreement_parties(candidates: list[Candidate]) -> None:
    """« L'accord était sur la table depuis avril dernier. » names no actor: its subject is
    the agreement drafted just before, whose parties are the sentence's actors."""
    latest: Candidate | None = None
    for candidate in candidates:
        if candidate.kind == "agreement":
            latest = candidate
            continue
        found = _AGREEMENT_SUBJECT.match(candidate.sentence.text)
        if candidate.actors or found is None or latest is None or not latest.actors:
            continue
        candidate.actors = list(latest.actors)
        candidate.resolved += [Resolved(found.group(0), hit.id) for hit in latest.actors]


def _same_day_events(candidates: list[Candidate]) -> list[Candidate]:
    """One meeting or visit told twice (« rencontre … à Bakou le 17 mars 2024 », later « est
    arrivé à Bakou le 17 mars dernier »): an event of the same type and day as an earlier
    one, naming no actor the earlier one lacks, is that event — its sentence joins it."""
    kept: list[Candidate] = []
    for candidate in candidates:
        main = _main_date(candidate.dates)
        day = main.iso if main is not None and main.precision == "jour" else None
        earlier = next(
            (
                other
                for other in kept
                if candidate.kind == "event"
                and other.kind == "event"
                and candidate.subtype in (*MEETINGS, "exercice", "mesure")
                and other.subtype == candidate.subtype
                and day is not None
                and day in {found.iso for found in other.dates}
                and candidate.modality is None
                and other.modality is None
                and _actor_ids(candidate) <= _actor_ids(other)
                and candidate.tense == other.tense
            ),
            None,
        )
        if earlier is None:
            kept.append(candidate)
            continue
        earlier.more += [candidate.sentence, *candidate.more]
        earlier.grouped_why.append(
            f"même {candidate.subtype} le même jour ({day}), sans acteur de plus"
        )
    return kept


def _same_quotation(group: Candidate, item: Candidate, last: str) -> str | None:
    """Why ``item`` belongs to the quotation (or the speaker) of ``group``, or None.

    A sentence inside a quotation an earlier sentence opened goes with that sentence — one
    speech is one candidate, not an opening « without its closing » — unless it gives a full
    date of its own that the group lacks (another event, told inside the speech). A quotation
    whose speaker is only « a-t-il dit » goes with the sentence just before when that one
    tells what someone said: the pronoun is that speaker."""
    if item.position - group.position != 1:
        return None
    if item.in_quote:
        own = _main_date(item.dates)
        main = _main_date(group.dates)
        if own is not None and own.iso and (main is None or not main.iso):
            if own.basis == "texte":
                return None
            if item.kind == "event" and group.kind == "fact":
                # « Au mois de novembre dernier, j'ai visité le Quartier général … » after
                # « Depuis de longues années, nous coopérons … » : a visit the speech dates
                # (inferred) after a standing state, two things
                return None
        return "suite de la citation de la phrase d'avant"
    if item.said_by_pronoun and _SPEECH.search(last):
        return "citation attribuée par « il » à l'orateur de la phrase d'avant"
    return None


_SAID_THESE = re.compile(
    r"\b(?:ces|ses|leurs)\s+(?:remarques|propos|déclarations|commentaires|affirmations)\b"
    r"|\bcette\s+(?:déclaration|remarque|affirmation)\b",
    re.IGNORECASE,
)
"""« ont fait ces remarques lors de la réunion … », « a fait cette déclaration lors de sa
rencontre jeudi avec … » : the sentence tells where and when the one before was said."""


def _said_these(group: Candidate, item: Candidate) -> str | None:
    """The lead « X et Y soulignent … » followed by « ils ont fait ces remarques lors de la
    réunion du 18 novembre » : one event, dated by the second sentence."""
    said = group.kind == "fact" or (group.kind == "event" and group.subtype == "declaration")
    if item.position - group.position != 1 or not said or group.more:
        return None
    if group.modality is not None or item.modality is not None or item.kind == "agreement":
        return None
    if not _actor_ids(item) <= _actor_ids(group):
        return None
    found = _SAID_THESE.search(item.sentence.text)
    return f"« {found.group(0)} » reprend ce que dit la phrase d'avant" if found else None


def _same_event(group: Candidate, item: Candidate) -> str | None:
    """« Les premiers exercices … ont débuté dimanche » then « Les exercices « Trois Frères –
    2021 » ont débuté par une cérémonie » : the next sentence tells the same kind of event
    (exercise, meeting…) with no actor beyond the group's, and only one of them is dated —
    one event. A sentence that reports what someone said (« a déclaré dans un communiqué
    que… ») is that speaker's statement, kept apart."""
    if item.position - group.position != 1 or item.kind == "agreement":
        return None
    if _SPEECH.search(item.sentence.text) or item.tense != group.tense:
        return None  # a statement, or what the meeting « sera »: not the meeting told
    if group.modality is not None or item.modality is not None:
        return None
    main, other = _main_date(group.dates), _main_date(item.dates)
    if main is not None and main.iso and other is not None and other.iso:
        edition = bool(other.reason and other.reason.startswith(_EDITION_REASON))
        if not (edition and main.iso.startswith(other.iso)):
            return None  # an edition's year (« l'édition 2021 ») dates no second event
    kind = event_type(item.sentence.text, None)
    if kind in (None, "declaration") or kind != event_type(group.sentence.text, None):
        return None
    if not _actor_ids(item) <= _actor_ids(group):
        return None
    return f"même événement ({kind}), phrase suivante"


_THIS_AGREEMENT = re.compile(
    r"\b(?:ce|cet|cette|ces|ledit|ladite|(?:le|la)\s+même)\s+"
    r"(accord|contrat|traité|mémorandum|memorandum|plan|protocole|charte)s?\b",
    re.IGNORECASE,
)
"""« La signature de cet accord a eu lieu à Bakou » : the agreement just told, not another."""


def _this_agreement(group: Candidate, item: Candidate) -> str | None:
    """A sentence pointing back at the agreement ``group`` drafted (« cet accord », « ce
    contrat ») with no date nor actor of its own beyond the group's: the same agreement."""
    if group.kind != "agreement" or item.modality is not None or item.tense != group.tense:
        return None  # « quatre exemplaires pourraient figurer dans ce contrat »: a possibility
    found = _THIS_AGREEMENT.search(item.sentence.text)
    if found is None or agreement_kind(found.group(0)) != group.subtype:
        return None
    if any(found_date.iso for found_date in item.dates) or not _actor_ids(item) <= _actor_ids(
        group
    ):
        return None
    return f"« {found.group(0)} » reprend l'accord de la phrase d'avant"


_THE_SIGNING = re.compile(
    r"\b(?:la\s+signature|la\s+conclusion)\s+(?:du\s+|de\s+l['’]\s?)"
    r"(accord|contrat|traité|mémorandum|memorandum|plan|protocole|charte)\b",
    re.IGNORECASE,
)
"""« … était en Italie pour la signature du contrat » : the contract the article told."""


def _named_ids(candidate: Candidate) -> set[str]:
    """The actors of a candidate beyond those « les deux pays » (or « le pays ») stands for:
    a sentence about the two countries of an agreement names no new party."""
    return _actor_ids(candidate) - {item.actor for item in candidate.resolved}


def _back_to_agreement(candidates: list[Candidate]) -> list[Candidate]:
    """A later candidate that names the agreement told before (« pour la signature du
    contrat », « Cet accord fait partie … ») with no date, modality or actor of its own beyond
    it, and no other agreement between them, joins that agreement though other sentences
    (its number of aircraft, its delivery) came between: one candidate per agreement."""
    kept: list[Candidate] = []
    for item in candidates:
        found = _THE_SIGNING.search(item.sentence.text) or _THIS_AGREEMENT.search(
            item.sentence.text
        )
        earlier = next((c for c in reversed(kept) if c.kind == "agreement"), None)
        if (
            found is None
            or earlier is None
            or item.kind == "fact"
            or item.modality is not None
            or item.tense != "passé"
            or agreement_kind(found.group(0)) != earlier.subtype
            or any(d.iso for d in item.dates)
            or not _named_ids(item) <= _actor_ids(earlier)
        ):
            kept.append(item)
            continue
        earlier.more += [item.sentence, *item.more]
        earlier.grouped_why.append(f"« {found.group(0)} » reprend l'accord d'avant")
        earlier.places += [hit for hit in item.places if hit not in earlier.places]
        earlier.nationals += [hit for hit in item.nationals if hit not in earlier.nationals]
        earlier.unknown += [name for name in item.unknown if name not in earlier.unknown]
        earlier.numbers += item.numbers
    return kept


_THIS_SALE = re.compile(
    r"^(?:(?:Selon|D['’]après)\s[^,]{1,80},\s+)?(?:ce|cet|cette|ces)\s+"
    r"(?:accord|contrat|transaction|vente|achat|acquisition)s?\b",
    re.IGNORECASE,
)
"""« Selon le quotidien israélien Maariv, cet accord incluent des drones … » : a sentence whose
subject points back at the sale told before."""


def _back_to_sale(candidates: list[Candidate]) -> list[Candidate]:
    """A sentence whose subject is « cet accord », « cette transaction » (after its
    attribution, if any) joins the sale told just before (« a vendu à l'Azerbaïdjan … ») though
    another sentence (« Bakou compte recevoir aussi … », an intention kept apart) came between,
    when it has no date, modality or actor of its own beyond the sale's."""
    kept: list[Candidate] = []
    for item in candidates:
        found = _THIS_SALE.match(item.sentence.text)
        earlier = next((c for c in reversed(kept) if c.act == "achat"), None)
        if (
            found is None
            or earlier is None
            or item.kind == "agreement"
            or item.modality is not None
            or item.more
            or _JUDGES_THIS.match(item.sentence.text)
            or any(d.iso for d in item.dates)
            or item.position - earlier.position > GROUP_DISTANCE
            or any(c.kind == "agreement" for c in kept[kept.index(earlier) + 1 :])
            or not _actor_ids(item) <= _actor_ids(earlier)
        ):
            kept.append(item)
            continue
        earlier.more.append(item.sentence)
        earlier.grouped_why.append(f"« {found.group(0)} » reprend la vente d'avant")
        earlier.unknown += [name for name in item.unknown if name not in earlier.unknown]
        earlier.numbers += item.numbers
    return kept


def _bare(text: str) -> str:
    """A sentence's words only: « qu’"Israël" aurait » and « qu’Israël aurait » are one."""
    return " ".join(re.findall(r"\w+", fold(text)))


def _repeats(candidates: list[Candidate]) -> list[Candidate]:
    """A candidate of one sentence that another candidate repeats word for word (the
    standfirst the body writes again, quotation marks aside) is no fact of its own: it joins
    the one that repeats it, as a further quote."""
    kept: list[Candidate] = []
    for item in candidates:
        words = _bare(item.sentence.text)
        twin = next(
            (
                other
                for other in candidates
                if other is not item
                and other.position != item.position
                and any(_bare(sentence.text) == words for sentence in (other.sentence, *other.more))
            ),
            None,
        )
        if item.more or twin is None or len(words.split()) < 6:
            kept.append(item)
            continue
        twin.more.append(item.sentence)
        twin.grouped_why.append("répète mot pour mot une phrase de l'entrée (chapeau repris)")
    return kept


_DENIED_STATE = re.compile(
    r"\bn['’](?:y\s+)?(?:est|sont|était|étaient)\s+pas\s+(?:encore\s+|toujours\s+)?"
    r"(?P<state>[a-zà-ÿ]{4,})",
    re.IGNORECASE,
)
"""« n'est pas encore prêt », « n'y est pas prêt » : a state a declaration denies."""


def _says_again(candidates: list[Candidate]) -> list[Candidate]:
    """An undated statement that denies again the state a declaration denied (« L'Azerbaïdjan
    n'est pas encore prêt à adhérer …, a déclaré le président » … « il est évident que notre
    pays n'y est pas prêt ») with no actor the declaration lacks is that declaration said
    again: it joins it, wherever it stands."""
    kept: list[Candidate] = []
    for item in candidates:
        states = {fold(m.group("state")) for m in _DENIED_STATE.finditer(item.text)}
        target = next(
            (
                earlier
                for earlier in kept
                if earlier.kind == "event"
                and earlier.subtype == "declaration"
                and states & {fold(m.group("state")) for m in _DENIED_STATE.finditer(earlier.text)}
                and {hit.id for hit in item.actors} <= {hit.id for hit in earlier.actors}
            ),
            None,
        )
        if item.kind != "fact" or item.dates or not states or target is None:
            kept.append(item)
            continue
        target.more += [*item.opened_by, item.sentence, *item.more]
        target.spoken += item.spoken
        target.grouped_why.append("redit l'état que la déclaration nie (« pas … prêt »)")
    return kept


_SAME_SOURCE = re.compile(
    r"\b(?:selon|d['’]après|de)\s+(?:la\s+)?même\s+source\b"
    r"|\b(?:a\s+)?(?:ajouté|précisé|poursuivi)\s+(?:la\s+même\s+source|le\s+communiqué)\b",
    re.IGNORECASE,
)
"""« …, selon la même source », « a ajouté le communiqué » : more of the statement just told."""


def _same_source(candidates: list[Candidate]) -> list[Candidate]:
    """A candidate told « selon la même source » (or « a ajouté le communiqué ») with no date
    of its own is the rest of the declaration told before it: it joins it, with its actors —
    alone, the hedge would point at nothing and the speaker would be lost."""
    kept: list[Candidate] = []
    for item in candidates:
        said = next(
            (
                found
                for sentence in (item.sentence, *item.more)
                if (found := _SAME_SOURCE.search(sentence.text))
            ),
            None,
        )
        target = next((c for c in reversed(kept) if c.kind == "event"), None)
        if (
            said is None
            or any(found.iso for found in item.dates)
            or target is None
            or target.subtype not in ("declaration", "reunion")
        ):
            kept.append(item)
            continue
        target.more += [*item.opened_by, item.sentence, *item.more]
        target.more.sort(key=lambda sentence: sentence.start)
        target.spoken += item.spoken
        seen = {hit.id for hit in target.actors}
        target.actors += [hit for hit in item.actors if hit.id not in seen]
        target.numbers += item.numbers
        target.unknown += [name for name in item.unknown if name not in target.unknown]
        target.grouped_why.append(
            f"« {' '.join(said.group(0).split())} » : suite de "
            + ("la déclaration" if target.subtype == "declaration" else "la rencontre")
        )
    return kept


_AT_THE_EVENT = re.compile(
    r"\b(?:à|lors de|pendant|durant)\s+(?:la|cette)\s+(cérémonie|rencontre|réunion|séance)"
    r"(?:\s+d['’](inauguration))?\b",
    re.IGNORECASE,
)
"""« … ont été présents à la cérémonie d'inauguration »: the event an earlier sentence told."""


def _back_to_event(candidates: list[Candidate]) -> list[Candidate]:
    """A later sentence telling who was « présent à la cérémonie d'inauguration » (the same
    event noun as an event told just before, other sentences between), with no date or
    modality of its own, joins that event: one candidate per event, its attendees its actors."""
    kept: list[Candidate] = []
    for item in candidates:
        found = _AT_THE_EVENT.search(item.sentence.text)
        nouns = [fold(word) for word in found.groups() if word] if found else []
        earlier = next((c for c in reversed(kept) if c.kind == "event"), None)
        if (
            found is None
            or earlier is None
            or item.kind == "agreement"
            or item.modality is not None
            or any(d.iso for d in item.dates)
            or item.position - earlier.position > GROUP_DISTANCE + 1
            or not all(noun in fold(earlier.sentence.text) for noun in nouns)
            or other_subject(earlier, item)
        ):
            kept.append(item)
            continue
        earlier.more += [item.sentence, *item.more]
        earlier.grouped_why.append(f"« {found.group(0).strip()} » reprend l'événement d'avant")
        earlier.position = item.position
        known = _actor_ids(earlier)
        earlier.actors += [hit for hit in item.actors if hit.id not in known]
        earlier.resolved += item.resolved
        earlier.unknown += [name for name in item.unknown if name not in earlier.unknown]
        earlier.numbers += item.numbers
    return kept


_THIS_VISIT = re.compile(
    r"\b(?:(?:lors|au\s+cours|à\s+l['’]occasion)\s+de\s+(?:cette|sa|la)\s+visite|"
    r"(?:[Ll]ors|[Aa]u\s+cours|[Àà]\s+l['’]occasion)\s+de\s+(?:ce|son)\s+"
    r"(?:voyage|déplacement|séjour)|"
    r"(?:[Cc]ette|[Ss]a)\s+visite|(?:[Cc]e|[Ll]e|[Ss]on)\s+(?:voyage|déplacement|séjour))\b"
)
"""« Le voyage a été annoncé … », « a rencontré lors de cette visite officielle … » : the
visit an earlier sentence told."""
_DURING = re.compile(r"(?i:lors|au\s+cours|à\s+l['’]occasion)\b")
"""« Lors de ce voyage officiel de deux jours, M. Erdogan doit aussi s'entretenir … » : what is
planned during the visit (« doit », « devrait ») is part of it, not a plan of its own."""
_JUDGES_VISIT = re.compile(
    r"(?:[Cc]ette|[Ss]a|[Ll]a)\s+visite\b[^,.;]*?\s+(?:est|constitue|marque|témoigne|illustre|"
    r"confirme|montre|reflète|souligne)\b"
)
"""« Cette visite de deux jours est la dernière expression publique des liens … » : what the
visit shows is a fact of its own, not the visit."""
_TELLS_VISIT = re.compile(
    r"\b(?:s['’](?:est|était)\s+rendue?s?|se\s+rend(?:ra|re|ent|ront)?|en\s+visite|"
    r"(?:est|sont)\s+arrivée?s?|une\s+visite|visite\s+officielle)\b",
    re.IGNORECASE,
)


_ALSO_MEETS = re.compile(
    r"\b(?:rencontrer(?:a|ont)|(?:a|ont)\s+rencontré|s['’]entretiendr(?:a|ont)|"
    r"s['’](?:est|sont)\s+entretenus?|recevr(?:a|ont)|(?:a|ont)\s+reçu)\s+"
    r"(?:également|aussi)\b",
    re.IGNORECASE,
)
_PERSON = re.compile(r"(?<!^)(?<![.!?]\s)\b[A-ZÀ-Þ][a-zà-ÿ]{3,}(?:-[A-ZÀ-Þ][a-zà-ÿ]+)?\b")


def _also_meets(visit: Candidate, item: Candidate) -> re.Match[str] | None:
    """« Gallant rencontrera également le chef des gardes-frontières … », a few sentences after
    « Yoav Gallant doit se rendre à Bakou … pour rencontrer le président » : one more meeting
    of the visit told before, by a person that visit named (issue 23, the curators' most
    frequent fix, « regrouper »: the newcomer5 set's Gallant visit)."""
    found = _ALSO_MEETS.search(item.sentence.text)
    first = item.position - len(item.more)  # the position of its own first sentence
    if found is None or first - visit.position > GROUP_DISTANCE + 2:
        return None
    told = " ".join([visit.sentence.text] + [s.text for s in visit.more])
    before = item.sentence.text[: found.start()]
    names = {name for name in _PERSON.findall(before) if name not in ("Défense", "Bakou")}
    names |= {name for name in re.findall(r"^[A-ZÀ-Þ][a-zà-ÿ]{3,}", before)}
    shared = [name for name in names if re.search(rf"\b{re.escape(name)}\b", told)]
    # a country's name (« la Turquie a également reçu ») is no person of the visit
    countries = {
        word
        for hit in visit.actors
        if _is_country_id(hit.id)
        for word in re.findall(r"\w+", country_name(hit.id))
    }
    person = [name for name in shared if name not in countries]
    return found if person else None


def _same_outlook(visit: Candidate, item: Candidate) -> bool:
    """One more meeting told as the visit is: both ahead (« doit se rendre » … « rencontrera
    également ») or both done."""
    if item.modality is None:
        return visit.modality is None
    ahead = visit.modality is not None or visit.tense == "futur"
    return ahead and item.modality.kind == "futur"


def _back_to_visit(candidates: list[Candidate]) -> list[Candidate]:
    """One candidate per visit: a later sentence that points back to it (« Le voyage a été
    annoncé seulement après que Yaalon soit arrivé », « X a rencontré lors de cette visite
    officielle … », however far), with no date, act (but its announcement) or modality of its
    own and no country beyond the visit's, joins the last candidate before it that told a
    visit; what the visit shows (« Cette visite … est la dernière expression des liens »)
    stays a fact of its own. Regrouping was the
    curators' most frequent fix (64 of 169 first drafts); a visit told in one place and taken
    up sentences later was its commonest far case."""
    kept: list[Candidate] = []
    visit: Candidate | None = None
    for item in candidates:
        found = _THIS_VISIT.search(item.sentence.text)
        also = found is None and visit is not None and _also_meets(visit, item) is not None
        if also and visit is not None:
            found = _also_meets(visit, item)
        if (
            visit is None
            or found is None
            or item.kind == "agreement"
            or _JUDGES_VISIT.match(item.sentence.text)
            or (
                item.modality is not None
                and not (also and _same_outlook(visit, item))
                and not _DURING.match(found.group(0))
            )
            or item.act not in (None, "annonce")
            or any(d.iso for d in item.dates)
            or not _actor_ids(item) <= _actor_ids(visit) | {h.id for h in visit.places}
        ):
            kept.append(item)
            if _TELLS_VISIT.search(item.text):
                visit = item  # the nearest visit told before: « cette visite » is the last one
            continue
        visit.more += [item.sentence, *item.more]
        visit.grouped_why.append(f"« {found.group(0)} » reprend la visite d'avant")
        visit.position = max(visit.position, item.position)
        visit.resolved += item.resolved
        visit.unknown += [name for name in item.unknown if name not in visit.unknown]
        visit.numbers += item.numbers
    return kept


_MEETING_PART = re.compile(
    r"\b(?:cérémonie\s+d['’]accueil|accueil\s+officiel|conférences?\s+de\s+presse|"
    r"points?\s+de\s+presse|échanges?\s+de\s+vues|pourparlers)",
    re.IGNORECASE,
)
"""What happens around a meeting — the welcome ceremony, the talks, the press conference —
is part of it, not an event of its own. « Lors de l'entretien, il a été noté que … » is not:
what was said there is a fact a curator keeps apart."""
_PRESS = re.compile(r"\b(?:conférences?|points?)\s+de\s+presse\b", re.IGNORECASE)


def _meeting_parts(candidates: list[Candidate]) -> list[Candidate]:
    """One candidate per meeting: a sentence telling its welcome ceremony, its talks (« les
    ministres ont procédé à un échange de vues ») or its press
    conference, with no date, act or modality of its own and no actor beyond the meeting's,
    joins the dated meeting told before it; a press conference another candidate grouped
    (an agreement signed at the meeting) moves to the meeting too."""
    kept: list[Candidate] = []
    for item in candidates:
        meeting = next(
            (
                c
                for c in reversed(kept)
                if c.kind == "event"
                and c.subtype in MEETINGS
                and _span(_main_date(c.dates)) is not None
            ),
            None,
        )
        if meeting is None:
            kept.append(item)
            continue
        if item.kind != "agreement":
            found = _MEETING_PART.search(item.sentence.text)
            if (
                found is not None
                and item.modality is None
                and item.act is None
                and not any(d.iso for d in item.dates)
                and _actor_ids(item) <= _actor_ids(meeting)
            ):
                meeting.more += [item.sentence, *item.more]
                meeting.grouped_why.append(f"« {found.group(0)} » : partie de la rencontre")
                meeting.resolved += item.resolved
                meeting.unknown += [n for n in item.unknown if n not in meeting.unknown]
                meeting.numbers += item.numbers
                continue
        press = [more for more in item.more if _PRESS.search(more.text)]
        if press and item is not meeting:
            item.more = [more for more in item.more if more not in press]
            meeting.more += press
            meeting.grouped_why.append("conférence de presse : partie de la rencontre")
        kept.append(item)
    for candidate in kept:
        candidate.more.sort(key=lambda sentence: sentence.start)
    return kept


_FAIR = re.compile(r"\b(?:salon|exposition|foire|forum|sommet|conférence)\b", re.IGNORECASE)


def _opening_type(text: str, act: str | None) -> str:
    """The type of an opening told without a date: a fair's is a forum."""
    if _FAIR.search(text):
        return "forum"
    found = event_type(text, act)
    return found if found not in (None, "declaration") else "fondation"


def _sentences_of(candidate: Candidate) -> list[Sentence]:
    return [candidate.sentence, *candidate.more]


def _without(candidate: Candidate, gone: set[int], single: dict[int, Candidate]) -> bool:
    """Take the sentences starting at ``gone`` out of ``candidate``; False when none is left.
    Its actors become those of the sentences it keeps."""
    kept = [s for s in _sentences_of(candidate) if s.start not in gone]
    if not kept:
        return False
    if len(kept) == len(_sentences_of(candidate)):
        return True
    candidate.sentence, candidate.more = kept[0], kept[1:]
    ids = {hit.id for s in kept if s.start in single for hit in single[s.start].actors}
    candidate.actors = [hit for hit in candidate.actors if hit.id in ids]
    return True


def _joined(into: Candidate, part: Candidate, why: str) -> None:
    into.more.append(part.sentence)
    into.grouped_why.append(why)
    seen = {hit.id for hit in into.actors}
    into.actors += [hit for hit in part.actors if hit.id not in seen]
    into.dates += [found for found in part.dates if found.iso]
    into.unknown += [name for name in part.unknown if name not in into.unknown]
    into.numbers += part.numbers
    into.resolved += part.resolved


OPENING_REACH = 10
"""How many sentences after an opening its attendees and exhibits may be told."""


def _opening_frame(candidates: list[Candidate], single: dict[int, Candidate]) -> list[Candidate]:
    """One event per opening (a fair, a ceremony): the sentence telling it opens a frame; the
    sentences after it telling who attended (« ont pris part à la cérémonie », « ont également
    participé à l'événement » — foreign ministers included) join it with their countries, and
    those telling what was shown (« présente 193 types d'armes à l'exposition ») make one
    constat; the frame closes at the next opening or meeting, or OPENING_REACH sentences on.
    Never cut by actor sets."""
    sentences = sorted(
        (s for c in candidates for s in _sentences_of(c)), key=lambda sentence: sentence.start
    )
    for index, sentence in enumerate(sentences):
        if not opening(sentence.text) or sentence.start not in single:
            continue
        event = next(c for c in candidates if sentence in _sentences_of(c))
        if event.sentence is not sentence:
            continue
        attending: list[Candidate] = []
        showing: list[Candidate] = []
        for later in sentences[index + 1 : index + 1 + OPENING_REACH]:
            if opening(later.text) or meeting_head(later.text) or later.start not in single:
                break
            if attends(later.text):
                attending.append(single[later.start])
            elif shown(later.text):
                showing.append(single[later.start])
        if not attending and not showing:
            continue
        gone = {part.sentence.start for part in attending + showing}
        candidates = [c for c in candidates if c is event or _without(c, gone, single)]
        if event.kind != "event":
            event.kind, event.subtype = "event", _opening_type(sentence.text, event.act)
        event.more = [s for s in event.more if s.start not in gone]
        for part in attending:
            _joined(event, part, f"« {attends(part.sentence.text)} » : présent à l'ouverture")
        if showing:
            first = replace(
                showing[0], more=[], grouped_why=[], kind="fact", subtype=None, act=None
            )
            for part in showing[1:]:
                _joined(first, part, "ce qui est présenté au même salon")
            candidates.insert(candidates.index(event) + 1, first)
        event.more.sort(key=lambda s: s.start)
        event.position = max(event.position, *(p.position for p in attending), 0)
    return candidates


_PROGRAMME_NOUNS = {
    "exercice": re.compile(
        r"\b(?:exercices?|manœuvres?|entraîn\w*|tirs?|vols?|briefings?|débriefings?|"
        r"participants)\b",
        re.IGNORECASE,
    ),
    "forum": re.compile(
        r"\b(?:salon|exposition|forum|conférence|sommet|participants)\b", re.IGNORECASE
    ),
    "reunion": re.compile(
        r"\b(?:échanges?\s+de\s+vues|participants|discussions?|entretiens?|pourparlers|"
        r"rencontre|réunion|consultations)\b",
        re.IGNORECASE,
    ),
}
"""The words by which a sentence without actor, date or number describes the programme of an
event of that type (« Des exercices de … sont prévus », « Les vols ont été précédés d'un
briefing », « Un large échange de vues a eu lieu », « Les participants ont été informés »)."""
PROGRAMME_REACH = 3
"""How many sentences after the event its programme may come (a quoted remark between)."""


def _programme(
    candidates: list[Candidate],
    skipped: list[Sentence],
    positions: dict[int, int],
    weak: set[int],
) -> tuple[list[Sentence], set[int]]:
    """Sentences set aside for having no actor, date, number or act that describe the
    programme of the event just named (its type's noun: « Des exercices de déploiement … sont
    prévus ») join that event, up to PROGRAMME_REACH sentences after it; the others stay
    aside. Returns the sentences left aside and the starts of those joined (key quotes)."""
    left: list[Sentence] = []
    joined: set[int] = set()
    for sentence in skipped:
        where = positions.get(sentence.start)
        event = next(
            (
                c
                for c in sorted(candidates, key=lambda c: -c.position)
                if c.kind == "event"
                and c.subtype in _PROGRAMME_NOUNS
                and where is not None
                and 0 < where - c.position <= PROGRAMME_REACH
            ),
            None,
        )
        pattern = _PROGRAMME_NOUNS.get(event.subtype or "") if event is not None else None
        noun = pattern.search(sentence.text) if pattern is not None else None
        if event is None or noun is None or len(sentence.text) < MIN_QUOTE:
            left.append(sentence)
            continue
        event.more.append(sentence)
        event.more.sort(key=lambda s: s.start)
        event.grouped_why.append(f"« {noun.group(0)} » : programme de l'événement nommé avant")
        joined.add(sentence.start)
    for event in candidates:  # those grouped already as the weak next sentences of the event
        if event.kind != "event" or event.subtype == "reunion":  # a meeting's talk stays as read
            continue
        pattern = _PROGRAMME_NOUNS.get(event.subtype or "")
        if pattern is not None:
            joined |= {s.start for s in event.more if pattern.search(s.text) and s.start in weak}
    return left, joined


_EXERCISE_FRAME = re.compile(
    r"\b(?:exercices?|manœuvres?|opération\s+conjointe|ennemi\s+simulé)\b", re.IGNORECASE
)
"""« participent aux exercices », « Dans le cadre d'une opération conjointe » : what happens
inside the exercise just told."""


def _exercise_parts(candidates: list[Candidate], positions: dict[int, int]) -> list[Candidate]:
    """An undated constat told right after an exercise (its next sentence on), with no actor
    the exercise lacks, no figure and no words quoted, and a sentence that speaks of the
    exercise (« Les pilotes participent aux exercices sur des Su-25 », « Dans le cadre d'une
    opération conjointe ») is the exercise's own: it joins it — alone it would lose its
    exercise and its date."""
    kept: list[Candidate] = []
    for item in candidates:
        event = next((c for c in reversed(kept) if c.kind == "event"), None)
        last = (
            max(positions.get(s.start, -1) for s in (event.sentence, *event.more))
            if event is not None
            else -1
        )
        first = min(positions.get(s.start, -1) for s in (item.sentence, *item.more))
        own = (item.sentence, *item.more)
        if (
            event is None
            or event.subtype != "exercice"
            or item.kind != "fact"
            or item.dates
            or item.numbers  # a figure (« d'une durée de plus de dix jours ») is its own fact
            or item.spoken
            or any(mark in sentence.text for sentence in own for mark in '«»"')
            or first != last + 1
            or not _actor_ids(item) <= _actor_ids(event)
            or not any(_EXERCISE_FRAME.search(sentence.text) for sentence in own)
        ):
            kept.append(item)
            continue
        event.more += [*item.opened_by, *own]
        event.more.sort(key=lambda sentence: sentence.start)
        event.numbers += item.numbers
        event.unknown += [name for name in item.unknown if name not in event.unknown]
        event.grouped_why.append("ce qui se passe pendant l'exercice nommé avant")
    return kept


_EXERCISE_END = re.compile(
    r"^(?:Les|Ces)\s+(?:exercices|manœuvres|entraînements)\b[^.;]{0,60}?\b(?:dureront|durent|"
    r"se\s+poursuivront|se\s+termineront|prendront\s+fin|s['’]achèveront)\s+"
    r"(?:jusqu['’]au|le)\s",
    re.IGNORECASE,
)
"""« Les exercices dureront jusqu'au 17 septembre » : the end of the exercise just told."""


def _exercise_end(candidates: list[Candidate]) -> None:
    """The end of the exercise told before (« Les exercices dureront jusqu'au 17 septembre »),
    a constat of a day without its year, becomes an ``exercice`` event of that day in the year
    of the exercise's name (« TurAz Falcon - 2021 »), inferred and said so, with the
    exercise's actors; the exercise's naming sentence goes with it so that it says which."""
    for index, item in enumerate(candidates):
        if item.kind != "fact" or item.more or not _EXERCISE_END.match(item.sentence.text):
            continue
        exercise = next((c for c in reversed(candidates[:index]) if c.subtype == "exercice"), None)
        named = next(
            (d for d in exercise.dates if d.iso and (d.reason or "").startswith(NAME_YEAR))
            if exercise is not None
            else iter(()),
            None,
        )
        day = next((d for d in item.dates if d.iso is None and d.precision == "jour"), None)
        if exercise is None or named is None or named.iso is None or day is None:
            continue
        dated = find_dates(f"{day.text} {named.iso[:4]}", None)
        if len(dated) != 1 or dated[0].iso is None or dated[0].precision != "jour":
            continue
        item.dates = [
            replace(
                day,
                iso=dated[0].iso,
                basis="déduit",
                note=f"« {day.text} » sans année ; {named.iso[:4]} lu dans le nom : déduit, "
                "pas une date du texte",
                reason=f"{named.reason}, jour « {day.text} »",
            )
        ]
        item.kind, item.subtype = "event", "exercice"
        item.actors = list(exercise.actors)
        item.resolved = []
        item.more = [exercise.sentence]
        item.grouped_why.append("fin de l'exercice nommé avant : sa phrase dit lequel")


def _family(act: str | None) -> str | None:
    """Acts that tell one transfer: the purchase (« cette acquisition ») and the delivery
    (« réceptionné … livrés ») of the same goods group together."""
    return "livre" if act == "achat" else act


_COURSE_VERB = (
    r"(?:se\s+prolong\w*|se\s+poursuiv\w*|dur(?:e|ent|er|era|eront|ait|aient)|"
    r"s['’]ach[eè]v\w*|se\s+termin\w*|prendr\w*\s+fin|se\s+déroul\w*|"
    r"(?:ont|auront|avaient)\s+lieu|réuniss\w*|mobilis\w*)"
)
_COURSE = re.compile(
    rf"^(?:Ils|Elles)\s+(?:\w+\s+)?{_COURSE_VERB}|\bqu['’]\s*(?:ils|elles)\s+(?:\w+\s+)?"
    rf"{_COURSE_VERB}",
    re.IGNORECASE,
)
"""« Ils doivent se prolonger vendredi », « … indique qu'ils se déroulent sur plusieurs
terrains » : a pronoun standing for the event just told, and how it goes on (its length, its
end, where it takes place) — that event, never one of its own (its day is the end's)."""
_TALKED = re.compile(
    r"\b(?:(?:ont|a)\s+fait\s+l['’]objet\s+d(?:e\s+|['’]\s*)(?:discussions|échanges|"
    r"entretiens|débats|consultations)|(?:ont|a)\s+été\s+(?:discuté|évoqué|abordé|examiné|"
    r"passé\w*\s+en\s+revue)\w*|au\s+centre\s+des\s+(?:discussions|entretiens|échanges|"
    r"pourparlers))",
    re.IGNORECASE,
)
"""« Les perspectives de la coopération … ont fait l'objet de discussions » : what the meeting
just told talked about."""


def _goes_on(group: Candidate, item: Candidate) -> str | None:
    """Why ``item`` tells more of the event ``group`` just told (its course, its talks)."""
    if group.kind != "event" or item.kind == "agreement" or item.position - group.position > 1:
        return None
    if _actor_ids(item) - _actor_ids(group):
        return None
    course = _COURSE.search(item.sentence.text)
    if course is not None:
        return f"« {course.group(0).strip()} » : le déroulement de l'événement d'avant"
    talked = _TALKED.search(item.sentence.text)
    if talked is not None and group.subtype in MEETINGS and not item.dates:
        return f"« {talked.group(0)} » : ce dont la rencontre d'avant a parlé"
    speech = _SPEECH_OPENER.match(item.sentence.text)
    if (
        speech is not None
        and group.subtype in MEETINGS
        and not item.dates
        and not _CLAIMS.search(item.sentence.text)
    ):
        return f"« {speech.group(0)} » : ce dont la rencontre d'avant a parlé"
    return None


_SPEECH_OPENER = re.compile(
    r"^(?:Lors|Au\s+cours|Dans|Pendant|Durant)\s+(?:de\s+)?(?:son|sa|leur)\s+"
    r"(?:intervention|discours|allocution|prise\s+de\s+parole|exposé)\b",
    re.IGNORECASE,
)
_CLAIMS = re.compile(
    r"\b(?:a|ont)\s+(?:\w+\s+){0,3}?(?:souligné|déclaré|affirmé|indiqué|noté|estimé|"
    r"fait\s+savoir|rappelé|assuré)\s+(?:que\b|qu['’])",
    re.IGNORECASE,
)
"""« Lors de son intervention, X a souligné que … » : one participant's statement (a claim, « que
… »), a declaration of its own — not more of the meeting told before; « Dans son discours
d'ouverture, X a parlé des liens … » lists what the meeting talked about: the meeting's."""
_SPEECH_GOES_ON = re.compile(
    r"^(?:Il|Elle)\s+(?:a|avait)\s+(?:\w+\s+)?(?:fait\s+savoir|souligné|ajouté|précisé|"
    r"rappelé|indiqué|déclaré|affirmé|estimé|noté|expliqué|poursuivi)\s+(?:que\b|qu['’])",
)
"""« Il a fait savoir que du 30 mars au 3 avril 1918, … » right after a statement: more of the
same speaker's words; its dates and the countries it names are what he said, not the
statement's."""
_ANSWERED = re.compile(
    r"\b(?:a|ont)\s+(?:exprimé|présenté|adressé|transmis)\s+(?:ses|leurs|les)\s+"
    r"(?:sincères\s+)?condoléances|\b(?:a|ont)\s+rendu\s+hommage\b",
    re.IGNORECASE,
)
"""« Y a exprimé ses condoléances … » right after a statement: the answer to it, one fact."""
SPEECH_CONTINUED = "la suite des propos de la phrase d'avant"


def _speech(group: Candidate, item: Candidate) -> str | None:
    """Why ``item`` goes on with (or answers) the statement ``group`` told just before."""
    if group.subtype != "declaration" or item.position - group.position != 1:
        return None
    if item.kind == "agreement" or item.modality is not None:
        return None
    said = _SPEECH_GOES_ON.match(item.sentence.text)
    if said is not None:
        return f"« {said.group(0)} » : {SPEECH_CONTINUED}"
    answered = _ANSWERED.search(item.sentence.text)
    if answered is not None and not item.dates:
        return f"« {answered.group(0)} » : la réponse aux propos de la phrase d'avant"
    return None


_JUDGES_THIS = re.compile(
    r"^(?:Cette|Cet|Ce|Ces)\s+[\w-]+(?:\s+(?:de|d['’]|du|des)\s+[\w-]+(?:\s+[\w-]+)?)?\s+"
    r"(?:(?:est|sont)\s+(?:la|le|les|une?)\s+(?:\w+\s+)?(?:expression|signe|preuve|illustration|"
    r"étape|témoignage|symbole)|constitue|marque|marquent|témoigne|illustre|confirme|confirment|"
    r"montre|reflète|souligne|symbolise|traduit|démontre|s['’]inscri(?:t|vent))\b"
)
"""« Cette acquisition marque une étape clé … », « Cette visite confirme le dynamisme … » : what
the thing just told shows, judged by the writer — a fact of its own, not more of the event
(the curators kept each apart: growth, newcomer5, newcomer8)."""


_NOMINAL_COMMENT = re.compile(
    r"^(?:Un|Une)\s+[a-zà-ÿ]{4,}\s+(?:[a-zà-ÿ]{4,}\s+)?(?:pour|de|d['’]|du|des|entre|avec)\b"
    r"(?P<head>[^,;:]{0,60}?)\s(?:qui|que|qu['’]|dont)\b"
)
"""« Une visite importante pour Jérusalem qui entretient … » : a sentence without a verb of its
own (its verbs are in the relative clause), the writer's comment on what was just said."""
_FINITE_HEAD = re.compile(r"\b(?:est|sont|a|ont|était|étaient|sera|seront|fut|furent)\b")


def _comment_on(group: Candidate, item: Candidate) -> str | None:
    """Why ``item`` is the writer's verbless comment on the sentence just before, naming only
    its actors (the lead « Israël et l'Azerbaïdjan veulent renforcer leurs liens » then « Une
    visite importante pour Jérusalem qui … »), or None."""
    found = _NOMINAL_COMMENT.match(item.sentence.text)
    if found is None or _FINITE_HEAD.search(found.group("head")):
        return None
    if item.position - group.position != 1 or group.more or item.dates or item.act:
        return None
    if not _actor_ids(item) or not _actor_ids(item) <= _actor_ids(group):
        return None
    words = " ".join(found.group(0).split()[:3])
    return f"« {words} » : le commentaire de l'auteur sur la phrase d'avant"


def _own_voice(group: Candidate, item: Candidate) -> bool:
    """« Le ministre italien a expliqué que son pays voyait … » then « Cette coopération reste
    toutefois modeste … » : a state the article tells in its own voice, in the present, after
    what a speaker said in the past — the writer's analysis, a constat apart (curators marked
    it « Selon l'article »), never more of the statement."""
    said = group.subtype == "declaration" or _SAYS.search(group.sentence.text) is not None
    return (
        said
        and item.hedge is None
        and not item.in_quote
        and not item.said_by_pronoun
        and _SPEECH.search(item.sentence.text) is None
        and _SAYS.search(item.sentence.text) is None
        and not any(mark in item.sentence.text for mark in _MARKS)
        and present_state(item.sentence.text)
        and not any(present_state(sentence.text) for sentence in _sentences_of(group))
    )


_POINTS_BACK = re.compile(
    r"\b(?:dans\s+ce\s+cas|dans\s+(?:la\s+)?même\s+situation|en\s+ce\s+sens|"
    r"de\s+la\s+sorte|(?:il|elle)\s+n['’]est\s+pas\s+(?:la\s+|le\s+)?seule?)\b",
    re.IGNORECASE,
)
"""« Mais il est vrai que l'Italie n'est pas le seul pays membre de l'UE dans ce cas » : a
sentence that makes sense only with the one before (which case?) joins it, whatever actors it
adds, unless it tells an act or a date of its own."""
_ALSO = re.compile(r"\b(?:également|aussi|en\s+outre)\b", re.IGNORECASE)


_SAME_DAY = re.compile(r"^(?:Le|Ce)\s+même\s+jour\b", re.IGNORECASE)
"""« Le même jour, le ministre de l'Économie … a noté … » : the day the sentence before gives."""


_TALKS = re.compile(
    r"\b(?:s['’]est\s+entretenue?|se\s+sont\s+entretenu(?:e|s|es)?|(?:a|ont)\s+rencontré|"
    r"se\s+sont\s+rencontrés)\b",
    re.IGNORECASE,
)
"""« s'est entretenu avec », « a rencontré » : a meeting told, not the signing."""
_MINISTRY = re.compile(
    r"\bministres?\s+(?:\w+\s+)?(?:de\s+la\s+|de\s+l['’]\s*|des\s+|du\s+)"
    r"(Défense|Affaires\s+étrangères|Éducation|Économie|Énergie|Intérieur|Santé|Justice|"
    r"Finances|Transports|Culture|Agriculture)",
    re.IGNORECASE,
)
"""The ministry a minister is named by (« ministre des Affaires étrangères »)."""


def _ministries(texts: list[str]) -> set[str]:
    return {fold(" ".join(m.group(1).split())) for t in texts for m in _MINISTRY.finditer(t)}


def _apart_from_agreement(group: Candidate, item: Candidate) -> bool:
    """After an agreement signed: a meeting told (« le président s'est entretenu avec … ») is
    the meeting, not the agreement; an agreement signed by ministers of
    another portfolio (« les ministres des Affaires étrangères ont signé un accord … » after
    the defence ministers' one) is another document — one agreement per document signed."""
    if group.kind != "agreement" or group.act != "signe":
        return False
    text = item.sentence.text
    if item.act is None and item.kind != "agreement" and _TALKS.search(text):
        return True
    if item.act != "signe" or _ANAPHORA.match(text):
        return False
    theirs = _ministries([text])
    mine = _ministries([group.sentence.text, *(s.text for s in group.more)])
    return bool(theirs) and bool(mine) and not theirs & mine


def _joins(group: Candidate, item: Candidate) -> str | None:
    """Why ``item`` continues ``group`` (same event or agreement), or None."""
    if item.position - group.position > GROUP_DISTANCE:
        return None
    if _own_voice(group, item):
        return None
    if _JUDGES_THIS.match(item.sentence.text):
        return None
    if (
        item.position - group.position == 1
        and _SAME_DAY.match(item.sentence.text)
        and any(found.text for found in group.dates)
        and not any(found.iso for found in item.dates)
        and item.kind != "agreement"
        and group.kind != "agreement"
    ):
        return "« le même jour » : le jour que donne la phrase d'avant"
    if item.position - group.position == 1 and (hosted := host_discussed(group, item)):
        return hosted
    if another_speaker(group, item):
        return None  # « Le général Scaparrotti a souligné … » after Hassanov: his own words
    if _apart_from_agreement(group, item):
        return None
    if item.position - group.position == 1 and (visit := in_the_visit(group, item)):
        return visit
    if stage := visit_stage(group, item):
        return stage
    if other_officials(group, item):
        return None  # « Lors de la visite, le vice-ministre … ont discuté » : other talks
    back = _POINTS_BACK.search(item.sentence.text)
    if (
        back is not None
        and item.position - group.position == 1
        and not item.dates
        and item.act is None
        and item.kind != "agreement"
    ):
        return f"« {back.group(0)} » n'a de sens qu'avec la phrase d'avant"
    comment = _comment_on(group, item)
    if comment is not None:
        return comment
    goes_on = _goes_on(group, item) or _speech(group, item)
    if goes_on is not None:
        return goes_on
    if (
        _SPEECH_OPENER.match(item.sentence.text)
        and _CLAIMS.search(item.sentence.text)
        and group.subtype != "declaration"
    ):
        return None  # a participant's own statement: a declaration apart from the meeting
    this = _this_agreement(group, item)
    if this is not None:
        return this
    if group.kind == "agreement" and item.tense == "conditionnel" != group.tense:
        return None  # « six radars pourraient figurer dans ce contrat »: what may be, apart
    if (
        item.hedge is not None
        and item.hedge != group.hedge
        and item.actors
        and fold(item.sentence.text).startswith(fold(item.hedge))
    ):  # « Comme l'a rapporté CNN, … militaires … ces exercices » : opened on a source of
        # its own, the claim that source reports — not more of what the article told before
        return None
    same = _same_noun(group, item) or _said_these(group, item) or _same_event(group, item)
    if same is not None:
        return same
    opener = _named_opener(group, item)
    if (
        opener is not None
        and item.position - group.position == 1
        and not item.dates
        and item.modality is None
        and not _claim_after_meeting(group, item)
    ):
        return opener
    if (group.modality is None) != (item.modality is None):
        return None
    if _family(item.act) not in (None, "annonce", _family(group.act)):
        return None
    main, other = _main_date(group.dates), _main_date(item.dates)
    if other is not None and other.iso and main is not None and main.iso != other.iso:
        return None
    mine, theirs = _actor_ids(group), _actor_ids(item)
    if theirs - mine and not _ANAPHORA.match(item.sentence.text):
        return None
    if other is not None and (main is None or main.text != other.text):
        one_act = _family(item.act) == _family(group.act)
        if main is None and item.act is not None and one_act and theirs <= mine:
            return f"même acte ({ACT_LABELS.get(item.act, item.act)}), qu'elle date"
        return None  # a date of its own: another event (« le 30 septembre, il a déclaré »)
    anaphora = _ANAPHORA.match(item.sentence.text)
    if anaphora is not None:
        return f"« {anaphora.group(0)} » reprend la phrase d'avant"
    then = _THEN.search(item.sentence.text)
    if then is not None and other is None and item.position - group.position == 1:
        return f"« {then.group(0)} » : le moment de la phrase d'avant"
    if main is not None and other is None and main.dateline is None:
        return None  # an undated sentence after a dated event: another fact unless it says so
        # (the dispatch's own day, from its dateline, dates what follows just as well)
    if group.tense != item.tense and "futur" in (group.tense, item.tense):
        return None  # « … seront au centre de l'attention » after what was done: what comes
    same_act = _family(item.act) == _family(group.act) or item.act is None
    same_kind = item.kind == "fact" or item.subtype in (None, group.subtype)
    if (
        len(theirs) < 2
        and item.act is None
        and group.act is None
        and present_state(item.sentence.text)
    ):
        return None  # « L'Azerbaïdjan dispose d'une des armées … » : one country's state, apart
    if (
        group.kind == "agreement"
        and group.act is not None
        and item.act is None
        and tells_no_past(item.sentence.text)
        and _ALSO.search(item.sentence.text) is None
    ):
        return None  # an agreement signed, then what the writer says the partners do now
        # (« Les deux pays entretiennent également … » : the text ties them, it joins)
    if theirs and theirs <= mine and same_act and same_kind and not _other_speaker(group, item):
        return f"mêmes acteurs ({', '.join(sorted(theirs))}), même acte, phrases voisines"
    return None


PAIR_UNSETTLED = "paire déduite des derniers pays nommés"
"""The start of the note ``resolve`` gives a « deux pays » chosen among more countries."""


_SAYS = re.compile(
    r"\b(?:a|ont)\s+(?:[\w-]+\s+){0,3}?(?:déclaré|dit|souligné|noté|ajouté|estimé|indiqué|"
    r"affirmé|fait\s+savoir|expliqué|précisé|rappelé|assuré|parlé|insisté)\b|"
    r"\b(?:affirmant|ajoutant|soulignant|estimant|déclarant|précisant|indiquant)\s+qu",
    re.IGNORECASE,
)
"""A verb of saying, a few words after its auxiliary (« a une nouvelle fois parlé »)."""


def _other_speaker(group: Candidate, item: Candidate) -> bool:
    """« Le vice-ministre turc est arrivé … » then « En recevant des responsables turcs, le
    ministre Hasanov a parlé … des deux pays »: a speaker's remarks after an act nobody spoke
    in, whose shared actors rest only on « les deux pays » the tool could not settle (more than
    two countries named just before) — another fact, not more of the visit. A « deux pays »
    the tool settled, or remarks after a statement, still join."""
    unsettled = any((found.note or "").startswith(PAIR_UNSETTLED) for found in item.resolved)
    return (
        unsettled
        and _SAYS.search(item.sentence.text) is not None
        and _SAYS.search(_group_text(group)) is None
    )


_REFERS_BACK = re.compile(
    r"^(?:Par exemple|Outre|En effet|De plus|Ainsi|Notamment|Et|Mais|Car|Or|Malgré cela|"
    r"Malgré tout|Pour autant|Cela|Ceci)\b|"
    r"^(?:\S+\s+){0,4}?(?:ces|cet|cette)\s+\w{4,}|^.*?\bdepuis lors\b",
    re.IGNORECASE,
)
"""« Par exemple », « Outre … », or a demonstrative in the first words (« L'achat de ces
chasseurs »), or « depuis lors » : the sentence goes on about what the one before said."""


_WHAT_ABOUT = re.compile(
    r"^(?:(?:La|Cette)\s+(?:rencontre|réunion|entrevue|visite|conférence)|(?:L['’]\s*|Cet\s+)"
    r"entretien|Les\s+(?:entretiens|discussions|pourparlers|échanges|négociations))\s+"
    r"(?:(?:a|ont|avait|avaient)\s+(?:notamment\s+)?(?:porté|été\s+consacrée?s?)|"
    r"portai(?:t|ent)|(?:s['’]est|se\s+sont)\s+concentrée?s?)\b",
    re.IGNORECASE,
)
"""« La rencontre a porté sur les relations bilatérales … » right after a meeting: what the
meeting was about — the same fact, and a key quote (the summary says it)."""
_MEETING_TOLD = re.compile(
    r"\b(?:rencontr|r[ée]uni|entretenu|entretien|re[çc]u|visite)", re.IGNORECASE
)


_DESPITE_THAT = re.compile(r"^(?:Malgré cela|Malgré tout|Pour autant)\b", re.IGNORECASE)
"""« Malgré cela, ses déclarations provoquent des inquiétudes en Arménie » : the reaction to
what the sentence before told, whoever reacts — one fact with it."""


def _refers_back(group: Candidate, item: Candidate) -> str | None:
    """Why a sentence naming no actor of its own continues the one just before, or None."""
    if item.position - group.position != 1 or item.modality is not None:
        return None
    despite = _DESPITE_THAT.match(item.sentence.text)
    if despite is not None and not item.dates and item.kind == "fact" and group.kind == "fact":
        return f"« {despite.group(0)} » reprend la phrase d'avant"
    about = _WHAT_ABOUT.match(item.sentence.text)
    if about is not None and _MEETING_TOLD.search(_group_text(group)):
        return f"« {about.group(0)} » : le sujet de la rencontre d'avant"
    if item.actors:
        return None
    if item.kind == "agreement" or (item.kind == "event" and group.kind != "event"):
        return None
    found = _REFERS_BACK.match(item.sentence.text)
    if found is None:
        return None
    words = " ".join(found.group(0).split()[-2:])
    return f"« {words} » reprend la phrase d'avant, sans acteur à elle"


_PHRASE = re.compile(r"(?=\b(\w{5,})\s+(?:de\s+la\s+|de\s+l['’]|des\s+|du\s+|d['’])(\w{5,}))")
"""A noun and its complement (« protection des projets »): what a sentence is about."""


def _shared_phrase(group: Candidate, item: Candidate) -> str | None:
    """A noun and its complement the sentences before wrote too: « La protection des projets
    régionaux donnera … » after « … la protection des projets économiques … »."""
    told = _group_text(group)
    for match in _PHRASE.finditer(item.sentence.text):
        noun, complement = fold(match.group(1)), fold(match.group(2))
        if re.search(rf"\b{re.escape(noun)}\s+(?:\w+\s+)?{re.escape(complement)}\b", told):
            return f"{match.group(1)} … {match.group(2)}"
    return None


_CONTRAST = re.compile(r"^(Cependant|Toutefois|Néanmoins|Pourtant|Mais|En revanche)\b,?")
"""A sentence opening on a reserve (« Cependant, … ») qualifies the one before."""


_FIGHTING = re.compile(
    r"^(?:Les\s+(?:combats|affrontements|hostilités|opérations\s+militaires)|"
    r"(?:La|Cette)\s+guerre|(?:Le|Ce)\s+conflit)\b"
)
_WAR_TOLD = re.compile(r"\b(?:guerre|conflit|combats|offensive|affrontements|hostilit)")
"""« La Turquie a soutenu l'Azerbaïdjan lors de sa guerre à l'automne … Les combats ont
débouché sur un accord de cessation des hostilités … » : the war just told, and how it ended
— one fact, whatever country the second sentence adds (the ceasefire's sponsor)."""
_BECAUSE = re.compile(r"^(?:Car|En effet)\b,?")
"""« Depuis 2003, l'Azerbaïdjan contribue … Car, un groupe de 120 militaires … participe … » :
the sentence says why or how what was just told holds — the same fact, when it names no
country the one before did not."""


def _takes_up(group: Candidate, item: Candidate) -> str | None:
    """« Les combats … » right after a war, « Car, … » right after what it explains: the same
    fact (never an agreement of its own, nor a sentence with a modality or date of its own)."""
    if item.position - group.position != 1 or item.modality is not None:
        return None
    fighting = _FIGHTING.match(item.sentence.text)
    if fighting is not None and item.kind != "agreement" and _WAR_TOLD.search(_group_text(group)):
        return f"« {fighting.group(0)} » : la guerre de la phrase d'avant"
    because = _BECAUSE.match(item.sentence.text)
    if because is not None and _actor_ids(item) <= _actor_ids(group) and not item.dates:
        return f"« {because.group(0)} » explique la phrase d'avant"
    return None


_HIS = re.compile(r"^(?:Son|Sa|Ses)\s+\w{4,}")
"""« Son chef de cabinet, … l'accompagneront » : someone of the person just named."""


def _ahead(group: Candidate) -> bool:
    """``group`` tells what is still to come (a future, or a plan's modality)."""
    return group.tense == "futur" or group.modality is not None


def _continues(group: Candidate, item: Candidate) -> str | None:
    """Why a sentence without signals of its own goes on telling ``group``'s event."""
    if _own_voice(group, item):
        return None
    goes_on = _goes_on(group, item)
    if goes_on is not None:
        return goes_on
    contrast = _CONTRAST.match(item.sentence.text)
    if item.position - group.position == 1 and contrast is not None:
        # « Cependant, "il n'y avait aucune indication du moment où elles devaient arriver" »:
        # the reserve the article puts on what it just told, whatever its own verb
        return f"« {contrast.group(1)} » nuance la phrase d'avant"
    his = _HIS.match(item.sentence.text)
    if (
        his is not None
        and item.position - group.position == 1
        and (item.modality is None or (item.modality.kind == "futur" and _ahead(group)))
    ):  # « … Gallant rencontrera également … Son chef de cabinet … l'accompagneront. »
        return f"« {his.group(0)} » : la personne de la phrase d'avant"
    if item.position - group.position != 1 or item.modality is not None:
        return None
    last = (group.more or [group.sentence])[-1].text
    if (
        _OUR.match(item.sentence.text)
        and not any(mark in item.sentence.text for mark in _MARKS)
        and _SPEECH.search(last)
    ):
        # « …», a fait savoir le ministre azerbaïdjanais, ajoutant que … . Notre partenariat
        # stratégique … ne cesse de se développer. » : the speaker's words, unquoted
        return SPEECH_CONTINUED + " (première personne, sans guillemets)"
    anaphora = _ANAPHORA.match(item.sentence.text)
    if anaphora is not None:
        return f"« {anaphora.group(0)} » reprend la phrase d'avant"
    back = _takes_up(group, item) or _refers_back(group, item) or _same_noun(group, item)
    if back is not None:
        return back
    shared = [name for name in item.unknown if name in group.unknown]
    if shared:
        return f"« {shared[0]} » nommé dans la phrase d'avant"
    phrase = _shared_phrase(group, item)
    if phrase is not None and item.tense == group.tense:
        return f"« {phrase} » repris de la phrase d'avant"
    kind = event_type(item.sentence.text, None)
    if kind is not None and kind == group.subtype:
        return f"même événement ({kind}), phrase suivante"
    return None


_DEMONSTRATIVE_SUBJECT = re.compile(r"^(?:Cet(?:te)?|Ce|Ces)\s+\w{4,}")


_THEY = re.compile(r"(?:^|,\s+(?:mais|et)\s+|\bet\s+)(?:ils|elles)\s+\w+", re.IGNORECASE)
"""« …, mais ils seront livrés … » : a pronoun subject standing for what was just told."""


def _inherit(grouped: list[Candidate], item: Candidate) -> None:
    """« Cette réception concrétise un contrat… » shortly after the reception: the agreement or
    event the demonstrative subject points to — the nearest event or agreement before — gives
    its actors (noted in ``resolved``)."""
    opener = _DEMONSTRATIVE_SUBJECT.match(item.sentence.text)
    if not item.actors and opener is None:
        # « Un total de quatre exemplaires pourraient figurer dans ce contrat », « … mais ils
        # seront livrés » : a sentence naming no one, about the agreement or event just told
        opener = _THIS_AGREEMENT.search(item.sentence.text) or _THEY.search(item.sentence.text)
    elif opener is None or item.kind == "fact":
        return
    if opener is None:
        return
    for earlier in reversed(grouped):
        if item.position - earlier.position > GROUP_DISTANCE:
            return
        if earlier.kind != "fact":
            known = _actor_ids(item)
            for hit in earlier.actors:
                if hit.id not in known:
                    item.actors.append(hit)
                    item.resolved.append(Resolved(opener.group(0), hit.id))
            return


def _reported(text: str) -> bool:
    """A past in the conditional outside any quotation: inside one it is the speaker's."""
    return hearsay(text) is not None


_BULLET = re.compile(r"^\s*(?:[•·▪◦*–—-]|\d{1,2}[.)])\s+")


def _list_item(group: Candidate, item: Candidate, last: str) -> str | None:
    """« Des dispositions … mettent l'accent sur : » then « • La standardisation … », « • L'échange
    … » : the items of a list belong to the sentence that announces it, one candidate."""
    if item.position - group.position != 1 or not _BULLET.match(item.sentence.text):
        return None
    if last.rstrip().endswith(":") or _BULLET.match(last):
        return "élément de la liste qu'annonce « : » dans la phrase d'avant"
    return None


UNATTRIBUTED = (
    "citation attribuée par « il » alors que la phrase d'avant nomme plusieurs orateurs "
    "possibles : à attribuer à la main ou à écarter"
)


_PROVISIONS = re.compile(
    r"^Ces\s+(?:dispositions|clauses|engagements|obligations|principes)\b[^.]{0,40}?\bdans\s+"
    r"(?:la|le|l['’]|cette|ce|cet)\s?(?P<doc>déclaration|accord|traité|charte|mémorandum|"
    r"convention|pacte|protocole)\b",
    re.IGNORECASE,
)
"""« Ces dispositions sont contenues dans la Déclaration de Choucha … » : the sentences just
before, with no actor of their own, are what the document provides — one agreement."""


def _take_provisions(item: Candidate, pending: list[Candidate], skipped: list[Sentence]) -> None:
    """Give ``item`` the run of actorless sentences just before it when it says they are the
    provisions of a document, and make it that document (an agreement, act left null: the
    sentence says what it holds, not who signed it nor when)."""
    found = _PROVISIONS.match(item.sentence.text)
    if found is None or not pending or pending[-1].position != item.position - 1:
        return
    run = [pending[-1]]
    for earlier in reversed(pending[:-1]):
        if earlier.position != run[0].position - 1:
            break
        run.insert(0, earlier)
    item.provisions = [earlier.sentence for earlier in run]
    for earlier in run:
        skipped.remove(earlier.sentence)
    item.kind = "agreement"
    item.subtype = agreement_kind(found.group(0)) or "accord"
    item.act = None
    if any(tense_of(sentence.text) == "futur" for sentence in item.provisions):
        item.tense = "futur"  # « les Parties tiendront … » : what the document provides
    item.grouped_why.append(f"« {found.group(0)[:40]} » : les phrases d'avant en sont le texte")


_ATTRIBUTION = re.compile(r"[\"”»]\s*,\s*(?P<said>(?:a|ont)\s(?:M\.\s|[^,.;])+)")
"""A closing mark and the words right after it: « …", a indiqué M. Aliev »."""


def _attribution(sentences: list[Sentence]) -> str | None:
    """Who said the quotation the first of ``sentences`` opens: the words after the first
    closing mark that a comma and a verb follow (« , a indiqué M. Aliev »), else None (a
    title quoted inside, « le programme "Partenariat pour la paix" jusqu'au … », is passed)."""
    for sentence in sentences:
        found = _ATTRIBUTION.search(sentence.text)
        if found is not None:
            return found.group("said")
    return None


_WE = re.compile(r"\b(?:nous|notre|nos)\b", re.IGNORECASE)
"""The speaker speaking for his side (« nous coopérons »), not for himself."""
_TWO_SIDES = re.compile(r"\b(?i:les|des|aux)\s+deux\s+(?:parties|côtés)\b")
"""« les deux parties », « des deux côtés » : two sides, which may be a country and an
organisation."""


def _take_opening(item: Candidate, pending: list[Candidate], skipped: list[Sentence]) -> None:
    """Give ``item``, inside a quotation, the sentences of that quotation set aside just before
    it for want of an actor or a date of their own: one quotation, one candidate."""
    run: list[Candidate] = []
    for earlier in reversed(pending):
        if earlier.position != item.position - 1 - len(run) or earlier.sentence not in skipped:
            break
        run.insert(0, earlier)
        if not earlier.in_quote:
            break  # the sentence that opens the quotation
    if not run or run[0].in_quote or run[0].sentence.text.lstrip()[:1] not in _OPENING + '"':
        return
    item.opened_by = [earlier.sentence for earlier in run]
    for earlier in run:
        skipped.remove(earlier.sentence)
        pending.remove(earlier)
    item.grouped_why.append("début de la même citation, mis de côté faute d'acteur à lui")


def _group(
    candidates: list[Candidate],
    skipped: list[Sentence],
    speakers: dict[int, int] | None = None,
    reasons: dict[int, str] | None = None,
) -> list[Candidate]:
    """Join each candidate to the one before when they tell the same thing; ``speakers`` is
    how many officials each sentence (by position) names, ``reasons`` receives why a sentence
    was set aside when it is not the default."""
    grouped: list[Candidate] = []
    pending: list[Candidate] = []
    """The weak sentences set aside so far, in a row (the provisions of a document named next)."""
    frames: list[Candidate] = []
    """The groups holding a meeting's head (« a rencontré son homologue »), latest last."""
    statements: list[Candidate] = []
    """The groups holding a body's statement (« Cela a été annoncé par le ministère »)."""
    speeches: list[tuple[Candidate, str]] = []
    """The groups holding a titled speaker's words, and his title (« secrétaire général »)."""
    for index, item in enumerate(candidates):
        _take_provisions(item, pending, skipped)
        previous = grouped[-1] if grouped else None
        if (
            previous is not None
            and len(grouped) > 1
            and not previous.more
            and not item.weak
            and _JUDGES_THIS.match(previous.sentence.text)
            and _joins(grouped[-2], item) is not None
        ):  # « Cette acquisition marque … » set apart: what follows goes on with the event
            previous = grouped[-2]
        last = (previous.more or [previous.sentence])[-1].text if previous is not None else ""
        quoted = _same_quotation(previous, item, last) if previous is not None else None
        background: str | bool | None = None
        listed = _list_item(previous, item, last) if previous is not None else None
        quoted = listed or quoted
        why: str | bool | None
        if quoted is not None:
            why = quoted
        elif item.weak:
            why = _continues(previous, item) if previous is not None else None
        elif not _NEW_TOPIC.match(item.sentence.text):
            why = _joins(previous, item) if previous is not None else None
            if why is None and previous is not None:
                why = _refers_back(previous, item) or _takes_up(previous, item)
            background = (
                why is None
                and previous is not None
                and (_background(previous, item) or _same_subject(previous, item))
            )
            if background:
                why = background
        else:
            why = None
        framed = _meeting_frame(frames, item, previous) if quoted is None else None
        _spoken_for(statements, item)
        stated = _statement_frame(statements, item, previous) or _speech_frame(speeches, item)
        if stated is not None:
            target, why = stated
            if target is not previous:
                previous, background = target, False
        elif framed is not None:
            previous, why, background = frames[-1], framed, False
        elif (
            why is not None
            and quoted is None
            and previous is not None
            and meeting_head(item.sentence.text)
            and (
                previous in frames
                or (previous.kind == "fact" and not arrival(_group_text(previous)))
            )
            and visit_stage(previous, item) is None  # « En Arménie, X a rencontré … » : the visit's
        ):
            why = None  # a meeting with a counterpart of its own: a frame of its own
        if (
            why is not None
            and quoted is None
            and previous is not None
            and _reported(item.sentence.text) != _reported(_group_text(previous))
        ):
            why = None  # « Moscou aurait accepté » is reported, never one with what was done
        if (
            why is None
            and item.said_by_pronoun
            and previous is not None
            and item.position - previous.position == 1
            and (speakers or {}).get(previous.position, 0) > 1
        ):  # « …», a-t-il martelé » after « Les ministres A, B et C se sont réunis »
            skipped.append(item.sentence)
            if reasons is not None:
                reasons[item.sentence.start] = UNATTRIBUTED
            continue
        following = candidates[index + 1] if index + 1 < len(candidates) else None
        announces = (
            following is not None
            and following.position - item.position == 1
            and item.sentence.text.rstrip().endswith(":")
            and _BULLET.match(following.sentence.text) is not None
        )
        topic = another_topic(previous, item) if previous is not None and item.weak else None
        if topic is not None:  # « M. Colomina … ont également abordé … Latchine » : its own fact
            item.actors, item.weak, why = topic, False, None
        if item.weak and previous is not None and why is None:
            why = title_again(" ".join(group.text for group in grouped), item)
        if item.weak and (previous is None or why is None) and not announces:
            skipped.append(item.sentence)
            pending.append(item)
            continue
        if previous is None or why is None:
            if item.in_quote:
                _take_opening(item, pending, skipped)
            _inherit(grouped, item)
            grouped.append(item)
            if meeting_head(item.sentence.text):
                frames.append(item)
            if statement_by(item.sentence.text):
                statements.append(item)
            title = speaker(item.sentence.text)
            if title is not None and title != "il":
                speeches.append((item, title))
            continue
        if meeting_head(item.sentence.text) and previous not in frames:
            frames.append(previous)
        previous.more.append(item.sentence)
        previous.more.extend(item.more)
        previous.grouped_why.append(why)
        previous.position = item.position
        known = _actor_ids(previous)
        same_speaker = isinstance(why, str) and SAME_SPEAKER in why
        if isinstance(why, str) and (SPEECH_CONTINUED in why or same_speaker):
            # the countries a speaker names (« les forces arméniennes » of 1918) are what he
            # said, no party of his statement: kept in the quote, not in the actors
            item.actors = [hit for hit in item.actors if hit.id in known]
        if same_speaker:  # his dates (« mise en service en 2017 ») and kinds are his words
            item.dates, item.kind, item.subtype = [], previous.kind, previous.subtype
        previous.actors += [hit for hit in item.actors if hit.id not in known]
        previous.resolved += item.resolved
        previous.places += [hit for hit in item.places if hit.id not in known]
        previous.nationals += [hit for hit in item.nationals if hit.id not in known]
        previous.dates += [d for d in item.dates if d.iso not in {x.iso for x in previous.dates}]
        previous.numbers += item.numbers
        previous.unknown += [name for name in item.unknown if name not in previous.unknown]
        if previous.kind == "fact" and item.kind != "fact" and not background:
            previous.kind, previous.subtype = item.kind, item.subtype
        elif (
            previous.subtype == "declaration"
            and item.kind == "event"
            and item.subtype in MEETINGS
            and _SAID_THESE.search(item.sentence.text)
        ):  # « a fait cette déclaration lors de sa rencontre … » : the event is the meeting
            previous.subtype = item.subtype
        if stated is not None and statement_by(item.sentence.text):
            _become_statement(previous)
            statements.append(previous)
        if previous.subtype != "declaration":
            previous.act = previous.act or item.act
        previous.period = previous.period or item.period
    return grouped


_IN_MARGIN = re.compile(
    r"\b(?:en\s+marge|à\s+l['’]issue)\s+(?:de\s+la|du|de\s+cette|de\s+leur|des)\s+"
    r"(?:réunion|rencontre|sommet|conférence|forum|session|pourparlers)\b",
    re.IGNORECASE,
)
"""« a souligné, dans sa déclaration à la presse en marge de la réunion, que … » : a statement
made at the meeting just told."""


def _said_at_meeting(candidates: list[Candidate]) -> list[Candidate]:
    """A titled speaker's statement « en marge de la réunion » right after that dated meeting
    joins it: one declaration, dated by the meeting (the meeting is its frame, the statement
    its fact)."""
    kept: list[Candidate] = []
    for item in candidates:
        meeting = kept[-1] if kept else None
        margin = _IN_MARGIN.search(item.sentence.text)
        if (
            meeting is not None
            and margin is not None
            and meeting.kind == "event"
            and meeting.subtype in MEETINGS
            and not meeting.more
            and _span(_main_date(meeting.dates)) is not None
            and speaker(item.sentence.text) not in (None, "il")
            and item.kind != "agreement"
            and item.modality is None
            and not any(found.iso for found in item.dates)
        ):
            known = _actor_ids(meeting)
            meeting.more += [item.sentence, *item.more]
            meeting.actors += [hit for hit in item.actors if hit.id not in known]
            meeting.resolved += item.resolved
            meeting.unknown += [name for name in item.unknown if name not in meeting.unknown]
            meeting.subtype, meeting.act = "declaration", None
            meeting.grouped_why += [f"« {margin.group(0)} » : déclaration faite à la rencontre"]
            meeting.grouped_why += item.grouped_why
            meeting.position = item.position
            continue
        kept.append(item)
    return kept


def _become_statement(group: Candidate) -> None:
    """``group`` is a body's statement (« … . Cela a été annoncé par le ministère … »): an event
    of type declaration, no act of its own; a day it took from the dispatch's dateline is the
    day the dispatch reports it (« rapporté »), not the statement's own."""
    group.kind, group.subtype, group.act = "event", "declaration", None
    group.dates = [
        replace(
            found,
            basis="rapporté",
            note=(
                f"« {found.dateline} » (ligne d'agence) : le jour de la dépêche qui rapporte la "
                "déclaration ; l'article ne dit pas le jour de la déclaration elle-même"
            ),
        )
        if found.dateline is not None and found.iso
        else found
        for found in group.dates
    ]


SAME_SPEAKER = "la suite des propos du même orateur"
_ANOTHER_POINT = re.compile(r"\b(?:a|avait)\s+(?:aussi|également|en\s+outre|par\s+ailleurs)\s")


def _speech_frame(
    speeches: list[tuple[Candidate, str]], item: Candidate
) -> tuple[Candidate, str] | None:
    """The group of the latest titled speaker's words that ``item`` goes on with: the same
    title (« Le secrétaire général a porté à l'attention », « …, a précisé le secrétaire
    général ») or « Il a souligné » right after, within FRAME_DISTANCE sentences; never what
    is to come, an act of its own, or a wish."""
    if not speeches or item.kind == "agreement" or item.modality is not None:
        return None
    if item.tense in ("futur", "conditionnel") or item.act not in (None, "annonce"):
        return None
    if _ANOTHER_POINT.search(item.sentence.text):
        return None  # « Le président a aussi ajouté qu'il … » : another point, its own fact
    group, title = speeches[-1]
    said = speaker(item.sentence.text)
    if said is None or item.position - group.position > FRAME_DISTANCE:
        return None
    words = speaker_words(item.sentence.text)
    if any(hit.text in words and hit.id not in _actor_ids(group) for hit in item.actors):
        return None  # « Le ministre turc a déclaré » after the Azerbaijani minister: another
    if said == title or (said == "il" and item.position - group.position == 1):
        return group, f"« {said} » : {SAME_SPEAKER}"
    return None


def _spoken_for(statements: list[Candidate], item: Candidate) -> None:
    """« "Nous déclarons que … incombera …", a déclaré Le communiqué » after the ministry's
    statement: the communiqué is the ministry's, its country speaks — added to ``item``'s
    actors (noted in ``resolved``) even when the sentence stays apart (a future)."""
    if not statements or says_again(item.sentence.text) is None:
        return
    statement = statements[-1]
    if item.position - statement.position > FRAME_DISTANCE:
        return
    for sentence in (statement.sentence, *statement.more):
        who = statement_by(sentence.text)
        if who is None:
            continue
        known = _actor_ids(item)
        for hit in statement.actors:
            if hit.text in who and hit.id not in known:
                item.actors.append(hit)
                item.resolved.append(Resolved(who, hit.id))
        return


def _statement_frame(
    statements: list[Candidate], item: Candidate, previous: Candidate | None
) -> tuple[Candidate, str] | None:
    """The group ``item`` joins as part of one body's statement, and why: « Cela a été annoncé
    par le ministère … » takes the sentence just before (what was announced); « …", a déclaré
    dans un communiqué », « Le ministère … a accusé … » go on with the latest statement. Never
    an agreement, a modality, or what the statement says will come (a future: its own fact)."""
    if item.kind == "agreement" and statement_by(item.sentence.text) is None:
        return None
    if item.modality is not None or item.tense in ("futur", "conditionnel"):
        return None
    who = statement_by(item.sentence.text)
    if who is not None:
        if (
            previous is not None
            and item.position - previous.position == 1
            and previous.kind != "agreement"
            and previous.subtype != "declaration"
            and previous.modality is None
            and not previous.more
        ):
            return previous, f"« {who} » : la phrase d'avant est sa déclaration"
        return None
    again = says_again(item.sentence.text)
    if again is None or not statements:
        return None
    statement = statements[-1]
    if item.position - statement.position > FRAME_DISTANCE:
        return None
    return statement, f"« {again} » : la suite de la même déclaration"


_PRESENT_MODAL = re.compile(
    r"\b(?:veu[tx]|veulent|doi[st]|doivent|peu[tx]|peuvent|entend|entendent|souhaitent|"
    r"souhaite|comptent|compte|envisagent|envisage|prévoit|prévoient|espèrent|espère)\s+"
    r"(?:(?:encore|aussi|également|désormais|toujours|donc)\s+)?[a-zà-ÿ]+(?:er|ir|re)\b"
)
"""A wish, aim or duty in the present (« veulent renforcer », « doit encore rencontrer »): the
fact is told in the present, not as a past act."""
FRAME_DISTANCE = 4
"""What a meeting talked about is told at most this many sentences after its last one."""


_NAMED_AGAIN = re.compile(r"\bM(?:me)?\.\s+([A-ZÀ-Þ][\w-]+)")
"""« M. Gallant », « M. Aliyev » : someone named again by his surname."""


def _meeting_frame(
    frames: list[Candidate], item: Candidate, previous: Candidate | None
) -> str | None:
    """Why ``item`` tells what the latest meeting talked about (« Les deux ministres ont
    abordé … », « Au cours de la rencontre … »), even after a sentence of another kind, or
    what one of its people said or did there (« M. Gallant a exprimé sa gratitude envers M.
    Aliyev », right after the meeting naming both); None when it is no such sentence, or has
    a date, act, modality or tense of its own."""
    if not frames or item.kind == "agreement" or item.modality is not None:
        return None
    frame = frames[-1]
    if item.position - frame.position > FRAME_DISTANCE or any(d.iso for d in item.dates):
        return None
    if item.act not in (None, "annonce") or item.tense in ("futur", "conditionnel"):
        return None  # « il a été noté que des experts participeraient » : what is to come
    part = meeting_part(item.sentence.text)
    if part is not None:
        return f"« {part} » : ce dont la rencontre a parlé"
    named = _NAMED_AGAIN.findall(item.sentence.text)
    if (
        named
        and previous is frame
        and item.position - frame.position == 1
        and all(re.search(rf"\b{re.escape(name)}\b", frame.sentence.text) for name in named)
        and _actor_ids(item) <= _actor_ids(frame)
        and meeting_head(item.sentence.text) is None
    ):
        return f"« M. {named[0]} » : une personne de la rencontre d'avant"
    return None


_AT_EVENT = re.compile(
    r"\b(?:[àa] l['’]issue|lors|au cours|en marge|à la fin|au terme|pendant|durant)\s+"
    r"(?:de\s+(?:la|cette|leur|sa)|du|des|de\s+l['’]|de\s+ces)\s*"
    r"(?:rencontre|réunion|visite|cérémonie|entretiens?|sommet|conférence|négociations|"
    r"pourparlers|forum|séance)\b"
    r"|\b(?:[Ll]a|[Cc]ette|[Ll]eur|[Ll]['’]|[Cc]et)\s*(?:rencontre|réunion|visite|séance|"
    r"entretien|entrevue)\s+s['’]est\s+(?:terminée?|achevée?|conclue?|close?|soldée?)\b",
    re.IGNORECASE,
)
"""« A l'issue de la rencontre », « lors de la visite », « L'entretien s'est soldé par la
signature » : the sentence happens at an event the article told just before."""
MEETINGS = ("reunion", "forum")
MEETING_PARTY_NOTE = "partie de la rencontre d'avant, la phrase ne nomme personne — à vérifier"


def _date_from_event(candidates: list[Candidate]) -> None:
    """An undated agreement or event « signé à l'issue de la rencontre » takes the date of the
    nearest meeting told before it — inferred (« déduit »), its basis said in the note."""
    for number, candidate in enumerate(candidates):
        if candidate.kind == "fact" or _span(_main_date(candidate.dates)) is not None:
            continue
        found = _AT_EVENT.search(candidate.sentence.text)
        if found is None:
            continue
        for earlier in reversed(candidates[:number]):
            if earlier.kind != "event" or earlier.subtype not in MEETINGS:
                continue
            main = _main_date(earlier.dates)
            if main is None or _span(main) is None:
                break
            note = (
                f"« {found.group(0)} » : la date de la rencontre, que l'article date de "
                f"« {main.text} »" + (f" ({main.note})" if main.note else "")
            )
            candidate.dates.insert(
                0,
                FoundDate(
                    found.group(0),
                    found.start(),
                    found.end(),
                    main.iso,
                    main.precision,
                    "déduit",
                    note,
                    event=main.text,
                ),
            )
            candidate.grouped_why.append(f"daté par la rencontre d'avant (« {main.text} »)")
            if not candidate.actors:
                # « La rencontre s'est achevée par la signature d'un plan … » : a plan
                # naming no party was signed by those who met
                candidate.actors = list(earlier.actors)
                candidate.resolved += [
                    Resolved(found.group(0), hit.id, MEETING_PARTY_NOTE) for hit in earlier.actors
                ]
                if earlier.sentence not in candidate.named_in:
                    candidate.named_in.append(earlier.sentence)
            break


_SIGNED_ON = re.compile(r"\b(?:sign|conclu|paraph)\w*\s+(?:le\s+|en\s+)?$", re.IGNORECASE)
_RATIFIED_ON = re.compile(
    r"\b(?:ratifi|promulgu)\w*\s+(?:(?:la|le|les|l['’])\s+\w+\s+)?(?:le\s+)?$", re.IGNORECASE
)
"""« a ratifié vendredi 10 janvier » : the date of the ratification, not of the signing."""


def _dated_by(text: str, dates: list[FoundDate], verb: re.Pattern[str]) -> FoundDate | None:
    for found in dates:
        if found.iso and verb.search(text[max(0, found.start - 40) : found.start]):
            return found
    return None


def _ratification(candidate: Candidate) -> Candidate | None:
    """« Aliyev a ratifié vendredi 10 janvier la loi entérinant l'« Accord … », signé le 30
    octobre 2024 » : the agreement keeps the day it was signed; the ratification, dated on its
    own, is an event of its own (act approuvé) on the same sentence."""
    text = candidate.sentence.text
    signed = _dated_by(text, candidate.dates, _SIGNED_ON)
    ratified = _dated_by(text, candidate.dates, _RATIFIED_ON)
    if signed is not None:
        candidate.dates = [signed] + [d for d in candidate.dates if d is not signed]
    if ratified is None or ratified is signed:
        return None
    return replace(
        candidate,
        kind="event",
        subtype="accord",
        act="approuve",
        period=None,
        dates=[ratified],
        actors=list(candidate.actors),
        links=[],
        more=[],
        grouped_why=[f"ratification de l'accord de la même phrase (« {ratified.text} »)"],
    )


def _split_agreements(candidates: list[Candidate]) -> list[Candidate]:
    """Two agreements signed in one sentence (« un plan …, ainsi qu'un mémorandum … ») are
    two candidates on that sentence: same parties, date and act; a period (« pour l'année
    2025 ») goes with the agreement it follows."""
    out: list[Candidate] = []
    for candidate in candidates:
        out.append(candidate)
        if candidate.kind != "agreement":
            continue
        ratification = _ratification(candidate)
        if ratification is not None:
            out.append(ratification)
        second = second_agreement(candidate.sentence.text)
        if second is None:
            continue
        words, kind = second
        period = candidate.period
        if period is not None and period.start > candidate.sentence.text.find(words):
            candidate.period, period = None, period  # « …, ainsi qu'un plan pour 2025 »
        else:
            period = None
        out.append(
            replace(
                candidate,
                subtype=kind,
                period=period,
                dates=list(candidate.dates),
                actors=list(candidate.actors),
                links=[],
                more=[],
                grouped_why=[f"deuxième accord de la même phrase (« {words} »)"],
            )
        )
    return out


_OUR_COUNTRIES = re.compile(
    r"\b(?i:nos|leurs)\s+(?:(?P<count>deux|trois|quatre)\s+)?pays\b(?!\s+(?:membres?|voisins?))"
    r"|\b(?i:leurs)\s+(?P<pair>relations)\s+(?:diplomatiques|bilatérales)\b"
)
"""« nos pays », « leurs deux pays »; « leurs relations diplomatiques » (a pair's bond)."""
_COUNTS = {"deux": 2, "trois": 3, "quatre": 4}


def _our_countries(text: str, lead: list[str], here: list[ActorHit]) -> list[Resolved]:
    """« la coopération entre nos pays », said in a sentence naming no pair of its own: the
    countries the article's lead named together (its parties), when their number fits."""
    found = _OUR_COUNTRIES.search(text)
    if found is None or len(lead) < 2 or len({hit.id for hit in here}) >= 2:
        return []
    count = found.group("count")
    if count is not None and _COUNTS[count.casefold()] != len(lead):
        return []
    if found.group("pair") is not None and len(lead) != 2:
        return []
    return [Resolved(found.group(0), actor) for actor in lead]


CUT_OFF = (
    "phrase coupée en fin de copie (pas de ponctuation finale) : la compléter d'après "
    "l'article en ligne ou l'écarter"
)
FINAL_PUNCTUATION = (".", "!", "?", "…", "»", '"', "”", ")")
"""What ends a whole sentence; the copy's last one without it was cut mid-sentence."""


def _cut_off(text: str) -> bool:
    """True when ``text`` (the copy's last sentence) ends with no final punctuation."""
    return not text.rstrip().endswith(FINAL_PUNCTUATION)


def _last_clause_end(text: str) -> int:
    """Where the last clause closed by a comma, semicolon or colon of ``text`` ends."""
    text = text.rstrip()
    cut = max(text.rfind(", "), text.rfind("; "), text.rfind(" : "))
    return len(text[:cut].rstrip()) if cut > 0 else 0


def _whole_part(sentence: Sentence) -> Sentence:
    """A cut last sentence up to its last whole clause: a verbatim slice of the article."""
    end = _last_clause_end(sentence.text)
    return Sentence(sentence.start, sentence.start + end, sentence.text[:end])


_DANGLING = re.compile(
    r"(?<![\w’'-])(?i:le|la|les|l['’]|un|une|des|du|de|d['’]|au|aux|à|dans|en|sur|sous|par|"
    r"pour|avec|entre|et|ou|mais|que|qui|dont|son|sa|ses|leur|leurs|ce|cette|ces)\s*$"
)
"""A copy cut right after an article, a preposition or a conjunction (« des activités dans
le ») : what follows is lost, the clause is not whole — quote up to the clause before."""
CUT_NOTE = (
    "dernière phrase coupée en fin de copie (pas de ponctuation finale) : citée jusqu'à sa "
    "dernière proposition entière quand la coupure tombe sur un mot-outil, sinon telle quelle ; "
    "vérifier la fin dans l'article en ligne"
)


def _says_whole(text: str) -> bool:
    """True when a cut sentence still says something whole before the cut: a clause closed
    by a comma, semicolon or colon, not in the conditional. « La Russie a déjà fait face à de
    viv » has none; « Le refus … s'inscrirait, en part » lost the very claim its conditional
    hedged. The curator quotes the whole part (« …se sont intensifiés, symbolisant un
    rapprocheme » gives « …se sont intensifiés »)."""
    kept = text[: _last_clause_end(text)]
    return len(kept) >= MIN_QUOTE and tense_of(kept) != "conditionnel"


_EDITION_NOW = re.compile(
    r"\b(l['’]\s*édition\s+((?:19|20)\d\d)\b[^.;()]{0,60}?)\s*(?:\([^)]{0,40}\)\s*)?"
    r"(?:organisée?s?\s+|qui\s+se\s+(?:tient|déroule)\s+)?(?:actuellement|en\s+cours)\b",
    re.IGNORECASE,
)
"""« l'édition 2021 des jeux navals Sea Cup (Coupe de la mer) organisée actuellement »: an
undated article written during that edition, so in its year."""
_EDITION_REASON = "année de « l"
"""How a date_reason built on an edition's year (frdates, « l'édition 2021 ») begins."""
_PART_BEFORE = re.compile(r"\b(début|fin|mi)(?:\s+|-)$", re.IGNORECASE)


def _edition_now(article: Article) -> tuple[str, str] | None:
    """The year of an edition the undated article says is under way, and its words."""
    for sentence in article.sentences:
        match = _EDITION_NOW.search(sentence.text)
        if match is not None:
            return match.group(2), match.group(1)
    return None


def _in_edition_year(found: FoundDate, text: str, edition: tuple[str, str]) -> FoundDate:
    """A month or day without its year (« au début du mois de septembre », « en février
    dernier ») in an undated article written during an edition of a named event: that
    edition's year, inferred and said so (never the article's words)."""
    if found.iso is not None or found.basis != "inconnu":
        return found
    year, words = edition
    shown = words if len(words) <= 60 else words[:59] + "…"
    named = relative_year(found.text, int(year)) if found.precision == "relatif" else None
    if named is not None:  # « il y a un an » in an article written during the 2021 edition
        return replace(
            found,
            iso=named,
            precision="année",
            basis="déduit",
            reason=f"« {found.text} » dans un article écrit pendant « {shown} »",
            note=f"année déduite : « {found.text} » dans un article non daté écrit pendant "
            f"« {shown} » ; à vérifier",
        )
    if found.precision not in ("mois", "jour"):
        return found
    month = re.search(r"\b(" + "|".join(MONTHS_FR) + r")\b", found.text, re.IGNORECASE)
    if month is None:
        return found
    if found.precision == "mois":
        part = _PART_BEFORE.search(text[: found.start])
        phrase = f"{part.group(1) + ' ' if part else ''}{month.group(1)} {year}"
    else:
        phrase = f"{found.text} {year}"
    parsed = [d for d in find_dates(phrase, None) if d.iso and d.basis == "texte"]
    if not parsed:
        return found
    return replace(
        found,
        text=f"{part.group(0)}{found.text}" if found.precision == "mois" and part else found.text,
        iso=parsed[0].iso,
        precision=parsed[0].precision,
        basis="déduit",
        reason=f"année de « {shown} »",
        note=f"année déduite : « {found.text} » dans un article non daté écrit pendant "
        f"« {shown} » ; à vérifier" + (f" ; {parsed[0].note}" if parsed[0].note else ""),
    )


_ARTICLE_OF = "dans l'article du "
_UPDATED_ON = "dans la page mise à jour le "


def _only_year_day(article: Article) -> FoundDate | None:
    """In an undated article whose explicit dates all fall in one year, the latest full day it
    gives (« le 11 novembre 2020 »): what a later day without its year (« le 30 janvier »)
    is read after. None when the article's dates span several years."""
    explicit = [
        found
        for sentence in article.sentences
        for found in find_dates(sentence.text, None)
        if found.basis == "texte" and found.iso
    ]
    years = {found.iso[:4] for found in explicit if found.iso}
    days = [found for found in explicit if found.precision == "jour"]
    if len(years) != 1 or not days:
        return None
    return max(days, key=lambda found: str(found.iso))


def _in_published_month(found: FoundDate, month: str) -> FoundDate:
    """« le 26 août » in an article the curator says was published in August 2025 (« # Date :
    2025-08 »): that day of the year of publication — of the year before when its month comes
    after the publication's — deduced, with its reason; other dates unchanged."""
    if found.iso is not None or found.precision != "jour" or found.basis != "inconnu":
        return found
    words = re.search(r"(\d{1,2}|1er)\s+(" + "|".join(MONTHS_FR) + r")\b", found.text, re.I)
    if words is None:
        return found
    year, number = (int(part) for part in month.split("-"))
    day = 1 if words.group(1).casefold() == "1er" else int(words.group(1))
    which = MONTHS_FR.index(words.group(2).casefold()) + 1
    try:
        reading = date(year if which <= number else year - 1, which, day)
    except ValueError:
        return found
    return replace(
        found,
        iso=reading.isoformat(),
        basis="déduit",
        note=(
            f"année déduite : « {found.text} » dans un article publié en "
            f"{parse_date(month).label()} selon le curateur (pas selon l'article) ; à vérifier"
        ),
        reason=f"année du mois de publication donné par le curateur ({parse_date(month).label()})",
    )


def _after_latest(found: FoundDate, latest: FoundDate, text: str) -> FoundDate:
    """A day without its year (« le 30 janvier ») in an undated article: the first such day
    on or after the article's latest explicit day, inferred and said so (to check). « le 10
    novembre dernier » counts from the article's own date, unknown: left without a year."""
    if found.iso is not None or found.precision != "jour" or found.basis != "inconnu":
        return found
    if re.match(r"\s+(?:dernier|prochain|passé)\b", text[found.end :], re.I):
        return found
    words = re.search(r"(\d{1,2}|1er)\s+(" + "|".join(MONTHS_FR) + r")\b", found.text, re.I)
    if words is None or latest.iso is None:
        return found
    day = 1 if words.group(1).casefold() == "1er" else int(words.group(1))
    month = MONTHS_FR.index(words.group(2).casefold()) + 1
    after = date.fromisoformat(latest.iso)
    try:
        reading = date(after.year, month, day)
        if reading < after:
            reading = date(after.year + 1, month, day)
    except ValueError:
        return found
    named = re.search(
        r"\b(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\b", found.text, re.I
    )
    if named is not None and WEEKDAYS[reading.weekday()] != named.group(1).casefold():
        return found  # « lundi 14 janvier » that is no Monday then: the year stays unknown
    return replace(
        found,
        iso=reading.isoformat(),
        basis="déduit",
        note=(
            f"année déduite : le premier « {found.text} » après le « {latest.text} » que "
            "donne l'article (non daté) ; à vérifier"
        ),
        reason=f"le {found.text} qui suit le {latest.text} de l'article",
    )


_TAKES_UP_LAW = re.compile(r"\b(?:cette|cet|ce)\s+(?:mesure|décision|loi|amendement|texte)\b")
"""« a qualifié cette mesure » : the law the sentence before named, taken up."""


def draft_article(
    text: str,
    name: str,
    base: FactBase,
    linker: Linker | None = None,
    given: Given | None = None,
) -> Draft:
    """Read ``text`` (an article named ``name``) against ``base`` and propose entries."""
    article = read_article(text, given)
    source_id = free_slug(name, base)
    finder = ActorFinder(
        base.actors,
        [
            *((named.name, named.actor) for named in base.vocabulary.article_names),
            *ORGANISATION_OFFICIALS,
        ],
    )
    linker = linker or Linker(base)
    anchor = article.anchor
    month = url_month(article.url.value) if anchor is None and article.url.value else None
    """The month an undated page's address files it under (« /2025/06/ »)."""
    latest_day = _only_year_day(article) if anchor is None else None
    published_month = (
        article.published.value
        if article.published.basis == "curateur" and len(article.published.value or "") == 7
        else None
    )
    """The month of publication the curator gave alone (« # Date : 2025-08 »)."""
    edition = _edition_now(article) if anchor is None else None
    candidates: list[Candidate] = []
    skipped: list[Sentence] = []
    new_countries: dict[str, list[str]] = {}
    unknown_all: dict[str, None] = {}
    opened_with: list[str] = []
    """The two actors (countries or organisations) of the first sentence naming two: whom
    « les deux parties », « des deux côtés » stand for when no pair of countries was named."""
    recent: list[str] = []
    naming: dict[str, Sentence] = {}
    """The last sentence naming each country (what « les deux pays » later stands for)."""
    named_together: list[tuple[Sentence, set[str]]] = []
    """Each sentence with the parties it names: one naming exactly the pair is the context of
    « les deux pays » (« l'Azerbaïdjan et l'Italie ont réaffirmé … »), not the last sentences
    naming each (« … entre Bakou et Rome … (OTAN) »)."""
    people: dict[str, str] = {}
    law_before: list[ActorHit] = []
    """The countries of the laws the sentence before named (« l'amendement 907 » → US)."""
    quotations = _quotation_depths([sentence.text for sentence in article.sentences])
    lead: list[str] = []
    """The countries of the first sentence that names several: the article's parties."""
    speakers_at: dict[int, int] = {}
    reasons: dict[int, str] = {}
    heads: set[str] = set()
    """Countries of the heads of state named so far (« le président azerbaïdjanais X »)."""
    last = len(article.sentences) - 1
    cut_sentence: Sentence | None = None
    subject = subject_country(
        [article.title.value or "", *(sentence.text for sentence in article.sentences)],
        finder,
        base.vocabulary.home,
    )
    """The foreign country the article is about (the country of its lead's official)."""
    for position, sentence in enumerate(article.sentences):
        if position == last and _cut_off(sentence.text):
            if not _says_whole(sentence.text):
                skipped.append(sentence)
                reasons[sentence.start] = CUT_OFF
                continue
            if _DANGLING.search(sentence.text):
                sentence = _whole_part(sentence)
            cut_sentence = sentence
        dates = find_dates(sentence.text, anchor, article.anchor_basis)
        if anchor is None and edition is not None:
            dates = [_in_edition_year(found, sentence.text, edition) for found in dates]
        if article.published_date is None and anchor is not None:
            # the anchor is the page's update date: never call it the article's date
            dates = [
                replace(found, note=found.note.replace(_ARTICLE_OF, _UPDATED_ON))
                if found.note
                else found
                for found in dates
            ]
        if anchor is None and latest_day is not None:
            dates = [_after_latest(found, latest_day, sentence.text) for found in dates]
        if anchor is None and published_month is not None:
            dates = [_in_published_month(found, published_month) for found in dates]
        found = finder.find(sentence.text)
        laws = country_laws(sentence.text, finder, COUNTRY_LAWS)
        if not laws and _TAKES_UP_LAW.search(sentence.text):
            laws = law_before  # « le chef de l'État a qualifié cette mesure … » : that law's
        law_before = country_laws(sentence.text, finder, COUNTRY_LAWS)
        found += [hit for hit in laws if hit.id not in {h.id for h in found}]
        # people the base knows (« Zakir Hasanov », AZ in all its entries) speak for their
        # country too, after those the article itself gives one
        known_people = linker.people_in(sentence.text, finder)
        speakers = {
            **{item.words: item.actor for item in known_people},
            **people,
            **officials(sentence.text, finder),
        }
        countries_here = [hit for hit in found if len(hit.id) == 2 and hit.id.isupper()]
        again = named_officials(sentence.text, people)
        resolved = resolve(sentence.text, finder, recent, speakers) + again
        named_here = officials(sentence.text, finder)
        for name, organisation in organisation_officers(
            sentence.text, finder, ORGANISATION_OFFICIALS
        ).items():
            named_here.setdefault(name, organisation)
        official = lead_official(sentence.text, finder) if position <= 1 else None
        if official is not None and subject is not None and official.words not in people:
            named_here.setdefault(official.words, subject)  # his country: the article's subject
            resolved.append(Resolved(official.words, subject))
        speakers_at[position] = len(named_here)
        people.update(named_here)
        # a company's or a threat's country (« l'industriel italien ») is none of the parties
        # « les deux pays » names next
        # nor is a neighbour, a border or a side of a conflict spoken about (« près de la
        # frontière avec l'Arménie », « le conflit … entre l'Arménie et l'Azerbaïdjan »)
        # nor is the country of a news medium the article has not named as an actor before
        told_by = [hit for hit in media(sentence.text, finder, found) if hit.id not in recent]
        aside = nationals(sentence.text, finder, found) + bystanders(sentence.text, finder, found)
        aside += told_by + spoken_of(sentence.text, finder, found)
        parties_here = [h for h in countries_here if h not in aside]
        if not lead and len({hit.id for hit in parties_here}) >= 2:
            lead = list(dict.fromkeys(hit.id for hit in parties_here))
        resolved += _our_countries(sentence.text, lead, countries_here)
        title = HEAD_TITLE.search(sentence.text)
        meant = head_meant(heads, base.vocabulary.home) if title is not None else None
        if title is not None and meant is not None:  # « a estimé le chef de l'État »
            resolved.append(Resolved(title.group(0), meant))
        heads |= heads_of_state(sentence.text, finder)
        pair = [item.actor for item in resolved if names_a_pair(item.words)]
        missing = {a for a in pair if a in naming} - {hit.id for hit in countries_here}
        both = next(  # one earlier sentence naming exactly the pair: the one context quote
            (told for told, ids in reversed(named_together) if len(missing) > 1 and ids == missing),
            None,
        )
        named_in = (
            [both]
            if both is not None
            else list(dict.fromkeys(naming[actor] for actor in pair if actor in missing))
        )
        recent += [hit.id for hit in parties_here]
        for hit in parties_here:
            naming[hit.id] = sentence
        named_together.append((sentence, {hit.id for hit in found}))
        # an official's country the sentence gives without naming it (« Gallant » → Israel)
        # is one of the countries it is about: « les deux pays » next counts it
        recent += [item.actor for item in resolved if item.actor not in recent[-2:]]
        where = places(sentence.text, finder, found)
        named_by_phrase = {item.actor for item in resolved}
        where = [hit for hit in where if hit.id not in named_by_phrase]
        people_of = [hit for hit in nationals(sentence.text, finder, found) if hit not in where]
        people_of += [hit for hit in told_by if hit not in where]
        people_of += [
            hit
            for hit in spoken_of(sentence.text, finder, found)
            if hit not in where and hit not in people_of
        ]
        actors = [hit for hit in found if hit not in where and hit not in people_of]
        actors += [hit for hit in laws if hit.id not in {other.id for other in actors}]
        for item in resolved:
            here_ids = {hit.id for hit in countries_here}
            if (
                item in again
                and countries_here
                and not (len(lead) == 2 and item.actor in lead and here_ids <= set(lead))
                and not meets_counterparts(sentence.text, item.words)
                and not (not _is_country_id(item.actor) and speaks(sentence.text, item.words))
            ):
                # an official named again gives his country only to a sentence naming none:
                # « Mirzayev faisait référence à la guerre … la Russie » is about Russia (his
                # country stays noted in draft.resolved) — or naming only the other country of
                # the pair the article opened with (« Akar … les investissements que
                # l'Azerbaïdjan fera » in an article on Turkey and Azerbaijan: both)
                continue
            if item.actor not in {hit.id for hit in actors}:
                known = item.actor in finder.known
                actors.append(ActorHit(item.actor, item.words, known))
        for known_person in known_people:
            if known_person.actor not in {hit.id for hit in actors}:
                actors.append(ActorHit(known_person.actor, known_person.words, True))
                resolved.append(known_person)
        sides = _TWO_SIDES.search(sentence.text)
        paired = {item.actor for item in resolved if names_a_pair(item.words)}
        if sides is not None and len(paired) < 2 and len(opened_with) == 2:
            # « Quand les deux parties seront prêtes » in an article opened on Azerbaijan and
            # NATO: not a pair of countries, the two the article opened with
            actors = [hit for hit in actors if hit.id not in paired or hit.id in opened_with]
            for actor in opened_with:
                if actor not in {hit.id for hit in actors}:
                    actors.append(ActorHit(actor, sides.group(0), actor in finder.known))
                    resolved.append(Resolved(sides.group(0), actor))
        attribution = (
            _attribution(article.sentences[position : position + 4])
            if not quotations[position][0] and sentence.text[:1] in _OPENING + '"'
            else None
        )
        if attribution is not None and _WE.search(sentence.text):
            # « "Depuis de longues années, nous coopérons avec l'OTAN … », a indiqué M. Aliev » :
            # « nous » is the speaker's country, named in the attribution after the quotation
            said_by = attribution
            country = speaker_country(said_by, {**people, **officials(said_by, finder)})
            if country is not None and country not in {hit.id for hit in actors}:
                actors.append(ActorHit(country, "nous", country in finder.known))
                resolved.append(Resolved("nous", country))
        if not opened_with:
            ids = list(dict.fromkeys(hit.id for hit in actors))
            if len(ids) == 2 and len(sentence.text) >= MIN_QUOTE:
                opened_with = ids
        unknown = unknown_names(sentence.text, finder, found)
        figures = numbers(sentence.text, [(d.start, d.end) for d in dates])
        modality = modality_of(sentence.text)
        act = _act(sentence.text, modality)
        if len(sentence.text) < MIN_QUOTE:
            skipped.append(sentence)
            continue
        weak = not (actors or where or dates or figures or act)
        for hit in found:
            if not hit.known and hit not in people_of and hit not in where:
                # a place (« en Afghanistan ») is proposed only if an entry takes it as actor
                seen = new_countries.setdefault(hit.id, [])
                if hit.text not in seen:
                    seen.append(hit.text)
        for unknown_name in unknown:
            unknown_all.setdefault(unknown_name, None)
        period = _period(sentence.text, dates)
        dated = [d for d in dates if d is not period]
        if position == 0 and not any(d.iso for d in dated):
            from_dateline = _lead_date(sentence.text, article, act, modality)
            if from_dateline is not None:
                dated.insert(0, from_dateline)
        # a day without its year (« le mercredi 25 septembre » in an undated article) dates
        # nothing: the sentence is drafted as a constat unless another date resolves
        kind, subtype = _kind(sentence.text, act, [d for d in dated if d.iso], modality)
        if statement_by(sentence.text) is not None:
            # « Cela a été annoncé par le ministère …, commentant le contrat signé … » : the
            # body's statement, whatever act the thing it comments on tells
            kind, subtype, act = "event", "declaration", None
        said_at = said_end(sentence.text)
        if (
            subtype == "declaration"
            and said_at is not None
            and any(d.iso for d in dated)
            and all(year_of_thing(sentence.text, d.start, said_at) for d in dated if d.iso)
        ):
            # « a affirmé que la Russie restait attachée aux accords de 2020 » : the year of
            # what is spoken of; the statement is reported on the article's day
            on_article = _reported_on_article(article, sentence.text[:said_at])
            dated = [d for d in dated if not d.iso] + ([on_article] if on_article else [])
        if subtype == "declaration" and act in DONE_ACTS:
            act = None  # what a statement reports was not done on the statement's day
        if (
            kind == "event"
            and subtype is None
            and standing_since(sentence.text, [d.start for d in dated if d.iso])
        ):
            kind = "fact"  # « Depuis 2015, l'Azerbaïdjan forme … » : a standing state
        if (
            (kind == "fact" or (kind == "event" and subtype is None))
            and modality is None
            and opening(sentence.text)
        ):
            # « La cérémonie d'ouverture du salon … a eu lieu au Centre d'exposition de
            # Bakou » : an opening held at a place is an event, dated or not
            kind, subtype = "event", _opening_type(sentence.text, act)
        titled_said = _TOLD_BY_TITLED.search(sentence.text)
        if (
            kind == "fact"
            and titled_said is not None
            and not any(d.iso for d in dated)
            and not any(mark in sentence.text for mark in _MARKS)
        ):
            # « La France est disposée à octroyer 400.000 euros …, a fait savoir l'ambassadeur
            # français à Bakou » : what a titled speaker made known, undated — his declaration,
            # reported on the article's day
            on_article = _reported_on_article(article, titled_said.group(0))
            if on_article is not None:
                kind, subtype, act = "event", "declaration", None
                dated = [*dated, on_article]
        named = [d for d in dated if (d.reason or "").startswith(NAME_YEAR)]
        if named and (meeting_part(sentence.text) or _TALKED_OF.search(sentence.text)):
            # « Les deux ministres ont abordé la préparation de l'exercice « Birlestik - 2023 » »
            # : what a meeting talked about, the name's year dates neither the talk nor it
            dated = [d for d in dated if d not in named]
            kind, subtype = _kind(sentence.text, act, [d for d in dated if d.iso], modality)
            named = []
        announced = _ANNOUNCED.search(sentence.text)
        if announced is not None and named and len(named) == len([d for d in dated if d.iso]):
            # « Les troupes … participeront aux exercices « Caspian Breeze - 2025 », a annoncé
            # le ministère » : the announcement, reported on the article's day; the year of
            # the name dates the exercise, not the sentence announcing it
            kind, subtype, act = "event", "declaration", None
            dated = [d for d in dated if d not in named]
            on_article = _reported_on_article(article, announced.group(0))
            dated += [on_article] if on_article is not None else []
        elif (
            subtype == "declaration"
            and named
            and modality is not None
            and modality.kind in ("souhait", "intention")
            and not _said_on(sentence.text, named)
        ):
            # « L'Azerbaïdjan s'apprête à déployer … dans le cadre des exercices « Caspian
            # Breeze - 2025 », qui se dérouleront … » : the named exercise, to come
            subtype = event_type(sentence.text, act) or subtype
        if kind == "agreement":  # « Selon le plan commun, signé …, sont organisés les exercices
            # “Altyn Kyran – 2024” » : the year of the exercise's name is not the plan's date
            dated = [d for d in dated if not (d.reason or "").startswith("année lue dans le nom")]
        tense = tense_of(sentence.text)
        if tense == "conditionnel" and reported_future(sentence.text):
            tense = "futur"  # « a annoncé que des unités participeraient » : a future, told
        if modality is not None and modality.kind in ("projet", "futur") and tense == "passé":
            tense = "futur" if modality.kind == "futur" else tense
        elif modality is not None and tense == "passé" and _PRESENT_MODAL.search(sentence.text):
            tense = "présent"  # « veulent renforcer », « doit encore rencontrer » : said now
        candidates.append(
            Candidate(
                id="",
                sentence=sentence,
                kind=kind,
                act=act,
                subtype=subtype,
                dates=dated,
                actors=actors,
                unknown=unknown,
                numbers=figures,
                tense=tense,
                hedge=hedge_of(sentence.text),
                modality=modality,
                period=period,
                places=where,
                nationals=people_of,
                resolved=resolved,
                named_in=named_in,
                position=position,
                weak=weak,
                in_quote=quotations[position][0],
                said_by_pronoun=bool(_PRONOUN_SAID.match(quotations[position][1])),
            )
        )
    for candidate in candidates:  # a mediator is no party, before grouping by actors
        _mediated(candidate, finder)
    carrying = {
        candidate.sentence.start
        for candidate in candidates
        if not candidate.weak
        or _WHAT_ABOUT.match(candidate.sentence.text)
        or meeting_part(candidate.sentence.text)  # what the meeting talked about
    }
    """Sentences that carry something on their own words, read before any grouping."""
    single = {candidate.sentence.start: replace(candidate) for candidate in candidates}
    """Each sentence as read alone (its actors, dates), before any grouping."""
    candidates = _group(candidates, skipped, speakers_at, reasons)
    if cut_sentence is not None:
        for candidate in candidates:
            if cut_sentence in [candidate.sentence, *candidate.more]:
                candidate.cut = CUT_NOTE
    candidates = _back_to_agreement(candidates)
    candidates = _back_to_event(candidates)
    candidates = _back_to_visit(candidates)
    candidates = _back_to_sale(candidates)
    candidates = _repeats(candidates)
    candidates = _says_again(candidates)
    candidates = _same_source(candidates)
    candidates = _meeting_parts(candidates)
    candidates = _said_at_meeting(candidates)
    candidates = _opening_frame(candidates, single)
    positions = {sentence.start: index for index, sentence in enumerate(article.sentences)}
    weak_alone = {start for start, alone in single.items() if alone.weak}
    skipped, programme = _programme(candidates, skipped, positions, weak_alone)
    carrying |= programme
    candidates = _exercise_parts(candidates, positions)
    _exercise_end(candidates)
    _unquoted_speech(candidates, skipped, article, finder, reasons)
    _titled_speaker(candidates, article, finder)
    _agreement_parties(candidates)
    candidates = _same_day_events(candidates)
    _date_from_event(candidates)
    candidates = _split_agreements(candidates)
    candidates = verbless(candidates, skipped, reasons)
    candidates = visit_end(candidates)
    candidates = same_event_again(candidates, positions)
    candidates = speaker_sequel(candidates, positions, _reported_on_article(article, "a annoncé"))
    candidates = goes_on(candidates, positions)
    reported_kinds(candidates, _reported_on_article(article, "sans date propre"))
    candidates = one_speaker(candidates, positions)
    for candidate in candidates:
        signed = candidate.kind == "agreement" and candidate.act == "signe"
        if signed and not _SIGN_WORD.search(candidate.text):  # « ont conclu un accord »
            candidate.act = None  # the text's verb, kept in the summary
    for candidate in candidates:  # « ne participera pas aux exercices … en septembre »
        reported = _reported_on_article(article, "déclaration au futur")
        dated = [found for found in candidate.dates if found.iso]
        if (
            candidate.subtype == "declaration"
            and candidate.tense == "futur"
            and reported is not None
            and dated
            and all(found.precision != "jour" and found.basis != "texte" for found in dated)
        ):  # the month is that of what it announces, not of the statement: the article's day
            candidate.dates = [reported]
    untyped_events(candidates)
    for candidate in candidates:  # « vient de signer » dates an undated agreement or event
        if candidate.kind != "fact" and not any(found.iso for found in candidate.dates):
            for sentence in (candidate.sentence, *candidate.more):
                recently = just_now(sentence.text, anchor, article.anchor_basis, month)
                if recently is not None:
                    candidate.dates.append(recently)
                    break
    _article_parties(candidates, base.vocabulary.home, subject)
    if subject is None:
        lead_parties(candidates, base.vocabulary.home)
    _visit_hosts(candidates)
    series_meeting(candidates)
    _mission_side(candidates, " ".join(s.text for s in article.sentences), finder)
    for candidate in candidates:
        signing = candidate.kind == "agreement" or candidate.subtype == "accord"
        if signing and not candidate.more:
            _parties_between(candidate, finder)
    _pronoun_goes_on(candidates, skipped, positions, carrying)
    _stance_goes_on(candidates, skipped, positions, carrying, reasons)
    candidates = _same_speaker_again(candidates, positions, carrying)
    skipped.sort(key=lambda sentence: sentence.start)
    for number, candidate in enumerate(candidates, start=1):
        candidate.id = f"{source_id}-{number}"[:40]
        said = {_bare(candidate.sentence.text)}
        candidate.carrying = set()
        for more in candidate.more:  # a sentence said again (a standfirst) is context only
            if more.start in carrying and _bare(more.text) not in said:
                candidate.carrying.add(more.start)
            said.add(_bare(more.text))
        main = _main_date(candidate.dates)
        span = _span(main)
        explicit = main is not None and main.basis == "texte"
        if span is None and anchor is not None and candidate.act in ("signe", "adhesion", "livre"):
            span = reported_span(anchor)
        candidate.links = linker.links(  # the key sentence says what the candidate is
            candidate.sentence.text, [hit.id for hit in candidate.actors], span, explicit
        )
    for candidate in candidates:  # a visit's host read from its place (``_visit_hosts``)
        for hit in candidate.actors:
            if not hit.known and _is_country_id(hit.id):
                seen = new_countries.setdefault(hit.id, [])
                if hit.text not in seen:
                    seen.append(hit.text)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Draft(
        name=name,
        source_id=source_id,
        article=article,
        sha256=digest,
        candidates=candidates,
        skipped=skipped,
        reasons=reasons,
        new_countries=new_countries,
        unknown=list(unknown_all),
        known_names=tuple(name for actor in base.actors.values() for name in actor.names()),
    )


ARTICLE_PARTY_NOTE = (
    "pays de l'article ({parties}) : la phrase ne nomme personne — à vérifier, retirer "
    "celui qui n'est pas partie de ce fait"
)


def _article_parties(candidates: list[Candidate], home: str, subject: str | None) -> None:
    """A fact or event whose sentences name no actor at all (« Le voyage a été annoncé
    seulement après que Yaalon soit arrivé ») gets the article's parties — the home country
    and the foreign one the article is about — rather than none, each noted in ``resolved``
    as the article's, not the sentence's, to check.

    Adding a party was the curators' most frequent fix on actors (44 of 169 first drafts,
    bench/fix_kinds.py) and an empty field always needs one; a sentence that names even one
    country keeps only what it names (« L'Azerbaïdjan … sa flotte » stays Azerbaijan's), and an
    agreement keeps the parties its sentences name. Without a subject (no foreign country
    named in two sentences more than any other), or when no candidate has it for an actor
    (« l'industriel italien Leonardo », twice), nothing is added.
    """
    if subject is None or not any(subject in _actor_ids(c) for c in candidates):
        return  # a company's country named twice (« l'industriel italien ») is no party
    parties = [home, subject]
    note = ARTICLE_PARTY_NOTE.format(parties=", ".join(parties))
    for candidate in candidates:
        if candidate.kind == "agreement" or candidate.subtype == "accord":
            continue
        if candidate.actors:
            continue
        own = _NATIONAL_BODY.search(candidate.text)
        for code in [home] if own else parties:
            candidate.actors.append(ActorHit(code, "", True))
            candidate.resolved.append(
                Resolved(
                    "(pays de l'article)",
                    code,
                    f"« {own.group(0)} » : un organe du pays de l'article ({home}), sans partie "
                    "étrangère — à vérifier"
                    if own
                    else note,
                )
            )


_NATIONAL_BODY = re.compile(
    r"\b(?:Milli\s+M[ae]dj?lis|Parlement|Assemblée\s+nationale|Sénat|députés)\b"
)
"""« La commission … du Milli Madjlis (Parlement de la République) s'est réunie » : a body of
the article's own country, no meeting with the foreign country the article is about."""


_PRONOUN_SPEECH = re.compile(
    r"^(?:Il|Elle|Ils|Elles)\s+(?:a|ont|avait|avaient)\s+(?:\w+\s+)?(?:souligné|ajouté|"
    r"précisé|indiqué|déclaré|estimé|rappelé|affirmé|insisté|noté|expliqué|assuré|relevé|"
    r"fait\s+valoir|fait\s+remarquer|fait\s+observer)\b"
)
_SAID_SELF = re.compile(
    r"\bs['’]est\s+(?:\w+\s+)?(?:déclaré|dit|félicité|réjoui|exprimé|prononcé)e?s?\b"
)
"""« le diplomate s'est déclaré « heureux d'annoncer » … » : someone speaking."""
PRONOUN_SPEECH_NOTE = "« {words} » : la suite des propos de l'orateur de la phrase d'avant"


def _by_position(candidates: list[Candidate], positions: dict[int, int]) -> dict[int, Candidate]:
    """Each candidate under the positions of its sentences in the article."""
    return {
        positions[sentence.start]: candidate
        for candidate in candidates
        for sentence in (candidate.sentence, *candidate.more)
        if sentence.start in positions
    }


def _pronoun_goes_on(
    candidates: list[Candidate],
    skipped: list[Sentence],
    positions: dict[int, int],
    carrying: set[int],
) -> None:
    """« Il a souligné qu'une vaste partie du Haut-Karabakh devait encore être déminée » set
    aside for naming nothing itself: the words of the speaker of the sentence just before —
    part of what he said (the guide: one speaker's words are one declaration), never
    dropped, and a key quote (what he said is the summary's). Only when the sentence before
    is a candidate's that names someone speaking."""
    by_position = _by_position(candidates, positions)
    for sentence in list(skipped):
        found = _PRONOUN_SPEECH.match(sentence.text)
        before = by_position.get(positions.get(sentence.start, -1) - 1)
        if found is None or before is None or before.kind == "agreement":
            continue
        if not any(
            _SPEECH.search(said.text)
            or _PRONOUN_SPEECH.match(said.text)
            or _SAID_SELF.search(said.text)
            for said in (before.sentence, *before.more)
        ):
            continue
        skipped.remove(sentence)
        before.more.append(sentence)
        carrying.add(sentence.start)
        before.grouped_why.append(PRONOUN_SPEECH_NOTE.format(words=found.group(0)))
        by_position[positions[sentence.start]] = before


_STANCE = re.compile(
    r"\b(?:a|ont|avait|avaient)\s+(?:\w+\s+){0,2}?(?:insisté|souligné|abordé|évoqué|accusé|"
    r"déclaré|dit|affirmé|estimé|appelé|exhorté|salué|plaidé|réaffirmé|exprimé|rappelé|"
    r"indiqué|précisé|noté)\b|\b(?:se\s+concentrera|portera|porteront|ont\s+porté|a\s+porté)"
    r"\s+sur\b|\blit-on\b|\bajouter\s*:|\bdevrai(?:en)?t\s+se\s+tenir\b",
    re.IGNORECASE,
)
"""A stance or a topic of the talks (« a insisté sur … », « ont également abordé … », « il se
concentrera sur … », « lit-on dans un communiqué »): what the sentence before told, going on."""
STANCE_NOTE = "« {words} » : une position ou un sujet de ce que dit la phrase d'avant"


def _stance_goes_on(
    candidates: list[Candidate],
    skipped: list[Sentence],
    positions: dict[int, int],
    carrying: set[int],
    reasons: dict[int, str],
) -> None:
    """A sentence set aside for naming no actor, date, number nor act that carries a stance or
    a topic (``_STANCE``: « Le représentant spécial a insisté sur … une normalisation ») right
    after a candidate's sentence (one or two before): that candidate's, in a key quote — never
    dropped as naming nothing. Never an agreement's."""
    by_position = _by_position(candidates, positions)
    for sentence in list(skipped):
        found = _STANCE.search(sentence.text)
        if found is None or sentence.start in reasons or len(sentence.text) < MIN_QUOTE:
            continue
        if re.match(r"(?:Il|Elle|Ils|Elles)\s", sentence.text):
            continue  # « Il a souligné … » after no speaker: nobody the tool can name
        at = positions.get(sentence.start, -1)
        before = by_position.get(at - 1) or by_position.get(at - 2)
        if before is None or before.kind == "agreement":
            continue
        skipped.remove(sentence)
        before.more = sorted([*before.more, sentence], key=lambda one: one.start)
        carrying.add(sentence.start)
        before.grouped_why.append(STANCE_NOTE.format(words=found.group(0)))
        by_position[at] = before


_TITLE_AGAIN = re.compile(
    r"^(?:[^,.;«»]{0,40},\s*)?(?:le|la|l['’])\s?(?:diplomate|ambassadeur|ambassadrice|"
    r"ministre|porte-parole|responsable)\b[^.;«»]{0,40}?\b(?:a|avait|s['’]est)\s+(?:\w+\s+)?"
    r"(?:déclaré|dit|souligné|ajouté|précisé|indiqué|affirmé|expliqué|réjoui|félicité)",
    re.IGNORECASE,
)
"""« Sur son compte Twitter, le diplomate s'est déclaré … » : the speaker of the sentence just
before, named again by his title."""
SAME_SPEAKER_NOTE = "« {words} » : le même orateur que la déclaration de la phrase d'avant"


def _same_speaker_again(
    candidates: list[Candidate], positions: dict[int, int], carrying: set[int]
) -> list[Candidate]:
    """An undated constat whose speaker is the titled speaker of the declaration just before
    (« …, a fait savoir l'ambassadeur français » then « le diplomate s'est déclaré « heureux
    d'annoncer » … ») : more of that declaration, in key quotes — one speaker, one
    declaration (the guide)."""
    by_position = _by_position(candidates, positions)
    gone: set[int] = set()
    for item in candidates:
        found = _TITLE_AGAIN.match(item.sentence.text)
        before = by_position.get(positions.get(item.sentence.start, -1) - 1)
        if found is None or before is None or before is item or id(before) in gone:
            continue
        if item.kind != "fact" or any(d.iso for d in item.dates) or item.modality is not None:
            continue
        if before.subtype != "declaration":
            continue
        if not _actor_ids(item) <= _actor_ids(before):
            continue  # « Le ministre russe … a déclaré » after Bakou's word: another speaker
        before.more += [item.sentence, *item.more]
        carrying.add(item.sentence.start)
        known = {hit.id for hit in before.actors}
        before.actors += [hit for hit in item.actors if hit.id not in known]
        before.grouped_why += [SAME_SPEAKER_NOTE.format(words=found.group(0)), *item.grouped_why]
        for sentence in (item.sentence, *item.more):
            by_position[positions[sentence.start]] = before
        gone.add(id(item))
    return [candidate for candidate in candidates if id(candidate) not in gone]


_MISSION = re.compile(
    r"\b(?:déplo\w+|lanc\w+|envo\w+)\b[^.;]{0,80}?\bmission\b|\bmission\b[^.;]{0,80}?\bdéploy\w+",
    re.IGNORECASE,
)
"""« a commencé à déployer une mission d'observation », « la mission déployée » : a mission sent."""
_SIDE = re.compile(r"\bdu\s+côté\s+(?P<side>[\w’'-]+)\s+de\s+la\s+frontière\b", re.IGNORECASE)
"""« du côté arménien de la frontière » : the side of the border where a mission deploys."""
_BORDER = re.compile(r"\bfrontières?\b[^.;,]{0,60}", re.IGNORECASE)
"""« la frontière entre l'Arménie et l'Azerbaïdjan », « la frontière arméno-azerbaïdjanaise »."""
MISSION_SIDE_NOTE = (
    "pays de l'autre côté de la frontière où la mission se déploie (« {side} ») : retiré, "
    "pas une partie — à vérifier"
)


def _mission_side(candidates: list[Candidate], text: str, finder: ActorFinder) -> None:
    """When the article says on which side of a border a mission deploys (« du côté arménien
    de la frontière »), the country of the other side, named in that mission's sentences only
    as the border (« à la frontière entre l'Arménie et l'Azerbaïdjan »), is no party of the
    deployment or of its announcement."""
    side = _SIDE.search(text)
    if side is None:
        return
    sides = {hit.id for hit in finder.find(side.group("side"))}
    if len(sides) != 1:
        return
    for candidate in candidates:
        if candidate.kind == "agreement" or not any(
            _MISSION.search(sentence.text) for sentence in (candidate.sentence, *candidate.more)
        ):
            continue
        sentences = [s.text for s in (candidate.sentence, *candidate.more)]
        other = {hit.id for hit in candidate.actors if hit.id not in sides and len(hit.id) == 2}
        gone: set[str] = set()
        for code in other:
            words = {hit.text for hit in candidate.actors if hit.id == code and hit.text}
            if words and all(
                all(
                    any(w in border.group(0) for border in _BORDER.finditer(sentence))
                    for w in words
                    if w in sentence
                )
                for sentence in sentences
            ):
                gone.add(code)
        if gone and any(hit.id in sides for hit in candidate.actors):
            candidate.actors = [hit for hit in candidate.actors if hit.id not in gone]
            for code in sorted(gone):
                candidate.resolved.append(
                    Resolved(side.group(0), code, MISSION_SIDE_NOTE.format(side=side.group(0)))
                )


_VISIT = re.compile(
    r"\b(?:s['’](?:est|était)\s+rendue?s?|se\s+rend(?:ra|re|ent|ront)?|"
    r"(?:est|sont)\s+arrivée?s?|en\s+visite|(?:la|sa|cette|une|leur)\s+visite)\b",
    re.IGNORECASE,
)
"""A visit told in the sentence: « s'est rendu mercredi en Azerbaïdjan », « en visite à
Bakou », « la visite de Jens Stoltenberg … en Azerbaïdjan »."""
_NEIGHBOURING = re.compile(r"\b(?:frontali\w*|voisin\w*|limitrophe\w*)\s+(?:de|du|des)\b[^,;.]*$")
HOST_NOTE = "pays hôte de la visite (« {words} ») : partie de la rencontre — à vérifier"


_MARGIN_OF_VISIT = re.compile(r"\ben\s+marge\s+d[eu]\s+(?:sa|la|leur|cette)?\s*visite\b", re.I)
"""A meeting « en marge de sa visite à Moscou » with two parties named: Moscow is its place."""


def _visit_hosts(candidates: list[Candidate]) -> None:
    """The country a visitor comes to (« La visite de Jens Stoltenberg … en Azerbaïdjan ») is
    the visit's other party, not only where it happened: curators kept the host as an actor
    of every visit they reviewed. Only a sentence telling a visit by an actor it names, and
    only the first place after the visit's words (« frontalier de l'Iran » further on is no
    host); noted in ``resolved`` and removed from ``places``."""
    for candidate in candidates:
        if candidate.kind == "agreement" or candidate.subtype == "accord":
            continue
        text = candidate.sentence.text
        found = _VISIT.search(text)
        named = _actor_ids(candidate)
        if found is None or not named:
            continue
        after = sorted(
            (text.find(hit.text, found.start()), index)
            for index, hit in enumerate(candidate.places)
            if text.find(hit.text, found.start()) >= 0
        )
        if not after:
            continue
        where, index = after[0]
        hit = candidate.places[index]
        if _NEIGHBOURING.search(text[max(0, where - 30) : where]):
            continue  # « … dans ce pays frontalier de l'Iran » : a neighbour, no host
        if not _is_country_id(hit.id) or hit.id in named:
            continue
        if _MARGIN_OF_VISIT.search(text[: found.end()]) and len(named) > 1:
            continue  # « En marge de sa visite à Moscou, X a rencontré le général pakistanais »
        candidate.actors.append(ActorHit(hit.id, hit.text, hit.known))
        candidate.resolved.append(
            Resolved(hit.text, hit.id, HOST_NOTE.format(words=found.group(0)))
        )
        candidate.places.remove(hit)
        end = where + len(hit.text)
        for where_next, _ in after[1:]:  # « s'est rendu en Arménie et en Azerbaïdjan »
            if where_next < end or not _AND_THERE.match(text[end:where_next]):
                break
            other = next(
                (place for place in candidate.places if text.find(place.text, end) == where_next),
                None,
            )
            if other is None or not _is_country_id(other.id):
                break
            candidate.actors.append(ActorHit(other.id, other.text, other.known))
            candidate.resolved.append(
                Resolved(other.text, other.id, HOST_NOTE.format(words=found.group(0)))
            )
            candidate.places.remove(other)
            end = where_next + len(other.text)


_AND_THERE = re.compile(r"^\s*(?:,\s*|\s*et\s+|\s*puis\s+)(?:en|au|aux|à|dans)\s+(?:l['’]\s*)?$")
"""« en Arménie et en Azerbaïdjan » : a second country the same visit went to, a host too."""


def _is_country_id(code: str) -> bool:
    return len(code) == 2 and code.isupper()


def _lead_date(
    text: str, article: Article, act: str | None, modality: Modality | None
) -> FoundDate | None:
    """The date a dispatch's dateline (« Tachkent, 12 octobre, AZERTAC ») gives the act of its
    lead, a first sentence with no date of its own that tells something done (« a rencontré »,
    « se sont réunis », « a signé »), not a statement:
    day and month from the dateline, the year from it if written, else from the article's date
    the curator gave or the address holds — always inferred, with that basis said; with no
    year anywhere, the day is kept with its year unknown."""
    day = article.dateline_day
    if day is None or article.dateline.value is None or modality is not None:
        return None
    if tense_of(text) != "passé" or event_type(text, act) in (None, "declaration"):
        return None  # a position said (« a affirmé ») is the article's to date, not its lead
    if under_way(text) and article.published.value:
        # « Les F-16 … sont présents dans les exercices » : under way the day of the dispatch,
        # which does not date them — reported on the article's date, the dateline no quote
        value = article.published.value
        precision = {10: "jour", 7: "mois"}.get(len(value), "année")
        note = (
            f"au présent dans la dépêche « {article.dateline.value} » : en cours le jour de "
            f"l'article ({value}), qui ne dit pas quand cela a commencé"
        )
        return FoundDate("", 0, 0, value, precision, "rapporté", note)
    words = f"« {day.text} »"
    if day.iso:
        iso, reason = day.iso, f"ligne d'agence {words}, jour de la dépêche"
    else:
        resolved = [d for d in find_dates(day.text, article.published_date) if d.iso]
        if not resolved:  # no year anywhere: the day stays, its year unknown
            return replace(day, start=0, end=0, basis="inconnu", dateline=article.dateline.value)
        iso = str(resolved[0].iso)
        where = {
            "curateur": "donnée par le curateur",
            "adresse": "lue dans l'adresse",
            "ligne d'agence": "donnée par le curateur",
        }.get(article.published.basis or "", "de l'article")
        reason = f"ligne d'agence {words}, année de la date {where}"
    note = (
        f"« {article.dateline.value} » (ligne d'agence) date la dépêche ; l'acte de sa "
        "première phrase en prend le jour"
        + ("" if day.iso else f", l'année {str(iso)[:4]} vient de la date de l'article {where}")
    )
    return replace(
        day,
        start=0,
        end=0,
        iso=iso,
        basis="déduit",
        reason=reason,
        note=note,
        dateline=article.dateline.value,
    )


# --- YAML -------------------------------------------------------------------------------


def _dating(candidate: Candidate, source_id: str, entry: dict[str, Any], article: Article) -> None:
    main = _main_date(candidate.dates)
    if main is None:
        entry["date"] = None
        return
    entry["date"] = main.iso
    entry["date_text"] = main.text or None  # the article's own date: no words of the fact
    if main.iso is None:
        return  # year unknown: no basis to claim; the draft annotation says so
    if main.event is not None:  # the date of the meeting the sentence happens at
        entry["date_basis"] = "déduit"
        entry["date_reason"] = f"date de la rencontre (« {main.event[:40]} »)"
        if article.published.basis == "texte":  # the meeting's year is the article's own
            entry["date_anchor"] = source_id
        elif article.published.value:  # the curator's or the address's date: said so
            given_by = {"curateur": "donnée par le curateur", "adresse": "lue dans l'adresse"}
            basis = given_by.get(article.published.basis or "")
            entry["date_reason"] += f", article du {article.published.value}" + (
                f" (date {basis})" if basis else ""
            )
        entry["date_note"] = main.note
    elif main.reason is not None:  # the year of a name: not the article's date
        entry["date_basis"] = main.basis
        entry["date_reason"] = main.reason
        entry["date_note"] = main.note
    elif main.basis in ("déduit", "rapporté"):
        entry["date_basis"] = main.basis
        if article.published_date is None and article.updated.value:
            entry["date_reason"] = (
                f"date de mise à jour de la page (« {article.updated.read_from} »), "
                "pas de publication"
            )
        elif article.published.basis == "texte":
            entry["date_anchor"] = source_id
        else:  # the anchor is not the article's words: say where it comes from
            where = (
                "lue dans l'adresse"
                if article.published.basis == "adresse"
                else "donnée par le curateur"
            )
            entry["date_reason"] = f"date de l'article {where} ({article.published.value})"
            if "jour de la ligne d'agence" in (article.published.note or ""):
                entry["date_reason"] = (  # the curator gave the month only
                    "mois de l'article donné par le curateur, jour de sa ligne d'agence "
                    f"({article.published.value})"
                )
        entry["date_note"] = main.note
    if main.precision == "relatif":
        entry["date_basis"] = "rapporté"
        entry["date_label"] = None
        # « récemment » does not say the day: an open span ending on the article's day, the
        # form `check` asks of that wording (never the article's day as if it were the fact's)
        entry["date"] = f"../{main.iso}"


def _partly_hedged(candidate: Candidate) -> bool:
    """« Selon le quotidien Maariv, cet accord … » grouped with sentences the article says on
    its own: the attribution covers its sentence, not the whole entry."""
    sentences = [candidate.sentence, *candidate.more]
    return len(sentences) > 1 and not all(hedge_of(sentence.text) for sentence in sentences)


def _hedge_note(candidate: Candidate) -> str | None:
    """Which sentences of a partly attributed candidate the « selon … » covers."""
    if not _partly_hedged(candidate):
        return None
    hedged = [s.text for s in (candidate.sentence, *candidate.more) if hedge_of(s.text)]
    if not hedged:
        return None
    said = " ; ".join(f"« {hedge_of(text)} » pour « {text[:60]}… »" for text in hedged)
    return (
        f"attribution d'une partie des citations seulement ({said}) : pas de hedge pour "
        "l'entrée ; la dire dans le résumé pour ces phrases-là, jamais pour les autres"
    )


def _annotations(candidate: Candidate) -> dict[str, Any]:
    modality = candidate.modality
    notes: dict[str, Any] = {
        "kind": {"event": "événement", "agreement": "accord", "fact": "constat"}[candidate.kind],
        "act": ACT_LABELS.get(candidate.act or "", None),
        "modality": (
            {
                "kind": modality.kind,
                "words": modality.words,
                "note": f"{MODALITY_LABELS[modality.kind]}, pas un acte accompli : ne pas "
                "écrire act: signe/approuve/adhesion ; garder la modalité dans le résumé",
            }
            if modality is not None
            else None
        ),
        "period": (
            {"text": candidate.period.text, "iso": candidate.period.iso}
            if candidate.period is not None
            else None
        ),
        "places": [
            {"id": hit.id, "text": hit.text, "note": "lieu de l'événement, pas un partenaire"}
            for hit in candidate.places
        ],
        "nationals": [
            {
                "id": hit.id,
                "text": hit.text,
                "note": f"« {hit.text} » dit des ressortissants, une société ou une menace "
                "de ce pays, pas l'État : pas un partenaire",
            }
            for hit in candidate.nationals
        ],
        "resolved": [
            {"words": item.words, "actor": item.actor} | ({"note": item.note} if item.note else {})
            for item in candidate.resolved
        ],
        "grouped": candidate.grouped_why,
        **({"cut": candidate.cut} if candidate.cut else {}),
        "named_in": [sentence.text for sentence in candidate.named_in],
        "tense": _tense(candidate),
        "hedge": candidate.hedge,
        **({"voice": ARTICLE_VOICE_NOTE} if _article_voice(candidate) else {}),
        "uncertain": uncertainty_of(candidate.sentence.text),
        "dates": [
            {
                "text": found.text,
                "iso": found.iso,
                "precision": found.precision,
                "basis": found.basis if found.iso else "année inconnue",
                "note": found.note,
            }
            for found in candidate.dates
        ],
        "actors": [
            {"id": hit.id, "text": hit.text, "known": hit.known} for hit in candidate.actors
        ],
        "unknown_names": candidate.unknown,
        "numbers": [
            {"text": number.text, "value": number.value, "unit": number.unit}
            for number in candidate.numbers
        ],
    }
    if candidate.act == "achat":
        notes["act_note"] = (
            "achat ou vente : un contrat signé est un accord (act: signe), le matériel "
            "qui change de mains un événement (type: mesure)"
        )
    if candidate.act == "livre":
        notes["act_note"] = (
            "livraison : un événement de type mesure (déjà proposé ainsi pour un événement) ; "
            "un constat n'a pas de champ act, rien à choisir ; un contrat de fourniture signé "
            "est un accord (act: signe)"
        )
    notes["links"] = [
        {
            "entry": link.entry_id,
            "relation": link.relation,
            "message": (
                f"probablement le même fait que {link.entry_id} : ajouter ces citations à "
                "son evidence plutôt que créer une entrée — déplacer draft.addition dans la "
                "section additions: du brouillon et retirer l'entrée ; --promote les ajoute"
                if link.relation == "même fait"
                else f"contredit {link.entry_id}"
            ),
            "reason": link.reason,
        }
        for link in candidate.links
    ]
    hedge_note = _hedge_note(candidate)
    if hedge_note is not None:
        notes["hedge_note"] = hedge_note
    return notes


def _tense(candidate: Candidate) -> str:
    """The candidate's tense; a constat whose every sentence tells a state in the present
    (« Cette coopération reste modeste ») is a present, not the default past."""
    if (
        candidate.tense == "passé"
        and candidate.kind == "fact"
        and all(present_tense(sentence.text) for sentence in _sentences_of(candidate))
    ):
        return "présent"
    if (
        candidate.tense == "passé"
        and candidate.kind == "event"
        and all(under_way(sentence.text) for sentence in _sentences_of(candidate))
    ):
        return "présent"  # « sont présents dans les exercices … se déroulent à Bakou »
    return candidate.tense


ARTICLE_VOICE_NOTE = (
    "l'article le dit lui-même, au présent, sans source ni orateur (l'analyse de l'auteur) : "
    "écrire « Selon l'article, … » dans le résumé"
)


def _article_voice(candidate: Candidate) -> bool:
    """A constat in the writer's own voice: every sentence a present state, none said by
    anyone (no verb of saying, no « selon », no quotation marks)."""
    return (
        candidate.kind == "fact"
        and candidate.hedge is None
        and _tense(candidate) == "présent"
        and not any(
            _SAYS.search(sentence.text)
            or _SPEECH.search(sentence.text)
            or hedge_of(sentence.text)
            or any(mark in sentence.text for mark in _MARKS)
            for sentence in _sentences_of(candidate)
        )
    )


def _entry(candidate: Candidate, source_id: str, article: Article) -> dict[str, Any]:
    ids = [hit.id for hit in candidate.actors]
    main = _main_date(candidate.dates)
    entry: dict[str, Any] = {"id": candidate.id}
    if candidate.kind == "agreement":
        entry["title"] = None
        entry["kind"] = candidate.subtype
        entry["act"] = (
            candidate.act
            if candidate.act in ACT_LABELS and candidate.act not in EVENT_ONLY_ACTS
            else None
        )
        entry["parties"] = ids
        if candidate.mediators:
            entry["mediators"] = [hit.id for hit in candidate.mediators]
        _dating(candidate, source_id, entry, article)
        if candidate.period is not None and candidate.period.iso:
            entry["period"] = candidate.period.iso
        if candidate.places:
            entry["place"] = candidate.places[0].text
    elif candidate.kind == "event":
        _dating(candidate, source_id, entry, article)
        entry["type"] = candidate.subtype
        entry["actors"] = ids + [hit.id for hit in candidate.mediators if hit.id not in ids]
    else:
        entry["actors"] = ids
    entry["topics"] = []
    if _tense(candidate) != "passé":
        entry["tense"] = _tense(candidate)
    hedge = candidate.hedge or next(
        (
            hedge_of(more.text)
            for more in candidate.more
            if main is not None and main.text in more.text and hedge_of(more.text)
        ),
        None,
    )
    if hedge and not _partly_hedged(candidate):
        entry["hedge"] = hedge
    entry["summary"] = None
    entry["evidence"] = [
        {"source": source_id, "quote": candidate.sentence.text, "key": True},
        *(  # a grouped sentence is a key quote when it carries an act, a figure, an actor, a
            # place or a date of its own (the summary tells it), or gives the entry's date
            {
                "source": source_id,
                "quote": more.text,
                "key": more.start in candidate.carrying
                or (main is not None and main.text in more.text),
            }
            for more in candidate.more
        ),
    ]
    entry["evidence"] += [
        {"source": source_id, "quote": sentence.text, "key": True} for sentence in candidate.spoken
    ]
    entry["evidence"][:0] = [  # the provisions the document holds, in the article's order
        {"source": source_id, "quote": sentence.text, "key": True}
        for sentence in candidate.provisions
    ]
    entry["evidence"][:0] = [  # the opening of its quotation, in the article's order
        {"source": source_id, "quote": sentence.text, "key": True}
        for sentence in candidate.opened_by
    ]
    if main is not None and main.dateline is not None and main.iso:  # the words of its date
        entry["evidence"].insert(0, {"source": source_id, "quote": main.dateline, "key": True})
    elif (
        main is not None
        and main.basis == "déduit"
        and article.dateline.value
        and article.dateline_day is not None
        and main.iso == article.published.value
        and len(main.iso or "") == 10
        and bool(article.sentences)
        and candidate.sentence.start == article.sentences[0].start
    ):  # the lead's « ce vendredi » in « Bakou, 20 avril, AZERTAC » : the dateline gives its day
        entry["evidence"].insert(
            0, {"source": source_id, "quote": article.dateline.value, "key": True}
        )
    quoted = {item["quote"] for item in entry["evidence"]}
    entry["evidence"] += [  # where « les deux pays » names its countries; context only when
        # it tells an intention (« ont réaffirmé leur intention de … »), never a key quote of
        # what was done
        {
            "source": source_id,
            "quote": sentence.text,
            "key": candidate.act not in DONE_ACTS or modality_of(sentence.text) is None,
        }
        for sentence in candidate.named_in
        if sentence.text not in quoted and not any(sentence.text in q for q in quoted)
    ]
    if candidate.said_in is not None:  # who spoke: the speech has no quotation marks
        entry["evidence"].append(
            {"source": source_id, "quote": candidate.said_in.text, "key": True}
        )
    entry["draft"] = _annotations(candidate)
    same = next((link for link in candidate.links if link.relation == "même fait"), None)
    if same is not None:  # ready to move: check --drafts and --promote accept it as it is
        entry["draft"]["addition"] = {
            "entry": same.entry_id,
            "evidence": [
                {"source": item["source"], "quote": item["quote"], "key": item["key"]}
                for item in entry["evidence"]
            ],
        }
    return entry


def _meta(value: str | None, read_from: str | None, note: str | None) -> dict[str, Any]:
    return {"value": value, "read_from": read_from, "note": note}


_COMMENTED = re.compile(
    r"\b(?:commentant|à\s+propos\s+d[eu]|au\s+sujet\s+d[eu]|concernant|dénonçant|"
    r"critiquant|saluant)\s+(?:le|la|l['’]|ce|cet|cette)\s?"
    r"(?P<noun>contrat|accord|plan|mémorandum|traité|protocole)\b",
    re.IGNORECASE,
)
"""« commentant le contrat signé par … » : the agreement an event is about."""


_MEETING_ENDS = re.compile(
    r"\b(?:La|Cette)\s+(?:rencontre|réunion|entrevue|visite|séance)\s+s['’]est\s+"
    r"(?:soldée|conclue|achevée|terminée)\s+par\s+la\s+signature"
    r"|\b(?:À|A)\s+l['’]issue\s+de\s+(?:la|cette)\s+(?:rencontre|réunion|entrevue|visite)\b"
    r"[^.;]{0,80}?\b(?:signé|signature)",
    re.IGNORECASE,
)
"""« La rencontre s'est soldée par la signature du Plan … », « À l'issue de la réunion, … ont
signé » : the agreement the meeting told before ended with."""


def _meeting_agreements(sections: dict[str, list[dict[str, Any]]]) -> None:
    """The one meeting of the draft is linked (``agreements``) to an agreement whose quote says
    the meeting ended with its signature (« La rencontre s'est soldée par la signature … »)."""
    meetings = [event for event in sections["events"] if event.get("type") == "reunion"]
    if len(meetings) != 1 or meetings[0].get("agreements"):
        return
    for agreement in sections["agreements"]:
        found = next(
            (m for item in agreement["evidence"] if (m := _MEETING_ENDS.search(item["quote"]))),
            None,
        )
        if found is not None:
            meetings[0]["agreements"] = [agreement["id"]]
            meetings[0]["draft"]["agreements"] = (
                f"« {found.group(0)} » : l'accord signé à l'issue de la rencontre "
                f"({agreement['id']})"
            )
            return


def _about_agreements(sections: dict[str, list[dict[str, Any]]]) -> None:
    """An event whose quote comments on an agreement (« commentant le contrat signé par
    l'Arménie et la France ») is linked to it (``agreements``) when the draft holds one such
    agreement, all of whose parties are among the event's actors; the note says why."""
    for event in sections["events"]:
        for item in event["evidence"]:
            found = _COMMENTED.search(item["quote"])
            if found is None:
                continue
            noun = fold(found.group("noun"))
            about = [
                agreement
                for agreement in sections["agreements"]
                if set(agreement.get("parties") or []) <= set(event.get("actors") or [])
                and any(noun in fold(quote["quote"]) for quote in agreement["evidence"])
            ]
            if len(about) == 1:
                event["agreements"] = [about[0]["id"]]
                event["draft"]["agreements"] = (
                    f"« {found.group(0)} » : l'accord dont parle l'événement ({about[0]['id']})"
                )
            break


def draft_data(draft: Draft, article_path: str) -> dict[str, Any]:
    """The draft as plain data, in the content format plus ``draft`` annotations."""
    article = draft.article
    source: dict[str, Any] = {
        "id": draft.source_id,
        "label": None,
        "outlet": article.outlet.value,
        "title": article.title.value,
        "published": article.published.value if article.published.basis == "texte" else None,
        "published_text": (
            article.published.read_from
            if article.published.value and article.published.basis == "texte"
            else None
        ),
        "seed": Path(draft.name).name,
    }
    if article.relayed_from.value:
        source["relayed_from"] = article.relayed_from.value
    if article.outlet.value and article.outlet.basis in ("curateur", "adresse"):
        source["outlet_basis"] = article.outlet.basis  # shown as such, never as the article's
    if (
        article.published.value
        and article.published.basis in ("curateur", "adresse", "ligne d'agence")
        and not article.date_clash  # the dateline says another day: the curator decides
    ):
        source["published"] = article.published.value  # shown with its basis, never as the
        source["published_basis"] = article.published.basis  # article's (no published_text)
    if article.url.value and article.url.value.lower().startswith(("http://", "https://")):
        source["url"] = article.url.value
    where = {
        "curateur": "donné par le curateur",
        "adresse": "lu dans l'adresse",
        "ligne d'agence": "donné par le curateur",
    }
    outside = []
    if article.outlet.value and article.outlet.basis in where:
        outside.append(f"média {article.outlet.value} {where[article.outlet.basis]}")
    if article.published.value and article.published.basis in where:
        when = where[article.published.basis].replace("donné", "donnée").replace("lu ", "lue ")
        told = article.published.note or ""
        if article.published.basis in ("curateur", "ligne d'agence") and told.startswith("mois"):
            # « --date 2022-03 » and « Bakou, 21 mars, AZERTAC » : the curator gave the month only
            when = ": " + told.split(" : ")[0]
        outside.append(f"date de publication {article.published.value} {when}")
    if outside:
        source["note"] = " ; ".join(outside) + " — pas dans le texte de l'article"
    if article.date_clash:  # never resolved silently: the curator decides
        source["note"] = " ; ".join(filter(None, [source.get("note"), article.date_clash]))
    source["draft"] = {
        "outlet": _meta(article.outlet.value, article.outlet.read_from, article.outlet.note)
        | {"basis": article.outlet.basis},
        "title": _meta(article.title.value, article.title.read_from, article.title.note),
        "published": _meta(
            article.published.value, article.published.read_from, article.published.note
        )
        | {"basis": article.published.basis},
        "url": _meta(article.url.value, article.url.read_from, article.url.note)
        | {"basis": article.url.basis},
        "dateline": _meta(
            article.dateline.value, article.dateline.read_from, article.dateline.note
        ),
        "credits": [sentence.text for sentence in article.credits],
        "updated": _meta(article.updated.value, article.updated.read_from, None),
        "relayed_from": _meta(
            article.relayed_from.value, article.relayed_from.read_from, article.relayed_from.note
        ),
        "noise": [{"kind": line.kind, "text": line.text} for line in article.noise()]
        + [{"kind": "queue d'agrégateur", "text": tail.text} for tail in article.tails],
    }
    sections: dict[str, list[dict[str, Any]]] = {"events": [], "agreements": [], "facts": []}
    for candidate in draft.candidates:
        section = {"event": "events", "agreement": "agreements", "fact": "facts"}[candidate.kind]
        sections[section].append(_entry(candidate, draft.source_id, article))
    _about_agreements(sections)
    _meeting_agreements(sections)
    data: dict[str, Any] = {
        "draft": {
            "article": article_path,
            "sha256": draft.sha256,
            "new_countries": [
                {"code": code, "name": country_name(code, "fr"), "read_from": words}
                for code, words in draft.new_countries.items()
            ],
            "unknown_names": draft.unknown,
            "skipped": [
                {
                    "sentence": sentence.text,
                    "reason": draft.reasons.get(
                        sentence.start, "ni acteur, ni date, ni nombre, ni acte"
                    ),
                }
                for sentence in draft.skipped
            ],
        },
        "sources": [source],
    }
    known = [  # a country the same draft lists as new has no card to complete yet
        hit.id
        for c in draft.candidates
        for hit in c.actors
        if hit.known and hit.id not in draft.new_countries
    ]
    data["draft"]["cards"] = cards_to_review(known)
    names = {code: country_name(code, "fr") for code in draft.new_countries}
    if draft.new_countries:
        forms = {
            code: tuple(form for word in DEMONYMS.get(code, ()) for form in inflections(word))
            for code in draft.new_countries
        }
        data["countries"] = new_country_cards(draft.new_countries, names, forms)
    organisations = new_organisations(article.text, draft.known_names)
    for card in organisations:
        for entry in sections["events"]:
            quotes = [item["quote"] for item in entry["evidence"]]
            if acting_in(card, quotes) and card["id"] not in entry["actors"]:
                entry["actors"].append(card["id"])
    if organisations:
        data["organisations"] = organisations
    data.update({key: value for key, value in sections.items() if value})
    return data


_HEADER = """\
# Brouillon de « python -m bot draft » pour {name} — à relire, jamais chargé par la base.
# Chaque entrée suit le format de content/ ; la clé `draft:` (annotations de l'outil :
# dates détectées, acteurs, noms inconnus, nombres, liens vers la base) est retirée en
# déplaçant l'entrée dans content/. `summary`, `title` (accord) et `label` (source) valent
# null : {todo}, puis `python -m bot check --drafts` vérifie le brouillon comme `check` le
# fera, et `python -m bot draft --promote <ce fichier>` le déplace dans content/ et seeds/.
# `countries:` propose la fiche d'un pays nouveau, `organisations:` celle d'une organisation
# nouvelle (kind à écrire) ; `draft.cards`, les fiches à relire.
# Avant d'ajouter une entrée, lire `draft.links` : « même fait » propose d'ajouter la citation
# à l'entrée existante (`draft.addition`, prêt à déplacer dans une section `additions:`) ;
# « contradiction » signale une autre date ou un autre nombre.
"""


def render_draft(draft: Draft, article_path: str) -> str:
    """The draft as commented YAML (dates quoted, accents kept, long quotes unwrapped)."""
    body = yaml.dump(
        draft_data(draft, article_path),
        Dumper=QuotedDumper,
        allow_unicode=True,
        sort_keys=False,
        width=1000,
    )
    return _HEADER.format(name=Path(draft.name).name, todo=TODO) + body


def summary_text(draft: Draft) -> str:
    """A short French summary: candidates, new actors, probable duplicates, contradictions."""
    candidates = draft.candidates
    by_kind = {
        kind: sum(1 for c in candidates if c.kind == kind)
        for kind in ("event", "agreement", "fact")
    }
    lines = [
        f"Brouillon de « {Path(draft.name).name} » : "
        f"{count(len(candidates), 'entrée candidate', 'entrées candidates')} "
        f"({count(by_kind['event'], 'événement')}, {count(by_kind['agreement'], 'accord')}, "
        f"{count(by_kind['fact'], 'constat')}) ; "
        f"{count(len(draft.skipped), 'phrase écartée', 'phrases écartées')}.",
    ]
    if draft.skipped:  # never read as noise: the page's clutter is in the source's noise
        lines.append(
            f"À relire : draft.skipped garde {count(len(draft.skipped), 'phrase', 'phrases')} "
            f"de l'article que l'outil n'a {'mise' if len(draft.skipped) == 1 else 'mises'} "
            "dans aucune entrée — des faits possibles, pas "
            "l'habillage de la page (rangé dans noise) : reprendre chacune dans une entrée ou "
            "l'écarter avec une raison."
        )
    published = draft.article.published
    if published.value and published.note and published.note.startswith("mois lu"):
        lines.append(f"Date de l'article : {published.value}, {published.note}.")
    elif published.value and published.basis == "ligne d'agence":
        lines.append(
            f"Date de l'article : {published.value}, jour de la ligne d'agence, mois et année "
            "donnés par le curateur ; les dates qui en dépendent sont marquées déduites."
        )
    elif published.value and published.basis == "curateur":
        lines.append(
            f"Date de l'article : {published.value}, donnée par le curateur (pas par le texte) ; "
            "les dates qui en dépendent sont marquées déduites."
        )
    elif published.value and published.basis == "adresse":
        lines.append(
            f"Date de l'article : {published.value}, lue dans l'adresse (pas dans le texte) ; "
            "les dates qui en dépendent sont marquées déduites."
        )
    elif published.value:
        lines.append(f"Date de l'article : {published.value} (« {published.read_from} »).")
    elif published.note and published.note.startswith(("mois ", "« # Date", "ligne d'agence")):
        lines.append(f"Date de l'article : non indiquée — {published.note}.")
    else:
        lines.append("Date de l'article : non indiquée (aucune année n'en est déduite).")
    if draft.article.date_clash:
        lines.append(f"Attention : {draft.article.date_clash}.")
    if draft.new_countries:
        names = ", ".join(f"{country_name(code, 'fr')} ({code})" for code in draft.new_countries)
        lines.append(f"Nouveaux pays : {names}.")
    if draft.unknown:
        shown = ", ".join(draft.unknown[:8])
        more = f" et {len(draft.unknown) - 8} autres" if len(draft.unknown) > 8 else ""
        lines.append(f"Noms inconnus de la base : {shown}{more}.")
    duplicates = [(c, link) for c in candidates for link in c.duplicates]
    if duplicates:
        lines.append(
            "Probablement déjà dans la base : "
            + "; ".join(f"{c.id} → {link.entry_id}" for c, link in duplicates[:6])
            + "."
        )
    contradictions = [(c, link) for c in candidates for link in c.contradictions]
    if contradictions:
        lines.append(
            "Contradictions : "
            + "; ".join(
                f"{c.id} / {link.entry_id} ({link.reason})" for c, link in contradictions[:4]
            )
            + "."
        )
    unknown_years = sum(1 for c in candidates for d in c.dates if d.iso is None)
    if unknown_years:
        lines.append(
            f"{count(unknown_years, 'date sans année', 'dates sans année')} : "
            "à compléter ou laisser sans date."
        )
    lines.append("Résumés à écrire par le curateur (aucun n'est inventé).")
    return "\n".join(lines)
