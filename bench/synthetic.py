"""Synthetic bases ×N written as real files (content/*.yaml + seeds/*.txt), with varied text.

Copy 0 is the shipped base, unchanged. Copies 1…N-1 clone every source, organisation, event,
agreement and fact under new ids, and rewrite every free text — summaries, titles, scopes,
names and every quote — from a lexicon of the shipped articles' words plus invented ones,
drawn with a Zipf law (a few words are frequent, most are rare, as in real prose): the
full-text vocabulary grows with the base instead of staying at the shipped 800 words.
Dates are shifted by whole years. Each cloned source gets its own seed file holding the
quotes that cite it, so the loader checks every quote verbatim as it does for the real base.
Cloned entries still name the shipped countries and organisations (the base grows around
the same actors), so listings such as ``/pays Turquie`` or ``/org OTAN`` grow with it.

Used by ``bench/bench_engine.py`` and by ``tests/test_loading_scales.py``.
"""

from __future__ import annotations

import itertools
import os
import random
import re
import shutil
from pathlib import Path
from typing import Any

import yaml

from bot.paths import CONTENT_DIR, SEEDS_DIR
from bot.text import normalise_typography

try:
    from yaml import CSafeDumper as _Dumper
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeDumper as _Dumper  # type: ignore[assignment]
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

_ONSETS = ["b", "c", "d", "f", "g", "l", "m", "n", "p", "r", "s", "t", "v", "ch", "pr", "tr", "br"]
_VOWELS = ["a", "e", "i", "o", "u", "é", "è", "ou", "ai", "an", "on", "in"]
_CODAS = ["", "", "", "s", "t", "r", "n", "x", "ment", "tion", "ique", "eur"]
_REWRITTEN = frozenset(["id", "summary", "scope", "title", "date", "signed"])
"""Fields a clone rewrites; its other texts found in a quote are kept in the new quote."""
_DATE_YEAR = re.compile(r"\b(19|20)\d\d\b")


class Lexicon:
    """Words drawn with a Zipf law: the shipped articles' words first, then invented ones."""

    def __init__(self, rng: random.Random, size: int) -> None:
        real: dict[str, None] = {}
        for path in sorted(SEEDS_DIR.glob("*.txt")):
            for word in re.findall(r"[^\W\d_]{3,}", path.read_text(encoding="utf-8")):
                real.setdefault(word.lower(), None)
        words = list(real)
        seen = set(words)
        while len(words) < size:
            word = "".join(
                rng.choice(_ONSETS) + rng.choice(_VOWELS) for _ in range(rng.randint(1, 3))
            ) + rng.choice(_CODAS)
            if len(word) >= 3 and word not in seen:
                seen.add(word)
                words.append(word)
        self.words = words
        self.cumulative = list(itertools.accumulate(1.0 / rank for rank in range(1, size + 1)))
        self.rng = rng

    def sentence(self, low: int, high: int) -> str:
        """A capitalised sentence of ``low``…``high`` words, ending with a full stop."""
        count = self.rng.randint(low, high)
        words = self.rng.choices(self.words, cum_weights=self.cumulative, k=count)
        text = " ".join(words)
        return text[:1].upper() + text[1:] + "."

    def name(self) -> str:
        """A proper name: two or three capitalised words."""
        words = self.rng.choices(self.words, k=self.rng.randint(2, 3))
        return " ".join(word.capitalize() for word in words)


def _read(path: Path) -> dict[str, Any]:
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
    return data if isinstance(data, dict) else {}


def _new_id(base_id: str, copy: int) -> str:
    suffix = f"-{copy}"
    return base_id[: 40 - len(suffix)].rstrip("-") + suffix


def _shift_dates(value: str, years: int) -> str:
    return _DATE_YEAR.sub(lambda m: str(int(m.group(0)) + years), value)


