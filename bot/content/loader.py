"""Load ``content/*.yaml`` and ``seeds/*.txt`` into a validated, immutable FactBase.

Every problem found is collected (not just the first) and raised together as a
ContentError whose issues name the file, the entry and the field.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Container, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any, Generic, TypeVar
from urllib.parse import urlsplit

import yaml

from bot.content.articles import KeptArticles
from bot.content.checkcache import CheckMarks, source_fingerprint
from bot.content.countries import NOT_COUNTRIES, country_name, flag, is_known_code
from bot.content.duplicates import DuplicateKeys
from bot.content.errors import ContentError, ContentIssue
from bot.content.filecache import FileCache, FileRecord
from bot.content.limits import ContentLimits, shape_problem, size_problem
from bot.content.model import Actor, FactBase
from bot.content.schema import (
    Agreement,
    Country,
    CoverageSkip,
    Entry,
    Event,
    Evidence,
    Fact,
    Organisation,
    Source,
    SupportException,
    Vocabulary,
)
from bot.content.term_hint import term_hint
from bot.content.validation import validate
from bot.content.yamlread import SafeLoader as _YamlLoader
from bot.dates import wording_problem
from bot.text import fold, normalise_typography

M = TypeVar("M", bound=Entry)
T = TypeVar("T")

LIST_SECTIONS: dict[str, type[Entry]] = {
    "sources": Source,
    "countries": Country,
    "organisations": Organisation,
    "events": Event,
    "agreements": Agreement,
    "facts": Fact,
    "coverage_skips": CoverageSkip,
    "support_exceptions": SupportException,
}
"""Sections a content file may hold, each a list of entries of one model."""


@dataclass(frozen=True, slots=True)
class Located(Generic[T]):
    """An entry together with the file it came from."""

    file: str
    value: T

    @property
    def label(self) -> str:
        """The entry's id, as errors name it (asked ~230,000 times per load at ×1000: an
        entry's own id is read first, without the general look-up)."""
        found = getattr(self.value, "id", None)
        return found if isinstance(found, str) else _label_of(self.value)


def _label_of(value: object) -> str:
    for attr in ("id", "code"):
        found = getattr(value, attr, None)
        if isinstance(found, str):
            return found
    if isinstance(value, CoverageSkip):
        return f"{value.source}: {value.sentence[:40]}"
    if isinstance(value, SupportException):
        return f"{value.entry}.{value.field}: {value.text}"
    return "?"


def _raw_label(raw: object, index: int) -> str:
    if isinstance(raw, dict):
        for key in ("id", "code"):
            if isinstance(raw.get(key), str):
                return str(raw[key])
        if isinstance(raw.get("sentence"), str):
            return f"{raw.get('source')}: {str(raw['sentence'])[:40]}"
    return f"n°{index + 1}"


class _Collector:
    """Accumulates issues while the content is read and checked."""

    def __init__(self) -> None:
        self.issues: list[ContentIssue] = []

    def add(self, file: str, entry: str | None, field: str | None, message: str) -> None:
        self.issues.append(ContentIssue(file, entry, field, message))

    def parse(self, model: type[M], raw: object, file: str, index: int) -> M | None:
        label = _raw_label(raw, index)
        found = validate(model, raw)
        if isinstance(found, list):
            for error in found:
                self.add(file, label, error.path, error.message)
            return None
        return found


@dataclass
class _Raw:
    """Entries as parsed, before cross-checks."""

    sources: list[Located[Source]]
    countries: list[Located[Country]]
    organisations: list[Located[Organisation]]
    events: list[Located[Event]]
    agreements: list[Located[Agreement]]
    facts: list[Located[Fact]]
    skips: list[Located[CoverageSkip]]
    vocabulary: list[Located[Vocabulary]]
    exceptions: list[Located[SupportException]]
    records: dict[str, tuple[str, tuple[str, ...]]]
    """File name → its validation record's key and the source ids its entries name, for
    each file read whole and without a problem under a cache (see :func:`_marks`)."""


_TARGETS = {"coverage_skips": "skips", "support_exceptions": "exceptions"}


