"""A reviewed draft moved into ``content/``: checked on a copy of the base first, then written
all at once or not at all (``python -m bot draft --promote DRAFT.yaml``).

The draft's entries lose their ``draft:`` key and are added to the section they belong to
in the base's own files (comments kept; a dated entry goes where a section kept in date order
wants it, the others at the end); its proposed country cards go to
``countries``, its new organisations to ``organisations`` (lists written inline, « [AZ, RU] »,
stay inline); the article, without its ``#`` header lines, goes to ``seeds/`` under the
source's ``seed`` name; the lines the tool recognised as page clutter (and the sentences it
set aside) that no entry covers go to ``coverage_skips`` with their reason. The same merged
copy is what ``check --drafts`` checks, so it refuses what ``check`` will refuse.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from bot.check import run_check
from bot.content.coverage import seed_coverage
from bot.content.errors import ContentError
from bot.content.loader import load_factbase
from bot.content.yamlread import read_yaml
from bot.draft.intake import ArticleError, decode_article
from bot.draft.order import insert_dated
from bot.draft.yaml_out import BaseStyleDumper, FlowList, inline_lists
from bot.text import normalise_typography

SECTION_FILES = {
    "sources": "sources.yaml",
    "countries": "actors.yaml",
    "organisations": "actors.yaml",
    "events": "events.yaml",
    "agreements": "agreements.yaml",
    "facts": "facts.yaml",
    "coverage_skips": "coverage.yaml",
}
"""Where a section goes when no file of the base holds it yet."""
NOISE_REASON = "Habillage de la page ({kind}) reconnu par l'outil de brouillon, sans fait."


class PromoteError(ValueError):
    """A draft that cannot be moved into the base; the message is French and says why."""


@dataclass
class Merged:
    """The base's files as they would be once the draft is moved in."""

    texts: dict[str, str]
    """File name in ``content/`` → its new text (only the files that change)."""
    seed_name: str
    seed_text: str
    added: dict[str, int] = field(default_factory=dict)
    """Section → how many entries the draft adds to it."""


def _without_draft(entry: object, inline: frozenset[str] = frozenset()) -> object:
    """``entry`` without its ``draft:`` key, its lists written inline (``inline``, their
    keys) kept inline, as the curator wrote them."""
    if isinstance(entry, dict):
        return {
            key: FlowList(value) if key in inline and isinstance(value, list) else value
            for key, value in entry.items()
            if key != "draft"
        }
    return entry


def _article_text(data: dict[str, Any], draft_path: Path, seeds_dir: Path) -> tuple[str, str]:
    """The seed's name and text: the article the draft was made from, ``#`` lines removed."""
    sources = data.get("sources") or []
    if len(sources) != 1 or not isinstance(sources[0], dict):
        raise PromoteError("le brouillon doit déclarer une source et une seule (sources:)")
    seed = sources[0].get("seed")
    if not isinstance(seed, str) or not re.fullmatch(r"[\w.-]+\.txt", seed):
        raise PromoteError("sources[0].seed : un nom de fichier .txt, sans dossier")
    found = data.get("draft")
    meta: dict[str, Any] = found if isinstance(found, dict) else {}
    candidates = []
    if isinstance(meta.get("article"), str):
        candidates += [Path(meta["article"]), draft_path.parent / meta["article"]]
    candidates.append(seeds_dir / seed)
    for path in candidates:
        if path.is_file():
            try:
                text = decode_article(path.read_bytes()).text
            except ArticleError as error:
                raise PromoteError(f"{path} : {error}") from error
            lines = text.splitlines(keepends=True)
            while lines and lines[0].lstrip().startswith("#"):
                lines.pop(0)
            return seed, "".join(lines)
    shown = ", ".join(str(path) for path in candidates)
    raise PromoteError(f"draft.article : article introuvable ({shown})")


def _section_file(content_dir: Path, section: str) -> str:
    """The file of ``content/`` that holds ``section`` (its usual file when none does)."""
    pattern = re.compile(rf"^{re.escape(section)}\s*:", re.MULTILINE)
    for path in sorted(content_dir.glob("*.yaml")):
        if pattern.search(path.read_text(encoding="utf-8")):
            return path.name
    return SECTION_FILES[section]