class _Cloner:
    """Rewrites one copy of the shipped entries, collecting each seed's quotes."""

    def __init__(self, lexicon: Lexicon, copy: int, source_ids: list[str]) -> None:
        self.lexicon = lexicon
        self.copy = copy
        self.rng = lexicon.rng
        self.sources = {source: _new_id(source, copy) for source in source_ids}
        self.seed_text: dict[str, list[str]] = {new: [] for new in self.sources.values()}
        self.years = self.rng.randint(-20, 0)

    def evidence(
        self, items: list[dict[str, Any]], carried: tuple[str, ...] = ()
    ) -> list[dict[str, Any]]:
        """New quotes; each keeps the entry's texts (dates, wording) its original held."""
        cloned = []
        for item in items:
            source = self.sources[item["source"]]
            original = normalise_typography(str(item["quote"]))
            kept = [text for text in carried if normalise_typography(text) in original]
            quote = " ".join([self.lexicon.sentence(12, 40), *kept])
            self.seed_text[source].append(quote)
            cloned.append({**item, "source": source, "quote": quote})
        return cloned

    def entry(self, entry: dict[str, Any], agreements: dict[str, str]) -> dict[str, Any]:
        cloned = dict(entry)
        cloned["id"] = _new_id(entry["id"], self.copy)
        for field, (low, high) in {
            "summary": (10, 40),
            "scope": (15, 50),
            "title": (4, 10),
        }.items():
            if isinstance(entry.get(field), str):
                cloned[field] = self.lexicon.sentence(low, high)
        for field in ("date", "signed"):
            if isinstance(entry.get(field), str):
                cloned[field] = _shift_dates(entry[field], self.years)
        if entry.get("agreements"):
            cloned["agreements"] = [agreements[ref] for ref in entry["agreements"]]
        carried = tuple(
            value
            for key, value in entry.items()
            if isinstance(value, str) and key not in _REWRITTEN and len(value) >= 2
        )
        cloned["evidence"] = self.evidence(entry.get("evidence") or [], carried)
        return cloned

    def organisation(self, org: dict[str, Any]) -> dict[str, Any]:
        cloned = dict(org)
        cloned["id"] = _new_id(org["id"], self.copy)
        cloned["name"] = f"{self.lexicon.name()} {self.copy}"
        cloned["full_name"] = f"{cloned['name']} {self.lexicon.name()}"
        cloned["name_en"] = None
        cloned["aliases"] = []
        if org.get("evidence"):
            cloned["evidence"] = self.evidence(org["evidence"])
        return cloned


LARGE_CONTENT = {
    "CONTENT_MAX_FILE_MB": "4096",
    "CONTENT_MAX_TOTAL_MB": "16384",
    "CONTENT_MAX_ENTRIES": "100000000",
    "CONTENT_MAX_NODES": "1000000000",
}
"""Content limits (bot/content/limits.py) raised for synthetic bases of ×100 and more."""


def write_synthetic(root: Path, factor: int, seed: int = 17, lexicon_size: int = 60_000) -> None:
    """Write ``root/content`` and ``root/seeds``: the shipped base and ``factor - 1`` clones.

    From ×100 on, the content limits are raised in this process's environment (and so in the
    processes it starts): a ×1000 file is far beyond what a hand-curated base may hold."""
    if factor >= 100:
        for name, value in LARGE_CONTENT.items():
            os.environ.setdefault(name, value)
    content, seeds = root / "content", root / "seeds"
    shutil.copytree(CONTENT_DIR, content, dirs_exist_ok=True)
    shutil.copytree(SEEDS_DIR, seeds, dirs_exist_ok=True)
    if factor <= 1:
        return
    shipped = {path.stem: _read(path) for path in sorted(CONTENT_DIR.glob("*.yaml"))}
    sections: dict[str, list[dict[str, Any]]] = {}
    for data in shipped.values():
        for section, entries in data.items():
            if isinstance(entries, list):
                sections.setdefault(section, []).extend(entries)
    lexicon = Lexicon(random.Random(seed), lexicon_size)
    sources = sections.get("sources", [])
    seed_texts = {
        source["seed"]: (SEEDS_DIR / source["seed"]).read_text(encoding="utf-8")
        for source in sources
    }
    out: dict[str, list[dict[str, Any]]] = {
        name: [] for name in ("sources", "organisations", "events", "agreements", "facts")
    }
    for copy in range(1, factor):
        cloner = _Cloner(lexicon, copy, [source["id"] for source in sources])
        agreements = {a["id"]: _new_id(a["id"], copy) for a in sections.get("agreements", [])}
        out["organisations"] += [cloner.organisation(o) for o in sections.get("organisations", [])]
        for name in ("events", "agreements", "facts"):
            out[name] += [cloner.entry(e, agreements) for e in sections.get(name, [])]
        for source in sources:
            new_id = cloner.sources[source["id"]]
            seed_name = f"{Path(source['seed']).stem}-{copy}.txt"
            published = source.get("published")
            shifted = _shift_dates(published, cloner.years) if published else None
            out["sources"].append({**source, "id": new_id, "published": shifted, "seed": seed_name})
            # Texts the source takes from its article (title, outlet, date as written) stay
            # verbatim in the new article, as the loader checks.
            original = normalise_typography(seed_texts[source["seed"]])
            verbatim = [
                value
                for key, value in source.items()
                if isinstance(value, str)
                and key not in ("id", "seed")
                and normalise_typography(value) in original
            ]
            lines = [*verbatim, *cloner.seed_text[new_id]]
            (seeds / seed_name).write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    for name, entries in out.items():
        text = yaml.dump({name: entries}, Dumper=_Dumper, allow_unicode=True, sort_keys=False)
        (content / f"zz-synthetic-{name}.yaml").write_text(text, encoding="utf-8")