def _read_files(
    content_dir: Path,
    out: _Collector,
    limits: ContentLimits | None = None,
    on_file: Callable[[str], None] | None = None,
    cache: Path | None = None,
) -> _Raw:
    limits = ContentLimits.from_env() if limits is None else limits
    raw = _Raw([], [], [], [], [], [], [], [], [], {})
    records = None if cache is None else FileCache(cache, limits)
    files = sorted(content_dir.glob("*.yaml"))
    if not files:
        out.add(str(content_dir), None, None, "aucun fichier .yaml trouvé")
    total = entry_count = 0
    for path in files:
        name = f"{content_dir.name}/{path.name}"
        if on_file is not None:
            on_file(name)
        try:
            size = path.stat().st_size
            total += size
            problem = size_problem(size, total, limits)
            if problem is not None:
                out.add(name, None, None, problem)
                continue
            data = path.read_bytes()
            key = None if records is None else records.key(name, data)
            record = None if records is None or key is None else records.get(key)
            if record is not None and key is not None:  # read and validated before
                entry_count += record.count
                if entry_count > limits.entries:
                    out.add(name, None, None, _too_many(limits))
                    continue
                for target, values in record.parts:
                    _target(raw, target).extend([Located(name, value) for value in values])
                raw.records[name] = (key, record.sources)
                continue
            # as read_text would: UTF-8, universal newlines
            text = data.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")
            keys = DuplicateKeys()
            problem = shape_problem(text, limits, keys)
            if problem is not None:
                out.add(name, None, None, problem)
                continue
            parsed_yaml = yaml.load(text, Loader=_YamlLoader)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f" (ligne {mark.line + 1}, colonne {mark.column + 1})" if mark else ""
            out.add(name, None, None, f"YAML illisible{where} : {getattr(exc, 'problem', exc)}")
            continue
        except UnicodeDecodeError:
            out.add(name, None, None, "le fichier n'est pas en UTF-8")
            continue
        issues_before = len(out.issues)
        if keys.found is not None:  # never cached: reported at every load until fixed
            out.add(name, keys.found.entry, keys.found.field, keys.found.message)
        count = 0
        if isinstance(parsed_yaml, dict):
            count = sum(len(v) for v in parsed_yaml.values() if isinstance(v, list))
            entry_count += count
            if entry_count > limits.entries:
                out.add(name, None, None, _too_many(limits))
                continue
        if parsed_yaml is not None and not isinstance(parsed_yaml, dict):
            out.add(name, None, None, "le fichier doit contenir des sections (sources:, events:…)")
            continue
        parts = _read_sections(parsed_yaml or {}, name, out)
        for target, values in parts:
            _target(raw, target).extend([Located(name, value) for value in values])
        if records is not None and key is not None and len(out.issues) == issues_before:
            used = _sources_named(parts)
            records.put(key, FileRecord(count, parts, used))
            raw.records[name] = (key, used)
    if records is not None:
        records.prune()
    return raw


def _sources_named(parts: Iterable[tuple[str, tuple[Any, ...]]]) -> tuple[str, ...]:
    """The source ids a file's entries cite (evidence), anchor on (date_anchor), skip a
    sentence of (coverage_skips) or define (sources): what its checks read besides itself."""
    named: set[str] = set()
    for _target_name, values in parts:
        for value in values:
            if isinstance(value, Source):
                named.add(value.id)
            elif isinstance(value, CoverageSkip):
                named.add(value.source)
            named.update(item.source for item in getattr(value, "evidence", ()))
            anchor = getattr(value, "date_anchor", None)
            if anchor is not None:
                named.add(anchor)
    return tuple(sorted(named))


def _too_many(limits: ContentLimits) -> str:
    return f"trop d'entrées avec ce fichier (plus de {limits.entries} en tout, CONTENT_MAX_ENTRIES)"


def _target(raw: _Raw, target: str) -> list[Any]:
    found: list[Any] = getattr(raw, target)
    return found


def _read_sections(
    data: dict[Any, Any], name: str, out: _Collector
) -> tuple[tuple[str, tuple[Any, ...]], ...]:
    """Each section's entries of file ``name``, validated, in file order (not located: a
    validation record keeps them so, and the reader pairs them with the file's name)."""
    parts: list[tuple[str, tuple[Any, ...]]] = []
    for section, entries in data.items():
        if section == "vocabulary":
            vocabulary = out.parse(Vocabulary, entries, name, 0)
            if vocabulary is not None:
                parts.append(("vocabulary", (vocabulary,)))
            continue
        model = LIST_SECTIONS.get(str(section))
        if model is None:
            known = ", ".join([*LIST_SECTIONS, "vocabulary"])
            out.add(name, None, str(section), f"section inconnue (connues : {known})")
            continue
        if not isinstance(entries, list):
            out.add(name, None, str(section), "la section doit être une liste d'entrées")
            continue
        valid = []
        for index, entry in enumerate(entries):
            parsed = out.parse(model, entry, name, index)
            if parsed is not None:
                valid.append(parsed)
        parts.append((_TARGETS.get(str(section), str(section)), tuple(valid)))
    return tuple(parts)