def _dump(entries: list[object], indent: str) -> str:
    text = yaml.dump(
        entries, Dumper=BaseStyleDumper, allow_unicode=True, sort_keys=False, width=1000
    )
    return "".join(indent + line if line.strip() else line for line in text.splitlines(True))


def append_entries(text: str, section: str, entries: list[object]) -> str:
    """``text`` (one YAML file) with ``entries`` added at the end of ``section``.

    The rest of the file is kept byte for byte: comments, order, other sections."""
    lines = text.splitlines(keepends=True)
    head = re.compile(rf"^{re.escape(section)}\s*:(?P<rest>.*)$")
    start = next((i for i, line in enumerate(lines) if head.match(line.rstrip("\n"))), None)
    if start is None:
        body = text if not text or text.endswith("\n") else text + "\n"
        return body + f"{section}:\n" + _dump(entries, "  ")
    match = head.match(lines[start].rstrip("\n"))
    assert match is not None
    rest = match.group("rest").split("#")[0].strip()
    if rest not in ("", "[]"):
        raise PromoteError(f"section {section} écrite sur une ligne : la réécrire en liste")
    end = next(
        (i for i in range(start + 1, len(lines)) if re.match(r"^[^\s#]", lines[i])), len(lines)
    )
    while end > start + 1 and (not lines[end - 1].strip() or lines[end - 1].startswith("#")):
        end -= 1  # blank lines and comments before the next section stay with it
    items = [line for line in lines[start + 1 : end] if line.lstrip().startswith("- ")]
    indent = re.match(r"^\s*", items[0]).group(0) if items else "  "  # type: ignore[union-attr]
    if lines[end - 1 : end] and not lines[end - 1].endswith("\n"):
        lines[end - 1] += "\n"
    new = [f"{section}:\n"] if rest == "[]" else []
    if rest == "[]":
        lines[start] = new[0]
    lines[end:end] = [_dump(entries, indent)]
    return "".join(lines)


def add_entries(text: str, section: str, entries: list[object]) -> str:
    """``text`` with ``entries`` added to ``section``: each dated entry where the section's
    date order wants it (``events.yaml`` is kept oldest first), the others at the end."""
    rest: list[object] = []
    for entry in entries:

        def dump(indent: str, entry: object = entry) -> str:
            return _dump([entry], indent)

        placed = insert_dated(text, section, entry, dump)
        if placed is None:
            rest.append(entry)
        else:
            text = placed
    return append_entries(text, section, rest) if rest else text


def add_quotes(text: str, entry_id: str, evidence: list[object]) -> str | None:
    """``text`` (one YAML file) with ``evidence`` appended to the evidence of the entry
    ``entry_id``, the rest kept byte for byte; None when the file holds no such entry. When a
    quote added is key and none of the entry's was marked, its first quote (the key quote by
    default) is marked key: it stays shown with the summary."""
    lines = text.splitlines(keepends=True)
    head = re.compile(rf"^(?P<indent>\s*)- id:\s*[\"']?{re.escape(entry_id)}[\"']?\s*(?:#.*)?$")
    start = next((i for i, line in enumerate(lines) if head.match(line.rstrip("\n"))), None)
    if start is None:
        return None
    match = head.match(lines[start].rstrip("\n"))
    assert match is not None
    item_indent = len(match.group("indent"))
    end = next(
        (
            i
            for i in range(start + 1, len(lines))
            if lines[i].strip()
            and not lines[i].lstrip().startswith("#")
            and len(lines[i]) - len(lines[i].lstrip()) <= item_indent
        ),
        len(lines),
    )
    key = next(
        (i for i in range(start + 1, end) if re.match(r"^\s+evidence\s*:\s*$", lines[i])), None
    )
    if key is None:
        raise PromoteError(
            f"additions : l'entrée {entry_id} n'a pas de liste evidence: à compléter"
        )
    key_indent = len(lines[key]) - len(lines[key].lstrip())
    last = key
    for i in range(key + 1, end):
        if lines[i].strip() and not lines[i].lstrip().startswith("#"):
            depth = len(lines[i]) - len(lines[i].lstrip())
            # a list written flush with its key (« evidence: » then « - source: » at the same
            # indentation, as yaml.dump writes it) is still the key's list
            flush = depth == key_indent and lines[i].lstrip().startswith("- ")
            if depth < key_indent or (depth == key_indent and not flush):
                break
            last = i
    items = [i for i in range(key + 1, last + 1) if lines[i].lstrip().startswith("- ")]
    indent = re.match(r"^\s*", lines[items[0]]).group(0) if items else " " * (key_indent + 2)  # type: ignore[union-attr]
    if not lines[last].endswith("\n"):
        lines[last] += "\n"
    lines[last + 1 : last + 1] = [_dump(evidence, indent)]
    keyed = any(isinstance(item, dict) and item.get("key") for item in evidence) and not any(
        re.match(r"^\s+(?:- )?key:\s*true\b", lines[i]) for i in range(key + 1, last + 1)
    )
    if keyed and items:  # the entry's first quote was its key quote by default: it stays one
        lines.insert(items[0] + 1, f"{indent}  key: true\n")
    return "".join(lines)


