"""``python -m bot check --drafts``: validate drafts without loading them into the live base.

Each draft is checked against its own article: every quote verbatim (after typographic
normalisation only, as for ``content/``), every field known to the content schema, every
type, kind, act and topic in the vocabulary. Fields left null for the curator (summary,
title, label, an unknown date, an event type, empty actors) are listed as « à compléter »,
not as errors.
"""

from __future__ import annotations

import hashlib
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, TextIO

import yaml

from bot.check import run_check
from bot.content.duplicates import DuplicateKeys
from bot.content.reserved import clash, clash_message
from bot.content.schema import (
    Agreement,
    Country,
    CoverageSkip,
    Entry,
    Event,
    Evidence,
    Fact,
    Id,
    Organisation,
    Rule,
    Source,
)
from bot.content.support import DONE_ACTS, undone_act, undone_message
from bot.content.term_hint import names_hint
from bot.content.validation import validate
from bot.content.yamlread import read_yaml
from bot.draft.analyse import ACT_LABELS
from bot.text import count, normalise_typography


@dataclass(frozen=True, kw_only=True)
class Addition(Entry):
    """Quotes of the draft's article added to an entry the base already holds (« même
    fait »): ``draft --promote`` appends them to that entry's evidence."""

    entry: Id
    evidence: Annotated[list[Evidence], Rule(min_length=1)]


SECTIONS: dict[str, type[Entry]] = {
    "sources": Source,
    "countries": Country,
    "organisations": Organisation,
    "events": Event,
    "agreements": Agreement,
    "facts": Fact,
    "coverage_skips": CoverageSkip,
    "additions": Addition,
}
"""The sections a draft may hold (``organisations``: a new organisation the entries name;
``coverage_skips``: sentences set aside, with a reason;
``additions``: quotes added to entries of the base)."""
PLACEHOLDERS: dict[str, dict[str, Any]] = {
    "sources": {"label": "à écrire"},
    "countries": {},
    "organisations": {"kind": "organisation"},
    "events": {"summary": "à écrire", "date": "1900", "type": "declaration", "actors": ["AZ"]},
    "agreements": {"summary": "à écrire", "title": "à écrire"},
    "facts": {"summary": "à écrire", "actors": ["AZ"]},
    "coverage_skips": {},
    "additions": {},
}
"""Values standing in, for the schema check only, for fields the curator must fill."""


@dataclass
class DraftReport:
    """What checking one draft found."""

    file: str
    errors: list[str] = field(default_factory=list)
    todo: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    entries: int = 0
    by_section: dict[str, int] = field(default_factory=dict)
    """How many entries each section holds (« 1 événement, 1 source »)."""


def _article(data: dict[str, Any], seeds_dir: Path, report: DraftReport) -> str | None:
    meta = data.get("draft")
    path_text = meta.get("article") if isinstance(meta, dict) else None
    candidates: list[Path] = []
    if isinstance(path_text, str):
        candidates.append(Path(path_text))
    for source in data.get("sources") or []:
        if isinstance(source, dict) and isinstance(source.get("seed"), str):
            candidates.append(seeds_dir / source["seed"])
    for path in candidates:
        if path.is_file():
            text = path.read_text(encoding="utf-8", errors="replace")
            digest = meta.get("sha256") if isinstance(meta, dict) else None
            if digest and hashlib.sha256(text.encode("utf-8")).hexdigest() != digest:
                report.warnings.append(f"l'article {path} a changé depuis le brouillon")
            return text
    shown = ", ".join(str(path) for path in candidates) or "aucun chemin"
    report.errors.append(f"draft.article : article introuvable ({shown})")
    return None


def _act_stems(content_dir: Path) -> dict[str, tuple[str, ...]]:
    """Act id → the word starts its key quotes must hold (vocabulary ``acts``)."""
    try:
        data = read_yaml((content_dir / "vocabulary.yaml").read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError):
        return {}
    acts = data.get("vocabulary", {}).get("acts", []) if isinstance(data, dict) else []
    return {
        str(term["id"]): tuple(str(stem) for stem in term.get("stems") or ())
        for term in acts
        if isinstance(term, dict) and "id" in term
    }