def _check_unique(entries: Iterable[Located[Any]], kind: str, out: _Collector) -> None:
    seen: dict[str, str] = {}
    for entry in entries:
        label = entry.label
        if label in seen:
            field = "code" if kind == "acteur" and label.isupper() else "id"
            out.add(
                entry.file,
                label,
                field,
                f"identifiant {_of(kind)} en double (déjà dans {seen[label]})",
            )
        else:
            seen[label] = entry.file


def _of(noun: str) -> str:
    """« de » before ``noun``, elided before a vowel (« d'entrée », « de source »)."""
    return f"d'{noun}" if fold(noun[:1]) in "aeiouy" else f"de {noun}"


def _read_seeds(
    raw: _Raw, seeds_dir: Path, out: _Collector, kept: KeptArticles | None = None
) -> tuple[dict[str, str], dict[str, str]]:
    """Each source's article text, and (with ``kept``, the texts kept between loads) the
    SHA-256 of each text, by source id."""
    seeds: dict[str, str] = {}
    hashes: dict[str, str] = {}
    used: dict[str, str] = {}
    for located in raw.sources:
        source = located.value
        path = seeds_dir / source.seed
        if Path(source.seed).name != source.seed:
            out.add(
                located.file, source.id, "seed", "donner un nom de fichier de seeds/, sans dossier"
            )
        elif not path.is_file():
            out.add(located.file, source.id, "seed", f"fichier introuvable : seeds/{source.seed}")
        elif source.seed in used:
            out.add(
                located.file, source.id, "seed", f"déjà utilisé par la source {used[source.seed]}"
            )
        else:
            used[source.seed] = source.id
            if kept is None:
                seeds[source.id] = path.read_text(encoding="utf-8")
            else:
                seeds[source.id] = kept.text(source.seed, path)
                hashes[source.id] = kept.text_hash(source.seed)
    if kept is not None:
        kept.save()
    return seeds, hashes


def _diverges_at(quote: str, text: str) -> str:
    """The longest start of ``quote`` found in ``text``, to show where a quote goes wrong."""
    low, high = 0, len(quote)
    while low < high:
        middle = (low + high + 1) // 2
        if quote[:middle] in text:
            low = middle
        else:
            high = middle - 1
    return quote[:low]


class _Articles:
    """Each article's text with its typography normalised, on first use: a load whose files
    are all marked (:mod:`bot.content.checkcache`) normalises no article."""

    def __init__(self, seeds: dict[str, str]) -> None:
        self.seeds = seeds
        self.done: dict[str, str] = {}

    def get(self, source: str) -> str | None:
        found = self.done.get(source)
        if found is None:
            text = self.seeds.get(source)
            if text is None:
                return None
            found = self.done[source] = normalise_typography(text)
        return found

    def __contains__(self, source: str) -> bool:
        return source in self.seeds

    def __getitem__(self, source: str) -> str:
        found = self.get(source)
        if found is None:
            raise KeyError(source)
        return found


def _check_evidence(
    file: str,
    label: str,
    evidence: Sequence[Evidence],
    normalised: _Articles,
    sources: dict[str, Source],
    out: _Collector,
) -> None:
    for index, item in enumerate(evidence):
        if item.source not in sources:
            out.add(file, label, f"evidence[{index}].source", f"source inconnue : {item.source}")
            continue
        text = normalised.get(item.source)
        if text is None:
            continue  # the seed itself is missing; already reported on the source
        quote = normalise_typography(item.quote)
        if quote not in text:
            matched = _diverges_at(quote, text)
            hint = f" ; concorde jusqu'à « …{matched[-40:]} »" if len(matched) >= 8 else ""
            out.add(
                file,
                label,
                f"evidence[{index}].quote",
                f"citation introuvable telle quelle dans seeds/{sources[item.source].seed}{hint}",
            )


