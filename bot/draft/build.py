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
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from bot.content.countries import country_name
from bot.content.model import FactBase
from bot.dates import DateSpan, parse_date
from bot.draft.analyse import (
    ACT_LABELS,
    ActorFinder,
    ActorHit,
    Number,
    act_of,
    agreement_kind,
    event_type,
    hedge_of,
    numbers,
    tense_of,
    uncertainty_of,
    unknown_names,
)
from bot.draft.article import Article, Sentence, read_article
from bot.draft.frdates import FoundDate, find_dates
from bot.draft.links import Link, Linker, reported_span
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


def slug(name: str, limit: int = 30) -> str:
    """An entry id made of ``name``: lowercase ASCII words joined by hyphens."""
    words = fold(Path(name).stem).split()
    text = "-".join(words)[:limit].strip("-")
    if len(text) < 2:
        text = "article"
    return text if text[0].isalnum() else "a" + text


def _main_date(dates: list[FoundDate]) -> FoundDate | None:
    for found in dates:
        if found.iso is not None and found.precision != "relatif":
            return found
    return dates[0] if dates else None


def _span(found: FoundDate | None) -> DateSpan | None:
    if found is None or found.iso is None:
        return None
    try:
        return parse_date(found.iso)
    except ValueError:
        return None


def _kind(text: str, act: str | None, dates: list[FoundDate]) -> tuple[str, str | None]:
    agreement = agreement_kind(text)
    if agreement and act in ("signe", "adhesion", "approuve", "propose"):
        return "agreement", agreement
    if dates:
        return "event", event_type(text, act)
    return "fact", None


def draft_article(text: str, name: str, base: FactBase, linker: Linker | None = None) -> Draft:
    """Read ``text`` (an article named ``name``) against ``base`` and propose entries."""
    article = read_article(text)
    source_id = slug(name)
    finder = ActorFinder(base.actors)
    linker = linker or Linker(base)
    anchor = article.published_date
    candidates: list[Candidate] = []
    skipped: list[Sentence] = []
    new_countries: dict[str, list[str]] = {}
    unknown_all: dict[str, None] = {}
    for sentence in article.sentences:
        dates = find_dates(sentence.text, anchor)
        actors = finder.find(sentence.text)
        unknown = unknown_names(sentence.text, finder, actors)
        figures = numbers(sentence.text, [(d.start, d.end) for d in dates])
        act = act_of(sentence.text)
        if len(sentence.text) < MIN_QUOTE or not (actors or dates or figures or act):
            skipped.append(sentence)
            continue
        for hit in actors:
            if not hit.known:
                seen = new_countries.setdefault(hit.id, [])
                if hit.text not in seen:
                    seen.append(hit.text)
        for unknown_name in unknown:
            unknown_all.setdefault(unknown_name, None)
        kind, subtype = _kind(sentence.text, act, dates)
        main = _main_date(dates)
        span = _span(main)
        explicit = main is not None and main.basis == "texte"
        if span is None and anchor is not None and act in ("signe", "adhesion", "livre"):
            span = reported_span(anchor)
        number = len(candidates) + 1
        candidate = Candidate(
            id=f"{source_id}-{number}"[:40],
            sentence=sentence,
            kind=kind,
            act=act,
            subtype=subtype,
            dates=dates,
            actors=actors,
            unknown=unknown,
            numbers=figures,
            tense=tense_of(sentence.text),
            hedge=hedge_of(sentence.text),
        )
        candidate.links = linker.links(sentence.text, [hit.id for hit in actors], span, explicit)
        candidates.append(candidate)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Draft(
        name=name,
        source_id=source_id,
        article=article,
        sha256=digest,
        candidates=candidates,
        skipped=skipped,
        new_countries=new_countries,
        unknown=list(unknown_all),
    )


# --- YAML -------------------------------------------------------------------------------


def _dating(candidate: Candidate, source_id: str, entry: dict[str, Any]) -> None:
    main = _main_date(candidate.dates)
    if main is None:
        entry["date"] = None
        return
    entry["date"] = main.iso
    entry["date_text"] = main.text
    if main.iso is None:
        return  # year unknown: no basis to claim; the draft annotation says so
    if main.basis in ("déduit", "rapporté"):
        entry["date_basis"] = main.basis
        entry["date_anchor"] = source_id
        entry["date_note"] = main.note
    if main.precision == "relatif":
        entry["date_basis"] = "rapporté"
        entry["date_label"] = None