def _check_done(entry: dict[str, Any], label: str, content_dir: Path, out: DraftReport) -> None:
    """An act said done whose key quotes only wish, plan or propose it is an error."""
    act = entry.get("act")
    stems = _act_stems(content_dir).get(str(act), ())
    if act not in DONE_ACTS or not stems:
        return
    evidence = [item for item in entry.get("evidence") or [] if isinstance(item, dict)]
    key = [item for item in evidence if item.get("key")] or evidence[:1]
    quotes = [str(item.get("quote")) for item in key if isinstance(item.get("quote"), str)]
    said = undone_act(quotes, stems, str(entry.get("tense") or "passé"))
    if said:
        shown = ACT_LABELS.get(str(act), str(act))
        out.errors.append(f"{label}.act : {undone_message(shown, said)}")


def _check_source_dates(raw: dict[str, Any], label: str, out: DraftReport) -> None:
    """A publication date the curator gave or the address showed is not the article's: it
    keeps its ``published_basis`` (shown to users with it), never passed off as the text's."""
    meta = raw.get("draft")
    published = meta.get("published") if isinstance(meta, dict) else None
    basis = published.get("basis") if isinstance(published, dict) else None
    if (
        raw.get("published") is not None
        and basis in ("curateur", "adresse", "ligne d'agence")
        and raw.get("published_basis") != basis
    ):
        where = {
            "curateur": "donnée par le curateur",
            "ligne d'agence": "tirée de la ligne d'agence et du mois donné par le curateur",
        }.get(basis, "lue dans l'adresse")
        out.errors.append(
            f"{label}.published : date {where}, pas écrite dans l'article : garder "
            f"published_basis: {basis} (ou published: null) et la dire dans note"
        )


def _vocabulary(content_dir: Path) -> dict[str, set[str]]:
    path = content_dir / "vocabulary.yaml"
    try:
        data = read_yaml(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError):
        return {}
    vocab = data.get("vocabulary", {}) if isinstance(data, dict) else {}
    return {
        name: {str(term.get("id")) for term in terms if isinstance(term, dict)}
        for name, terms in vocab.items()
        if isinstance(terms, list)
    }


def _check_terms(
    section: str,
    entry: dict[str, Any],
    label: str,
    vocab: dict[str, set[str]],
    out: DraftReport,
    content_dir: Path,
) -> None:
    fields = {
        "events": [("type", "event_types")],
        "agreements": [("kind", "agreement_kinds"), ("act", "acts")],
    }.get(section, [])
    for name, vocabulary in fields:
        value = entry.get(name)
        if value is not None and vocab.get(vocabulary) and value not in vocab[vocabulary]:
            out.errors.append(
                f"{label}.{name} : « {value} » n'est pas dans le vocabulaire {vocabulary}"
            )
    for topic in entry.get("topics") or []:
        if vocab.get("topics") and topic not in vocab["topics"]:
            message = f"{label}.topics : « {topic} » n'est pas dans le vocabulaire topics"
            hint = names_hint(str(topic), _topic_names(content_dir))
            out.errors.append(f"{message} : {hint}" if hint else message)


def _topic_names(content_dir: Path) -> list[tuple[str, list[str]]]:
    """(id, label and aliases) of every topic of the vocabulary, for a misspelt topic's hint."""
    try:
        data = read_yaml((content_dir / "vocabulary.yaml").read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError):
        return []
    terms = data.get("vocabulary", {}).get("topics", []) if isinstance(data, dict) else []
    return [
        (str(term["id"]), [str(term.get("label") or ""), *map(str, term.get("aliases") or [])])
        for term in terms
        if isinstance(term, dict) and "id" in term
    ]