def _build_actors(raw: _Raw, out: _Collector) -> dict[str, Actor]:
    actors: dict[str, Actor] = {}
    for located in raw.countries:
        country = located.value
        if not is_known_code(country.code):
            out.add(located.file, country.code, "code", "code ISO 3166 alpha-2 inconnu")
            continue
        if country.code in NOT_COUNTRIES:
            out.add(
                located.file,
                country.code,
                "code",
                f"« {country_name(country.code)} » n'est pas un pays : une organisation va "
                "dans organisations",
            )
            continue
        actors.setdefault(
            country.code,
            Actor(
                id=country.code,
                is_country=True,
                kind="pays",
                name=country_name(country.code, "fr"),
                name_en=country_name(country.code, "en"),
                full_name=None,
                flag=flag(country.code),
                aliases=country.aliases,
                demonyms=country.demonyms,
                country=None,
                members=(),
                observers=(),
                role=country.role,
                evidence=country.evidence,
            ),
        )
    for located_org in raw.organisations:
        org = located_org.value
        actors.setdefault(
            org.id,
            Actor(
                id=org.id,
                is_country=False,
                kind=org.kind,
                name=org.name,
                name_en=org.name_en,
                full_name=org.full_name,
                flag=None,
                aliases=org.aliases,
                demonyms=(),
                country=org.country,
                members=org.members,
                observers=org.observers,
                role=org.role,
                evidence=org.evidence,
            ),
        )
    return actors


def _folding() -> Callable[[str], str]:
    """``fold``, each distinct name folded once for both checks of the actors' names (the
    same ~45,000 names at ×1000)."""
    folded: dict[str, str] = {}

    def fold_once(name: str) -> str:
        found = folded.get(name)
        if found is None:
            found = folded[name] = fold(name)
        return found

    return fold_once


def _check_aliases(
    raw: _Raw, actors: dict[str, Actor], out: _Collector, fold: Callable[[str], str] = fold
) -> None:
    owner: dict[str, str] = {}
    files = {entry.label: entry.file for entry in raw.countries}
    files.update({entry.label: entry.file for entry in raw.organisations})
    for actor in actors.values():
        for name in actor.names():
            key = fold(name)
            if not key:
                out.add(
                    files[actor.id], actor.id, "aliases", f"nom vide une fois replié : « {name} »"
                )
            elif owner.setdefault(key, actor.id) != actor.id:
                out.add(
                    files[actor.id],
                    actor.id,
                    "aliases",
                    f"« {name} » désigne déjà l'acteur {owner[key]}",
                )


def _check_vocabulary_actors(
    raw: _Raw, actors: dict[str, Actor], out: _Collector, fold: Callable[[str], str] = fold
) -> None:
    """The vocabulary's actors are known (``home``, ``featured``), and a near name
    (``near_names``) leads to a known actor and is no actor's own name (that one would win,
    and the note would never be said)."""
    if not raw.vocabulary:
        return
    located = raw.vocabulary[0]
    names = {fold(name) for actor in actors.values() for name in (*actor.names(), *actor.demonyms)}
    vocabulary = located.value
    if vocabulary.home not in actors:
        out.add(located.file, None, "home", f"référence inconnue : {vocabulary.home}")
    for position, actor_id in enumerate(vocabulary.featured):
        if actor_id not in actors:
            out.add(located.file, None, f"featured[{position}]", f"référence inconnue : {actor_id}")
    for position, near in enumerate(located.value.near_names):
        label = f"near_names[{position}]"
        if near.actor not in actors:
            out.add(located.file, label, "actor", f"référence inconnue : {near.actor}")
        if fold(near.name) in names:
            out.add(located.file, label, "name", f"« {near.name} » est déjà le nom d'un acteur")
    for position, named in enumerate(located.value.article_names):
        label = f"article_names[{position}]"
        if named.actor not in actors:
            out.add(located.file, label, "actor", f"référence inconnue : {named.actor}")
        if fold(named.name) in names:
            out.add(located.file, label, "name", f"« {named.name} » est déjà le nom d'un acteur")


def _check_refs(
    file: str, label: str, field: str, refs: Sequence[str], known: Iterable[str], out: _Collector
) -> None:
    # Callers pass a dict or set built once: one hashed look-up per reference. Copying every
    # known id on each call (as this did) made loading quadratic in the size of the base.
    lookup = known if isinstance(known, Container) else set(known)
    for index, ref in enumerate(refs):
        if ref not in lookup:
            out.add(file, label, f"{field}[{index}]", f"référence inconnue : {ref}")