def _shown(content_dir: Path, name: str) -> str:
    """A file of the base as the curator sees it (``content/events.yaml``)."""
    return f"{content_dir.name}/{name}"


def _line_of(text: str, entry_id: str) -> str:
    """« ligne N », where the entry ``entry_id`` starts in the curator's own file."""
    head = re.compile(rf"^\s*- id:\s*[\"']?{re.escape(entry_id)}[\"']?\s*(?:#.*)?$")
    found = next((i for i, line in enumerate(text.splitlines()) if head.match(line)), None)
    return f"ligne {found + 1}" if found is not None else "entrée introuvable"


def _readable(text: str, what: str) -> None:
    """Refuse a merge that would leave a file of the base unreadable, naming the file the
    curator can open and the entry, rather than a line of a copy they never see."""
    try:
        yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise PromoteError(
            f"{what} rendrait ce fichier illisible ({getattr(error, 'problem', error)}) : "
            "vérifier l'indentation de la liste evidence: de cette entrée (des « - source: » "
            "alignés sous « evidence: » ou décalés de deux espaces, pas un mélange)"
        ) from error


def _merge_additions(
    additions: object, content_dir: Path, texts: dict[str, str], added: dict[str, int]
) -> None:
    """Quotes the draft adds to entries of the base (« même fait »), put in their files."""
    if not isinstance(additions, list):
        raise PromoteError("additions : la section doit être une liste d'ajouts")
    for position, addition in enumerate(additions):
        if not isinstance(addition, dict) or not isinstance(addition.get("entry"), str):
            raise PromoteError(f"additions[{position}] : entry (l'id d'une entrée) manque")
        evidence = addition.get("evidence")
        if not isinstance(evidence, list) or not evidence:
            raise PromoteError(f"additions[{position}] : evidence (les citations) manque")
        for path in sorted(content_dir.glob("*.yaml")):
            current = texts.get(path.name, path.read_text(encoding="utf-8"))
            changed = add_quotes(current, addition["entry"], evidence)
            if changed is not None:
                where = _line_of(path.read_text(encoding="utf-8"), addition["entry"])
                _readable(
                    changed,
                    f"additions[{position}] : l'ajout à l'entrée {addition['entry']} de "
                    f"{_shown(content_dir, path.name)} ({where})",
                )
                texts[path.name] = changed
                break
        else:
            raise PromoteError(
                f"additions[{position}].entry : « {addition['entry']} » n'est l'id d'aucune "
                "entrée de la base"
            )
        added["additions"] = added.get("additions", 0) + len(evidence)