def _check_entry(
    section: str,
    index: int,
    raw: object,
    article: str | None,
    sources: set[str],
    vocab: dict[str, set[str]],
    out: DraftReport,
    content_dir: Path,
) -> None:
    if not isinstance(raw, dict):
        out.errors.append(f"{section}[{index}] : une entrée doit être un objet (clé: valeur)")
        return
    entry = {key: value for key, value in raw.items() if key != "draft"}
    label = f"{section}/{entry.get('id', entry.get('code', f'n°{index + 1}'))}"
    filled = dict(entry)
    for name, stand_in in PLACEHOLDERS[section].items():
        if name in entry and entry[name] in (None, []):
            out.todo.append(f"{label}.{name}")
            filled[name] = stand_in
    if section in ("events", "agreements") and entry.get("date") is None and entry.get("date_text"):
        filled.pop("date_text", None)  # a date without a year: the curator decides
    found = validate(SECTIONS[section], filled)
    for problem in found if isinstance(found, list) else ():
        out.errors.append(f"{label}.{problem.path} : {problem.message}")
    _check_terms(section, entry, label, vocab, out, content_dir)
    if section == "agreements":
        _check_done(entry, label, content_dir, out)
    if section == "sources":
        _check_source_dates(raw, label, out)
        where = clash(str(entry.get("id")), str(entry.get("seed") or ""))
        if where is not None:
            out.errors.append(f"{label}.id : {clash_message(str(entry.get('id')), where)}")
    if article is None:
        return
    flat = normalise_typography(article)
    if section == "coverage_skips":
        _check_skip(entry, label, flat, sources, out)
    for position, item in enumerate(entry.get("evidence") or []):
        if not isinstance(item, dict):
            continue
        quote = item.get("quote")
        if isinstance(quote, str) and normalise_typography(quote) not in flat:
            out.errors.append(
                f"{label}.evidence[{position}].quote : citation introuvable telle quelle dans "
                "l'article"
            )
        if item.get("source") not in sources:
            out.errors.append(
                f"{label}.evidence[{position}].source : « {item.get('source')} » n'est pas la "
                "source du brouillon"
            )


def _check_skip(
    entry: dict[str, Any], label: str, flat: str, sources: set[str], out: DraftReport
) -> None:
    """A sentence set aside must be the article's, word for word, and the draft's source."""
    sentence = entry.get("sentence")
    if isinstance(sentence, str) and normalise_typography(sentence.strip()) not in flat:
        out.errors.append(f"{label}.sentence : phrase introuvable telle quelle dans l'article")
    if entry.get("source") not in sources:
        out.errors.append(
            f"{label}.source : « {entry.get('source')} » n'est pas la source du brouillon"
        )


def check_draft(path: Path, content_dir: Path, seeds_dir: Path) -> DraftReport:
    """Check one draft file against its article and the content schema."""
    report = DraftReport(str(path))
    try:
        text = path.read_text(encoding="utf-8")
        keys = DuplicateKeys()
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            keys.feed(event)
        if keys.found is not None:  # the move would keep one value silently
            where = f"{keys.found.entry}." if keys.found.entry else ""
            report.errors.append(f"{where}{keys.found.field} : {keys.found.message}")
        data = read_yaml(text)
    except yaml.YAMLError as error:
        report.errors.append(f"YAML illisible : {getattr(error, 'problem', error)}")
        return report
    except UnicodeDecodeError:
        report.errors.append("le fichier n'est pas en UTF-8")
        return report
    if not isinstance(data, dict):
        report.errors.append("le brouillon doit contenir des sections (draft:, sources:, events:…)")
        return report
    for section in data:
        if section != "draft" and section not in SECTIONS:
            report.errors.append(f"section inconnue : {section}")
    article = _article(data, seeds_dir, report)
    sources = {
        str(source.get("id")) for source in data.get("sources") or [] if isinstance(source, dict)
    }
    vocab = _vocabulary(content_dir)
    for section in SECTIONS:
        entries = data.get(section) or []
        if not isinstance(entries, list):
            report.errors.append(f"{section} : la section doit être une liste d'entrées")
            continue
        for index, raw in enumerate(entries):
            report.entries += 1
            report.by_section[section] = report.by_section.get(section, 0) + 1
            _check_entry(section, index, raw, article, sources, vocab, report, content_dir)
    return report


_KINDS = {
    "events": ("événement", "événements"),
    "agreements": ("accord", "accords"),
    "facts": ("constat", "constats"),
    "additions": ("ajout à la base", "ajouts à la base"),
    "sources": ("source", "sources"),
    "countries": ("pays nouveau", "pays nouveaux"),
    "organisations": ("organisation nouvelle", "organisations nouvelles"),
    "coverage_skips": ("phrase écartée", "phrases écartées"),
}
"""How each section's entries are named in the report line."""