def _check_term(
    file: str, label: str, field: str, value: str, terms: set[str], vocab: str, out: _Collector
) -> None:
    if value not in terms:
        out.add(file, label, field, f"« {value} » n'est pas dans le vocabulaire {vocab}")


def _check_dating(
    file: str,
    label: str,
    entry: Event | Agreement,
    sources: dict[str, Source],
    out: _Collector,
) -> None:
    """A date's basis must say where it comes from, and its wording must be the article's."""
    if entry.date is None:
        if entry.date_basis != "texte" or entry.date_anchor or entry.date_label:
            out.add(file, label, "date", "sans date, pas de date_basis, date_anchor ni date_label")
        return
    if entry.date_basis != "texte":
        if entry.date_anchor is None and entry.date_reason is None:
            out.add(
                file,
                label,
                "date_anchor",
                f"date « {entry.date_basis} » : nommer la source datée qui l'ancre "
                "(date_anchor) ou dire d'où elle vient (date_reason)",
            )
        if entry.date_note is None:
            out.add(
                file, label, "date_note", f"date « {entry.date_basis} » : expliquer d'où elle vient"
            )
    if entry.date_anchor is not None:
        anchor = sources.get(entry.date_anchor)
        if anchor is None:
            out.add(file, label, "date_anchor", f"source inconnue : {entry.date_anchor}")
        elif anchor.published is None:
            out.add(
                file,
                label,
                "date_anchor",
                f"la source {anchor.id} n'est pas datée : elle ne peut pas ancrer une date",
            )
        elif entry.date_basis == "texte":
            out.add(file, label, "date_anchor", "une date donnée par le texte n'a pas d'ancre")
    if entry.date_basis == "texte" and entry.date_text is None:
        out.add(file, label, "date_text", "recopier les mots de l'article qui donnent la date")
    if entry.date_basis == "déduit" and entry.date_text is None:
        out.add(file, label, "date_text", "recopier les mots de l'article dont la date est déduite")
    if entry.date_text is not None:
        problem = wording_problem(entry.date_text, entry.date)
        if problem is not None:
            out.add(file, label, "date", problem)
        wording = normalise_typography(entry.date_text).casefold()
        quotes = [normalise_typography(item.quote).casefold() for item in entry.key_evidence()]
        if not any(wording in quote for quote in quotes):
            out.add(
                file,
                label,
                "date_text",
                f"« {entry.date_text} » doit figurer mot pour mot dans une citation clé (key) "
                "de l'entrée : il est affiché entre guillemets comme les mots de l'article",
            )


def _check_roles(
    file: str, label: str, agreement: Agreement, known: Iterable[str], out: _Collector
) -> None:
    for actor_id in agreement.roles:
        if actor_id not in agreement.parties:
            out.add(file, label, f"roles.{actor_id}", "rôle donné à un acteur qui n'est pas partie")
    _check_refs(file, label, "related", agreement.related, known, out)