def _annotations(candidate: Candidate) -> dict[str, Any]:
    notes: dict[str, Any] = {
        "kind": {"event": "événement", "agreement": "accord", "fact": "constat"}[candidate.kind],
        "act": ACT_LABELS.get(candidate.act or "", None),
        "tense": candidate.tense,
        "hedge": candidate.hedge,
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
    if candidate.act == "livre":
        notes["act_note"] = "« livré » n'est pas dans le vocabulaire acts : l'ajouter ou choisir"
    notes["links"] = [
        {
            "entry": link.entry_id,
            "relation": link.relation,
            "message": (
                f"probablement le même fait que {link.entry_id} : ajouter cette citation à "
                "son evidence plutôt que créer une entrée"
                if link.relation == "même fait"
                else f"contredit {link.entry_id}"
            ),
            "reason": link.reason,
        }
        for link in candidate.links
    ]
    return notes


def _entry(candidate: Candidate, source_id: str) -> dict[str, Any]:
    ids = [hit.id for hit in candidate.actors]
    entry: dict[str, Any] = {"id": candidate.id}
    if candidate.kind == "agreement":
        entry["title"] = None
        entry["kind"] = candidate.subtype
        entry["act"] = (
            candidate.act if candidate.act in ACT_LABELS and candidate.act != "livre" else None
        )
        entry["parties"] = ids
        _dating(candidate, source_id, entry)
    elif candidate.kind == "event":
        _dating(candidate, source_id, entry)
        entry["type"] = candidate.subtype
        entry["actors"] = ids
    else:
        entry["actors"] = ids
    entry["topics"] = []
    if candidate.tense != "passé":
        entry["tense"] = candidate.tense
    if candidate.hedge:
        entry["hedge"] = candidate.hedge
    entry["summary"] = None
    entry["evidence"] = [{"source": source_id, "quote": candidate.sentence.text, "key": True}]
    entry["draft"] = _annotations(candidate)
    return entry


def _meta(value: str | None, read_from: str | None, note: str | None) -> dict[str, Any]:
    return {"value": value, "read_from": read_from, "note": note}


def draft_data(draft: Draft, article_path: str) -> dict[str, Any]:
    """The draft as plain data, in the content format plus ``draft`` annotations."""
    article = draft.article
    source: dict[str, Any] = {
        "id": draft.source_id,
        "label": None,
        "outlet": article.outlet.value,
        "title": article.title.value,
        "published": article.published.value,
        "published_text": article.published.read_from if article.published.value else None,
        "seed": Path(draft.name).name,
    }
    if article.relayed_from.value:
        source["relayed_from"] = article.relayed_from.value
    source["draft"] = {
        "outlet": _meta(article.outlet.value, article.outlet.read_from, article.outlet.note),
        "title": _meta(article.title.value, article.title.read_from, article.title.note),
        "published": _meta(
            article.published.value, article.published.read_from, article.published.note
        ),
        "updated": _meta(article.updated.value, article.updated.read_from, None),
        "relayed_from": _meta(
            article.relayed_from.value, article.relayed_from.read_from, article.relayed_from.note
        ),
        "noise": [{"kind": line.kind, "text": line.text} for line in article.noise()],
    }
    sections: dict[str, list[dict[str, Any]]] = {"events": [], "agreements": [], "facts": []}
    for candidate in draft.candidates:
        section = {"event": "events", "agreement": "agreements", "fact": "facts"}[candidate.kind]
        sections[section].append(_entry(candidate, draft.source_id))
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
                {"sentence": sentence.text, "reason": "ni acteur, ni date, ni nombre, ni acte"}
                for sentence in draft.skipped
            ],
        },
        "sources": [source],
    }
    data.update({key: value for key, value in sections.items() if value})
    return data


_HEADER = """\
# Brouillon de « python -m bot draft » pour {name} — à relire, jamais chargé par la base.
# Chaque entrée suit le format de content/ ; la clé `draft:` (annotations de l'outil :
# dates détectées, acteurs, noms inconnus, nombres, liens vers la base) est à supprimer en
# déplaçant l'entrée dans content/. `summary`, `title` (accord) et `label` (source) valent
# null : {todo}, puis `python -m bot check` vérifie que le texte repose sur les citations.
# Avant d'ajouter une entrée, lire `draft.links` : « même fait » propose d'ajouter la citation
# à l'entrée existante ; « contradiction » signale une autre date ou un autre nombre.
"""


def render_draft(draft: Draft, article_path: str) -> str:
    """The draft as commented YAML (dates quoted, accents kept, long quotes unwrapped)."""
    body = yaml.dump(
        draft_data(draft, article_path),
        Dumper=_QuotedDumper,
        allow_unicode=True,
        sort_keys=False,
        width=1000,
    )
    return _HEADER.format(name=Path(draft.name).name, todo=TODO) + body


class _QuotedDumper(yaml.SafeDumper):
    """Writes every string that looks like a date or a number between quotes."""


_LOOKS_TYPED = re.compile(r"^[\d./-]+$|^(?:yes|no|on|off|true|false|null|~)$", re.IGNORECASE)


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = '"' if _LOOKS_TYPED.match(value) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_QuotedDumper.add_representer(str, _str)


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
    published = draft.article.published
    lines.append(
        f"Date de l'article : {published.value} (« {published.read_from} »)."
        if published.value
        else "Date de l'article : non indiquée (aucune année n'est déduite)."
    )
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