def _by_kind(report: DraftReport) -> str:
    """« 1 événement, 1 source, 1 pays nouveau » — the facts first, never « 3 entrées »."""
    parts = [
        count(report.by_section[section], *names)
        for section, names in _KINDS.items()
        if report.by_section.get(section)
    ]
    return ", ".join(parts) or count(0, "entrée")


def run_check_drafts(folder: Path, content_dir: Path, seeds_dir: Path, out: TextIO) -> int:
    """Check every ``*.yaml`` of ``folder``; print a report; return the exit status."""
    if not folder.is_dir():
        print(f"Aucun dossier de brouillons : {folder} n'existe pas.", file=out)
        return 0
    files = sorted(folder.glob("*.yaml"))
    if not files:
        print(f"Aucun brouillon dans {folder}.", file=out)
        return 0
    failed = 0
    known: dict[str, set[str]] = {}  # what check says of the base alone, computed once
    for path in files:
        report = check_draft(path, content_dir, seeds_dir)
        if not report.errors and not report.todo:
            _check_as_moved(path, content_dir, seeds_dir, report, known)
        mark = "✗" if report.errors else "✓"
        print(
            f"{mark} {path.name} : {_by_kind(report)}, "
            f"{count(len(report.errors), 'erreur')}, "
            f"{count(len(report.todo), 'champ à compléter', 'champs à compléter')}",
            file=out,
        )
        for error in report.errors:
            print(f"  - {error}", file=out)
        for warning in report.warnings:
            print(f"  avertissement : {warning}", file=out)
        if report.todo:
            print(f"  à compléter : {', '.join(report.todo[:12])}", file=out)
            if len(report.todo) > 12:
                print(f"  … et {len(report.todo) - 12} autres", file=out)
            print(
                "  le contrôle complet (celui de `check` une fois les entrées dans content/) "
                "se fait quand tout est complété",
                file=out,
            )
        failed += bool(report.errors)
    if failed:
        print(f"✗ {count(failed, 'brouillon invalide', 'brouillons invalides')}.", file=out)
        return 1
    print(
        "✓ Brouillons valides (citations mot pour mot, champs connus ; complets : la base "
        "avec chacun passe `check`) ; rien n'a été chargé dans la base.",
        file=out,
    )
    return 0


def _check_as_moved(
    path: Path,
    content_dir: Path,
    seeds_dir: Path,
    report: DraftReport,
    known: dict[str, set[str]],
) -> None:
    """Run ``check`` on a copy of the base with the draft moved in (``draft --promote``'s
    merge): what ``check`` would refuse after the move is an error of the draft now."""
    from bot.draft.promote import PromoteError, check_merged

    try:
        status, text, _ = check_merged(path, content_dir, seeds_dir)
    except PromoteError as error:
        report.errors.append(str(error))
        return
    if status == 0:
        return
    before = _base_problems(content_dir, seeds_dir, known)
    found = [line for line in _problems(text) if line not in before]
    if before:  # check stops at its first failing stage: the draft is not fully checked
        report.errors.append(
            "la base elle-même ne passe pas `check` (python -m bot check) : la corriger "
            "d'abord ; le brouillon n'a pas pu être vérifié en entier"
            + (" (ses problèmes propres suivent)" if found else "")
        )
    if not found:
        return
    report.errors.append("une fois déplacé dans content/, `check` refuserait :")
    report.errors.extend(f"  {line}" for line in found)


def _problems(text: str) -> list[str]:
    """The lines of a failing ``check`` report that name a problem."""
    return [
        line.strip().removeprefix("- ")
        for line in text.splitlines()
        if line.strip()
        and not line.lstrip().startswith("✓")
        and not re.fullmatch(r"\s+[^\s-].*\s\d+", line)  # the counts of a passing load
        and line != "Couverture des articles :"
    ]


def _base_problems(content_dir: Path, seeds_dir: Path, known: dict[str, set[str]]) -> set[str]:
    """What ``check`` already refuses in the base without the draft (once per run)."""
    if "base" not in known:
        out = io.StringIO()
        status = run_check(content_dir, seeds_dir, out)
        known["base"] = set() if status == 0 else set(_problems(out.getvalue()))
    return known["base"]