def _cross_check(
    raw: _Raw,
    actors: dict[str, Actor],
    seeds: dict[str, str],
    out: _Collector,
    checked: Container[str] = frozenset(),
) -> None:
    """Every check across entries. Those that read the articles (quotes, titles, date
    wordings and anchors: :mod:`bot.content.checkcache`) are skipped for the files in
    ``checked``, which passed them with the very same entries and sources; the references
    (actors, agreements, vocabulary terms) are looked up for every entry."""
    sources = {entry.value.id: entry.value for entry in raw.sources}
    normalised = _Articles(seeds)
    vocab = raw.vocabulary[0].value if raw.vocabulary else None
    topics = {term.id for term in vocab.topics} if vocab else set()
    org_kinds = {term.id for term in vocab.organisation_kinds} if vocab else set()
    event_types = {term.id for term in vocab.event_types} if vocab else set()
    kinds = {term.id for term in vocab.agreement_kinds} if vocab else set()
    acts = {term.id for term in vocab.acts} if vocab else set()

    def check_topics(file: str, label: str, values: Sequence[str]) -> None:
        for index, topic in enumerate(values):
            if topic in topics:
                continue
            hint = term_hint(topic, vocab.topics) if vocab else None
            message = f"« {topic} » n'est pas dans le vocabulaire topics"
            out.add(file, label, f"topics[{index}]", f"{message} : {hint}" if hint else message)

    actor_entries: list[Located[Country] | Located[Organisation]] = [
        *raw.countries,
        *raw.organisations,
    ]
    for located_actor in actor_entries:
        file, label, value = located_actor.file, located_actor.label, located_actor.value
        if file not in checked:
            _check_evidence(file, label, value.evidence, normalised, sources, out)
            if value.role is not None and not value.evidence:
                out.add(
                    file, label, "evidence", "un rôle doit être appuyé par au moins une citation"
                )
        if isinstance(value, Organisation):
            _check_refs(file, label, "members", value.members, actors, out)
            _check_refs(file, label, "observers", value.observers, actors, out)
            if value.country is not None:
                _check_refs(file, label, "country", [value.country], actors, out)
            if vocab:
                _check_term(file, label, "kind", value.kind, org_kinds, "organisation_kinds", out)
    agreement_ids = {entry.label for entry in raw.agreements}
    for located_event in raw.events:
        file, label, event = located_event.file, located_event.label, located_event.value
        if file not in checked:
            _check_evidence(file, label, event.evidence, normalised, sources, out)
        _check_refs(file, label, "actors", event.actors, actors, out)
        _check_refs(file, label, "agreements", event.agreements, agreement_ids, out)
        if file not in checked:
            _check_dating(file, label, event, sources, out)
        check_topics(file, label, event.topics)
        if vocab:
            _check_term(file, label, "type", event.type, event_types, "event_types", out)
    for located_agreement in raw.agreements:
        file, label, agreement = (
            located_agreement.file,
            located_agreement.label,
            located_agreement.value,
        )
        if file not in checked:
            _check_evidence(file, label, agreement.evidence, normalised, sources, out)
        _check_refs(file, label, "parties", agreement.parties, actors, out)
        _check_refs(file, label, "mediators", agreement.mediators, actors, out)
        if not agreement.parties and agreement.parties_note is None:
            out.add(file, label, "parties", "aucune partie : le dire dans parties_note")
        if file not in checked:
            _check_dating(file, label, agreement, sources, out)
        _check_roles(file, label, agreement, actors, out)
        check_topics(file, label, agreement.topics)
        if vocab:
            _check_term(file, label, "kind", agreement.kind, kinds, "agreement_kinds", out)
            if agreement.act is not None:
                _check_term(file, label, "act", agreement.act, acts, "acts", out)
    for located_fact in raw.facts:
        file, label, fact = located_fact.file, located_fact.label, located_fact.value
        if file not in checked:
            _check_evidence(file, label, fact.evidence, normalised, sources, out)
        _check_refs(file, label, "actors", fact.actors, actors, out)
        check_topics(file, label, fact.topics)
    for located_source in raw.sources:
        source = located_source.value
        if located_source.file in checked:
            continue
        text = normalised.get(source.id)
        if text is None:
            continue
        _check_outlet_basis(located_source.file, source, out)
        _check_published_basis(located_source.file, source, out)
        written: dict[str, str | None] = {
            "published_text": source.published_text,
            "title": source.title,
            "outlet": source.outlet if source.outlet_basis == "texte" else None,
        }
        for field, wording in written.items():
            if wording and normalise_typography(wording).casefold() not in text.casefold():
                out.add(
                    located_source.file,
                    source.id,
                    field,
                    f"doit reprendre mot pour mot ce qu'écrit seeds/{source.seed} "
                    "(un titre ou un média que l'article ne donne pas vaut null)",
                )
    for located_skip in raw.skips:
        skip = located_skip.value
        if located_skip.file in checked:
            continue
        if skip.source not in sources:
            out.add(
                located_skip.file, located_skip.label, "source", f"source inconnue : {skip.source}"
            )
        elif (
            skip.source in normalised
            and normalise_typography(skip.sentence) not in normalised[skip.source]
        ):
            out.add(
                located_skip.file,
                located_skip.label,
                "sentence",
                f"phrase introuvable dans seeds/{sources[skip.source].seed}",
            )