def merge_draft(draft_path: Path, content_dir: Path, seeds_dir: Path) -> Merged:
    """The base's files with the draft's entries moved in (nothing is written)."""
    try:
        data = read_yaml(draft_path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise PromoteError(
            f"{draft_path} illisible : {getattr(error, 'problem', error)}"
        ) from error
    if not isinstance(data, dict):
        raise PromoteError(f"{draft_path} : le brouillon doit contenir des sections")
    seed_name, seed_text = _article_text(data, draft_path, seeds_dir)
    inline = inline_lists(draft_path.read_text(encoding="utf-8"))
    texts: dict[str, str] = {}
    added: dict[str, int] = {}
    for section in SECTION_FILES:
        entries = data.get(section) or []
        if not isinstance(entries, list):
            raise PromoteError(f"{section} : la section doit être une liste d'entrées")
        if not entries:
            continue
        name = _section_file(content_dir, section)
        current = texts.get(name)
        if current is None:
            path = content_dir / name
            current = path.read_text(encoding="utf-8") if path.exists() else ""
        kept = [
            _without_draft(e, frozenset(k for s, p, k in inline if s == section and p == i))
            for i, e in enumerate(entries)
        ]
        texts[name] = add_entries(current, section, kept)
        _readable(texts[name], f"{section} : l'ajout des entrées à {_shown(content_dir, name)}")
        added[section] = len(entries)
    if data.get("additions"):
        _merge_additions(data["additions"], content_dir, texts, added)
    return Merged(texts, seed_name, seed_text, added)


def _clutter(data: dict[str, Any]) -> list[tuple[str, str]]:
    """(text, reason) of each line the tool set aside: page clutter, credits, skipped."""
    found: list[tuple[str, str]] = []
    for source in data.get("sources") or []:
        meta = source.get("draft") if isinstance(source, dict) else None
        if not isinstance(meta, dict):
            continue
        for item in meta.get("noise") or []:
            if isinstance(item, dict) and isinstance(item.get("text"), str):
                found.append((item["text"], NOISE_REASON.format(kind=item.get("kind", "ligne"))))
        for credit in meta.get("credits") or []:
            if isinstance(credit, str):
                found.append((credit, NOISE_REASON.format(kind="crédits")))
    meta = data.get("draft")
    for item in (meta.get("skipped") or []) if isinstance(meta, dict) else []:
        if isinstance(item, dict) and isinstance(item.get("sentence"), str):
            reason = str(item.get("reason") or "écartée par l'outil de brouillon")
            found.append((item["sentence"], reason[0].upper() + reason[1:] + "."))
    return found


def _write_copy(
    merged: Merged, content_dir: Path, seeds_dir: Path, root: Path
) -> tuple[Path, Path]:
    content, seeds = root / "content", root / "seeds"
    content.mkdir()
    seeds.mkdir()
    for path in content_dir.glob("*.yaml"):
        shutil.copyfile(path, content / path.name)
    for name, text in merged.texts.items():
        (content / name).write_text(text, encoding="utf-8")
    if seeds_dir.is_dir():
        for path in seeds_dir.iterdir():
            if path.is_file():
                os.symlink(path.resolve(), seeds / path.name)
    target = seeds / merged.seed_name
    if target.is_symlink():
        target.unlink()
    target.write_text(merged.seed_text, encoding="utf-8")
    return content, seeds


def _add_skips(merged: Merged, data: dict[str, Any], content: Path, seeds: Path) -> None:
    """Uncovered sentences that are lines the tool set aside go to ``coverage_skips``."""
    clutter = _clutter(data)
    source_id = str((data.get("sources") or [{}])[0].get("id"))
    if not clutter:
        return
    try:
        base = load_factbase(content, seeds)
    except ContentError:
        return  # the full check reports it
    quotes = [
        normalise_typography(str(item.get("quote")))
        for section in ("events", "agreements", "facts")
        for entry in data.get(section) or []
        if isinstance(entry, dict)
        for item in entry.get("evidence") or []
        if isinstance(item, dict)
    ]
    skips: list[object] = []
    for seed in seed_coverage(base):
        if seed.source_id != source_id:
            continue
        for status in seed.uncovered:
            sentence = normalise_typography(status.sentence.text.strip())
            for text, reason in clutter:
                clutter_text = normalise_typography(text.strip())
                if not sentence or not clutter_text:
                    continue
                rest = sentence.replace(clutter_text, "").strip()
                if sentence in clutter_text or not rest:
                    skips.append(
                        {"source": source_id, "sentence": status.sentence.text, "reason": reason}
                    )
                    break
                if clutter_text in sentence and any(rest in quote for quote in quotes):
                    reason = (
                        f"Ligne « {text.strip()} » dans une phrase que ses citations "
                        "reprennent ; la ligne est dans la source."
                    )
                    skips.append(
                        {"source": source_id, "sentence": status.sentence.text, "reason": reason}
                    )
                    break
    seen: set[str] = set()
    unique: list[object] = []
    for skip in skips:  # « A » three times on the page (font-size buttons): one skip serves all
        text = str(skip["sentence"]) if isinstance(skip, dict) else ""
        if text not in seen:
            seen.add(text)
            unique.append(skip)
    skips = unique
    if not skips:
        return
    name = _section_file(content, "coverage_skips")
    path = content / name
    current = path.read_text(encoding="utf-8") if path.exists() else ""
    merged.texts[name] = append_entries(current, "coverage_skips", skips)
    merged.added["coverage_skips"] = merged.added.get("coverage_skips", 0) + len(skips)
    path.write_text(merged.texts[name], encoding="utf-8")


def check_merged(draft_path: Path, content_dir: Path, seeds_dir: Path) -> tuple[int, str, Merged]:
    """Run ``check`` on a copy of the base with the draft moved in: status, report, merge."""
    merged = merge_draft(draft_path, content_dir, seeds_dir)
    data = read_yaml(draft_path.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory(prefix="promote-") as folder:
        content, seeds = _write_copy(merged, content_dir, seeds_dir, Path(folder))
        _add_skips(merged, data, content, seeds)
        out = io.StringIO()
        status = run_check(content, seeds, out)
    return status, out.getvalue(), merged


def promote(draft_path: Path, content_dir: Path, seeds_dir: Path) -> tuple[int, str]:
    """Move the draft into the base if ``check`` passes on the merged copy; else write nothing.

    Returns the exit status and what to print."""
    try:
        status, report, merged = check_merged(draft_path, content_dir, seeds_dir)
    except PromoteError as error:
        return 2, f"Refusé, rien n'a été écrit : {error}."
    if status != 0:
        return 1, (
            f"Refusé, rien n'a été écrit : la base avec {draft_path.name} ne passe pas "
            f"`check` :\n{report}"
        )
    seed_path = seeds_dir / merged.seed_name
    if seed_path.exists() and seed_path.read_text(encoding="utf-8") != merged.seed_text:
        return 2, (
            f"Refusé, rien n'a été écrit : seeds/{merged.seed_name} existe déjà avec un autre "
            "texte."
        )
    targets = {content_dir / name: text for name, text in merged.texts.items()}
    targets[seed_path] = merged.seed_text
    _write_all(targets)
    done = draft_path.with_name(draft_path.name + ".promu")
    draft_path.replace(done)
    added = ", ".join(f"{section} +{number}" for section, number in merged.added.items())
    return 0, (
        f"✓ Brouillon déplacé dans la base ({added}) ; article copié dans "
        f"seeds/{merged.seed_name}.\n  Le brouillon est gardé sous {done.name}.\n"
        "  Ensuite : python3 run.py check --fidelity, puis .tools/bin/uv run python -m "
        "tests.golden (le diff de ce que les lecteurs verront)."
    )


def _write_all(targets: dict[Path, str]) -> None:
    """Write every file or none: temporary files first, then renames, undone on failure."""
    staged: dict[Path, Path] = {}
    try:
        for path, text in targets.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                stream.write(text)
            os.chmod(name, path.stat().st_mode & 0o777 if path.exists() else 0o644)
            staged[path] = Path(name)
    except OSError:
        for temp in staged.values():
            temp.unlink(missing_ok=True)
        raise
    before = {path: path.read_bytes() if path.exists() else None for path in staged}
    done: list[Path] = []
    try:
        for path, temp in staged.items():
            temp.replace(path)
            done.append(path)
    except OSError:
        for path in done:
            old = before[path]
            if old is None:
                path.unlink(missing_ok=True)
            else:
                path.write_bytes(old)
        for temp in staged.values():
            temp.unlink(missing_ok=True)
        raise
