"""Source ids the project's reference sets already use for other articles: the growth test's
sets (``tests/growth/``) and the draft benches (``bench/newcomer*/``). An article added to the
base under one of them makes the growth test fail (« identifiant de source en double »), so
``draft`` proposes another and ``check`` refuses it, naming the file that holds it.

Without those folders (a deployed bot), nothing is reserved.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from bot.paths import PROJECT_ROOT

SETS = ("tests/growth/**/content/*.yaml", "bench/newcomer*/content/*.yaml")
"""Where the reference sets keep their curated sources, from the project's root."""
_SOURCE = re.compile(
    r"^\s*-\s+id:\s*['\"]?(?P<id>[a-z0-9-]+)['\"]?\s*$(?P<rest>(?:\n(?!\s*-\s)[^\n]*)*)",
    re.MULTILINE,
)
_SEED = re.compile(r"^\s+seed:\s*['\"]?(?P<seed>[^'\"\n]+?)['\"]?\s*$", re.MULTILINE)


@functools.cache
def reserved_sources(root: Path = PROJECT_ROOT) -> dict[str, tuple[str, str]]:
    """Source id → (the file of the set holding it, relative to ``root``; its seed file)."""
    found: dict[str, tuple[str, str]] = {}
    for pattern in SETS:
        for path in sorted(root.glob(pattern)):
            text = path.read_text(encoding="utf-8")
            for match in _SOURCE.finditer(text):
                seed = _SEED.search(match.group("rest"))
                if seed is not None:  # a source: an entry without a seed is no source
                    relative = path.relative_to(root).as_posix()
                    found.setdefault(match.group("id"), (relative, seed.group("seed").strip()))
    return found


def clash(source_id: str, seed: str, root: Path = PROJECT_ROOT) -> str | None:
    """The file of a reference set that holds ``source_id`` for another article, or None
    (the same article under the same id is no clash: the growth test adds its own sets)."""
    held = reserved_sources(root).get(source_id)
    if held is None or Path(held[1]).name == Path(seed).name:
        return None
    return held[0]


def clash_message(source_id: str, where: str) -> str:
    """The French message for a source id a reference set already uses."""
    return (
        f"identifiant de source « {source_id} » déjà pris par un jeu de référence ({where}) "
        "pour un autre article : le test de croissance échouerait ; en choisir un autre "
        "(garder l'année : « …-2020 »), dans sources, evidence et coverage_skips"
    )