def _marks(
    raw: _Raw, seeds: dict[str, str], folder: Path | None, hashes: Mapping[str, str]
) -> tuple[CheckMarks | None, dict[str, str], str | None]:
    """The check marks under ``folder``, each cached file's mark key (none without one), and
    a hash of every source's fingerprint (:func:`source_fingerprint`: its fields and the
    hash of its article's text), in the order of ``seeds`` — the key of the articles' texts
    in the snapshot (:meth:`bot.engine.index.Index.seeds_key`), from the hashes the marks
    computed anyway instead of hashing 37.5 MB again at ×1000. ``hashes``: each text's
    SHA-256 by source id, when the load has it (the texts kept between loads)."""
    if folder is None:
        return None, {}, None
    marks = CheckMarks(folder)
    sources = {entry.value.id: entry.value for entry in raw.sources}
    prints: dict[str, str] = {}

    def fingerprint(source: str) -> str:
        found = prints.get(source)
        if found is None:
            found = prints[source] = source_fingerprint(
                sources.get(source), seeds.get(source), hashes.get(source)
            )
        return found

    keys = {
        name: marks.key(record, named, fingerprint) for name, (record, named) in raw.records.items()
    }
    digest = hashlib.sha256(b"seeds\0")
    for source in seeds:
        digest.update(f"{source}\0{fingerprint(source)}\1".encode())
    return marks, keys, digest.hexdigest()


def _check_outlet_basis(file: str, source: Source, out: _Collector) -> None:
    """An outlet the curator gave, or read off the address, is named and said to be so."""
    if source.outlet_basis == "texte":
        return
    origin = "donné par le curateur" if source.outlet_basis == "curateur" else "lu dans l'adresse"
    if source.outlet is None:
        out.add(
            file,
            source.id,
            "outlet",
            f"outlet_basis: {source.outlet_basis} exige un média (outlet) ; sinon outlet: null "
            "et outlet_basis retiré",
        )
    if source.outlet_basis == "adresse" and source.url is None:
        out.add(
            file,
            source.id,
            "url",
            "outlet_basis: adresse exige l'adresse d'où le média est lu (url)",
        )
    elif source.outlet_basis == "adresse" and source.outlet and source.url:
        host = _site(source.url)
        if _squeezed(source.outlet) != _squeezed(host):
            out.add(
                file,
                source.id,
                "outlet_basis",
                f"média « {source.outlet} » corrigé, mais outlet_basis: adresse dit qu'il est "
                f"le site de l'adresse ({host}) : retirer outlet_basis si l'article le nomme, "
                "sinon outlet_basis: curateur, et dire d'où il vient dans note",
            )
    if source.note is None:
        out.add(
            file,
            source.id,
            "note",
            f"un média {origin} (outlet_basis: {source.outlet_basis}) se dit dans note, "
            f"par exemple « média {source.outlet or '…'} {origin} — pas dans le texte de "
            "l'article »",
        )


def _site(url: str) -> str:
    """The address's host, without « www. » : the name an outlet read off it bears."""
    host = urlsplit(url if "//" in url else f"//{url}").hostname or url
    return host.removeprefix("www.")


def _squeezed(name: str) -> str:
    return "".join(char for char in fold(name) if char.isalnum())


def _check_published_basis(file: str, source: Source, out: _Collector) -> None:
    """A publication date the curator gave, or read off the address, is a date (no words of the
    article), said so in note; one read off the address needs that address."""
    if source.published_basis == "texte":
        return
    origin = {
        "curateur": "donnée par le curateur",
        "ligne d'agence": "tirée de la ligne d'agence et du mois donné par le curateur",
    }.get(source.published_basis, "lue dans l'adresse")
    basis = f"published_basis: {source.published_basis}"
    if source.published is None:
        out.add(file, source.id, "published", f"{basis} exige une date (published)")
    if source.published_text is not None:
        out.add(
            file,
            source.id,
            "published_text",
            f"{basis} : published_text reste null (l'article ne donne pas cette date)",
        )
    if source.published_basis == "adresse" and source.url is None:
        out.add(file, source.id, "url", f"{basis} exige l'adresse d'où la date est lue (url)")
    if source.note is None:
        out.add(
            file,
            source.id,
            "note",
            f"une date {origin} ({basis}) se dit dans note, par exemple « date de publication "
            f"… {origin} — pas dans le texte de l'article »",
        )


def _check_vocabulary(raw: _Raw, out: _Collector) -> None:
    if not raw.vocabulary:
        out.add("content/", None, "vocabulary", "aucune section vocabulary trouvée")
        return
    for extra in raw.vocabulary[1:]:
        out.add(
            extra.file, None, "vocabulary", f"vocabulaire déjà défini dans {raw.vocabulary[0].file}"
        )
    located = raw.vocabulary[0]
    for name in ("event_types", "agreement_kinds", "acts", "organisation_kinds", "topics"):
        _check_unique(
            (Located(located.file, term) for term in getattr(located.value, name)),
            f"terme ({name})",
            out,
        )


