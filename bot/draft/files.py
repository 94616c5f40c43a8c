"""Where drafts live and how one is written: never into the live base's files."""

from __future__ import annotations

from pathlib import Path

from bot.content.model import FactBase
from bot.draft.article import Given
from bot.draft.build import Draft, draft_article, render_draft
from bot.draft.links import Linker

DRAFTS_FOLDER = "drafts"
"""Sub-folder of ``content/`` for drafts: the loader reads only ``content/*.yaml``."""


def drafts_dir(content_dir: Path) -> Path:
    """The default drafts folder, ``content/drafts/``."""
    return content_dir / DRAFTS_FOLDER


def draft_document(
    text: str,
    name: str,
    base: FactBase,
    article_path: str,
    given: Given | None = None,
    linker: Linker | None = None,
) -> tuple[Draft, str]:
    """The draft of ``text`` and its YAML: one path for the command line and Telegram.
    ``linker``: the base's, built once (``linker_of``); without it, one is built here."""
    draft = draft_article(text, name, base, linker=linker, given=given)
    return draft, render_draft(draft, article_path)


def write_draft(
    text: str,
    article_path: Path,
    base: FactBase,
    out_dir: Path,
    given: Given | None = None,
    linker: Linker | None = None,
) -> tuple[Draft, Path, bool]:
    """Draft ``text`` and write ``<out_dir>/<id>.yaml``.

    Returns the draft, the file, and whether it replaced an earlier draft of that name.
    """
    draft, rendered = draft_document(
        text, article_path.name, base, str(article_path), given, linker
    )
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"{draft.source_id}.yaml"
    replaced = target.exists()
    target.write_text(rendered, encoding="utf-8")
    return draft, target, replaced