def load_factbase(
    content_dir: Path,
    seeds_dir: Path,
    limits: ContentLimits | None = None,
    on_file: Callable[[str], None] | None = None,
    cache: Path | None = None,
) -> FactBase:
    """Read, validate and freeze the fact base; raise ContentError listing every issue.

    Files are read under ``limits`` (from the environment by default); ``on_file`` is told the
    name of each file before it is read. With ``cache`` (a folder), each file's own validation
    is kept there by content hash and reused while the file is unchanged
    (:mod:`bot.content.filecache`), and so is the fact that the file passed the checks that
    read the articles, while the sources it names are unchanged too
    (:mod:`bot.content.checkcache`); references across files are looked up at every load.
    The articles' texts are kept there too, each taken back while the snapshot's manifest
    vouches that its file is unchanged (:mod:`bot.content.articles`)."""
    out = _Collector()
    raw = _read_files(content_dir, out, limits, on_file, cache)
    _check_vocabulary(raw, out)
    _check_unique(raw.sources, "source", out)
    _check_unique([*raw.countries, *raw.organisations], "acteur", out)
    _check_unique([*raw.events, *raw.agreements, *raw.facts], "entrée", out)
    kept = None if cache is None else KeptArticles(cache, content_dir, seeds_dir)
    seeds, hashes = _read_seeds(raw, seeds_dir, out, kept)
    actors = _build_actors(raw, out)
    folding = _folding()
    _check_aliases(raw, actors, out, folding)
    _check_vocabulary_actors(raw, actors, out, folding)
    marks, keys, seeds_print = _marks(raw, seeds, cache, hashes)
    checked = {name for name, key in keys.items() if marks is not None and marks.passed(key)}
    _cross_check(raw, actors, seeds, out, checked)
    if out.issues:
        raise ContentError(out.issues)
    if marks is not None:  # only after a load without any problem
        marks.mark(key for name, key in keys.items() if name not in checked)
        marks.prune()
    located: list[Located[Any]] = [
        *raw.events,
        *raw.agreements,
        *raw.facts,
        *raw.countries,
        *raw.organisations,
    ]
    events = sorted(
        (entry.value for entry in raw.events),
        key=lambda event: (event.date.order(), event.id),
    )
    return FactBase(
        sources=MappingProxyType({entry.value.id: entry.value for entry in raw.sources}),
        seeds=MappingProxyType(seeds),
        actors=MappingProxyType(actors),
        events=tuple(events),
        agreements=tuple(entry.value for entry in raw.agreements),
        facts=tuple(entry.value for entry in raw.facts),
        vocabulary=raw.vocabulary[0].value,
        skips=tuple(entry.value for entry in raw.skips),
        exceptions=tuple(entry.value for entry in raw.exceptions),
        files=MappingProxyType({entry.label: entry.file for entry in located}),
        origins=_origins(raw, actors),
        seeds_print=seeds_print,
    )


_KEPT_TARGETS = ("sources", "events", "agreements", "facts", "skips", "exceptions")
"""The sections whose objects a base holds as read (the vocabulary is one small object)."""


def _origins(raw: _Raw, actors: Mapping[str, Actor]) -> tuple[tuple[str, tuple[object, ...]], ...]:
    """Each file read under the per-file cache (``raw.records``): its record's key and the
    objects the base holds from it — as they were read, target by target in file order, then
    the actors built from its countries and organisations, in file order (an actor follows
    from its entry, the code and the libraries' versions alone: the record's key names them
    all). The same objects, in the same order, whenever the record's key is the same."""
    found: dict[str, list[object]] = {name: [] for name in raw.records}
    for target in _KEPT_TARGETS:
        for located in _target(raw, target):
            kept = found.get(located.file)
            if kept is not None:
                kept.append(located.value)
    named: list[tuple[str, str]] = [(c.file, c.value.code) for c in raw.countries]
    named += [(o.file, o.value.id) for o in raw.organisations]
    for file, actor_id in named:
        kept = found.get(file)
        actor = actors.get(actor_id)
        if kept is not None and actor is not None:
            kept.append(actor)
    return tuple((raw.records[name][0], tuple(found[name])) for name in sorted(found))
